#include "pendulumfeaturefilter.h"
#include "pendulummaprenderer.h"
#include "pendulumqgiscompat.h"
#include "pendulumtemporal.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include <random>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "qgscategorizedsymbolrenderer.h"
#include "qgsfillsymbol.h"
#include "qgsmaprenderersequentialjob.h"
#include "qgsmapsettings.h"

/**
 * PendulumFeatureFilter makes the feature requests of a render cheaper (no
 * spatial filter around a whole layer): the maps must stay pixel for pixel
 * those QGIS draws on its own, for the record and for a large layer.
 */
class TestPendulumFeatureFilter : public QObject
{
  Q_OBJECT

private slots:
  void initTestCase();
  void cleanupTestCase();
  void recordMapsAsQgisDrawsThem();
  void wholeLayerRectangleIsDropped();
  void largeLayerMapsAsQgisDrawsThem();

private:
  static QImage plain( const QList<QgsMapLayer *> &layers, const PendulumMapRequest &request );
  static PendulumMapRequest request( const QDate &date );
  //! A GeoPackage of \a cells non-overlapping squares, each with two or three dated versions.
  static QString writeUnits( const QString &dir, int cells );

  QTemporaryDir mDir;
  std::unique_ptr<PendulumDataset> mDataset;
  QList<QgsVectorLayer *> mRecord;
  QgsVectorLayer *mUnits = nullptr;
};

void TestPendulumFeatureFilter::initTestCase()
{
  mDataset = PendulumTestRecord::open();
  QVERIFY( mDataset );
  QString error;
  mRecord = mDataset->createLayers( QStringLiteral( "en" ), &error );
  QVERIFY2( !mRecord.isEmpty(), qPrintable( error ) );

  const QString path = writeUnits( mDir.path(), 2500 );
  mUnits = new QgsVectorLayer( path + QStringLiteral( "|layername=units" ), QStringLiteral( "units" ),
                               QStringLiteral( "ogr" ) );
  QVERIFY( mUnits->isValid() );
  QVERIFY( mUnits->featureCount() >= 5000 );
  PendulumTemporal::configure( mUnits );
  // Categories as the record's styles have them: the renderer adds its own filter to each request.
  QgsCategoryList categories;
  for ( const auto &holder : { std::make_pair( "JP", "#d55e00" ), std::make_pair( "RU", "#0072b2" ),
                               std::make_pair( "CN", "#e69f00" ) } )
  {
    categories << QgsRendererCategory(
        holder.first,
        // A raw pointer until QGIS 3.44, a std::unique_ptr since: both make the same unique_ptr.
        std::unique_ptr<QgsFillSymbol>( QgsFillSymbol::createSimple( { { "color", holder.second },
                                                                       { "outline_color", "#333333" },
                                                                       { "outline_style", "dash" } } ) )
            .release(),
        holder.first );
  }
  mUnits->setRenderer( new QgsCategorizedSymbolRenderer( QStringLiteral( "holder" ), categories ) );
}

void TestPendulumFeatureFilter::cleanupTestCase()
{
  qDeleteAll( mRecord );
  delete mUnits;
}

QString TestPendulumFeatureFilter::writeUnits( const QString &dir, int cells )
{
  const QString path = QDir( dir ).filePath( QStringLiteral( "units.gpkg" ) );
  GDALAllRegister();
  GDALDatasetH dataset = GDALCreate( GDALGetDriverByName( "GPKG" ), QFile::encodeName( path ).constData(), 0,
                                     0, 0, GDT_Unknown, nullptr );
  OGRSpatialReferenceH srs = OSRNewSpatialReference( nullptr );
  OSRImportFromEPSG( srs, 4326 );
  OSRSetAxisMappingStrategy( srs, OAMS_TRADITIONAL_GIS_ORDER );
  const char *options[] = { "GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES", nullptr };
  OGRLayerH layer =
      GDALDatasetCreateLayer( dataset, "units", srs, wkbMultiPolygon, const_cast<char **>( options ) );
  OSRDestroySpatialReference( srs );
  for ( const auto &field : { std::make_pair( "holder", OFTString ), std::make_pair( "valid_from", OFTDate ),
                              std::make_pair( "valid_to", OFTDate ) } )
  {
    OGRFieldDefnH definition = OGR_Fld_Create( field.first, field.second );
    OGR_L_CreateField( layer, definition, TRUE );
    OGR_Fld_Destroy( definition );
  }
  std::mt19937 random( 1905 );
  const char *holders[] = { "JP", "RU", "CN" };
  const int columns = 70;
  if ( OGR_L_StartTransaction( layer ) != OGRERR_NONE )
    return QString();
  for ( int cell = 0; cell < cells; ++cell )
  {
    // Squares a third of a degree wide on a half-degree grid over the region: none overlaps another.
    const double x = 100 + ( cell % columns ) * 0.85, y = 35 + ( cell / columns ) * 0.7;
    const QDate change = QDate( 1860, 1, 1 ).addDays( int( random() % 55000 ) );
    const int versions = 2 + int( random() % 2 );
    for ( int v = 0; v < versions; ++v )
    {
      OGRFeatureH feature = OGR_F_Create( OGR_L_GetLayerDefn( layer ) );
      OGR_F_SetFieldString( feature, 0, holders[( cell + v ) % 3] );
      // Version 0 from the start of the record (or open), 1 from the change to today, 2 of one day only.
      const QDate from = v == 0 ? QDate( 1855, 1, 1 ) : change;
      if ( v == 0 && cell % 7 == 0 )
        OGR_F_SetFieldNull( feature, 1 );
      else
        OGR_F_SetFieldDateTime( feature, 1, from.year(), from.month(), from.day(), 0, 0, 0, 0 );
      const QDate to = v == 0 ? change : v == 2 ? change.addDays( 1 ) : QDate();
      if ( to.isValid() )
        OGR_F_SetFieldDateTime( feature, 2, to.year(), to.month(), to.day(), 0, 0, 0, 0 );
      else
        OGR_F_SetFieldNull( feature, 2 );
      // The one-day version beside the others: no two features of one day overlap.
      const double left = v == 2 ? x + 0.45 : x, size = v == 2 ? 0.15 : 0.3;
      const QString wkt = QStringLiteral( "MULTIPOLYGON(((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2)))" )
                              .arg( left )
                              .arg( y )
                              .arg( left + size )
                              .arg( y + size );
      OGRGeometryH geometry = nullptr;
      QByteArray text = wkt.toLatin1();
      char *cursor = text.data();
      OGR_G_CreateFromWkt( &cursor, nullptr, &geometry );
      OGR_F_SetGeometryDirectly( feature, geometry );
      if ( OGR_L_CreateFeature( layer, feature ) != OGRERR_NONE )
        qWarning() << "cannot write a feature";
      OGR_F_Destroy( feature );
    }
  }
  if ( OGR_L_CommitTransaction( layer ) != OGRERR_NONE )
    return QString();
  GDALClose( dataset );
  return path;
}

