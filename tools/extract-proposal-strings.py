#!/usr/bin/python3
"""Lists the text of the bundled proposals for xgettext.

The proposals' titles, sponsors, summaries, source details, clause notes
and other terms are English text in data/proposals/*.json. xgettext reads
JSON through no ITS rules (ITS works on XML only), so this script writes
them, one N_() each with a translator's comment saying where it is used,
into data/proposals/proposals-for-translation.c, which po/POTFILES.in
lists and which is never compiled. DmProposal looks each one up in the
catalog once the file is read and checked (src/core/dm-proposal.c).

Usage: tools/extract-proposal-strings.py          rewrite the file
       tools/extract-proposal-strings.py --check  exit 1 if it is stale
                                                 (the data test suite)
Run it after editing a proposal's text, then `meson compile -C build
demarcate-pot demarcate-update-po`.
"""

import glob
import json
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PROPOSALS = os.path.join(ROOT, "data", "proposals")
OUTPUT = os.path.join(PROPOSALS, "proposals-for-translation.c")

# (field, what the translator is told it is). Outlets are names and stay as
# published; ids, dates and statuses are not text.
TOP_FIELDS = [
    ("title", "title"),
    ("short_title", "short title (tabs, legends; at most 24 characters)"),
    ("sponsor", "sponsor (who put it forward)"),
    ("summary", "summary"),
]


def texts(path):
    """Yields (text, where) for every translatable string of one file."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    pid = data["id"]
    for field, what in TOP_FIELDS:
        if isinstance(data.get(field), str) and data[field]:
            yield data[field], "%s of “%s”" % (what, pid)
    for source in data.get("sources", []):
        if source.get("detail"):
            yield source["detail"], "what source “%s” of “%s” contains" % (source["id"], pid)
    for clause in data.get("clauses", []):
        if clause.get("note"):
            yield clause["note"], "note on %s, %s part, in “%s”" % (
                clause["region"], clause["part"], pid)
    for term in data.get("other_terms", []):
        if term:
            yield term, "a term of “%s” not about territory" % pid


def c_string(text):
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def generate():
    order = []
    where = {}
    for path in sorted(glob.glob(os.path.join(PROPOSALS, "*.json"))):
        for text, place in texts(path):
            if text not in where:
                order.append(text)
                where[text] = []
            where[text].append(place)
    out = ["/* proposals-for-translation.c: the bundled proposals' text, for xgettext "
           "only (never compiled).",
           " * Made by tools/extract-proposal-strings.py from data/proposals/*.json: "
           "do not edit. */",
           "#define N_(s) s",
           "static const char *texts[] = {"]
    for text in order:
        places = where[text]
        shown = "; ".join(places[:3]) + ("; and %d more" % (len(places) - 3)
                                         if len(places) > 3 else "")
        # "30% of" would pass for a printf format (% o) and be checked as one.
        if "%" in text:
            out.append("  /* xgettext:no-c-format */")
        out.append("  /* Translators: %s */" % shown.replace("*/", "* /"))
        out.append("  N_(%s)," % c_string(text))
    out.append("};")
    return "\n".join(out) + "\n", len(order)


def main():
    content, count = generate()
    if sys.argv[1:] == ["--check"]:
        try:
            with open(OUTPUT, encoding="utf-8") as fh:
                current = fh.read()
        except FileNotFoundError:
            current = None
        if current != content:
            print("%s is out of date with data/proposals/*.json; run "
                  "tools/extract-proposal-strings.py" % os.path.relpath(OUTPUT, ROOT),
                  file=sys.stderr)
            return 1
        print("%d proposal strings, file up to date" % count)
        return 0
    if sys.argv[1:]:
        print(__doc__, file=sys.stderr)
        return 2
    with open(OUTPUT, "w", encoding="utf-8") as fh:
        fh.write(content)
    print("%d strings written to %s" % (count, os.path.relpath(OUTPUT, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
