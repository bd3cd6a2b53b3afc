#include "pendulumdatacopy.h"
#include "pendulumdataset.h"
#include "pendulumhostile.h"
#include "pendulumprojectloader.h"
#include "pendulumprojectrecord.h"
#include "pendulumprojectversion.h"
#include "pendulumtest.h"
#include "pendulumtestcli.h"

#include <QRandomGenerator>
#include <gdal.h>
#include <ogr_api.h>

#include "qgsfeatureiterator.h"
#include "qgslayertreegroup.h"
#include "qgsproject.h"
#include "qgsvectorlayer.h"
#include "qgsvectorlayertemporalproperties.h"

/**
 * A GeoPackage or a project that is missing, damaged, of another data schema
 * or saved by another Pendulum: opening it is refused with one message that
 * names the file and says what to do (the plugin puts it in QGIS's message
 * bar, the tool prints it and exits 1), never a crash. The bundled record is
 * never written; "Edit a Copy" copies it to a file of the user's choosing,
 * never over an existing file unless told, and points the layers there.
 */
class TestPendulumHostileData : public QObject
{
  Q_OBJECT

private slots:
  void initTestCase();
  void brokenGeoPackageIsRefused_data();
  void brokenGeoPackageIsRefused();
  void projectOfAnotherPendulumIsNamed();
  void projectOnAnOutdatedGeoPackageIsNamed();
  void bundledRecordIsNeverWritten();
  void editACopy();
  void copyNeverOverwritesUnasked();
  void copyRefuses_data();
  void copyRefuses();

private:
  //! A copy of the bundled record at \a path changed by \a sql (run by GDAL on the GeoPackage).
  bool copyWithSql( const QString &path, const QString &sql );
  //! The Pendulum layers of a new project loaded from \a gpkg.
  std::unique_ptr<QgsProject> load( const QString &gpkg );

  QTemporaryDir mDir;
  QString mBundled;
  QByteArray mBundledHash;
};

void TestPendulumHostileData::initTestCase()
{
  // A copy stands in for the bundled record, so that this test can prove what it does not do to it.
  mBundled = mDir.filePath( QStringLiteral( "bundled.gpkg" ) );
  QVERIFY( QFile::copy( QStringLiteral( PENDULUM_TEST_RECORD ), mBundled ) );
  mBundledHash = PendulumHostile::sha256( mBundled );
}

bool TestPendulumHostileData::copyWithSql( const QString &path, const QString &sql )
{
  QFile::remove( path );
  if ( !QFile::copy( mBundled, path ) )
    return false;
  GDALDatasetH dataset = GDALOpenEx( QFile::encodeName( path ).constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                     nullptr, nullptr, nullptr );
  if ( !dataset )
    return false;
  if ( sql.startsWith( QLatin1String( "DELETE LAYER " ) ) )
  {
    for ( int i = 0; i < GDALDatasetGetLayerCount( dataset ); ++i )
    {
      if ( QString::fromUtf8( OGR_L_GetName( GDALDatasetGetLayer( dataset, i ) ) ) == sql.mid( 13 ) )
        GDALDatasetDeleteLayer( dataset, i );
    }
  }
  else
  {
    OGRLayerH result = GDALDatasetExecuteSQL( dataset, sql.toUtf8().constData(), nullptr, nullptr );
    if ( result )
      GDALDatasetReleaseResultSet( dataset, result );
  }
  GDALClose( dataset );
  return true;
}

std::unique_ptr<QgsProject> TestPendulumHostileData::load( const QString &gpkg )
{
  auto project = std::make_unique<QgsProject>();
  QString error;
  std::unique_ptr<PendulumDataset> dataset = PendulumDataset::open( gpkg, &error );
  if ( !dataset || !PendulumProjectLoader::load( project.get(), *dataset, QStringLiteral( "en" ), &error ) )
  {
    qWarning() << error;
    return nullptr;
  }
  return project;
}

