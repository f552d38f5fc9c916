/* test-area-fill.c: fills rasterised by area coverage look as cairo fills them, and fall back where they cannot. */
#include "config.h"

#include <math.h>
#include <cairo.h>

#include "dm-area-fill.h"

/* A region-like ring: wiggles of every size, bends of every angle, in
 * either direction. */
static void
append_ring (cairo_t  *cr,
             GRand    *rand,
             double    cx,
             double    cy,
             double    radius,
             guint     n,
             gboolean  reverse)
{
  for (guint i = 0; i < n; i++)
    {
      double a = 2 * G_PI * (reverse ? n - i : i) / n;
      double r = radius + radius / 18 * sin (i * 0.7) + g_rand_double_range (rand, -2, 2);

      if (i == 0)
        cairo_move_to (cr, cx + r * cos (a), cy + r * sin (a));
      else
        cairo_line_to (cr, cx + r * cos (a), cy + r * sin (a));
    }
  cairo_close_path (cr);
}

/* A hatch as the region fills use it: a repeating tile. */
static cairo_pattern_t *
hatch (void)
{
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  cairo_set_source_rgba (cr, 0.9, 0.6, 0.0, 0.5);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 0.4, 0.3, 0.0, 0.85);
  cairo_rectangle (cr, 0, 4, 10, 2);
  cairo_fill (cr);
  cairo_destroy (cr);
  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

typedef struct
{
  double   scale;
  gboolean even_odd;
  gboolean same_direction; /* the hole drawn as the ring is: even-odd makes it a hole */
  gboolean off_edges;      /* the ring runs out of the surface on every side */
  gboolean hatched;
} Case;

static cairo_surface_t *
fill (gboolean    fast,
      const Case *c)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (300 * c->scale),
                                                         (int) (300 * c->scale));
  cairo_t *cr = cairo_create (surface);
  GRand *rand = g_rand_new_with_seed (11);
  double radius = c->off_edges ? 170 : 120;

  /* Something under it, as the basemap or an underlay. */
  cairo_set_source_rgb (cr, 0.95, 0.95, 0.9);
  cairo_paint (cr);
  /* As a band would: moved up by whole pixels, then scaled. */
  cairo_translate (cr, 0, -3);
  cairo_scale (cr, c->scale, c->scale);
  append_ring (cr, rand, 150, 150, radius, 900, FALSE);
  append_ring (cr, rand, 140, 160, 40, 200, !c->same_direction);
  /* A second piece within the first: nonzero counts it once, even-odd
   * makes it a hole. (Where edges of overlapping pieces cross within a
   * pixel, area coverage adds where cairo's samples unite: region parts
   * are valid polygons, whose pieces do not overlap.) */
  append_ring (cr, rand, 210, 195, 25, 120, FALSE);
  cairo_set_fill_rule (cr, c->even_odd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);
  if (c->hatched)
    {
      cairo_pattern_t *pattern = hatch ();

      cairo_set_source (cr, pattern);
      cairo_pattern_destroy (pattern);
    }
  else
    cairo_set_source_rgba (cr, 0.0, 0.45, 0.7, 0.3);
  if (fast)
    g_assert_true (dm_area_fill (cr));
  else
    cairo_fill_preserve (cr);
  /* The path is kept, as cairo_fill_preserve keeps it. */
  g_assert_true (cairo_has_current_point (cr));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_rand_free (rand);
  return surface;
}

/* Against cairo_fill: every channel of every pixel within antialiasing
 * (cairo samples 15 rows a pixel, so at a near-level edge it can be a
 * fifteenth of full coverage off the exact area this takes: 17 levels),
 * few pixels differing at all, and the same ink overall. */
