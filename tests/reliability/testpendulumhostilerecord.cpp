#include "pendulumhostile.h"
#include "pendulumtest.h"
#include "pendulumtestcli.h"

#include <sys/stat.h>

/**
 * `pendulum validate` and `pendulum build` on a historian's broken copy of
 * the record (tests/data/mini with one defect each): every defect is one
 * line naming the file, the feature (where there is one) and the problem;
 * the exit code is 1; nothing crashes; and a rebuild that fails leaves the
 * previous GeoPackage byte for byte, with no temporary file beside it.
 */
class TestPendulumHostileRecord : public QObject
{
  Q_OBJECT

private slots:
  void initTestCase();
  void init();
  void eachDefectIsOneLine_data();
  void eachDefectIsOneLine();
  void twoGigabyteFileIsRefusedUnread();
  void specialFilesAreRefused_data();
  void specialFilesAreRefused();
  void byteOrderMarkAndNumericIdsAreAccepted();

private:
  /**
   * Runs validate, then build over the previous GeoPackage, on the record in
   * mRecord; checks both name \a expected as their one problem, exit 1, and
   * that the previous GeoPackage is unchanged.
   */
  void checkBothRefuse( const QString &expected );

  std::unique_ptr<QTemporaryDir> mHome;
  std::unique_ptr<QTemporaryDir> mRecord; //!< the broken copy
  std::unique_ptr<QTemporaryDir> mOut;    //!< holds only previous.gpkg
  QByteArray mPrevious;                   //!< the good GeoPackage, built once
  QString mPreviousPath;
};

void TestPendulumHostileRecord::initTestCase()
{
  mHome = std::make_unique<QTemporaryDir>();
  QTemporaryDir good;
  QCOMPARE( PendulumHostile::copyMini( good.path() ), QString() );
  mPreviousPath = mHome->filePath( QStringLiteral( "good.gpkg" ) );
  const PendulumTestCli::Result built = PendulumTestCli::run(
      { "build", "--layers", good.path(), "--styles", PENDULUM_SOURCE_DIR "/styles", "--out", mPreviousPath },
      PendulumTestCli::environment( mHome->path() ) );
  QVERIFY2( built.code == 0, qPrintable( built.err ) );
  QFile file( mPreviousPath );
  QVERIFY( file.open( QIODevice::ReadOnly ) );
  mPrevious = file.readAll();
}

void TestPendulumHostileRecord::init()
{
  mRecord = std::make_unique<QTemporaryDir>();
  mOut = std::make_unique<QTemporaryDir>();
  QVERIFY( PendulumHostile::write( mOut->filePath( QStringLiteral( "previous.gpkg" ) ), mPrevious ) );
}

void TestPendulumHostileRecord::checkBothRefuse( const QString &expected )
{
  const QProcessEnvironment environment = PendulumTestCli::environment( mHome->path() );
  const PendulumTestCli::Result validate =
      PendulumTestCli::run( { "validate", "--layers", mRecord->path() }, environment );
  QCOMPARE( validate.code, 1 );
  const QStringList problems = PendulumHostile::lines( validate.out );
  QVERIFY2( problems.size() == 1, qPrintable( validate.out ) );
  QVERIFY2( problems.first().startsWith( expected ), qPrintable( problems.first() ) );
  QCOMPARE( validate.err, QStringLiteral( "pendulum validate: 1 problem(s)\n" ) );

  const QString previous = mOut->filePath( QStringLiteral( "previous.gpkg" ) );
  const PendulumTestCli::Result build = PendulumTestCli::run(
      { "build", "--layers", mRecord->path(), "--styles", PENDULUM_SOURCE_DIR "/styles", "--out", previous },
      environment );
  QCOMPARE( build.code, 1 );
  const QStringList buildLines = PendulumHostile::lines( build.err );
  QCOMPARE( buildLines.size(), 2 );
  QCOMPARE( buildLines.at( 0 ), problems.first() );
  QCOMPARE( buildLines.at( 1 ),
            QStringLiteral( "pendulum build: 1 problem(s); %1 left unchanged" ).arg( previous ) );
  QVERIFY( build.out.isEmpty() );
  // The previous GeoPackage, byte for byte, and nothing else.
  QCOMPARE( PendulumHostile::entries( mOut->path() ), QStringList( QStringLiteral( "previous.gpkg" ) ) );
  QFile file( previous );
  QVERIFY( file.open( QIODevice::ReadOnly ) );
  QVERIFY( file.readAll() == mPrevious );
}

