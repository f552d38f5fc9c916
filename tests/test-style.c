/* test-style.c: every pair of status styles differs in pattern or in tone, and high contrast changes fills and patterns. */
#include "config.h"

#include <math.h>
#include <cairo.h>

#include "dm-style.h"

/* Luminance (Rec. 709, on sRGB values: what a greyscale print keeps) of
 * the flat fill over white, as the swatch shows it under its pattern. */
static double
tone (const DmStyle *s)
{
  double r = s->alpha * s->r + 1 - s->alpha;
  double g = s->alpha * s->g + 1 - s->alpha;
  double b = s->alpha * s->b + 1 - s->alpha;

  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

static void
test_pairs_differ (void)
{
  for (DmStyleKey a = 0; a < DM_N_KEYS; a++)
    for (DmStyleKey b = a + 1; b < DM_N_KEYS; b++)
      {
        const DmStyle *sa = dm_style_get (a), *sb = dm_style_get (b);

        if (sa->pattern == sb->pattern)
          {
            g_test_message ("%s / %s: same pattern, tones %.2f / %.2f", dm_style_key_label (a),
                            dm_style_key_label (b), tone (sa), tone (sb));
            g_assert_cmpfloat (fabs (tone (sa) - tone (sb)), >=, 0.1);
          }
      }
  /* The pair a class could not tell apart: now pattern and tone. */
  g_assert_cmpint (dm_style_get (DM_KEY_FROZEN_RUSSIAN)->pattern, !=,
                   dm_style_get (DM_KEY_RUSSIA_DE_FACTO)->pattern);
  g_assert_cmpfloat (fabs (tone (dm_style_get (DM_KEY_FROZEN_RUSSIAN)) -
                           tone (dm_style_get (DM_KEY_RUSSIA_DE_FACTO))), >=, 0.1);
}

/* Mean colour of a swatch painted on an image. */
static void
swatch_mean (DmStyleKey   key,
             DmStyleFlags flags,
             double       rgb[3])
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 40);
  cairo_t *cr = cairo_create (surface);
  guchar *data;
  int stride;

  dm_style_paint_swatch_full (cr, key, DM_CERTAINTY_TEXT, flags, 0, 0, 40, 40, 1.0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  rgb[0] = rgb[1] = rgb[2] = 0;
  /* Inside the frame. */
  for (int y = 4; y < 36; y++)
    for (int x = 4; x < 36; x++)
      {
        guint32 p = *(guint32 *) (data + y * stride + x * 4);

        rgb[0] += (p >> 16) & 0xff;
        rgb[1] += (p >> 8) & 0xff;
        rgb[2] += p & 0xff;
      }
  for (int i = 0; i < 3; i++)
    rgb[i] /= 32 * 32;
  cairo_surface_destroy (surface);
}

/* High contrast changes what every key is filled with, not only the
 * widths of the lines around it. */
static void
test_high_contrast_fills (void)
{
  for (DmStyleKey key = 0; key < DM_N_KEYS; key++)
    {
      double normal[3], high[3];
      DmStyle a, b;

      swatch_mean (key, DM_STYLE_NORMAL, normal);
      swatch_mean (key, DM_STYLE_HIGH_CONTRAST, high);
      g_test_message ("%s: %.0f %.0f %.0f → %.0f %.0f %.0f", dm_style_key_label (key),
                      normal[0], normal[1], normal[2], high[0], high[1], high[2]);
      g_assert_cmpfloat (fabs (normal[0] - high[0]) + fabs (normal[1] - high[1]) +
                         fabs (normal[2] - high[2]), >, 6);
      dm_style_get_full (key, DM_STYLE_NORMAL, &a);
      dm_style_get_full (key, DM_STYLE_HIGH_CONTRAST, &b);
      g_assert_cmpfloat (b.alpha, >, a.alpha);
      g_assert_cmpfloat (b.line_width, >, a.line_width);
    }
}

/* Where the hatch of horizontal lines lies in one column, as the ink's
 * centre of mass in the period around device row near: the line's middle. */
static double
line_centre (cairo_surface_t *surface,
             double           near,
             double           period)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  double lightest = 0, sum = 0, moment = 0;
  int y0 = (int) floor (near - period / 2), y1 = y0 + (int) round (period);

  for (int y = y0; y < y1; y++)
    lightest = MAX (lightest, data[y * stride + 4 * 20 + 1]);
  for (int y = y0; y < y1; y++)
    {
      double ink = lightest - data[y * stride + 4 * 20 + 1];

      sum += ink;
      moment += ink * (y + 0.5);
    }
  return moment / sum;
}

/* A raster hatch is a repeating tile moved to the map's anchor: its lines
 * must lie where the anchor puts them, to a tenth of a pixel, at a
 * fractional anchor, on a fractionally moved target (a band, a page) and
 * on a HiDPI target (2 device pixels a unit). */
static void
test_hatch_anchor (void)
{
  static const struct { double scale, ty, anchor; } cases[] = {
    { 1, 0, 0.0 }, { 1, 0, 0.4 }, { 1, 0, 2.7 }, { 1, -0.5, 0.4 }, { 1, -13, -3.3 },
    { 2, 0, 0.4 }, { 2, -7, 1.3 },
  };
  /* Frozen on the Ukrainian side: horizontal lines, 0.9 × 7 units apart. */
  const double t = 6;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double s = cases[i].scale;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                             (int) (40 * s), (int) (80 * s));
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_translate (cr, 0, cases[i].ty);
      cairo_scale (cr, s, s);
      cairo_rectangle (cr, -10, -10, 60, 100);
      dm_style_fill_path (cr, DM_KEY_FROZEN_UKRAINIAN, DM_CERTAINTY_TEXT, 1.0, 0,
                          cases[i].anchor);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      for (int k = 3; k < 9; k++)
        {
          double want = s * (t / 2 + cases[i].anchor + k * t) + cases[i].ty;

          if (want < s * t || want > s * 70)
            continue;
          g_test_message ("scale %g, moved %g, anchor %g: line %d at %.2f, want %.2f", s,
                          cases[i].ty, cases[i].anchor, k, line_centre (surface, want, s * t),
                          want);
          g_assert_cmpfloat (fabs (line_centre (surface, want, s * t) - want), <, 0.1);
        }
      cairo_surface_destroy (surface);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/style/pairs-differ", test_pairs_differ);
  g_test_add_func ("/style/high-contrast-fills", test_high_contrast_fills);
  g_test_add_func ("/style/hatch-anchor", test_hatch_anchor);

  return g_test_run ();
}
