#ifndef PENDULUMCHANGEINDEX_H
#define PENDULUMCHANGEINDEX_H

#include <QDate>
#include <QList>

class QgsVectorLayer;

/**
 * Every day on which the map of the record changes: each `valid_from` and
 * `valid_to` of the time-enabled layers and each event `date`, sorted and
 * unique. QGIS's temporal controller can only step by fixed intervals; this
 * is what lets the timeline step from one change to the next.
 */
class PendulumChangeIndex
{
public:
  PendulumChangeIndex() = default;

  //! Reads the dates of the time-enabled layers among \a layers (not owned, not kept).
  explicit PendulumChangeIndex( const QList<QgsVectorLayer *> &layers );

  //! All change days, earliest first.
  const QList<QDate> &dates() const { return mDates; }

  bool isEmpty() const { return mDates.isEmpty(); }

  //! The first change day after \a date; a null date if there is none.
  QDate next( const QDate &date ) const;

  //! The last change day before \a date; a null date if there is none.
  QDate previous( const QDate &date ) const;

private:
  QList<QDate> mDates;
};

#endif // PENDULUMCHANGEINDEX_H
