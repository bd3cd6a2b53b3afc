#include "querycommand.h"

#include "pendulumbibliography.h"
#include "pendulumdataset.h"
#include "pendulumhistoricaldate.h"
#include "pendulumlanguage.h"
#include "pendulumplacequery.h"
#include "pendulumschema.h"
#include "pendulumtextsanitiser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include "qgsvectorlayer.h"

namespace
{
bool parseCoordinate( const QString &text, double limit, double *value )
{
  bool ok = false;
  *value = text.toDouble( &ok );
  return ok && std::isfinite( *value ) && std::abs( *value ) <= limit;
}
} // namespace

QString QueryCommand::summary() const
{
  return QStringLiteral( "Who held a place on a date, or the place's whole history, with sources." );
}

QString QueryCommand::details() const
{
  return QStringLiteral(
      "Who held a place: with --date, every feature of the record covering the point that day\n"
      "(layer, id, holder, status, period, citations); without, the place's whole history as a\n"
      "dated list of periods. --json prints one JSON object per line with the schema's field\n"
      "names, plus \"layer\" and \"citations\" (author–date)." );
}

QList<QCommandLineOption> QueryCommand::options() const
{
  return {
      { QStringLiteral( "lon" ), QStringLiteral( "Longitude in degrees east (WGS 84), e.g. 142.73." ),
        QStringLiteral( "X" ) },
      { QStringLiteral( "lat" ), QStringLiteral( "Latitude in degrees north (WGS 84), e.g. 46.96." ),
        QStringLiteral( "Y" ) },
      { QStringLiteral( "date" ), QStringLiteral( "The day, YYYY-MM-DD; without it, the whole history." ),
        QStringLiteral( "DATE" ) },
      { QStringLiteral( "json" ), QStringLiteral( "One JSON object per line instead of text." ) },
      { QStringLiteral( "lang" ),
        QStringLiteral( "Language of names and dates in text output: en, ja or ru (default en)." ),
        QStringLiteral( "LANG" ), QStringLiteral( "en" ) },
      dataOption(),
  };
}

QList<PendulumCommand::IgnoredOption> QueryCommand::ignoredOptions() const
{
  return { { QStringLiteral( "lang" ), QStringLiteral( "json" ), true,
             QStringLiteral( "JSON lines hold the names in every language" ) } };
}

QString QueryCommand::checkOptions( const QCommandLineParser &parser ) const
{
  double value = 0;
  if ( !parser.isSet( QStringLiteral( "lon" ) ) || !parser.isSet( QStringLiteral( "lat" ) ) )
    return QStringLiteral( "--lon and --lat are required (e.g. --lon 142.73 --lat 46.96)" );
  if ( !parseCoordinate( parser.value( QStringLiteral( "lon" ) ), 180, &value ) )
    return QStringLiteral( "--lon: '%1' is not a longitude from -180 to 180" )
        .arg( parser.value( QStringLiteral( "lon" ) ) );
  if ( !parseCoordinate( parser.value( QStringLiteral( "lat" ) ), 90, &value ) )
    return QStringLiteral( "--lat: '%1' is not a latitude from -90 to 90" )
        .arg( parser.value( QStringLiteral( "lat" ) ) );
  if ( parser.isSet( QStringLiteral( "date" ) ) )
  {
    QDate date;
    const QString problem = checkRecordDate( parser, QStringLiteral( "date" ), &date );
    if ( !problem.isEmpty() )
      return problem;
  }
  if ( !PendulumLanguage::isValid( parser.value( QStringLiteral( "lang" ) ) ) )
    return QStringLiteral( "--lang: '%1' is not one of %2" )
        .arg( parser.value( QStringLiteral( "lang" ) ),
              PendulumLanguage::codes().join( QStringLiteral( ", " ) ) );
  return QString();
}

QStringList QueryCommand::citations( const PendulumPlaceRecord &record,
                                     const PendulumBibliography &bibliography )
{
  QStringList cited;
  for ( const PendulumCitation &citation :
        PendulumBibliography::citationsOf( record.feature.attribute( QStringLiteral( "sources" ) ) ) )
    cited << bibliography.shortCitation( citation );
  return cited;
}

