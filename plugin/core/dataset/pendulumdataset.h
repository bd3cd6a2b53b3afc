#ifndef PENDULUMDATASET_H
#define PENDULUMDATASET_H

#include "pendulumcatalog.h"
#include "pendulumlayersummary.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <memory>

class QgsVectorLayer;

/**
 * A built Pendulum GeoPackage: its catalog and bibliography, and the
 * QgsVectorLayers made from it — read-only, styled from the GeoPackage's
 * default styles, and time-enabled through QGIS's temporal properties.
 */
class PendulumDataset
{
public:
  /**
   * Opens \a path. Returns nullptr and sets \a error when the file is
   * missing, is not a GeoPackage, or was built for another schema version.
   */
  static std::unique_ptr<PendulumDataset> open( const QString &path, QString *error );

  //! Custom property holding the record's layer id on each layer made here.
  static QString layerIdProperty() { return QStringLiteral( "pendulum/layer_id" ); }

  QString path() const { return mPath; }
  const PendulumCatalog &catalog() const { return mCatalog; }

  //! The bibliography (CSL-JSON) as built.
  QByteArray sources() const { return mSources; }

  /**
   * A new layer for \a info, named in \a language; the caller owns it.
   * Returns nullptr (and sets \a error) if the layer cannot be opened.
   */
  QgsVectorLayer *createLayer( const PendulumLayerInfo &info, const QString &language, QString *error ) const;

  //! All layers bottom first (catalog order); the caller owns them.
  QList<QgsVectorLayer *> createLayers( const QString &language, QString *error ) const;

private:
  PendulumDataset() = default;

  QString mPath;
  PendulumCatalog mCatalog;
  QByteArray mSources;
  //! By layer id, as `pendulum build` stored them; a layer without one is scanned when opened.
  QHash<QString, PendulumLayerSummary> mSummaries;
};

#endif // PENDULUMDATASET_H
