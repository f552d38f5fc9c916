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
stroke_full (gboolean fast,
             double   scale,
             double   width,
             gboolean closed,
             gboolean dashed,
             guint    n)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (300 * scale),
                                                         (int) (300 * scale));
  cairo_t *cr = cairo_create (surface);

  /* As a band would: moved up by whole pixels, then scaled. */
  cairo_translate (cr, 0, -3);
  cairo_scale (cr, scale, scale);
  append_border (cr, 150, 150, 110, n, closed);
  cairo_set_line_width (cr, width);
  cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.85);
  if (dashed)
    {
      /* As the edges of less certain parts: cairo's default miter joins. */
      double dash[2] = { 6, 4 };

      cairo_set_dash (cr, dash, 2, 0);
      if (fast)
        g_assert_true (dm_round_stroke_dashed (cr, width));
      else
        cairo_stroke (cr);
    }
  else
    {
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      if (fast)
        g_assert_true (dm_round_stroke (cr, width, !closed));
      else
        cairo_stroke (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
stroke (gboolean fast,
        double   scale,
        double   width,
        gboolean closed)
{
  return stroke_full (fast, scale, width, closed, FALSE, 700);
}

/* Alpha bytes inked by either, off by over a tenth, the largest
 * difference, and the ratio of total ink. */
static void
compare (cairo_surface_t *ours,
         cairo_surface_t *theirs,
         guint           *inked,
         guint           *over_tenth,
         guint           *max_diff,
         double          *ink)
{
  const guint8 *a = cairo_image_surface_get_data (ours);
  const guint8 *b = cairo_image_surface_get_data (theirs);
  gsize size = (gsize) cairo_image_surface_get_stride (ours) * cairo_image_surface_get_height (ours);
  double sum_a = 0, sum_b = 0;

  *inked = *over_tenth = *max_diff = 0;
  for (gsize i = 3; i < size; i += 4) /* alpha */
    {
      guint d = ABS ((int) a[i] - (int) b[i]);

      *inked += b[i] != 0;
      *over_tenth += d > 26;
      *max_diff = MAX (*max_diff, d);
      sum_a += a[i];
      sum_b += b[i];
    }
  *ink = sum_a / sum_b;
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
      guint inked, over_tenth, max_diff;
      double ink;

      compare (ours, theirs, &inked, &over_tenth, &max_diff, &ink);
      g_test_message ("width %.1f ×%g %s: %u inked, %u off by over a tenth, at most %u; ink %.4f",
                      cases[c].width, cases[c].scale, cases[c].closed ? "ring" : "line", inked,
                      over_tenth, max_diff, ink);
      g_assert_cmpuint (inked, >, 1000);
      g_assert_cmpuint (over_tenth, <, inked / 25);
      g_assert_cmpuint (max_diff, <=, 100);
      /* The same weight of line: no darker, no lighter. */
      g_assert_cmpfloat (fabs (ink - 1), <, 0.02);
      cairo_surface_destroy (ours);
      cairo_surface_destroy (theirs);
    }
}

/* Dashed, butt-capped, against cairo's miter-joined dashes: the dashes
 * where cairo puts them, the same weight; the joins differ by slivers
 * (more on the zigzag, whose bends are sharp). */
static void
test_dashed_as_cairo (void)
{
  static const struct { guint n; double scale; guint max_over; } cases[] = {
    { 300, 1, 20 }, { 300, 2, 20 }, { 700, 1, 12 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      cairo_surface_t *ours = stroke_full (TRUE, cases[c].scale, 1.2, TRUE, TRUE, cases[c].n);
      cairo_surface_t *theirs = stroke_full (FALSE, cases[c].scale, 1.2, TRUE, TRUE, cases[c].n);
      guint inked, over_tenth, max_diff;
      double ink;

      compare (ours, theirs, &inked, &over_tenth, &max_diff, &ink);
      g_test_message ("dashed, %u points ×%g: %u inked, %u off by over a tenth, at most %u; "
                      "ink %.4f", cases[c].n, cases[c].scale, inked, over_tenth, max_diff, ink);
      g_assert_cmpuint (inked, >, 1000);
      g_assert_cmpuint (over_tenth, <, inked / cases[c].max_over);
      g_assert_cmpfloat (fabs (ink - 1), <, 0.03);
      cairo_surface_destroy (ours);
      cairo_surface_destroy (theirs);
    }
}

/* A casing and its line in one pass: the very bytes of the two strokes
 * one after the other, as the line of contact was drawn. */
static void
test_cased (void)
{
  static const double red[3] = { 0.55, 0.0, 0.1 };

  for (double scale = 1; scale <= 2; scale++)
    {
      cairo_surface_t *pair[2];
      gsize size, inked = 0;

      for (guint k = 0; k < 2; k++)
        {
          cairo_t *cr;

          pair[k] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (300 * scale),
                                                (int) (300 * scale));
          cr = cairo_create (pair[k]);
          cairo_translate (cr, 0, -3);
          cairo_scale (cr, scale, scale);
          append_border (cr, 150, 150, 110, 500, FALSE);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
          if (k == 0)
            g_assert_true (dm_round_stroke_cased (cr, 4.5, 2.2, red));
          else
            {
              g_assert_true (dm_round_stroke (cr, 4.5, TRUE));
              cairo_set_source_rgb (cr, red[0], red[1], red[2]);
              g_assert_true (dm_round_stroke (cr, 2.2, TRUE));
            }
          cairo_destroy (cr);
          cairo_surface_flush (pair[k]);
        }
      size = (gsize) cairo_image_surface_get_stride (pair[0]) * cairo_image_surface_get_height (pair[0]);
      for (gsize i = 0; i < size; i += 4)
        inked += cairo_image_surface_get_data (pair[1])[i + 2] > 0x80 &&
                 cairo_image_surface_get_data (pair[1])[i + 1] < 0x40; /* red */
      g_assert_cmpuint (inked, >, 1000);
      g_assert_cmpmem (cairo_image_surface_get_data (pair[0]), size,
                       cairo_image_surface_get_data (pair[1]), size);
      cairo_surface_destroy (pair[0]);
      cairo_surface_destroy (pair[1]);
    }
}

/* What it is not exactly: left to cairo, nothing drawn. */
static void
test_falls_back (void)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  double dash[2] = { 4, 2 };
  const double rgb[3] = { 1, 0, 0 };
  cairo_t *cr = cairo_create (image);

  cairo_move_to (cr, 10, 10);
  cairo_line_to (cr, 90, 50);
  g_assert_false (dm_round_stroke (cr, 2, FALSE));  /* open, butt caps */
  g_assert_false (dm_round_stroke (cr, 0.5, TRUE)); /* under a pixel */
  g_assert_false (dm_round_stroke_cased (cr, 2, 3, rgb)); /* a line wider than its casing */
  cairo_set_dash (cr, dash, 2, 0);
  g_assert_false (dm_round_stroke (cr, 2, TRUE));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  g_assert_false (dm_round_stroke_dashed (cr, 2)); /* dashes with round caps */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, NULL, 0, 0);
  g_assert_false (dm_round_stroke_dashed (cr, 2)); /* no dashes */
  cairo_rotate (cr, 0.3);
  g_assert_false (dm_round_stroke (cr, 2, TRUE));
  cairo_identity_matrix (cr);
  cairo_new_path (cr);
  cairo_arc (cr, 50, 50, 20, 0, G_PI);
  g_assert_false (dm_round_stroke (cr, 2, TRUE));   /* curves */
  cairo_new_path (cr);
  g_assert_true (dm_round_stroke (cr, 2, TRUE));    /* nothing to stroke: done */
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
  g_test_add_func ("/round-stroke/dashed-as-cairo", test_dashed_as_cairo);
  g_test_add_func ("/round-stroke/cased", test_cased);
  g_test_add_func ("/round-stroke/falls-back", test_falls_back);
  return g_test_run ();
}
