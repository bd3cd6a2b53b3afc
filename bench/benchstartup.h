#ifndef BENCHSTARTUP_H
#define BENCHSTARTUP_H

#include <QString>

class BenchReport;

/**
 * Measure 4, start-up: from the "Add Historical Layers" action to the first
 * rendered canvas, headless. Each run is a fresh process with a map canvas
 * and its layer-tree bridge (as QGIS's main window has them) in which the
 * action's work is done as PendulumPlugin::addHistoricalLayers does it:
 * open the record, load it into the project, set up the timeline, frame the
 * region; the clock stops when the canvas has rendered.
 */
class BenchStartup
{
public:
  BenchStartup( const QString &record, int runs );
  void run( BenchReport &report );

  //! The child process: one timed action; prints `startup_ms: N`. Returns the exit code.
  static int runChild( const QString &record );

  /**
   * Opens \a record and loads its layers into the current project, in the project's language, as
   * Add Historical Layers does; on failure prints the error and returns false.
   */
  static bool loadRecord( const QString &record );

private:
  QString mRecord;
  int mRuns = 5;
};

#endif // BENCHSTARTUP_H
