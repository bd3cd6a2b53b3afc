#ifndef PENDULUMMAPRENDERJOB_H
#define PENDULUMMAPRENDERJOB_H

#include "pendulumfeaturefilter.h"
#include "pendulummaprenderer.h"

#include <QImage>
#include <memory>

class QPainter;
class QgsMapRendererCustomPainterJob;
class QgsMapSettings;

/**
 * A map render running on one of QGIS's worker threads: started by
 * PendulumMapRenderer::start() on the thread that owns the layers, so that
 * an animation can render the next map states while it labels and encodes
 * the current one. Several can run at a time; each draws as render() would.
 */
class PendulumMapRenderJob
{
public:
  //! Waits for the render if still running.
  ~PendulumMapRenderJob();

  PendulumMapRenderJob( const PendulumMapRenderJob & ) = delete;
  PendulumMapRenderJob &operator=( const PendulumMapRenderJob & ) = delete;

  //! Waits for the render to end and returns the map (what render() or renderOver() would).
  QImage wait();

private:
  friend class PendulumMapRenderer;

  /**
   * Starts drawing \a settings onto \a image with \a filter. With \a request,
   * wait() adds what render() adds (DPI, date label); without, it returns the raw image.
   */
  PendulumMapRenderJob( const QgsMapSettings &settings, const QImage &image,
                        const PendulumFeatureFilter &filter, const PendulumMapRequest *request );

  QImage mImage;
  PendulumFeatureFilter mFilter;
  bool mFinish = false;
  PendulumMapRequest mRequest;
  std::unique_ptr<QPainter> mPainter;
  std::unique_ptr<QgsMapRendererCustomPainterJob> mJob;
};

#endif // PENDULUMMAPRENDERJOB_H
