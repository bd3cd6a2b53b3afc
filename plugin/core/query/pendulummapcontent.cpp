#include "pendulummapcontent.h"

#include "pendulumtemporal.h"

#include "qgscoordinatetransform.h"
#include "qgsexception.h"
#include "qgsfeatureiterator.h"
#include "qgsfeaturerequest.h"
#include "qgsgeometry.h"
#include "qgsproject.h"
#include "qgsvectorlayer.h"
#include "qgsvectorlayertemporalproperties.h"

QList<QgsFeature> PendulumMapContent::features( const QList<QgsVectorLayer *> &layers, const QDate &date,
                                                const QgsRectangle &extent,
                                                const QgsCoordinateReferenceSystem &crs )
{
  QList<QgsFeature> shown;
  // The extent as a densified polygon: its straight edges bend in the layers' lon/lat.
  const QgsGeometry area = QgsGeometry::fromRect( extent ).densifyByCount( 32 );
  for ( QgsVectorLayer *layer : layers )
  {
    QgsGeometry layerArea = area;
    try
    {
      layerArea.transform(
          QgsCoordinateTransform( crs, layer->crs(), QgsProject::instance()->transformContext() ) );
    }
    catch ( const QgsCsException & )
    {
      continue; // an extent that does not exist in the layer's CRS shows none of it
    }
    QgsFeatureRequest request;
    request.setFilterRect( layerArea.boundingBox() );
    QgsVectorLayerTemporalProperties *temporal =
        qobject_cast<QgsVectorLayerTemporalProperties *>( layer->temporalProperties() );
    if ( temporal && temporal->isActive() )
    {
      // The filter QGIS's renderer itself applies for the map's temporal range.
      QgsVectorLayerTemporalContext context;
      context.setLayer( layer );
      request.setFilterExpression(
          temporal->createFilterString( context, PendulumTemporal::dayRange( date ) ) );
    }
    QgsFeatureIterator it = layer->getFeatures( request );
    QgsFeature feature;
    while ( it.nextFeature( feature ) )
    {
      if ( feature.geometry().intersects( layerArea ) )
        shown << feature;
    }
  }
  return shown;
}
