#include "pendulumdataset.h"
#include "pendulummaprenderer.h"
#include "pendulumqgiscompat.h"
#include "pendulumtest.h"
#include "pendulumtestcli.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>

#include "qgsarchive.h"
#include "qgscoordinatetransform.h"
#include "qgslayertree.h"
#include "qgslayertreegroup.h"
#include "qgslayertreelayer.h"
#include "qgslayoutatlas.h"
#include "qgslayoutmanager.h"
#include "qgsmaplayertemporalproperties.h"
#include "qgsmaprenderersequentialjob.h"
#include "qgsmapsettings.h"
#include "qgsprintlayout.h"
#include "qgsproject.h"
#include "qgsprojecttimesettings.h"
#include "qgsvectorlayer.h"

/**
 * `pendulum project`: the written project read back by plain QGIS (QgsProject::read, no
 * Pendulum code), as a user of a stock QGIS without the plugin opens it.
 */
class TestPendulumProjectCommand : public QObject
{
  Q_OBJECT

private slots:
  void init();
  void usageErrors_data();
  void usageErrors();
  void refusesToReplaceTheData();
  void writesAProjectThatTravels();

private:
  using Result = PendulumTestCli::Result;
  Result run( const QStringList &arguments ) const;
  //! The colour at Toyohara (southern Sakhalin) on \a date, drawn from \a layers (top first) as QGIS does.
  static QRgb toyohara( const QList<QgsMapLayer *> &layers, const QgsCoordinateReferenceSystem &crs,
                        const QDate &date );
  static QgsRectangle toyoharaExtent( const QgsCoordinateReferenceSystem &crs );

  std::unique_ptr<QTemporaryDir> mDir;
};

void TestPendulumProjectCommand::init()
{
  mDir = std::make_unique<QTemporaryDir>();
}

TestPendulumProjectCommand::Result TestPendulumProjectCommand::run( const QStringList &arguments ) const
{
  return PendulumTestCli::run( arguments, PendulumTestCli::environment( mDir->path() ), mDir->path() );
}

void TestPendulumProjectCommand::usageErrors_data()
{
  QTest::addColumn<QStringList>( "arguments" );
  QTest::addColumn<QString>( "message" );
  QTest::newRow( "no out" ) << QStringList{ "project" } << "pendulum project: --out is required";
  QTest::newRow( "suffix" ) << QStringList{ "project", "--out", "p.gpkg" }
                            << "pendulum project: --out: p.gpkg is not a .qgz or .qgs file";
  QTest::newRow( "lang" ) << QStringList{ "project", "--out", "p.qgz", "--lang", "fr" }
                          << "pendulum project: --lang: 'fr' is not en, ja or ru";
  QTest::newRow( "folder" ) << QStringList{ "project", "--out", "missing/p.qgz" } << "pendulum project: ";
}

void TestPendulumProjectCommand::usageErrors()
{
  QFETCH( QStringList, arguments );
  QFETCH( QString, message );
  const Result result = run( arguments );
  const QString problem = PendulumTestCli::usageErrorProblem( result, message );
  QVERIFY2( problem.isEmpty(), qPrintable( problem ) );
  QVERIFY( QDir( mDir->path() ).entryList( QDir::Files ).isEmpty() );
}

void TestPendulumProjectCommand::refusesToReplaceTheData()
{
  // An --out that leads to the GeoPackage it reads (here through a link) is refused, the data untouched.
  const QString data = mDir->filePath( QStringLiteral( "record.gpkg" ) );
  QVERIFY( QFile::copy( QStringLiteral( PENDULUM_TEST_RECORD ), data ) );
  QVERIFY( QFile::link( data, mDir->filePath( QStringLiteral( "p.qgz" ) ) ) );
  const qint64 size = QFileInfo( data ).size();
  const QDateTime modified = QFileInfo( data ).lastModified();
  const Result result = run( { "project", "--out", "p.qgz", "--data", "record.gpkg" } );
  const QString problem =
      PendulumTestCli::usageErrorProblem( result, QStringLiteral( "pendulum project: " ) );
  QVERIFY2( problem.isEmpty(), qPrintable( problem ) );
  QCOMPARE( QFileInfo( data ).size(), size );
  QCOMPARE( QFileInfo( data ).lastModified(), modified );
}

