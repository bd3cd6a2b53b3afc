"""Checks what driver_exactday.py saw: on every day, the canvas draws exactly what the record
holds true that day (what `pendulum map --date` draws), though the controller's frame is a month."""
import sys

from e2echeck import Checks

checks = Checks(sys.argv[1], "exactday.json")
check = checks.check
days = checks.result.get("days", {})
check(len(days) == 6, f"{len(days)} of 6 days visited")
narrower = 0
for day, seen in days.items():
    check(seen["canvas_begin"] == f"{day} 00:00:00" and seen["canvas_end"].startswith(f"{day} 23:59:59"),
          f"{day}: the canvas shows {seen['canvas_begin']} to {seen['canvas_end']}, not the day")
    check(seen["frame_end"] > day, f"{day}: the controller's frame {seen['frame_begin']}–{seen['frame_end']} is not longer than the day")
    for layer, ids in seen["layers"].items():
        extra = sorted(set(ids["drawn"]) - set(ids["true"]))
        missing = sorted(set(ids["true"]) - set(ids["drawn"]))
        check(not extra and not missing, f"{day} {layer}: drawn but not true that day {extra}, true but not drawn {missing}")
        narrower += ids["frame"] != ids["true"]
    checks.screenshot(f"exactday-{day}")
# The dates were chosen because something changes within their month: the frame alone would be wrong.
check(narrower >= 3, f"only {narrower} layer-days differ between the month's frame and the day: the test proves little")
checks.finish(f"exact day: {len(days)} days, every layer draws what the record holds that day")
