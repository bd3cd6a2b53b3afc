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
};

void TestPendulumTimeline::animatesTheRecordMonthByMonth()
{
  QgsTemporalNavigationObject navigation;
  PendulumTimeline::configure( &navigation, QDate( 1910, 1, 1 ) );
  QCOMPARE( navigation.navigationMode(), QgsTemporalNavigationObject::Animated );
  QCOMPARE( navigation.temporalExtents().begin().date(), QDate( 1855, 1, 1 ) );
  QVERIFY( navigation.temporalExtents().end().date() > QDate::currentDate() );
  QCOMPARE( navigation.frameDuration(), QgsInterval( 1, QgsUnitTypes::TemporalMonths ) );
  const QgsDateTimeRange frame = navigation.dateTimeRangeForFrameNumber( navigation.currentFrameNumber() );
  QCOMPARE( frame.begin().date(), QDate( 1910, 1, 1 ) );
  QCOMPARE( frame.end().date(), QDate( 1910, 2, 1 ) );
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
  QCOMPARE( navigation.dateTimeRangeForFrameNumber( PendulumTimeline::frameForDate( date ) ).begin().date(), frameStart );
}

PENDULUM_TEST_MAIN( TestPendulumTimeline )
#include "testpendulumtimeline.moc"
