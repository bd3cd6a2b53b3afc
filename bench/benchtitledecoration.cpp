#include "benchtitledecoration.h"

#include "pendulumqgiscompat.h"

#include <QPainter>

#include "qgsexpression.h"
#include "qgsrendercontext.h"
#include "qgstextrenderer.h"

namespace
{
constexpr double MARGIN_MM = 4; // the plugin's /MarginH and /MarginV in millimetres
constexpr double INCHES_TO_MM = 0.0393700787402;
} // namespace

BenchTitleDecoration::BenchTitleDecoration( const QString &labelText ) : mLabelText( labelText )
{
  // PendulumDateLabel's text format.
  QFont font( QStringLiteral( "Noto Sans" ) );
  font.setBold( true );
  mFormat.setFont( font );
  mFormat.setSize( 14 );
  mFormat.setSizeUnit( PendulumQgis::RenderUnit::Points );
  mFormat.setColor( QColor( 0x22, 0x22, 0x22 ) );
  QgsTextBackgroundSettings background = mFormat.background();
  background.setEnabled( true );
  background.setType( QgsTextBackgroundSettings::ShapeRectangle );
  background.setSizeType( QgsTextBackgroundSettings::SizeBuffer );
  background.setSize( QSizeF( 2, 1 ) );
  background.setSizeUnit( PendulumQgis::RenderUnit::Millimeters );
  background.setRadii( QSizeF( 1, 1 ) );
  background.setFillColor( QColor( 255, 255, 255, 225 ) );
  background.setStrokeColor( QColor( 0x88, 0x88, 0x88 ) );
  background.setStrokeWidth( 0.2 );
  mFormat.setBackground( background );
}

void BenchTitleDecoration::render( const QgsMapSettings &, QgsRenderContext &context )
{
  // QgsDecorationTitle::render for the top-left placement with millimetre margins.
  const QgsScopedQPainterState painterState( context.painter() );
  context.setPainterFlagsUsingContext();
  const QString text = QgsExpression::replaceExpressionText( mLabelText, &context.expressionContext() );
  const QStringList lines = text.split( '\n' );
  const QFontMetricsF metrics = QgsTextRenderer::fontMetrics( context, mFormat );
  const double descent = metrics.descent();
  const double height = QgsTextRenderer::textHeight( context, mFormat, lines, PendulumQgis::TextLayoutMode::Point );
  QPaintDevice *device = context.painter()->device();
  const int deviceHeight = device->height() / device->devicePixelRatioF();
  const int deviceWidth = device->width() / device->devicePixelRatioF();
  Q_UNUSED( deviceHeight )
  const double xOffset = device->logicalDpiX() * INCHES_TO_MM * MARGIN_MM;
  double yOffset = device->logicalDpiY() * INCHES_TO_MM * MARGIN_MM;
  QPolygonF bar;
  bar << QPointF( 0, 0 ) << QPointF( deviceWidth, 0 ) << QPointF( deviceWidth, yOffset * 2 + height )
      << QPointF( 0, yOffset * 2 + height );
  yOffset = yOffset + height - descent;
  context.painter()->setPen( Qt::NoPen );
  context.painter()->setBrush( QBrush( QColor( 0, 0, 0, 0 ), Qt::SolidPattern ) );
  context.painter()->drawPolygon( bar );
  QgsTextRenderer::drawText( QPointF( xOffset, yOffset ), 0.0, PendulumQgis::TextHorizontalAlignment::Left, lines, context,
                             mFormat );
}
