#include "pendulumgeojsonreader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextCodec>

#include <cpl_error.h>
#include <ogr_api.h>

namespace
{
int lineAtOffset( const QByteArray &data, int offset )
{
  return data.left( offset ).count( '\n' ) + 1;
}

bool isUtf8( const QByteArray &data )
{
  QTextCodec::ConverterState state;
  QTextCodec::codecForName( "UTF-8" )->toUnicode( data.constData(), data.size(), &state );
  return state.invalidChars == 0;
}
} // namespace

bool PendulumGeoJsonReader::read( const QString &path )
{
  mFeatures.clear();
  mErrors.clear();
  const QString name = QFileInfo( path ).fileName();

  QFile file( path );
  if ( !file.open( QIODevice::ReadOnly ) )
  {
    mErrors << QStringLiteral( "%1: cannot read (%2)" ).arg( path, file.errorString() );
    return false;
  }
  if ( file.size() > MAX_FILE_SIZE )
  {
    mErrors << QStringLiteral( "%1: file is %2 MB, larger than any layer can be (limit %3 MB)" )
                   .arg( name )
                   .arg( file.size() / ( 1024 * 1024 ) )
                   .arg( MAX_FILE_SIZE / ( 1024 * 1024 ) );
    return false;
  }
  const QByteArray data = file.readAll();
  if ( !isUtf8( data ) )
  {
    mErrors << QStringLiteral( "%1: not UTF-8 text (GeoJSON must be UTF-8)" ).arg( name );
    return false;
  }

  QJsonParseError parseError;
  const QJsonDocument doc = QJsonDocument::fromJson( data, &parseError );
  if ( parseError.error != QJsonParseError::NoError )
  {
    mErrors << QStringLiteral( "%1: line %2: not valid JSON (%3)" )
                   .arg( name )
                   .arg( lineAtOffset( data, parseError.offset ) )
                   .arg( parseError.errorString() );
    return false;
  }
  const QJsonObject root = doc.object();
  if ( root.value( QStringLiteral( "type" ) ).toString() != QLatin1String( "FeatureCollection" ) )
  {
    mErrors << QStringLiteral( "%1: not a GeoJSON FeatureCollection" ).arg( name );
    return false;
  }

  const QJsonArray features = root.value( QStringLiteral( "features" ) ).toArray();
  int index = 0;
  for ( const QJsonValue &value : features )
  {
    ++index;
    const QJsonObject object = value.toObject();
    PendulumFeature feature;
    feature.properties = object.value( QStringLiteral( "properties" ) ).toObject();
    feature.id = feature.properties.value( QStringLiteral( "id" ) ).toString();
    if ( feature.id.isEmpty() )
      feature.id = QStringLiteral( "#%1" ).arg( index );
    const QJsonValue geometry = object.value( QStringLiteral( "geometry" ) );
    if ( !geometry.isObject() )
    {
      mErrors << QStringLiteral( "%1: %2: no geometry" ).arg( name, feature.id );
      continue;
    }
    feature.geometry = QJsonDocument( geometry.toObject() ).toJson( QJsonDocument::Compact );
    mFeatures << feature;
  }
  return true;
}

QgsGeometry PendulumGeoJsonReader::toGeometry( const QByteArray &geoJson )
{
  // QGIS 3.22 has no GeoJSON geometry reader in its public API; GDAL's is the reference one.
  CPLPushErrorHandler( CPLQuietErrorHandler );
  OGRGeometryH geometry = OGR_G_CreateGeometryFromJson( geoJson.constData() );
  CPLPopErrorHandler();
  if ( !geometry )
    return QgsGeometry();
  QByteArray wkb( OGR_G_WkbSize( geometry ), Qt::Uninitialized );
  OGR_G_ExportToIsoWkb( geometry, wkbNDR, reinterpret_cast<unsigned char *>( wkb.data() ) );
  OGR_G_DestroyGeometry( geometry );
  QgsGeometry result;
  result.fromWkb( wkb );
  return result;
}
