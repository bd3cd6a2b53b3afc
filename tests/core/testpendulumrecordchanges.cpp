#include "pendulummaprenderer.h"
#include "pendulumqgiscompat.h"
#include "pendulumregion.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include <QPainter>
#include <QPainterPath>
#include <set>

#include "qgscoordinatetransform.h"
#include "qgsmapsettings.h"
#include "qgsmaptopixel.h"

/**
 * The record, date by date: for every day on which a feature of the map begins or
 * ends, the maps of the day before and of that day differ only where those
 * features lie — and where the record says a place changed hands, it does on the map.
 */
class TestPendulumRecordChanges : public QObject
{
  Q_OBJECT

private slots:
  void initTestCase();
  void cleanupTestCase();
  void everyChangeStaysInItsRegion();
  void knownChangesShow_data();
  void knownChangesShow();

private:
  PendulumMapRequest request( const QDate &date ) const;
  //! Pixels of the features beginning or ending on \a date, widened by their outlines.
  QImage changedRegion( const QDate &date ) const;
  QPoint pixel( const QgsPointXY &lonLat ) const;

  std::unique_ptr<PendulumDataset> mDataset;
  QList<QgsVectorLayer *> mLayers;
  QList<QgsVectorLayer *> mPolygonLayers;
  std::unique_ptr<PendulumMapRenderer> mRenderer;
};

void TestPendulumRecordChanges::initTestCase()
{
  mDataset = PendulumTestRecord::open();
  QVERIFY( mDataset );
  QString error;
  mLayers = mDataset->createLayers( QStringLiteral( "en" ), &error );
  QVERIFY( !mLayers.isEmpty() );
  QList<QgsMapLayer *> drawn;
  for ( QgsVectorLayer *layer : mLayers )
  {
    // Event markers appear on their day by design; this test is about the territories.
    if ( layer->geometryType() != PendulumQgis::GeometryType::Polygon )
      continue;
    drawn << layer;
    if ( layer->temporalProperties()->isActive() )
      mPolygonLayers << layer;
  }
  mRenderer = std::make_unique<PendulumMapRenderer>( drawn );
}

void TestPendulumRecordChanges::cleanupTestCase()
{
  mRenderer.reset();
  qDeleteAll( mLayers );
}

PendulumMapRequest TestPendulumRecordChanges::request( const QDate &date ) const
{
  PendulumMapRequest r;
  r.date = date;
  r.size = QSize( 480, 360 );
  r.labels = false; // labels are placed anew on every map; they would blur the comparison
  r.dateLabel = false;
  return r;
}

QPoint TestPendulumRecordChanges::pixel( const QgsPointXY &lonLat ) const
{
  const QgsMapSettings settings = mRenderer->mapSettings( request( QDate( 1900, 1, 1 ) ) );
  const QgsCoordinateTransform toMap( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ),
                                      settings.destinationCrs(), settings.transformContext() );
  const QgsPointXY p = settings.mapToPixel().transform( toMap.transform( lonLat ) );
  return QPoint( int( p.x() ), int( p.y() ) );
}

/**
 * Whether two pixels differ by more than antialiasing rounding: edges far from a
 * change can come out one step lighter or darker when the scene's drawing order
 * changes, which no reader sees; a feature drawn or dropped changes far more.
 */
static bool visiblyDifferent( QRgb a, QRgb b )
{
  const int tolerance = 4;
  return std::abs( qRed( a ) - qRed( b ) ) > tolerance || std::abs( qGreen( a ) - qGreen( b ) ) > tolerance ||
         std::abs( qBlue( a ) - qBlue( b ) ) > tolerance;
}

QImage TestPendulumRecordChanges::changedRegion( const QDate &date ) const
{
  const QgsMapSettings settings = mRenderer->mapSettings( request( date ) );
  const QgsCoordinateTransform toMap( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ),
                                      settings.destinationCrs(), settings.transformContext() );
  const QTransform toPixel = settings.mapToPixel().transform();
  QImage mask( settings.outputSize(), QImage::Format_Grayscale8 );
  mask.fill( 0 );
  QPainter painter( &mask );
  painter.setPen(
      QPen( Qt::white, 8 ) ); // outlines and their antialiasing, where shared edges are drawn anew
  painter.setBrush( Qt::white );
  QgsFeatureRequest featureRequest;
  featureRequest.setFilterExpression(
      QStringLiteral( "\"valid_from\" = to_date('%1') OR \"valid_to\" = to_date('%1')" )
          .arg( date.toString( Qt::ISODate ) ) );
  for ( QgsVectorLayer *layer : mPolygonLayers )
  {
    QgsFeatureIterator it = layer->getFeatures( featureRequest );
    QgsFeature feature;
    while ( it.nextFeature( feature ) )
    {
      QgsGeometry geometry = feature.geometry();
      geometry.transform( toMap );
      geometry.transform( toPixel );
      painter.drawPath( geometry.constGet()->asQPainterPath() );
    }
  }
  return mask;
}

