#include "pendulumdatabuilder.h"

#include "pendulumdate.h"
#include "pendulumfilekind.h"
#include "pendulumgeopackageuse.h"
#include "pendulumlanguage.h"
#include "pendulumlayerlanguage.h"
#include "pendulumlayersummary.h"
#include "pendulumpopup.h"
#include "pendulumqgiscompat.h"
#include "pendulumschema.h"
#include "pendulumtemporal.h"
#include "pendulumtemporaryname.h"
#include "pendulumvalidator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

#include <cpl_error.h>
#include <cstdio>
#include <gdal.h>
#include <memory>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "qgsfeedback.h"
#include "qgsvectorlayer.h"

namespace
{
//! Silences GDAL's own printing for the lifetime of the guard; errors are reported through ours.
struct QuietGdal
{
  QuietGdal() { CPLPushErrorHandler( CPLQuietErrorHandler ); }
  ~QuietGdal() { CPLPopErrorHandler(); }
};

QString gdalError()
{
  const QString message = QString::fromUtf8( CPLGetLastErrorMsg() );
  return message.isEmpty() ? QStringLiteral( "unknown GDAL error" ) : message;
}

//! Removes the temporary GeoPackage unless the build was committed.
struct TemporaryFile
{
  QString path;
  bool keep = false;
  ~TemporaryFile()
  {
    if ( keep )
      return;
    // With what SQLite may have left beside it: a journal never outlives its file.
    for ( const char *suffix : { "", "-journal", "-wal", "-shm" } )
      QFile::remove( path + QLatin1String( suffix ) );
  }
};

QString fieldText( const QJsonValue &value )
{
  if ( value.isString() )
    return value.toString();
  if ( value.isDouble() )
    return QString::number( value.toDouble() );
  if ( value.isBool() )
    return value.toBool() ? QStringLiteral( "true" ) : QStringLiteral( "false" );
  if ( value.isArray() )
    return QString::fromUtf8( QJsonDocument( value.toArray() ).toJson( QJsonDocument::Compact ) );
  if ( value.isObject() )
    return QString::fromUtf8( QJsonDocument( value.toObject() ).toJson( QJsonDocument::Compact ) );
  return QString();
}

} // namespace

PendulumDataBuilder::PendulumDataBuilder( const QString &layersDir, const QString &stylesDir )
    : mLayersDir( layersDir ), mStylesDir( stylesDir )
{
}

bool PendulumDataBuilder::cancelled( QgsFeedback *feedback )
{
  if ( !feedback || !feedback->isCanceled() )
    return false;
  mErrors << QStringLiteral( "the build was cancelled" );
  return true;
}

bool PendulumDataBuilder::build( const QString &outPath, QgsFeedback *feedback )
{
  mErrors.clear();
  mRecord.read( mLayersDir );
  // A record that breaks the schema is never built: the GeoPackage is what QGIS users trust.
  PendulumValidator validator;
  if ( !validator.validate( mRecord ) )
  {
    mErrors = validator.problems();
    return false;
  }

  const QFileInfo target( outPath );
  if ( !target.absoluteDir().exists() )
  {
    mErrors << QStringLiteral( "%1: the folder %2 does not exist" ).arg( outPath, target.absolutePath() );
    return false;
  }
  if ( target.exists() && target.isDir() )
  {
    mErrors << QStringLiteral( "%1: is a folder, not a file" ).arg( outPath );
    return false;
  }

  // Replacing a GeoPackage another program is writing would leave its journal beside the
  // new file, to be rolled into it at the next open: refuse, before and again just before the rename.
  QString inUse = PendulumGeoPackageUse::check( outPath );
  if ( !inUse.isEmpty() )
  {
    mErrors << inUse;
    return false;
  }

  TemporaryFile temporary;
  // Named so that a run after a killed one removes it (and its journal) by name.
  temporary.path = PendulumTemporaryName::unique( target.absolutePath(), target.completeBaseName(),
                                                  QStringLiteral( ".gpkg" ) );

  if ( cancelled( feedback ) || !writeGeoPackage( temporary.path, feedback ) ||
       !storeStyles( temporary.path ) || !useRollbackJournal( temporary.path ) || cancelled( feedback ) )
    return false;

  inUse = PendulumGeoPackageUse::check( outPath );
  if ( !inUse.isEmpty() )
  {
    mErrors << inUse;
    return false;
  }
  // rename() replaces the target atomically on POSIX: readers see the old or the new file, never half of one.
  if ( std::rename( QFile::encodeName( temporary.path ).constData(),
                    QFile::encodeName( target.absoluteFilePath() ).constData() ) != 0 )
  {
    mErrors << QStringLiteral( "%1: cannot replace (%2)" )
                   .arg( outPath, QString::fromLocal8Bit( strerror( errno ) ) );
    return false;
  }
  temporary.keep = true;
  return true;
}

