/* dm-draw.c: cairo calls for the painters, recorded as SVG elements when an SVG recorder is attached. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dm-draw.h"

struct _DmSvg
{
  GString    *body;
  GHashTable *ids;     /* XML ids in use, so a second scene gets "-2" */
  double      width, height;
  char       *unit;
  double      unit_width, unit_height;
  guint       n_clips;
  guint       depth;   /* open <g> elements */
};

static cairo_user_data_key_t svg_key;

DmSvg *
dm_svg_new (double      width,
            double      height,
            const char *width_unit,
            double      unit_width,
            double      unit_height)
{
  DmSvg *svg = g_new0 (DmSvg, 1);

  svg->body = g_string_sized_new (256 * 1024);
  svg->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  svg->width = width;
  svg->height = height;
  svg->unit = g_strdup (width_unit ? width_unit : "");
  svg->unit_width = unit_width > 0 ? unit_width : width;
  svg->unit_height = unit_height > 0 ? unit_height : height;
  return svg;
}

void
dm_svg_free (DmSvg *svg)
{
  if (svg == NULL)
    return;
  g_string_free (svg->body, TRUE);
  g_hash_table_unref (svg->ids);
  g_free (svg->unit);
  g_free (svg);
}

void
dm_draw_svg_attach (cairo_t *cr,
                    DmSvg   *svg)
{
  cairo_set_user_data (cr, &svg_key, svg, NULL);
}

static inline DmSvg *
get_svg (cairo_t *cr)
{
  return cairo_get_user_data (cr, &svg_key);
}

gboolean
dm_draw_is_svg (cairo_t *cr)
{
  return get_svg (cr) != NULL;
}

/* Two decimals, never a locale's decimal comma, and much faster than
 * g_ascii_formatd for the hundred thousand coordinates of a basemap. */
static void
append_num (GString *s,
            double   v)
{
  gint64 c;

  if (!isfinite (v))
    v = 0;
  c = (gint64) llround (v * 100.0);
  if (c < 0)
    {
      g_string_append_c (s, '-');
      c = -c;
    }
  g_string_append_printf (s, "%" G_GINT64_FORMAT, c / 100);
  if (c % 100 != 0)
    {
      int f = (int) (c % 100);

      g_string_append_c (s, '.');
      g_string_append_c (s, '0' + f / 10);
      if (f % 10 != 0)
        g_string_append_c (s, '0' + f % 10);
    }
}

static void
append_attr_num (GString    *s,
                 const char *name,
                 double      v)
{
  g_string_append_printf (s, " %s=\"", name);
  append_num (s, v);
  g_string_append_c (s, '"');
}

/* The current path in device units, which is what the document's
 * coordinates are, whatever translation the painter has set. */
static gboolean
append_path_data (GString *s,
                  cairo_t *cr)
{
  cairo_path_t *path;
  gboolean any = FALSE;

  cairo_save (cr);
  cairo_identity_matrix (cr);
  path = cairo_copy_path (cr);
  cairo_restore (cr);

  g_string_append (s, " d=\"");
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      cairo_path_data_t *d = &path->data[i];

      switch (d->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          g_string_append_c (s, 'M');
          append_num (s, d[1].point.x);
          g_string_append_c (s, ' ');
          append_num (s, d[1].point.y);
          break;
        case CAIRO_PATH_LINE_TO:
          g_string_append_c (s, 'L');
          append_num (s, d[1].point.x);
          g_string_append_c (s, ' ');
          append_num (s, d[1].point.y);
          any = TRUE;
          break;
        case CAIRO_PATH_CURVE_TO:
          g_string_append_c (s, 'C');
          for (int k = 1; k <= 3; k++)
            {
              append_num (s, d[k].point.x);
              g_string_append_c (s, ' ');
              append_num (s, d[k].point.y);
              if (k < 3)
                g_string_append_c (s, ' ');
            }
          any = TRUE;
          break;
        case CAIRO_PATH_CLOSE_PATH:
        default:
          g_string_append_c (s, 'Z');
          break;
        }
    }
  g_string_append_c (s, '"');
  cairo_path_destroy (path);
  return any;
}

/* Painters only use solid colours; anything else is recorded as black
 * rather than dropped, so a gap shows up in review. */
