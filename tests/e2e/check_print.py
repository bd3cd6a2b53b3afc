#!/usr/bin/python3
"""Checks what driver_print.py saw: the menu entry, the dialog, the export as a
task in QGIS's task manager, the message bar, and the PDF it wrote."""
import json
import os
import subprocess
import sys

out = sys.argv[1]
with open(os.path.join(out, "result.json")) as f:
    result = json.load(f)
# A step that raised (a wait that timed out names what it waited for).
failures = [f"step {s['error']} raised:\n{s['trace']}" for s in result.get("steps", [])]
if not result.get("action_found") or not result.get("in_plugin_menu"):
    failures.append("no 'Export Print Map…' in the Pendulum menu")
if result.get("dialog_title") != "Export Print Map":
    failures.append("the dialog did not open: %r" % result.get("dialog_title"))
if not any("print map of 1910-01-01" in t for t in result.get("tasks_seen", [])):
    failures.append("no print task in the task manager: %r" % result.get("tasks_seen"))
if not any("Print map written" in m for m in result.get("messages", [])):
    failures.append("no success message: %r" % result.get("messages"))
if not result.get("pdf_exists"):
    failures.append("no PDF written")
else:
    text = subprocess.run(["pdftotext", os.path.join(out, "print-map.pdf"), "-"], capture_output=True, text=True).stdout
    for expected in ("1 January 1910", "Karafuto", "Sources"):
        if expected not in text:
            failures.append("the PDF lacks %r" % expected)
if failures:
    print("FAIL: " + "; ".join(failures))
    sys.exit(1)
print("OK: print map exported from the desktop (%d bytes)" % result["pdf_size"])
