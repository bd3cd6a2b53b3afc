#ifndef PENDULUMGEOJSONREADER_H
#define PENDULUMGEOJSONREADER_H

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "qgsgeometry.h"

//! One feature of a layer file: its properties and its geometry as GeoJSON.
struct PendulumFeature
{
  QString id;             //!< properties.id, or "#<n>" where missing
  QJsonObject properties; //!< as written
  QByteArray geometry;    //!< the GeoJSON geometry object, compact
};

/**
 * Reads one layer file (an RFC 7946 FeatureCollection). Qt's JSON parser
 * gives byte offsets for syntax errors; this turns them into line numbers and
 * refuses what would otherwise be read silently wrong (non-UTF-8 text, a file
 * far larger than any layer: PendulumTextFile).
 */
class PendulumGeoJsonReader
{
public:
  /**
   * Reads \a path. Returns false if the file as a whole cannot be read;
   * problems with single features are added to errors() and those
   * features are skipped.
   */
  bool read( const QString &path );

  //! As read(), from the file's content \a data; \a name is the file name for messages.
  bool readData( const QByteArray &data, const QString &name );

  const QList<PendulumFeature> &features() const { return mFeatures; }

  //! A GeoJSON geometry object as a QgsGeometry (null if it is not one), read by GDAL.
  static QgsGeometry toGeometry( const QByteArray &geoJson );

  //! One line per problem: "file: feature-id: problem".
  const QStringList &errors() const { return mErrors; }

private:
  QList<PendulumFeature> mFeatures;
  QStringList mErrors;
};

#endif // PENDULUMGEOJSONREADER_H
