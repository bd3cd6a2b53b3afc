#include "pendulumlayermetadata.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include "pendulumbibliography.h"
#include "pendulumlayersummary.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gdal.h>

#include "qgslayermetadataformatter.h"

//! The metadata QGIS's Layer Properties ▸ Metadata shows for the record's layers.
class TestPendulumLayerMetadata : public QObject
{
  Q_OBJECT

private slots:
  void border1905();
  void languageAndOpenEnd();
  void storedSummariesAreTheFeatures();
  void openingTakesTheStoredSummary();
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

void TestPendulumLayerMetadata::storedSummariesAreTheFeatures()
{
  // What `pendulum build` stores is what reading every feature gives, for every layer: the metadata is the
  // same whichever way it was made.
  std::unique_ptr<PendulumDataset> dataset = PendulumTestRecord::open();
  QVERIFY( dataset );
  QString error;
  const QList<QgsVectorLayer *> layers = dataset->createLayers( "en", &error );
  PendulumBibliography bibliography;
  QVERIFY( bibliography.fromJson( dataset->sources(), &error ) );
  QCOMPARE( layers.size(), dataset->catalog().layers().size() );
  for ( QgsVectorLayer *layer : layers )
  {
    const QString id = layer->customProperty( PendulumDataset::layerIdProperty() ).toString();
    const PendulumLayerInfo &info = *dataset->catalog().layer( id );
    const QgsLayerMetadata scanned = PendulumLayerMetadata::create( layer, info, bibliography, "en" );
    const QgsLayerMetadata stored = layer->metadata();
    QVERIFY2( !stored.history().isEmpty() || id == QLatin1String( "land" ), qPrintable( id ) );
    QCOMPARE( stored.history(), scanned.history() );
    QCOMPARE( stored.links().size(), scanned.links().size() );
    QCOMPARE( stored.extent().temporalExtents().size(), scanned.extent().temporalExtents().size() );
    if ( !scanned.extent().temporalExtents().isEmpty() )
    {
      QCOMPARE( stored.extent().temporalExtents().first().begin(),
                scanned.extent().temporalExtents().first().begin() );
      QCOMPARE( stored.extent().temporalExtents().first().end(),
                scanned.extent().temporalExtents().first().end() );
    }
  }
  qDeleteAll( layers );
}

void TestPendulumLayerMetadata::openingTakesTheStoredSummary()
{
  // Opening a record reads the layer summaries the build stored instead of every feature (a record of a
  // million features opened in seconds): a summary changed in the file shows in the metadata.
  QTemporaryDir dir;
  const QString copy = dir.filePath( "record.gpkg" );
  QVERIFY( QFile::copy( QStringLiteral( PENDULUM_TEST_RECORD ), copy ) );
  PendulumLayerSummary summary;
  summary.citedIds = QStringList{ "stephan1971sakhalin" };
  summary.first = QDate( 1900, 1, 2 );
  summary.last = QDate( 1930, 3, 4 );
  QJsonObject all;
  all.insert( "border_1905", summary.toJson() );
  GDALDatasetH file = GDALOpenEx( QFile::encodeName( copy ).constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                  nullptr, nullptr, nullptr );
  QVERIFY( file );
  const QString sql = QStringLiteral( "UPDATE pendulum_meta SET value = '%1' WHERE key = '%2'" )
                          .arg( QString::fromUtf8( QJsonDocument( all ).toJson( QJsonDocument::Compact ) ),
                                PendulumLayerSummary::summariesKey() );
  GDALDatasetExecuteSQL( file, sql.toUtf8().constData(), nullptr, nullptr );
  GDALClose( file );

  QString error;
  std::unique_ptr<PendulumDataset> dataset = PendulumDataset::open( copy, &error );
  QVERIFY2( dataset, qPrintable( error ) );
  std::unique_ptr<QgsVectorLayer> layer(
      dataset->createLayer( *dataset->catalog().layer( "border_1905" ), "en", &error ) );
  QVERIFY( layer );
  const QgsDateTimeRange period = layer->metadata().extent().temporalExtents().first();
  QCOMPARE( period.begin().date(), QDate( 1900, 1, 2 ) );
  QCOMPARE( period.end().date(), QDate( 1930, 3, 4 ) );
  QCOMPARE( layer->metadata().history().size(), 1 );
  // A layer the stored summaries leave out is still described, from its features.
  std::unique_ptr<QgsVectorLayer> states(
      dataset->createLayer( *dataset->catalog().layer( "states" ), "en", &error ) );
  QVERIFY( states );
  QVERIFY( states->metadata().history().size() > 1 );
  QCOMPARE( states->metadata().extent().temporalExtents().first().begin().date(),
            PendulumLayerSummary::scan( states.get() ).first );
}

PENDULUM_TEST_MAIN( TestPendulumLayerMetadata )
#include "testpendulumlayermetadata.moc"
