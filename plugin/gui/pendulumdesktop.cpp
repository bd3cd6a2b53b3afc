#include "pendulumdesktop.h"

#include "pendulumcanvasdatelabel.h"
#include "pendulumdate.h"
#include "pendulumeventsdock.h"
#include "pendulumlanguage.h"
#include "pendulumlayerlanguage.h"
#include "pendulumlayertreelegend.h"
#include "pendulummarkupcheck.h"
#include "pendulumplacequery.h"
#include "pendulumprojectrecord.h"
#include "pendulumprojectversion.h"
#include "pendulumsituation.h"
#include "pendulumsourcelist.h"
#include "pendulumsourcesdock.h"
#include "pendulumtemporal.h"
#include "pendulumtimeline.h"
#include "pendulumwhatwasheretool.h"

#include <QAction>
#include <QActionGroup>
#include <QFileInfo>
#include <QMenu>
#include <QTimer>
#include <algorithm>

#include "qgisinterface.h"
#include "qgscoordinatetransform.h"
#include "qgseditformconfig.h"
#include "qgsmapcanvas.h"
#include "qgsmessagebar.h"
#include "qgsproject.h"
#include "qgstemporalnavigationobject.h"
#include "qgsvectorlayer.h"

namespace
{
const QString sTitle = QStringLiteral( "Pendulum" );
}

PendulumDesktop::PendulumDesktop( QgisInterface *iface, QObject *parent ) : QObject( parent ), mIface( iface )
{
  QgsMapCanvas *canvas = mIface->mapCanvas();
  mEventsDock = new PendulumEventsDock( mIface->mainWindow() );
  mSourcesDock = new PendulumSourcesDock( mIface->mainWindow() );
  mIface->addDockWidget( Qt::RightDockWidgetArea, mEventsDock );
  mIface->addDockWidget( Qt::RightDockWidgetArea, mSourcesDock );
  mEventsDock->hide();
  mSourcesDock->hide();
  mEventsDock->toggleViewAction()->setObjectName( QStringLiteral( "mActionPendulumEventsDock" ) );
  mSourcesDock->toggleViewAction()->setObjectName( QStringLiteral( "mActionPendulumSourcesDock" ) );

  mLegend = std::make_unique<PendulumLayerTreeLegend>();
  // What follows the day but need not redraw on every frame of a playing timeline (the legend, the
  // sources dock) waits until the day has stood a quarter of a second.
  mDaySettled.setSingleShot( true );
  mDaySettled.setInterval( 250 );
  connect( &mDaySettled, &QTimer::timeout, this, &PendulumDesktop::followSettledDay );
  mTool = new PendulumWhatWasHereTool( canvas );
  mWhatWasHereAction = new QAction( QIcon( QStringLiteral( ":/pendulum/pendulumwhatwashere.svg" ) ),
                                    tr( "What Was Here?" ), this );
  mWhatWasHereAction->setObjectName( QStringLiteral( "mActionPendulumWhatWasHere" ) );
  mWhatWasHereAction->setToolTip(
      tr( "Click the map to see who held the place on the date shown, and the sources" ) );
  mWhatWasHereAction->setCheckable( true );
  mTool->setAction( mWhatWasHereAction ); // QGIS unchecks it when another tool is chosen
  connect( mWhatWasHereAction, &QAction::triggered, this, [this, canvas] { canvas->setMapTool( mTool ); } );

  mLanguageMenu = new QMenu( tr( "Language" ), mIface->mainWindow() );
  mLanguageMenu->menuAction()->setObjectName( QStringLiteral( "mActionPendulumLanguage" ) );
  mLanguageGroup = new QActionGroup( this );
  for ( const QString &code : PendulumLanguage::codes() )
  {
    QAction *action = mLanguageMenu->addAction( PendulumLanguage::displayName( code ) );
    action->setObjectName( QStringLiteral( "mActionPendulumLanguage_%1" ).arg( code ) );
    action->setData( code );
    action->setCheckable( true );
    mLanguageGroup->addAction( action );
    connect( action, &QAction::triggered, this, [this, code] { setLanguage( code ); } );
  }

  mDateLabel = new PendulumCanvasDateLabel( mIface->mainWindow(), canvas, this );

  connect( mEventsDock, &PendulumEventsDock::eventSelected, this, &PendulumDesktop::selectEvent );
  connect( mEventsDock, &PendulumEventsDock::previousChangeRequested, this, [this] { stepToChange( -1 ); } );
  connect( mEventsDock, &PendulumEventsDock::nextChangeRequested, this, [this] { stepToChange( 1 ); } );
  connect( mEventsDock, &PendulumEventsDock::dateRequested, this, &PendulumDesktop::goToDate );
  connect( mTool, &PendulumWhatWasHereTool::placeClicked, this, &PendulumDesktop::showPlace );
  // Runs after the canvas's own handler (connected when QGIS started), so the day range is the one drawn.
  if ( QgsTemporalNavigationObject *controller = navigation() )
    connect( controller, &QgsTemporalController::updateTemporalRange, this, &PendulumDesktop::showExactDay );
  connect( canvas, &QgsMapCanvas::temporalRangeChanged, this,
           [this]
           {
             if ( mEventsDock && !mLayers.isEmpty() )
               mEventsDock->setCurrentDay( currentDay() );
             if ( !mLayers.isEmpty() )
               mDaySettled.start();
           } );

  QgsProject *project = QgsProject::instance();
  connect( project, &QgsProject::layersAdded, this, &PendulumDesktop::scheduleRefresh );
  connect( project, qOverload<const QStringList &>( &QgsProject::layersWillBeRemoved ), this,
           &PendulumDesktop::forgetLayers );
  connect( project, &QgsProject::readProject, this,
           [this, project]
           {
             mDateLabel->forget(); // the new project's own Title Label entries are its own
             // A project saved with another Pendulum: say so, and what to do, rather than show stale popups.
             const QString outdated = PendulumProjectVersion::check( project );
             if ( !outdated.isEmpty() )
               warn( outdated );
             scheduleRefresh();
           } );
  connect( project, &QgsProject::cleared, this,
           [this]
           {
             mDateLabel->forget();
             mLastPlace = LastPlace();
             if ( mSourcesDock )
               mSourcesDock->clear();
             scheduleRefresh();
           } );
  refresh();
}