void TestPendulumRecordChanges::everyChangeStaysInItsRegion()
{
  std::set<QDate> dates;
  for ( QgsVectorLayer *layer : mPolygonLayers )
  {
    QgsFeatureIterator it =
        layer->getFeatures( QgsFeatureRequest().setFlags( PendulumQgis::FeatureRequestFlag::NoGeometry ) );
    QgsFeature feature;
    while ( it.nextFeature( feature ) )
    {
      dates.insert( feature.attribute( QStringLiteral( "valid_from" ) ).toDate() );
      if ( !feature.attribute( QStringLiteral( "valid_to" ) ).isNull() )
        dates.insert( feature.attribute( QStringLiteral( "valid_to" ) ).toDate() );
    }
  }
  QVERIFY( dates.size() > 30 );
  QStringList strays;
  int changedDays = 0;
  for ( const QDate &date : dates )
  {
    if ( date <= QDate( 1855, 1, 1 ) )
      continue;
    const QImage before =
        mRenderer->render( request( date.addDays( -1 ) ) ).convertToFormat( QImage::Format_RGB32 );
    const QImage after = mRenderer->render( request( date ) ).convertToFormat( QImage::Format_RGB32 );
    const QImage region = changedRegion( date );
    int outside = 0;
    int inside = 0;
    for ( int y = 0; y < before.height(); ++y )
    {
      const QRgb *a = reinterpret_cast<const QRgb *>( before.constScanLine( y ) );
      const QRgb *b = reinterpret_cast<const QRgb *>( after.constScanLine( y ) );
      const uchar *m = region.constScanLine( y );
      for ( int x = 0; x < before.width(); ++x )
      {
        if ( visiblyDifferent( a[x], b[x] ) )
          ( m[x] ? inside : outside ) += 1;
      }
    }
    if ( outside > 0 )
      strays << QStringLiteral( "%1: %2 pixels changed outside the features that begin or end that day" )
                    .arg( date.toString( Qt::ISODate ) )
                    .arg( outside );
    if ( inside > 0 )
      ++changedDays;
  }
  QVERIFY2( strays.isEmpty(), qPrintable( strays.join( '\n' ) ) );
  // Most change days change something visible in the region (some happen outside the map's frame).
  QVERIFY2( changedDays > int( dates.size() ) / 2, qPrintable( QString::number( changedDays ) ) );
}

void TestPendulumRecordChanges::knownChangesShow_data()
{
  QTest::addColumn<QDate>( "date" );
  QTest::addColumn<double>( "lon" );
  QTest::addColumn<double>( "lat" );
  QTest::newRow( "Sakhalin becomes Russian, 1875" ) << QDate( 1875, 8, 22 ) << 142.7 << 47.0;
  QTest::newRow( "Karafuto becomes Japanese, 1905" ) << QDate( 1905, 10, 15 ) << 142.7 << 47.0;
  QTest::newRow( "Korea annexed, 1910" ) << QDate( 1910, 8, 29 ) << 127.0 << 37.5;
  QTest::newRow( "Manchukuo proclaimed, 1932" ) << QDate( 1932, 3, 1 ) << 125.3 << 43.9;
  QTest::newRow( "Manchukuo ends, 1945" ) << QDate( 1945, 8, 18 ) << 125.3 << 43.9;
  QTest::newRow( "Soviet forces take Karafuto, 1945" ) << QDate( 1945, 8, 25 ) << 142.7 << 47.0;
}

void TestPendulumRecordChanges::knownChangesShow()
{
  QFETCH( QDate, date );
  QFETCH( double, lon );
  QFETCH( double, lat );
  const QPoint at = pixel( QgsPointXY( lon, lat ) );
  const QColor before = mRenderer->render( request( date.addDays( -1 ) ) ).pixelColor( at );
  const QColor after = mRenderer->render( request( date ) ).pixelColor( at );
  QVERIFY2( before != after, qPrintable( before.name() ) );
}

PENDULUM_TEST_MAIN( TestPendulumRecordChanges )
#include "testpendulumrecordchanges.moc"
