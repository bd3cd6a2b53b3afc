#ifndef PENDULUMSITUATION_H
#define PENDULUMSITUATION_H

#include "pendulumplacequery.h"

#include <QDate>
#include <QList>
#include <QString>

class PendulumBibliography;

/**
 * What the sources dock shows for a place on a day: the popup of the feature
 * the user clicked, then the place's situation — every other feature that
 * covered it that day (PendulumPlaceQuery::at), each with its own popup
 * (PendulumPopup, so everything is escaped and cited the same way as in map
 * tips and the Identify form).
 */
class PendulumSituation
{
public:
  //! \a bibliography must outlive the object.
  explicit PendulumSituation( const PendulumBibliography &bibliography );

  /**
   * The dock's HTML. \a clicked may be an invalid record (a click on open
   * sea, or in no feature); \a situation is PendulumPlaceQuery::at() for the
   * place on \a date and may contain \a clicked, which is then not repeated.
   */
  QString html( const PendulumPlaceRecord &clicked, const QList<PendulumPlaceRecord> &situation,
                const QDate &date, const QString &language ) const;

  //! The heading above the situation, e.g. "At this place on 1 January 1910".
  static QString heading( const QDate &date, const QString &language );

private:
  const PendulumBibliography &mBibliography;
};

#endif // PENDULUMSITUATION_H
