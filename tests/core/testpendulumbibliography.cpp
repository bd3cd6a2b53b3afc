#include "pendulumbibliography.h"
#include "pendulumdataset.h"
#include "pendulumtest.h"

class TestPendulumBibliography : public QObject
{
  Q_OBJECT

private slots:
  void formatsAuthorDateReferences();
  void formatsCitationsOneWay();
  void escapesHostileText();
  void parsesFeatureCitations();
  void refusesBrokenBibliographies_data();
  void refusesBrokenBibliographies();
  void theRecordsBibliographyReads();
};

namespace
{
const QByteArray sBibliography = R"json([
  {"id": "shulatov2019", "type": "article-journal", "title": "Russia as a ‘Trauma’: The Rise and Fall of Japan as a Great Power",
   "author": [{"family": "Shulatov", "given": "Yaroslav A."}], "container-title": "Russia in Global Affairs",
   "volume": "17", "issue": "4", "page": "78-108", "issued": {"date-parts": [[2019]]},
   "DOI": "10.31278/1810-6374-2019-17-4-78-108"},
  {"id": "stephan1974", "type": "book", "title": "The Kuril Islands: Russo-Japanese Frontier in the Pacific",
   "author": [{"family": "Stephan", "given": "John J."}], "publisher": "Clarendon Press", "publisher-place": "Oxford",
   "issued": {"date-parts": [[1974]]}},
  {"id": "treaty", "type": "treaty", "title": "Treaty of Portsmouth", "issued": {"date-parts": [[1905]]}},
  {"id": "evil", "type": "book", "title": "<script>alert(1)</script>", "author": [{"literal": "<img src=x onerror=alert(2)>"}],
   "URL": "javascript:alert(3)", "issued": {"date-parts": [[2000]]}}
])json";
}

void TestPendulumBibliography::formatsAuthorDateReferences()
{
  PendulumBibliography bibliography;
  QString error;
  QVERIFY2( bibliography.fromJson( sBibliography, &error ), qPrintable( error ) );
  QCOMPARE( bibliography.authorDate( QStringLiteral( "shulatov2019" ) ), QStringLiteral( "Shulatov 2019" ) );
  QCOMPARE( bibliography.authorDate( QStringLiteral( "treaty" ) ),
            QStringLiteral( "Treaty of Portsmouth 1905" ) );
  QCOMPARE(
      bibliography.reference( QStringLiteral( "shulatov2019" ) ),
      QStringLiteral(
          "Shulatov, Yaroslav A. 2019. “Russia as a ‘Trauma’: The Rise and Fall of Japan as a Great Power.” "
          "Russia in Global Affairs 17 (4): 78–108. https://doi.org/10.31278/1810-6374-2019-17-4-78-108" ) );
  QCOMPARE( bibliography.reference( QStringLiteral( "stephan1974" ) ),
            QStringLiteral( "Stephan, John J. 1974. The Kuril Islands: Russo-Japanese Frontier in the "
                            "Pacific. Oxford: Clarendon Press." ) );
  QVERIFY(
      bibliography.reference( QStringLiteral( "stephan1974" ), PendulumBibliography::Format::Html )
          .contains( QLatin1String( "<i>The Kuril Islands: Russo-Japanese Frontier in the Pacific</i>" ) ) );
  QVERIFY(
      bibliography.reference( QStringLiteral( "shulatov2019" ), PendulumBibliography::Format::Html )
          .contains( QLatin1String( "<a href=\"https://doi.org/10.31278/1810-6374-2019-17-4-78-108\">" ) ) );
  const QString bibtex = bibliography.bibtex( QStringLiteral( "shulatov2019" ) );
  QVERIFY( bibtex.startsWith( QLatin1String( "@article{shulatov2019," ) ) );
  QVERIFY( bibtex.contains( QLatin1String( "journal = {Russia in Global Affairs}" ) ) );
  QVERIFY( bibtex.contains( QLatin1String( "year = {2019}" ) ) );
}

