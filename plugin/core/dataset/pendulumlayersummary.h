#ifndef PENDULUMLAYERSUMMARY_H
#define PENDULUMLAYERSUMMARY_H

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QVariant>

class QgsVectorLayer;

/**
 * What a layer's metadata needs from its features: the works they cite, in
 * first-cited order, and the period they cover. `pendulum build` knows it
 * while writing and stores it in the metadata table (key
 * summariesKey()), so that opening a record costs the same whatever its
 * size; a file without it is scanned instead.
 */
class PendulumLayerSummary
{
public:
  QStringList citedIds;   //!< ids of the works cited, in first-cited order
  QDate first;            //!< the earliest valid_from; invalid if none
  QDate last;             //!< the latest valid_to; invalid if none
  bool openEnded = false; //!< a feature has no valid_to (still true today)

  //! The metadata table's key holding the summaries of every layer (a JSON object by layer id).
  static QString summariesKey() { return QStringLiteral( "layer_summaries" ); }

  /**
   * Adds one feature: \a sources as stored in its `sources` column (null if
   * the layer has none), its dates (null QVariant where the layer lacks the
   * column, null date where the feature has none).
   */
  void addFeature( const QVariant &sources, const QVariant &from, const QVariant &to );

  //! The summary of \a layer, read from every feature (for files made before summaries were stored).
  static PendulumLayerSummary scan( QgsVectorLayer *layer );

  QJsonObject toJson() const;
  static PendulumLayerSummary fromJson( const QJsonObject &object );

  //! The summaries of \a json (the value stored under summariesKey()); empty if it is not one.
  static QHash<QString, PendulumLayerSummary> parseAll( const QByteArray &json );

  bool operator==( const PendulumLayerSummary &other ) const;
};

#endif // PENDULUMLAYERSUMMARY_H
