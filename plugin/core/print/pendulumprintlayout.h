#ifndef PENDULUMPRINTLAYOUT_H
#define PENDULUMPRINTLAYOUT_H

#include <QDate>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <memory>

#include "qgsrectangle.h"

class PendulumBibliography;
class QgsLayoutItemLegend;
class QgsLayoutItemMap;
class QgsMapLayer;
class QgsPrintLayout;
class QgsProject;

//! What to print: the map on one day, on one sheet.
struct PendulumPrintRequest
{
  QDate date;
  QString paper = QStringLiteral( "a4" );              //!< "a4", "a3" or "letter"
  QString orientation = QStringLiteral( "landscape" ); //!< "landscape" or "portrait"
  QgsRectangle lonLatExtent;                           //!< degrees; empty: PendulumRegion::lonLatExtent()
  QString language = QStringLiteral( "en" );
  QString title;        //!< empty: PendulumLayoutText::mapTitle()
  QString templatePath; //!< a restyled .qpt; empty: Pendulum's template for paper and orientation
};

/**
 * A print layout of the record on one day, made from a layout template
 * (styles/pendulum_<paper>_<orientation>.qpt, which users restyle in
 * QGIS's layout designer) by filling the items it finds by id: the map
 * (region CRS, extent, the day as its temporal range), title, date line,
 * a legend filtered by the map's content, scale bar, north arrow, graticule,
 * the numbered source list of every feature shown and the data credits.
 * Items a restyled template leaves out are skipped; only the map is required.
 */
class PendulumPrintLayout
{
public:
  static const QStringList &papers();
  static const QStringList &orientations();

  //! The built-in template for \a paper and \a orientation (a Qt resource copied from styles/).
  static QString builtInTemplate( const QString &paper, const QString &orientation );

  /**
   * The size in millimetres of the first page of the template \a path (a
   * built-in one or a file), read from its XML without building the layout;
   * invalid if it cannot be read or its unit is not a length (pixels).
   */
  static QSizeF templatePageSize( const QString &path );

  /**
   * Builds the layout in \a project, which must hold the record's layers
   * (PendulumProjectLoader). Returns nullptr with \a error set if the
   * template cannot be read or has no map item.
   */
  static std::unique_ptr<QgsPrintLayout> create( QgsProject *project,
                                                 const PendulumBibliography &bibliography,
                                                 const PendulumPrintRequest &request, QString *error );

  /**
   * Loads the template \a path into a new layout of \a project. Returns
   * nullptr with \a error set if it cannot be read or has no item "map".
   */
  static std::unique_ptr<QgsPrintLayout> fromTemplate( QgsProject *project, const QString &path,
                                                       QString *error );

  //! The record's layers in \a project (PendulumProjectLoader's group), top first as a map item wants them.
  static QList<QgsMapLayer *> recordLayers( QgsProject *project );

  //! Shows \a lonLat (degrees) in \a map, in the region's CRS, widened to the frame's proportions.
  static void setMapExtent( QgsLayoutItemMap *map, const QgsRectangle &lonLat );

  /**
   * Links \a legend to \a map and lists only what \a map shows on \a date: the
   * layers and legend entries a hit test of the map on that day finds, in the
   * legend's own copy of the project's layer tree.
   */
  static void filterLegend( QgsLayoutItemLegend *legend, QgsLayoutItemMap *map, const QDate &date,
                            const QString &language );
};

#endif // PENDULUMPRINTLAYOUT_H
