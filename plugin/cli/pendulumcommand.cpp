#include "pendulumcommand.h"

#include "pendulumbibliography.h"
#include "pendulumdataset.h"
#include "pendulumdate.h"
#include "pendulumfilekind.h"
#include "penduluminterrupt.h"
#include "pendulumpaths.h"
#include "pendulumtemporaryname.h"
#include "pendulumtextsanitiser.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

QString PendulumCommand::help() const
{
  // QCommandLineParser::helpText() needs a QCoreApplication, which does not
  // exist before QGIS is started (and is not needed for help): format here.
  QString usage = name() + QStringLiteral( " [options]" );
  for ( const QString &positional : positionalNames() )
    usage += QStringLiteral( " <%1>" ).arg( positional );
  QString text = QStringLiteral( "Usage: pendulum %1\n\n%2\n\nOptions:\n" ).arg( usage, details() );
  QList<QCommandLineOption> all = options();
  all << QCommandLineOption( QStringList{ QStringLiteral( "h" ), QStringLiteral( "help" ) },
                             QStringLiteral( "Show this help." ) );
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
  if ( parser.positionalArguments().size() > positionalNames().size() )
  {
    printError( QStringLiteral( "unexpected argument '%1' (see `pendulum help %2`)" )
                    .arg( parser.positionalArguments().at( positionalNames().size() ), name() ) );
    return Usage;
  }
  QString problem = checkOptionUse( parser );
  if ( problem.isEmpty() )
    problem = checkOptions( parser );
  if ( !problem.isEmpty() )
  {
    printError( problem );
    return Usage;
  }
  // Before QGIS starts, so that an early Ctrl+C too is a clean stop.
  std::unique_ptr<PendulumInterrupt> interrupt;
  if ( interruptible() )
    interrupt = std::make_unique<PendulumInterrupt>();
  mInterrupt = interrupt.get();
  removeStaleTemporaries( parser );
  if ( needsQgis() )
    initQgis();
  const int code = run( parser );
  mInterrupt = nullptr;
  return code;
}

int PendulumCommand::interrupted( const QString &out ) const
{
  printError( QStringLiteral( "interrupted; nothing was written to %1" ).arg( out ) );
  return mInterrupt ? mInterrupt->exitCode() : Failure;
}

QString PendulumCommand::checkOptions( const QCommandLineParser & ) const
{
  return QString();
}

void PendulumCommand::printError( const QString &message ) const
{
  // Arguments and record text reach this line: no escape sequence reaches the terminal raw.
  QTextStream( stderr )
      << QStringLiteral( "pendulum %1: %2" ).arg( name(), PendulumTextSanitiser::visible( message ) )
      << Qt::endl;
}

QCommandLineOption PendulumCommand::dataOption()
{
  return QCommandLineOption( QStringLiteral( "data" ),
                             QStringLiteral( "The Pendulum GeoPackage to read (default: %1)." )
                                 .arg( PendulumPaths::defaultDataPath() ),
                             QStringLiteral( "FILE.gpkg" ), PendulumPaths::defaultDataPath() );
}

std::unique_ptr<PendulumDataset> PendulumCommand::openDataset( const QCommandLineParser &parser,
                                                               PendulumBibliography *bibliography ) const
{
  QString error;
  std::unique_ptr<PendulumDataset> dataset =
      PendulumDataset::open( parser.value( QStringLiteral( "data" ) ), &error );
  if ( !dataset )
  {
    printError( error );
    return nullptr;
  }
  if ( bibliography && !bibliography->fromJson( dataset->sources(), &error ) )
  {
    printError( QStringLiteral( "%1: the bibliography cannot be read (%2)" ).arg( dataset->path(), error ) );
    return nullptr;
  }
  return dataset;
}

QSize PendulumCommand::parseSize( const QString &text )
{
  static const QRegularExpression sPattern( QStringLiteral( "^(\\d{1,6})x(\\d{1,6})$" ) );
  const QRegularExpressionMatch match = sPattern.match( text );
  return match.hasMatch() ? QSize( match.captured( 1 ).toInt(), match.captured( 2 ).toInt() ) : QSize();
}

QString PendulumCommand::checkRecordDate( const QCommandLineParser &parser, const QString &option,
                                          QDate *date )
{
  static const QDate sRecordStart( 1855, 1, 1 );
  QString error;
  *date = PendulumDate::parse( parser.value( option ), &error );
  if ( !date->isValid() )
    return QStringLiteral( "--%1: %2" ).arg( option, error );
  if ( *date < sRecordStart || *date > QDate::currentDate() )
    return QStringLiteral( "--%1: %2 is outside the record (%3 to today)" )
        .arg( option, date->toString( Qt::ISODate ), sRecordStart.toString( Qt::ISODate ) );
  return QString();
}

