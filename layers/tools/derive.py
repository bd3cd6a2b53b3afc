#!/usr/bin/python3
"""Derive the Pendulum layers (layers/<layer>.geojson) and the bibliography
(layers/sources.json) from the recipe files in layers/recipes/ and
layers/sources.d/.

Usage (from the repository root, with Debian's python3 that has osgeo):

    /usr/bin/python3 layers/tools/derive.py [--check] [--only LAYER] [--quiet]

--check   write nothing; exit 1 if a committed file differs from what would be
          written (or is missing), or if validation fails.
--only    derive (and compare) only this layer; validation of properties and
          cross-references still covers the whole dataset.

See layers/tools/README.md for the recipe format.  Only osgeo.ogr/osr (GEOS)
are used for geometry.  Output is deterministic: the same input gives
byte-identical files.
"""

import argparse
import datetime
import glob
import json
import os
import re
import sys

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()
gdal.PushErrorHandler("CPLQuietErrorHandler")

HERE = os.path.dirname(os.path.abspath(__file__))
LAYERS_DIR = os.path.dirname(HERE)
RECIPES_DIR = os.path.join(LAYERS_DIR, "recipes")
SOURCES_DIR = os.path.join(LAYERS_DIR, "sources.d")
CATALOG = os.path.join(LAYERS_DIR, "catalog.json")
NE_GPKG = os.environ.get("PENDULUM_NE_GPKG",
                         "/usr/share/qgis/resources/data/world_map.gpkg")

REGION = (70.0, 15.0, 180.0, 75.0)
SLIVER = 1e-7          # deg², parts smaller than this are dropped
OVERLAP_TOL = 1e-4     # deg², states: max pairwise overlap on a date
COVER_TOL = 1e-3       # deg², states: max symmetric difference on a date
TOPOLOGY_START = "1855-01-01"

PROP_ORDER = [
    "id", "name_en", "name_ja", "name_ru", "name_zh", "holder", "status",
    "overlord", "valid_from", "valid_to", "from_precision", "to_precision",
    "from_event", "to_event", "sources", "certainty", "method",
    "description_en", "description_ja", "description_ru",
]
EVENT_PROPS = ["date", "date_precision", "kind", "place"]
# US: proposed extension (see layers/tools/README.md): US military government /
# administration (southern Korea 1945-48, Okinawa 1945-72, Amami, Tokara)
# SIB, SEM, KAL, HOR, ZEM, PRM: the anti-Bolshevik and other governments of the Civil War
# in Siberia and the Far East, 1918-1922 (see layers/tools/README.md)
HOLDERS = {"JP", "RU", "SU", "RF", "FER", "CN", "PRC", "MK", "KR", "MN", "JOINT", "US",
           "SIB", "SEM", "KAL", "HOR", "ZEM", "PRM"}
STATUSES = {"sovereign", "leased", "railway_zone", "sphere", "protectorate",
            "occupied", "puppet_state", "annexed", "disputed", "condominium"}
PRECISIONS = {"day", "month", "year"}
CERTAINTIES = {"high", "medium", "low"}
KINDS = {"treaty", "landing", "battle", "proclamation", "withdrawal", "decree",
         "declaration"}
REQUIRED = ["id", "name_en", "name_ja", "name_ru", "holder", "status",
            "valid_from", "from_precision", "sources", "certainty", "method",
            "description_en"]
REQUIRED_LAND = ["id", "name_en", "name_ja", "name_ru", "sources", "method"]
NON_TEMPORAL = {"land"}
CSL_KEY_ORDER = [
    "id", "type", "title", "title-short", "container-title", "collection-title",
    "author", "editor", "translator", "publisher", "publisher-place", "edition",
    "volume", "issue", "number", "page", "number-of-pages", "issued",
    "original-date", "DOI", "ISBN", "URL", "accessed", "language", "note",
]
ID_RE = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class RecipeError(Exception):
    pass


# --------------------------------------------------------------------------
# small helpers

