#include "benchsyntheticrecord.h"

#include "pendulumlayersummary.h"
#include "pendulumqgiscompat.h"
#include "pendulumschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <random>

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "qgsvectorlayer.h"

namespace
{
//! Bump when the model changes: files made by an older generator are rewritten.
//! The `sources` of every synthetic feature.
const char *const SOURCES = "[{\"id\": \"synthetic\"}]";
constexpr int GENERATOR_VERSION = 3; // 3: the layer summaries of `pendulum build`
const QDate FIRST_DAY( 1855, 1, 1 );
const QDate LAST_DAY( 2023, 12, 31 );
constexpr double WEST = 70, EAST = 180, SOUTH = 15, NORTH = 75;
const QStringList HOLDERS = { "JP", "RU", "SU", "RF", "CN", "PRC", "MK", "KR", "MN" };
const QStringList CERTAINTIES = { "high", "medium", "low" };
constexpr double PI = 3.14159265358979323846;

QString metaValue( GDALDatasetH dataset, const char *key )
{
  OGRLayerH layer = GDALDatasetGetLayerByName( dataset, PendulumSchema::metaTable().toUtf8().constData() );
  if ( !layer )
    return QString();
  QString value;
  OGR_L_ResetReading( layer );
  while ( OGRFeatureH feature = OGR_L_GetNextFeature( layer ) )
  {
    if ( qstrcmp( OGR_F_GetFieldAsString( feature, 0 ), key ) == 0 )
      value = QString::fromUtf8( OGR_F_GetFieldAsString( feature, 1 ) );
    OGR_F_Destroy( feature );
  }
  return value;
}

QByteArray catalogJson()
{
  QJsonObject layer{
      { "id", "states" },
      { "temporal", true },
      { "group", "context" },
      { "geometry", "polygon" },
      { "style", "states.qml" },
      { "title_en", "Synthetic units" },
      { "abstract", "Synthetic administrative units with a history, for the scale benchmark." } };
  QJsonObject catalog{ { "dataset", QJsonObject{ { "title", "Pendulum scale benchmark (synthetic)" } } },
                       { "layers", QJsonArray{ layer } } };
  return QJsonDocument( catalog ).toJson( QJsonDocument::Compact );
}

QByteArray sourcesJson()
{
  const QJsonObject item{
      { "id", "synthetic" }, { "type", "dataset" }, { "title", "Synthetic benchmark data" } };
  return QJsonDocument( QJsonArray{ item } ).toJson( QJsonDocument::Compact );
}

/**
 * One irregular ring of \a vertices around (x, y), at most \a radius degrees from it in
 * longitude and latitude, wobbling with \a phase.
 */
OGRGeometryH unitPolygon( double x, double y, double radius, int vertices, double phase,
                          std::mt19937 &random )
{
  std::uniform_real_distribution<double> jitter( -0.04, 0.04 );
  OGRGeometryH ring = OGR_G_CreateGeometry( wkbLinearRing );
  double firstX = 0, firstY = 0;
  for ( int i = 0; i < vertices; ++i )
  {
    const double angle = 2 * PI * i / vertices;
    const double r = radius * ( 0.86 + 0.1 * std::sin( 3 * angle + phase ) + jitter( random ) );
    const double px = std::clamp( x + r * std::cos( angle ), WEST, EAST );
    const double py = std::clamp( y + r * std::sin( angle ), SOUTH, NORTH );
    if ( i == 0 )
    {
      firstX = px;
      firstY = py;
    }
    OGR_G_AddPoint_2D( ring, px, py );
  }
  OGR_G_AddPoint_2D( ring, firstX, firstY );
  OGRGeometryH polygon = OGR_G_CreateGeometry( wkbPolygon );
  OGR_G_AddGeometryDirectly( polygon, ring );
  OGRGeometryH multi = OGR_G_CreateGeometry( wkbMultiPolygon );
  OGR_G_AddGeometryDirectly( multi, polygon );
  return multi;
}
} // namespace

int BenchSyntheticRecord::unitsFor( int features )
{
  return std::max( 1, std::min( features, int( std::lround( 2000 * std::sqrt( features / 10000.0 ) ) ) ) );
}

