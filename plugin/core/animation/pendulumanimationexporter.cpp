#include "pendulumanimationexporter.h"

#include "pendulumanimationframerenderer.h"
#include "pendulumpngframeencoder.h"
#include "pendulumpngwriter.h"
#include "pendulumtemporaryname.h"
#include "pendulumvideopipe.h"
#include "pendulumwriteerror.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QSaveFile>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTextStream>
#include <QThread>
#include <QThreadPool>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <unistd.h>

namespace
{
//! How long ffmpeg's image2 demuxer shows one image by default (25 fps).
constexpr double IMAGE2_FRAME_TIME = 0.04;

//! Share of the progress bar for writing frames when a video is encoded after.
constexpr double FRAMES_SHARE_OF_VIDEO = 0.6;

//! Map states rendered ahead of the one being labelled: with the current one, two renders on two cores.
constexpr int RENDERS_AHEAD = 1;

//! Frames queued for labelling and encoding; enough that the next map's render starts before they are done.
constexpr int FRAMES_IN_FLIGHT = 32;

QString withoutTrailingSlash( const QString &path )
{
  QString cleaned = QDir::cleanPath( path );
  return cleaned.isEmpty() ? QStringLiteral( "." ) : cleaned;
}
} // namespace

PendulumAnimationExporter::PendulumAnimationExporter( const PendulumMapRenderer &renderer,
                                                      const PendulumAnimationPlan &plan,
                                                      const Options &options )
    : mRenderer( renderer ), mPlan( plan ), mOptions( options )
{
  PendulumAnimationEncoder::formatFor( options.out, &mFormat );
}

QString PendulumAnimationExporter::checkOutput( const QString &out )
{
  PendulumAnimationEncoder::Format format;
  if ( out.isEmpty() || !PendulumAnimationEncoder::formatFor( out, &format ) )
    return QStringLiteral( "'%1' is neither a folder (end it with '/') nor a .gif, .mp4 or .webm file" )
        .arg( out );
  const QFileInfo target( withoutTrailingSlash( out ) );
  const QFileInfo parent( target.absolutePath() );
  if ( !parent.isDir() )
    return QStringLiteral( "the folder %1 does not exist" ).arg( parent.filePath() );
  if ( !parent.isWritable() )
    return QStringLiteral( "the folder %1 is not writable" ).arg( parent.filePath() );
  if ( format == PendulumAnimationEncoder::Format::Frames && target.exists() )
  {
    if ( !target.isDir() )
      return QStringLiteral( "%1 is a file, not a folder" ).arg( target.filePath() );
    if ( !QDir( target.filePath() )
              .isEmpty( QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System ) )
      return QStringLiteral( "the folder %1 is not empty (frames go to a new or empty folder)" )
          .arg( target.filePath() );
  }
  if ( format != PendulumAnimationEncoder::Format::Frames && target.isDir() )
    return QStringLiteral( "%1 is a folder" ).arg( target.filePath() );
  return QString();
}

QString PendulumAnimationExporter::frameName( int index, int count )
{
  const int width = std::max( 5, int( QString::number( count ).size() ) );
  return QStringLiteral( "frame-%1.png" ).arg( index + 1, width, 10, QLatin1Char( '0' ) );
}

void PendulumAnimationExporter::report( double value ) const
{
  if ( mProgress )
    mProgress( std::clamp( value, 0.0, 1.0 ) );
}

