#include "pendulumplugininstaller.h"
#include "pendulumwriteerror.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>

QString PendulumPluginInstaller::builtPluginFile()
{
  return QStringLiteral( PENDULUM_BUILD_DIR "/plugin/gui/libpendulumplugin.so" );
}

QString PendulumPluginInstaller::profileDir( const QString &profilesPath, const QString &profile )
{
  // qgis --profiles-path DIR keeps each profile in DIR/profiles/<name>.
  return QDir( profilesPath ).filePath( QStringLiteral( "profiles/" ) + profile );
}

QString PendulumPluginInstaller::settingsFile( const QString &profilesPath, const QString &profile )
{
  return QDir( profileDir( profilesPath, profile ) ).filePath( QStringLiteral( "QGIS/QGIS3.ini" ) );
}

QString PendulumPluginInstaller::install( const QString &pluginFile, const QString &profilesPath,
                                          const QString &profile, const QString &dataPath, QString *error )
{
  QFile module( pluginFile );
  if ( !module.open( QIODevice::ReadOnly ) )
  {
    *error = QStringLiteral( "%1: cannot read the plugin (%2); build it first" )
                 .arg( pluginFile, module.errorString() );
    return QString();
  }
  const QDir pluginDir(
      QDir( profileDir( profilesPath, profile ) ).filePath( QStringLiteral( "cpp-plugins" ) ) );
  if ( !QDir().mkpath( pluginDir.path() ) ||
       !QDir().mkpath( QFileInfo( settingsFile( profilesPath, profile ) ).path() ) )
  {
    *error = QStringLiteral( "%1: cannot create the profile folders" ).arg( profilesPath );
    return QString();
  }

  // A copy, not a link (QGIS skips symlinked modules), replaced atomically so
  // that a QGIS still running keeps the module it mapped.
  const QString installed = pluginDir.filePath( QFileInfo( pluginFile ).fileName() );
  QSaveFile copy( installed );
  if ( !copy.open( QIODevice::WriteOnly ) || copy.write( module.readAll() ) < 0 )
  {
    *error = PendulumWriteError::cannotWrite( installed, copy.errorString() );
    return QString();
  }
  if ( !PendulumWriteError::commit( copy, error ) )
    return QString();
  QFile::setPermissions( installed, QFile::permissions( pluginFile ) );

  QSettings settings( settingsFile( profilesPath, profile ), QSettings::IniFormat );
  QStringList searchPaths =
      settings.value( QStringLiteral( "plugins/searchPathsForPlugins" ) ).toStringList();
  if ( !searchPaths.contains( pluginDir.path() ) )
    searchPaths << pluginDir.path();
  settings.setValue( QStringLiteral( "plugins/searchPathsForPlugins" ), searchPaths );
  settings.setValue( QStringLiteral( "Plugins/" ) + QFileInfo( pluginFile ).completeBaseName(), true );
  settings.setValue( QStringLiteral( "pendulum/dataPath" ), QFileInfo( dataPath ).absoluteFilePath() );
  settings.sync();
  if ( settings.status() != QSettings::NoError )
  {
    *error = QStringLiteral( "%1: cannot write the profile's settings" ).arg( settings.fileName() );
    return QString();
  }
  return installed;
}
