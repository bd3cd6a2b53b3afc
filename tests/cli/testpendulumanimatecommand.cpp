#include "pendulumtest.h"
#include "pendulumtestcli.h"

#include <QProcess>
#include <csignal>

/**
 * `pendulum animate` as a user runs it: frame counts and durations of the
 * GIF and the videos (ffprobe), holds instead of re-encoded frames, a clean
 * stop on Ctrl+C, and a clear message when ffmpeg is missing.
 */
class TestPendulumAnimateCommand : public QObject
{
  Q_OBJECT

private slots:
  void init();
  void usageErrorsExitTwo_data();
  void usageErrorsExitTwo();
  void gifHasOneFramePerMonth();
  void eventVideoLastsAsPlanned();
  void heldFramesAreEncodedOnce();
  void interruptLeavesNoFile();
  void missingFfmpegIsAClearError();

private:
  using Result = PendulumTestCli::Result;
  QProcessEnvironment environment() const { return PendulumTestCli::environment( mDir->path() ); }
  Result run( const QStringList &arguments, const QProcessEnvironment &environment ) const
  {
    return PendulumTestCli::run( QStringList( QStringLiteral( "animate" ) ) + arguments, environment );
  }
  Result run( const QStringList &arguments ) const { return run( arguments, environment() ); }
  //! ffprobe's value of \a entry for the first video stream (frames counted, not guessed).
  static QString probe( const QString &file, const QString &entry );
  static double listedDuration( const QString &framesDir, int *entries );
  QStringList leftovers() const;

  std::unique_ptr<QTemporaryDir> mDir;
};

void TestPendulumAnimateCommand::init()
{
  mDir = std::make_unique<QTemporaryDir>();
}

QString TestPendulumAnimateCommand::probe( const QString &file, const QString &entry )
{
  QProcess ffprobe;
  ffprobe.start( QStringLiteral( "ffprobe" ),
                 { "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", entry, "-of",
                   "default=noprint_wrappers=1:nokey=1", file } );
  ffprobe.waitForFinished( 60000 );
  return QString::fromUtf8( ffprobe.readAllStandardOutput() ).trimmed();
}

double TestPendulumAnimateCommand::listedDuration( const QString &framesDir, int *entries )
{
  QFile list( QDir( framesDir ).filePath( QStringLiteral( "frames.txt" ) ) );
  if ( !list.open( QIODevice::ReadOnly ) )
    return -1;
  // The last image is listed twice (ffmpeg's concat demuxer ignores the last duration and
  // shows a final entry for 1/25 s): count it once more, as the encoded streams do.
  double total = 0.04;
  *entries = 0;
  for ( const QString &line : QString::fromUtf8( list.readAll() ).split( '\n' ) )
  {
    if ( line.startsWith( QLatin1String( "duration " ) ) )
      total += line.mid( 9 ).toDouble();
    if ( line.startsWith( QLatin1String( "file " ) ) )
      ++*entries;
  }
  return total;
}

QStringList TestPendulumAnimateCommand::leftovers() const
{
  return QDir( mDir->path() )
      .entryList( { QStringLiteral( ".*partial*" ), QStringLiteral( "*.mp4" ), QStringLiteral( "*.gif" ) },
                  QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot );
}

void TestPendulumAnimateCommand::usageErrorsExitTwo_data()
{
  QTest::addColumn<QStringList>( "arguments" );
  QTest::addColumn<QString>( "message" );
  QTest::newRow( "no out" ) << QStringList{ "--from", "1905-01-01", "--to", "1906-01-01" }
                            << "pendulum animate: --out is required";
  QTest::newRow( "backwards" ) << QStringList{ "--from",     "1906-01-01", "--to",
                                               "1905-01-01", "--out",      "a.gif" }
                               << "pendulum animate: --to 1905-01-01 is before --from 1906-01-01";
  QTest::newRow( "bad step" ) << QStringList{ "--from", "1905-01-01", "--to",  "1906-01-01",
                                              "--step", "2W",         "--out", "a.gif" }
                              << "pendulum animate: --step: '2W' is not 1M, 1Y or event";
  QTest::newRow( "bad format" ) << QStringList{ "--from",     "1905-01-01", "--to",
                                                "1906-01-01", "--out",      "a.avi" }
                                << "pendulum animate: --out: 'a.avi' is neither a folder";
  QTest::newRow( "bad fps" ) << QStringList{ "--from", "1905-01-01", "--to",  "1906-01-01",
                                             "--out",  "a.gif",      "--fps", "0" }
                             << "pendulum animate: --fps: '0' is not a rate";
  QTest::newRow( "bad lang" ) << QStringList{ "--from", "1905-01-01", "--to",   "1906-01-01",
                                              "--out",  "a.gif",      "--lang", "fr" }
                              << "pendulum animate: --lang: 'fr' is not one of en, ja, ru";
}

void TestPendulumAnimateCommand::usageErrorsExitTwo()
{
  QFETCH( QStringList, arguments );
  QFETCH( QString, message );
  const Result result = run( arguments );
  QCOMPARE( result.code, 2 );
  QVERIFY2( result.err.startsWith( message ), qPrintable( result.err ) );
  QCOMPARE( result.err.count( '\n' ), 1 );
}

