#ifndef PENDULUMLAYERLANGUAGE_H
#define PENDULUMLAYERLANGUAGE_H

#include "pendulumcatalog.h"

#include <QString>

class QgsProject;
class QgsVectorLayer;

/**
 * The language Pendulum shows its layers in (PendulumLanguage::codes()):
 * stored in the project, and applied to a layer as its name (the catalog
 * title), its labels (name_<lang>, English where missing), its map tip and
 * its attribute form (both the precomputed popup_<lang> HTML). Everything
 * goes through QGIS's own machinery so that hover, Identify and labelling
 * work as users know them.
 */
class PendulumLayerLanguage
{
public:
  //! The project's language (entry "Pendulum"/"language"), "en" if unset or unknown.
  static QString fromProject( const QgsProject *project );

  //! Stores \a language in \a project (saved with the project file).
  static void toProject( QgsProject *project, const QString &language );

  /**
   * Shows \a layer (made from \a info) in \a language: layer name, labels,
   * map tip template and attribute form. Layers without name or popup
   * fields (e.g. the basemap) only get their name.
   */
  static void apply( QgsVectorLayer *layer, const PendulumLayerInfo &info, const QString &language );

  /**
   * Stores \a language in \a project and applies it to every Pendulum layer
   * of the project (those carrying PendulumDataset::layerIdProperty()),
   * looking their titles up in \a catalog. Returns how many layers changed.
   */
  static int applyToProject( QgsProject *project, const PendulumCatalog &catalog, const QString &language );
};

#endif // PENDULUMLAYERLANGUAGE_H
