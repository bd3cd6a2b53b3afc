#ifndef PENDULUMRECORDREADER_H
#define PENDULUMRECORDREADER_H

#include "pendulumbibliography.h"
#include "pendulumcatalog.h"
#include "pendulumgeojsonreader.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/**
 * The record as text in a layers/ folder: catalog.json, sources.json and one
 * GeoJSON file per catalog layer, read once for the builder, the validator
 * and the chronicle.
 */
class PendulumRecordReader
{
public:
  /**
   * Reads \a layersDir. Returns false if the record cannot be read as a
   * whole (folder, catalog or bibliography missing or malformed, a layer
   * file unreadable); errors() then says why, one line per problem.
   */
  bool read( const QString &layersDir );

  const PendulumCatalog &catalog() const { return mCatalog; }
  const PendulumBibliography &bibliography() const { return mBibliography; }

  //! sources.json as read, for storing it unchanged.
  QByteArray sourcesJson() const { return mSourcesJson; }

  //! The features of catalog layer \a index (catalog order); none for a layer that was not read.
  const QList<PendulumFeature> &features( int index ) const;

  //! Whether the file of catalog layer \a index could be read (its features may still have problems).
  bool layerRead( int index ) const
  {
    return index >= 0 && index < mLayerRead.size() && mLayerRead.at( index );
  }

  const QStringList &errors() const { return mErrors; }

private:
  PendulumCatalog mCatalog;
  PendulumBibliography mBibliography;
  QByteArray mSourcesJson;
  QList<QList<PendulumFeature>> mLayerFeatures;
  QList<bool> mLayerRead;
  QStringList mErrors;
};

#endif // PENDULUMRECORDREADER_H
