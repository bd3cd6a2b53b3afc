#include "pendulumbibliography.h"

#include "pendulumtextfile.h"
#include "pendulumtextsanitiser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace
{
QString year( const QJsonObject &item )
{
  const QJsonArray parts =
      item.value( QStringLiteral( "issued" ) ).toObject().value( QStringLiteral( "date-parts" ) ).toArray();
  const int value = parts.first().toArray().first().toInt();
  return value ? QString::number( value ) : QStringLiteral( "n.d." );
}

//! \a text ending in one full stop ("n.d." is not given a second).
QString withFullStop( const QString &text )
{
  return text.endsWith( QLatin1Char( '.' ) ) ? text : text + QLatin1Char( '.' );
}

QString text( const QJsonObject &item, const char *key )
{
  const QJsonValue value = item.value( QLatin1String( key ) );
  return value.isDouble() ? QString::number( value.toInt() ) : value.toString().trimmed();
}

QString personName( const QJsonObject &person, bool familyFirst )
{
  const QString literal = person.value( QStringLiteral( "literal" ) ).toString();
  if ( !literal.isEmpty() )
    return literal;
  const QString family = person.value( QStringLiteral( "family" ) ).toString();
  const QString given = person.value( QStringLiteral( "given" ) ).toString();
  if ( given.isEmpty() )
    return family;
  return familyFirst ? QStringLiteral( "%1, %2" ).arg( family, given )
                     : QStringLiteral( "%1 %2" ).arg( given, family );
}

bool isContainerPart( const QString &type )
{
  return type == QLatin1String( "article-journal" ) || type == QLatin1String( "chapter" ) ||
         type == QLatin1String( "article-newspaper" ) || type == QLatin1String( "article-magazine" ) ||
         type == QLatin1String( "entry-encyclopedia" ) || type == QLatin1String( "webpage" );
}
} // namespace

bool PendulumBibliography::fromJson( const QByteArray &json, QString *error )
{
  QJsonParseError parseError;
  const QJsonDocument doc = QJsonDocument::fromJson( json, &parseError );
  if ( parseError.error != QJsonParseError::NoError || !doc.isArray() )
  {
    *error = parseError.error != QJsonParseError::NoError
                 ? QStringLiteral( "bibliography: line %1: not valid JSON (%2)" )
                       .arg( PendulumTextFile::lineAt( json, parseError.offset ) )
                       .arg( parseError.errorString() )
                 : QStringLiteral( "bibliography: not a CSL-JSON array" );
    return false;
  }
  QHash<QString, QJsonObject> items;
  QStringList order;
  int index = 0;
  for ( const QJsonValue &value : doc.array() )
  {
    ++index;
    QJsonObject item = value.toObject();
    // CSL-JSON allows numeric ids (some exports write them); citations name them as text.
    const QJsonValue idValue = item.value( QStringLiteral( "id" ) );
    const QString id =
        idValue.isDouble() ? QString::number( idValue.toDouble(), 'g', 16 ) : idValue.toString();
    if ( idValue.isDouble() )
      item.insert( QStringLiteral( "id" ), id );
    if ( id.isEmpty() )
    {
      *error = QStringLiteral( "bibliography: item %1 has no id" ).arg( index );
      return false;
    }
    if ( items.contains( id ) )
    {
      *error = QStringLiteral( "bibliography: id '%1' is used twice" ).arg( id );
      return false;
    }
    items.insert( id, item );
    order << id;
  }
  mItems = items;
  mOrder = order;
  return true;
}

QString PendulumBibliography::authors( const QJsonObject &item, bool shortForm ) const
{
  QJsonArray people = item.value( QStringLiteral( "author" ) ).toArray();
  if ( people.isEmpty() )
    people = item.value( QStringLiteral( "editor" ) ).toArray();
  QStringList names;
  for ( int i = 0; i < people.size(); ++i )
  {
    const QJsonObject person = people.at( i ).toObject();
    if ( shortForm )
    {
      const QString literal = person.value( QStringLiteral( "literal" ) ).toString();
      names << ( literal.isEmpty() ? person.value( QStringLiteral( "family" ) ).toString() : literal );
    }
    else
    {
      names << personName( person, i == 0 );
    }
  }
  if ( shortForm && names.size() > 2 )
    return names.first() + QStringLiteral( " et al." );
  if ( names.size() > 1 )
  {
    const QString last = names.takeLast();
    return names.join( QStringLiteral( ", " ) ) + QStringLiteral( " and " ) + last;
  }
  return names.value( 0 );
}