QString QueryCommand::textLine( const PendulumPlaceRecord &record, const PendulumBibliography &bibliography,
                                const QString &language )
{
  const QString period = PendulumHistoricalDate::period(
      record.validFrom(), record.text( QStringLiteral( "from_precision" ) ), record.validTo(),
      record.text( QStringLiteral( "to_precision" ) ), language );
  QString name = record.text( PendulumLanguage::nameField( language ) );
  if ( name.isEmpty() )
    name = record.text( QStringLiteral( "name_en" ) );
  QString line = QStringLiteral( "%1  %2 %3  %4 (%5/%6)" )
                     .arg( period, -28 )
                     .arg( record.text( QStringLiteral( "holder" ) ), -5 )
                     .arg( record.text( QStringLiteral( "status" ) ), -12 )
                     .arg( name, record.layerId, record.featureId() );
  const QStringList cited = citations( record, bibliography );
  if ( !cited.isEmpty() )
    line += QStringLiteral( "\n      sources: %1" ).arg( cited.join( QStringLiteral( "; " ) ) );
  return line;
}

QByteArray QueryCommand::jsonLine( const PendulumPlaceRecord &record,
                                   const PendulumBibliography &bibliography )
{
  QJsonObject object;
  object.insert( QStringLiteral( "layer" ), record.layerId );
  const QgsFields fields = record.feature.fields();
  for ( const PendulumSchema::Field &field : PendulumSchema::fields() )
  {
    const int index = fields.indexOf( field.name );
    if ( index < 0 )
      continue;
    const QVariant value = record.feature.attribute( index );
    switch ( field.type )
    {
    case PendulumSchema::FieldType::Date:
      object.insert( field.name,
                     value.isNull() ? QJsonValue() : QJsonValue( value.toDate().toString( Qt::ISODate ) ) );
      break;
    case PendulumSchema::FieldType::Json:
      object.insert( field.name,
                     value.type() == QVariant::String
                         ? QJsonValue( QJsonDocument::fromJson( value.toString().toUtf8() ).array() )
                         : QJsonValue::fromVariant( value ) );
      break;
    case PendulumSchema::FieldType::Text:
      object.insert( field.name, value.isNull() ? QJsonValue() : QJsonValue( value.toString() ) );
      break;
    }
  }
  object.insert( QStringLiteral( "citations" ),
                 QJsonArray::fromStringList( citations( record, bibliography ) ) );
  return QJsonDocument( object ).toJson( QJsonDocument::Compact );
}

int QueryCommand::run( const QCommandLineParser &parser )
{
  PendulumBibliography bibliography;
  const std::unique_ptr<PendulumDataset> dataset = openDataset( parser, &bibliography );
  if ( !dataset )
    return Failure;
  QString error;
  const QString language = parser.value( QStringLiteral( "lang" ) );
  const QList<QgsVectorLayer *> layers = dataset->createLayers( language, &error );
  if ( layers.isEmpty() )
  {
    printError( error );
    return Failure;
  }

  const QgsPointXY point( parser.value( QStringLiteral( "lon" ) ).toDouble(),
                          parser.value( QStringLiteral( "lat" ) ).toDouble() );
  const QDate date = parser.isSet( QStringLiteral( "date" ) )
                         ? QDate::fromString( parser.value( QStringLiteral( "date" ) ), Qt::ISODate )
                         : QDate();
  const PendulumPlaceQuery query( layers );
  const QList<PendulumPlaceRecord> records =
      date.isValid() ? query.at( point, date ) : query.history( point );

  QTextStream out( stdout );
  out.setCodec( "UTF-8" );
  const bool json = parser.isSet( QStringLiteral( "json" ) );
  if ( !json )
  {
    const QString place = QStringLiteral( "%1°%2 %3°%4" )
                              .arg( std::abs( point.x() ), 0, 'f', 4 )
                              .arg( point.x() < 0 ? 'W' : 'E' )
                              .arg( std::abs( point.y() ), 0, 'f', 4 )
                              .arg( point.y() < 0 ? 'S' : 'N' );
    out << ( date.isValid() ? QStringLiteral( "%1 on %2:" )
                                  .arg( place, PendulumHistoricalDate::format( date, QStringLiteral( "day" ),
                                                                               language ) )
                            : QStringLiteral( "%1, its history:" ).arg( place ) )
        << '\n';
    if ( records.isEmpty() )
      out << QStringLiteral( "  no feature of the record covers this place%1\n" )
                 .arg( date.isValid() ? QStringLiteral( " that day" ) : QString() );
  }
  for ( const PendulumPlaceRecord &record : records )
  {
    if ( json )
      out << QString::fromUtf8( jsonLine( record, bibliography ) ) << '\n';
    else
    {
      // Line by line: the line break before "sources:" is Pendulum's, not the record's.
      QStringList lines = textLine( record, bibliography, language ).split( QLatin1Char( '\n' ) );
      for ( QString &line : lines )
        line = PendulumTextSanitiser::visible( line );
      out << QStringLiteral( "  " ) << lines.join( QLatin1Char( '\n' ) ) << '\n';
    }
  }
  out.flush();
  qDeleteAll( layers );
  return Success;
}
