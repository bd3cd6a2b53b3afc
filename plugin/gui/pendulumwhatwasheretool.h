#ifndef PENDULUMWHATWASHERETOOL_H
#define PENDULUMWHATWASHERETOOL_H

#include <QPointer>

#include "qgsfeature.h"
#include "qgsmaptoolidentify.h"
#include "qgspointxy.h"

class QgsVectorLayer;

/**
 * The "What Was Here?" map tool: a click identifies the topmost Pendulum
 * feature shown at that point on the canvas's current date (QGIS's identify
 * machinery, with its search radius, so events' points can be hit), and
 * reports it with the clicked place in lon/lat.
 */
class PendulumWhatWasHereTool : public QgsMapToolIdentify
{
  Q_OBJECT

public:
  explicit PendulumWhatWasHereTool( QgsMapCanvas *canvas );

  //! The layers a click looks in (top first); others are ignored.
  void setLayers( const QList<QgsVectorLayer *> &layers );

  void canvasReleaseEvent( QgsMapMouseEvent *event ) override;

signals:
  /**
   * A click at \a lonLat; \a layer and \a feature are the topmost Pendulum
   * feature shown there (null and invalid when none is).
   */
  void placeClicked( const QgsPointXY &lonLat, QgsVectorLayer *layer, const QgsFeature &feature );

private:
  QList<QPointer<QgsVectorLayer>> mLayers;
};

#endif // PENDULUMWHATWASHERETOOL_H