void TestPendulumHostileData::brokenGeoPackageIsRefused_data()
{
  QTest::addColumn<QString>( "kind" );
  QTest::addColumn<QString>( "expected" ); //!< after "<path>: "
  QTest::addColumn<bool>( "opens" );       //!< opens, but its layers do not
  QTest::newRow( "missing" ) << "missing"
                             << "no such file; build it with `pendulum build` or name another with --data"
                             << false;
  QTest::newRow( "folder" ) << "folder"
                            << "is a folder, not a GeoPackage" << false;
  QTest::newRow( "empty file" ) << "empty"
                                << "not a GeoPackage" << false;
  QTest::newRow( "random bytes" ) << "random"
                                  << "not a GeoPackage" << false;
  QTest::newRow( "a web page" ) << "html"
                                << "not a GeoPackage" << false;
  QTest::newRow( "truncated" ) << "truncated"
                               << "" << false;
  QTest::newRow( "SQLite, not GeoPackage" ) << "sqlite"
                                            << "not a GeoPackage" << false;
  QTest::newRow( "not Pendulum's" )
      << "world"
      << "a GeoPackage, but not a Pendulum one (no pendulum_meta table); build one with `pendulum build`"
      << false;
  QTest::newRow( "older schema" )
      << "UPDATE pendulum_meta SET value = '0' WHERE key = 'schema_version'"
      << "built for data schema 0, this Pendulum reads schema 1; rebuild it with `pendulum build`" << false;
  QTest::newRow( "newer schema" )
      << "UPDATE pendulum_meta SET value = '7' WHERE key = 'schema_version'"
      << "built for data schema 7, this Pendulum reads schema 1; rebuild it with `pendulum build`" << false;
  QTest::newRow( "no schema version" )
      << "DELETE FROM pendulum_meta WHERE key = 'schema_version'"
      << "has no data schema version (the file may be damaged or not made by Pendulum); "
         "rebuild it with `pendulum build`"
      << false;
  QTest::newRow( "empty metadata" )
      << "DELETE FROM pendulum_meta"
      << "the pendulum_meta table is empty or unreadable, the file may be damaged; rebuild "
         "it with `pendulum build`"
      << false;
  QTest::newRow( "broken catalog" )
      << "UPDATE pendulum_meta SET value = '{\"layers\": [' WHERE key = 'catalog'"
      << "catalog: line 1: not valid JSON (" << false;
  // Popups are shown as markup: ones changed after the build are refused.
  QTest::newRow( "script in a popup" )
      << "UPDATE border_1905 SET popup_en = '<div><script>document.title=1</script></div>' WHERE id = "
         "'karafuto-1905'"
      << "layer 'border_1905': feature 'karafuto-1905': popup_en holds markup Pendulum never writes "
         "(<script>), so the "
         "file was changed after it was built; rebuild it with `pendulum build`"
      << true;
  QTest::newRow( "image in a popup" ) << "UPDATE events SET popup_ja = popup_ja || '<img src=x "
                                         "onerror=alert(1)>' WHERE id = 'treaty-of-portsmouth-1905'"
                                      << "layer 'events': feature 'treaty-of-portsmouth-1905': popup_ja "
                                         "holds markup Pendulum never writes (<img src=x "
                                         "onerror=alert(1)>)"
                                      << true;
  QTest::newRow( "javascript: link in a popup" )
      << "UPDATE border_1905 SET popup_ru = '<a href=\"javascript:alert(1)\">x</a>' WHERE id = "
         "'karafuto-1905'"
      << "layer 'border_1905': feature 'karafuto-1905': popup_ru holds markup Pendulum never writes (<a "
         "href=\"javascript:alert(1)\">)"
      << true;
  // An allow-list of what Pendulum writes, not a list of known attacks.
  QTest::newRow( "CSS overlay in a popup" )
      << "UPDATE border_1905 SET popup_en = '<div style=\"position:fixed;top:0;left:0\">x</div>' WHERE id = "
         "'karafuto-1905'"
      << "layer 'border_1905': feature 'karafuto-1905': popup_en holds markup Pendulum never writes (<div "
         "style=\"position:fixed;top:0;left:0\">)"
      << true;
  QTest::newRow( "bidi override in a popup" )
      << "UPDATE border_1905 SET popup_en = '<div>' || char(8238) || 'napaJ</div>' WHERE id = 'karafuto-1905'"
      << "layer 'border_1905': feature 'karafuto-1905': popup_en holds markup Pendulum never writes (U+202E)"
      << true;
  QTest::newRow( "a layer's table gone" )
      << "DELETE LAYER events"
      << "layer 'events' cannot be opened (the file may be damaged); rebuild it with "
         "`pendulum build`"
      << true;
}