bool BenchSyntheticRecord::make( const QString &path, int features, const QString &stylesDir, QString *error )
{
  if ( isCurrent( path, features ) )
    return true;
  QFile::remove( path );
  const QString partial = path + QStringLiteral( ".partial.gpkg" );
  QFile::remove( partial );
  if ( !write( partial, features, error ) || !storeStyle( partial, stylesDir, error ) )
    return false;
  // QGIS leaves a file it stored a style in in WAL mode; back to a plain file, as `pendulum build` does.
  GDALDatasetH dataset = GDALOpenEx( QFile::encodeName( partial ).constData(),
                                     GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr );
  if ( dataset )
  {
    GDALDatasetReleaseResultSet(
        dataset, GDALDatasetExecuteSQL( dataset, "PRAGMA journal_mode=DELETE", nullptr, nullptr ) );
    GDALClose( dataset );
  }
  if ( !QFile::rename( partial, path ) )
  {
    *error = QStringLiteral( "cannot rename %1" ).arg( partial );
    return false;
  }
  return true;
}

bool BenchSyntheticRecord::isCurrent( const QString &path, int features )
{
  if ( !QFileInfo::exists( path ) )
    return false;
  CPLPushErrorHandler( CPLQuietErrorHandler );
  GDALDatasetH dataset = GDALOpenEx( QFile::encodeName( path ).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                     nullptr, nullptr, nullptr );
  bool current = false;
  if ( dataset )
  {
    current = metaValue( dataset, "synthetic" ) ==
              QStringLiteral( "%1 features, generator %2" ).arg( features ).arg( GENERATOR_VERSION );
    GDALClose( dataset );
  }
  CPLPopErrorHandler();
  return current;
}

