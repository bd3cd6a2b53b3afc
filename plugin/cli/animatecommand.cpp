#include "animatecommand.h"

#include "pendulumanimationtask.h"
#include "penduluminterrupt.h"
#include "pendulumlanguage.h"

#include <QElapsedTimer>
#include <QTextStream>
#include <cstdio>
#include <unistd.h>

namespace
{
constexpr int MAX_SIDE = 8192;
constexpr int MAX_FPS = 60;

/**
 * Progress on stderr: a bar redrawn in place on a terminal, else a line
 * every tenth (logs and CI output stay readable).
 */
class ProgressPrinter
{
public:
  ProgressPrinter() : mTty( isatty( fileno( stderr ) ) ) {}
  void update( double value )
  {
    const int percent = int( value * 100 );
    if ( mTty )
    {
      if ( percent == mLast )
        return;
      constexpr int WIDTH = 40;
      const int filled = percent * WIDTH / 100;
      std::fprintf( stderr, "\r  [%s%s] %3d%%", QByteArray( filled, '#' ).constData(),
                    QByteArray( WIDTH - filled, '-' ).constData(), percent );
      std::fflush( stderr );
    }
    else if ( percent / 10 != mLast / 10 || mLast < 0 )
    {
      std::fprintf( stderr, "pendulum animate: %d%%\n", percent / 10 * 10 );
    }
    mLast = percent;
  }
  void finish()
  {
    if ( mTty && mLast >= 0 )
      std::fprintf( stderr, "\n" );
  }

private:
  bool mTty = false;
  int mLast = -1;
};
} // namespace

QString AnimateCommand::summary() const
{
  return QStringLiteral( "Animate the map through a span of dates: PNG frames, GIF, MP4 or WebM." );
}

QString AnimateCommand::details() const
{
  return QStringLiteral(
      "Animate the map through a span of dates into PNG frames (--out DIR/), a GIF, an MP4 or a WebM (by "
      "suffix;\n"
      "these need ffmpeg). --step 1M or 1Y makes a frame every month or year; --step event one frame per "
      "change of\n"
      "the map, held in proportion to the time until the next change (--pace seconds per year).\n"
      "Each map state is rendered once and only the date label is drawn per frame; identical frames are hard "
      "links\n"
      "(frames) or held (video). frames.txt beside PNG frames is an ffconcat list with every frame's "
      "duration:\n"
      "  ffmpeg -f concat -i DIR/frames.txt -fps_mode vfr -pix_fmt yuv420p out.mp4\n"
      "Ctrl+C stops cleanly (nothing is left under the output name) with exit status 130." );
}

QList<QCommandLineOption> AnimateCommand::options() const
{
  return {
      { QStringLiteral( "from" ), QStringLiteral( "First day, YYYY-MM-DD." ), QStringLiteral( "DATE" ) },
      { QStringLiteral( "to" ), QStringLiteral( "Last day, YYYY-MM-DD (included)." ),
        QStringLiteral( "DATE" ) },
      { QStringLiteral( "step" ),
        QStringLiteral( "1M (monthly), 1Y (yearly) or event (each change; default 1M)." ),
        QStringLiteral( "STEP" ), QStringLiteral( "1M" ) },
      { QStringLiteral( "out" ),
        QStringLiteral( "A folder ending in '/' for PNG frames, or a .gif, .mp4 or .webm file." ),
        QStringLiteral( "PATH" ) },
      { QStringLiteral( "size" ), QStringLiteral( "Frame size in pixels (default 1280x720)." ),
        QStringLiteral( "WxH" ), QStringLiteral( "1280x720" ) },
      { QStringLiteral( "fps" ),
        QStringLiteral( "Frames per second for 1M/1Y; the shortest hold for event (default 8)." ),
        QStringLiteral( "N" ), QStringLiteral( "8" ) },
      { QStringLiteral( "pace" ),
        QStringLiteral( "--step event: seconds on screen per year of history (default 1)." ),
        QStringLiteral( "SECONDS" ), QStringLiteral( "1" ) },
      { QStringLiteral( "lang" ),
        QStringLiteral( "Language of the date label and map labels: en, ja or ru (default en)." ),
        QStringLiteral( "LANG" ), QStringLiteral( "en" ) },
      { QStringLiteral( "label-precision" ),
        QStringLiteral( "What the date label shows: day, month or year (default day)." ),
        QStringLiteral( "P" ), QStringLiteral( "day" ) },
      { QStringLiteral( "no-label" ), QStringLiteral( "Leave the date label out." ) },
      { QStringLiteral( "no-legend" ), QStringLiteral( "Leave the legend (lower left) out." ) },
      dataOption(),
  };
}

QList<PendulumCommand::IgnoredOption> AnimateCommand::ignoredOptions() const
{
  return { { QStringLiteral( "label-precision" ), QStringLiteral( "no-label" ), true,
             QStringLiteral( "there is no date label" ) } };
}

