#ifndef PENDULUMDATELABEL_H
#define PENDULUMDATELABEL_H

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
 * re-read them; restore() puts back what the project had before.
 */
class PendulumDateLabel : public QObject
{
  Q_OBJECT

public:
  //! \a mainWindow holds QGIS's decorations; \a canvas is refreshed after a change.
  PendulumDateLabel( QObject *mainWindow, QgsMapCanvas *canvas, QObject *parent = nullptr );

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

#endif // PENDULUMDATELABEL_H
