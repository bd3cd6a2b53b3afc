#include "pendulumplacequery.h"

#include "pendulumdataset.h"
#include "pendulumqgiscompat.h"

#include <algorithm>

#include "qgsexpression.h"
#include "qgsfeatureiterator.h"
#include "qgsfeaturerequest.h"
#include "qgsgeometry.h"
#include "qgsmaplayertemporalproperties.h"
#include "qgsvectorlayer.h"

PendulumPlaceQuery::PendulumPlaceQuery( const QList<QgsVectorLayer *> &layers ) : mLayers( layers ) {}

QList<PendulumPlaceRecord> PendulumPlaceQuery::covering( const QgsPointXY &point, const QDate &date ) const
{
  QList<PendulumPlaceRecord> records;
  const QgsGeometry pointGeometry = QgsGeometry::fromPointXY( point );
  for ( QgsVectorLayer *layer : mLayers )
  {
    // Only the historical layers: the basemap holds nothing and events are points.
    if ( layer->geometryType() != PendulumQgis::GeometryType::Polygon || !layer->temporalProperties()->isActive() )
      continue;
    QgsFeatureRequest request;
    request.setFilterRect( QgsRectangle( point.x(), point.y(), point.x(), point.y() ) );
    if ( date.isValid() )
    {
      // The record's rule: valid_from inclusive, valid_to exclusive, empty valid_to open.
      const QString day = QgsExpression::quotedValue( date.toString( Qt::ISODate ) );
      request.setFilterExpression(
          QStringLiteral(
              "\"valid_from\" <= to_date(%1) AND (\"valid_to\" IS NULL OR \"valid_to\" > to_date(%1))" )
              .arg( day ) );
    }
    const QString layerId = layer->customProperty( PendulumDataset::layerIdProperty() ).toString();
    QgsFeatureIterator it = layer->getFeatures( request );
    QgsFeature feature;
    while ( it.nextFeature( feature ) )
    {
      if ( feature.geometry().intersects( pointGeometry ) )
        records << PendulumPlaceRecord{ layerId, feature };
    }
  }
  return records;
}

QList<PendulumPlaceRecord> PendulumPlaceQuery::at( const QgsPointXY &point, const QDate &date ) const
{
  return covering( point, date );
}

QList<PendulumPlaceRecord> PendulumPlaceQuery::history( const QgsPointXY &point ) const
{
  QList<PendulumPlaceRecord> records = covering( point, QDate() );
  std::stable_sort( records.begin(), records.end(),
                    []( const PendulumPlaceRecord &a, const PendulumPlaceRecord &b )
                    { return a.validFrom() < b.validFrom(); } );
  return records;
}