PendulumDesktop::~PendulumDesktop()
{
  mIface->mapCanvas()->unsetMapTool( mTool );
  delete mTool;
  mDateLabel->restore();
  for ( QgsDockWidget *dock : { static_cast<QgsDockWidget *>( mEventsDock.data() ),
                                static_cast<QgsDockWidget *>( mSourcesDock.data() ) } )
  {
    if ( dock )
    {
      mIface->removeDockWidget( dock );
      delete dock;
    }
  }
  delete mLanguageMenu;
}

QList<QAction *> PendulumDesktop::actions() const
{
  return { mWhatWasHereAction, mEventsDock->toggleViewAction(), mSourcesDock->toggleViewAction() };
}

void PendulumDesktop::scheduleRefresh()
{
  // The loader adds layers one call at a time: read them once all are in.
  if ( mRefreshScheduled )
    return;
  mRefreshScheduled = true;
  QTimer::singleShot( 0, this,
                      [this]
                      {
                        mRefreshScheduled = false;
                        refresh();
                      } );
}

void PendulumDesktop::forgetLayers( const QStringList &layerIds )
{
  // Drop them now: nothing may reach a removed layer before the refresh runs.
  mLayers.erase( std::remove_if( mLayers.begin(), mLayers.end(),
                                 [&layerIds]( const QgsVectorLayer *layer )
                                 { return layerIds.contains( layer->id() ); } ),
                 mLayers.end() );
  QList<QgsVectorLayer *> topFirst = mLayers;
  std::reverse( topFirst.begin(), topFirst.end() );
  mTool->setLayers( topFirst );
  scheduleRefresh();
}

void PendulumDesktop::refresh()
{
  QgsProject *project = QgsProject::instance();
  const QList<QgsVectorLayer *> layers = PendulumProjectRecord::layers( project );
  const QString path = PendulumProjectRecord::dataPath( layers );
  if ( layers.isEmpty() )
  {
    mDataset.reset();
  }
  else if ( !mDataset || mDataset->path() != QFileInfo( path ).absoluteFilePath() )
  {
    QString error;
    mDataset = PendulumDataset::open( path, &error );
    if ( !mDataset || !mBibliography.fromJson( mDataset->sources(), &error ) )
    {
      mDataset.reset();
      warn( tr( "The project's historical layers read a GeoPackage Pendulum cannot use: %1. Its docks and "
                "tools stay off until the layers read a record built by this Pendulum." )
                .arg( error ) );
    }
    if ( mDataset )
      disarmChangedPopups( layers, path );
  }
  mLayers =
      mDataset ? PendulumProjectRecord::layers( project, mDataset->catalog() ) : QList<QgsVectorLayer *>();
  QList<QgsVectorLayer *> topFirst = mLayers;
  std::reverse( topFirst.begin(), topFirst.end() );
  mTool->setLayers( topFirst );
  mLegend->setLayers( mLayers );
  if ( !mLayers.isEmpty() )
    mDaySettled.start();
  mChanges = PendulumChangeIndex( mLayers );
  mEvents = PendulumEventList::fromLayers( mLayers );
  mLanguage = PendulumLayerLanguage::fromProject( project );
  mEventsDock->setEvents( mEvents, mLanguage );
  updateLanguageActions();
  // A project just opened or the record just added: narrow the frame shown now, not only the next.
  QgsMapCanvas *canvas = mIface->mapCanvas();
  if ( QgsTemporalNavigationObject *controller = navigation();
       controller && canvas->mapSettings().isTemporal() )
    showExactDay( controller->dateTimeRangeForFrameNumber( controller->currentFrameNumber() ) );
}

