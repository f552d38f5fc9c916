#!/bin/bash
# Bundle DeepStateMap's daily line of contact: checks the shared archive
# against its SHA256SUMS, copies it into data/geo/deepstate/ unchanged and
# writes deepstate.json, the facts about it that the build and the app read
# (origin, licence, credit, first and last day, the days with no file).
#
# Usage: tools/import-deepstate.sh [ARCHIVE_DIR]   (default ../shared/data/deepstate)
# Needs: xz, tar, sha256sum, python3 (any; for JSON only). No network.
#
# At build time tools/pack-days turns the archive into one GeoPackage,
# deepstate-days.gpkg, with one feature per day (see data/geo/SOURCES.md).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="${1:-$REPO/../shared/data/deepstate}"
OUT="$REPO/data/geo/deepstate"
ARCHIVE_COMMIT=e904719        # cyterat/deepstate-map-data, 2026-08-22
ARCHIVE_REPO=https://github.com/cyterat/deepstate-map-data

tarball=$(ls "$SRC"/deepstate-daily-*.tar.xz | tail -n 1)
[ -f "$tarball" ] || { echo "no deepstate-daily-*.tar.xz in $SRC" >&2; exit 1; }

work=$(mktemp -d /tmp/demarcate-deepstate.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== check every day against SHA256SUMS" >&2
tar -xJf "$tarball" -C "$work"
(cd "$work/data" && sha256sum --quiet -c "$SRC/SHA256SUMS")
n_sums=$(grep -c . "$SRC/SHA256SUMS")
n_files=$(ls "$work/data" | wc -l)
[ "$n_sums" = "$n_files" ] || { echo "SHA256SUMS lists $n_sums files, the archive holds $n_files" >&2; exit 1; }

echo "== copy the archive unchanged" >&2
mkdir -p "$OUT"
install -m 0644 "$tarball" "$OUT/deepstate-daily.tar.xz"
install -m 0644 "$SRC/SHA256SUMS" "$OUT/SHA256SUMS"

echo "== write deepstate.json" >&2
ls "$work/data" | python3 -c '
import datetime, json, re, sys
days = sorted(datetime.date(int(m[1]), int(m[2]), int(m[3]))
              for m in (re.fullmatch(r"deepstatemap_data_(\d{4})(\d\d)(\d\d)\.geojson", l.strip())
                        for l in sys.stdin) if m)
first, last = days[0], days[-1]
have = set(days)
missing = [str(first + datetime.timedelta(n)) for n in range((last - first).days + 1)
           if first + datetime.timedelta(n) not in have]
json.dump({
  "format": "demarcate-deepstate",
  "name": "DeepStateMap",
  "credit": "DeepStateMap",
  "what": "Russian-occupied territory of Ukraine in DeepStateMap’s assessment "
          "(layers Occupied, CADR and CALR, Occupied Crimea; the grey zone is not included)",
  "origin": "deepstatemap.live, archived daily by %s (commit %s)" % (sys.argv[1], sys.argv[2]),
  "licence": "GPL-3.0 (the archive repository); DeepStateMap asks for a credit on every use",
  "first": str(first), "last": str(last), "days": len(days), "missing": missing,
  "tarball_sha256": sys.argv[3],
}, sys.stdout, ensure_ascii=False, indent=2)
print()
' "$ARCHIVE_REPO" "$ARCHIVE_COMMIT" "$(sha256sum "$tarball" | cut -d" " -f1)" > "$OUT/deepstate.json"
cat "$OUT/deepstate.json" >&2
