#ifndef PENDULUMANIMATIONDIALOG_H
#define PENDULUMANIMATIONDIALOG_H

#include "pendulumanimationtask.h"

#include <QDialog>

#include "ui_pendulumanimationdialog.h"

/**
 * "Export Animation…": dates, step, size, frame rate, language, label and
 * the output (PNG frames, GIF, MP4, WebM). Only collects the choices; the
 * export is PendulumAnimationTask's. Its widgets are laid out in
 * ui/pendulumanimationdialog.ui.
 */
class PendulumAnimationDialog : public QDialog, private Ui::PendulumAnimationDialog
{
  Q_OBJECT

public:
  //! \a from and \a language are the defaults (the timeline's day, the project's language).
  PendulumAnimationDialog( const QDate &from, const QString &language, QWidget *parent = nullptr );

  //! The task settings for the record at \a dataPath.
  PendulumAnimationTask::Settings settings( const QString &dataPath ) const;

private:
  void updateState();
};

#endif // PENDULUMANIMATIONDIALOG_H
