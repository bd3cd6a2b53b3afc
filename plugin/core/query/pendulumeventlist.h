#ifndef PENDULUMEVENTLIST_H
#define PENDULUMEVENTLIST_H

#include <QDate>
#include <QList>
#include <QString>

#include "qgsfeatureid.h"
#include "qgspointxy.h"

class QgsVectorLayer;

//! One dated event of the record's `events` layer, as the events dock lists it.
struct PendulumEvent
{
  QString id;                  //!< the record id, e.g. "treaty-of-portsmouth-1905"
  QgsFeatureId fid = FID_NULL; //!< the feature in the events layer it was read from
  QDate date;
  QString precision; //!< "day", "month" or "year"
  QString nameEn;
  QString nameJa;
  QString nameRu;
  QString kind; //!< treaty, landing, battle, …
  QString place;
  QgsPointXY lonLat; //!< WGS 84

  //! The name in \a language ("en", "ja", "ru"), English where that one is missing.
  QString name( const QString &language ) const;
};

/**
 * The events of the record in chronological order (same-day events in
 * record-id order, so the list is stable), with the search the events dock
 * offers.
 */
class PendulumEventList
{
public:
  PendulumEventList() = default;

  //! Reads \a eventsLayer (not owned, not kept); features without a valid date are left out.
  explicit PendulumEventList( QgsVectorLayer *eventsLayer );

  //! The list read from the layer among \a layers whose record id is "events"; empty if none.
  static PendulumEventList fromLayers( const QList<QgsVectorLayer *> &layers );

  const QList<PendulumEvent> &events() const { return mEvents; }

  //! The event with record id \a id, or nullptr.
  const PendulumEvent *find( const QString &id ) const;

  /**
   * The events whose names (in any language), place or ISO date contain
   * \a text, ignoring case and Latin accents ("choraku" finds "Chōraku-ji");
   * every event for blank text. Chronological.
   */
  QList<PendulumEvent> matching( const QString &text ) const;

  /**
   * \a text folded for matching: case-folded, compatibility-decomposed
   * (full-width letters become ASCII) and without combining marks.
   */
  static QString folded( const QString &text );

private:
  QList<PendulumEvent> mEvents;
  QList<QString> mHaystacks; //!< folded search text, parallel to mEvents
};

#endif // PENDULUMEVENTLIST_H