def parse_date(s):
    if not isinstance(s, str) or not DATE_RE.match(s):
        return None
    try:
        return datetime.date.fromisoformat(s)
    except ValueError:
        return None


def rel(path):
    return os.path.relpath(path, os.path.dirname(LAYERS_DIR))


def region_geom():
    x0, y0, x1, y1 = REGION
    return box_geom(x0, y0, x1, y1)


def box_geom(x0, y0, x1, y1):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
        ring.AddPoint_2D(float(x), float(y))
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def empty_multi():
    return ogr.Geometry(ogr.wkbMultiPolygon)


def polygonal(g):
    """Return the polygonal part of g as a valid MultiPolygon (may be empty)."""
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    if g is None or g.IsEmpty():
        return out
    if not g.IsValid():
        g = g.MakeValid()
    stack = [g]
    while stack:
        h = stack.pop()
        t = ogr.GT_Flatten(h.GetGeometryType())
        if t == ogr.wkbPolygon:
            if h.GetArea() >= SLIVER:
                out.AddGeometry(h)
        elif t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
            for i in range(h.GetGeometryCount()):
                stack.append(h.GetGeometryRef(i).Clone())
    if out.GetGeometryCount() > 1:
        u = out.UnionCascaded()
        out = ogr.Geometry(ogr.wkbMultiPolygon)
        stack = [u]
        while stack:
            h = stack.pop()
            t = ogr.GT_Flatten(h.GetGeometryType())
            if t == ogr.wkbPolygon:
                if h.GetArea() >= SLIVER:
                    out.AddGeometry(h)
            elif t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
                for i in range(h.GetGeometryCount()):
                    stack.append(h.GetGeometryRef(i).Clone())
    return out


def union_all(geoms):
    m = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geoms:
        g = polygonal(g)
        for i in range(g.GetGeometryCount()):
            m.AddGeometry(g.GetGeometryRef(i))
    if m.GetGeometryCount() == 0:
        return m
    return polygonal(m.UnionCascaded())


# --------------------------------------------------------------------------
# Natural Earth access

class NaturalEarth:
    def __init__(self, path):
        if not os.path.exists(path):
            raise RecipeError("Natural Earth GeoPackage not found: %s" % path)
        self.path = path
        self.ds = ogr.Open(path)
        self._countries = None
        self._provinces = None
        self._land = None

    def _load(self, layer_name, keyf):
        out = {}
        lyr = self.ds.GetLayerByName(layer_name)
        x0, y0, x1, y1 = REGION
        lyr.SetSpatialFilterRect(x0, y0, x1, y1)
        region = region_geom()
        for f in lyr:
            key = keyf(f)
            g = f.GetGeometryRef()
            if key is None or g is None:
                continue
            g = g.Clone()
            if not g.IsValid():
                g = g.MakeValid()
            g = polygonal(g.Intersection(region))
            if g.IsEmpty():
                continue
            out.setdefault(key, []).append(g)
        lyr.SetSpatialFilter(None)
        return {k: union_all(v) if len(v) > 1 else v[0] for k, v in out.items()}

    def countries(self):
        if self._countries is None:
            self._countries = self._load("countries", lambda f: f.GetField("NAME"))
        return self._countries

    def provinces(self):
        if self._provinces is None:
            self._provinces = self._load(
                "states_provinces",
                lambda f: (f.GetField("admin"), f.GetField("name")))
        return self._provinces

    def country(self, name):
        c = self.countries()
        if name not in c:
            raise RecipeError("no Natural Earth country %r in the region" % name)
        return c[name]

    def province(self, admin, name):
        p = self.provinces()
        if (admin, name) not in p:
            raise RecipeError("no Natural Earth province %r/%r in the region"
                              % (admin, name))
        return p[(admin, name)]

    def land(self):
        if self._land is None:
            self._land = union_all(sorted(self.countries().values(),
                                          key=lambda g: g.ExportToWkt()[:64]))
        return self._land


