#include "pendulumbibliography.h"
#include "pendulumlanguage.h"
#include "pendulumpopup.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include <cmath>

#include <QImage>
#include <QPainter>
#include <QTextBlock>
#include <QTextDocument>
#ifdef PENDULUM_HAVE_QTWEBKIT
#include <QWebElement>
#include <QWebFrame>
#include <QWebPage>
#endif

/**
 * The popup as readers see it: real features of the record in the three
 * languages, and hostile attribute text rendered by the engines behind QGIS's
 * map tips and forms, to prove nothing in it runs or becomes markup: QtWebKit
 * (QGIS built with it, as Debian 12's 3.22) and Qt's rich text (QGIS built
 * without it, as Debian 13's 3.40 and later, and the form's text element
 * since 3.30).
 */
class TestPendulumPopup : public QObject, protected PendulumTestRecord::Fixture
{
  Q_OBJECT

private slots:
  void initTestCase();
  void karafuto();
  void karafutoInJapaneseAndRussian();
  void oldStyleOnRussianSide();
  void eventPopup();
  void descriptionFallsBackToEnglish();
  void builtPopupMatchesFeature();
  void hostileAttributesAreText();
  void hostileAttributesDoNotRunInWebKit();
  void hostileAttributesStayTextInRichText();
  void plainText();
  void renderForReview();

private:
  QgsFeature feature( const QString &layerId, const QString &id ) const;
#ifdef PENDULUM_HAVE_QTWEBKIT
  //! \a html loaded in a QWebPage as QGIS's map tip does; returns the page's title after load.
  static QString loadInWebKit( QWebPage &page, const QString &html );
#endif
};

void TestPendulumPopup::initTestCase()
{
  QVERIFY( openRecord() );
}

QgsFeature TestPendulumPopup::feature( const QString &layerId, const QString &id ) const
{
  return PendulumTestRecord::feature( PendulumTestRecord::find( mLayers, layerId ), id );
}

void TestPendulumPopup::karafuto()
{
  const QgsFeature karafuto = feature( "border_1905", "karafuto-1905" );
  QVERIFY( karafuto.isValid() );
  const QString html = PendulumPopup( mBibliography ).html( karafuto, "border_1905", "en" );
  QVERIFY( html.contains( "Karafuto (Japanese southern Sakhalin)" ) );
  QVERIFY( html.contains( QStringLiteral( "樺太(南樺太)" ) ) ); // the other names beneath
  QVERIFY( html.contains( QStringLiteral( "Карафуто" ) ) );
  QVERIFY( html.contains( QStringLiteral( "15 Oct 1905 – 25 Aug 1945" ) ) );
  QVERIFY( html.contains( "From 15 October 1905 (Meiji 38)" ) );
  QVERIFY( html.contains( QStringLiteral( "until 25 August 1945 (Shōwa 20)" ) ) );
  QVERIFY( html.contains( "Empire of Japan" ) );
  QVERIFY( html.contains( "sovereign territory" ) );
  QVERIFY( html.contains( "high: fixed by treaty text or a coastline" ) );
  QVERIFY( html.contains( "cut at exactly 50°N" ) );                     // method
  QVERIFY( html.contains( "signed 5 September 1905, 23 August O.S." ) ); // description
  // Sources: numbered, formatted by the bibliography, with locator and note.
  QCOMPARE( html.count( "<li>" ), 8 );
  QVERIFY( html.contains( "Stephan, John J. 1971. <i>Sakhalin: A History</i>" ) );
  QVERIFY( html.contains(
      QStringLiteral( "— Art. IX; <i>Sakhalin south of 50°N ceded; no fortifications</i>" ) ) );
  QVERIFY( html.contains( "<a href=\"https://doi.org/10.31278/1810-6374-2019-17-4-78-108\">" ) );
  // The sources in brief on the map tip's first screen, before the description: author–date, locator.
  const int brief = html.indexOf( QLatin1String( "class=\"pendulum-cited\"" ) );
  QVERIFY( brief > 0 );
  QVERIFY( brief < html.indexOf( QLatin1String( "signed 5 September 1905" ) ) );
  const QString briefLine = html.mid( brief, html.indexOf( QLatin1String( "</div>" ), brief ) - brief );
  QVERIFY2( briefLine.contains( QLatin1String( "Sources: " ) ) &&
                briefLine.contains( QLatin1String( "1905, Art. IX; " ) ) &&
                briefLine.contains( QLatin1String( "Stephan 1971; Shulatov 2019" ) ),
            qPrintable( briefLine ) );
  // Before the restoration of 1868 Japan is not yet the Empire: a feature that outlived a name gives each.
  const QString japan =
      PendulumPopup( mBibliography ).text( feature( "states", "states-japan-1855" ), "states", "en" );
  QVERIFY2( japan.contains( QStringLiteral( "Holder: Japan (Tokugawa shogunate) → Empire of Japan\n" ) ),
            qPrintable( japan ) );
  QVERIFY( !PendulumPopup( mBibliography )
                .html( feature( "states", "states-japan-1855" ), "states", "ja" )
                .contains( QStringLiteral( "大日本帝国 →" ) ) );
  // Japanese side: era years, no Old Style in the dates.
  QVERIFY( html.contains( "From 15 October 1905 (Meiji 38)<br>" ) );
}

