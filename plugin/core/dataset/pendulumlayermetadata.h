#ifndef PENDULUMLAYERMETADATA_H
#define PENDULUMLAYERMETADATA_H

#include "pendulumcatalog.h"

#include "qgslayermetadata.h"

class PendulumBibliography;
class PendulumLayerSummary;
class QgsVectorLayer;

/**
 * The QGIS layer metadata of a Pendulum layer, so that Layer Properties ▸
 * Metadata and the Browser describe it: title and abstract from the catalog,
 * licence and rights, the spatial and temporal extent, the works its
 * features cite as lineage, and links to those with a DOI or URL.
 */
class PendulumLayerMetadata
{
public:
  //! The licence of the record, as stated in the README.
  static QString licence();

  //! The rights statement: who made the data and where the coastlines come from.
  static QString rights();

  /**
   * Metadata for \a layer made from \a info, in \a language, citing the
   * works of \a bibliography that its features' `sources` name.
   */
  static QgsLayerMetadata create( QgsVectorLayer *layer, const PendulumLayerInfo &info,
                                  const PendulumBibliography &bibliography, const QString &language );

  //! The same, with the cited works and period taken from \a summary instead of the features.
  static QgsLayerMetadata create( QgsVectorLayer *layer, const PendulumLayerInfo &info,
                                  const PendulumBibliography &bibliography, const QString &language,
                                  const PendulumLayerSummary &summary );
};

#endif // PENDULUMLAYERMETADATA_H
