#include "benchstartup.h"

#include "benchreport.h"
#include "benchstatistics.h"
#include "pendulumdataset.h"
#include "pendulumlanguage.h"
#include "pendulumlayerlanguage.h"
#include "pendulumprojectloader.h"
#include "pendulumregion.h"
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
#include "qgsproject.h"
#include "qgstemporalnavigationobject.h"

namespace
{
constexpr int TIMEOUT_MS = 60000;
}

BenchStartup::BenchStartup( const QString &record, int runs ) : mRecord( record ), mRuns( runs ) {}

int BenchStartup::runChild( const QString &record )
{
  // QGIS's main window, as far as the action touches it: a canvas the layer tree feeds, and a temporal
  // navigator.
  QgsMapCanvas canvas;
  canvas.resize( 1280, 720 );
  QgsLayerTreeMapCanvasBridge bridge( QgsProject::instance()->layerTreeRoot(), &canvas );
  QgsTemporalNavigationObject navigation;
  canvas.setTemporalController( &navigation );
  canvas.show();
  QCoreApplication::processEvents();

  QEventLoop loop;
  bool framed = false;
  QObject::connect( &canvas, &QgsMapCanvas::mapCanvasRefreshed, &loop,
                    [&]
                    {
                      if ( framed )
                        loop.quit();
                    } );
  QTimer::singleShot( TIMEOUT_MS, &loop, &QEventLoop::quit );

  QElapsedTimer timer;
  timer.start();
  // PendulumPlugin::addHistoricalLayers.
  if ( !loadRecord( record ) )
    return 1;
  PendulumTimeline::configure( &navigation, PendulumTimeline::defaultDate() );
  // PendulumPlugin::frameRegion, on the next turn of the event loop as there.
  QTimer::singleShot( 0, &canvas,
                      [&]
                      {
                        QgsProject::instance()->setCrs( PendulumRegion::mapCrs() );
                        canvas.setDestinationCrs( PendulumRegion::mapCrs() );
                        canvas.setExtent( PendulumRegion::mapExtent() );
                        canvas.refresh();
                        framed = true;
                      } );
  loop.exec();
  const qint64 elapsed = timer.elapsed();
  QTextStream( stdout ) << "startup_ms: " << ( framed && elapsed < TIMEOUT_MS ? elapsed : -1 ) << '\n'
                        << "layers: " << canvas.layers().size() << '\n';
  QgsProject::instance()->clear();
  return 0;
}

void BenchStartup::run( BenchReport &report )
{
  QList<double> runs;
  int layers = 0;
  for ( int run = 0; run < mRuns; ++run )
  {
    QProcess process;
    process.setProcessChannelMode( QProcess::ForwardedErrorChannel );
    process.start( QCoreApplication::applicationFilePath(),
                   { QStringLiteral( "--startup-child" ), QStringLiteral( "--record" ), mRecord } );
    process.waitForFinished( -1 );
    for ( const QString &line : QString::fromUtf8( process.readAllStandardOutput() ).split( '\n' ) )
    {
      if ( line.startsWith( QLatin1String( "startup_ms: " ) ) )
        runs << line.mid( 12 ).toDouble();
      if ( line.startsWith( QLatin1String( "layers: " ) ) )
        layers = line.mid( 8 ).toInt();
    }
  }
  const double startup = BenchStatistics::median( runs );
  report.addRow( { QStringLiteral( "4. Start-up: Add Historical Layers → first rendered canvas" ),
                   BenchReport::duration( startup ), QString(), QString(), QStringLiteral( "< 1 s" ),
                   startup > 0 && startup < 1000 ? QStringLiteral( "yes" ) : QStringLiteral( "no" ),
                   QStringLiteral( "%1 processes" ).arg( mRuns ) } );
  report.setKey( QStringLiteral( "startup_ms" ), startup );
  QStringList all;
  for ( double ms : runs )
    all << QString::number( ms, 'f', 0 );
  report.addNote(
      QStringLiteral( "**Start-up.** Each run a fresh process (QGIS initialised, a 1280×720 map canvas "
                      "fed by the layer tree, as in QGIS's window); timed from the start of the action "
                      "(open the record, load its %1 layers into the project, set up the timeline, "
                      "frame the region) to the canvas's `mapCanvasRefreshed`. Runs (ms): %2. The "
                      "docks the plugin opens at the same time are not part of it." )
          .arg( layers )
          .arg( all.join( QStringLiteral( ", " ) ) ) );
}

bool BenchStartup::loadRecord( const QString &record )
{
  QString error;
  const std::unique_ptr<PendulumDataset> dataset = PendulumDataset::open( record, &error );
  if ( !dataset ||
       !PendulumProjectLoader::load( QgsProject::instance(), *dataset,
                                     PendulumLayerLanguage::fromProject( QgsProject::instance() ), &error ) )
  {
    QTextStream( stdout ) << "error: " << error << '\n';
    return false;
  }
  return true;
}