void TestPendulumPopup::karafutoInJapaneseAndRussian()
{
  const QgsFeature karafuto = feature( "border_1905", "karafuto-1905" );
  const PendulumPopup popup( mBibliography );
  const QString ja = popup.html( karafuto, "border_1905", "ja" );
  QVERIFY(
      ja.contains( QStringLiteral( "<div style=\"font-size:12pt;font-weight:bold\">樺太(南樺太)</div>" ) ) );
  QVERIFY( ja.contains( QStringLiteral( "1905年10月15日 – 1945年8月25日" ) ) );
  QVERIFY( ja.contains( QStringLiteral( "明治38年" ) ) );
  QVERIFY( ja.contains( QStringLiteral( "昭和20年" ) ) );
  QVERIFY( ja.contains( QStringLiteral( "大日本帝国" ) ) );
  QVERIFY(
      ja.contains( QStringLiteral( "(説明は英語のみ)" ) ) ); // the record has no Japanese description yet
  const QString ru = popup.html( karafuto, "border_1905", "ru" );
  QVERIFY( ru.contains( QStringLiteral( "15 октября 1905 г." ) ) );
  QVERIFY( ru.contains( QStringLiteral( "Японская империя" ) ) );
  QVERIFY( ru.contains( QStringLiteral( "Источники" ) ) );
}

void TestPendulumPopup::oldStyleOnRussianSide()
{
  // The Russian lease of Port Arthur: signed 27 March 1898 (15 March O.S.), surrendered 2 January 1905.
  const QgsFeature lease = feature( "border_1905", "kwantung-russian-lease-1898" );
  QVERIFY( lease.isValid() );
  const QString html = PendulumPopup( mBibliography ).html( lease, "border_1905", "en" );
  QVERIFY( html.contains( "From 27 March 1898 (15 March 1898 O.S.)" ) );
  QVERIFY( html.contains( "until 2 January 1905 (20 December 1904 O.S.)" ) );
  QVERIFY( html.contains( "Russian Empire" ) );
  QVERIFY( html.contains( "leased territory" ) );
  // Soviet after the calendar reform: no Old Style.
  const QString soviet = PendulumPopup( mBibliography )
                             .html( feature( "states", "states-soviet-primorye-1917" ), "states", "en" );
  QVERIFY( soviet.contains( "From 7 November 1917 (25 October 1917 O.S.)" ) );
  QVERIFY( soviet.contains( "until 29 June 1918\n" ) || soviet.contains( "until 29 June 1918<" ) );
  QVERIFY( soviet.contains( "Soviet Russia" ) ); // the holder's name in 1917, before the USSR
}

void TestPendulumPopup::eventPopup()
{
  const QgsFeature portsmouth = feature( "events", "treaty-of-portsmouth-1905" );
  QVERIFY( portsmouth.isValid() );
  const QString html = PendulumPopup( mBibliography ).html( portsmouth, "events", "en" );
  QVERIFY( html.contains( ">5 September 1905<" ) );
  QVERIFY( html.contains( "5 September 1905 (Meiji 38)" ) );
  QVERIFY( html.contains( "<td>treaty</td>" ) );
  QVERIFY( html.contains( ">Place</th><td>Portsmouth" ) );
  QVERIFY( !html.contains( ">Status<" ) ); // events have a kind, not a status
}

void TestPendulumPopup::descriptionFallsBackToEnglish()
{
  QVariantMap attributes{
      { "name_en", "A" }, { "description_en", "English text" }, { "description_ru", "Русский текст" } };
  const PendulumPopup popup( mBibliography );
  QVERIFY( popup.html( attributes, "states", "ru" ).contains( QStringLiteral( "Русский текст" ) ) );
  QVERIFY( !popup.html( attributes, "states", "ru" ).contains( "English text" ) );
  QVERIFY( popup.html( attributes, "states", "ja" ).contains( "English text" ) );
}

