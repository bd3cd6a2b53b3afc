#include "pendulumprinttask.h"

#include "qgsfeedback.h"

PendulumPrintTask::PendulumPrintTask( const QString &dataPath, const PendulumPrintRequest &request,
                                      const QString &outPath, int dpi )
    : QgsTask( QStringLiteral( "Pendulum: print map of %1" ).arg( request.date.toString( Qt::ISODate ) ),
               QgsTask::CanCancel ),
      mJob( dataPath, request, outPath, dpi ), mFeedback( std::make_unique<QgsFeedback>() )
{
  // The feedback's progress arrives on the worker thread; setProgress() is thread-safe.
  connect(
      mFeedback.get(), &QgsFeedback::progressChanged, this,
      [this]( double progress ) { setProgress( progress ); }, Qt::DirectConnection );
}

PendulumPrintTask::~PendulumPrintTask() = default;

void PendulumPrintTask::cancel()
{
  mFeedback->cancel();
  QgsTask::cancel();
}

bool PendulumPrintTask::run()
{
  return mJob.run( mFeedback.get() );
}
