# Runs inside the QGIS desktop (qgis --code driver_print.py): Plugins > Pendulum >
# Export Print Map..., fills the dialog as a user would, and records what the
# task manager and the message bar show. Writes $PENDULUM_E2E_OUT/result.json.
import os
import sys

sys.path.insert(0, os.environ["PENDULUM_E2E_DIR"])
from e2edriver import OUT, Modals, Signal, action, canvas_redrawn, run  # noqa: E402

from qgis.core import QgsApplication  # noqa: E402
from qgis.gui import QgsFileWidget  # noqa: E402
from qgis.PyQt.QtCore import QDate  # noqa: E402
from qgis.PyQt.QtWidgets import QDateEdit, QDialog, QDialogButtonBox  # noqa: E402
from qgis.utils import iface  # noqa: E402

PDF = os.path.join(OUT, "print-map.pdf")
result = {"tasks_seen": []}


def fill_dialog(dialog):
    result["dialog_title"] = dialog.windowTitle()
    dialog.findChild(QDateEdit).setDate(QDate(1910, 1, 1))
    dialog.findChild(QgsFileWidget).setFilePath(PDF)
    dialog.grab().save(os.path.join(OUT, "dialog.png"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()


def export():
    add = action("mActionPendulumAddLayers", required=False)
    if add:
        with canvas_redrawn("Add Historical Layers"):
            add.trigger()
    export = action("mActionPendulumExportPrintMap", required=False)
    result["action_found"] = export is not None
    result["in_plugin_menu"] = bool(export) and any(
        export in a.menu().actions() for a in iface.pluginMenu().actions() if a.menu())
    if not export:
        return
    QgsApplication.taskManager().taskAdded.connect(
        lambda task_id: result["tasks_seen"].append(QgsApplication.taskManager().task(task_id).description()))
    # The task reports to the message bar when it has finished, through the event loop.
    reported = Signal(iface.messageBar().widgetAdded, "the print task's message in the message bar")
    dialog = Modals(result, (QDialog, fill_dialog))
    export.trigger()  # modal: fill_dialog runs inside its event loop
    dialog.stop()
    if dialog.unanswered():
        result["dialog_title"] = None
        return
    reported.wait()


def look():
    result["messages"] = [item.text() for item in iface.messageBar().items()]
    result["pdf_exists"] = os.path.isfile(PDF)
    result["pdf_size"] = os.path.getsize(PDF) if result["pdf_exists"] else 0
    iface.mainWindow().grab().save(os.path.join(OUT, "screenshot.png"))


run(result, "result.json", [export, look])
