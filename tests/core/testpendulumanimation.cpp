#include "pendulumanimationexporter.h"
#include "pendulumanimationframerenderer.h"
#include "pendulumanimationplan.h"
#include "pendulumanimationtask.h"
#include "pendulumchangeindex.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include <QImageReader>
#include <sys/stat.h>

/**
 * The animation core: the frame plan (dates, states, holds), and the
 * exporter's optimised path (one render per map state, labels drawn per
 * frame, identical frames hard-linked) against the straightforward path of
 * rendering every frame on its own — same pixels, fewer renders.
 */
class TestPendulumAnimation : public QObject
{
  Q_OBJECT

private slots:
  void initTestCase();
  void cleanupTestCase();
  void init();
  void monthlyAndYearlyDates();
  void eventStepHoldsInProportion();
  void statesAndIdenticalFrames();
  void framesAreHardLinkedWhereIdentical();
  void optimisedFramesEqualStraightforwardOnes();
  void cancelLeavesNothing();
  void refusesAFolderWithContent();
  void runsAsATaskInQgisTaskManager();

private:
  PendulumAnimationPlan recordPlan( const QDate &from, const QDate &to, bool label ) const;
  PendulumAnimationExporter::Options options( const QString &out ) const;
  static QImage read( const QString &path );
  static struct stat fileStatus( const QString &path );

  std::unique_ptr<PendulumDataset> mDataset;
  QList<QgsVectorLayer *> mLayers;
  std::unique_ptr<PendulumMapRenderer> mRenderer;
  QList<QDate> mChanges;
  std::unique_ptr<QTemporaryDir> mDir;
};

void TestPendulumAnimation::initTestCase()
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
  QVERIFY( mChanges.contains( QDate( 1905, 9, 5 ) ) ); // the Treaty of Portsmouth
}

void TestPendulumAnimation::cleanupTestCase()
{
  mRenderer.reset();
  qDeleteAll( mLayers );
}

void TestPendulumAnimation::init()
{
  mDir = std::make_unique<QTemporaryDir>();
}

PendulumAnimationPlan TestPendulumAnimation::recordPlan( const QDate &from, const QDate &to,
                                                         bool label ) const
{
  PendulumAnimationPlan::Settings settings;
  settings.from = from;
  settings.to = to;
  settings.step = PendulumAnimationPlan::Step::Month;
  settings.label = label;
  return PendulumAnimationPlan::create( settings, mChanges );
}

PendulumAnimationExporter::Options TestPendulumAnimation::options( const QString &out ) const
{
  PendulumAnimationExporter::Options options;
  options.out = out;
  options.request.size = QSize( 400, 300 );
  // QGIS's label engine may settle a conflict between two overlapping labels differently
  // from one render of the same map to the next: the layers' labels stay out of pixel
  // comparisons (the date label, which the exporter draws itself, stays in).
  options.request.labels = false;
  return options;
}

QImage TestPendulumAnimation::read( const QString &path )
{
  return QImageReader( path ).read().convertToFormat( QImage::Format_ARGB32 );
}

struct stat TestPendulumAnimation::fileStatus( const QString &path )
{
  struct stat status = {};
  ::stat( QFile::encodeName( path ).constData(), &status );
  return status;
}

void TestPendulumAnimation::monthlyAndYearlyDates()
{
  PendulumAnimationPlan::Settings settings;
  settings.from = QDate( 1904, 1, 31 );
  settings.to = QDate( 1904, 12, 31 );
  settings.fps = 10;
  const PendulumAnimationPlan monthly = PendulumAnimationPlan::create( settings, {} );
  QCOMPARE( monthly.frames().size(), 12 );
  QCOMPARE( monthly.frames().at( 1 ).date, QDate( 1904, 2, 29 ) ); // a leap year
  QCOMPARE( monthly.frames().at( 2 ).date, QDate( 1904, 3, 31 ) ); // not the 29th: counted from the start
  QCOMPARE( monthly.frames().at( 0 ).label, QStringLiteral( "31 January 1904" ) );
  QCOMPARE( monthly.duration(), 1.2 );

  settings.step = PendulumAnimationPlan::Step::Year;
  settings.to = QDate( 1910, 1, 30 );
  QCOMPARE( PendulumAnimationPlan::create( settings, {} ).frames().size(), 6 ); // 1904 … 1909

  PendulumAnimationPlan::Step step;
  QVERIFY( PendulumAnimationPlan::parseStep( QStringLiteral( "1m" ), &step ) &&
           step == PendulumAnimationPlan::Step::Month );
  QVERIFY( PendulumAnimationPlan::parseStep( QStringLiteral( "event" ), &step ) &&
           step == PendulumAnimationPlan::Step::Event );
  QVERIFY( !PendulumAnimationPlan::parseStep( QStringLiteral( "2W" ), &step ) );
}

