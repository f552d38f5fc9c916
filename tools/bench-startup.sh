#!/bin/sh
# Whole-process start-up: from exec to the first frame that shows region
# parts (the app prints its wall clock there when DEMARCATE_REPORT_FIRST_FRAME
# is set). Runs under its own Xvfb; prints one figure per run and the median.
# usage: tools/bench-startup.sh [BUILD_DIR] [RUNS]
set -eu
build=${1:-build}
runs=${2:-7}
cd "$(dirname "$0")/.."

Xvfb :91 -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1

for renderer in gl cairo; do
  times=""
  for i in $(seq "$runs"); do
    start=$(date +%s%6N)
    out=$(DISPLAY=:91 GDK_BACKEND=x11 GSK_RENDERER=$renderer GTK_A11Y=none \
          GSETTINGS_BACKEND=memory DEMARCATE_REPORT_FIRST_FRAME=1 \
          timeout 20 "$build/src/demarcate" 2>/dev/null | head -n 1 &
          pid=$!; wait $pid)
    frame=$(echo "$out" | awk '/first-frame-realtime-us/ { print $2 }')
    pkill -f "$build/src/demarcate" 2>/dev/null || true
    [ -n "$frame" ] || { echo "run $i: no frame reported" >&2; continue; }
    times="$times $(( (frame - start) / 1000 ))"
  done
  median=$(echo $times | tr ' ' '\n' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  echo "start-up to first painted frame, GSK_RENDERER=$renderer: runs (ms):$times  median $median ms (goal < 500 ms)"
done
