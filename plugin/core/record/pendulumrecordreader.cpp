#include "pendulumrecordreader.h"

#include "pendulumtextfile.h"

#include <QDir>

bool PendulumRecordReader::read( const QString &layersDir )
{
  mErrors.clear();
  mLayerFeatures.clear();
  mLayerRead.clear();
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

  if ( !PendulumTextFile::read( dir.filePath( QStringLiteral( "sources.json" ) ), &mSourcesJson, &error ) ||
       !mBibliography.fromJson( mSourcesJson, &error ) )
  {
    mErrors << ( error.startsWith( QLatin1String( "sources.json:" ) )
                     ? error
                     : QStringLiteral( "sources.json: %1" ).arg( error ) );
    // No layer was read: leave nothing for a caller to walk that has no features behind it.
    mCatalog = PendulumCatalog();
    return false;
  }

  for ( const PendulumLayerInfo &info : mCatalog.layers() )
  {
    PendulumGeoJsonReader reader;
    mLayerRead << reader.read( dir.filePath( info.id + QStringLiteral( ".geojson" ) ) );
    mErrors << reader.errors();
    mLayerFeatures << reader.features();
  }
  return mErrors.isEmpty();
}

const QList<PendulumFeature> &PendulumRecordReader::features( int index ) const
{
  static const QList<PendulumFeature> sNone;
  return index >= 0 && index < mLayerFeatures.size() ? mLayerFeatures.at( index ) : sNone;
}
