#ifndef PENDULUMSOURCELIST_H
#define PENDULUMSOURCELIST_H

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "qgsfeature.h"

class PendulumBibliography;

/**
 * The works cited by a set of features (their `sources` fields), each once,
 * in the order first cited, formatted for copying out of the sources dock:
 * author–date references as plain text, BibTeX, or CSL-JSON for a reference
 * manager (Zotero imports it as is).
 */
class PendulumSourceList
{
public:
  //! \a bibliography must outlive the list.
  explicit PendulumSourceList( const PendulumBibliography &bibliography );

  //! Adds the works cited by \a feature (ids unknown to the bibliography are skipped).
  void add( const QgsFeature &feature );

  QStringList ids() const { return mIds; }
  bool isEmpty() const { return mIds.isEmpty(); }

  //! One author–date reference a line, in citation order.
  QString text() const;

  //! The BibTeX entries, separated by blank lines.
  QString bibtex() const;

  //! A CSL-JSON array of the bibliography's items, indented.
  QByteArray cslJson() const;

private:
  const PendulumBibliography &mBibliography;
  QStringList mIds;
};

#endif // PENDULUMSOURCELIST_H
