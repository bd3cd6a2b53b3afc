# Runs inside the QGIS desktop (qgis --code driver_desktop.py): uses Pendulum's desktop
# parts as a user would — the events dock, the go-to-date field, the change buttons, the
# sources dock, a map tip, an Identify form and the language menu — and writes what it sees
# to $PENDULUM_E2E_OUT/desktop.json, with screenshots beside it.
import os
import sys

sys.path.insert(0, os.environ["PENDULUM_E2E_DIR"])
from e2edriver import OUT, Modals, Signal, WaitTimeout, action, canvas_redrawn, run, wait_until  # noqa: E402

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsMapRendererSequentialJob,  # noqa: E402
                       QgsMapSettings, QgsPointXY, QgsProject, QgsWkbTypes)
from qgis.gui import QgsMapTip  # noqa: E402
from qgis.PyQt.QtCore import QPoint  # noqa: E402
from qgis.PyQt.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QDockWidget, QLineEdit,  # noqa: E402
                                 QTextBrowser, QToolButton, QTreeWidget)
from qgis.utils import iface  # noqa: E402

try:
    from qgis.PyQt.QtWebKitWidgets import QWebView
except ImportError:  # a QGIS built without QtWebKit
    QWebView = None

result = {"steps": []}
TOYOHARA = QgsPointXY(142.73, 46.96)  # Toyohara (Yuzhno-Sakhalinsk)
SOUTH_SAKHALIN = QgsPointXY(142.75, 47.5)  # inland: Japanese 1905-1945, Soviet after


def find(kind, name):
    found = iface.mainWindow().findChild(kind, name)
    if found is None:
        raise RuntimeError(f"{name} not found")
    return found


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


def states_legend():
    """The labels the Layers panel lists under the states layer."""
    model = iface.layerTreeView().layerTreeModel()
    states = [layer for layer in QgsProject.instance().mapLayers().values()
              if layer.customProperty("pendulum/layer_id") == "states"][0]
    node = QgsProject.instance().layerTreeRoot().findLayer(states.id())
    return sorted(n.data(0) for n in model.layerLegendNodes(node))  # Qt.DisplayRole


def legend_of_the_day(must_have, name):
    """The states layer's legend once the panel has followed the day (it waits for a pause)."""
    return wait_until(lambda: (lambda labels: labels if must_have in labels and len(labels) < 12 else None)(
        states_legend()), f"the Layers panel's legend on {name}")


def go_to(text):
    field = find(QLineEdit, "mPendulumGoToDate")
    field.setText(text)
    field.returnPressed.emit()


def go_to_day(text):
    """Types text into the go-to-date field and waits until the canvas has drawn the day it went to."""
    with canvas_redrawn(f"going to {text}"):
        go_to(text)


def html_views_text(parent):
    """The texts of the visible HTML views under parent, and the engine that shows them: a QWebView
    where QGIS is built with QtWebKit (Debian 12), else a QTextBrowser (Debian 13 and later)."""
    if QWebView is not None:
        views = [w for w in parent.findChildren(QWebView) if w.isVisible()]
        if views:
            return [v.page().mainFrame().toPlainText() for v in views], "QtWebKit"
    views = [w for w in parent.findChildren(QTextBrowser) if w.isVisible()]
    return [v.toPlainText() for v in views], "Qt rich text (QTextBrowser)"


def form_popup_text(form):
    """The popup in the Identify form: a QLabel of its text element (QGIS 3.30 and later), or its
    HTML element's web view."""
    from qgis.PyQt.QtGui import QTextDocument
    from qgis.PyQt.QtWidgets import QLabel
    shown = []
    for label in form.findChildren(QLabel):
        document = QTextDocument()
        document.setHtml(label.text())
        shown.append(document.toPlainText())
    texts, _ = html_views_text(form)
    return "\n".join(t for t in shown + texts if "Karafuto" in t or "Japan" in t)[:2000]


def load():
    # The window QGIS 3.22 opens a fresh profile with (1280x800), whatever this QGIS does: 3.40 and
    # 3.44 open a 956x385 one, in which southern Sakhalin is a few pixels wide. Xvfb runs no window
    # manager, so a geometry is set rather than the window maximised.
    iface.mainWindow().setGeometry(0, 0, 1280, 800)
    with canvas_redrawn("Add Historical Layers"):
        action("mActionPendulumAddLayers").trigger()
    result["events_dock_visible"] = find(QDockWidget, "PendulumEventsDock").isVisible()
    result["events_listed"] = find(QTreeWidget, "mPendulumEventList").topLevelItemCount()


def see_1906():
    go_to_day("1906-01-01")
    result["day_1906"] = canvas_day()
    result["toyohara_1906"] = sample(SOUTH_SAKHALIN, "desktop-1906-01-01")
    result["legend_1906"] = legend_of_the_day("Japan", "1906-01-01")


def see_1946():
    go_to_day("1946-06-01")
    result["day_1946"] = canvas_day()
    result["toyohara_1946"] = sample(SOUTH_SAKHALIN, "desktop-1946-06-01")
    result["legend_1946"] = legend_of_the_day("Soviet Union", "1946-06-01")
    title = QgsProject.instance().readEntry("TitleLabel", "/Label")[0]
    result["date_label"] = title


