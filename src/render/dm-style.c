/* dm-style.c: fills and patterns per status, drawn as vector strokes so SVG and PDF keep them as vectors. */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "dm-area-fill.h"
#include "dm-draw.h"
#include "dm-round-stroke.h"
#include "dm-style.h"

/* Okabe & Ito's palette, distinguishable with every common colour-vision
 * deficiency; each key also has its own pattern for greyscale print, and
 * keys that share a hue (orange: held by Russia de facto, or frozen on its
 * side of the line) differ in tone and pattern too, so every pair of keys
 * tells apart in a greyscale and a deuteranopia simulation. "Frozen" is
 * horizontal lines on either side of the line. */
#define RGB(hex) ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0

static const DmStyle styles[DM_N_KEYS] = {
  [DM_KEY_UKRAINE]          = { RGB (0x0072B2), 0.30, DM_PATTERN_NONE,          RGB (0x0072B2), 1.1 },
  [DM_KEY_RETURNED]         = { RGB (0x009E73), 0.45, DM_PATTERN_DOTS,          RGB (0x00543D), 1.1 },
  [DM_KEY_RUSSIA_DE_JURE]   = { RGB (0xD55E00), 0.60, DM_PATTERN_CROSS,         RGB (0x6B2F00), 1.1 },
  [DM_KEY_RUSSIA_DE_FACTO]  = { RGB (0xE69F00), 0.50, DM_PATTERN_DIAGONAL,      RGB (0x7A5400), 1.1 },
  [DM_KEY_WITHDRAW]         = { RGB (0xCC79A7), 0.60, DM_PATTERN_BACK_DIAGONAL, RGB (0x6E2F52), 1.1 },
  /* Darker than de facto's orange, with bold stripes, not a fine hatch. */
  [DM_KEY_FROZEN_RUSSIAN]   = { RGB (0x8C5A00), 0.62, DM_PATTERN_HORIZONTAL,    RGB (0x2E1E00), 2.2 },
  [DM_KEY_FROZEN_UKRAINIAN] = { RGB (0x56B4E9), 0.40, DM_PATTERN_HORIZONTAL,    RGB (0x1D5A7D), 1.6 },
  [DM_KEY_DEMILITARIZED]    = { RGB (0xF0E442), 0.65, DM_PATTERN_VERTICAL,      RGB (0x333333), 1.5 },
  [DM_KEY_OPEN]             = { RGB (0xBBBBBB), 0.45, DM_PATTERN_DASHES,        RGB (0x444444), 1.1 },
  /* A grid, not returned's dots: both are light, and dots read as one. */
  [DM_KEY_UNPUBLISHED]      = { RGB (0xFFFFFF), 0.55, DM_PATTERN_GRID,          RGB (0x808080), 0.9 },
  /* Faint and plain: nothing is said about it, so nothing should stand out. */
  [DM_KEY_NOT_ADDRESSED]    = { RGB (0xDDDDDD), 0.25, DM_PATTERN_NONE,          RGB (0x777777), 1.1 },
};

DmStyleKey
dm_style_key (DmStatus status,
              DmPart   part)
{
  switch (status)
    {
    case DM_STATUS_UKRAINE:         return DM_KEY_UKRAINE;
    case DM_STATUS_RETURNED:        return DM_KEY_RETURNED;
    case DM_STATUS_RUSSIA_DE_JURE:  return DM_KEY_RUSSIA_DE_JURE;
    case DM_STATUS_RUSSIA_DE_FACTO: return DM_KEY_RUSSIA_DE_FACTO;
    case DM_STATUS_WITHDRAW:        return DM_KEY_WITHDRAW;
    case DM_STATUS_FROZEN:
      return part == DM_PART_UKRAINIAN_HELD ? DM_KEY_FROZEN_UKRAINIAN : DM_KEY_FROZEN_RUSSIAN;
    case DM_STATUS_DEMILITARIZED:   return DM_KEY_DEMILITARIZED;
    case DM_STATUS_UNPUBLISHED:     return DM_KEY_UNPUBLISHED;
    case DM_STATUS_NOT_ADDRESSED:   return DM_KEY_NOT_ADDRESSED;
    case DM_STATUS_OPEN:
    case DM_N_STATUSES:
    default:                        return DM_KEY_OPEN;
    }
}

