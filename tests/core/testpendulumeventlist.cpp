#include "pendulumeventlist.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

class TestPendulumEventList : public QObject, protected PendulumTestRecord::Fixture
{
  Q_OBJECT

private slots:
  void initTestCase();
  void chronological();
  void readsWhatTheDockShows();
  void searchesNamesAndPlaces_data();
  void searchesNamesAndPlaces();
  void blankSearchListsEverything();
  void namesFallBackToEnglish();
  void noEventsLayerNoEvents();

private:
  QStringList ids( const QList<PendulumEvent> &events ) const;

  PendulumEventList mEvents;
};

void TestPendulumEventList::initTestCase()
{
  QVERIFY( openRecord() );
  mEvents = PendulumEventList::fromLayers( mLayers );
}

QStringList TestPendulumEventList::ids( const QList<PendulumEvent> &events ) const
{
  QStringList result;
  for ( const PendulumEvent &event : events )
    result << event.id;
  return result;
}

void TestPendulumEventList::chronological()
{
  const QList<PendulumEvent> &events = mEvents.events();
  QCOMPARE(
      events.size(),
      static_cast<int>( PendulumTestRecord::find( mLayers, QStringLiteral( "events" ) )->featureCount() ) );
  QCOMPARE( events.first().id, QStringLiteral( "treaty-of-shimoda-1855" ) );
  for ( int i = 1; i < events.size(); ++i )
  {
    const PendulumEvent &a = events.at( i - 1 );
    const PendulumEvent &b = events.at( i );
    QVERIFY2( a.date < b.date || ( a.date == b.date && a.id < b.id ), qPrintable( b.id ) );
  }
}

void TestPendulumEventList::readsWhatTheDockShows()
{
  const PendulumEvent *portsmouth = mEvents.find( QStringLiteral( "treaty-of-portsmouth-1905" ) );
  QVERIFY( portsmouth );
  QCOMPARE( portsmouth->date, QDate( 1905, 9, 5 ) );
  QCOMPARE( portsmouth->precision, QStringLiteral( "day" ) );
  QCOMPARE( portsmouth->kind, QStringLiteral( "treaty" ) );
  QCOMPARE( portsmouth->name( QStringLiteral( "ja" ) ), QStringLiteral( "ポーツマス条約調印" ) );
  QVERIFY( portsmouth->place.contains( QStringLiteral( "Kittery" ) ) );
  QVERIFY( portsmouth->fid != FID_NULL );
  const PendulumEvent *shimoda = mEvents.find( QStringLiteral( "treaty-of-shimoda-1855" ) );
  QVERIFY( shimoda );
  // Lon/lat as recorded (the GeoPackage may store another CRS; the list gives WGS 84).
  QVERIFY( std::fabs( shimoda->lonLat.x() - 138.942 ) < 1e-4 );
  QVERIFY( std::fabs( shimoda->lonLat.y() - 34.676 ) < 1e-4 );
  QVERIFY( !mEvents.find( QStringLiteral( "no-such-event" ) ) );
}

void TestPendulumEventList::searchesNamesAndPlaces_data()
{
  QTest::addColumn<QString>( "text" );
  QTest::addColumn<QString>( "expected" );
  QTest::addColumn<QString>( "unexpected" );
  QTest::newRow( "English, any case" ) << "PORTSMOUTH"
                                       << "portsmouth-ratifications-exchanged-1905"
                                       << "treaty-of-shimoda-1855";
  QTest::newRow( "Japanese name" ) << "ポーツマス"
                                   << "treaty-of-portsmouth-1905"
                                   << "treaty-of-shimoda-1855";
  QTest::newRow( "Russian, lower case" ) << "портсмутского"
                                         << "treaty-of-portsmouth-1905"
                                         << "treaty-of-shimoda-1855";
  QTest::newRow( "place without its macron" ) << "choraku-ji"
                                              << "treaty-of-shimoda-1855"
                                              << "treaty-of-portsmouth-1905";
  QTest::newRow( "place with it" ) << "Ōtomari"
                                   << "otomari-landing-1945"
                                   << "treaty-of-portsmouth-1905";
  QTest::newRow( "full-width letters" ) << "ＳＨＩＭＯＤＡ"
                                        << "treaty-of-shimoda-1855"
                                        << "treaty-of-portsmouth-1905";
  QTest::newRow( "ISO month" ) << "1945-08"
                               << "otomari-landing-1945"
                               << "soviet-annexation-decree-1946";
}

void TestPendulumEventList::searchesNamesAndPlaces()
{
  QFETCH( QString, text );
  QFETCH( QString, expected );
  QFETCH( QString, unexpected );
  const QStringList found = ids( mEvents.matching( text ) );
  QVERIFY2( found.contains( expected ), qPrintable( found.join( ' ' ) ) );
  QVERIFY2( !found.contains( unexpected ), qPrintable( found.join( ' ' ) ) );
  QVERIFY( found.size() < mEvents.events().size() );
}

void TestPendulumEventList::blankSearchListsEverything()
{
  QCOMPARE( ids( mEvents.matching( QStringLiteral( "  " ) ) ), ids( mEvents.events() ) );
  QVERIFY( mEvents.matching( QStringLiteral( "zzzz no such thing" ) ).isEmpty() );
}

void TestPendulumEventList::namesFallBackToEnglish()
{
  PendulumEvent event;
  event.nameEn = QStringLiteral( "Gongota agreement" );
  event.nameRu = QStringLiteral( "Гонготское соглашение" );
  QCOMPARE( event.name( QStringLiteral( "ja" ) ), event.nameEn );
  QCOMPARE( event.name( QStringLiteral( "ru" ) ), event.nameRu );
  QCOMPARE( event.name( QStringLiteral( "xx" ) ), event.nameEn );
}

void TestPendulumEventList::noEventsLayerNoEvents()
{
  QVERIFY(
      PendulumEventList::fromLayers( { PendulumTestRecord::find( mLayers, QStringLiteral( "states" ) ) } )
          .events()
          .isEmpty() );
  QVERIFY( PendulumEventList( nullptr ).matching( QString() ).isEmpty() );
}

PENDULUM_TEST_MAIN( TestPendulumEventList )
#include "testpendulumeventlist.moc"