void TestPendulumBibliography::formatsCitationsOneWay()
{
  PendulumBibliography bibliography;
  QString error;
  QVERIFY2( bibliography.fromJson( sBibliography, &error ), qPrintable( error ) );
  const PendulumCitation article{ QStringLiteral( "treaty" ), QStringLiteral( "Art. IX" ),
                                  QStringLiteral( "the 50th parallel <b>" ) };
  QCOMPARE( bibliography.shortCitation( article ), QStringLiteral( "Treaty of Portsmouth 1905, Art. IX" ) );
  QCOMPARE( bibliography.shortCitation( { QStringLiteral( "stephan1974" ), QString(), QString() } ),
            QStringLiteral( "Stephan 1974" ) );
  // A work missing from the bibliography is named by its id, not dropped.
  QCOMPARE( bibliography.shortCitation( { QStringLiteral( "lost" ), QStringLiteral( "p. 3" ), QString() } ),
            QStringLiteral( "lost, p. 3" ) );
  QCOMPARE( bibliography.fullCitation( article, PendulumBibliography::Format::Text ),
            QStringLiteral( "Treaty of Portsmouth. 1905. — Art. IX; the 50th parallel <b>" ) );
  const QString html = bibliography.fullCitation( article, PendulumBibliography::Format::Html );
  QVERIFY2( html.endsWith( QStringLiteral( " — Art. IX; <i>the 50th parallel &lt;b&gt;</i>" ) ),
            qPrintable( html ) );
  // Bidi overrides in a locator never reach the text.
  const PendulumCitation hostile{ QStringLiteral( "treaty" ), QStringLiteral( "Art.\u202E XI" ), QString() };
  QVERIFY(
      !bibliography.fullCitation( hostile, PendulumBibliography::Format::Text ).contains( QChar( 0x202E ) ) );
}

void TestPendulumBibliography::escapesHostileText()
{
  PendulumBibliography bibliography;
  QString error;
  QVERIFY( bibliography.fromJson( sBibliography, &error ) );
  const QString html = bibliography.reference( QStringLiteral( "evil" ), PendulumBibliography::Format::Html );
  QVERIFY2( !html.contains( QLatin1String( "<script" ) ), qPrintable( html ) );
  QVERIFY2( !html.contains( QLatin1String( "<img" ) ), qPrintable( html ) );
  QVERIFY2( !html.contains( QLatin1String( "javascript:" ) ), qPrintable( html ) );
  QVERIFY( html.contains( QLatin1String( "&lt;script&gt;alert(1)&lt;/script&gt;" ) ) );
}

void TestPendulumBibliography::parsesFeatureCitations()
{
  QString error;
  const QList<PendulumCitation> citations = PendulumBibliography::parseCitations(
      QStringLiteral(
          R"([{"id": "treaty", "locator": "Art. IX", "note": "the 50th parallel"}, {"id": "stephan1974"}])" ),
      &error );
  QCOMPARE( citations.size(), 2 );
  QCOMPARE( citations.at( 0 ).locator, QStringLiteral( "Art. IX" ) );
  QCOMPARE( citations.at( 0 ).note, QStringLiteral( "the 50th parallel" ) );
  QCOMPARE( citations.at( 1 ).id, QStringLiteral( "stephan1974" ) );
  QVERIFY( PendulumBibliography::parseCitations( QStringLiteral( "not json" ), &error ).isEmpty() );
  QVERIFY( PendulumBibliography::parseCitations( QStringLiteral( R"([{"locator": "p. 1"}])" ), &error )
               .isEmpty() );
  QVERIFY( error.contains( QLatin1String( "without an id" ) ) );
}

void TestPendulumBibliography::refusesBrokenBibliographies_data()
{
  QTest::addColumn<QByteArray>( "json" );
  QTest::addColumn<QString>( "messagePart" );
  QTest::newRow( "truncated" ) << QByteArray( "[{\"id\": " ) << "not valid JSON";
  QTest::newRow( "object" ) << QByteArray( "{}" ) << "not a CSL-JSON array";
  QTest::newRow( "no id" ) << QByteArray( "[{\"title\": \"x\"}]" ) << "item 1 has no id";
  QTest::newRow( "duplicate" ) << QByteArray( "[{\"id\": \"a\"}, {\"id\": \"a\"}]" ) << "'a' is used twice";
}

void TestPendulumBibliography::refusesBrokenBibliographies()
{
  QFETCH( QByteArray, json );
  QFETCH( QString, messagePart );
  PendulumBibliography bibliography;
  QString error;
  QVERIFY( !bibliography.fromJson( json, &error ) );
  QVERIFY2( error.contains( messagePart ), qPrintable( error ) );
}

void TestPendulumBibliography::theRecordsBibliographyReads()
{
  QFile file( PendulumPaths::defaultLayersDir() + QStringLiteral( "/sources.json" ) );
  QVERIFY( file.open( QIODevice::ReadOnly ) );
  PendulumBibliography bibliography;
  QString error;
  QVERIFY2( bibliography.fromJson( file.readAll(), &error ), qPrintable( error ) );
  QVERIFY( bibliography.contains( QStringLiteral( "shulatov2019" ) ) );
  for ( const QString &id : bibliography.ids() )
    QVERIFY2( !bibliography.reference( id ).isEmpty(), qPrintable( id ) );
}

PENDULUM_TEST_MAIN( TestPendulumBibliography )
#include "testpendulumbibliography.moc"
