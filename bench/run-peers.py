#!/usr/bin/python3
# run-peers.py: our figures beside their peers, as the ratios the Speed issue sets targets for.
#
#   bench/run-peers.py [BUILD_DIR] [--quick]      (or: meson compile -C build bench-peers)
#
# Prints, in one run (absolute times swing with the machine's load, ratios
# much less):
#   overlay  full repaint at 1920x1080 / Mapnik's in-process frame (lower
#            quartile of 15 frames, best of three processes, both sides)
#   start-up first painted map / a bare AdwApplicationWindow with an empty
#            ShumateSimpleMap (medians of 5 interleaved runs, exec to frame)
#   4K PNG   `demarcate export --size 4k` / Mapnik's whole-process 3840x2160
#            render (medians of 5 interleaved runs)
#   memory   peak RSS (the window after 50 day steps through the daily
#            history, the app at its first frame, the 4K export) / 150 MB
# and then bench-gui's day and proposal steps and bench-animation's weekly
# 2025 time-lapse (--quick leaves those out). Needs Xvfb and python3-mapnik
# (build-aux/bench-packages.txt). Runs on its own Xvfb display and ends
# only the processes it started.
import json
import os
import random
import re
import select
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
PROPOSAL, DAY = "us-28-point-2025-11", "2025-11-20"


def run(cmd, env, timeout=600):
    """Runs cmd to its end; returns its standard output."""
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        sys.exit("run-peers: %s failed:\n%s" % (" ".join(cmd), proc.stderr[-2000:]))
    return proc.stdout


def run_timed(cmd, env):
    """Wall seconds and peak RSS (MB) of one whole process."""
    t0 = time.monotonic()
    pid = os.spawnvpe(os.P_NOWAIT, cmd[0], cmd, env)
    _, status, usage = os.wait4(pid, 0)
    wall = time.monotonic() - t0
    if status != 0:
        sys.exit("run-peers: %s failed (status %d)" % (" ".join(cmd), status))
    return wall, usage.ru_maxrss / 1024.0


def number(pattern, text, what):
    m = re.search(pattern, text, re.M)
    if m is None:
        sys.exit("run-peers: no %s in:\n%s" % (what, text))
    return float(m.group(1))