QString AnimateCommand::checkOptions( const QCommandLineParser &parser ) const
{
  for ( const QString &required :
        { QStringLiteral( "from" ), QStringLiteral( "to" ), QStringLiteral( "out" ) } )
  {
    if ( !parser.isSet( required ) )
      return QStringLiteral( "--%1 is required (e.g. --from 1904-01-01 --to 1906-01-01 --out anim.mp4)" )
          .arg( required );
  }
  QDate from;
  QDate to;
  QString problem = checkRecordDate( parser, QStringLiteral( "from" ), &from );
  if ( problem.isEmpty() )
    problem = checkRecordDate( parser, QStringLiteral( "to" ), &to );
  if ( !problem.isEmpty() )
    return problem;
  if ( to < from )
    return QStringLiteral( "--to %1 is before --from %2" )
        .arg( to.toString( Qt::ISODate ), from.toString( Qt::ISODate ) );

  PendulumAnimationPlan::Step step;
  if ( !PendulumAnimationPlan::parseStep( parser.value( QStringLiteral( "step" ) ), &step ) )
    return QStringLiteral( "--step: '%1' is not 1M, 1Y or event" )
        .arg( parser.value( QStringLiteral( "step" ) ) );

  const QSize size = parseSize( parser.value( QStringLiteral( "size" ) ) );
  if ( !size.isValid() || size.width() < 16 || size.height() < 16 || size.width() > MAX_SIDE ||
       size.height() > MAX_SIDE )
    return QStringLiteral( "--size: '%1' is not a size from 16x16 to %2x%2 pixels" )
        .arg( parser.value( QStringLiteral( "size" ) ) )
        .arg( MAX_SIDE );

  bool ok = false;
  const int fps = parser.value( QStringLiteral( "fps" ) ).toInt( &ok );
  if ( !ok || fps < 1 || fps > MAX_FPS )
    return QStringLiteral( "--fps: '%1' is not a rate from 1 to %2" )
        .arg( parser.value( QStringLiteral( "fps" ) ) )
        .arg( MAX_FPS );
  const double pace = parser.value( QStringLiteral( "pace" ) ).toDouble( &ok );
  if ( !ok || pace <= 0 || pace > 60 )
    return QStringLiteral( "--pace: '%1' is not a number of seconds from 0 to 60" )
        .arg( parser.value( QStringLiteral( "pace" ) ) );
  if ( !PendulumLanguage::isValid( parser.value( QStringLiteral( "lang" ) ) ) )
    return QStringLiteral( "--lang: '%1' is not one of %2" )
        .arg( parser.value( QStringLiteral( "lang" ) ),
              PendulumLanguage::codes().join( QStringLiteral( ", " ) ) );
  if ( !QStringList( { "day", "month", "year" } )
            .contains( parser.value( QStringLiteral( "label-precision" ) ) ) )
    return QStringLiteral( "--label-precision: '%1' is not day, month or year" )
        .arg( parser.value( QStringLiteral( "label-precision" ) ) );

  const QString out = parser.value( QStringLiteral( "out" ) );
  problem = PendulumAnimationExporter::checkOutput( out );
  if ( !problem.isEmpty() )
    return QStringLiteral( "--out: %1" ).arg( problem );
  // A folder of frames was checked above; a video file is checked as every other output.
  if ( !out.endsWith( QLatin1Char( '/' ) ) )
    return checkOutput( parser, out );
  return QString();
}

int AnimateCommand::run( const QCommandLineParser &parser )
{
  PendulumAnimationTask::Settings settings;
  settings.dataPath = parser.value( QStringLiteral( "data" ) );
  checkRecordDate( parser, QStringLiteral( "from" ), &settings.plan.from );
  checkRecordDate( parser, QStringLiteral( "to" ), &settings.plan.to );
  PendulumAnimationPlan::parseStep( parser.value( QStringLiteral( "step" ) ), &settings.plan.step );
  settings.plan.fps = parser.value( QStringLiteral( "fps" ) ).toInt();
  settings.plan.secondsPerYear = parser.value( QStringLiteral( "pace" ) ).toDouble();
  settings.plan.label = !parser.isSet( QStringLiteral( "no-label" ) );
  settings.plan.labelPrecision = parser.value( QStringLiteral( "label-precision" ) );
  settings.plan.language = parser.value( QStringLiteral( "lang" ) );
  const QString out = parser.value( QStringLiteral( "out" ) );
  settings.output.out = out.endsWith( QLatin1Char( '/' ) ) ? out : outputPath( parser );
  settings.output.request.size = parseSize( parser.value( QStringLiteral( "size" ) ) );
  settings.output.request.legend = !parser.isSet( QStringLiteral( "no-legend" ) );

  ProgressPrinter printer;
  QElapsedTimer timer;
  timer.start();
  QString error;
  PendulumAnimationExporter::Statistics statistics;
  const PendulumAnimationEncoder::Result result = PendulumAnimationTask::execute(
      settings, [&printer]( double value ) { printer.update( value ); },
      [this] { return interrupt()->requested(); }, &error, &statistics );
  printer.finish();

  switch ( result )
  {
  case PendulumAnimationEncoder::Result::Canceled:
    return interrupted( settings.output.out );
  case PendulumAnimationEncoder::Result::Failed:
    printError( error );
    return Failure;
  case PendulumAnimationEncoder::Result::Done:
    break;
  }
  QTextStream( stdout )
      << QStringLiteral( "wrote %1: %2 frames, %3 maps rendered, %4 images encoded, %5 hard links, %6 s\n" )
             .arg( settings.output.out )
             .arg( statistics.frames )
             .arg( statistics.renders )
             .arg( statistics.encodes )
             .arg( statistics.links )
             .arg( timer.elapsed() / 1000.0, 0, 'f', 1 );
  return Success;
}
