#!/usr/bin/python3
"""Checks what driver_hostile.py saw inside QGIS. Exit 1 with one line per failure."""
import json
import os
import sys

out = sys.argv[1]
path = os.path.join(out, "hostile.json")
if not os.path.exists(path):
    sys.exit(f"FAIL: {path} not written: QGIS did not get to the end of the driver")
r = json.load(open(path))
failures = [f"step {s['error']} raised:\n{s['trace']}" for s in r.get("steps", [])]


def check(condition, message):
    if not condition:
        failures.append(message)


def said(messages, *parts):
    return any(all(part in m for part in parts) for m in messages or [])


check(said(r.get("missing"), "Pendulum: Cannot add the historical layers", "none.gpkg: no such file",
           "pendulum/dataPath"), f"missing GeoPackage: {r.get('missing')}")
check(said(r.get("corrupt"), "corrupt.gpkg: not a GeoPackage", "pendulum/dataPath"),
      f"corrupt GeoPackage: {r.get('corrupt')}")
check(said(r.get("schema"), "schema0.gpkg: built for data schema 0", "rebuild it with `pendulum build`"),
      f"schema mismatch: {r.get('schema')}")
check(r.get("layers_after_failures") == 0, f"{r.get('layers_after_failures')} layers added from broken GeoPackages")
check(not r.get("loaded"), f"the good record gave messages: {r.get('loaded')}")
check(r.get("version_in_project"), "the saved project does not record the Pendulum version")
check(said(r.get("old_project"), "added by Pendulum 0.0.1", "Add Historical Layers"),
      f"project of an older Pendulum: {r.get('old_project')}")
check(said(r.get("outdated_gpkg"), "later.gpkg: built for data schema 0"),
      f"project over a GeoPackage of another schema: {r.get('outdated_gpkg')}")
check(said(r.get("tampered"), "tampered.gpkg: feature 'karafuto-1905': popup_en holds markup Pendulum never writes",
           "map tips and forms are off"), f"project over a GeoPackage with edited popups: {r.get('tampered')}")
check(r.get("tampered_map_tips") == [""] and r.get("tampered_map_tips_ja") == [""],
      f"map tips still on: {r.get('tampered_map_tips')}, in Japanese {r.get('tampered_map_tips_ja')}")
check(r.get("dialogs") and all(d == "Edit a Copy of the Historical Record" for d in r["dialogs"]),
      f"save dialogs: {r.get('dialogs')}")
check(r.get("questions") and "mine.gpkg already exists" in r["questions"][0],
      f"no question before replacing mine.gpkg: {r.get('questions')}")
check(r.get("mine_after_no") == "a year of my own edits", "mine.gpkg was overwritten after answering No")
check(r.get("sources_after_no") == [r.get("record")], f"layers moved after No: {r.get('sources_after_no')}")
check(r.get("sources_after_copy") == [os.path.join(out, "copy.gpkg")],
      f"layers after Edit a Copy: {r.get('sources_after_copy')}")
check(said(r.get("copy_message"), "now read and write", "copy.gpkg"), f"copy message: {r.get('copy_message')}")
check(r.get("copy_read_only") is False and r.get("copy_committed"), "the copy cannot be edited")
check(r.get("record_sha_before") == r.get("record_sha_after"), "the bundled GeoPackage changed")
check(r.get("alive"), "QGIS did not keep running")
if failures:
    print("FAIL: " + "\n".join(failures))
    sys.exit(1)
print("OK: broken GeoPackages and old projects named in the message bar; Edit a Copy asked before replacing")