PendulumAnimationEncoder::Result PendulumAnimationExporter::run()
{
  mError.clear();
  mStatistics = Statistics();
  mStatistics.frames = mPlan.frames().size();
  const QString problem = checkOutput( mOptions.out );
  if ( !problem.isEmpty() )
  {
    mError = QStringLiteral( "--out: %1" ).arg( problem );
    return PendulumAnimationEncoder::Result::Failed;
  }
  if ( mPlan.frames().isEmpty() )
  {
    mError = QStringLiteral( "the animation has no frames" );
    return PendulumAnimationEncoder::Result::Failed;
  }
  if ( mFormat != PendulumAnimationEncoder::Format::Frames && PendulumAnimationEncoder::ffmpeg().isEmpty() )
  {
    // Say so before rendering anything.
    QString error;
    PendulumAnimationEncoder::encode( QString(), mFormat, QString(), 0, nullptr, nullptr, &error );
    mError = error;
    return PendulumAnimationEncoder::Result::Failed;
  }

  const QFileInfo target( withoutTrailingSlash( mOptions.out ) );
  if ( pipesVideo() )
    return writeVideo( QString(), target );

  // Frames are written beside their final folder (so that the last step is a rename on the
  // same file system); a video's frames are only an intermediate and go to the temp folder.
  std::unique_ptr<QTemporaryDir> work =
      mFormat == PendulumAnimationEncoder::Format::Frames
          ? std::make_unique<QTemporaryDir>( PendulumTemporaryName::pattern(
                target.absolutePath(), target.fileName() + QStringLiteral( ".partial" ) ) )
          : std::make_unique<QTemporaryDir>();
  if ( !work->isValid() )
  {
    mError = QStringLiteral( "cannot create a temporary folder (%1)" ).arg( work->errorString() );
    return PendulumAnimationEncoder::Result::Failed;
  }

  if ( !writeFrames( work->path() ) )
    return canceled() ? PendulumAnimationEncoder::Result::Canceled : PendulumAnimationEncoder::Result::Failed;
  if ( !writeConcatList( work->path() ) )
    return PendulumAnimationEncoder::Result::Failed;

  if ( mFormat == PendulumAnimationEncoder::Format::Frames )
  {
    if ( !linkDuplicates( work->path() ) )
      return PendulumAnimationEncoder::Result::Failed;
    // QTemporaryDir makes the folder private; give it the permissions a new folder gets.
    QFile::setPermissions( work->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                             QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                             QFileDevice::ExeOther );
    if ( canceled() )
      return PendulumAnimationEncoder::Result::Canceled;
    // rename(2) replaces an empty folder atomically (checkOutput refused a non-empty one).
    if ( ::rename( QFile::encodeName( work->path() ).constData(),
                   QFile::encodeName( target.absoluteFilePath() ).constData() ) != 0 )
    {
      mError = QStringLiteral( "cannot move the frames to %1 (%2)" )
                   .arg( target.filePath(), QString::fromLocal8Bit( std::strerror( errno ) ) );
      return PendulumAnimationEncoder::Result::Failed;
    }
    work->setAutoRemove( false );
    report( 1.0 );
    return PendulumAnimationEncoder::Result::Done;
  }

  return writeVideo( work->path(), target );
}

bool PendulumAnimationExporter::pipesVideo() const
{
  return mOptions.pipeVideo &&
         ( mFormat == PendulumAnimationEncoder::Format::Mp4 ||
           mFormat == PendulumAnimationEncoder::Format::Webm ) &&
         uniformImageDuration() > 0;
}

double PendulumAnimationExporter::uniformImageDuration() const
{
  const QList<PendulumAnimationFrame> &frames = mPlan.frames();
  double uniform = 0;
  for ( int i = 0; i < frames.size(); )
  {
    double duration = frames.at( i ).duration;
    int next = i + 1;
    while ( mOptions.reuse && next < frames.size() && frames.at( next ).sameAs >= 0 )
      duration += frames.at( next++ ).duration;
    if ( uniform > 0 && std::abs( duration - uniform ) > 1e-9 )
      return 0;
    uniform = duration;
    i = next;
  }
  return uniform;
}

PendulumAnimationEncoder::Result PendulumAnimationExporter::writeVideo( const QString &dir,
                                                                        const QFileInfo &target )
{
  // The video goes to a hidden temporary name beside the target and is renamed when complete.
  QTemporaryFile partial( PendulumTemporaryName::pattern(
      target.absolutePath(), target.completeBaseName() + QStringLiteral( ".partial" ),
      QLatin1Char( '.' ) + PendulumAnimationEncoder::suffix( mFormat ) ) );
  if ( !partial.open() )
  {
    mError = QStringLiteral( "cannot write in %1 (%2)" ).arg( target.absolutePath(), partial.errorString() );
    return PendulumAnimationEncoder::Result::Failed;
  }
  partial.close();
  const auto encodeProgress = [this]( double value )
  { report( FRAMES_SHARE_OF_VIDEO + ( 1 - FRAMES_SHARE_OF_VIDEO ) * value ); };
  PendulumAnimationEncoder::Result result = PendulumAnimationEncoder::Result::Done;
  if ( dir.isEmpty() )
  {
    PendulumVideoPipe pipe;
    if ( !pipe.start( mFormat, partial.fileName(), mOptions.request.size, 1.0 / uniformImageDuration(),
                      &mError ) )
      return PendulumAnimationEncoder::Result::Failed;
    mStatistics.piped = true;
    if ( !pipeFrames( pipe ) )
    {
      pipe.kill();
      return canceled() ? PendulumAnimationEncoder::Result::Canceled
                        : PendulumAnimationEncoder::Result::Failed;
    }
    result = pipe.finish( [this] { return canceled(); }, &mError );
  }
  else
  {
    result = PendulumAnimationEncoder::encode(
        QDir( dir ).filePath( concatListName() ), mFormat, partial.fileName(), mStatistics.encodes,
        encodeProgress, [this] { return canceled(); }, &mError );
  }
  if ( result != PendulumAnimationEncoder::Result::Done )
    return result;
  if ( ::rename( QFile::encodeName( partial.fileName() ).constData(),
                 QFile::encodeName( target.absoluteFilePath() ).constData() ) != 0 )
  {
    mError = QStringLiteral( "cannot write %1 (%2)" )
                 .arg( target.filePath(), QString::fromLocal8Bit( std::strerror( errno ) ) );
    return PendulumAnimationEncoder::Result::Failed;
  }
  partial.setAutoRemove( false );
  // QTemporaryFile is created 0600; a video is for sharing.
  QFile::setPermissions( target.absoluteFilePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                        QFileDevice::ReadGroup | QFileDevice::ReadOther );
  report( 1.0 );
  return PendulumAnimationEncoder::Result::Done;
}

