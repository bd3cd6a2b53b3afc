#include "pendulumeventlist.h"

#include "pendulumdataset.h"

#include <algorithm>

#include "qgscoordinatereferencesystem.h"
#include "qgscoordinatetransform.h"
#include "qgsfeatureiterator.h"
#include "qgsgeometry.h"
#include "qgsproject.h"
#include "qgsvectorlayer.h"

QString PendulumEvent::name( const QString &language ) const
{
  const QString localName = language == QLatin1String( "ja" )   ? nameJa
                            : language == QLatin1String( "ru" ) ? nameRu
                                                                : nameEn;
  return localName.isEmpty() ? nameEn : localName;
}

PendulumEventList::PendulumEventList( QgsVectorLayer *eventsLayer )
{
  if ( !eventsLayer )
    return;
  const QgsCoordinateReferenceSystem wgs84( QStringLiteral( "EPSG:4326" ) );
  const QgsCoordinateTransform toWgs84( eventsLayer->crs(), wgs84,
                                        QgsProject::instance()->transformContext() );
  QgsFeatureIterator it = eventsLayer->getFeatures();
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
  {
    const auto text = [&feature]( const char *field )
    { return feature.attribute( QLatin1String( field ) ).toString(); };
    PendulumEvent event;
    event.date = feature.attribute( QStringLiteral( "date" ) ).toDate();
    if ( !event.date.isValid() || !feature.hasGeometry() )
      continue;
    event.id = text( "id" );
    event.fid = feature.id();
    event.precision = text( "date_precision" );
    event.nameEn = text( "name_en" );
    event.nameJa = text( "name_ja" );
    event.nameRu = text( "name_ru" );
    event.kind = text( "kind" );
    event.place = text( "place" );
    QgsPointXY point = feature.geometry().centroid().asPoint();
    try
    {
      point = toWgs84.transform( point );
    }
    catch ( const QgsCsException & )
    {
      continue; // a point outside the layer's CRS cannot be shown anyway
    }
    event.lonLat = point;
    mEvents << event;
  }
  std::sort( mEvents.begin(), mEvents.end(),
             []( const PendulumEvent &a, const PendulumEvent &b )
             { return a.date != b.date ? a.date < b.date : a.id < b.id; } );
  for ( const PendulumEvent &event : std::as_const( mEvents ) )
  {
    const QStringList parts = { event.nameEn, event.nameJa, event.nameRu, event.place,
                                event.date.toString( Qt::ISODate ) };
    mHaystacks << folded( parts.join( QLatin1Char( '\n' ) ) );
  }
}

PendulumEventList PendulumEventList::fromLayers( const QList<QgsVectorLayer *> &layers )
{
  for ( QgsVectorLayer *layer : layers )
  {
    if ( layer &&
         layer->customProperty( PendulumDataset::layerIdProperty() ).toString() == QLatin1String( "events" ) )
      return PendulumEventList( layer );
  }
  return PendulumEventList();
}

const PendulumEvent *PendulumEventList::find( const QString &id ) const
{
  for ( const PendulumEvent &event : mEvents )
  {
    if ( event.id == id )
      return &event;
  }
  return nullptr;
}

QList<PendulumEvent> PendulumEventList::matching( const QString &text ) const
{
  const QString needle = folded( text.trimmed() );
  if ( needle.isEmpty() )
    return mEvents;
  QList<PendulumEvent> found;
  for ( int i = 0; i < mEvents.size(); ++i )
  {
    if ( mHaystacks.at( i ).contains( needle ) )
      found << mEvents.at( i );
  }
  return found;
}

QString PendulumEventList::folded( const QString &text )
{
  // NFKD splits "ō" into "o" + a combining macron and maps full-width "Ｓ" to "S";
  // dropping the marks makes "Choraku" find "Chōraku" and "Ito" find "Itō". Only the
  // Latin combining block (U+0300–U+036F) goes: kana voicing marks (が = か + U+3099)
  // change the word, so they stay.
  const QString decomposed = text.normalized( QString::NormalizationForm_KD );
  QString result;
  result.reserve( decomposed.size() );
  for ( const QChar c : decomposed )
  {
    if ( c.unicode() < 0x0300 || c.unicode() > 0x036f )
      result += c;
  }
  return result.toCaseFolded();
}
