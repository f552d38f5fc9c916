/* dm-text-sprite.c: a label's halo and text, and a place's dot, prepared once as small images for raster targets.
 *
 * A label on a raster target was its layout shaped again and drawn nine
 * times, eight white copies around it for the halo and the text on top:
 * two fifths of a repaint, and on two cores the bands queued for cairo's
 * global glyph lock. Here each text, in each style and device scale, is
 * shaped and drawn once into a small coverage image, and a frame paints
 * its halo and its text through two such images: the halo's eight OVERs
 * folded into one coverage as pixman folds them, the text's glyphs as
 * cairo would composite them.
 *
 * The image holds no position, only how cairo rounds one: cairo 1.16 puts
 * every glyph at a whole device pixel (the current point kept to a 256th,
 * plus the glyph's offset, rounded), and pango rounds glyph offsets to
 * whole pixels, so wherever a label lands its glyphs land at its origin
 * rounded plus the same offsets. Only the halo's eight copies may round
 * a pixel apart from the text, depending on where in a pixel the origin
 * falls: the halo for each such rounding (at most 16 for a label at the
 * screen's scale) is computed from the text's coverage, once. Layouts whose glyphs are not on whole
 * pixels (a fractional device scale, marks off the baseline, boxes for
 * missing glyphs) get no image and are drawn with pango as before.
 *
 * The cache is process-wide (tiles, bands and exports paint on worker
 * threads, under its lock) and bounded: past a few megabytes it starts
 * again. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dm-text-sprite.h"

/* A screenful of names at zoom 10 is ~1.5 MB of images. */
#define CACHE_LIMIT (8 << 20)

static GRWLock     cache_lock;   /* readers look up, a writer keeps */
static GHashTable *cache;       /* key → DmTextSprite */
static gsize       cache_bytes;

static void
sprite_clear (gpointer data)
{
  DmTextSprite *sprite = data;

  g_clear_pointer (&sprite->image, cairo_surface_destroy);
}

DmTextSprite *
dm_text_sprite_ref (DmTextSprite *sprite)
{
  return g_atomic_rc_box_acquire (sprite);
}

void
dm_text_sprite_unref (DmTextSprite *sprite)
{
  g_atomic_rc_box_release_full (sprite, sprite_clear);
}

/* TRUE if cr draws onto an image, unrotated, at one scale on both axes:
 * where prepared images land exactly as drawing would. */
gboolean
dm_text_sprite_device_scale (cairo_t *cr,
                             double  *scale)
{
  cairo_matrix_t m;

  if (cairo_surface_get_type (cairo_get_group_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_get_matrix (cr, &m);
  *scale = m.xx;
  return m.xy == 0 && m.yx == 0 && m.xx == m.yy && m.xx > 0;
}

static DmTextSprite *
cache_lookup (const char *key)
{
  DmTextSprite *sprite;

  g_rw_lock_reader_lock (&cache_lock);
  sprite = cache != NULL ? g_hash_table_lookup (cache, key) : NULL;
  if (sprite != NULL)
    dm_text_sprite_ref (sprite);
  g_rw_lock_reader_unlock (&cache_lock);
  return sprite;
}

/* Keeps sprite (or the one another thread kept first, returned instead). */
static DmTextSprite *
cache_insert (const char   *key,
              DmTextSprite *sprite)
{
  DmTextSprite *kept;
  gsize bytes = strlen (key) + sizeof (DmTextSprite) + 64;

  if (sprite->image != NULL)
    bytes += (gsize) cairo_image_surface_get_stride (sprite->image) *
             cairo_image_surface_get_height (sprite->image);
  g_rw_lock_writer_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) dm_text_sprite_unref);
  kept = g_hash_table_lookup (cache, key);
  if (kept == NULL)
    {
      if (cache_bytes + bytes > CACHE_LIMIT)
        {
          g_hash_table_remove_all (cache);
          cache_bytes = 0;
        }
      g_hash_table_insert (cache, g_strdup (key), dm_text_sprite_ref (sprite));
      cache_bytes += bytes;
      kept = sprite;
    }
  dm_text_sprite_ref (kept);
  g_rw_lock_writer_unlock (&cache_lock);
  dm_text_sprite_unref (sprite);
  return kept;
}

void
dm_text_sprite_clear_cache (void)
{
  g_rw_lock_writer_lock (&cache_lock);
  if (cache != NULL)
    g_hash_table_remove_all (cache);
  cache_bytes = 0;
  g_rw_lock_writer_unlock (&cache_lock);
}

/* Bytes the cache holds, for tests. */
gsize
dm_text_sprite_cache_size (void)
{
  gsize bytes;

  g_rw_lock_reader_lock (&cache_lock);
  bytes = cache_bytes;
  g_rw_lock_reader_unlock (&cache_lock);
  return bytes;
}

