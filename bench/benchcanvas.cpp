#include "benchcanvas.h"

#include "benchreport.h"
#include "benchstartup.h"
#include "benchstatistics.h"
#include "pendulumdataset.h"
#include "pendulumlayerlanguage.h"
#include "pendulumprojectloader.h"
#include "pendulumregion.h"
#include "pendulumtemporal.h"
#include "pendulumtimeline.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

#include "qgslayertreemapcanvasbridge.h"
#include "qgsmapcanvas.h"
#include "qgsmaprenderersequentialjob.h"
#include "qgspallabeling.h"
#include "qgsproject.h"
#include "qgstemporalnavigationobject.h"
#include "qgsvectorlayer.h"
#include "qgsvectorlayerlabeling.h"

namespace
{
constexpr int TIMEOUT_MS = 60000;
//! The first frame stepped: the years of the Russo-Japanese war and its treaties, when the map changes most.
const QDate FIRST_FRAME( 1904, 1, 1 );

//! Waits for \a canvas's next `mapCanvasRefreshed` after \a trigger; the milliseconds taken, -1 on time-out.
double timeRefresh( QgsMapCanvas &canvas, const std::function<void()> &trigger )
{
  QEventLoop loop;
  bool done = false;
  const QMetaObject::Connection connection =
      QObject::connect( &canvas, &QgsMapCanvas::mapCanvasRefreshed, &loop,
                        [&]
                        {
                          done = true;
                          loop.quit();
                        } );
  QTimer::singleShot( TIMEOUT_MS, &loop, &QEventLoop::quit );
  QElapsedTimer timer;
  timer.start();
  trigger();
  if ( !done )
    loop.exec();
  QObject::disconnect( connection );
  return done ? timer.nsecsElapsed() / 1e6 : -1;
}

double renderMs( const QgsMapSettings &settings )
{
  return BenchStatistics::milliseconds(
      [&]
      {
        QgsMapRendererSequentialJob job( settings );
        job.start();
        job.waitForFinished();
      } );
}

double medianRenderMs( const QgsMapSettings &settings, int runs )
{
  renderMs( settings ); // warm
  QList<double> times;
  for ( int run = 0; run < runs; ++run )
    times << renderMs( settings );
  return BenchStatistics::median( times );
}

QString joined( const QList<double> &values )
{
  QStringList parts;
  for ( double value : values )
    parts << QString::number( value, 'f', 1 );
  return parts.join( ',' );
}

QList<double> parseList( const QString &text )
{
  QList<double> values;
  for ( const QString &part : text.split( ',', Qt::SkipEmptyParts ) )
    values << part.toDouble();
  return values;
}
} // namespace

BenchCanvas::BenchCanvas( const QString &record, int runs, int frames )
    : mRecord( record ), mRuns( runs ), mFrames( frames )
{
}

