#include "pendulumtest.h"
#include "pendulumtestcli.h"

#include <QImage>
#include <QProcess>

/**
 * `pendulum map` (print layouts) and `pendulum atlas` run as a user runs
 * them: exit codes, one-line usage errors, and the files they leave.
 */
class TestPendulumPrintCommands : public QObject
{
  Q_OBJECT

private slots:
  void init();
  void usageErrors_data();
  void usageErrors();
  void mapWritesAPrintLayout();
  void mapWritesATiffAtTheDpi();
  void atlasWritesOnePagePerEvent();

private:
  using Result = PendulumTestCli::Result;
  Result run( const QStringList &arguments ) const;

  std::unique_ptr<QTemporaryDir> mDir;
};

void TestPendulumPrintCommands::init()
{
  mDir = std::make_unique<QTemporaryDir>();
}

TestPendulumPrintCommands::Result TestPendulumPrintCommands::run( const QStringList &arguments ) const
{
  return PendulumTestCli::run( arguments, PendulumTestCli::environment( mDir->path() ), mDir->path() );
}

void TestPendulumPrintCommands::usageErrors_data()
{
  QTest::addColumn<QStringList>( "arguments" );
  QTest::addColumn<QString>( "message" );
  QTest::newRow( "paper" ) << QStringList{ "map", "--date", "1910-01-01", "--out", "m.pdf", "--paper", "B5" }
                           << "pendulum map: --paper: 'B5' is not A4, A3 or letter";
  QTest::newRow( "orientation" ) << QStringList{ "map",   "--date",        "1910-01-01", "--out",
                                                 "m.pdf", "--orientation", "sideways" }
                                 << "pendulum map: --orientation: 'sideways' is not landscape or portrait";
  QTest::newRow( "extent" )
      << QStringList{ "map", "--date", "1910-01-01", "--out", "m.pdf", "--extent", "150,40,140,50" }
      << "pendulum map: --extent: '150,40,140,50' is not xmin,ymin,xmax,ymax in degrees";
  QTest::newRow( "lang" ) << QStringList{ "map", "--date", "1910-01-01", "--out", "m.pdf", "--lang", "fr" }
                          << "pendulum map: --lang: 'fr' is not en, ja or ru";
  QTest::newRow( "jpg without size" )
      << QStringList{ "map", "--date", "1910-01-01", "--out", "m.jpg" }
      << "pendulum map: --out: 'm.jpg' is not a file type this command writes";
  QTest::newRow( "atlas out" ) << QStringList{ "atlas", "--out", "a.png" }
                               << "pendulum atlas: --out: 'a.png' is not a .pdf file";
  QTest::newRow( "atlas order" ) << QStringList{ "atlas",      "--out", "a.pdf",     "--from",
                                                 "1910-01-01", "--to",  "1905-01-01" }
                                 << "pendulum atlas: --from: 1910-01-01 is after --to 1905-01-01";
  QTest::newRow( "atlas date" ) << QStringList{ "atlas", "--out", "a.pdf", "--from", "1905-02-30" }
                                << "pendulum atlas: --from: '1905-02-30' is not a real date";
}

void TestPendulumPrintCommands::usageErrors()
{
  QFETCH( QStringList, arguments );
  QFETCH( QString, message );
  const Result result = run( arguments );
  const QString problem = PendulumTestCli::usageErrorProblem( result, message );
  QVERIFY2( problem.isEmpty(), qPrintable( problem ) );
  QVERIFY( QDir( mDir->path() ).entryList( QDir::Files ).isEmpty() );
}

void TestPendulumPrintCommands::mapWritesAPrintLayout()
{
  const Result result = run( { "map", "--date", "1910-01-01", "--out", "map.pdf", "--lang", "ja" } );
  QCOMPARE( result.code, 0 );
  QVERIFY2( result.out.contains( QLatin1String( "wrote " ) + mDir->filePath( "map.pdf" ) ),
            qPrintable( result.out ) );
  QProcess text;
  text.start( QStringLiteral( "pdftotext" ), { mDir->filePath( "map.pdf" ), QStringLiteral( "-" ) } );
  text.waitForFinished( 60000 );
  // NFKC: poppler extracts some ideographs as their Kangxi radicals (⽉ for 月).
  const QString content = QString::fromUtf8( text.readAllStandardOutput() )
                              .normalized( QString::NormalizationForm_KC )
                              .simplified();
  QVERIFY2( content.contains( QStringLiteral( "1910年1月1日" ) ), qPrintable( content.left( 300 ) ) );
  QVERIFY( content.contains( QStringLiteral( "明治43年" ) ) );
  QVERIFY( content.contains( QStringLiteral( "凡例" ) ) );
}

void TestPendulumPrintCommands::mapWritesATiffAtTheDpi()
{
  const Result result = run( { "map", "--date", "1910-01-01", "--out", "map.tif", "--dpi", "50", "--paper",
                               "letter", "--orientation", "portrait" } );
  QCOMPARE( result.code, 0 );
  const QImage image( mDir->filePath( "map.tif" ) );
  QVERIFY( std::abs( image.width() - 215.9 / 25.4 * 50 ) <= 1 );
  QVERIFY( std::abs( image.height() - 279.4 / 25.4 * 50 ) <= 1 );
  QCOMPARE( qRound( image.dotsPerMeterX() * 0.0254 ), 50 );
  QVERIFY( QFileInfo( mDir->filePath( "map_2.tif" ) ).isFile() ); // the sources page
}

void TestPendulumPrintCommands::atlasWritesOnePagePerEvent()
{
  const Result result =
      run( { "atlas", "--from", "1945-08-01", "--to", "1945-08-31", "--out", "atlas.pdf", "--dpi", "100" } );
  QCOMPARE( result.code, 0 );
  const QRegularExpressionMatch match =
      QRegularExpression( QStringLiteral( "\\((\\d+) events" ) ).match( result.out );
  QVERIFY2( match.hasMatch(), qPrintable( result.out ) );
  QVERIFY( match.captured( 1 ).toInt() >= 8 ); // August 1945: declaration of war to Iturup
  QProcess info;
  info.start( QStringLiteral( "pdfinfo" ), { mDir->filePath( "atlas.pdf" ) } );
  info.waitForFinished( 60000 );
  QVERIFY(
      QString::fromUtf8( info.readAllStandardOutput() )
          .contains( QRegularExpression( QStringLiteral( "Pages:\\s+%1\\n" ).arg( match.captured( 1 ) ) ) ) );
}

PENDULUM_TEST_MAIN( TestPendulumPrintCommands )
#include "testpendulumprintcommands.moc"