# --------------------------------------------------------------------------
# recipe evaluation

def metric_buffer(coords, km):
    line = ogr.Geometry(ogr.wkbLineString)
    for lon, lat in coords:
        line.AddPoint_2D(float(lon), float(lat))
    c = line.Centroid()
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    aeqd = osr.SpatialReference()
    aeqd.ImportFromProj4("+proj=aeqd +lat_0=%.6f +lon_0=%.6f +datum=WGS84 +units=m +no_defs"
                         % (c.GetY(), c.GetX()))
    aeqd.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    fwd = osr.CoordinateTransformation(wgs, aeqd)
    back = osr.CoordinateTransformation(aeqd, wgs)
    line.Transform(fwd)
    buf = line.Buffer(float(km) * 1000.0, 16)
    buf.Transform(back)
    return buf


class Evaluator:
    def __init__(self, ne, shapes, features):
        self.ne = ne
        self.shapes = shapes          # name -> (file, recipe)
        self.features = features      # id -> (file, feature dict)
        self.cache_shape = {}
        self.cache_feature = {}
        self.stack = []

    # is the result of this recipe already made of Natural Earth land?
    def land_derived(self, r, seen=None):
        seen = seen or set()
        if not isinstance(r, dict) or len(r) != 1:
            return False
        (k, v), = r.items()
        if k in ("land", "country", "province"):
            return True
        if k == "union":
            return all(self.land_derived(x, seen) for x in v)
        if k == "intersection":
            return any(self.land_derived(x, seen) for x in v)
        if k == "difference":
            return bool(v) and self.land_derived(v[0], seen)
        if k == "islands_in":
            return self.land_derived(v.get("of"), seen)
        if k == "shape":
            if v in seen or v not in self.shapes:
                return False
            seen.add(v)
            return self.land_derived(self.shapes[v][1], seen)
        if k == "feature":
            if v in seen or v not in self.features:
                return False
            seen.add(v)
            return self.land_derived(self.features[v][1].get("geometry"), seen)
        return False

    def eval(self, r):
        if not isinstance(r, dict) or len(r) != 1:
            raise RecipeError("a geometry recipe must be an object with one key, got %s"
                              % json.dumps(r)[:80])
        (k, v), = r.items()
        if k == "land":
            return self.ne.land()
        if k == "country":
            return union_all([self.ne.country(n) for n in v])
        if k == "province":
            return union_all([self.ne.province(a, n) for a, n in v])
        if k == "polygon":
            if len(v) < 3:
                raise RecipeError("polygon needs at least 3 points")
            ring = ogr.Geometry(ogr.wkbLinearRing)
            for lon, lat in v:
                ring.AddPoint_2D(float(lon), float(lat))
            if tuple(v[0]) != tuple(v[-1]):
                ring.AddPoint_2D(float(v[0][0]), float(v[0][1]))
            poly = ogr.Geometry(ogr.wkbPolygon)
            poly.AddGeometry(ring)
            return polygonal(poly)
        if k == "box":
            x0, y0, x1, y1 = v
            if not (x0 < x1 and y0 < y1):
                raise RecipeError("box must be [xmin, ymin, xmax, ymax]")
            return polygonal(box_geom(x0, y0, x1, y1))
        if k == "line_buffer":
            return polygonal(metric_buffer(v["line"], v["km"]))
        if k == "point":
            p = ogr.Geometry(ogr.wkbPoint)
            p.AddPoint_2D(float(v[0]), float(v[1]))
            return p
        if k == "union":
            return union_all([self.eval(x) for x in v])
        if k == "intersection":
            if not v:
                raise RecipeError("empty intersection")
            g = self.eval(v[0])
            for x in v[1:]:
                g = polygonal(g.Intersection(self.eval(x)))
            return g
        if k == "difference":
            if not v:
                raise RecipeError("empty difference")
            g = self.eval(v[0])
            others = [self.eval(x) for x in v[1:]]
            if others:
                g = polygonal(g.Difference(union_all(others)))
            return g
        if k == "islands_in":
            of = self.eval(v["of"])
            x0, y0, x1, y1 = v["box"]
            out = ogr.Geometry(ogr.wkbMultiPolygon)
            for i in range(of.GetGeometryCount()):
                part = of.GetGeometryRef(i)
                p = part.PointOnSurface()
                if x0 <= p.GetX() <= x1 and y0 <= p.GetY() <= y1:
                    out.AddGeometry(part)
            return polygonal(out)
        if k == "shape":
            return self.shape(v)
        if k == "feature":
            return self.feature(v)
        raise RecipeError("unknown geometry recipe %r" % k)

    def _guard(self, key):
        if key in self.stack:
            cyc = " -> ".join(self.stack[self.stack.index(key):] + [key])
            raise RecipeError("reference cycle: %s" % cyc)

    def shape(self, name):
        if name in self.cache_shape:
            return self.cache_shape[name]
        if name not in self.shapes:
            raise RecipeError("unknown shape %r" % name)
        key = "shape:" + name
        self._guard(key)
        self.stack.append(key)
        try:
            g = self.finish(self.shapes[name][1])
        finally:
            self.stack.pop()
        self.cache_shape[name] = g
        return g

    def feature(self, fid):
        if fid in self.cache_feature:
            return self.cache_feature[fid]
        if fid not in self.features:
            raise RecipeError("unknown feature %r" % fid)
        key = "feature:" + fid
        self._guard(key)
        self.stack.append(key)
        try:
            g = self.finish(self.features[fid][1].get("geometry"))
        finally:
            self.stack.pop()
        self.cache_feature[fid] = g
        return g

    def finish(self, r):
        """Evaluate a top-level recipe: clip to the region and to land."""
        g = self.eval(r)
        if ogr.GT_Flatten(g.GetGeometryType()) == ogr.wkbPoint:
            return g
        g = polygonal(g.Intersection(region_geom()))
        if not self.land_derived(r):
            g = polygonal(g.Intersection(self.ne.land()))
        return g


