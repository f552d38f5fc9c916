#!/bin/sh
# Takes the metainfo's screenshots into data/screenshots/: the window from
# the build tree under its own Xvfb, once per view, with default settings
# (GSETTINGS_BACKEND=memory) and nothing of the user's (a scratch
# XDG_DATA_HOME). A maintainer runs it after a visible change and commits
# the PNGs; data/org.demarcate.Demarcate.metainfo.xml.in lists them.
#
# usage: tools/take-screenshots.sh [BUILD_DIR]
# Needs: Xvfb and xauth (xvfb-run), xdotool, ImageMagick's import and
# convert. Network: none (the online basemap stays off).
set -eu
build=${1:-build}
cd "$(dirname "$0")/.."
out=data/screenshots
for tool in xvfb-run xdotool import convert; do
  command -v $tool >/dev/null || { echo "take-screenshots: $tool missing" >&2; exit 1; }
done
[ -x "$build/src/demarcate" ] || { echo "take-screenshots: build $build first" >&2; exit 1; }
mkdir -p "$out"
scratch=$(mktemp -d /tmp/demarcate-shots.XXXXXX)
trap 'rm -rf "$scratch"' EXIT

# shot NAME LANGUAGE [DEMARCATE-ARGUMENTS…]
shot () {
  name=$1 lang=$2
  shift 2
  cat > "$scratch/run.sh" <<EOF
#!/bin/sh
env LANGUAGE=$lang GSETTINGS_BACKEND=memory XDG_DATA_HOME=$scratch/data \
    GTK_A11Y=none NO_AT_BRIDGE=1 DEMARCATE_REPORT_FIRST_FRAME=1 \
    "$build/src/demarcate" $* > "$scratch/stdout" 2> "$scratch/stderr" &
pid=\$!
# The first frame with region parts, then time for the labels and the legend.
for i in \$(seq 100); do
  grep -q first-frame-realtime-us "$scratch/stdout" 2>/dev/null && break
  sleep 0.2
done
sleep 3
window=\$(xdotool search --onlyvisible --class demarcate | tail -n 1)
import -window "\$window" "$scratch/$name.png"
kill \$pid
EOF
  chmod +x "$scratch/run.sh"
  xvfb-run -a -s "-screen 0 1600x1000x24" "$scratch/run.sh"
  grep -q first-frame-realtime-us "$scratch/stdout" ||
    { echo "take-screenshots: $name: the window never painted its map" >&2; cat "$scratch/stderr" >&2; exit 1; }
  # 256 colours without dithering: flat fills and hatching stay crisp, and
  # the file is a third of the full-colour one.
  convert "$scratch/$name.png" -strip +dither -colors 256 \
    -define png:compression-level=9 "$out/$name.png"
  echo "$out/$name.png: $(identify -format '%wx%h' "$out/$name.png"), $(stat -c %s "$out/$name.png") bytes"
}

shot window en
shot compare en --proposal us-28-point-2025-11 --compare ru-memorandum-2025-06 --compare-mode side
shot window-uk uk
