#include "pendulumanimationplan.h"

#include "pendulumhistoricaldate.h"

#include <algorithm>

namespace
{
constexpr double DAYS_PER_YEAR = 365.2425;
//! --step event: the last frame has no next change to be held for; keep it readable.
constexpr double LAST_EVENT_HOLD = 1.0;
} // namespace

bool PendulumAnimationPlan::parseStep( const QString &text, Step *step )
{
  const QString lower = text.trimmed().toLower();
  if ( lower == QLatin1String( "1m" ) )
    *step = Step::Month;
  else if ( lower == QLatin1String( "1y" ) )
    *step = Step::Year;
  else if ( lower == QLatin1String( "event" ) )
    *step = Step::Event;
  else
    return false;
  return true;
}

PendulumAnimationPlan PendulumAnimationPlan::create( const Settings &settings,
                                                     const QList<QDate> &changePoints )
{
  PendulumAnimationPlan plan;
  if ( !settings.from.isValid() || !settings.to.isValid() || settings.to < settings.from ||
       settings.fps <= 0 )
    return plan;

  QList<QDate> dates;
  switch ( settings.step )
  {
  case Step::Month:
  case Step::Year:
    // Counted from the start rather than from the previous frame, so that 31 January
    // steps to 28 February and then back to 31 March.
    for ( int k = 0;; ++k )
    {
      const QDate date =
          settings.step == Step::Month ? settings.from.addMonths( k ) : settings.from.addYears( k );
      if ( date > settings.to )
        break;
      dates << date;
    }
    break;
  case Step::Event:
    dates << settings.from;
    for ( const QDate &change : changePoints )
    {
      if ( change > settings.from && change <= settings.to )
        dates << change;
    }
    break;
  }

  const double frameTime = 1.0 / settings.fps;
  for ( int i = 0; i < dates.size(); ++i )
  {
    PendulumAnimationFrame frame;
    frame.date = dates.at( i );
    // The map on day d shows what is true on d: the state is the number of change points up to d.
    frame.state = int( std::upper_bound( changePoints.cbegin(), changePoints.cend(), frame.date ) -
                       changePoints.cbegin() );
    if ( settings.label )
      frame.label = PendulumHistoricalDate::format( frame.date, settings.labelPrecision, settings.language );
    frame.duration = frameTime;
    if ( settings.step == Step::Event )
    {
      const QDate next = i + 1 < dates.size() ? dates.at( i + 1 ) : settings.to;
      const double held = frame.date.daysTo( next ) / DAYS_PER_YEAR * settings.secondsPerYear;
      frame.duration = std::max( { frameTime, held, i + 1 < dates.size() ? 0.0 : LAST_EVENT_HOLD } );
    }
    if ( i > 0 )
    {
      const PendulumAnimationFrame &previous = plan.mFrames.last();
      if ( previous.state == frame.state && previous.label == frame.label )
        frame.sameAs = previous.sameAs >= 0 ? previous.sameAs : i - 1;
    }
    plan.mFrames << frame;
  }
  return plan;
}

int PendulumAnimationPlan::stateCount() const
{
  // States only grow with the date, so counting changes between neighbours suffices.
  int count = 0;
  for ( int i = 0; i < mFrames.size(); ++i )
  {
    if ( i == 0 || mFrames.at( i ).state != mFrames.at( i - 1 ).state )
      ++count;
  }
  return count;
}

int PendulumAnimationPlan::distinctFrameCount() const
{
  return int( std::count_if( mFrames.cbegin(), mFrames.cend(),
                             []( const PendulumAnimationFrame &frame ) { return frame.sameAs < 0; } ) );
}

double PendulumAnimationPlan::duration() const
{
  double total = 0;
  for ( const PendulumAnimationFrame &frame : mFrames )
    total += frame.duration;
  return total;
}