# --------------------------------------------------------------------------
# output formatting

def fmt(x):
    s = "%.6f" % x
    s = s.rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s


def ring_coords(ring, ccw):
    pts = [(round(ring.GetX(i), 6), round(ring.GetY(i), 6))
           for i in range(ring.GetPointCount())]
    # drop repeated points created by rounding
    out = []
    for p in pts:
        if not out or out[-1] != p:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    area2 = 0.0
    for (x1, y1), (x2, y2) in zip(out, out[1:]):
        area2 += x1 * y2 - x2 * y1
    if (area2 > 0) != ccw:
        out.reverse()
    return out


def rounded_multipolygon(g):
    """Round to 6 decimals; repair if rounding broke validity."""
    for _ in range(4):
        polys = []
        for i in range(g.GetGeometryCount()):
            p = g.GetGeometryRef(i)
            rings = []
            for j in range(p.GetGeometryCount()):
                rc = ring_coords(p.GetGeometryRef(j), ccw=(j == 0))
                if len(rc) >= 4:
                    rings.append(rc)
                elif j == 0:
                    rings = []
                    break
            if rings:
                polys.append(rings)
        polys.sort(key=lambda rings: (rings[0][0], len(rings[0])))
        gj = {"type": "MultiPolygon", "coordinates": polys}
        check = ogr.CreateGeometryFromJson(json.dumps(gj))
        if check.IsValid():
            return polys
        g = polygonal(check)
    return polys


def geometry_json(g):
    if ogr.GT_Flatten(g.GetGeometryType()) == ogr.wkbPoint:
        return '{"type":"Point","coordinates":[%s,%s]}' % (fmt(g.GetX()), fmt(g.GetY()))
    polys = rounded_multipolygon(g)
    parts = []
    for rings in polys:
        rs = []
        for ring in rings:
            rs.append("[" + ",".join("[%s,%s]" % (fmt(x), fmt(y)) for x, y in ring) + "]")
        parts.append("[" + ",".join(rs) + "]")
    return '{"type":"MultiPolygon","coordinates":[' + ",".join(parts) + "]}"


