#ifndef PENDULUMEVENTSDOCK_H
#define PENDULUMEVENTSDOCK_H

#include "pendulumeventlist.h"

#include "qgsdockwidget.h"

#include "ui_pendulumeventsdock.h"

/**
 * The events dock: the record's events in chronological order (date, title,
 * kind) with a search box, buttons that step the timeline to the previous or
 * next change of the map, and a field to jump to any day. It only shows and
 * asks; PendulumDesktop moves the timeline and the canvas. Its widgets are
 * laid out in ui/pendulumeventsdock.ui.
 */
class PendulumEventsDock : public QgsDockWidget, private Ui::PendulumEventsDock
{
  Q_OBJECT

public:
  explicit PendulumEventsDock( QWidget *parent = nullptr );

  //! Shows \a events (replacing any shown) with names and dates in \a language.
  void setEvents( const PendulumEventList &events, const QString &language );

  //! Shows \a day in the date field (unless the user is typing there).
  void setCurrentDay( const QDate &day );

signals:
  //! The user selected the event with record id \a eventId.
  void eventSelected( const QString &eventId );
  void previousChangeRequested();
  void nextChangeRequested();
  //! The user asked for the day typed in the date field (not yet validated).
  void dateRequested( const QString &text );

private:
  void populate();

  PendulumEventList mEvents;
  QString mLanguage = QStringLiteral( "en" );
};

#endif // PENDULUMEVENTSDOCK_H
