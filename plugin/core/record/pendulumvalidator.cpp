#include "pendulumvalidator.h"

#include "pendulumbibliography.h"
#include "pendulumdate.h"
#include "pendulumgeojsonreader.h"
#include "pendulumqgiscompat.h"
#include "pendulumrecordreader.h"
#include "pendulumschema.h"
#include "pendulumtextsanitiser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace
{
const QgsRectangle sRegion( 70, 15, 180, 75 );

bool isEventsLayer( const PendulumLayerInfo &info )
{
  return info.geometry == QLatin1String( "point" );
}

//! The first character popups and maps would drop (a control or bidi-override character), or -1.
int hiddenCharacter( const QString &text )
{
  const QString kept = PendulumTextSanitiser::sanitised( text );
  if ( kept.size() == text.size() )
    return -1;
  for ( int i = 0; i < text.size(); ++i )
  {
    if ( i >= kept.size() || kept.at( i ) != text.at( i ) )
      return text.at( i ).unicode();
  }
  return -1;
}
} // namespace

void PendulumValidator::problem( const QString &file, const QString &featureId, const QString &message )
{
  mProblems << ( featureId.isEmpty() ? QStringLiteral( "%1: %2" ).arg( file, message )
                                     : QStringLiteral( "%1: %2: %3" ).arg( file, featureId, message ) );
}

bool PendulumValidator::validate( const PendulumRecordReader &record )
{
  mProblems = record.errors();
  mIdFiles.clear();
  mEventIds.clear();
  mEventLinks.clear();
  mStates.clear();
  mTopologyDates = 0;

  const QList<PendulumLayerInfo> &layers = record.catalog().layers();
  bool eventsRead = true;
  for ( int i = 0; i < layers.size(); ++i )
  {
    if ( isEventsLayer( layers.at( i ) ) )
    {
      eventsRead = eventsRead && record.layerRead( i );
      for ( const PendulumFeature &feature : record.features( i ) )
        mEventIds << feature.id;
    }
  }
  for ( int i = 0; i < layers.size(); ++i )
  {
    for ( const PendulumFeature &feature : record.features( i ) )
      checkFeature( layers.at( i ), feature, record );
  }
  // An events file that could not be read is one problem, already said: not one more per link to it.
  for ( const auto &link : mEventLinks )
  {
    if ( eventsRead && !mEventIds.contains( link.second ) )
      mProblems
          << QStringLiteral( "%1: event '%2' is not in the events layer" ).arg( link.first, link.second );
  }
  if ( record.catalog().layer( QStringLiteral( "states" ) ) )
    checkStatesTopology( QStringLiteral( "states.geojson" ) );
  return mProblems.isEmpty();
}

