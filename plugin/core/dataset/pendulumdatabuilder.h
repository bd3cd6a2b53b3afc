#ifndef PENDULUMDATABUILDER_H
#define PENDULUMDATABUILDER_H

#include "pendulumrecordreader.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

typedef void *GDALDatasetH;
class QgsFeedback;

/**
 * Builds the record (the layers/ GeoJSON files, catalog.json, sources.json and the QML
 * styles) into one GeoPackage: real date columns with an index on them, a
 * spatial index, each layer's style stored as its default in layer_styles (with
 * what the plugin sets on loading: time on valid_from/valid_to, labels, the
 * cited map tip and the two-tab form, so that a stock QGIS shows them too),
 * and the catalog and bibliography in a metadata table.
 *
 * The GeoPackage is written under a temporary name beside the target and
 * renamed over it only when complete, so a failed build never destroys the
 * previous one. Needs an initialised QgsApplication (styles are stored
 * through QGIS's own provider code so that QGIS reads them back as it wrote them).
 */
class PendulumDataBuilder
{
public:
  PendulumDataBuilder( const QString &layersDir, const QString &stylesDir );

  /**
   * Builds into \a outPath. Returns false with errors() set on any problem.
   * Stops between layers when \a feedback is cancelled (the temporary file
   * is removed and \a outPath left as it was).
   */
  bool build( const QString &outPath, QgsFeedback *feedback = nullptr );

  //! One line per problem, naming the file and the feature where there is one.
  const QStringList &errors() const { return mErrors; }

private:
  bool writeGeoPackage( const QString &path, QgsFeedback *feedback );
  bool cancelled( QgsFeedback *feedback );
  bool writeLayer( GDALDatasetH dataset, const PendulumLayerInfo &info,
                   const QList<PendulumFeature> &features );
  bool writeMeta( GDALDatasetH dataset );
  bool storeStyles( const QString &path );
  bool useRollbackJournal( const QString &path );

  QString mLayersDir;
  QString mStylesDir;
  PendulumRecordReader mRecord;
  QStringList mErrors;
  QJsonObject mSummaries; //!< PendulumLayerSummary of each layer written, by id
};

#endif // PENDULUMDATABUILDER_H
