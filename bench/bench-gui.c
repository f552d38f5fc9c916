/* bench-gui.c: the window's figures under a display: start-up to a painted map, overlay frames while panning and after a change. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <adwaita.h>
#include <shumate/shumate.h>

#include "bench-common.h"
#include "dm-memory.h"
#include "dm-shape.h"
#include "dm-catalog.h"
#include "dm-loader.h"
#include "dm-window.h"

static DmWindow *window;

static gboolean
ready (void)
{
  return dm_window_is_ready (window) && gtk_widget_get_width (dm_window_get_overlay (window)) > 0;
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* CPU of the whole process (every thread) so far, in ms: on a shared
 * machine the wall times swing with other load, the work done far less. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

static double last_snapshot_cpu;

/* Wall time of the layer's snapshot(), what a frame costs the app; its
 * CPU in last_snapshot_cpu. */
static double
snapshot_ms (GtkWidget *layer)
{
  double cpu0 = cpu_ms ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  gint64 t0 = g_get_monotonic_time ();
  GskRenderNode *node;

  GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    gsk_render_node_unref (node);
  last_snapshot_cpu = cpu_ms () - cpu0;
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static gint64 painted_at;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted_at = g_get_monotonic_time ();
}

/* VmRSS (now) or VmHWM (the peak so far), in MB. */
static double
status_mb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return 0.0;
  return g_ascii_strtod (line + strlen (key), NULL) / 1024.0;
}

static double
rss_mb (void)
{
  return status_mb ("VmRSS:");
}

/* DM_BENCH_FILES: the file-backed mappings over 1 MB resident, by file. */
static void
report_files (GStrv lines)
{
  g_autoptr(GHashTable) by_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;
  const char *path = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_ascii_isxdigit (lines[i][0]) && strchr (lines[i], '-') != NULL)
        path = strchr (lines[i], '/');
      else if (path != NULL && g_str_has_prefix (lines[i], "Rss:"))
        {
          double *mb = g_hash_table_lookup (by_file, path);

          if (mb == NULL)
            g_hash_table_insert (by_file, g_strdup (path), (mb = g_new0 (double, 1)));
          *mb += g_ascii_strtod (lines[i] + 4, NULL) / 1024.0;
        }
    }
  g_hash_table_iter_init (&iter, by_file);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(double *) value >= 1.0)
      g_print ("    %6.1f MB  %s\n", *(double *) value, (const char *) key);
}

/* The resident memory now by kind of mapping: what malloc and cairo hold
 * (anonymous), what the libraries' code and data files take (file-backed)
 * and what is shared with the X server or the GPU driver (shared). */
static void
report_mappings (void)
{
  g_autofree char *smaps = NULL;
  g_auto(GStrv) lines = NULL;
  double anon = 0, files = 0, shared = 0;
  gboolean is_file = FALSE, is_shared = FALSE;

  if (!g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL))
    return;
  lines = g_strsplit (smaps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_ascii_isxdigit (line[0]) && strchr (line, '-') != NULL && strchr (line, ' ') != NULL)
        {
          const char *path = strchr (line, '/');

          is_shared = strstr (line, "/dev/shm") != NULL || strstr (line, "/memfd:") != NULL ||
                      strstr (line, "SYSV") != NULL || strstr (line, "/dev/dri") != NULL ||
                      (path == NULL && strstr (line, " rw-s ") != NULL);
          is_file = !is_shared && path != NULL;
        }
      else if (g_str_has_prefix (line, "Rss:"))
        {
          double mb = g_ascii_strtod (line + 4, NULL) / 1024.0;

          if (is_shared)
            shared += mb;
          else if (is_file)
            files += mb;
          else
            anon += mb;
        }
    }
  g_print ("%-44s %7.1f MB anonymous, %.1f MB files, %.1f MB shared\n", "  RSS now by mapping",
           anon, files, shared);
  if (g_getenv ("DM_BENCH_FILES") != NULL)
    report_files (lines);
}

static void
report (const char *what,
        GArray     *samples)
{
  double median = bench_median_ms (samples);

  g_print ("%-44s median %7.2f ms  max %7.2f ms  (n=%u, RSS %.0f MB, peak %.0f)\n", what,
           median, g_array_index (samples, double, samples->len - 1), samples->len, rss_mb (),
           status_mb ("VmHWM:"));
}

