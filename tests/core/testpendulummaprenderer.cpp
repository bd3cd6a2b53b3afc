#include "pendulummaprenderer.h"
#include "pendulumregion.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include <QImageReader>

#include "qgscoordinatetransform.h"
#include "qgsmapsettings.h"
#include "qgsmaptopixel.h"

class TestPendulumMapRenderer : public QObject, protected PendulumTestRecord::Fixture
{
  Q_OBJECT

private slots:
  void initTestCase();
  void cleanupTestCase();
  void usesTheRegionsProjection();
  void southSakhalinChangesColourIn1905();
  void onePowerHasOneColour();
  void claimsLieUnderTheHolder();
  void savesAtomicallyWithDpi();

private:
  //! Mean colour of a 7×7 pixel patch around lon/lat \a point.
  QColor patch( const QImage &image, const PendulumMapRequest &request, const QgsPointXY &point ) const;

  std::unique_ptr<PendulumMapRenderer> mRenderer;
};

void TestPendulumMapRenderer::initTestCase()
{
  QVERIFY( openRecord() );
  mRenderer =
      std::make_unique<PendulumMapRenderer>( QList<QgsMapLayer *>( mLayers.cbegin(), mLayers.cend() ) );
}

void TestPendulumMapRenderer::cleanupTestCase()
{
  mRenderer.reset(); // before the fixture deletes the layers it draws
}

QColor TestPendulumMapRenderer::patch( const QImage &image, const PendulumMapRequest &request,
                                       const QgsPointXY &point ) const
{
  const QgsMapSettings settings = mRenderer->mapSettings( request );
  const QgsCoordinateTransform toMap( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ),
                                      settings.destinationCrs(), settings.transformContext() );
  const QgsPointXY pixel = settings.mapToPixel().transform( toMap.transform( point ) );
  long r = 0, g = 0, b = 0, n = 0;
  for ( int dy = -3; dy <= 3; ++dy )
  {
    for ( int dx = -3; dx <= 3; ++dx )
    {
      const QColor c = image.pixelColor( int( pixel.x() ) + dx, int( pixel.y() ) + dy );
      r += c.red();
      g += c.green();
      b += c.blue();
      ++n;
    }
  }
  return QColor( int( r / n ), int( g / n ), int( b / n ) );
}

void TestPendulumMapRenderer::usesTheRegionsProjection()
{
  PendulumMapRequest request;
  request.date = QDate( 1910, 1, 1 );
  const QgsMapSettings settings = mRenderer->mapSettings( request );
  QVERIFY( !settings.destinationCrs().isGeographic() );
  QVERIFY( settings.destinationCrs().toProj().contains( QLatin1String( "+proj=lcc" ) ) );
  QCOMPARE( settings.destinationCrs().description(),
            QStringLiteral( "Pendulum North-East Asia Lambert Conformal Conic" ) );
  // The whole region 100–160°E, 35–60°N is on the map.
  const QgsRectangle visible = settings.visibleExtent();
  QVERIFY( visible.contains( PendulumRegion::mapExtent() ) );
  QVERIFY( settings.isTemporal() );
  QCOMPARE( settings.temporalRange().begin().date(), QDate( 1910, 1, 1 ) );
}

void TestPendulumMapRenderer::southSakhalinChangesColourIn1905()
{
  PendulumMapRequest request;
  request.size = QSize( 800, 600 );
  request.labels = false; // a place name over a sampled patch is not the land's colour
  request.date = QDate( 1900, 1, 1 );
  const QImage before = mRenderer->render( request );
  const QColor sakhalinBefore = patch( before, request, QgsPointXY( 142.4, 46.75 ) );
  const QColor honshuBefore = patch( before, request, QgsPointXY( 138.4, 36.4 ) );
  const QColor northBefore = patch( before, request, QgsPointXY( 142.8, 53.3 ) );
  request.date = QDate( 1910, 1, 1 );
  const QImage after = mRenderer->render( request );
  const QColor sakhalinAfter = patch( after, request, QgsPointXY( 142.4, 46.75 ) );

  // Karafuto: Russian in 1900, Japanese in 1910 — Japan's colour family is the red-orange one.
  QVERIFY2( sakhalinBefore != sakhalinAfter, qPrintable( sakhalinBefore.name() ) );
  QVERIFY2( sakhalinAfter.red() > sakhalinAfter.blue() + 30, qPrintable( sakhalinAfter.name() ) );
  QVERIFY2( sakhalinBefore.blue() > sakhalinBefore.red(), qPrintable( sakhalinBefore.name() ) );
  // Honshu and northern Sakhalin did not change hands.
  QCOMPARE( patch( after, request, QgsPointXY( 138.4, 36.4 ) ), honshuBefore );
  QCOMPARE( patch( after, request, QgsPointXY( 142.8, 53.3 ) ), northBefore );
}

