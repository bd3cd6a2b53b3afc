#ifndef PENDULUMDESKTOP_H
#define PENDULUMDESKTOP_H

#include "pendulumbibliography.h"
#include "pendulumchangeindex.h"
#include "pendulumdataset.h"
#include "pendulumeventlist.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

#include "qgsrange.h"

class PendulumCanvasDateLabel;
class PendulumEventsDock;
class PendulumLayerTreeLegend;
class PendulumSourcesDock;
class PendulumWhatWasHereTool;
class QAction;
class QActionGroup;
class QMenu;
class QgisInterface;
class QgsFeature;
class QgsPointXY;
class QgsTemporalNavigationObject;
class QgsVectorLayer;

/**
 * Pendulum's part of the QGIS desktop beyond loading the layers: the events
 * and sources docks, the "What Was Here?" map tool, the date label and the
 * language setting, wired to the project's Pendulum layers and to QGIS's
 * temporal controller. Follows the project: a project saved with the layers
 * and opened again works as a freshly loaded one. Everything it adds to QGIS
 * goes away when it is deleted (the plugin's unload()).
 */
class PendulumDesktop : public QObject
{
  Q_OBJECT

public:
  explicit PendulumDesktop( QgisInterface *iface, QObject *parent = nullptr );
  ~PendulumDesktop() override;

  //! The actions for the plugin's menu: the map tool, the two docks' toggles.
  QList<QAction *> actions() const;

  //! The Language submenu (English / 日本語 / Русский).
  QMenu *languageMenu() const { return mLanguageMenu; }

  //! The action that activates the map tool (also for the toolbar).
  QAction *whatWasHereAction() const { return mWhatWasHereAction; }

  //! Re-reads the project's Pendulum layers; call after loading them.
  void refresh();

  //! After "Add Historical Layers": re-reads the layers, shows the date label and the events dock.
  void recordLoaded();

private slots:
  //! Narrows the canvas to the first day of the controller's \a frame.
  void showExactDay( const QgsDateTimeRange &frame );
  void selectEvent( const QString &eventId );
  void stepToChange( int direction );
  void goToDate( const QString &text );
  void showPlace( const QgsPointXY &lonLat, QgsVectorLayer *layer, const QgsFeature &feature );
  void setLanguage( const QString &language );

private:
  QgsTemporalNavigationObject *navigation() const;
  QDate currentDay() const;
  //! Once the canvas's day has stood still: the legend and the sources dock follow it.
  void followSettledDay();
  //! Shows \a day on the canvas, the Temporal Controller on its month.
  void showDay( const QDate &day );
  void warn( const QString &message );
  void updateLanguageActions();
  //! Shows the sources dock's last place again: on another day or in another language.
  void showLastPlaceAgain();
  void scheduleRefresh();
  void forgetLayers( const QStringList &layerIds );
  //! Turns off map tips and forms of \a layers whose popups were changed after the build; true if one was.
  bool disarmChangedPopups( const QList<QgsVectorLayer *> &layers, const QString &path );

  QgisInterface *mIface = nullptr;
  std::unique_ptr<PendulumDataset> mDataset;
  PendulumBibliography mBibliography;
  QList<QgsVectorLayer *> mLayers; //!< the project's Pendulum layers, bottom first; owned by the project
  PendulumChangeIndex mChanges;
  PendulumEventList mEvents;
  QString mLanguage = QStringLiteral( "en" );
  bool mRefreshScheduled = false;
  QDate mPinnedDay; //!< a day asked for within the controller's frame, shown instead of the frame's first

  //! The place last shown in the sources dock, to show it again on another day or in another language.
  struct LastPlace
  {
    bool valid = false;
    double lon = 0;
    double lat = 0;
    QString layerId;
    QString featureId;
  } mLastPlace;

  QPointer<PendulumEventsDock> mEventsDock;
  QPointer<PendulumSourcesDock> mSourcesDock;
  PendulumWhatWasHereTool *mTool = nullptr;
  PendulumCanvasDateLabel *mDateLabel = nullptr;
  std::unique_ptr<PendulumLayerTreeLegend> mLegend; //!< the Layers panel's legend, kept to the day
  QTimer mDaySettled;
  QAction *mWhatWasHereAction = nullptr;
  QMenu *mLanguageMenu = nullptr;
  QActionGroup *mLanguageGroup = nullptr;
};

#endif // PENDULUMDESKTOP_H
