#ifndef PENDULUMPROJECTRECORD_H
#define PENDULUMPROJECTRECORD_H

#include <QList>
#include <QString>

class PendulumCatalog;
class QgsProject;
class QgsVectorLayer;

/**
 * The record as a QGIS project holds it: the layers PendulumDataset made
 * (found by their record-id custom property, so a saved and reopened project
 * works as well as a freshly loaded one) and the GeoPackage they read.
 * The desktop's docks start from here rather than from the data path
 * setting, which a reopened project need not match.
 */
class PendulumProjectRecord
{
public:
  //! The Pendulum layers of \a project, bottom first in \a catalog order (unknown ids last).
  static QList<QgsVectorLayer *> layers( const QgsProject *project, const PendulumCatalog &catalog );

  //! The Pendulum layers of \a project in no particular order.
  static QList<QgsVectorLayer *> layers( const QgsProject *project );

  //! The GeoPackage \a layers read (the first one's); empty if none.
  static QString dataPath( const QList<QgsVectorLayer *> &layers );
};

#endif // PENDULUMPROJECTRECORD_H
