#ifndef PENDULUMPRINTJOB_H
#define PENDULUMPRINTJOB_H

#include "pendulumprintlayout.h"

#include <QString>
#include <QStringList>

class QgsFeedback;

/**
 * One print map from start to finish: open the record, put its layers in a
 * private QgsProject, build the layout (PendulumPrintLayout) and export it
 * (PendulumLayoutExporter). Self-contained, so that `pendulum map` runs it
 * directly and the plugin runs it as a QgsTask on a worker thread without
 * touching the user's project or its layers.
 */
class PendulumPrintJob
{
public:
  PendulumPrintJob( const QString &dataPath, const PendulumPrintRequest &request, const QString &outPath,
                    int dpi );

  /**
   * Does the work, reporting progress (0–100) to \a feedback and stopping
   * between steps when it is cancelled. Returns false with error() set.
   */
  bool run( QgsFeedback *feedback = nullptr );

  //! The files written (a PDF is one; SVG and images write one a page).
  QStringList writtenFiles() const { return mWritten; }

  //! How many works the map's source list cites.
  int sourceCount() const { return mSourceCount; }

  QString error() const { return mError; }

  const PendulumPrintRequest &request() const { return mRequest; }
  QString outPath() const { return mOutPath; }

private:
  QString mDataPath;
  PendulumPrintRequest mRequest;
  QString mOutPath;
  int mDpi = 300;
  QStringList mWritten;
  int mSourceCount = 0;
  QString mError;
};

#endif // PENDULUMPRINTJOB_H