int BenchCanvas::runChild( const QString &record, int runs, int frames, bool detail )
{
  // QGIS's main window as far as the timeline touches it (see BenchStartup), with the canvas options
  // QGIS's defaults give it.
  QgsMapCanvas canvas;
  canvas.resize( 1280, 720 );
  canvas.enableAntiAliasing( true );
  canvas.setParallelRenderingEnabled( true );
  canvas.setCachingEnabled( true );
  QgsLayerTreeMapCanvasBridge bridge( QgsProject::instance()->layerTreeRoot(), &canvas );
  QgsTemporalNavigationObject navigation;
  canvas.setTemporalController( &navigation );
  // PendulumDesktop::showExactDay: after the canvas's own handler, the canvas narrowed to the frame's first
  // day.
  QObject::connect( &navigation, &QgsTemporalController::updateTemporalRange, &canvas,
                    [&canvas]( const QgsDateTimeRange &frame )
                    {
                      if ( frame.begin().isValid() )
                        canvas.setTemporalRange( PendulumTemporal::dayRange( frame.begin().date() ) );
                    } );
  canvas.show();
  QCoreApplication::processEvents();

  if ( !BenchStartup::loadRecord( record ) )
    return 1;
  PendulumTimeline::configure( &navigation, FIRST_FRAME );
  QCoreApplication::processEvents(); // the bridge's own set-up, as PendulumPlugin::frameRegion waits for it
  const double first = timeRefresh( canvas,
                                    [&]
                                    {
                                      QgsProject::instance()->setCrs( PendulumRegion::mapCrs() );
                                      canvas.setDestinationCrs( PendulumRegion::mapCrs() );
                                      canvas.setExtent( PendulumRegion::mapExtent() );
                                      canvas.refresh();
                                    } );
  if ( first < 0 )
  {
    QTextStream( stdout ) << "error: the canvas never rendered\n";
    return 1;
  }

  // One frame against the basemap, through the canvas's own settings.
  const QgsMapSettings frame = canvas.mapSettings();
  QgsMapLayer *land = nullptr;
  for ( QgsMapLayer *layer : frame.layers() )
  {
    if ( layer->customProperty( PendulumDataset::layerIdProperty() ).toString() == QLatin1String( "land" ) )
      land = layer;
  }
  if ( !land )
  {
    QTextStream( stdout ) << "error: no land layer\n";
    return 1;
  }
  QgsMapSettings basemap = frame;
  basemap.setLayers( { land } );
  renderMs( frame );
  renderMs( basemap );
  QList<double> frameRuns, basemapRuns;
  for ( int run = 0; run < runs; ++run )
  {
    frameRuns << renderMs( frame );
    basemapRuns << renderMs( basemap );
  }
  QTextStream out( stdout );
  out << "frame_ms: " << joined( frameRuns ) << '\n' << "basemap_ms: " << joined( basemapRuns ) << '\n';

  if ( detail )
  {
    // Where a frame's time goes: each layer alone, and the frame without labels / reprojection.
    for ( QgsMapLayer *layer : frame.layers() )
    {
      QgsMapSettings alone = frame;
      alone.setLayers( { layer } );
      alone.setFlag( Qgis::MapSettingsFlag::DrawLabeling, false );
      const double unlabelled = medianRenderMs( alone, 5 );
      alone.setFlag( Qgis::MapSettingsFlag::DrawLabeling, true );
      out << "layer " << layer->name() << ": " << unlabelled << " ms, labelled " << medianRenderMs( alone, 5 )
          << " ms\n";
    }
    // 1910: the spheres' line-pattern hatching is on the map.
    QgsMapSettings spheres = frame;
    spheres.setTemporalRange( PendulumTemporal::dayRange( QDate( 1910, 1, 1 ) ) );
    out << "frame on 1910-01-01: " << medianRenderMs( spheres, 5 ) << " ms\n";
    for ( QgsMapLayer *layer : frame.layers() )
    {
      spheres.setLayers( { layer } );
      out << "  1910 layer " << layer->name() << ": " << medianRenderMs( spheres, 5 ) << " ms\n";
    }
    QgsMapSettings variant = frame;
    variant.setLayers( {} );
    out << "no layers: " << medianRenderMs( variant, 5 ) << " ms\n";
    variant = frame;
    variant.setFlag( Qgis::MapSettingsFlag::DrawLabeling, false );
    out << "frame without labels: " << medianRenderMs( variant, 5 ) << " ms\n";
    variant = frame;
    variant.setDestinationCrs( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ) );
    variant.setExtent( PendulumRegion::lonLatExtent() );
    out << "frame in EPSG:4326: " << medianRenderMs( variant, 5 ) << " ms\n";
    variant.setLayers( { land } );
    out << "basemap in EPSG:4326: " << medianRenderMs( variant, 5 ) << " ms\n";
    variant = frame;
    variant.setFlag( Qgis::MapSettingsFlag::Antialiasing, false );
    out << "frame without antialiasing: " << medianRenderMs( variant, 5 ) << " ms\n";
    // The text buffers (halos) of the labels, off and filled: what they cost.
    QHash<QgsVectorLayer *, QgsPalLayerSettings> original;
    for ( QgsMapLayer *layer : frame.layers() )
    {
      QgsVectorLayer *vector = qobject_cast<QgsVectorLayer *>( layer );
      if ( vector && vector->labelsEnabled() &&
           dynamic_cast<QgsVectorLayerSimpleLabeling *>( vector->labeling() ) )
        original.insert( vector, vector->labeling()->settings() );
    }
    for ( const bool filled : { false, true } )
    {
      for ( auto it = original.constBegin(); it != original.constEnd(); ++it )
      {
        QgsPalLayerSettings settings = it.value();
        QgsTextFormat format = settings.format();
        QgsTextBufferSettings buffer = format.buffer();
        buffer.setEnabled( filled );
        buffer.setFillBufferInterior( filled );
        format.setBuffer( buffer );
        settings.setFormat( format );
        it.key()->setLabeling( new QgsVectorLayerSimpleLabeling( settings ) );
      }
      out << ( filled ? "frame, label buffers filled: " : "frame, label buffers off: " )
          << medianRenderMs( frame, 5 ) << " ms\n";
    }
    for ( auto it = original.constBegin(); it != original.constEnd(); ++it )
      it.key()->setLabeling( new QgsVectorLayerSimpleLabeling( it.value() ) );
    out.flush();
  }

  // The controller stepped a month at a time, as it plays.
  QList<double> steps;
  int renders = 0;
  QObject::connect( &canvas, &QgsMapCanvas::renderStarting, &canvas, [&renders] { ++renders; } );
  const long long start = PendulumTimeline::frameForDate( FIRST_FRAME );
  for ( int step = 1; step <= frames; ++step )
    steps << timeRefresh( canvas, [&] { navigation.setCurrentFrameNumber( start + step ); } );
  out << "step_ms: " << joined( steps ) << '\n' << "renders: " << renders << '\n';
  QgsProject::instance()->clear();
  return 0;
}

