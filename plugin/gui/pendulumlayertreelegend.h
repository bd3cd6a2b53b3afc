#ifndef PENDULUMLAYERTREELEGEND_H
#define PENDULUMLAYERTREELEGEND_H

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QgsMapCanvas;
class QgsVectorLayer;

/**
 * Keeps the legends of Pendulum's layers to the day the canvas shows: in the
 * Layers panel each layer lists the powers (and kinds of event) it draws that
 * day, as the print layouts and animation legends do, not all of them
 * whatever the date. The whole record of the day counts, not only what is in
 * view, so panning never makes the legend stale.
 *
 * Each layer gets a PendulumDayLegend (QGIS's own legend, with the entries of
 * the day's features kept): public API on every supported version, nothing
 * written into the project. QGIS's "Filter legend by map content" and
 * expression filters work on top of it as usual.
 */
class PendulumLayerTreeLegend : public QObject
{
  Q_OBJECT

public:
  explicit PendulumLayerTreeLegend( QgsMapCanvas *canvas, QObject *parent = nullptr );
  ~PendulumLayerTreeLegend() override;

  /**
   * Keeps the legend of \a layers to the canvas's day, a moment later: while
   * the Temporal Controller plays, the legend follows once it pauses.
   */
  void follow( const QList<QgsVectorLayer *> &layers );

  //! Sets the legends to the canvas's day now.
  void apply();

  //! Gives the layers back QGIS's default legend, listing everything.
  void clear();

private:
  QPointer<QgsMapCanvas> mCanvas;
  QList<QPointer<QgsVectorLayer>> mLayers;
  QTimer mDelay;
};

#endif // PENDULUMLAYERTREELEGEND_H
