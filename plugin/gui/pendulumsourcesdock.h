#ifndef PENDULUMSOURCESDOCK_H
#define PENDULUMSOURCESDOCK_H

#include "qgsdockwidget.h"

#include "ui_pendulumsourcesdock.h"

class PendulumSourceList;

/**
 * The sources dock: the popup of the feature last clicked (or the event last
 * chosen) and the situation of that place on the day shown, with buttons that
 * copy the works cited as plain-text references, BibTeX or CSL-JSON. Its
 * widgets are laid out in ui/pendulumsourcesdock.ui.
 */
class PendulumSourcesDock : public QgsDockWidget, private Ui::PendulumSourcesDock
{
  Q_OBJECT

public:
  explicit PendulumSourcesDock( QWidget *parent = nullptr );

  //! Shows \a html (already escaped, from PendulumSituation) and offers \a sources for copying.
  void setContent( const QString &html, const PendulumSourceList &sources );

  //! Shows a hint on how to fill the dock.
  void clear();

  //! The HTML shown, for scripts and tests.
  QString html() const { return mHtml; }

private:
  void copy( const QString &text );

  QString mHtml;
  QString mCitations;
  QString mBibtex;
  QString mCslJson;
};

#endif // PENDULUMSOURCESDOCK_H