static void
append_paint (GString    *s,
              cairo_t    *cr,
              const char *what)
{
  double r = 0, g = 0, b = 0, a = 1;

  cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a);
  g_string_append_printf (s, " %s=\"#%02x%02x%02x\"", what,
                          (int) lround (r * 255), (int) lround (g * 255), (int) lround (b * 255));
  if (a < 1.0)
    {
      g_string_append_printf (s, " %s-opacity=\"", what);
      append_num (s, a);
      g_string_append_c (s, '"');
    }
}

static double
device_length (cairo_t *cr,
               double   length)
{
  double dx = length, dy = 0;

  cairo_user_to_device_distance (cr, &dx, &dy);
  return hypot (dx, dy);
}

static void
record_fill (DmSvg   *svg,
             cairo_t *cr)
{
  GString *s = svg->body;
  gsize start = s->len;

  g_string_append (s, "<path");
  if (!append_path_data (s, cr))
    {
      g_string_truncate (s, start);
      return;
    }
  append_paint (s, cr, "fill");
  if (cairo_get_fill_rule (cr) == CAIRO_FILL_RULE_EVEN_ODD)
    g_string_append (s, " fill-rule=\"evenodd\"");
  g_string_append (s, "/>\n");
}

static void
record_stroke (DmSvg   *svg,
               cairo_t *cr)
{
  static const char * const caps[] = { "butt", "round", "square" };
  static const char * const joins[] = { "miter", "round", "bevel" };
  GString *s = svg->body;
  gsize start = s->len;
  int n_dash = cairo_get_dash_count (cr);

  g_string_append (s, "<path");
  if (!append_path_data (s, cr))
    {
      g_string_truncate (s, start);
      return;
    }
  g_string_append (s, " fill=\"none\"");
  append_paint (s, cr, "stroke");
  append_attr_num (s, "stroke-width", device_length (cr, cairo_get_line_width (cr)));
  if (cairo_get_line_cap (cr) != CAIRO_LINE_CAP_BUTT)
    g_string_append_printf (s, " stroke-linecap=\"%s\"", caps[cairo_get_line_cap (cr)]);
  if (cairo_get_line_join (cr) != CAIRO_LINE_JOIN_MITER)
    g_string_append_printf (s, " stroke-linejoin=\"%s\"", joins[cairo_get_line_join (cr)]);
  if (n_dash > 0)
    {
      g_autofree double *dash = g_new (double, n_dash);
      double offset;

      cairo_get_dash (cr, dash, &offset);
      g_string_append (s, " stroke-dasharray=\"");
      for (int i = 0; i < n_dash; i++)
        {
          if (i > 0)
            g_string_append_c (s, ' ');
          /* SVG ignores a dash list that is all zeros; dots are 0-length
           * dashes with round caps, so keep them barely positive. */
          append_num (s, MAX (device_length (cr, dash[i]), 0.01));
        }
      g_string_append_c (s, '"');
    }
  g_string_append (s, "/>\n");
}

void
dm_draw_fill_preserve (cairo_t *cr)
{
  DmSvg *svg = get_svg (cr);

  if (svg != NULL)
    record_fill (svg, cr);
  else
    cairo_fill_preserve (cr);
}

void
dm_draw_fill (cairo_t *cr)
{
  dm_draw_fill_preserve (cr);
  cairo_new_path (cr);
}

void
dm_draw_stroke_preserve (cairo_t *cr)
{
  DmSvg *svg = get_svg (cr);

  if (svg != NULL)
    record_stroke (svg, cr);
  else
    cairo_stroke_preserve (cr);
}

void
dm_draw_stroke (cairo_t *cr)
{
  dm_draw_stroke_preserve (cr);
  cairo_new_path (cr);
}

void
dm_draw_clip_begin (cairo_t *cr)
{
  DmSvg *svg = get_svg (cr);

  if (svg != NULL)
    {
      guint id = ++svg->n_clips;

      g_string_append_printf (svg->body, "<clipPath id=\"clip%u\"><path", id);
      append_path_data (svg->body, cr);
      if (cairo_get_fill_rule (cr) == CAIRO_FILL_RULE_EVEN_ODD)
        g_string_append (svg->body, " clip-rule=\"evenodd\"");
      g_string_append_printf (svg->body, "/></clipPath>\n<g clip-path=\"url(#clip%u)\">\n", id);
    }
  /* Clip the cairo_t too: hatching reads the clip extents. */
  cairo_save (cr);
  cairo_clip (cr);
}

void
dm_draw_clip_end (cairo_t *cr)
{
  DmSvg *svg = get_svg (cr);

  cairo_restore (cr);
  if (svg != NULL)
    g_string_append (svg->body, "</g>\n");
}

