#include "pendulumcanvasdatelabel.h"

#include "pendulumdatelabel.h"
#include "pendulumframedate.h"
#include "pendulumqgiscompat.h"

#include <QMetaObject>

#include "qgsmapcanvas.h"
#include "qgsproject.h"

PendulumCanvasDateLabel::PendulumCanvasDateLabel( QObject *mainWindow, QgsMapCanvas *canvas, QObject *parent )
    : QObject( parent ), mMainWindow( mainWindow ), mCanvas( canvas )
{
}

void PendulumCanvasDateLabel::show( const QString &language )
{
  QgsProject *project = QgsProject::instance();
  if ( mSaved.isEmpty() )
  {
    for ( const QString &key : PendulumDateLabel::decorationKeys() )
    {
      bool exists = false;
      const QString value =
          project->readEntry( PendulumDateLabel::decorationScope(), key, QString(), &exists );
      mSaved.insert( key, exists ? value : QString() );
    }
  }
  PendulumDateLabel::writeDecoration( project, PendulumFrameDate::labelText( language ) );
  reread();
}

void PendulumCanvasDateLabel::restore()
{
  if ( mSaved.isEmpty() )
    return;
  QgsProject *project = QgsProject::instance();
  for ( auto it = mSaved.constBegin(); it != mSaved.constEnd(); ++it )
  {
    if ( it.value().isNull() )
      project->removeEntry( PendulumDateLabel::decorationScope(), it.key() );
    else
      project->writeEntry( PendulumDateLabel::decorationScope(), it.key(), it.value() );
  }
  mSaved.clear();
  reread();
}

void PendulumCanvasDateLabel::reread()
{
  if ( !mMainWindow )
    return;
  // The decoration lives in the QGIS application, outside the API; its projectRead() is a public
  // slot, so it is reached through Qt's meta-object system by class name.
  const QList<QObject *> children = mMainWindow->findChildren<QObject *>();
  for ( QObject *child : children )
  {
    if ( qstrcmp( child->metaObject()->className(), "QgsDecorationTitle" ) == 0 )
      QMetaObject::invokeMethod( child, "projectRead" );
  }
  if ( mCanvas )
    mCanvas->refresh();
}
