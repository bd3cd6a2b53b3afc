#include "pendulumgeojsonreader.h"

#include "pendulumtextfile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cpl_error.h>
#include <ogr_api.h>

bool PendulumGeoJsonReader::read( const QString &path )
{
  mFeatures.clear();
  mErrors.clear();
  QByteArray data;
  QString error;
  if ( !PendulumTextFile::read( path, &data, &error ) )
  {
    mErrors << error;
    return false;
  }
  return readData( data, QFileInfo( path ).fileName() );
}

bool PendulumGeoJsonReader::readData( const QByteArray &content, const QString &name )
{
  mFeatures.clear();
  mErrors.clear();
  QByteArray data = content;
  QString error;
  if ( !PendulumTextFile::checkText( &data, &error ) )
  {
    mErrors << QStringLiteral( "%1: %2" ).arg( name, error );
    return false;
  }

  QJsonParseError parseError;
  const QJsonDocument doc = QJsonDocument::fromJson( data, &parseError );
  if ( parseError.error != QJsonParseError::NoError )
  {
    mErrors << QStringLiteral( "%1: line %2: not valid JSON (%3)" )
                   .arg( name, QString::number( PendulumTextFile::lineAt( data, parseError.offset ) ),
                         parseError.errorString() );
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