PendulumMapRequest TestPendulumFeatureFilter::request( const QDate &date )
{
  PendulumMapRequest request;
  request.date = date;
  request.size = QSize( 800, 450 );
  request.dateLabel = false;
  // QGIS may settle a label conflict differently from one render to the next: labels stay out.
  request.labels = false;
  return request;
}

QImage TestPendulumFeatureFilter::plain( const QList<QgsMapLayer *> &layers,
                                         const PendulumMapRequest &request )
{
  // QGIS on its own: its sequential job with the map settings Pendulum renders with, no filter provider.
  QgsMapRendererSequentialJob job( PendulumMapRenderer( layers ).mapSettings( request ) );
  job.start();
  job.waitForFinished();
  return job.renderedImage().convertToFormat( QImage::Format_ARGB32 );
}

void TestPendulumFeatureFilter::recordMapsAsQgisDrawsThem()
{
  QList<QgsMapLayer *> layers;
  for ( QgsVectorLayer *layer : mRecord )
    layers << layer;
  const PendulumMapRenderer renderer( layers );
  for ( int year = 1856; year <= 2016; year += 16 )
  {
    const PendulumMapRequest day = request( QDate( year, 6, 1 ) );
    QVERIFY2( renderer.render( day ).convertToFormat( QImage::Format_ARGB32 ) == plain( layers, day ),
              qPrintable( QString::number( year ) ) );
  }
}

void TestPendulumFeatureFilter::wholeLayerRectangleIsDropped()
{
  QgsVectorLayer *kurils = nullptr;
  for ( QgsVectorLayer *layer : mRecord )
  {
    if ( layer->customProperty( PendulumDataset::layerIdProperty() ) == QLatin1String( "kurils_1945" ) )
      kurils = layer;
  }
  QVERIFY( kurils );
  PendulumFeatureFilter filter( { kurils } );
  QgsFeatureRequest around;
  around.setFilterRect( kurils->extent().buffered( 1 ) );
  filter.filterFeatures( kurils, around );
  QVERIFY( around.filterRect().isNull() );
  QCOMPARE( around.filterType(), PendulumQgis::FeatureRequestFilterType::NoFilter );
  QgsFeatureRequest part;
  const QgsRectangle half( kurils->extent().xMinimum(), kurils->extent().yMinimum(),
                           kurils->extent().center().x(), kurils->extent().yMaximum() );
  part.setFilterRect( half );
  filter.filterFeatures( kurils, part );
  QCOMPARE( part.filterRect(), half );
}

void TestPendulumFeatureFilter::largeLayerMapsAsQgisDrawsThem()
{
  const QList<QgsMapLayer *> layers{ mRecord.first(), mUnits }; // the land under the units
  const PendulumMapRenderer renderer( layers );
  for ( const QDate &day :
        { QDate( 1855, 1, 1 ), QDate( 1890, 7, 4 ), QDate( 1931, 9, 18 ), QDate( 2020, 1, 1 ) } )
  {
    const PendulumMapRequest map = request( day );
    QVERIFY2( renderer.render( map ).convertToFormat( QImage::Format_ARGB32 ) == plain( layers, map ),
              qPrintable( day.toString( Qt::ISODate ) ) );
  }
}

PENDULUM_TEST_MAIN( TestPendulumFeatureFilter )
#include "testpendulumfeaturefilter.moc"
