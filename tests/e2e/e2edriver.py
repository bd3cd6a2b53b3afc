"""What the e2e drivers share inside the QGIS desktop (qgis --code DRIVER.py, with this folder on
sys.path): find Pendulum's actions, run the steps one after the other once QGIS's event loop runs,
wait for what a step needs (a signal, a condition) rather than for a fixed time, answer modal
dialogs, and write what was seen and quit as a user would.

A wait spins Qt's event loop until its condition holds and gives up after a generous timeout with
an error that names what it waited for; the run then goes straight to writing its result, so that
the checker reports that error rather than a QGIS killed by run_e2e.sh's timeout."""
import json
import os
import time
import traceback
from contextlib import contextmanager

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QEventLoop, QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication
from qgis.utils import iface

OUT = os.environ["PENDULUM_E2E_OUT"]
# Seconds. Each wait here takes milliseconds to a few seconds; run_e2e.sh gives QGIS 90 s in all.
TIMEOUT = 30
# The longest a wait sleeps between two looks at its condition; a signal it waits for wakes it at once.
POLL_MS = 20

_loops = []  # the event loops of the waits under way, innermost last


class WaitTimeout(RuntimeError):
    """A wait gave up: what it waited for did not happen."""


def _wake():
    if _loops:
        _loops[-1].quit()


def wait_until(predicate, what, timeout=TIMEOUT):
    """Spins the event loop until predicate() returns something true and returns it; raises
    WaitTimeout naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        left = deadline - time.monotonic()
        if left <= 0:
            raise WaitTimeout(f"waited {timeout} s for {what}")
        loop = QEventLoop()
        timer = QTimer(loop)
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(max(1, min(POLL_MS, int(left * 1000))))
        _loops.append(loop)
        try:
            loop.exec_()
        finally:
            _loops.pop()


class Signal:
    """Counts a signal's emissions from the moment it is made: make it before the action that
    causes the signal, wait() after it."""

    def __init__(self, signal, what):
        self.signal = signal
        self.what = what
        self.count = 0
        self.args = None
        signal.connect(self._emitted)

    def _emitted(self, *args):
        self.count += 1
        self.args = args
        _wake()

    def wait(self, timeout=TIMEOUT):
        try:
            wait_until(lambda: self.count > 0, self.what, timeout)
        finally:
            self.signal.disconnect(self._emitted)
        return self.args


def settle():
    """Lets QGIS finish what the last action left for the event loop's next turn (Pendulum reads
    the project's layers again and frames the region on a zero-timer; so does QGIS's layer tree):
    waits for a zero-timer queued after theirs."""
    turned = []
    QTimer.singleShot(0, lambda: (turned.append(True), _wake()))
    wait_until(lambda: turned, "the event loop's next turn")


@contextmanager
def canvas_redrawn(what):
    """Around an action that changes the map: after it, waits until the map canvas has drawn
    again (mapCanvasRefreshed after the last renderStarting) and draws nothing."""
    canvas = iface.mapCanvas()
    log = []

    def started():
        log.append("started")

    def refreshed():
        log.append("refreshed")
        _wake()

    canvas.renderStarting.connect(started)
    canvas.mapCanvasRefreshed.connect(refreshed)
    try:
        yield
        settle()
        wait_until(lambda: log and log[-1] == "refreshed" and not canvas.isDrawing(),
                   f"the map canvas to draw after {what}")
    finally:
        canvas.renderStarting.disconnect(started)
        canvas.mapCanvasRefreshed.disconnect(refreshed)


class Modals:
    """Answers the modal dialogs an action opens, in order, as a user would: each handler runs
    once QGIS's active modal widget is of its kind, inside that dialog's own event loop. Make it
    before triggering the action and stop() it once the action has returned; a handler whose
    dialog never came is reported by unanswered(), one that raised is recorded in result."""

    def __init__(self, result, *handlers):
        self.result = result
        self.pending = list(handlers)  # (kind, handler(dialog)) pairs
        self.timer = QTimer()
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def _look(self):
        dialog = QApplication.activeModalWidget()
        if self.pending and isinstance(dialog, self.pending[0][0]) and dialog.isVisible():
            kind, handler = self.pending.pop(0)
            try:
                handler(dialog)
            except Exception:
                failed(self.result, f"answering a {kind.__name__}")
        if not self.pending:
            self.timer.stop()

    def stop(self):
        self.timer.stop()

    def unanswered(self):
        return [kind.__name__ for kind, _ in self.pending]


def action(name, required=True):
    """The main window's action named name; None if there is none and it is not required."""
    for a in iface.mainWindow().findChildren(QAction):
        if a.objectName() == name:
            return a
    if required:
        raise RuntimeError(f"action {name} not found")
    return None


def failed(result, name):
    result.setdefault("steps", []).append({"error": name, "trace": traceback.format_exc()})


def run(result, file_name, steps):
    """Runs steps once QGIS's event loop is running, each once the previous one and what it left
    to the event loop are done; a failing step is recorded and the next one runs, a wait that
    timed out ends the run. Then writes result to $PENDULUM_E2E_OUT/file_name and quits through
    File > Exit (which unloads the plugins); an emptied, clean project leaves nothing for the
    "save changes?" prompt."""
    def go():
        for step in steps:
            print(f"e2e driver: {step.__name__}", flush=True)
            try:
                step()
                settle()
            except WaitTimeout:
                failed(result, step.__name__)
                break
            except Exception:
                failed(result, step.__name__)
        with open(os.path.join(OUT, file_name), "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1, ensure_ascii=False)
        QgsProject.instance().clear()
        QgsProject.instance().setDirty(False)
        iface.actionExit().trigger()

    QTimer.singleShot(0, go)
