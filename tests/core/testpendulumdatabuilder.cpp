#include "pendulumdatabuilder.h"
#include "pendulumtest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <gdal.h>
#include <ogr_api.h>

#include "qgsexpressioncontextutils.h"
#include "qgsfeature.h"
#include "qgsfeatureiterator.h"
#include "qgsrenderer.h"
#include "qgsvectorlayer.h"
#include "qgsvectorlayertemporalproperties.h"

class TestPendulumDataBuilder : public QObject
{
  Q_OBJECT

private slots:
  void init();
  void writesDateColumnsAndIndexes();
  void storesDefaultStyles();
  void keepsEmptyEndsNull();
  void failedRebuildKeepsThePreviousFile();
  void refusesAMissingFolder();

private:
  QString sql( const QString &path, const QString &statement ) const;
  QString build( const QString &layersDir, bool expectSuccess, QStringList *errors = nullptr );

  std::unique_ptr<QTemporaryDir> mDir;
};

void TestPendulumDataBuilder::init()
{
  mDir = std::make_unique<QTemporaryDir>();
}

QString TestPendulumDataBuilder::build( const QString &layersDir, bool expectSuccess, QStringList *errors )
{
  const QString out = mDir->filePath( QStringLiteral( "record.gpkg" ) );
  PendulumDataBuilder builder( layersDir, QStringLiteral( PENDULUM_SOURCE_DIR "/styles" ) );
  const bool ok = builder.build( out );
  if ( errors )
    *errors = builder.errors();
  if ( ok != expectSuccess )
    qWarning() << builder.errors();
  return ok == expectSuccess ? out : QString();
}

QString TestPendulumDataBuilder::sql( const QString &path, const QString &statement ) const
{
  GDALDatasetH dataset =
      GDALOpenEx( path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr );
  if ( !dataset )
    return QStringLiteral( "<cannot open>" );
  QString value;
  if ( OGRLayerH result = GDALDatasetExecuteSQL( dataset, statement.toUtf8().constData(), nullptr, nullptr ) )
  {
    if ( OGRFeatureH feature = OGR_L_GetNextFeature( result ) )
    {
      value = OGR_F_IsFieldSetAndNotNull( feature, 0 )
                  ? QString::fromUtf8( OGR_F_GetFieldAsString( feature, 0 ) )
                  : QStringLiteral( "NULL" );
      OGR_F_Destroy( feature );
    }
    GDALDatasetReleaseResultSet( dataset, result );
  }
  GDALClose( dataset );
  return value;
}

void TestPendulumDataBuilder::writesDateColumnsAndIndexes()
{
  const QString path = build( QStringLiteral( PENDULUM_TEST_DATA "/mini" ), true );
  QVERIFY( !path.isEmpty() );

  // Real DATE columns, not text: QGIS's temporal filter and SQLite compare them as dates.
  QgsVectorLayer layer( path + QStringLiteral( "|layername=border_1905" ), QStringLiteral( "b" ),
                        QStringLiteral( "ogr" ) );
  QVERIFY( layer.isValid() );
  QCOMPARE( layer.fields().field( QStringLiteral( "valid_from" ) ).type(), QVariant::Date );
  QCOMPARE( layer.fields().field( QStringLiteral( "valid_to" ) ).type(), QVariant::Date );
  QCOMPARE( layer.featureCount(), 2LL );

  QCOMPARE(
      sql( path, QStringLiteral( "SELECT sql FROM sqlite_master WHERE name = 'idx_border_1905_valid'" ) ),
      QStringLiteral( "CREATE INDEX \"idx_border_1905_valid\" ON \"border_1905\" (valid_from, valid_to)" ) );
  QCOMPARE( sql( path, QStringLiteral(
                           "SELECT count(*) FROM sqlite_master WHERE name = 'rtree_border_1905_geom'" ) ),
            QStringLiteral( "1" ) );
  QCOMPARE( sql( path, QStringLiteral( "SELECT count(*) FROM rtree_border_1905_geom" ) ),
            QStringLiteral( "2" ) );
  QCOMPARE(
      sql( path, QStringLiteral( "SELECT identifier FROM gpkg_contents WHERE table_name = 'border_1905'" ) ),
      QStringLiteral( "Test border" ) );
  QCOMPARE( sql( path, QStringLiteral( "SELECT value FROM pendulum_meta WHERE key = 'schema_version'" ) ),
            QStringLiteral( "1" ) );
}

