#include "pendulumtaskreport.h"

#include <QObject>
#include <QPointer>

#include "qgsapplication.h"
#include "qgsmessagebar.h"
#include "qgstaskmanager.h"

void PendulumTaskReport::run( QgsTask *task, QgsMessageBar *bar, QObject *context,
                              const std::function<QString()> &success,
                              const std::function<QString()> &failure )
{
  // The bar may go before the task ends (QGIS closing): QPointer notices.
  QPointer<QgsMessageBar> guardedBar = bar;
  QObject::connect( task, &QgsTask::taskCompleted, context,
                    [guardedBar, success]
                    {
                      if ( guardedBar )
                        guardedBar->pushSuccess( QObject::tr( "Pendulum" ), success() );
                    } );
  QObject::connect( task, &QgsTask::taskTerminated, context,
                    [guardedBar, failure]
                    {
                      if ( guardedBar )
                        guardedBar->pushWarning( QObject::tr( "Pendulum" ), failure() );
                    } );
  QgsApplication::taskManager()->addTask( task );
}
