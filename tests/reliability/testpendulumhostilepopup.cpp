#include "pendulumbibliography.h"
#include "pendulumdatabuilder.h"
#include "pendulumdataset.h"
#include "pendulumeventsatlas.h"
#include "pendulumhostile.h"
#include "pendulumlanguage.h"
#include "pendulumpaths.h"
#include "pendulumpopup.h"
#include "pendulumprintjob.h"
#include "pendulumprojectloader.h"
#include "pendulumqgiscompat.h"
#include "pendulumsituation.h"
#include "pendulumtestcli.h"

#include <QDomDocument>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#ifdef PENDULUM_HAVE_QTWEBKIT
#include <QWebElement>
#include <QWebFrame>
#include <QWebPage>
#include <QWebView>
#endif
#include <QXmlStreamReader>
#include <QtTest>

#include "qgsapplication.h"
#include "qgsattributeform.h"
#include "qgseditorwidgetregistry.h"
#include "qgsfeatureiterator.h"
#include "qgsgui.h"
#include "qgsproject.h"
#include "qgsvectorlayer.h"

/**
 * Attribute and bibliography text written to attack the reader: <script>,
 * <img onerror>, javascript: links, event handlers, and right-to-left
 * override and control characters. It goes through `pendulum build` into a
 * GeoPackage and comes out in map tips (QGIS's own expansion of the layer's
 * template), the Identify form (QGIS's attribute form: its QtWebKit view in
 * 3.22, its text element's QLabel since 3.30), the sources dock, `pendulum
 * popup`, an SVG print map and the events atlas: everywhere as text, never as
 * markup, and without the invisible characters. Rendered HTML is checked in
 * Qt's rich text (what QGIS built without QtWebKit shows) and, where this
 * build has it, in QtWebKit with JavaScript on.
 */
class TestPendulumHostilePopup : public QObject
{
  Q_OBJECT

private slots:
  void initTestCase();
  void cleanupTestCase();
  void webKitChecksApply();
  void builtPopupsAreInert();
  void mapTipIsInert();
  void identifyFormIsInert();
  void sourcesDockIsInert();
  void editedAttributesAreInert();
  void popupCommandIsInert();
  void exportedMapIsInert();
  void htmlTemplateLabelShowsText();
  void eventsAtlasIsInert();

private:
  //! Fails unless \a html has only the markup PendulumPopup writes, and no invisible characters.
  static void checkInert( const QString &html );
  /**
   * Renders \a html as QGIS's map tips and forms do, and fails if anything ran or was made an element:
   * in Qt's rich text (QTextDocument: QgsWebView without QtWebKit, QLabel) and, where this build has
   * it, in QtWebKit with JavaScript on, as in QGIS 3.22's map tips.
   */
  static void checkRendered( const QString &html );
  static void checkInRichText( const QString &html );
  static QStringList svgProblems( const QString &path, QString *text );

  QTemporaryDir mDir;
  QString mGpkg;
  std::unique_ptr<PendulumDataset> mDataset;
  PendulumBibliography mBibliography;
  QList<QgsVectorLayer *> mLayers;
};

namespace
{
const QByteArray sScript = "<script>document.title='pwned'</script>";

//! JSON-escaped, for writing into the record's files.
QByteArray jsonText( const QString &text )
{
  QString out = text;
  out.replace( '\\', QStringLiteral( "\\\\" ) ).replace( '"', QStringLiteral( "\\\"" ) );
  return out.toUtf8();
}
} // namespace