void TestPendulumDataBuilder::storesDefaultStyles()
{
  const QString path = build( QStringLiteral( PENDULUM_TEST_DATA "/mini" ), true );
  QVERIFY( !path.isEmpty() );
  QCOMPARE( sql( path, QStringLiteral( "SELECT count(*) FROM layer_styles WHERE useAsDefault = 1" ) ),
            QStringLiteral( "2" ) );

  // Opened by hand, as a user would from the Browser: QGIS applies the stored style.
  QgsVectorLayer layer( path + QStringLiteral( "|layername=border_1905" ), QStringLiteral( "b" ),
                        QStringLiteral( "ogr" ) );
  QVERIFY( layer.isValid() );
  QCOMPARE( layer.renderer()->type(), QStringLiteral( "categorizedSymbol" ) );
  QVERIFY( layer.renderer()->legendSymbolItems().size() > 5 );

  // What the plugin sets on loading comes with the stored style: a stock QGIS opening the file
  // (no Pendulum code runs here) gets time-enabled, labelled layers with the cited popup.
  // Loaded as QGIS's Add Layer does (src/app: the layer is made without a style and its default
  // style loaded after), since the QgsVectorLayer constructor resets the temporal properties to
  // the provider's defaults once it has loaded the style.
  QgsVectorLayer::LayerOptions options;
  options.loadDefaultStyle = false;
  QgsVectorLayer added( path + QStringLiteral( "|layername=border_1905" ), QStringLiteral( "b" ),
                        QStringLiteral( "ogr" ), options );
  bool loaded = false;
  added.loadDefaultStyle( loaded );
  QVERIFY( loaded );
  QCOMPARE( added.renderer()->type(), QStringLiteral( "categorizedSymbol" ) );
  const auto *temporal = qobject_cast<const QgsVectorLayerTemporalProperties *>( added.temporalProperties() );
  QVERIFY( temporal );
  QVERIFY( temporal->isActive() );
  QCOMPARE( temporal->mode(), Qgis::VectorTemporalMode::FeatureDateTimeStartAndEndFromFields );
  QCOMPARE( temporal->startField(), QStringLiteral( "valid_from" ) );
  QCOMPARE( temporal->endField(), QStringLiteral( "valid_to" ) );
  QCOMPARE( temporal->limitMode(), Qgis::VectorTemporalLimitMode::IncludeBeginExcludeEnd );
  QVERIFY( added.labelsEnabled() );
  QVERIFY( added.labeling() );
  QCOMPARE( added.editFormConfig().tabs().size(), 2 );

  QVERIFY( !added.mapTipTemplate().isEmpty() );
  QgsFeature feature;
  QgsFeatureIterator it = added.getFeatures(
      QgsFeatureRequest().setFilterExpression( QStringLiteral( "\"id\" = 'south-square'" ) ) );
  QVERIFY( it.nextFeature( feature ) );
  QgsExpressionContext context;
  context.appendScopes( QgsExpressionContextUtils::globalProjectLayerScopes( &added ) );
  context.setFeature( feature );
  const QString tip = QgsExpression::replaceExpressionText( added.mapTipTemplate(), &context );
  QVERIFY2( tip.contains( QStringLiteral( "A test source" ) ), qPrintable( tip ) );
  QVERIFY2( tip.contains( QStringLiteral( "Art. IX" ) ), qPrintable( tip ) );

  // Every temporal layer, points as well.
  QgsVectorLayer events( path + QStringLiteral( "|layername=events" ), QStringLiteral( "e" ),
                         QStringLiteral( "ogr" ), options );
  events.loadDefaultStyle( loaded );
  QVERIFY( loaded );
  QVERIFY( events.temporalProperties()->isActive() );
}

