#ifndef PENDULUMTASKREPORT_H
#define PENDULUMTASKREPORT_H

#include <QString>
#include <functional>

class QObject;
class QgsMessageBar;
class QgsTask;

/**
 * Runs an export task in QGIS's task manager (progress and cancel there) and
 * says in the message bar how it ended: \a success on completion, \a failure
 * when it was cancelled or failed. The texts are asked for when the task
 * ends, from the task's own results.
 */
class PendulumTaskReport
{
public:
  static void run( QgsTask *task, QgsMessageBar *bar, QObject *context,
                   const std::function<QString()> &success, const std::function<QString()> &failure );
};

#endif // PENDULUMTASKREPORT_H
