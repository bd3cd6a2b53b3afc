#include "pendulumchronicle.h"
#include "pendulumrecordreader.h"
#include "pendulumtest.h"

#include <QRegularExpression>

/**
 * The chronology is what reviewers read instead of the GeoJSON: the committed
 * layers/CHRONOLOGY.md must be what `pendulum chronicle` makes of the record
 * today, every line of it cited, and its days in order.
 */
class TestPendulumChronicle : public QObject
{
  Q_OBJECT

private slots:
  void initTestCase();
  void committedChronologyIsCurrent();
  void everyEntryIsCited();
  void daysAreInOrder();
  void portsmouthReadsRight();

private:
  QString mMarkdown;
};

void TestPendulumChronicle::initTestCase()
{
  PendulumRecordReader record;
  QVERIFY2( record.read( QStringLiteral( PENDULUM_SOURCE_DIR "/layers" ) ),
            qPrintable( record.errors().join( '\n' ) ) );
  mMarkdown = PendulumChronicle::markdown( record );
  QVERIFY( mMarkdown.size() > 10000 );
}

void TestPendulumChronicle::committedChronologyIsCurrent()
{
  QFile committed( QStringLiteral( PENDULUM_SOURCE_DIR "/layers/CHRONOLOGY.md" ) );
  QVERIFY( committed.open( QIODevice::ReadOnly ) );
  const QString text = QString::fromUtf8( committed.readAll() );
  QVERIFY2( text == mMarkdown,
            "layers/CHRONOLOGY.md is stale: run `pendulum chronicle --out layers/CHRONOLOGY.md`" );
}

void TestPendulumChronicle::everyEntryIsCited()
{
  // An entry is a bullet naming an event (bold title) or a feature that begins or ends;
  // "- Changes on the map:" only introduces the feature bullets beneath it.
  const QRegularExpression entry( QStringLiteral( "^\\s*- (\\*\\*|begins: |ends: )" ) );
  const QRegularExpression citation( QStringLiteral( "\\[[^\\]]*\\d{4}[^\\]]*\\]$" ) );
  int entries = 0;
  for ( const QString &line : mMarkdown.split( '\n' ) )
  {
    if ( !entry.match( line ).hasMatch() )
      continue;
    ++entries;
    QVERIFY2( citation.match( line ).hasMatch(), qPrintable( line ) );
  }
  QVERIFY( entries > 300 );
}

void TestPendulumChronicle::daysAreInOrder()
{
  const QRegularExpression day( QStringLiteral( "^### (\\d{1,2} \\w+ \\d{4})$" ),
                                QRegularExpression::MultilineOption );
  QDate previous;
  int days = 0;
  for ( auto it = day.globalMatch( mMarkdown ); it.hasNext(); )
  {
    const QDate date =
        QLocale( QLocale::English ).toDate( it.next().captured( 1 ), QStringLiteral( "d MMMM yyyy" ) );
    QVERIFY( date.isValid() );
    QVERIFY2( !previous.isValid() || previous < date, qPrintable( date.toString( Qt::ISODate ) ) );
    previous = date;
    ++days;
  }
  QVERIFY( days > 80 );
}

void TestPendulumChronicle::portsmouthReadsRight()
{
  const int at = mMarkdown.indexOf( QLatin1String( "### 5 September 1905" ) );
  QVERIFY( at >= 0 );
  const QString section = mMarkdown.mid( at, mMarkdown.indexOf( QLatin1String( "\n### " ), at + 1 ) - at );
  QVERIFY( section.contains( QLatin1String( "Treaty of Portsmouth signed" ) ) );
  QVERIFY( section.contains( QLatin1String( "23 August O.S." ) ) );
  QVERIFY( section.contains( QLatin1String( "Art" ) ) );
}

PENDULUM_TEST_MAIN( TestPendulumChronicle )
#include "testpendulumchronicle.moc"