static void
test_as_cairo (void)
{
  static const Case cases[] = {
    { 1, TRUE, FALSE, FALSE, FALSE }, { 1, TRUE, TRUE, FALSE, FALSE },
    { 1, FALSE, FALSE, FALSE, FALSE }, { 1, TRUE, FALSE, TRUE, TRUE },
    { 2, TRUE, TRUE, FALSE, TRUE }, { 1, FALSE, FALSE, TRUE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_surface_t *ours = fill (TRUE, &cases[i]);
      cairo_surface_t *theirs = fill (FALSE, &cases[i]);
      const guint8 *a = cairo_image_surface_get_data (ours);
      const guint8 *b = cairo_image_surface_get_data (theirs);
      gsize size = (gsize) cairo_image_surface_get_stride (ours) *
                   cairo_image_surface_get_height (ours);
      guint differ = 0, max_diff = 0, changed = 0;
      double sum_a = 0, sum_b = 0;

      for (gsize k = 0; k < size; k++)
        {
          guint d = ABS ((int) a[k] - (int) b[k]);

          differ += d != 0;
          max_diff = MAX (max_diff, d);
          sum_a += a[k];
          sum_b += b[k];
        }
      /* What the fill changed at all, so an empty fill cannot pass. */
      for (gsize k = 0; k < size; k += 4)
        changed += b[k] != b[0] || b[k + 1] != b[1] || b[k + 2] != b[2];
      g_test_message ("case %u: %u of %zu bytes differ, at most by %u; %u pixels filled; "
                      "ink %.5f", i, differ, size, max_diff, changed, sum_a / sum_b);
      g_assert_cmpuint (changed, >, size / 4 / 4);
      g_assert_cmpuint (max_diff, <=, 17);
      g_assert_cmpuint (differ, <, size / 50);
      g_assert_cmpfloat (fabs (sum_a / sum_b - 1), <, 1e-4);
      cairo_surface_destroy (ours);
      cairo_surface_destroy (theirs);
    }
}

/* A hole drawn the same way round as its ring: a hole by even-odd,
 * filled by nonzero, as cairo has it. */
static void
test_fill_rule (void)
{
  Case even_odd = { 1, TRUE, TRUE, FALSE, FALSE };
  Case nonzero = { 1, FALSE, TRUE, FALSE, FALSE };
  cairo_surface_t *hole = fill (TRUE, &even_odd);
  cairo_surface_t *filled = fill (TRUE, &nonzero);
  int stride = cairo_image_surface_get_stride (hole);
  /* The hole's centre: (140, 160) in user units, 3 rows up. */
  gsize at = (gsize) (160 - 3) * stride + 140 * 4;

  g_assert_cmpuint (cairo_image_surface_get_data (hole)[at], ==, 0xe6);     /* the background */
  g_assert_cmpuint (cairo_image_surface_get_data (filled)[at], !=, 0xe6);
  cairo_surface_destroy (hole);
  cairo_surface_destroy (filled);
}

/* What it is not exactly: left to cairo, nothing drawn. */
static void
test_falls_back (void)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (image);

  cairo_rectangle (cr, 10, 10, 50, 50);
  cairo_rotate (cr, 0.3);
  g_assert_false (dm_area_fill (cr));                 /* rotated */
  cairo_identity_matrix (cr);
  cairo_scale (cr, 1, 2);
  g_assert_false (dm_area_fill (cr));                 /* two scales */
  cairo_identity_matrix (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  g_assert_false (dm_area_fill (cr));                 /* not antialiased */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  cairo_new_path (cr);
  cairo_arc (cr, 50, 50, 20, 0, G_PI);
  g_assert_false (dm_area_fill (cr));                 /* curves */
  cairo_new_path (cr);
  g_assert_true (dm_area_fill (cr));                  /* nothing to fill: done */
  cairo_rectangle (cr, 200, 200, 50, 50);
  g_assert_true (dm_area_fill (cr));                  /* outside the clip: done */
  cairo_destroy (cr);

  cr = cairo_create (recording);
  cairo_rectangle (cr, 10, 10, 50, 50);
  g_assert_false (dm_area_fill (cr));                 /* not an image */
  cairo_destroy (cr);

  cairo_surface_flush (image);
  for (int i = 0; i < cairo_image_surface_get_stride (image) * 100; i++)
    g_assert_cmpint (cairo_image_surface_get_data (image)[i], ==, 0);
  cairo_surface_destroy (image);
  cairo_surface_destroy (recording);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/area-fill/as-cairo", test_as_cairo);
  g_test_add_func ("/area-fill/fill-rule", test_fill_rule);
  g_test_add_func ("/area-fill/falls-back", test_falls_back);
  return g_test_run ();
}
