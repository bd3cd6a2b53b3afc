#include "pendulumplacequery.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

class TestPendulumPlaceQuery : public QObject, protected PendulumTestRecord::Fixture
{
  Q_OBJECT

private slots:
  void initTestCase();
  void toyoharaOnADay();
  void toyoharasWholeHistory();
  void theSeaHasNoHistory();

private:
  QStringList describe( const QList<PendulumPlaceRecord> &records ) const;
};

void TestPendulumPlaceQuery::initTestCase()
{
  QVERIFY( openRecord() );
}

QStringList TestPendulumPlaceQuery::describe( const QList<PendulumPlaceRecord> &records ) const
{
  QStringList lines;
  for ( const PendulumPlaceRecord &record : records )
    lines << QStringLiteral( "%1 %2 %3" )
                 .arg( record.layerId, record.text( QStringLiteral( "holder" ) ),
                       record.text( QStringLiteral( "status" ) ) );
  return lines;
}

void TestPendulumPlaceQuery::toyoharaOnADay()
{
  PendulumPlaceQuery query( mLayers );
  const QgsPointXY toyohara( 142.73, 46.96 ); // Yuzhno-Sakhalinsk
  QCOMPARE( describe( query.at( toyohara, QDate( 1910, 1, 1 ) ) ),
            QStringList( { "states JP sovereign", "border_1905 JP sovereign" } ) );
  const QStringList in1900 = describe( query.at( toyohara, QDate( 1900, 1, 1 ) ) );
  QVERIFY2( in1900.contains( QStringLiteral( "states RU sovereign" ) ), qPrintable( in1900.join( ';' ) ) );
  QVERIFY2( in1900.contains( QStringLiteral( "border_1875 RU sovereign" ) ),
            qPrintable( in1900.join( ';' ) ) );
}

void TestPendulumPlaceQuery::toyoharasWholeHistory()
{
  PendulumPlaceQuery query( mLayers );
  const QList<PendulumPlaceRecord> history = query.history( QgsPointXY( 142.73, 46.96 ) );
  QStringList states;
  QDate previous;
  for ( const PendulumPlaceRecord &record : history )
  {
    QVERIFY( !previous.isValid() || !record.validFrom().isValid() || record.validFrom() >= previous );
    if ( record.validFrom().isValid() )
      previous = record.validFrom();
    if ( record.layerId == QLatin1String( "states" ) )
      states << record.text( QStringLiteral( "holder" ) );
  }
  // Condominium, Russian, Japanese (Karafuto), Soviet, Russian Federation.
  QCOMPARE( states.first(), QStringLiteral( "JOINT" ) );
  QVERIFY( states.indexOf( QStringLiteral( "RU" ) ) < states.indexOf( QStringLiteral( "JP" ) ) );
  QVERIFY( states.indexOf( QStringLiteral( "JP" ) ) < states.indexOf( QStringLiteral( "SU" ) ) );
  QCOMPARE( states.last(), QStringLiteral( "RF" ) );
}

void TestPendulumPlaceQuery::theSeaHasNoHistory()
{
  PendulumPlaceQuery query( mLayers );
  QVERIFY( query.history( QgsPointXY( 135.0, 40.0 ) ).isEmpty() ); // Sea of Japan
}

PENDULUM_TEST_MAIN( TestPendulumPlaceQuery )
#include "testpendulumplacequery.moc"
