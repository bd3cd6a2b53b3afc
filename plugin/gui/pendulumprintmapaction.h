#ifndef PENDULUMPRINTMAPACTION_H
#define PENDULUMPRINTMAPACTION_H

#include <QObject>
#include <functional>

class QAction;
class QgisInterface;

/**
 * The plugin's "Export Print Map…" menu entry: asks for the export in
 * PendulumPrintMapDialog and runs it as a PendulumPrintTask in QGIS's task
 * manager, reporting the result in the message bar.
 */
class PendulumPrintMapAction : public QObject
{
  Q_OBJECT

public:
  //! \a dataPath gives the record's GeoPackage when the action runs.
  PendulumPrintMapAction( QgisInterface *iface, const std::function<QString()> &dataPath,
                          QObject *parent = nullptr );

  QAction *action() const { return mAction; }

  //! Object name of the action, for scripts and tests.
  static QString actionName() { return QStringLiteral( "mActionPendulumExportPrintMap" ); }

private:
  void exportPrintMap();

  QgisInterface *mIface = nullptr;
  std::function<QString()> mDataPath;
  QAction *mAction = nullptr;
};

#endif // PENDULUMPRINTMAPACTION_H
