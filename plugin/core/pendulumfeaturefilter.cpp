#include "pendulumfeaturefilter.h"

#include "pendulumdateindex.h"
#include "pendulumtemporal.h"

#include <QStringList>

#include "qgsfeaturerequest.h"
#include "qgsvectorlayer.h"

PendulumFeatureFilter::PendulumFeatureFilter( const QList<QgsMapLayer *> &layers )
    : mDateIndexRequests( std::make_shared<std::atomic<int>>( 0 ) )
{
  for ( QgsMapLayer *mapLayer : layers )
  {
    QgsVectorLayer *layer = qobject_cast<QgsVectorLayer *>( mapLayer );
    if ( !layer )
      continue;
    Layer info;
    info.extent = layer->extent();
    if ( PendulumTemporal::isConfigured( layer ) && layer->featureCount() >= DATE_INDEX_MINIMUM_FEATURES )
      info.dates = PendulumDateIndex::open( layer );
    mLayers.insert( layer->id(), info );
  }
}

void PendulumFeatureFilter::filterFeatures( const QgsVectorLayer *layer, QgsFeatureRequest &request ) const
{
  const auto it = mLayers.constFind( layer->id() );
  if ( it == mLayers.constEnd() )
    return;
  const QgsRectangle rect = request.filterRect();
  QList<QgsFeatureId> ids;
  if ( it->dates && mDate.isValid() && request.filterType() == QgsFeatureRequest::FilterNone &&
       it->dates->featureIds( mDate, rect, &ids ) )
  {
    // The ids replace the spatial filter (they are the features inside it); SQLite then reads just
    // those rows, in id order as before.
    QStringList list;
    list.reserve( ids.size() );
    for ( QgsFeatureId id : std::as_const( ids ) )
      list << QString::number( id );
    request.setFilterRect( QgsRectangle() );
    request.setFilterExpression( list.isEmpty()
                                     ? QStringLiteral( "\"fid\" IN (-1)" )
                                     : QStringLiteral( "\"fid\" IN (%1)" ).arg( list.join( ',' ) ) );
    ++*mDateIndexRequests;
    return;
  }
  // A rectangle around the whole layer filters nothing.
  if ( !rect.isNull() && !it->extent.isNull() && rect.contains( it->extent ) )
    request.setFilterRect( QgsRectangle() );
}

QStringList PendulumFeatureFilter::layerAttributes( const QgsVectorLayer *,
                                                    const QStringList &attributes ) const
{
  return attributes;
}

QgsFeatureFilterProvider *PendulumFeatureFilter::clone() const
{
  return new PendulumFeatureFilter( *this );
}

int PendulumFeatureFilter::dateIndexRequests() const
{
  return *mDateIndexRequests;
}
