#ifndef PENDULUMTIMELINE_H
#define PENDULUMTIMELINE_H

#include <QDate>

class QgsTemporalNavigationObject;

/**
 * Sets QGIS's temporal controller up for the record: animated mode over
 * 1855 to today in one-month frames, positioned on a given month.
 */
class PendulumTimeline
{
  public:
    static QDate recordStart() { return QDate( 1855, 1, 1 ); }

    //! The date the timeline opens on: a year that shows the story (the spheres, Karafuto, Kwantung).
    static QDate defaultDate() { return QDate( 1910, 1, 1 ); }

    static void configure( QgsTemporalNavigationObject *navigation, const QDate &current );

    //! The frame (one month each, from recordStart()) holding \a date.
    static long long frameForDate( const QDate &date );
};

#endif // PENDULUMTIMELINE_H
