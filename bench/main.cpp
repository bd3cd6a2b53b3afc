// pendulum_bench: Pendulum against QGIS's own temporal machinery, side by side in one run.
// ./run.sh bench builds it, builds the record and runs it; see bench/RESULTS.md.

#include "benchanimation.h"
#include "benchcanvas.h"
#include "benchframe.h"
#include "benchmachine.h"
#include "benchreport.h"
#include "benchscale.h"
#include "benchstartup.h"
#include "pendulumpaths.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QSaveFile>
#include <QTemporaryDir>
#include <cstdio>

#include "qgsapplication.h"

namespace
{
QList<int> parseSizes( const QString &text )
{
  QList<int> sizes;
  for ( const QString &part : text.split( ',', Qt::SkipEmptyParts ) )
  {
    QString number = part.trimmed().toLower();
    int factor = 1;
    if ( number.endsWith( 'k' ) )
      factor = 1000;
    else if ( number.endsWith( 'm' ) )
      factor = 1000000;
    if ( factor > 1 )
      number.chop( 1 );
    sizes << number.toInt() * factor;
  }
  return sizes;
}

void section( const char *title )
{
  std::fprintf( stderr, "==> %s\n", title );
  std::fflush( stderr );
}
} // namespace

int main( int argc, char **argv )
{
  // QGIS writes into HOME: keep a benchmark's profile out of the user's.
  QTemporaryDir home;
  qputenv( "HOME", home.path().toLocal8Bit() );
  if ( qEnvironmentVariableIsEmpty( "QT_QPA_PLATFORM" ) )
    qputenv( "QT_QPA_PLATFORM", "offscreen" );
  // GUI-enabled: the start-up measure needs a map canvas.
  QgsApplication app( argc, argv, true, home.path() );
  QgsApplication::setPrefixPath( PendulumPaths::qgisPrefix(), true );
  QgsApplication::initQgis();

  QCommandLineParser parser;
  parser.setApplicationDescription( QStringLiteral( "Pendulum's benchmarks against QGIS's own machinery." ) );
  parser.addHelpOption();
  parser.addOptions( {
      { QStringLiteral( "record" ), QStringLiteral( "The built record." ), QStringLiteral( "GPKG" ) },
      { QStringLiteral( "styles" ), QStringLiteral( "The styles folder." ), QStringLiteral( "DIR" ),
        QStringLiteral( PENDULUM_SOURCE_DIR "/styles" ) },
      { QStringLiteral( "work" ), QStringLiteral( "Scratch folder (synthetic records are kept there)." ),
        QStringLiteral( "DIR" ), QStringLiteral( PENDULUM_BUILD_DIR "/bench-work" ) },
      { QStringLiteral( "results" ), QStringLiteral( "Write the report here (Markdown)." ),
        QStringLiteral( "FILE" ) },
      { QStringLiteral( "runs" ), QStringLiteral( "Runs of each Pendulum export (median)." ),
        QStringLiteral( "N" ), QStringLiteral( "5" ) },
      { QStringLiteral( "qgis-runs" ), QStringLiteral( "Runs of QGIS's exportAnimation (median)." ),
        QStringLiteral( "N" ), QStringLiteral( "1" ) },
      { QStringLiteral( "scale" ), QStringLiteral( "Synthetic record sizes." ), QStringLiteral( "LIST" ),
        QStringLiteral( "10k,100k,1M" ) },
      { QStringLiteral( "only" ),
        QStringLiteral( "Only these measures: animation,frame,scale,startup,canvas (e.g. --only canvas)." ),
        QStringLiteral( "LIST" ), QStringLiteral( "animation,frame,scale,startup,canvas" ) },
      { QStringLiteral( "canvas-runs" ), QStringLiteral( "Runs of the canvas frame and basemap (median)." ),
        QStringLiteral( "N" ), QStringLiteral( "15" ) },
      { QStringLiteral( "canvas-frames" ), QStringLiteral( "Monthly frames stepped in the canvas." ),
        QStringLiteral( "N" ), QStringLiteral( "60" ) },
      { QStringLiteral( "canvas-detail" ),
        QStringLiteral( "Run only the canvas measure's process, printing where a frame's time goes." ) },
      // Child processes of the scale and start-up measures.
      { QStringLiteral( "scale-child" ), QStringLiteral( "(internal)" ), QStringLiteral( "SIDE" ) },
      { QStringLiteral( "synthetic" ), QStringLiteral( "(internal)" ), QStringLiteral( "GPKG" ) },
      { QStringLiteral( "scale-dates" ), QStringLiteral( "(internal)" ), QStringLiteral( "N" ),
        QStringLiteral( "5" ) },
      { QStringLiteral( "scale-points" ), QStringLiteral( "(internal)" ), QStringLiteral( "N" ),
        QStringLiteral( "20" ) },
      { QStringLiteral( "startup-child" ), QStringLiteral( "(internal)" ) },
      { QStringLiteral( "canvas-child" ), QStringLiteral( "(internal)" ) },
  } );
  parser.process( app );

  int status = 0;
  if ( parser.isSet( QStringLiteral( "scale-child" ) ) )
  {
    status = BenchScale::runChild( parser.value( QStringLiteral( "scale-child" ) ),
                                   parser.value( QStringLiteral( "synthetic" ) ),
                                   parser.value( QStringLiteral( "scale-dates" ) ).toInt(),
                                   parser.value( QStringLiteral( "scale-points" ) ).toInt() );
  }
  else if ( parser.isSet( QStringLiteral( "startup-child" ) ) )
  {
    status = BenchStartup::runChild( parser.value( QStringLiteral( "record" ) ) );
  }
  else if ( parser.isSet( QStringLiteral( "canvas-child" ) ) ||
            parser.isSet( QStringLiteral( "canvas-detail" ) ) )
  {
    status = BenchCanvas::runChild( parser.value( QStringLiteral( "record" ) ),
                                    parser.value( QStringLiteral( "canvas-runs" ) ).toInt(),
                                    parser.value( QStringLiteral( "canvas-frames" ) ).toInt(),
                                    parser.isSet( QStringLiteral( "canvas-detail" ) ) );
  }
  else
  {
    QElapsedTimer total;
    total.start();
    const QString record = parser.value( QStringLiteral( "record" ) );
    const QString work = parser.value( QStringLiteral( "work" ) );
    QDir().mkpath( work );
    const QStringList only = parser.value( QStringLiteral( "only" ) ).split( ',' );
    BenchReport report;
    if ( only.contains( QStringLiteral( "animation" ) ) )
    {
      section( "1. animation export" );
      BenchAnimation::Settings settings;
      settings.record = record;
      settings.work = work;
      settings.runs = parser.value( QStringLiteral( "runs" ) ).toInt();
      settings.qgisRuns = parser.value( QStringLiteral( "qgis-runs" ) ).toInt();
      BenchAnimation( settings ).run( report );
    }
    if ( only.contains( QStringLiteral( "frame" ) ) )
    {
      section( "2. one frame" );
      BenchFrame( record, work, 15 ).run( report );
    }
    if ( only.contains( QStringLiteral( "scale" ) ) )
    {
      section( "3. scale" );
      BenchScale::Settings settings;
      settings.work = work;
      settings.styles = parser.value( QStringLiteral( "styles" ) );
      settings.sizes = parseSizes( parser.value( QStringLiteral( "scale" ) ) );
      BenchScale( settings ).run( report );
    }
    if ( only.contains( QStringLiteral( "startup" ) ) )
    {
      section( "4. start-up" );
      BenchStartup( record, 5 ).run( report );
    }
    if ( only.contains( QStringLiteral( "canvas" ) ) )
    {
      section( "5. desktop timeline" );
      BenchCanvas( record, parser.value( QStringLiteral( "canvas-runs" ) ).toInt(),
                   parser.value( QStringLiteral( "canvas-frames" ) ).toInt() )
          .run( report );
    }

    const QString markdown = report.markdown( BenchMachine::describe(), total.elapsed() / 1000.0 );
    std::printf( "\n%s\n%s", qPrintable( report.table() ), qPrintable( report.keys() ) );
    const QString results = parser.value( QStringLiteral( "results" ) );
    if ( !results.isEmpty() )
    {
      QSaveFile file( results );
      if ( !file.open( QIODevice::WriteOnly ) || file.write( markdown.toUtf8() ) < 0 || !file.commit() )
      {
        std::fprintf( stderr, "cannot write %s\n", qPrintable( results ) );
        status = 1;
      }
    }
  }
  QgsApplication::exitQgis();
  return status;
}
