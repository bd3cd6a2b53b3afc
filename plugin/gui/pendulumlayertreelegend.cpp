#include "pendulumlayertreelegend.h"

#include "pendulumdaylegend.h"

#include "qgsmapcanvas.h"
#include "qgsvectorlayer.h"

namespace
{
// Long enough to skip the frames of a playing timeline, short enough to feel immediate.
constexpr int sDelayMs = 250;
} // namespace

PendulumLayerTreeLegend::PendulumLayerTreeLegend( QgsMapCanvas *canvas, QObject *parent )
    : QObject( parent ), mCanvas( canvas )
{
  mDelay.setSingleShot( true );
  mDelay.setInterval( sDelayMs );
  connect( &mDelay, &QTimer::timeout, this, &PendulumLayerTreeLegend::apply );
}

PendulumLayerTreeLegend::~PendulumLayerTreeLegend()
{
  clear();
}

void PendulumLayerTreeLegend::follow( const QList<QgsVectorLayer *> &layers )
{
  // Layers no longer followed (the record was replaced) get their default legend back.
  for ( const QPointer<QgsVectorLayer> &layer : std::as_const( mLayers ) )
  {
    if ( layer && !layers.contains( layer ) )
      PendulumDayLegend::uninstall( layer );
  }
  mLayers.clear();
  for ( QgsVectorLayer *layer : layers )
    mLayers << layer;
  mDelay.start();
}

void PendulumLayerTreeLegend::apply()
{
  if ( !mCanvas )
    return;
  const QDate day = mCanvas->mapSettings().isTemporal() ? mCanvas->temporalRange().begin().date() : QDate();
  for ( const QPointer<QgsVectorLayer> &layer : std::as_const( mLayers ) )
  {
    if ( layer )
      PendulumDayLegend::install( layer )->setDay( day );
  }
}

void PendulumLayerTreeLegend::clear()
{
  mDelay.stop();
  for ( const QPointer<QgsVectorLayer> &layer : std::as_const( mLayers ) )
  {
    if ( layer )
      PendulumDayLegend::uninstall( layer );
  }
  mLayers.clear();
}