QStringList PendulumCommand::inputs( const QCommandLineParser &parser ) const
{
  static const QStringList sReadOptions = { QStringLiteral( "data" ), QStringLiteral( "template" ),
                                            QStringLiteral( "layers" ), QStringLiteral( "styles" ) };
  QStringList read;
  for ( const QCommandLineOption &option : options() )
  {
    const QString optionName = option.names().constFirst();
    if ( sReadOptions.contains( optionName ) && !parser.value( optionName ).isEmpty() )
      read << parser.value( optionName );
    if ( optionName == QLatin1String( "layers" ) )
      read << PendulumPaths::stylesDirFor( parser.value( optionName ) );
  }
  read << PendulumPaths::defaultLayersDir()
       << PendulumPaths::stylesDirFor( PendulumPaths::defaultLayersDir() );
  return read;
}

QString PendulumCommand::checkOutput( const QCommandLineParser &parser, const QString &out ) const
{
  const QFileInfo folder( QFileInfo( out ).absolutePath() );
  if ( !folder.isDir() )
    return QStringLiteral( "--out: the folder %1 does not exist" ).arg( folder.filePath() );
  if ( !folder.isWritable() )
    return QStringLiteral( "--out: the folder %1 is not writable" ).arg( folder.filePath() );
  const QString problem = PendulumFileKind::checkOutput( out, inputs( parser ) );
  return problem.isEmpty() ? QString() : QStringLiteral( "--out: %1" ).arg( problem );
}

QString PendulumCommand::outputPath( const QCommandLineParser &parser )
{
  return PendulumFileKind::writeTarget( parser.value( QStringLiteral( "out" ) ) );
}

QString PendulumCommand::checkPrintOptions( const QCommandLineParser &parser )
{
  const QString dpi = QStringLiteral( "dpi" );
  if ( parser.isSet( dpi ) )
  {
    bool ok = false;
    const int value = parser.value( dpi ).toInt( &ok );
    if ( !ok || value < 24 || value > 2400 )
      return QStringLiteral( "--dpi: '%1' is not a resolution from 24 to 2400" ).arg( parser.value( dpi ) );
  }
  const QString layoutTemplate = QStringLiteral( "template" );
  if ( parser.isSet( layoutTemplate ) && !QFileInfo( parser.value( layoutTemplate ) ).isFile() )
    return QStringLiteral( "--template: %1: no such file" ).arg( parser.value( layoutTemplate ) );
  return QString();
}

void PendulumCommand::removeStaleTemporaries( const QCommandLineParser &parser ) const
{
  const QString out = QStringLiteral( "out" );
  bool writes = false;
  for ( const QCommandLineOption &option : options() )
    writes = writes || option.names().contains( out );
  if ( writes && !parser.value( out ).isEmpty() )
    PendulumTemporaryName::removeStale( QFileInfo( outputPath( parser ) ).absolutePath() );
}

QString PendulumCommand::checkOptionUse( const QCommandLineParser &parser ) const
{
  // QCommandLineParser keeps the last of repeated values: a repeated option is
  // a typo or a pasted line that the user thinks has both effects.
  QList<QCommandLineOption> all = options();
  all << QCommandLineOption( QStringList{ QStringLiteral( "h" ), QStringLiteral( "help" ) } );
  QStringList seen;
  for ( const QString &given : parser.optionNames() )
  {
    QString longName = given;
    for ( const QCommandLineOption &option : all )
    {
      if ( option.names().contains( given ) )
        longName = option.names().constLast();
    }
    if ( seen.contains( longName ) )
      return QStringLiteral( "--%1 is given more than once; give it once" ).arg( longName );
    seen << longName;
  }
  for ( const IgnoredOption &rule : ignoredOptions() )
  {
    if ( !parser.isSet( rule.option ) || parser.isSet( rule.mode ) != rule.withMode )
      continue;
    return QStringLiteral( "--%1 has no effect %2 --%3 (%4); leave it out" )
        .arg( rule.option, rule.withMode ? QStringLiteral( "with" ) : QStringLiteral( "without" ), rule.mode,
              rule.why );
  }
  return QString();
}

void PendulumCommand::setUp( QCommandLineParser &parser ) const
{
  parser.setSingleDashWordOptionMode( QCommandLineParser::ParseAsLongOptions );
  parser.addOption( QCommandLineOption( QStringList{ QStringLiteral( "h" ), QStringLiteral( "help" ) } ) );
  parser.addOptions( options() );
}