void BenchCanvas::run( BenchReport &report )
{
  QProcess process;
  process.setProcessChannelMode( QProcess::ForwardedErrorChannel );
  process.start( QCoreApplication::applicationFilePath(),
                 { QStringLiteral( "--canvas-child" ), QStringLiteral( "--record" ), mRecord,
                   QStringLiteral( "--canvas-runs" ), QString::number( mRuns ),
                   QStringLiteral( "--canvas-frames" ), QString::number( mFrames ) } );
  process.waitForFinished( -1 );
  QList<double> frameRuns, basemapRuns, steps;
  int renders = 0;
  for ( const QString &line : QString::fromUtf8( process.readAllStandardOutput() ).split( '\n' ) )
  {
    if ( line.startsWith( QLatin1String( "frame_ms: " ) ) )
      frameRuns = parseList( line.mid( 10 ) );
    else if ( line.startsWith( QLatin1String( "basemap_ms: " ) ) )
      basemapRuns = parseList( line.mid( 12 ) );
    else if ( line.startsWith( QLatin1String( "step_ms: " ) ) )
      steps = parseList( line.mid( 9 ) );
    else if ( line.startsWith( QLatin1String( "renders: " ) ) )
      renders = line.mid( 9 ).toInt();
    else if ( !line.isEmpty() )
      std::fprintf( stderr, "  %s\n", qPrintable( line ) );
  }
  const double frameMs = BenchStatistics::median( frameRuns );
  const double basemapMs = BenchStatistics::median( basemapRuns );
  const double ratio = basemapMs > 0 ? frameMs / basemapMs : 0;
  report.addRow( { QStringLiteral( "5. A frame through the desktop canvas's map settings, against the land "
                                   "basemap alone" ),
                   BenchReport::duration( frameMs ),
                   BenchReport::duration( basemapMs ) + QStringLiteral( " (basemap)" ),
                   BenchReport::times( ratio ) + QStringLiteral( " the basemap" ), QStringLiteral( "≤ 2×" ),
                   ratio > 0 && ratio <= 2 ? QStringLiteral( "yes" ) : QStringLiteral( "no" ),
                   QStringLiteral( "%1 runs, alternating" ).arg( frameRuns.size() ) } );
  report.setKey( QStringLiteral( "frame_vs_basemap" ), ratio );

  const bool complete = !steps.isEmpty() && !steps.contains( -1 );
  const double stepMs = complete ? BenchStatistics::median( steps ) : 0;
  const double fps = stepMs > 0 ? 1000 / stepMs : 0;
  report.addRow( { QStringLiteral( "5. Temporal Controller in a 1280×720 map canvas: frames a second" ),
                   QStringLiteral( "%1 frames/s" ).arg( fps, 0, 'f', 1 ), QString(),
                   QStringLiteral( "%1 a frame" ).arg( BenchReport::duration( stepMs ) ),
                   QStringLiteral( "≥ 10 frames/s" ),
                   fps >= 10 ? QStringLiteral( "yes" ) : QStringLiteral( "no" ),
                   QStringLiteral( "%1 monthly frames" ).arg( steps.size() ) } );
  report.setKey( QStringLiteral( "canvas_fps" ), fps );
  report.addNote(
      QStringLiteral(
          "**Desktop timeline.** A fresh process with a 1280×720 `QgsMapCanvas` as QGIS's window has it "
          "(fed by the layer tree, antialiasing, parallel rendering and the layer cache on) and the record "
          "added as Add Historical Layers adds it, the canvas narrowed to each frame's first day as the "
          "plugin "
          "narrows it. `frame_vs_basemap`: the canvas's own `mapSettings()` on "
          "%1 (every layer, labels on) against the same settings with the land layer alone, each drawn by "
          "`QgsMapRendererSequentialJob`, warmed once, then %2 runs each, alternating (ms: frame %3; "
          "basemap %4). `canvas_fps`: the Temporal Controller stepped through %5 consecutive monthly "
          "frames from %1, each timed from `setCurrentFrameNumber` to the canvas's `mapCanvasRefreshed`; "
          "frames a second is 1000 ÷ the median step (steps in ms: min %6, max %7; the canvas rendered %8 "
          "times for them)." )
          .arg( FIRST_FRAME.toString( QStringLiteral( "MMMM yyyy" ) ) )
          .arg( frameRuns.size() )
          .arg( joined( frameRuns ), joined( basemapRuns ) )
          .arg( steps.size() )
          .arg( steps.isEmpty() ? 0 : *std::min_element( steps.begin(), steps.end() ), 0, 'f', 0 )
          .arg( steps.isEmpty() ? 0 : *std::max_element( steps.begin(), steps.end() ), 0, 'f', 0 )
          .arg( renders ) );
}
