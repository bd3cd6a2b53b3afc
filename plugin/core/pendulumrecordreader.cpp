#include "pendulumrecordreader.h"

#include <QDir>
#include <QFile>

bool PendulumRecordReader::read( const QString &layersDir )
{
  mErrors.clear();
  mLayerFeatures.clear();
  QString error;
  const QDir dir( layersDir );
  if ( !dir.exists() )
  {
    mErrors << QStringLiteral( "%1: no such folder" ).arg( layersDir );
    return false;
  }
  if ( !mCatalog.fromFile( dir.filePath( QStringLiteral( "catalog.json" ) ), &error ) )
  {
    mErrors << error;
    return false;
  }

  QFile sources( dir.filePath( QStringLiteral( "sources.json" ) ) );
  if ( !sources.open( QIODevice::ReadOnly ) )
  {
    mErrors << QStringLiteral( "%1: cannot read (%2)" ).arg( sources.fileName(), sources.errorString() );
    return false;
  }
  mSourcesJson = sources.readAll();
  if ( !mBibliography.fromJson( mSourcesJson, &error ) )
  {
    mErrors << QStringLiteral( "sources.json: %1" ).arg( error );
    return false;
  }

  for ( const PendulumLayerInfo &info : mCatalog.layers() )
  {
    PendulumGeoJsonReader reader;
    reader.read( dir.filePath( info.id + QStringLiteral( ".geojson" ) ) );
    mErrors << reader.errors();
    mLayerFeatures << reader.features();
  }
  return mErrors.isEmpty();
}
