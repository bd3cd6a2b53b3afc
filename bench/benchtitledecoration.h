#ifndef BENCHTITLEDECORATION_H
#define BENCHTITLEDECORATION_H

#include <QString>

#include "qgsmapdecoration.h"
#include "qgstextformat.h"

/**
 * QGIS's Title Label decoration (src/app/decorations/qgsdecorationtitle.cpp,
 * which lives in the QGIS application, not in a library) as Pendulum's
 * plugin configures it: the frame's date from an expression, top left, 4 mm
 * margins, bold Noto Sans 14 pt on a white rounded box. It draws the date on
 * QGIS's exported frames the way the desktop draws it, so the comparison
 * labels frames on both sides.
 */
class BenchTitleDecoration : public QgsMapDecoration
{
public:
  //! \a labelText: text with embedded expressions, e.g. PendulumFrameDate::labelText().
  explicit BenchTitleDecoration( const QString &labelText );

  void render( const QgsMapSettings &mapSettings, QgsRenderContext &context ) override;

private:
  QString mLabelText;
  QgsTextFormat mFormat;
};

#endif // BENCHTITLEDECORATION_H
