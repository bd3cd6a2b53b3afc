#include "benchanimation.h"

#include "benchmachine.h"
#include "benchreport.h"
#include "benchstatistics.h"
#include "pendulumanimationframerenderer.h"
#include "pendulumanimationtask.h"
#include "pendulumchangeindex.h"
#include "pendulumdataset.h"
#include "pendulumdatelabel.h"
#include "pendulumframedate.h"
#include "pendulummaprenderer.h"
#include "pendulumpngframeencoder.h"
#include "pendulumqgiscompat.h"

#include <QDir>
#include <QProcess>
#include <cstdio>

#include "qgsinterval.h"
#include "qgsmapsettings.h"
#include "qgstemporalutils.h"
#include "qgsvectorlayer.h"

namespace
{
const QSize FRAME_SIZE( 1280, 720 );
constexpr int FPS = 8; // `pendulum animate`'s default

//! The record's layers as the animation task opens them; the caller owns them.
QList<QgsVectorLayer *> openLayers( const QString &record, QString *error )
{
  const std::unique_ptr<PendulumDataset> dataset = PendulumDataset::open( record, error );
  return dataset ? dataset->createLayers( QStringLiteral( "en" ), error ) : QList<QgsVectorLayer *>();
}

QList<QgsMapLayer *> mapLayers( const QList<QgsVectorLayer *> &layers )
{
  QList<QgsMapLayer *> list;
  for ( QgsVectorLayer *layer : layers )
    list << layer;
  return list;
}

void progress( const char *what )
{
  std::fprintf( stderr, "  %s\n", what );
  std::fflush( stderr );
}
} // namespace

BenchAnimation::BenchAnimation( const Settings &settings ) : mSettings( settings ) {}

PendulumAnimationPlan::Settings BenchAnimation::planSettings() const
{
  PendulumAnimationPlan::Settings plan;
  plan.from = QDate( 1875, 1, 1 );
  plan.to = QDate( 1956, 12, 1 );
  plan.step = PendulumAnimationPlan::Step::Month;
  plan.fps = FPS;
  plan.label = true;
  plan.labelPrecision = QStringLiteral( "day" );
  plan.language = QStringLiteral( "en" );
  return plan;
}

double BenchAnimation::pendulumExport( const QString &out, QString *error ) const
{
  PendulumAnimationTask::Settings settings;
  settings.dataPath = mSettings.record;
  settings.plan = planSettings();
  settings.output.out = out;
  settings.output.request.size = FRAME_SIZE;
  PendulumAnimationEncoder::Result result = PendulumAnimationEncoder::Result::Failed;
  const double ms = BenchStatistics::milliseconds(
      [&] { result = PendulumAnimationTask::execute( settings, nullptr, nullptr, error ); } );
  return result == PendulumAnimationEncoder::Result::Done ? ms : -1;
}

double BenchAnimation::qgisFrames( const QString &folder, QString *error ) const
{
  const QList<QgsVectorLayer *> layers = openLayers( mSettings.record, error );
  if ( layers.isEmpty() )
    return -1;
  // The very map settings Pendulum renders with: extent, projection, size, background, flags, labels.
  PendulumMapRequest request;
  request.size = FRAME_SIZE;
  const QgsMapSettings mapSettings = PendulumMapRenderer( mapLayers( layers ) ).mapSettings( request );

  PendulumDateLabel title( PendulumFrameDate::labelText( QStringLiteral( "en" ) ) );
  QgsTemporalUtils::AnimationExportSettings settings;
  const PendulumAnimationPlan::Settings plan = planSettings();
  // 984 frames of one month each, the first starting on the first day of the plan.
  settings.animationRange =
      QgsDateTimeRange( QDateTime( plan.from, QTime( 0, 0 ) ),
                        QDateTime( plan.to.addMonths( 1 ), QTime( 0, 0 ) ), true, false );
  settings.frameDuration = QgsInterval( 1, PendulumQgis::TemporalUnit::Months );
  settings.outputDirectory = folder;
  settings.fileNameTemplate = QStringLiteral( "frame####.png" );
  settings.decorations = { &title };
  bool ok = false;
  QString exportError;
  const double ms = BenchStatistics::milliseconds(
      [&] { ok = QgsTemporalUtils::exportAnimation( mapSettings, settings, exportError ); } );
  qDeleteAll( layers );
  if ( !ok )
  {
    *error = exportError;
    return -1;
  }
  return ms;
}

