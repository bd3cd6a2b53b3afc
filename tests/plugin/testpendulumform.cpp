#include "pendulumpaths.h"
#include "pendulumqgiscompat.h"
#include "pendulumtestrecord.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QTextDocument>
#ifdef PENDULUM_HAVE_QTWEBKIT
#include <QWebFrame>
#include <QWebPage>
#include <QWebView>
#endif
#include <QtTest>

#include "qgsapplication.h"
#include "qgsattributeform.h"
#include "qgseditorwidgetregistry.h"
#include "qgsgui.h"

/**
 * The Identify form as QGIS's own QgsAttributeForm builds it from the
 * layers' form configuration, showing the popup, markup and all: since QGIS
 * 3.30 its text element's QLabel, in 3.22 its HTML element run in QtWebKit.
 * Needs widgets, so it has its own main().
 */
class TestPendulumForm : public QObject
{
  Q_OBJECT

private slots:
  void identifyFormShowsThePopup_data();
  void identifyFormShowsThePopup();
};

void TestPendulumForm::identifyFormShowsThePopup_data()
{
  QTest::addColumn<QString>( "language" );
  QTest::addColumn<QString>( "expected" );
  QTest::newRow( "en" ) << "en"
                        << "until 25 August 1945 (Shōwa 20)";
  QTest::newRow( "ja" ) << "ja" << QStringLiteral( "昭和20年" );
}

void TestPendulumForm::identifyFormShowsThePopup()
{
  QFETCH( QString, language );
  QFETCH( QString, expected );
  std::unique_ptr<PendulumDataset> dataset = PendulumTestRecord::open();
  QVERIFY( dataset );
  QString error;
  std::unique_ptr<QgsVectorLayer> layer(
      dataset->createLayer( *dataset->catalog().layer( "border_1905" ), language, &error ) );
  QVERIFY( layer );
  const QgsFeature feature = PendulumTestRecord::feature( layer.get(), QStringLiteral( "karafuto-1905" ) );
  QVERIFY( feature.isValid() );

  QgsAttributeEditorContext context;
  context.setAttributeFormMode( QgsAttributeEditorContext::IdentifyMode );
  QgsAttributeForm form( layer.get(), feature, context );
  form.resize( 500, 800 );
  form.show();
#if _QGIS_VERSION_INT >= 33000
  // The text element: QGIS expands [% "popup_xx" %] and a QLabel shows it as rich text.
  QString shown;
  QLabel *label = nullptr;
  for ( int i = 0; i < 100 && !shown.contains( expected ); ++i )
  {
    QTest::qWait( 50 );
    for ( QLabel *candidate : form.findChildren<QLabel *>() )
    {
      QTextDocument document;
      document.setHtml( candidate->text() );
      if ( document.toPlainText().contains( expected ) )
      {
        label = candidate;
        shown = document.toPlainText();
      }
    }
  }
  QVERIFY2( label, "no label of the form shows the popup" );
  QVERIFY2( shown.contains( expected ), qPrintable( shown ) );
  QVERIFY( shown.contains( "Stephan, John J. 1971." ) );
  QVERIFY( label->textFormat() == Qt::AutoText && Qt::mightBeRichText( label->text() ) ); // rendered markup
  QVERIFY( label->isVisibleTo( &form ) );
#elif !defined( PENDULUM_HAVE_QTWEBKIT )
  QSKIP( "QGIS 3.22 shows the form's popup in QtWebKit; this build has no QtWebKit" );
#else
  QWebView *view = form.findChild<QWebView *>(); // QgsWebView, a QWebView with QtWebKit
  QVERIFY( view );
  // The History tab's script asks QGIS for the popup once the web view has loaded the page.
  QTRY_VERIFY2_WITH_TIMEOUT( view->page()->mainFrame()->toPlainText().contains( expected ),
                             qPrintable( view->page()->mainFrame()->toPlainText() ), 10000 );
  const QString shown = view->page()->mainFrame()->toPlainText();
  QVERIFY( shown.contains( "Stephan, John J. 1971." ) );
  QVERIFY( !shown.contains( "<div" ) ); // markup rendered, not shown as text
  view->page()->setViewportSize( view->page()->mainFrame()->contentsSize() );
#endif
  QVERIFY( form.grab().save(
      QStringLiteral( "%1/identify-form-karafuto-%2.png" ).arg( QDir::currentPath(), language ) ) );
}

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
    TestPendulumForm test;
    result = QTest::qExec( &test, argc, argv );
  }
  QgsApplication::exitQgis();
  return result;
}
#include "testpendulumform.moc"
