#ifndef PENDULUMCANVASDATELABEL_H
#define PENDULUMCANVASDATELABEL_H

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>

class QgsMapCanvas;

/**
 * The date of the current temporal frame on the canvas, through QGIS's own
 * Title Label decoration (View ▸ Decorations ▸ Title Label): it is drawn on
 * the canvas and in "Save as Image / PDF" exports, stored in the project, and
 * the user can restyle or move it there. Pendulum writes the decoration's
 * project entries (a PendulumFrameDate expression) and asks the decoration to
 * re-read them; restore() puts back what the project had before. The look
 * is PendulumDateLabel's, the one of every Pendulum map.
 *
 * QGIS has no public API for the application's decorations on any supported
 * version (they live in src/app): these project entries are the one way to
 * reach the Title Label, which is worth it for users (it is drawn into QGIS's
 * own Save as Image / PDF and can be restyled there). The keys are those of
 * QGIS 3.22 to 3.44.
 */
class PendulumCanvasDateLabel : public QObject
{
  Q_OBJECT

public:
  //! \a mainWindow holds QGIS's decorations; \a canvas is refreshed after a change.
  PendulumCanvasDateLabel( QObject *mainWindow, QgsMapCanvas *canvas, QObject *parent = nullptr );

  //! Shows the frame's date in \a language (keeps the user's placement and font if the label was already
  //! Pendulum's).
  void show( const QString &language );

  //! True once show() has written the project's entries and restore() has not undone them.
  bool isShown() const { return !mSaved.isEmpty(); }

  //! Puts back the Title Label entries the project had before show().
  void restore();

  //! Forgets what show() saved without writing it back (another project was opened).
  void forget() { mSaved.clear(); }

private:
  void reread();

  QPointer<QObject> mMainWindow;
  QPointer<QgsMapCanvas> mCanvas;
  //! Title Label entries before show(): key → value (a null QString: the entry did not exist).
  QMap<QString, QString> mSaved;
};

#endif // PENDULUMCANVASDATELABEL_H
