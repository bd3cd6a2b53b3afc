#include "pendulumrecordreader.h"
#include "pendulumtest.h"
#include "pendulumvalidator.h"

#include <QDir>
#include <QFile>

/**
 * The validator against the real record (it must pass) and against copies of a
 * small valid record with one defect each (each must be named, with the feature).
 */
class TestPendulumValidator : public QObject
{
  Q_OBJECT

private slots:
  void theRecordIsValid();
  void theMiniRecordIsValid();
  void namesEachDefect_data();
  void namesEachDefect();
  void findsLandHeldTwiceOrByNobody();

private:
  //! Validates a copy of tests/data/mini with \a from replaced by \a to in \a file.
  QStringList problemsAfter( const QString &file, const QByteArray &from, const QByteArray &to );
};

QStringList TestPendulumValidator::problemsAfter( const QString &file, const QByteArray &from,
                                                  const QByteArray &to )
{
  QTemporaryDir dir;
  const QDir mini( QStringLiteral( PENDULUM_TEST_DATA "/mini" ) );
  for ( const QString &name : mini.entryList( QDir::Files ) )
  {
    QFile in( mini.filePath( name ) );
    in.open( QIODevice::ReadOnly );
    QByteArray content = in.readAll();
    if ( name == file )
    {
      if ( !content.contains( from ) )
        return { QStringLiteral( "test error: '%1' not in %2" ).arg( QString::fromUtf8( from ), file ) };
      content.replace( from, to );
    }
    QFile out( dir.filePath( name ) );
    out.open( QIODevice::WriteOnly );
    out.write( content );
  }
  PendulumRecordReader record;
  record.read( dir.path() );
  PendulumValidator validator;
  validator.validate( record );
  return validator.problems();
}

void TestPendulumValidator::theRecordIsValid()
{
  PendulumRecordReader record;
  QVERIFY2( record.read( PendulumPaths::defaultLayersDir() ), qPrintable( record.errors().join( '\n' ) ) );
  PendulumValidator validator;
  QVERIFY2( validator.validate( record ), qPrintable( validator.problems().join( '\n' ) ) );
  QVERIFY( validator.topologyDatesChecked() > 20 );
}

void TestPendulumValidator::theMiniRecordIsValid()
{
  QCOMPARE( problemsAfter( QStringLiteral( "events.geojson" ), "Test treaty", "Test treaty" ),
            QStringList() );
}

void TestPendulumValidator::namesEachDefect_data()
{
  QTest::addColumn<QString>( "file" );
  QTest::addColumn<QByteArray>( "from" );
  QTest::addColumn<QByteArray>( "to" );
  QTest::addColumn<QString>( "expected" );
  const QString border = QStringLiteral( "border_1905.geojson" );
  QTest::newRow( "bad JSON" ) << border << QByteArray( "\"type\": \"FeatureCollection\"," )
                              << QByteArray( "\"type\": \"FeatureCollection\",," )
                              << "border_1905.geojson: line 1: not valid JSON";
  QTest::newRow( "unknown holder" ) << border << QByteArray( "\"holder\": \"JP\"" )
                                    << QByteArray( "\"holder\": \"XX\"" )
                                    << "border_1905.geojson: south-square: holder 'XX' is not one of";
  QTest::newRow( "unknown status" ) << border
                                    << QByteArray( "\"status\": \"sovereign\", \"valid_from\": \"1905" )
                                    << QByteArray( "\"status\": \"owned\", \"valid_from\": \"1905" )
                                    << "border_1905.geojson: south-square: status 'owned' is not one of";
  QTest::newRow( "impossible date" )
      << border << QByteArray( "\"valid_from\": \"1905-09-05\"" )
      << QByteArray( "\"valid_from\": \"1905-02-30\"" )
      << "border_1905.geojson: south-square: valid_from: '1905-02-30' is not a real date";
  QTest::newRow( "end before start" )
      << border << QByteArray( "\"valid_to\": \"1905-09-05\"" )
      << QByteArray( "\"valid_to\": \"1870-01-01\"" )
      << "border_1905.geojson: north-square: valid_to 1870-01-01 is not after valid_from 1875-08-22";
  QTest::newRow( "unknown citation" )
      << border << QByteArray( "{\"id\": \"test-source\", \"locator\"" )
      << QByteArray( "{\"id\": \"nobody2000\", \"locator\"" )
      << "border_1905.geojson: south-square: cites 'nobody2000', which is not in sources.json";
  QTest::newRow( "no citation" ) << border << QByteArray( "\"sources\": [{\"id\": \"test-source\"}]" )
                                 << QByteArray( "\"sources\": []" )
                                 << "border_1905.geojson: north-square: no sources";
  QTest::newRow( "unknown event" )
      << border << QByteArray( "\"from_event\": \"test-treaty\"" )
      << QByteArray( "\"from_event\": \"no-such-event\"" )
      << "border_1905.geojson: south-square: from_event: event 'no-such-event' is not in the events layer";
  QTest::newRow( "duplicate id" ) << border << QByteArray( "\"id\": \"north-square\"" )
                                  << QByteArray( "\"id\": \"south-square\"" )
                                  << "border_1905.geojson: south-square: id is used twice";
  QTest::newRow( "missing field" )
      << border
      << QByteArray( "\"method\": \"A test square.\", \"description_en\": \"Test.\"}, \"geometry\": "
                     "{\"type\": \"Polygon\"" )
      << QByteArray( "\"description_en\": \"Test.\"}, \"geometry\": {\"type\": \"Polygon\"" )
      << "border_1905.geojson: south-square: method is missing";
  QTest::newRow( "bow tie" ) << border
                             << QByteArray( "[[[142, 46], [143, 46], [143, 47], [142, 47], [142, 46]]]}}," )
                             << QByteArray( "[[[142, 46], [143, 47], [143, 46], [142, 47], [142, 46]]]}}," )
                             << "border_1905.geojson: south-square: invalid geometry";
  QTest::newRow( "wrong type" )
      << border
      << QByteArray( "{\"type\": \"Polygon\", \"coordinates\": [[[142, 46], [143, 46], [143, 47], [142, 47], "
                     "[142, 46]]]}" )
      << QByteArray( "{\"type\": \"Point\", \"coordinates\": [142, 46]}" )
      << "border_1905.geojson: south-square: geometry is a Point, the layer holds polygons";
  QTest::newRow( "outside the region" ) << QStringLiteral( "events.geojson" ) << QByteArray( "[142.5, 50.0]" )
                                        << QByteArray( "[-70.76, 43.07]" )
                                        << "events.geojson: test-treaty: geometry reaches outside the region";
  QTest::newRow( "unknown kind" ) << QStringLiteral( "events.geojson" )
                                  << QByteArray( "\"kind\": \"treaty\"" )
                                  << QByteArray( "\"kind\": \"party\"" )
                                  << "events.geojson: test-treaty: kind 'party' is not one of";
  QTest::newRow( "not kebab" ) << border << QByteArray( "\"id\": \"north-square\"" )
                               << QByteArray( "\"id\": \"North Square\"" )
                               << "border_1905.geojson: North Square: id 'North Square' is not kebab-case";
  QTest::newRow( "markup is not text" )
      << border << QByteArray( "\"name_en\": \"South square\"" ) << QByteArray( "\"name_en\": 42" )
      << "border_1905.geojson: south-square: name_en must be text";
}

