#include "pendulumanimationframerenderer.h"

#include "pendulumdatelabel.h"
#include "pendulumframelegend.h"
#include "pendulummaprenderjob.h"

#include <algorithm>

#include "qgsmapsettings.h"

PendulumAnimationFrameRenderer::PendulumAnimationFrameRenderer( const PendulumMapRenderer &renderer,
                                                                const PendulumMapRequest &request )
    : mRenderer( renderer ), mRequest( request ),
      mLegend( request.legend ? std::make_unique<PendulumFrameLegend>( renderer.layers() ) : nullptr )
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

PendulumAnimationFrameRenderer::~PendulumAnimationFrameRenderer() = default;

void PendulumAnimationFrameRenderer::setUpcoming( const QList<PendulumAnimationFrame> &frames, int ahead )
{
  mUpcoming.clear();
  for ( const PendulumAnimationFrame &frame : frames )
  {
    if ( mUpcoming.isEmpty() || mUpcoming.last().state != frame.state )
      mUpcoming << frame;
  }
  mAhead = std::max( 0, ahead );
}

std::unique_ptr<PendulumMapRenderJob>
PendulumAnimationFrameRenderer::start( const PendulumAnimationFrame &frame )
{
  const PendulumMapRequest mapRequest = request( frame, false );
  // The basemap is the same on every date: drawn once, each state over a copy of it.
  if ( mBasemap.isNull() && mRenderer.basemapLayerCount() > 0 )
    mBasemap = mRenderer.renderBasemap( mapRequest );
  ++mRenderCount;
  return mRenderer.start( mapRequest, mBasemap );
}

QImage PendulumAnimationFrameRenderer::map( const PendulumAnimationFrame &frame )
{
  if ( frame.state == mState && !mMap.isNull() )
    return mMap;

  // This state's render and those of the next few, each started once.
  int position = -1;
  for ( int i = 0; i < mUpcoming.size() && position < 0; ++i )
  {
    if ( mUpcoming.at( i ).state == frame.state )
      position = i;
  }
  if ( mJobs.find( frame.state ) == mJobs.end() )
    mJobs[frame.state] = start( frame );
  for ( int i = position + 1; position >= 0 && i <= position + mAhead && i < mUpcoming.size(); ++i )
  {
    const PendulumAnimationFrame &next = mUpcoming.at( i );
    if ( mJobs.find( next.state ) == mJobs.end() )
      mJobs[next.state] = start( next );
  }

  mMap = mJobs[frame.state]->wait();
  mJobs.erase( frame.state );
  // The legend belongs to the map state: drawn once per state, like the map.
  if ( mLegend )
    mLegend->drawOnto( mMap, mRenderer.mapSettings( request( frame, false ) ) );
  mState = frame.state;
  return mMap;
}

QImage PendulumAnimationFrameRenderer::compose( const QImage &map, const PendulumAnimationFrame &frame ) const
{
  if ( frame.label.isEmpty() )
    return map;
  QImage image = map.copy();
  PendulumDateLabel::draw( image, frame.label, mRequest.dpi );
  return image;
}

QImage PendulumAnimationFrameRenderer::renderDirectly( const PendulumAnimationFrame &frame ) const
{
  return mRenderer.render( request( frame, true ) );
}