bool PendulumAnimationExporter::writeFrames( const QString &dir )
{
  const QList<PendulumAnimationFrame> &frames = mPlan.frames();
  PendulumAnimationFrameRenderer frameRenderer( mRenderer, mOptions.request );
  const double share = mFormat == PendulumAnimationEncoder::Format::Frames ? 1.0 : FRAMES_SHARE_OF_VIDEO;

  if ( mOptions.reuse )
    frameRenderer.setUpcoming( frames, RENDERS_AHEAD );

  QThreadPool pool; // our own: the global pool may be running the QgsTask that called us
  pool.setMaxThreadCount( mOptions.threads > 0 ? mOptions.threads
                                               : std::max( 1, QThread::idealThreadCount() ) );
  // Bounds the frames waiting for a worker; each holds only a shared map until labelled.
  QSemaphore inFlight( FRAMES_IN_FLIGHT );
  std::atomic<int> written{ 0 };
  QMutex errorMutex;
  QString writeError;
  std::shared_ptr<const PendulumPngFrameEncoder> encoder;
  qint64 encoderKey = 0;

  int toWrite = 0;
  for ( int i = 0; i < frames.size() && !canceled(); ++i )
  {
    const PendulumAnimationFrame &frame = frames.at( i );
    if ( mOptions.reuse && frame.sameAs >= 0 )
      continue; // an identical image: linked (frames) or held (video) later
    ++toWrite;

    QImage map;
    if ( mOptions.reuse )
      map = frameRenderer.map( frame );
    else
      map = frameRenderer.renderDirectly( frame );
    // A new map state: its frames differ from it only where their labels are.
    if ( mOptions.reuse && ( !encoder || map.cacheKey() != encoderKey ) )
    {
      encoder = std::make_shared<const PendulumPngFrameEncoder>( map );
      encoderKey = map.cacheKey();
    }

    inFlight.acquire();
    const QString path = QDir( dir ).filePath( frameName( i, frames.size() ) );
    const bool compose = mOptions.reuse;
    pool.start( QRunnable::create(
        [&, map, frame, path, compose, encoder]()
        {
          const QImage image = compose ? frameRenderer.compose( map, frame ) : map;
          QString error;
          const bool ok = encoder ? encoder->write( image, path, &error )
                                  : PendulumPngWriter::write( image, path, &error );
          if ( !ok )
          {
            QMutexLocker locker( &errorMutex );
            if ( writeError.isEmpty() )
              writeError = error;
          }
          ++written;
          inFlight.release();
        } ) );
    report( share * written / frames.size() );
  }
  while ( !pool.waitForDone( 100 ) )
    report( share * written / frames.size() );

  mStatistics.renders = mOptions.reuse ? frameRenderer.renderCount() : toWrite;
  mStatistics.encodes = written;
  if ( canceled() )
    return false;
  if ( !writeError.isEmpty() )
  {
    mError = writeError;
    return false;
  }
  return true;
}