void TestPendulumAnimation::eventStepHoldsInProportion()
{
  PendulumAnimationPlan::Settings settings;
  settings.from = QDate( 1900, 1, 1 );
  settings.to = QDate( 1920, 1, 1 );
  settings.step = PendulumAnimationPlan::Step::Event;
  settings.fps = 10;
  settings.secondsPerYear = 2;
  const QList<QDate> changes{ QDate( 1890, 1, 1 ), QDate( 1904, 1, 1 ), QDate( 1905, 1, 1 ),
                              QDate( 1905, 1, 2 ), QDate( 1920, 1, 1 ), QDate( 1930, 1, 1 ) };
  const PendulumAnimationPlan plan = PendulumAnimationPlan::create( settings, changes );
  QCOMPARE( plan.frames().size(), 5 ); // the start, then each change in (from, to]
  QCOMPARE( plan.frames().at( 0 ).date, QDate( 1900, 1, 1 ) );
  QCOMPARE( plan.frames().at( 4 ).date, QDate( 1920, 1, 1 ) );
  QVERIFY( qAbs( plan.frames().at( 0 ).duration - 8.0 ) < 0.01 ); // four years, two seconds each
  QVERIFY( qAbs( plan.frames().at( 1 ).duration - 2.0 ) < 0.01 );
  QCOMPARE( plan.frames().at( 2 ).duration, 0.1 ); // one day: the shortest hold, one frame at 10 fps
  QVERIFY( plan.frames().at( 3 ).duration > 29.9 );
  QCOMPARE( plan.frames().at( 4 ).duration, 1.0 ); // the end: held long enough to read
  // Every event frame starts a new state.
  for ( int i = 1; i < plan.frames().size(); ++i )
    QVERIFY( plan.frames().at( i ).state != plan.frames().at( i - 1 ).state );
}

void TestPendulumAnimation::statesAndIdenticalFrames()
{
  PendulumAnimationPlan::Settings settings;
  settings.from = QDate( 1905, 1, 1 );
  settings.to = QDate( 1905, 12, 1 );
  const QList<QDate> changes{ QDate( 1905, 3, 15 ), QDate( 1905, 4, 1 ), QDate( 1905, 9, 5 ) };
  // Month step, year label: whole frames repeat wherever the map does.
  settings.labelPrecision = QStringLiteral( "year" );
  PendulumAnimationPlan plan = PendulumAnimationPlan::create( settings, changes );
  QStringList states;
  for ( const PendulumAnimationFrame &frame : plan.frames() )
    states << QString::number( frame.state ) +
                  ( frame.sameAs >= 0 ? QStringLiteral( "=%1" ).arg( frame.sameAs ) : QString() );
  QCOMPARE( states.join( ' ' ), QStringLiteral( "0 0=0 0=0 2 2=3 2=3 2=3 2=3 2=3 3 3=9 3=9" ) );
  QCOMPARE( plan.stateCount(), 3 );
  QCOMPARE( plan.distinctFrameCount(), 3 );
  QCOMPARE( plan.frames().at( 0 ).label, QStringLiteral( "1905" ) );

  // Day labels: the same states, but every frame is its own image.
  settings.labelPrecision = QStringLiteral( "day" );
  plan = PendulumAnimationPlan::create( settings, changes );
  QCOMPARE( plan.stateCount(), 3 );
  QCOMPARE( plan.distinctFrameCount(), 12 );
}

