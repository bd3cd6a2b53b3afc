# Runs inside the QGIS desktop (qgis --code driver_hostile.py): points Pendulum at a missing,
# a corrupt and a schema-mismatched GeoPackage, opens a project saved by an older Pendulum and
# one whose GeoPackage was rebuilt by another, and uses "Edit a Copy…" (refusing, then accepting,
# to write over a file). Writes what the message bar said and what happened to the files to
# $PENDULUM_E2E_OUT/hostile.json; QGIS must still be running at the end to write it.
import hashlib
import json
import os
import re
import shutil
import sqlite3
import traceback

from osgeo import gdal
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import QMetaObject, QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QFileDialog, QLineEdit, QMessageBox
from qgis.utils import iface

OUT = os.environ["PENDULUM_E2E_OUT"]
SETTINGS = QgsSettings()
RECORD = SETTINGS.value("pendulum/dataPath")
result = {"steps": [], "record": RECORD}


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def action(name):
    for a in iface.mainWindow().findChildren(QAction):
        if a.objectName() == name:
            return a
    raise RuntimeError(f"action {name} not found")


def bar():
    return [f"{item.title()}: {item.text()}" for item in iface.messageBar().items()]


def fresh_project():
    QgsProject.instance().clear()
    QgsProject.instance().setDirty(False)
    iface.messageBar().clearWidgets()