void TestPendulumHostilePopup::initTestCase()
{
  // The mini record with hostile text in every field a reader sees.
  const QString layers = mDir.filePath( QStringLiteral( "layers" ) );
  QVERIFY( QDir().mkdir( layers ) );
  QCOMPARE( PendulumHostile::copyMini( layers ), QString() );
  const QList<QPair<QByteArray, QString>> border = {
      { "\"name_en\": \"South square\"",
        QStringLiteral( "\"name_en\": \"%1South\"" ).arg( QString::fromUtf8( jsonText( sScript ) ) ) },
      { "\"name_ja\": \"南の四角\"", "\"name_ja\": \"<img src=x onerror=\\\"document.title='pwned'\\\">\"" },
      { "\"name_ru\": \"Южный квадрат\"",
        "\"name_ru\": \"<a href=\\\"javascript:document.title='pwned'\\\">click</a>\"" },
      { "\"method\": \"A test square.\", \"description_en\": \"Test.\"}, \"geometry\": {\"type\": "
        "\"Polygon\"",
        "\"method\": \"\\\"><svg onload=document.title='pwned'>\", \"description_en\": \"<iframe "
        "src=\\\"javascript:document.title='pwned'\\\"></iframe><style>*{display:none}</style>\"}, "
        "\"geometry\": "
        "{\"type\": \"Polygon\"" },
      { "\"locator\": \"Art. IX\"", "\"locator\": \"<i onmouseover=x>Art. IX\", \"note\": \"</li></ol>" +
                                        QString::fromUtf8( jsonText( sScript ) ) + "\"" },
  };
  QFile borderFile( QDir( layers ).filePath( QStringLiteral( "border_1905.geojson" ) ) );
  QVERIFY( borderFile.open( QIODevice::ReadOnly ) );
  QByteArray content = borderFile.readAll();
  borderFile.close();
  for ( const auto &change : border )
  {
    QVERIFY2( content.contains( change.first ), change.first.constData() );
    content.replace( change.first, change.second.toUtf8() );
  }
  QVERIFY( PendulumHostile::write( borderFile.fileName(), content ) );
  QFile eventsFile( QDir( layers ).filePath( QStringLiteral( "events.geojson" ) ) );
  QVERIFY( eventsFile.open( QIODevice::ReadOnly ) );
  content = eventsFile.readAll();
  eventsFile.close();
  content.replace( "\"name_en\": \"Test treaty\"", "\"name_en\": \"Treaty " + jsonText( sScript ) + "\"" );
  content.replace( "\"place\": \"Portsmouth, drawn at Sakhalin\"",
                   "\"place\": \"<body onload=document.title='pwned'>\"" );
  QVERIFY( PendulumHostile::write( eventsFile.fileName(), content ) );
  // A colleague's bibliography: markup, a javascript: URL, a DOI that closes the link, bidi and control
  // characters.
  QVERIFY( PendulumHostile::write(
      QDir( layers ).filePath( QStringLiteral( "sources.json" ) ),
      "[{\"id\": \"test-source\", \"type\": \"article-journal\", \"title\": \"" + jsonText( sScript ) +
          "\", \"container-title\": \"<iframe src=x>\", \"publisher\": \"<b>Press</b>\", \"URL\": "
          "\"javascript:document.title='pwned'\", \"DOI\": \"10.1/x\\\"><img src=x "
          "onerror=document.title='pwned'>\", "
          "\"author\": [{\"family\": \"<b>Bold</b>\", \"given\": \"\\u202eevil\\u0007\"}], \"issued\": "
          "{\"date-parts\": [[2000]]}}]" ) );

  mGpkg = mDir.filePath( QStringLiteral( "hostile.gpkg" ) );
  PendulumDataBuilder builder( layers, QStringLiteral( PENDULUM_SOURCE_DIR "/styles" ) );
  QVERIFY2( builder.build( mGpkg ), qPrintable( builder.errors().join( '\n' ) ) );
  QString error;
  mDataset = PendulumDataset::open( mGpkg, &error );
  QVERIFY2( mDataset, qPrintable( error ) );
  QVERIFY( mBibliography.fromJson( mDataset->sources(), &error ) );
  mLayers = mDataset->createLayers( QStringLiteral( "en" ), &error );
  QCOMPARE( mLayers.size(), 2 );
}

void TestPendulumHostilePopup::cleanupTestCase()
{
  qDeleteAll( mLayers );
}

