# Runs inside the QGIS desktop (qgis --code driver_hostile.py): points Pendulum at a missing,
# a corrupt and a schema-mismatched GeoPackage, opens a project saved by an older Pendulum and
# one whose GeoPackage was rebuilt by another, and uses "Edit a Copy…" (refusing, then accepting,
# to write over a file). Writes what the message bar said and what happened to the files to
# $PENDULUM_E2E_OUT/hostile.json; QGIS must still be running at the end to write it.
import hashlib
import os
import re
import shutil
import sqlite3
import sys

sys.path.insert(0, os.environ["PENDULUM_E2E_DIR"])
from e2edriver import OUT, Modals, action, run, settle  # noqa: E402

from osgeo import gdal  # noqa: E402
from qgis.core import QgsProject, QgsSettings  # noqa: E402
from qgis.PyQt.QtCore import QMetaObject  # noqa: E402
from qgis.PyQt.QtWidgets import QFileDialog, QLineEdit, QMessageBox  # noqa: E402
from qgis.utils import iface  # noqa: E402

SETTINGS = QgsSettings()
RECORD = SETTINGS.value("pendulum/dataPath")
result = {"steps": [], "record": RECORD}


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


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


def open_project(name):
    """Opens a saved project as File > Open does, and what the message bar says once Pendulum has
    read it (its checks of the project and of the GeoPackage run on the event loop's next turn)."""
    fresh_project()
    iface.addProject(os.path.join(OUT, name))
    settle()
    return bar()


def old_project():
    result["old_project"] = open_project("old.qgs")


def later_project():
    result["outdated_gpkg"] = open_project("later.qgs")


def border_map_tips():
    return sorted({layer.mapTipTemplate() for layer in QgsProject.instance().mapLayers().values()
                   if layer.customProperty("pendulum/layer_id") == "border_1905"})


def tampered_project():
    result["tampered"] = open_project("tampered.qgs")
    result["tampered_map_tips"] = border_map_tips()
    action("mActionPendulumLanguage_ja").trigger()  # another language's popups: still off
    result["tampered_map_tips_ja"] = border_map_tips()
    action("mActionPendulumLanguage_en").trigger()


def edit_a_copy_as(path, replace):
    """Edit a Copy…: types path into its save dialog, then answers the replace question (if one
    is asked) with Yes or No."""
    def fill(dialog):
        result.setdefault("dialogs", []).append(dialog.windowTitle())
        # Typed into the name field, as a user does (selectFile() waits for the folder to be listed).
        dialog.findChild(QLineEdit, "fileNameEdit").setText(path)
        QMetaObject.invokeMethod(dialog, "accept")  # a protected slot: not callable from Python

    def answer(box):
        result.setdefault("questions", []).append(box.text())
        box.button(QMessageBox.Yes if replace else QMessageBox.No).click()

    dialogs = Modals(result, (QFileDialog, fill), (QMessageBox, answer))
    action("mActionPendulumEditCopy").trigger()  # modal: the dialogs are answered inside their event loops
    dialogs.stop()


def edit_a_copy_refused():
    add_layers_from(RECORD)
    with open(os.path.join(OUT, "mine.gpkg"), "w") as f:
        f.write("a year of my own edits")
    # Typed without the suffix: the dialog cannot have asked about mine.gpkg, so Pendulum asks.
    edit_a_copy_as(os.path.join(OUT, "mine"), replace=False)
    with open(os.path.join(OUT, "mine.gpkg")) as f:
        result["mine_after_no"] = f.read()
    result["sources_after_no"] = layer_sources()


def edit_a_copy():
    iface.messageBar().clearWidgets()
    edit_a_copy_as(os.path.join(OUT, "copy.gpkg"), replace=True)  # no such file yet: no question
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


run(result, "hostile.json", [broken_geopackages, save_projects, old_project, later_project, tampered_project,
                             edit_a_copy_refused, edit_a_copy, finish])
