#include "pendulumregion.h"

#include "pendulumqgiscompat.h"

#include "qgscoordinatetransform.h"
#include "qgscoordinatetransformcontext.h"

QgsCoordinateReferenceSystem PendulumRegion::mapCrs()
{
  // WKT rather than a PROJ string so that the CRS has a name in QGIS's CRS selector,
  // project properties and layouts (a PROJ string comes out as "Unknown CRS"). QGIS
  // 3.22's status bar still says "Unknown CRS": it shows only authority ids.
  static const QString sWkt = QStringLiteral(
      "PROJCRS[\"Pendulum North-East Asia Lambert Conformal Conic\","
      "BASEGEOGCRS[\"WGS 84\",DATUM[\"World Geodetic System 1984\",ELLIPSOID[\"WGS "
      "84\",6378137,298.257223563,LENGTHUNIT[\"metre\",1]]],"
      "PRIMEM[\"Greenwich\",0,ANGLEUNIT[\"degree\",0.0174532925199433]]],"
      "CONVERSION[\"Lambert Conic Conformal, 39.2°N and 55.8°N, 130°E\",METHOD[\"Lambert Conic Conformal "
      "(2SP)\",ID[\"EPSG\",9802]],"
      "PARAMETER[\"Latitude of false origin\",47.5,ANGLEUNIT[\"degree\",0.0174532925199433]],"
      "PARAMETER[\"Longitude of false origin\",130,ANGLEUNIT[\"degree\",0.0174532925199433]],"
      "PARAMETER[\"Latitude of 1st standard parallel\",39.2,ANGLEUNIT[\"degree\",0.0174532925199433]],"
      "PARAMETER[\"Latitude of 2nd standard parallel\",55.8,ANGLEUNIT[\"degree\",0.0174532925199433]],"
      "PARAMETER[\"Easting at false origin\",0,LENGTHUNIT[\"metre\",1]],"
      "PARAMETER[\"Northing at false origin\",0,LENGTHUNIT[\"metre\",1]]],"
      "CS[Cartesian,2],AXIS[\"(E)\",east,ORDER[1],LENGTHUNIT[\"metre\",1]],AXIS[\"(N)\",north,ORDER[2],"
      "LENGTHUNIT[\"metre\",1]]]" );
  return QgsCoordinateReferenceSystem::fromWkt( sWkt );
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
  const QgsCoordinateTransform transform( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ),
                                          mapCrs(), QgsCoordinateTransformContext() );
  return transform.transformBoundingBox( lonLat );
}

QgsLabelingEngineSettings PendulumRegion::labelingEngineSettings()
{
  QgsLabelingEngineSettings settings;
  settings.setFlag( PendulumQgis::LabelingFlag::UsePartialCandidates, false );
  return settings;
}
