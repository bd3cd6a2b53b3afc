#include "pendulumhistoricaldate.h"
#include "pendulumtest.h"

/**
 * Historical dates against conversions a historian can check in any
 * reference: the Portsmouth treaty (5 September 1905, 23 August O.S.), the
 * Russian calendar reform, and the first days of the Japanese eras.
 */
class TestPendulumHistoricalDate : public QObject
{
  Q_OBJECT

private slots:
  void formatByPrecision_data();
  void formatByPrecision();
  void shortMonths();
  void oldStyle_data();
  void oldStyle();
  void oldStyleOnlyForRussianSideBeforeReform();
  void japaneseEra_data();
  void japaneseEra();
  void period();
};

void TestPendulumHistoricalDate::formatByPrecision_data()
{
  QTest::addColumn<QString>( "precision" );
  QTest::addColumn<QString>( "language" );
  QTest::addColumn<QString>( "expected" );
  QTest::newRow( "en day" ) << "day"
                            << "en"
                            << "5 September 1905";
  QTest::newRow( "en month" ) << "month"
                              << "en"
                              << "September 1905";
  QTest::newRow( "en year" ) << "year"
                             << "en"
                             << "1905";
  QTest::newRow( "ja day" ) << "day"
                            << "ja" << QStringLiteral( "1905年9月5日" );
  QTest::newRow( "ja month" ) << "month"
                              << "ja" << QStringLiteral( "1905年9月" );
  QTest::newRow( "ja year" ) << "year"
                             << "ja" << QStringLiteral( "1905年" );
  QTest::newRow( "ru day (genitive month)" ) << "day"
                                             << "ru" << QStringLiteral( "5 сентября 1905 г." );
  QTest::newRow( "ru month (nominative)" ) << "month"
                                           << "ru" << QStringLiteral( "сентябрь 1905 г." );
  QTest::newRow( "ru year" ) << "year"
                             << "ru" << QStringLiteral( "1905 г." );
  QTest::newRow( "unknown language is English" ) << "day"
                                                 << "xx"
                                                 << "5 September 1905";
  QTest::newRow( "empty precision is day" ) << ""
                                            << "en"
                                            << "5 September 1905";
}

void TestPendulumHistoricalDate::formatByPrecision()
{
  QFETCH( QString, precision );
  QFETCH( QString, language );
  QFETCH( QString, expected );
  QCOMPARE( PendulumHistoricalDate::format( QDate( 1905, 9, 5 ), precision, language ), expected );
}

void TestPendulumHistoricalDate::shortMonths()
{
  QCOMPARE( PendulumHistoricalDate::format( QDate( 1945, 8, 25 ), "day", "en",
                                            PendulumHistoricalDate::Length::Short ),
            QStringLiteral( "25 Aug 1945" ) );
  QVERIFY( PendulumHistoricalDate::format( QDate(), "day", "en" ).isEmpty() );
}

void TestPendulumHistoricalDate::oldStyle_data()
{
  QTest::addColumn<QDate>( "date" );
  QTest::addColumn<QString>( "language" );
  QTest::addColumn<QString>( "expected" );
  // 13 days apart in the 20th century, 12 in the 19th.
  QTest::newRow( "Portsmouth" ) << QDate( 1905, 9, 5 ) << "en"
                                << "23 August 1905 O.S.";
  QTest::newRow( "Shimoda (19th century, 12 days)" ) << QDate( 1855, 2, 7 ) << "en"
                                                     << "26 January 1855 O.S.";
  QTest::newRow( "last Julian day in Russia" ) << QDate( 1918, 2, 13 ) << "en"
                                               << "31 January 1918 O.S.";
  QTest::newRow( "across a year" ) << QDate( 1905, 1, 2 ) << "en"
                                   << "20 December 1904 O.S.";
  // 1900 is a leap year in the Julian calendar only: 29 February 1900 O.S. exists.
  QTest::newRow( "Julian leap day 1900" ) << QDate( 1900, 3, 13 ) << "en"
                                          << "29 February 1900 O.S.";
  QTest::newRow( "ru" ) << QDate( 1905, 9, 5 ) << "ru" << QStringLiteral( "23 августа 1905 г. (ст. ст.)" );
  QTest::newRow( "ja" ) << QDate( 1905, 9, 5 ) << "ja" << QStringLiteral( "ユリウス暦1905年8月23日" );
}

void TestPendulumHistoricalDate::oldStyle()
{
  QFETCH( QDate, date );
  QFETCH( QString, language );
  QFETCH( QString, expected );
  QCOMPARE( PendulumHistoricalDate::oldStyle( date, language ), expected );
}

