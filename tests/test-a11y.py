#!/usr/bin/env python3
# test-a11y.py: walks the window's AT-SPI tree, as a screen reader sees it,
# and fails on any control without an accessible name, on a name that still
# carries a mnemonic underscore, and on a map without its text alternative.
#
# Runs the app on a private session bus (dbus-run-session starts the
# accessibility bus on demand) under the display it is given, or under
# xvfb-run when there is none. Every wait is bounded: the whole run is
# killed after DEADLINE seconds.

import os
import re
import shutil
import signal
import subprocess
import sys
import time

DEADLINE = 150
INNER = "DM_A11Y_INNER"

# Roles a person operates; each must have a name.
CONTROL_ROLES = {
    "push button", "toggle button", "combo box", "entry", "password text",
    "slider", "spin button", "check box", "radio button", "switch",
    "menu button", "toggle", "text", "link", "list box",
}
MNEMONIC = re.compile(r"(^|\s)_\w")
# With no name of its own, GTK 4.8 names a control after its child's type
# ("GtkImage") or its own ("GtkDropDown"): that is no name to a listener.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Shumate|Dm)[A-Z][A-Za-z]+$")


def reexec():
    """Puts the test on its own session bus (and display, if it has none)."""
    env = dict(os.environ)
    env[INNER] = "1"
    # The app runs with the suite's G_DEBUG=fatal-warnings; this process
    # does not, since libatspi warns about every GTK 4 app (it has no
    # AT-SPI cache object to read).
    if "G_DEBUG" in env:
        env["DM_A11Y_APP_G_DEBUG"] = env.pop("G_DEBUG")
    # pyatspi is Debian's (python3-pyatspi), for Debian's interpreter.
    python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    cmd = [python, os.path.abspath(__file__)] + sys.argv[1:]
    cmd = ["dbus-run-session", "--"] + cmd
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"] + cmd
    proc = subprocess.Popen(cmd, env=env, start_new_session=True)
    try:
        return proc.wait(timeout=DEADLINE + 20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        print("FAIL: the accessibility test did not finish in time", flush=True)
        return 1


def app_env():
    env = dict(os.environ)
    # The suite turns accessibility off for the other tests; here it is the point.
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    env.pop(INNER, None)
    if "DM_A11Y_APP_G_DEBUG" in env:
        env["G_DEBUG"] = env.pop("DM_A11Y_APP_G_DEBUG")
    env.setdefault("GSETTINGS_BACKEND", "memory")
    env["GDK_BACKEND"] = "x11"
    return env


def binary():
    path = os.environ.get("DEMARCATE_BINARY")
    if not path:
        path = os.path.join(os.path.dirname(__file__), "..", "build", "src", "demarcate")
    return path


def children(acc):
    try:
        n = acc.childCount
    except Exception:
        return []
    out = []
    for i in range(min(n, 2000)):
        try:
            c = acc.getChildAtIndex(i)
        except Exception:
            continue
        if c is not None:
            out.append(c)
    return out


def walk(acc, depth=0):
    yield acc
    if depth > 60:
        return
    for c in children(acc):
        yield from walk(c, depth + 1)


def find_app(pyatspi, pid, deadline):
    desktop = pyatspi.Registry.getDesktop(0)
    while time.monotonic() < deadline:
        for app in children(desktop):
            try:
                if app.get_process_id() == pid:
                    return app
            except Exception:
                continue
        time.sleep(0.3)
    return None


def role(acc):
    try:
        return acc.getRoleName()
    except Exception:
        return "?"


def showing(acc, pyatspi):
    # GTK 4.8 sets "visible" from the widget's visibility and never "showing".
    try:
        return acc.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def find(app, pyatspi, pred):
    for acc in walk(app):
        try:
            if pred(acc):
                return acc
        except Exception:
            continue
    return None


def wait_for(app, pyatspi, pred, deadline):
    while time.monotonic() < deadline:
        acc = find(app, pyatspi, pred)
        if acc is not None:
            return acc
        time.sleep(0.5)
    return None


def audit(root, pyatspi, where, problems):
    """Counts the showing controls under root; adds one line per unnamed one."""
    named = unnamed = 0
    for acc in walk(root):
        r = role(acc)
        if r not in CONTROL_ROLES or not showing(acc, pyatspi):
            continue
        if r == "text":
            # Labels are text too in GTK 4.8; only editable text is a control.
            try:
                if not acc.getState().contains(pyatspi.STATE_EDITABLE):
                    continue
            except Exception:
                continue
        name = (acc.name or "").strip()
        if not name or TYPE_NAME.match(name):
            unnamed += 1
            parent = acc.parent
            context = (parent.name or role(parent)) if parent is not None else ""
            problems.append("%s: unnamed %s “%s” (in %s; tooltip “%s”)"
                            % (where, r, name, context, acc.description or ""))
        elif MNEMONIC.search(name):
            unnamed += 1
            problems.append("%s: %s “%s” carries a mnemonic underscore" % (where, r, name))
        else:
            named += 1
    print("%s: %d named, %d unnamed controls" % (where, named, unnamed), flush=True)
    return named, unnamed


def run_app(pyatspi, args, checks):
    proc = subprocess.Popen([binary()] + args, env=app_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        app = find_app(pyatspi, proc.pid, deadline)
        if app is None:
            return ["the app never appeared on the accessibility bus"]
        # Ready once the map describes itself (the data has loaded).
        amap = wait_for(app, pyatspi,
                        lambda a: "km²" in (a.description or "") and a.name == "Map",
                        deadline)
        missing = []
        if amap is None:
            missing = ["the map has no accessible name “Map” and description with its parts"]
        time.sleep(0.5)
        return missing + checks(app, amap)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            out, _ = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
        text = out.decode(errors="replace").strip()
        if text:
            print("app output:\n" + text, flush=True)


def click(acc):
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            return action.doAction(i)
    return action.doAction(0)


def press(app, keys, dialog="Demarcate"):
    """Types keys into one of the app's windows through the X server."""
    try:
        pid = str(app.get_process_id())
        wid = subprocess.run(["xdotool", "search", "--pid", pid, "--name", "^%s$" % dialog],
                             capture_output=True, text=True, timeout=10).stdout.split()
        if not wid:
            return False
        subprocess.run(["xdotool", "windowfocus", "--sync", wid[-1]], timeout=10)
        subprocess.run(["xdotool", "key", "--clearmodifiers", keys], timeout=10)
        return True
    except (OSError, subprocess.TimeoutExpired):
        return False


def window_named(app, pyatspi, title, deadline):
    return wait_for(app, pyatspi,
                    lambda a: role(a) in ("frame", "dialog", "window") and a.name == title
                    and showing(a, pyatspi), deadline)


def main_checks(pyatspi):
    def checks(app, amap):
        problems = []
        desc = amap.description if amap is not None else ""
        print("map description: " + desc[:300] + "…", flush=True)
        # One sentence per region part: "Donetsk, Ukrainian-held part: …, 6,004 km²".
        if not re.search(r"Donetsk, Ukrainian-held part: [^,]+, [\d,]+ km²", desc):
            problems.append("the map's description does not name Donetsk's parts with status and area")
        if not re.search(r"\d,\d{3} km²", desc):
            problems.append("the map's description has no grouped figures")
        audit(app, pyatspi, "main window", problems)

        # Each legend swatch is a picture named by its row's words.
        legend = find(app, pyatspi, lambda a: a.name == "Legend" and role(a) in ("panel", "grouping"))
        swatches = [a for a in walk(legend) if role(a) == "image"] if legend is not None else []
        if not swatches:
            problems.append("the legend has no swatches as pictures")
        for a in swatches:
            if not (a.name or "").strip():
                problems.append("main window: a legend swatch has no name")
        print("legend: %d swatches, %d named" % (len(swatches),
              len([a for a in swatches if (a.name or "").strip()])), flush=True)

        # Export and the chart, opened from the keyboard as a user would.
        for keys, title in (("ctrl+e", "Export Map"), ("ctrl+t", "Chart of the Front")):
            if not press(app, keys):
                problems.append("could not type %s into the window (xdotool)" % keys)
                continue
            dialog = window_named(app, pyatspi, title, time.monotonic() + 15)
            if dialog is None:
                problems.append("%s did not open the “%s” window" % (keys, title))
            else:
                audit(dialog, pyatspi, title, problems)
                press(app, "Escape", dialog=title)
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline and window_named(app, pyatspi, title,
                                                                   time.monotonic()):
                    time.sleep(0.3)

        # The text alternative follows the day: a day back (Ctrl+Left).
        if amap is not None and not press(app, "ctrl+Left"):
            problems.append("could not type Ctrl+Left into the window (xdotool)")
        elif amap is not None:
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and "of 2025-11-20." in (amap.description or ""):
                time.sleep(0.3)
            if "of 2025-11-20." in (amap.description or "") or "km²" not in amap.description:
                problems.append("the map's description did not follow the day back")
            else:
                print("after Ctrl+Left: " + amap.description[:90] + "…", flush=True)

        # Region parts reachable without the mouse: the sidebar's buttons
        # open the same popover as a click on the map.
        show = wait_for(app, pyatspi, lambda a: role(a) == "push button"
                        and (a.name or "").startswith("Show Donetsk, Ukrainian-held part"),
                        time.monotonic() + 5)
        if show is None:
            problems.append("no button shows Donetsk's Ukrainian-held part on the map")
        else:
            click(show)
            # It may first pan the map to the part; a loaded machine (CI's
            # sanitizer builds run beside it) takes seconds.
            pop = wait_for(app, pyatspi, lambda a: role(a) in ("label", "text", "static")
                           and "Donetsk — Ukrainian-held part" in (a.name or "")
                           and showing(a, pyatspi), time.monotonic() + 15)
            if pop is None:
                problems.append("showing Donetsk's Ukrainian-held part opened no popover")

        # The Measures dialog, opened from the sidebar as a user would.
        measures = find(app, pyatspi, lambda a: role(a) == "push button"
                        and (a.name or "").startswith("Measures"))
        if measures is None:
            problems.append("no “Measures…” button: %s" % [a.name for a in walk(app)
                            if "easures" in (a.name or "")])
        else:
            click(measures)
            dialog = window_named(app, pyatspi, "Measures", time.monotonic() + 10)
            if dialog is None:
                problems.append("the Measures window did not open")
            else:
                audit(dialog, pyatspi, "Measures", problems)

        return problems
    return checks


def compare_checks(pyatspi):
    def checks(app, amap):
        problems = []
        audit(app, pyatspi, "comparing", problems)
        maps = [a for a in walk(app) if a.name in ("Map", "Compared map")
                and "km²" in (a.description or "")]
        if len(maps) < 2:
            problems.append("comparing: the second map has no text alternative")
        return problems
    return checks


def inner():
    signal.alarm(DEADLINE)
    import pyatspi  # noqa: E402 (needs the bus this process runs on)

    problems = []
    problems += run_app(pyatspi, ["--proposal", "us-28-point-2025-11", "--date", "2025-11-20"],
                        main_checks(pyatspi))
    problems += run_app(pyatspi, ["--proposal", "us-28-point-2025-11", "--date", "2025-11-20",
                                  "--compare", "witkoff-recommendation-2025-04"],
                        compare_checks(pyatspi))
    for p in problems:
        print("FAIL: " + p, flush=True)
    print("%d passed, %d failed" % (0 if problems else 1, 1 if problems else 0), flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    if os.environ.get(INNER) != "1":
        if shutil.which("dbus-run-session") is None:
            print("FAIL: dbus-run-session is missing (package dbus-bin)")
            sys.exit(1)
        sys.exit(reexec())
    sys.exit(inner())
