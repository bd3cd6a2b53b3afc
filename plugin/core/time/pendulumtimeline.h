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

  /**
   * The playback speed configure() sets: what the desktop canvas keeps up with at 1280×720 on a
   * 2-core machine (`canvas_fps` of `./run.sh bench`, about 5–7 frames a second with the shipped
   * styles). Faster and the map falls behind the controller's date.
   */
  static double framesPerSecond() { return 5; }

  //! Animated mode over the record, one-month frames, on \a current's month, playing at framesPerSecond().
  static void configure( QgsTemporalNavigationObject *navigation, const QDate &current );

  //! The frame (one month each, from recordStart()) holding \a date.
  static long long frameForDate( const QDate &date );

  /**
   * Moves \a navigation to a frame that begins on \a date itself. Frames stay
   * one month long, but QGIS counts them from the start of the temporal
   * extents, so the extents are made to start on \a date's day of the month
   * in January 1855: frame frameForDate( date ) then runs from \a date to the
   * same day a month later, and the canvas, the controller and the date label
   * all show that day (a frame from the 1st would also show what held only
   * until the day before). Sets the controller up as configure() does if
   * animation was off. Dates outside the record are clamped to it.
   */
  static void showDay( QgsTemporalNavigationObject *navigation, const QDate &date );

  //! The first day of \a navigation's current frame.
  static QDate currentDay( const QgsTemporalNavigationObject *navigation );
};

#endif // PENDULUMTIMELINE_H
