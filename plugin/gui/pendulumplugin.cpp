#include "pendulumplugin.h"

#include "pendulumanimationaction.h"
#include "pendulumdataset.h"
#include "pendulumdesktop.h"
#include "pendulumeditcopyaction.h"
#include "pendulumlanguage.h"
#include "pendulumlayerlanguage.h"
#include "pendulumpaths.h"
#include "pendulumprintmapaction.h"
#include "pendulumprojectloader.h"
#include "pendulumregion.h"
#include "pendulumtimeline.h"

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QTimer>

#include "qgisinterface.h"
#include "qgsmapcanvas.h"
#include "qgsmessagebar.h"
#include "qgsproject.h"
#include "qgssettings.h"
#include "qgstemporalnavigationobject.h"

namespace
{
const QString sName = QStringLiteral( "Pendulum" );
const QString sDescription = QStringLiteral( "Borders and spheres of influence of North-East Asia, 1855 to "
                                             "today, on the QGIS timeline, with sources." );
const QString sCategory = QStringLiteral( "Plugins" );
const QString sVersion = QStringLiteral( PENDULUM_VERSION );
const QString sIcon = QStringLiteral( ":/pendulum/pendulum.svg" );
const QString sExperimental = QStringLiteral( "true" );
const QString sCreateDate = QStringLiteral( "2026-11-23" );
const QString sUpdateDate = QStringLiteral( "2026-11-23" );
const QString sMenu = QStringLiteral( "&Pendulum" );
constexpr QgisPlugin::PluginType sType = QgisPlugin::UI;
} // namespace

PendulumPlugin::PendulumPlugin( QgisInterface *iface )
    : QgisPlugin( sName, sDescription, sCategory, sVersion, sType ), mIface( iface )
{
}

void PendulumPlugin::initGui()
{
  mAddLayersAction = new QAction( QIcon( sIcon ), tr( "Add Historical Layers" ), this );
  mAddLayersAction->setObjectName( addLayersActionName() );
  mAddLayersAction->setToolTip(
      tr( "Add Pendulum's time-enabled historical layers of North-East Asia to the project" ) );
  connect( mAddLayersAction, &QAction::triggered, this, &PendulumPlugin::addHistoricalLayers );
  mIface->addPluginToMenu( sMenu, mAddLayersAction );
  mIface->addToolBarIcon( mAddLayersAction );

  mDesktop = new PendulumDesktop( mIface, this );
  for ( QAction *action : mDesktop->actions() )
    mIface->addPluginToMenu( sMenu, action );
  mIface->addPluginToMenu( sMenu, mDesktop->languageMenu()->menuAction() );
  mIface->addToolBarIcon( mDesktop->whatWasHereAction() );

  mPrintMap = new PendulumPrintMapAction(
      mIface, [this] { return dataPath(); }, this );
  mIface->addPluginToMenu( sMenu, mPrintMap->action() );

  mAnimation = new PendulumAnimationAction(
      mIface, [this] { return dataPath(); }, this );
  mIface->addPluginToMenu( sMenu, mAnimation->action() );

  mEditCopy = new PendulumEditCopyAction(
      mIface, [this] { mDesktop->refresh(); }, this );
  mIface->addPluginToMenu( sMenu, mEditCopy->action() );
}

void PendulumPlugin::unload()
{
  mIface->removePluginMenu( sMenu, mEditCopy->action() );
  delete mEditCopy;
  mEditCopy = nullptr;
  mIface->removePluginMenu( sMenu, mAnimation->action() );
  delete mAnimation;
  mAnimation = nullptr;
  mIface->removePluginMenu( sMenu, mPrintMap->action() );
  delete mPrintMap;
  mPrintMap = nullptr;
  for ( QAction *action : mDesktop->actions() )
    mIface->removePluginMenu( sMenu, action );
  mIface->removePluginMenu( sMenu, mDesktop->languageMenu()->menuAction() );
  mIface->removeToolBarIcon( mDesktop->whatWasHereAction() );
  delete mDesktop; // its docks, map tool and date label go with it
  mDesktop = nullptr;
  mIface->removePluginMenu( sMenu, mAddLayersAction );
  mIface->removeToolBarIcon( mAddLayersAction );
  delete mAddLayersAction;
  mAddLayersAction = nullptr;
}

QString PendulumPlugin::dataPath() const
{
  const QString configured = QgsSettings().value( QStringLiteral( "pendulum/dataPath" ) ).toString();
  return configured.isEmpty() ? PendulumPaths::defaultDataPath() : configured;
}

void PendulumPlugin::addHistoricalLayers()
{
  QString error;
  const std::unique_ptr<PendulumDataset> dataset = PendulumDataset::open( dataPath(), &error );
  if ( !dataset )
  {
    // QGIS goes on; the message says which file and what to do about it.
    mIface->messageBar()->pushWarning(
        sName, tr( "Cannot add the historical layers. %1. (Pendulum reads the GeoPackage named by the "
                   "setting pendulum/dataPath: Settings ▸ Options ▸ Advanced, or `pendulum install --data "
                   "FILE.gpkg`.)" )
                   .arg( error ) );
    return;
  }
  bool alreadyLoaded = false;
  if ( !PendulumProjectLoader::load( QgsProject::instance(), *dataset,
                                     PendulumLayerLanguage::fromProject( QgsProject::instance() ), &error,
                                     &alreadyLoaded ) )
  {
    mIface->messageBar()->pushWarning( sName, error );
    return;
  }
  if ( alreadyLoaded )
  {
    mIface->messageBar()->pushInfo( sName, tr( "The historical layers are already in this project." ) );
    return;
  }

  QgsMapCanvas *canvas = mIface->mapCanvas();
  // The canvas exposes its controller const; the object is the desktop's own navigation object.
  if ( QgsTemporalNavigationObject *navigation = qobject_cast<QgsTemporalNavigationObject *>(
           const_cast<QgsTemporalController *>( canvas->temporalController() ) ) )
    PendulumTimeline::configure( navigation, PendulumTimeline::defaultDate() );

  mDesktop->recordLoaded();

  // In an empty project the layer tree's canvas bridge sets the project CRS to the first
  // layer's and zooms to the layers on its next event-loop turn: frame the region after it.
  QTimer::singleShot( 0, this, &PendulumPlugin::frameRegion );
}

void PendulumPlugin::frameRegion()
{
  QgsProject::instance()->setCrs( PendulumRegion::mapCrs() );
  mIface->mapCanvas()->setDestinationCrs( PendulumRegion::mapCrs() );
  mIface->mapCanvas()->setExtent( PendulumRegion::mapExtent() );
  mIface->mapCanvas()->refresh();
}

// Entry points QGIS resolves in the library before and after creating the plugin.
QGISEXTERN QgisPlugin *classFactory( QgisInterface *iface )
{
  return new PendulumPlugin( iface );
}
QGISEXTERN const QString *name()
{
  return &sName;
}
QGISEXTERN const QString *description()
{
  return &sDescription;
}
QGISEXTERN const QString *category()
{
  return &sCategory;
}
QGISEXTERN int type()
{
  return sType;
}
QGISEXTERN const QString *version()
{
  return &sVersion;
}
QGISEXTERN const QString *icon()
{
  return &sIcon;
}
QGISEXTERN const QString *experimental()
{
  return &sExperimental;
}
QGISEXTERN const QString *create_date()
{
  return &sCreateDate;
}
QGISEXTERN const QString *update_date()
{
  return &sUpdateDate;
}
QGISEXTERN void unload( QgisPlugin *plugin )
{
  delete plugin;
}
