/* dm-text.c: pango labels with a halo, placed greedily so none overlaps another. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-draw.h"
#include "dm-shape.h"
#include "dm-text.h"
#include "dm-text-sprite.h"

typedef struct
{
  double x1, y1, x2, y2;
} Box;

struct _DmTextBoxes
{
  GArray               *boxes;
  /* One layout and font per kind for a whole pass: creating a pango layout
   * per label costs more than drawing it. */
  PangoLayout          *layout;
  PangoFontDescription *fonts[DM_TEXT_WATER + 1];
  double                font_scale[DM_TEXT_WATER + 1];
  /* The start of each kind's image cache key, for the scales it names. */
  char                 *key_prefix[DM_TEXT_WATER + 1];
  double                key_scale[DM_TEXT_WATER + 1], key_device_scale[DM_TEXT_WATER + 1];
  gboolean              key_high_contrast[DM_TEXT_WATER + 1];
  /* When set, a label must fit inside: a town name cut by the frame reads
   * as another name. */
  double                max_x, max_y;
};

DmTextBoxes *
dm_text_boxes_new (void)
{
  DmTextBoxes *boxes = g_new0 (DmTextBoxes, 1);

  boxes->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  return boxes;
}

/* A rectangle labels must keep out of (a desk's annotation), in device
 * pixels. */
void
dm_text_boxes_reserve (DmTextBoxes *boxes,
                       double       x1,
                       double       y1,
                       double       x2,
                       double       y2)
{
  Box box = { x1, y1, x2, y2 };

  g_array_append_val (boxes->boxes, box);
}

void
dm_text_boxes_free (DmTextBoxes *boxes)
{
  g_array_unref (boxes->boxes);
  g_clear_object (&boxes->layout);
  for (guint i = 0; i < G_N_ELEMENTS (boxes->fonts); i++)
    {
      g_clear_pointer (&boxes->fonts[i], pango_font_description_free);
      g_free (boxes->key_prefix[i]);
    }
  g_free (boxes);
}

static gboolean
boxes_overlap (DmTextBoxes *boxes,
               const Box   *b)
{
  for (guint i = 0; i < boxes->boxes->len; i++)
    {
      const Box *o = &g_array_index (boxes->boxes, Box, i);

      if (b->x1 < o->x2 && b->x2 > o->x1 && b->y1 < o->y2 && b->y2 > o->y1)
        return TRUE;
    }
  return FALSE;
}

PangoFontDescription *
dm_text_font (DmTextKind kind,
              double     scale)
{
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, Noto Sans, DejaVu Sans, Sans");
  double size = 9.0;

  switch (kind)
    {
    case DM_TEXT_REGION:
      size = 12.5;
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case DM_TEXT_CITY:
      size = 10.0;
      pango_font_description_set_weight (font, PANGO_WEIGHT_SEMIBOLD);
      break;
    case DM_TEXT_WATER:
      size = 9.5;
      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      break;
    case DM_TEXT_PLACE:
    default:
      size = 8.5;
      break;
    }
  /* Absolute size in device units, so 96 dpi screens and exports agree. */
  pango_font_description_set_absolute_size (font, size * 96.0 / 72.0 * scale * PANGO_SCALE);
  return font;
}

typedef enum
{
  PLACE_LANG_NAME, /* GeoNames' own name: English, or the language has none */
  PLACE_LANG_UK,
  PLACE_LANG_DE,
  PLACE_LANG_FR,
  PLACE_LANG_PL,
} PlaceLang;

/* A place's name in the language of the UI (or of export --lang), where
 * the data has one (data/geo/places.geojson: name_uk, name_de, name_fr,
 * name_pl), else its GeoNames name. */
const char *
dm_text_place_name (const DmPlace *place)
{
  /* Decided once; tiles and exports call this from worker threads. */
  static gsize once = 0;
  static PlaceLang lang = PLACE_LANG_NAME;
  const char *name = NULL;

  if (g_once_init_enter (&once))
    {
      static const char *codes[] = { NULL, "uk", "de", "fr", "pl" };
      const char *first = g_get_language_names ()[0];
      PlaceLang found = PLACE_LANG_NAME;

      for (guint i = 1; first != NULL && i < G_N_ELEMENTS (codes); i++)
        if (g_str_has_prefix (first, codes[i]) &&
            (first[2] == '\0' || first[2] == '_' || first[2] == '.' || first[2] == '@'))
          found = (PlaceLang) i;
      lang = found;
      g_once_init_leave (&once, 1);
    }
  switch (lang)
    {
    case PLACE_LANG_UK:
      name = place->name_uk;
      break;
    case PLACE_LANG_DE:
      name = place->name_de;
      break;
    case PLACE_LANG_FR:
      name = place->name_fr;
      break;
    case PLACE_LANG_PL:
      name = place->name_pl;
      break;
    case PLACE_LANG_NAME:
    default:
      break;
    }
  return (name != NULL && *name != '\0') ? name : place->name;
}