void TestPendulumAnimateCommand::gifHasOneFramePerMonth()
{
  const QString gif = mDir->filePath( QStringLiteral( "portsmouth.gif" ) );
  const Result result = run(
      { "--from", "1905-06-01", "--to", "1906-01-01", "--out", gif, "--size", "320x240", "--fps", "4" } );
  QCOMPARE( result.code, 0 );
  QVERIFY2( result.out.contains( QLatin1String( "8 frames" ) ), qPrintable( result.out ) );
  QCOMPARE( probe( gif, QStringLiteral( "stream=nb_read_frames" ) ),
            QStringLiteral( "9" ) ); // the last one twice
  QCOMPARE( probe( gif, QStringLiteral( "stream=width,height" ) ), QStringLiteral( "320\n240" ) );
  const double duration = probe( gif, QStringLiteral( "format=duration" ) ).toDouble();
  // 8 frames at 4 fps; GIF delays are whole 1/100 s and its last delay is ffmpeg's estimate.
  QVERIFY2( qAbs( duration - 2.0 ) < 0.2, qPrintable( QString::number( duration ) ) );
  QCOMPARE( leftovers(), QStringList( { "portsmouth.gif" } ) );
}

void TestPendulumAnimateCommand::eventVideoLastsAsPlanned()
{
  // The frames and their planned durations, then the same animation as an MP4.
  const QStringList common{ "--from", "1905-01-01", "--to", "1906-01-01", "--step",
                            "event",  "--pace",     "4",    "--size",     "320x240" };
  const QString frames = mDir->filePath( QStringLiteral( "frames" ) ) + '/';
  QCOMPARE( run( QStringList( common ) << "--out" << frames ).code, 0 );
  int entries = 0;
  const double planned = listedDuration( frames, &entries );
  QVERIFY2( entries >= 8,
            qPrintable( QString::number( entries ) ) ); // the landings, Portsmouth, ratification, Beijing…
  QVERIFY( planned > 4.0 );

  const QString mp4 = mDir->filePath( QStringLiteral( "1905.mp4" ) );
  const Result result = run( QStringList( common ) << "--out" << mp4 );
  QCOMPARE( result.code, 0 );
  const double duration = probe( mp4, QStringLiteral( "format=duration" ) ).toDouble();
  QVERIFY2( qAbs( duration - planned ) < 0.15,
            qPrintable( QStringLiteral( "%1 s, planned %2 s" ).arg( duration ).arg( planned ) ) );
  // Each change encoded once, held as long as planned: no frames repeated at a fixed rate.
  QCOMPARE( probe( mp4, QStringLiteral( "stream=nb_read_frames" ) ).toInt(), entries );
}

void TestPendulumAnimateCommand::heldFramesAreEncodedOnce()
{
  const QStringList common{ "--from", "1905-06-01", "--to",  "1906-01-01", "--no-label",
                            "--size", "320x240",    "--fps", "2" };
  const QString frames = mDir->filePath( QStringLiteral( "held" ) ) + '/';
  const Result written = run( QStringList( common ) << "--out" << frames );
  QCOMPARE( written.code, 0 );
  QCOMPARE( QDir( frames ).entryList( { "frame-*.png" } ).size(), 8 );
  int entries = 0;
  QCOMPARE( listedDuration( frames, &entries ), 4.0 );
  QVERIFY2( entries < 8, "months without change are held, not listed again" ); // 9 if every month were listed

  const QString webm = mDir->filePath( QStringLiteral( "held.webm" ) );
  QCOMPARE( run( QStringList( common ) << "--out" << webm ).code, 0 );
  QCOMPARE( probe( webm, QStringLiteral( "stream=nb_read_frames" ) ).toInt(), entries );
  QVERIFY( qAbs( probe( webm, QStringLiteral( "format=duration" ) ).toDouble() - 4.0 ) < 0.15 );
}

void TestPendulumAnimateCommand::interruptLeavesNoFile()
{
  const QString mp4 = mDir->filePath( QStringLiteral( "long.mp4" ) );
  QProcess process;
  process.setProcessEnvironment( environment() );
  process.start( QStringLiteral( PENDULUM_CLI ), { "animate", "--from", "1855-01-01", "--to", "1990-01-01",
                                                   "--out", mp4, "--size", "640x480" } );
  QVERIFY( process.waitForStarted() );
  // Wait until frames are being written (progress lines on stderr), then press Ctrl+C.
  QByteArray err;
  connect( &process, &QProcess::readyReadStandardError, &process,
           [&] { err += process.readAllStandardError(); } );
  QTRY_VERIFY2_WITH_TIMEOUT( err.contains( "pendulum animate: 10%" ) || process.state() != QProcess::Running,
                             err.constData(), 60000 );
  QVERIFY2( process.state() == QProcess::Running, err.constData() );
  ::kill( process.processId(), SIGINT );
  QVERIFY( process.waitForFinished( 60000 ) );
  err += process.readAllStandardError();
  QCOMPARE( process.exitStatus(), QProcess::NormalExit );
  QCOMPARE( process.exitCode(), 130 );
  QVERIFY2( err.contains( "pendulum animate: interrupted; nothing was written" ), err.constData() );
  QCOMPARE( leftovers(), QStringList() );
}

void TestPendulumAnimateCommand::missingFfmpegIsAClearError()
{
  QProcessEnvironment environment = this->environment();
  environment.insert( QStringLiteral( "PENDULUM_FFMPEG" ), QStringLiteral( "/nonexistent/ffmpeg" ) );
  const QString mp4 = mDir->filePath( QStringLiteral( "none.mp4" ) );
  const Result result = run( { "--from", "1905-01-01", "--to", "1906-01-01", "--out", mp4 }, environment );
  QCOMPARE( result.code, 1 );
  QVERIFY2( result.err.startsWith( QLatin1String( "pendulum animate: ffmpeg is needed" ) ),
            qPrintable( result.err ) );
  QVERIFY( result.err.contains( QLatin1String( "apt-get install ffmpeg" ) ) );
  QCOMPARE( leftovers(), QStringList() );
}

PENDULUM_TEST_MAIN( TestPendulumAnimateCommand )
#include "testpendulumanimatecommand.moc"