def properties_json(props, is_event):
    keys = PROP_ORDER + (EVENT_PROPS if is_event else [])
    out = {}
    for k in keys:
        v = props.get(k)
        if k == "valid_to":
            out[k] = v if v else None
        elif k == "sources":
            out[k] = v if isinstance(v, list) else []
        else:
            out[k] = v if v is not None else ""
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def layer_text(layer, items, is_event):
    lines = ['{"type":"FeatureCollection","name":%s,"features":[' % json.dumps(layer)]
    body = []
    for props, g in items:
        body.append('{"type":"Feature","properties":%s,"geometry":%s}'
                    % (properties_json(props, is_event), geometry_json(g)))
    lines.append(",\n".join(body))
    lines.append("]}")
    if not body:
        lines = [lines[0], lines[2]]
    return "\n".join(lines) + "\n"


def csl_sorted_item(item):
    out = {}
    for k in CSL_KEY_ORDER:
        if k in item:
            out[k] = item[k]
    for k in sorted(item):
        if k not in out:
            out[k] = item[k]
    return out


def sources_text(items):
    return json.dumps([csl_sorted_item(i) for i in items], ensure_ascii=False,
                      indent=2) + "\n"


# --------------------------------------------------------------------------
# loading and validation

class Problems:
    def __init__(self):
        self.lines = []

    def add(self, file, fid, msg):
        self.lines.append("%s: %s: %s" % (file, fid or "-", msg))


def load_json(path, problems):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as e:
        problems.add(rel(path), "-", "cannot read JSON: %s" % e)
        return None


def load_sources(problems):
    merged = {}
    origin = {}
    for path in sorted(glob.glob(os.path.join(SOURCES_DIR, "*.json"))):
        data = load_json(path, problems)
        if data is None:
            continue
        if not isinstance(data, list):
            problems.add(rel(path), "-", "must be a JSON array of CSL items")
            continue
        for item in data:
            if not isinstance(item, dict) or not item.get("id"):
                problems.add(rel(path), "-", "CSL item without id")
                continue
            sid = item["id"]
            for k in ("type", "title"):
                if not item.get(k):
                    problems.add(rel(path), sid, "CSL item lacks %r" % k)
            if sid in merged:
                if merged[sid] != item:
                    problems.add(rel(path), sid,
                                 "source id also in %s with different content"
                                 % origin[sid])
                continue
            merged[sid] = item
            origin[sid] = rel(path)
    return [merged[k] for k in sorted(merged)]


def load_recipes(problems, catalog_layers):
    shapes = {}
    features = {}      # id -> (file, feature)
    layers = {}        # layer -> [ids]
    for path in sorted(glob.glob(os.path.join(RECIPES_DIR, "*.json"))):
        data = load_json(path, problems)
        if data is None:
            continue
        f = rel(path)
        if not isinstance(data, dict) or "layer" not in data:
            problems.add(f, "-", "recipe file needs a 'layer'")
            continue
        layer = data["layer"]
        if catalog_layers and layer not in catalog_layers:
            problems.add(f, "-", "layer %r is not in catalog.json" % layer)
            continue
        for name, r in sorted((data.get("shapes") or {}).items()):
            if name in shapes:
                problems.add(f, name, "shape name already defined in %s" % shapes[name][0])
                continue
            shapes[name] = (f, r)
        layers.setdefault(layer, [])
        for feat in data.get("features") or []:
            props = feat.get("properties") or {}
            fid = props.get("id")
            if not fid:
                problems.add(f, "-", "feature without id")
                continue
            if fid in features:
                problems.add(f, fid, "duplicate id (also in %s)" % features[fid][0])
                continue
            if "geometry" not in feat:
                problems.add(f, fid, "feature without geometry recipe")
                continue
            features[fid] = (f, feat, layer)
            layers[layer].append(fid)
    return shapes, features, layers


