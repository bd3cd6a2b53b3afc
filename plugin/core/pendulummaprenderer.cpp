#include "pendulummaprenderer.h"

#include "pendulumdate.h"
#include "pendulumregion.h"
#include "pendulumtemporal.h"

#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <algorithm>

#include "qgsexpressioncontextutils.h"
#include "qgsmaplayer.h"
#include "qgsmaprenderersequentialjob.h"
#include "qgsmapsettings.h"
#include "qgsproject.h"

PendulumMapRenderer::PendulumMapRenderer( const QList<QgsMapLayer *> &layers ) : mLayers( layers ) {}

QgsMapSettings PendulumMapRenderer::mapSettings( const PendulumMapRequest &request ) const
{
  QgsMapSettings settings;
  QList<QgsMapLayer *> topFirst = mLayers;
  std::reverse( topFirst.begin(), topFirst.end() );
  settings.setLayers( topFirst );
  settings.setDestinationCrs( PendulumRegion::mapCrs() );
  settings.setExtent( request.extent.isEmpty() ? PendulumRegion::mapExtent() : request.extent );
  settings.setOutputSize( request.size );
  settings.setOutputDpi( request.dpi );
  settings.setBackgroundColor(
      QColor( 0xf7, 0xf9, 0xfb ) ); // the sea: near white, so that no pale land tint is mistaken for water
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
  context << QgsExpressionContextUtils::globalScope() << QgsExpressionContextUtils::projectScope( QgsProject::instance() )
          << QgsExpressionContextUtils::mapSettingsScope( settings );
  settings.setExpressionContext( context );
  return settings;
}

QImage PendulumMapRenderer::render( const PendulumMapRequest &request ) const
{
  QgsMapRendererSequentialJob job( mapSettings( request ) );
  job.start();
  job.waitForFinished();
  QImage image = job.renderedImage();
  image.setDotsPerMeterX( qRound( request.dpi / 0.0254 ) );
  image.setDotsPerMeterY( qRound( request.dpi / 0.0254 ) );
  if ( request.dateLabel )
    drawLabel( image,
               request.labelText.isEmpty() ? PendulumDate::toDisplayString( request.date )
                                           : request.labelText,
               request.dpi );
  return image;
}

void PendulumMapRenderer::drawLabel( QImage &image, const QString &text, int dpi )
{
  QPainter painter( &image );
  painter.setRenderHint( QPainter::Antialiasing );
  QFont font( QStringLiteral( "Noto Sans" ) );
  font.setPixelSize( std::max( 12, qRound( image.height() * 0.035 ) ) );
  font.setBold( true );
  painter.setFont( font );
  const int margin = std::max( 6, dpi / 12 );
  QRect box = painter.fontMetrics().boundingRect( text ).adjusted( -margin, -margin / 2, margin, margin / 2 );
  box.moveTopLeft( QPoint( margin, margin ) );
  painter.setPen( Qt::NoPen );
  painter.setBrush( QColor( 255, 255, 255, 220 ) );
  painter.drawRoundedRect( box, margin / 2, margin / 2 );
  painter.setPen( QColor( 0x22, 0x22, 0x22 ) );
  painter.drawText( box, Qt::AlignCenter, text );
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
    *error = QStringLiteral( "%1: cannot write (%2)" ).arg( path, file.errorString() );
    return false;
  }
  QImageWriter writer( &file, format );
  if ( !writer.write( out ) )
  {
    *error = QStringLiteral( "%1: cannot write (%2)" ).arg( path, writer.errorString() );
    file.cancelWriting();
    return false;
  }
  if ( !file.commit() )
  {
    *error = QStringLiteral( "%1: cannot write (%2)" ).arg( path, file.errorString() );
    return false;
  }
  return true;
}