void TestPendulumPopup::builtPopupMatchesFeature()
{
  // `pendulum build` made popup_<lang> from the GeoJSON properties; the same
  // popup made now from the GeoPackage's attributes (real dates, parsed JSON) must agree.
  const PendulumPopup popup( mBibliography );
  for ( const QString &id :
        { QStringLiteral( "karafuto-1905" ), QStringLiteral( "kwantung-russian-lease-1898" ) } )
  {
    const QgsFeature built = feature( "border_1905", id );
    for ( const QString &language : PendulumLanguage::codes() )
      QCOMPARE( built.attribute( PendulumLanguage::popupField( language ) ).toString(),
                popup.html( built, "border_1905", language ) );
  }
}

namespace
{
QVariantMap hostile()
{
  return {
      { "id", "x" },
      { "name_en", QStringLiteral( "Evil\u202Egnp.exe <b>bold</b>" ) },
      { "name_ja", "<img src=x onerror=\"document.title='pwned'\">" },
      { "holder", "<script>document.title='pwned'</script>" },
      { "status", "sovereign" },
      { "valid_from", "1905-11-25" },
      { "from_precision", "day" },
      { "method", QStringLiteral( "a\x01"
                                  "b\u2066c" ) },
      { "description_en",
        "<script>document.title='pwned'</script><a href=\"javascript:alert(1)\">click</a>" },
      { "sources", "[{\"id\": \"evil\", \"locator\": \"<i onmouseover=x>\", \"note\": "
                   "\"</li></ol><script>x</script>\"}]" },
  };
}
const QByteArray sHostileBibliography =
    R"([{"id": "evil", "type": "webpage", "title": "<script>document.title='pwned'</script>",
      "URL": "javascript:document.title='pwned'", "issued": {"date-parts": [[2000]]}}])";
} // namespace

void TestPendulumPopup::hostileAttributesAreText()
{
  PendulumBibliography bibliography;
  QString error;
  QVERIFY2( bibliography.fromJson( sHostileBibliography, &error ), qPrintable( error ) );
  const QString html = PendulumPopup( bibliography ).html( hostile(), "states", "en" );
  QVERIFY( !html.contains( "<script" ) );
  QVERIFY( !html.contains( "<img" ) );
  QVERIFY( !html.contains( "<b>" ) );
  QVERIFY( !html.contains( "<i onmouseover" ) );
  QVERIFY( !html.contains( "<a " ) ); // neither the description's nor the bibliography's javascript: link
  QVERIFY( html.contains( "&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;" ) );
  QVERIFY( html.contains( "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" ) ||
           html.contains( "&lt;script&gt;document.title='pwned'&lt;/script&gt;" ) );
  QVERIFY( !html.contains( QChar( 0x202E ) ) );
  QVERIFY( !html.contains( QChar( 0x2066 ) ) );
  QVERIFY( !html.contains( QChar( 0x01 ) ) );
  QVERIFY( html.contains( "Evilgnp.exe &lt;b&gt;bold&lt;/b&gt;" ) );
  QVERIFY( html.contains( "&lt;/li&gt;&lt;/ol&gt;" ) );
}

#ifdef PENDULUM_HAVE_QTWEBKIT
QString TestPendulumPopup::loadInWebKit( QWebPage &page, const QString &html )
{
  page.settings()->setAttribute( QWebSettings::JavascriptEnabled, true );
  QSignalSpy loaded( &page, &QWebPage::loadFinished );
  page.mainFrame()->setHtml(
      QStringLiteral( "<html><head><title>clean</title></head><body>%1</body></html>" ).arg( html ) );
  if ( loaded.isEmpty() && !loaded.wait( 10000 ) )
    return QStringLiteral( "(the page did not load in 10 s)" );
  return page.mainFrame()->title();
}

#endif

