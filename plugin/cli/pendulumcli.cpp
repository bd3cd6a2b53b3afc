#include "pendulumcli.h"

#include "animatecommand.h"
#include "atlascommand.h"
#include "buildcommand.h"
#include "chroniclecommand.h"
#include "installcommand.h"
#include "mapcommand.h"
#include "pendulumpaths.h"
#include "popupcommand.h"
#include "projectcommand.h"
#include "querycommand.h"
#include "validatecommand.h"

#include <QTemporaryDir>
#include <QTextStream>
#include <gdal.h>

#include "qgis.h"
#include "qgsapplication.h"

PendulumCli::PendulumCli()
{
  mCommands.push_back( std::make_unique<BuildCommand>() );
  mCommands.push_back( std::make_unique<MapCommand>() );
  mCommands.push_back( std::make_unique<AtlasCommand>() );
  mCommands.push_back( std::make_unique<PopupCommand>() );
  mCommands.push_back( std::make_unique<InstallCommand>() );
  mCommands.push_back( std::make_unique<AnimateCommand>() );
  mCommands.push_back( std::make_unique<QueryCommand>() );
  mCommands.push_back( std::make_unique<ValidateCommand>() );
  mCommands.push_back( std::make_unique<ChronicleCommand>() );
  mCommands.push_back( std::make_unique<ProjectCommand>() );
}

PendulumCommand *PendulumCli::command( const QString &name ) const
{
  for ( const auto &candidate : mCommands )
  {
    if ( candidate->name() == name )
      return candidate.get();
  }
  return nullptr;
}

QString PendulumCli::overview() const
{
  QString text = QStringLiteral(
      "Usage: pendulum <subcommand> [options]\n\n"
      "Borders and spheres of influence of North-East Asia, 1855 to today, on QGIS's timeline.\n\n"
      "Subcommands:\n" );
  for ( const auto &candidate : mCommands )
    text += QStringLiteral( "  %1  %2\n" )
                .arg( candidate->name(), -8 )
                .arg( candidate->summary().section( QLatin1Char( '\n' ), 0, 0 ) );
  text += QStringLiteral( "\n  pendulum help <subcommand>   options of one subcommand\n"
                          "  pendulum --version           versions of Pendulum, QGIS, GDAL and Qt\n" );
  return text;
}

QString PendulumCli::versionText() const
{
  return QStringLiteral( "pendulum %1 (QGIS %2, GDAL %3, Qt %4)" )
      .arg( QStringLiteral( PENDULUM_VERSION ), Qgis::version(),
            QString::fromLatin1( GDALVersionInfo( "RELEASE_NAME" ) ), QString::fromLatin1( qVersion() ) );
}

int PendulumCli::run( int &argc, char **argv )
{
  QStringList arguments;
  for ( int i = 1; i < argc; ++i )
    arguments << QString::fromLocal8Bit( argv[i] );

  QTextStream out( stdout );
  QTextStream err( stderr );
  if ( arguments.isEmpty() || arguments.first() == QLatin1String( "--help" ) ||
       arguments.first() == QLatin1String( "-h" ) )
  {
    out << overview();
    return arguments.isEmpty() ? PendulumCommand::Usage : PendulumCommand::Success;
  }
  if ( arguments.first() == QLatin1String( "--version" ) )
  {
    out << versionText() << Qt::endl;
    return PendulumCommand::Success;
  }
  if ( arguments.first() == QLatin1String( "help" ) )
  {
    if ( arguments.size() < 2 )
    {
      out << overview();
      return PendulumCommand::Success;
    }
    if ( PendulumCommand *found = command( arguments.at( 1 ) ) )
    {
      out << found->help();
      return PendulumCommand::Success;
    }
    err << QStringLiteral( "pendulum: no subcommand '%1' (see `pendulum help`)" ).arg( arguments.at( 1 ) )
        << Qt::endl;
    return PendulumCommand::Usage;
  }

  PendulumCommand *found = command( arguments.first() );
  if ( !found )
  {
    err << QStringLiteral( "pendulum: no subcommand '%1' (see `pendulum help`)" ).arg( arguments.first() )
        << Qt::endl;
    return PendulumCommand::Usage;
  }

  // QGIS writes settings into its profile folder: give it a throw-away one
  // so that the tool never touches the user's QGIS profiles.
  std::unique_ptr<QTemporaryDir> profile;
  std::unique_ptr<QgsApplication> application;
  const auto initQgis = [&]()
  {
    if ( qEnvironmentVariableIsEmpty( "QT_QPA_PLATFORM" ) )
      qputenv( "QT_QPA_PLATFORM", "offscreen" );
    profile = std::make_unique<QTemporaryDir>();
    application = std::make_unique<QgsApplication>( argc, argv, false, profile->path() );
    QgsApplication::setPrefixPath( PendulumPaths::qgisPrefix(), true );
    QgsApplication::initQgis();
  };
  const int code = found->execute( arguments.mid( 1 ), initQgis );
  if ( application )
    QgsApplication::exitQgis();
  return code;
}
