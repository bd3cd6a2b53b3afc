# Runs inside the QGIS desktop (qgis --code driver_desktop.py): uses Pendulum's desktop
# parts as a user would — the events dock, the go-to-date field, the change buttons, the
# sources dock, a map tip, an Identify form and the language menu — and writes what it sees
# to $PENDULUM_E2E_OUT/desktop.json, with screenshots beside it.
import json
import os
import traceback

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsMapRendererSequentialJob, QgsMapSettings,
                       QgsPointXY, QgsProject, QgsWkbTypes)
from qgis.gui import QgsMapTip
from qgis.PyQt.QtCore import QPoint, QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QDockWidget, QLineEdit, QTextBrowser, QToolButton, QTreeWidget, QWidget
from qgis.utils import iface

OUT = os.environ["PENDULUM_E2E_OUT"]
result = {"steps": []}
TOYOHARA = QgsPointXY(142.73, 46.96)  # Toyohara (Yuzhno-Sakhalinsk)
SOUTH_SAKHALIN = QgsPointXY(142.75, 47.5)  # inland: Japanese 1905-1945, Soviet after


def find(kind, name):
    found = iface.mainWindow().findChild(kind, name)
    if found is None:
        raise RuntimeError(f"{name} not found")
    return found


def action(name):
    for a in iface.mainWindow().findChildren(QAction):
        if a.objectName() == name:
            return a
    raise RuntimeError(f"action {name} not found")


def canvas_day():
    return iface.mapCanvas().temporalRange().begin().toString("yyyy-MM-dd")


def canvas_pixel(lonlat):
    canvas = iface.mapCanvas()
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(),
                                       QgsProject.instance())
    point = canvas.getCoordinateTransform().transform(transform.transform(lonlat))
    return int(point.x()), int(point.y())


def sample(lonlat, name):
    """The colour the canvas's layers give lonlat on the canvas's date (the commonest in a 5x5 block),
    and a screenshot of the window. The canvas's own map settings are rendered again without
    labels and event markers: at the scale of the whole region a place name or an event
    covers most of southern Sakhalin."""
    canvas = iface.mapCanvas()
    settings = canvas.mapSettings()
    settings.setFlag(QgsMapSettings.DrawLabeling, False)
    settings.setLayers([layer for layer in settings.layers() if layer.geometryType() != QgsWkbTypes.PointGeometry])
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    x, y = canvas_pixel(lonlat)
    # The most common colour of a 5x5 block: the island is only about ten pixels wide at this
    # scale, so a larger block would reach the sea and outlines would drag a median about.
    colours = [image.pixelColor(x + dx, y + dy).getRgb()[:3] for dx in range(-2, 3) for dy in range(-2, 3)]
    iface.mainWindow().grab().save(os.path.join(OUT, name + ".png"))
    return list(max(set(colours), key=colours.count))


def go_to(text):
    field = find(QLineEdit, "mPendulumGoToDate")
    field.setText(text)
    field.returnPressed.emit()


# Each step runs after the previous one had time to render; a failing step is recorded, not fatal.
def step(function):
    def run():
        try:
            function()
        except Exception:
            result["steps"].append({"error": function.__name__, "trace": traceback.format_exc()})
    return run


def load():
    # The window QGIS 3.22 opens a fresh profile with (1280x800), whatever this QGIS does: 3.40 and
    # 3.44 open a 956x385 one, in which southern Sakhalin is a few pixels wide. Xvfb runs no window
    # manager, so a geometry is set rather than the window maximised.
    iface.mainWindow().setGeometry(0, 0, 1280, 800)
    action("mActionPendulumAddLayers").trigger()
    result["events_dock_visible"] = find(QDockWidget, "PendulumEventsDock").isVisible()
    result["events_listed"] = find(QTreeWidget, "mPendulumEventList").topLevelItemCount()


def to_1906():
    go_to("1906-01-01")


def see_1906():
    result["day_1906"] = canvas_day()
    result["toyohara_1906"] = sample(SOUTH_SAKHALIN, "desktop-1906-01-01")
    go_to("1946-06-01")


def see_1946():
    result["day_1946"] = canvas_day()
    result["toyohara_1946"] = sample(SOUTH_SAKHALIN, "desktop-1946-06-01")
    title = QgsProject.instance().readEntry("TitleLabel", "/Label")[0]
    result["date_label"] = title


def choose_event():
    tree = find(QTreeWidget, "mPendulumEventList")
    find(QLineEdit, "mPendulumEventSearch").setText("portsmouth")
    result["search_hits"] = tree.topLevelItemCount()
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item.data(0, 256) == "treaty-of-portsmouth-1905":  # Qt.UserRole
            item.setSelected(True)
            tree.setCurrentItem(item)


def see_event():
    result["day_event"] = canvas_day()
    browser = find(QTextBrowser, "mPendulumSourcesBrowser")
    result["sources_dock_visible"] = find(QDockWidget, "PendulumSourcesDock").isVisible()
    result["sources_text"] = browser.toPlainText()[:3000]
    events = [layer for layer in QgsProject.instance().mapLayers().values()
              if layer.customProperty("pendulum/layer_id") == "events"][0]
    point = [f for f in events.getFeatures() if f["id"] == "treaty-of-portsmouth-1905"][0].geometry().asPoint()
    x, y = canvas_pixel(point)
    result["event_centred"] = abs(x - iface.mapCanvas().width() / 2) < 3 and abs(y - iface.mapCanvas().height() / 2) < 3
    iface.mainWindow().grab().save(os.path.join(OUT, "desktop-event-portsmouth.png"))
    find(QToolButton, "mPendulumNextChange").click()


