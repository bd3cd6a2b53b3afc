#include "buildcommand.h"

#include "pendulumdatabuilder.h"
#include "penduluminterrupt.h"
#include "pendulumpaths.h"

#include <QFileInfo>
#include <QTextStream>

QString BuildCommand::summary() const
{
  return QStringLiteral( "Build the historical record into one GeoPackage." );
}

QString BuildCommand::details() const
{
  return QStringLiteral(
      "Build the historical record (layers/*.geojson, catalog.json, sources.json and the QML styles)\n"
      "into one GeoPackage with date-indexed tables and default styles. The previous GeoPackage\n"
      "is replaced only when the new one is complete." );
}

QList<QCommandLineOption> BuildCommand::options() const
{
  return {
      { QStringLiteral( "layers" ),
        QStringLiteral( "Folder of the record (default: %1)." ).arg( PendulumPaths::defaultLayersDir() ),
        QStringLiteral( "DIR" ), PendulumPaths::defaultLayersDir() },
      { QStringLiteral( "styles" ),
        QStringLiteral( "Folder of the QML styles (default: styles/ beside the layers folder)." ),
        QStringLiteral( "DIR" ) },
      { QStringLiteral( "out" ),
        QStringLiteral( "GeoPackage to write (default: %1)." ).arg( PendulumPaths::defaultDataPath() ),
        QStringLiteral( "FILE.gpkg" ), PendulumPaths::defaultDataPath() },
  };
}

QString BuildCommand::checkOptions( const QCommandLineParser &parser ) const
{
  const QString out = parser.value( QStringLiteral( "out" ) );
  // The record is a GeoPackage; any other name is a slip that would put one where it does not belong.
  if ( QFileInfo( out ).suffix().toLower() != QLatin1String( "gpkg" ) )
    return QStringLiteral( "--out: %1 is not a .gpkg file (build writes a GeoPackage)" ).arg( out );
  // Else every style of the catalog would be "not found", one line each.
  const QString styles = parser.value( QStringLiteral( "styles" ) );
  if ( parser.isSet( QStringLiteral( "styles" ) ) && !QFileInfo( styles ).isDir() )
    return QStringLiteral( "--styles: %1: %2" )
        .arg( styles, QFileInfo::exists( styles ) ? QStringLiteral( "not a folder" )
                                                  : QStringLiteral( "no such folder" ) );
  return checkOutput( parser, out );
}

int BuildCommand::run( const QCommandLineParser &parser )
{
  const QString layersDir = parser.value( QStringLiteral( "layers" ) );
  const QString stylesDir = parser.isSet( QStringLiteral( "styles" ) )
                                ? parser.value( QStringLiteral( "styles" ) )
                                : PendulumPaths::stylesDirFor( layersDir );
  const QString out = outputPath( parser );

  // "Left unchanged" only of a file that was there: of a new one, nothing was written.
  const QString kept = QFileInfo::exists( out ) ? QStringLiteral( "%1 left unchanged" ).arg( out )
                                                : QStringLiteral( "nothing was written to %1" ).arg( out );
  PendulumDataBuilder builder( layersDir, stylesDir );
  if ( !builder.build( out, interrupt()->feedback() ) )
  {
    if ( interrupt()->requested() )
    {
      printError( QStringLiteral( "interrupted; %1" ).arg( kept ) );
      return interrupt()->exitCode();
    }
    QTextStream err( stderr );
    for ( const QString &error : builder.errors() )
      err << error << Qt::endl;
    printError( QStringLiteral( "%1 problem(s); %2" ).arg( builder.errors().size() ).arg( kept ) );
    return Failure;
  }
  QTextStream( stdout ) << QStringLiteral( "built %1" ).arg( out ) << Qt::endl;
  return Success;
}