def choose_event():
    tree = find(QTreeWidget, "mPendulumEventList")
    find(QLineEdit, "mPendulumEventSearch").setText("portsmouth")
    result["search_hits"] = tree.topLevelItemCount()
    with canvas_redrawn("choosing the Treaty of Portsmouth"):
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            if item.data(0, 256) == "treaty-of-portsmouth-1905":  # Qt.UserRole
                item.setSelected(True)
                tree.setCurrentItem(item)
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


def next_and_previous_change():
    with canvas_redrawn("▶ (next change)"):
        find(QToolButton, "mPendulumNextChange").click()
    result["day_after_next"] = canvas_day()
    # The sources dock still shows the Portsmouth place, now on the day ▶ went to.
    # (once the day has stood a moment: the dock does not redraw on every frame of a playing timeline)
    browser = find(QTextBrowser, "mPendulumSourcesBrowser")
    try:
        wait_until(lambda: "At this place on 15 October 1905" in browser.toPlainText(),
                   "the sources dock on 15 October 1905", timeout=5)
    except WaitTimeout:
        pass  # checked (and reported) by check_desktop.py
    result["sources_text_after_next"] = browser.toPlainText()[:3000]
    with canvas_redrawn("◀ (previous change)"):
        find(QToolButton, "mPendulumPreviousChange").click()
    result["day_after_previous"] = canvas_day()


def bad_date():
    warning = Signal(iface.messageBar().widgetAdded, "a message about 1905-02-30")
    go_to("1905-02-30")
    warning.wait()
    bar = iface.messageBar().currentItem()
    result["bad_date_warning"] = (bar.text() if bar else "") + " " + (bar.title() if bar else "")
    result["day_after_bad_date"] = canvas_day()
    # Back to a day on which Karafuto is Japanese.
    go_to_day("1910-01-01")


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
    # The map tip and the form's History tab show their text once their views have loaded it.
    tip = wait_until(lambda: [t for t in html_views_text(canvas)[0] if t], "the map tip's text")
    result["map_tip_html"] = tip[0][:2000]
    result["map_tip_engine"] = html_views_text(canvas)[1]
    iface.mainWindow().grab().save(os.path.join(OUT, "desktop-map-tip.png"))
    forms = wait_until(lambda: [w for w in QApplication.topLevelWidgets()
                                if w.isVisible() and w.metaObject().className() == "QgsAttributeDialog"],
                       "the Identify form")
    result["form_open"] = bool(forms)
    form = forms[0]
    result["form_html"] = wait_until(lambda: form_popup_text(form), "the Identify form's History text")
    form.grab().save(os.path.join(OUT, "desktop-identify-form.png"))
    form.close()


def actions_and_dialogs():
    """Each toolbar action has its own icon; the animation dialog's button says what it does."""
    images = {}
    for name in ("mActionPendulumAddLayers", "mActionPendulumWhatWasHere"):
        found = action(name, required=False)
        images[name] = found.icon().pixmap(32, 32).toImage() if found else None
    result["icons_distinct"] = all(images.values()) and images["mActionPendulumAddLayers"] != images[
        "mActionPendulumWhatWasHere"]
    animate = action("mActionPendulumExportAnimation", required=False)
    if not animate:
        return

    def read_dialog(dialog):
        result["animation_button"] = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).text()
        dialog.reject()

    dialog = Modals(result, (QDialog, read_dialog))
    animate.trigger()  # modal: read_dialog runs inside its event loop
    dialog.stop()


def japanese():
    # The README's screenshots: no message of an earlier step, no map tip left open.
    iface.messageBar().clearWidgets()
    MAP_TIP.clear(iface.mapCanvas())
    find(QLineEdit, "mPendulumEventSearch").setText("")
    with canvas_redrawn("Language ▸ 日本語"):
        action("mActionPendulumLanguage_ja").trigger()
    result["layer_names_ja"] = [node.layer().name() for node in QgsProject.instance().layerTreeRoot().findLayers()]
    result["legend_ja"] = states_legend()
    result["date_label_ja"] = QgsProject.instance().readEntry("TitleLabel", "/Label")[0]
    tree = find(QTreeWidget, "mPendulumEventList")
    result["first_event_ja"] = tree.topLevelItem(0).text(1) if tree.topLevelItemCount() else ""
    iface.mainWindow().grab().save(os.path.join(OUT, "desktop-japanese.png"))


# Each step waits for what it needs (the canvas drawn, a web view loaded, a message); a failing step
# is recorded, not fatal.
def russian():
    with canvas_redrawn("Language ▸ Русский"):
        action("mActionPendulumLanguage_ru").trigger()
    result["legend_ru"] = states_legend()
    iface.mainWindow().grab().save(os.path.join(OUT, "desktop-russian.png"))


run(result, "desktop.json", [load, see_1906, see_1946, choose_event, next_and_previous_change, bad_date,
                             map_tip_and_form, actions_and_dialogs, japanese, russian])