void PendulumValidator::checkFeature( const PendulumLayerInfo &info, const PendulumFeature &feature,
                                      const PendulumRecordReader &record )
{
  const QString file = info.id + QStringLiteral( ".geojson" );
  const QString &id = feature.id;
  const QJsonObject &p = feature.properties;
  const auto value = [&p]( const char *key ) { return p.value( QLatin1String( key ) ).toString(); };

  static const QRegularExpression sKebab( QStringLiteral( "^[a-z0-9]+(-[a-z0-9]+)*$" ) );
  if ( !sKebab.match( p.value( QStringLiteral( "id" ) ).toString() ).hasMatch() )
    problem( file, id,
             QStringLiteral( "id '%1' is not kebab-case (a-z, 0-9 and single hyphens)" )
                 .arg( p.value( QStringLiteral( "id" ) ).toString() ) );
  if ( mIdFiles.contains( id ) )
    problem( file, id, QStringLiteral( "id is used twice (also in %1)" ).arg( mIdFiles.value( id ) ) );
  mIdFiles.insert( id, file );

  for ( auto it = p.begin(); it != p.end(); ++it )
  {
    bool known = false;
    for ( const PendulumSchema::Field &field : PendulumSchema::fields() )
      known = known || field.name == it.key();
    if ( !known )
      problem( file, id, QStringLiteral( "unknown field '%1'" ).arg( it.key() ) );
    else if ( !it.value().isNull() && !it.value().isString() && it.key() != QLatin1String( "sources" ) )
      problem( file, id, QStringLiteral( "%1 must be text" ).arg( it.key() ) );
    else if ( const int hidden = hiddenCharacter( it.value().toString() ); hidden >= 0 )
      problem( file, id,
               QStringLiteral( "%1 contains the invisible character U+%2, which can make text display as "
                               "something else; remove it" )
                   .arg( it.key(),
                         QString::number( hidden, 16 ).toUpper().rightJustified( 4, QLatin1Char( '0' ) ) ) );
  }

  // Missing: absent, null or blank text (a value of another type is reported as "must be text").
  const auto missing = [&p]( const QString &key )
  {
    const QJsonValue v = p.value( key );
    return v.isUndefined() || v.isNull() || ( v.isString() && v.toString().trimmed().isEmpty() );
  };
  if ( missing( QStringLiteral( "name_en" ) ) )
    problem( file, id, QStringLiteral( "name_en is missing" ) );
  checkGeometry( info, feature );

  if ( !info.temporal )
    return;

  QStringList required = { QStringLiteral( "name_ja" ),        QStringLiteral( "name_ru" ),
                           QStringLiteral( "from_precision" ), QStringLiteral( "certainty" ),
                           QStringLiteral( "method" ),         QStringLiteral( "description_en" ) };
  if ( isEventsLayer( info ) )
    required << QStringLiteral( "date_precision" ) << QStringLiteral( "kind" ) << QStringLiteral( "place" );
  else
    required << QStringLiteral( "holder" ) << QStringLiteral( "status" );
  for ( const QString &field : required )
  {
    if ( missing( field ) )
      problem( file, id, QStringLiteral( "%1 is missing" ).arg( field ) );
  }

  const auto checkCode = [&]( const char *field, const QStringList &codes, bool optional )
  {
    const QString code = value( field );
    if ( ( optional && code.isEmpty() ) || ( !optional && code.isEmpty() ) )
      return;
    if ( !codes.contains( code ) )
      problem( file, id,
               QStringLiteral( "%1 '%2' is not one of %3" )
                   .arg( QLatin1String( field ), code, codes.join( QStringLiteral( ", " ) ) ) );
  };
  checkCode( "holder", PendulumSchema::holderCodes(), isEventsLayer( info ) );
  checkCode( "status", PendulumSchema::statusCodes(), isEventsLayer( info ) );
  checkCode( "overlord", PendulumSchema::holderCodes(), true );
  checkCode( "from_precision", PendulumSchema::precisionCodes(), false );
  checkCode( "to_precision", PendulumSchema::precisionCodes(), true );
  checkCode( "certainty", PendulumSchema::certaintyCodes(), false );
  checkCode( "date_precision", PendulumSchema::precisionCodes(), true );
  checkCode( "kind", PendulumSchema::eventKinds(), true );
  if ( value( "status" ) == QLatin1String( "puppet_state" ) && value( "overlord" ).isEmpty() )
    problem( file, id, QStringLiteral( "a puppet state needs an overlord" ) );

  // Dates: real days, in order.
  QString error;
  const QDate from = PendulumDate::parse( value( "valid_from" ), &error );
  if ( !from.isValid() )
    problem( file, id, QStringLiteral( "valid_from: %1" ).arg( error ) );
  QDate to;
  if ( !value( "valid_to" ).isEmpty() )
  {
    to = PendulumDate::parse( value( "valid_to" ), &error );
    if ( !to.isValid() )
      problem( file, id, QStringLiteral( "valid_to: %1" ).arg( error ) );
    else if ( from.isValid() && to <= from )
      problem( file, id,
               QStringLiteral( "valid_to %1 is not after valid_from %2" )
                   .arg( value( "valid_to" ), value( "valid_from" ) ) );
    if ( value( "to_precision" ).isEmpty() )
      problem( file, id, QStringLiteral( "to_precision is missing" ) );
  }
  if ( from.isValid() && ( from < QDate( 1800, 1, 1 ) || from > QDate::currentDate() ) )
    problem( file, id,
             QStringLiteral( "valid_from %1 is outside 1800 to today" ).arg( value( "valid_from" ) ) );
  if ( isEventsLayer( info ) )
  {
    const QDate date = PendulumDate::parse( value( "date" ), &error );
    if ( !date.isValid() )
      problem( file, id, QStringLiteral( "date: %1" ).arg( error ) );
    else if ( date != from )
      problem( file, id,
               QStringLiteral( "date %1 differs from valid_from %2" )
                   .arg( value( "date" ), value( "valid_from" ) ) );
  }

  for ( const char *link : { "from_event", "to_event" } )
  {
    if ( !value( link ).isEmpty() )
      mEventLinks << qMakePair( QStringLiteral( "%1: %2: %3" ).arg( file, id, QLatin1String( link ) ),
                                value( link ) );
  }

  // Citations: at least one, each in the bibliography.
  const QJsonValue sources = p.value( QStringLiteral( "sources" ) );
  const QString sourcesText =
      QString::fromUtf8( QJsonDocument( sources.toArray() ).toJson( QJsonDocument::Compact ) );
  const QList<PendulumCitation> citations = sources.isArray()
                                                ? PendulumBibliography::parseCitations( sourcesText, &error )
                                                : QList<PendulumCitation>();
  if ( citations.isEmpty() )
    problem( file, id, QStringLiteral( "no sources: every feature needs at least one citation" ) );
  for ( const PendulumCitation &citation : citations )
  {
    if ( !record.bibliography().contains( citation.id ) )
      problem( file, id, QStringLiteral( "cites '%1', which is not in sources.json" ).arg( citation.id ) );
  }

  if ( info.id == QLatin1String( "states" ) && from.isValid() )
  {
    StatesPiece piece;
    piece.id = id;
    piece.from = from;
    piece.to = to;
    piece.disputed = value( "status" ) == QLatin1String( "disputed" );
    piece.geometry = PendulumGeoJsonReader::toGeometry( feature.geometry );
    mStates << piece;
  }
}

