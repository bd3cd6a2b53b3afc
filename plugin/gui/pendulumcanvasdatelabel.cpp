#include "pendulumcanvasdatelabel.h"

#include "pendulumdatelabel.h"
#include "pendulumframedate.h"
#include "pendulumqgiscompat.h"

#include <QDomDocument>
#include <QMetaObject>

#include "qgsmapcanvas.h"
#include "qgsproject.h"
#include "qgsreadwritecontext.h"
#include "qgstextformat.h"

namespace
{
// The Title Label decoration's project scope and keys (src/app/decorations/qgsdecorationtitle.cpp).
const QString sScope = QStringLiteral( "TitleLabel" );
const QStringList sKeys = { QStringLiteral( "/Enabled" ),         QStringLiteral( "/Placement" ),
                            QStringLiteral( "/MarginUnit" ),      QStringLiteral( "/Label" ),
                            QStringLiteral( "/BackgroundColor" ), QStringLiteral( "/MarginH" ),
                            QStringLiteral( "/MarginV" ),         QStringLiteral( "/Font" ) };
constexpr int sTopLeft = 1; // QgsDecorationItem::TopLeft

QString textFormatXml()
{
  QDomDocument document;
  document.appendChild( PendulumDateLabel::textFormat().writeXml( document, QgsReadWriteContext() ) );
  return document.toString();
}
} // namespace

PendulumCanvasDateLabel::PendulumCanvasDateLabel( QObject *mainWindow, QgsMapCanvas *canvas, QObject *parent )
    : QObject( parent ), mMainWindow( mainWindow ), mCanvas( canvas )
{
}

void PendulumCanvasDateLabel::show( const QString &language )
{
  QgsProject *project = QgsProject::instance();
  if ( mSaved.isEmpty() )
  {
    for ( const QString &key : sKeys )
    {
      bool exists = false;
      const QString value = project->readEntry( sScope, key, QString(), &exists );
      mSaved.insert( key, exists ? value : QString() );
    }
    project->writeEntry( sScope, QStringLiteral( "/Placement" ), sTopLeft );
    project->writeEntry( sScope, QStringLiteral( "/MarginUnit" ), QStringLiteral( "MM" ) );
    project->writeEntry( sScope, QStringLiteral( "/MarginH" ), PendulumDateLabel::marginMillimeters() );
    project->writeEntry( sScope, QStringLiteral( "/MarginV" ), PendulumDateLabel::marginMillimeters() );
    project->writeEntry( sScope, QStringLiteral( "/BackgroundColor" ), QStringLiteral( "0,0,0,0" ) );
    project->writeEntry( sScope, QStringLiteral( "/Font" ), textFormatXml() );
  }
  project->writeEntry( sScope, QStringLiteral( "/Enabled" ), true );
  project->writeEntry( sScope, QStringLiteral( "/Label" ), PendulumFrameDate::labelText( language ) );
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
      project->removeEntry( sScope, it.key() );
    else
      project->writeEntry( sScope, it.key(), it.value() );
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
