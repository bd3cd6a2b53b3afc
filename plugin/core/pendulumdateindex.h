#ifndef PENDULUMDATEINDEX_H
#define PENDULUMDATEINDEX_H

#include <QDate>
#include <QList>
#include <QMutex>
#include <QString>
#include <memory>

#include "qgsfeatureid.h"
#include "qgsrectangle.h"

struct sqlite3;
class QgsVectorLayer;

/**
 * An index of a GeoPackage table's features by day and place: an R*Tree
 * `rtree_<table>_dates` holding each feature's days as [valid_from,
 * valid_to) in Julian day numbers (open ends far out) together with its
 * bounding box, copied from the table's own spatial index.
 *
 * "Which features are true on day d and inside this rectangle" is then one
 * index lookup returning just those ids. QGIS, even with the day's filter
 * compiled into SQL, has SQLite take every feature inside the rectangle from
 * the spatial index and read its row to test the dates; a B-tree on
 * (valid_from, valid_to) does not help there, as every feature that started
 * before d matches its first half. PendulumFeatureFilter uses this index to
 * hand QGIS the ids of the day instead.
 */
class PendulumDateIndex
{
public:
  //! The index table of \a table.
  static QString tableName( const QString &table );

  /**
   * Creates (or rebuilds) the index of \a table in the GeoPackage at \a path,
   * which must have `valid_from` and `valid_to` columns. False and \a error on failure.
   */
  static bool create( const QString &path, const QString &table, QString *error );

  /**
   * The index of \a layer (an OGR layer of a GeoPackage table) if that table
   * has one; nullptr otherwise.
   */
  static std::unique_ptr<PendulumDateIndex> open( const QgsVectorLayer *layer );

  ~PendulumDateIndex();
  PendulumDateIndex( const PendulumDateIndex & ) = delete;
  PendulumDateIndex &operator=( const PendulumDateIndex & ) = delete;

  /**
   * The ids, ascending, of the features true on \a date (valid_from <= date,
   * and valid_to empty or after it) whose bounding box meets \a rect (in the
   * layer's CRS; a null rectangle: everywhere) as OGR's spatial filter meets
   * it: the same 32-bit boxes, the same bounds. Thread-safe. False if the query failed.
   */
  bool featureIds( const QDate &date, const QgsRectangle &rect, QList<QgsFeatureId> *ids ) const;

private:
  PendulumDateIndex( sqlite3 *db, const QString &table );

  sqlite3 *mDb = nullptr;
  QString mTable;
  mutable QMutex mMutex; //!< one query at a time on the connection
};

#endif // PENDULUMDATEINDEX_H