double BenchAnimation::ffmpegFromFrames( const QString &folder, const QString &out, QString *error ) const
{
  QProcess ffmpeg;
  ffmpeg.setProgram( PendulumAnimationEncoder::ffmpeg() );
  ffmpeg.setArguments(
      QStringList{ "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-framerate",
                   QString::number( FPS ), "-i", QDir( folder ).filePath( "frame%04d.png" ) } +
      PendulumAnimationEncoder::videoArguments( PendulumAnimationEncoder::Format::Mp4, out ) );
  const double ms = BenchStatistics::milliseconds(
      [&]
      {
        ffmpeg.start();
        ffmpeg.waitForFinished( -1 );
      } );
  if ( ffmpeg.exitStatus() != QProcess::NormalExit || ffmpeg.exitCode() != 0 )
  {
    *error = QString::fromLocal8Bit( ffmpeg.readAllStandardError() );
    return -1;
  }
  return ms;
}

BenchAnimation::Costs BenchAnimation::unitCosts( const PendulumAnimationPlan &plan ) const
{
  Costs costs;
  QString error;
  const QList<QgsVectorLayer *> layers = openLayers( mSettings.record, &error );
  const PendulumMapRenderer renderer( mapLayers( layers ) );
  PendulumMapRequest request;
  request.size = FRAME_SIZE;
  request.dateLabel = false;

  // The first frame of a dozen states spread over the animation.
  QList<PendulumAnimationFrame> firsts;
  for ( int i = 0; i < plan.frames().size(); ++i )
  {
    if ( i == 0 || plan.frames().at( i ).state != plan.frames().at( i - 1 ).state )
      firsts << plan.frames().at( i );
  }
  QList<PendulumAnimationFrame> sample;
  for ( int i = 0; i < 12 && !firsts.isEmpty(); ++i )
    sample << firsts.at( i * firsts.size() / 12 );

  QImage basemap;
  QList<double> basemaps, renders, labels, bases, frames;
  for ( int i = 0; i < 3; ++i )
  {
    request.date = sample.first().date;
    basemaps << BenchStatistics::milliseconds( [&] { basemap = renderer.renderBasemap( request ); } );
  }
  QImage map;
  for ( const PendulumAnimationFrame &frame : sample )
  {
    request.date = frame.date;
    renders << BenchStatistics::milliseconds( [&] { map = renderer.renderOver( basemap, request ); } );
  }

  const PendulumAnimationFrameRenderer composer( renderer, request );
  const QString path = QDir( mSettings.work ).filePath( QStringLiteral( "unit-cost.png" ) );
  for ( int i = 0; i < 5; ++i )
  {
    bases << BenchStatistics::milliseconds( [&] { PendulumPngFrameEncoder( map ).encode( map ); } );
  }
  const PendulumPngFrameEncoder encoder( map );
  encoder.encode( map );
  for ( int i = 0; i < 40; ++i )
  {
    const PendulumAnimationFrame &frame = plan.frames().at( i * plan.frames().size() / 40 );
    QImage labelled;
    labels << BenchStatistics::milliseconds( [&] { labelled = composer.compose( map, frame ); } );
    frames << BenchStatistics::milliseconds( [&] { encoder.write( labelled, path, &error ); } );
  }
  QFile::remove( path );
  qDeleteAll( layers );

  costs.basemap = BenchStatistics::median( basemaps );
  costs.render = BenchStatistics::median( renders );
  costs.label = BenchStatistics::median( labels );
  costs.pngBase = BenchStatistics::median( bases );
  costs.pngFrame = BenchStatistics::median( frames );
  return costs;
}