void TestPendulumHostileRecord::eachDefectIsOneLine_data()
{
  QTest::addColumn<QString>( "file" );
  QTest::addColumn<QByteArray>( "from" ); //!< empty: the whole file becomes `to`
  QTest::addColumn<QByteArray>( "to" );
  QTest::addColumn<QString>( "expected" );
  const QString border = QStringLiteral( "border_1905.geojson" );
  const QString events = QStringLiteral( "events.geojson" );
  const QString sources = QStringLiteral( "sources.json" );
  const QString catalog = QStringLiteral( "catalog.json" );
  const QByteArray southSquare = "\"name_en\": \"South square\"";
  const QByteArray square =
      "{\"type\": \"Polygon\", \"coordinates\": [[[142, 46], [143, 46], [143, 47], [142, 47], "
      "[142, 46]]]}";

  // Not JSON, not GeoJSON, not text.
  QTest::newRow( "bad JSON" ) << border << southSquare << southSquare + ",,"
                              << "border_1905.geojson: line 2: not valid JSON (";
  QTest::newRow( "cut off" ) << border << QByteArray( "]]]}}\n]}" ) << QByteArray( "]]]}}\n" )
                             << "border_1905.geojson: line 5: not valid JSON (unterminated array)";
  QTest::newRow( "empty file" ) << border << QByteArray() << QByteArray()
                                << "border_1905.geojson: line 1: not valid JSON (";
  QTest::newRow( "nested 100000 deep" ) << border << QByteArray() << QByteArray( 100000, '[' )
                                        << "border_1905.geojson: line 1: not valid JSON (";
  QTest::newRow( "not a FeatureCollection" )
      << border << QByteArray( "\"type\": \"FeatureCollection\"" ) << QByteArray( "\"type\": \"Feature\"" )
      << "border_1905.geojson: not a GeoJSON FeatureCollection";
  QTest::newRow( "Latin-1 byte" ) << border << QByteArray( "South square" ) << QByteArray( "South squ\xe9re" )
                                  << "border_1905.geojson: line 2: not UTF-8 text (byte 0xe9)";
  QTest::newRow( "UTF-16" ) << border << QByteArray() << QByteArray( "\xff\xfe{\0}\0", 6 )
                            << "border_1905.geojson: UTF-16 text; save it as UTF-8";
  QTest::newRow( "overlong UTF-8" ) << border << QByteArray( "South square" )
                                    << QByteArray( "South \xc0\xafsquare" )
                                    << "border_1905.geojson: line 2: not UTF-8 text (byte 0xc0)";

  // Geometry.
  QTest::newRow( "wrong geometry type" )
      << border << square << QByteArray( "{\"type\": \"Point\", \"coordinates\": [142, 46]}" )
      << "border_1905.geojson: south-square: geometry is a Point, the layer "
         "holds polygons";
  QTest::newRow( "line for a polygon" )
      << border << square
      << QByteArray( "{\"type\": \"LineString\", \"coordinates\": [[142, 46], [143, 47]]}" )
      << "border_1905.geojson: south-square: geometry is a LineString, the layer holds polygons";
  QTest::newRow( "self-intersecting" )
      << border << QByteArray( "[[[142, 46], [143, 46], [143, 47], [142, 47], [142, 46]]]}}," )
      << QByteArray( "[[[142, 46], [143, 47], [143, 46], [142, 47], [142, 46]]]}}," )
      << "border_1905.geojson: south-square: invalid geometry: ";
  QTest::newRow( "empty geometry" )
      << border << square << QByteArray( "{\"type\": \"Polygon\", \"coordinates\": []}" )
      << "border_1905.geojson: south-square: geometry is missing, empty or not GeoJSON";
  QTest::newRow( "null geometry" ) << border << square << QByteArray( "null" )
                                   << "border_1905.geojson: south-square: no geometry";
  QTest::newRow( "text coordinates" )
      << border << square << QByteArray( "{\"type\": \"Polygon\", \"coordinates\": [[[\"a\", \"b\"]]]}" )
      << "border_1905.geojson: south-square: geometry is missing, empty or not GeoJSON";
  QTest::newRow( "outside the region" )
      << events << QByteArray( "[142.5, 50.0]" ) << QByteArray( "[-70.76, 43.07]" )
      << "events.geojson: test-treaty: geometry reaches outside the region";

  // Fields and codes.
  QTest::newRow( "unknown holder" ) << border << QByteArray( "\"holder\": \"JP\"" )
                                    << QByteArray( "\"holder\": \"XX\"" )
                                    << "border_1905.geojson: south-square: holder 'XX' is not one of JP, ";
  QTest::newRow( "unknown certainty" )
      << border << QByteArray( "\"certainty\": \"high\"" ) << QByteArray( "\"certainty\": \"sure\"" )
      << "border_1905.geojson: south-square: certainty 'sure' is not one of high";
  QTest::newRow( "unknown kind" ) << events << QByteArray( "\"kind\": \"treaty\"" )
                                  << QByteArray( "\"kind\": \"party\"" )
                                  << "events.geojson: test-treaty: kind 'party' is not one of treaty";
  QTest::newRow( "missing field" )
      << border
      << QByteArray( "\"method\": \"A test square.\", \"description_en\": \"Test.\"}, \"geometry\": "
                     "{\"type\": \"Polygon\"" )
      << QByteArray( "\"description_en\": \"Test.\"}, \"geometry\": {\"type\": \"Polygon\"" )
      << "border_1905.geojson: south-square: method is missing";
  QTest::newRow( "number for text" ) << border << southSquare << QByteArray( "\"name_en\": 42" )
                                     << "border_1905.geojson: south-square: name_en must be text";
  QTest::newRow( "unknown field" ) << border << southSquare << southSquare + ", \"colour\": \"red\""
                                   << "border_1905.geojson: south-square: unknown field 'colour'";
  QTest::newRow( "script in a name" )
      << border << southSquare << QByteArray( "\"name_en\": \"South \\u202esquare\"" )
      << "border_1905.geojson: south-square: name_en contains the invisible "
         "character U+202E";
  QTest::newRow( "control character" ) << border << QByteArray( "\"name_ru\": \"Северный квадрат\"" )
                                       << QByteArray( "\"name_ru\": \"Северный\\u0007 квадрат\"" )
                                       << "border_1905.geojson: north-square: name_ru contains the invisible "
                                          "character U+0007";

  // Dates.
  QTest::newRow( "impossible date" )
      << border << QByteArray( "\"valid_from\": \"1905-09-05\"" )
      << QByteArray( "\"valid_from\": \"1905-02-30\"" )
      << "border_1905.geojson: south-square: valid_from: '1905-02-30' is not a "
         "real date: February 1905 has 28 days";
  QTest::newRow( "month 13" )
      << border << QByteArray( "\"valid_from\": \"1905-09-05\"" )
      << QByteArray( "\"valid_from\": \"1905-13-05\"" )
      << "border_1905.geojson: south-square: valid_from: '1905-13-05' has no month 13";
  QTest::newRow( "not ISO" )
      << border << QByteArray( "\"valid_from\": \"1905-09-05\"" )
      << QByteArray( "\"valid_from\": \"5 Sep 1905\"" )
      << "border_1905.geojson: south-square: valid_from: '5 Sep 1905' is not a date in the "
         "form YYYY-MM-DD";
  QTest::newRow( "end before start" )
      << border << QByteArray( "\"valid_to\": \"1905-09-05\"" )
      << QByteArray( "\"valid_to\": \"1870-01-01\"" )
      << "border_1905.geojson: north-square: valid_to 1870-01-01 is not after "
         "valid_from 1875-08-22";
  QTest::newRow( "in the future" )
      << border << QByteArray( "\"valid_from\": \"1905-09-05\"" )
      << QByteArray( "\"valid_from\": \"2999-01-01\"" )
      << "border_1905.geojson: south-square: valid_from 2999-01-01 is outside 1800 to "
         "today";

  // Links and citations.
  QTest::newRow( "unknown citation" )
      << border << QByteArray( "{\"id\": \"test-source\", \"locator\"" )
      << QByteArray( "{\"id\": \"nobody2000\", \"locator\"" )
      << "border_1905.geojson: south-square: cites 'nobody2000', which is not in "
         "sources.json";
  QTest::newRow( "no citation" )
      << border << QByteArray( "\"sources\": [{\"id\": \"test-source\"}]" ) << QByteArray( "\"sources\": []" )
      << "border_1905.geojson: north-square: no sources: every feature needs at least "
         "one citation";
  QTest::newRow( "sources not a list" )
      << border << QByteArray( "\"sources\": [{\"id\": \"test-source\"}]" )
      << QByteArray( "\"sources\": \"Stephan 1971\"" )
      << "border_1905.geojson: north-square: no sources: every feature needs at "
         "least one citation";
  QTest::newRow( "unknown event" )
      << border << QByteArray( "\"from_event\": \"test-treaty\"" )
      << QByteArray( "\"from_event\": \"no-such-event\"" )
      << "border_1905.geojson: south-square: from_event: event 'no-such-event' is not "
         "in the events layer";
  QTest::newRow( "duplicate id" )
      << border << QByteArray( "\"id\": \"north-square\"" ) << QByteArray( "\"id\": \"south-square\"" )
      << "border_1905.geojson: south-square: id is used twice (also in border_1905.geojson)";

  // The bibliography: a colleague's CSL-JSON.
  QTest::newRow( "sources: bad JSON" )
      << sources << QByteArray( "\"type\": \"book\"" ) << QByteArray( "\"type\": \"book\",," )
      << "sources.json: bibliography: line 2: not valid JSON (";
  QTest::newRow( "sources: not an array" )
      << sources << QByteArray() << QByteArray( "{\"id\": \"test-source\"}" )
      << "sources.json: bibliography: not a CSL-JSON array";
  QTest::newRow( "sources: no id" ) << sources << QByteArray( "{\"id\": \"test-source\", " )
                                    << QByteArray( "{" ) << "sources.json: bibliography: item 1 has no id";
  QTest::newRow( "sources: duplicate id" )
      << sources << QByteArray( "\n]" )
      << QByteArray( ",\n  {\"id\": \"test-source\", \"title\": \"Again\"}\n]" )
      << "sources.json: bibliography: id 'test-source' is used twice";
  QTest::newRow( "sources: not UTF-8" )
      << sources << QByteArray( "A test source" ) << QByteArray( "A test \x93source\x94" )
      << "sources.json: line 2: not UTF-8 text (byte 0x93)";

  // The catalog.
  QTest::newRow( "catalog: bad JSON" ) << catalog << QByteArray( "\"layers\": [" )
                                       << QByteArray( "\"layers\": [[" ) << "catalog.json: catalog: line ";
  QTest::newRow( "catalog: unknown geometry" )
      << catalog << QByteArray( "\"geometry\": \"point\"" ) << QByteArray( "\"geometry\": \"line\"" )
      << "catalog.json: catalog: layer 'events' has geometry 'line'";
}

