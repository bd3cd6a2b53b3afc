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
  QgsTextFormat format;
  QFont font( QStringLiteral( "Noto Sans" ) );
  font.setBold( true );
  format.setFont( font );
  format.setSize( 14 );
  format.setSizeUnit( PendulumQgis::RenderUnit::Points );
  format.setColor( QColor( 0x22, 0x22, 0x22 ) );
  // A white box behind the date keeps it legible over any fill, in colour or greyscale.
  QgsTextBackgroundSettings background = format.background();
  background.setEnabled( true );
  background.setType( QgsTextBackgroundSettings::ShapeRectangle );
  background.setSizeType( QgsTextBackgroundSettings::SizeBuffer );
  background.setSize( QSizeF( 2, 1 ) );
  background.setSizeUnit( PendulumQgis::RenderUnit::Millimeters );
  background.setRadii( QSizeF( 1, 1 ) );
  background.setFillColor( QColor( 255, 255, 255, 225 ) );
  background.setStrokeColor( QColor( 0x88, 0x88, 0x88 ) );
  background.setStrokeWidth( 0.2 );
  format.setBackground( background );
  QDomDocument document;
  document.appendChild( format.writeXml( document, QgsReadWriteContext() ) );
  return document.toString();
}
} // namespace

PendulumDateLabel::PendulumDateLabel( QObject *mainWindow, QgsMapCanvas *canvas, QObject *parent )
    : QObject( parent ), mMainWindow( mainWindow ), mCanvas( canvas )
{
}

void PendulumDateLabel::show( const QString &language )
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
    project->writeEntry( sScope, QStringLiteral( "/MarginH" ), 4 );
    project->writeEntry( sScope, QStringLiteral( "/MarginV" ), 4 );
    project->writeEntry( sScope, QStringLiteral( "/BackgroundColor" ), QStringLiteral( "0,0,0,0" ) );
    project->writeEntry( sScope, QStringLiteral( "/Font" ), textFormatXml() );
  }
  project->writeEntry( sScope, QStringLiteral( "/Enabled" ), true );
  project->writeEntry( sScope, QStringLiteral( "/Label" ), PendulumFrameDate::labelText( language ) );
  reread();
}

void PendulumDateLabel::restore()
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

void PendulumDateLabel::reread()
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
