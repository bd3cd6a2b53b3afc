#!/usr/bin/python3
"""Writes styles/*.qml with PyQGIS (Debian's python3-qgis).

The QML files are committed and reviewed as text; this script is how they were
made, so a palette change is one edit here and a re-run:
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 styles/tools/generate_styles.py

Colours: one family per power, from the Okabe-Ito palette (distinguishable
for the common forms of colour blindness, and of distinct lightness, so that
they stay apart in greyscale). Boundary certainty is the outline's dash:
solid high, dashed medium, dotted low.
"""
import os
import sys
import tempfile

# A fixed hash seed makes Qt write XML attributes in the same order on every run,
# so that a re-run changes only what the palette or rules changed.
os.environ["QT_HASH_SEED"] = "0"

from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsFeatureRequest, QgsFillSymbol, QgsLineSymbol,
                       QgsMarkerSymbol, QgsPalLayerSettings, QgsProperty, QgsRendererCategory,
                       QgsSimpleFillSymbolLayer, QgsSymbolLayer, QgsTextBufferSettings, QgsTextFormat,
                       QgsVectorLayer, QgsVectorLayerSimpleLabeling, QgsLinePatternFillSymbolLayer,
                       QgsUnitTypes, QgsRuleBasedRenderer)
from qgis.PyQt.QtGui import QColor, QFont

HERE = os.path.dirname(os.path.abspath(__file__))
STYLES = os.path.dirname(HERE)

# holder code -> (label, strong colour, pale tint)
POWERS = [
    ("JP", "Japan", "#D55E00", "#F6CDB0"),
    ("RU", "Russian Empire", "#0072B2", "#B9D7EA"),
    ("SU", "Soviet Union", "#005A8C", "#A9C6DA"),
    ("RF", "Russian Federation", "#3D8CC4", "#C6DCEC"),
    ("FER", "Far Eastern Republic", "#56B4E9", "#CFE8F7"),
    ("CN", "China (Qing / Republic)", "#E69F00", "#F8E2B0"),
    ("PRC", "People's Republic of China", "#C98A00", "#F2D9A2"),
    ("MK", "Manchukuo", "#CC79A7", "#EDD0E0"),
    ("KR", "Korea", "#009E73", "#B3E0D3"),
    ("MN", "Mongolia", "#B8A800", "#F4EFB0"),
    ("US", "United States (occupation)", "#6A5ACD", "#D9D4F2"),
    ("JOINT", "Shared (condominium)", "#777777", "#DDDDDD"),
    # the Civil War governments of Siberia and the Far East, 1918-1922: earth tones, apart
    # from the Soviet blues and from one another in lightness
    ("SIB", "Omsk governments (Provisional Siberian, Kolchak)", "#7F6A4A", "#E2D9C8"),
    ("SEM", "Ataman Semenov (Transbaikalia)", "#A05A2C", "#EED3C0"),
    ("KAL", "Ataman Kalmykov (Khabarovsk)", "#6B6B2E", "#E0E0C0"),
    ("HOR", "General Horvath (railway zone)", "#5E7F8A", "#D2E0E4"),
    ("ZEM", "Primorye Zemstvo government", "#4F8A8B", "#CDE2E2"),
    ("PRM", "Provisional Priamur Government", "#7A3B2E", "#E4C9C3"),
]

CERTAINTY_DASH = ("CASE WHEN \"certainty\" = 'high' THEN 'solid' "
                  "WHEN \"certainty\" = 'medium' THEN 'dash' ELSE 'dot' END")


def outline_by_certainty(symbol_layer):
    symbol_layer.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeStyle,
                                        QgsProperty.fromExpression(CERTAINTY_DASH))


def disputed_outline(symbol_layer):
    """Disputed claims: a heavier, dashed outline whatever the certainty."""
    symbol_layer.setDataDefinedProperty(
        QgsSymbolLayer.PropertyStrokeWidth,
        QgsProperty.fromExpression("CASE WHEN \"status\" = 'disputed' THEN 0.9 ELSE 0.35 END"))
    symbol_layer.setDataDefinedProperty(
        QgsSymbolLayer.PropertyStrokeStyle,
        QgsProperty.fromExpression(f"CASE WHEN \"status\" = 'disputed' THEN 'dash' ELSE {CERTAINTY_DASH} END"))


