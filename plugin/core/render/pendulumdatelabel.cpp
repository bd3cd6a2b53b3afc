#include "pendulumdatelabel.h"

#include "pendulumqgiscompat.h"

#include <QDomDocument>
#include <QImage>
#include <QPainter>

#include "qgsexpression.h"
#include "qgsproject.h"
#include "qgsreadwritecontext.h"
#include "qgsrendercontext.h"
#include "qgstextrenderer.h"

PendulumDateLabel::PendulumDateLabel( const QString &labelText ) : mLabelText( labelText )
{
  setDisplayName( QStringLiteral( "Pendulum date label" ) );
}

QStringList PendulumDateLabel::decorationKeys()
{
  return { QStringLiteral( "/Enabled" ),         QStringLiteral( "/Placement" ),
           QStringLiteral( "/MarginUnit" ),      QStringLiteral( "/Label" ),
           QStringLiteral( "/BackgroundColor" ), QStringLiteral( "/MarginH" ),
           QStringLiteral( "/MarginV" ),         QStringLiteral( "/Font" ) };
}

void PendulumDateLabel::writeDecoration( QgsProject *project, const QString &labelText )
{
  constexpr int topLeft = 1; // QgsDecorationItem::TopLeft
  const QString scope = decorationScope();
  QDomDocument document;
  document.appendChild( textFormat().writeXml( document, QgsReadWriteContext() ) );
  project->writeEntry( scope, QStringLiteral( "/Placement" ), topLeft );
  project->writeEntry( scope, QStringLiteral( "/MarginUnit" ), QStringLiteral( "MM" ) );
  project->writeEntry( scope, QStringLiteral( "/MarginH" ), marginMillimeters() );
  project->writeEntry( scope, QStringLiteral( "/MarginV" ), marginMillimeters() );
  // The box is the text format's own background: the decoration's band stays transparent.
  project->writeEntry( scope, QStringLiteral( "/BackgroundColor" ), QStringLiteral( "0,0,0,0" ) );
  project->writeEntry( scope, QStringLiteral( "/Font" ), document.toString() );
  project->writeEntry( scope, QStringLiteral( "/Enabled" ), true );
  project->writeEntry( scope, QStringLiteral( "/Label" ), labelText );
}

QgsTextFormat PendulumDateLabel::textFormat()
{
  QgsTextFormat format;
  QFont font( QStringLiteral( "Noto Sans" ) );
  font.setBold( true );
  format.setFont( font );
  format.setSize( 14 );
  format.setSizeUnit( PendulumQgis::RenderUnit::Points );
  format.setColor( QColor( 0x22, 0x22, 0x22 ) );
  // A white box behind the date keeps it legible over any fill, in colour or greyscale.
  QgsTextBackgroundSettings background = format.background();
  background.setEnabled( true );
  background.setType( QgsTextBackgroundSettings::ShapeRectangle );
  background.setSizeType( QgsTextBackgroundSettings::SizeBuffer );
  background.setSize( QSizeF( 2, 1 ) );
  background.setSizeUnit( PendulumQgis::RenderUnit::Millimeters );
  background.setRadii( QSizeF( 1, 1 ) );
  background.setFillColor( QColor( 255, 255, 255, 225 ) );
  background.setStrokeColor( QColor( 0x88, 0x88, 0x88 ) );
  background.setStrokeWidth( 0.2 );
  format.setBackground( background );
  return format;
}

void PendulumDateLabel::draw( QImage &image, const QString &text, int dpi )
{
  QPainter painter( &image );
  QgsRenderContext context = QgsRenderContext::fromQPainter( &painter );
  context.setScaleFactor( dpi / 25.4 );
  context.setFlag( Qgis::RenderContextFlag::Antialiasing, true );
  drawLines( context, text.split( '\n' ) );
}

void PendulumDateLabel::render( const QgsMapSettings &, QgsRenderContext &context )
{
  drawLines( context,
             QgsExpression::replaceExpressionText( mLabelText, &context.expressionContext() ).split( '\n' ) );
}

void PendulumDateLabel::drawLines( QgsRenderContext &context, const QStringList &lines )
{
  // As QgsDecorationTitle draws a top-left label: the first baseline one margin plus the text's
  // height (less its descent) below the top, so the canvas and exported maps agree.
  const QgsScopedQPainterState painterState( context.painter() );
  context.setPainterFlagsUsingContext();
  const QgsTextFormat format = textFormat();
  const double margin =
      context.convertToPainterUnits( marginMillimeters(), PendulumQgis::RenderUnit::Millimeters );
  const double height =
      QgsTextRenderer::textHeight( context, format, lines, PendulumQgis::TextLayoutMode::Point );
  const double descent = QgsTextRenderer::fontMetrics( context, format ).descent();
  QgsTextRenderer::drawText( QPointF( margin, margin + height - descent ), 0.0,
                             PendulumQgis::TextHorizontalAlignment::Left, lines, context, format );
}
