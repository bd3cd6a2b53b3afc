#include "pendulumsourcelist.h"

#include "pendulumbibliography.h"

#include <QJsonArray>
#include <QJsonDocument>

PendulumSourceList::PendulumSourceList( const PendulumBibliography &bibliography )
    : mBibliography( bibliography )
{
}

void PendulumSourceList::add( const QgsFeature &feature )
{
  const QList<PendulumCitation> citations = PendulumBibliography::citationsOf(
      feature.attribute( QStringLiteral( "sources" ) ) ); // JSON text or OGR's parsed list
  for ( const PendulumCitation &citation : citations )
  {
    if ( mBibliography.contains( citation.id ) && !mIds.contains( citation.id ) )
      mIds << citation.id;
  }
}

QString PendulumSourceList::text() const
{
  QStringList lines;
  for ( const QString &id : mIds )
    lines << mBibliography.reference( id, PendulumBibliography::Format::Text );
  return lines.join( QLatin1Char( '\n' ) );
}

QString PendulumSourceList::bibtex() const
{
  QStringList entries;
  for ( const QString &id : mIds )
    entries << mBibliography.bibtex( id ).trimmed();
  return entries.join( QStringLiteral( "\n\n" ) );
}

QByteArray PendulumSourceList::cslJson() const
{
  QJsonArray items;
  for ( const QString &id : mIds )
    items.append( mBibliography.item( id ) );
  return QJsonDocument( items ).toJson( QJsonDocument::Indented );
}