void TestPendulumAnimation::framesAreHardLinkedWhereIdentical()
{
  const PendulumAnimationPlan plan = recordPlan( QDate( 1905, 6, 1 ), QDate( 1906, 1, 1 ), false );
  QCOMPARE( plan.frames().size(), 8 );
  QVERIFY2( plan.distinctFrameCount() <= 6, "July and September 1905 repeat the month before" );

  const QString out = mDir->filePath( QStringLiteral( "frames" ) ) + '/';
  PendulumAnimationExporter exporter( *mRenderer, plan, options( out ) );
  QCOMPARE( exporter.run(), PendulumAnimationEncoder::Result::Done );
  QCOMPARE( exporter.statistics().renders, plan.stateCount() );
  QCOMPARE( exporter.statistics().encodes, plan.distinctFrameCount() );
  QCOMPARE( exporter.statistics().links, plan.frames().size() - plan.distinctFrameCount() );

  const QDir dir( out );
  QCOMPARE( dir.entryList( { QStringLiteral( "frame-*.png" ) }, QDir::Files ).size(), 8 );
  for ( int i = 0; i < plan.frames().size(); ++i )
  {
    const PendulumAnimationFrame &frame = plan.frames().at( i );
    const struct stat status = fileStatus( dir.filePath( PendulumAnimationExporter::frameName( i, 8 ) ) );
    if ( frame.sameAs >= 0 )
    {
      QCOMPARE(
          status.st_ino,
          fileStatus( dir.filePath( PendulumAnimationExporter::frameName( frame.sameAs, 8 ) ) ).st_ino );
      QVERIFY( status.st_nlink >= 2 );
    }
  }
  // 1 June and 1 August 1905 differ (the landings on Sakhalin): distinct files.
  QVERIFY( fileStatus( dir.filePath( "frame-00001.png" ) ).st_ino !=
           fileStatus( dir.filePath( "frame-00003.png" ) ).st_ino );
  QVERIFY( read( dir.filePath( "frame-00001.png" ) ) != read( dir.filePath( "frame-00003.png" ) ) );

  // The concat list holds each distinct image once, with the held time.
  QFile list( dir.filePath( PendulumAnimationExporter::concatListName() ) );
  QVERIFY( list.open( QIODevice::ReadOnly ) );
  const QString text = QString::fromUtf8( list.readAll() );
  // (ffmpeg's concat demuxer wants the last image listed twice; it shows the second for 1/25 s.)
  QCOMPARE( text.count( QStringLiteral( "file '" ) ), plan.distinctFrameCount() + 1 );
  double total = 0.04;
  for ( const QString &line : text.split( '\n' ) )
  {
    if ( line.startsWith( QLatin1String( "duration " ) ) )
      total += line.mid( 9 ).toDouble();
  }
  QVERIFY2( qAbs( total - plan.duration() ) < 1e-4,
            qPrintable( QStringLiteral( "%1 vs %2" ).arg( total ).arg( plan.duration() ) ) );
}

void TestPendulumAnimation::optimisedFramesEqualStraightforwardOnes()
{
  // Across the Portsmouth settlement: several map states, each reused for several frames.
  const PendulumAnimationPlan plan = recordPlan( QDate( 1905, 6, 1 ), QDate( 1906, 1, 1 ), true );
  QVERIFY( plan.stateCount() < plan.frames().size() );
  const QString out = mDir->filePath( QStringLiteral( "labelled" ) ) + '/';
  PendulumAnimationExporter exporter( *mRenderer, plan, options( out ) );
  QCOMPARE( exporter.run(), PendulumAnimationEncoder::Result::Done );
  QCOMPARE( exporter.statistics().renders, plan.stateCount() );
  QCOMPARE( exporter.statistics().links, 0 ); // every day label differs

  PendulumAnimationFrameRenderer direct( *mRenderer, options( out ).request );
  for ( int i = 0; i < plan.frames().size(); ++i )
  {
    const QImage written =
        read( QDir( out ).filePath( PendulumAnimationExporter::frameName( i, plan.frames().size() ) ) );
    const QImage expected =
        direct.renderDirectly( plan.frames().at( i ) ).convertToFormat( QImage::Format_ARGB32 );
    QCOMPARE( written.size(), QSize( 400, 300 ) );
    QVERIFY2( written == expected,
              qPrintable( QStringLiteral( "frame %1 (%2) differs from rendering it on its own" )
                              .arg( i + 1 )
                              .arg( plan.frames().at( i ).date.toString( Qt::ISODate ) ) ) );
  }

  // The straightforward exporter path writes the same frames.
  PendulumAnimationExporter::Options plain = options( mDir->filePath( QStringLiteral( "plain" ) ) + '/' );
  plain.reuse = false;
  PendulumAnimationExporter straightforward( *mRenderer, plan, plain );
  QCOMPARE( straightforward.run(), PendulumAnimationEncoder::Result::Done );
  QCOMPARE( straightforward.statistics().renders, plan.frames().size() );
  for ( int i = 0; i < plan.frames().size(); ++i )
  {
    const QString name = PendulumAnimationExporter::frameName( i, plan.frames().size() );
    QVERIFY( read( QDir( out ).filePath( name ) ) == read( QDir( plain.out ).filePath( name ) ) );
  }
}

