#include "pendulumanimationframerenderer.h"
#include "pendulumdaylegend.h"
#include "pendulumframelegend.h"
#include "pendulummaprenderer.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include "qgscategorizedsymbolrenderer.h"
#include "qgslayertree.h"
#include "qgslayertreemodel.h"
#include "qgslayertreemodellegendnode.h"
#include "qgsmapsettings.h"
#include "qgssymbol.h"
#include "qgsvectorlayer.h"

/**
 * The legend on map images and animation frames lists what the map shows on
 * its day, and only that.
 */
class TestPendulumFrameLegend : public QObject, protected PendulumTestRecord::Fixture
{
  Q_OBJECT

private slots:
  void initTestCase();
  void cleanupTestCase();
  void listsOnlyWhatTheDayShows();
  void drawnInTheLowerLeftCorner();
  void animationFramesCarryIt();
  void layerLegendListsTheDay();

private:
  QgsMapSettings settings( const QDate &date ) const;
  static double inkShare( const QImage &image, const QRect &rect );
  static int pixelsOf( const QImage &image, const QColor &colour );
  std::unique_ptr<PendulumMapRenderer> mRenderer;
  std::unique_ptr<PendulumFrameLegend> mLegend;
};

void TestPendulumFrameLegend::initTestCase()
{
  QVERIFY( openRecord() );
  const QList<QgsMapLayer *> layers( mLayers.cbegin(), mLayers.cend() );
  mRenderer = std::make_unique<PendulumMapRenderer>( layers );
  mLegend = std::make_unique<PendulumFrameLegend>( layers );
}

void TestPendulumFrameLegend::cleanupTestCase()
{
  mLegend.reset();
  mRenderer.reset();
}

QgsMapSettings TestPendulumFrameLegend::settings( const QDate &date ) const
{
  PendulumMapRequest request;
  request.date = date;
  request.size = QSize( 1280, 720 );
  return mRenderer->mapSettings( request );
}

double TestPendulumFrameLegend::inkShare( const QImage &image, const QRect &rect )
{
  int ink = 0;
  for ( int y = rect.top(); y <= rect.bottom(); ++y )
  {
    for ( int x = rect.left(); x <= rect.right(); ++x )
    {
      if ( qGray( image.pixel( x, y ) ) < 200 )
        ++ink;
    }
  }
  return double( ink ) / ( rect.width() * rect.height() );
}

int TestPendulumFrameLegend::pixelsOf( const QImage &image, const QColor &colour )
{
  int count = 0;
  for ( int y = 0; y < image.height(); ++y )
  {
    for ( int x = 0; x < image.width(); ++x )
    {
      const QColor c = image.pixelColor( x, y );
      if ( std::abs( c.red() - colour.red() ) <= 3 && std::abs( c.green() - colour.green() ) <= 3 &&
           std::abs( c.blue() - colour.blue() ) <= 3 )
        ++count;
    }
  }
  return count;
}

void TestPendulumFrameLegend::listsOnlyWhatTheDayShows()
{
  // In 1880 there are no spheres and no Portsmouth settlement: fewer rows than in 1910.
  const QImage legend1880 = mLegend->render( settings( QDate( 1880, 7, 1 ) ) );
  const QImage legend1910 = mLegend->render( settings( QDate( 1910, 1, 1 ) ) );
  const QImage legend1935 = mLegend->render( settings( QDate( 1935, 7, 1 ) ) );
  QVERIFY( !legend1880.isNull() );
  QVERIFY2(
      legend1880.height() < legend1910.height(),
      qPrintable( QStringLiteral( "%1 vs %2" ).arg( legend1880.height() ).arg( legend1910.height() ) ) );
  // Manchukuo's tint in the states layer's swatches (styles/states.qml): in 1935's legend only.
  const QColor manchukuo( 0xED, 0xD0, 0xE0 );
  QCOMPARE( pixelsOf( legend1910, manchukuo ), 0 );
  QVERIFY( pixelsOf( legend1935, manchukuo ) > 50 );
  // Fits a frame: well under its height and a third of its width.
  QVERIFY( legend1910.height() < 600 );
  QVERIFY( legend1910.width() < 1280 / 3 );
  // It holds text and swatches, not an empty box.
  QVERIFY( inkShare( legend1910, legend1910.rect() ) > 0.02 );
}

void TestPendulumFrameLegend::drawnInTheLowerLeftCorner()
{
  PendulumMapRequest request;
  request.date = QDate( 1910, 1, 1 );
  request.size = QSize( 1280, 720 );
  request.dateLabel = false;
  QImage image = mRenderer->render( request );
  const QImage before = image.copy();
  mLegend->drawOnto( image, mRenderer->mapSettings( request ) );
  const QImage legend = mLegend->render( mRenderer->mapSettings( request ) );
  const QRect corner( 0, image.height() - legend.height() - 20, legend.width() + 20, legend.height() + 20 );
  int changedInCorner = 0;
  int changedElsewhere = 0;
  for ( int y = 0; y < image.height(); ++y )
  {
    for ( int x = 0; x < image.width(); ++x )
    {
      if ( image.pixel( x, y ) != before.pixel( x, y ) )
        ( corner.contains( x, y ) ? changedInCorner : changedElsewhere ) += 1;
    }
  }
  QCOMPARE( changedElsewhere, 0 );
  QVERIFY( changedInCorner > legend.width() * legend.height() / 2 );
}

