#include "pendulumanimationexporter.h"
#include "pendulumchangeindex.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"
#include "pendulumvideopipe.h"

#include <QImageReader>
#include <QProcess>

/**
 * An MP4 or WebM whose images all last the same time gets its frames as
 * raw pixels through a pipe instead of PNG files and the ffconcat list: the
 * pixels ffmpeg receives must be those of the PNG frames, frame for frame,
 * and the video must last as planned.
 */
class TestPendulumVideoPipe : public QObject
{
  Q_OBJECT

private slots:
  void initTestCase();
  void cleanupTestCase();
  void init();
  void pipedPixelsAreTheFrames();
  void videoLastsAsPlanned();
  void heldImagesTakeTheConcatList();
  void failingFfmpegIsReported();

private:
  PendulumAnimationPlan plan( bool label ) const;
  PendulumAnimationExporter::Options options( const QString &out ) const;
  //! An ffmpeg stand-in that stores its standard input in the output file and its arguments beside it.
  QString fakeFfmpeg( const QString &script ) const;
  static QString probe( const QString &file, const QString &entry );

  std::unique_ptr<PendulumDataset> mDataset;
  QList<QgsVectorLayer *> mLayers;
  std::unique_ptr<PendulumMapRenderer> mRenderer;
  QList<QDate> mChanges;
  std::unique_ptr<QTemporaryDir> mDir;
};

void TestPendulumVideoPipe::initTestCase()
{
  mDataset = PendulumTestRecord::open();
  QVERIFY( mDataset );
  QString error;
  mLayers = mDataset->createLayers( QStringLiteral( "en" ), &error );
  QVERIFY2( !mLayers.isEmpty(), qPrintable( error ) );
  QList<QgsMapLayer *> layers;
  for ( QgsVectorLayer *layer : mLayers )
    layers << layer;
  mRenderer = std::make_unique<PendulumMapRenderer>( layers );
  mChanges = PendulumChangeIndex( mLayers ).dates();
}

void TestPendulumVideoPipe::cleanupTestCase()
{
  mRenderer.reset();
  qDeleteAll( mLayers );
}

void TestPendulumVideoPipe::init()
{
  mDir = std::make_unique<QTemporaryDir>();
  qunsetenv( "PENDULUM_FFMPEG" );
}

PendulumAnimationPlan TestPendulumVideoPipe::plan( bool label ) const
{
  PendulumAnimationPlan::Settings settings;
  settings.from = QDate( 1905, 6, 1 );
  settings.to = QDate( 1906, 1, 1 );
  settings.fps = 4;
  settings.label = label;
  return PendulumAnimationPlan::create( settings, mChanges );
}

PendulumAnimationExporter::Options TestPendulumVideoPipe::options( const QString &out ) const
{
  PendulumAnimationExporter::Options options;
  options.out = out;
  options.request.size = QSize( 320, 240 );
  options.request.labels = false; // placed anew on every render: out of pixel comparisons
  return options;
}

QString TestPendulumVideoPipe::fakeFfmpeg( const QString &script ) const
{
  const QString path = mDir->filePath( QStringLiteral( "ffmpeg" ) );
  QFile file( path );
  if ( !file.open( QIODevice::WriteOnly ) )
    return QString();
  file.write( script.toUtf8() );
  file.close();
  file.setPermissions( QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner );
  return path;
}

QString TestPendulumVideoPipe::probe( const QString &file, const QString &entry )
{
  QProcess ffprobe;
  ffprobe.start( QStringLiteral( "ffprobe" ), { "-v", "error", "-count_frames", "-select_streams", "v:0",
                                                "-show_entries", entry, "-of", "default=nw=1:nk=1", file } );
  ffprobe.waitForFinished( 60000 );
  return QString::fromUtf8( ffprobe.readAllStandardOutput() ).trimmed();
}