void TestPendulumHostileData::brokenGeoPackageIsRefused()
{
  QFETCH( QString, kind );
  QFETCH( QString, expected );
  QFETCH( bool, opens );
  QTemporaryDir dir;
  QString path = dir.filePath( QStringLiteral( "broken.gpkg" ) );
  if ( kind == QLatin1String( "folder" ) )
    QVERIFY( QDir().mkdir( path ) );
  else if ( kind == QLatin1String( "empty" ) )
    QVERIFY( PendulumHostile::write( path, QByteArray() ) );
  else if ( kind == QLatin1String( "random" ) )
  {
    QByteArray noise( 65536, Qt::Uninitialized );
    QRandomGenerator generator( 7 );
    for ( char &byte : noise )
      byte = char( generator.bounded( 256 ) );
    QVERIFY( PendulumHostile::write( path, noise ) );
  }
  else if ( kind == QLatin1String( "html" ) )
    QVERIFY( PendulumHostile::write( path, "<html><body>Pendulum record</body></html>\n" ) );
  else if ( kind == QLatin1String( "truncated" ) )
  {
    QFile bundled( mBundled );
    QVERIFY( bundled.open( QIODevice::ReadOnly ) );
    QVERIFY( PendulumHostile::write( path, bundled.read( 100 * 1024 ) ) );
  }
  else if ( kind == QLatin1String( "sqlite" ) )
  {
    GDALDatasetH sqlite = GDALCreate( GDALGetDriverByName( "SQLite" ), QFile::encodeName( path ).constData(),
                                      0, 0, 0, GDT_Unknown, nullptr );
    QVERIFY( sqlite );
    GDALDatasetCreateLayer( sqlite, "notes", nullptr, wkbNone, nullptr );
    GDALClose( sqlite );
  }
  else if ( kind == QLatin1String( "world" ) )
    path = PendulumPaths::qgisPrefix() + QStringLiteral( "/share/qgis/resources/data/world_map.gpkg" );
  else if ( kind != QLatin1String( "missing" ) )
    QVERIFY( copyWithSql( path, kind ) );

  QString error;
  std::unique_ptr<PendulumDataset> dataset = PendulumDataset::open( path, &error );
  if ( opens )
  {
    QVERIFY2( dataset, qPrintable( error ) );
    QVERIFY( dataset->createLayers( QStringLiteral( "en" ), &error ).isEmpty() );
  }
  else
  {
    QVERIFY( !dataset );
  }
  QVERIFY2( error.startsWith( path + QStringLiteral( ": " ) + expected ), qPrintable( error ) );
  // Whatever the damage, the message says what to do.
  QVERIFY2( error.contains( QLatin1String( "`pendulum build`" ) ) ||
                error.contains( QLatin1String( "--data" ) ) ||
                error.contains( QLatin1String( "not a GeoPackage" ) ),
            qPrintable( error ) );

  // The tool: that message, exit 1, no map.
  QTemporaryDir home;
  const QString out = dir.filePath( QStringLiteral( "map.png" ) );
  const PendulumTestCli::Result result = PendulumTestCli::run(
      { "map", "--date", "1910-01-01", "--size", "64x64", "--out", out, "--data", path },
      PendulumTestCli::environment( home.path() ) );
  QCOMPARE( result.code, 1 );
  QCOMPARE( result.err, QStringLiteral( "pendulum map: %1\n" ).arg( error ) );
  QVERIFY( !QFileInfo::exists( out ) );
}

void TestPendulumHostileData::projectOfAnotherPendulumIsNamed()
{
  QgsProject empty;
  QCOMPARE( PendulumProjectVersion::check( &empty ), QString() ); // no Pendulum layers, nothing to say

  std::unique_ptr<QgsProject> project = load( mBundled );
  QVERIFY( project );
  QCOMPARE( PendulumProjectVersion::stored( project.get() ), QStringLiteral( PENDULUM_VERSION ) );
  QCOMPARE( PendulumProjectVersion::check( project.get() ), QString() );

  // Saved, then read back as a user opens it, with the version another Pendulum wrote.
  const QString file = mDir.filePath( QStringLiteral( "old.qgz" ) );
  const auto savedAs = [&]( const QString &version )
  {
    if ( version.isNull() )
      project->removeEntry( QStringLiteral( "Pendulum" ), QStringLiteral( "/version" ) );
    else
      project->writeEntry( QStringLiteral( "Pendulum" ), QStringLiteral( "/version" ), version );
    project->write( file );
    QgsProject reopened;
    reopened.read( file );
    return PendulumProjectVersion::check( &reopened );
  };
  QString warning = savedAs( QStringLiteral( "0.0.9" ) );
  QVERIFY2(
      warning.startsWith( QStringLiteral( "This project's historical layers were added by Pendulum 0.0.9, "
                                          "older than this Pendulum %1" )
                              .arg( PENDULUM_VERSION ) ),
      qPrintable( warning ) );
  QVERIFY( warning.contains( QStringLiteral( "choose Plugins ▸ Pendulum ▸ Add Historical Layers" ) ) );
  warning = savedAs( QString() );
  QVERIFY2( warning.startsWith(
                QLatin1String( "This project's historical layers were added by an older Pendulum" ) ),
            qPrintable( warning ) );
  warning = savedAs( QStringLiteral( "9.0.0" ) );
  QVERIFY2( warning.contains( QLatin1String( "newer than this" ) ) &&
                warning.endsWith( QLatin1String( "Update the Pendulum plugin." ) ),
            qPrintable( warning ) );
  QCOMPARE( savedAs( QStringLiteral( PENDULUM_VERSION ) ), QString() );
}