def set_schema(path, version):
    db = sqlite3.connect(path)
    db.execute("UPDATE pendulum_meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    db.commit()
    db.close()


def add_layers_from(path):
    fresh_project()
    SETTINGS.setValue("pendulum/dataPath", path)
    action("mActionPendulumAddLayers").trigger()
    return bar()


def layer_sources():
    return sorted({layer.source().split("|")[0] for layer in QgsProject.instance().mapLayers().values()
                   if layer.customProperty("pendulum/layer_id")})


def broken_geopackages():
    result["record_sha_before"] = sha(RECORD)
    result["missing"] = add_layers_from(os.path.join(OUT, "none.gpkg"))
    with open(os.path.join(OUT, "corrupt.gpkg"), "wb") as f:
        f.write(os.urandom(65536))
    result["corrupt"] = add_layers_from(os.path.join(OUT, "corrupt.gpkg"))
    shutil.copy(RECORD, os.path.join(OUT, "schema0.gpkg"))
    set_schema(os.path.join(OUT, "schema0.gpkg"), 0)
    result["schema"] = add_layers_from(os.path.join(OUT, "schema0.gpkg"))
    result["layers_after_failures"] = len(QgsProject.instance().mapLayers())


def save_projects():
    # A project saved by "Pendulum 0.0.1": this Pendulum's project, its version entry rewritten.
    result["loaded"] = add_layers_from(RECORD)
    result["loaded_layers"] = len(QgsProject.instance().mapLayers())
    QgsProject.instance().write(os.path.join(OUT, "current.qgs"))
    with open(os.path.join(OUT, "current.qgs"), encoding="utf-8") as f:
        xml = f.read()
    old = re.sub(r'(<Pendulum>.*?<version type="QString">)[^<]*(</version>)', r"\g<1>0.0.1\2", xml, count=1, flags=re.S)
    result["version_in_project"] = old != xml
    with open(os.path.join(OUT, "old.qgs"), "w", encoding="utf-8") as f:
        f.write(old)
    # A project over a GeoPackage later rebuilt for another data schema.
    shutil.copy(RECORD, os.path.join(OUT, "later.gpkg"))
    add_layers_from(os.path.join(OUT, "later.gpkg"))
    QgsProject.instance().write(os.path.join(OUT, "later.qgs"))
    fresh_project()
    set_schema(os.path.join(OUT, "later.gpkg"), 0)
    # A project over a GeoPackage whose popups someone edited after the build.
    shutil.copy(RECORD, os.path.join(OUT, "tampered.gpkg"))
    add_layers_from(os.path.join(OUT, "tampered.gpkg"))
    QgsProject.instance().write(os.path.join(OUT, "tampered.qgs"))
    fresh_project()
    # Through GDAL: the GeoPackage's triggers call its SQL functions.
    dataset = gdal.OpenEx(os.path.join(OUT, "tampered.gpkg"), gdal.OF_VECTOR | gdal.OF_UPDATE)
    dataset.ExecuteSQL("UPDATE border_1905 SET popup_en = '<img src=x onerror=alert(1)>' WHERE id = 'karafuto-1905'")
    dataset = None


def open_old_project():
    fresh_project()
    iface.addProject(os.path.join(OUT, "old.qgs"))


def read_old_project():
    result["old_project"] = bar()
    fresh_project()
    iface.addProject(os.path.join(OUT, "later.qgs"))


def read_later_project():
    result["outdated_gpkg"] = bar()
    fresh_project()
    iface.addProject(os.path.join(OUT, "tampered.qgs"))


def border_map_tips():
    return sorted({layer.mapTipTemplate() for layer in QgsProject.instance().mapLayers().values()
                   if layer.customProperty("pendulum/layer_id") == "border_1905"})


def read_tampered_project():
    result["tampered"] = bar()
    result["tampered_map_tips"] = border_map_tips()
    action("mActionPendulumLanguage_ja").trigger()  # another language's popups: still off
    result["tampered_map_tips_ja"] = border_map_tips()
    action("mActionPendulumLanguage_en").trigger()


def answer_dialogs(path, replace):
    """Fills the save dialog with path, then answers the replace question (if any)."""
    def fill():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            result.setdefault("dialogs", []).append(dialog.windowTitle())
            # Typed into the name field, as a user does (selectFile() waits for the folder to be listed).
            dialog.findChild(QLineEdit, "fileNameEdit").setText(path)
            QMetaObject.invokeMethod(dialog, "accept")  # a protected slot: not callable from Python
            QTimer.singleShot(500, answer)
        else:
            QTimer.singleShot(200, fill)

    def answer(tries=10):
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            result.setdefault("questions", []).append(box.text())
            box.button(QMessageBox.Yes if replace else QMessageBox.No).click()
        elif tries > 0:
            QTimer.singleShot(300, lambda: answer(tries - 1))
    QTimer.singleShot(500, fill)


def edit_a_copy_refused():
    add_layers_from(RECORD)
    with open(os.path.join(OUT, "mine.gpkg"), "w") as f:
        f.write("a year of my own edits")
    # Typed without the suffix: the dialog cannot have asked about mine.gpkg, so Pendulum asks.
    answer_dialogs(os.path.join(OUT, "mine"), replace=False)
    action("mActionPendulumEditCopy").trigger()
    with open(os.path.join(OUT, "mine.gpkg")) as f:
        result["mine_after_no"] = f.read()
    result["sources_after_no"] = layer_sources()


def edit_a_copy():
    iface.messageBar().clearWidgets()
    answer_dialogs(os.path.join(OUT, "copy.gpkg"), replace=True)
    action("mActionPendulumEditCopy").trigger()
    result["copy_message"] = bar()
    result["sources_after_copy"] = layer_sources()
    layer = [layer for layer in QgsProject.instance().mapLayers().values()
             if layer.customProperty("pendulum/layer_id") == "border_1905"][0]
    result["copy_read_only"] = layer.readOnly()
    feature = next(layer.getFeatures("\"id\" = 'karafuto-1905'"))
    layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().lookupField("certainty"), "low")
    result["copy_committed"] = layer.commitChanges()


def finish():
    fresh_project()
    result["record_sha_after"] = sha(RECORD)
    result["alive"] = True
    with open(os.path.join(OUT, "hostile.json"), "w") as f:
        json.dump(result, f, indent=1)
    iface.actionExit().trigger()


STEPS = [broken_geopackages, save_projects, open_old_project, read_old_project, read_later_project,
         read_tampered_project, edit_a_copy_refused, edit_a_copy, finish]


def run_next():
    """Runs the steps one after the other (a step may sit in a dialog's event loop meanwhile);
    a failing step is recorded, not fatal."""
    function = STEPS.pop(0)
    print(f"driver_hostile: {function.__name__}", flush=True)
    try:
        function()
    except Exception:
        result["steps"].append({"error": function.__name__, "trace": traceback.format_exc()})
    if STEPS:
        QTimer.singleShot(2000, run_next)


QTimer.singleShot(1500, run_next)