bool PendulumDataBuilder::writeGeoPackage( const QString &path, QgsFeedback *feedback )
{
  QuietGdal quiet;
  GDALAllRegister();
  GDALDriverH driver = GDALGetDriverByName( "GPKG" );
  if ( !driver )
  {
    mErrors << QStringLiteral( "GDAL has no GeoPackage driver" );
    return false;
  }
  GDALDatasetH dataset =
      GDALCreate( driver, QFile::encodeName( path ).constData(), 0, 0, 0, GDT_Unknown, nullptr );
  if ( !dataset )
  {
    mErrors << QStringLiteral( "%1: cannot create (%2)" ).arg( path, gdalError() );
    return false;
  }
  bool ok = true;
  for ( int i = 0; ok && i < mRecord.catalog().layers().size(); ++i )
    ok = !cancelled( feedback ) &&
         writeLayer( dataset, mRecord.catalog().layers().at( i ), mRecord.features( i ) );
  ok = ok && writeMeta( dataset );
  GDALClose( dataset );
  return ok;
}

bool PendulumDataBuilder::writeLayer( GDALDatasetH dataset, const PendulumLayerInfo &info,
                                      const QList<PendulumFeature> &features )
{
  const QString fileName = info.id + QStringLiteral( ".geojson" );
  const bool isPoint = info.geometry == QLatin1String( "point" );

  OGRSpatialReferenceH srs = OSRNewSpatialReference( nullptr );
  OSRImportFromEPSG( srs, 4326 );
  OSRSetAxisMappingStrategy( srs, OAMS_TRADITIONAL_GIS_ORDER );
  const QByteArray identifier = QStringLiteral( "IDENTIFIER=%1" ).arg( info.titleEn ).toUtf8();
  const QByteArray description = QStringLiteral( "DESCRIPTION=%1" ).arg( info.abstract ).toUtf8();
  const char *options[] = { "GEOMETRY_NAME=geom",    "FID=fid", "SPATIAL_INDEX=YES", identifier.constData(),
                            description.constData(), nullptr };
  OGRLayerH layer =
      GDALDatasetCreateLayer( dataset, info.id.toUtf8().constData(), srs,
                              isPoint ? wkbPoint : wkbMultiPolygon, const_cast<char **>( options ) );
  OSRDestroySpatialReference( srs );
  if ( !layer )
  {
    mErrors << QStringLiteral( "%1: cannot create layer (%2)" ).arg( fileName, gdalError() );
    return false;
  }

  // The columns: every schema field some feature uses, and always the two date columns of a temporal layer.
  QList<PendulumSchema::Field> columns;
  for ( const PendulumSchema::Field &field : PendulumSchema::fields() )
  {
    const bool temporalColumn = info.temporal && ( field.name == PendulumSchema::startField() ||
                                                   field.name == PendulumSchema::endField() );
    bool used = temporalColumn;
    for ( int i = 0; !used && i < features.size(); ++i )
      used = features.at( i ).properties.contains( field.name );
    if ( !used )
      continue;
    OGRFieldDefnH definition =
        OGR_Fld_Create( field.name.toUtf8().constData(),
                        field.type == PendulumSchema::FieldType::Date ? OFTDate : OFTString );
    if ( field.type == PendulumSchema::FieldType::Json )
      OGR_Fld_SetSubType( definition, OFSTJSON );
    OGR_L_CreateField( layer, definition, TRUE );
    OGR_Fld_Destroy( definition );
    columns << field;
  }

  // Each feature's popup in every language, made once here so that map tips and forms show it
  // through plain [% "popup_en" %] templates (PendulumLayerLanguage::apply).
  const bool withPopups =
      std::any_of( columns.cbegin(), columns.cend(),
                   []( const PendulumSchema::Field &field ) { return field.name == "sources"; } );
  const QStringList popupLanguages = withPopups ? PendulumLanguage::codes() : QStringList();
  for ( const QString &language : popupLanguages )
  {
    OGRFieldDefnH definition =
        OGR_Fld_Create( PendulumLanguage::popupField( language ).toUtf8().constData(), OFTString );
    OGR_L_CreateField( layer, definition, TRUE );
    OGR_Fld_Destroy( definition );
  }
  const PendulumPopup popup( mRecord.bibliography() );

  if ( OGR_L_StartTransaction( layer ) != OGRERR_NONE )
  {
    mErrors << QStringLiteral( "%1: cannot start writing (%2)" ).arg( fileName, gdalError() );
    return false;
  }
  OGRFeatureDefnH layerDefinition = OGR_L_GetLayerDefn( layer );
  // The layer's metadata summary, from the values as written (PendulumLayerSummary::scan reads the same).
  const auto columnOf = [&columns]( const char *name )
  {
    const auto it =
        std::find_if( columns.cbegin(), columns.cend(),
                      [name]( const PendulumSchema::Field &field ) { return field.name == name; } );
    return it == columns.cend() ? -1 : int( it - columns.cbegin() );
  };
  const int sourcesColumn = columnOf( "sources" );
  const int fromColumn = columnOf( "valid_from" );
  const int toColumn = columnOf( "valid_to" );
  const auto writtenDate = []( OGRFeatureH written, int column )
  {
    if ( column < 0 )
      return QVariant();
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, zone = 0;
    if ( !OGR_F_IsFieldSetAndNotNull( written, column ) ||
         !OGR_F_GetFieldAsDateTime( written, column, &year, &month, &day, &hour, &minute, &second, &zone ) )
      return QVariant( QDate() );
    return QVariant( QDate( year, month, day ) );
  };
  PendulumLayerSummary summary;
  for ( const PendulumFeature &feature : features )
  {
    OGRFeatureH out = OGR_F_Create( layerDefinition );
    for ( int column = 0; column < columns.size(); ++column )
    {
      const PendulumSchema::Field &field = columns.at( column );
      const QJsonValue value = feature.properties.value( field.name );
      const QString text = fieldText( value );
      if ( value.isNull() || value.isUndefined() ||
           ( text.isEmpty() && field.type == PendulumSchema::FieldType::Date ) )
      {
        OGR_F_SetFieldNull( out, column );
        continue;
      }
      if ( field.type == PendulumSchema::FieldType::Date )
      {
        QString dateError;
        const QDate date = PendulumDate::parse( text, &dateError );
        if ( !date.isValid() )
        {
          mErrors << QStringLiteral( "%1: %2: %3: %4" ).arg( fileName, feature.id, field.name, dateError );
          continue;
        }
        OGR_F_SetFieldDateTime( out, column, date.year(), date.month(), date.day(), 0, 0, 0, 0 );
        continue;
      }
      OGR_F_SetFieldString( out, column, text.toUtf8().constData() );
    }

    for ( int i = 0; i < popupLanguages.size(); ++i )
      OGR_F_SetFieldString( out, columns.size() + i,
                            popup.html( feature.properties.toVariantMap(), info.id, popupLanguages.at( i ) )
                                .toUtf8()
                                .constData() );

    OGRGeometryH geometry = OGR_G_CreateGeometryFromJson( feature.geometry.constData() );
    const OGRwkbGeometryType type = geometry ? wkbFlatten( OGR_G_GetGeometryType( geometry ) ) : wkbUnknown;
    const bool typeOk = isPoint ? type == wkbPoint : ( type == wkbPolygon || type == wkbMultiPolygon );
    if ( !geometry || !typeOk )
    {
      mErrors << QStringLiteral( "%1: %2: geometry is not a %3" )
                     .arg( fileName, feature.id,
                           isPoint ? QStringLiteral( "Point" )
                                   : QStringLiteral( "Polygon or MultiPolygon" ) );
      if ( geometry )
        OGR_G_DestroyGeometry( geometry );
      OGR_F_Destroy( out );
      continue;
    }
    if ( !isPoint )
      geometry = OGR_G_ForceToMultiPolygon( geometry );
    OGR_F_SetGeometryDirectly( out, geometry );
    if ( OGR_L_CreateFeature( layer, out ) != OGRERR_NONE )
      mErrors << QStringLiteral( "%1: %2: cannot write (%3)" ).arg( fileName, feature.id, gdalError() );
    summary.addFeature( sourcesColumn < 0 ? QVariant()
                        : OGR_F_IsFieldSetAndNotNull( out, sourcesColumn )
                            ? QVariant( QString::fromUtf8( OGR_F_GetFieldAsString( out, sourcesColumn ) ) )
                            : QVariant( QString() ),
                        writtenDate( out, fromColumn ), writtenDate( out, toColumn ) );
    OGR_F_Destroy( out );
  }
  if ( OGR_L_CommitTransaction( layer ) != OGRERR_NONE )
    mErrors << QStringLiteral( "%1: cannot commit (%2)" ).arg( fileName, gdalError() );
  mSummaries.insert( info.id, summary.toJson() );

  // The temporal filter compares these columns on every frame: index them.
  if ( info.temporal )
  {
    const QString sql =
        QStringLiteral( "CREATE INDEX \"idx_%1_valid\" ON \"%1\" (valid_from, valid_to)" ).arg( info.id );
    GDALDatasetExecuteSQL( dataset, sql.toUtf8().constData(), nullptr, nullptr );
  }
  return mErrors.isEmpty();
}