def validate_props(f, layer, props, is_event, event_ids, source_ids, problems):
    fid = props.get("id")
    allowed = set(PROP_ORDER) | (set(EVENT_PROPS) if is_event else set())
    for k in props:
        if k not in allowed:
            problems.add(f, fid, "unknown property %r" % k)
    if not ID_RE.match(fid or ""):
        problems.add(f, fid, "id must be lowercase kebab-case")
    for k in PROP_ORDER + EVENT_PROPS:
        v = props.get(k)
        if k == "sources":
            continue
        if v is not None and not isinstance(v, str):
            problems.add(f, fid, "%s must be a string" % k)
    required = REQUIRED_LAND if layer in NON_TEMPORAL else REQUIRED
    for k in required:
        if k == "sources":
            continue
        if not props.get(k):
            problems.add(f, fid, "missing %s" % k)
    # sources
    srcs = props.get("sources")
    if not isinstance(srcs, list) or not srcs:
        problems.add(f, fid, "needs at least one source")
    else:
        for s in srcs:
            if not isinstance(s, dict) or not s.get("id"):
                problems.add(f, fid, "source entry without id")
                continue
            if s["id"] not in source_ids:
                problems.add(f, fid, "source %r not in the bibliography" % s["id"])
            for k in s:
                if k not in ("id", "locator", "note"):
                    problems.add(f, fid, "source entry has unknown key %r" % k)
                elif not isinstance(s[k], str):
                    problems.add(f, fid, "source %s must be a string" % k)
    if props.get("certainty") and props["certainty"] not in CERTAINTIES:
        problems.add(f, fid, "bad certainty %r" % props["certainty"])
    if layer in NON_TEMPORAL:
        return
    if props.get("holder") and props["holder"] not in HOLDERS:
        problems.add(f, fid, "bad holder %r" % props["holder"])
    if props.get("status") and props["status"] not in STATUSES:
        problems.add(f, fid, "bad status %r" % props["status"])
    if props.get("overlord") and props["overlord"] not in HOLDERS:
        problems.add(f, fid, "bad overlord %r" % props["overlord"])
    if props.get("status") == "puppet_state" and not props.get("overlord"):
        problems.add(f, fid, "a puppet_state needs an overlord")
    vf = parse_date(props.get("valid_from"))
    if props.get("valid_from") and vf is None:
        problems.add(f, fid, "valid_from %r is not a real YYYY-MM-DD date" % props["valid_from"])
    vt = None
    if props.get("valid_to"):
        vt = parse_date(props["valid_to"])
        if vt is None:
            problems.add(f, fid, "valid_to %r is not a real YYYY-MM-DD date" % props["valid_to"])
        elif vf and vt <= vf:
            problems.add(f, fid, "valid_to %s <= valid_from %s" % (vt, vf))
        if not props.get("to_precision"):
            problems.add(f, fid, "valid_to set but to_precision missing")
    today = datetime.date.today()
    for d, name in ((vf, "valid_from"), (vt, "valid_to")):
        if d and not (datetime.date(1800, 1, 1) <= d <= today):
            problems.add(f, fid, "%s %s outside 1800..today" % (name, d))
    for k in ("from_precision", "to_precision", "date_precision"):
        if props.get(k) and props[k] not in PRECISIONS:
            problems.add(f, fid, "bad %s %r" % (k, props[k]))
    for k in ("from_event", "to_event"):
        if props.get(k) and props[k] not in event_ids:
            problems.add(f, fid, "%s %r is not an event id" % (k, props[k]))
    if is_event:
        for k in EVENT_PROPS:
            if not props.get(k):
                problems.add(f, fid, "event missing %s" % k)
        d = parse_date(props.get("date"))
        if props.get("date") and d is None:
            problems.add(f, fid, "date %r is not a real YYYY-MM-DD date" % props["date"])
        if d and vf and d != vf:
            problems.add(f, fid, "event valid_from %s differs from date %s" % (vf, d))
        if props.get("kind") and props["kind"] not in KINDS:
            problems.add(f, fid, "bad kind %r" % props["kind"])


