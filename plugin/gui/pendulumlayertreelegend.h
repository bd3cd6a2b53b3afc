#ifndef PENDULUMLAYERTREELEGEND_H
#define PENDULUMLAYERTREELEGEND_H

#include <QDate>
#include <QList>
#include <QPointer>

class QgsVectorLayer;

/**
 * Keeps the legends of Pendulum's layers to one day: in the Layers panel each
 * layer lists the powers (and kinds of event) it draws that day, as the print
 * layouts and animation legends do, not all of them whatever the date. The
 * whole record of the day counts, not only what is in view, so panning never
 * makes the legend stale.
 *
 * Each layer gets a PendulumDayLegend (QGIS's own legend, with the entries of
 * the day's features kept): public API on every supported version, nothing
 * written into the project. QGIS's "Filter legend by map content" and
 * expression filters work on top of it as usual.
 */
class PendulumLayerTreeLegend
{
public:
  PendulumLayerTreeLegend() = default;
  ~PendulumLayerTreeLegend();
  PendulumLayerTreeLegend( const PendulumLayerTreeLegend & ) = delete;
  PendulumLayerTreeLegend &operator=( const PendulumLayerTreeLegend & ) = delete;

  //! The layers whose legends follow the day; layers no longer among them get QGIS's default legend back.
  void setLayers( const QList<QgsVectorLayer *> &layers );

  //! Lists \a day's entries in each layer's legend (an invalid date: everything).
  void setDay( const QDate &day );

  //! Gives the layers back QGIS's default legend, listing everything.
  void clear();

private:
  QList<QPointer<QgsVectorLayer>> mLayers;
};

#endif // PENDULUMLAYERTREELEGEND_H
