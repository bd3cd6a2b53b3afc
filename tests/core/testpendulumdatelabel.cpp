#include "pendulumdatelabel.h"
#include "pendulumtest.h"

#include <QImage>

#include "qgsexpressioncontextutils.h"
#include "qgsmapsettings.h"
#include "qgsrendercontext.h"

/**
 * The date label is one look on every map: a white box at the top left, the
 * same physical size at any resolution, the text dark on it; as a decoration
 * it expands the frame's expressions.
 */
class TestPendulumDateLabel : public QObject
{
  Q_OBJECT

private slots:
  void drawsAWhiteBoxTopLeft();
  void keepsItsSizeInMillimetres();
  void expandsExpressionsAsADecoration();

private:
  static QImage blueImage( int width, int height );
  //! The bounding box of the label's near-white pixels (the box is 88 % opaque white).
  static QRect whiteBox( const QImage &image );
  static int darkPixels( const QImage &image, const QRect &rect );
};

QImage TestPendulumDateLabel::blueImage( int width, int height )
{
  QImage image( width, height, QImage::Format_ARGB32_Premultiplied );
  image.fill( QColor( 0x20, 0x60, 0xc0 ) );
  return image;
}

QRect TestPendulumDateLabel::whiteBox( const QImage &image )
{
  QRect box;
  for ( int y = 0; y < image.height(); ++y )
    for ( int x = 0; x < image.width(); ++x )
    {
      const QColor c = image.pixelColor( x, y );
      if ( c.red() > 215 && c.green() > 215 && c.blue() > 215 )
        box |= QRect( x, y, 1, 1 );
    }
  return box;
}

int TestPendulumDateLabel::darkPixels( const QImage &image, const QRect &rect )
{
  int dark = 0;
  for ( int y = rect.top(); y <= rect.bottom(); ++y )
    for ( int x = rect.left(); x <= rect.right(); ++x )
      dark += image.pixelColor( x, y ).lightness() < 80 ? 1 : 0;
  return dark;
}

void TestPendulumDateLabel::drawsAWhiteBoxTopLeft()
{
  QImage image = blueImage( 640, 360 );
  PendulumDateLabel::draw( image, QStringLiteral( "1 January 1910" ), 96 );
  const QRect box = whiteBox( image );
  QVERIFY( !box.isEmpty() );
  // About 4 mm (15 px at 96 dpi) from the edges: the text sits there, its box reaches out a little.
  QVERIFY2( box.left() > 2 && box.left() < 20, qPrintable( QString::number( box.left() ) ) );
  QVERIFY2( box.top() > 2 && box.top() < 20, qPrintable( QString::number( box.top() ) ) );
  QVERIFY( box.right() < image.width() / 2 );
  QVERIFY( box.bottom() < image.height() / 4 );
  QVERIFY2( darkPixels( image, box ) > 50, "no text on the box" );
  QCOMPARE( image.pixelColor( 600, 300 ), QColor( 0x20, 0x60, 0xc0 ) );
  if ( !qEnvironmentVariableIsEmpty( "PENDULUM_TEST_SAVE" ) )
    image.save( qEnvironmentVariable( "PENDULUM_TEST_SAVE" ) );
}

void TestPendulumDateLabel::keepsItsSizeInMillimetres()
{
  QImage low = blueImage( 800, 400 );
  PendulumDateLabel::draw( low, QStringLiteral( "1 January 1910" ), 96 );
  QImage high = blueImage( 2500, 1250 );
  PendulumDateLabel::draw( high, QStringLiteral( "1 January 1910" ), 300 );
  const double ratio = double( whiteBox( high ).height() ) / whiteBox( low ).height();
  QVERIFY2( ratio > 2.8 && ratio < 3.5, qPrintable( QString::number( ratio ) ) );
}

void TestPendulumDateLabel::expandsExpressionsAsADecoration()
{
  QImage plain = blueImage( 640, 360 );
  PendulumDateLabel::draw( plain, QStringLiteral( "1 January 1910" ), 96 );

  QImage decorated = blueImage( 640, 360 );
  QgsMapSettings settings;
  settings.setOutputSize( decorated.size() );
  settings.setOutputDpi( 96 );
  QPainter painter( &decorated );
  QgsRenderContext context = QgsRenderContext::fromMapSettings( settings );
  context.setPainter( &painter );
  QgsExpressionContextScope *scope = new QgsExpressionContextScope();
  scope->setVariable( QStringLiteral( "day" ), QStringLiteral( "1 January 1910" ) );
  context.expressionContext().appendScope( scope );
  PendulumDateLabel label( QStringLiteral( "[% @day %]" ) );
  label.render( settings, context );
  painter.end();
  QCOMPARE( whiteBox( decorated ), whiteBox( plain ) );
  QCOMPARE( darkPixels( decorated, whiteBox( plain ) ), darkPixels( plain, whiteBox( plain ) ) );
}

PENDULUM_TEST_MAIN( TestPendulumDateLabel )
#include "testpendulumdatelabel.moc"
