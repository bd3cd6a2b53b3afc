#include "pendulumframedate.h"
#include "pendulumtest.h"

#include "pendulumtemporal.h"
#include "qgsexpression.h"
#include "qgsexpressioncontext.h"
#include "qgsexpressioncontextutils.h"
#include "qgsmapsettings.h"

/**
 * The date label's expression, evaluated as QGIS's decorations and layout
 * labels evaluate it: with the map scope of temporal map settings.
 */
class TestPendulumFrameDate : public QObject
{
  Q_OBJECT

private slots:
  void writesTheFrameDate_data();
  void writesTheFrameDate();
};

void TestPendulumFrameDate::writesTheFrameDate_data()
{
  QTest::addColumn<QString>( "language" );
  QTest::addColumn<QString>( "expected" );
  QTest::newRow( "en" ) << "en"
                        << "5 September 1905";
  QTest::newRow( "ja" ) << "ja"
                        << "1905年9月5日";
  QTest::newRow( "ru" ) << "ru"
                        << "5 сентября 1905 г.";
  QTest::newRow( "unknown" ) << "xx"
                             << "5 September 1905";
}

void TestPendulumFrameDate::writesTheFrameDate()
{
  QFETCH( QString, language );
  QFETCH( QString, expected );
  QgsMapSettings settings;
  settings.setIsTemporal( true );
  settings.setTemporalRange( PendulumTemporal::dayRange( QDate( 1905, 9, 5 ) ) );
  QgsExpressionContext context;
  context.appendScope( QgsExpressionContextUtils::mapSettingsScope( settings ) );
  QCOMPARE( QgsExpression::replaceExpressionText( PendulumFrameDate::labelText( language ), &context ),
            expected );
}

PENDULUM_TEST_MAIN( TestPendulumFrameDate )
#include "testpendulumframedate.moc"