int
main (int    argc,
      char **argv)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GArray) pan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) change = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) change_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoomed = g_array_new (FALSE, FALSE, sizeof (double));
  ShumateViewport *viewport;
  GtkWidget *layer;
  double lat, lon;

  /* As main() does. */
  dm_memory_tune ();
  {
    g_autofree char *geo_dir = g_build_filename (dm_data_dir (), "geo", NULL);
    dm_loader_preload (geo_dir);
  }
  gtk_init ();
  adw_init ();
  g_print ("%-44s %7.1f ms\n", "  gtk_init + adw_init", (g_get_monotonic_time () - start) / 1000.0);
  window = dm_window_new (NULL);
  g_print ("%-44s %7.1f ms\n", "  window built", (g_get_monotonic_time () - start) / 1000.0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  while (!dm_window_is_ready (window))
    g_main_context_iteration (NULL, TRUE);
  g_print ("%-44s %7.1f ms\n", "  data loaded, parts derived", (g_get_monotonic_time () - start) / 1000.0);
  while (!ready ())
    g_main_context_iteration (NULL, TRUE);
  layer = dm_window_get_overlay (window);
  g_print ("%-44s %7.1f ms  (goal < 500 ms)\n", "start-up to a loaded, laid-out map",
           (g_get_monotonic_time () - start) / 1000.0);
  g_print ("%-44s %7.1f MB\n", "  memory then", rss_mb ());
  report_mappings ();
  g_print ("%-44s %d x %d px\n", "overlay size", gtk_widget_get_width (layer),
           gtk_widget_get_height (layer));

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (layer));
  lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  snapshot_ms (layer);

  /* Panning: small steps, as a drag produces. */
  for (int i = 0; i < 60; i++)
    {
      double ms;

      shumate_location_set_location (SHUMATE_LOCATION (viewport), lat + 0.01 * (i % 20),
                                     lon + 0.015 * (i % 20));
      ms = snapshot_ms (layer);
      g_array_append_val (pan, ms);
    }
  report ("overlay frame while panning (default view)", pan);

  /* A change of what is drawn (proposal step): a full repaint. */
  for (int i = 0; i < 12; i++)
    {
      double ms;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.step-proposal", "i", 1);
      ms = snapshot_ms (layer);
      g_array_append_val (change, ms);
      g_array_append_val (change_cpu, last_snapshot_cpu);
      spin ();
    }
  report ("overlay frame after a proposal step", change);
  report ("  ... its CPU, every thread", change_cpu);

  /* A day step at 1920x1080: from the step to the repainted overlay. With
   * the days either side loaded ahead (a user pressing Ctrl+Right every
   * 300 ms), and cold (a jump to a day not loaded). */
  {
    g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) warm_frames = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) cold_frames = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) warm_cpu = g_array_new (FALSE, FALSE, sizeof (double));

    g_auto(GStrv) days = dm_loader_dup_days (dm_window_get_catalog (window));
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    guint at = 0;
    /* DM_BENCH_DAY_STEPS: fewer steps, for a run under valgrind. */
    const char *steps_env = g_getenv ("DM_BENCH_DAY_STEPS");
    int n_steps = steps_env ? MAX (5, (int) g_ascii_strtoll (steps_env, NULL, 10)) : 50;

    g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
    while (days[at] != NULL && g_strcmp0 (days[at], "2025-03-01") < 0)
      at++;
    dm_window_set_control_date (window, days[at]);
    while (g_strcmp0 (dm_window_get_control_date (window), days[at]) != 0)
      g_main_context_iteration (NULL, TRUE);
    for (int i = 0; i < n_steps; i++)
      {
        GArray *into = i % 5 == 4 ? cold : warm;
        int delta = i % 5 == 4 ? 37 : 1;
        gint64 t0, idle_end;
        double ms;

        /* Idle: the loads ahead run, as between two key presses. */
        idle_end = g_get_monotonic_time () + 300 * 1000;
        while (g_get_monotonic_time () < idle_end)
          g_main_context_iteration (NULL, FALSE);
        at += delta;
        t0 = g_get_monotonic_time ();
        gtk_widget_activate_action (GTK_WIDGET (window), "win.step-day", "i", delta);
        while (g_strcmp0 (dm_window_get_control_date (window), days[at]) != 0)
          g_main_context_iteration (NULL, TRUE);
        {
          gint64 t1 = g_get_monotonic_time ();
          double paint = snapshot_ms (layer); /* the overlay repaints the new day */
          double frame;

          if (into == warm)
            g_array_append_val (warm_cpu, last_snapshot_cpu);

          ms = (t1 - t0) / 1000.0 + paint;
          /* And until GTK has put the whole window on the X server. */
          painted_at = 0;
          while (painted_at == 0)
            g_main_context_iteration (NULL, TRUE);
          frame = (painted_at - t0) / 1000.0;
          g_array_append_val (into == warm ? warm_frames : cold_frames, frame);
          if (g_getenv ("DM_DEBUG_BENCH"))
            g_printerr ("-> %s arrive %.1f overlay %.1f window frame %.1f ms\n", days[at],
                        (t1 - t0) / 1000.0, paint, frame);
        }
        g_array_append_val (into, ms);
      }
    report ("day step, loaded ahead: to repainted overlay", warm);
    g_print ("%-44s (goal: median <= 33 ms, max <= 100 ms)\n", "");
    report ("  ... to the window's next painted frame", warm_frames);
    report ("  ... the overlay's repaint, CPU", warm_cpu);
    report ("day step, not loaded: to repainted overlay", cold);
    report ("  ... to the window's next painted frame", cold_frames);
  }

  /* Zoom 10 over Donetsk: repaint, then panning. */
  shumate_viewport_set_zoom_level (viewport, 10.0);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 48.0, 37.8);
  spin ();
  for (int i = 0; i < 30; i++)
    {
      double ms;

      shumate_location_set_location (SHUMATE_LOCATION (viewport), 48.0 + 0.002 * (i % 10),
                                     37.8 + 0.003 * (i % 10));
      ms = snapshot_ms (layer);
      g_array_append_val (zoomed, ms);
    }
  report ("overlay frame panning at zoom 10 (Donetsk)", zoomed);

  /* The peak so far, as this bench measured it before it had the drag
   * (the drag's basemap tiles at zoom 10 fill libshumate's cache). */
  g_print ("%-44s %7.1f MB\n", "  peak memory before the long drag", status_mb ("VmHWM:"));

  /* A long drag at zoom 10: 120 frames of 16 px east, 60 a second, over
   * a view's width and more, so the view leaves the cached margin. */
  {
    g_autoptr(GArray) drag = g_array_new (FALSE, FALSE, sizeof (double));
    ShumateLocation *location = SHUMATE_LOCATION (viewport);
    double total = 0.0;
    guint slow = 0;

    spin ();
    snapshot_ms (layer);
    for (int i = 0; i < 120; i++)
      {
        double x, y, ms;
        gint64 frame_end;

        dm_lonlat_to_world (shumate_location_get_longitude (location),
                            shumate_location_get_latitude (location), &x, &y);
        x += 16.0 / (256.0 * exp2 (10.0));
        dm_world_to_lonlat (x, y, &lon, &lat);
        shumate_location_set_location (location, lat, lon);
        frame_end = g_get_monotonic_time () + 16 * 1000;
        ms = snapshot_ms (layer);
        if (g_getenv ("DM_DEBUG_BENCH") && ms > 16.0)
          g_printerr ("drag frame %d: %.1f ms\n", i, ms);
        total += ms;
        slow += ms > 16.0;
        g_array_append_val (drag, ms);
        /* The rest of a 60 Hz frame for the main loop, as in a drag. */
        while (g_get_monotonic_time () < frame_end)
          g_main_context_iteration (NULL, FALSE);
      }
    report ("overlay frame in a long drag at zoom 10", drag);
    g_print ("%-44s %7.1f ms in all, %u frames over 16 ms\n", "", total, slow);
  }
  {
    struct rusage usage;

    getrusage (RUSAGE_SELF, &usage);
    g_print ("%-44s %7.1f MB\n", "peak memory", usage.ru_maxrss / 1024.0);
  }
  report_mappings ();
  return 0;
}
