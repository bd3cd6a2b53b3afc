#ifndef PENDULUMPROJECTWRITER_H
#define PENDULUMPROJECTWRITER_H

#include <QString>

class PendulumDataset;
class QgsProject;

/**
 * A ready QGIS project for the record, for users of a stock QGIS without
 * Pendulum: the layers in one group (PendulumProjectLoader) pointing at the
 * GeoPackage by a relative path, the region's projection and map area, the
 * Temporal Controller animated month by month over the record
 * (PendulumTimeline), the date label as QGIS's Title Label decoration, and a
 * print layout and the events atlas from Pendulum's templates.
 */
class PendulumProjectWriter
{
public:
  /**
   * Fills the empty \a project from \a dataset in \a language. Returns false
   * with \a error set if a layer or a layout cannot be made.
   */
  static bool fill( QgsProject *project, const PendulumDataset &dataset, const QString &language,
                    QString *error );

  /**
   * Writes the project of fill() to \a path (.qgz or .qgs). The file is written
   * under a temporary name beside \a path and renamed over it only when complete,
   * so a failure leaves \a path as it was.
   */
  static bool write( const PendulumDataset &dataset, const QString &language, const QString &path,
                     QString *error );
};

#endif // PENDULUMPROJECTWRITER_H
