#include "pendulumtest.h"
#include "pendulumtestcli.h"

#include <QImageReader>
#include <QProcess>

/**
 * Runs the built `pendulum` binary as a user would and checks what it prints,
 * its exit code and the files it leaves.
 */
class TestPendulumCli : public QObject
{
  Q_OBJECT

private slots:
  void init();
  void printsVersionAndHelp();
  void usageErrorsExitTwoWithOneLine_data();
  void usageErrorsExitTwoWithOneLine();
  void mapWritesTheImage();
  void missingDataFailsWithoutOutput();
  void buildRefusesAMissingLayersFolder();
  void popupPrintsTheMapTip();
  void popupFailures();

private:
  using Result = PendulumTestCli::Result;
  Result run( const QStringList &arguments ) const;

  std::unique_ptr<QTemporaryDir> mDir;
};

void TestPendulumCli::init()
{
  mDir = std::make_unique<QTemporaryDir>();
}

TestPendulumCli::Result TestPendulumCli::run( const QStringList &arguments ) const
{
  return PendulumTestCli::run( arguments, PendulumTestCli::environment( mDir->path() ) );
}

void TestPendulumCli::printsVersionAndHelp()
{
  Result result = run( { QStringLiteral( "--version" ) } );
  QCOMPARE( result.code, 0 );
  QVERIFY2( result.out.startsWith( QStringLiteral( "pendulum " PENDULUM_VERSION " (QGIS 3." ) ),
            qPrintable( result.out ) );

  result = run( { QStringLiteral( "help" ), QStringLiteral( "map" ) } );
  QCOMPARE( result.code, 0 );
  QVERIFY( result.out.startsWith( QLatin1String( "Usage: pendulum map [options]" ) ) );
  for ( const char *option : { "--date", "--out", "--size", "--dpi", "--data" } )
    QVERIFY2( result.out.contains( QLatin1String( option ) ), option );

  result = run( { QStringLiteral( "help" ) } );
  QCOMPARE( result.code, 0 );
  QVERIFY( result.out.contains( QLatin1String( "  build " ) ) );
  QVERIFY( result.out.contains( QLatin1String( "  map " ) ) );
}

void TestPendulumCli::usageErrorsExitTwoWithOneLine_data()
{
  QTest::addColumn<QStringList>( "arguments" );
  QTest::addColumn<QString>( "message" );
  QTest::newRow( "unknown subcommand" )
      << QStringList{ "frobnicate" } << "pendulum: no subcommand 'frobnicate'";
  QTest::newRow( "help for nothing" )
      << QStringList{ "help", "nothing" } << "pendulum: no subcommand 'nothing'";
  QTest::newRow( "unknown option" ) << QStringList{ "map", "--colour", "red" }
                                    << "pendulum map: Unknown option 'colour'";
  QTest::newRow( "malformed date" ) << QStringList{ "map", "--date", "1905-13-40", "--out", "m.png" }
                                    << "pendulum map: --date: '1905-13-40' has no month 13";
  QTest::newRow( "impossible date" )
      << QStringList{ "map", "--date", "1905-02-30", "--out", "m.png" }
      << "pendulum map: --date: '1905-02-30' is not a real date: February 1905 has 28 days";
  QTest::newRow( "before the record" ) << QStringList{ "map", "--date", "1700-01-01", "--out", "m.png" }
                                       << "pendulum map: --date: 1700-01-01 is outside the record";
  QTest::newRow( "missing value" ) << QStringList{ "map", "--date" }
                                   << "pendulum map: Missing value after '--date'";
  QTest::newRow( "no out" ) << QStringList{ "map", "--date", "1910-01-01" }
                            << "pendulum map: --out is required";
  QTest::newRow( "zero size" ) << QStringList{ "map",   "--date", "1910-01-01", "--out",
                                               "m.png", "--size", "0x0" }
                               << "pendulum map: --size: '0x0' is not a size";
  QTest::newRow( "huge dpi" ) << QStringList{ "map",   "--date", "1910-01-01", "--out",
                                              "m.png", "--dpi",  "100000" }
                              << "pendulum map: --dpi: '100000' is not a resolution";
  QTest::newRow( "missing folder" ) << QStringList{ "map", "--date", "1910-01-01", "--out",
                                                    "/nonexistent/dir/m.png" }
                                    << "pendulum map: --out: the folder /nonexistent/dir does not exist";
  QTest::newRow( "unknown format" ) << QStringList{ "map", "--date", "1910-01-01", "--out", "m.doc" }
                                    << "pendulum map: --out: 'm.doc' is not a file type this command writes";
  QTest::newRow( "stray argument" ) << QStringList{ "map", "extra" }
                                    << "pendulum map: unexpected argument 'extra'";
}

