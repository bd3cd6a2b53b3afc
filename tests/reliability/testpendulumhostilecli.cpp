#include "pendulumhostile.h"
#include "pendulumtest.h"
#include "pendulumtestcli.h"

#include <QProcess>
#include <csignal>
#include <unistd.h>

/**
 * The `pendulum` tool given what a hurried user types: unknown options,
 * missing values, sizes and resolutions out of range, dates outside the
 * record, output in a missing or unwritable folder, and Ctrl+C in the middle
 * of an export. Each gives one clear line on stderr and a non-zero exit, and
 * no file (nor temporary file) is left under the output's folder.
 */
class TestPendulumHostileCli : public QObject
{
  Q_OBJECT

private slots:
  void init();
  void usageErrorsExitTwo_data();
  void usageErrorsExitTwo();
  void unwritableOutputExitsNonZero_data();
  void unwritableOutputExitsNonZero();
  void interruptLeavesNothing_data();
  void interruptLeavesNothing();

private:
  //! Runs `pendulum` with \a arguments in mDir (relative --out paths land there).
  PendulumTestCli::Result run( const QStringList &arguments ) const;

  std::unique_ptr<QTemporaryDir> mDir;  //!< the working folder, where output goes
  std::unique_ptr<QTemporaryDir> mHome; //!< HOME, where QGIS writes its caches
};

void TestPendulumHostileCli::init()
{
  mDir = std::make_unique<QTemporaryDir>();
  mHome = std::make_unique<QTemporaryDir>();
}

PendulumTestCli::Result TestPendulumHostileCli::run( const QStringList &arguments ) const
{
  QProcess process;
  process.setProcessEnvironment( PendulumTestCli::environment( mHome->path() ) );
  process.setWorkingDirectory( mDir->path() );
  process.start( QStringLiteral( PENDULUM_CLI ), arguments );
  process.waitForFinished( 240000 );
  PendulumTestCli::Result result;
  result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
  result.out = QString::fromUtf8( process.readAllStandardOutput() );
  result.err = QString::fromUtf8( process.readAllStandardError() );
  return result;
}

