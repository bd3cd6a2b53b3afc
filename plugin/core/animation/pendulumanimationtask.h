#ifndef PENDULUMANIMATIONTASK_H
#define PENDULUMANIMATIONTASK_H

#include "pendulumanimationexporter.h"
#include "pendulumanimationplan.h"

#include <QString>
#include <functional>

#include "qgstaskmanager.h"

/**
 * An animation export as a QgsTask, with progress and cancel in QGIS's task
 * manager. The task opens its own copy of the record's layers in its thread
 * (QGIS layers must not be shared across threads), so the project's layers
 * are never touched. execute() is the same work for the command line.
 */
class PendulumAnimationTask : public QgsTask
{
  Q_OBJECT

public:
  struct Settings
  {
    QString dataPath;                          //!< the Pendulum GeoPackage
    PendulumAnimationPlan::Settings plan;      //!< dates, step, labels, language
    PendulumAnimationExporter::Options output; //!< file or folder, size, DPI
  };

  explicit PendulumAnimationTask( const Settings &settings );

  const Settings &settings() const { return mSettings; }

  //! Why the export failed; empty after success or cancel.
  QString error() const { return mError; }

  const PendulumAnimationExporter::Statistics &statistics() const { return mStatistics; }

  /**
   * Opens the record at settings.dataPath, plans and exports the animation
   * on the calling thread. \a progress gets 0..1, \a canceled is polled.
   */
  static PendulumAnimationEncoder::Result
  execute( const Settings &settings, const std::function<void( double )> &progress,
           const std::function<bool()> &canceled, QString *error,
           PendulumAnimationExporter::Statistics *statistics = nullptr );

protected:
  bool run() override;

private:
  Settings mSettings;
  QString mError;
  PendulumAnimationExporter::Statistics mStatistics;
};

#endif // PENDULUMANIMATIONTASK_H
