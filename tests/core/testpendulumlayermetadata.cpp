#include "pendulumlayermetadata.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include "qgslayermetadataformatter.h"

//! The metadata QGIS's Layer Properties ▸ Metadata shows for the record's layers.
class TestPendulumLayerMetadata : public QObject
{
  Q_OBJECT

private slots:
  void border1905();
  void languageAndOpenEnd();
};

void TestPendulumLayerMetadata::border1905()
{
  std::unique_ptr<PendulumDataset> dataset = PendulumTestRecord::open();
  QVERIFY( dataset );
  QString error;
  const PendulumLayerInfo &info = *dataset->catalog().layer( "border_1905" );
  std::unique_ptr<QgsVectorLayer> layer( dataset->createLayer( info, "en", &error ) );
  QVERIFY( layer );
  const QgsLayerMetadata metadata = layer->metadata();
  QCOMPARE( metadata.identifier(), QStringLiteral( "pendulum:border_1905" ) );
  QCOMPARE( metadata.title(), info.titleEn );
  QCOMPARE( metadata.abstract(), info.abstract );
  QVERIFY( metadata.licenses().join( ' ' ).contains( "CC BY 4.0" ) );
  QVERIFY( metadata.rights().join( ' ' ).contains( "Natural Earth" ) );
  // The works cited by the layer's features: Stephan's Sakhalin (Karafuto) as lineage, DOIs and URLs as
  // links.
  QVERIFY( metadata.history().join( '\n' ).contains( "Stephan, John J. 1971. Sakhalin: A History." ) );
  QStringList urls;
  for ( const QgsAbstractMetadataBase::Link &link : metadata.links() )
    urls << link.url;
  QVERIFY( urls.contains( "https://doi.org/10.31278/1810-6374-2019-17-4-78-108" ) );
  for ( const QString &url : urls )
    QVERIFY2( url.startsWith( "https://" ) || url.startsWith( "http://" ), qPrintable( url ) );
  // Temporal extent: from the first feature's start (Liaodong ceded at Shimonoseki, in force 8 May 1895).
  QCOMPARE( metadata.extent().temporalExtents().size(), 1 );
  QCOMPARE( metadata.extent().temporalExtents().first().begin().date(), QDate( 1895, 5, 8 ) );
  QVERIFY( !metadata.extent().spatialExtents().isEmpty() );
  // What the Metadata page shows.
  const QString shown = QgsLayerMetadataFormatter( metadata ).linksSectionHtml();
  QVERIFY( shown.contains( "doi.org" ) );
}

void TestPendulumLayerMetadata::languageAndOpenEnd()
{
  std::unique_ptr<PendulumDataset> dataset = PendulumTestRecord::open();
  QVERIFY( dataset );
  QString error;
  const PendulumLayerInfo &info = *dataset->catalog().layer( "kurils_1945" );
  std::unique_ptr<QgsVectorLayer> layer( dataset->createLayer( info, "ja", &error ) );
  QVERIFY( layer );
  QCOMPARE( layer->metadata().title(), info.titleJa );
  QCOMPARE( layer->metadata().language(), QStringLiteral( "ja" ) );
  // The disputed islands are still disputed: the period has no end.
  QVERIFY( !layer->metadata().extent().temporalExtents().first().end().isValid() );
}

PENDULUM_TEST_MAIN( TestPendulumLayerMetadata )
#include "testpendulumlayermetadata.moc"
