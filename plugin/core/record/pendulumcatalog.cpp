#include "pendulumcatalog.h"

#include "pendulumtextfile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

QString PendulumLayerInfo::title( const QString &language ) const
{
  if ( language == QLatin1String( "ja" ) && !titleJa.isEmpty() )
    return titleJa;
  if ( language == QLatin1String( "ru" ) && !titleRu.isEmpty() )
    return titleRu;
  return titleEn;
}

bool PendulumCatalog::fromJson( const QByteArray &json, QString *error )
{
  QJsonParseError parseError;
  const QJsonDocument doc = QJsonDocument::fromJson( json, &parseError );
  if ( parseError.error != QJsonParseError::NoError )
  {
    *error = QStringLiteral( "catalog: line %1: not valid JSON (%2)" )
                 .arg( PendulumTextFile::lineAt( json, parseError.offset ) )
                 .arg( parseError.errorString() );
    return false;
  }
  const QJsonArray layers = doc.object().value( QStringLiteral( "layers" ) ).toArray();
  if ( layers.isEmpty() )
  {
    *error = QStringLiteral( "catalog: no \"layers\" array" );
    return false;
  }

  // Layer ids become table names: keep them to safe identifiers.
  static const QRegularExpression sIdPattern( QStringLiteral( "^[a-z][a-z0-9_]*$" ) );
  QList<PendulumLayerInfo> parsed;
  QSet<QString> seen;
  for ( const QJsonValue &value : layers )
  {
    const QJsonObject object = value.toObject();
    PendulumLayerInfo info;
    info.id = object.value( QStringLiteral( "id" ) ).toString();
    info.titleEn = object.value( QStringLiteral( "title_en" ) ).toString();
    info.titleJa = object.value( QStringLiteral( "title_ja" ) ).toString();
    info.titleRu = object.value( QStringLiteral( "title_ru" ) ).toString();
    info.abstract = object.value( QStringLiteral( "abstract" ) ).toString();
    info.geometry = object.value( QStringLiteral( "geometry" ) ).toString();
    info.style = object.value( QStringLiteral( "style" ) ).toString();
    info.group = object.value( QStringLiteral( "group" ) ).toString();
    info.temporal = object.value( QStringLiteral( "temporal" ) ).toBool( true );
    if ( !sIdPattern.match( info.id ).hasMatch() )
    {
      *error = QStringLiteral( "catalog: layer id '%1' is not a lower-case identifier" ).arg( info.id );
      return false;
    }
    if ( seen.contains( info.id ) )
    {
      *error = QStringLiteral( "catalog: layer '%1' is listed twice" ).arg( info.id );
      return false;
    }
    if ( info.geometry != QLatin1String( "polygon" ) && info.geometry != QLatin1String( "point" ) )
    {
      *error = QStringLiteral( "catalog: layer '%1' has geometry '%2' (polygon or point)" )
                   .arg( info.id, info.geometry );
      return false;
    }
    if ( info.titleEn.isEmpty() )
      info.titleEn = info.id;
    seen.insert( info.id );
    parsed << info;
  }
  mLayers = parsed;
  mJson = json;
  return true;
}

bool PendulumCatalog::fromFile( const QString &path, QString *error )
{
  QByteArray data;
  if ( !PendulumTextFile::read( path, &data, error ) )
    return false;
  if ( !fromJson( data, error ) )
  {
    *error = QStringLiteral( "%1: %2" ).arg( QFileInfo( path ).fileName(), *error );
    return false;
  }
  return true;
}

const PendulumLayerInfo *PendulumCatalog::layer( const QString &id ) const
{
  for ( const PendulumLayerInfo &info : mLayers )
  {
    if ( info.id == id )
      return &info;
  }
  return nullptr;
}
