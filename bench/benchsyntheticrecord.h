#ifndef BENCHSYNTHETICRECORD_H
#define BENCHSYNTHETICRECORD_H

#include <QDate>
#include <QList>
#include <QString>

#include "qgspointxy.h"

/**
 * A synthetic Pendulum record of any size for the scale benchmark: one
 * time-enabled polygon layer `states` in Pendulum's schema and GeoPackage
 * layout (date columns and their index, the date interval index, the spatial
 * index, the `states` style as default, the metadata table), so that
 * PendulumDataset opens it as it opens the real record.
 *
 * The model: the region (70°E–180°E, 15°N–75°N) is cut into cells, one per
 * administrative unit (from a province at 10k features to a district at 1M),
 * each unit an irregular polygon of 16 to 32 vertices inside its cell with a
 * gap to the next, so that no two units overlap; a unit's history is a chain of versions (its outline
 * redrawn, its holder changed) from 1855 to today, one true at a time, so on
 * any day a map shows one version per unit. A larger record is both a finer
 * map and a longer history: units grow as the square root of the features,
 * 2,000 units × 5 versions (10k features), 6,325 × 16 (100k), 20,000 × 50
 * (1M): periods of 34, 11 and 3.4 years on average, and 20 %, 6 % and 2 % of
 * the features true on a given day.
 */
class BenchSyntheticRecord
{
public:
  //! Units on the map at any date for a record of \a features.
  static int unitsFor( int features );

  /**
   * Writes a record of \a features features to \a path, unless a file made
   * by this generator for that size is already there. False and \a error on failure.
   */
  static bool make( const QString &path, int features, const QString &stylesDir, QString *error );

  //! \a count dates spread over the record's span (the same for every run).
  static QList<QDate> dates( int count );

  //! \a count lon/lat points, each inside a unit of a record of \a features (the same for every run).
  static QList<QgsPointXY> points( int features, int count );

private:
  static bool isCurrent( const QString &path, int features );
  static bool write( const QString &path, int features, QString *error );
  static bool storeStyle( const QString &path, const QString &stylesDir, QString *error );
};

#endif // BENCHSYNTHETICRECORD_H