/* cairo's rounding of a glyph's device position: halves up. */
static inline double
round_half_up (double v)
{
  return floor (v + 0.5);
}

/* A point as a cairo path keeps it (the current point pango starts
 * from): 24.8 fixed point, to the nearest 256th. */
static inline double
to_fixed (double v)
{
  return nearbyint (v * 256.0) / 256.0;
}

static gboolean
is_whole (double v)
{
  return fabs (v - round (v)) < 1e-6;
}

/* Whether every glyph of the layout lies a whole number of device pixels
 * from its origin, at device scale s, and is an ordinary glyph. */
static gboolean
glyphs_on_pixels (PangoLayout *layout,
                  double       s)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean whole = TRUE;

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle extents;
      int x, baseline;

      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &extents);
      baseline = pango_layout_iter_get_baseline (iter);
      x = extents.x;
      for (int i = 0; i < run->glyphs->num_glyphs && whole; i++)
        {
          const PangoGlyphInfo *gi = &run->glyphs->glyphs[i];

          if (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
            whole = FALSE;
          whole = whole &&
                  is_whole ((double) (x + gi->geometry.x_offset) * s / PANGO_SCALE) &&
                  is_whole ((double) (baseline + gi->geometry.y_offset) * s / PANGO_SCALE);
          x += gi->geometry.width;
        }
    }
  while (whole && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  return whole;
}

/* Composites image with its corner at device pixel x, y. The cached
 * image is shared by the bands' threads, and cairo 1.16 composites an
 * untransformed image surface through that surface's own pixman image,
 * whose reference count is not atomic: each use goes through a surface
 * of its own over the same pixels (no copy), so threads never share a
 * pixman image. */
static void
paint_image (cairo_t         *cr,
             cairo_surface_t *image,
             double           x,
             double           y)
{
  cairo_surface_t *view =
    cairo_image_surface_create_for_data (cairo_image_surface_get_data (image),
                                         cairo_image_surface_get_format (image),
                                         cairo_image_surface_get_width (image),
                                         cairo_image_surface_get_height (image),
                                         cairo_image_surface_get_stride (image));

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, view, x, y);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (view);
}

/* The eight directions of the halo's copies, as dm-text.c drew them. */
static const double halo_dirs[8][2] = {
  { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 },
  { 0.707, 0.707 }, { -0.707, 0.707 }, { 0.707, -0.707 }, { -0.707, -0.707 },
};

/* The text's coverage, drawn with pango as the label itself was, its
 * layout origin at a whole pixel and margin pixels of room around the
 * ink for the halo. */
