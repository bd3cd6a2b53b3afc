#include "pendulumlanguage.h"
#include "pendulumlayerlanguage.h"
#include "pendulumpopup.h"
#include "pendulumqgiscompat.h"
#include "pendulumtest.h"
#include "pendulumtestrecord.h"

#include <QTextDocument>
#ifdef PENDULUM_HAVE_QTWEBKIT
#include <QWebElement>
#include <QWebFrame>
#include <QWebPage>
#endif

#include "qgsattributeeditorcontainer.h"
#include "qgsattributeeditorhtmlelement.h"
#if _QGIS_VERSION_INT >= 33000
#include "qgsattributeeditortextelement.h"
#endif
#include "qgsattributetableconfig.h"
#include "qgscategorizedsymbolrenderer.h"
#include "qgseditformconfig.h"
#include "qgsexpressioncontextutils.h"
#include "qgspallabeling.h"
#include "qgsproject.h"
#include "qgsvectorlayerlabeling.h"

/**
 * What QGIS itself shows once a language is applied: map tips expanded from
 * the layer's template, the Identify form's popup (since QGIS 3.30 a text
 * element that QGIS expands and a QLabel renders; in 3.22 an HTML element run
 * the way QgsHtmlWidgetWrapper runs it, a JavaScript `expression` object in
 * QtWebKit), labels, layer names, and the language stored in the project.
 */
class TestPendulumLanguage : public QObject
{
  Q_OBJECT

private slots:
  void initTestCase();
  void cleanupTestCase();
  void codes();
  void mapTipIsThePopup();
  void formShowsThePopup();
  void popupColumnsHidden();
  void namesAndLabels();
  void legendFollowsLanguage();
  void projectRoundTrip();
  void applyToProject();

private:
  QgsFeature karafuto( QgsVectorLayer *layer ) const;
  std::unique_ptr<PendulumDataset> mDataset;
};

//! Stands in for QGIS's HtmlExpression: what the form's HTML element calls.
class FormExpression : public QObject
{
  Q_OBJECT
public:
  QgsExpressionContext context;
  Q_INVOKABLE QString evaluate( const QString &expression ) const
  {
    QgsExpressionContext local = context;
    QgsExpression exp( expression );
    exp.prepare( &local );
    return exp.evaluate( &local ).toString();
  }
};

void TestPendulumLanguage::initTestCase()
{
  mDataset = PendulumTestRecord::open();
  QVERIFY( mDataset );
}

void TestPendulumLanguage::cleanupTestCase()
{
  QgsProject::instance()->clear();
}

QgsFeature TestPendulumLanguage::karafuto( QgsVectorLayer *layer ) const
{
  return PendulumTestRecord::feature( layer, QStringLiteral( "karafuto-1905" ) );
}

void TestPendulumLanguage::codes()
{
  QCOMPARE( PendulumLanguage::codes(), QStringList( { "en", "ja", "ru" } ) );
  QCOMPARE( PendulumLanguage::normalised( "de" ), QStringLiteral( "en" ) );
  QCOMPARE( PendulumLanguage::popupField( "ru" ), QStringLiteral( "popup_ru" ) );
  QCOMPARE( PendulumLanguage::displayName( "ja" ), QStringLiteral( "日本語" ) );
}

void TestPendulumLanguage::mapTipIsThePopup()
{
  QString error;
  for ( const QString &language : PendulumLanguage::codes() )
  {
    std::unique_ptr<QgsVectorLayer> layer(
        mDataset->createLayer( *mDataset->catalog().layer( "border_1905" ), language, &error ) );
    QVERIFY2( layer, qPrintable( error ) );
    QCOMPARE( layer->mapTipTemplate(), QStringLiteral( "[% \"popup_%1\" %]" ).arg( language ) );
    const QgsFeature feature = karafuto( layer.get() );
    QVERIFY( feature.isValid() );
    // Expanded exactly as QgsMapTip does: replaceExpressionText in the layer's context.
    QgsExpressionContext context( QgsExpressionContextUtils::globalProjectLayerScopes( layer.get() ) );
    context.setFeature( feature );
    const QString tip = QgsExpression::replaceExpressionText( layer->mapTipTemplate(), &context );
    QCOMPARE( tip, feature.attribute( PendulumLanguage::popupField( language ) ).toString() );
    QCOMPARE( tip, PendulumPopup::mapTip( layer.get(), feature ) );
    QVERIFY( tip.startsWith( "<div class=\"pendulum-popup\"" ) ); // markup inserted as is, not escaped again
    QVERIFY( tip.contains( language == "ja"   ? QStringLiteral( "明治38年" )
                           : language == "ru" ? QStringLiteral( "Мэйдзи 38 г." )
                                              : QStringLiteral( "Meiji 38" ) ) );
  }
}

