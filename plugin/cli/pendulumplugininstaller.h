#ifndef PENDULUMPLUGININSTALLER_H
#define PENDULUMPLUGININSTALLER_H

#include <QString>

/**
 * Installs the built desktop plugin into a QGIS profile: copies the module
 * into a folder of the profile and sets, in the profile's QGIS3.ini, the C++
 * plugin search path, the plugin's enabled flag and Pendulum's data path.
 * (QGIS_PLUGINPATH does not reach C++ plugins; see shared/design/qgis-facts.md.)
 * Other settings of the profile are kept.
 */
class PendulumPluginInstaller
{
public:
  //! The plugin module of this build.
  static QString builtPluginFile();

  //! The folder of \a profile: <profilesPath>/profiles/<profile>.
  static QString profileDir( const QString &profilesPath, const QString &profile );

  //! The profile's settings file: <profilesPath>/profiles/<profile>/QGIS/QGIS3.ini.
  static QString settingsFile( const QString &profilesPath, const QString &profile );

  /**
   * Installs \a pluginFile into \a profile under \a profilesPath with
   * \a dataPath as the record. Returns the installed module's path, or an
   * empty string with \a error set.
   */
  static QString install( const QString &pluginFile, const QString &profilesPath, const QString &profile,
                          const QString &dataPath, QString *error );
};

#endif // PENDULUMPLUGININSTALLER_H