void TestPendulumFrameLegend::animationFramesCarryIt()
{
  // The frame renderer of `pendulum animate` (legend on unless --no-legend) draws the
  // legend on each map state exactly as the renderer's straightforward path does.
  PendulumMapRequest request;
  request.size = QSize( 960, 540 );
  request.legend = true;
  // QGIS places labels in an order that can change between two renders of the same map
  // (its label engine keys layers by address): compared pixel for pixel, labels stay off.
  request.labels = false;
  PendulumAnimationFrameRenderer frames( *mRenderer, request );
  PendulumAnimationFrame frame;
  frame.date = QDate( 1934, 1, 1 );
  frame.state = 0;
  frame.label = QStringLiteral( "1 January 1934" );
  const QImage composed = frames.compose( frames.map( frame ), frame );
  QCOMPARE( composed, frames.renderDirectly( frame ) );
  request.legend = false;
  PendulumAnimationFrameRenderer bare( *mRenderer, request );
  const QImage without = bare.compose( bare.map( frame ), frame );
  // Manchukuo's legend swatch is there only with the legend.
  const QColor manchukuo( 0xED, 0xD0, 0xE0 );
  const QRect corner( 0, composed.height() / 3, composed.width() / 4, composed.height() * 2 / 3 );
  QVERIFY( pixelsOf( composed.copy( corner ), manchukuo ) >
           pixelsOf( without.copy( corner ), manchukuo ) + 50 );
}

void TestPendulumFrameLegend::layerLegendListsTheDay()
{
  // The Layers panel's legend of the states layer, as a QgsLayerTreeModel shows it.
  QgsVectorLayer *states = nullptr;
  for ( QgsVectorLayer *layer : std::as_const( mLayers ) )
  {
    if ( layer->customProperty( QStringLiteral( "pendulum/layer_id" ) ).toString() ==
         QLatin1String( "states" ) )
      states = layer;
  }
  QVERIFY( states );
  QgsLayerTree root;
  QgsLayerTreeLayer *node = root.addLayer( states );
  QgsLayerTreeModel model( &root );
  const auto labels = [&]
  {
    QStringList shown;
    for ( QgsLayerTreeModelLegendNode *legendNode : model.layerLegendNodes( node ) )
      shown << legendNode->data( Qt::DisplayRole ).toString();
    return shown;
  };
  const int everything = labels().size();
  QVERIFY2( everything >= 12, qPrintable( labels().join( ", " ) ) );

  PendulumDayLegend::install( states )->setDay( QDate( 1906, 1, 1 ) );
  QStringList day = labels();
  QVERIFY2( day.contains( QStringLiteral( "Japan" ) ) && day.contains( QStringLiteral( "Russian Empire" ) ),
            qPrintable( day.join( ", " ) ) );
  QVERIFY2( !day.contains( QStringLiteral( "Soviet Union" ) ) &&
                !day.contains( QStringLiteral( "Manchukuo" ) ),
            qPrintable( day.join( ", " ) ) );

  PendulumDayLegend::install( states )->setDay( QDate( 1935, 6, 1 ) );
  day = labels();
  QVERIFY2( day.contains( QStringLiteral( "Manchukuo" ) ) &&
                day.contains( QStringLiteral( "Soviet Union" ) ) &&
                !day.contains( QStringLiteral( "Russian Empire" ) ),
            qPrintable( day.join( ", " ) ) );

  // Restyled (a new renderer: where QGIS keys categories by their uuid, new legend keys), the layer
  // still lists the day's powers.
  const auto *styled = static_cast<const QgsCategorizedSymbolRenderer *>( states->renderer() );
  QgsCategoryList reclassified; // as "Classify" makes them: new categories, new legend keys
  for ( const QgsRendererCategory &category : styled->categories() )
    reclassified << QgsRendererCategory( category.value(), category.symbol()->clone(), category.label() );
  states->setRenderer( new QgsCategorizedSymbolRenderer( styled->classAttribute(), reclassified ) );
  QCOMPARE( labels(), day );

  // Taken off, QGIS's default legend lists every power again.
  PendulumDayLegend::uninstall( states );
  QVERIFY( !qobject_cast<PendulumDayLegend *>( states->legend() ) );
  QCOMPARE( labels().size(), everything );
}

PENDULUM_TEST_MAIN( TestPendulumFrameLegend )
#include "testpendulumframelegend.moc"
