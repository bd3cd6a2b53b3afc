#include "pendulumfeaturefilter.h"

#include <QStringList>

#include "qgsfeaturerequest.h"
#include "qgsvectorlayer.h"

PendulumFeatureFilter::PendulumFeatureFilter( const QList<QgsMapLayer *> &layers )
{
  for ( QgsMapLayer *mapLayer : layers )
  {
    if ( QgsVectorLayer *layer = qobject_cast<QgsVectorLayer *>( mapLayer ) )
      mExtents.insert( layer->id(), layer->extent() );
  }
}

void PendulumFeatureFilter::filterFeatures( const QgsVectorLayer *layer, QgsFeatureRequest &request ) const
{
  const auto it = mExtents.constFind( layer->id() );
  if ( it == mExtents.constEnd() )
    return;
  // A rectangle around the whole layer filters nothing.
  const QgsRectangle rect = request.filterRect();
  if ( !rect.isNull() && !it->isNull() && rect.contains( *it ) )
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
