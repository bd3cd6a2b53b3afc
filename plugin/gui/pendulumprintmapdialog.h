#ifndef PENDULUMPRINTMAPDIALOG_H
#define PENDULUMPRINTMAPDIALOG_H

#include "pendulumprintlayout.h"

#include <QDialog>

#include "ui_pendulumprintmapdialog.h"

/**
 * "Export Print Map…": the day, paper, orientation, language, file and
 * resolution of a print map. Only collects the choices; the export is
 * PendulumPrintTask's. Its widgets are laid out in ui/pendulumprintmapdialog.ui.
 */
class PendulumPrintMapDialog : public QDialog, private Ui::PendulumPrintMapDialog
{
  Q_OBJECT

public:
  /**
   * \a date and \a language are the defaults (the timeline's day, the
   * project's language); \a canvasExtent the map canvas in lon/lat, offered
   * as the map's area when not empty.
   */
  PendulumPrintMapDialog( const QDate &date, const QString &language, const QgsRectangle &canvasExtent,
                          QWidget *parent = nullptr );

  PendulumPrintRequest request() const;
  QString outPath() const;
  int dpi() const;

private:
  void updateState();

  QgsRectangle mCanvasExtent;
};

#endif // PENDULUMPRINTMAPDIALOG_H