void TestPendulumHostileData::projectOnAnOutdatedGeoPackageIsNamed()
{
  // A project saved over a record that was later rebuilt by another Pendulum (schema 0).
  const QString gpkg = mDir.filePath( QStringLiteral( "later.gpkg" ) );
  QVERIFY( QFile::copy( mBundled, gpkg ) );
  std::unique_ptr<QgsProject> project = load( gpkg );
  QVERIFY( project );
  const QString file = mDir.filePath( QStringLiteral( "later.qgz" ) );
  QVERIFY( project->write( file ) );
  project.reset();
  QVERIFY( copyWithSql(
      gpkg, QStringLiteral( "UPDATE pendulum_meta SET value = '0' WHERE key = 'schema_version'" ) ) );

  QgsProject reopened;
  QVERIFY( reopened.read( file ) );
  // What the desktop does on reading a project (PendulumDesktop::refresh): the layers' GeoPackage.
  const QString path = PendulumProjectRecord::dataPath( PendulumProjectRecord::layers( &reopened ) );
  QCOMPARE( QFileInfo( path ).canonicalFilePath(), QFileInfo( gpkg ).canonicalFilePath() );
  QString error;
  QVERIFY( !PendulumDataset::open( path, &error ) );
  QVERIFY2(
      error.endsWith( QLatin1String( "built for data schema 0, this Pendulum reads schema 1; rebuild it with "
                                     "`pendulum build`" ) ),
      qPrintable( error ) );
}

void TestPendulumHostileData::bundledRecordIsNeverWritten()
{
  {
    std::unique_ptr<QgsProject> project = load( mBundled );
    QVERIFY( project );
    const QList<QgsVectorLayer *> layers = PendulumProjectRecord::layers( project.get() );
    QCOMPARE( layers.size(), 9 );
    for ( QgsVectorLayer *layer : layers )
    {
      QVERIFY( layer->readOnly() );
      QVERIFY( !layer->startEditing() ); // QGIS itself refuses to edit
      QgsFeature feature;
      QgsFeatureIterator it = layer->getFeatures();
      while ( it.nextFeature( feature ) )
        ;
    }
    QVERIFY( project->write( mDir.filePath( QStringLiteral( "bundled.qgz" ) ) ) );
  }
  QCOMPARE( PendulumHostile::sha256( mBundled ), mBundledHash );
  for ( const QString &entry : PendulumHostile::entries( mDir.path() ) )
    QVERIFY2( !entry.startsWith( QLatin1String( "bundled.gpkg-" ) ),
              qPrintable( entry ) ); // no -wal, -shm, -journal
}

void TestPendulumHostileData::editACopy()
{
  std::unique_ptr<QgsProject> project = load( mBundled );
  QVERIFY( project );
  const QString copy = mDir.filePath( QStringLiteral( "my copy.gpkg" ) );
  QString error;
  QVERIFY2( PendulumDataCopy::copy( mBundled, copy, PendulumDataCopy::Existing::Keep, &error ),
            qPrintable( error ) );
  QCOMPARE( PendulumDataCopy::repoint( project.get(), copy, &error ), 9 );
  QCOMPARE( PendulumProjectLoader::findGroup( project.get() )
                ->customProperty( PendulumProjectLoader::groupProperty() )
                .toString(),
            QFileInfo( copy ).absoluteFilePath() );

  QgsVectorLayer *border = nullptr;
  for ( QgsVectorLayer *layer : PendulumProjectRecord::layers( project.get() ) )
  {
    QVERIFY( layer->isValid() );
    QVERIFY( !layer->readOnly() );
    QVERIFY( layer->featureCount() > 0 );
    QCOMPARE( QFileInfo( PendulumProjectRecord::dataPath( { layer } ) ).absoluteFilePath(),
              QFileInfo( copy ).absoluteFilePath() );
    QVERIFY( !layer->mapTipTemplate().isEmpty() ); // what Pendulum set on the layer stays
    if ( layer->customProperty( PendulumDataset::layerIdProperty() ).toString() ==
         QLatin1String( "border_1905" ) )
      border = layer;
  }
  QVERIFY( border );
  QVERIFY( border->temporalProperties()->isActive() );

  // Edit the copy as a user would.
  QgsFeature karafuto;
  QVERIFY( border->getFeatures( QgsFeatureRequest().setFilterExpression( "\"id\" = 'karafuto-1905'" ) )
               .nextFeature( karafuto ) );
  QVERIFY( border->startEditing() );
  QVERIFY(
      border->changeAttributeValue( karafuto.id(), border->fields().lookupField( "certainty" ), "low" ) );
  QVERIFY( border->commitChanges() );
  project.reset();

  QgsVectorLayer reread( copy + QStringLiteral( "|layername=border_1905" ), QStringLiteral( "copy" ),
                         QStringLiteral( "ogr" ) );
  QgsFeature changed;
  QVERIFY( reread.getFeatures( QgsFeatureRequest().setFilterExpression( "\"id\" = 'karafuto-1905'" ) )
               .nextFeature( changed ) );
  QCOMPARE( changed.attribute( "certainty" ).toString(), QStringLiteral( "low" ) );
  QCOMPARE( PendulumHostile::sha256( mBundled ), mBundledHash );
}