QString PendulumBibliography::authorDate( const QString &id ) const
{
  const QJsonObject item = mItems.value( id );
  if ( item.isEmpty() )
    return id;
  QString who = authors( item, true );
  if ( who.isEmpty() )
    who = text( item, "title-short" );
  if ( who.isEmpty() )
    who = text( item, "title" )
              .section( QLatin1Char( ':' ), 0, 0 )
              .section( QLatin1Char( '[' ), 0, 0 )
              .trimmed();
  return QStringLiteral( "%1 %2" ).arg( who, year( item ) );
}

QString PendulumBibliography::shortCitation( const PendulumCitation &citation ) const
{
  const QString work = authorDate( citation.id );
  return citation.locator.isEmpty() ? work : QStringLiteral( "%1, %2" ).arg( work, citation.locator );
}

QString PendulumBibliography::fullCitation( const PendulumCitation &citation, Format format ) const
{
  // The reference escapes its own fields and links only DOIs and http(s) URLs.
  QString text = PendulumTextSanitiser::sanitised( reference( citation.id, format ) );
  const bool html = format == Format::Html;
  QStringList where;
  if ( !citation.locator.isEmpty() )
  {
    const QString locator = PendulumTextSanitiser::sanitised( citation.locator );
    where << ( html ? locator.toHtmlEscaped() : locator );
  }
  if ( !citation.note.isEmpty() )
  {
    const QString note = PendulumTextSanitiser::sanitised( citation.note );
    where << ( html ? QStringLiteral( "<i>%1</i>" ).arg( note.toHtmlEscaped() ) : note );
  }
  if ( !where.isEmpty() )
    text += QStringLiteral( " — %1" ).arg( where.join( QStringLiteral( "; " ) ) );
  return text;
}

QString PendulumBibliography::reference( const QString &id, Format format ) const
{
  const QJsonObject item = mItems.value( id );
  if ( item.isEmpty() )
    return format == Format::Html ? id.toHtmlEscaped() : id;
  const auto escape = [format]( const QString &value )
  { return format == Format::Html ? value.toHtmlEscaped() : value; };
  const QString type = text( item, "type" );

  QStringList parts;
  const QString who = authors( item, false );
  const QString title = text( item, "title" );
  if ( !who.isEmpty() )
    parts << escape( who ) +
                 ( who.endsWith( QLatin1Char( '.' ) ) ? QStringLiteral( " " ) : QStringLiteral( ". " ) ) +
                 withFullStop( year( item ) );

  QString titlePart;
  if ( isContainerPart( type ) )
    titlePart = QStringLiteral( "“%1.”" ).arg( escape( title ) );
  else if ( format == Format::Html )
    titlePart = QStringLiteral( "<i>%1</i>." ).arg( escape( title ) );
  else
    titlePart = title + QLatin1Char( '.' );
  if ( who.isEmpty() )
    titlePart += QStringLiteral( " " ) + withFullStop( year( item ) );
  parts << titlePart;

  const QString container = text( item, "container-title" );
  if ( !container.isEmpty() )
  {
    QString containerPart =
        format == Format::Html ? QStringLiteral( "<i>%1</i>" ).arg( escape( container ) ) : container;
    const QString volume = text( item, "volume" );
    const QString issue = text( item, "issue" );
    if ( !volume.isEmpty() )
      containerPart += QStringLiteral( " " ) + escape( volume );
    if ( !issue.isEmpty() )
      containerPart += QStringLiteral( " (%1)" ).arg( escape( issue ) );
    const QString page = text( item, "page" );
    if ( !page.isEmpty() )
      containerPart +=
          QStringLiteral( ": " ) + escape( QString( page ).replace( QLatin1Char( '-' ), QChar( 0x2013 ) ) );
    parts << containerPart + QLatin1Char( '.' );
  }
  const QString collection = text( item, "collection-title" );
  if ( !collection.isEmpty() )
    parts << escape( collection ) + QLatin1Char( '.' );
  const QString place = text( item, "publisher-place" );
  const QString publisher = text( item, "publisher" );
  if ( !publisher.isEmpty() )
    parts << escape( place.isEmpty() ? publisher : place + QStringLiteral( ": " ) + publisher ) +
                 QLatin1Char( '.' );

  const QString link = this->link( id );
  if ( !link.isEmpty() )
    parts << ( format == Format::Html ? QStringLiteral( "<a href=\"%1\">%1</a>" ).arg( link.toHtmlEscaped() )
                                      : link );
  return parts.join( QLatin1Char( ' ' ) );
}

