#ifndef BENCHCANVAS_H
#define BENCHCANVAS_H

#include <QString>

class BenchReport;

/**
 * Measure 5, the desktop's timeline: how fast the Temporal Controller can
 * play the record. In a fresh process, a 1280×720 map canvas set up as
 * QGIS's window has it, with the record added as Add Historical Layers adds
 * it (as in BenchStartup), then:
 *
 * - `frame_vs_basemap`: one frame through the canvas's own map settings
 *   (all layers, the controller's temporal range) against the land basemap
 *   alone with the same settings, each rendered by QgsMapRendererSequentialJob,
 *   alternating, median of several runs;
 * - `canvas_fps`: the controller stepped through consecutive monthly frames,
 *   each timed from the frame change to the canvas's `mapCanvasRefreshed`
 *   (QGIS's own parallel renderer and layer cache, as in the desktop).
 */
class BenchCanvas
{
public:
  BenchCanvas( const QString &record, int runs, int frames );
  void run( BenchReport &report );

  /**
   * The child process: prints `frame_ms`, `basemap_ms`, `step_ms` lines;
   * with \a detail also the cost of each layer alone and of variants
   * (no labels, no reprojection). Returns the exit code.
   */
  static int runChild( const QString &record, int runs, int frames, bool detail );

private:
  QString mRecord;
  int mRuns = 15;
  int mFrames = 60;
};

#endif // BENCHCANVAS_H
