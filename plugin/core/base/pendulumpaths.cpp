#include "pendulumpaths.h"

#include <QDir>

QString PendulumPaths::defaultDataPath()
{
  const QString fromEnvironment = qEnvironmentVariable( "PENDULUM_DATA" );
  if ( !fromEnvironment.isEmpty() )
    return fromEnvironment;
  return QDir( QStringLiteral( PENDULUM_BUILD_DIR ) ).filePath( QStringLiteral( "pendulum.gpkg" ) );
}

QString PendulumPaths::defaultLayersDir()
{
  return QDir( QStringLiteral( PENDULUM_SOURCE_DIR ) ).filePath( QStringLiteral( "layers" ) );
}

QString PendulumPaths::stylesDirFor( const QString &layersDir )
{
  return QDir::cleanPath( QDir( layersDir ).filePath( QStringLiteral( "../styles" ) ) );
}

QString PendulumPaths::qgisPrefix()
{
  const QString fromEnvironment = qEnvironmentVariable( "QGIS_PREFIX_PATH" );
  return fromEnvironment.isEmpty() ? QStringLiteral( PENDULUM_QGIS_PREFIX ) : fromEnvironment;
}
