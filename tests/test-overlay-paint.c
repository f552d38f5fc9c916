/* test-overlay-paint.c: the overlay painted in bands on several threads is the same, pixel for pixel, as one dm_scene_draw. */
#include "config.h"

#include <string.h>
#include <cairo.h>

#include "dm-catalog.h"
#include "dm-overlay-paint.h"
#include "dm-scene.h"
#include "dm-shape.h"

static DmScene *
scene_new (DmCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmGeodata) geodata = dm_geodata_load (dm_catalog_get_geo_dir (catalog), NULL,
                                                  &error);
  g_autoptr(DmControlArea) control = NULL;
  g_autoptr(DmPartition) partition = NULL;
  g_autoptr(DmScenario) scenario = NULL;
  DmScene *scene;

  g_assert_no_error (error);
  control = dm_catalog_load_control (catalog, dm_catalog_find_control (catalog, "2025-11-20"),
                                     NULL, &error);
  g_assert_no_error (error);
  partition = dm_partition_derive (geodata, control, NULL, &error);
  g_assert_no_error (error);
  /* A proposal with hatched and dashed (less certain) parts. */
  scenario = dm_scenario_new (dm_catalog_find_proposal (catalog, "us-28-point-2025-11"));
  scene = dm_scene_new (geodata);
  dm_scene_set_partition (scene, partition);
  dm_scene_set_scenario (scene, scenario);
  return scene;
}

/* The reference: one pass, as the layer painted before bands. */
static cairo_surface_t *
paint_once (DmScene      *scene,
            const DmView *view,
            int           scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) view->width * scale,
                                                         (int) view->height * scale);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  dm_scene_draw (scene, cr, view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Equal within rounding: pixman may take another path for a band's
 * smaller clip and round a hatch pixel the other way (seen: 5 pixels of
 * 700,000 off by 1 of 255). Anything larger, or more, is a seam. */
static void
assert_same (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  int row_bytes = cairo_image_surface_get_width (a) * 4;
  gboolean painted = FALSE;
  guint n_off = 0;

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < height; y++)
    {
      const guint8 *ra = cairo_image_surface_get_data (a) + (gsize) y * stride;
      const guint8 *rb = cairo_image_surface_get_data (b) + (gsize) y * stride;

      for (int x = 0; x < row_bytes; x++)
        {
          if (ABS ((int) ra[x] - (int) rb[x]) > 1)
            g_error ("row %d of %d, byte %d: %d against %d", y, height, x, ra[x], rb[x]);
          n_off += ra[x] != rb[x];
        }
      for (int x = 0; x < row_bytes && !painted; x++)
        painted = ra[x] != 0;
    }
  g_test_message ("%u bytes off by one", n_off);
  g_assert_cmpuint (n_off, <, 200);
  g_assert_true (painted); /* not two empty surfaces */
}

static void
check_view (DmScene *scene,
            double   lon,
            double   lat,
            double   zoom,
            int      scale)
{
  DmView view = { 0, 0, zoom, 1000, 700, 1.0 };
  cairo_surface_t *reference, *banded;

  dm_lonlat_to_world (lon, lat, &view.center_x, &view.center_y);
  reference = paint_once (scene, &view, scale);
  for (guint threads = 1; threads <= 3; threads++)
    {
      g_autoptr(DmOverlayPainter) painter = dm_overlay_painter_new (threads);

      banded = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000 * scale, 700 * scale);
      /* Leftovers from a previous frame must be cleared. */
      {
        cairo_t *cr = cairo_create (banded);
        cairo_set_source_rgb (cr, 1, 0, 0);
        cairo_paint (cr);
        cairo_destroy (cr);
      }
      /* Several pictures: the bands' edges move between them. */
      for (guint frame = 0; frame < 4; frame++)
        {
          dm_overlay_painter_paint (painter, scene, banded, &view, scale, DM_SCENE_ALL);
          g_test_message ("zoom %.1f, scale %d, %u threads, picture %u", zoom, scale, threads,
                          frame);
          assert_same (reference, banded);
        }
      cairo_surface_destroy (banded);
    }
  cairo_surface_destroy (reference);
}

static void
test_bands_match (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmCatalog) catalog = dm_catalog_new_default (&error);
  g_autoptr(DmScene) scene = NULL;

  g_assert_no_error (error);
  scene = scene_new (catalog);
  check_view (scene, 35.0, 47.6, 6.3, 1);   /* the default view */
  check_view (scene, 37.8, 48.0, 10.0, 1);  /* Donetsk, cut by every band */
  check_view (scene, 35.0, 47.6, 6.3, 2);   /* a HiDPI screen */
}

/* Shapes, then names laid over them from a surface of their own, as the
 * window's overlay caches them: within rounding of one pass. */
static void
test_layers_compose (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmCatalog) catalog = dm_catalog_new_default (&error);
  g_autoptr(DmScene) scene = NULL;
  g_autoptr(DmOverlayPainter) painter = dm_overlay_painter_new (2);
  DmView view = { 0, 0, 6.3, 1000, 700, 1.0 };
  cairo_surface_t *reference, *shapes, *labels;
  int stride, max_diff = 0;
  gsize differing = 0, labelled = 0;
  cairo_t *cr;

  g_assert_no_error (error);
  scene = scene_new (catalog);
  dm_lonlat_to_world (35.0, 47.6, &view.center_x, &view.center_y);
  reference = paint_once (scene, &view, 1);
  shapes = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 700);
  labels = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 700);
  dm_overlay_painter_paint (painter, scene, shapes, &view, 1, DM_SCENE_SHAPES);
  dm_overlay_painter_paint (painter, scene, labels, &view, 1, DM_SCENE_LABELS);
  cr = cairo_create (shapes);
  cairo_set_source_surface (cr, labels, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (shapes);

  stride = cairo_image_surface_get_stride (reference);
  for (int y = 0; y < 700; y++)
    for (int x = 0; x < 1000 * 4; x++)
      {
        int a = cairo_image_surface_get_data (reference)[y * stride + x];
        int b = cairo_image_surface_get_data (shapes)[y * stride + x];

        max_diff = MAX (max_diff, ABS (a - b));
        differing += a != b;
        labelled += cairo_image_surface_get_data (labels)[y * stride + x] != 0;
      }
  g_assert_cmpuint (labelled, >, 1000); /* the names were painted apart */
  g_assert_cmpint (max_diff, <=, 2);
  g_assert_cmpuint (differing, <, labelled);
  cairo_surface_destroy (reference);
  cairo_surface_destroy (shapes);
  cairo_surface_destroy (labels);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/overlay-paint/bands-match", test_bands_match);
  g_test_add_func ("/overlay-paint/layers-compose", test_layers_compose);
  return g_test_run ();
}
