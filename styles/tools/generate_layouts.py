#!/usr/bin/python3
"""Writes Pendulum's print layout templates (styles/*.qpt) with PyQGIS.

The templates are committed; users open them in QGIS's layout designer
(Project > Layout Manager > "Create from template: Specific") and restyle
them. Pendulum's core (PendulumPrintLayout, PendulumEventsAtlas) loads them,
sets up the items it finds by id (map, legend, sources_table) and fills the
texts through layout variables that the labels quote as [% @pendulum_... %],
so a restyled template keeps working as long as the ids and variables stay:

  print maps  items map, legend, sources_table (page 2: the full references);
              variables pendulum_title, pendulum_date, pendulum_sources,
              pendulum_sources_heading, pendulum_credits
  atlas       items map, legend; variables pendulum_title, pendulum_date,
              pendulum_place, pendulum_description, pendulum_changes,
              pendulum_citations, pendulum_credits (set for every page; the
              "story" label quotes description, changes and citations)

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 styles/tools/generate_layouts.py
"""
import os
import sys
import tempfile

# A fixed hash seed makes Qt write XML attributes in the same order on every run.
os.environ["QT_HASH_SEED"] = "0"

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsExpressionContextUtils, QgsLayoutFrame, QgsLayoutItem,
                       QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemMapGrid,
                       QgsLayoutItemPage, QgsLayoutItemPicture, QgsLayoutItemScaleBar, QgsLayoutItemTextTable,
                       QgsLayoutMeasurement, QgsLayoutMultiFrame, QgsLayoutPoint, QgsLayoutSize, QgsLayoutTable,
                       QgsLayoutTableColumn, QgsLegendStyle, QgsPrintLayout, QgsProject, QgsRectangle, QgsReadWriteContext, QgsScaleBarSettings,
                       QgsTextFormat, QgsUnitTypes)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

HERE = os.path.dirname(os.path.abspath(__file__))
STYLES = os.path.dirname(HERE)

FONT = "Noto Sans"
MARGIN = 10.0
PAPERS = {"a4": (210.0, 297.0), "a3": (297.0, 420.0), "letter": (215.9, 279.4)}
INK = QColor("#222222")


def text_format(size, bold=False, colour=INK):
    font = QFont(FONT)
    font.setBold(bold)
    fmt = QgsTextFormat()
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(colour)
    return fmt


def place(item, x, y, w, h):
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))


def label(layout, item_id, size, rect, bold=False, valign=Qt.AlignTop, halign=Qt.AlignLeft):
    """A label showing the layout variable pendulum_<item_id>."""
    item = QgsLayoutItemLabel(layout)
    item.setId(item_id)
    item.setText("[% @pendulum_" + item_id + " %]")
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    item.setFontColor(INK)
    item.setVAlign(valign)
    item.setHAlign(halign)
    item.setMarginX(0)
    item.setMarginY(0)
    layout.addLayoutItem(item)
    place(item, *rect)
    return item


def map_item(layout, rect):
    item = QgsLayoutItemMap(layout)
    item.setId("map")
    item.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))  # replaced by the region's CRS when filled
    item.setFrameEnabled(True)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, QgsUnitTypes.LayoutMillimeters))
    item.setBackgroundColor(QColor("#f7f9fb"))
    layout.addLayoutItem(item)
    # The default region, so that the designer shows something (Pendulum sets its own).
    place(item, *rect)
    x, y, w, h = rect
    item.setExtent(QgsRectangle(130 - 12.5 * w / h, 35, 130 + 12.5 * w / h, 60))
    # The graticule: every 10 degrees of longitude and latitude, annotated outside the frame.
    grid = QgsLayoutItemMapGrid("graticule", item)
    grid.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    grid.setUnits(QgsLayoutItemMapGrid.MapUnit)
    grid.setIntervalX(10)
    grid.setIntervalY(10)
    grid.setStyle(QgsLayoutItemMapGrid.Solid)
    grid.setGridLineColor(QColor(90, 110, 130, 110))
    grid.setGridLineWidth(0.15)
    grid.setAnnotationEnabled(True)
    grid.setAnnotationFormat(QgsLayoutItemMapGrid.DecimalWithSuffix)
    grid.setAnnotationPrecision(0)
    grid.setAnnotationTextFormat(text_format(6.5, colour=QColor("#444444")))
    for side in (QgsLayoutItemMapGrid.Left, QgsLayoutItemMapGrid.Right, QgsLayoutItemMapGrid.Top,
                 QgsLayoutItemMapGrid.Bottom):
        grid.setAnnotationPosition(QgsLayoutItemMapGrid.OutsideMapFrame, side)
        grid.setAnnotationFrameDistance(1.0)
    # Latitudes on the sides, longitudes along top and bottom: a conic graticule
    # crosses every side, and mixed annotations would be unreadable.
    grid.setAnnotationDisplay(QgsLayoutItemMapGrid.LatitudeOnly, QgsLayoutItemMapGrid.Left)
    grid.setAnnotationDisplay(QgsLayoutItemMapGrid.LatitudeOnly, QgsLayoutItemMapGrid.Right)
    grid.setAnnotationDisplay(QgsLayoutItemMapGrid.LongitudeOnly, QgsLayoutItemMapGrid.Top)
    grid.setAnnotationDisplay(QgsLayoutItemMapGrid.LongitudeOnly, QgsLayoutItemMapGrid.Bottom)
    grid.setAnnotationDirection(QgsLayoutItemMapGrid.Vertical, QgsLayoutItemMapGrid.Left)
    grid.setAnnotationDirection(QgsLayoutItemMapGrid.Vertical, QgsLayoutItemMapGrid.Right)
    grid.setAnnotationDirection(QgsLayoutItemMapGrid.Horizontal, QgsLayoutItemMapGrid.Top)
    grid.setAnnotationDirection(QgsLayoutItemMapGrid.Horizontal, QgsLayoutItemMapGrid.Bottom)
    grid.setFrameStyle(QgsLayoutItemMapGrid.NoFrame)
    item.grids().addGrid(grid)
    return item