static void
append_css_family (GString    *s,
                   const char *families)
{
  g_auto(GStrv) names = g_strsplit (families ? families : "Sans", ",", -1);
  gboolean first = TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;
      char *name = g_strstrip (names[i]);

      if (*name == '\0')
        continue;
      if (!first)
        g_string_append (s, ", ");
      first = FALSE;
      if (g_ascii_strcasecmp (name, "Sans") == 0)
        g_string_append (s, "sans-serif");
      else if (g_ascii_strcasecmp (name, "Serif") == 0)
        g_string_append (s, "serif");
      else
        {
          escaped = g_markup_escape_text (name, -1);
          g_string_append_printf (s, "'%s'", escaped);
        }
    }
}

/* Illustrator matches fonts by PostScript name ("Cantarell-Bold") and
 * ignores font-weight; Inkscape and browsers skip a name they do not know
 * and take the next family with the weight. So the first family's
 * PostScript name goes first. Cantarell and Noto Sans come in Regular and
 * Bold (Noto also Italic), which is all the layout uses. */
static void
append_postscript_name (GString    *s,
                        const char *families,
                        int         weight,
                        gboolean    italic)
{
  g_auto(GStrv) names = g_strsplit (families ? families : "", ",", 2);
  char *first;

  if (names[0] == NULL)
    return;
  first = g_strstrip (names[0]);
  if (*first == '\0' || g_ascii_strcasecmp (first, "Sans") == 0 ||
      g_ascii_strcasecmp (first, "Serif") == 0 || strpbrk (first, "'\"<>&") != NULL)
    return;
  g_string_append_c (s, '\'');
  for (const char *c = first; *c != '\0'; c++)
    if (*c != ' ')
      g_string_append_c (s, *c);
  g_string_append_printf (s, "-%s', ", weight >= 600 ? (italic ? "BoldItalic" : "Bold")
                                                     : (italic ? "Italic" : "Regular"));
}

/* One <text> per line of the layout, at its baseline, with the font as
 * CSS so an illustrator can restyle it. */
static void
record_layout (DmSvg         *svg,
               cairo_t       *cr,
               PangoLayout   *layout,
               gboolean       halo,
               const double  *stroke)  /* r, g, b, a, width: fill and halo in one */
{
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter;
  GString *s = svg->body;
  double x0 = 0, y0 = 0, size = 12;
  int weight = 400;
  gboolean italic = FALSE;

  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x0, &y0);
  if (font != NULL)
    {
      size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
      if (!pango_font_description_get_size_is_absolute (font))
        size *= 96.0 / 72.0;
      weight = pango_font_description_get_weight (font);
      italic = pango_font_description_get_style (font) != PANGO_STYLE_NORMAL;
    }
  size = device_length (cr, size);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      g_autofree char *escaped = NULL;
      double bx, by;

      if (line->length == 0)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bx = x0 + logical.x / (double) PANGO_SCALE;
      by = y0 + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      cairo_user_to_device (cr, &bx, &by);
      escaped = g_markup_escape_text (text + line->start_index, line->length);

      g_string_append (s, "<text xml:space=\"preserve\"");
      append_attr_num (s, "x", bx);
      append_attr_num (s, "y", by);
      g_string_append (s, " font-family=\"");
      append_postscript_name (s, font ? pango_font_description_get_family (font) : NULL,
                              weight, italic);
      append_css_family (s, font ? pango_font_description_get_family (font) : NULL);
      g_string_append_c (s, '"');
      append_attr_num (s, "font-size", size);
      if (weight != 400)
        g_string_append_printf (s, " font-weight=\"%d\"", weight);
      if (italic)
        g_string_append (s, " font-style=\"italic\"");
      if (halo)
        {
          g_string_append (s, " fill=\"none\"");
          append_paint (s, cr, "stroke");
          append_attr_num (s, "stroke-width", device_length (cr, cairo_get_line_width (cr)));
          g_string_append (s, " stroke-linejoin=\"round\"");
        }
      else
        append_paint (s, cr, "fill");
      if (stroke != NULL)
        {
          /* Editors draw the stroke under the fill: one element a label,
           * edited once. */
          g_string_append_printf (s, " stroke=\"#%02x%02x%02x\"", (int) lround (stroke[0] * 255),
                                  (int) lround (stroke[1] * 255), (int) lround (stroke[2] * 255));
          if (stroke[3] < 1.0)
            {
              g_string_append (s, " stroke-opacity=\"");
              append_num (s, stroke[3]);
              g_string_append_c (s, '"');
            }
          append_attr_num (s, "stroke-width", device_length (cr, stroke[4]));
          g_string_append (s, " stroke-linejoin=\"round\" paint-order=\"stroke\"");
        }
      g_string_append_printf (s, ">%s</text>\n", escaped);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
