#ifndef PENDULUMPLACEQUERY_H
#define PENDULUMPLACEQUERY_H

#include <QDate>
#include <QList>
#include <QString>

#include "qgsfeature.h"
#include "qgspointxy.h"

class QgsVectorLayer;

//! One feature covering a place: what the record says held it, when, and on what authority.
struct PendulumPlaceRecord
{
  QString layerId;    //!< the record's layer id, e.g. "border_1905"
  QgsFeature feature; //!< all attributes (id, names, holder, status, valid_from…, sources…)

  QString featureId() const { return feature.attribute( QStringLiteral( "id" ) ).toString(); }
  QDate validFrom() const { return feature.attribute( QStringLiteral( "valid_from" ) ).toDate(); }
  QDate validTo() const
  {
    return feature.attribute( QStringLiteral( "valid_to" ) ).toDate();
  } //!< null: still true
  QString text( const QString &field ) const { return feature.attribute( field ).toString(); }
};

/**
 * "Who held this place then": the features of the record's historical polygon layers
 * that cover a point, on one day or over the whole record. Reads through the
 * layers' providers with a spatial filter (the GeoPackage's R-tree), then
 * tests the exact geometry.
 */
class PendulumPlaceQuery
{
public:
  //! \a layers as PendulumDataset makes them (the record id in a custom property); not owned.
  explicit PendulumPlaceQuery( const QList<QgsVectorLayer *> &layers );

  //! Every feature covering lon/lat \a point that is true on \a date, in catalog order.
  QList<PendulumPlaceRecord> at( const QgsPointXY &point, const QDate &date ) const;

  //! Every feature ever covering \a point, ordered by valid_from, then catalog order.
  QList<PendulumPlaceRecord> history( const QgsPointXY &point ) const;

private:
  QList<PendulumPlaceRecord> covering( const QgsPointXY &point, const QDate &date ) const;

  QList<QgsVectorLayer *> mLayers;
};

#endif // PENDULUMPLACEQUERY_H
