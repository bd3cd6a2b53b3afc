#include "pendulumprojectrecord.h"

#include "pendulumcatalog.h"
#include "pendulumdataset.h"

#include <algorithm>

#include "qgsproject.h"
#include "qgsproviderregistry.h"
#include "qgsvectorlayer.h"

QList<QgsVectorLayer *> PendulumProjectRecord::layers( const QgsProject *project )
{
  QList<QgsVectorLayer *> found;
  const QVector<QgsVectorLayer *> all = project->layers<QgsVectorLayer *>();
  for ( QgsVectorLayer *layer : all )
  {
    if ( !layer->customProperty( PendulumDataset::layerIdProperty() ).toString().isEmpty() )
      found << layer;
  }
  return found;
}

QList<QgsVectorLayer *> PendulumProjectRecord::layers( const QgsProject *project,
                                                       const PendulumCatalog &catalog )
{
  QList<QgsVectorLayer *> found = layers( project );
  QStringList order;
  for ( const PendulumLayerInfo &info : catalog.layers() )
    order << info.id;
  const auto rank = [&order]( const QgsVectorLayer *layer )
  {
    const int index = order.indexOf( layer->customProperty( PendulumDataset::layerIdProperty() ).toString() );
    return index < 0 ? order.size() : index;
  };
  std::stable_sort( found.begin(), found.end(),
                    [&rank]( const QgsVectorLayer *a, const QgsVectorLayer *b )
                    { return rank( a ) < rank( b ); } );
  return found;
}

QString PendulumProjectRecord::dataPath( const QList<QgsVectorLayer *> &layers )
{
  if ( layers.isEmpty() )
    return QString();
  const QgsVectorLayer *layer = layers.first();
  return QgsProviderRegistry::instance()
      ->decodeUri( layer->providerType(), layer->source() )
      .value( QStringLiteral( "path" ) )
      .toString();
}
