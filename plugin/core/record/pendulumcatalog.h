#ifndef PENDULUMCATALOG_H
#define PENDULUMCATALOG_H

#include <QByteArray>
#include <QList>
#include <QString>

//! One layer of the record as layers/catalog.json describes it.
struct PendulumLayerInfo
{
  QString id;
  QString titleEn;
  QString titleJa;
  QString titleRu;
  QString abstract;
  QString geometry; //!< "polygon" or "point"
  QString style;    //!< QML file name in styles/
  QString group;    //!< "basemap", "context" or "history"
  bool temporal = true;

  //! The title in \a language ("en", "ja", "ru"), English where missing.
  QString title( const QString &language = QStringLiteral( "en" ) ) const;
};

/**
 * The list of layers of the record in drawing order (bottom first), read
 * from layers/catalog.json when building and from the GeoPackage after.
 */
class PendulumCatalog
{
public:
  /**
   * Parses catalog JSON. Returns false and sets \a error on malformed
   * input, an unknown geometry type or a duplicate layer id.
   */
  bool fromJson( const QByteArray &json, QString *error );

  //! Reads and parses a catalog.json file.
  bool fromFile( const QString &path, QString *error );

  //! The catalog as read, for storing it in the GeoPackage unchanged.
  QByteArray json() const { return mJson; }

  //! Layers bottom first.
  const QList<PendulumLayerInfo> &layers() const { return mLayers; }

  //! The layer with \a id, or nullptr.
  const PendulumLayerInfo *layer( const QString &id ) const;

private:
  QByteArray mJson;
  QList<PendulumLayerInfo> mLayers;
};

#endif // PENDULUMCATALOG_H
