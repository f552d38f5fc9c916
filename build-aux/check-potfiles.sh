#!/bin/sh
# Checks that po/POTFILES.in lists every source file with a translatable
# string (C files calling _(), N_(), C_(), NC_(), Q_() or the gettext
# functions, and GtkBuilder files with translatable="yes") and that every
# file it lists exists: a file left out keeps its strings untranslated.
# `check-potfiles.sh --update [SRCROOT]` adds the missing files and drops
# the vanished ones instead.
set -u

update=0
if [ "${1:-}" = "--update" ]; then
  update=1
  shift
fi
srcroot=${1:-.}
cd "$srcroot" || exit 1
potfiles=po/POTFILES.in
status=0

listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' "$potfiles" | grep -v '^$')

c_files=$(find src -name '*.[ch]' -type f | LC_ALL=C sort |
          xargs grep -lE '(^|[^A-Za-z0-9_])(N?C?_|Q_|g_dn?p?c?gettext2?|n?gettext)[[:space:]]*\(' 2>/dev/null)
ui_files=$(find src ui -name '*.ui' -type f 2>/dev/null | LC_ALL=C sort |
           xargs grep -l 'translatable="yes"' 2>/dev/null)

missing=
for f in $c_files $ui_files; do
  printf '%s\n' $listed | grep -qx "$f" || missing="$missing $f"
done
vanished=
for f in $listed; do
  [ -e "$f" ] || vanished="$vanished $f"
done

if [ $update -eq 1 ]; then
  tmp=$(mktemp)
  {
    grep '^#' "$potfiles"
    for f in $listed $missing; do
      case " $vanished " in *" $f "*) continue ;; esac
      echo "$f"
    done | LC_ALL=C sort -u
  } > "$tmp"
  mv "$tmp" "$potfiles"
  for f in $missing; do echo "check-potfiles: added $f"; done
  for f in $vanished; do echo "check-potfiles: removed $f"; done
  exit 0
fi

for f in $vanished; do
  echo "check-potfiles: $potfiles lists $f, which does not exist; remove it" >&2
  status=1
done
for f in $missing; do
  echo "check-potfiles: $f has translatable strings but is not in $potfiles; add it" >&2
  status=1
done
if [ $status -ne 0 ]; then
  echo "check-potfiles: build-aux/check-potfiles.sh --update fixes $potfiles" >&2
fi
exit $status