/* The status a key stands for (both frozen keys: "frozen"). */
DmStatus
dm_style_key_status (DmStyleKey key)
{
  switch (key)
    {
    case DM_KEY_UKRAINE:          return DM_STATUS_UKRAINE;
    case DM_KEY_RETURNED:         return DM_STATUS_RETURNED;
    case DM_KEY_RUSSIA_DE_JURE:   return DM_STATUS_RUSSIA_DE_JURE;
    case DM_KEY_RUSSIA_DE_FACTO:  return DM_STATUS_RUSSIA_DE_FACTO;
    case DM_KEY_WITHDRAW:         return DM_STATUS_WITHDRAW;
    case DM_KEY_FROZEN_RUSSIAN:
    case DM_KEY_FROZEN_UKRAINIAN: return DM_STATUS_FROZEN;
    case DM_KEY_DEMILITARIZED:    return DM_STATUS_DEMILITARIZED;
    case DM_KEY_UNPUBLISHED:      return DM_STATUS_UNPUBLISHED;
    case DM_KEY_NOT_ADDRESSED:    return DM_STATUS_NOT_ADDRESSED;
    case DM_KEY_OPEN:
    case DM_N_KEYS:
    default:                      return DM_STATUS_OPEN;
    }
}

const DmStyle *
dm_style_get (DmStyleKey key)
{
  g_return_val_if_fail (key < DM_N_KEYS, &styles[DM_KEY_OPEN]);
  return &styles[key];
}

/* The key's style as drawn with flags. High contrast, for projectors and
 * low vision, changes the fills and patterns themselves: fills near
 * opaque, pattern ink darker (halfway to black) and lines thicker, and
 * "not addressed" gets a light grid so it does not vanish into land. */
void
dm_style_get_full (DmStyleKey    key,
                   DmStyleFlags  flags,
                   DmStyle      *style)
{
  *style = *dm_style_get (key);
  if (!(flags & DM_STYLE_HIGH_CONTRAST))
    return;
  style->alpha = MIN (0.9, style->alpha * 1.6);
  style->ink_r *= 0.5;
  style->ink_g *= 0.5;
  style->ink_b *= 0.5;
  style->line_width *= 1.6;
  /* A light, sparse grid: it must not outshout the statuses around it. */
  if (key == DM_KEY_NOT_ADDRESSED)
    {
      style->pattern = DM_PATTERN_GRID;
      style->ink_r = style->ink_g = style->ink_b = 0.6;
      style->line_width = 1.2;
    }
}

const char *
dm_style_key_label (DmStyleKey key)
{
  if (key == DM_KEY_FROZEN_RUSSIAN)
    return _("Frozen at the line: Russian-held side");
  if (key == DM_KEY_FROZEN_UKRAINIAN)
    return _("Frozen at the line: Ukrainian-held side");
  return dm_status_label (dm_style_key_status (key));
}

/* Reported and unclear clauses look fainter: the eye reads them as weaker. */
double
dm_style_certainty_alpha (DmCertainty certainty)
{
  switch (certainty)
    {
    case DM_CERTAINTY_TEXT:     return 1.0;
    case DM_CERTAINTY_REPORTED: return 0.7;
    case DM_CERTAINTY_UNCLEAR:
    default:                    return 0.45;
    }
}

/* Parallel lines at angle across the clip extents, in device-independent
 * user space; stroked once as one path. */
static void
stroke_lines (cairo_t *cr,
              double   angle,
              double   spacing)
{
  double x1, y1, x2, y2, cx, cy, radius, dx, dy, nx, ny;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  if (x2 <= x1 || y2 <= y1)
    return;

  cx = (x1 + x2) / 2.0;
  cy = (y1 + y2) / 2.0;
  radius = hypot (x2 - x1, y2 - y1) / 2.0;
  dx = cos (angle);
  dy = sin (angle);
  nx = -dy;
  ny = dx;

  /* Lines where p·n is a multiple of spacing, whatever the clip: so
   * hatching does not crawl while panning, and bands or tiles painted
   * apart meet without a seam. */
  {
    double offset = fmod (cx * nx + cy * ny, spacing);
    double first = -offset - ceil (radius / spacing) * spacing;

    for (double t = first; t <= radius; t += spacing)
      {
        double px = cx + nx * t, py = cy + ny * t;

        cairo_move_to (cr, px - dx * radius, py - dy * radius);
        cairo_line_to (cr, px + dx * radius, py + dy * radius);
      }
  }
  dm_draw_stroke (cr);
}

