#ifndef PENDULUMFEATUREFILTER_H
#define PENDULUMFEATUREFILTER_H

#include <QDate>
#include <QHash>
#include <QString>
#include <atomic>
#include <memory>

#include "qgsfeaturefilterprovider.h"
#include "qgsrectangle.h"

class PendulumDateIndex;
class QgsMapLayer;

/**
 * Makes the feature requests of a map render cheaper for the GeoPackage
 * without changing which features they return.
 *
 * - A spatial filter that contains the whole layer selects every feature:
 *   it is dropped. (OGR checks such a filter against the layer's extent with
 *   several queries on every request, most of the cost of drawing a small
 *   layer.) The request is otherwise QGIS's own, order included.
 * - A time-enabled layer with a date index (PendulumDateIndex) and many
 *   features gets the ids of the features true on the map's day and inside
 *   the filter rectangle, looked up in the index, in place of the spatial
 *   filter. QGIS's own temporal filter still applies on top; the index only
 *   spares SQLite reading every feature in the rectangle to test its dates.
 *   These features come in id order, where QGIS's own order follows SQLite's
 *   plan: the map is the same wherever no two features of the layer overlap
 *   on that day.
 *
 * Built on the thread that owns the layers (it reads their extents there);
 * the render threads only call filterFeatures().
 */
class PendulumFeatureFilter : public QgsFeatureFilterProvider
{
public:
  //! Layers with fewer features are read whole faster than their date index is asked.
  static constexpr long long DATE_INDEX_MINIMUM_FEATURES = 5000;

  //! For maps drawing \a layers (not owned; their extents and date indexes are read here).
  explicit PendulumFeatureFilter( const QList<QgsMapLayer *> &layers );

  //! The day the map shows: the date indexes are asked for it.
  void setDate( const QDate &date ) { mDate = date; }

  void filterFeatures( const QgsVectorLayer *layer, QgsFeatureRequest &request ) const override;
  QStringList layerAttributes( const QgsVectorLayer *layer, const QStringList &attributes ) const override;
  QgsFeatureFilterProvider *clone() const override;

  //! How many requests got ids from a date index (clones share the count); for tests and benchmarks.
  int dateIndexRequests() const;

private:
  struct Layer
  {
    QgsRectangle extent;                      //!< in the layer's CRS
    std::shared_ptr<PendulumDateIndex> dates; //!< null: no date index used
  };

  QDate mDate;
  QHash<QString, Layer> mLayers; //!< by layer id
  std::shared_ptr<std::atomic<int>> mDateIndexRequests;
};

#endif // PENDULUMFEATUREFILTER_H
