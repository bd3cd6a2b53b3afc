#ifndef PENDULUMMAPCONTENT_H
#define PENDULUMMAPCONTENT_H

#include <QDate>
#include <QList>

#include "qgscoordinatereferencesystem.h"
#include "qgsfeature.h"
#include "qgsrectangle.h"

class QgsVectorLayer;

/**
 * What a map of the record shows on a day: the features of its layers that
 * QGIS's temporal filter keeps for that day and whose geometry meets the
 * map's extent. A print map lists the sources of exactly these.
 */
class PendulumMapContent
{
public:
  /**
   * The features of \a layers (in the order given) shown on \a date within
   * \a extent (in \a crs). Layers that are not time-enabled are taken whole.
   */
  static QList<QgsFeature> features( const QList<QgsVectorLayer *> &layers, const QDate &date,
                                     const QgsRectangle &extent, const QgsCoordinateReferenceSystem &crs );
};

#endif // PENDULUMMAPCONTENT_H