void TestPendulumPopup::hostileAttributesDoNotRunInWebKit()
{
#ifndef PENDULUM_HAVE_QTWEBKIT
  QSKIP( "no QtWebKit in this build (QGIS built without it shows map tips through Qt's rich text, "
         "which runs no script: see hostileAttributesStayTextInRichText)" );
#else
  PendulumBibliography bibliography;
  QString error;
  QVERIFY( bibliography.fromJson( sHostileBibliography, &error ) );
  const QString html = PendulumPopup( bibliography ).html( hostile(), "states", "en" );

  // A control: the same page machinery does run script that is really there.
  QWebPage control;
  QCOMPARE( loadInWebKit( control, "<script>document.title='ran'</script>" ), QStringLiteral( "ran" ) );

  QWebPage page;
  QCOMPARE( loadInWebKit( page, html ), QStringLiteral( "clean" ) );
  const QString shown = page.mainFrame()->toPlainText();
  QVERIFY( shown.contains( "<script>document.title='pwned'</script>" ) ); // shown as text
  QCOMPARE( page.mainFrame()->findAllElements( "script" ).count(), 0 );
  QCOMPARE( page.mainFrame()->findAllElements( "img" ).count(), 0 );
  QCOMPARE( page.mainFrame()->findAllElements( "a" ).count(), 0 );
#endif
}

void TestPendulumPopup::hostileAttributesStayTextInRichText()
{
  // Qt's rich text (QTextDocument): QgsWebView is a QTextBrowser in a QGIS built without QtWebKit,
  // and the form's text element a QLabel. It runs no script; what matters is that hostile text
  // stays text: no link, image or element is made from it.
  PendulumBibliography bibliography;
  QString error;
  QVERIFY( bibliography.fromJson( sHostileBibliography, &error ) );
  const QString html = PendulumPopup( bibliography ).html( hostile(), "states", "en" );
  QTextDocument document;
  document.setHtml( html );
  const QString shown = document.toPlainText();
  QVERIFY2( shown.contains( "<script>document.title='pwned'</script>" ), qPrintable( shown ) ); // shown as text
  int anchors = 0;
  int images = 0;
  for ( QTextBlock block = document.begin(); block.isValid(); block = block.next() )
  {
    for ( auto it = block.begin(); !it.atEnd(); ++it )
    {
      anchors += it.fragment().charFormat().isAnchor() ? 1 : 0;
      images += it.fragment().charFormat().isImageFormat() ? 1 : 0;
    }
  }
  QCOMPARE( anchors, 0 );
  QCOMPARE( images, 0 );
}

void TestPendulumPopup::plainText()
{
  const QString text =
      PendulumPopup( mBibliography ).text( feature( "border_1905", "karafuto-1905" ), "border_1905", "en" );
  QVERIFY( text.startsWith( "Karafuto (Japanese southern Sakhalin)\n" ) );
  QVERIFY( text.contains( "\nHolder: Empire of Japan\n" ) );
  QVERIFY( text.contains( "\n5. Stephan, John J. 1971. Sakhalin: A History." ) );
  QVERIFY( !text.contains( "<" ) );
}

void TestPendulumPopup::renderForReview()
{
  // The popup as QGIS's map tip draws it, 420 px wide, for a person to look at: QtWebKit where
  // this build has it, else Qt's rich text (QGIS built without QtWebKit).
  const QgsFeature karafuto = feature( "border_1905", "karafuto-1905" );
  for ( const QString &language : PendulumLanguage::codes() )
  {
#ifndef PENDULUM_HAVE_QTWEBKIT
    QTextDocument document;
    document.setHtml( karafuto.attribute( PendulumLanguage::popupField( language ) ).toString() );
    document.setTextWidth( 420 );
    const QSize size( 420, int( std::ceil( document.size().height() ) ) );
    QVERIFY( size.height() > 300 ); // names, dates, table, description and seven references
    QImage image( size, QImage::Format_ARGB32 );
    image.fill( Qt::white );
    QPainter painter( &image );
    document.drawContents( &painter );
    painter.end();
#else
    QWebPage page;
    page.setViewportSize( QSize( 420, 200 ) );
    loadInWebKit( page, karafuto.attribute( PendulumLanguage::popupField( language ) ).toString() );
    const QSize size( 420, page.mainFrame()->contentsSize().height() );
    QVERIFY( size.height() > 300 ); // names, dates, table, description and seven references
    page.setViewportSize( size );
    QImage image( size, QImage::Format_ARGB32 );
    image.fill( Qt::white );
    QPainter painter( &image );
    page.mainFrame()->render( &painter );
    painter.end();
#endif
    const QString path = QStringLiteral( "%1/popup-karafuto-%2.png" ).arg( QDir::currentPath(), language );
    QVERIFY( image.save( path ) );
    qInfo() << "wrote" << path;
  }
}

PENDULUM_TEST_MAIN( TestPendulumPopup )
#include "testpendulumpopup.moc"