bool PendulumDataBuilder::writeMeta( GDALDatasetH dataset )
{
  OGRLayerH layer = GDALDatasetCreateLayer( dataset, PendulumSchema::metaTable().toUtf8().constData(),
                                            nullptr, wkbNone, nullptr );
  if ( !layer )
  {
    mErrors << QStringLiteral( "cannot create the metadata table (%1)" ).arg( gdalError() );
    return false;
  }
  for ( const char *name : { "key", "value" } )
  {
    OGRFieldDefnH definition = OGR_Fld_Create( name, OFTString );
    OGR_L_CreateField( layer, definition, TRUE );
    OGR_Fld_Destroy( definition );
  }
  const QList<QPair<QString, QByteArray>> rows = {
      { QStringLiteral( "schema_version" ), QByteArray::number( PendulumSchema::version() ) },
      { QStringLiteral( "pendulum_version" ), QByteArray( PENDULUM_VERSION ) },
      { QStringLiteral( "catalog" ), mRecord.catalog().json() },
      { QStringLiteral( "sources" ), mRecord.sourcesJson() },
      { PendulumLayerSummary::summariesKey(), QJsonDocument( mSummaries ).toJson( QJsonDocument::Compact ) },
  };
  for ( const auto &row : rows )
  {
    OGRFeatureH feature = OGR_F_Create( OGR_L_GetLayerDefn( layer ) );
    OGR_F_SetFieldString( feature, 0, row.first.toUtf8().constData() );
    OGR_F_SetFieldString( feature, 1, row.second.constData() );
    const OGRErr written = OGR_L_CreateFeature( layer, feature );
    OGR_F_Destroy( feature );
    if ( written != OGRERR_NONE )
    {
      mErrors << QStringLiteral( "cannot write the metadata table (%1)" ).arg( gdalError() );
      return false;
    }
  }
  return true;
}