void TestPendulumHostilePopup::checkInert( const QString &html )
{
  // Only the elements and attributes PendulumPopup writes; links only to the web.
  static const QRegularExpression sTag( QStringLiteral( "<[^>]*>" ) );
  static const QRegularExpression sAllowed( QStringLiteral(
      "^<(/?(div|table|tr|th|td|p|i|br|ol|li|a|hr|h3)|div class=\"pendulum-(popup|cited)\" style=\"[^\"<>()]*\"|"
      "(div|table|th|ol|p|i) style=\"[^\"<>()]*\"|a href=\"https?://[^\"<>]*\"|hr/)>$" ) );
  QRegularExpressionMatchIterator it = sTag.globalMatch( html );
  while ( it.hasNext() )
  {
    const QString tag = it.next().captured( 0 );
    QVERIFY2( sAllowed.match( tag ).hasMatch(), qPrintable( tag ) );
  }
  QVERIFY( !html.contains( QChar( 0x202E ) ) );
  QVERIFY( !html.contains( QChar( 0x07 ) ) );
}

void TestPendulumHostilePopup::webKitChecksApply()
{
#ifndef PENDULUM_HAVE_QTWEBKIT
  QSKIP( "no QtWebKit in this build (QGIS is built without it here): map tips, the sources dock and "
         "edited attributes are checked in Qt's rich text only, which runs no script" );
#endif
}

void TestPendulumHostilePopup::checkInRichText( const QString &html )
{
  QTextDocument document;
  document.setHtml( html );
  for ( QTextBlock block = document.begin(); block.isValid(); block = block.next() )
  {
    for ( auto it = block.begin(); !it.atEnd(); ++it )
    {
      const QTextCharFormat format = it.fragment().charFormat();
      QVERIFY2( !format.isImageFormat(), qPrintable( it.fragment().text() ) );
      if ( format.isAnchor() )
        QVERIFY2( format.anchorHref().startsWith( QLatin1String( "https://" ) ), qPrintable( format.anchorHref() ) );
    }
  }
  // The attack is there to read, as text.
  QVERIFY( document.toPlainText().contains( QString::fromUtf8( sScript ) ) );
}

void TestPendulumHostilePopup::checkRendered( const QString &html )
{
  checkInRichText( html );
  if ( QTest::currentTestFailed() )
    return;
#ifdef PENDULUM_HAVE_QTWEBKIT
  QWebPage page;
  page.settings()->setAttribute( QWebSettings::JavascriptEnabled, true );
  QSignalSpy loaded( &page, &QWebPage::loadFinished );
  page.mainFrame()->setHtml(
      QStringLiteral( "<html><head><title>clean</title></head><body>%1</body></html>" ).arg( html ) );
  QVERIFY2( !loaded.isEmpty() || loaded.wait( 10000 ), "the page did not load in 10 s" );
  QCOMPARE( page.mainFrame()->title(), QStringLiteral( "clean" ) );
  for ( const char *element : { "script", "img", "iframe", "svg", "style" } )
    QVERIFY2( page.mainFrame()->findAllElements( element ).count() == 0, element );
  for ( const QWebElement &link : page.mainFrame()->findAllElements( "a" ) )
    QVERIFY2( link.attribute( "href" ).startsWith( QLatin1String( "https://" ) ),
              qPrintable( link.attribute( "href" ) ) );
  // The attack is there to read, as text.
  QVERIFY( page.mainFrame()->toPlainText().contains( QString::fromUtf8( sScript ) ) );
#endif
}

void TestPendulumHostilePopup::builtPopupsAreInert()
{
  int popups = 0;
  for ( QgsVectorLayer *layer : std::as_const( mLayers ) )
  {
    QgsFeatureIterator it = layer->getFeatures();
    QgsFeature feature;
    while ( it.nextFeature( feature ) )
    {
      for ( const QString &language : PendulumLanguage::codes() )
      {
        const QString html = feature.attribute( PendulumLanguage::popupField( language ) ).toString();
        checkInert( html );
        ++popups;
      }
    }
  }
  QCOMPARE( popups, 9 ); // three features, three languages
}

void TestPendulumHostilePopup::mapTipIsInert()
{
  for ( QgsVectorLayer *layer : std::as_const( mLayers ) )
  {
    QgsFeatureIterator it = layer->getFeatures();
    QgsFeature feature;
    while ( it.nextFeature( feature ) )
    {
      // As QgsMapTip expands the layer's template, then as its web view shows it.
      const QString tip = PendulumPopup::mapTip( layer, feature );
      QVERIFY( !tip.isEmpty() );
      checkInert( tip );
      if ( feature.attribute( "id" ) != QLatin1String( "north-square" ) )
        checkRendered( tip );
    }
  }
}

