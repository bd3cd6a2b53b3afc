#ifndef PENDULUMMARKUPCHECK_H
#define PENDULUMMARKUPCHECK_H

#include <QString>

class QgsVectorLayer;

/**
 * Whether the popup HTML stored in a GeoPackage is what PendulumPopup
 * writes and nothing more: its elements with their style and class
 * attributes, and links only to http(s) addresses. QGIS shows the popup
 * columns as markup in map tips and forms (QtWebKit, script enabled), so a
 * GeoPackage whose popups were changed after the build (by hand, by another
 * tool, by a colleague) is checked before its popups are shown.
 */
class PendulumMarkupCheck
{
public:
  //! The first tag of \a html that PendulumPopup does not write, or empty if there is none.
  static QString foreignTag( const QString &html );

  /**
   * Checks every popup column value of \a layer. Returns false with \a error
   * naming the feature, the column and the tag.
   */
  static bool check( QgsVectorLayer *layer, QString *error );
};

#endif // PENDULUMMARKUPCHECK_H
