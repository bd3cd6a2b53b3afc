#include "atlascommand.h"

#include "pendulumbibliography.h"
#include "pendulumdataset.h"
#include "pendulumdate.h"
#include "pendulumeventsatlas.h"
#include "penduluminterrupt.h"
#include "pendulumlanguage.h"
#include "pendulumprojectloader.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include "qgsfeedback.h"
#include "qgsprintlayout.h"
#include "qgsproject.h"

QString AtlasCommand::summary() const
{
  return QStringLiteral( "Write the events atlas: one PDF page per event, with the map on that day." );
}

QString AtlasCommand::details() const
{
  return QStringLiteral(
      "Write the events atlas, QGIS's atlas over the events layer: one page per event between --from and "
      "--to,\n"
      "in date order, with the map on the day of the event, the event's name, date, place and description, "
      "what\n"
      "changed (the features the event begins and ends) and its full citations. The layout comes from\n"
      "styles/pendulum_atlas_a4_landscape.qpt; --template uses one you restyled in QGIS's layout designer." );
}

QList<QCommandLineOption> AtlasCommand::options() const
{
  return {
      { QStringLiteral( "out" ), QStringLiteral( "PDF file to write." ), QStringLiteral( "FILE" ) },
      { QStringLiteral( "from" ),
        QStringLiteral( "First day, YYYY-MM-DD (default: the start of the record)." ),
        QStringLiteral( "DATE" ) },
      { QStringLiteral( "to" ), QStringLiteral( "Last day, YYYY-MM-DD, inclusive (default: today)." ),
        QStringLiteral( "DATE" ) },
      { QStringLiteral( "lang" ), QStringLiteral( "Language of names and texts: en, ja or ru (default en)." ),
        QStringLiteral( "LANG" ), QStringLiteral( "en" ) },
      { QStringLiteral( "dpi" ), QStringLiteral( "Resolution of anything rasterised (default 300)." ),
        QStringLiteral( "N" ), QStringLiteral( "300" ) },
      { QStringLiteral( "template" ),
        QStringLiteral( "A layout template (.qpt) to use instead of Pendulum's." ),
        QStringLiteral( "FILE" ) },
      dataOption(),
  };
}

QString AtlasCommand::checkOptions( const QCommandLineParser &parser ) const
{
  if ( !parser.isSet( QStringLiteral( "out" ) ) )
    return QStringLiteral( "--out is required (e.g. --out atlas.pdf)" );
  const QString out = parser.value( QStringLiteral( "out" ) );
  if ( QFileInfo( out ).suffix().toLower() != QLatin1String( "pdf" ) )
    return QStringLiteral( "--out: '%1' is not a .pdf file" ).arg( out );
  QDate from;
  QDate to;
  for ( const QString &option : { QStringLiteral( "from" ), QStringLiteral( "to" ) } )
  {
    const QString error =
        parser.isSet( option )
            ? checkRecordDate( parser, option, option == QLatin1String( "from" ) ? &from : &to )
            : QString();
    if ( !error.isEmpty() )
      return error;
  }
  if ( from.isValid() && to.isValid() && from > to )
    return QStringLiteral( "--from: %1 is after --to %2" )
        .arg( parser.value( QStringLiteral( "from" ) ), parser.value( QStringLiteral( "to" ) ) );
  if ( !PendulumLanguage::isValid( parser.value( QStringLiteral( "lang" ) ) ) )
    return QStringLiteral( "--lang: '%1' is not en, ja or ru" )
        .arg( parser.value( QStringLiteral( "lang" ) ) );
  const QString error = checkPrintOptions( parser );
  return error.isEmpty() ? checkOutput( parser, out ) : error;
}

int AtlasCommand::run( const QCommandLineParser &parser )
{
  PendulumBibliography bibliography;
  std::unique_ptr<PendulumDataset> dataset = openDataset( parser, &bibliography );
  if ( !dataset )
    return Failure;
  QString error;
  PendulumAtlasRequest request;
  request.from = PendulumDate::parse( parser.value( QStringLiteral( "from" ) ) );
  request.to = PendulumDate::parse( parser.value( QStringLiteral( "to" ) ) );
  request.language = parser.value( QStringLiteral( "lang" ) );
  request.templatePath = parser.value( QStringLiteral( "template" ) );

  QgsProject project;
  if ( !PendulumProjectLoader::load( &project, *dataset, request.language, &error ) )
  {
    printError( error );
    return Failure;
  }
  PendulumEventsAtlas atlas( &project, bibliography, request );
  if ( !atlas.prepare( &error ) )
  {
    printError( error );
    return Failure;
  }
  const int pages = atlas.pageCount();
  QgsFeedback *feedback = interrupt()->feedback();
  QTextStream err( stderr );
  const QMetaObject::Connection progressConnection =
      QObject::connect( feedback, &QgsFeedback::progressChanged,
                        [&err]( double progress )
                        { err << QStringLiteral( "\r%1%" ).arg( qRound( progress ), 3 ) << Qt::flush; } );
  const QString out = outputPath( parser );
  const bool ok = atlas.exportToPdf( out, parser.value( QStringLiteral( "dpi" ) ).toInt(), feedback, &error );
  QObject::disconnect( progressConnection );
  err << QStringLiteral( "\r" ) << Qt::flush;
  if ( !ok && interrupt()->requested() )
    return interrupted( out );
  if ( !ok )
  {
    printError( error );
    return Failure;
  }
  QTextStream( stdout ) << QStringLiteral( "wrote %1 (%2 events, %3 pages)" )
                               .arg( QDir::toNativeSeparators( out ) )
                               .arg( pages )
                               .arg( pages )
                        << Qt::endl;
  return Success;
}