void TestPendulumHostilePopup::identifyFormIsInert()
{
  QgsVectorLayer *border = mLayers.at( 0 );
  QgsFeature feature;
  QVERIFY( border->getFeatures( QgsFeatureRequest().setFilterExpression( "\"id\" = 'south-square'" ) )
               .nextFeature( feature ) );
  QgsAttributeEditorContext context;
  context.setAttributeFormMode( QgsAttributeEditorContext::IdentifyMode );
  QgsAttributeForm form( border, feature, context );
  form.resize( 500, 800 );
  form.show();
#if _QGIS_VERSION_INT >= 33000
  // The popup's text element: a QLabel showing the expanded popup as Qt rich text (no script engine).
  QLabel *label = nullptr;
  for ( int i = 0; i < 100 && !label; ++i )
  {
    QTest::qWait( 50 );
    for ( QLabel *candidate : form.findChildren<QLabel *>() )
    {
      if ( candidate->text().contains( QLatin1String( "South" ) ) )
        label = candidate;
    }
  }
  QVERIFY( label );
  QTextDocument document;
  document.setHtml( label->text() );
  const QString shown = document.toPlainText();
  QVERIFY2( shown.contains( QString::fromUtf8( sScript ) + QStringLiteral( "South" ) ), qPrintable( shown ) );
  checkInRichText( label->text() );
#elif !defined( PENDULUM_HAVE_QTWEBKIT )
  QSKIP( "QGIS 3.22 shows the form's popup in QtWebKit; this build has no QtWebKit" );
#else
  QWebView *view = form.findChild<QWebView *>();
  QVERIFY( view );
  // The History tab's script asks QGIS for the popup once the web view has loaded the page.
  QTRY_VERIFY2_WITH_TIMEOUT( view->page()->mainFrame()->toPlainText().contains( QLatin1String( "South" ) ),
                             qPrintable( view->page()->mainFrame()->toPlainText() ), 10000 );
  const QString shown = view->page()->mainFrame()->toPlainText();
  QVERIFY2( shown.contains( QString::fromUtf8( sScript ) + QStringLiteral( "South" ) ), qPrintable( shown ) );
  QWebFrame *frame = view->page()->mainFrame();
  QVERIFY( frame->title() != QLatin1String( "pwned" ) );
  QCOMPARE( frame->findAllElements( "script" ).count(), 1 ); // the form's own, which asks QGIS for the popup
  QCOMPARE( frame->findAllElements( "img" ).count(), 0 );
  QCOMPARE( frame->findAllElements( "iframe" ).count(), 0 );
  QCOMPARE( frame->findAllElements( "svg" ).count(), 0 );
  for ( const QWebElement &link : frame->findAllElements( "a" ) )
    QVERIFY( link.attribute( "href" ).startsWith( QLatin1String( "https://" ) ) );
#endif
}

void TestPendulumHostilePopup::sourcesDockIsInert()
{
  PendulumPlaceRecord clicked;
  clicked.layerId = QStringLiteral( "border_1905" );
  QVERIFY( mLayers.at( 0 )
               ->getFeatures( QgsFeatureRequest().setFilterExpression( "\"id\" = 'south-square'" ) )
               .nextFeature( clicked.feature ) );
  for ( const QString &language : PendulumLanguage::codes() )
  {
    const QString html =
        PendulumSituation( mBibliography ).html( clicked, { clicked }, QDate( 1910, 1, 1 ), language );
    checkInert( html );
    checkRendered( html );
  }
}

