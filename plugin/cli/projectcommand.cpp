#include "projectcommand.h"

#include "pendulumdataset.h"
#include "pendulumlanguage.h"
#include "pendulumprojectwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

QString ProjectCommand::summary() const
{
  return QStringLiteral( "Write a QGIS project of the record that plays in QGIS without Pendulum." );
}

QString ProjectCommand::details() const
{
  return QStringLiteral(
      "Write a ready QGIS project (.qgz or .qgs) for the record: its layers in one group, read from the\n"
      "GeoPackage by a path relative to the project (keep the two side by side, or zip the folder), the\n"
      "region's projection, the Temporal Controller set to play month by month from 1855 to today, the\n"
      "date label, and the A4 map and events atlas print layouts. It opens in any QGIS (3.22 or newer)\n"
      "with no plugin installed." );
}

QList<QCommandLineOption> ProjectCommand::options() const
{
  return {
      { QStringLiteral( "out" ), QStringLiteral( "Project file to write (.qgz or .qgs)." ),
        QStringLiteral( "FILE.qgz" ) },
      { QStringLiteral( "lang" ),
        QStringLiteral( "Language of layer names, labels, popups and layouts: en, ja or ru (default en)." ),
        QStringLiteral( "LANG" ), QStringLiteral( "en" ) },
      dataOption(),
  };
}

QString ProjectCommand::checkOptions( const QCommandLineParser &parser ) const
{
  if ( !parser.isSet( QStringLiteral( "out" ) ) )
    return QStringLiteral( "--out is required (e.g. --out pendulum.qgz)" );
  const QString out = parser.value( QStringLiteral( "out" ) );
  const QString suffix = QFileInfo( out ).suffix().toLower();
  if ( suffix != QLatin1String( "qgz" ) && suffix != QLatin1String( "qgs" ) )
    return QStringLiteral( "--out: %1 is not a .qgz or .qgs file (project writes a QGIS project)" )
        .arg( out );
  if ( !PendulumLanguage::isValid( parser.value( QStringLiteral( "lang" ) ) ) )
    return QStringLiteral( "--lang: '%1' is not en, ja or ru" )
        .arg( parser.value( QStringLiteral( "lang" ) ) );
  return checkOutput( parser, out );
}

int ProjectCommand::run( const QCommandLineParser &parser )
{
  std::unique_ptr<PendulumDataset> dataset = openDataset( parser );
  if ( !dataset )
    return Failure;
  const QString out = outputPath( parser );
  QString error;
  if ( !PendulumProjectWriter::write( *dataset, parser.value( QStringLiteral( "lang" ) ), out, &error ) )
  {
    printError( error );
    return Failure;
  }
  QTextStream( stdout ) << QStringLiteral( "wrote %1 (layers from %2)" )
                               .arg(
                                   QDir::toNativeSeparators( out ),
                                   QDir::toNativeSeparators(
                                       QFileInfo( out ).absoluteDir().relativeFilePath( dataset->path() ) ) )
                        << Qt::endl;
  return Success;
}
