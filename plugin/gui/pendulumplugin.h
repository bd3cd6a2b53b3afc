#ifndef PENDULUMPLUGIN_H
#define PENDULUMPLUGIN_H

#include <QObject>

#include "qgisplugin.h"

class PendulumAnimationAction;
class PendulumDesktop;
class PendulumEditCopyAction;
class PendulumPrintMapAction;
class QAction;
class QgisInterface;

/**
 * The QGIS desktop shell of Pendulum: menu entries and toolbar buttons that
 * call the core. Holds no logic a test would want to reach.
 */
class PendulumPlugin : public QObject, public QgisPlugin
{
  Q_OBJECT

public:
  explicit PendulumPlugin( QgisInterface *iface );

  void initGui() override;
  void unload() override;

  //! Object name of the "Add historical layers" action, for scripts and tests.
  static QString addLayersActionName() { return QStringLiteral( "mActionPendulumAddLayers" ); }

private slots:
  void addHistoricalLayers();
  void frameRegion();

private:
  QString dataPath() const;

  QgisInterface *mIface = nullptr;
  QAction *mAddLayersAction = nullptr;
  PendulumDesktop *mDesktop = nullptr;           //!< docks, map tool, date label, language
  PendulumPrintMapAction *mPrintMap = nullptr;   //!< "Export Print Map…"
  PendulumAnimationAction *mAnimation = nullptr; //!< "Export Animation…"
  PendulumEditCopyAction *mEditCopy = nullptr;   //!< "Edit a Copy…"
};

#endif // PENDULUMPLUGIN_H
