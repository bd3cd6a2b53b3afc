#ifndef PENDULUMPATHS_H
#define PENDULUMPATHS_H

#include <QString>

//! Where Pendulum finds the record and its styles when the user names none.
class PendulumPaths
{
public:
  /**
   * The built GeoPackage: $PENDULUM_DATA if set, else pendulum.gpkg in
   * the build tree this binary came from.
   */
  static QString defaultDataPath();

  //! QGIS's install prefix ($QGIS_PREFIX_PATH, else the one Pendulum was built against).
  static QString qgisPrefix();

  //! layers/ of the source tree (for `pendulum build` without --layers).
  static QString defaultLayersDir();

  //! styles/ beside a layers folder: <layersDir>/../styles.
  static QString stylesDirFor( const QString &layersDir );
};

#endif // PENDULUMPATHS_H
