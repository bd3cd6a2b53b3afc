#include "installcommand.h"

#include "pendulumplugininstaller.h"

#include <QTextStream>

QString InstallCommand::summary() const
{
  return QStringLiteral( "Install the QGIS desktop plugin into a QGIS profile." );
}

QString InstallCommand::details() const
{
  return QStringLiteral(
      "Copy the built plugin into a folder of a QGIS profile and enable it there, with this\n"
      "record as its data. Start QGIS with `qgis --profiles-path DIR` (or `./run.sh qgis`)." );
}

QList<QCommandLineOption> InstallCommand::options() const
{
  return {
      { QStringLiteral( "profiles-path" ),
        QStringLiteral( "QGIS profiles folder (as qgis --profiles-path takes)." ), QStringLiteral( "DIR" ) },
      { QStringLiteral( "profile" ), QStringLiteral( "Profile name (default: default)." ),
        QStringLiteral( "NAME" ), QStringLiteral( "default" ) },
      { QStringLiteral( "plugin" ), QStringLiteral( "Plugin module to install (default: this build's)." ),
        QStringLiteral( "FILE.so" ), PendulumPluginInstaller::builtPluginFile() },
      dataOption(),
  };
}

QString InstallCommand::checkOptions( const QCommandLineParser &parser ) const
{
  if ( !parser.isSet( QStringLiteral( "profiles-path" ) ) )
    return QStringLiteral( "--profiles-path is required (e.g. --profiles-path out/qgis-profiles)" );
  return QString();
}

int InstallCommand::run( const QCommandLineParser &parser )
{
  QString error;
  const QString installed = PendulumPluginInstaller::install(
      parser.value( QStringLiteral( "plugin" ) ), parser.value( QStringLiteral( "profiles-path" ) ),
      parser.value( QStringLiteral( "profile" ) ), parser.value( QStringLiteral( "data" ) ), &error );
  if ( installed.isEmpty() )
  {
    printError( error );
    return Failure;
  }
  QTextStream( stdout ) << QStringLiteral( "installed %1\nenabled in %2\n" )
                               .arg( installed, PendulumPluginInstaller::settingsFile(
                                                    parser.value( QStringLiteral( "profiles-path" ) ),
                                                    parser.value( QStringLiteral( "profile" ) ) ) );
  return Success;
}
