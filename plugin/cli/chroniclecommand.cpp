#include "chroniclecommand.h"

#include "pendulumchronicle.h"
#include "pendulumpaths.h"
#include "pendulumrecordreader.h"
#include "pendulumwriteerror.h"

#include <QSaveFile>
#include <QTextStream>

QString ChronicleCommand::summary() const
{
  return QStringLiteral( "Print the record as a dated Markdown chronology with citations." );
}

QList<QCommandLineOption> ChronicleCommand::options() const
{
  return {
      { QStringLiteral( "layers" ),
        QStringLiteral( "Folder of the record (default: %1)." ).arg( PendulumPaths::defaultLayersDir() ),
        QStringLiteral( "DIR" ), PendulumPaths::defaultLayersDir() },
      { QStringLiteral( "out" ), QStringLiteral( "Write to this file instead of standard output." ),
        QStringLiteral( "FILE.md" ) },
  };
}

QString ChronicleCommand::checkOptions( const QCommandLineParser &parser ) const
{
  return parser.isSet( QStringLiteral( "out" ) )
             ? checkOutput( parser, parser.value( QStringLiteral( "out" ) ) )
             : QString();
}

int ChronicleCommand::run( const QCommandLineParser &parser )
{
  PendulumRecordReader record;
  if ( !record.read( parser.value( QStringLiteral( "layers" ) ) ) )
  {
    for ( const QString &error : record.errors() )
      printError( error );
    return Failure;
  }
  const QByteArray markdown = PendulumChronicle::markdown( record ).toUtf8();
  if ( !parser.isSet( QStringLiteral( "out" ) ) )
  {
    QTextStream( stdout ) << QString::fromUtf8( markdown );
    return Success;
  }
  QSaveFile file( outputPath( parser ) );
  QString error;
  if ( !file.open( QIODevice::WriteOnly ) )
    error = PendulumWriteError::cannotWrite( file.fileName(), file.errorString() );
  else if ( file.write( markdown ) != markdown.size() )
    error = PendulumWriteError::cannotWrite( file.fileName(), file.errorString() );
  if ( !error.isEmpty() || !PendulumWriteError::commit( file, &error ) )
  {
    printError( error );
    return Failure;
  }
  return Success;
}