dm_draw_layout (cairo_t     *cr,
                PangoLayout *layout)
{
  DmSvg *svg = get_svg (cr);

  if (svg != NULL)
    record_layout (svg, cr, layout, FALSE, NULL);
  else
    pango_cairo_show_layout (cr, layout);
}

gboolean
dm_draw_svg_label (cairo_t     *cr,
                   PangoLayout *layout,
                   double       halo_r,
                   double       halo_g,
                   double       halo_b,
                   double       halo_a,
                   double       halo_width)
{
  DmSvg *svg = get_svg (cr);
  const double stroke[5] = { halo_r, halo_g, halo_b, halo_a, halo_width };

  if (svg == NULL)
    return FALSE;
  record_layout (svg, cr, layout, FALSE, stroke);
  return TRUE;
}

void
dm_draw_layout_halo (cairo_t     *cr,
                     PangoLayout *layout)
{
  DmSvg *svg = get_svg (cr);

  if (svg != NULL)
    {
      record_layout (svg, cr, layout, TRUE, NULL);
      return;
    }
  pango_cairo_layout_path (cr, layout);
  cairo_stroke (cr);
}

void
dm_draw_group_begin (cairo_t    *cr,
                     const char *id,
                     const char *label)
{
  DmSvg *svg = get_svg (cr);
  g_autofree char *unique = NULL;
  g_autofree char *escaped = NULL;

  if (svg == NULL)
    return;
  unique = g_strdup (id);
  for (guint n = 2; g_hash_table_contains (svg->ids, unique); n++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s-%u", id, n);
    }
  g_hash_table_add (svg->ids, g_strdup (unique));
  escaped = g_markup_escape_text (label ? label : id, -1);
  g_string_append_printf (svg->body, "<g id=\"%s\" inkscape:label=\"%s\" inkscape:groupmode=\"layer\">\n",
                          unique, escaped);
  svg->depth++;
}

void
dm_draw_group_end (cairo_t *cr)
{
  DmSvg *svg = get_svg (cr);

  if (svg == NULL || svg->depth == 0)
    return;
  g_string_append (svg->body, "</g>\n");
  svg->depth--;
}

GString *
dm_svg_finish (DmSvg *svg)
{
  GString *doc = g_string_sized_new (svg->body->len + 512);

  g_string_append (doc,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                   "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" version=\"1.1\"");
  g_string_append (doc, " width=\"");
  append_num (doc, svg->unit_width);
  g_string_append_printf (doc, "%s\" height=\"", svg->unit);
  append_num (doc, svg->unit_height);
  g_string_append_printf (doc, "%s\" viewBox=\"0 0 ", svg->unit);
  append_num (doc, svg->width);
  g_string_append_c (doc, ' ');
  append_num (doc, svg->height);
  g_string_append (doc, "\">\n");
  g_string_append_len (doc, svg->body->str, svg->body->len);
  for (guint i = 0; i < svg->depth; i++)
    g_string_append (doc, "</g>\n");
  g_string_append (doc, "</svg>\n");
  return doc;
}

gboolean
dm_draw_is_vector (cairo_t *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  return dm_draw_is_svg (cr) || type == CAIRO_SURFACE_TYPE_PDF ||
         type == CAIRO_SURFACE_TYPE_PS || type == CAIRO_SURFACE_TYPE_SVG;
}

/* TRUE, with cr's matrix in m, where cr paints the pixels of an image
 * (not SVG, PDF or PS), unrotated, at one scale on both axes and with
 * cairo's default antialiasing: where the hand-written rasterisers
 * (dm-area-fill.c, dm-round-stroke.c) give what cairo would. */
gboolean
dm_draw_raster_matrix (cairo_t        *cr,
                       cairo_matrix_t *m)
{
  if (dm_draw_is_vector (cr) ||
      cairo_surface_get_type (cairo_get_group_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_get_antialias (cr) != CAIRO_ANTIALIAS_DEFAULT)
    return FALSE;
  cairo_get_matrix (cr, m);
  return m->xy == 0 && m->yx == 0 && m->xx == m->yy && m->xx > 0;
}
