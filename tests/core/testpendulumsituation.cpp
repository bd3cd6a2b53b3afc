#include "pendulumbibliography.h"
#include "pendulumplacequery.h"
#include "pendulumsituation.h"
#include "pendulumsourcelist.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include <QJsonArray>
#include <QJsonDocument>

/**
 * What the sources dock shows for a place (PendulumSituation) and what its
 * copy buttons copy (PendulumSourceList), on the real record.
 */
class TestPendulumSituation : public QObject, protected PendulumTestRecord::Fixture
{
  Q_OBJECT

private slots:
  void initTestCase();
  void clickedFeatureFirstThenTheRest();
  void inTheChosenLanguage();
  void markupInTheRecordStaysText();
  void openSeaSaysSo();
  void copiesEachWorkOnce();

private:
  PendulumPlaceRecord clickedAt( const QString &layerId, const QgsPointXY &point, const QDate &date ) const;

  const QgsPointXY mToyohara = QgsPointXY( 142.73, 46.96 );
};

void TestPendulumSituation::initTestCase()
{
  QVERIFY( openRecord() );
}

PendulumPlaceRecord TestPendulumSituation::clickedAt( const QString &layerId, const QgsPointXY &point,
                                                      const QDate &date ) const
{
  for ( const PendulumPlaceRecord &record : PendulumPlaceQuery( mLayers ).at( point, date ) )
  {
    if ( record.layerId == layerId )
      return record;
  }
  return PendulumPlaceRecord();
}

void TestPendulumSituation::clickedFeatureFirstThenTheRest()
{
  const QDate day( 1910, 1, 1 );
  const QList<PendulumPlaceRecord> situation = PendulumPlaceQuery( mLayers ).at( mToyohara, day );
  const PendulumPlaceRecord clicked = clickedAt( QStringLiteral( "border_1905" ), mToyohara, day );
  QVERIFY( clicked.feature.isValid() );
  const QString html =
      PendulumSituation( mBibliography ).html( clicked, situation, day, QStringLiteral( "en" ) );
  const QString clickedName = clicked.text( QStringLiteral( "name_en" ) ).toHtmlEscaped();
  const int heading = html.indexOf( QStringLiteral( "At this place on 1 January 1910" ) );
  QVERIFY2( heading > 0, qPrintable( html.left( 400 ) ) );
  QVERIFY( html.indexOf( clickedName ) >= 0 && html.indexOf( clickedName ) < heading );
  // The states feature (Japan) is listed under the heading; the clicked one is not repeated.
  const PendulumPlaceRecord state = clickedAt( QStringLiteral( "states" ), mToyohara, day );
  QVERIFY( html.indexOf( state.text( QStringLiteral( "name_en" ) ).toHtmlEscaped(), heading ) > heading );
  QCOMPARE( html.count( clickedName ), 1 );
}

void TestPendulumSituation::inTheChosenLanguage()
{
  const QDate day( 1946, 6, 1 );
  const QList<PendulumPlaceRecord> situation = PendulumPlaceQuery( mLayers ).at( mToyohara, day );
  const QString ja = PendulumSituation( mBibliography )
                         .html( PendulumPlaceRecord(), situation, day, QStringLiteral( "ja" ) );
  QVERIFY2( ja.contains( QStringLiteral( "1946年6月1日のこの地点" ) ), qPrintable( ja.left( 300 ) ) );
  QVERIFY( ja.contains(
      clickedAt( QStringLiteral( "states" ), mToyohara, day ).text( QStringLiteral( "name_ja" ) ) ) );
  const QString ru = PendulumSituation::heading( day, QStringLiteral( "ru" ) );
  QVERIFY2( ru.contains( QStringLiteral( "июня 1946" ) ), qPrintable( ru ) );
}

void TestPendulumSituation::markupInTheRecordStaysText()
{
  PendulumPlaceRecord hostile = clickedAt( QStringLiteral( "states" ), mToyohara, QDate( 1910, 1, 1 ) );
  hostile.feature.setAttribute( QStringLiteral( "name_en" ),
                                QStringLiteral( "<script>alert(1)</script>Karafuto" ) );
  const QString html =
      PendulumSituation( mBibliography ).html( hostile, {}, QDate( 1910, 1, 1 ), QStringLiteral( "en" ) );
  QVERIFY( !html.contains( QStringLiteral( "<script" ) ) );
  QVERIFY( html.contains( QStringLiteral( "&lt;script&gt;" ) ) );
}

void TestPendulumSituation::openSeaSaysSo()
{
  const QDate day( 1910, 1, 1 );
  const QString html =
      PendulumSituation( mBibliography )
          .html( PendulumPlaceRecord(), PendulumPlaceQuery( mLayers ).at( QgsPointXY( 135, 40 ), day ), day,
                 QStringLiteral( "en" ) );
  QVERIFY( html.contains( QStringLiteral( "At this place on 1 January 1910" ) ) );
  QVERIFY( html.contains( QStringLiteral( "<p>—</p>" ) ) );
}

void TestPendulumSituation::copiesEachWorkOnce()
{
  const QList<PendulumPlaceRecord> situation =
      PendulumPlaceQuery( mLayers ).at( mToyohara, QDate( 1910, 1, 1 ) );
  PendulumSourceList sources( mBibliography );
  QStringList expected;
  for ( const PendulumPlaceRecord &record : situation )
  {
    sources.add( record.feature );
    sources.add( record.feature ); // twice: still once each
    for ( const PendulumCitation &citation :
          PendulumBibliography::citationsOf( record.feature.attribute( QStringLiteral( "sources" ) ) ) )
    {
      if ( !expected.contains( citation.id ) )
        expected << citation.id;
    }
  }
  QVERIFY( !expected.isEmpty() );
  QCOMPARE( sources.ids(), expected );
  const QStringList lines = sources.text().split( '\n' );
  QCOMPARE( lines.size(), expected.size() );
  QCOMPARE( lines.first(), mBibliography.reference( expected.first() ) );
  QCOMPARE( sources.bibtex().count( QStringLiteral( "\n@" ) ) + 1, expected.size() );
  const QJsonArray csl = QJsonDocument::fromJson( sources.cslJson() ).array();
  QCOMPARE( csl.size(), expected.size() );
  QCOMPARE( csl.first().toObject().value( QStringLiteral( "id" ) ).toString(), expected.first() );
  QVERIFY( PendulumSourceList( mBibliography ).isEmpty() );
}

PENDULUM_TEST_MAIN( TestPendulumSituation )
#include "testpendulumsituation.moc"