def after_next():
    result["day_after_next"] = canvas_day()
    find(QToolButton, "mPendulumPreviousChange").click()


def after_previous():
    result["day_after_previous"] = canvas_day()
    go_to("1905-02-30")
    bar = iface.messageBar().currentItem()
    result["bad_date_warning"] = (bar.text() if bar else "") + " " + (bar.title() if bar else "")
    result["day_after_bad_date"] = canvas_day()
    # Back to a day on which Karafuto is Japanese.
    go_to("1910-01-01")


def map_tip_and_form():
    project = QgsProject.instance()
    states = [layer for layer in project.mapLayers().values() if layer.customProperty("pendulum/layer_id") == "states"][0]
    canvas = iface.mapCanvas()
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(),
                                       project)
    map_point = transform.transform(TOYOHARA)
    x, y = canvas_pixel(TOYOHARA)
    result["map_tip_template"] = states.mapTipTemplate()[:200]
    global MAP_TIP
    MAP_TIP = QgsMapTip()
    MAP_TIP.showMapTip(states, map_point, QPoint(x, y), canvas)
    # The identify form of the feature shown there today (the canvas date).
    day = canvas.temporalRange().begin().date()
    for feature in states.getFeatures():
        if feature.geometry().contains(QgsPointXY(TOYOHARA)) and feature["valid_from"] <= day and (
                not feature["valid_to"] or feature["valid_to"] > day):
            result["form_feature"] = feature["id"]
            iface.openFeatureForm(states, feature, False, False)
            break


def html_views_text(parent):
    """The text of the visible QgsWebView widgets under parent, and the engine that shows them: a
    QWebView where QGIS is built with QtWebKit (Debian 12), else a QTextBrowser (Debian 13 and later)."""
    try:
        from qgis.PyQt.QtWebKitWidgets import QWebView
        views = [w for w in parent.findChildren(QWebView) if w.isVisible()]
        if views:
            return [v.page().mainFrame().toPlainText() for v in views], "QtWebKit"
    except ImportError:
        pass
    from qgis.PyQt.QtWidgets import QTextBrowser
    views = [w for w in parent.findChildren(QTextBrowser) if w.isVisible()]
    return [v.toPlainText() for v in views], "Qt rich text (QTextBrowser)"


def see_map_tip_and_form():
    from qgis.core import QgsVectorLayer  # noqa: F401
    texts, engine = html_views_text(iface.mapCanvas())
    result["map_tip_html"] = texts[0][:2000] if texts else ""
    result["map_tip_engine"] = engine
    iface.mainWindow().grab().save(os.path.join(OUT, "desktop-map-tip.png"))
    forms = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.metaObject().className() == "QgsAttributeDialog"]
    result["form_open"] = bool(forms)
    if forms:
        forms[0].grab().save(os.path.join(OUT, "desktop-identify-form.png"))
        # The popup: a QLabel of the form's text element (QGIS 3.30 and later), or its HTML element's web view.
        from qgis.PyQt.QtGui import QTextDocument
        from qgis.PyQt.QtWidgets import QLabel
        shown = []
        for label in forms[0].findChildren(QLabel):
            document = QTextDocument()
            document.setHtml(label.text())
            shown.append(document.toPlainText())
        texts, _ = html_views_text(forms[0])
        result["form_html"] = "\n".join(t for t in shown + texts if "Karafuto" in t or "Japan" in t)[:2000]
        forms[0].close()


def japanese():
    find(QLineEdit, "mPendulumEventSearch").setText("")
    action("mActionPendulumLanguage_ja").trigger()


def see_japanese():
    result["layer_names_ja"] = [node.layer().name() for node in QgsProject.instance().layerTreeRoot().findLayers()]
    result["date_label_ja"] = QgsProject.instance().readEntry("TitleLabel", "/Label")[0]
    tree = find(QTreeWidget, "mPendulumEventList")
    result["first_event_ja"] = tree.topLevelItem(0).text(1) if tree.topLevelItemCount() else ""
    iface.mainWindow().grab().save(os.path.join(OUT, "desktop-japanese.png"))


def finish():
    with open(os.path.join(OUT, "desktop.json"), "w") as f:
        json.dump(result, f, indent=1, ensure_ascii=False)
    # File > Exit as a user would (it unloads the plugins); an emptied, clean project leaves
    # nothing for the "save changes?" prompt.
    QgsProject.instance().clear()
    QgsProject.instance().setDirty(False)
    iface.actionExit().trigger()


SCHEDULE = [(1500, load), (4000, to_1906), (5500, see_1906), (7000, see_1946), (7500, choose_event), (9000, see_event),
            (10500, after_next), (12000, after_previous), (13500, map_tip_and_form), (16500, see_map_tip_and_form),
            (17000, japanese), (18500, see_japanese)]
for delay, function in SCHEDULE:
    QTimer.singleShot(delay, step(function))
QTimer.singleShot(19500, finish)
