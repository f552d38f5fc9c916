/* test-memory.c: what the process does to keep its memory down: GL off under the cairo renderer, a bounded day cache. */
#include "config.h"

#include <gtk/gtk.h>

#include "dm-catalog.h"
#include "dm-loader.h"
#include "dm-memory.h"

/* Only GSK_RENDERER=cairo turns GL off, and a GDK_DEBUG the user set wins. */
static void
test_gl_switch (void)
{
  g_autofree char *renderer = g_strdup (g_getenv ("GSK_RENDERER"));
  g_autofree char *debug = g_strdup (g_getenv ("GDK_DEBUG"));

  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  dm_memory_tune ();
  g_assert_null (g_getenv ("GDK_DEBUG"));

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  dm_memory_tune ();
  g_assert_null (g_getenv ("GDK_DEBUG"));

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GDK_DEBUG", "interactive", TRUE);
  dm_memory_tune ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "interactive");

  g_unsetenv ("GDK_DEBUG");
  dm_memory_tune ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");

  /* As main() set them. */
  g_setenv ("GSK_RENDERER", renderer, TRUE);
  if (debug != NULL)
    g_setenv ("GDK_DEBUG", debug, TRUE);
  else
    g_unsetenv ("GDK_DEBUG");
}

static gboolean
maps_have (const char *what)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, what) != NULL;
}

/* A window painted with the cairo renderer has no GL driver mapped (with
 * Mesa's llvmpipe that was 60 MB resident). */
static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static void
realize_cb (GtkWidget *window,
            gboolean  *painted)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), painted);
}

static void
test_no_gl_driver (void)
{
  GtkWidget *window = gtk_window_new ();
  gboolean painted = FALSE;
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Demarcate"));
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), &painted);
  gtk_window_present (GTK_WINDOW (window));
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (painted);
  g_assert_true (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (window))));
  g_assert_false (maps_have ("_dri.so"));
  g_assert_false (maps_have ("libLLVM"));
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (window), after_paint_cb,
                                        &painted);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
day_loaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  DmPartition **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dm_load_day_finish (result, &error);
  g_assert_no_error (error);
}

static DmPartition *
load_day (DmCatalog  *catalog,
          DmGeodata  *geodata,
          const char *date)
{
  DmPartition *partition = NULL;

  dm_load_day_async (catalog, geodata, date, NULL, day_loaded_cb, &partition);
  while (partition == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (dm_partition_get_date (partition), ==, date);
  return partition;
}

/* Stepping through more days than the cache holds keeps the latest
 * DM_LOADER_CACHE_DAYS: the first is derived again, the last is not. */
static void
test_day_cache_bound (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmCatalog) catalog = dm_catalog_new (dm_data_dir (), NULL, &error);
  g_autofree char *geo_dir = g_build_filename (dm_data_dir (), "geo", NULL);
  g_autoptr(DmGeodata) geodata = NULL;
  g_autoptr(DmPartition) first = NULL;
  g_autoptr(DmPartition) last = NULL;
  g_autoptr(DmPartition) again = NULL;
  g_auto(GStrv) days = NULL;
  guint n = DM_LOADER_CACHE_DAYS + 3;

  g_assert_no_error (error);
  geodata = dm_geodata_load (geo_dir, NULL, &error);
  g_assert_no_error (error);
  days = dm_loader_dup_days (catalog);
  g_assert_cmpuint (g_strv_length (days), >, n);

  first = load_day (catalog, geodata, days[0]);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(DmPartition) partition = load_day (catalog, geodata, days[i]);

      g_assert_cmpuint (dm_loader_get_n_cached_days (), ==, MIN (i + 1, DM_LOADER_CACHE_DAYS));
      if (i == n - 1)
        last = g_steal_pointer (&partition);
    }
  g_assert_cmpuint (dm_loader_get_n_cached_days (), ==, DM_LOADER_CACHE_DAYS);

  again = load_day (catalog, geodata, days[n - 1]);
  g_assert_true (again == last);
  g_clear_pointer (&again, dm_partition_unref);
  again = load_day (catalog, geodata, days[0]);
  g_assert_true (again != first);
  g_assert_cmpuint (dm_loader_get_n_cached_days (), ==, DM_LOADER_CACHE_DAYS);
}

int
main (int    argc,
      char **argv)
{
  /* As bench/run-peers.py runs the window under Xvfb. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_unsetenv ("GDK_DEBUG");
  dm_memory_tune ();
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/memory/gl-switch", test_gl_switch);
  g_test_add_func ("/memory/no-gl-driver", test_no_gl_driver);
  g_test_add_func ("/memory/day-cache-bound", test_day_cache_bound);
  return g_test_run ();
}
