#include "pendulumframelegend.h"

#include "pendulumqgiscompat.h"
#include "pendulumtemporal.h"

#include <QPainter>
#include <algorithm>

#include "qgslayertree.h"
#include "qgslayertreemodel.h"
#include "qgslayertreeutils.h"
#include "qgslegendrenderer.h"
#include "qgslegendsettings.h"
#include "qgsmapsettings.h"
#include "qgsrendercontext.h"
#include "qgsvectorlayer.h"
#include "qgsvectorlayertemporalproperties.h"

namespace
{
//! Text sizes for a 720 pixel high frame at 96 dpi; larger images scale them up.
constexpr double sLayerPointSize = 7.5;
constexpr double sItemPointSize = 7.0;
constexpr double sReferenceHeight = 720.0;

QgsLegendSettings legendSettings()
{
  QgsLegendSettings settings;
  settings.setTitle( QString() );
  settings.setBoxSpace( 2 );
  settings.setSymbolSize( QSizeF( 5, 3.2 ) );
  QFont layerFont( QStringLiteral( "Noto Sans" ) );
  layerFont.setPointSizeF( sLayerPointSize );
  layerFont.setBold( true );
  QFont itemFont( QStringLiteral( "Noto Sans" ) );
  itemFont.setPointSizeF( sItemPointSize );
  PendulumQgis::setLegendStyleFont( settings.rstyle( PendulumQgis::LegendComponent::Group ), layerFont );
  PendulumQgis::setLegendStyleFont( settings.rstyle( PendulumQgis::LegendComponent::Subgroup ), layerFont );
  PendulumQgis::setLegendStyleFont( settings.rstyle( PendulumQgis::LegendComponent::SymbolLabel ), itemFont );
  settings.rstyle( PendulumQgis::LegendComponent::Subgroup ).setMargin( QgsLegendStyle::Top, 1.5 );
  return settings;
}
} // namespace

PendulumFrameLegend::PendulumFrameLegend( const QList<QgsMapLayer *> &layers )
    : mRoot( std::make_unique<QgsLayerTree>() )
{
  // The legend lists the top layer first.
  for ( auto it = layers.crbegin(); it != layers.crend(); ++it )
  {
    QgsMapLayer *layer = *it;
    if ( layer && layer->temporalProperties() && layer->temporalProperties()->isActive() )
      mRoot->addLayer( layer );
  }
}

PendulumFrameLegend::~PendulumFrameLegend() = default;

QImage PendulumFrameLegend::render( const QgsMapSettings &settings ) const
{
  PendulumTemporal::filterLegendToDay( mRoot->findLayers(), settings.temporalRange().begin().date() );
  QgsLayerTreeModel model( mRoot.get() );
  PendulumQgis::setLegendFilter( model, mRoot.get(), settings );
  // Layers with nothing to show on the day go, headings included.
  bool anything = false;
  for ( QgsLayerTreeLayer *node : mRoot->findLayers() )
  {
    const bool shown = !model.layerLegendNodes( node ).isEmpty();
    node->setCustomProperty( QStringLiteral( "legend/title-style" ),
                             shown ? QStringLiteral( "subgroup" ) : QStringLiteral( "hidden" ) );
    anything |= shown;
  }
  if ( !anything )
    return QImage();

  QgsLegendRenderer legend( &model, legendSettings() );
  const double scale = std::max( 1.0, settings.outputSize().height() / sReferenceHeight );
  const double pixelsPerMm = settings.outputDpi() / 25.4 * scale;
  QImage probe( 1, 1, QImage::Format_ARGB32_Premultiplied );
  QPainter probePainter( &probe );
  QgsRenderContext measure = QgsRenderContext::fromQPainter( &probePainter );
  measure.setScaleFactor( pixelsPerMm );
  const QSizeF mm = legend.minimumSize( &measure );
  probePainter.end();

  QImage image(
      QSize( int( std::ceil( mm.width() * pixelsPerMm ) ), int( std::ceil( mm.height() * pixelsPerMm ) ) ),
      QImage::Format_ARGB32_Premultiplied );
  image.fill( QColor( 255, 255, 255, 215 ) );
  QPainter painter( &image );
  painter.setRenderHint( QPainter::Antialiasing );
  painter.setRenderHint( QPainter::TextAntialiasing );
  QgsRenderContext context = QgsRenderContext::fromQPainter( &painter );
  context.setScaleFactor( pixelsPerMm );
  context.setFlag( Qgis::RenderContextFlag::Antialiasing, true );
  context.setRendererScale( settings.scale() );
  context.setMapToPixel( settings.mapToPixel() );
  // As QgsLayoutItemLegend does: the renderer draws in millimetres.
  painter.scale( pixelsPerMm, pixelsPerMm );
  legend.drawLegend( context );
  painter.end();
  return image;
}

void PendulumFrameLegend::drawOnto( QImage &image, const QgsMapSettings &settings ) const
{
  const QImage legend = render( settings );
  if ( legend.isNull() )
    return;
  const int margin = std::max( 6, image.height() / 60 );
  QPainter painter( &image );
  painter.drawImage( QPoint( margin, image.height() - legend.height() - margin ), legend );
}
