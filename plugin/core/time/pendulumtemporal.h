#ifndef PENDULUMTEMPORAL_H
#define PENDULUMTEMPORAL_H

#include <QDate>

#include "qgsrange.h"

class QgsLayerTreeLayer;
class QgsVectorLayer;

/**
 * Time in Pendulum goes through QGIS's own temporal machinery: this sets a
 * layer's temporal properties to the record's `valid_from` / `valid_to`
 * fields (start included, end excluded) and turns a calendar day into the
 * range QGIS filters with.
 */
class PendulumTemporal
{
public:
  //! Makes \a layer time-enabled on valid_from / valid_to.
  static void configure( QgsVectorLayer *layer );

  //! True if \a layer is time-enabled as configure() leaves it.
  static bool isConfigured( QgsVectorLayer *layer );

  /**
   * The whole day \a date as the closed range [date 00:00, date 23:59:59.999]:
   * a feature is shown if it is true at any moment of that day under the
   * record's rule (valid_from inclusive, valid_to exclusive).
   *
   * Not the half-open [date, next day): QGIS 3.22 compares a date column with
   * make_datetime() as text, so "valid_from < make_datetime(next day 00:00)" holds
   * for a feature starting the next day and it would be drawn a day early.
   * Ending the range within the day gives the right answer under both the textual
   * and a true date-time comparison.
   */
  static QgsDateTimeRange dayRange( const QDate &date );

  /**
   * Gives each time-enabled layer of \a nodes the legend filter expression of
   * \a date's features, so that a legend filtered by map content lists only
   * what that day shows. QGIS 3.22's legend hit test ignores the map's
   * temporal range but honours these expressions.
   */
  static void filterLegendToDay( const QList<QgsLayerTreeLayer *> &nodes, const QDate &date );
};

#endif // PENDULUMTEMPORAL_H
