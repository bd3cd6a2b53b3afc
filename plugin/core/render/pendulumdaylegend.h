#ifndef PENDULUMDAYLEGEND_H
#define PENDULUMDAYLEGEND_H

#include <QDate>
#include <QSet>
#include <QString>

#include "qgsmaplayerlegend.h"

class QgsVectorLayer;

/**
 * A vector layer's legend that lists only what the layer draws on one day:
 * the powers holding land then, not the twelve of the whole record. It is
 * QGIS's default vector legend with the entries of that day's features kept
 * (their legend keys, as the renderer gives them), so it stays in step with
 * any renderer a user sets. Without a day it lists everything, as the
 * default does; a saved project stores only the default legend's settings.
 */
class PendulumDayLegend : public QgsDefaultVectorLayerLegend
{
  Q_OBJECT

public:
  explicit PendulumDayLegend( QgsVectorLayer *layer );

  //! Keeps the entries of \a day's features (an invalid date: all) and asks views to redraw the legend.
  void setDay( const QDate &day );

  //! The day shown, or an invalid date.
  QDate day() const { return mDay; }

  QList<QgsLayerTreeModelLegendNode *>
  createLayerTreeModelLegendNodes( QgsLayerTreeLayer *nodeLayer ) override;

  //! Gives \a layer a PendulumDayLegend carrying its current legend's settings, unless it has one.
  static PendulumDayLegend *install( QgsVectorLayer *layer );

  //! Gives \a layer back QGIS's default legend, with the same settings.
  static void uninstall( QgsVectorLayer *layer );

private:
  QgsVectorLayer *mLayer = nullptr;
  QDate mDay;
  QSet<QString> mKeys; //!< legend keys of the day's features
};

#endif // PENDULUMDAYLEGEND_H
