#ifndef PENDULUMMAPRENDERER_H
#define PENDULUMMAPRENDERER_H

#include <QColor>
#include <QDate>
#include <QImage>
#include <QList>
#include <QSize>
#include <memory>

#include "qgsrectangle.h"

class PendulumFeatureFilter;
class PendulumMapRenderJob;
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
  bool legend = false; //!< a legend of what the day shows, lower left (PendulumFrameLegend)
  bool labels =
      true;          //!< the layers' labels (off for pixel comparisons that labels placed anew would disturb)
  QString labelText; //!< the date label's text; empty: the date in full ("1 January 1910")
};

/**
 * Renders the record as it stood on a day, through QGIS's map renderer with
 * the temporal range of QgsMapSettings, in the region's projection. Its
 * feature requests go through PendulumFeatureFilter, which makes them cheaper
 * without changing the features they return: the pixels are QGIS's own.
 */
class PendulumMapRenderer
{
public:
  //! \a layers bottom first (catalog order); not owned.
  explicit PendulumMapRenderer( const QList<QgsMapLayer *> &layers );

  //! The sea: near white, so that no pale land tint is mistaken for water.
  static QColor backgroundColor() { return QColor( 0xf7, 0xf9, 0xfb ); }

  //! The layers drawn, bottom first.
  const QList<QgsMapLayer *> &layers() const { return mLayers; }

  //! The map settings for \a request, as the renderer uses them.
  QgsMapSettings mapSettings( const PendulumMapRequest &request ) const;

  //! Renders \a request into an image.
  QImage render( const PendulumMapRequest &request ) const;

  /**
   * How many layers at the bottom make a basemap: layers that are not
   * time-enabled and have no labels or diagrams, below the first that is or
   * has. They look the same on every date, so an animation draws them once.
   */
  int basemapLayerCount() const;

  //! The basemap layers alone, as render() draws them first (no date label): for renderOver().
  QImage renderBasemap( const PendulumMapRequest &request ) const;

  /**
   * The same image as render( \a request ), drawn over a copy of \a basemap
   * (renderBasemap() of a request of the same size and extent) with only the
   * layers above the basemap rendered.
   */
  QImage renderOver( const QImage &basemap, const PendulumMapRequest &request ) const;

  /**
   * Starts rendering \a request on a QGIS worker thread and returns at once
   * (call from the thread that owns the layers); the job's wait() gives
   * render( \a request ), or renderOver( \a basemap, \a request ) if
   * \a basemap is given. Several may run at a time.
   */
  std::unique_ptr<PendulumMapRenderJob> start( const PendulumMapRequest &request,
                                               const QImage &basemap = QImage() ) const;

  /**
   * Writes \a image to \a path (format from the suffix) through a temporary
   * file that replaces \a path only once complete.
   */
  static bool save( const QImage &image, const QString &path, int dpi, QString *error );

private:
  QgsMapSettings mapSettings( const PendulumMapRequest &request, const QList<QgsMapLayer *> &layers ) const;
  //! The rendered map with its DPI and, if asked for, the date label.
  static QImage finish( const QImage &rendered, const PendulumMapRequest &request );
  //! An image for \a settings as QGIS's sequential job makes one.
  static QImage blankImage( const QgsMapSettings &settings );

  friend class PendulumMapRenderJob; // finishes the maps it renders

  QList<QgsMapLayer *> mLayers;
  std::shared_ptr<const PendulumFeatureFilter> mFilter;
};

#endif // PENDULUMMAPRENDERER_H
