#include "pendulumtimeline.h"

#include "pendulumqgiscompat.h"

#include <algorithm>

#include "qgsinterval.h"
#include "qgstemporalnavigationobject.h"

void PendulumTimeline::configure( QgsTemporalNavigationObject *navigation, const QDate &current )
{
  navigation->setNavigationMode( PendulumQgis::TemporalNavigationMode::Animated );
  navigation->setFrameDuration( QgsInterval( 1, PendulumQgis::TemporalUnit::Months ) );
  navigation->setFramesPerSecond( framesPerSecond() );
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
  const QDate today = QDate::currentDate();
  const QDate day = std::clamp( date, recordStart(), today );
  if ( navigation->navigationMode() != PendulumQgis::TemporalNavigationMode::Animated )
    navigation->setNavigationMode( PendulumQgis::TemporalNavigationMode::Animated );
  // Setting the duration rewinds to frame 0: only when it is not already a month.
  const QgsInterval month( 1, PendulumQgis::TemporalUnit::Months );
  if ( !( navigation->frameDuration() == month ) )
    navigation->setFrameDuration( month );
  // January has 31 days, so every day of the month exists in it; adding whole months lands
  // exactly on day (QDate::addMonths only clamps when the target month is too short, and
  // day's own month is not).
  const QDate start( recordStart().year(), recordStart().month(), day.day() );
  QDateTime end = navigation->temporalExtents().end();
  if ( !end.isValid() || end.date() <= day )
    end = QDateTime( today.addDays( 1 ), QTime( 0, 0 ) );
  navigation->setTemporalExtents( QgsDateTimeRange( QDateTime( start, QTime( 0, 0 ) ), end ) );
  navigation->setCurrentFrameNumber( frameForDate( day ) );
}

QDate PendulumTimeline::currentDay( const QgsTemporalNavigationObject *navigation )
{
  return navigation->dateTimeRangeForFrameNumber( navigation->currentFrameNumber() ).begin().date();
}