bool PendulumDesktop::disarmChangedPopups( const QList<QgsVectorLayer *> &layers, const QString &path )
{
  // A saved project shows the GeoPackage's popups as markup: not if they were changed after the build.
  bool disarmed = false;
  for ( QgsVectorLayer *layer : layers )
  {
    QString error;
    if ( PendulumMarkupCheck::check( layer, &error ) )
      continue;
    layer->setMapTipTemplate( QString() );
    layer->setEditFormConfig( QgsEditFormConfig() );
    warn( tr( "%1: %2. Its map tips and forms are off; rebuild it with `pendulum build`." )
              .arg( path, error ) );
    disarmed = true;
  }
  return disarmed;
}

void PendulumDesktop::recordLoaded()
{
  refresh();
  mDateLabel->show( mLanguage );
  mEventsDock->show();
  mEventsDock->raise();
}

QgsTemporalNavigationObject *PendulumDesktop::navigation() const
{
  // The canvas exposes its controller const; the object is the desktop's own navigation object.
  return qobject_cast<QgsTemporalNavigationObject *>(
      const_cast<QgsTemporalController *>( mIface->mapCanvas()->temporalController() ) );
}

void PendulumDesktop::showExactDay( const QgsDateTimeRange &frame )
{
  // The controller's frames are a month long and QGIS draws all that is true at any moment of a
  // frame: the canvas would show on "1 July 1905" what began on 7 July. With the record loaded the
  // canvas shows the frame's first day only, as `pendulum map --date` does; Identify and map tips
  // read the canvas's range, so they offer what the map shows.
  if ( mLayers.isEmpty() || !frame.begin().isValid() )
    return;
  // A day asked for (an event, a change, a typed date) stays shown while its month is the frame.
  if ( !mPinnedDay.isValid() || !frame.contains( QDateTime( mPinnedDay, QTime( 0, 0 ) ) ) )
    mPinnedDay = QDate();
  const QDate day = mPinnedDay.isValid() ? mPinnedDay : frame.begin().date();
  mIface->mapCanvas()->setTemporalRange( PendulumTemporal::dayRange( day ) );
}

void PendulumDesktop::followSettledDay()
{
  QgsMapCanvas *canvas = mIface->mapCanvas();
  mLegend->setDay( canvas->mapSettings().isTemporal() ? canvas->temporalRange().begin().date() : QDate() );
  // The sources dock tells who held the place on the canvas's day (while it is in view; a closed
  // or hidden dock is left closed).
  if ( mSourcesDock && mSourcesDock->isVisible() )
    showLastPlaceAgain();
}

void PendulumDesktop::showDay( const QDate &day )
{
  QgsTemporalNavigationObject *controller = navigation();
  if ( !controller )
    return;
  // The controller moves to the day's month, its extents untouched; the canvas shows the day itself.
  mPinnedDay = day;
  PendulumTimeline::showDay( controller, day );
  showExactDay( controller->dateTimeRangeForFrameNumber( controller->currentFrameNumber() ) );
}

QDate PendulumDesktop::currentDay() const
{
  const QgsMapCanvas *canvas = mIface->mapCanvas();
  const QDate shown = canvas->temporalRange().begin().date();
  return canvas->mapSettings().isTemporal() && shown.isValid() ? shown : PendulumTimeline::defaultDate();
}

void PendulumDesktop::warn( const QString &message )
{
  mIface->messageBar()->pushWarning( sTitle, message );
}

void PendulumDesktop::selectEvent( const QString &eventId )
{
  const PendulumEvent *event = mEvents.find( eventId );
  QgsTemporalNavigationObject *controller = navigation();
  if ( !event || !controller )
    return;
  showDay( event->date );

  QgsMapCanvas *canvas = mIface->mapCanvas();
  const QgsCoordinateTransform toCanvas( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ),
                                         canvas->mapSettings().destinationCrs(),
                                         QgsProject::instance()->transformContext() );
  try
  {
    canvas->setCenter( toCanvas.transform( event->lonLat ) );
  }
  catch ( const QgsCsException & )
  {
    // Keep the view: the event lies outside the canvas projection's domain.
  }
  canvas->refresh();

  QgsVectorLayer *eventsLayer = nullptr;
  for ( QgsVectorLayer *layer : std::as_const( mLayers ) )
  {
    if ( layer->customProperty( PendulumDataset::layerIdProperty() ).toString() == QLatin1String( "events" ) )
      eventsLayer = layer;
  }
  if ( !eventsLayer )
    return;
  canvas->flashFeatureIds( eventsLayer, QgsFeatureIds() << event->fid );
  showPlace( event->lonLat, eventsLayer, eventsLayer->getFeature( event->fid ) );
}

