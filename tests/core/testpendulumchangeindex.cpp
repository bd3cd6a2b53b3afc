#include "pendulumchangeindex.h"
#include "pendulumqgiscompat.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

/**
 * The change index must name every day on which the map changes, and only
 * those: checked against what QGIS's own temporal filter shows on the real
 * record, not against a second reading of the same fields.
 */
class TestPendulumChangeIndex : public QObject, protected PendulumTestRecord::Fixture
{
  Q_OBJECT

private slots:
  void initTestCase();
  void datesAreSortedAndUnique();
  void holdsTreatyAndTransferDays();
  void stepsFromChangeToChange();
  void theMapIsStillBetweenChanges();
  void emptyWithoutTemporalLayers();

private:
  //! Ids of the features of \a layer QGIS's temporal filter shows on \a date.
  QSet<QString> shown( QgsVectorLayer *layer, const QDate &date ) const;
};

void TestPendulumChangeIndex::initTestCase()
{
  QVERIFY( openRecord() );
}

QSet<QString> TestPendulumChangeIndex::shown( QgsVectorLayer *layer, const QDate &date ) const
{
  QgsVectorLayerTemporalContext context;
  context.setLayer( layer );
  QgsFeatureRequest request;
  request.setFilterExpression( qobject_cast<QgsVectorLayerTemporalProperties *>( layer->temporalProperties() )
                                   ->createFilterString( context, PendulumTemporal::dayRange( date ) ) );
  request.setFlags( PendulumQgis::FeatureRequestFlag::NoGeometry );
  request.setSubsetOfAttributes( QStringList{ QStringLiteral( "id" ) }, layer->fields() );
  QSet<QString> ids;
  QgsFeatureIterator it = layer->getFeatures( request );
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
    ids << feature.attribute( QStringLiteral( "id" ) ).toString();
  return ids;
}

void TestPendulumChangeIndex::datesAreSortedAndUnique()
{
  const PendulumChangeIndex index( mLayers );
  QVERIFY( index.dates().size() > 50 );
  for ( int i = 1; i < index.dates().size(); ++i )
    QVERIFY2( index.dates().at( i - 1 ) < index.dates().at( i ),
              qPrintable( index.dates().at( i ).toString( Qt::ISODate ) ) );
  QCOMPARE( index.dates().first(), QDate( 1855, 1, 1 ) ); // the record opens with the states of 1855
}

void TestPendulumChangeIndex::holdsTreatyAndTransferDays()
{
  const PendulumChangeIndex index( mLayers );
  // Portsmouth: signed (an event), in force (Karafuto becomes Japanese); the Soviet landing at
  // Ōtomari; the annexation decree.
  for ( const QDate &day :
        { QDate( 1905, 9, 5 ), QDate( 1905, 10, 15 ), QDate( 1945, 8, 25 ), QDate( 1946, 2, 2 ) } )
    QVERIFY2( index.dates().contains( day ), qPrintable( day.toString( Qt::ISODate ) ) );
  QVERIFY( !index.dates().contains( QDate( 1905, 10, 1 ) ) );
}

void TestPendulumChangeIndex::stepsFromChangeToChange()
{
  const PendulumChangeIndex index( mLayers );
  QCOMPARE( index.next( QDate( 1905, 9, 5 ) ), QDate( 1905, 10, 15 ) );     // from a change day: the next one
  QCOMPARE( index.next( QDate( 1905, 10, 1 ) ), QDate( 1905, 10, 15 ) );    // from between two
  QCOMPARE( index.previous( QDate( 1905, 10, 15 ) ), QDate( 1905, 9, 5 ) ); // and back
  QCOMPARE( index.previous( QDate( 1905, 10, 1 ) ), QDate( 1905, 9, 5 ) );
  QCOMPARE( index.next( QDate( 1945, 8, 22 ) ), QDate( 1945, 8, 23 ) ); // August 1945, day by day
  QVERIFY( index.previous( QDate( 1855, 1, 1 ) ).isNull() );            // nothing before the record
  QVERIFY( index.next( index.dates().last() ).isNull() );               // nor after its last change
  QCOMPARE( index.previous( QDate( 2100, 1, 1 ) ), index.dates().last() );
}

void TestPendulumChangeIndex::theMapIsStillBetweenChanges()
{
  // Completeness: between two consecutive change days QGIS shows the same features on the
  // first and the last day of the gap, on every layer; and on each change day something differs
  // from the day before (no spurious stops).
  const PendulumChangeIndex index( mLayers );
  const QList<QDate> &dates = index.dates();
  QList<QgsVectorLayer *> temporal;
  for ( QgsVectorLayer *layer : std::as_const( mLayers ) )
  {
    if ( PendulumTemporal::isConfigured( layer ) )
      temporal << layer;
  }
  QCOMPARE( temporal.size(), mLayers.size() - 1 ); // all but the basemap
  for ( int i = 0; i + 1 < dates.size(); ++i )
  {
    const QDate first = dates.at( i );
    const QDate last = dates.at( i + 1 ).addDays( -1 );
    bool changed = i == 0;
    for ( QgsVectorLayer *layer : std::as_const( temporal ) )
    {
      const QSet<QString> onFirst = shown( layer, first );
      if ( first != last )
        QVERIFY2( onFirst == shown( layer, last ),
                  qPrintable( QStringLiteral( "%1 changes between %2 and %3" )
                                  .arg( layer->name(), first.toString( Qt::ISODate ),
                                        last.toString( Qt::ISODate ) ) ) );
      changed = changed || onFirst != shown( layer, first.addDays( -1 ) );
    }
    QVERIFY2( changed,
              qPrintable( QStringLiteral( "nothing changes on %1" ).arg( first.toString( Qt::ISODate ) ) ) );
  }
}

void TestPendulumChangeIndex::emptyWithoutTemporalLayers()
{
  QgsVectorLayer *land = PendulumTestRecord::find( mLayers, QStringLiteral( "land" ) );
  QVERIFY( land );
  const PendulumChangeIndex index( { land } );
  QVERIFY( index.isEmpty() );
  QVERIFY( index.next( QDate( 1900, 1, 1 ) ).isNull() );
  QVERIFY( PendulumChangeIndex().previous( QDate( 1900, 1, 1 ) ).isNull() );
}

PENDULUM_TEST_MAIN( TestPendulumChangeIndex )
#include "testpendulumchangeindex.moc"
