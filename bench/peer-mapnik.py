#!/usr/bin/python3
# peer-mapnik.py: the Mapnik peer of bench/run-peers.py (Debian's python3-mapnik).
#
# The map the issue names: oblast fills and outlines, the day's control area
# with fill and outline, and oblast labels, from the same bundled data as
# ours (GeoJSON: data/geo/oblasts.geojson and the day's control area as
# `demarcate export --format geojson` writes it).
#
#   peer-mapnik.py frame OBLASTS CONTROL   loads once, renders 15 frames at
#                                          1920x1080 (the overlay bench's
#                                          view), prints the lower quartile
#   peer-mapnik.py png4k OBLASTS CONTROL OUT
#                                          one 3840x2160 render of the five
#                                          regions, written as PNG (time the
#                                          whole process from outside)
import math
import sys
import time

import mapnik

MERCATOR = "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs"
WGS84 = "+proj=longlat +datum=WGS84 +no_defs"
EARTH = 2 * math.pi * 6378137.0

STYLE = """<Map srs="{merc}" background-color="transparent">
  <Style name="oblasts">
    <Rule>
      <PolygonSymbolizer fill="#f4e3c1" fill-opacity="0.55"/>
      <LineSymbolizer stroke="#1a1a1a" stroke-opacity="0.85" stroke-width="1.6" stroke-linejoin="round"/>
    </Rule>
  </Style>
  <Style name="control">
    <Rule>
      <PolygonSymbolizer fill="#c8102e" fill-opacity="0.35"/>
      <LineSymbolizer stroke="#8b0000" stroke-width="2.0" stroke-linejoin="round"/>
    </Rule>
  </Style>
  <Style name="labels">
    <Rule>
      <TextSymbolizer face-name="DejaVu Sans Bold" size="15" fill="#202020"
                      halo-fill="#ffffff" halo-radius="2" placement="interior">[name_en]</TextSymbolizer>
    </Rule>
  </Style>
  <Layer name="oblasts" srs="{wgs}">
    <StyleName>oblasts</StyleName>
    <Datasource><Parameter name="type">geojson</Parameter><Parameter name="file">{oblasts}</Parameter></Datasource>
  </Layer>
  <Layer name="control" srs="{wgs}">
    <StyleName>control</StyleName>
    <Datasource><Parameter name="type">geojson</Parameter><Parameter name="file">{control}</Parameter></Datasource>
  </Layer>
  <Layer name="labels" srs="{wgs}">
    <StyleName>labels</StyleName>
    <Datasource><Parameter name="type">geojson</Parameter><Parameter name="file">{oblasts}</Parameter></Datasource>
  </Layer>
</Map>
"""


def mercator(lon, lat):
    x = math.radians(lon) * 6378137.0
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * 6378137.0
    return x, y


def load(oblasts, control, width, height):
    mapnik.register_fonts("/usr/share/fonts")
    m = mapnik.Map(width, height)
    mapnik.load_map_from_string(m, STYLE.format(merc=MERCATOR, wgs=WGS84, oblasts=oblasts,
                                                control=control))
    return m


def frame(oblasts, control):
    # bench-overlay's view: 35.0 E 47.6 N at zoom 6.3, 1920x1080.
    width, height, zoom = 1920, 1080, 6.3
    cx, cy = mercator(35.0, 47.6)
    metres_per_px = EARTH / (256 * 2 ** zoom)
    half_w, half_h = width / 2 * metres_per_px, height / 2 * metres_per_px
    m = load(oblasts, control, width, height)
    m.zoom_to_box(mapnik.Box2d(cx - half_w, cy - half_h, cx + half_w, cy + half_h))
    samples = []
    for _ in range(16):
        image = mapnik.Image(width, height)
        t0 = time.perf_counter()
        mapnik.render(m, image)
        samples.append((time.perf_counter() - t0) * 1000.0)
    samples = sorted(samples[1:])  # the first warms caches, as ours does
    print("mapnik-frame-ms %.3f" % samples[len(samples) // 4])


def png4k(oblasts, control, out):
    width, height = 3840, 2160
    m = load(oblasts, control, width, height)
    # The five regions, as `demarcate export` frames them by default.
    x1, y1 = mercator(29.5, 44.0)
    x2, y2 = mercator(40.5, 51.6)
    m.zoom_to_box(mapnik.Box2d(x1, y1, x2, y2))
    image = mapnik.Image(width, height)
    mapnik.render(m, image)
    image.save(out, "png")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "frame":
        frame(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "png4k":
        png4k(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit("usage: peer-mapnik.py frame OBLASTS CONTROL | png4k OBLASTS CONTROL OUT")