void TestPendulumHostilePopup::editedAttributesAreInert()
{
  // An edited copy: attributes changed in QGIS after the build, bidi override and control character included.
  QgsFeature feature;
  QVERIFY( mLayers.at( 0 )
               ->getFeatures( QgsFeatureRequest().setFilterExpression( "\"id\" = 'north-square'" ) )
               .nextFeature( feature ) );
  feature.setAttribute( "name_en", QStringLiteral( "\u202Eevil\u0007 " ) + QString::fromUtf8( sScript ) );
  feature.setAttribute( "description_en",
                        QStringLiteral( "<img src=x onerror=\"document.title='pwned'\">\u2066x" ) );
  const QString html =
      PendulumPopup( mBibliography ).html( feature, QStringLiteral( "border_1905" ), QStringLiteral( "en" ) );
  checkInert( html );
  checkRendered( html );
  QVERIFY( html.contains( QStringLiteral( "evil &lt;script&gt;" ) ) );
  const QString text =
      PendulumPopup( mBibliography ).text( feature, QStringLiteral( "border_1905" ), QStringLiteral( "en" ) );
  QVERIFY( text.startsWith(
      QStringLiteral( "evil <script>" ) ) ); // plain text stays text, minus the invisible characters
}

void TestPendulumHostilePopup::popupCommandIsInert()
{
  QTemporaryDir home;
  const QProcessEnvironment environment = PendulumTestCli::environment( home.path() );
  for ( const QString &language : PendulumLanguage::codes() )
  {
    const PendulumTestCli::Result result =
        PendulumTestCli::run( { "popup", "south-square", "--lang", language, "--data", mGpkg }, environment );
    QCOMPARE( result.code, 0 );
    checkInert( result.out.trimmed() );
  }
  const PendulumTestCli::Result text =
      PendulumTestCli::run( { "popup", "south-square", "--text", "--data", mGpkg }, environment );
  QCOMPARE( text.code, 0 );
  QVERIFY( text.out.startsWith( QString::fromUtf8( sScript ) + QStringLiteral( "South\n" ) ) );
  QVERIFY( !text.out.contains( QChar( 0x202E ) ) && !text.out.contains( QChar( 0x07 ) ) );
}

QStringList TestPendulumHostilePopup::svgProblems( const QString &path, QString *text )
{
  QStringList problems;
  QFile file( path );
  if ( !file.open( QIODevice::ReadOnly ) )
    return { QStringLiteral( "cannot read %1" ).arg( path ) };
  QXmlStreamReader xml( &file );
  while ( !xml.atEnd() )
  {
    xml.readNext();
    if ( xml.isStartElement() )
    {
      const QString name = xml.name().toString().toLower();
      if ( name == QLatin1String( "script" ) || name == QLatin1String( "foreignobject" ) ||
           name == QLatin1String( "iframe" ) )
        problems << QStringLiteral( "element %1" ).arg( name );
      for ( const QXmlStreamAttribute &attribute : xml.attributes() )
      {
        if ( attribute.name().startsWith( QLatin1String( "on" ) ) ||
             attribute.value().trimmed().startsWith( QLatin1String( "javascript:" ), Qt::CaseInsensitive ) )
          problems << QStringLiteral( "attribute %1=%2" ).arg( attribute.name(), attribute.value() );
      }
    }
    else if ( xml.isCharacters() )
    {
      *text += xml.text();
    }
  }
  if ( xml.hasError() )
    problems << QStringLiteral( "not well-formed: %1" ).arg( xml.errorString() );
  if ( text->contains( QChar( 0x202E ) ) || text->contains( QChar( 0x07 ) ) )
    problems << QStringLiteral( "invisible characters in the text" );
  return problems;
}

void TestPendulumHostilePopup::exportedMapIsInert()
{
  PendulumPrintRequest request;
  request.date = QDate( 1910, 1, 1 );
  request.lonLatExtent = QgsRectangle( 138, 42, 150, 52 );
  request.title = QStringLiteral( "\u202E<script>alert(1)</script>\u0007 map" );
  const QString svg = mDir.filePath( QStringLiteral( "map.svg" ) );
  PendulumPrintJob job( mGpkg, request, svg, 96 );
  QVERIFY2( job.run(), qPrintable( job.error() ) );
  QString text;
  for ( const QString &page : job.writtenFiles() )
    QCOMPARE( svgProblems( page, &text ), QStringList() );
  // Shown as the text it is: the title and the colleague's bibliography on the sources page.
  QVERIFY2( text.contains( QStringLiteral( "<script>alert(1)</script> map" ) ),
            qPrintable( text.left( 2000 ) ) );
  QVERIFY( text.contains( QString::fromUtf8( sScript ) ) );
}

