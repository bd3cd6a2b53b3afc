#ifndef PENDULUMREGION_H
#define PENDULUMREGION_H

#include "qgscoordinatereferencesystem.h"
#include "qgslabelingenginesettings.h"
#include "qgsrectangle.h"

/**
 * The map region of North-East Asia and the projection it is drawn in.
 * Lambert Conformal Conic with standard parallels at 1/6 and 5/6 of the
 * 35°N–60°N span (Kavraisky's rule) and the central meridian at 130°E keeps
 * shapes true and scale error under about 1 % across the region — unlike
 * plain longitude/latitude, which stretches Sakhalin and the Kurils east-west.
 */
class PendulumRegion
{
public:
  static QgsCoordinateReferenceSystem mapCrs();

  //! The default map area in lon/lat: 100°E–160°E, 35°N–60°N.
  static QgsRectangle lonLatExtent();

  //! lonLatExtent() in mapCrs(), as the bounding box of its densified outline.
  static QgsRectangle mapExtent();

  //! Transforms a lon/lat rectangle into mapCrs().
  static QgsRectangle toMapCrs( const QgsRectangle &lonLat );

  /**
   * How maps of the region place labels: never cut at the frame (QGIS's default lets a
   * label run off the edge, which a printed map cannot have — the Kuril names at the
   * right edge were truncated).
   */
  static QgsLabelingEngineSettings labelingEngineSettings();
};

#endif // PENDULUMREGION_H