/* On raster targets the halo is the text itself drawn white at eight
 * offsets: glyphs come from pango's cache, while stroking glyph outlines
 * costs about 70 µs a label (17 ms for a screenful). */
static void
draw_raster_halo (cairo_t     *cr,
                  PangoLayout *layout,
                  double       x,
                  double       y,
                  double       radius)
{
  static const double dirs[8][2] = {
    { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 },
    { 0.707, 0.707 }, { -0.707, 0.707 }, { 0.707, -0.707 }, { -0.707, -0.707 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      cairo_move_to (cr, x + dirs[i][0] * radius, y + dirs[i][1] * radius);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_new_path (cr);
}

static void
text_colour (DmTextKind kind,
             double    *rgb)
{
  if (kind == DM_TEXT_WATER)
    {
      rgb[0] = 0.15;
      rgb[1] = 0.35;
      rgb[2] = 0.6;
    }
  else
    rgb[0] = rgb[1] = rgb[2] = 0.08;
}

gboolean
dm_text_draw_label (cairo_t           *cr,
                    DmTextBoxes       *boxes,
                    const DmTextStyle *style,
                    const char        *text,
                    double             x,
                    double             y,
                    gboolean           beside_point)
{
  g_autoptr(PangoLayout) own_layout = NULL;
  g_autoptr(DmTextSprite) sprite = NULL;
  g_autofree char *key = NULL;
  PangoLayout *layout;
  PangoRectangle ink, logical;
  double lx, ly, pad = 2.0 * style->scale, device_scale, rgb[3];
  double halo_radius = (style->high_contrast ? 2.0 : 1.5) * style->scale;
  double halo_alpha = style->high_contrast ? 1.0 : 0.85;
  Box box;

  if (boxes != NULL)
    {
      if (boxes->layout == NULL)
        boxes->layout = pango_cairo_create_layout (cr);
      if (boxes->fonts[style->kind] == NULL || boxes->font_scale[style->kind] != style->scale)
        {
          g_clear_pointer (&boxes->fonts[style->kind], pango_font_description_free);
          boxes->fonts[style->kind] = dm_text_font (style->kind, style->scale);
          boxes->font_scale[style->kind] = style->scale;
        }
      layout = boxes->layout;
      pango_layout_set_font_description (layout, boxes->fonts[style->kind]);
    }
  else
    {
      PangoFontDescription *font = dm_text_font (style->kind, style->scale);

      layout = own_layout = pango_cairo_create_layout (cr);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  text_colour (style->kind, rgb);

  /* On images: the label's prepared picture, and its extents with it. */
  if (!dm_draw_is_vector (cr) && dm_text_sprite_device_scale (cr, &device_scale))
    {
      if (boxes == NULL)
        key = g_strdup_printf ("%d %d %.6g %.6g %s", style->kind, style->high_contrast,
                               style->scale, device_scale, text);
      else
        {
          /* Formatted once a pass per kind: a screenful of printfs was a
           * tenth of the labels' time. */
          DmTextKind k = style->kind;

          if (boxes->key_prefix[k] == NULL || boxes->key_scale[k] != style->scale ||
              boxes->key_device_scale[k] != device_scale ||
              boxes->key_high_contrast[k] != style->high_contrast)
            {
              g_free (boxes->key_prefix[k]);
              boxes->key_prefix[k] = g_strdup_printf ("%d %d %.6g %.6g ", k, style->high_contrast,
                                                      style->scale, device_scale);
              boxes->key_scale[k] = style->scale;
              boxes->key_device_scale[k] = device_scale;
              boxes->key_high_contrast[k] = style->high_contrast;
            }
          key = g_strconcat (boxes->key_prefix[k], text, NULL);
        }
      sprite = dm_text_sprite_get (cr, layout, key, text, halo_radius);
      logical = sprite->logical;
      if (!sprite->exact)
        pango_layout_set_text (layout, text, -1);
    }
  else
    {
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_extents (layout, &ink, &logical);
    }

  if (beside_point)
    {
      lx = x + 4.0 * style->scale;
      ly = y - logical.height / 2.0;
    }
  else
    {
      lx = x - logical.width / 2.0;
      ly = y - logical.height / 2.0;
    }

  box.x1 = lx - pad;
  box.y1 = ly - pad;
  box.x2 = lx + logical.width + pad;
  box.y2 = ly + logical.height + pad;
  if (boxes != NULL)
    {
      if (boxes->max_x > 0 &&
          (box.x1 < 0 || box.y1 < 0 || box.x2 > boxes->max_x || box.y2 > boxes->max_y))
        return FALSE;
      if (boxes_overlap (boxes, &box))
        return FALSE;
      g_array_append_val (boxes->boxes, box);
    }

  if (sprite != NULL && sprite->exact)
    {
      dm_text_sprite_paint_label (cr, key, sprite, lx, ly, halo_radius, halo_alpha, rgb);
      return TRUE;
    }

  cairo_save (cr);
  cairo_move_to (cr, lx, ly);
  if (dm_draw_is_svg (cr))
    {
      double halo = (style->high_contrast ? 4.0 : 3.0) * style->scale;

      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      dm_draw_svg_label (cr, layout, 1, 1, 1, halo_alpha, halo);
      cairo_restore (cr);
      return TRUE;
    }
  /* Halo: the outline of the glyphs stroked wide under the text, which in
   * PDF stays a path beside real, selectable text. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, (style->high_contrast ? 4.0 : 3.0) * style->scale);
  cairo_set_source_rgba (cr, 1, 1, 1, halo_alpha);
  if (dm_draw_is_vector (cr))
    dm_draw_layout_halo (cr, layout);
  else
    draw_raster_halo (cr, layout, lx, ly, halo_radius);
  cairo_move_to (cr, lx, ly);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  dm_draw_layout (cr, layout);
  cairo_restore (cr);
  return TRUE;
}

/* Fewer, larger places when zoomed out; every town from zoom 10. */
static guint
min_population (double zoom)
{
  if (zoom < 5.5)
    return 400000;
  if (zoom < 6.5)
    return 100000;
  if (zoom < 7.5)
    return 30000;
  if (zoom < 8.5)
    return 10000;
  if (zoom < 9.5)
    return 3000;
  return 0;
}

void
dm_text_draw_places (cairo_t      *cr,
                     DmTextBoxes  *boxes,
                     GPtrArray    *places,
                     const DmView *view,
                     double        scale,
                     gboolean      high_contrast,
                     guint         at_least)
{
  guint threshold = MAX (min_population (dm_view_detail_zoom (view)), at_least);
  guint drawn = 0;
  double device_scale;
  /* A screenful of labels is plenty; more is noise and paint time. */
  guint max_labels = (guint) (view->width * view->height / (scale * scale * 9000.0)) + 8;

  boxes->max_x = view->width;
  boxes->max_y = view->height;

  for (guint i = 0; i < places->len && drawn < max_labels; i++)
    {
      DmPlace *place = g_ptr_array_index (places, i);
      DmTextStyle style = { place->population >= 100000 ? DM_TEXT_CITY : DM_TEXT_PLACE,
                            scale, high_contrast };
      double px, py, r = (style.kind == DM_TEXT_CITY ? 3.0 : 2.2) * scale;

      if (place->population < threshold &&
          !(place->capital && at_least == 0 && place->population >= threshold / 4))
        continue;
      dm_view_to_px (view, place->x, place->y, &px, &py);
      if (px < 0 || py < 0 || px > view->width || py > view->height)
        continue;
      if (!dm_text_draw_label (cr, boxes, &style,
                               dm_text_place_name (place),
                               px, py, TRUE))
        continue;

      drawn++;
      if (!dm_draw_is_vector (cr) && dm_text_sprite_device_scale (cr, &device_scale))
        {
          dm_text_sprite_paint_dot (cr, px, py, r, 1.2 * scale);
          continue;
        }
      cairo_new_path (cr);
      cairo_arc (cr, px, py, r, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      dm_draw_fill_preserve (cr);
      cairo_set_line_width (cr, 1.2 * scale);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      dm_draw_stroke (cr);
    }
}
