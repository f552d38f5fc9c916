/* bench-core.c: prints load, derive and paint figures; performance goals live here, not in tests. */
#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <cairo.h>

#include "bench-common.h"
#include "dm-basemap.h"
#include "dm-catalog.h"
#include "dm-control.h"
#include "dm-geodata.h"
#include "dm-partition.h"
#include "dm-scene.h"
#include "dm-series.h"
#include "dm-shape.h"

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static void
paint_overlay (DmScene    *scene,
               const char *label,
               double      lon,
               double      lat,
               double      zoom)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  DmView view = { 0, 0, zoom, 1920, 1080, 1.0 };

  dm_lonlat_to_world (lon, lat, &view.center_x, &view.center_y);
  for (int i = 0; i < 41; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 t0 = g_get_monotonic_time ();

      /* The layer draws on a cleared transparent surface each frame. */
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      dm_scene_draw (scene, cr, &view);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (i > 0) /* the first frame warms font caches */
        {
          double ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (samples, ms);
        }
    }
  g_print ("overlay 1920x1080 %-28s median %7.2f ms  (goal < 4 ms)\n", label, bench_median_ms (samples));
  cairo_surface_destroy (surface);
}

static void
paint_tiles (DmGeodata *geodata,
             int        zoom,
             double     lon,
             double     lat)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  double wx, wy, n = exp2 (zoom);

  dm_lonlat_to_world (lon, lat, &wx, &wy);
  /* The 5×4 tiles a 1280×1024 screen needs around the point. */
  for (int dy = -2; dy <= 1; dy++)
    for (int dx = -2; dx <= 2; dx++)
      {
        cairo_t *cr = cairo_create (surface);
        gint64 t0 = g_get_monotonic_time ();
        double ms;

        dm_basemap_draw_tile (geodata, cr, zoom, (int) (wx * n) + dx, (int) (wy * n) + dy, 256,
                              DM_BASEMAP_LIGHT);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (samples, ms);
      }
  {
    double median = bench_median_ms (samples);
    double max = g_array_index (samples, double, samples->len - 1);

    g_print ("basemap tile 256 px zoom %-2d %16s median %7.2f ms  max %6.2f ms  (goal < 3 ms)\n",
             zoom, "", median, max);
  }
  cairo_surface_destroy (surface);
}

/* Any one day's polygon in memory: 60 days spread over the record. */
static void
bench_day_load (DmCatalog *catalog)
{
  GPtrArray *dates = dm_days_get_dates (dm_catalog_get_days (catalog));
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 60; i++)
    {
      const char *date = g_ptr_array_index (dates, (i * 97) % dates->len);
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(DmControlArea) control = dm_days_load (dm_catalog_get_days (catalog), date,
                                                       NULL, &error);
      double ms = (g_get_monotonic_time () - t0) / 1000.0;

      g_assert_no_error (error);
      g_array_append_val (samples, ms);
    }
  g_print ("load one day of the line (60 days)   median %7.2f ms  max %6.2f ms  (goal < 5 ms)\n",
           bench_median_ms (samples), g_array_index (samples, double, samples->len - 1));
}

/* `stats --from --to` over the whole record, on every core, and on one. */
static void
bench_series (DmCatalog  *catalog,
              DmGeodata  *geodata,
              DmScenario *scenario,
              guint       every,
              guint       threads)
{
  GPtrArray *controls = dm_catalog_get_controls (catalog);
  const char *first = ((DmControlInfo *) controls->pdata[0])->date;
  const char *last = ((DmControlInfo *) controls->pdata[controls->len - 1])->date;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = dm_series_days (catalog, first, last, every, &error);
  g_autoptr(GPtrArray) series = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double s;

  g_assert_no_error (error);
  series = dm_series_compute (catalog, geodata, scenario, days, threads, NULL, &error);
  g_assert_no_error (error);
  s = (g_get_monotonic_time () - t0) / 1e6;
  g_print ("series %s..%s every %u: %u days, %u thread(s)  %7.2f s  (%.1f ms a day)%s\n",
           first, last, every, days->len, threads ? threads : g_get_num_processors (), s,
           s * 1000.0 / days->len, every == 1 ? "  (goal <= 30 s)" : "");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmCatalog) catalog = NULL;
  g_autoptr(DmGeodata) geodata = NULL;
  g_autoptr(DmControlArea) control = NULL;
  g_autoptr(DmPartition) partition = NULL;
  g_autoptr(DmScene) scene = NULL;
  g_autoptr(DmScenario) scenario = NULL;
  const DmControlInfo *info;
  gint64 t0, t1, t2, t3;

  t0 = g_get_monotonic_time ();
  catalog = dm_catalog_new_default (&error);
  g_assert_no_error (error);
  geodata = dm_geodata_load (dm_catalog_get_geo_dir (catalog), NULL, &error);
  g_assert_no_error (error);
  t1 = g_get_monotonic_time ();

  info = dm_catalog_find_control (catalog, "2025-11-20");
  g_assert_nonnull (info);
  control = dm_catalog_load_control (catalog, info, NULL, &error);
  g_assert_no_error (error);
  t2 = g_get_monotonic_time ();
  partition = dm_partition_derive (geodata, control, NULL, &error);
  g_assert_no_error (error);
  t3 = g_get_monotonic_time ();

  g_print ("load catalog + all bundled geodata        %7.1f ms\n", (t1 - t0) / 1000.0);
  g_print ("load control area 2025-11-20              %7.1f ms\n", (t2 - t1) / 1000.0);
  g_print ("derive parts (GEOS) + shapes               %7.1f ms\n", (t3 - t2) / 1000.0);
  g_print ("total load + derive                        %7.1f ms\n", (t3 - t0) / 1000.0);
  g_print ("peak memory after load                     %7.1f MB\n", peak_rss_mb ());

  scene = dm_scene_new (geodata);
  scenario = dm_scenario_new (dm_catalog_find_proposal (catalog, "us-28-point-2025-11"));
  dm_scene_set_partition (scene, partition);
  dm_scene_set_scenario (scene, scenario);

  bench_day_load (catalog);
  /* DEMARCATE_BENCH_SERIES_EVERY=N samples the record (the whole series
   * takes a while on a loaded machine); 1, the default, is the figure. */
  {
    const char *every = g_getenv ("DEMARCATE_BENCH_SERIES_EVERY");
    guint n = every ? (guint) MAX (1, atoi (every)) : 1;

    bench_series (catalog, geodata, scenario, n * 8, 1);
    bench_series (catalog, geodata, scenario, n, 0);
  }

  paint_overlay (scene, "default view (zoom 6.3)", 35.0, 47.6, 6.3);
  paint_overlay (scene, "zoom 10 over Donetsk", 37.80, 48.00, 10.0);
  paint_tiles (geodata, 6, 35.0, 47.6);
  paint_tiles (geodata, 10, 37.80, 48.00);
  g_print ("peak memory                                %7.1f MB\n", peak_rss_mb ());
  return 0;
}