void TestPendulumDataBuilder::keepsEmptyEndsNull()
{
  const QString path = build( QStringLiteral( PENDULUM_TEST_DATA "/mini" ), true );
  QVERIFY( !path.isEmpty() );
  QCOMPARE( sql( path, QStringLiteral( "SELECT valid_to FROM border_1905 WHERE id = 'south-square'" ) ),
            QStringLiteral( "NULL" ) );
  QCOMPARE( sql( path, QStringLiteral( "SELECT valid_to FROM border_1905 WHERE id = 'north-square'" ) ),
            QStringLiteral( "1905/09/05" ) );
  QCOMPARE( sql( path, QStringLiteral( "SELECT valid_to FROM events WHERE id = 'test-treaty'" ) ),
            QStringLiteral( "NULL" ) );
  QCOMPARE( sql( path, QStringLiteral( "SELECT sources FROM border_1905 WHERE id = 'south-square'" ) ),
            QStringLiteral( "[{\"id\":\"test-source\",\"locator\":\"Art. IX\"}]" ) );
}

void TestPendulumDataBuilder::failedRebuildKeepsThePreviousFile()
{
  const QString path = build( QStringLiteral( PENDULUM_TEST_DATA "/mini" ), true );
  QVERIFY( !path.isEmpty() );
  QFile previous( path );
  QVERIFY( previous.open( QIODevice::ReadOnly ) );
  const QByteArray before = QCryptographicHash::hash( previous.readAll(), QCryptographicHash::Sha256 );
  previous.close();

  // A copy of the layers with one impossible date.
  QTemporaryDir broken;
  for ( const QString &name : QDir( QStringLiteral( PENDULUM_TEST_DATA "/mini" ) ).entryList( QDir::Files ) )
    QVERIFY( QFile::copy( QStringLiteral( PENDULUM_TEST_DATA "/mini/" ) + name, broken.filePath( name ) ) );
  QFile layer( broken.filePath( QStringLiteral( "border_1905.geojson" ) ) );
  QVERIFY( layer.open( QIODevice::ReadOnly ) );
  QByteArray text = layer.readAll();
  layer.close();
  text.replace( "\"valid_from\": \"1905-09-05\"", "\"valid_from\": \"1905-02-30\"" );
  QVERIFY( layer.open( QIODevice::WriteOnly | QIODevice::Truncate ) );
  layer.write( text );
  layer.close();

  QStringList errors;
  QVERIFY( build( broken.path(), false, &errors ).endsWith( QLatin1String( "record.gpkg" ) ) );
  QCOMPARE( errors.size(), 1 );
  QCOMPARE( errors.first(), QStringLiteral( "border_1905.geojson: south-square: valid_from: '1905-02-30' is "
                                            "not a real date: February 1905 has 28 days" ) );

  QVERIFY( previous.open( QIODevice::ReadOnly ) );
  QCOMPARE( QCryptographicHash::hash( previous.readAll(), QCryptographicHash::Sha256 ), before );
  // Nothing left behind but the previous record.
  QCOMPARE( QDir( mDir->path() ).entryList( QDir::Files | QDir::Hidden ), QStringList( { "record.gpkg" } ) );
}

void TestPendulumDataBuilder::refusesAMissingFolder()
{
  PendulumDataBuilder builder( QStringLiteral( PENDULUM_TEST_DATA "/mini" ),
                               QStringLiteral( PENDULUM_SOURCE_DIR "/styles" ) );
  QVERIFY( !builder.build( mDir->filePath( QStringLiteral( "missing/record.gpkg" ) ) ) );
  QVERIFY2( builder.errors().first().contains( QLatin1String( "does not exist" ) ),
            qPrintable( builder.errors().first() ) );
  QVERIFY( !QFileInfo::exists( mDir->filePath( QStringLiteral( "missing" ) ) ) );
}

PENDULUM_TEST_MAIN( TestPendulumDataBuilder )
#include "testpendulumdatabuilder.moc"