void TestPendulumLanguage::formShowsThePopup()
{
  QString error;
  std::unique_ptr<QgsVectorLayer> layer(
      mDataset->createLayer( *mDataset->catalog().layer( "border_1905" ), "en", &error ) );
  QVERIFY( layer );
  const QgsEditFormConfig config = layer->editFormConfig();
  QCOMPARE( config.layout(), PendulumQgis::AttributeFormLayout::DragAndDrop );
  const QList<QgsAttributeEditorElement *> elements = config.tabs();
  QCOMPARE( elements.size(), 2 );
  // First tab: the popup alone; second tab: the raw fields, without the popup columns.
  const auto *popupTab = dynamic_cast<const QgsAttributeEditorContainer *>( elements.first() );
  QVERIFY( popupTab );
  QCOMPARE( popupTab->name(), QStringLiteral( "History" ) );
  QCOMPARE( popupTab->children().size(), 1 );
  const QgsAttributeEditorElement *popup = popupTab->children().first();
  const auto *fields = dynamic_cast<const QgsAttributeEditorContainer *>( elements.at( 1 ) );
  QVERIFY( fields );
  QCOMPARE( fields->name(), QStringLiteral( "Attributes" ) );
  QVERIFY( PendulumQgis::containerType( fields ) == PendulumQgis::AttributeEditorContainerType::Tab );
  // The citations read as the JSON they are, not as an empty key/value table.
  QCOMPARE( layer->editorWidgetSetup( layer->fields().lookupField( "sources" ) ).type(),
            QStringLiteral( "TextEdit" ) );
  QStringList names;
  for ( const QgsAttributeEditorElement *child : fields->children() )
    names << child->name();
  QVERIFY( names.contains( "valid_from" ) );
  QVERIFY( names.contains( "sources" ) );
  QVERIFY( !names.contains( "popup_en" ) );

#if _QGIS_VERSION_INT >= 33000
  // A text element: QGIS expands its [% %] for the form's feature, and a QLabel renders the
  // result as rich text (QTextDocument), with or without QtWebKit.
  const auto *text = dynamic_cast<const QgsAttributeEditorTextElement *>( popup );
  QVERIFY( text );
  QVERIFY( !dynamic_cast<const QgsAttributeEditorHtmlElement *>( popup ) );
  QgsExpressionContext context( QgsExpressionContextUtils::globalProjectLayerScopes( layer.get() ) );
  context.setFeature( karafuto( layer.get() ) );
  const QString markup = QgsExpression::replaceExpressionText( text->text(), &context );
  QVERIFY( Qt::mightBeRichText( markup ) ); // what QLabel's automatic text format asks
  QTextDocument document;
  document.setHtml( markup );
  const QString shown = document.toPlainText();
  QVERIFY2( shown.contains( "Karafuto (Japanese southern Sakhalin)" ), qPrintable( shown ) );
  QVERIFY( shown.contains( "15 Oct 1905 – 25 Aug 1945" ) );
  QVERIFY( shown.contains( "Stephan, John J. 1971. Sakhalin: A History." ) );
  QVERIFY( !shown.contains( "<div" ) ); // rendered as markup, not as text
  QCOMPARE( markup.count( "<li" ), 8 );
#else
  const auto *html = dynamic_cast<const QgsAttributeEditorHtmlElement *>( popup );
  QVERIFY( html );
#ifndef PENDULUM_HAVE_QTWEBKIT
  QSKIP( "QGIS 3.22 shows the popup through an HTML element run by QtWebKit; this build has no QtWebKit" );
#else
  // Run the element's code the way QgsHtmlWidgetWrapper does.
  FormExpression expression;
  expression.context =
      QgsExpressionContext( QgsExpressionContextUtils::globalProjectLayerScopes( layer.get() ) );
  expression.context.setFeature( karafuto( layer.get() ) );
  QWebPage page;
  QWebFrame *frame = page.mainFrame();
  connect( frame, &QWebFrame::javaScriptWindowObjectCleared, frame,
           [frame, &expression]
           { frame->addToJavaScriptWindowObject( QStringLiteral( "expression" ), &expression ); } );
  QSignalSpy loaded( &page, &QWebPage::loadFinished );
  frame->setHtml( html->htmlCode() );
  if ( loaded.isEmpty() )
    QVERIFY( loaded.wait( 10000 ) );
  const QString shown = frame->toPlainText();
  QVERIFY2( shown.contains( "Karafuto (Japanese southern Sakhalin)" ), qPrintable( shown ) );
  QVERIFY( shown.contains( "15 Oct 1905 – 25 Aug 1945" ) );
  QVERIFY( shown.contains( "Stephan, John J. 1971. Sakhalin: A History." ) );
  QCOMPARE( frame->findAllElements( "ol li" ).count(), 8 ); // rendered as markup, not as text
#endif
#endif
}