static void
paint_pattern (cairo_t  *cr,
               DmPattern pattern,
               double    line_width,
               double    scale)
{
  double spacing = 7.0 * scale;
  double dashes[2];

  cairo_set_line_width (cr, line_width * scale);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  switch (pattern)
    {
    case DM_PATTERN_DIAGONAL:
      stroke_lines (cr, -G_PI / 4, spacing);
      break;
    case DM_PATTERN_BACK_DIAGONAL:
      stroke_lines (cr, G_PI / 4, spacing);
      break;
    case DM_PATTERN_CROSS:
      stroke_lines (cr, -G_PI / 4, spacing * 1.3);
      stroke_lines (cr, G_PI / 4, spacing * 1.3);
      break;
    case DM_PATTERN_HORIZONTAL:
      stroke_lines (cr, 0, spacing * 0.9);
      break;
    case DM_PATTERN_VERTICAL:
      stroke_lines (cr, G_PI / 2, spacing * 0.9);
      break;
    case DM_PATTERN_GRID:
      stroke_lines (cr, 0, spacing * 1.2);
      stroke_lines (cr, G_PI / 2, spacing * 1.2);
      break;
    case DM_PATTERN_DOTS:
      /* Zero-length dashes with round caps are dots. */
      dashes[0] = 0.0;
      dashes[1] = spacing;
      cairo_set_line_width (cr, 2.2 * scale);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dashes, 2, 0);
      stroke_lines (cr, 0, spacing);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case DM_PATTERN_DASHES:
      dashes[0] = spacing * 0.8;
      dashes[1] = spacing * 0.7;
      cairo_set_dash (cr, dashes, 2, 0);
      stroke_lines (cr, -G_PI / 4, spacing * 1.2);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case DM_PATTERN_NONE:
    default:
      break;
    }
}

/* The size of a pattern's repeating tile, in user units. */
static int
pattern_tile_size (DmPattern pattern,
                   double    scale)
{
  double spacing = 7.0 * scale;
  int t;

  switch (pattern)
    {
    case DM_PATTERN_DIAGONAL:
    case DM_PATTERN_BACK_DIAGONAL:
      t = (int) round (spacing * G_SQRT2);
      break;
    case DM_PATTERN_CROSS:
      t = (int) round (spacing * 1.3 * G_SQRT2);
      break;
    case DM_PATTERN_DASHES:
      t = (int) round (spacing * 1.2 * G_SQRT2);
      break;
    case DM_PATTERN_HORIZONTAL:
    case DM_PATTERN_VERTICAL:
      t = (int) round (spacing * 0.9);
      break;
    case DM_PATTERN_GRID:
      t = (int) round (spacing * 1.2);
      break;
    case DM_PATTERN_DOTS:
    case DM_PATTERN_NONE:
    default:
      t = (int) round (spacing);
      break;
    }
  return MAX (t, 3);
}

/* One period of the pattern's lines on a tile t user units wide; lines run
 * past the tile's edges, so a tile drawn moved by less than a pixel still
 * wraps round seamlessly. */
