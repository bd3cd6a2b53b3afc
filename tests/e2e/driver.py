# Runs inside the QGIS desktop (qgis --code driver.py): drives Pendulum as a
# user would and writes what it finds to $PENDULUM_E2E_OUT/result.json.
import json
import os

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication
from qgis.utils import iface

OUT = os.environ["PENDULUM_E2E_OUT"]
result = {}


def pendulum_action():
    actions = [a for a in iface.mainWindow().findChildren(QAction) if a.objectName() == "mActionPendulumAddLayers"]
    return actions[0] if actions else None


def menu_titles():
    titles = []
    for action in iface.pluginMenu().actions():
        if action.menu():
            titles.append(action.menu().title().replace("&", ""))
    return titles


def trigger():
    action = pendulum_action()
    result["action_found"] = action is not None
    result["plugin_menus"] = menu_titles()
    result["in_toolbar"] = bool(action) and any(
        action in toolbar.actions() for toolbar in [iface.pluginToolBar()])
    if action:
        action.trigger()
        action.trigger()  # a second time: must not duplicate the layers
    QTimer.singleShot(4000, inspect)


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
    QApplication.processEvents()
    iface.mainWindow().grab().save(os.path.join(OUT, "screenshot.png"))
    with open(os.path.join(OUT, "result.json"), "w") as f:
        json.dump(result, f, indent=1)
    QTimer.singleShot(500, quit_qgis)


def quit_qgis():
    # File > Exit as a user would (it unloads the plugins); an emptied, clean
    # project leaves nothing for the "save changes?" prompt.
    QgsProject.instance().clear()
    QgsProject.instance().setDirty(False)
    iface.actionExit().trigger()


QTimer.singleShot(1500, trigger)