# Statuses under which a power holds another's land (a lease, a railway zone, an occupation, a sphere,
# a protectorate): its strong colour, translucent over the sovereign's tint. Land a power governs as its
# own is drawn in the power's tint, the same as the states layer under it, so that one power has
# one colour on the map (Soviet southern Sakhalin is the blue of Soviet Siberia); that is also the
# legend's swatch, drawn without a feature. A claim is not a hold: outline only.
HELD_OVER_OTHERS = "'leased', 'railway_zone', 'occupied', 'sphere', 'protectorate'"


def colour_expression(colour, alpha=255):
    c = QColor(colour)
    return f"'{c.red()},{c.green()},{c.blue()},{alpha}'"


def settlement_fill(strong, pale):
    symbol = fill(pale, strong, stroke_width=0.35)
    symbol.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.PropertyFillColor,
        QgsProperty.fromExpression(
            f"CASE WHEN \"status\" IN ({HELD_OVER_OTHERS}) THEN {colour_expression(strong, 150)} "
            f"WHEN \"status\" = 'disputed' THEN '0,0,0,0' "
            f"ELSE {colour_expression(pale)} END"))
    disputed_outline(symbol.symbolLayer(0))
    return symbol


def fill(colour, stroke, alpha=255, stroke_width=0.3):
    layer = QgsSimpleFillSymbolLayer()
    c = QColor(colour)
    c.setAlpha(alpha)
    layer.setColor(c)
    layer.setStrokeColor(QColor(stroke))
    layer.setStrokeWidth(stroke_width)
    outline_by_certainty(layer)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, layer)
    return symbol


def hatch(colour, angle):
    symbol = QgsFillSymbol()
    pattern = QgsLinePatternFillSymbolLayer()
    pattern.setLineAngle(angle)
    pattern.setDistance(1.6)
    pattern.setLineWidth(0.35)
    pattern.setColor(QColor(colour))
    symbol.changeSymbolLayer(0, pattern)
    border = QgsSimpleFillSymbolLayer()
    border.setColor(QColor(0, 0, 0, 0))
    border.setStrokeColor(QColor(colour))
    border.setStrokeWidth(0.5)
    outline_by_certainty(border)
    symbol.appendSymbolLayer(border)
    return symbol


def categorized(make_symbol):
    categories = [QgsRendererCategory(code, make_symbol(strong, pale), label)
                  for code, label, strong, pale in POWERS]
    return QgsCategorizedSymbolRenderer("holder", categories)


def labels(field="name_en", size=8.0, colour="#222222", expression=False, show=None, inside=False, wrap=False):
    settings = QgsPalLayerSettings()
    if wrap:
        # Islands and zones named beside them on short lines: a long name in one line reaches
        # across the Sea of Okhotsk (the Central Kurils' over Sakhalin) or off the map's edge.
        settings.autoWrapLength = 26
    if inside:
        # Territories named within their own outline, wrapped onto short lines: a long name
        # centred on a crescent such as the Amur's left bank would lie over Manchuria and
        # make it read as Russian. A name that cannot fit inside is left out.
        settings.placement = QgsPalLayerSettings.Horizontal
        settings.fitInPolygonOnly = False
        settings.autoWrapLength = 16
    if show:
        settings.dataDefinedProperties().setProperty(QgsPalLayerSettings.Show, QgsProperty.fromExpression(show))
    settings.fieldName = field
    settings.isExpression = expression
    # A label stands on its own territory: the centroid of a crescent such as the Amur's left
    # bank lies outside it (over Manchuria), so the anchor is a point inside the polygon.
    settings.centroidInside = True
    text = QgsTextFormat()
    text.setFont(QFont("Noto Sans"))
    text.setSize(size)
    text.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255, 200))
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


def polygon_layer():
    return QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=holder:string&field=status:string"
                          "&field=certainty:string&field=name_en:string", "tmp", "memory")


def save(layer, name):
    path = os.path.join(STYLES, name)
    message, ok = layer.saveNamedStyle(path)
    if not ok:
        sys.exit(f"{path}: {message}")
    print("wrote", path)