def north_arrow(layout, the_map, x, y):
    item = QgsLayoutItemPicture(layout)
    item.setId("north")
    item.setPicturePath("/usr/share/qgis/svg/arrows/NorthArrow_02.svg")
    item.setLinkedMap(the_map)  # true north, which turns across a conic projection
    item.setNorthMode(QgsLayoutItemPicture.TrueNorth)
    item.setSvgFillColor(INK)
    item.setSvgStrokeColor(INK)
    item.setBackgroundEnabled(False)
    item.setFrameEnabled(False)
    layout.addLayoutItem(item)
    place(item, x, y, 9, 13)
    return item


def scale_bar(layout, the_map, x, y):
    item = QgsLayoutItemScaleBar(layout)
    layout.addLayoutItem(item)
    item.setId("scalebar")
    item.setLinkedMap(the_map)
    item.setStyle("Single Box")
    item.setUnits(QgsUnitTypes.DistanceKilometers)
    item.setUnitLabel("km")
    item.setNumberOfSegments(4)
    item.setNumberOfSegmentsLeft(0)
    # Fit the segments to 30-60 mm whatever the map's scale: Pendulum's maps range
    # from the whole region to a single island group.
    item.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    item.setMinimumBarWidth(30)
    item.setMaximumBarWidth(60)
    item.setUnitsPerSegment(250)
    item.setTextFormat(text_format(7))
    item.setHeight(1.8)
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    item.update()
    return item


def legend(layout, the_map, rect):
    item = QgsLayoutItemLegend(layout)
    item.setId("legend")
    item.setTitle("Legend")
    item.setLinkedMap(the_map)
    item.setLegendFilterByMapEnabled(True)
    item.setResizeToContents(False)
    item.setSymbolWidth(5)
    item.setSymbolHeight(2.8)
    item.setWrapString("")
    for style, size, bold in ((QgsLegendStyle.Title, 10, True), (QgsLegendStyle.Group, 7.5, True),
                              (QgsLegendStyle.Subgroup, 7, True), (QgsLegendStyle.SymbolLabel, 6.5, False)):
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        item.setStyleFont(style, font)
    item.rstyle(QgsLegendStyle.Symbol).setMargin(QgsLegendStyle.Top, 1.2)
    item.rstyle(QgsLegendStyle.Subgroup).setMargin(QgsLegendStyle.Top, 2.0)
    item.setFrameEnabled(False)
    item.setBackgroundEnabled(False)
    layout.addLayoutItem(item)
    place(item, *rect)
    return item


def sources_page(layout, width, height):
    """Page 2: the full numbered references, flowing onto further pages if long."""
    page = QgsLayoutItemPage(layout)
    page.setPageSize(QgsLayoutSize(width, height))
    layout.pageCollection().addPage(page)
    top = height + layout.pageCollection().spaceBetweenPages()
    label(layout, "sources_heading", 13, (MARGIN, top + MARGIN, width - 2 * MARGIN, 8), bold=True)
    table = QgsLayoutItemTextTable(layout)
    layout.addMultiFrame(table)
    columns = []
    for heading, column_width in (("No.", 10), ("Reference", width - 2 * MARGIN - 16)):
        column = QgsLayoutTableColumn(heading)
        column.setWidth(column_width)
        columns.append(column)
    table.setColumns(columns)
    table.setWrapBehavior(QgsLayoutTable.WrapText)
    table.setHeaderMode(QgsLayoutTable.NoHeaders)
    table.setShowGrid(False)
    table.setCellMargin(0.8)
    table.setContentTextFormat(text_format(8))
    table.setResizeMode(QgsLayoutMultiFrame.RepeatUntilFinished)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("sources_table")
    place(frame, MARGIN, top + MARGIN + 10, width - 2 * MARGIN, height - 2 * MARGIN - 10)
    table.addFrame(frame)


def new_layout(project, width, height, name):
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(width, height))
    return layout