void PendulumDesktop::stepToChange( int direction )
{
  QgsTemporalNavigationObject *controller = navigation();
  if ( !controller )
    return;
  const QDate day = currentDay();
  const QDate target = direction > 0 ? mChanges.next( day ) : mChanges.previous( day );
  if ( !target.isValid() )
  {
    mIface->messageBar()->pushInfo( sTitle, mChanges.isEmpty() ? tr( "Add the historical layers first." )
                                            : direction > 0    ? tr( "No later change in the record." )
                                                               : tr( "No earlier change in the record." ) );
    return;
  }
  showDay( target );
}

void PendulumDesktop::goToDate( const QString &text )
{
  QString error;
  const QDate date = PendulumDate::parse( text.trimmed(), &error );
  if ( !date.isValid() )
  {
    warn( tr( "Go to date: %1" ).arg( error ) );
    return;
  }
  if ( date < PendulumTimeline::recordStart() || date > QDate::currentDate() )
  {
    warn( tr( "Go to date: %1 is outside the record (%2 to today)." )
              .arg( date.toString( Qt::ISODate ), PendulumTimeline::recordStart().toString( Qt::ISODate ) ) );
    return;
  }
  showDay( date );
}

void PendulumDesktop::showPlace( const QgsPointXY &lonLat, QgsVectorLayer *layer, const QgsFeature &feature )
{
  if ( !mDataset || !mSourcesDock )
    return;
  const QDate day = currentDay();
  PendulumPlaceRecord clicked;
  if ( layer && feature.isValid() )
  {
    clicked.layerId = layer->customProperty( PendulumDataset::layerIdProperty() ).toString();
    clicked.feature = feature;
  }
  const QList<PendulumPlaceRecord> situation = PendulumPlaceQuery( mLayers ).at( lonLat, day );
  PendulumSourceList sources( mBibliography );
  sources.add( clicked.feature );
  for ( const PendulumPlaceRecord &record : situation )
    sources.add( record.feature );
  mSourcesDock->setContent( PendulumSituation( mBibliography ).html( clicked, situation, day, mLanguage ),
                            sources );
  mSourcesDock->show();
  mSourcesDock->raise();
  mLastPlace = { true, lonLat.x(), lonLat.y(), clicked.layerId, clicked.featureId() };
}

void PendulumDesktop::showLastPlaceAgain()
{
  if ( !mLastPlace.valid )
    return;
  QgsVectorLayer *layer = nullptr;
  QgsFeature feature;
  for ( QgsVectorLayer *candidate : std::as_const( mLayers ) )
  {
    if ( candidate->customProperty( PendulumDataset::layerIdProperty() ).toString() != mLastPlace.layerId )
      continue;
    QgsFeatureRequest request(
        QgsExpression::createFieldEqualityExpression( QStringLiteral( "id" ), mLastPlace.featureId ) );
    if ( candidate->getFeatures( request ).nextFeature( feature ) )
      layer = candidate;
  }
  showPlace( QgsPointXY( mLastPlace.lon, mLastPlace.lat ), layer, feature );
}

void PendulumDesktop::setLanguage( const QString &language )
{
  QgsProject *project = QgsProject::instance();
  if ( mDataset )
  {
    PendulumLayerLanguage::applyToProject( project, mDataset->catalog(), language );
    disarmChangedPopups( mLayers, mDataset->path() ); // the language's popups are columns of the same file
  }
  else
    PendulumLayerLanguage::toProject( project, language );
  mLanguage = PendulumLanguage::normalised( language );
  mEventsDock->setEvents( mEvents, mLanguage );
  if ( mDateLabel->isShown() || !mLayers.isEmpty() )
    mDateLabel->show( mLanguage );
  updateLanguageActions();
  showLastPlaceAgain(); // in the new language
  // The canvas keeps each layer's last image, labels included: new labels need a repaint.
  for ( QgsVectorLayer *layer : std::as_const( mLayers ) )
    layer->triggerRepaint();
  mIface->mapCanvas()->refresh();
}

void PendulumDesktop::updateLanguageActions()
{
  for ( QAction *action : mLanguageGroup->actions() )
    action->setChecked( action->data().toString() == mLanguage );
}