void TestPendulumHostileCli::usageErrorsExitTwo_data()
{
  QTest::addColumn<QStringList>( "arguments" );
  QTest::addColumn<QString>( "message" );
  const QStringList map{ "map", "--date", "1910-01-01", "--out", "m.png" };
  const QStringList animate{ "animate", "--from", "1904-01-01", "--to", "1906-01-01", "--out", "a.gif" };

  // Unknown options and missing values, for every subcommand.
  QTest::newRow( "no subcommand option" )
      << QStringList{ "--frobnicate" } << "pendulum: no subcommand '--frobnicate'";
  for ( const char *command :
        { "build", "validate", "map", "atlas", "animate", "query", "popup", "chronicle", "install" } )
    QTest::addRow( "%s: unknown option", command )
        << QStringList{ command, "--colour", "red" }
        << QStringLiteral( "pendulum %1: Unknown option 'colour'" ).arg( QLatin1String( command ) );
  QTest::newRow( "build: missing value" )
      << QStringList{ "build", "--out" } << "pendulum build: Missing value after '--out'";
  QTest::newRow( "validate: missing value" )
      << QStringList{ "validate", "--layers" } << "pendulum validate: Missing value after '--layers'";
  QTest::newRow( "map: missing value" )
      << QStringList{ "map", "--out", "m.png", "--date" } << "pendulum map: Missing value after '--date'";
  QTest::newRow( "animate: missing value" )
      << ( QStringList( animate ) << "--size" ) << "pendulum animate: Missing value after '--size'";
  QTest::newRow( "query: missing value" )
      << QStringList{ "query", "--lon" } << "pendulum query: Missing value after '--lon'";
  QTest::newRow( "validate: stray argument" )
      << QStringList{ "validate", "layers" } << "pendulum validate: unexpected argument 'layers'";

  // Sizes and resolutions.
  QTest::newRow( "map --size 0x0" ) << ( QStringList( map ) << "--size"
                                                            << "0x0" )
                                    << "pendulum map: --size: '0x0' is not a size";
  QTest::newRow( "map --size -5x10" ) << ( QStringList( map ) << "--size"
                                                              << "-5x10" )
                                      << "pendulum map: --size: '-5x10' is not a size";
  QTest::newRow( "map --size 100000x100000" ) << ( QStringList( map ) << "--size"
                                                                      << "100000x100000" )
                                              << "pendulum map: --size: '100000x100000' is not a size";
  QTest::newRow( "map --size 20000x20000" ) << ( QStringList( map ) << "--size"
                                                                    << "20000x20000" )
                                            << "pendulum map: --size: '20000x20000' is not a size from 16x16 "
                                               "to 20000x20000 pixels (and at most 200 Mpx)";
  QTest::newRow( "map --size big" ) << ( QStringList( map ) << "--size"
                                                            << "big" )
                                    << "pendulum map: --size: 'big' is not a size";
  QTest::newRow( "map --dpi 100000" ) << ( QStringList( map ) << "--dpi"
                                                              << "100000" )
                                      << "pendulum map: --dpi: '100000' is not a resolution from 24 to 2400";
  QTest::newRow( "map --dpi 0" ) << ( QStringList( map ) << "--dpi"
                                                         << "0" )
                                 << "pendulum map: --dpi: '0' is not a resolution";
  QTest::newRow( "map --dpi -300" ) << ( QStringList( map ) << "--dpi"
                                                            << "-300" )
                                    << "pendulum map: --dpi: '-300' is not a resolution";
  QTest::newRow( "atlas --dpi 100000" ) << QStringList{ "atlas", "--out", "a.pdf", "--dpi", "100000" }
                                        << "pendulum atlas: --dpi: '100000' is not a resolution";
  QTest::newRow( "animate --size 0x0" )
      << ( QStringList( animate ) << "--size"
                                  << "0x0" )
      << "pendulum animate: --size: '0x0' is not a size from 16x16 to 8192x8192 pixels";
  QTest::newRow( "animate --size 9000x9000" ) << ( QStringList( animate ) << "--size"
                                                                          << "9000x9000" )
                                              << "pendulum animate: --size: '9000x9000' is not a size";
  QTest::newRow( "animate --fps 0" ) << ( QStringList( animate ) << "--fps"
                                                                 << "0" )
                                     << "pendulum animate: --fps: '0' is not a rate";
  QTest::newRow( "animate --fps 1000" ) << ( QStringList( animate ) << "--fps"
                                                                    << "1000" )
                                        << "pendulum animate: --fps: '1000' is not a rate from 1 to 60";
  QTest::newRow( "animate --pace -1" ) << ( QStringList( animate ) << "--pace"
                                                                   << "-1" )
                                       << "pendulum animate: --pace: '-1' is not a number of seconds";
  QTest::newRow( "query --lon 500" ) << QStringList{ "query", "--lon", "500", "--lat", "46" }
                                     << "pendulum query: --lon: '500' is not a longitude from -180 to 180";

  // An option given twice (the last one used to win silently), for every subcommand.
  const QList<QStringList> twice{
      { "build", "--out", "a.gpkg", "--out", "b.gpkg" },
      { "validate", "--layers", "a", "--layers", "b" },
      { "map", "--date", "1905-01-01", "--out", "m.png", "--date", "1910-01-01" },
      { "atlas", "--out", "a.pdf", "--lang", "ja", "--lang", "ru" },
      { "animate", "--from", "1904-01-01", "--to", "1906-01-01", "--out", "a.gif", "--no-legend",
        "--no-legend" },
      { "query", "--lon", "142", "--lat", "46", "--lat", "47" },
      { "popup", "karafuto-1905", "--text", "--text" },
      { "chronicle", "--layers", "a", "--layers", "b" },
      { "install", "--profiles-path", "p", "--profile", "a", "--profile", "b" },
  };
  for ( const QStringList &arguments : twice )
    QTest::addRow( "%s: option twice", qPrintable( arguments.first() ) )
        << arguments
        << QStringLiteral( "pendulum %1: --%2 is given more than once; give it once" )
               .arg( arguments.first(), arguments.last().startsWith( QLatin1String( "--" ) )
                                            ? arguments.last().mid( 2 )
                                            : arguments.at( arguments.size() - 2 ).mid( 2 ) );

  // Options the chosen mode ignores (they used to be silently dropped, exit 0).
  const QStringList plain{ "map", "--date", "1910-01-01", "--out", "m.png", "--size", "64x64" };
  QTest::newRow( "map --size --extent" )
      << ( QStringList( plain ) << "--extent"
                                << "120,40,150,50" )
      << "pendulum map: --extent has no effect with --size (the plain image shows the whole region); "
         "leave it out";
  for ( const char *option : { "lang", "title", "paper", "orientation" } )
    QTest::addRow( "map --size --%s", option )
        << ( QStringList( plain ) << QStringLiteral( "--%1" ).arg( QLatin1String( option ) ) << "ja" )
        << QStringLiteral( "pendulum map: --%1 has no effect with --size" ).arg( QLatin1String( option ) );
  QTest::newRow( "map --no-label without --size" )
      << ( QStringList( map ) << "--no-label" )
      << "pendulum map: --no-label has no effect without --size (the layout always shows the date)";
  QTest::newRow( "map --template --paper" )
      << ( QStringList( map ) << "--template"
                              << "t.qpt"
                              << "--paper"
                              << "A3" )
      << "pendulum map: --paper has no effect with --template (the template sets the page)";
  QTest::newRow( "animate --no-label --label-precision" )
      << ( QStringList( animate ) << "--no-label"
                                  << "--label-precision"
                                  << "year" )
      << "pendulum animate: --label-precision has no effect with --no-label";
  QTest::newRow( "query --json --lang" )
      << QStringList{ "query", "--lon", "142", "--lat", "46", "--json", "--lang", "ja" }
      << "pendulum query: --lang has no effect with --json";

  // Extents that are not finite, inverted or empty: refused before GDAL sees them.
  for ( const char *extent : { "nan,35,160,60", "100,nan,160,60", "100,35,inf,60", "-inf,35,160,60",
                               "160,35,100,60", "100,60,160,35", "100,35,100,60", "100,35,160" } )
    QTest::addRow( "map --extent %s", extent )
        << ( QStringList( map ) << "--extent" << extent )
        << QStringLiteral( "pendulum map: --extent: '%1' is not xmin,ymin,xmax,ymax" )
               .arg( QLatin1String( extent ) );

  // A raster layout page over the limit --size has (A3 at 2400 dpi would be 1.1 billion pixels,
  // 4.5 GB): refused before anything is allocated, with the limit and the highest dpi that fits.
  QTest::newRow( "map A3 PNG at 2400 dpi" )
      << QStringList{ "map", "--date", "1910-01-01", "--paper", "A3", "--dpi", "2400", "--out", "m.png" }
      << "pendulum map: --dpi: a 420x297 mm page at 2400 dpi is 39686x28063 pixels, more than the limit of "
         "20000x20000 pixels and 200 Mpx; at most 1017 dpi";
  QTest::newRow( "map A4 TIFF at 2400 dpi" )
      << QStringList{ "map", "--date", "1910-01-01", "--dpi", "2400", "--out", "m.tif" }
      << "pendulum map: --dpi: a 297x210 mm page at 2400 dpi is 28063x19843 pixels";
  QTest::newRow( "map template PNG at 1500 dpi" )
      << QStringList{ "map",
                      "--date",
                      "1910-01-01",
                      "--template",
                      PENDULUM_SOURCE_DIR "/styles/pendulum_a3_portrait.qpt",
                      "--dpi",
                      "1500",
                      "--out",
                      "m.png" }
      << "pendulum map: --dpi: a 297x420 mm page at 1500 dpi is 17540x24804 pixels";

  // Dates outside the record, impossible and malformed.
  QTest::newRow( "map: 1700" )
      << QStringList{ "map", "--date", "1700-01-01", "--out", "m.png" }
      << "pendulum map: --date: 1700-01-01 is outside the record (1855-01-01 to today)";
  QTest::newRow( "map: 2999" )
      << QStringList{ "map", "--date", "2999-01-01", "--out", "m.png" }
      << "pendulum map: --date: 2999-01-01 is outside the record (1855-01-01 to today)";
  QTest::newRow( "map: 1905-02-30" )
      << QStringList{ "map", "--date", "1905-02-30", "--out", "m.png" }
      << "pendulum map: --date: '1905-02-30' is not a real date: February 1905 has 28 days";
  QTest::newRow( "map: empty date" ) << QStringList{ "map", "--date", "", "--out", "m.png" }
                                     << "pendulum map: --date: '' is not a date in the form YYYY-MM-DD";
  QTest::newRow( "atlas: 1800" ) << QStringList{ "atlas", "--out", "a.pdf", "--from", "1800-01-01" }
                                 << "pendulum atlas: --from: 1800-01-01 is outside the record";
  QTest::newRow( "animate: 2999" ) << QStringList{ "animate",    "--from", "1904-01-01", "--to",
                                                   "2999-01-01", "--out",  "a.gif" }
                                   << "pendulum animate: --to: 2999-01-01 is outside the record";
  QTest::newRow( "animate: backwards" )
      << QStringList{ "animate", "--from", "1906-01-01", "--to", "1904-01-01", "--out", "a.gif" }
      << "pendulum animate: --to 1904-01-01 is before --from 1906-01-01";
  QTest::newRow( "query: 1700" ) << QStringList{ "query", "--lon",  "142",       "--lat",
                                                 "46",    "--date", "1700-01-01" }
                                 << "pendulum query: --date: 1700-01-01 is outside the record";

  // Output in a folder that does not exist.
  QTest::newRow( "map: missing folder" )
      << QStringList{ "map", "--date", "1910-01-01", "--out", "/nonexistent/m.pdf" }
      << "pendulum map: --out: the folder /nonexistent does not exist";
  QTest::newRow( "map --size: missing folder" )
      << QStringList{ "map", "--date", "1910-01-01", "--size", "64x64", "--out", "no/such/m.png" }
      << "pendulum map: --out: the folder ";
  QTest::newRow( "atlas: missing folder" ) << QStringList{ "atlas", "--out", "/nonexistent/a.pdf" }
                                           << "pendulum atlas: --out: the folder /nonexistent does not exist";
  QTest::newRow( "animate: missing folder" )
      << QStringList{ "animate", "--from", "1904-01-01", "--to", "1905-01-01", "--out", "/nonexistent/a.gif" }
      << "pendulum animate: --out: the folder /nonexistent does not exist";
  QTest::newRow( "chronicle: missing folder" )
      << QStringList{ "chronicle", "--out", "/nonexistent/c.md" }
      << "pendulum chronicle: --out: the folder /nonexistent does not exist";
}