void TestPendulumLanguage::popupColumnsHidden()
{
  QString error;
  std::unique_ptr<QgsVectorLayer> layer(
      mDataset->createLayer( *mDataset->catalog().layer( "border_1905" ), "en", &error ) );
  QVERIFY( layer );
  const QgsAttributeTableConfig table = layer->attributeTableConfig();
  int hidden = 0;
  for ( const QgsAttributeTableConfig::ColumnConfig &column : table.columns() )
  {
    if ( column.name.startsWith( "popup_" ) )
    {
      QVERIFY( column.hidden );
      ++hidden;
    }
    else if ( column.type == QgsAttributeTableConfig::Field )
    {
      QVERIFY2( !column.hidden, qPrintable( column.name ) );
    }
  }
  QCOMPARE( hidden, 3 );
  QCOMPARE( layer->editorWidgetSetup( layer->fields().lookupField( "popup_ja" ) ).type(),
            QStringLiteral( "Hidden" ) );
  QCOMPARE( layer->editorWidgetSetup( layer->fields().lookupField( "name_ja" ) ).type(), QString() );
}

void TestPendulumLanguage::namesAndLabels()
{
  QString error;
  const PendulumLayerInfo &info = *mDataset->catalog().layer( "border_1905" );
  std::unique_ptr<QgsVectorLayer> layer( mDataset->createLayer( info, "ja", &error ) );
  QVERIFY( layer );
  QCOMPARE( layer->name(), info.titleJa );
  QVERIFY( layer->labelsEnabled() );
  const auto *labeling = dynamic_cast<const QgsVectorLayerSimpleLabeling *>( layer->labeling() );
  QVERIFY( labeling );
  QVERIFY( labeling->settings().isExpression );
  QVERIFY2( labeling->settings().fieldName.contains(
                QLatin1String( "coalesce(nullif(\"name_ja\", ''), \"name_en\")" ) ),
            qPrintable( labeling->settings().fieldName ) );
  // The label a reader sees for Karafuto.
  QgsExpressionContext context( QgsExpressionContextUtils::globalProjectLayerScopes( layer.get() ) );
  context.setFeature( karafuto( layer.get() ) );
  QgsExpression label( labeling->settings().fieldName );
  QCOMPARE( label.evaluate( &context ).toString(), QStringLiteral( "樺太(南樺太)" ) );
  // An edited GeoPackage's control and bidi characters never reach a label.
  QgsFeature hostile = karafuto( layer.get() );
  hostile.setAttribute( QStringLiteral( "name_ja" ), QStringLiteral( "樺\u202e太\x07\x1b[0m" ) );
  context.setFeature( hostile );
  QCOMPARE( label.evaluate( &context ).toString(), QStringLiteral( "樺太[0m" ) );

  PendulumLayerLanguage::apply( layer.get(), info, "en" );
  QCOMPARE( layer->name(), info.titleEn );
  QVERIFY( dynamic_cast<const QgsVectorLayerSimpleLabeling *>( layer->labeling() )
               ->settings()
               .fieldName.startsWith( QLatin1String( "regexp_replace(\"name_en\"," ) ) );
  QCOMPARE( layer->mapTipTemplate(), QStringLiteral( "[% \"popup_en\" %]" ) );
}

