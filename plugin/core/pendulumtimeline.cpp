#include "pendulumtimeline.h"

#include "qgsinterval.h"
#include "qgstemporalnavigationobject.h"

void PendulumTimeline::configure( QgsTemporalNavigationObject *navigation, const QDate &current )
{
  navigation->setNavigationMode( QgsTemporalNavigationObject::Animated );
  navigation->setFrameDuration( QgsInterval( 1, QgsUnitTypes::TemporalMonths ) );
  navigation->setTemporalExtents(
    QgsDateTimeRange( QDateTime( recordStart(), QTime( 0, 0 ) ), QDateTime( QDate::currentDate().addDays( 1 ), QTime( 0, 0 ) ) ) );
  navigation->setCurrentFrameNumber( frameForDate( current ) );
}

long long PendulumTimeline::frameForDate( const QDate &date )
{
  return ( date.year() - recordStart().year() ) * 12LL + ( date.month() - recordStart().month() );
}
