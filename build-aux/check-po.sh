#!/bin/sh
# Checks the translations in a po/ folder: every .po compiles with
# `msgfmt --check`, and LINGUAS names exactly the languages that have one.
# With no .po files (and an empty LINGUAS) there is nothing to check.
set -u

podir=${1:-po}
status=0
found=0

if ! command -v msgfmt >/dev/null 2>&1; then
  echo "check-po: msgfmt not found; install gettext" >&2
  exit 1
fi

for po in "$podir"/*.po; do
  [ -e "$po" ] || continue
  found=$((found + 1))
  if ! msgfmt --check --output-file=/dev/null "$po"; then
    echo "check-po: $po does not compile; fix the messages msgfmt reports above" >&2
    status=1
  fi
done

linguas=
if [ -f "$podir/LINGUAS" ]; then
  linguas=$(sed -e 's/#.*//' "$podir/LINGUAS" | tr -s ' \t' '\n\n' | grep -v '^$')
fi

for lang in $linguas; do
  if [ ! -e "$podir/$lang.po" ]; then
    echo "check-po: $podir/LINGUAS lists '$lang' but $podir/$lang.po does not exist; add the file or remove '$lang' from LINGUAS" >&2
    status=1
  fi
done

for po in "$podir"/*.po; do
  [ -e "$po" ] || continue
  lang=$(basename "$po" .po)
  if ! printf '%s\n' $linguas | grep -qx "$lang"; then
    echo "check-po: $po is not listed in $podir/LINGUAS, so it is neither built nor installed; add '$lang' to LINGUAS" >&2
    status=1
  fi
done

echo "check-po: $found .po file(s) in $podir"
exit $status
