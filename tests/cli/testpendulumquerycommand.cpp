#include "pendulumtest.h"
#include "pendulumtestcli.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

/**
 * `pendulum query` as a user runs it: who held Toyohara (Yuzhno-Sakhalinsk)
 * on a day and over its whole history, as text and as JSON lines.
 */
class TestPendulumQueryCommand : public QObject
{
  Q_OBJECT

private slots:
  void toyoharaIn1910IsJapanese();
  void toyoharasHistoryAsJsonLines();
  void textHistoryIsADatedList();
  void badCoordinatesAreUsageErrors_data();
  void badCoordinatesAreUsageErrors();

private:
  using Result = PendulumTestCli::Result;
  Result run( const QStringList &arguments ) const;
  QList<QJsonObject> jsonLines( const QString &out ) const;
};

TestPendulumQueryCommand::Result TestPendulumQueryCommand::run( const QStringList &arguments ) const
{
  const QTemporaryDir home;
  return PendulumTestCli::run( QStringList( QStringLiteral( "query" ) ) + arguments,
                               PendulumTestCli::environment( home.path() ) );
}

QList<QJsonObject> TestPendulumQueryCommand::jsonLines( const QString &out ) const
{
  QList<QJsonObject> objects;
  for ( const QString &line : out.split( '\n', Qt::SkipEmptyParts ) )
  {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson( line.toUtf8(), &error );
    if ( error.error != QJsonParseError::NoError || !document.isObject() )
    {
      qWarning() << "not a JSON object:" << line;
      return {};
    }
    objects << document.object();
  }
  return objects;
}

void TestPendulumQueryCommand::toyoharaIn1910IsJapanese()
{
  const Result result = run( { "--lon", "142.73", "--lat", "46.96", "--date", "1910-01-01", "--json" } );
  QCOMPARE( result.code, 0 );
  const QList<QJsonObject> objects = jsonLines( result.out );
  QVERIFY2( !objects.isEmpty(), qPrintable( result.out + result.err ) );
  QStringList holders;
  for ( const QJsonObject &object : objects )
  {
    holders << object.value( "layer" ).toString() + ':' + object.value( "holder" ).toString();
    // The schema's field names, dates as ISO text, sources as an array, citations author–date.
    QVERIFY( object.value( "valid_from" ).toString() <= QLatin1String( "1910-01-01" ) );
    QVERIFY( object.value( "sources" ).isArray() && !object.value( "sources" ).toArray().isEmpty() );
    QVERIFY( !object.value( "citations" ).toArray().isEmpty() );
    QVERIFY( object.contains( "status" ) && object.contains( "valid_to" ) && object.contains( "id" ) );
  }
  QCOMPARE( holders, QStringList( { "states:JP", "border_1905:JP" } ) );

  const Result text = run( { "--lon", "142.73", "--lat", "46.96", "--date", "1910-01-01" } );
  QCOMPARE( text.code, 0 );
  QVERIFY2( text.out.startsWith( QStringLiteral( "142.7300°E 46.9600°N on 1 January 1910:" ) ),
            qPrintable( text.out ) );
  QVERIFY2( text.out.contains( QLatin1String( "Portsmouth" ) ), qPrintable( text.out ) ); // the treaty, cited
  QVERIFY( text.out.contains( QLatin1String( "border_1905/karafuto-1905" ) ) );
}

void TestPendulumQueryCommand::toyoharasHistoryAsJsonLines()
{
  const Result result = run( { "--lon", "142.73", "--lat", "46.96", "--json" } );
  QCOMPARE( result.code, 0 );
  const QList<QJsonObject> objects = jsonLines( result.out );
  QVERIFY( !objects.isEmpty() );
  QStringList states;
  QString previous;
  for ( const QJsonObject &object : objects )
  {
    const QString from = object.value( "valid_from" ).toString();
    QVERIFY2( from >= previous, qPrintable( from ) ); // a dated list, in order
    previous = from;
    // Consecutive periods of one holder (Soviet occupation, then annexation) count once.
    if ( object.value( "layer" ).toString() == QLatin1String( "states" ) &&
         ( states.isEmpty() || states.last() != object.value( "holder" ).toString() ) )
      states << object.value( "holder" ).toString();
  }
  QCOMPARE( states, QStringList( { "JOINT", "RU", "JP", "SU", "RF" } ) );
}

void TestPendulumQueryCommand::textHistoryIsADatedList()
{
  const Result result = run( { "--lon", "142.73", "--lat", "46.96" } );
  QCOMPARE( result.code, 0 );
  QVERIFY( result.out.startsWith( QStringLiteral( "142.7300°E 46.9600°N, its history:" ) ) );
  QVERIFY2( result.out.contains( QLatin1String( "since 26 Dec 1991" ) ), qPrintable( result.out ) );
  QVERIFY( result.out.indexOf( QLatin1String( "JOINT" ) ) < result.out.indexOf( QLatin1String( "  RF " ) ) );
  // Sources on a line of their own, not an escaped line break.
  QVERIFY2( result.out.contains( QLatin1String( "\n      sources: " ) ) &&
                !result.out.contains( QLatin1String( "\\x0a" ) ),
            qPrintable( result.out ) );

  const Result sea = run( { "--lon", "135", "--lat", "40" } );
  QCOMPARE( sea.code, 0 );
  QVERIFY( sea.out.contains( QLatin1String( "no feature of the record covers this place" ) ) );
}

void TestPendulumQueryCommand::badCoordinatesAreUsageErrors_data()
{
  QTest::addColumn<QStringList>( "arguments" );
  QTest::addColumn<QString>( "message" );
  QTest::newRow( "no lat" ) << QStringList{ "--lon", "142" }
                            << "pendulum query: --lon and --lat are required";
  QTest::newRow( "text lon" ) << QStringList{ "--lon", "east", "--lat", "46" }
                              << "pendulum query: --lon: 'east' is not a longitude";
  QTest::newRow( "lat 91" ) << QStringList{ "--lon", "142", "--lat", "91" }
                            << "pendulum query: --lat: '91' is not a latitude";
  QTest::newRow( "nan" ) << QStringList{ "--lon", "nan", "--lat", "46" }
                         << "pendulum query: --lon: 'nan' is not a longitude";
  QTest::newRow( "bad date" ) << QStringList{ "--lon", "142", "--lat", "46", "--date", "1910-02-30" }
                              << "pendulum query: --date: '1910-02-30' is not a real date";
}

void TestPendulumQueryCommand::badCoordinatesAreUsageErrors()
{
  QFETCH( QStringList, arguments );
  QFETCH( QString, message );
  const Result result = run( arguments );
  QCOMPARE( result.code, 2 );
  QVERIFY2( result.err.startsWith( message ), qPrintable( result.err ) );
  QCOMPARE( result.err.count( '\n' ), 1 );
  QVERIFY( result.out.isEmpty() );
}

PENDULUM_TEST_MAIN( TestPendulumQueryCommand )
#include "testpendulumquerycommand.moc"