void TestPendulumHostileCli::usageErrorsExitTwo()
{
  QFETCH( QStringList, arguments );
  QFETCH( QString, message );
  const PendulumTestCli::Result result = run( arguments );
  const QString problem = PendulumTestCli::usageErrorProblem( result, message );
  QVERIFY2( problem.isEmpty(), qPrintable( problem ) );
  QCOMPARE( result.out, QString() );
  QCOMPARE( PendulumHostile::entries( mDir->path() ), QStringList() );
}

void TestPendulumHostileCli::unwritableOutputExitsNonZero_data()
{
  QTest::addColumn<QStringList>( "arguments" );
  QTest::addColumn<QString>( "file" );
  QTest::newRow( "map PDF" ) << QStringList{ "map", "--date", "1910-01-01", "--out" } << "m.pdf";
  QTest::newRow( "map --size PNG" ) << QStringList{ "map",    "--date", "1910-01-01",
                                                    "--size", "64x64",  "--out" }
                                    << "m.png";
  QTest::newRow( "atlas" ) << QStringList{ "atlas", "--out" } << "a.pdf";
  QTest::newRow( "animate GIF" ) << QStringList{ "animate", "--from",     "1905-01-01",
                                                 "--to",    "1905-03-01", "--out" }
                                 << "a.gif";
  QTest::newRow( "build" ) << QStringList{ "build", "--out" } << "r.gpkg";
  QTest::newRow( "chronicle" ) << QStringList{ "chronicle", "--out" } << "c.md";
}