void TestPendulumCli::usageErrorsExitTwoWithOneLine()
{
  QFETCH( QStringList, arguments );
  QFETCH( QString, message );
  const Result result = run( arguments );
  const QString problem = PendulumTestCli::usageErrorProblem( result, message );
  QVERIFY2( problem.isEmpty(), qPrintable( problem ) );
  QVERIFY( !QFileInfo::exists( QStringLiteral( "m.png" ) ) );
}

void TestPendulumCli::mapWritesTheImage()
{
  const QString out = mDir->filePath( QStringLiteral( "map.png" ) );
  const Result result =
      run( { "map", "--date", "1910-01-01", "--out", out, "--size", "640x480", "--dpi", "120" } );
  QCOMPARE( result.code, 0 );
  QVERIFY2( result.out.contains( QLatin1String( "1 January 1910" ) ), qPrintable( result.out ) );
  QImageReader reader( out );
  const QImage image = reader.read();
  QCOMPARE( image.size(), QSize( 640, 480 ) );
  QCOMPARE( qRound( image.dotsPerMeterX() * 0.0254 ), 120 );
}

void TestPendulumCli::missingDataFailsWithoutOutput()
{
  const QString out = mDir->filePath( QStringLiteral( "map.png" ) );
  const Result result =
      run( { "map", "--date", "1910-01-01", "--out", out, "--data", mDir->filePath( "none.gpkg" ) } );
  QCOMPARE( result.code, 1 );
  QVERIFY2( result.err.contains( QLatin1String( "none.gpkg: no such file" ) ), qPrintable( result.err ) );
  QVERIFY( !QFileInfo::exists( out ) );
}

void TestPendulumCli::buildRefusesAMissingLayersFolder()
{
  const QString out = mDir->filePath( QStringLiteral( "record.gpkg" ) );
  const Result result = run( { "build", "--layers", mDir->filePath( "nothing" ), "--out", out } );
  QCOMPARE( result.code, 1 );
  QVERIFY2( result.err.contains( QLatin1String( "nothing: no such folder" ) ), qPrintable( result.err ) );
  QVERIFY( !QFileInfo::exists( out ) );
}

void TestPendulumCli::popupPrintsTheMapTip()
{
  Result result = run( { QStringLiteral( "popup" ), QStringLiteral( "karafuto-1905" ) } );
  QCOMPARE( result.code, 0 );
  QVERIFY2( result.out.startsWith( QStringLiteral( "<div class=\"pendulum-popup\"" ) ),
            qPrintable( result.err ) );
  QVERIFY( result.out.contains( QStringLiteral( "15 Oct 1905 – 25 Aug 1945" ) ) );
  QVERIFY( result.out.contains( QStringLiteral( "Stephan, John J. 1971." ) ) );

  result = run( { QStringLiteral( "popup" ), QStringLiteral( "treaty-of-portsmouth-1905" ),
                  QStringLiteral( "--lang" ), QStringLiteral( "ja" ) } );
  QCOMPARE( result.code, 0 );
  QVERIFY( result.out.contains( QStringLiteral( "1905年9月5日 (明治38年)" ) ) );

  result = run( { QStringLiteral( "popup" ), QStringLiteral( "karafuto-1905" ), QStringLiteral( "--text" ),
                  QStringLiteral( "--lang" ), QStringLiteral( "ru" ) } );
  QCOMPARE( result.code, 0 );
  QVERIFY( result.out.contains( QStringLiteral( "Владелец: Японская империя" ) ) );
  QVERIFY( !result.out.contains( QLatin1Char( '<' ) ) );
}

void TestPendulumCli::popupFailures()
{
  Result result = run( { QStringLiteral( "popup" ), QStringLiteral( "atlantis-1900" ) } );
  QCOMPARE( result.code, 1 );
  QVERIFY2(
      result.err.startsWith( QStringLiteral( "pendulum popup: no feature with id 'atlantis-1900' in " ) ),
      qPrintable( result.err ) );
  QVERIFY( result.out.isEmpty() );

  result = run( { QStringLiteral( "popup" ), QStringLiteral( "karafuto-1905" ), QStringLiteral( "--lang" ),
                  QStringLiteral( "de" ) } );
  QCOMPARE( result.code, 2 );
  QCOMPARE( result.err, QStringLiteral( "pendulum popup: --lang: 'de' is not one of en, ja, ru\n" ) );

  result = run( { QStringLiteral( "popup" ) } );
  QCOMPARE( result.code, 2 );
  QVERIFY( result.err.contains( QStringLiteral( "a feature id is required" ) ) );

  result = run( { QStringLiteral( "popup" ), QStringLiteral( "a" ), QStringLiteral( "b" ) } );
  QCOMPARE( result.code, 2 );
  QVERIFY( result.err.contains( QStringLiteral( "unexpected argument 'b'" ) ) );
}

PENDULUM_TEST_MAIN( TestPendulumCli )
#include "testpendulumcli.moc"
