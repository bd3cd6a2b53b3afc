#ifndef PENDULUMANIMATIONDIALOG_H
#define PENDULUMANIMATIONDIALOG_H

#include "pendulumanimationtask.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QSpinBox;
class QgsFileWidget;

/**
 * "Export Animation…": dates, step, size, frame rate, language, label and
 * the output (PNG frames, GIF, MP4, WebM). Only collects the choices; the
 * export is PendulumAnimationTask's.
 */
class PendulumAnimationDialog : public QDialog
{
  Q_OBJECT

public:
  //! \a from and \a language are the defaults (the timeline's day, the project's language).
  PendulumAnimationDialog( const QDate &from, const QString &language, QWidget *parent = nullptr );

  //! The task settings for the record at \a dataPath.
  PendulumAnimationTask::Settings settings( const QString &dataPath ) const;

private:
  void updateState();

  QDateEdit *mFrom = nullptr;
  QDateEdit *mTo = nullptr;
  QComboBox *mStep = nullptr;
  QSpinBox *mWidth = nullptr;
  QSpinBox *mHeight = nullptr;
  QSpinBox *mFps = nullptr;
  QComboBox *mLanguage = nullptr;
  QCheckBox *mLabel = nullptr;
  QComboBox *mFormat = nullptr;
  QgsFileWidget *mFile = nullptr;
  QDialogButtonBox *mButtons = nullptr;
};

#endif // PENDULUMANIMATIONDIALOG_H
