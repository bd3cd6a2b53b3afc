#include "pendulumcatalog.h"
#include "pendulumpaths.h"
#include "pendulumtest.h"

class TestPendulumCatalog : public QObject
{
  Q_OBJECT

private slots:
  void readsTheRecordsCatalog();
  void refusesBrokenCatalogs_data();
  void refusesBrokenCatalogs();
};

void TestPendulumCatalog::readsTheRecordsCatalog()
{
  PendulumCatalog catalog;
  QString error;
  QVERIFY2( catalog.fromFile( PendulumPaths::defaultLayersDir() + QStringLiteral( "/catalog.json" ), &error ),
            qPrintable( error ) );
  QStringList ids;
  for ( const PendulumLayerInfo &info : catalog.layers() )
    ids << info.id;
  // Drawing order, bottom first: basemap, context, then the eight historical layers' story, events on top.
  QCOMPARE( ids, QStringList( { "land", "states", "border_1875", "border_1905", "spheres_1907_1916",
                                "siberian_occupation", "manchukuo", "kurils_1945", "events" } ) );
  QVERIFY( !catalog.layer( QStringLiteral( "land" ) )->temporal );
  QVERIFY( catalog.layer( QStringLiteral( "border_1905" ) )->temporal );
  QCOMPARE( catalog.layer( QStringLiteral( "events" ) )->geometry, QStringLiteral( "point" ) );
  QCOMPARE( catalog.layer( QStringLiteral( "border_1905" ) )->title( QStringLiteral( "ja" ) ),
            QStringLiteral( "ポーツマス条約（1905年）" ) );
  QVERIFY( catalog.layer( QStringLiteral( "nothing" ) ) == nullptr );
}

void TestPendulumCatalog::refusesBrokenCatalogs_data()
{
  QTest::addColumn<QByteArray>( "json" );
  QTest::addColumn<QString>( "messagePart" );
  QTest::newRow( "not json" ) << QByteArray( "{\"layers\": [" ) << "not valid JSON";
  QTest::newRow( "no layers" ) << QByteArray( "{}" ) << "no \"layers\"";
  QTest::newRow( "duplicate" )
      << QByteArray( R"({"layers": [{"id": "a", "geometry": "point"}, {"id": "a", "geometry": "point"}]})" )
      << "listed twice";
  QTest::newRow( "bad geometry" ) << QByteArray( R"({"layers": [{"id": "a", "geometry": "line"}]})" )
                                  << "geometry 'line'";
  QTest::newRow( "unsafe id" ) << QByteArray(
                                      R"({"layers": [{"id": "a\"; DROP TABLE x", "geometry": "point"}]})" )
                               << "not a lower-case identifier";
}

void TestPendulumCatalog::refusesBrokenCatalogs()
{
  QFETCH( QByteArray, json );
  QFETCH( QString, messagePart );
  PendulumCatalog catalog;
  QString error;
  QVERIFY( !catalog.fromJson( json, &error ) );
  QVERIFY2( error.contains( messagePart ), qPrintable( error ) );
}

PENDULUM_TEST_MAIN( TestPendulumCatalog )
#include "testpendulumcatalog.moc"