static cairo_surface_t *
draw_text (PangoLayout          *layout,
           const PangoRectangle *ink,
           double                s,
           int                   margin,
           int                  *x0,
           int                  *y0)
{
  int x1, y1;
  cairo_surface_t *image;
  cairo_t *cr;

  *x0 = (int) floor (s * ink->x) - margin;
  *y0 = (int) floor (s * ink->y) - margin;
  x1 = (int) ceil (s * (ink->x + ink->width)) + margin;
  y1 = (int) ceil (s * (ink->y + ink->height)) + margin;
  image = cairo_image_surface_create (CAIRO_FORMAT_A8, x1 - *x0, y1 - *y0);
  cr = cairo_create (image);
  cairo_translate (cr, -*x0, -*y0);
  cairo_scale (cr, s, s);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* pixman's product of two 8-bit fractions. */
static inline guint
mul_un8 (guint a,
         guint b)
{
  guint t = a * b + 0x80;

  return (t + (t >> 8)) >> 8;
}

/* The halo's coverage: the eight white copies at alpha, each the text's
 * coverage rel[i] pixels off, laid OVER one another in order, as the
 * label drew them, computed as pixman's OVER computes alpha. */
static cairo_surface_t *
halo_from_text (cairo_surface_t *text,
                const int        rel[8][2],
                double           alpha)
{
  int width = cairo_image_surface_get_width (text);
  int height = cairo_image_surface_get_height (text);
  int stride = cairo_image_surface_get_stride (text);
  const guint8 *t = cairo_image_surface_get_data (text);
  cairo_surface_t *halo = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  guint8 *h = cairo_image_surface_get_data (halo);
  guint a8 = (guint) round (CLAMP (alpha, 0, 1) * 255);

  for (guint i = 0; i < 8; i++)
    for (int y = MAX (0, rel[i][1]); y < MIN (height, height + rel[i][1]); y++)
      {
        const guint8 *src = t + (gsize) (y - rel[i][1]) * stride;
        guint8 *dst = h + (gsize) y * stride;

        for (int x = MAX (0, rel[i][0]); x < MIN (width, width + rel[i][0]); x++)
          if (src[x - rel[i][0]] != 0)
            {
              guint a = mul_un8 (src[x - rel[i][0]], a8);

              dst[x] = (guint8) (a + mul_un8 (dst[x], 255 - a));
            }
      }
  cairo_surface_mark_dirty (halo);
  return halo;
}

/* The label's picture, premultiplied: the text in rgb through its
 * coverage over the white halo through its own, as pixman lays a colour
 * through a mask OVER. Painted OVER in one composite, it is the halo's
 * and the text's two, to pixman's rounding (OVER is associative; the
 * order of the roundings moves a channel by a level here and there). */
static cairo_surface_t *
text_over_halo (cairo_surface_t *text,
                cairo_surface_t *halo,
                const double     rgb[3])
{
  int width = cairo_image_surface_get_width (text);
  int height = cairo_image_surface_get_height (text);
  int stride = cairo_image_surface_get_stride (text);
  const guint8 *t = cairo_image_surface_get_data (text);
  const guint8 *h = cairo_image_surface_get_data (halo);
  cairo_surface_t *picture = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int out_stride = cairo_image_surface_get_stride (picture);
  guint8 *out = cairo_image_surface_get_data (picture);
  guint c[3];

  for (guint i = 0; i < 3; i++)
    c[i] = (guint) round (CLAMP (rgb[i], 0, 1) * 255);
  for (int y = 0; y < height; y++)
    {
      const guint8 *ty = t + (gsize) y * stride, *hy = h + (gsize) y * stride;
      guint32 *oy = (guint32 *) (out + (gsize) y * out_stride);

      for (int x = 0; x < width; x++)
        {
          guint a = ty[x], under = mul_un8 (hy[x], 255 - a);

          oy[x] = (guint32) (a + under) << 24 | (mul_un8 (c[0], a) + under) << 16 |
                  (mul_un8 (c[1], a) + under) << 8 | (mul_un8 (c[2], a) + under);
        }
    }
  cairo_surface_mark_dirty (picture);
  return picture;
}

/* The label text in layout's font (set by the caller, on cr's context),
 * under key: its extents, and, where it can be drawn so exactly (cr must
 * pass dm_text_sprite_device_scale), its text's coverage with room for a
 * halo of halo_radius. The text is set on layout only when the cache did
 * not know it. A new reference. */
DmTextSprite *
dm_text_sprite_get (cairo_t     *cr,
                    PangoLayout *layout,
                    const char  *key,
                    const char  *text,
                    double       halo_radius)
{
  DmTextSprite *sprite = cache_lookup (key);
  double s;

  if (sprite != NULL)
    return sprite;
  if (!dm_text_sprite_device_scale (cr, &s))
    g_return_val_if_reached (NULL);

  sprite = g_atomic_rc_box_new0 (DmTextSprite);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, &sprite->ink, &sprite->logical);
  sprite->exact = glyphs_on_pixels (layout, s);
  if (sprite->exact)
    sprite->image = draw_text (layout, &sprite->ink, s, (int) ceil (s * halo_radius) + 1,
                               &sprite->x, &sprite->y);
  return cache_insert (key, sprite);
}

/* Paints the label of dm_text_sprite_get (which must be exact) with its
 * layout origin at x, y (user units): its halo, eight copies halo_radius
 * around in white at halo_alpha, then its text in rgb, each glyph where
 * pango and cairo would have put it. Where the origin falls within a
 * pixel changes only how cairo rounds the copies' positions against the
 * text's: the halo for each such rounding is computed once from the
 * text's coverage. */