void TestPendulumHostileCli::unwritableOutputExitsNonZero()
{
  QFETCH( QStringList, arguments );
  QFETCH( QString, file );
  // A folder without write permission; as root (who may write anywhere) /proc/1, which takes no new files.
  const bool root = ::geteuid() == 0;
  QTemporaryDir locked;
  const QString folder = root ? QStringLiteral( "/proc/1" ) : locked.path();
  if ( !root )
    QVERIFY( QFile::setPermissions( folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner ) );
  const QString out = QDir( folder ).filePath( file );
  const QStringList before = PendulumHostile::entries( folder );
  const PendulumTestCli::Result result = run( QStringList( arguments ) << out );
  QCOMPARE( result.code, 2 );
  QCOMPARE( result.err, QStringLiteral( "pendulum %1: --out: the folder %2 is not writable\n" )
                            .arg( arguments.first(), folder ) );
  QVERIFY( !QFileInfo::exists( out ) );
  QCOMPARE( PendulumHostile::entries( folder ), before );
  if ( !root )
    QFile::setPermissions( folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner );
}

void TestPendulumHostileCli::interruptLeavesNothing_data()
{
  QTest::addColumn<QStringList>( "arguments" );
  QTest::addColumn<QString>( "file" );
  QTest::addColumn<QString>(
      "busy" ); //!< what shows the export is under way: an entry of the folder starting so
  QTest::addColumn<QString>( "message" );
  // Large enough to be stopped in the middle: an A3 page at 600 dpi, the whole atlas, the whole record.
  QTest::newRow( "map" ) << QStringList{ "map", "--date", "1910-01-01", "--paper",
                                         "A3",  "--dpi",  "600",        "--out" }
                         << "map.png"
                         << ".pendulum-tmp-"
                         << "pendulum map: interrupted; nothing was written to %1";
  QTest::newRow( "atlas" ) << QStringList{ "atlas", "--dpi", "150", "--out" } << "atlas.pdf"
                           << ".pendulum-tmp-"
                           << "pendulum atlas: interrupted; nothing was written to %1";
  QTest::newRow( "build" ) << QStringList{ "build", "--out" } << "record.gpkg"
                           << ".pendulum-tmp-"
                           << "pendulum build: interrupted; %1 left unchanged";
  QTest::newRow( "animate" ) << QStringList{ "animate",    "--from", "1855-01-01", "--to",
                                             "2000-01-01", "--size", "640x360",    "--out" }
                             << "anim.webm"
                             << "."
                             << "pendulum animate: interrupted; nothing was written to %1";
}