void TestPendulumHistoricalDate::oldStyleOnlyForRussianSideBeforeReform()
{
  QVERIFY( PendulumHistoricalDate::usesOldStyle( "RU", QDate( 1905, 9, 5 ) ) );
  QVERIFY( PendulumHistoricalDate::usesOldStyle( "SU", QDate( 1918, 2, 13 ) ) );
  QVERIFY( !PendulumHistoricalDate::usesOldStyle( "SU", QDate( 1918, 2, 14 ) ) );
  QVERIFY( !PendulumHistoricalDate::usesOldStyle( "JP", QDate( 1905, 9, 5 ) ) );
  QVERIFY( !PendulumHistoricalDate::usesOldStyle( "RU", QDate() ) );
}

void TestPendulumHistoricalDate::japaneseEra_data()
{
  QTest::addColumn<QDate>( "date" );
  QTest::addColumn<QString>( "language" );
  QTest::addColumn<QString>( "expected" );
  QTest::newRow( "Meiji 38" ) << QDate( 1905, 9, 5 ) << "en"
                              << "Meiji 38";
  QTest::newRow( "Meiji 38 ja" ) << QDate( 1905, 9, 5 ) << "ja" << QStringLiteral( "明治38年" );
  QTest::newRow( "Meiji 38 ru" ) << QDate( 1905, 9, 5 ) << "ru" << QStringLiteral( "Мэйдзи 38 г." );
  QTest::newRow( "last day of Meiji" ) << QDate( 1912, 7, 29 ) << "en"
                                       << "Meiji 45";
  QTest::newRow( "Taisho 1" ) << QDate( 1912, 7, 30 ) << "en" << QStringLiteral( "Taishō 1" );
  QTest::newRow( "Taisho gannen" ) << QDate( 1912, 7, 30 ) << "ja" << QStringLiteral( "大正元年" );
  QTest::newRow( "last day of Taisho" ) << QDate( 1926, 12, 24 ) << "en" << QStringLiteral( "Taishō 15" );
  QTest::newRow( "Showa 1" ) << QDate( 1926, 12, 25 ) << "en" << QStringLiteral( "Shōwa 1" );
  QTest::newRow( "Showa 20" ) << QDate( 1945, 8, 25 ) << "en" << QStringLiteral( "Shōwa 20" );
  QTest::newRow( "Heisei 1" ) << QDate( 1989, 1, 8 ) << "en"
                              << "Heisei 1";
  QTest::newRow( "Reiwa 1" ) << QDate( 2019, 5, 1 ) << "ja" << QStringLiteral( "令和元年" );
  QTest::newRow( "Heisei 31" ) << QDate( 2019, 4, 30 ) << "en"
                               << "Heisei 31";
  QTest::newRow( "before Meiji" ) << QDate( 1855, 2, 7 ) << "en"
                                  << "";
}

void TestPendulumHistoricalDate::japaneseEra()
{
  QFETCH( QDate, date );
  QFETCH( QString, language );
  QFETCH( QString, expected );
  QCOMPARE( PendulumHistoricalDate::japaneseEra( date, language ), expected );
}

void TestPendulumHistoricalDate::period()
{
  QCOMPARE( PendulumHistoricalDate::period( QDate( 1905, 9, 5 ), "day", QDate( 1945, 8, 25 ), "day", "en" ),
            QStringLiteral( "5 Sep 1905 – 25 Aug 1945" ) );
  QCOMPARE( PendulumHistoricalDate::period( QDate( 1991, 12, 26 ), "day", QDate(), "", "en" ),
            QStringLiteral( "since 26 Dec 1991" ) );
  QCOMPARE(
      PendulumHistoricalDate::period( QDate( 1907, 7, 30 ), "month", QDate( 1917, 1, 1 ), "year", "en" ),
      QStringLiteral( "Jul 1907 – 1917" ) );
  QCOMPARE( PendulumHistoricalDate::period( QDate( 1905, 9, 5 ), "day", QDate( 1945, 8, 25 ), "day", "ja" ),
            QStringLiteral( "1905年9月5日 – 1945年8月25日" ) );
  QCOMPARE( PendulumHistoricalDate::period( QDate( 1991, 12, 26 ), "day", QDate(), "", "ru" ),
            QStringLiteral( "с 26 дек. 1991 г." ) );
}

PENDULUM_TEST_MAIN( TestPendulumHistoricalDate )
#include "testpendulumhistoricaldate.moc"
