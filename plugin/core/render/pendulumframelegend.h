#ifndef PENDULUMFRAMELEGEND_H
#define PENDULUMFRAMELEGEND_H

#include <QImage>
#include <QList>
#include <memory>

class QgsLayerTree;
class QgsMapLayer;
class QgsMapSettings;

/**
 * The legend drawn on map images and animation frames: for each time-enabled
 * layer, the categories of what the map shows on its day (nothing of Manchukuo
 * on a map of 1910), with the layers' own symbols, through QGIS's legend
 * renderer. A print layout has a legend item; a plain image needs this.
 */
class PendulumFrameLegend
{
public:
  //! \a layers bottom first, as PendulumMapRenderer takes them; only time-enabled ones are listed.
  explicit PendulumFrameLegend( const QList<QgsMapLayer *> &layers );
  ~PendulumFrameLegend();

  /**
   * The legend of the map \a settings describe (their day and extent), on a
   * translucent white box, sized for an image of settings' output size. Null
   * if nothing is shown.
   */
  QImage render( const QgsMapSettings &settings ) const;

  //! Draws render() in the lower left corner of \a image, which shows \a settings' map.
  void drawOnto( QImage &image, const QgsMapSettings &settings ) const;

private:
  std::unique_ptr<QgsLayerTree> mRoot;
};

#endif // PENDULUMFRAMELEGEND_H
