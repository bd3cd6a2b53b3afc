# Runs inside the QGIS desktop (qgis --code driver_exactday.py): adds the record, then goes to
# six days that fall inside a month as a user would (the go-to-date field), and records for
# each what the canvas draws: the canvas's temporal range and, layer by layer, the features
# QGIS's own temporal filter keeps for that range (what the renderer and Identify ask for),
# beside the features the record holds true on that day (valid_from <= day < valid_to), which
# is what `pendulum map --date` draws. Writes $PENDULUM_E2E_OUT/exactday.json.
import os
import sys

sys.path.insert(0, os.environ["PENDULUM_E2E_DIR"])
from e2edriver import OUT, action, canvas_redrawn, run, settle  # noqa: E402

from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayerTemporalContext  # noqa: E402
from qgis.PyQt.QtWidgets import QLineEdit  # noqa: E402
from qgis.utils import iface  # noqa: E402

DAYS = ["1905-07-01", "1905-11-25", "1905-12-01", "1932-03-01", "1945-08-23", "1956-12-12"]
result = {"steps": [], "days": {}}


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


def add_layers():
    with canvas_redrawn("Add Historical Layers"):
        action("mActionPendulumAddLayers").trigger()


def visit_days():
    for day in DAYS:
        field = iface.mainWindow().findChild(QLineEdit, "mPendulumGoToDate")
        with canvas_redrawn(f"going to {day}"):
            field.setText(day)
            field.returnPressed.emit()
            settle()
            look(day)  # while the canvas draws the day
        iface.mainWindow().grab().save(os.path.join(OUT, f"exactday-{day}.png"))


def look(day):
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


run(result, "exactday.json", [add_layers, visit_days])