# --------------------------------------------------------------------------
# states topology

def active(props, d):
    vf = props.get("valid_from") or ""
    vt = props.get("valid_to") or ""
    return vf <= d and (not vt or d < vt)


def check_states(items, problems, f_of, verbose):
    feats = [(p, g) for p, g in items if p.get("status") != "disputed"]
    if not feats:
        return
    dates = {TOPOLOGY_START}
    for p, _ in feats:
        for k in ("valid_from", "valid_to"):
            if p.get(k) and p[k] >= TOPOLOGY_START:
                dates.add(p[k])
    dates = sorted(dates)
    total = union_all([g for _, g in feats])
    total_area = total.GetArea()
    areas = [g.GetArea() for _, g in feats]
    env = [g.GetEnvelope() for _, g in feats]
    # pairwise overlaps, computed once for pairs that coexist at some time
    overlaps = {}
    n = len(feats)
    for i in range(n):
        for j in range(i + 1, n):
            a, b = feats[i][0], feats[j][0]
            a0, a1 = a.get("valid_from"), a.get("valid_to") or "9999-99-99"
            b0, b1 = b.get("valid_from"), b.get("valid_to") or "9999-99-99"
            if not (a0 < b1 and b0 < a1):
                continue
            ea, eb = env[i], env[j]
            if ea[1] < eb[0] or eb[1] < ea[0] or ea[3] < eb[2] or eb[3] < ea[2]:
                continue
            inter = feats[i][1].Intersection(feats[j][1])
            ar = inter.GetArea() if inter is not None else 0.0
            if ar > 0:
                overlaps[(i, j)] = (ar, inter)
    bad = []
    for d in dates:
        act = [i for i in range(n) if active(feats[i][0], d)]
        aset = set(act)
        ov = [(ar, i, j, inter) for (i, j), (ar, inter) in overlaps.items()
              if i in aset and j in aset]
        ov_sum = sum(o[0] for o in ov)
        approx_gap = total_area - sum(areas[i] for i in act) + ov_sum
        for ar, i, j, inter in sorted(ov, key=lambda o: -o[0]):
            if ar >= OVERLAP_TOL:
                c = inter.Centroid()
                bad.append((ar, "%s: %s: on %s overlaps %s by %.5f deg² near %.2f,%.2f"
                            % (f_of(feats[i][0]["id"]), feats[i][0]["id"], d,
                               feats[j][0]["id"], ar, c.GetX(), c.GetY())))
        if approx_gap >= COVER_TOL * 0.5:
            u = union_all([feats[i][1] for i in act])
            gap = polygonal(total.Difference(u))
            if gap.GetArea() >= COVER_TOL:
                parts = sorted((gap.GetGeometryRef(k) for k in range(gap.GetGeometryCount())),
                               key=lambda p: -p.GetArea())
                where = "; ".join("%.4f deg² near %.2f,%.2f" % (
                    p.GetArea(), p.PointOnSurface().GetX(), p.PointOnSurface().GetY())
                    for p in parts[:3])
                bad.append((gap.GetArea(), "layers/recipes/states*.json: -: on %s %.4f deg² of "
                            "states land has no holder (%s)" % (d, gap.GetArea(), where)))
    seen = set()
    for ar, line in sorted(bad, key=lambda b: -b[0]):
        if line in seen:
            continue
        seen.add(line)
        problems.lines.append(line)
    if verbose:
        print("states topology: %d dates, %d features, total %.1f deg²%s"
              % (len(dates), n, total_area, "" if not bad else ", %d problems" % len(bad)),
              file=sys.stderr)