QgsRectangle TestPendulumProjectCommand::toyoharaExtent( const QgsCoordinateReferenceSystem &crs )
{
  // Toyohara (Yuzhno-Sakhalinsk), 46.96°N 142.74°E: Russian until 1905, then Japanese Karafuto.
  const QgsCoordinateTransform transform( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), crs,
                                          QgsProject::instance()->transformContext() );
  const QgsPointXY centre = transform.transform( QgsPointXY( 142.74, 46.96 ) );
  return QgsRectangle( centre.x() - 20000, centre.y() - 20000, centre.x() + 20000, centre.y() + 20000 );
}

QRgb TestPendulumProjectCommand::toyohara( const QList<QgsMapLayer *> &layers,
                                           const QgsCoordinateReferenceSystem &crs, const QDate &date )
{
  // What the Temporal Controller hands the canvas: the month's frame, its end excluded.
  QgsMapSettings settings;
  settings.setLayers( layers );
  settings.setDestinationCrs( crs );
  settings.setExtent( toyoharaExtent( crs ) );
  settings.setOutputSize( QSize( 41, 41 ) );
  settings.setBackgroundColor( PendulumMapRenderer::backgroundColor() );
  settings.setFlag( Qgis::MapSettingsFlag::DrawLabeling, false );
  settings.setIsTemporal( true );
  settings.setTemporalRange( QgsDateTimeRange(
      QDateTime( date, QTime( 0, 0 ) ), QDateTime( date.addMonths( 1 ), QTime( 0, 0 ) ), true, false ) );
  QgsMapRendererSequentialJob job( settings );
  job.start();
  job.waitForFinished();
  return job.renderedImage().pixel( 20, 20 );
}