void TestPendulumAnimation::cancelLeavesNothing()
{
  const PendulumAnimationPlan plan = recordPlan( QDate( 1904, 1, 1 ), QDate( 1906, 1, 1 ), true );
  const QString out = mDir->filePath( QStringLiteral( "canceled" ) ) + '/';
  PendulumAnimationExporter exporter( *mRenderer, plan, options( out ) );
  int calls = 0;
  exporter.setCancelCheck( [&calls] { return ++calls > 5; } );
  QCOMPARE( exporter.run(), PendulumAnimationEncoder::Result::Canceled );
  // Neither the folder nor its temporary twin is left.
  QCOMPARE( QDir( mDir->path() ).entryList( QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden ),
            QStringList() );
}

void TestPendulumAnimation::refusesAFolderWithContent()
{
  QDir( mDir->path() ).mkdir( QStringLiteral( "used" ) );
  QFile file( mDir->filePath( QStringLiteral( "used/notes.txt" ) ) );
  QVERIFY( file.open( QIODevice::WriteOnly ) );
  file.close();
  QVERIFY( PendulumAnimationExporter::checkOutput( mDir->filePath( QStringLiteral( "used/" ) ) )
               .contains( QLatin1String( "not empty" ) ) );
  QVERIFY( PendulumAnimationExporter::checkOutput( mDir->filePath( QStringLiteral( "a.avi" ) ) )
               .contains( QLatin1String( "neither" ) ) );
  QVERIFY( PendulumAnimationExporter::checkOutput( QStringLiteral( "/nonexistent/a.mp4" ) )
               .contains( QLatin1String( "does not exist" ) ) );
  QVERIFY( PendulumAnimationExporter::checkOutput( mDir->filePath( QStringLiteral( "new/" ) ) ).isEmpty() );
  QVERIFY( PendulumAnimationExporter::checkOutput( mDir->filePath( QStringLiteral( "a.mp4" ) ) ).isEmpty() );
}

void TestPendulumAnimation::runsAsATaskInQgisTaskManager()
{
  // The task opens its own layers in its worker thread and reports through QgsTask.
  PendulumAnimationTask::Settings settings;
  settings.dataPath = QStringLiteral( PENDULUM_TEST_RECORD );
  settings.plan.from = QDate( 1905, 6, 1 );
  settings.plan.to = QDate( 1905, 9, 1 );
  settings.plan.language = QStringLiteral( "ja" );
  settings.output = options( mDir->filePath( QStringLiteral( "task" ) ) + '/' );
  auto *task = new PendulumAnimationTask( settings );
  QSignalSpy completed( task, &QgsTask::taskCompleted );
  QgsApplication::taskManager()->addTask( task );
  QVERIFY( completed.wait( 120000 ) );
  const QStringList frames = QDir( settings.output.out ).entryList( { QStringLiteral( "frame-*.png" ) } );
  QCOMPARE( frames.size(), 4 );
  QCOMPARE( read( QDir( settings.output.out ).filePath( frames.first() ) ).size(), QSize( 400, 300 ) );

  // Canceled from the task manager: nothing under the final name.
  settings.output.out = mDir->filePath( QStringLiteral( "canceled" ) ) + '/';
  settings.plan.to = QDate( 1935, 1, 1 );
  auto *long_ = new PendulumAnimationTask( settings );
  QSignalSpy terminated( long_, &QgsTask::taskTerminated );
  QSignalSpy progressed( long_, &QgsTask::progressChanged );
  QgsApplication::taskManager()->addTask( long_ );
  QVERIFY( progressed.wait( 60000 ) );
  long_->cancel();
  QVERIFY( terminated.wait( 60000 ) );
  QVERIFY( !QFileInfo::exists( settings.output.out ) );
  QCOMPARE(
      QDir( mDir->path() ).entryList( { QStringLiteral( ".canceled*" ) }, QDir::AllEntries | QDir::Hidden ),
      QStringList() );
}

PENDULUM_TEST_MAIN( TestPendulumAnimation )
#include "testpendulumanimation.moc"