void TestPendulumValidator::namesEachDefect()
{
  QFETCH( QString, file );
  QFETCH( QByteArray, from );
  QFETCH( QByteArray, to );
  QFETCH( QString, expected );
  const QStringList problems = problemsAfter( file, from, to );
  QVERIFY2( !problems.isEmpty(), "the defect went unnoticed" );
  bool found = false;
  for ( const QString &problem : problems )
    found = found || problem.startsWith( expected );
  QVERIFY2( found, qPrintable( problems.join( '\n' ) ) );
}

void TestPendulumValidator::findsLandHeldTwiceOrByNobody()
{
  // A tiny `states` layer: two squares that tile a rectangle, then one shifted over the other, then one
  // ending early.
  QTemporaryDir dir;
  QFile catalog( dir.filePath( QStringLiteral( "catalog.json" ) ) );
  catalog.open( QIODevice::WriteOnly );
  catalog.write( R"({"layers": [{"id": "states", "geometry": "polygon", "title_en": "States"}]})" );
  catalog.close();
  QFile sources( dir.filePath( QStringLiteral( "sources.json" ) ) );
  sources.open( QIODevice::WriteOnly );
  sources.write( R"([{"id": "s", "title": "S"}])" );
  sources.close();
  const auto feature = []( const char *id, const char *holder, const char *to, double x0 )
  {
    return QStringLiteral(
               R"({"type": "Feature", "properties": {"id": "%1", "name_en": "x", "name_ja": "x", "name_ru": "x", "holder": "%2", "status": "sovereign", "valid_from": "1900-01-01", "valid_to": %3, "from_precision": "day", "to_precision": "day", "sources": [{"id": "s"}], "certainty": "high", "method": "m", "description_en": "d"}, "geometry": {"type": "Polygon", "coordinates": [[[%4, 40], [%5, 40], [%5, 41], [%4, 41], [%4, 40]]]}})" )
        .arg( QLatin1String( id ), QLatin1String( holder ), QLatin1String( to ) )
        .arg( x0 )
        .arg( x0 + 1 );
  };
  const auto validate = [&]( const QString &features )
  {
    QFile layer( dir.filePath( QStringLiteral( "states.geojson" ) ) );
    layer.open( QIODevice::WriteOnly | QIODevice::Truncate );
    layer.write(
        QStringLiteral( R"({"type": "FeatureCollection", "features": [%1]})" ).arg( features ).toUtf8() );
    layer.close();
    PendulumRecordReader record;
    record.read( dir.path() );
    PendulumValidator validator;
    validator.validate( record );
    return validator.problems().join( '\n' );
  };
  QCOMPARE( validate( feature( "a", "JP", "null", 130 ) + ',' + feature( "b", "RU", "null", 131 ) ),
            QString() );
  QVERIFY( validate( feature( "a", "JP", "null", 130 ) + ',' + feature( "b", "RU", "null", 130.5 ) )
               .contains( QLatin1String( "a: overlaps b on 1900-01-01" ) ) );
  const QString gap =
      validate( feature( "a", "JP", "null", 130 ) + ',' + feature( "b", "RU", "\"1950-01-01\"", 131 ) );
  QVERIFY2( gap.contains( QStringLiteral( "on 1950-01-01, 1 deg² of land is held by nobody" ) ),
            qPrintable( gap ) );
}

PENDULUM_TEST_MAIN( TestPendulumValidator )
#include "testpendulumvalidator.moc"
