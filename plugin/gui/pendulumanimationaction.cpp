#include "pendulumanimationaction.h"

#include "pendulumanimationdialog.h"
#include "pendulumlanguage.h"
#include "pendulumlayerlanguage.h"
#include "pendulumtaskreport.h"

#include <QAction>
#include <QDir>

#include "qgisinterface.h"
#include "qgsapplication.h"
#include "qgsmapcanvas.h"
#include "qgsmessagebar.h"
#include "qgsproject.h"

PendulumAnimationAction::PendulumAnimationAction( QgisInterface *iface,
                                                  const std::function<QString()> &dataPath, QObject *parent )
    : QObject( parent ), mIface( iface ), mDataPath( dataPath )
{
  mAction = new QAction( tr( "Export Animation…" ), this );
  mAction->setObjectName( actionName() );
  mAction->setToolTip( tr( "Export the map through a span of dates as a video, a GIF or PNG frames" ) );
  connect( mAction, &QAction::triggered, this, &PendulumAnimationAction::exportAnimation );
}

void PendulumAnimationAction::exportAnimation()
{
  QgsMapCanvas *canvas = mIface->mapCanvas();
  // Start at the timeline's day, if the canvas is animated.
  const QDate from = canvas->mapSettings().isTemporal() ? canvas->temporalRange().begin().date() : QDate();
  PendulumAnimationDialog dialog( from, PendulumLayerLanguage::fromProject( QgsProject::instance() ),
                                  mIface->mainWindow() );
  if ( dialog.exec() != QDialog::Accepted )
    return;

  auto *task = new PendulumAnimationTask( dialog.settings( mDataPath() ) );
  PendulumTaskReport::run(
      task, mIface->messageBar(), this,
      [task]
      {
        return tr( "Animation written: %1 (%2 frames, %3 maps rendered)" )
            .arg( QDir::toNativeSeparators( task->settings().output.out ) )
            .arg( task->statistics().frames )
            .arg( task->statistics().renders );
      },
      [task]
      {
        return task->error().isEmpty() ? tr( "The animation export was cancelled; nothing was written." )
                                       : task->error();
      } );
}