void TestPendulumProjectCommand::writesAProjectThatTravels()
{
  QVERIFY( QDir( mDir->path() ).mkpath( QStringLiteral( "share/data" ) ) );
  QVERIFY(
      QFile::copy( QStringLiteral( PENDULUM_TEST_RECORD ), mDir->filePath( "share/data/record.gpkg" ) ) );
  const Result result =
      run( { "project", "--out", "share/pendulum.qgz", "--data", "share/data/record.gpkg", "--lang", "ja" } );
  QVERIFY2( result.code == 0, qPrintable( result.err ) );
  QVERIFY2( result.out.contains( QStringLiteral( "data/record.gpkg" ) ), qPrintable( result.out ) );
  // Nothing but the project is left beside it (no temporary file).
  QCOMPARE( QDir( mDir->filePath( "share" ) ).entryList( QDir::Files | QDir::Hidden ),
            QStringList{ QStringLiteral( "pendulum.qgz" ) } );

  // The layers' source is relative: the folder moves (or is zipped and sent) and still opens.
  QgsProjectArchive archive;
  QVERIFY( archive.unzip( mDir->filePath( "share/pendulum.qgz" ) ) );
  QFile qgs( archive.projectFile() );
  QVERIFY( qgs.open( QIODevice::ReadOnly ) );
  const QString xml = QString::fromUtf8( qgs.readAll() );
  // Every layer's <datasource> (layout map items keep the absolute path beside the layer id
  // only as a fallback: QGIS finds their layers by id).
  const QRegularExpression datasource( QStringLiteral( "<datasource>([^<]+)</datasource>" ) );
  int sources = 0;
  for ( QRegularExpressionMatchIterator match = datasource.globalMatch( xml ); match.hasNext(); ++sources )
  {
    const QString source = match.next().captured( 1 );
    QVERIFY2( source.startsWith( QStringLiteral( "./data/record.gpkg|layername=" ) ), qPrintable( source ) );
  }
  QVERIFY( sources >= 5 );
  QVERIFY( QDir( mDir->path() ).rename( QStringLiteral( "share" ), QStringLiteral( "moved" ) ) );

  QgsProject project;
  QVERIFY( project.read( mDir->filePath( "moved/pendulum.qgz" ) ) );
  const QList<QgsLayerTreeGroup *> groups = project.layerTreeRoot()->findGroups();
  QCOMPARE( groups.size(), 1 );
  QList<QgsMapLayer *> layers;
  for ( QgsLayerTreeLayer *node : groups.first()->findLayers() )
  {
    QVERIFY( node->layer() );
    QVERIFY2( node->layer()->isValid(), qPrintable( node->layer()->source() ) );
    layers << node->layer();
  }
  QCOMPARE( layers.size(), project.mapLayers().size() );
  QVERIFY( layers.size() >= 5 );
  QVERIFY( project.crs().toProj().contains( QStringLiteral( "+proj=lcc" ) ) );

  // Time: the Temporal Controller opens animated, one month a frame, over the record.
  const QgsProjectTimeSettings *time = project.timeSettings();
  QCOMPARE( time->temporalRange().begin().date(), QDate( 1855, 1, 1 ) );
  QVERIFY( time->temporalRange().end().date() >= QDate::currentDate() );
  QCOMPARE( time->timeStep(), 1.0 );
  QCOMPARE( time->timeStepUnit(), PendulumQgis::TemporalUnit::Months );
  QVERIFY( !time->isTemporalRangeCumulative() );
  QCOMPARE( project.readNumEntry( QStringLiteral( "TemporalControllerWidget" ),
                                  QStringLiteral( "/NavigationMode" ) ),
            static_cast<int>( PendulumQgis::TemporalNavigationMode::Animated ) );
  // The date label: QGIS's Title Label decoration, on, with the frame's date.
  QVERIFY( project.readBoolEntry( QStringLiteral( "TitleLabel" ), QStringLiteral( "/Enabled" ) ) );
  QVERIFY( project.readEntry( QStringLiteral( "TitleLabel" ), QStringLiteral( "/Label" ) )
               .contains( QStringLiteral( "@map_start_time" ) ) );

  // The map layout and the events atlas.
  const QList<QgsPrintLayout *> layouts = project.layoutManager()->printLayouts();
  QCOMPARE( layouts.size(), 2 );
  int atlases = 0;
  for ( QgsPrintLayout *layout : layouts )
  {
    QVERIFY( layout->itemById( QStringLiteral( "map" ) ) );
    if ( layout->atlas()->enabled() )
    {
      ++atlases;
      QVERIFY( layout->atlas()->coverageLayer() );
      QVERIFY( layout->atlas()->updateFeatures() > 0 );
    }
  }
  QCOMPARE( atlases, 1 );

  // Every time-enabled layer with the map tip in the chosen language.
  for ( QgsMapLayer *layer : layers )
  {
    auto *vector = qobject_cast<QgsVectorLayer *>( layer );
    if ( vector->temporalProperties()->isActive() && vector->fields().lookupField( "popup_ja" ) >= 0 )
      QVERIFY2( vector->mapTipTemplate().contains( QStringLiteral( "popup_ja" ) ),
                qPrintable( vector->name() ) );
  }

  // Toyohara changes hands between the two dates in stock QGIS as in Pendulum's own render.
  const QRgb stock1900 = toyohara( layers, project.crs(), QDate( 1900, 1, 1 ) );
  const QRgb stock1910 = toyohara( layers, project.crs(), QDate( 1910, 1, 1 ) );
  QVERIFY( stock1900 != stock1910 );

  QString error;
  std::unique_ptr<PendulumDataset> dataset =
      PendulumDataset::open( mDir->filePath( "moved/data/record.gpkg" ), &error );
  QVERIFY2( dataset, qPrintable( error ) );
  const QList<QgsVectorLayer *> own = dataset->createLayers( QStringLiteral( "ja" ), &error );
  QList<QgsMapLayer *> ownLayers;
  for ( QgsVectorLayer *layer : own )
    ownLayers << layer;
  const PendulumMapRenderer renderer( ownLayers );
  for ( const auto &day :
        { qMakePair( QDate( 1900, 1, 1 ), stock1900 ), qMakePair( QDate( 1910, 1, 1 ), stock1910 ) } )
  {
    PendulumMapRequest request;
    request.date = day.first;
    request.size = QSize( 41, 41 );
    request.extent = toyoharaExtent( project.crs() );
    request.dateLabel = false;
    request.labels = false;
    const QRgb pendulum = renderer.render( request ).pixel( 20, 20 );
    QVERIFY2( pendulum == day.second, qPrintable( QStringLiteral( "%1: Pendulum %2, stock QGIS %3" )
                                                      .arg( day.first.toString( Qt::ISODate ) )
                                                      .arg( pendulum, 8, 16 )
                                                      .arg( day.second, 8, 16 ) ) );
  }
  qDeleteAll( own );
}

PENDULUM_TEST_MAIN( TestPendulumProjectCommand )
#include "testpendulumprojectcommand.moc"