class Xvfb:
    """An Xvfb of our own, on a display number checked with a real client:
    a number without a lock file was still refused to clients here (:0,
    :140), so each candidate is tried with xdotool before it is used."""

    def __init__(self):
        for number in random.sample(range(300, 900), 20):
            if os.path.exists("/tmp/.X%d-lock" % number):
                continue
            self.proc = subprocess.Popen(["Xvfb", ":%d" % number, "-screen", "0", "1920x1200x24",
                                          "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL)
            self.display = ":%d" % number
            deadline = time.monotonic() + 20
            while self.proc.poll() is None and time.monotonic() < deadline:
                if subprocess.call(["xdotool", "getdisplaygeometry"],
                                   env=dict(os.environ, DISPLAY=self.display),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
                    return
                time.sleep(0.1)
            self.close()
        sys.exit("run-peers: no Xvfb display took connections")

    def close(self):
        self.proc.terminate()
        self.proc.wait()


def first_frame(cmd, env):
    """Exec to first painted frame in ms, and the process's peak RSS (MB) then."""
    # Warnings come in with the output and are skipped (with stderr on
    # /dev/null or a file the bare window did not paint here).
    start = time.time_ns() // 1000
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    frame = None
    seen = []
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([proc.stdout], [], [], deadline - time.monotonic())
            if not ready:
                break
            line = proc.stdout.readline()
            if line == "":
                break
            seen.append(line)
            if line.startswith("first-frame-realtime-us "):
                frame = int(line.split()[1])
                break
        hwm = 0.0
        try:
            with open("/proc/%d/status" % proc.pid) as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        hwm = int(line.split()[1]) / 1024.0
        except OSError:
            pass
    finally:
        proc.kill()
        proc.wait()
    if frame is None:
        sys.exit("run-peers: %s reported no first frame; it printed:\n%s"
                 % (cmd[0], "".join(seen[-20:])))
    return (frame - start) / 1000.0, hwm


def control_geojson(build, env, tmp):
    """The day's control area as GeoJSON, from our own export of the day."""
    everything = os.path.join(tmp, "day.geojson")
    run([os.path.join(build, "src", "demarcate"), "export", "-p", PROPOSAL, "-d", DAY,
         "-f", "geojson", "-o", everything], env)
    with open(everything) as f:
        doc = json.load(f)
    doc["features"] = [f for f in doc["features"]
                       if f["properties"].get("layer") == "control-area"]
    if not doc["features"]:
        sys.exit("run-peers: no control-area feature in %s" % everything)
    path = os.path.join(tmp, "control.geojson")
    with open(path, "w") as f:
        json.dump(doc, f)
    return path


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quick = "--quick" in sys.argv
    build = os.path.abspath(args[0] if args else os.path.join(SOURCE, "build"))
    env = dict(os.environ, DEMARCATE_DATA_DIR=os.path.join(SOURCE, "data"),
               GSETTINGS_BACKEND="memory", GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"),
               GTK_A11Y="none", GDK_BACKEND="x11", NO_AT_BRIDGE="1")
    env.pop("DEMARCATE_TIMING", None)
    mapnik = ["/usr/bin/python3", os.path.join(HERE, "peer-mapnik.py")]
    oblasts = os.path.join(SOURCE, "data", "geo", "oblasts.geojson")
    demarcate = os.path.join(build, "src", "demarcate")
    rows = []

    if subprocess.call(["/usr/bin/python3", "-c", "import mapnik"],
                       stderr=subprocess.DEVNULL) != 0:
        sys.exit("run-peers: needs python3-mapnik (build-aux/bench-packages.txt)")

    with tempfile.TemporaryDirectory(prefix="demarcate-peers-") as tmp:
        control = control_geojson(build, env, tmp)

        # Overlay: best of three processes on each side, interleaved.
        ours, theirs = [], []
        for _ in range(3):
            out = run([os.path.join(build, "bench", "bench-overlay")], env)
            ours.append(number(r"^overlay-frame-ms (\S+)", out, "overlay figure"))
            out = run(mapnik + ["frame", oblasts, control], env)
            theirs.append(number(r"^mapnik-frame-ms (\S+)", out, "Mapnik figure"))
        rows.append(("overlay 1920x1080 / Mapnik frame", min(ours), min(theirs), "ms",
                     min(ours) / min(theirs), "<= 0.08"))

        # 4K PNG, whole process. The first run fills the cache of derived
        # geometry (src/core/dm-cache.c) if it is not already; runs with
        # caching off are printed beside, for what a first run costs.
        export = [demarcate, "export", "-p", PROPOSAL, "-d", DAY, "--size", "4k",
                  "-o", os.path.join(tmp, "ours.png")]
        run_timed(export, env)
        cold = statistics.median(run_timed(export, dict(env, DEMARCATE_CACHE_DIR=""))[0] * 1000
                                 for _ in range(3))
        ours, theirs, export_rss = [], [], 0.0
        for i in range(5):
            wall, rss = run_timed(export, env)
            ours.append(wall * 1000)
            export_rss = max(export_rss, rss)
            wall, _ = run_timed(mapnik + ["png4k", oblasts, control,
                                          os.path.join(tmp, "mapnik.png")], env)
            theirs.append(wall * 1000)
        m_ours, m_theirs = statistics.median(ours), statistics.median(theirs)
        rows.append(("4K PNG export / Mapnik 4K, whole process", m_ours, m_theirs, "ms",
                     m_ours / m_theirs, "<= 0.5"))

        xvfb = Xvfb()
        try:
            # Xvfb has no GPU: GTK's GL renderer would run on llvmpipe, whose
            # threads took half of both cores in bench-gui's profile (work a
            # desktop's GPU does). Both sides of every figure use cairo's.
            # Under the cairo renderer Demarcate turns GDK's GL off
            # (dm-memory.c: the driver is 60 MB of llvmpipe that never
            # draws); the bare window gets the same, so start-up compares
            # like with like.
            xenv = dict(env, DISPLAY=xvfb.display, DEMARCATE_REPORT_FIRST_FRAME="1",
                        GSK_RENDERER="cairo", GDK_DEBUG="gl-disable")
            ours, theirs, app_rss = [], [], 0.0
            bare = os.path.join(build, "bench", "bench-bare-window")
            first_frame([bare], xenv)  # the first run pays for cold caches
            first_frame([demarcate], xenv)  # and fills ours (dm-cache.c)
            cold_start = statistics.median(
                first_frame([demarcate], dict(xenv, DEMARCATE_CACHE_DIR=""))[0]
                for _ in range(3))
            for _ in range(5):
                ms, _ = first_frame([bare], xenv)
                theirs.append(ms)
                ms, rss = first_frame([demarcate], xenv)
                ours.append(ms)
                app_rss = max(app_rss, rss)
            m_ours, m_theirs = statistics.median(ours), statistics.median(theirs)
            rows.append(("start-up: first painted map / bare window", m_ours, m_theirs, "ms",
                         m_ours / m_theirs, "<= 1.3"))

            gui_rss = 0.0
            steps = []
            if not quick:
                genv = dict(xenv)
                del genv["DEMARCATE_REPORT_FIRST_FRAME"]
                out = run([os.path.join(build, "bench", "bench-gui")], genv)
                out = out.replace("\n  ...", "\n...")
                gui_rss = number(r"^peak memory\s+(\S+) MB", out, "bench-gui memory")
                for label, pattern, goal in (
                    ("day step (loaded ahead) to repainted overlay",
                     r"^day step, loaded ahead: to repainted overlay", "<= 33 / 100"),
                    ("  ... to the window's painted frame",
                     r"^day step, loaded ahead: to repainted overlay.*\n.*\n\.\.\. to the window's next painted frame",
                     "<= 33 / 100"),
                    ("  ... the repaint's CPU (every thread)",
                     r"^\.\.\. the overlay's repaint, CPU", ""),
                    ("proposal step", r"^overlay frame after a proposal step", "<= 16"),
                    ("  ... its CPU (every thread)", r"^\.\.\. its CPU, every thread", ""),
                    ("panning at zoom 10", r"^overlay frame panning at zoom 10 \(Donetsk\)",
                     "<= 16 max")):
                    m = re.search(pattern + r"\s+median\s+(\S+) ms\s+max\s+(\S+) ms", out, re.M)
                    if m is None:
                        sys.exit("run-peers: no '%s' in bench-gui's output:\n%s" % (label, out))
                    steps.append((label, float(m.group(1)), float(m.group(2)), goal))
        finally:
            xvfb.close()

        peak = max(app_rss, export_rss, gui_rss)
        rows.append(("peak memory / 150 MB", peak, 150.0, "MB", peak / 150.0, "<= 1.0"))

        lapse = []
        if not quick:
            out = run([os.path.join(build, "bench", "bench-animation")], env)
            for m in re.finditer(r"^time-lapse .* (webm|mp4|gif)\s+(\S+) s", out, re.M):
                lapse.append((m.group(1), float(m.group(2))))

    load = os.getloadavg()[0]
    print("%-44s %10s %10s %8s  %s" % ("", "ours", "peer", "ratio", "target"))
    for name, a, b, unit, ratio, goal in rows:
        print("%-44s %8.1f%-2s %8.1f%-2s %8.2f  %s" % (name, a, unit, b, unit, ratio, goal))
    print("  (memory: window after 50 day steps %.0f MB, app at first frame %.0f MB, "
          "4K export %.0f MB)" % (gui_rss, app_rss, export_rss))
    print("  (caching off, as on a first run: 4K PNG %.0f ms, start-up %.0f ms; medians of 3)"
          % (cold, cold_start))
    for label, median, maximum, goal in steps:
        print("%-44s median %6.1f ms  max %6.1f ms  %s" % (label, median, maximum,
                                                          "target " + goal if goal else ""))
    for fmt, seconds in lapse:
        print("%-44s %6.2f s  target <= 10 s" % ("time-lapse 2025 weekly 52 frames 1280x720 " + fmt,
                                                 seconds))
    print("load average %.2f on %d processors" % (load, os.cpu_count()))


if __name__ == "__main__":
    main()