void TestPendulumHostilePopup::htmlTemplateLabelShowsText()
{
  // A restyled template whose title label renders HTML: Pendulum's text must still show as text.
  QFile builtIn( QStringLiteral( PENDULUM_SOURCE_DIR "/styles/pendulum_a4_landscape.qpt" ) );
  QVERIFY( builtIn.open( QIODevice::ReadOnly ) );
  QDomDocument qpt;
  QVERIFY( qpt.setContent( &builtIn ) );
  bool found = false;
  const QDomNodeList items = qpt.elementsByTagName( QStringLiteral( "LayoutItem" ) );
  for ( int i = 0; i < items.size(); ++i )
  {
    QDomElement item = items.at( i ).toElement();
    if ( item.attribute( QStringLiteral( "id" ) ) == QLatin1String( "title" ) )
    {
      item.setAttribute( QStringLiteral( "htmlState" ), QStringLiteral( "1" ) );
      found = true;
    }
  }
  QVERIFY( found );
  const QString restyled = mDir.filePath( QStringLiteral( "html-title.qpt" ) );
  QVERIFY( PendulumHostile::write( restyled, qpt.toByteArray() ) );

  PendulumPrintRequest request;
  request.date = QDate( 1910, 1, 1 );
  request.templatePath = restyled;
  request.title = QStringLiteral( "<b>Bold</b> <img src=x onerror=alert(1)> title" );
  const QString svg = mDir.filePath( QStringLiteral( "restyled.svg" ) );
  PendulumPrintJob job( mGpkg, request, svg, 96 );
  QVERIFY2( job.run(), qPrintable( job.error() ) );
  QString text;
  QCOMPARE( svgProblems( job.writtenFiles().first(), &text ), QStringList() );
  QVERIFY2( text.contains( QStringLiteral( "<b>Bold</b> <img src=x onerror=alert(1)> title" ) ),
            qPrintable( text.left( 2000 ) ) );
}

void TestPendulumHostilePopup::eventsAtlasIsInert()
{
  QgsProject project;
  QString error;
  QVERIFY( PendulumProjectLoader::load( &project, *mDataset, QStringLiteral( "en" ), &error ) );
  PendulumAtlasRequest request;
  PendulumEventsAtlas atlas( &project, mBibliography, request );
  QVERIFY2( atlas.prepare( &error ), qPrintable( error ) );
  const QString pdf = mDir.filePath( QStringLiteral( "atlas.pdf" ) );
  QVERIFY2( atlas.exportToPdf( pdf, 72, nullptr, &error ), qPrintable( error ) );
  QProcess pdftotext;
  pdftotext.start( QStringLiteral( "pdftotext" ), { pdf, QStringLiteral( "-" ) } );
  QVERIFY( pdftotext.waitForFinished( 60000 ) );
  const QString text = QString::fromUtf8( pdftotext.readAllStandardOutput() );
  QVERIFY2( text.contains( QStringLiteral( "Treaty <script>document.title='pwned'</script>" ) ),
            qPrintable( text ) );
  QVERIFY( text.contains( QStringLiteral( "<body onload=document.title='pwned'>" ) ) );
  QVERIFY( !text.contains( QChar( 0x202E ) ) && !text.contains( QChar( 0x07 ) ) );
}

// Widgets (the Identify form), so this test has its own main() rather than PENDULUM_TEST_MAIN.
int main( int argc, char **argv )
{
  QTemporaryDir home;
  qputenv( "HOME", home.path().toLocal8Bit() );
  qputenv( "XDG_RUNTIME_DIR", home.path().toLocal8Bit() );
  if ( qEnvironmentVariableIsEmpty( "QT_QPA_PLATFORM" ) )
    qputenv( "QT_QPA_PLATFORM", "offscreen" );
  QgsApplication app( argc, argv, true, home.path() );
  QgsApplication::setPrefixPath( PendulumPaths::qgisPrefix(), true );
  QgsApplication::initQgis();
  QgsGui::editorWidgetRegistry()->initEditors();
  int result = 0;
  {
    TestPendulumHostilePopup test;
    result = QTest::qExec( &test, argc, argv );
  }
  QgsApplication::exitQgis();
  return result;
}
#include "testpendulumhostilepopup.moc"
