#ifndef PENDULUMANIMATIONFRAMERENDERER_H
#define PENDULUMANIMATIONFRAMERENDERER_H

#include "pendulumanimationplan.h"
#include "pendulummaprenderer.h"

#include <QImage>

/**
 * Turns planned frames into images with the least rendering: the map is
 * rendered once per map state (PendulumMapRenderer without its label) and
 * each frame only adds its date label to a copy. The result is the same
 * image, pixel for pixel, as PendulumMapRenderer::render() with the label.
 */
class PendulumAnimationFrameRenderer
{
public:
  /**
   * \a renderer draws the map; \a request gives size, DPI and extent (its
   * date and label are set per frame). \a renderer must outlive this.
   */
  PendulumAnimationFrameRenderer( const PendulumMapRenderer &renderer, const PendulumMapRequest &request );

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

  const PendulumMapRenderer &mRenderer;
  PendulumMapRequest mRequest;
  int mState = -1;
  QImage mMap;
  int mRenderCount = 0;
};

#endif // PENDULUMANIMATIONFRAMERENDERER_H
