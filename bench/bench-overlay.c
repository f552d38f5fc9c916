/* bench-overlay.c: one full repaint of the window's overlay at 1920×1080, measured as the Mapnik peer is.
 *
 * The scene of bench-core's default view (us-28-point-2025-11 on the line
 * of 2025-11-20, 35.0 °E 47.6 °N at zoom 6.3), painted the way the overlay
 * layer repaints it, onto a cleared transparent surface. Like
 * bench/peer-mapnik.py it loads once, paints 15 frames after a warm-up and
 * prints the lower quartile; bench/run-peers.py takes the best of three
 * processes. */
#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <cairo.h>

#include "bench-common.h"
#include "dm-catalog.h"
#include "dm-overlay-paint.h"
#include "dm-scene.h"
#include "dm-shape.h"

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmCatalog) catalog = dm_catalog_new_default (&error);
  g_autoptr(DmGeodata) geodata = NULL;
  g_autoptr(DmControlArea) control = NULL;
  g_autoptr(DmPartition) partition = NULL;
  g_autoptr(DmScene) scene = NULL;
  g_autoptr(DmScenario) scenario = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(DmOverlayPainter) painter = NULL;
  cairo_surface_t *surface;
  DmView view = { 0, 0, 6.3, 1920, 1080, 1.0 };
  int n_frames;
  double cpu0, first_ms = 0;

  if (catalog == NULL)
    g_error ("%s", error->message);
  geodata = dm_geodata_load (dm_catalog_get_geo_dir (catalog), NULL, &error);
  if (geodata == NULL)
    g_error ("%s", error->message);
  control = dm_catalog_load_control (catalog, dm_catalog_find_control (catalog, "2025-11-20"),
                                     NULL, &error);
  if (control == NULL)
    g_error ("%s", error->message);
  partition = dm_partition_derive (geodata, control, NULL, &error);
  if (partition == NULL)
    g_error ("%s", error->message);
  scene = dm_scene_new (geodata);
  scenario = dm_scenario_new (dm_catalog_find_proposal (catalog, "us-28-point-2025-11"));
  dm_scene_set_partition (scene, partition);
  dm_scene_set_scenario (scene, scenario);

  /* DEMARCATE_BENCH_THREADS=1 paints as one dm_scene_draw, for a before. */
  painter = dm_overlay_painter_new (g_getenv ("DEMARCATE_BENCH_THREADS")
                                    ? (guint) atoi (g_getenv ("DEMARCATE_BENCH_THREADS")) : 0);
  dm_lonlat_to_world (35.0, 47.6, &view.center_x, &view.center_y);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  /* DEMARCATE_BENCH_FRAMES=N paints more frames, for a profile. */
  n_frames = g_getenv ("DEMARCATE_BENCH_FRAMES") ? MAX (16, atoi (g_getenv ("DEMARCATE_BENCH_FRAMES"))) : 16;
  cpu0 = cpu_ms ();
  for (int i = 0; i < n_frames; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      dm_overlay_painter_paint (painter, scene, surface, &view, 1, DM_SCENE_ALL);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (i > 0) /* the first frame warms font caches */
        g_array_append_val (samples, ms);
      else
        {
          first_ms = ms;
          cpu0 = cpu_ms ();
        }
    }
  g_array_sort (samples, bench_compare_double);
  g_print ("overlay-frame-ms %.3f\n", g_array_index (samples, double, samples->len / 4));
  /* CPU per frame over the run, all threads, after the first frame
   * (which prepares every name's image): on a shared machine the wall
   * time of bands swings with the other load, the work done less. */
  g_print ("overlay-frame-cpu-ms %.3f\n", (cpu_ms () - cpu0) / (n_frames - 1));
  /* The first frame also shapes every name and prepares its image (and
   * each dot's), as a window does for the names it has not shown yet. */
  g_print ("overlay-first-frame-ms %.3f\n", first_ms);
  if (argc > 1)
    cairo_surface_write_to_png (surface, argv[1]);
  cairo_surface_destroy (surface);
  return 0;
}
