#ifndef PENDULUMMAPRENDERER_H
#define PENDULUMMAPRENDERER_H

#include <QDate>
#include <QImage>
#include <QList>
#include <QSize>

#include "qgsrectangle.h"

class QgsMapLayer;
class QgsMapSettings;

//! What to draw: the map on one day.
struct PendulumMapRequest
{
  QDate date;
  QSize size = QSize( 1600, 1200 );
  int dpi = 96;
  QgsRectangle extent; //!< in PendulumRegion::mapCrs(); empty: the default region
  bool dateLabel = true;
  bool labels =
      true;          //!< the layers' labels (off for pixel comparisons that labels placed anew would disturb)
  QString labelText; //!< the date label's text; empty: the date in full ("1 January 1910")
};

/**
 * Renders the record as it stood on a day, through QGIS's map renderer with
 * the temporal range of QgsMapSettings, in the region's projection.
 */
class PendulumMapRenderer
{
public:
  //! \a layers bottom first (catalog order); not owned.
  explicit PendulumMapRenderer( const QList<QgsMapLayer *> &layers );

  //! The map settings for \a request, as the renderer uses them.
  QgsMapSettings mapSettings( const PendulumMapRequest &request ) const;

  //! Renders \a request into an image.
  QImage render( const PendulumMapRequest &request ) const;

  /**
   * Writes \a image to \a path (format from the suffix) through a temporary
   * file that replaces \a path only once complete.
   */
  static bool save( const QImage &image, const QString &path, int dpi, QString *error );

  /**
   * Draws the date label \a text onto \a image as render() does (top left,
   * on a white box); thread-safe, so animation frames can be labelled in
   * worker threads on a map rendered once.
   */
  static void drawLabel( QImage &image, const QString &text, int dpi );

private:
  QList<QgsMapLayer *> mLayers;
};

#endif // PENDULUMMAPRENDERER_H
