#ifndef PENDULUMANIMATIONACTION_H
#define PENDULUMANIMATIONACTION_H

#include <QObject>
#include <functional>

class QAction;
class QgisInterface;

/**
 * The plugin's "Export Animation…" menu entry: asks for the animation in
 * PendulumAnimationDialog and runs it as a PendulumAnimationTask in QGIS's
 * task manager (progress and cancel there), reporting in the message bar.
 */
class PendulumAnimationAction : public QObject
{
  Q_OBJECT

public:
  //! \a dataPath gives the record's GeoPackage when the action runs.
  PendulumAnimationAction( QgisInterface *iface, const std::function<QString()> &dataPath,
                           QObject *parent = nullptr );

  QAction *action() const { return mAction; }

  //! Object name of the action, for scripts and tests.
  static QString actionName() { return QStringLiteral( "mActionPendulumExportAnimation" ); }

private:
  void exportAnimation();

  QgisInterface *mIface = nullptr;
  std::function<QString()> mDataPath;
  QAction *mAction = nullptr;
};

#endif // PENDULUMANIMATIONACTION_H