void
dm_text_sprite_paint_label (cairo_t            *cr,
                            const char         *key,
                            const DmTextSprite *label,
                            double              x,
                            double              y,
                            double              halo_radius,
                            double              halo_alpha,
                            const double        rgb[3])
{
  g_autoptr(DmTextSprite) picture = NULL;
  g_autoptr(GString) variant = NULL;
  int rel[8][2], margin;
  double s, ox, oy, cx1, cy1, cx2, cy2;
  gboolean fits = TRUE;

  g_return_if_fail (label->exact && label->image != NULL);
  if (!dm_text_sprite_device_scale (cr, &s))
    g_return_if_reached ();

  /* Outside the clip (another band's), nothing to prepare or paint. */
  cairo_clip_extents (cr, &cx1, &cy1, &cx2, &cy2);
  if (x + label->ink.x + label->ink.width + 2 * halo_radius + 2 / s < cx1 ||
      y + label->ink.y + label->ink.height + 2 * halo_radius + 2 / s < cy1 ||
      x + label->ink.x - 2 * halo_radius - 2 / s > cx2 ||
      y + label->ink.y - 2 * halo_radius - 2 / s > cy2)
    return;

  ox = x;
  oy = y;
  cairo_user_to_device (cr, &ox, &oy);
  ox = round_half_up (to_fixed (ox));
  oy = round_half_up (to_fixed (oy));
  variant = g_string_sized_new (strlen (key) + 24);
  g_string_append (variant, key);
  g_string_append_c (variant, '\x1f');
  margin = (int) floor (s * label->ink.x) - label->x;
  for (guint i = 0; i < G_N_ELEMENTS (halo_dirs); i++)
    {
      /* Where cairo puts each copy's glyphs, from where it puts the text's. */
      double hx = x + halo_dirs[i][0] * halo_radius, hy = y + halo_dirs[i][1] * halo_radius;

      cairo_user_to_device (cr, &hx, &hy);
      rel[i][0] = (int) (round_half_up (to_fixed (hx)) - ox);
      rel[i][1] = (int) (round_half_up (to_fixed (hy)) - oy);
      fits = fits && ABS (rel[i][0]) < margin && ABS (rel[i][1]) < margin;
      g_string_append_c (variant, (char) ('P' + CLAMP (rel[i][0], -40, 40)));
      g_string_append_c (variant, (char) ('P' + CLAMP (rel[i][1], -40, 40)));
    }
  g_string_append_c (variant, (char) ('0' + (int) round (CLAMP (halo_alpha, 0, 1) * 64)));
  for (guint i = 0; i < 3; i++)
    {
      static const char hex[] = "0123456789abcdef";
      int c = (int) round (CLAMP (rgb[i], 0, 1) * 255);

      /* No printf: this runs for every name of every frame. */
      g_string_append_c (variant, hex[c >> 4]);
      g_string_append_c (variant, hex[c & 15]);
    }
  /* A halo wider than the room left for it: not this label's style. */
  g_return_if_fail (fits);

  picture = cache_lookup (variant->str);
  if (picture == NULL)
    {
      cairo_surface_t *halo = halo_from_text (label->image, (const int (*)[2]) rel, halo_alpha);

      picture = g_atomic_rc_box_new0 (DmTextSprite);
      picture->image = text_over_halo (label->image, halo, rgb);
      cairo_surface_destroy (halo);
      picture = cache_insert (variant->str, picture);
    }
  paint_image (cr, picture->image, ox + label->x, oy + label->y);
}

/* Sixteenths of a pixel: a dot is at most 1/32 px from where it was. */
#define DOT_STEPS 16

/* A place's dot, white ringed with dark grey, at x, y (user units), as a
 * filled and stroked arc would draw it (cr must pass
 * dm_text_sprite_device_scale). Prepared per size and sixteenth of a
 * pixel: two scan conversions a dot were a tenth of the labels' time. */
void
dm_text_sprite_paint_dot (cairo_t *cr,
                          double   x,
                          double   y,
                          double   radius,
                          double   line_width)
{
  g_autoptr(DmTextSprite) sprite = NULL;
  double s, bx, by;
  int qx, qy;
  char key[48];

  if (!dm_text_sprite_device_scale (cr, &s))
    g_return_if_reached ();
  cairo_user_to_device (cr, &x, &y);
  bx = floor (x);
  by = floor (y);
  qx = (int) round_half_up ((x - bx) * DOT_STEPS);
  qy = (int) round_half_up ((y - by) * DOT_STEPS);
  {
    /* The sizes' bits as hex and the phase as two letters: no printf. */
    static const char hex[] = "0123456789abcdef";
    double sizes[2] = { s * radius, s * line_width };
    const guint8 *bytes = (const guint8 *) sizes;
    char *k = key;

    k = g_stpcpy (k, "dot ");
    for (gsize i = 0; i < sizeof sizes; i++)
      {
        *k++ = hex[bytes[i] >> 4];
        *k++ = hex[bytes[i] & 15];
      }
    *k++ = (char) ('A' + qx);
    *k++ = (char) ('A' + qy);
    *k = '\0';
  }
  sprite = cache_lookup (key);
  if (sprite == NULL)
    {
      double extent = s * (radius + line_width / 2) + 2;
      int size = (int) ceil (extent) * 2 + 2;
      cairo_t *dot;

      sprite = g_atomic_rc_box_new0 (DmTextSprite);
      sprite->x = sprite->y = -size / 2;
      sprite->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      dot = cairo_create (sprite->image);
      cairo_arc (dot, size / 2 + (double) qx / DOT_STEPS, size / 2 + (double) qy / DOT_STEPS,
                 s * radius, 0, 2 * G_PI);
      cairo_set_source_rgb (dot, 1, 1, 1);
      cairo_fill_preserve (dot);
      cairo_set_line_width (dot, s * line_width);
      cairo_set_source_rgb (dot, 0.1, 0.1, 0.1);
      cairo_stroke (dot);
      cairo_destroy (dot);
      cairo_surface_flush (sprite->image);
      sprite = cache_insert (key, sprite);
    }
  paint_image (cr, sprite->image, bx + sprite->x, by + sprite->y);
}
