#include "pendulumprojectloader.h"
#include "pendulumregion.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include "qgslayertree.h"
#include "qgsproject.h"

class TestPendulumProjectLoader : public QObject
{
  Q_OBJECT

private slots:
  void init();
  void addsOneGroupInDrawingOrder();
  void loadingTwiceAddsNothing();
  void leavesTheUsersLayersAlone();

private:
  std::unique_ptr<PendulumDataset> mDataset;
  std::unique_ptr<QgsProject> mProject;
};

void TestPendulumProjectLoader::init()
{
  mDataset = PendulumTestRecord::open();
  QVERIFY( mDataset );
  mProject = std::make_unique<QgsProject>();
}

void TestPendulumProjectLoader::addsOneGroupInDrawingOrder()
{
  QString error;
  bool already = true;
  QgsLayerTreeGroup *group =
      PendulumProjectLoader::load( mProject.get(), *mDataset, QStringLiteral( "en" ), &error, &already );
  QVERIFY2( group, qPrintable( error ) );
  QVERIFY( !already );
  QCOMPARE( group->name(), QStringLiteral( "Pendulum" ) );

  // The layer tree lists the top layer first: events on top, the land basemap at the bottom.
  QStringList ids;
  for ( QgsLayerTreeLayer *node : group->findLayers() )
    ids << node->layer()->customProperty( PendulumDataset::layerIdProperty() ).toString();
  QStringList expected;
  for ( const PendulumLayerInfo &info : mDataset->catalog().layers() )
    expected.prepend( info.id );
  QCOMPARE( ids, expected );
  QCOMPARE( ids.first(), QStringLiteral( "events" ) );
  QCOMPARE( ids.last(), QStringLiteral( "land" ) );

  QCOMPARE( mProject->crs(), PendulumRegion::mapCrs() );
  QCOMPARE( mProject->mapLayers().size(), mDataset->catalog().layers().size() );
  for ( QgsMapLayer *layer : mProject->mapLayers() )
    QCOMPARE( layer->temporalProperties()->isActive(),
              layer->customProperty( PendulumDataset::layerIdProperty() ) != "land" );
}

void TestPendulumProjectLoader::loadingTwiceAddsNothing()
{
  QString error;
  QgsLayerTreeGroup *first =
      PendulumProjectLoader::load( mProject.get(), *mDataset, QStringLiteral( "en" ), &error );
  QVERIFY( first );
  const int count = mProject->mapLayers().size();
  bool already = false;
  QgsLayerTreeGroup *second =
      PendulumProjectLoader::load( mProject.get(), *mDataset, QStringLiteral( "en" ), &error, &already );
  QVERIFY( already );
  QCOMPARE( second, first );
  QCOMPARE( mProject->mapLayers().size(), count );
  QCOMPARE( mProject->layerTreeRoot()->findGroups().size(), 1 );
}

void TestPendulumProjectLoader::leavesTheUsersLayersAlone()
{
  QgsVectorLayer *mine = new QgsVectorLayer( QStringLiteral( "Point?crs=EPSG:4326" ),
                                             QStringLiteral( "my notes" ), QStringLiteral( "memory" ) );
  mProject->addMapLayer( mine );
  QString error;
  QVERIFY( PendulumProjectLoader::load( mProject.get(), *mDataset, QStringLiteral( "en" ), &error ) );
  QVERIFY( mProject->mapLayer( mine->id() ) );
  QVERIFY( mProject->layerTreeRoot()->findLayer( mine ) );
  QCOMPARE( mProject->layerTreeRoot()->findLayer( mine )->parent(), mProject->layerTreeRoot() );
}

PENDULUM_TEST_MAIN( TestPendulumProjectLoader )
#include "testpendulumprojectloader.moc"