void TestPendulumHostileRecord::eachDefectIsOneLine()
{
  QFETCH( QString, file );
  QFETCH( QByteArray, from );
  QFETCH( QByteArray, to );
  QFETCH( QString, expected );
  if ( from.isEmpty() )
  {
    QCOMPARE( PendulumHostile::copyMini( mRecord->path() ), QString() );
    QVERIFY( PendulumHostile::write( mRecord->filePath( file ), to ) );
  }
  else
  {
    QCOMPARE( PendulumHostile::copyMini( mRecord->path(), file, from, to ), QString() );
  }
  checkBothRefuse( expected );
}

void TestPendulumHostileRecord::twoGigabyteFileIsRefusedUnread()
{
  // A sparse file: 2 GB long, nothing written, so the test costs no disk and no time.
  QCOMPARE( PendulumHostile::copyMini( mRecord->path() ), QString() );
  QFile huge( mRecord->filePath( QStringLiteral( "events.geojson" ) ) );
  QVERIFY( huge.resize( 2048LL * 1024 * 1024 ) );
  QElapsedTimer timer;
  timer.start();
  checkBothRefuse( QStringLiteral( "events.geojson: file is 2048 MB, more than any file of the record can be "
                                   "(limit 64 MB)" ) );
  QVERIFY2( timer.elapsed() < 60000, "refused before reading, not after" );

  // The same for the bibliography.
  QCOMPARE( PendulumHostile::copyMini( mRecord->path() ), QString() );
  QFile hugeSources( mRecord->filePath( QStringLiteral( "sources.json" ) ) );
  QVERIFY( hugeSources.resize( 2048LL * 1024 * 1024 ) );
  checkBothRefuse(
      QStringLiteral( "sources.json: file is 2048 MB, more than any file of the record can be" ) );
}

