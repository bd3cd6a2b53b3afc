#include "validatecommand.h"

#include "pendulumpaths.h"
#include "pendulumrecordreader.h"
#include "pendulumtextsanitiser.h"
#include "pendulumvalidator.h"

#include <QTextStream>

QString ValidateCommand::summary() const
{
  return QStringLiteral( "Check the record against the data schema." );
}

QString ValidateCommand::details() const
{
  return QStringLiteral(
      "Check fields and codes, dates and their order, links to events, citations against\n"
      "sources.json, geometry validity, and that on no date land of `states` is held twice\n"
      "or by nobody. Prints one line per problem (file: feature-id: problem); exit 1 on any." );
}

QList<QCommandLineOption> ValidateCommand::options() const
{
  return { { QStringLiteral( "layers" ),
             QStringLiteral( "Folder of the record (default: %1)." ).arg( PendulumPaths::defaultLayersDir() ),
             QStringLiteral( "DIR" ), PendulumPaths::defaultLayersDir() } };
}

int ValidateCommand::run( const QCommandLineParser &parser )
{
  PendulumRecordReader record;
  record.read( parser.value( QStringLiteral( "layers" ) ) );
  PendulumValidator validator;
  const bool valid = validator.validate( record );
  QTextStream out( stdout );
  for ( const QString &problem : validator.problems() )
    out << PendulumTextSanitiser::visible( problem ) << Qt::endl;
  if ( !valid )
  {
    printError( QStringLiteral( "%1 problem(s)" ).arg( validator.problems().size() ) );
    return Failure;
  }
  int features = 0;
  for ( int i = 0; i < record.catalog().layers().size(); ++i )
    features += record.features( i ).size();
  out << QStringLiteral( "valid: %1 layers, %2 features, %3 sources; states topology checked on %4 dates" )
             .arg( record.catalog().layers().size() )
             .arg( features )
             .arg( record.bibliography().ids().size() )
             .arg( validator.topologyDatesChecked() )
      << Qt::endl;
  return Success;
}
