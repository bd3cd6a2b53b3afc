# Runs inside the QGIS desktop (qgis --code driver_print.py): Plugins > Pendulum >
# Export Print Map..., fills the dialog as a user would, and records what the
# task manager and the message bar show. Writes $PENDULUM_E2E_OUT/result.json.
import json
import os

from qgis.core import QgsApplication
from qgis.core import QgsProject
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QDate, QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QDateEdit, QDialog, QDialogButtonBox
from qgis.utils import iface

OUT = os.environ["PENDULUM_E2E_OUT"]
PDF = os.path.join(OUT, "print-map.pdf")
result = {"tasks_seen": []}


def action(name):
    found = [a for a in iface.mainWindow().findChildren(QAction) if a.objectName() == name]
    return found[0] if found else None


def start():
    add = action("mActionPendulumAddLayers")
    if add:
        add.trigger()
    export = action("mActionPendulumExportPrintMap")
    result["action_found"] = export is not None
    result["in_plugin_menu"] = bool(export) and any(
        export in a.menu().actions() for a in iface.pluginMenu().actions() if a.menu())
    if not export:
        return finish()
    QgsApplication.taskManager().taskAdded.connect(
        lambda task_id: result["tasks_seen"].append(QgsApplication.taskManager().task(task_id).description()))
    QTimer.singleShot(1000, fill_dialog)
    export.trigger()  # modal: fill_dialog runs inside its event loop


def fill_dialog():
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    result["dialog_title"] = dialogs[0].windowTitle() if dialogs else None
    if not dialogs:
        return
    dialog = dialogs[0]
    dialog.findChild(QDateEdit).setDate(QDate(1910, 1, 1))
    dialog.findChild(QgsFileWidget).setFilePath(PDF)
    dialog.grab().save(os.path.join(OUT, "dialog.png"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
    QTimer.singleShot(500, wait_for_task)


def wait_for_task(tries=[0]):
    tries[0] += 1
    if QgsApplication.taskManager().countActiveTasks() > 0 and tries[0] < 120:
        QTimer.singleShot(500, wait_for_task)
        return
    QTimer.singleShot(1500, finish)  # the task's completion reaches the message bar through the event loop


def finish():
    result["messages"] = [item.text() for item in iface.messageBar().items()]
    result["pdf_exists"] = os.path.isfile(PDF)
    result["pdf_size"] = os.path.getsize(PDF) if result["pdf_exists"] else 0
    iface.mainWindow().grab().save(os.path.join(OUT, "screenshot.png"))
    with open(os.path.join(OUT, "result.json"), "w") as f:
        json.dump(result, f, indent=1)
    QgsProject.instance().clear()
    QgsProject.instance().setDirty(False)
    iface.actionExit().trigger()


QTimer.singleShot(1500, start)