void TestPendulumHostileRecord::specialFilesAreRefused_data()
{
  QTest::addColumn<QString>( "kind" );
  QTest::addColumn<QString>( "expected" );
  QTest::newRow( "missing layer" ) << "missing"
                                   << "events.geojson: no such file (in ";
  QTest::newRow( "folder for a layer" ) << "folder"
                                        << "events.geojson: is a folder, not a file";
  // Without the check a FIFO would block the reader for ever.
  QTest::newRow( "FIFO for a layer" ) << "fifo"
                                      << "events.geojson: is a FIFO, not a file";
  QTest::newRow( "missing catalog" ) << "catalog"
                                     << "catalog.json: no such file (in ";
}

void TestPendulumHostileRecord::specialFilesAreRefused()
{
  QFETCH( QString, kind );
  QFETCH( QString, expected );
  QCOMPARE( PendulumHostile::copyMini( mRecord->path() ), QString() );
  const QString events = mRecord->filePath( QStringLiteral( "events.geojson" ) );
  if ( kind == QLatin1String( "catalog" ) )
  {
    QVERIFY( QFile::remove( mRecord->filePath( QStringLiteral( "catalog.json" ) ) ) );
  }
  else
  {
    QVERIFY( QFile::remove( events ) );
    if ( kind == QLatin1String( "folder" ) )
      QVERIFY( QDir().mkdir( events ) );
    else if ( kind == QLatin1String( "fifo" ) )
      QCOMPARE( ::mkfifo( QFile::encodeName( events ).constData(), 0600 ), 0 );
  }
  checkBothRefuse( expected );
}

