#include "pendulummaprenderer.h"

#include "pendulumdatelabel.h"
#include "pendulumwriteerror.h"

#include "pendulumdate.h"
#include "pendulumfeaturefilter.h"
#include "pendulumframelegend.h"
#include "pendulummaprenderjob.h"
#include "pendulumregion.h"
#include "pendulumtemporal.h"

#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <algorithm>

#include "qgsexpressioncontextutils.h"
#include "qgsmaplayer.h"
#include "qgsmaplayertemporalproperties.h"
#include "qgsmapsettings.h"
#include "qgsproject.h"
#include "qgsvectorlayer.h"

PendulumMapRenderer::PendulumMapRenderer( const QList<QgsMapLayer *> &layers )
    : mLayers( layers ), mFilter( std::make_shared<const PendulumFeatureFilter>( layers ) )
{
}

QgsMapSettings PendulumMapRenderer::mapSettings( const PendulumMapRequest &request ) const
{
  return mapSettings( request, mLayers );
}

QgsMapSettings PendulumMapRenderer::mapSettings( const PendulumMapRequest &request,
                                                 const QList<QgsMapLayer *> &layers ) const
{
  QgsMapSettings settings;
  QList<QgsMapLayer *> topFirst = layers;
  std::reverse( topFirst.begin(), topFirst.end() );
  settings.setLayers( topFirst );
  settings.setDestinationCrs( PendulumRegion::mapCrs() );
  settings.setExtent( request.extent.isEmpty() ? PendulumRegion::mapExtent() : request.extent );
  settings.setOutputSize( request.size );
  settings.setOutputDpi( request.dpi );
  settings.setBackgroundColor( backgroundColor() );
  settings.setFlag( Qgis::MapSettingsFlag::Antialiasing, true );
  settings.setFlag( Qgis::MapSettingsFlag::UseAdvancedEffects, true );
  settings.setFlag( Qgis::MapSettingsFlag::DrawLabeling, request.labels );
  settings.setLabelingEngineSettings( PendulumRegion::labelingEngineSettings() );
  settings.setTransformContext( QgsProject::instance()->transformContext() );
  settings.setIsTemporal( true );
  settings.setTemporalRange( PendulumTemporal::dayRange( request.date ) );
  // As QGIS's canvas and layouts do: styles may ask for @map_start_time and the like
  // (the events style fades events older than a year), which an empty context lacks.
  QgsExpressionContext context;
  context << QgsExpressionContextUtils::globalScope()
          << QgsExpressionContextUtils::projectScope( QgsProject::instance() )
          << QgsExpressionContextUtils::mapSettingsScope( settings );
  settings.setExpressionContext( context );
  return settings;
}

QImage PendulumMapRenderer::render( const PendulumMapRequest &request ) const
{
  QImage image = start( request )->wait();
  if ( request.legend )
    PendulumFrameLegend( mLayers ).drawOnto( image, mapSettings( request ) );
  return image;
}

std::unique_ptr<PendulumMapRenderJob> PendulumMapRenderer::start( const PendulumMapRequest &request,
                                                                  const QImage &basemap ) const
{
  const int below = basemapLayerCount();
  if ( below == 0 || basemap.isNull() || basemap.size() != request.size )
  {
    const QgsMapSettings settings = mapSettings( request );
    return std::unique_ptr<PendulumMapRenderJob>(
        new PendulumMapRenderJob( settings, blankImage( settings ), *mFilter, &request ) );
  }
  // What QGIS does after drawing the basemap layers: the layers above, then the labels, with the
  // same painter set-up (it clears to the background colour first: make that a no-op).
  QgsMapSettings settings = mapSettings( request, mLayers.mid( below ) );
  settings.setBackgroundColor( Qt::transparent );
  return std::unique_ptr<PendulumMapRenderJob>(
      new PendulumMapRenderJob( settings, basemap.copy(), *mFilter, &request ) );
}

QImage PendulumMapRenderer::finish( const QImage &rendered, const PendulumMapRequest &request )
{
  QImage image = rendered;
  image.setDotsPerMeterX( qRound( request.dpi / 0.0254 ) );
  image.setDotsPerMeterY( qRound( request.dpi / 0.0254 ) );
  if ( request.dateLabel )
    PendulumDateLabel::draw( image,
                             request.labelText.isEmpty() ? PendulumDate::toDisplayString( request.date )
                                                         : request.labelText,
                             request.dpi );
  return image;
}

QImage PendulumMapRenderer::blankImage( const QgsMapSettings &settings )
{
  // As QgsMapRendererSequentialJob prepares its image: the job then clears it to the background.
  QImage image( settings.deviceOutputSize(), settings.outputImageFormat() );
  image.setDevicePixelRatio( settings.devicePixelRatio() );
  image.setDotsPerMeterX( int( 1000 * settings.outputDpi() / 25.4 ) );
  image.setDotsPerMeterY( int( 1000 * settings.outputDpi() / 25.4 ) );
  image.fill( Qt::transparent );
  return image;
}

int PendulumMapRenderer::basemapLayerCount() const
{
  int count = 0;
  for ( QgsMapLayer *layer : mLayers )
  {
    // Time-enabled layers change the map; labels and diagrams are placed together with those of
    // the layers above (collisions), so a layer with either cannot be drawn ahead of them.
    if ( layer->temporalProperties() && layer->temporalProperties()->isActive() )
      break;
    if ( QgsVectorLayer *vector = qobject_cast<QgsVectorLayer *>( layer ) )
    {
      if ( vector->labelsEnabled() || vector->diagramsEnabled() )
        break;
    }
    ++count;
  }
  // Only the layers below something that changes: a map without time-enabled layers has no basemap.
  return count < mLayers.size() ? count : 0;
}

QImage PendulumMapRenderer::renderBasemap( const PendulumMapRequest &request ) const
{
  const QgsMapSettings settings = mapSettings( request, mLayers.mid( 0, basemapLayerCount() ) );
  return PendulumMapRenderJob( settings, blankImage( settings ), *mFilter, nullptr ).wait();
}

QImage PendulumMapRenderer::renderOver( const QImage &basemap, const PendulumMapRequest &request ) const
{
  return start( request, basemap )->wait();
}

bool PendulumMapRenderer::save( const QImage &image, const QString &path, int dpi, QString *error )
{
  QImage out = image;
  out.setDotsPerMeterX( qRound( dpi / 0.0254 ) );
  out.setDotsPerMeterY( qRound( dpi / 0.0254 ) );
  const QByteArray format = QFileInfo( path ).suffix().toLower().toLatin1();
  if ( !QImageWriter::supportedImageFormats().contains( format ) )
  {
    *error =
        QStringLiteral( "%1: cannot write images of type '%2'" ).arg( path, QString::fromLatin1( format ) );
    return false;
  }
  // QSaveFile writes beside the target and renames on commit: no half-written file under the final name.
  QSaveFile file( path );
  if ( !file.open( QIODevice::WriteOnly ) )
  {
    *error = PendulumWriteError::cannotWrite( path, file.errorString() );
    return false;
  }
  QImageWriter writer( &file, format );
  if ( !writer.write( out ) )
  {
    *error = PendulumWriteError::cannotWrite( path, writer.errorString() );
    file.cancelWriting();
    return false;
  }
  return PendulumWriteError::commit( file, error );
}
