#include "pendulumdatelabel.h"
#include "pendulummaprenderer.h"
#include "pendulummaprenderjob.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include "qgsmaprenderersequentialjob.h"
#include "qgsmapsettings.h"

/**
 * An animation draws the basemap once and each map state over a copy of
 * it, two states at a time on QGIS's worker threads
 * (PendulumMapRenderer::renderBasemap, renderOver, start): each map must be
 * the one PendulumMapRenderer::render() and QGIS's own sequential job draw.
 */
class TestPendulumMapRenderJob : public QObject
{
  Q_OBJECT

private slots:
  void initTestCase();
  void cleanupTestCase();
  void basemapIsTheLayersBelowTheHistory();
  void overTheBasemapAsInFull();
  void overTheBasemapWithLabels();
  void jobsRunTogether();

private:
  static PendulumMapRequest request( const QDate &date, bool labels = false );

  std::unique_ptr<PendulumDataset> mDataset;
  QList<QgsVectorLayer *> mLayers;
  QList<QgsMapLayer *> mMapLayers;
};

void TestPendulumMapRenderJob::initTestCase()
{
  mDataset = PendulumTestRecord::open();
  QVERIFY( mDataset );
  QString error;
  mLayers = mDataset->createLayers( QStringLiteral( "en" ), &error );
  QVERIFY2( !mLayers.isEmpty(), qPrintable( error ) );
  for ( QgsVectorLayer *layer : mLayers )
    mMapLayers << layer;
}

void TestPendulumMapRenderJob::cleanupTestCase()
{
  qDeleteAll( mLayers );
}

PendulumMapRequest TestPendulumMapRenderJob::request( const QDate &date, bool labels )
{
  PendulumMapRequest request;
  request.date = date;
  request.size = QSize( 640, 400 );
  request.labels = labels;
  return request;
}

void TestPendulumMapRenderJob::basemapIsTheLayersBelowTheHistory()
{
  QCOMPARE( PendulumMapRenderer( mMapLayers ).basemapLayerCount(), 1 ); // the land
  // A layer with labels or time is not part of it, nor is anything above such a layer.
  QCOMPARE( PendulumMapRenderer( mMapLayers.mid( 1 ) ).basemapLayerCount(), 0 );
  QCOMPARE( PendulumMapRenderer( { mMapLayers.first() } ).basemapLayerCount(), 0 ); // nothing over it changes
}

void TestPendulumMapRenderJob::overTheBasemapAsInFull()
{
  const PendulumMapRenderer renderer( mMapLayers );
  const QImage basemap = renderer.renderBasemap( request( QDate( 1855, 1, 1 ) ) );
  for ( int year = 1858; year <= 2018; year += 20 )
  {
    const PendulumMapRequest day = request( QDate( year, 3, 1 ) );
    const QImage over = renderer.renderOver( basemap, day );
    QVERIFY2( over == renderer.render( day ), qPrintable( QString::number( year ) ) );
    // And QGIS alone, all layers in one sequential job.
    QgsMapRendererSequentialJob job( renderer.mapSettings( day ) );
    job.start();
    job.waitForFinished();
    QImage plain = job.renderedImage();
    PendulumDateLabel::draw( plain, QString::number( year ),
                             96 ); // render()'s date label, drawn alike
    QImage labelled = renderer.renderOver( basemap,
                                           [&]
                                           {
                                             PendulumMapRequest r = day;
                                             r.labelText = QString::number( year );
                                             return r;
                                           }() );
    QVERIFY( labelled.convertToFormat( QImage::Format_ARGB32 ) ==
             plain.convertToFormat( QImage::Format_ARGB32 ) );
  }
}

void TestPendulumMapRenderJob::overTheBasemapWithLabels()
{
  // The layers' labels are placed by one engine run over the layers above the basemap; the basemap has
  // none, so the labels are the same as in a full render. Not always pixel for pixel: QGIS's label
  // engine takes the layers in an order that can change between two renders of one map (it keys them
  // by address), and where two labels compete for a spot either may win. So: the labels are there,
  // and the two maps differ in no more than a few labels' worth of pixels.
  const auto differing = []( const QImage &a, const QImage &b )
  {
    const QImage x = a.convertToFormat( QImage::Format_ARGB32 );
    const QImage y = b.convertToFormat( QImage::Format_ARGB32 );
    int count = 0;
    for ( int row = 0; row < x.height(); ++row )
    {
      for ( int column = 0; column < x.width(); ++column )
        count += x.pixel( column, row ) != y.pixel( column, row );
    }
    return count;
  };
  const PendulumMapRenderer renderer( mMapLayers );
  const QImage basemap = renderer.renderBasemap( request( QDate( 1905, 9, 5 ), true ) );
  for ( const QDate &day : { QDate( 1905, 9, 5 ), QDate( 1933, 3, 1 ), QDate( 1956, 10, 19 ) } )
  {
    const QImage over = renderer.renderOver( basemap, request( day, true ) );
    const int pixels = over.width() * over.height();
    // Labels are drawn: the map differs from the same map without them in many pixels.
    QVERIFY2( differing( over, renderer.renderOver( basemap, request( day, false ) ) ) > pixels / 200,
              qPrintable( day.toString( Qt::ISODate ) ) );
    // And it is the full render's map, up to labels placed in another order: measured 0 in most runs,
    // up to 2.6 % of the pixels when labels swap; a map without its basemap differs in a third.
    const int changed = differing( over, renderer.render( request( day, true ) ) );
    QVERIFY2( changed < pixels / 10, qPrintable( day.toString( Qt::ISODate ) + QStringLiteral( ": " ) +
                                                 QString::number( changed ) + QStringLiteral( " pixels" ) ) );
  }
}

void TestPendulumMapRenderJob::jobsRunTogether()
{
  const PendulumMapRenderer renderer( mMapLayers );
  const QList<QDate> days{ QDate( 1875, 8, 22 ), QDate( 1905, 11, 1 ), QDate( 1920, 4, 5 ),
                           QDate( 1946, 2, 2 ) };
  const QImage basemap = renderer.renderBasemap( request( days.first() ) );
  std::vector<std::unique_ptr<PendulumMapRenderJob>> jobs;
  for ( const QDate &day : days )
    jobs.push_back( renderer.start( request( day ), basemap ) );
  for ( int i = 0; i < days.size(); ++i )
    QVERIFY2( jobs.at( size_t( i ) )->wait() == renderer.render( request( days.at( i ) ) ),
              qPrintable( days.at( i ).toString( Qt::ISODate ) ) );
  // A job abandoned without wait() finishes before it goes.
  jobs.clear();
  renderer.start( request( days.last() ) );
}

PENDULUM_TEST_MAIN( TestPendulumMapRenderJob )
#include "testpendulummaprenderjob.moc"
