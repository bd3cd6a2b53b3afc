#include "pendulumregion.h"

#include "qgscoordinatetransform.h"
#include "qgscoordinatetransformcontext.h"

QgsCoordinateReferenceSystem PendulumRegion::mapCrs()
{
  return QgsCoordinateReferenceSystem::fromProj(
    QStringLiteral( "+proj=lcc +lat_0=47.5 +lon_0=130 +lat_1=39.2 +lat_2=55.8 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs" ) );
}

QgsRectangle PendulumRegion::lonLatExtent()
{
  return QgsRectangle( 100, 35, 160, 60 );
}

QgsRectangle PendulumRegion::mapExtent()
{
  return toMapCrs( lonLatExtent() );
}

QgsRectangle PendulumRegion::toMapCrs( const QgsRectangle &lonLat )
{
  const QgsCoordinateTransform transform( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), mapCrs(),
                                          QgsCoordinateTransformContext() );
  return transform.transformBoundingBox( lonLat );
}
