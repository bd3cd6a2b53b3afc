#ifndef BENCHANIMATION_H
#define BENCHANIMATION_H

#include "pendulumanimationplan.h"

#include <QList>
#include <QString>

class BenchReport;
class QgsMapLayer;

/**
 * Measure 1, the animation export: the record 1875-01 to 1956-12 monthly
 * (984 frames) at 1280×720 with the date on every frame, as PNG frames and
 * as an MP4, by Pendulum's exporter and by QGIS's own
 * QgsTemporalUtils::exportAnimation (with the title label showing the date;
 * for the MP4, QGIS's frames then ffmpeg with the same codec settings), and
 * the lower bound of the work: one render per distinct map state, one
 * label and one encode per frame, all spread over the cores.
 */
class BenchAnimation
{
public:
  struct Settings
  {
    QString record;   //!< the built record (pendulum.gpkg)
    QString work;     //!< a folder for the frames and videos (emptied as it goes)
    int runs = 5;     //!< Pendulum's exports are the median of this many
    int qgisRuns = 1; //!< QGIS's exportAnimation takes minutes: the median of this many
  };

  explicit BenchAnimation( const Settings &settings );

  void run( BenchReport &report );

private:
  //! Pendulum's export to \a out (a folder or .mp4) as `pendulum animate` runs it; milliseconds.
  double pendulumExport( const QString &out, QString *error ) const;
  //! QGIS's exportAnimation into \a folder; milliseconds.
  double qgisFrames( const QString &folder, QString *error ) const;
  //! ffmpeg encoding \a folder's numbered PNG frames into \a out as Pendulum encodes MP4; milliseconds.
  double ffmpegFromFrames( const QString &folder, const QString &out, QString *error ) const;

  struct Costs
  {
    double render = 0;   //!< one map state over the basemap, ms
    double basemap = 0;  //!< the basemap, once, ms
    double label = 0;    //!< one date label on a copy of the map, ms
    double pngBase = 0;  //!< a map state's PNG bands, once per state, ms
    double pngFrame = 0; //!< one labelled frame's PNG, ms
  };
  //! The unit costs of the lower bound, each the median of several, on one thread.
  Costs unitCosts( const PendulumAnimationPlan &plan ) const;

  PendulumAnimationPlan::Settings planSettings() const;

  Settings mSettings;
};

#endif // BENCHANIMATION_H
