#include "pendulumcommand.h"

#include "pendulumpaths.h"

#include <QTextStream>

QString PendulumCommand::help() const
{
  // QCommandLineParser::helpText() needs a QCoreApplication, which does not
  // exist before QGIS is started (and is not needed for help): format here.
  QString text = QStringLiteral( "Usage: pendulum %1 [options]\n\n%2\n\nOptions:\n" ).arg( name(), details() );
  QList<QCommandLineOption> all = options();
  all << QCommandLineOption( QStringList{ QStringLiteral( "h" ), QStringLiteral( "help" ) }, QStringLiteral( "Show this help." ) );
  for ( const QCommandLineOption &option : all )
  {
    QStringList names;
    for ( const QString &optionName : option.names() )
      names << ( optionName.size() == 1 ? QStringLiteral( "-" ) : QStringLiteral( "--" ) ) + optionName;
    QString left = names.join( QStringLiteral( ", " ) );
    if ( !option.valueName().isEmpty() )
      left += QStringLiteral( " " ) + option.valueName();
    text += QStringLiteral( "  %1  %2\n" ).arg( left, -24 ).arg( option.description() );
  }
  return text;
}

int PendulumCommand::execute( const QStringList &arguments, const std::function<void()> &initQgis )
{
  QCommandLineParser parser;
  setUp( parser );
  if ( !parser.parse( QStringList( QStringLiteral( "pendulum" ) ) + arguments ) )
  {
    printError( parser.errorText() + QStringLiteral( " (see `pendulum help %1`)" ).arg( name() ) );
    return Usage;
  }
  if ( parser.isSet( QStringLiteral( "help" ) ) )
  {
    QTextStream( stdout ) << help();
    return Success;
  }
  if ( !parser.positionalArguments().isEmpty() )
  {
    printError( QStringLiteral( "unexpected argument '%1' (see `pendulum help %2`)" ).arg( parser.positionalArguments().first(), name() ) );
    return Usage;
  }
  const QString problem = checkOptions( parser );
  if ( !problem.isEmpty() )
  {
    printError( problem );
    return Usage;
  }
  if ( needsQgis() )
    initQgis();
  return run( parser );
}

QString PendulumCommand::checkOptions( const QCommandLineParser & ) const
{
  return QString();
}

void PendulumCommand::printError( const QString &message ) const
{
  QTextStream( stderr ) << QStringLiteral( "pendulum %1: %2" ).arg( name(), message ) << Qt::endl;
}

QCommandLineOption PendulumCommand::dataOption()
{
  return QCommandLineOption( QStringLiteral( "data" ),
                             QStringLiteral( "The Pendulum GeoPackage to read (default: %1)." ).arg( PendulumPaths::defaultDataPath() ),
                             QStringLiteral( "FILE.gpkg" ), PendulumPaths::defaultDataPath() );
}

void PendulumCommand::setUp( QCommandLineParser &parser ) const
{
  parser.setSingleDashWordOptionMode( QCommandLineParser::ParseAsLongOptions );
  parser.addOption( QCommandLineOption( QStringList{ QStringLiteral( "h" ), QStringLiteral( "help" ) } ) );
  parser.addOptions( options() );
}
