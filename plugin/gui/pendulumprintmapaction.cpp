#include "pendulumprintmapaction.h"

#include "pendulumlanguage.h"
#include "pendulumlayerlanguage.h"
#include "pendulumprintmapdialog.h"
#include "pendulumprinttask.h"
#include "pendulumtaskreport.h"

#include <QAction>
#include <QDir>

#include "qgisinterface.h"
#include "qgsapplication.h"
#include "qgscoordinatetransform.h"
#include "qgsmapcanvas.h"
#include "qgsmessagebar.h"
#include "qgsproject.h"

PendulumPrintMapAction::PendulumPrintMapAction( QgisInterface *iface,
                                                const std::function<QString()> &dataPath, QObject *parent )
    : QObject( parent ), mIface( iface ), mDataPath( dataPath )
{
  mAction = new QAction( tr( "Export Print Map…" ), this );
  mAction->setObjectName( actionName() );
  mAction->setToolTip( tr( "Export a print map (PDF, SVG, PNG, TIFF) of one day, with legend and sources" ) );
  connect( mAction, &QAction::triggered, this, &PendulumPrintMapAction::exportPrintMap );
}

void PendulumPrintMapAction::exportPrintMap()
{
  QgsMapCanvas *canvas = mIface->mapCanvas();
  // The timeline's day, if the canvas is animated; the map canvas's area in lon/lat.
  const QDate date = canvas->mapSettings().isTemporal() ? canvas->temporalRange().begin().date() : QDate();
  QgsRectangle lonLat;
  try
  {
    const QgsCoordinateTransform toLonLat( canvas->mapSettings().destinationCrs(),
                                           QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ),
                                           QgsProject::instance()->transformContext() );
    lonLat = toLonLat.transformBoundingBox( canvas->extent() );
  }
  catch ( const QgsCsException & )
  {
    lonLat = QgsRectangle();
  }

  PendulumPrintMapDialog dialog( date, PendulumLayerLanguage::fromProject( QgsProject::instance() ), lonLat,
                                 mIface->mainWindow() );
  if ( dialog.exec() != QDialog::Accepted )
    return;

  auto *task = new PendulumPrintTask( mDataPath(), dialog.request(), dialog.outPath(), dialog.dpi() );
  PendulumTaskReport::run(
      task, mIface->messageBar(), this,
      [task]
      {
        return tr( "Print map written: %1" )
            .arg( QDir::toNativeSeparators( task->job().writtenFiles().join( QStringLiteral( ", " ) ) ) );
      },
      [task]
      {
        return task->job().error().isEmpty() ? tr( "The print map export was cancelled." )
                                             : task->job().error();
      } );
}