static void
draw_tile_lines (cairo_t  *cr,
                 DmPattern pattern,
                 int       t,
                 double    line_width,
                 double    scale)
{
  cairo_set_line_width (cr, line_width * scale);

  if (pattern == DM_PATTERN_DIAGONAL || pattern == DM_PATTERN_CROSS ||
      pattern == DM_PATTERN_DASHES)
    {
      /* Lines x + y = c for c = 0, t, 2t, drawn beyond the tile. */
      if (pattern == DM_PATTERN_DASHES)
        {
          double period = t * G_SQRT2;
          double dashes[2] = { period * 0.55, period * 0.45 };
          cairo_set_dash (cr, dashes, 2, 0);
        }
      for (int k = 0; k <= 2; k++)
        {
          cairo_move_to (cr, k * t + t, -t);
          cairo_line_to (cr, k * t - 2 * t, 2 * t);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  if (pattern == DM_PATTERN_BACK_DIAGONAL || pattern == DM_PATTERN_CROSS)
    {
      /* Lines y - x = c for c = -t, 0, t. */
      for (int k = -1; k <= 1; k++)
        {
          cairo_move_to (cr, -t, k * t - t);
          cairo_line_to (cr, 2 * t, k * t + 2 * t);
        }
      cairo_stroke (cr);
    }
  if (pattern == DM_PATTERN_HORIZONTAL || pattern == DM_PATTERN_GRID)
    {
      cairo_move_to (cr, -t, t / 2.0);
      cairo_line_to (cr, 2 * t, t / 2.0);
      cairo_stroke (cr);
    }
  if (pattern == DM_PATTERN_VERTICAL || pattern == DM_PATTERN_GRID)
    {
      cairo_move_to (cr, t / 2.0, -t);
      cairo_line_to (cr, t / 2.0, 2 * t);
      cairo_stroke (cr);
    }
  if (pattern == DM_PATTERN_DOTS)
    {
      cairo_arc (cr, t / 2.0, t / 2.0, line_width * scale, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* On raster targets (the screen's image surfaces, PNG export) the hatch is
 * a small repeating image: one fill instead of a clip to the polygon and
 * hundreds of strokes through it, which costs 10-50x more at high zoom.
 *
 * The tile holds the fill colour under the lines, so a part is one fill,
 * not a colour fill and a hatch fill over the same edges (each fill scan
 * converts the whole polygon again). Where the device pixel grid allows
 * (no rotation, a whole number of pixels per tile), the tile is drawn in
 * device pixels with the map's anchor already moved by its fraction of a
 * pixel, so the pattern lies at a whole-pixel offset: pixman then repeats
 * it as it is instead of resampling every pixel bilinearly, and the lines
 * are drawn where they were, only sharper. The lattice is anchored to the
 * map in device space, so bands and tiles painted apart meet. */
static cairo_pattern_t *
raster_pattern (cairo_t        *cr,
                const DmStyle  *style,
                double          fill_alpha,
                double          ink_alpha,
                double          scale,
                double          anchor_x,
                double          anchor_y)
{
  int t = pattern_tile_size (style->pattern, scale);
  double s, device_t, ax, ay, fx, fy;
  cairo_surface_t *tile;
  cairo_pattern_t *result;
  cairo_matrix_t ctm, matrix;
  cairo_t *tile_cr;
  int size;

  cairo_get_matrix (cr, &ctm);
  s = ctm.xx;
  device_t = t * s;
  if (ctm.xy != 0 || ctm.yx != 0 || ctm.yy != s || s <= 0 ||
      fabs (device_t - round (device_t)) > 1e-6)
    {
      /* A rotated or fractionally scaled target: the tile in user units,
       * resampled. */
      s = 1.0;
      cairo_matrix_init_identity (&ctm);
    }
  size = (int) round (t * s);
  /* Where the lattice lies, in the pattern's pixels, and the whole and
   * fractional parts of its offset. */
  ax = fmod (anchor_x * s + ctm.x0, size);
  ay = fmod (anchor_y * s + ctm.y0, size);
  if (ax < 0)
    ax += size;
  if (ay < 0)
    ay += size;
  fx = ax - floor (ax);
  fy = ay - floor (ay);

  tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  tile_cr = cairo_create (tile);
  cairo_set_source_rgba (tile_cr, style->r, style->g, style->b, fill_alpha);
  cairo_paint (tile_cr);
  cairo_translate (tile_cr, fx, fy);
  cairo_scale (tile_cr, s, s);
  cairo_set_source_rgba (tile_cr, style->ink_r, style->ink_g, style->ink_b, ink_alpha);
  draw_tile_lines (tile_cr, style->pattern, t, style->line_width, scale);
  cairo_destroy (tile_cr);

  /* pixman repeats a tile by compositing it once per period along each
   * row, a call each, each a few hundred processor cycles before its
   * first pixel: a 7-pixel tile costs a call every 7 pixels. The same
   * pixels, a whole number of periods at least 512 wide, cost one call
   * for most rows of a part; rows are repeated without a call. */
  if (size < 512)
    {
      int n = (512 + size - 1) / size;
      cairo_surface_t *wide = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, n * size, size);
      cairo_pattern_t *repeat = cairo_pattern_create_for_surface (tile);

      tile_cr = cairo_create (wide);
      cairo_pattern_set_extend (repeat, CAIRO_EXTEND_REPEAT);
      cairo_set_source (tile_cr, repeat);
      cairo_set_operator (tile_cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (tile_cr);
      cairo_destroy (tile_cr);
      cairo_pattern_destroy (repeat);
      cairo_surface_destroy (tile);
      tile = wide;
      ax = fmod (ax, n * size);
    }

  result = cairo_pattern_create_for_surface (tile);
  cairo_surface_destroy (tile);
  cairo_pattern_set_extend (result, CAIRO_EXTEND_REPEAT);
  /* User space to the tile's pixels: through the device, less the
   * lattice's whole-pixel offset. */
  cairo_matrix_init_translate (&matrix, -floor (ax), -floor (ay));
  cairo_matrix_multiply (&matrix, &ctm, &matrix);
  cairo_pattern_set_matrix (result, &matrix);
  return result;
}

/* Fills the current path with the key's colour and pattern; the path is
 * consumed. Uses the even-odd rule so holes stay holes. */
void
dm_style_fill_path_full (cairo_t      *cr,
                         DmStyleKey    key,
                         DmCertainty   certainty,
                         DmStyleFlags  flags,
                         double        scale,
                         double        anchor_x,
                         double        anchor_y)
{
  DmStyle style;
  double alpha = dm_style_certainty_alpha (certainty);
  double ink_alpha = (flags & DM_STYLE_HIGH_CONTRAST) ? 1.0 : 0.85;

  dm_style_get_full (key, flags, &style);
  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  if (style.pattern != DM_PATTERN_NONE && !dm_draw_is_vector (cr))
    {
      cairo_pattern_t *hatch = raster_pattern (cr, &style, style.alpha * alpha,
                                               ink_alpha * alpha, scale, anchor_x, anchor_y);
      cairo_set_source (cr, hatch);
      cairo_pattern_destroy (hatch);
      /* Coverage by area, one composite of the tile through it. */
      if (!dm_area_fill (cr))
        cairo_fill_preserve (cr);
      cairo_restore (cr);
      cairo_new_path (cr);
      return;
    }
  cairo_set_source_rgba (cr, style.r, style.g, style.b, style.alpha * alpha);
  if (!dm_area_fill (cr))
    dm_draw_fill_preserve (cr);
  if (style.pattern != DM_PATTERN_NONE)
    {
      dm_draw_clip_begin (cr);
      cairo_set_source_rgba (cr, style.ink_r, style.ink_g, style.ink_b, ink_alpha * alpha);
      paint_pattern (cr, style.pattern, style.line_width, scale);
      dm_draw_clip_end (cr);
    }
  cairo_restore (cr);
  cairo_new_path (cr);
}

void
dm_style_fill_path (cairo_t     *cr,
                    DmStyleKey   key,
                    DmCertainty  certainty,
                    double       scale,
                    double       anchor_x,
                    double       anchor_y)
{
  dm_style_fill_path_full (cr, key, certainty, DM_STYLE_NORMAL, scale, anchor_x, anchor_y);
}

void
dm_style_paint_swatch_full (cairo_t      *cr,
                            DmStyleKey    key,
                            DmCertainty   certainty,
                            DmStyleFlags  flags,
                            double        x,
                            double        y,
                            double        width,
                            double        height,
                            double        scale)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  dm_draw_fill_preserve (cr);
  dm_style_fill_path_full (cr, key, certainty, flags, scale, x, y);
  cairo_rectangle (cr, x, y, width, height);
  cairo_set_source_rgba (cr, 0.2, 0.2, 0.2, 0.9);
  cairo_set_line_width (cr, 1.0 * scale);
  if (certainty != DM_CERTAINTY_TEXT)
    {
      double dash[2] = { 3 * scale, 2 * scale };
      cairo_set_dash (cr, dash, 2, 0);
    }
  dm_draw_stroke (cr);
  cairo_restore (cr);
}

void
dm_style_paint_swatch (cairo_t     *cr,
                       DmStyleKey   key,
                       DmCertainty  certainty,
                       double       x,
                       double       y,
                       double       width,
                       double       height,
                       double       scale)
{
  dm_style_paint_swatch_full (cr, key, certainty, DM_STYLE_NORMAL, x, y, width, height, scale);
}

/* The line of contact: dark red over a white casing, legible on any fill.
 * Strokes and clears the current path; the map, the page's legend and the
 * window's legend all draw it here. */
void
dm_style_stroke_front (cairo_t *cr,
                       double   scale)
{
  static const double red[3] = { 0.55, 0.0, 0.1 };

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 4.5 * scale);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  /* Round joins and caps: on images, the fast exact stroke, casing and
   * line in one pass. */
  if (!dm_round_stroke_cased (cr, 4.5 * scale, 2.2 * scale, red))
    {
      dm_draw_stroke_preserve (cr);
      cairo_set_line_width (cr, 2.2 * scale);
      cairo_set_source_rgb (cr, red[0], red[1], red[2]);
      dm_draw_stroke_preserve (cr);
    }
  cairo_new_path (cr);
  cairo_restore (cr);
}
