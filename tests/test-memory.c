/* test-memory.c: what the process does to keep its memory down: GL off under the cairo renderer, a bounded day cache, the overlay's narrower margin. */
#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <shumate/shumate.h>

#include "dm-catalog.h"
#include "dm-loader.h"
#include "dm-memory.h"
#include "dm-overlay-layer.h"
#include "dm-shape.h"
#include "dm-window.h"

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

static GskRenderNode *
overlay_node (GtkWidget *layer)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* Pixels (of width x height) where two ARGB32 surfaces differ clearly. */
static guint
count_differing (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint n = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      for (int c = 0; c < 4; c++)
        if (ABS (pa[y * stride + 4 * x + c] - pb[y * stride + 4 * x + c]) > 40)
          {
            n++;
            break;
          }
  return n;
}

static cairo_surface_t *
draw_scene (DmScene       *scene,
            const DmView  *view,
            DmSceneLayers  layers)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view->width,
                                                         (int) view->height);
  cairo_t *cr = cairo_create (surface);

  dm_scene_draw_layers (scene, cr, view, layers);
  cairo_destroy (cr);
  return surface;
}

/* After a proposal step the wide margin is painted in a thread, names and
 * all (no surface of names is kept apart to be laid over new shapes): the
 * names are on the map it shows. */
