#ifndef BENCHSCALE_H
#define BENCHSCALE_H

#include <QHash>
#include <QList>
#include <QString>

class BenchReport;

/**
 * Measure 3, scale: synthetic records of 10k, 100k and 1M features
 * (BenchSyntheticRecord). For each, a frame of the map on several dates
 * through Pendulum's loading path (PendulumDataset, PendulumMapRenderer)
 * against a plain QGIS layer on the same file with QGIS's own temporal
 * properties, and the history of a few places (PendulumPlaceQuery). Each
 * side runs in a process of its own, so that its peak memory is its own.
 */
class BenchScale
{
public:
  struct Settings
  {
    QString work;     //!< where the synthetic GeoPackages are kept between runs
    QString styles;   //!< the styles folder (states.qml)
    QList<int> sizes; //!< features per record
    int dates = 5;    //!< frames per side, one per date
    int points = 20;  //!< place histories
  };

  explicit BenchScale( const Settings &settings );
  void run( BenchReport &report );

  /**
   * The child process: renders \a synthetic's map on the dates through
   * "pendulum" or "qgis" (\a side) and, for Pendulum, the place histories;
   * prints `key: value` lines. Returns the exit code.
   */
  static int runChild( const QString &side, const QString &synthetic, int dates, int points );

private:
  //! Reads \a synthetic through the page cache.
  static void warm( const QString &synthetic );
  //! Runs a child and parses its `key: value` lines.
  QHash<QString, QString> child( const QString &side, const QString &synthetic ) const;

  Settings mSettings;
};

#endif // BENCHSCALE_H
