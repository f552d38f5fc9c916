#!/usr/bin/env python3
# test-shortcuts.py: every keyboard shortcut the code binds is listed in the
# shortcuts window (src/gui/ui/help-overlay.ui). Reads the sources, so a new
# binding without a line in the window fails here.

import os
import re
import sys
import xml.etree.ElementTree as ET

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "gui")
MODS = {"GDK_CONTROL_MASK": "ctrl", "GDK_SHIFT_MASK": "shift", "GDK_ALT_MASK": "alt",
        "Control": "ctrl", "Primary": "ctrl", "ctrl": "ctrl", "shift": "shift", "alt": "alt",
        "Shift": "shift", "Alt": "alt", "primary": "ctrl", "control": "ctrl"}
# Keys dm-window-actions.c takes before the focused widget (day_keys_cb),
# not bindings: listed here so the window must list them too.
HANDLED = [("ctrl", "left"), ("ctrl", "right"), ("ctrl+shift", "left"),
           ("ctrl+shift", "right"), ("", "home"), ("", "end")]


def norm(mods, key):
    return ("+".join(sorted(m for m in mods if m)), key.lower())


def bound():
    found = set()
    binding = re.compile(r"gtk_widget_class_add_binding_action\s*\(\s*\w+\s*,\s*GDK_KEY_(\w+)\s*,"
                         r"\s*([^,]+),\s*\"([\w.-]+)\"")
    accels = re.compile(r"\{\s*((?:\"[^\"]+\"\s*,\s*)+)NULL\s*\}")
    for name in sorted(os.listdir(SRC)):
        if not name.endswith(".c"):
            continue
        text = open(os.path.join(SRC, name), encoding="utf-8").read()
        for key, mods, action in binding.findall(text):
            parts = [MODS[m.strip()] for m in mods.split("|") if m.strip() != "0"]
            found.add((norm(parts, key), "%s: %s" % (name, action)))
        for group in accels.findall(text):
            for accel in re.findall(r"\"([^\"]+)\"", group):
                m = re.fullmatch(r"((?:<\w+>)*)(\w+)", accel)
                if m:
                    parts = [MODS[p] for p in re.findall(r"<(\w+)>", m.group(1))]
                    found.add((norm(parts, m.group(2)), "%s: %s" % (name, accel)))
    for mods, key in HANDLED:
        found.add((norm(mods.split("+"), key), "dm-window-actions.c: day keys"))
    return found


def listed():
    tree = ET.parse(os.path.join(SRC, "ui", "help-overlay.ui"))
    out = set()
    for prop in tree.iter("property"):
        if prop.get("name") != "accelerator":
            continue
        for accel in prop.text.split():
            m = re.fullmatch(r"((?:<\w+>)*)(\w+)", accel)
            if not m:
                continue
            parts = [MODS[p] for p in re.findall(r"<(\w+)>", m.group(1))]
            out.add(norm(parts, m.group(2)))
    return out


def main():
    have = listed()
    need = bound()
    missing = sorted({(k, where) for k, where in need if k not in have})
    for (mods, key), where in missing:
        print("FAIL: %s%s (%s) is not in the shortcuts window" % (mods + "+" if mods else "",
                                                                  key, where))
    print("%d shortcuts bound, %d listed" % (len({k for k, _ in need}), len(have)))
    if len(need) < 20:
        print("FAIL: found only %d bindings; the parser missed them" % len(need))
        missing.append(None)
    print("%d passed, %d failed" % (0 if missing else 1, 1 if missing else 0))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
