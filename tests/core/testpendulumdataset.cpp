#include "pendulumdataset.h"
#include "pendulumtemporal.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include <QFile>

class TestPendulumDataset : public QObject, protected PendulumTestRecord::Fixture
{
  Q_OBJECT

private slots:
  void initTestCase();
  void layersAreTimeEnabledAndReadOnly();
  void karafutoChangesHandsIn1905();
  void refusesWhatIsNotARecord();

private:
};

void TestPendulumDataset::initTestCase()
{
  QVERIFY( openRecord() );
}

void TestPendulumDataset::layersAreTimeEnabledAndReadOnly()
{
  QCOMPARE( mLayers.size(), mDataset->catalog().layers().size() );
  for ( int i = 0; i < mLayers.size(); ++i )
  {
    QgsVectorLayer *layer = mLayers.at( i );
    const PendulumLayerInfo &info = mDataset->catalog().layers().at( i );
    QCOMPARE( layer->name(), info.titleEn );
    QCOMPARE( PendulumTemporal::isConfigured( layer ), info.temporal );
    QVERIFY( layer->readOnly() );
    QVERIFY2( layer->featureCount() > 0, qPrintable( info.id ) );
  }
}

void TestPendulumDataset::karafutoChangesHandsIn1905()
{
  QgsVectorLayer *border1905 = PendulumTestRecord::find( mLayers, QStringLiteral( "border_1905" ) );
  QVERIFY( border1905 );
  const QgsPointXY southSakhalin( 142.7, 47.0 ); // near Toyohara / Yuzhno-Sakhalinsk
  const QgsPointXY northSakhalin( 142.8, 53.3 );
  QCOMPARE( PendulumTestRecord::shownAt( border1905, QDate( 1900, 1, 1 ), southSakhalin ), QStringList() );
  QCOMPARE( PendulumTestRecord::shownAt( border1905, QDate( 1910, 1, 1 ), southSakhalin ),
            QStringList( { "JP" } ) );
  QCOMPARE( PendulumTestRecord::shownAt( border1905, QDate( 1910, 1, 1 ), northSakhalin ),
            QStringList( { "RU" } ) );
}

void TestPendulumDataset::refusesWhatIsNotARecord()
{
  QString error;
  QVERIFY( !PendulumDataset::open( QStringLiteral( "/nonexistent/record.gpkg" ), &error ) );
  QVERIFY2( error.contains( QLatin1String( "no such file" ) ), qPrintable( error ) );

  QTemporaryDir dir;
  const QString text = dir.filePath( QStringLiteral( "text.gpkg" ) );
  QFile file( text );
  QVERIFY( file.open( QIODevice::WriteOnly ) );
  file.write( "this is not a GeoPackage" );
  file.close();
  QVERIFY( !PendulumDataset::open( text, &error ) );
  QVERIFY2( error.contains( QLatin1String( "not a GeoPackage" ) ), qPrintable( error ) );

  // A real GeoPackage that is not a Pendulum record: QGIS's own world map.
  QVERIFY( !PendulumDataset::open(
      PendulumPaths::qgisPrefix() + QStringLiteral( "/share/qgis/resources/data/world_map.gpkg" ), &error ) );
  QVERIFY2( error.contains( QLatin1String( "not a Pendulum one" ) ), qPrintable( error ) );
}

PENDULUM_TEST_MAIN( TestPendulumDataset )
#include "testpendulumdataset.moc"
