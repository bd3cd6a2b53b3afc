# Runs inside the QGIS desktop (qgis --code driver.py): drives Pendulum as a
# user would and writes what it finds to $PENDULUM_E2E_OUT/result.json.
import os
import sys

sys.path.insert(0, os.environ["PENDULUM_E2E_DIR"])
from e2edriver import OUT, action, canvas_redrawn, run  # noqa: E402

from qgis.core import QgsProject  # noqa: E402
from qgis.utils import iface  # noqa: E402

result = {}


def menu_titles():
    titles = []
    for entry in iface.pluginMenu().actions():
        if entry.menu():
            titles.append(entry.menu().title().replace("&", ""))
    return titles


def trigger():
    add = action("mActionPendulumAddLayers", required=False)
    result["action_found"] = add is not None
    result["plugin_menus"] = menu_titles()
    result["in_toolbar"] = bool(add) and any(add in toolbar.actions() for toolbar in [iface.pluginToolBar()])
    if add:
        with canvas_redrawn("Add Historical Layers"):
            add.trigger()
            add.trigger()  # a second time: must not duplicate the layers


def inspect():
    project = QgsProject.instance()
    layers = []
    for node in project.layerTreeRoot().findLayers():
        layer = node.layer()
        layers.append({
            "name": layer.name(),
            "record_id": layer.customProperty("pendulum/layer_id"),
            "temporal": layer.temporalProperties().isActive(),
            "features": layer.featureCount(),
            "group": node.parent().name(),
        })
    result["layers"] = layers
    result["crs"] = project.crs().toProj()
    settings = iface.mapCanvas().mapSettings()
    result["canvas_temporal"] = settings.isTemporal()
    result["canvas_range_begin"] = settings.temporalRange().begin().toString("yyyy-MM-dd")
    iface.mainWindow().grab().save(os.path.join(OUT, "screenshot.png"))


run(result, "result.json", [trigger, inspect])