bool PendulumDataBuilder::useRollbackJournal( const QString &path )
{
  // QGIS stores the styles in WAL mode and leaves the file so; QGIS reading a WAL file later
  // switches it back, rewriting its header. In rollback-journal mode reading writes nothing:
  // the record stays byte for byte what was built, however often it is opened.
  QuietGdal quiet;
  GDALDatasetH dataset = GDALOpenEx( QFile::encodeName( path ).constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                     nullptr, nullptr, nullptr );
  if ( !dataset )
  {
    mErrors << QStringLiteral( "%1: cannot reopen (%2)" ).arg( path, gdalError() );
    return false;
  }
  OGRLayerH result = GDALDatasetExecuteSQL( dataset, "PRAGMA journal_mode = DELETE", nullptr, nullptr );
  if ( result )
    GDALDatasetReleaseResultSet( dataset, result );
  GDALClose( dataset );
  return true;
}

bool PendulumDataBuilder::storeStyles( const QString &path )
{
  for ( const PendulumLayerInfo &info : mRecord.catalog().layers() )
  {
    if ( info.style.isEmpty() )
      continue;
    const QString qml = QDir( mStylesDir ).filePath( info.style );
    // A catalog entry leads only to a style inside the styles folder ("../" or an absolute path would not).
    const QString stylesRoot =
        QDir::cleanPath( QFileInfo( mStylesDir ).absoluteFilePath() ) + QLatin1Char( '/' );
    if ( !QDir::cleanPath( QFileInfo( qml ).absoluteFilePath() ).startsWith( stylesRoot ) )
    {
      mErrors << QStringLiteral( "%1: style for layer '%2' lies outside the styles folder %3" )
                     .arg( info.style, info.id, mStylesDir );
      continue;
    }
    if ( !QFileInfo::exists( qml ) )
    {
      mErrors << QStringLiteral( "%1: style for layer '%2' not found" ).arg( qml, info.id );
      continue;
    }
    // A FIFO would hang QGIS's style reader for ever: every file read is checked first.
    const QString notAFile = PendulumFileKind::checkInput( qml );
    if ( !notAFile.isEmpty() )
    {
      mErrors << QStringLiteral( "%1 (style for layer '%2')" ).arg( notAFile, info.id );
      continue;
    }
    QgsVectorLayer layer( QStringLiteral( "%1|layername=%2" ).arg( path, info.id ), info.id,
                          QStringLiteral( "ogr" ) );
    if ( !layer.isValid() )
    {
      mErrors << QStringLiteral( "%1: layer '%2' cannot be opened by QGIS" ).arg( path, info.id );
      continue;
    }
    bool loaded = false;
    const QString message = layer.loadNamedStyle( qml, loaded );
    if ( !loaded )
    {
      mErrors << QStringLiteral( "%1: %2" ).arg( qml, message );
      continue;
    }
    // What the plugin sets on loading a layer goes into the stored style too, so that a stock
    // QGIS (Add Layer ▸ GeoPackage, no Pendulum) gets it: the time on valid_from/valid_to, the
    // labels, the cited map tip and the two-tab form, in English (the plugin re-applies its language).
    if ( info.temporal )
      PendulumTemporal::configure( &layer );
    PendulumLayerLanguage::apply( &layer, info, QStringLiteral( "en" ) );
    const QString error =
        PendulumQgis::saveStyleToDatabase( layer, info.id, QStringLiteral( "Pendulum print style" ), true );
    if ( !error.isEmpty() )
      mErrors << QStringLiteral( "%1: cannot store style for '%2' (%3)" ).arg( path, info.id, error );
  }
  return mErrors.isEmpty();
}