void PendulumValidator::checkGeometry( const PendulumLayerInfo &info, const PendulumFeature &feature )
{
  const QString file = info.id + QStringLiteral( ".geojson" );
  const QgsGeometry geometry = PendulumGeoJsonReader::toGeometry( feature.geometry );
  if ( geometry.isNull() || geometry.isEmpty() )
  {
    problem( file, feature.id, QStringLiteral( "geometry is missing, empty or not GeoJSON" ) );
    return;
  }
  const bool wantPoint = isEventsLayer( info );
  if ( ( geometry.type() == PendulumQgis::GeometryType::Point ) != wantPoint ||
       ( !wantPoint && geometry.type() != PendulumQgis::GeometryType::Polygon ) )
  {
    problem( file, feature.id,
             QStringLiteral( "geometry is a %1, the layer holds %2s" )
                 .arg( QgsWkbTypes::displayString( geometry.wkbType() ),
                       wantPoint ? QStringLiteral( "point" ) : QStringLiteral( "polygon" ) ) );
    return;
  }
  QVector<QgsGeometry::Error> errors;
  geometry.validateGeometry( errors, Qgis::GeometryValidationEngine::Geos );
  if ( !errors.isEmpty() )
    problem( file, feature.id, QStringLiteral( "invalid geometry: %1" ).arg( errors.first().what() ) );
  if ( !sRegion.contains( geometry.boundingBox() ) )
    problem( file, feature.id, QStringLiteral( "geometry reaches outside the region 70–180°E, 15–75°N" ) );
}

void PendulumValidator::checkStatesTopology( const QString &fileName )
{
  // The union of all sovereign pieces over time is the land the layer covers; on every date at
  // which something starts or ends, the pieces true that day must tile it exactly.
  QVector<QgsGeometry> all;
  QSet<QDate> dateSet;
  for ( const StatesPiece &piece : mStates )
  {
    if ( piece.disputed || piece.geometry.isNull() )
      continue;
    all << piece.geometry;
    dateSet.insert( piece.from );
    if ( piece.to.isValid() )
      dateSet.insert( piece.to );
  }
  if ( all.isEmpty() )
    return;
  const QgsGeometry coverage = QgsGeometry::unaryUnion( all );
  const double coverageArea = coverage.area();
  QList<QDate> dates( dateSet.begin(), dateSet.end() );
  std::sort( dates.begin(), dates.end() );

  for ( const QDate &date : dates )
  {
    QList<const StatesPiece *> active;
    for ( const StatesPiece &piece : mStates )
    {
      if ( !piece.disputed && !piece.geometry.isNull() && piece.from <= date &&
           ( !piece.to.isValid() || piece.to > date ) )
        active << &piece;
    }
    ++mTopologyDates;
    QVector<QgsGeometry> pieces;
    for ( int i = 0; i < active.size(); ++i )
    {
      pieces << active.at( i )->geometry;
      for ( int j = i + 1; j < active.size(); ++j )
      {
        if ( !active.at( i )->geometry.boundingBoxIntersects( active.at( j )->geometry ) )
          continue;
        const double overlap = active.at( i )->geometry.intersection( active.at( j )->geometry ).area();
        if ( overlap > OVERLAP_TOLERANCE )
          problem( fileName, active.at( i )->id,
                   QStringLiteral( "overlaps %1 on %2 (%3 deg²): land held twice" )
                       .arg( active.at( j )->id, date.toString( Qt::ISODate ) )
                       .arg( overlap, 0, 'g', 3 ) );
      }
    }
    const double gap = coverageArea - QgsGeometry::unaryUnion( pieces ).area();
    if ( gap > GAP_TOLERANCE )
      problem( fileName, QString(),
               QStringLiteral( "on %1, %2 deg² of land is held by nobody" )
                   .arg( date.toString( Qt::ISODate ) )
                   .arg( gap, 0, 'g', 3 ) );
  }
}
