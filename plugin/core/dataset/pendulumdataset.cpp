#include "pendulumdataset.h"

#include "pendulumbibliography.h"
#include "pendulumfilekind.h"
#include "pendulumgdalmessagefilter.h"
#include "pendulumgeopackageuse.h"
#include "pendulumlanguage.h"
#include "pendulumlayerlanguage.h"
#include "pendulumlayermetadata.h"
#include "pendulummarkupcheck.h"
#include "pendulumschema.h"
#include "pendulumtemporal.h"

#include <QFileInfo>
#include <QHash>
#include <unistd.h>

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include "qgsvectorlayer.h"

namespace
{
//! Reads the key/value rows of the metadata table; empty if the file has none.
QHash<QString, QByteArray> readMeta( const QString &path, QString *error )
{
  QHash<QString, QByteArray> meta;
  CPLPushErrorHandler( CPLQuietErrorHandler );
  GDALAllRegister();
  const char *drivers[] = { "GPKG", nullptr };
  GDALDatasetH dataset = GDALOpenEx( QFile::encodeName( path ).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                     drivers, nullptr, nullptr );
  if ( !dataset )
  {
    const QString detail = QString::fromUtf8( CPLGetLastErrorMsg() );
    *error = detail.isEmpty() ? QStringLiteral( "%1: not a GeoPackage" ).arg( path )
                              : QStringLiteral( "%1: not a GeoPackage (%2)" ).arg( path, detail );
    CPLPopErrorHandler();
    return meta;
  }
  OGRLayerH layer = GDALDatasetGetLayerByName( dataset, PendulumSchema::metaTable().toUtf8().constData() );
  if ( layer )
  {
    OGR_L_ResetReading( layer );
    while ( OGRFeatureH feature = OGR_L_GetNextFeature( layer ) )
    {
      meta.insert( QString::fromUtf8( OGR_F_GetFieldAsString( feature, 0 ) ),
                   QByteArray( OGR_F_GetFieldAsString( feature, 1 ) ) );
      OGR_F_Destroy( feature );
    }
  }
  else
  {
    *error = QStringLiteral(
                 "%1: a GeoPackage, but not a Pendulum one (no %2 table); build one with `pendulum build`" )
                 .arg( path, PendulumSchema::metaTable() );
  }
  GDALClose( dataset );
  CPLPopErrorHandler();
  return meta;
}

} // namespace

std::unique_ptr<PendulumDataset> PendulumDataset::open( const QString &path, QString *error )
{
  const QFileInfo info( path );
  if ( !info.exists() )
  {
    *error = QStringLiteral( "%1: no such file; build it with `pendulum build` or name another with --data" )
                 .arg( path );
    return nullptr;
  }
  const QString kind = PendulumFileKind::irregular( path );
  if ( !kind.isEmpty() )
  {
    *error = QStringLiteral( "%1: is %2, not a GeoPackage" ).arg( path, kind );
    return nullptr;
  }
  error->clear();
  const QHash<QString, QByteArray> meta = readMeta( path, error );
  if ( meta.isEmpty() )
  {
    // SQLite says "database is locked" and GDAL then "not a GeoPackage": say who has it.
    const QString inUse = PendulumGeoPackageUse::check( path );
    if ( !inUse.isEmpty() )
    {
      *error = inUse + QStringLiteral( "; try again when it is done" );
      return nullptr;
    }
    // A table that is there but cannot be read: a damaged (e.g. truncated) file.
    if ( error->isEmpty() )
      *error = QStringLiteral( "%1: the %2 table is empty or unreadable, the file may be damaged; rebuild it "
                               "with `pendulum build`" )
                   .arg( path, PendulumSchema::metaTable() );
    return nullptr;
  }

  const QByteArray versionText = meta.value( QStringLiteral( "schema_version" ) );
  const int version = versionText.toInt();
  if ( versionText.isEmpty() )
  {
    *error = QStringLiteral( "%1: has no data schema version (the file may be damaged or not made by "
                             "Pendulum); rebuild it with `pendulum build`" )
                 .arg( path );
    return nullptr;
  }
  if ( version != PendulumSchema::version() )
  {
    *error =
        QStringLiteral(
            "%1: built for data schema %2, this Pendulum reads schema %3; rebuild it with `pendulum build`" )
            .arg( path )
            .arg( version )
            .arg( PendulumSchema::version() );
    return nullptr;
  }

  std::unique_ptr<PendulumDataset> dataset( new PendulumDataset() );
  dataset->mPath = QFileInfo( path ).absoluteFilePath();
  dataset->mSources = meta.value( QStringLiteral( "sources" ) );
  dataset->mSummaries = PendulumLayerSummary::parseAll( meta.value( PendulumLayerSummary::summariesKey() ) );
  if ( !dataset->mCatalog.fromJson( meta.value( QStringLiteral( "catalog" ) ), error ) )
  {
    *error = QStringLiteral( "%1: %2; rebuild it with `pendulum build`" ).arg( path, *error );
    return nullptr;
  }
  return dataset;
}

