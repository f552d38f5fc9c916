#!/bin/sh
# bench-export.sh: whole-process time and peak memory of `demarcate export` (4K PNG, A3 300 dpi PDF) against cairo's own PNG encoder.
# Usage: tools/bench-export.sh [BUILD_DIR]   (default: build)
set -eu

BUILD=${1:-build}
BIN="$BUILD/src/demarcate"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
[ -x "$BIN" ] || { echo "bench-export: no $BIN; build first" >&2; exit 2; }

# The reference: cairo alone encoding a blank 3840x2160 PNG, timed inside
# the process so start-up is not counted.
cat > "$OUT/blank.c" <<'C'
#include <stdio.h>
#include <time.h>
#include <cairo.h>
int main (int argc, char **argv)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 3840, 2160);
  cairo_t *cr = cairo_create (s);
  struct timespec a, b;
  double best = 1e9;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  for (int i = 0; i < 5; i++)
    {
      clock_gettime (CLOCK_MONOTONIC, &a);
      cairo_surface_write_to_png (s, argv[1]);
      clock_gettime (CLOCK_MONOTONIC, &b);
      double t = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
      if (t < best) best = t;
    }
  printf ("%.3f\n", best);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
  return 0;
}
C
cc -O2 "$OUT/blank.c" -o "$OUT/blank" $(pkg-config --cflags --libs cairo)

PNG="$BIN export --proposal us-28-point-2025-11 --size 3840x2160 -o $OUT/map.png"
PDF="$BIN export --proposal us-28-point-2025-11 --paper a3 --dpi 300 -o $OUT/map.pdf"
STATS="$BIN stats --proposal us-28-point-2025-11"

echo "== whole process (hyperfine, 10 runs after 2 warm-ups)"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 2 --runs 10 --export-json "$OUT/h.json" "$PNG" "$PDF" "$STATS" >/dev/null
  python3 - "$OUT/h.json" <<'PY'
import json, sys
names = ["export 3840x2160 PNG", "export A3 300 dpi PDF", "load only (stats)"]
for name, r in zip(names, json.load(open(sys.argv[1]))["results"]):
    print(f"  {name:24s} mean {r['mean']:.3f} s  ± {r['stddev']:.3f}  min {r['min']:.3f} s")
PY
else
  for cmd in "$PNG" "$PDF" "$STATS"; do
    /usr/bin/time -f "  %e s  $cmd" $cmd >/dev/null
  done
fi

echo "== peak memory (max RSS)"
for cmd in "$PNG" "$PDF"; do
  /usr/bin/time -f "  %M KB  %C" $cmd 2>&1 >/dev/null | sed "s|$OUT/||"
done

echo "== breakdown of one run (DEMARCATE_TIMING)"
DEMARCATE_TIMING=1 $PNG 2>&1 | sed 's/^/  png: /'
DEMARCATE_TIMING=1 $PDF 2>&1 | sed 's/^/  pdf: /'

echo "== cairo_surface_write_to_png, blank 3840x2160 (best of 5)"
echo "  $("$OUT/blank" "$OUT/blank.png") s"
echo "== sizes"
ls -l "$OUT/map.png" "$OUT/map.pdf" | awk '{ printf "  %10d  %s\n", $5, $NF }' | sed "s|$OUT/||"
