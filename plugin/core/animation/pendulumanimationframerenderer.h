#ifndef PENDULUMANIMATIONFRAMERENDERER_H
#define PENDULUMANIMATIONFRAMERENDERER_H

#include "pendulumanimationplan.h"
#include "pendulummaprenderer.h"

#include <QImage>
#include <map>
#include <memory>

class PendulumFrameLegend;
class PendulumMapRenderJob;

/**
 * Turns planned frames into images with the least rendering: the basemap
 * (the layers that never change) is rendered once, the layers above it once
 * per map state over a copy of it, and each frame only adds its date label to
 * a copy of its state's map. The result is the same image, pixel for pixel,
 * as PendulumMapRenderer::render() with the label.
 */
class PendulumAnimationFrameRenderer
{
public:
  /**
   * \a renderer draws the map; \a request gives size, DPI and extent (its
   * date and label are set per frame). \a renderer must outlive this.
   */
  PendulumAnimationFrameRenderer( const PendulumMapRenderer &renderer, const PendulumMapRequest &request );

  ~PendulumAnimationFrameRenderer();

  /**
   * The frames map() will be asked for, in that order: the maps of the next
   * \a ahead states then render on QGIS's worker threads while the current
   * one is labelled and encoded (two cores, two maps at a time).
   */
  void setUpcoming( const QList<PendulumAnimationFrame> &frames, int ahead = 1 );

  /**
   * The map without label for \a frame's state: rendered when the state
   * differs from the previous call's, else the cached image. Call from the
   * thread that owns the layers.
   */
  QImage map( const PendulumAnimationFrame &frame );

  //! \a map with \a frame's label drawn on a copy; thread-safe.
  QImage compose( const QImage &map, const PendulumAnimationFrame &frame ) const;

  //! The straightforward path: \a frame rendered on its own, label included.
  QImage renderDirectly( const PendulumAnimationFrame &frame ) const;

  //! How many maps map() has rendered.
  int renderCount() const { return mRenderCount; }

private:
  PendulumMapRequest request( const PendulumAnimationFrame &frame, bool label ) const;

  //! Starts the render of \a frame's state (over the basemap, drawn first if need be).
  std::unique_ptr<PendulumMapRenderJob> start( const PendulumAnimationFrame &frame );

  const PendulumMapRenderer &mRenderer;
  PendulumMapRequest mRequest;
  std::unique_ptr<PendulumFrameLegend> mLegend; //!< when the request asks for one
  int mState = -1;
  QImage mMap;
  QImage mBasemap;
  int mRenderCount = 0;
  QList<PendulumAnimationFrame> mUpcoming; //!< the first frame of each state to come, in order
  int mAhead = 0;
  std::map<int, std::unique_ptr<PendulumMapRenderJob>> mJobs; //!< renders started, by state
};

#endif // PENDULUMANIMATIONFRAMERENDERER_H
