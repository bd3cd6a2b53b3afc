"""Checks what driver.py saw inside QGIS. Exit 1 with one line per failure."""
import sys

from e2echeck import Checks

out = sys.argv[1]
checks = Checks(out, "result.json")
check = checks.check
result = checks.result
layers = result.get("layers", [])
ids = [layer["record_id"] for layer in layers]

check(result.get("action_found"), "the 'Add Historical Layers' action is not in QGIS")
check("Pendulum" in result.get("plugin_menus", []), f"no Pendulum menu under Plugins: {result.get('plugin_menus')}")
check(result.get("in_toolbar"), "the action is not on the plugins toolbar")
expected = ["events", "kurils_1945", "manchukuo", "siberian_occupation", "spheres_1907_1916", "border_1905", "border_1875",
            "states", "land"]
check(ids == expected, f"layers in the project, top first: {ids} (expected {expected}; twice would be duplicated)")
for layer in layers:
    check(layer["group"] == "Pendulum", f"{layer['record_id']} is not in the Pendulum group")
    check(layer["temporal"] == (layer["record_id"] != "land"), f"{layer['record_id']}: temporal={layer['temporal']}")
    check(layer["features"] > 0, f"{layer['record_id']} has no features")
check("+proj=lcc" in result.get("crs", ""), f"project CRS is not the region's LCC: {result.get('crs')}")
check(result.get("canvas_temporal"), "the canvas is not temporal")
check(result.get("canvas_range_begin") == "1910-01-01", f"canvas shows {result.get('canvas_range_begin')}, not January 1910")
shot = checks.screenshot("screenshot")

checks.finish(f"e2e: QGIS loaded {len(layers)} Pendulum layers, time-enabled, canvas on 1910-01; screenshot {shot}")
