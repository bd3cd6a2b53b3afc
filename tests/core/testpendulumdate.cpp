#include "pendulumdate.h"
#include "pendulumtest.h"

class TestPendulumDate : public QObject
{
  Q_OBJECT

private slots:
  void parsesRealDays_data();
  void parsesRealDays();
  void refusesImpossibleDays_data();
  void refusesImpossibleDays();
  void displaysForPeople();
};

void TestPendulumDate::parsesRealDays_data()
{
  QTest::addColumn<QString>( "text" );
  QTest::addColumn<QDate>( "expected" );
  QTest::newRow( "Portsmouth" ) << "1905-09-05" << QDate( 1905, 9, 5 );
  QTest::newRow( "leap day 1904" ) << "1904-02-29" << QDate( 1904, 2, 29 );
  QTest::newRow( "leap day 2000" ) << "2000-02-29" << QDate( 2000, 2, 29 );
}

void TestPendulumDate::parsesRealDays()
{
  QFETCH( QString, text );
  QFETCH( QDate, expected );
  QString error;
  QCOMPARE( PendulumDate::parse( text, &error ), expected );
  QVERIFY( error.isEmpty() );
}

void TestPendulumDate::refusesImpossibleDays_data()
{
  QTest::addColumn<QString>( "text" );
  QTest::addColumn<QString>( "messagePart" );
  QTest::newRow( "30 February" ) << "1905-02-30"
                                 << "February 1905 has 28 days";
  QTest::newRow( "1900 not leap" ) << "1900-02-29"
                                   << "February 1900 has 28 days";
  QTest::newRow( "month 13" ) << "1905-13-40"
                              << "no month 13";
  QTest::newRow( "day zero" ) << "1905-01-00"
                              << "January 1905 has 31 days";
  QTest::newRow( "words" ) << "5 Sep 1905"
                           << "YYYY-MM-DD";
  QTest::newRow( "slashes" ) << "1905/09/05"
                             << "YYYY-MM-DD";
  QTest::newRow( "trailing" ) << "1905-09-05x"
                              << "YYYY-MM-DD";
  QTest::newRow( "empty" ) << ""
                           << "YYYY-MM-DD";
}

void TestPendulumDate::refusesImpossibleDays()
{
  QFETCH( QString, text );
  QFETCH( QString, messagePart );
  QString error;
  QVERIFY( !PendulumDate::parse( text, &error ).isValid() );
  QVERIFY2( error.contains( messagePart ), qPrintable( error ) );
}

void TestPendulumDate::displaysForPeople()
{
  QCOMPARE( PendulumDate::toDisplayString( QDate( 1910, 1, 1 ) ), QStringLiteral( "1 January 1910" ) );
  QCOMPARE( PendulumDate::toDisplayString( QDate( 1945, 8, 15 ) ), QStringLiteral( "15 August 1945" ) );
}

PENDULUM_TEST_MAIN( TestPendulumDate )
#include "testpendulumdate.moc"
