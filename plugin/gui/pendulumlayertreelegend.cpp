#include "pendulumlayertreelegend.h"

#include "pendulumdaylegend.h"

#include "qgsvectorlayer.h"

PendulumLayerTreeLegend::~PendulumLayerTreeLegend()
{
  clear();
}

void PendulumLayerTreeLegend::setLayers( const QList<QgsVectorLayer *> &layers )
{
  for ( const QPointer<QgsVectorLayer> &layer : std::as_const( mLayers ) )
  {
    if ( layer && !layers.contains( layer ) )
      PendulumDayLegend::uninstall( layer );
  }
  mLayers.clear();
  for ( QgsVectorLayer *layer : layers )
    mLayers << layer;
}

void PendulumLayerTreeLegend::setDay( const QDate &day )
{
  for ( const QPointer<QgsVectorLayer> &layer : std::as_const( mLayers ) )
  {
    if ( layer )
      PendulumDayLegend::install( layer )->setDay( day );
  }
}

void PendulumLayerTreeLegend::clear()
{
  setLayers( {} );
}
