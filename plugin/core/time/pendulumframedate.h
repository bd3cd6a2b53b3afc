#ifndef PENDULUMFRAMEDATE_H
#define PENDULUMFRAMEDATE_H

#include <QString>

/**
 * The date of the temporal controller's current frame as a QGIS expression
 * in one of Pendulum's languages, for QGIS's own Title Label decoration (so
 * the date shows on the canvas and in "Save as Image / PDF" exports) and for
 * label items of print layouts. Only built-in functions (format_date with a
 * language, QGIS ≥ 3.20), so a project saved with it still shows the date
 * where Pendulum is not installed.
 */
class PendulumFrameDate
{
public:
  //! The expression for \a language ("en", "ja", "ru"; anything else is English), e.g. for "ja":
  //! 1905年9月5日.
  static QString expression( const QString &language );

  //! expression() wrapped for text with embedded expressions ("[% … %]").
  static QString labelText( const QString &language );
};

#endif // PENDULUMFRAMEDATE_H
