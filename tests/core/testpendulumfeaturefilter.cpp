#include "pendulumdateindex.h"
#include "pendulumfeaturefilter.h"
#include "pendulummaprenderer.h"
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
 * spatial filter around a whole layer; a large time-enabled layer's ids of
 * the day from PendulumDateIndex): the maps must stay pixel for pixel those
 * QGIS draws on its own, for the record and for a layer large enough to use
 * the date index; and the index must find exactly the features QGIS's
 * temporal filter keeps.
 */
class TestPendulumFeatureFilter : public QObject
{
  Q_OBJECT

private slots:
  void initTestCase();
  void cleanupTestCase();
  void recordMapsAsQgisDrawsThem();
  void wholeLayerRectangleIsDropped();
  void dateIndexFindsTheDaysFeatures();
  void largeLayerGetsTheIdsOfTheDay();
  void largeLayerMapsAsQgisDrawsThem();

private:
  static QImage plain( const QList<QgsMapLayer *> &layers, const PendulumMapRequest &request );
  static PendulumMapRequest request( const QDate &date );
  static QList<QgsFeatureId> shownIds( QgsVectorLayer *layer, const QDate &date, const QgsRectangle &rect );
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
  QVERIFY2( PendulumDateIndex::create( path, QStringLiteral( "units" ), &error ), qPrintable( error ) );
  mUnits = new QgsVectorLayer( path + QStringLiteral( "|layername=units" ), QStringLiteral( "units" ),
                               QStringLiteral( "ogr" ) );
  QVERIFY( mUnits->isValid() );
  QVERIFY( mUnits->featureCount() >= PendulumFeatureFilter::DATE_INDEX_MINIMUM_FEATURES );
  PendulumTemporal::configure( mUnits );
  // Categories as the record's styles have them: the renderer adds its own filter to each request.
  QgsCategoryList categories;
  for ( const auto &holder : { std::make_pair( "JP", "#d55e00" ), std::make_pair( "RU", "#0072b2" ),
                               std::make_pair( "CN", "#e69f00" ) } )
  {
    categories << QgsRendererCategory(
        holder.first,
        QgsFillSymbol::createSimple(
            { { "color", holder.second }, { "outline_color", "#333333" }, { "outline_style", "dash" } } ),
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

QList<QgsFeatureId> TestPendulumFeatureFilter::shownIds( QgsVectorLayer *layer, const QDate &date,
                                                         const QgsRectangle &rect )
{
  QgsVectorLayerTemporalContext context;
  context.setLayer( layer );
  QgsFeatureRequest request;
  request.setFilterExpression( qobject_cast<QgsVectorLayerTemporalProperties *>( layer->temporalProperties() )
                                   ->createFilterString( context, PendulumTemporal::dayRange( date ) ) );
  if ( !rect.isNull() )
    request.setFilterRect( rect );
  request.setNoAttributes();
  QList<QgsFeatureId> ids;
  QgsFeatureIterator it = layer->getFeatures( request );
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
    ids << feature.id();
  std::sort( ids.begin(), ids.end() );
  return ids;
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
  filter.setDate( QDate( 1950, 1, 1 ) );
  QgsFeatureRequest around;
  around.setFilterRect( kurils->extent().buffered( 1 ) );
  filter.filterFeatures( kurils, around );
  QVERIFY( around.filterRect().isNull() );
  QCOMPARE( around.filterType(), QgsFeatureRequest::FilterNone ); // a small layer: no date index asked
  QgsFeatureRequest part;
  const QgsRectangle half( kurils->extent().xMinimum(), kurils->extent().yMinimum(),
                           kurils->extent().center().x(), kurils->extent().yMaximum() );
  part.setFilterRect( half );
  filter.filterFeatures( kurils, part );
  QCOMPARE( part.filterRect(), half );
  QCOMPARE( filter.dateIndexRequests(), 0 );
}

void TestPendulumFeatureFilter::dateIndexFindsTheDaysFeatures()
{
  const std::unique_ptr<PendulumDateIndex> index = PendulumDateIndex::open( mUnits );
  QVERIFY( index );
  // `pendulum build` indexes the record's time-enabled layers, not its basemap.
  QVERIFY( !PendulumDateIndex::open( mRecord.first() ) );
  QVERIFY( PendulumDateIndex::open( mRecord.at( 1 ) ) );
  QSet<QDate> days{ QDate( 1855, 1, 1 ), QDate( 1854, 12, 31 ), QDate( 1910, 1, 1 ), QDate( 2024, 6, 1 ) };
  // Each unit's day of change and the day before and after it: the ends of [valid_from, valid_to).
  QgsFeatureIterator it = mUnits->getFeatures( QgsFeatureRequest().setLimit( 40 ) );
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
  {
    const QDate to = feature.attribute( QStringLiteral( "valid_to" ) ).toDate();
    if ( to.isValid() )
      days << to << to.addDays( -1 ) << to.addDays( 1 );
  }
  const QList<QgsRectangle> rects{ QgsRectangle(), QgsRectangle( 110, 40, 130.3, 50.15 ),
                                   QgsRectangle( 100.3, 35.3, 100.3, 35.3 ) };
  for ( const QDate &day : std::as_const( days ) )
  {
    for ( const QgsRectangle &rect : rects )
    {
      QList<QgsFeatureId> ids;
      QVERIFY( index->featureIds( day, rect, &ids ) );
      QCOMPARE( ids, shownIds( mUnits, day, rect ) );
    }
  }
}

void TestPendulumFeatureFilter::largeLayerGetsTheIdsOfTheDay()
{
  PendulumFeatureFilter filter( { mUnits } );
  filter.setDate( QDate( 1930, 3, 1 ) );
  QgsFeatureRequest request;
  const QgsRectangle rect( 105, 38, 140, 52 );
  request.setFilterRect( rect );
  filter.filterFeatures( mUnits, request );
  QVERIFY( request.filterRect().isNull() );
  QCOMPARE( request.filterType(), QgsFeatureRequest::FilterExpression );
  QCOMPARE( filter.dateIndexRequests(), 1 );
  // The request now returns exactly what QGIS's temporal filter and the rectangle return.
  QgsVectorLayerTemporalContext context;
  context.setLayer( mUnits );
  request.combineFilterExpression(
      qobject_cast<QgsVectorLayerTemporalProperties *>( mUnits->temporalProperties() )
          ->createFilterString( context, PendulumTemporal::dayRange( QDate( 1930, 3, 1 ) ) ) );
  QList<QgsFeatureId> ids;
  QgsFeatureIterator it = mUnits->getFeatures( request );
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
    ids << feature.id();
  QVERIFY( !ids.isEmpty() );
  QCOMPARE( ids, shownIds( mUnits, QDate( 1930, 3, 1 ), rect ) ); // ascending ids, as read
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
