#ifndef PENDULUMFEATUREFILTER_H
#define PENDULUMFEATUREFILTER_H

#include <QHash>
#include <QString>

#include "qgsfeaturefilterprovider.h"
#include "qgsrectangle.h"

class QgsMapLayer;

/**
 * Makes the feature requests of a map render cheaper for the GeoPackage
 * without changing which features they return.
 *
 * A spatial filter that contains the whole layer selects every feature: it
 * is dropped. (OGR checks such a filter against the layer's extent with
 * several queries on every request, most of the cost of drawing a small
 * layer.) The request is otherwise QGIS's own, order included.
 *
 * (An interval index of the dates, tried before, paid off only from about
 * 100,000 features and lost at a million; the record has a few hundred, so it
 * was removed with its direct SQLite dependency.)
 *
 * Built on the thread that owns the layers (it reads their extents there);
 * the render threads only call filterFeatures().
 */
class PendulumFeatureFilter : public QgsFeatureFilterProvider
{
public:
  //! For maps drawing \a layers (not owned; their extents are read here).
  explicit PendulumFeatureFilter( const QList<QgsMapLayer *> &layers );

  void filterFeatures( const QgsVectorLayer *layer, QgsFeatureRequest &request ) const override;
  QStringList layerAttributes( const QgsVectorLayer *layer, const QStringList &attributes ) const override;
  QgsFeatureFilterProvider *clone() const override;

private:
  QHash<QString, QgsRectangle> mExtents; //!< by layer id, in the layer's CRS
};

#endif // PENDULUMFEATUREFILTER_H
