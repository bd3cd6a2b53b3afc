#include "pendulumtemporal.h"

#include "pendulumschema.h"

#include "qgslayertreelayer.h"
#include "qgslayertreeutils.h"
#include "qgsvectorlayer.h"
#include "qgsvectorlayertemporalproperties.h"

void PendulumTemporal::configure( QgsVectorLayer *layer )
{
  QgsVectorLayerTemporalProperties *properties =
      qobject_cast<QgsVectorLayerTemporalProperties *>( layer->temporalProperties() );
  properties->setMode( Qgis::VectorTemporalMode::FeatureDateTimeStartAndEndFromFields );
  properties->setStartField( PendulumSchema::startField() );
  properties->setEndField( PendulumSchema::endField() );
  properties->setLimitMode( Qgis::VectorTemporalLimitMode::IncludeBeginExcludeEnd );
  properties->setIsActive( true );
}

bool PendulumTemporal::isConfigured( QgsVectorLayer *layer )
{
  // QgsMapLayer::temporalProperties() is non-const in QGIS 3.22.
  const QgsVectorLayerTemporalProperties *properties =
      qobject_cast<const QgsVectorLayerTemporalProperties *>( layer->temporalProperties() );
  return properties && properties->isActive() &&
         properties->mode() == Qgis::VectorTemporalMode::FeatureDateTimeStartAndEndFromFields &&
         properties->startField() == PendulumSchema::startField() &&
         properties->endField() == PendulumSchema::endField() &&
         properties->limitMode() == Qgis::VectorTemporalLimitMode::IncludeBeginExcludeEnd;
}

QgsDateTimeRange PendulumTemporal::dayRange( const QDate &date )
{
  return QgsDateTimeRange( QDateTime( date, QTime( 0, 0 ) ), QDateTime( date, QTime( 23, 59, 59, 999 ) ),
                           true, true );
}

void PendulumTemporal::filterLegendToDay( const QList<QgsLayerTreeLayer *> &nodes, const QDate &date )
{
  for ( QgsLayerTreeLayer *node : nodes )
  {
    auto *layer = qobject_cast<QgsVectorLayer *>( node->layer() );
    auto *temporal =
        layer ? qobject_cast<QgsVectorLayerTemporalProperties *>( layer->temporalProperties() ) : nullptr;
    if ( !temporal || !temporal->isActive() )
      continue;
    QgsVectorLayerTemporalContext context;
    context.setLayer( layer );
    QgsLayerTreeUtils::setLegendFilterByExpression(
        *node, temporal->createFilterString( context, dayRange( date ) ) );
  }
}
