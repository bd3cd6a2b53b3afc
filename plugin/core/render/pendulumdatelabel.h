#ifndef PENDULUMDATELABEL_H
#define PENDULUMDATELABEL_H

#include <QString>

#include "qgsmapdecoration.h"
#include "qgstextformat.h"

class QImage;
class QgsProject;

/**
 * The date label of Pendulum's maps: bold Noto Sans 14 pt on a white rounded
 * box, top left, 4 mm from the edges. One look wherever a date is drawn over
 * a map: the desktop's canvas (through QGIS's Title Label decoration, set to
 * textFormat() and marginMillimeters()), `pendulum map --size`, animation
 * frames, and QGIS's own animation export in the benchmark (as a
 * QgsMapDecoration, drawn as QgsDecorationTitle draws it).
 */
class PendulumDateLabel : public QgsMapDecoration
{
public:
  //! \a labelText: the text, with embedded [% expressions %] (PendulumFrameDate::labelText()).
  explicit PendulumDateLabel( const QString &labelText );

  //! The label's text format: font, size, colour and the white box behind the text.
  static QgsTextFormat textFormat();

  //! The distance of the label from the map's top and left edges, in millimetres.
  static constexpr double marginMillimeters() { return 4; }

  //! Draws \a text (no expressions) onto \a image at \a dpi; thread-safe, for frames labelled in worker
  //! threads.
  static void draw( QImage &image, const QString &text, int dpi );

  //! The project scope of QGIS's Title Label decoration (src/app/decorations/qgsdecorationtitle.cpp).
  static QString decorationScope() { return QStringLiteral( "TitleLabel" ); }

  //! The keys the Title Label decoration reads from decorationScope().
  static QStringList decorationKeys();

  /**
   * Sets \a project's Title Label decoration to show \a labelText (with [% expressions %])
   * in the label's look: QGIS draws it over the canvas of any project that carries it,
   * with or without Pendulum.
   */
  static void writeDecoration( QgsProject *project, const QString &labelText );

  void render( const QgsMapSettings &mapSettings, QgsRenderContext &context ) override;

private:
  static void drawLines( QgsRenderContext &context, const QStringList &lines );

  QString mLabelText;
};

#endif // PENDULUMDATELABEL_H