void TestPendulumHostileRecord::byteOrderMarkAndNumericIdsAreAccepted()
{
  // What Windows editors and some CSL-JSON exports write is valid, not a defect.
  QCOMPARE( PendulumHostile::copyMini( mRecord->path(), QStringLiteral( "sources.json" ), "\n]",
                                       ",\n  {\"id\": 1905, \"title\": \"Numbered\"}\n]" ),
            QString() );
  QFile layer( mRecord->filePath( QStringLiteral( "border_1905.geojson" ) ) );
  QVERIFY( layer.open( QIODevice::ReadOnly ) );
  const QByteArray content = layer.readAll();
  layer.close();
  QVERIFY( PendulumHostile::write( layer.fileName(), QByteArray( "\xef\xbb\xbf" ) + content ) );
  const PendulumTestCli::Result validate = PendulumTestCli::run(
      { "validate", "--layers", mRecord->path() }, PendulumTestCli::environment( mHome->path() ) );
  QVERIFY2( validate.code == 0, qPrintable( validate.out + validate.err ) );
  QVERIFY( validate.out.startsWith( QLatin1String( "valid: 2 layers, 3 features, 2 sources" ) ) );
}

PENDULUM_TEST_MAIN( TestPendulumHostileRecord )
#include "testpendulumhostilerecord.moc"
