#include "pendulumwhatwasheretool.h"

#include "pendulumschema.h"

#include "qgscoordinatetransform.h"
#include "qgsidentifycontext.h"
#include "qgsmapcanvas.h"
#include "qgsmapmouseevent.h"
#include "qgsproject.h"
#include "qgsvectorlayer.h"

PendulumWhatWasHereTool::PendulumWhatWasHereTool( QgsMapCanvas *canvas ) : QgsMapToolIdentify( canvas )
{
  mToolName = tr( "What Was Here?" );
  setCursor( QCursor( Qt::WhatsThisCursor ) );
}

void PendulumWhatWasHereTool::setLayers( const QList<QgsVectorLayer *> &layers )
{
  mLayers.clear();
  for ( QgsVectorLayer *layer : layers )
    mLayers << layer;
}

void PendulumWhatWasHereTool::canvasReleaseEvent( QgsMapMouseEvent *event )
{
  const QgsPointXY mapPoint = event->mapPoint();
  const QgsCoordinateTransform toWgs84( mCanvas->mapSettings().destinationCrs(),
                                        QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ),
                                        QgsProject::instance()->transformContext() );
  QgsPointXY lonLat;
  try
  {
    lonLat = toWgs84.transform( mapPoint );
  }
  catch ( const QgsCsException & )
  {
    return; // outside the projection's domain: nothing was there
  }

  QList<QgsMapLayer *> layers;
  for ( const QPointer<QgsVectorLayer> &layer : std::as_const( mLayers ) )
  {
    if ( layer )
      layers << layer.data();
  }
  QgsIdentifyContext context;
  const QDate day = mCanvas->mapSettings().isTemporal() ? mCanvas->temporalRange().begin().date() : QDate();
  if ( mCanvas->mapSettings().isTemporal() )
    context.setTemporalRange( mCanvas->temporalRange() );
  const QList<IdentifyResult> results =
      identify( event->x(), event->y(), TopDownAll, layers, VectorLayer, context );
  for ( const IdentifyResult &result : results )
  {
    QgsVectorLayer *layer = qobject_cast<QgsVectorLayer *>( result.mLayer );
    // Check the record's own rule as well (valid_from included, valid_to excluded) in case the
    // identify machinery did not filter by time.
    const QDate from = result.mFeature.attribute( PendulumSchema::startField() ).toDate();
    const QDate to = result.mFeature.attribute( PendulumSchema::endField() ).toDate();
    if ( !layer ||
         ( day.isValid() && ( ( from.isValid() && from > day ) || ( to.isValid() && to <= day ) ) ) )
      continue;
    emit placeClicked( lonLat, layer, result.mFeature );
    return;
  }
  emit placeClicked( lonLat, nullptr, QgsFeature() );
}