def main():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    profile = tempfile.mkdtemp()
    app = QgsApplication([], False, profile)
    QgsApplication.setPrefixPath("/usr", True)
    app.initQgis()

    land = polygon_layer()
    symbol = QgsFillSymbol.createSimple({"color": "#f4f1ea", "outline_color": "#8c8c8c", "outline_width": "0.2"})
    land.renderer().setSymbol(symbol)
    save(land, "land.qml")

    # Context: pale tints, thin outlines, country names.
    states = polygon_layer()
    states.setRenderer(categorized(lambda strong, pale: fill(pale, "#6e6e6e", stroke_width=0.25)))
    # One name per place: Sakhalin, the Kurils, the leases and Manchukuo are named by the
    # layers drawn over the states, so the states name only territories larger than
    # Sakhalin's halves (area() of lon/lat geometry is in square degrees; 6 is about
    # 45,000 km² here). Taiwan and Hainan, the other islands that small, lie south of
    # the region's default view.
    states.setLabeling(labels(size=7.5, colour="#555555", show="area($geometry) > 6 AND \"holder\" <> 'MK'",
                              inside=True))
    states.setLabelsEnabled(True)
    save(states, "states.qml")

    # The settlements: the power's tint where it governs (strong where it only leases, runs a
    # railway zone or occupies), outlines in its strong colour by certainty, claims outlined only.
    for name in ("border_1875.qml", "border_1905.qml", "kurils_1945.qml"):
        layer = polygon_layer()
        renderer = categorized(settlement_fill)
        # Claims first, holds over them: the claimant's outline stays a rim around the
        # holder's islands on every date, whichever feature the file stores first.
        renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(
            "CASE WHEN \"status\" = 'disputed' THEN 0 ELSE 1 END", True)]))
        renderer.setOrderByEnabled(True)
        layer.setRenderer(renderer)
        layer.setLabeling(labels(size=7.5, wrap=True))
        layer.setLabelsEnabled(True)
        save(layer, name)

    spheres = polygon_layer()
    spheres.setRenderer(categorized(lambda strong, pale: hatch(strong, 45)))
    save(spheres, "spheres_1907_1916.qml")

    occupation = polygon_layer()
    occupation.setRenderer(categorized(lambda strong, pale: fill(strong, strong, alpha=110, stroke_width=0.5)))
    save(occupation, "siberian_occupation.qml")

    manchukuo = polygon_layer()
    manchukuo.setRenderer(categorized(lambda strong, pale: fill(strong, strong, alpha=140, stroke_width=0.5)))
    manchukuo.setLabeling(labels(size=9))
    manchukuo.setLabelsEnabled(True)
    save(manchukuo, "manchukuo.qml")

    # Events stay on the map from their day on; those of the last year before the
    # map's date stand out, older ones recede to small grey dots so that the map
    # of 1950 is not covered in the markers of a century.
    events = QgsVectorLayer("Point?crs=EPSG:4326&field=kind:string&field=name_en:string"
                            "&field=valid_from:date", "tmp", "memory")
    recent = QgsMarkerSymbol.createSimple({"name": "diamond", "color": "#222222", "outline_color": "#ffffff",
                                           "outline_width": "0.3", "size": "2.6"})
    older = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#8c8c8c", "outline_color": "#ffffff",
                                          "outline_width": "0.15", "size": "1.2"})
    older.setOpacity(0.7)
    root = QgsRuleBasedRenderer.Rule(None)
    recent_rule = QgsRuleBasedRenderer.Rule(
        recent, 0, 0, "@map_start_time IS NULL OR "
        "day(age(@map_start_time, to_datetime(\"valid_from\"))) < 366", "Events of the past year")
    root.appendChild(recent_rule)
    older_rule = QgsRuleBasedRenderer.Rule(older, 0, 0, "ELSE", "Earlier events")
    older_rule.setIsElse(True)
    root.appendChild(older_rule)
    events.setRenderer(QgsRuleBasedRenderer(root))
    save(events, "events.qml")

    app.exitQgis()


if __name__ == "__main__":
    main()
