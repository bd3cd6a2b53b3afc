#include "pendulummarkupcheck.h"

#include "pendulumlanguage.h"
#include "pendulumqgiscompat.h"

#include <QRegularExpression>

#include "qgsfeatureiterator.h"
#include "qgsvectorlayer.h"

QString PendulumMarkupCheck::foreignTag( const QString &html )
{
  static const QRegularExpression sTag( QStringLiteral( "<[^>]*>?" ) );
  // PendulumPopup's elements; style values without "(" (no url(), no expression()); web links only.
  static const QRegularExpression sAllowed( QRegularExpression::anchoredPattern( QStringLiteral(
      "<(/?(div|table|tr|th|td|p|i|br|ol|li|a|hr|h3)|(div|table|th|ol|p|i) style=\"[-a-zA-Z0-9:;#.,' ]*\"|"
      "div class=\"pendulum-popup\" style=\"[-a-zA-Z0-9:;#.,' ]*\"|a href=\"https?://[^\"<>]*\"|hr/)>" ) ) );
  QRegularExpressionMatchIterator it = sTag.globalMatch( html );
  while ( it.hasNext() )
  {
    const QString tag = it.next().captured( 0 );
    if ( !sAllowed.match( tag ).hasMatch() )
      return tag;
  }
  return QString();
}

bool PendulumMarkupCheck::check( QgsVectorLayer *layer, QString *error )
{
  QgsAttributeList columns;
  QStringList names;
  for ( const QString &language : PendulumLanguage::codes() )
  {
    const int index = layer->fields().lookupField( PendulumLanguage::popupField( language ) );
    if ( index >= 0 )
    {
      columns << index;
      names << PendulumLanguage::popupField( language );
    }
  }
  if ( columns.isEmpty() )
    return true;
  const int idIndex = layer->fields().lookupField( QStringLiteral( "id" ) );
  QgsFeatureRequest request;
  request.setFlags( PendulumQgis::FeatureRequestFlag::NoGeometry );
  request.setSubsetOfAttributes( idIndex >= 0 ? QgsAttributeList( columns ) << idIndex : columns );
  QgsFeatureIterator it = layer->getFeatures( request );
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
  {
    for ( int i = 0; i < columns.size(); ++i )
    {
      const QString tag = foreignTag( feature.attribute( columns.at( i ) ).toString() );
      if ( tag.isEmpty() )
        continue;
      *error =
          QStringLiteral( "feature '%1': %2 holds markup Pendulum never writes (%3), so the file was "
                          "changed after it was built" )
              .arg( idIndex >= 0 ? feature.attribute( idIndex ).toString() : QString::number( feature.id() ),
                    names.at( i ), tag.left( 60 ) );
      return false;
    }
  }
  return true;
}
