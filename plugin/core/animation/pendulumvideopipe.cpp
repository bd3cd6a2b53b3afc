#include "pendulumvideopipe.h"

#include <QProcess>
#include <QSysInfo>

namespace
{
//! Bytes ffmpeg may lag behind before write() waits: two 1280×720 frames.
constexpr qint64 MAX_PENDING = 8 * 1024 * 1024;
//! Polling interval while waiting for ffmpeg: short enough for a prompt cancel.
constexpr int POLL_MS = 100;

//! ffmpeg's name for QImage's 32-bit pixels as they lie in memory.
QString rawPixelFormat()
{
  return QSysInfo::ByteOrder == QSysInfo::LittleEndian ? QStringLiteral( "bgra" ) : QStringLiteral( "argb" );
}
} // namespace

PendulumVideoPipe::PendulumVideoPipe() = default;

PendulumVideoPipe::~PendulumVideoPipe()
{
  kill();
}

bool PendulumVideoPipe::start( PendulumAnimationEncoder::Format format, const QString &out, const QSize &size,
                               double fps, QString *error )
{
  const QString program = PendulumAnimationEncoder::ffmpeg();
  const QStringList output = PendulumAnimationEncoder::videoArguments( format, out );
  if ( program.isEmpty() || output.isEmpty() || !size.isValid() || fps <= 0 )
  {
    *error = QStringLiteral( "cannot stream frames to ffmpeg for %1" ).arg( out );
    return false;
  }
  mSize = size;
  mProcess = std::make_unique<QProcess>();
  mProcess->setProgram( program );
  mProcess->setArguments( QStringList{ "-hide_banner", "-nostdin", "-loglevel", "error", "-nostats", "-y",
                                       "-f", "rawvideo", "-pix_fmt", rawPixelFormat(), "-video_size",
                                       QStringLiteral( "%1x%2" ).arg( size.width() ).arg( size.height() ),
                                       "-framerate", QString::number( fps, 'g', 12 ), "-i", "pipe:0" } +
                          output );
  // Progress is counted from the frames written; only ffmpeg's messages are kept.
  mProcess->setStandardOutputFile( QProcess::nullDevice() );
  mProcess->start();
  if ( !mProcess->waitForStarted() )
  {
    *error = QStringLiteral( "cannot start %1 (%2)" ).arg( program, mProcess->errorString() );
    mProcess.reset();
    return false;
  }
  return true;
}

bool PendulumVideoPipe::write( const QImage &frame, QString *error )
{
  if ( !mProcess || mProcess->state() != QProcess::Running )
  {
    *error = failure( QStringLiteral( "ffmpeg stopped" ) );
    return false;
  }
  const QImage pixels = frame.format() == QImage::Format_ARGB32_Premultiplied ||
                                frame.format() == QImage::Format_ARGB32 ||
                                frame.format() == QImage::Format_RGB32
                            ? frame
                            : frame.convertToFormat( QImage::Format_ARGB32_Premultiplied );
  if ( pixels.size() != mSize )
  {
    *error = QStringLiteral( "a frame of %1x%2 pixels in a video of %3x%4" )
                 .arg( pixels.width() )
                 .arg( pixels.height() )
                 .arg( mSize.width() )
                 .arg( mSize.height() );
    return false;
  }
  // 32-bit rows are never padded: the image is one block of width × height pixels.
  mProcess->write( reinterpret_cast<const char *>( pixels.constBits() ), pixels.sizeInBytes() );
  while ( mProcess->bytesToWrite() > MAX_PENDING )
  {
    if ( !mProcess->waitForBytesWritten( POLL_MS ) && mProcess->state() != QProcess::Running )
    {
      *error = failure( QStringLiteral( "ffmpeg stopped" ) );
      return false;
    }
  }
  return true;
}

PendulumAnimationEncoder::Result PendulumVideoPipe::finish( const std::function<bool()> &canceled,
                                                            QString *error )
{
  if ( !mProcess )
  {
    *error = QStringLiteral( "ffmpeg was not started" );
    return PendulumAnimationEncoder::Result::Failed;
  }
  while ( mProcess->bytesToWrite() > 0 && mProcess->state() == QProcess::Running )
  {
    if ( canceled && canceled() )
    {
      kill();
      return PendulumAnimationEncoder::Result::Canceled;
    }
    mProcess->waitForBytesWritten( POLL_MS );
  }
  mProcess->closeWriteChannel();
  while ( !mProcess->waitForFinished( POLL_MS ) && mProcess->state() != QProcess::NotRunning )
  {
    if ( canceled && canceled() )
    {
      kill();
      return PendulumAnimationEncoder::Result::Canceled;
    }
  }
  if ( mProcess->exitStatus() != QProcess::NormalExit || mProcess->exitCode() != 0 )
  {
    *error = failure( QStringLiteral( "ffmpeg failed (exit %1)" ).arg( mProcess->exitCode() ) );
    mProcess.reset();
    return PendulumAnimationEncoder::Result::Failed;
  }
  mProcess.reset();
  return PendulumAnimationEncoder::Result::Done;
}

void PendulumVideoPipe::kill()
{
  if ( !mProcess )
    return;
  if ( mProcess->state() != QProcess::NotRunning )
  {
    mProcess->kill();
    mProcess->waitForFinished();
  }
  mProcess.reset();
}

QString PendulumVideoPipe::failure( const QString &what ) const
{
  const QString messages =
      mProcess ? QString::fromLocal8Bit( mProcess->readAllStandardError() ).trimmed() : QString();
  return QStringLiteral( "%1: %2" )
      .arg( what, messages.isEmpty() ? QStringLiteral( "no message" )
                                     : messages.section( QLatin1Char( '\n' ), -3 ) );
}
