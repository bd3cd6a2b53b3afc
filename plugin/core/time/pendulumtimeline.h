#ifndef PENDULUMTIMELINE_H
#define PENDULUMTIMELINE_H

#include <QDate>

#include "qgsrange.h"

class QgsProject;
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

  //! The timeline's span: recordStart() to the end of today.
  static QgsDateTimeRange extents();

  /**
   * Stores the timeline in \a project, for a QGIS without Pendulum: the project's time
   * settings (span, one-month steps, not cumulative, \a framesPerSecond) and the keys QGIS's
   * Temporal Controller reads on opening a project (animated mode over the span).
   */
  static void configure( QgsProject *project, double framesPerSecond );

  //! The frame (one month each, from recordStart()) holding \a date.
  static long long frameForDate( const QDate &date );

  /**
   * Moves \a navigation to the month holding \a date, on the record's own
   * timeline (1855 to today in calendar months, set up as configure() does if
   * anything changed it). The extents never move with the day shown: the
   * desktop shows the day itself on the canvas (PendulumDesktop pins it within
   * the frame), and playing on goes from the 1st of the next month. Dates
   * outside the record are clamped to it.
   */
  static void showDay( QgsTemporalNavigationObject *navigation, const QDate &date );

  //! The first day of \a navigation's current frame.
  static QDate currentDay( const QgsTemporalNavigationObject *navigation );
};

#endif // PENDULUMTIMELINE_H
