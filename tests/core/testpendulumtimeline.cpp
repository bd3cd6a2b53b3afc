#include "pendulumqgiscompat.h"
#include "pendulumtest.h"
#include "pendulumtimeline.h"

#include "qgstemporalnavigationobject.h"

class TestPendulumTimeline : public QObject
{
  Q_OBJECT

private slots:
  void animatesTheRecordMonthByMonth();
  void framesAreCalendarMonths_data();
  void framesAreCalendarMonths();
  void showDayKeepsTheRecordsTimeline_data();
  void showDayKeepsTheRecordsTimeline();
  void showDayTurnsAnimationOn();
};

void TestPendulumTimeline::animatesTheRecordMonthByMonth()
{
  QgsTemporalNavigationObject navigation;
  PendulumTimeline::configure( &navigation, QDate( 1910, 1, 1 ) );
  QCOMPARE( navigation.navigationMode(), PendulumQgis::TemporalNavigationMode::Animated );
  QCOMPARE( navigation.temporalExtents().begin().date(), QDate( 1855, 1, 1 ) );
  QVERIFY( navigation.temporalExtents().end().date() > QDate::currentDate() );
  QCOMPARE( navigation.frameDuration(), QgsInterval( 1, PendulumQgis::TemporalUnit::Months ) );
  const QgsDateTimeRange frame = navigation.dateTimeRangeForFrameNumber( navigation.currentFrameNumber() );
  QCOMPARE( frame.begin().date(), QDate( 1910, 1, 1 ) );
  QCOMPARE( frame.end().date(), QDate( 1910, 2, 1 ) );
  // Plays at a speed the canvas keeps up with, not QGIS's default of one frame a second.
  QCOMPARE( navigation.framesPerSecond(), PendulumTimeline::framesPerSecond() );
  QVERIFY( navigation.framesPerSecond() > 1 );
}

void TestPendulumTimeline::framesAreCalendarMonths_data()
{
  QTest::addColumn<QDate>( "date" );
  QTest::addColumn<QDate>( "frameStart" );
  QTest::newRow( "Shimoda" ) << QDate( 1855, 2, 7 ) << QDate( 1855, 2, 1 );
  QTest::newRow( "Portsmouth" ) << QDate( 1905, 9, 5 ) << QDate( 1905, 9, 1 );
  QTest::newRow( "annexation decree" ) << QDate( 1946, 2, 2 ) << QDate( 1946, 2, 1 );
}

void TestPendulumTimeline::framesAreCalendarMonths()
{
  QFETCH( QDate, date );
  QFETCH( QDate, frameStart );
  QgsTemporalNavigationObject navigation;
  PendulumTimeline::configure( &navigation, date );
  QCOMPARE( navigation.dateTimeRangeForFrameNumber( PendulumTimeline::frameForDate( date ) ).begin().date(),
            frameStart );
}

void TestPendulumTimeline::showDayKeepsTheRecordsTimeline_data()
{
  QTest::addColumn<QDate>( "date" );
  QTest::addColumn<QDate>( "month" );
  QTest::newRow( "Portsmouth ratified" ) << QDate( 1905, 11, 25 ) << QDate( 1905, 11, 1 );
  QTest::newRow( "31st of a month" ) << QDate( 1945, 8, 31 ) << QDate( 1945, 8, 1 );
  QTest::newRow( "29 February" ) << QDate( 1904, 2, 29 ) << QDate( 1904, 2, 1 );
  QTest::newRow( "first day of the record" ) << QDate( 1855, 1, 1 ) << QDate( 1855, 1, 1 );
  QTest::newRow( "before the record" ) << QDate( 1800, 6, 15 ) << QDate( 1855, 1, 1 );
}

void TestPendulumTimeline::showDayKeepsTheRecordsTimeline()
{
  QFETCH( QDate, date );
  QFETCH( QDate, month );
  QgsTemporalNavigationObject navigation;
  PendulumTimeline::configure( &navigation, QDate( 1910, 1, 1 ) );
  const QgsDateTimeRange extents = navigation.temporalExtents();
  // Days asked for one after another (as event navigation does) never move the extents.
  for ( const QDate &day : { QDate( 1875, 8, 22 ), date, QDate( 1932, 3, 1 ), date } )
    PendulumTimeline::showDay( &navigation, day );
  QCOMPARE( navigation.temporalExtents(), extents );
  QCOMPARE( navigation.temporalExtents().begin().date(), PendulumTimeline::recordStart() );
  // The frame is the day's calendar month, and frames stay a month long.
  QCOMPARE( PendulumTimeline::currentDay( &navigation ), month );
  QCOMPARE( navigation.frameDuration(), QgsInterval( 1, PendulumQgis::TemporalUnit::Months ) );
  // Playing on from there goes a calendar month at a time.
  navigation.next();
  QCOMPARE( PendulumTimeline::currentDay( &navigation ), month.addMonths( 1 ) );
}

void TestPendulumTimeline::showDayTurnsAnimationOn()
{
  QgsTemporalNavigationObject navigation;
  navigation.setNavigationMode( PendulumQgis::TemporalNavigationMode::Disabled );
  PendulumTimeline::showDay( &navigation, QDate( 1946, 6, 1 ) );
  QCOMPARE( navigation.navigationMode(), PendulumQgis::TemporalNavigationMode::Animated );
  QCOMPARE( PendulumTimeline::currentDay( &navigation ), QDate( 1946, 6, 1 ) );
  QCOMPARE( navigation.temporalExtents().begin().date(), PendulumTimeline::recordStart() );
}

PENDULUM_TEST_MAIN( TestPendulumTimeline )
#include "testpendulumtimeline.moc"