QgsVectorLayer *PendulumDataset::createLayer( const PendulumLayerInfo &info, const QString &language,
                                              QString *error ) const
{
  QgsVectorLayer::LayerOptions options;
  options.loadDefaultStyle = true;
  // QGIS 3.22 opens every GeoPackage for update first: on a read-only one GDAL warns
  // "Permission denied" before QGIS opens it read-only. Nothing is wrong: say nothing.
  std::unique_ptr<PendulumGdalMessageFilter> readOnly;
  if ( ::access( QFile::encodeName( mPath ).constData(), W_OK ) != 0 )
    readOnly = std::make_unique<PendulumGdalMessageFilter>( CPLE_OpenFailed, "Permission denied" );
  std::unique_ptr<QgsVectorLayer> layer =
      std::make_unique<QgsVectorLayer>( QStringLiteral( "%1|layername=%2" ).arg( mPath, info.id ),
                                        info.title( language ), QStringLiteral( "ogr" ), options );
  readOnly.reset();
  if ( !layer->isValid() )
  {
    *error = QStringLiteral( "%1: layer '%2' cannot be opened (the file may be damaged); rebuild it with "
                             "`pendulum build`" )
                 .arg( mPath, info.id );
    return nullptr;
  }
  // Its popups are shown as markup in map tips and forms: only if they are what `pendulum build` wrote.
  QString markupError;
  if ( !PendulumMarkupCheck::check( layer.get(), &markupError ) )
  {
    *error = QStringLiteral( "%1: layer '%2': %3; rebuild it with `pendulum build`" )
                 .arg( mPath, info.id, markupError );
    return nullptr;
  }
  // The bundled record is read-only: users edit a copy.
  layer->setReadOnly( true );
  layer->setCustomProperty( layerIdProperty(), info.id );
  if ( info.temporal )
    PendulumTemporal::configure( layer.get() );
  // Name, labels, map tips and form in the chosen language, and metadata from the catalog and bibliography.
  PendulumLayerLanguage::apply( layer.get(), info, language );
  PendulumBibliography bibliography;
  QString sourcesError;
  bibliography.fromJson( mSources, &sourcesError ); // checked when built; a bad one only loses the links
  // What the build stored costs nothing to read; scanning every feature grows with the record.
  const auto summary = mSummaries.constFind( info.id );
  layer->setMetadata(
      summary != mSummaries.constEnd()
          ? PendulumLayerMetadata::create( layer.get(), info, bibliography, language, *summary )
          : PendulumLayerMetadata::create( layer.get(), info, bibliography, language ) );
  return layer.release();
}

QList<QgsVectorLayer *> PendulumDataset::createLayers( const QString &language, QString *error ) const
{
  QList<QgsVectorLayer *> layers;
  for ( const PendulumLayerInfo &info : mCatalog.layers() )
  {
    QgsVectorLayer *layer = createLayer( info, language, error );
    if ( !layer )
    {
      qDeleteAll( layers );
      return {};
    }
    layers << layer;
  }
  return layers;
}