void BenchAnimation::run( BenchReport &report )
{
  QString error;
  const QList<QgsVectorLayer *> layers = openLayers( mSettings.record, &error );
  const PendulumAnimationPlan plan =
      PendulumAnimationPlan::create( planSettings(), PendulumChangeIndex( layers ).dates() );
  qDeleteAll( layers );
  const int frames = plan.frames().size();
  const int states = plan.stateCount();
  const QDir work( mSettings.work );

  // Pendulum, several runs of each; ffmpeg's CPU time is read from the finished child processes.
  QList<double> pngRuns, mp4Runs, ffmpegCpu;
  for ( int run = 0; run < mSettings.runs; ++run )
  {
    std::fprintf( stderr, "  Pendulum export, run %d of %d\n", run + 1, mSettings.runs );
    const QString folder = work.filePath( QStringLiteral( "pendulum-frames" ) );
    QDir( folder ).removeRecursively();
    pngRuns << pendulumExport( folder + '/', &error );
    QDir( folder ).removeRecursively();
    const QString mp4 = work.filePath( QStringLiteral( "pendulum.mp4" ) );
    QFile::remove( mp4 );
    const double cpuBefore = BenchStatistics::childCpuSeconds();
    mp4Runs << pendulumExport( mp4, &error );
    ffmpegCpu << 1000 * ( BenchStatistics::childCpuSeconds() - cpuBefore );
    QFile::remove( mp4 );
  }
  if ( pngRuns.contains( -1 ) || mp4Runs.contains( -1 ) )
    std::fprintf( stderr, "  Pendulum export failed: %s\n", qPrintable( error ) );

  // QGIS: exportAnimation writes the PNG frames; the MP4 is those frames through ffmpeg.
  QList<double> qgisPngRuns, qgisMp4Runs;
  int qgisFrameCount = 0;
  for ( int run = 0; run < mSettings.qgisRuns; ++run )
  {
    std::fprintf( stderr, "  QGIS exportAnimation, run %d of %d (minutes)\n", run + 1, mSettings.qgisRuns );
    const QString folder = work.filePath( QStringLiteral( "qgis-frames" ) );
    QDir( folder ).removeRecursively();
    const double png = qgisFrames( folder, &error );
    qgisFrameCount = QDir( folder ).entryList( { QStringLiteral( "frame*.png" ) }, QDir::Files ).size();
    const QString mp4 = work.filePath( QStringLiteral( "qgis.mp4" ) );
    const double encode = ffmpegFromFrames( folder, mp4, &error );
    QFile::remove( mp4 );
    QDir( folder ).removeRecursively();
    // QGIS's navigator counts a month as 30 days and renders a few frames past the plan's end:
    // its times are scaled to the plan's frame count.
    const double scale = qgisFrameCount > 0 ? double( frames ) / qgisFrameCount : 1.0;
    qgisPngRuns << png * scale;
    qgisMp4Runs << ( png + encode ) * scale;
  }

  progress( "unit costs for the lower bound" );
  const Costs costs = unitCosts( plan );
  const int cores = BenchMachine::cores();
  const double ffmpegPerFrame = BenchStatistics::median( ffmpegCpu ) / frames;
  const double lowerPng = ( costs.basemap + states * ( costs.render + costs.pngBase ) +
                            frames * ( costs.label + costs.pngFrame ) ) /
                          cores;
  const double lowerMp4 =
      ( costs.basemap + states * costs.render + frames * ( costs.label + ffmpegPerFrame ) ) / cores;

  const double png = BenchStatistics::median( pngRuns );
  const double mp4 = BenchStatistics::median( mp4Runs );
  const double qgisPng = BenchStatistics::median( qgisPngRuns );
  const double qgisMp4 = BenchStatistics::median( qgisMp4Runs );
  const QString pendulumRuns =
      QStringLiteral( "%1 runs (QGIS: %2)" ).arg( mSettings.runs ).arg( mSettings.qgisRuns );
  const double pngSpeedup = qgisPng / png;
  const double mp4Speedup = qgisMp4 / mp4;
  report.addRow(
      { QStringLiteral( "1. Animation, %1 PNG frames 1280×720 (%2 map states)" ).arg( frames ).arg( states ),
        BenchReport::duration( png ), BenchReport::duration( qgisPng ) + QStringLiteral( " (QGIS)" ),
        BenchReport::times( pngSpeedup ) + QStringLiteral( " faster" ), QStringLiteral( "≥ 10×" ),
        pngSpeedup >= 10 ? QStringLiteral( "yes" ) : QStringLiteral( "no" ), pendulumRuns } );
  report.addRow( { QStringLiteral( "1. Animation, the same as an MP4 (H.264)" ), BenchReport::duration( mp4 ),
                   BenchReport::duration( qgisMp4 ) + QStringLiteral( " (QGIS + ffmpeg)" ),
                   BenchReport::times( mp4Speedup ) + QStringLiteral( " faster" ), QStringLiteral( "≥ 10×" ),
                   mp4Speedup >= 10 ? QStringLiteral( "yes" ) : QStringLiteral( "no" ), pendulumRuns } );
  report.addRow( { QStringLiteral( "1. PNG frames against their lower bound" ), BenchReport::duration( png ),
                   BenchReport::duration( lowerPng ) + QStringLiteral( " (bound)" ),
                   BenchReport::times( png / lowerPng ) + QStringLiteral( " the bound" ), QString(),
                   QString(), QStringLiteral( "unit costs: 3–40 each" ) } );
  report.addRow( { QStringLiteral( "1. MP4 against its lower bound" ), BenchReport::duration( mp4 ),
                   BenchReport::duration( lowerMp4 ) + QStringLiteral( " (bound)" ),
                   BenchReport::times( mp4 / lowerMp4 ) + QStringLiteral( " the bound" ), QString(),
                   QString(), QStringLiteral( "unit costs: 3–40 each" ) } );
  report.setKey( QStringLiteral( "export_speedup" ), std::min( pngSpeedup, mp4Speedup ) );
  report.setKey( QStringLiteral( "export_vs_lower_bound" ), std::max( png / lowerPng, mp4 / lowerMp4 ) );

  const QString animation =
      QStringLiteral(
          "**Animation.** The record from 1875-01-01 to 1956-12-01, one frame a month (%1 frames, %2 "
          "distinct map states), 1280×720, the date on every frame, layer labels on. Pendulum: "
          "`PendulumAnimationTask::execute`, what `pendulum animate` runs, from opening the GeoPackage "
          "to the last file written (median of %3 runs each). " )
          .arg( frames )
          .arg( states )
          .arg( mSettings.runs ) +
      QStringLiteral(
          "QGIS: `QgsTemporalUtils::exportAnimation` on the same layers, styles and map settings "
          "(`PendulumMapRenderer::mapSettings`), with QGIS's Title Label decoration as the plugin "
          "configures it drawing the date (`PendulumDateLabel`, the label of every Pendulum map); for the "
          "same span its "
          "navigator writes %1 frames (it counts a month as 30 days), so its times are scaled to %2 "
          "frames. Its MP4 is those PNG frames through ffmpeg with Pendulum's codec settings (libx264 "
          "veryfast, CRF 20, yuv420p), timed from the start of the export to the end of ffmpeg; %3 "
          "run(s), as each takes minutes. " )
          .arg( qgisFrameCount )
          .arg( frames )
          .arg( mSettings.qgisRuns ) +
      QStringLiteral(
          "QGIS's frames show a month-long temporal range (its navigator's frames), Pendulum's the "
          "first day of each month: the work per frame is the same. `export_speedup` is the smaller "
          "of the two speed-ups." );
  report.addNote( animation );
  report.addNote(
      QStringLiteral(
          "**Lower bound.** (basemap once + map states × (one render + its PNG bands) + frames × (one "
          "date label + one PNG)) ÷ %1 cores; for the MP4 the PNG terms are replaced by ffmpeg's CPU "
          "time per frame (%2 ms, read from the finished ffmpeg processes of Pendulum's runs). Unit "
          "costs, each the median of 3 to 40 timings on one thread: a map state over the basemap %3, "
          "the basemap %4, a date label on a copy %5, the PNG bands of a map state %6, the PNG of a "
          "labelled frame (the bands its label touches, written to disk) %7. Pendulum renders two map "
          "states at a time, so the renders too count as spread over the cores. The unit costs are timed one "
          "at a time on a machine shared with other work: a ratio near 1 is within their noise. "
          "`export_vs_lower_bound` is the larger of the two ratios." )
          .arg( cores )
          .arg( ffmpegPerFrame, 0, 'f', 1 )
          .arg( BenchReport::duration( costs.render ), BenchReport::duration( costs.basemap ),
                BenchReport::duration( costs.label ), BenchReport::duration( costs.pngBase ),
                BenchReport::duration( costs.pngFrame ) ) );
}