QString PendulumBibliography::link( const QString &id ) const
{
  const QJsonObject item = mItems.value( id );
  const QString doi = text( item, "DOI" );
  const QString url = text( item, "URL" );
  if ( !doi.isEmpty() )
    return QStringLiteral( "https://doi.org/" ) + doi;
  if ( url.startsWith( QLatin1String( "https://" ) ) || url.startsWith( QLatin1String( "http://" ) ) )
    return url; // only web links: a "javascript:" URL in a bibliography must never become a link
  return QString();
}

QString PendulumBibliography::bibtex( const QString &id ) const
{
  const QJsonObject item = mItems.value( id );
  const QString type = text( item, "type" );
  const QString entryType = type == QLatin1String( "article-journal" ) ? QStringLiteral( "article" )
                            : type == QLatin1String( "book" )          ? QStringLiteral( "book" )
                            : type == QLatin1String( "chapter" )       ? QStringLiteral( "incollection" )
                                                                       : QStringLiteral( "misc" );
  // BibTeX needs its special characters braced; keep values to one line.
  const auto value = []( QString v )
  {
    v.replace( QRegularExpression( QStringLiteral( "\\s+" ) ), QStringLiteral( " " ) );
    v.replace( QLatin1Char( '{' ), QStringLiteral( "(" ) )
        .replace( QLatin1Char( '}' ), QStringLiteral( ")" ) );
    return QStringLiteral( "{%1}" ).arg( v );
  };
  QStringList fields;
  QStringList people;
  for ( const QJsonValue &person : item.value( QStringLiteral( "author" ) ).toArray() )
    people << personName( person.toObject(), true );
  if ( !people.isEmpty() )
    fields << QStringLiteral( "  author = %1" ).arg( value( people.join( QStringLiteral( " and " ) ) ) );
  const QList<QPair<const char *, const char *>> mapping = { { "title", "title" },
                                                             { "container-title", "journal" },
                                                             { "volume", "volume" },
                                                             { "issue", "number" },
                                                             { "page", "pages" },
                                                             { "publisher", "publisher" },
                                                             { "publisher-place", "address" },
                                                             { "DOI", "doi" },
                                                             { "URL", "url" } };
  for ( const auto &pair : mapping )
  {
    const QString v = text( item, pair.first );
    if ( !v.isEmpty() )
      fields << QStringLiteral( "  %1 = %2" ).arg( QLatin1String( pair.second ), value( v ) );
  }
  fields << QStringLiteral( "  year = {%1}" ).arg( year( item ) );
  return QStringLiteral( "@%1{%2,\n%3\n}\n" ).arg( entryType, id, fields.join( QStringLiteral( ",\n" ) ) );
}

QList<PendulumCitation> PendulumBibliography::parseCitations( const QString &sourcesField, QString *error )
{
  QJsonParseError parseError;
  const QJsonDocument doc = QJsonDocument::fromJson( sourcesField.toUtf8(), &parseError );
  if ( !doc.isArray() )
  {
    if ( error )
      *error = QStringLiteral( "sources is not a JSON array of {id, locator, note}" );
    return {};
  }
  QList<PendulumCitation> citations;
  for ( const QJsonValue &value : doc.array() )
  {
    const QJsonObject object = value.toObject();
    PendulumCitation citation;
    citation.id = object.value( QStringLiteral( "id" ) ).toString();
    citation.locator = object.value( QStringLiteral( "locator" ) ).toString();
    citation.note = object.value( QStringLiteral( "note" ) ).toString();
    if ( citation.id.isEmpty() )
    {
      if ( error )
        *error = QStringLiteral( "a source without an id" );
      return {};
    }
    citations << citation;
  }
  return citations;
}

QList<PendulumCitation> PendulumBibliography::citationsOf( const QVariant &sourcesAttribute, QString *error )
{
  if ( sourcesAttribute.type() == QVariant::List || sourcesAttribute.type() == QVariant::Map )
    return parseCitations(
        QString::fromUtf8( QJsonDocument::fromVariant( sourcesAttribute ).toJson( QJsonDocument::Compact ) ),
        error );
  return parseCitations( sourcesAttribute.toString(), error );
}