void TestPendulumHostileCli::interruptLeavesNothing()
{
  QFETCH( QStringList, arguments );
  QFETCH( QString, file );
  QFETCH( QString, busy );
  QFETCH( QString, message );
  const QString out = mDir->filePath( file );
  // For build: a previous record that must survive.
  const bool build = arguments.first() == QLatin1String( "build" );
  if ( build )
    QVERIFY( QFile::copy( QStringLiteral( PENDULUM_TEST_RECORD ), out ) );
  const QByteArray previous = PendulumHostile::sha256( out );
  const QStringList before = PendulumHostile::entries( mDir->path() );

  QProcess process;
  process.setProcessEnvironment( PendulumTestCli::environment( mHome->path() ) );
  process.setWorkingDirectory( mDir->path() );
  process.start( QStringLiteral( PENDULUM_CLI ), QStringList( arguments ) << out );
  QVERIFY( process.waitForStarted() );
  // Press Ctrl+C once the export's temporary file or folder exists beside the output.
  bool underWay = false;
  const auto lookForTemporary = [&]
  {
    for ( const QString &entry : PendulumHostile::entries( mDir->path() ) )
      underWay = underWay || ( entry.startsWith( busy ) && !before.contains( entry ) );
    return underWay;
  };
  QTRY_VERIFY_WITH_TIMEOUT( lookForTemporary() || process.state() != QProcess::Running, 60000 );
  QVERIFY2( underWay && process.state() == QProcess::Running, process.readAllStandardError().constData() );
  ::kill( process.processId(), SIGINT );
  QVERIFY( process.waitForFinished( 120000 ) );
  const QString err = QString::fromUtf8( process.readAllStandardError() );
  QCOMPARE( process.exitStatus(), QProcess::NormalExit );
  QCOMPARE( process.exitCode(), 130 );
  QVERIFY2( PendulumHostile::lines( err ).last().endsWith( message.arg( out ) ), qPrintable( err ) );
  QCOMPARE( PendulumHostile::entries( mDir->path() ), before );
  QCOMPARE( PendulumHostile::sha256( out ), previous );
}

PENDULUM_TEST_MAIN( TestPendulumHostileCli )
#include "testpendulumhostilecli.moc"