# --------------------------------------------------------------------------
# main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="write nothing; fail if committed files differ")
    ap.add_argument("--only", metavar="LAYER", help="derive only this layer")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    verbose = not args.quiet

    problems = Problems()
    catalog = load_json(CATALOG, problems) or {}
    catalog_layers = {l["id"]: l for l in catalog.get("layers", [])}
    sources = load_sources(problems)
    source_ids = {s["id"] for s in sources}
    shapes, features, layers = load_recipes(problems, catalog_layers)
    if args.only and args.only not in layers:
        problems.add("layers/recipes", "-", "no recipes for layer %r" % args.only)

    def is_point_layer(layer):
        return catalog_layers.get(layer, {}).get("geometry") == "point"

    event_ids = {fid for fid, (_, _, layer) in features.items() if is_point_layer(layer)}
    for fid, (f, feat, layer) in features.items():
        validate_props(f, layer, feat.get("properties") or {}, is_point_layer(layer),
                       event_ids, source_ids, problems)

    try:
        ne = NaturalEarth(NE_GPKG)
    except RecipeError as e:
        problems.add("-", "-", str(e))
        ne = None

    outputs = {}
    if ne is not None:
        ev = Evaluator(ne, shapes, {k: (v[0], v[1]) for k, v in features.items()})
        for layer in sorted(layers):
            if args.only and layer != args.only:
                continue
            items = []
            point = is_point_layer(layer)
            for fid in layers[layer]:
                f, feat, _ = features[fid]
                try:
                    g = ev.feature(fid)
                except (RecipeError, KeyError, TypeError, ValueError, RuntimeError) as e:
                    problems.add(f, fid, "geometry: %s" % e)
                    continue
                gt = ogr.GT_Flatten(g.GetGeometryType())
                if point:
                    if gt != ogr.wkbPoint:
                        problems.add(f, fid, "events need a point geometry")
                        continue
                    # an event sits where it happened, which may lie outside
                    # the region (a treaty signed in Portsmouth or Moscow)
                    if not (-180 <= g.GetX() <= 180 and -90 <= g.GetY() <= 90):
                        problems.add(f, fid, "point is not a lon/lat position")
                else:
                    if gt == ogr.wkbPoint:
                        problems.add(f, fid, "polygon layer feature has a point geometry")
                        continue
                    if g.IsEmpty():
                        problems.add(f, fid, "empty geometry (after clipping to region and land)")
                        continue
                    if not g.IsValid():
                        problems.add(f, fid, "invalid geometry")
                        continue
                items.append((feat.get("properties") or {}, g))
            items.sort(key=lambda it: (it[0].get("valid_from") or "", it[0]["id"]))
            if layer == "states":
                check_states(items, problems, lambda i: features[i][0], verbose)
            outputs[os.path.join(LAYERS_DIR, layer + ".geojson")] = layer_text(layer, items, point)
            if verbose:
                print("%-20s %3d features" % (layer, len(items)), file=sys.stderr)
    if not args.only:
        outputs[os.path.join(LAYERS_DIR, "sources.json")] = sources_text(sources)

    status = 0
    if problems.lines:
        for line in problems.lines:
            print(line)
        status = 1
    if args.check:
        for path, text in sorted(outputs.items()):
            try:
                with open(path, encoding="utf-8") as fh:
                    old = fh.read()
            except OSError:
                old = None
            if old != text:
                print("%s: -: %s" % (rel(path), "missing" if old is None
                                     else "differs from the recipes (run derive.py)"))
                status = 1
    else:
        # write even when there are problems (features that failed are left
        # out), so that writers can look at the rest; the exit status says it
        for path, text in sorted(outputs.items()):
            old = None
            if os.path.exists(path):
                with open(path, encoding="utf-8") as fh:
                    old = fh.read()
            if old != text:
                with open(path, "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(text)
        if verbose:
            total = sum(os.path.getsize(p) for p in glob.glob(os.path.join(LAYERS_DIR, "*.*json")))
            print("layers/*.json total %.1f MB" % (total / 1e6), file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
