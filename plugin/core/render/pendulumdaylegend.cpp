#include "pendulumdaylegend.h"

#include "pendulumqgiscompat.h"
#include "pendulumtemporal.h"

#include <QDomDocument>
#include <QImage>
#include <QPainter>

#include "qgsexpressioncontextutils.h"
#include "qgslayertreemodellegendnode.h"
#include "qgsreadwritecontext.h"
#include "qgsrendercontext.h"
#include "qgsrenderer.h"
#include "qgsvectorlayer.h"
#include "qgsvectorlayertemporalproperties.h"

namespace
{
// The legend key of a node: QgsLayerTreeModelLegendNode::RuleKeyRole up to 3.34,
// CustomRole::RuleKey after, Qt::UserRole on every version.
QString ruleKey( const QgsLayerTreeModelLegendNode *node )
{
  return node->data( Qt::UserRole ).toString();
}

// Copies the default legend's own settings (text on symbols, label legend) through its XML.
void copySettings( const QgsMapLayerLegend *from, QgsMapLayerLegend *to )
{
  if ( !from )
    return;
  QDomDocument document;
  const QgsReadWriteContext context;
  to->readXml( from->writeXml( document, context ), context );
}
} // namespace

PendulumDayLegend::PendulumDayLegend( QgsVectorLayer *layer )
    : QgsDefaultVectorLayerLegend( layer ), mLayer( layer )
{
  // A new renderer (the user restyled the layer) has new legend keys: find the day's again.
  connect( layer, &QgsVectorLayer::rendererChanged, this,
           [this]
           {
             const QDate day = mDay;
             mDay = QDate();
             setDay( day );
           } );
}

void PendulumDayLegend::setDay( const QDate &day )
{
  if ( day == mDay )
    return;
  mDay = day;
  mKeys.clear();
  auto *temporal =
      mLayer ? qobject_cast<QgsVectorLayerTemporalProperties *>( mLayer->temporalProperties() ) : nullptr;
  QgsFeatureRenderer *renderer = mLayer ? mLayer->renderer() : nullptr;
  if ( day.isValid() && temporal && temporal->isActive() && renderer )
  {
    const QgsDateTimeRange range = PendulumTemporal::dayRange( day );
    QgsVectorLayerTemporalContext temporalContext;
    temporalContext.setLayer( mLayer );
    QgsFeatureRequest request( QgsExpression( temporal->createFilterString( temporalContext, range ) ) );
    request.setFlags( PendulumQgis::FeatureRequestFlag::NoGeometry );
    // The renderer's legend keys need a render context (expressions, as when drawing).
    QImage probe( 1, 1, QImage::Format_ARGB32_Premultiplied );
    QPainter painter( &probe );
    QgsRenderContext context = QgsRenderContext::fromQPainter( &painter );
    // The day as the map's time (the events' "of the past year" rule reads @map_start_time).
    auto *mapScope = new QgsExpressionContextScope( QStringLiteral( "Map Settings" ) );
    mapScope->setVariable( QStringLiteral( "map_start_time" ), range.begin(), true );
    mapScope->setVariable( QStringLiteral( "map_end_time" ), range.end(), true );
    QgsExpressionContext expressions( QgsExpressionContextUtils::globalProjectLayerScopes( mLayer ) );
    expressions.appendScope( mapScope );
    context.setExpressionContext( expressions );
    std::unique_ptr<QgsFeatureRenderer> copy( renderer->clone() );
    copy->startRender( context, mLayer->fields() );
    QgsFeature feature;
    QgsFeatureIterator features = mLayer->getFeatures( request );
    while ( features.nextFeature( feature ) )
    {
      context.expressionContext().setFeature( feature );
      mKeys.unite( copy->legendKeysForFeature( feature, context ) );
    }
    copy->stopRender( context );
  }
  emit itemsChanged();
}

QList<QgsLayerTreeModelLegendNode *>
PendulumDayLegend::createLayerTreeModelLegendNodes( QgsLayerTreeLayer *nodeLayer )
{
  QList<QgsLayerTreeModelLegendNode *> nodes =
      QgsDefaultVectorLayerLegend::createLayerTreeModelLegendNodes( nodeLayer );
  if ( !mDay.isValid() )
    return nodes;
  QList<QgsLayerTreeModelLegendNode *> kept;
  for ( QgsLayerTreeModelLegendNode *node : std::as_const( nodes ) )
  {
    const QString key = ruleKey( node );
    if ( key.isEmpty() || mKeys.contains( key ) )
      kept << node;
    else
      delete node;
  }
  return kept;
}

PendulumDayLegend *PendulumDayLegend::install( QgsVectorLayer *layer )
{
  if ( auto *existing = qobject_cast<PendulumDayLegend *>( layer->legend() ) )
    return existing;
  auto *legend = new PendulumDayLegend( layer );
  copySettings( layer->legend(), legend );
  layer->setLegend( legend ); // takes ownership
  return legend;
}

void PendulumDayLegend::uninstall( QgsVectorLayer *layer )
{
  if ( !qobject_cast<PendulumDayLegend *>( layer->legend() ) )
    return;
  QgsMapLayerLegend *original = QgsMapLayerLegend::defaultVectorLegend( layer );
  copySettings( layer->legend(), original );
  layer->setLegend( original );
}