static QString categoryLabel( const QgsVectorLayer *layer, const QString &holder )
{
  const auto *renderer = dynamic_cast<const QgsCategorizedSymbolRenderer *>( layer->renderer() );
  if ( !renderer )
    return QString();
  for ( const QgsRendererCategory &category : renderer->categories() )
  {
    if ( category.value().toString() == holder )
      return category.label();
  }
  return QString();
}

void TestPendulumLanguage::legendFollowsLanguage()
{
  QString error;
  const PendulumLayerInfo &info = *mDataset->catalog().layer( "states" );
  std::unique_ptr<QgsVectorLayer> layer( mDataset->createLayer( info, "ru", &error ) );
  QVERIFY( layer );
  QCOMPARE( categoryLabel( layer.get(), "MK" ), QStringLiteral( "Маньчжоу-го" ) );
  PendulumLayerLanguage::apply( layer.get(), info, "ja" );
  QCOMPARE( categoryLabel( layer.get(), "JP" ), QStringLiteral( "日本" ) );
  // Back to English: the style's own wording again.
  PendulumLayerLanguage::apply( layer.get(), info, "en" );
  QCOMPARE( categoryLabel( layer.get(), "CN" ), QStringLiteral( "China (Qing / Republic)" ) );
  QCOMPARE( categoryLabel( layer.get(), "MK" ), QStringLiteral( "Manchukuo" ) );
}

void TestPendulumLanguage::projectRoundTrip()
{
  QgsProject project;
  QCOMPARE( PendulumLayerLanguage::fromProject( &project ), QStringLiteral( "en" ) );
  PendulumLayerLanguage::toProject( &project, "ru" );
  QCOMPARE( PendulumLayerLanguage::fromProject( &project ), QStringLiteral( "ru" ) );
  QTemporaryDir dir;
  const QString path = dir.filePath( "p.qgz" );
  QVERIFY( project.write( path ) );
  QgsProject reread;
  QVERIFY( reread.read( path ) );
  QCOMPARE( PendulumLayerLanguage::fromProject( &reread ), QStringLiteral( "ru" ) );
  PendulumLayerLanguage::toProject( &reread, "klingon" );
  QCOMPARE( PendulumLayerLanguage::fromProject( &reread ), QStringLiteral( "en" ) );
  QCOMPARE( PendulumLayerLanguage::fromProject( nullptr ), QStringLiteral( "en" ) );
}

void TestPendulumLanguage::applyToProject()
{
  QgsProject project;
  QString error;
  const QList<QgsVectorLayer *> layers = mDataset->createLayers( "en", &error );
  QVERIFY( !layers.isEmpty() );
  for ( QgsVectorLayer *layer : layers )
    project.addMapLayer( layer );
  QCOMPARE( PendulumLayerLanguage::applyToProject( &project, mDataset->catalog(), "ru" ), layers.size() );
  QCOMPARE( PendulumLayerLanguage::fromProject( &project ), QStringLiteral( "ru" ) );
  QgsVectorLayer *events = PendulumTestRecord::find( layers, "events" );
  QCOMPARE( events->name(), mDataset->catalog().layer( "events" )->titleRu );
  QCOMPARE( events->mapTipTemplate(), QStringLiteral( "[% \"popup_ru\" %]" ) );
}

PENDULUM_TEST_MAIN( TestPendulumLanguage )
#include "testpendulumlanguage.moc"