def print_layout(project, paper, orientation):
    short, long_ = PAPERS[paper]
    width, height = (long_, short) if orientation == "landscape" else (short, long_)
    layout = new_layout(project, width, height, "Pendulum %s %s" % (paper.upper(), orientation))
    m = MARGIN
    label(layout, "title", 16, (m, m, width - 2 * m, 9), bold=True)
    label(layout, "date", 10, (m, m + 9, width - 2 * m, 6))
    top = m + 19
    annot = 6  # room for the graticule's annotations outside the frame
    credits_h = 7
    if orientation == "landscape":
        side = round(width * 0.28)
        map_rect = (m + annot, top + annot, width - 2 * m - side - 2 * annot - 3, height - top - m - annot - 14 - credits_h)
        the_map = map_item(layout, map_rect)
        side_x = width - m - side
        legend(layout, the_map, (side_x, top, side, (height - top - m) * 0.5))
        sources_y = top + (height - top - m) * 0.5 + 2
        label(layout, "sources", 5.5, (side_x, sources_y, side, height - m - credits_h - sources_y - 2))
    else:
        map_h = (height - top - m) * 0.58
        map_rect = (m + annot, top + annot, width - 2 * m - 2 * annot, map_h)
        the_map = map_item(layout, map_rect)
        below = top + annot + map_h + annot + 12
        column = (width - 2 * m - 6) / 2
        legend(layout, the_map, (m, below, column, height - m - credits_h - below - 2))
        label(layout, "sources", 6, (m + column + 6, below, column, height - m - credits_h - below - 2))
    mx, my, mw, mh = map_rect
    north_arrow(layout, the_map, mx + mw - 13, my + 4)
    scale_bar(layout, the_map, mx, my + mh + annot + 1)
    label(layout, "credits", 6, (m, height - m - credits_h, width - 2 * m, credits_h),
          valign=Qt.AlignBottom)
    sources_page(layout, width, height)
    return layout


def atlas_layout(project):
    width, height = 297.0, 210.0
    layout = new_layout(project, width, height, "Pendulum events atlas")
    m = MARGIN
    side = 110
    annot = 6
    map_rect = (m + annot, m + annot, width - 2 * m - side - 2 * annot - 4, height - 2 * m - 2 * annot - 16)
    the_map = map_item(layout, map_rect)
    mx, my, mw, mh = map_rect
    north_arrow(layout, the_map, mx + mw - 13, my + 4)
    scale_bar(layout, the_map, mx, my + mh + annot + 1)
    x = width - m - side
    label(layout, "title", 13, (x, m, side, 14), bold=True)
    label(layout, "date", 9, (x, m + 15, side, 6))
    label(layout, "place", 7.5, (x, m + 22, side, 8))
    # One label for the story, so that a long description leaves room to what
    # follows instead of being cut off by a fixed box.
    story = label(layout, "story", 7.5, (x, m + 31, side, height - 2 * m - 31 - 8))
    story.setText("[% @pendulum_description %]\n\n[% @pendulum_changes %]\n\n[% @pendulum_citations %]")
    legend_item = legend(layout, the_map, (mx + 2, my + 2, 64, 62))
    legend_item.setBackgroundEnabled(True)
    legend_item.setBackgroundColor(QColor(255, 255, 255, 215))
    legend_item.setTitle("")
    # The box grows down with what the day shows (a fixed box clipped 1930s pages).
    legend_item.setResizeToContents(True)
    label(layout, "credits", 6, (m, height - m - 6, width - 2 * m, 6), valign=Qt.AlignBottom)
    return layout


SAMPLE = {
    "title": "North-East Asia on 1 January 1910",
    "date": "1 January 1910 · Meiji 43 · 19 December 1909 O.S.",
    "sources": "Sources: [1] Treaty of Portsmouth 1905; [2] Stephan 1971",
    "sources_heading": "Sources",
    "credits": "Map: Pendulum. Coastlines: Natural Earth 1:10m, public domain.",
    "place": "Portsmouth, New Hampshire",
    "description": "The event's description.",
    "changes": "What changed: the features beginning and ending on the day.",
    "citations": "Sources: the event's full references.",
}


def save(layout, name):
    # Sample values, so that the template reads well in the layout designer;
    # Pendulum replaces them for every map and atlas page.
    names = [n for n in SAMPLE]
    QgsExpressionContextUtils.setLayoutVariables(layout, {"pendulum_" + n: SAMPLE[n] for n in names})
    layout.saveAsTemplate(os.path.join(STYLES, name), QgsReadWriteContext())
    print("wrote", name)


def main():
    home = tempfile.mkdtemp(prefix="pendulum-layouts-")
    os.environ.setdefault("HOME", home)
    app = QgsApplication([], False, home)
    QgsApplication.setPrefixPath("/usr", True)
    QgsApplication.initQgis()
    project = QgsProject()
    project.setEllipsoid("WGS84")  # WGS 84: scale bars measure true distances
    for paper in PAPERS:
        for orientation in ("landscape", "portrait"):
            save(print_layout(project, paper, orientation), "pendulum_%s_%s.qpt" % (paper, orientation))
    save(atlas_layout(project), "pendulum_atlas_a4_landscape.qpt")
    QgsApplication.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
