/* test-text-sprite.c: labels and dots composited from prepared images look as drawn with pango and cairo, and the cache stays bounded. */
#include "config.h"

#include <cairo.h>

#include "dm-text.h"
#include "dm-text-sprite.h"

/* Draws one label (halo and text) with its centre at x, y: on an image
 * surface through the prepared images, or (through_pango) into a
 * recording surface, which draws as before, replayed onto the image. */
static cairo_surface_t *
draw (const char *text,
      DmTextKind  kind,
      double      text_scale,
      int         device_scale,
      double      x,
      double      y,
      gboolean    dot,
      gboolean    through_pango)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 240 * device_scale,
                                                       60 * device_scale);
  cairo_surface_t *target = through_pango
                            ? cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL)
                            : cairo_surface_reference (image);
  DmTextStyle style = { kind, text_scale, FALSE };
  cairo_t *cr = cairo_create (target);

  cairo_scale (cr, device_scale, device_scale);
  if (dot)
    {
      DmTextBoxes *boxes = dm_text_boxes_new ();
      DmPlace place = { .name = (char *) text, .population = 600000 };
      g_autoptr(GPtrArray) places = g_ptr_array_new ();
      DmView view = { 0.5, 0.5, 0, 240, 60, text_scale };

      /* A view where the place lands at x, y. */
      place.x = 0.5 + (x - 120) / 256.0;
      place.y = 0.5 + (y - 30) / 256.0;
      g_ptr_array_add (places, &place);
      dm_text_draw_places (cr, boxes, places, &view, text_scale, FALSE, 0);
      dm_text_boxes_free (boxes);
    }
  else
    g_assert_true (dm_text_draw_label (cr, NULL, &style, text, x, y, FALSE));
  cairo_destroy (cr);
  if (through_pango)
    {
      cr = cairo_create (image);
      cairo_set_source_surface (cr, target, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (target);
  cairo_surface_flush (image);
  return image;
}

/* Bytes that differ at all, and the largest difference. */
static void
compare (cairo_surface_t *a,
         cairo_surface_t *b,
         guint           *n_diff,
         int             *max_diff,
         guint           *n_ink)
{
  int stride = cairo_image_surface_get_stride (a);
  int height = cairo_image_surface_get_height (a);
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);

  *n_diff = *n_ink = 0;
  *max_diff = 0;
  for (int i = 0; i < stride * height; i++)
    {
      int d = ABS ((int) pa[i] - (int) pb[i]);

      *n_diff += d != 0;
      *max_diff = MAX (*max_diff, d);
      *n_ink += pa[i] != 0;
    }
}

/* The label's picture is the label: the same glyphs at the same pixels,
 * the halo's copies where cairo rounded them, wherever in a pixel the
 * label falls (halves and near-halves included, where rounding turns). */
static void
test_label_as_drawn (void)
{
  static const double fractions[] = { 0.0, 0.25, 0.4986, 0.5, 0.5014, 0.56, 0.94 };
  static const struct { const char *text; DmTextKind kind; double scale; int device; } cases[] = {
    { "Zaporizhzhia", DM_TEXT_REGION, 1.0, 1 },
    { "Homyel'", DM_TEXT_PLACE, 1.0, 1 },
    { "Kryvyy Rih", DM_TEXT_CITY, 1.0, 2 },
    { "Azov Sea", DM_TEXT_WATER, 1.5, 1 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
      {
        double x = 100 + fractions[i], y = 30 + fractions[(i + 3) % G_N_ELEMENTS (fractions)];
        cairo_surface_t *sprite = draw (cases[c].text, cases[c].kind, cases[c].scale,
                                        cases[c].device, x, y, FALSE, FALSE);
        cairo_surface_t *pango = draw (cases[c].text, cases[c].kind, cases[c].scale,
                                       cases[c].device, x, y, FALSE, TRUE);
        guint n_diff, n_ink;
        int max_diff;

        compare (sprite, pango, &n_diff, &max_diff, &n_ink);
        g_test_message ("%s at %.4f, %.4f (×%d): %u of %u painted bytes differ, by up to %d",
                        cases[c].text, x, y, cases[c].device, n_diff, n_ink, max_diff);
        g_assert_cmpuint (n_ink, >, 500);
        /* At most 8-bit rounding of one OVER against nine (none seen). */
        g_assert_cmpint (max_diff, <=, 2);
        g_assert_cmpuint (n_diff, <, n_ink / 20);
        cairo_surface_destroy (sprite);
        cairo_surface_destroy (pango);
      }
}

/* A place's dot and name, within a 32nd of a pixel of the drawn arc. */
static void
test_dot_as_drawn (void)
{
  for (guint i = 0; i < 5; i++)
    {
      double x = 60 + i * 0.23, y = 30 + i * 0.37;
      cairo_surface_t *sprite = draw ("Melitopol", DM_TEXT_CITY, 1.0, 1, x, y, TRUE, FALSE);
      cairo_surface_t *pango = draw ("Melitopol", DM_TEXT_CITY, 1.0, 1, x, y, TRUE, TRUE);
      guint n_diff, n_ink;
      int max_diff;

      compare (sprite, pango, &n_diff, &max_diff, &n_ink);
      g_test_message ("dot at %.2f, %.2f: %u of %u bytes differ, by up to %d", x, y, n_diff,
                      n_ink, max_diff);
      g_assert_cmpuint (n_ink, >, 500);
      /* A dot a pixel off differs by over 100 in most of its bytes. */
      g_assert_cmpint (max_diff, <=, 16);
      g_assert_cmpuint (n_diff, <, 200);
      cairo_surface_destroy (sprite);
      cairo_surface_destroy (pango);
    }
}

/* However many names a session shows, the cache stays bounded. */
static void
test_cache_bounded (void)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 60);
  cairo_t *cr = cairo_create (image);
  DmTextStyle style = { DM_TEXT_PLACE, 1.0, FALSE };
  gsize most = 0;

  dm_text_sprite_clear_cache ();
  g_assert_cmpuint (dm_text_sprite_cache_size (), ==, 0);
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Place number %u", i);

      dm_text_draw_label (cr, NULL, &style, name, 100 + (i % 7) * 0.13, 30, FALSE);
      most = MAX (most, dm_text_sprite_cache_size ());
    }
  g_test_message ("at most %" G_GSIZE_FORMAT " bytes", most);
  g_assert_cmpuint (most, >, 1 << 20);   /* it did keep pictures */
  g_assert_cmpuint (most, <=, 8 << 20);
  dm_text_sprite_clear_cache ();
  g_assert_cmpuint (dm_text_sprite_cache_size (), ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-sprite/label-as-drawn", test_label_as_drawn);
  g_test_add_func ("/text-sprite/dot-as-drawn", test_dot_as_drawn);
  g_test_add_func ("/text-sprite/cache-bounded", test_cache_bounded);
  return g_test_run ();
}
