#ifndef PENDULUMBIBLIOGRAPHY_H
#define PENDULUMBIBLIOGRAPHY_H

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

//! One entry of a feature's `sources` array: which work, where in it, and why.
struct PendulumCitation
{
  QString id;
  QString locator; //!< e.g. "Art. IX"; empty when unknown
  QString note;
};

/**
 * The record's bibliography (CSL-JSON, as Zotero exports it) and author–date
 * citations formatted from it. A full CSL processor (citeproc) has no C++
 * library in Debian; the record uses a handful of CSL types, formatted here
 * in one author–date style.
 */
class PendulumBibliography
{
public:
  enum class Format
  {
    Text, //!< plain text
    Html, //!< HTML with every value escaped; DOIs and URLs as links
  };

  /**
   * Reads a CSL-JSON array. Returns false with \a error on malformed input,
   * an item without an id, or a duplicate id.
   */
  bool fromJson( const QByteArray &json, QString *error );

  bool contains( const QString &id ) const { return mItems.contains( id ); }
  QStringList ids() const { return mOrder; }

  //! The CSL-JSON item \a id (empty if unknown).
  QJsonObject item( const QString &id ) const { return mItems.value( id ); }

  //! "Stephan 1974", "Treaty of Portsmouth 1905" for works without author.
  QString authorDate( const QString &id ) const;

  //! The full reference, author–date style.
  QString reference( const QString &id, Format format = Format::Text ) const;

  //! The web link of \a id: https://doi.org/<DOI>, else its http(s) URL, else empty.
  QString link( const QString &id ) const;

  //! "Stephan 1974, p. 12": the cited work author–date (its id if unknown) and the locator.
  QString shortCitation( const PendulumCitation &citation ) const;

  /**
   * The full reference of the cited work, then where in it and why:
   * "… — Art. IX; note". Record text is sanitised; in Html the locator and
   * note are escaped and the note is in italics.
   */
  QString fullCitation( const PendulumCitation &citation, Format format ) const;

  //! A BibTeX entry for \a id.
  QString bibtex( const QString &id ) const;

  /**
   * Parses a feature's `sources` field (a JSON array of {id, locator, note}).
   * Returns an empty list with \a error set when it is not such an array.
   */
  static QList<PendulumCitation> parseCitations( const QString &sourcesField, QString *error = nullptr );

  /**
   * parseCitations() of a `sources` attribute as QGIS reads it: JSON text,
   * or a list where the OGR provider parses the JSON subtype itself.
   */
  static QList<PendulumCitation> citationsOf( const QVariant &sourcesAttribute, QString *error = nullptr );

private:
  QString authors( const QJsonObject &item, bool shortForm ) const;

  QHash<QString, QJsonObject> mItems;
  QStringList mOrder;
};

#endif // PENDULUMBIBLIOGRAPHY_H