static void
test_wide_paint_names (void)
{
  DmWindow *window = dm_window_new (NULL);
  GtkWidget *layer;
  DmScene *scene;
  DmView view;
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *shown, *with_names, *without_names;
  graphene_rect_t bounds;
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  guint off_with, off_without, names;
  cairo_t *cr;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  layer = dm_window_get_overlay (window);
  while ((!dm_window_is_ready (window) || gtk_widget_get_width (layer) == 0) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dm_window_is_ready (window));
  g_clear_pointer (&node, gsk_render_node_unref);
  node = overlay_node (layer);  /* the names painted and kept */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step-proposal", "i", 1);

  /* The near cache now, the wide one once the thread is done. */
  dm_overlay_layer_get_view (DM_OVERLAY_LAYER (layer), &view);
  do
    {
      g_clear_pointer (&node, gsk_render_node_unref);
      node = overlay_node (layer);
      if (!dm_overlay_layer_get_cached_area (DM_OVERLAY_LAYER (layer), &bounds))
        bounds.size.width = 0;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  while (bounds.size.width < view.width * 1.18 && g_get_monotonic_time () < deadline);
  g_assert_cmpfloat (bounds.size.width, >=, view.width * 1.18);

  shown = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view.width, (int) view.height);
  cr = cairo_create (shown);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  scene = dm_window_get_scene (window, 0);
  with_names = draw_scene (scene, &view, DM_SCENE_ALL);
  without_names = draw_scene (scene, &view, DM_SCENE_SHAPES);
  names = count_differing (with_names, without_names);
  off_with = count_differing (shown, with_names);
  off_without = count_differing (shown, without_names);
  g_test_message ("names %u px; the layer differs from the scene with names in %u px, "
                  "without in %u px", names, off_with, off_without);
  /* Names laid out over the wide view are not all where the view's own
   * layout puts them (the same before the names were shared), but without
   * them the layer would be the scene without names. */
  g_assert_cmpuint (names, >, 2000);
  g_assert_cmpuint (off_without, >, names / 2);
  g_assert_cmpuint (off_with * 2, <, off_without);

  cairo_surface_destroy (shown);
  cairo_surface_destroy (with_names);
  cairo_surface_destroy (without_names);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
spin_for (int ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static gboolean
node_wider_than (GtkWidget    *layer,
                 double        width,
                 gint64        deadline,
                 GskRenderNode **node)
{
  graphene_rect_t bounds;

  do
    {
      g_clear_pointer (node, gsk_render_node_unref);
      *node = overlay_node (layer);
      if (dm_overlay_layer_get_cached_area (DM_OVERLAY_LAYER (layer), &bounds) &&
          bounds.size.width >= width)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  while (g_get_monotonic_time () < deadline);
  return FALSE;
}

/* Panning within the wide margin shows the cache's painted pixels where it
 * lies (not a repaint), and once the view is a third of the margin off its
 * middle the margin is painted again around the view, in a thread. */
static void
test_pan_within_margin (void)
{
  DmWindow *window = dm_window_new (NULL);
  GtkWidget *layer;
  ShumateLocation *location;
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t before, after;
  DmView view;
  cairo_surface_t *shown, *unmoved, *expected;
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  double margin, lon, lat, x, y;
  guint off, off_unmoved, painted = 0, wanted = 0;
  cairo_t *cr;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  layer = dm_window_get_overlay (window);
  while ((!dm_window_is_ready (window) || gtk_widget_get_width (layer) == 0) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dm_window_is_ready (window));
  location = SHUMATE_LOCATION (shumate_layer_get_viewport (SHUMATE_LAYER (layer)));
  /* Over Donetsk at zoom 10, where the parts fill the whole view. */
  shumate_viewport_set_zoom_level (SHUMATE_VIEWPORT (location), 10.0);
  shumate_location_set_location (location, 48.0, 37.8);

  /* The wide cache, centred on the view. */
  dm_overlay_layer_get_view (DM_OVERLAY_LAYER (layer), &view);
  g_assert_true (node_wider_than (layer, view.width * 1.18, deadline, &node));
  spin_for (1000);  /* the loads and paints that follow start-up */
  g_clear_pointer (&node, gsk_render_node_unref);
  node = overlay_node (layer);
  g_assert_true (dm_overlay_layer_get_cached_area (DM_OVERLAY_LAYER (layer), &before));
  margin = -before.origin.x;
  g_assert_cmpfloat (margin, >, view.width / 10.0);
  g_assert_cmpfloat (margin, <, view.width / 8.0);
  unmoved = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view.width, (int) view.height);
  cr = cairo_create (unmoved);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  /* A fifth of the margin west: the same pixels, moved. */
  dm_view_from_px (&view, view.width / 2.0 - margin / 5.0, view.height / 2.0, &x, &y);
  dm_world_to_lonlat (x, y, &lon, &lat);
  shumate_location_set_location (location, lat, lon);
  g_clear_pointer (&node, gsk_render_node_unref);
  node = overlay_node (layer);
  g_assert_true (dm_overlay_layer_get_cached_area (DM_OVERLAY_LAYER (layer), &after));
  g_assert_cmpfloat (fabs (after.origin.x - (before.origin.x + margin / 5.0)), <, 1.0);
  g_assert_cmpfloat (after.size.width, ==, before.size.width);
  /* And nothing else repaints it meanwhile. */
  spin_for (500);
  g_clear_pointer (&node, gsk_render_node_unref);
  node = overlay_node (layer);
  g_assert_true (dm_overlay_layer_get_cached_area (DM_OVERLAY_LAYER (layer), &after));
  g_assert_cmpfloat (fabs (after.origin.x - (before.origin.x + margin / 5.0)), <, 1.0);

  dm_overlay_layer_get_view (DM_OVERLAY_LAYER (layer), &view);
  /* Under the cairo renderer the texture is the part of the cache in view
   * (the renderer copies a texture whole each frame), over its pixels. */
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_TEXTURE_NODE);
  g_assert_cmpint (gdk_texture_get_width (gsk_texture_node_get_texture (node)), <=,
                   (int) view.width + 1);
  g_assert_cmpint (gdk_texture_get_height (gsk_texture_node_get_texture (node)), <=,
                   (int) view.height + 1);
  shown = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view.width, (int) view.height);
  cr = cairo_create (shown);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  expected = draw_scene (dm_window_get_scene (window, 0), &view, DM_SCENE_ALL);
  {
    const guint8 *p = cairo_image_surface_get_data (shown);
    const guint8 *q = cairo_image_surface_get_data (expected);
    int stride = cairo_image_surface_get_stride (shown);

    /* The strip newly in view at the left was painted, not left empty. */
    cairo_surface_flush (expected);
    for (int row = 0; row < (int) view.height; row++)
      for (int col = 0; col < (int) (margin / 5.0); col++)
        {
          painted += p[row * stride + 4 * col + 3] != 0;
          wanted += q[row * stride + 4 * col + 3] != 0;
        }
  }
  off = count_differing (shown, expected);
  off_unmoved = count_differing (unmoved, expected);
  g_test_message ("after the pan: %u px painted in the strip come into view (the scene "
                  "paints %u), %u px off the scene (%u px before the pan)", painted, wanted,
                  off, off_unmoved);
  g_assert_cmpuint (wanted, >, 100);
  g_assert_cmpuint (painted * 10, >=, wanted * 9);
  /* Names laid out over the wide view may sit elsewhere; the shapes do
   * not, and they moved with the view. */
  g_assert_cmpuint (off * 2, <, off_unmoved);
  cairo_surface_destroy (shown);
  cairo_surface_destroy (unmoved);
  cairo_surface_destroy (expected);

  /* Half the margin: a new wide cache around the view, from a thread. */
  dm_view_from_px (&view, view.width / 2.0 - margin / 3.0, view.height / 2.0, &x, &y);
  dm_world_to_lonlat (x, y, &lon, &lat);
  shumate_location_set_location (location, lat, lon);
  g_clear_pointer (&node, gsk_render_node_unref);
  node = overlay_node (layer);
  g_assert_true (dm_overlay_layer_get_cached_area (DM_OVERLAY_LAYER (layer), &after));
  g_assert_cmpfloat (after.origin.x, >, -margin * 0.6);  /* still the old one */
  do
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
      g_clear_pointer (&node, gsk_render_node_unref);
      node = overlay_node (layer);
      g_assert_true (dm_overlay_layer_get_cached_area (DM_OVERLAY_LAYER (layer), &after));
    }
  while (fabs (after.origin.x + margin) > 1.0 && g_get_monotonic_time () < deadline);
  g_assert_cmpfloat (fabs (after.origin.x + margin), <=, 1.0);
  gtk_window_destroy (GTK_WINDOW (window));
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
  adw_init ();
  g_test_add_func ("/memory/gl-switch", test_gl_switch);
  g_test_add_func ("/memory/no-gl-driver", test_no_gl_driver);
  g_test_add_func ("/memory/day-cache-bound", test_day_cache_bound);
  g_test_add_func ("/memory/wide-paint-names", test_wide_paint_names);
  g_test_add_func ("/memory/pan-within-margin", test_pan_within_margin);
  return g_test_run ();
}
