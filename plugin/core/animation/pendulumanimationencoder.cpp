#include "pendulumanimationencoder.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace
{
//! Polling interval while ffmpeg runs: short enough for a prompt cancel.
constexpr int POLL_MS = 100;
} // namespace

bool PendulumAnimationEncoder::formatFor( const QString &out, Format *format )
{
  if ( out.endsWith( QLatin1Char( '/' ) ) || QFileInfo( out ).isDir() )
  {
    *format = Format::Frames;
    return true;
  }
  const QString suffix = QFileInfo( out ).suffix().toLower();
  if ( suffix == QLatin1String( "gif" ) )
    *format = Format::Gif;
  else if ( suffix == QLatin1String( "mp4" ) )
    *format = Format::Mp4;
  else if ( suffix == QLatin1String( "webm" ) )
    *format = Format::Webm;
  else
    return false;
  return true;
}

QString PendulumAnimationEncoder::suffix( Format format )
{
  switch ( format )
  {
  case Format::Frames:
    break;
  case Format::Gif:
    return QStringLiteral( "gif" );
  case Format::Mp4:
    return QStringLiteral( "mp4" );
  case Format::Webm:
    return QStringLiteral( "webm" );
  }
  return QString();
}

QString PendulumAnimationEncoder::ffmpeg()
{
  const QString configured = qEnvironmentVariable( "PENDULUM_FFMPEG" );
  if ( !configured.isEmpty() )
    return QFileInfo( configured ).isExecutable() ? configured : QString();
  return QStandardPaths::findExecutable( QStringLiteral( "ffmpeg" ) );
}

PendulumAnimationEncoder::Result
PendulumAnimationEncoder::encode( const QString &concatList, Format format, const QString &out, int frames,
                                  const std::function<void( double )> &progress,
                                  const std::function<bool()> &canceled, QString *error )
{
  const QString program = ffmpeg();
  if ( program.isEmpty() )
  {
    *error = QStringLiteral(
        "ffmpeg is needed for .gif, .mp4 and .webm output and was not found "
        "(install Debian's ffmpeg package: apt-get install ffmpeg), or write PNG frames to a folder" );
    return Result::Failed;
  }

  const QStringList input{ QStringLiteral( "-f" ), QStringLiteral( "concat" ), QStringLiteral( "-safe" ),
                           QStringLiteral( "0" ),  QStringLiteral( "-i" ),     concatList };
  // Variable frame rate: each listed frame is encoded once and lasts its listed duration.
  const QStringList vfr{ QStringLiteral( "-fps_mode" ), QStringLiteral( "vfr" ) };

  QStringList arguments;
  switch ( format )
  {
  case Format::Frames:
    return Result::Done;
  case Format::Mp4:
  case Format::Webm:
    arguments << input << videoArguments( format, out );
    break;
  case Format::Gif:
  {
    // Two passes: an optimal 256-colour palette from all frames, then the frames in it.
    // (One pass with split/palettegen would hold every frame in memory.)
    const QString palette = out + QStringLiteral( ".palette.png" );
    const QStringList paletteArguments = QStringList( input )
                                         << QStringList{ "-vf",       "palettegen=stats_mode=diff",
                                                         "-frames:v", "1",
                                                         "-update",   "1",
                                                         "-f",        "image2" }
                                         << palette;
    const auto firstHalf = [&]( double value )
    {
      if ( progress )
        progress( value / 2 );
    };
    const Result paletteResult = runFfmpeg( program, paletteArguments, frames, firstHalf, canceled, error );
    if ( paletteResult != Result::Done )
    {
      QFile::remove( palette );
      return paletteResult;
    }
    arguments << input << QStringLiteral( "-i" ) << palette << QStringLiteral( "-lavfi" )
              << QStringLiteral( "[0:v][1:v]paletteuse=dither=sierra2_4a:diff_mode=rectangle" ) << vfr
              << QStringLiteral( "-f" ) << QStringLiteral( "gif" ) << out;
    const auto secondHalf = [&]( double value )
    {
      if ( progress )
        progress( 0.5 + value / 2 );
    };
    const Result result = runFfmpeg( program, arguments, frames, secondHalf, canceled, error );
    QFile::remove( palette );
    return result;
  }
  }
  return runFfmpeg( program, arguments, frames, progress, canceled, error );
}

QStringList PendulumAnimationEncoder::videoArguments( Format format, const QString &out )
{
  // yuv420p needs even sides; crop the odd pixel rather than fail.
  const QStringList even{ QStringLiteral( "-vf" ), QStringLiteral( "crop=trunc(iw/2)*2:trunc(ih/2)*2" ) };
  // Variable frame rate: each input frame is encoded once and lasts as long as its timestamps say.
  const QStringList vfr{ QStringLiteral( "-fps_mode" ), QStringLiteral( "vfr" ) };
  switch ( format )
  {
  case Format::Mp4:
    return QStringList( even ) << vfr << QStringList{ "-c:v",      "libx264",    "-preset",  "veryfast",
                                                      "-crf",      "20",         "-pix_fmt", "yuv420p",
                                                      "-movflags", "+faststart", "-f",       "mp4" }
                               << out;
  case Format::Webm:
    return QStringList( even ) << vfr << QStringList{ "-c:v",      "libvpx-vp9", "-deadline", "realtime",
                                                      "-cpu-used", "8",          "-row-mt",   "1",
                                                      "-b:v",      "0",          "-crf",      "32",
                                                      "-pix_fmt",  "yuv420p",    "-f",        "webm" }
                               << out;
  case Format::Frames:
  case Format::Gif:
    break;
  }
  return QStringList();
}

PendulumAnimationEncoder::Result
PendulumAnimationEncoder::runFfmpeg( const QString &ffmpeg, const QStringList &arguments, int frames,
                                     const std::function<void( double )> &progress,
                                     const std::function<bool()> &canceled, QString *error )
{
  QProcess process;
  process.setProgram( ffmpeg );
  // -progress on stdout gives "frame=N" lines to follow; errors go to stderr.
  process.setArguments( QStringList{ "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-progress",
                                     "pipe:1", "-nostats" } +
                        arguments );
  process.start();
  if ( !process.waitForStarted() )
  {
    *error = QStringLiteral( "cannot start %1 (%2)" ).arg( ffmpeg, process.errorString() );
    return Result::Failed;
  }
  QByteArray pending;
  while ( !process.waitForFinished( POLL_MS ) )
  {
    if ( process.state() == QProcess::NotRunning )
      break;
    if ( canceled && canceled() )
    {
      process.kill();
      process.waitForFinished();
      return Result::Canceled;
    }
    pending += process.readAllStandardOutput();
    int end = -1;
    while ( ( end = pending.indexOf( '\n' ) ) >= 0 )
    {
      const QByteArray line = pending.left( end ).trimmed();
      pending.remove( 0, end + 1 );
      if ( line.startsWith( "frame=" ) && progress && frames > 0 )
        progress( std::min( 1.0, line.mid( 6 ).toDouble() / frames ) );
    }
  }
  if ( canceled && canceled() )
    return Result::Canceled;
  if ( process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 )
  {
    const QString messages = QString::fromLocal8Bit( process.readAllStandardError() ).trimmed();
    *error = QStringLiteral( "ffmpeg failed (exit %1): %2" )
                 .arg( process.exitCode() )
                 .arg( messages.isEmpty() ? QStringLiteral( "no message" )
                                          : messages.section( QLatin1Char( '\n' ), -3 ) );
    return Result::Failed;
  }
  if ( progress )
    progress( 1.0 );
  return Result::Done;
}
