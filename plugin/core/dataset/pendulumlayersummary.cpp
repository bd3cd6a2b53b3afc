#include "pendulumlayersummary.h"

#include "pendulumbibliography.h"
#include "pendulumqgiscompat.h"
#include "pendulumschema.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "qgsfeatureiterator.h"
#include "qgsfeaturerequest.h"
#include "qgsvectorlayer.h"

void PendulumLayerSummary::addFeature( const QVariant &sources, const QVariant &from, const QVariant &to )
{
  if ( sources.isValid() )
  {
    for ( const PendulumCitation &citation : PendulumBibliography::citationsOf( sources ) )
    {
      if ( !citedIds.contains( citation.id ) )
        citedIds << citation.id;
    }
  }
  if ( from.isValid() )
  {
    const QDate date = from.toDate();
    if ( date.isValid() && ( !first.isValid() || date < first ) )
      first = date;
  }
  if ( to.isValid() )
  {
    const QDate date = to.toDate();
    openEnded |= !date.isValid();
    if ( date.isValid() && ( !last.isValid() || date > last ) )
      last = date;
  }
}

PendulumLayerSummary PendulumLayerSummary::scan( QgsVectorLayer *layer )
{
  PendulumLayerSummary summary;
  const QgsFields fields = layer->fields();
  const int sourcesIndex = fields.lookupField( QStringLiteral( "sources" ) );
  const int fromIndex = fields.lookupField( PendulumSchema::startField() );
  const int toIndex = fields.lookupField( PendulumSchema::endField() );
  QgsAttributeList attributes;
  for ( const int index : { sourcesIndex, fromIndex, toIndex } )
  {
    if ( index >= 0 )
      attributes << index;
  }
  if ( attributes.isEmpty() )
    return summary;
  QgsFeatureRequest request;
  request.setFlags( PendulumQgis::FeatureRequestFlag::NoGeometry );
  request.setSubsetOfAttributes( attributes );
  QgsFeatureIterator it = layer->getFeatures( request );
  QgsFeature feature;
  // A null date of a column that exists is a QVariant of type Date that is invalid: keep "has the column"
  // apart from "has a value" by passing a null QDate rather than an invalid QVariant.
  const auto date = []( const QgsFeature &feature, int index )
  { return index < 0 ? QVariant() : QVariant( feature.attribute( index ).toDate() ); };
  while ( it.nextFeature( feature ) )
    summary.addFeature( sourcesIndex < 0 ? QVariant() : feature.attribute( sourcesIndex ),
                        date( feature, fromIndex ), date( feature, toIndex ) );
  return summary;
}

QJsonObject PendulumLayerSummary::toJson() const
{
  QJsonObject object;
  object.insert( QStringLiteral( "cited" ), QJsonArray::fromStringList( citedIds ) );
  object.insert( QStringLiteral( "first" ),
                 first.isValid() ? QJsonValue( first.toString( Qt::ISODate ) ) : QJsonValue() );
  object.insert( QStringLiteral( "last" ),
                 last.isValid() ? QJsonValue( last.toString( Qt::ISODate ) ) : QJsonValue() );
  object.insert( QStringLiteral( "open_ended" ), openEnded );
  return object;
}

PendulumLayerSummary PendulumLayerSummary::fromJson( const QJsonObject &object )
{
  PendulumLayerSummary summary;
  for ( const QJsonValue &id : object.value( QStringLiteral( "cited" ) ).toArray() )
    summary.citedIds << id.toString();
  summary.first = QDate::fromString( object.value( QStringLiteral( "first" ) ).toString(), Qt::ISODate );
  summary.last = QDate::fromString( object.value( QStringLiteral( "last" ) ).toString(), Qt::ISODate );
  summary.openEnded = object.value( QStringLiteral( "open_ended" ) ).toBool();
  return summary;
}

QHash<QString, PendulumLayerSummary> PendulumLayerSummary::parseAll( const QByteArray &json )
{
  QHash<QString, PendulumLayerSummary> summaries;
  const QJsonObject all = QJsonDocument::fromJson( json ).object();
  for ( auto it = all.constBegin(); it != all.constEnd(); ++it )
  {
    if ( it.value().isObject() )
      summaries.insert( it.key(), fromJson( it.value().toObject() ) );
  }
  return summaries;
}

bool PendulumLayerSummary::operator==( const PendulumLayerSummary &other ) const
{
  return citedIds == other.citedIds && first == other.first && last == other.last &&
         openEnded == other.openEnded;
}