bool PendulumAnimationExporter::pipeFrames( PendulumVideoPipe &pipe )
{
  const QList<PendulumAnimationFrame> &frames = mPlan.frames();
  PendulumAnimationFrameRenderer frameRenderer( mRenderer, mOptions.request );
  if ( mOptions.reuse )
    frameRenderer.setUpcoming( frames, RENDERS_AHEAD );

  //! A frame being labelled on the pool; written to the pipe in order once ready.
  struct Pending
  {
    QImage image;
    QSemaphore ready;
  };
  // Declared before the pool: the pool (destroyed first) waits for the tasks that fill these.
  std::deque<std::unique_ptr<Pending>> queue;
  QThreadPool pool; // our own: the global pool may be running the QgsTask that called us
  pool.setMaxThreadCount( mOptions.threads > 0 ? mOptions.threads
                                               : std::max( 1, QThread::idealThreadCount() ) );
  const size_t window = size_t( 2 * pool.maxThreadCount() );
  int written = 0;
  const auto writeFirst = [&]
  {
    queue.front()->ready.acquire();
    const bool ok = pipe.write( queue.front()->image, &mError );
    queue.pop_front();
    ++written;
    report( double( written ) / frames.size() );
    return ok;
  };

  bool ok = true;
  for ( int i = 0; ok && i < frames.size() && !canceled(); ++i )
  {
    const PendulumAnimationFrame &frame = frames.at( i );
    if ( mOptions.reuse && frame.sameAs >= 0 )
      continue; // held: the constant rate already gives the image its time
    const QImage map = mOptions.reuse ? frameRenderer.map( frame ) : frameRenderer.renderDirectly( frame );
    queue.push_back( std::make_unique<Pending>() );
    Pending *pending = queue.back().get();
    const bool compose = mOptions.reuse;
    pool.start( QRunnable::create(
        [&frameRenderer, pending, map, frame, compose]
        {
          pending->image = compose ? frameRenderer.compose( map, frame ) : map;
          pending->ready.release();
        } ) );
    while ( ok && queue.size() > window )
      ok = writeFirst();
  }
  while ( ok && !queue.empty() && !canceled() )
    ok = writeFirst();
  pool.waitForDone();

  mStatistics.renders = mOptions.reuse ? frameRenderer.renderCount() : written;
  mStatistics.encodes = written;
  return ok && !canceled();
}

bool PendulumAnimationExporter::writeConcatList( const QString &dir )
{
  // ffconcat: each distinct image once, lasting as long as it and the identical frames after it.
  const QList<PendulumAnimationFrame> &frames = mPlan.frames();
  QSaveFile file( QDir( dir ).filePath( concatListName() ) );
  if ( !file.open( QIODevice::WriteOnly | QIODevice::Text ) )
  {
    mError = PendulumWriteError::cannotWrite( file.fileName(), file.errorString() );
    return false;
  }
  QTextStream stream( &file );
  stream << "ffconcat version 1.0\n";
  for ( int i = 0; i < frames.size(); )
  {
    double duration = frames.at( i ).duration;
    int next = i + 1;
    while ( mOptions.reuse && next < frames.size() && frames.at( next ).sameAs >= 0 )
      duration += frames.at( next++ ).duration;
    const QString name = frameName( i, frames.size() );
    // ffmpeg's concat demuxer ignores the last entry's duration (the frame lasts one image2
    // frame, 1/25 s): end with the last image listed again, and take that 1/25 s off before it.
    const bool last = next >= frames.size();
    if ( last && duration > IMAGE2_FRAME_TIME )
      duration -= IMAGE2_FRAME_TIME;
    stream << "file '" << name << "'\nduration " << QString::number( duration, 'f', 6 ) << '\n';
    if ( last )
      stream << "file '" << name << "'\n";
    i = next;
  }
  stream.flush();
  return PendulumWriteError::commit( file, &mError );
}

bool PendulumAnimationExporter::linkDuplicates( const QString &dir )
{
  if ( !mOptions.reuse )
    return true;
  const QList<PendulumAnimationFrame> &frames = mPlan.frames();
  for ( int i = 0; i < frames.size(); ++i )
  {
    if ( frames.at( i ).sameAs < 0 )
      continue;
    // A hard link, not QFile::link (a symlink): the frame is a real file that outlives its twin.
    const QByteArray source =
        QFile::encodeName( QDir( dir ).filePath( frameName( frames.at( i ).sameAs, frames.size() ) ) );
    const QByteArray link = QFile::encodeName( QDir( dir ).filePath( frameName( i, frames.size() ) ) );
    if ( ::link( source.constData(), link.constData() ) != 0 )
    {
      mError = QStringLiteral( "cannot link %1 (%2)" )
                   .arg( QFile::decodeName( link ), QString::fromLocal8Bit( std::strerror( errno ) ) );
      return false;
    }
    ++mStatistics.links;
  }
  return true;
}
