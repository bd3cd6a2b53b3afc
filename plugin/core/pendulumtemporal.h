#ifndef PENDULUMTEMPORAL_H
#define PENDULUMTEMPORAL_H

#include <QDate>

#include "qgsrange.h"

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
     * The whole day \a date as a half-open range [date 00:00, next day 00:00):
     * a feature is shown if it is true at any moment of that day under the
     * record's rule (valid_from inclusive, valid_to exclusive).
     */
    static QgsDateTimeRange dayRange( const QDate &date );
};

#endif // PENDULUMTEMPORAL_H
