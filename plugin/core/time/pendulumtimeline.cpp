#include "pendulumtimeline.h"

#include "pendulumqgiscompat.h"

#include <algorithm>

#include "qgsinterval.h"
#include "qgstemporalnavigationobject.h"

void PendulumTimeline::configure( QgsTemporalNavigationObject *navigation, const QDate &current )
{
  navigation->setNavigationMode( PendulumQgis::TemporalNavigationMode::Animated );
  navigation->setFrameDuration( QgsInterval( 1, PendulumQgis::TemporalUnit::Months ) );
  navigation->setTemporalExtents(
      QgsDateTimeRange( QDateTime( recordStart(), QTime( 0, 0 ) ),
                        QDateTime( QDate::currentDate().addDays( 1 ), QTime( 0, 0 ) ) ) );
  navigation->setCurrentFrameNumber( frameForDate( current ) );
}

long long PendulumTimeline::frameForDate( const QDate &date )
{
  return ( date.year() - recordStart().year() ) * 12LL + ( date.month() - recordStart().month() );
}

void PendulumTimeline::showDay( QgsTemporalNavigationObject *navigation, const QDate &date )
{
  const QDate day = std::clamp( date, recordStart(), QDate::currentDate() );
  // The record's own timeline, set up again only if something else changed it: the extents stay
  // 1855 to today and the frames calendar months, whatever day is shown.
  const QgsDateTimeRange extents( QDateTime( recordStart(), QTime( 0, 0 ) ),
                                  QDateTime( QDate::currentDate().addDays( 1 ), QTime( 0, 0 ) ) );
  if ( navigation->navigationMode() != PendulumQgis::TemporalNavigationMode::Animated ||
       !( navigation->frameDuration() == QgsInterval( 1, PendulumQgis::TemporalUnit::Months ) ) ||
       navigation->temporalExtents() != extents )
    configure( navigation, day );
  else
    navigation->setCurrentFrameNumber( frameForDate( day ) );
}

QDate PendulumTimeline::currentDay( const QgsTemporalNavigationObject *navigation )
{
  return navigation->dateTimeRangeForFrameNumber( navigation->currentFrameNumber() ).begin().date();
}
