/* test-round-stroke.c: strokes rasterised by distance look as cairo strokes them, and fall back where they cannot. */
#include "config.h"

#include <math.h>
#include <cairo.h>

#include "dm-round-stroke.h"

/* A border-like line: wiggles of every size, bends of every angle. */
static void
append_border (cairo_t *cr,
               double   cx,
               double   cy,
               double   radius,
               guint    n,
               gboolean closed)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < n; i++)
    {
      double a = (closed ? 2 : 1.5) * G_PI * i / n;
      double r = radius + 6 * sin (i * 0.7) + g_rand_double_range (rand, -2, 2);

      if (i == 0)
        cairo_move_to (cr, cx + r * cos (a), cy + r * sin (a));
      else
        cairo_line_to (cr, cx + r * cos (a), cy + r * sin (a));
    }
  if (closed)
    cairo_close_path (cr);
  g_rand_free (rand);
}

static cairo_surface_t *
stroke (gboolean fast,
        double   scale,
        double   width,
        gboolean closed)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (300 * scale),
                                                         (int) (300 * scale));
  cairo_t *cr = cairo_create (surface);

  /* As a band would: moved up by whole pixels, then scaled. */
  cairo_translate (cr, 0, -3);
  cairo_scale (cr, scale, scale);
  append_border (cr, 150, 150, 110, 700, closed);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, width);
  cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.85);
  if (fast)
    g_assert_true (dm_round_stroke (cr, width, !closed));
  else
    cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Against cairo_stroke: the same pixels inked, each within antialiasing
 * (a tenth of full coverage; on this zigzag, up to a third in a few
 * pixels at sharp bends, where cairo samples 15 rows a pixel). */
static void
test_as_cairo (void)
{
  static const struct { double scale, width; gboolean closed; } cases[] = {
    { 1, 1.6, TRUE }, { 1, 2.6, TRUE }, { 1, 4.5, FALSE }, { 1, 2.2, FALSE }, { 2, 1.6, TRUE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      cairo_surface_t *ours = stroke (TRUE, cases[c].scale, cases[c].width, cases[c].closed);
      cairo_surface_t *theirs = stroke (FALSE, cases[c].scale, cases[c].width, cases[c].closed);
      const guint8 *a = cairo_image_surface_get_data (ours);
      const guint8 *b = cairo_image_surface_get_data (theirs);
      gsize size = (gsize) cairo_image_surface_get_stride (ours) *
                   cairo_image_surface_get_height (ours);
      guint inked = 0, over_tenth = 0, max_diff = 0;
      double sum_a = 0, sum_b = 0;

      for (gsize i = 3; i < size; i += 4) /* alpha */
        {
          guint d = ABS ((int) a[i] - (int) b[i]);

          inked += b[i] != 0;
          over_tenth += d > 26;
          max_diff = MAX (max_diff, d);
          sum_a += a[i];
          sum_b += b[i];
        }
      g_test_message ("width %.1f ×%g %s: %u inked, %u off by over a tenth, at most %u; ink %.4f",
                      cases[c].width, cases[c].scale, cases[c].closed ? "ring" : "line", inked,
                      over_tenth, max_diff, sum_a / sum_b);
      g_assert_cmpuint (inked, >, 1000);
      g_assert_cmpuint (over_tenth, <, inked / 25);
      g_assert_cmpuint (max_diff, <=, 100);
      /* The same weight of line: no darker, no lighter. */
      g_assert_cmpfloat (fabs (sum_a / sum_b - 1), <, 0.02);
      cairo_surface_destroy (ours);
      cairo_surface_destroy (theirs);
    }
}

/* What it is not exactly: left to cairo, nothing drawn. */
static void
test_falls_back (void)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  double dash[2] = { 4, 2 };
  cairo_t *cr = cairo_create (image);

  cairo_move_to (cr, 10, 10);
  cairo_line_to (cr, 90, 50);
  g_assert_false (dm_round_stroke (cr, 2, FALSE));  /* open, butt caps */
  g_assert_false (dm_round_stroke (cr, 0.5, TRUE)); /* under a pixel */
  cairo_set_dash (cr, dash, 2, 0);
  g_assert_false (dm_round_stroke (cr, 2, TRUE));
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_rotate (cr, 0.3);
  g_assert_false (dm_round_stroke (cr, 2, TRUE));
  cairo_identity_matrix (cr);
  cairo_new_path (cr);
  cairo_arc (cr, 50, 50, 20, 0, G_PI);
  g_assert_false (dm_round_stroke (cr, 2, TRUE));   /* curves */
  cairo_destroy (cr);

  cr = cairo_create (recording);
  cairo_move_to (cr, 10, 10);
  cairo_line_to (cr, 90, 50);
  g_assert_false (dm_round_stroke (cr, 2, TRUE));   /* not an image */
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
  g_test_add_func ("/round-stroke/as-cairo", test_as_cairo);
  g_test_add_func ("/round-stroke/falls-back", test_falls_back);
  return g_test_run ();
}
