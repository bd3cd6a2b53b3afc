#ifndef BENCHFRAME_H
#define BENCHFRAME_H

#include <QString>

class BenchReport;

/**
 * Measure 2, one frame: the record's map of a day through Pendulum's
 * renderer (QGIS's temporal filter on every time-enabled layer) against the
 * physical floor, the same features drawn with no temporal filter at all
 * (a GeoPackage holding only that day's features, its layers styled alike
 * and not time-enabled), same renderer, same pixels.
 */
class BenchFrame
{
public:
  BenchFrame( const QString &record, const QString &work, int runs );
  void run( BenchReport &report );

private:
  QString mRecord;
  QString mWork;
  int mRuns = 15;
};

#endif // BENCHFRAME_H
