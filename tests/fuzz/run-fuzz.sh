#!/bin/sh
# run-fuzz.sh TARGET SECONDS SEEDS REGRESSIONS WORKDIR [DICT]: runs one libFuzzer
# target for a bounded time from the seeds and every regression; new inputs
# go to WORKDIR/corpus, crashes to WORKDIR/artifacts (copy each one to
# tests/fuzz/regressions/ with a name the normal tests route by).
set -eu
target=$1 seconds=$2 seeds=$3 regressions=$4 work=$5
mkdir -p "$work/corpus" "$work/artifacts"
set -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -malloc_limit_mb=1024 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/" ${6:+-dict="$6"}
exec "$target" "$@" "$work/corpus" "$seeds" "$regressions"