void TestPendulumHostileData::copyNeverOverwritesUnasked()
{
  QTemporaryDir dir;
  const QString mine = dir.filePath( QStringLiteral( "mine.gpkg" ) );
  QVERIFY( PendulumHostile::write( mine, "a year of my own edits" ) );
  QString error;
  QVERIFY( !PendulumDataCopy::copy( mBundled, mine, PendulumDataCopy::Existing::Keep, &error ) );
  QCOMPARE( error,
            QStringLiteral( "%1: already exists and was left as it is; choose another name" ).arg( mine ) );
  QFile file( mine );
  QVERIFY( file.open( QIODevice::ReadOnly ) );
  QCOMPARE( file.readAll(), QByteArray( "a year of my own edits" ) );
  file.close();
  QCOMPARE( PendulumHostile::entries( dir.path() ), QStringList( QStringLiteral( "mine.gpkg" ) ) );

  // Told to (the user agreed in the save dialog): replaced, in one step.
  QVERIFY2( PendulumDataCopy::copy( mBundled, mine, PendulumDataCopy::Existing::Replace, &error ),
            qPrintable( error ) );
  QCOMPARE( PendulumHostile::sha256( mine ), mBundledHash );
  QCOMPARE( PendulumHostile::entries( dir.path() ), QStringList( QStringLiteral( "mine.gpkg" ) ) );
}

void TestPendulumHostileData::copyRefuses_data()
{
  QTest::addColumn<QString>( "source" );
  QTest::addColumn<QString>( "target" );
  QTest::addColumn<QString>( "expected" );
  QTest::newRow( "onto itself" ) << "bundled"
                                 << "bundled"
                                 << "is the record itself; choose another file for the copy";
  QTest::newRow( "not .gpkg" ) << "bundled"
                               << "copy.txt"
                               << "a copy of the record must be a .gpkg file";
  QTest::newRow( "missing folder" ) << "bundled"
                                    << "no/such/folder/copy.gpkg"
                                    << "the folder ";
  QTest::newRow( "a folder" ) << "bundled"
                              << "folder.gpkg"
                              << "is a folder";
  QTest::newRow( "broken source" ) << "broken"
                                   << "copy.gpkg"
                                   << "cannot copy the record: ";
}

void TestPendulumHostileData::copyRefuses()
{
  QFETCH( QString, source );
  QFETCH( QString, target );
  QFETCH( QString, expected );
  QTemporaryDir dir;
  QVERIFY( QDir().mkdir( dir.filePath( QStringLiteral( "folder.gpkg" ) ) ) );
  QString from = mBundled;
  if ( source == QLatin1String( "broken" ) )
  {
    from = dir.filePath( QStringLiteral( "broken.gpkg" ) );
    QVERIFY( PendulumHostile::write( from, "not a GeoPackage" ) );
  }
  const QString to = target == QLatin1String( "bundled" ) ? mBundled : dir.filePath( target );
  const QStringList before = PendulumHostile::entries( dir.path() );
  QString error;
  QVERIFY( !PendulumDataCopy::copy( from, to, PendulumDataCopy::Existing::Replace, &error ) );
  QVERIFY2( error.contains( expected ), qPrintable( error ) );
  QCOMPARE( PendulumHostile::entries( dir.path() ), before );
  QCOMPARE( PendulumHostile::sha256( mBundled ), mBundledHash );
}

PENDULUM_TEST_MAIN( TestPendulumHostileData )
#include "testpendulumhostiledata.moc"
