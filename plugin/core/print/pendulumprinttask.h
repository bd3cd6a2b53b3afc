#ifndef PENDULUMPRINTTASK_H
#define PENDULUMPRINTTASK_H

#include "pendulumprintjob.h"

#include "qgstaskmanager.h"

#include <memory>

class QgsFeedback;

/**
 * A print map export (PendulumPrintJob) as a QgsTask, so that the plugin's
 * "Export Print Map…" runs in the background with its progress in QGIS's
 * task manager and can be cancelled there. The job opens its own copy of
 * the record in its own project: nothing is shared with the main thread.
 */
class PendulumPrintTask : public QgsTask
{
  Q_OBJECT

public:
  PendulumPrintTask( const QString &dataPath, const PendulumPrintRequest &request, const QString &outPath,
                     int dpi );
  ~PendulumPrintTask() override;

  void cancel() override;

  //! The finished job: files written or the error.
  const PendulumPrintJob &job() const { return mJob; }

protected:
  bool run() override;

private:
  PendulumPrintJob mJob;
  std::unique_ptr<QgsFeedback> mFeedback; //!< lives as long as the task, so cancel() can always reach it
};

#endif // PENDULUMPRINTTASK_H