bool BenchSyntheticRecord::write( const QString &path, int features, QString *error )
{
  GDALAllRegister();
  GDALDatasetH dataset = GDALCreate( GDALGetDriverByName( "GPKG" ), QFile::encodeName( path ).constData(), 0,
                                     0, 0, GDT_Unknown, nullptr );
  if ( !dataset )
  {
    *error = QStringLiteral( "%1: cannot create" ).arg( path );
    return false;
  }
  OGRSpatialReferenceH srs = OSRNewSpatialReference( nullptr );
  OSRImportFromEPSG( srs, 4326 );
  OSRSetAxisMappingStrategy( srs, OAMS_TRADITIONAL_GIS_ORDER );
  const char *options[] = { "GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES", nullptr };
  OGRLayerH layer =
      GDALDatasetCreateLayer( dataset, "states", srs, wkbMultiPolygon, const_cast<char **>( options ) );
  OSRDestroySpatialReference( srs );

  // Pendulum's columns, as `pendulum build` writes them (a subset every feature fills).
  const QStringList names = { "id",         "name_en",   "holder",         "status",
                              "valid_from", "valid_to",  "from_precision", "to_precision",
                              "sources",    "certainty", "method",         "description_en" };
  for ( const QString &name : names )
  {
    const PendulumSchema::FieldType type = PendulumSchema::fieldType( name );
    OGRFieldDefnH definition = OGR_Fld_Create(
        name.toUtf8().constData(), type == PendulumSchema::FieldType::Date ? OFTDate : OFTString );
    if ( type == PendulumSchema::FieldType::Json )
      OGR_Fld_SetSubType( definition, OFSTJSON );
    OGR_L_CreateField( layer, definition, TRUE );
    OGR_Fld_Destroy( definition );
  }
  OGRFeatureDefnH definition = OGR_L_GetLayerDefn( layer );
  const auto field = [&]( const char *name ) { return OGR_FD_GetFieldIndex( definition, name ); };
  const int idField = field( "id" ), nameField = field( "name_en" ), holderField = field( "holder" ),
            statusField = field( "status" ), fromField = field( "valid_from" ), toField = field( "valid_to" ),
            fromPrecisionField = field( "from_precision" ), toPrecisionField = field( "to_precision" ),
            sourcesField = field( "sources" ), certaintyField = field( "certainty" ),
            methodField = field( "method" ), descriptionField = field( "description_en" );

  const int units = unitsFor( features );
  const double cell = std::sqrt( ( EAST - WEST ) * ( NORTH - SOUTH ) / units );
  const int columns = std::max( 1, int( std::ceil( ( EAST - WEST ) / cell ) ) );
  std::mt19937 random( 20240601 + features );
  std::uniform_real_distribution<double> unit01( 0, 1 );
  const int span = int( FIRST_DAY.daysTo( LAST_DAY ) );

  // As `pendulum build` stores it, so that opening the record reads no feature for the metadata.
  PendulumLayerSummary summary;
  bool ok = OGR_L_StartTransaction( layer ) == OGRERR_NONE;
  for ( int u = 0; ok && u < units; ++u )
  {
    // Versions spread evenly over the units, the first ones getting the remainder.
    const int versions = features / units + ( u < features % units ? 1 : 0 );
    // Each unit keeps to its own cell, a quarter of a cell at least from the next one: no two
    // units overlap or touch, so that on any day no feature is drawn over another.
    const double x = WEST + ( u % columns + 0.5 + 0.06 * ( unit01( random ) - 0.5 ) ) * cell;
    const double y = SOUTH + ( u / columns + 0.5 + 0.06 * ( unit01( random ) - 0.5 ) ) * cell;
    const double phase = 2 * PI * unit01( random );
    const int vertices = 16 + int( unit01( random ) * 17 );
    QList<int> breaks;
    while ( breaks.size() < versions - 1 )
    {
      const int day = 1 + int( unit01( random ) * ( span - 1 ) );
      if ( !breaks.contains( day ) )
        breaks << day;
    }
    std::sort( breaks.begin(), breaks.end() );
    QString holder = HOLDERS.at( u % HOLDERS.size() );
    for ( int v = 0; v < versions; ++v )
    {
      if ( unit01( random ) < 0.3 )
        holder = HOLDERS.at( int( unit01( random ) * HOLDERS.size() ) % HOLDERS.size() );
      const QDate from = v == 0 ? FIRST_DAY : FIRST_DAY.addDays( breaks.at( v - 1 ) );
      OGRFeatureH feature = OGR_F_Create( definition );
      const QByteArray id = QStringLiteral( "unit-%1-%2" ).arg( u ).arg( v ).toUtf8();
      OGR_F_SetFieldString( feature, idField, id.constData() );
      OGR_F_SetFieldString( feature, nameField,
                            QStringLiteral( "Unit %1 (%2)" ).arg( u ).arg( v + 1 ).toUtf8().constData() );
      OGR_F_SetFieldString( feature, holderField, holder.toUtf8().constData() );
      OGR_F_SetFieldString( feature, statusField, "sovereign" );
      OGR_F_SetFieldDateTime( feature, fromField, from.year(), from.month(), from.day(), 0, 0, 0, 0 );
      if ( v + 1 < versions )
      {
        const QDate to = FIRST_DAY.addDays( breaks.at( v ) );
        OGR_F_SetFieldDateTime( feature, toField, to.year(), to.month(), to.day(), 0, 0, 0, 0 );
        OGR_F_SetFieldString( feature, toPrecisionField, "day" );
        summary.addFeature( SOURCES, QVariant( from ), QVariant( to ) );
      }
      else
      {
        OGR_F_SetFieldNull( feature, toField );
        summary.addFeature( SOURCES, QVariant( from ), QVariant( QDate() ) );
      }
      OGR_F_SetFieldString( feature, fromPrecisionField, "day" );
      OGR_F_SetFieldString( feature, sourcesField, SOURCES );
      OGR_F_SetFieldString( feature, certaintyField,
                            CERTAINTIES.at( ( u + v ) % CERTAINTIES.size() ).toUtf8().constData() );
      OGR_F_SetFieldString( feature, methodField, "Generated for the scale benchmark." );
      OGR_F_SetFieldString( feature, descriptionField, "A synthetic unit." );
      OGR_F_SetGeometryDirectly( feature, unitPolygon( x, y, 0.35 * cell, vertices, phase, random ) );
      ok = ok && OGR_L_CreateFeature( layer, feature ) == OGRERR_NONE;
      OGR_F_Destroy( feature );
    }
  }
  ok = ok && OGR_L_CommitTransaction( layer ) == OGRERR_NONE;
  GDALDatasetReleaseResultSet(
      dataset, GDALDatasetExecuteSQL(
                   dataset, "CREATE INDEX \"idx_states_valid\" ON \"states\" (valid_from, valid_to)", nullptr,
                   nullptr ) );

  OGRLayerH meta = GDALDatasetCreateLayer( dataset, PendulumSchema::metaTable().toUtf8().constData(), nullptr,
                                           wkbNone, nullptr );
  for ( const char *name : { "key", "value" } )
  {
    OGRFieldDefnH column = OGR_Fld_Create( name, OFTString );
    OGR_L_CreateField( meta, column, TRUE );
    OGR_Fld_Destroy( column );
  }
  const QList<QPair<QByteArray, QByteArray>> rows = {
      { "schema_version", QByteArray::number( PendulumSchema::version() ) },
      { "catalog", catalogJson() },
      { "sources", sourcesJson() },
      { PendulumLayerSummary::summariesKey().toUtf8(),
        QJsonDocument( QJsonObject{ { QStringLiteral( "states" ), summary.toJson() } } )
            .toJson( QJsonDocument::Compact ) },
      { "synthetic",
        QStringLiteral( "%1 features, generator %2" ).arg( features ).arg( GENERATOR_VERSION ).toUtf8() },
  };
  for ( const auto &row : rows )
  {
    OGRFeatureH feature = OGR_F_Create( OGR_L_GetLayerDefn( meta ) );
    OGR_F_SetFieldString( feature, 0, row.first.constData() );
    OGR_F_SetFieldString( feature, 1, row.second.constData() );
    ok = ok && OGR_L_CreateFeature( meta, feature ) == OGRERR_NONE;
    OGR_F_Destroy( feature );
  }
  GDALClose( dataset );
  if ( !ok )
    *error = QStringLiteral( "%1: cannot write the synthetic features (%2)" )
                 .arg( path, QString::fromUtf8( CPLGetLastErrorMsg() ) );
  return ok;
}

