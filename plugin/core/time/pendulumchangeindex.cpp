#include "pendulumchangeindex.h"

#include "pendulumqgiscompat.h"
#include "pendulumschema.h"
#include "pendulumtemporal.h"

#include <algorithm>

#include "qgsfeatureiterator.h"
#include "qgsfeaturerequest.h"
#include "qgsvectorlayer.h"

PendulumChangeIndex::PendulumChangeIndex( const QList<QgsVectorLayer *> &layers )
{
  const QString dateField = QStringLiteral( "date" );
  for ( QgsVectorLayer *layer : layers )
  {
    // The basemap and any layer QGIS does not filter by time never changes the map.
    if ( !layer || !PendulumTemporal::isConfigured( layer ) )
      continue;
    QStringList fields = { PendulumSchema::startField(), PendulumSchema::endField() };
    if ( layer->fields().indexOf( dateField ) >= 0 )
      fields << dateField;
    QgsFeatureRequest request;
    request.setFlags( PendulumQgis::FeatureRequestFlag::NoGeometry );
    request.setSubsetOfAttributes( fields, layer->fields() );
    QgsFeatureIterator it = layer->getFeatures( request );
    QgsFeature feature;
    while ( it.nextFeature( feature ) )
    {
      for ( const QString &field : std::as_const( fields ) )
      {
        const QDate date = feature.attribute( field ).toDate();
        if ( date.isValid() )
          mDates << date;
      }
    }
  }
  std::sort( mDates.begin(), mDates.end() );
  mDates.erase( std::unique( mDates.begin(), mDates.end() ), mDates.end() );
}

QDate PendulumChangeIndex::next( const QDate &date ) const
{
  const auto it = std::upper_bound( mDates.cbegin(), mDates.cend(), date );
  return it == mDates.cend() ? QDate() : *it;
}

QDate PendulumChangeIndex::previous( const QDate &date ) const
{
  const auto it = std::lower_bound( mDates.cbegin(), mDates.cend(), date );
  return it == mDates.cbegin() ? QDate() : *( it - 1 );
}