void TestPendulumVideoPipe::pipedPixelsAreTheFrames()
{
  // ffmpeg's input, caught: the raw frames, and the arguments it was given.
  const QString ffmpeg = fakeFfmpeg( QStringLiteral( "#!/bin/sh\n"
                                                     "for last; do :; done\n"
                                                     "echo \"$@\" > \"$last.args\"\n"
                                                     "cat > \"$last\"\n" ) );
  QVERIFY( !ffmpeg.isEmpty() );
  qputenv( "PENDULUM_FFMPEG", QFile::encodeName( ffmpeg ) );
  const PendulumAnimationPlan labelled = plan( true );
  PendulumAnimationExporter piped( *mRenderer, labelled,
                                   options( mDir->filePath( QStringLiteral( "a.mp4" ) ) ) );
  QCOMPARE( piped.run(), PendulumAnimationEncoder::Result::Done );
  QVERIFY( piped.statistics().piped );
  QCOMPARE( piped.statistics().renders, labelled.stateCount() );
  qunsetenv( "PENDULUM_FFMPEG" );

  QFile raw( mDir->filePath( QStringLiteral( "a.mp4" ) ) );
  QVERIFY( raw.open( QIODevice::ReadOnly ) );
  const QByteArray bytes = raw.readAll();
  const int frameBytes = 320 * 240 * 4;
  QCOMPARE( bytes.size(), frameBytes * labelled.frames().size() );
  QDir dir( mDir->path() );
  const QStringList args = dir.entryList( { QStringLiteral( ".pendulum-tmp-*-a.partial-*.mp4.args" ) },
                                          QDir::Hidden | QDir::Files );
  QCOMPARE( args.size(), 1 );
  QFile argsFile( dir.filePath( args.first() ) );
  QVERIFY( argsFile.open( QIODevice::ReadOnly ) );
  const QString arguments = QString::fromUtf8( argsFile.readAll() );
  QVERIFY2( arguments.contains( QLatin1String( "-f rawvideo" ) ) &&
                arguments.contains( QLatin1String( "-video_size 320x240" ) ) &&
                arguments.contains( QLatin1String( "-framerate 4 " ) ) &&
                arguments.contains( QLatin1String( "libx264" ) ),
            qPrintable( arguments ) );

  // The same plan as PNG frames: frame for frame, the same pixels.
  const QString frames = mDir->filePath( QStringLiteral( "frames" ) ) + '/';
  PendulumAnimationExporter pngs( *mRenderer, labelled, options( frames ) );
  QCOMPARE( pngs.run(), PendulumAnimationEncoder::Result::Done );
  for ( int i = 0; i < labelled.frames().size(); ++i )
  {
    const QImage png =
        QImageReader(
            QDir( frames ).filePath( PendulumAnimationExporter::frameName( i, labelled.frames().size() ) ) )
            .read()
            .convertToFormat( QImage::Format_RGB32 );
    const QImage pixels =
        QImage( reinterpret_cast<const uchar *>( bytes.constData() ) + qsizetype( i ) * frameBytes, 320, 240,
                QImage::Format_ARGB32_Premultiplied )
            .convertToFormat( QImage::Format_RGB32 );
    QVERIFY2( pixels == png, qPrintable( QStringLiteral( "frame %1" ).arg( i + 1 ) ) );
  }
}

void TestPendulumVideoPipe::videoLastsAsPlanned()
{
  if ( PendulumAnimationEncoder::ffmpeg().isEmpty() )
    QSKIP( "ffmpeg is not installed" );
  const PendulumAnimationPlan labelled = plan( true );
  const QString mp4 = mDir->filePath( QStringLiteral( "portsmouth.mp4" ) );
  PendulumAnimationExporter exporter( *mRenderer, labelled, options( mp4 ) );
  QCOMPARE( exporter.run(), PendulumAnimationEncoder::Result::Done );
  QVERIFY( exporter.statistics().piped );
  QCOMPARE( probe( mp4, QStringLiteral( "stream=nb_read_frames" ) ).toInt(), labelled.frames().size() );
  QCOMPARE( probe( mp4, QStringLiteral( "stream=width,height" ) ), QStringLiteral( "320\n240" ) );
  const double duration = probe( mp4, QStringLiteral( "format=duration" ) ).toDouble();
  QVERIFY2( qAbs( duration - labelled.duration() ) < 0.05, qPrintable( QString::number( duration ) ) );
  QCOMPARE(
      QDir( mDir->path() ).entryList( { QStringLiteral( ".*partial*" ) }, QDir::Hidden | QDir::AllEntries ),
      QStringList() );
}

void TestPendulumVideoPipe::heldImagesTakeTheConcatList()
{
  if ( PendulumAnimationEncoder::ffmpeg().isEmpty() )
    QSKIP( "ffmpeg is not installed" );
  // Without labels, months without change are one image held longer: variable frame rate.
  const PendulumAnimationPlan unlabelled = plan( false );
  QVERIFY( unlabelled.distinctFrameCount() < unlabelled.frames().size() );
  const QString mp4 = mDir->filePath( QStringLiteral( "held.mp4" ) );
  PendulumAnimationExporter exporter( *mRenderer, unlabelled, options( mp4 ) );
  QCOMPARE( exporter.uniformImageDuration(), 0.0 );
  QCOMPARE( exporter.run(), PendulumAnimationEncoder::Result::Done );
  QVERIFY( !exporter.statistics().piped );
  QVERIFY( qAbs( probe( mp4, QStringLiteral( "format=duration" ) ).toDouble() - unlabelled.duration() ) <
           0.15 );
}

void TestPendulumVideoPipe::failingFfmpegIsReported()
{
  qputenv( "PENDULUM_FFMPEG", QFile::encodeName( fakeFfmpeg(
                                  QStringLiteral( "#!/bin/sh\necho 'no encoder here' >&2\nexit 3\n" ) ) ) );
  const QString mp4 = mDir->filePath( QStringLiteral( "failed.mp4" ) );
  PendulumAnimationExporter exporter( *mRenderer, plan( true ), options( mp4 ) );
  QCOMPARE( exporter.run(), PendulumAnimationEncoder::Result::Failed );
  QVERIFY2( exporter.error().contains( QLatin1String( "no encoder here" ) ), qPrintable( exporter.error() ) );
  qunsetenv( "PENDULUM_FFMPEG" );
  QVERIFY( !QFileInfo::exists( mp4 ) );
  QCOMPARE(
      QDir( mDir->path() ).entryList( { QStringLiteral( ".*partial*" ) }, QDir::Hidden | QDir::AllEntries ),
      QStringList() );
}

PENDULUM_TEST_MAIN( TestPendulumVideoPipe )
#include "testpendulumvideopipe.moc"