bool BenchSyntheticRecord::storeStyle( const QString &path, const QString &stylesDir, QString *error )
{
  QgsVectorLayer layer( QStringLiteral( "%1|layername=states" ).arg( path ), QStringLiteral( "states" ),
                        QStringLiteral( "ogr" ) );
  bool loaded = false;
  const QString message =
      layer.loadNamedStyle( QDir( stylesDir ).filePath( QStringLiteral( "states.qml" ) ), loaded );
  if ( !layer.isValid() || !loaded )
  {
    *error = QStringLiteral( "%1: cannot style the synthetic layer (%2)" ).arg( path, message );
    return false;
  }
  const QString saveError =
      PendulumQgis::saveStyleToDatabase( layer, QStringLiteral( "states" ), QString(), true );
  if ( !saveError.isEmpty() )
  {
    *error = QStringLiteral( "%1: %2" ).arg( path, saveError );
    return false;
  }
  return true;
}

QList<QDate> BenchSyntheticRecord::dates( int count )
{
  QList<QDate> dates;
  const int span = int( FIRST_DAY.daysTo( LAST_DAY ) );
  for ( int i = 0; i < count; ++i )
    dates << FIRST_DAY.addDays( span * ( 2 * i + 1 ) / ( 2 * count ) );
  return dates;
}

QList<QgsPointXY> BenchSyntheticRecord::points( int features, int count )
{
  // The middle of units on the map of the region (100°E–160°E, 35°N–60°N): inside every version of each.
  const int units = unitsFor( features );
  const double cell = std::sqrt( ( EAST - WEST ) * ( NORTH - SOUTH ) / units );
  const int columns = std::max( 1, int( std::ceil( ( EAST - WEST ) / cell ) ) );
  QList<QgsPointXY> points;
  std::mt19937 random( 7 );
  std::uniform_int_distribution<int> unit( 0, units - 1 );
  while ( points.size() < count )
  {
    const int u = unit( random );
    const QgsPointXY middle( WEST + ( u % columns + 0.5 ) * cell, SOUTH + ( u / columns + 0.5 ) * cell );
    if ( middle.x() > 100 && middle.x() < 160 && middle.y() > 35 && middle.y() < 60 )
      points << middle;
  }
  return points;
}