void TestPendulumMapRenderer::onePowerHasOneColour()
{
  // Soviet southern Sakhalin (drawn by the layer of 1945) takes the blue of Soviet northern
  // Sakhalin (drawn by the states layer): a reader compares colours, not layers.
  PendulumMapRequest request;
  request.size = QSize( 3200, 2400 ); // Sakhalin wide enough that a patch holds no outline
  request.labels = false;
  request.date = QDate( 1960, 1, 1 );
  const QImage image = mRenderer->render( request );
  const QColor south = patch( image, request, QgsPointXY( 142.4, 46.75 ) );
  const QColor north = patch( image, request, QgsPointXY( 142.8, 53.3 ) );
  const int difference = std::abs( south.red() - north.red() ) + std::abs( south.green() - north.green() ) +
                         std::abs( south.blue() - north.blue() );
  QVERIFY2( difference <= 6, qPrintable( south.name() + QStringLiteral( " vs " ) + north.name() ) );
  QVERIFY2( north.blue() > north.red() + 20, qPrintable( north.name() ) );
}

void TestPendulumMapRenderer::claimsLieUnderTheHolder()
{
  // Iturup after 1956: held by the Soviet Union, then Russia, claimed by Japan. The island reads
  // as its holder's (blue) on every date; Japan's claim is a rim, not a fill over it.
  PendulumMapRequest request;
  request.size = QSize( 3200, 2400 );
  request.labels = false;
  for ( const QDate &date : { QDate( 1960, 1, 1 ), QDate( 2020, 1, 1 ) } )
  {
    request.date = date;
    const QImage image = mRenderer->render( request );
    const QColor iturup = patch( image, request, QgsPointXY( 147.881, 45.09 ) );
    QVERIFY2( iturup.blue() > iturup.red() + 20,
              qPrintable( date.toString( Qt::ISODate ) + ' ' + iturup.name() ) );
  }
}

void TestPendulumMapRenderer::savesAtomicallyWithDpi()
{
  PendulumMapRequest request;
  request.size = QSize( 320, 240 );
  request.dpi = 150;
  request.date = QDate( 1910, 1, 1 );
  const QImage image = mRenderer->render( request );
  QTemporaryDir dir;
  const QString path = dir.filePath( QStringLiteral( "map.png" ) );
  QString error;
  QVERIFY2( PendulumMapRenderer::save( image, path, request.dpi, &error ), qPrintable( error ) );
  QImageReader reader( path );
  const QImage read = reader.read();
  QCOMPARE( read.size(), QSize( 320, 240 ) );
  QCOMPARE( qRound( read.dotsPerMeterX() * 0.0254 ), 150 );
  QCOMPARE( QDir( dir.path() ).entryList( QDir::Files | QDir::Hidden ), QStringList( { "map.png" } ) );

  QVERIFY(
      !PendulumMapRenderer::save( image, dir.filePath( QStringLiteral( "missing/map.png" ) ), 96, &error ) );
  QVERIFY( !PendulumMapRenderer::save( image, dir.filePath( QStringLiteral( "map.xyz" ) ), 96, &error ) );
  QVERIFY2( error.contains( QLatin1String( "xyz" ) ), qPrintable( error ) );
}

PENDULUM_TEST_MAIN( TestPendulumMapRenderer )
#include "testpendulummaprenderer.moc"
