#include "pendulumeditcopyaction.h"

#include "pendulumdatacopy.h"
#include "pendulumprojectrecord.h"
#include "pendulumprojectversion.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

#include "qgisinterface.h"
#include "qgsmessagebar.h"
#include "qgsproject.h"

PendulumEditCopyAction::PendulumEditCopyAction( QgisInterface *iface, const std::function<void()> &copied,
                                                QObject *parent )
    : QObject( parent ), mIface( iface ), mCopied( copied )
{
  mAction = new QAction( tr( "Edit a Copy…" ), this );
  mAction->setObjectName( actionName() );
  mAction->setToolTip( tr( "Copy the historical record to a file you choose and edit the copy; the bundled "
                           "record stays as it is" ) );
  connect( mAction, &QAction::triggered, this, &PendulumEditCopyAction::editCopy );
}

void PendulumEditCopyAction::editCopy()
{
  const QString title = tr( "Pendulum" );
  QgsProject *project = QgsProject::instance();
  const QString source = PendulumProjectRecord::dataPath( PendulumProjectRecord::layers( project ) );
  if ( source.isEmpty() )
  {
    mIface->messageBar()->pushInfo( title, tr( "Add the historical layers first (Plugins ▸ Pendulum ▸ Add "
                                               "Historical Layers), then edit a copy of them." ) );
    return;
  }
  // The save dialog asks before it names an existing file.
  QString target = QFileDialog::getSaveFileName(
      mIface->mainWindow(), tr( "Edit a Copy of the Historical Record" ),
      QDir::home().filePath( QStringLiteral( "pendulum-copy.gpkg" ) ), tr( "GeoPackage (*.gpkg)" ) );
  if ( target.isEmpty() )
    return;
  if ( QFileInfo( target ).suffix().compare( QLatin1String( "gpkg" ), Qt::CaseInsensitive ) != 0 )
  {
    target += QLatin1String( ".gpkg" );
    // The dialog asked about the name without the suffix, not about this one.
    if ( QFileInfo::exists( target ) &&
         QMessageBox::question( mIface->mainWindow(), tr( "Edit a Copy" ),
                                tr( "%1 already exists. Replace it with a copy of the record?" )
                                    .arg( QDir::toNativeSeparators( target ) ) ) != QMessageBox::Yes )
      return;
  }

  QString error;
  if ( !PendulumDataCopy::copy( source, target, PendulumDataCopy::Existing::Replace, &error ) ||
       PendulumDataCopy::repoint( project, target, &error ) < 0 )
  {
    mIface->messageBar()->pushWarning( title, error );
    return;
  }
  PendulumProjectVersion::stamp( project );
  mCopied();
  mIface->messageBar()->pushSuccess(
      title, tr( "The historical layers now read and write %1 (the bundled record is unchanged). Toggle "
                 "editing on a layer to change it." )
                 .arg( QDir::toNativeSeparators( target ) ) );
}
