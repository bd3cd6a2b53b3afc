#include "pendulumanimationframerenderer.h"

PendulumAnimationFrameRenderer::PendulumAnimationFrameRenderer( const PendulumMapRenderer &renderer,
                                                                const PendulumMapRequest &request )
    : mRenderer( renderer ), mRequest( request )
{
}

PendulumMapRequest PendulumAnimationFrameRenderer::request( const PendulumAnimationFrame &frame,
                                                            bool label ) const
{
  PendulumMapRequest request = mRequest;
  request.date = frame.date;
  request.dateLabel = label && !frame.label.isEmpty();
  request.labelText = frame.label;
  return request;
}

QImage PendulumAnimationFrameRenderer::map( const PendulumAnimationFrame &frame )
{
  if ( frame.state != mState || mMap.isNull() )
  {
    mMap = mRenderer.render( request( frame, false ) );
    mState = frame.state;
    ++mRenderCount;
  }
  return mMap;
}

QImage PendulumAnimationFrameRenderer::compose( const QImage &map, const PendulumAnimationFrame &frame ) const
{
  if ( frame.label.isEmpty() )
    return map;
  QImage image = map.copy();
  PendulumMapRenderer::drawLabel( image, frame.label, mRequest.dpi );
  return image;
}

QImage PendulumAnimationFrameRenderer::renderDirectly( const PendulumAnimationFrame &frame ) const
{
  return mRenderer.render( request( frame, true ) );
}
