#ifndef PENDULUMPROJECTLOADER_H
#define PENDULUMPROJECTLOADER_H

#include <QString>

class PendulumDataset;
class QgsLayerTreeGroup;
class QgsProject;

/**
 * Puts the record into a QGIS project: one layer-tree group holding the
 * layers in catalog order (basemap at the bottom), the project CRS set to the
 * region's projection. Loading twice finds the group and adds nothing.
 * Lives in core (QgsProject needs no widgets) so it is tested headless.
 */
class PendulumProjectLoader
{
public:
  //! Custom property marking the group as Pendulum's.
  static QString groupProperty() { return QStringLiteral( "pendulum/group" ); }

  /**
   * Adds \a dataset's layers to \a project. Returns the group, or nullptr
   * with \a error set. Sets \a alreadyLoaded when the group was there.
   */
  static QgsLayerTreeGroup *load( QgsProject *project, const PendulumDataset &dataset,
                                  const QString &language, QString *error, bool *alreadyLoaded = nullptr );

  //! The Pendulum group of \a project, or nullptr.
  static QgsLayerTreeGroup *findGroup( QgsProject *project );
};

#endif // PENDULUMPROJECTLOADER_H
