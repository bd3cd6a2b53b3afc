#include "pendulummaprenderjob.h"

#include <QPainter>

#include "qgsmaprenderercustompainterjob.h"

PendulumMapRenderJob::PendulumMapRenderJob( const QgsMapSettings &settings, const QImage &image,
                                            const PendulumFeatureFilter &filter,
                                            const PendulumMapRequest *request )
    : mImage( image ), mFilter( filter ), mFinish( request ),
      mRequest( request ? *request : PendulumMapRequest() )
{
  mPainter = std::make_unique<QPainter>( &mImage );
  mJob = std::make_unique<QgsMapRendererCustomPainterJob>( settings, mPainter.get() );
  mJob->setFeatureFilterProvider( &mFilter );
  // Prepares the layers here, on the calling thread, then draws on a QtConcurrent thread.
  mJob->start();
}

PendulumMapRenderJob::~PendulumMapRenderJob()
{
  if ( mJob )
    mJob->waitForFinished();
}

QImage PendulumMapRenderJob::wait()
{
  if ( mJob )
  {
    mJob->waitForFinished();
    mJob.reset();
    mPainter->end();
    mPainter.reset();
  }
  return mFinish ? PendulumMapRenderer::finish( mImage, mRequest ) : mImage;
}
