#include "pendulumtimeline.h"

#include "pendulumqgiscompat.h"

#include <algorithm>

#include "qgsinterval.h"
#include "qgsproject.h"
#include "qgsprojecttimesettings.h"
#include "qgstemporalnavigationobject.h"

void PendulumTimeline::configure( QgsTemporalNavigationObject *navigation, const QDate &current )
{
  navigation->setNavigationMode( PendulumQgis::TemporalNavigationMode::Animated );
  navigation->setFrameDuration( QgsInterval( 1, PendulumQgis::TemporalUnit::Months ) );
  navigation->setFramesPerSecond( framesPerSecond() );
  navigation->setTemporalExtents( extents() );
  navigation->setCurrentFrameNumber( frameForDate( current ) );
}

QgsDateTimeRange PendulumTimeline::extents()
{
  return QgsDateTimeRange( QDateTime( recordStart(), QTime( 0, 0 ) ),
                           QDateTime( QDate::currentDate().addDays( 1 ), QTime( 0, 0 ) ) );
}

void PendulumTimeline::configure( QgsProject *project, double framesPerSecond )
{
  const QgsDateTimeRange span = extents();
  QgsProjectTimeSettings *time = project->timeSettings();
  time->setTemporalRange( span );
  time->setTimeStep( 1 );
  time->setTimeStepUnit( PendulumQgis::TemporalUnit::Months );
  time->setFramesPerSecond( framesPerSecond );
  time->setIsTemporalRangeCumulative( false );
  // The Temporal Controller keeps its mode and range in project entries of its own
  // (src/gui/qgstemporalcontrollerwidget.cpp); without them it opens switched off.
  const QString scope = QStringLiteral( "TemporalControllerWidget" );
  project->writeEntry( scope, QStringLiteral( "/NavigationMode" ),
                       static_cast<int>( PendulumQgis::TemporalNavigationMode::Animated ) );
  project->writeEntry( scope, QStringLiteral( "/StartDateTime" ),
                       span.begin().toString( Qt::ISODateWithMs ) );
  project->writeEntry( scope, QStringLiteral( "/EndDateTime" ), span.end().toString( Qt::ISODateWithMs ) );
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
  if ( navigation->navigationMode() != PendulumQgis::TemporalNavigationMode::Animated ||
       !( navigation->frameDuration() == QgsInterval( 1, PendulumQgis::TemporalUnit::Months ) ) ||
       navigation->temporalExtents() != extents() )
    configure( navigation, day );
  else
    navigation->setCurrentFrameNumber( frameForDate( day ) );
}

QDate PendulumTimeline::currentDay( const QgsTemporalNavigationObject *navigation )
{
  return navigation->dateTimeRangeForFrameNumber( navigation->currentFrameNumber() ).begin().date();
}
