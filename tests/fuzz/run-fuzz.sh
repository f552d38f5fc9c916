#!/bin/sh
# run-fuzz.sh TARGET SECONDS SEEDS REGRESSIONS WORKDIR [DICT]: runs one libFuzzer
# target for a bounded time from SEEDS (named after the loader: proposal,
# scenario, lesson, vector) and the regression files of that loader; new
# inputs go to WORKDIR/corpus, crashes to WORKDIR/artifacts (copy each one
# to tests/fuzz/regressions/ with a name the normal tests route by).
set -eu
target=$1 seconds=$2 seeds=$3 regressions=$4 work=$5
name=$(basename "$seeds")
mkdir -p "$work/corpus" "$work/artifacts"
rm -rf "$work/regressions" && mkdir "$work/regressions"
for f in "$regressions/$name"-*; do
  [ -f "$f" ] && cp "$f" "$work/regressions/"
done
# Vector seeds include a GeoPackage, which is never small.
case $name in vector) max_len=131072 ;; *) max_len=8192 ;; esac
# No single allocation over 1 GB. The RSS limit is 2 GB: ASan's shadow and
# 256 MB quarantine alone took fuzz-vector from 500 MB to 980 MB over ten
# minutes, as in the ASan build of the tests (the 1 GB bound on real files
# is checked by the normal build's tests).
set -- -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
  -malloc_limit_mb=1024 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
  ${6:+-dict="$6"}
exec "$target" "$@" "$work/corpus" "$seeds" "$work/regressions"
