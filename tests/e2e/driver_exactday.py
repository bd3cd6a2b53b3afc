# Runs inside the QGIS desktop (qgis --code driver_exactday.py): adds the record, then goes to
# six days that fall inside a month as a user would (the go-to-date field), and records for
# each what the canvas draws: the canvas's temporal range and, layer by layer, the features
# QGIS's own temporal filter keeps for that range (what the renderer and Identify ask for),
# beside the features the record holds true on that day (valid_from <= day < valid_to), which
# is what `pendulum map --date` draws. Writes $PENDULUM_E2E_OUT/exactday.json.
import json
import os
import traceback

from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayerTemporalContext
from qgis.PyQt.QtCore import QDate, QTimer
from qgis.PyQt.QtWidgets import QAction, QLineEdit
from qgis.utils import iface

OUT = os.environ["PENDULUM_E2E_OUT"]
DAYS = ["1905-07-01", "1905-11-25", "1905-12-01", "1932-03-01", "1945-08-23", "1956-12-12"]
result = {"steps": [], "days": {}}


def action(name):
    for a in iface.mainWindow().findChildren(QAction):
        if a.objectName() == name:
            return a
    raise RuntimeError(f"action {name} not found")


def record_layers():
    return [layer for layer in QgsProject.instance().mapLayers().values()
            if layer.customProperty("pendulum/layer_id") and layer.temporalProperties().isActive()]


def drawn_ids(layer, range_):
    """The features QGIS's temporal filter keeps for range_, as the canvas renderer asks for them."""
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    request = QgsFeatureRequest().setFilterExpression(layer.temporalProperties().createFilterString(context, range_))
    return sorted(f["id"] for f in layer.getFeatures(request))


def true_ids(layer, day):
    """The features the record holds true on day: valid_from <= day < valid_to."""
    ids = []
    for f in layer.getFeatures():
        start, end = f["valid_from"], f["valid_to"]
        start = start.toString("yyyy-MM-dd") if hasattr(start, "toString") else str(start or "")
        end = end.toString("yyyy-MM-dd") if hasattr(end, "toString") else str(end or "")
        if start <= day and (not end or end == "NULL" or day < end):
            ids.append(f["id"])
    return sorted(ids)


def wait_until(predicate, what, then, timeout_ms=20000, waited=[0]):
    """Spins the event loop until predicate() holds, then calls then(); records a failure on timeout."""
    if predicate():
        waited[0] = 0
        QTimer.singleShot(0, then)
        return
    if waited[0] >= timeout_ms:
        result["steps"].append({"error": "timeout", "trace": f"waited {timeout_ms} ms for {what}"})
        waited[0] = 0
        QTimer.singleShot(0, finish)
        return
    waited[0] += 50
    QTimer.singleShot(50, lambda: wait_until(predicate, what, then, timeout_ms, waited))


def guarded(function):
    def run(*args):
        try:
            function(*args)
        except Exception:
            result["steps"].append({"error": function.__name__, "trace": traceback.format_exc()})
            finish()
    return run


@guarded
def start():
    action("mActionPendulumAddLayers").trigger()
    wait_until(lambda: len(record_layers()) >= 6, "the record's layers", lambda: visit(0))


@guarded
def visit(index):
    if index >= len(DAYS):
        return finish()
    day = DAYS[index]
    field = iface.mainWindow().findChild(QLineEdit, "mPendulumGoToDate")
    field.setText(day)
    field.returnPressed.emit()
    canvas = iface.mapCanvas()
    wait_until(lambda: canvas.temporalRange().begin().date() == QDate.fromString(day, "yyyy-MM-dd")
               and not canvas.isDrawing(), f"the canvas on {day}", lambda: look(index))


@guarded
def look(index):
    day = DAYS[index]
    canvas = iface.mapCanvas()
    controller = canvas.temporalController()
    frame = controller.dateTimeRangeForFrameNumber(controller.currentFrameNumber())
    range_ = canvas.mapSettings().temporalRange()
    seen = {
        "canvas_begin": range_.begin().toString("yyyy-MM-dd hh:mm:ss"),
        "canvas_end": range_.end().toString("yyyy-MM-dd hh:mm:ss"),
        "frame_begin": frame.begin().toString("yyyy-MM-dd"),
        "frame_end": frame.end().toString("yyyy-MM-dd"),
        "layers": {},
    }
    for layer in record_layers():
        seen["layers"][layer.customProperty("pendulum/layer_id")] = {
            "drawn": drawn_ids(layer, range_),
            "true": true_ids(layer, day),
            # What a month-long frame would draw: proves the day is inside a month that changes.
            "frame": drawn_ids(layer, frame),
        }
    result["days"][day] = seen
    iface.mainWindow().grab().save(os.path.join(OUT, f"exactday-{day}.png"))
    QTimer.singleShot(0, lambda: visit(index + 1))


def finish():
    with open(os.path.join(OUT, "exactday.json"), "w") as f:
        json.dump(result, f, indent=1)
    QgsProject.instance().clear()
    QgsProject.instance().setDirty(False)
    iface.actionExit().trigger()


QTimer.singleShot(0, start)
