"""Checks what driver_desktop.py saw inside QGIS. Exit 1 with one line per failure."""
import sys

from e2echeck import Checks

out = sys.argv[1]
checks = Checks(out, "desktop.json")
check = checks.check
r = checks.result

check(r.get("events_dock_visible"), "the events dock is not shown after Add Historical Layers")
check(r.get("events_listed", 0) >= 50, f"the events dock lists {r.get('events_listed')} events")
check(r.get("day_1906") == "1906-01-01", f"go to 1906-01-01: the canvas shows {r.get('day_1906')}")
check(r.get("day_1946") == "1946-06-01", f"go to 1946-06-01: the canvas shows {r.get('day_1946')}")
sea = (0xf7, 0xf9, 0xfb)
c1906, c1946 = r.get("toyohara_1906", [0, 0, 0]), r.get("toyohara_1946", [0, 0, 0])
check(sum(abs(a - b) for a, b in zip(c1906, c1946)) > 40,
      f"south Sakhalin looks the same in 1906 (Japanese) and 1946 (Soviet): {c1906} vs {c1946}")
# Japan's colour family is orange, the Soviet Union's blue (styles/states.qml, border_1905.qml).
check(c1906[0] > c1906[2] + 40, f"south Sakhalin in 1906 is not in Japan's (orange) colour: {c1906}")
check(c1946[2] > c1946[0] + 40, f"south Sakhalin in 1946 is not in the Soviet (blue) colour: {c1946}")
for name, colour in (("1906", c1906), ("1946", c1946)):
    check(sum(abs(a - b) for a, b in zip(colour, sea)) > 30 and sum(colour) > 60,
          f"south Sakhalin in {name} is not drawn as land: {colour}")
legend1906, legend1946 = r.get("legend_1906") or [], r.get("legend_1946") or []
check("Russian Empire" in legend1906 and "Soviet Union" not in legend1906 and "Manchukuo" not in legend1906,
      f"the Layers panel's states legend on 1906-01-01 is not that day's: {legend1906}")
check("Soviet Union" in legend1946 and "Russian Empire" not in legend1946,
      f"the Layers panel's states legend on 1946-06-01 is not that day's: {legend1946}")
check("format_date(@map_start_time" in r.get("date_label", ""), f"no date label decoration: {r.get('date_label')!r}")
check(1 <= r.get("search_hits", 0) <= 5, f"searching 'portsmouth' lists {r.get('search_hits')} events")
check(r.get("day_event") == "1905-09-05", f"choosing the Treaty of Portsmouth moved the timeline to {r.get('day_event')}")
check(r.get("event_centred"), "choosing an event did not centre the canvas on it")
check(r.get("sources_dock_visible"), "the sources dock is not shown after choosing an event")
text = r.get("sources_text", "")
check("Portsmouth" in text and "At this place on 5 September 1905" in text,
      f"the sources dock does not show the event and the place's situation: {text[:300]!r}")
check(r.get("day_after_next") == "1905-10-15", f"▶ from 1905-09-05 went to {r.get('day_after_next')}, not 1905-10-15")
after_next = r.get("sources_text_after_next", "")
check("Portsmouth" in after_next and "At this place on 15 October 1905" in after_next,
      f"the sources dock did not follow ▶ to 15 October 1905: {after_next[:300]!r}")
check(r.get("icons_distinct"), "Add Historical Layers and What Was Here? share one toolbar icon")
check(r.get("animation_button") == "Export Animation",
      f"the animation dialog's button says {r.get('animation_button')!r}, not what it does")
check(r.get("day_after_previous") == "1905-09-05", f"◀ went back to {r.get('day_after_previous')}")
check("1905-02-30" in r.get("bad_date_warning", "") or "Go to date" in r.get("bad_date_warning", ""),
      f"no warning for 1905-02-30: {r.get('bad_date_warning')!r}")
check(r.get("day_after_bad_date") == "1905-09-05", f"a bad date moved the timeline to {r.get('day_after_bad_date')}")
check(r.get("form_open"), "the Identify form did not open")
check("Karafuto" in r.get("map_tip_html", "") or "Japan" in r.get("map_tip_html", ""),
      f"the map tip at Toyohara in 1910 ({r.get('map_tip_engine')}) does not name Karafuto/Japan: "
      f"{r.get('map_tip_html', '')[:200]!r}")
check("Karafuto" in r.get("form_html", "") or "Japan" in r.get("form_html", ""),
      f"the Identify form at Toyohara does not show the popup: {r.get('form_html', '')[:200]!r}")
names = r.get("layer_names_ja", [])
check(any(any("\u3040" <= ch <= "\u9fff" for ch in name) for name in names), f"layer names not in Japanese: {names}")
legend_ru = r.get("legend_ru") or []
check(legend_ru and all(any("\u0400" <= ch <= "\u04ff" for ch in name) for name in legend_ru),
      f"the Layers panel's legend is not in Russian: {legend_ru}")
legend_ja = r.get("legend_ja") or []
check(legend_ja and all(any("\u3040" <= ch <= "\u9fff" for ch in name) for name in legend_ja),
      f"the Layers panel's legend is not in Japanese: {legend_ja}")
check("'ja'" in r.get("date_label_ja", ""), f"the date label is not Japanese: {r.get('date_label_ja')!r}")
check(r.get("first_event_ja") == "日露和親条約(下田条約)調印", f"events dock not in Japanese: {r.get('first_event_ja')!r}")
for shot in ("desktop-1906-01-01", "desktop-1946-06-01", "desktop-event-portsmouth", "desktop-japanese",
             "desktop-russian"):
    checks.screenshot(shot)

checks.finish(f"e2e desktop: timeline, events dock, sources dock, map tip (shown by {r.get('map_tip_engine')}), "
              f"Identify form and language work; screenshots in {out}")
