/* dm-chart-draw.c: paints the chart of the front onto any cairo_t, and finds the day under a point.
 *
 * Two panels share the time axis, each with its own axis from zero: the
 * total (some 110 000 km²) would flatten the regions (a few thousand to
 * 27 000) onto the bottom of one shared axis, and an axis cut above zero
 * would exaggerate two years of a slow front. Every series has a
 * colour-blind-safe colour (Okabe–Ito), a dash pattern and a point
 * symbol, so it also reads in grey. The painter only uses the dm_draw_*
 * calls, so the SVG keeps its text as text. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "dm-chart-private.h"
#include "dm-draw.h"

#define FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Sans"

typedef enum
{
  SYMBOL_NONE,
  SYMBOL_CIRCLE,
  SYMBOL_SQUARE,
  SYMBOL_TRIANGLE,
  SYMBOL_DIAMOND,
  SYMBOL_TRIANGLE_DOWN,
  SYMBOL_CROSS,
} Symbol;

typedef struct
{
  double r, g, b;
  double width;
  double dash[4];
  int    n_dash;
  Symbol symbol;
} SeriesStyle;

/* Okabe & Ito's palette; the dashes and symbols tell the series apart
 * without colour. */
static const SeriesStyle series_styles[DM_CHART_N_SERIES] = {
  [DM_CHART_SERIES_TOTAL] = { 0, 0, 0, 2.5, { 0 }, 0, SYMBOL_NONE },
  [DM_CHART_SERIES_REGION + DM_REGION_CRIMEA] =
    { 0x00 / 255., 0x72 / 255., 0xb2 / 255., 2.0, { 0 }, 0, SYMBOL_CIRCLE },
  [DM_CHART_SERIES_REGION + DM_REGION_LUHANSK] =
    { 0xe6 / 255., 0x9f / 255., 0x00 / 255., 2.0, { 9, 4 }, 2, SYMBOL_SQUARE },
  [DM_CHART_SERIES_REGION + DM_REGION_DONETSK] =
    { 0xd5 / 255., 0x5e / 255., 0x00 / 255., 2.0, { 2, 3 }, 2, SYMBOL_TRIANGLE },
  [DM_CHART_SERIES_REGION + DM_REGION_ZAPORIZHZHIA] =
    { 0x00 / 255., 0x9e / 255., 0x73 / 255., 2.0, { 10, 3, 2, 3 }, 4, SYMBOL_DIAMOND },
  [DM_CHART_SERIES_REGION + DM_REGION_KHERSON] =
    { 0xcc / 255., 0x79 / 255., 0xa7 / 255., 2.0, { 5, 5 }, 2, SYMBOL_TRIANGLE_DOWN },
  [DM_CHART_SERIES_OTHER] =
    { 0x56 / 255., 0xb4 / 255., 0xe9 / 255., 2.0, { 6, 2, 2, 2 }, 4, SYMBOL_CROSS },
};

/* Where everything goes at one size; computed the same way for painting
 * and for hit testing. */
typedef struct
{
  double s;
  double width, height;
  double x0, x1;            /* the plot, both panels */
  double title_y, subtitle_y;
  double band_y;            /* proposal labels */
  int    band_rows;
  double total_y0, total_y1;
  double region_y0, region_y1;
  double axis_y;            /* date labels */
  double legend_y;
  double total_max, region_max;
  double total_step, region_step;
  int    jd_from, jd_to;
} Layout;

/* A round axis maximum above max, with ticks 1, 2, 2.5 or 5 × 10^k apart,
 * four or five of them. */
static void
nice_axis (double  max,
           double *axis_max,
           double *step)
{
  static const double steps[] = { 1, 2, 2.5, 5, 10 };
  double raw, mag;

  if (max <= 0)
    max = 1;
  raw = max / 4.5;
  mag = pow (10, floor (log10 (raw)));
  *step = 10 * mag;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * mag >= raw)
      {
        *step = steps[i] * mag;
        break;
      }
  *axis_max = ceil (max * 1.04 / *step) * *step;
}

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_width (cairo_t    *cr,
            const char *text,
            double      size,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

/* Text with its top-left (xalign 0), centre (0.5) or right (1) at x, y. */
static void
show_text (cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold,
           double      x,
           double      y,
           double      xalign)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_move_to (cr, x - logical.width * xalign, y);
  dm_draw_layout (cr, layout);
}

static double
series_max (DmChart *self,
            guint    first,
            guint    last)
{
  double max = 0;

  for (guint i = 0; i < self->days->len; i++)
    for (guint k = first; k <= last; k++)
      max = MAX (max, g_array_index (self->days, DmChartDay, i).km2[k]);
  return max;
}

/* Proposal labels that would overlap go a row lower: the row each takes. */
static int
place_markers (DmChart       *self,
               cairo_t       *cr,
               const Layout  *l,
               int           *rows)
{
  double ends[8];
  int n_rows = 0;

  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *m = &g_array_index (self->markers, Marker, i);
      int jd = _dm_chart_julian (m->date);
      double x, w;
      int row = 0;

      if (jd < l->jd_from || jd > l->jd_to)
        {
          rows[i] = -1;
          continue;
        }
      x = l->x0 + (l->x1 - l->x0) * (jd - l->jd_from) / MAX (l->jd_to - l->jd_from, 1);
      w = text_width (cr, m->label, 10 * l->s, FALSE);
      /* Labels start at their day and run right; the last ones run left. */
      if (x + w > l->width - 8 * l->s)
        x -= w;
      while (row < n_rows && row < (int) G_N_ELEMENTS (ends) - 1 && ends[row] > x - 6 * l->s)
        row++;
      if (row >= n_rows)
        n_rows = row + 1;
      ends[row] = x + w;
      rows[i] = row;
    }
  return n_rows;
}

static void
compute_layout (DmChart *self,
                cairo_t *cr,
                double   width,
                double   height,
                double   scale,
                Layout  *l)
{
  double s = scale > 0 ? scale : 1;
  double y, plot_h, label_w;
  g_autofree char *widest = NULL;
  g_autofree int *rows = g_new0 (int, self->markers->len + 1);

  memset (l, 0, sizeof *l);
  l->s = s;
  l->width = width;
  l->height = height;
  l->jd_from = _dm_chart_julian (self->from);
  l->jd_to = _dm_chart_julian (self->to);
  if (l->jd_to <= l->jd_from)
    l->jd_to = l->jd_from + 1;

  nice_axis (series_max (self, DM_CHART_SERIES_TOTAL, DM_CHART_SERIES_TOTAL), &l->total_max,
             &l->total_step);
  nice_axis (series_max (self, DM_CHART_SERIES_REGION, DM_CHART_N_SERIES - 1), &l->region_max,
             &l->region_step);

  widest = dm_chart_format_km2 (l->total_max);
  label_w = text_width (cr, widest, 10 * s, FALSE);
  l->x0 = 16 * s + label_w + 8 * s;
  l->x1 = width - 20 * s;

  y = 12 * s;
  l->title_y = y;
  y += 22 * s;
  l->subtitle_y = y;
  y += 22 * s;
  l->band_y = y;
  l->band_rows = place_markers (self, cr, l, rows);
  y += l->band_rows * 14 * s + 6 * s;

  /* Below the panels: date labels, a legend row or two, the credit. */
  plot_h = height - y - (18 + 14 + 6 + 44 + 18) * s;
  plot_h = MAX (plot_h, 40 * s);
  l->total_y0 = y + 16 * s;
  l->total_y1 = l->total_y0 + plot_h * 0.30;
  l->region_y0 = l->total_y1 + 34 * s;
  l->region_y1 = y + 16 * s + plot_h;
  l->axis_y = l->region_y1 + 6 * s;
  l->legend_y = l->axis_y + 24 * s;
}

static double
x_of_jd (const Layout *l,
         int           jd)
{
  return l->x0 + (l->x1 - l->x0) * (jd - l->jd_from) / (double) (l->jd_to - l->jd_from);
}

static double
y_of (const Layout *l,
      DmChartSeries series,
      double        km2)
{
  if (series == DM_CHART_SERIES_TOTAL)
    return l->total_y1 - (l->total_y1 - l->total_y0) * km2 / l->total_max;
  return l->region_y1 - (l->region_y1 - l->region_y0) * km2 / l->region_max;
}

static void
set_series_style (cairo_t     *cr,
                  const Layout *l,
                  DmChartSeries series,
                  gboolean      dashed)
{
  const SeriesStyle *st = &series_styles[series];
  double dash[4];

  cairo_set_source_rgb (cr, st->r, st->g, st->b);
  cairo_set_line_width (cr, st->width * l->s);
  for (int i = 0; i < st->n_dash; i++)
    dash[i] = st->dash[i] * l->s;
  cairo_set_dash (cr, dash, dashed ? st->n_dash : 0, 0);
}

static void
draw_symbol (cairo_t      *cr,
             const Layout *l,
             DmChartSeries series,
             double        x,
             double        y)
{
  double r = 3.5 * l->s;

  cairo_new_path (cr);
  switch (series_styles[series].symbol)
    {
    case SYMBOL_CIRCLE:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case SYMBOL_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case SYMBOL_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.1);
      cairo_line_to (cr, x + r, y + r * 0.75);
      cairo_line_to (cr, x - r, y + r * 0.75);
      cairo_close_path (cr);
      break;
    case SYMBOL_TRIANGLE_DOWN:
      cairo_move_to (cr, x, y + r * 1.1);
      cairo_line_to (cr, x + r, y - r * 0.75);
      cairo_line_to (cr, x - r, y - r * 0.75);
      cairo_close_path (cr);
      break;
    case SYMBOL_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case SYMBOL_CROSS:
      cairo_save (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, 2 * l->s);
      cairo_move_to (cr, x - r, y - r);
      cairo_line_to (cr, x + r, y + r);
      cairo_move_to (cr, x + r, y - r);
      cairo_line_to (cr, x - r, y + r);
      dm_draw_stroke (cr);
      cairo_restore (cr);
      return;
    case SYMBOL_NONE:
    default:
      return;
    }
  dm_draw_fill (cr);
}

static void
draw_series (DmChart       *self,
             cairo_t       *cr,
             const Layout  *l,
             DmChartSeries  series,
             guint          symbol_every)
{
  guint n = self->days->len;

  if (n == 0)
    return;
  dm_draw_group_begin (cr, series == DM_CHART_SERIES_TOTAL ? "total"
                       : series == DM_CHART_SERIES_OTHER ? "other"
                       : dm_region_to_string (series - DM_CHART_SERIES_REGION),
                       dm_chart_series_label (series));
  cairo_save (cr);
  set_series_style (cr, l, series, TRUE);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      const DmChartDay *d = &g_array_index (self->days, DmChartDay, i);
      double x = x_of_jd (l, _dm_chart_julian (d->date)), y = y_of (l, series, d->km2[series]);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  if (n == 1)
    cairo_rel_line_to (cr, 0.01, 0);
  dm_draw_stroke (cr);

  /* Symbols every so many points, each series shifted so they do not pile
   * up where the lines run close. */
  for (guint i = (series * symbol_every) / DM_CHART_N_SERIES; i < n; i += symbol_every)
    {
      const DmChartDay *d = &g_array_index (self->days, DmChartDay, i);

      draw_symbol (cr, l, series, x_of_jd (l, _dm_chart_julian (d->date)), y_of (l, series, d->km2[series]));
    }
  cairo_restore (cr);
  dm_draw_group_end (cr);
}

static void
draw_y_axis (cairo_t      *cr,
             const Layout *l,
             double        y0,
             double        y1,
             double        max,
             double        step,
             DmChartSeries series)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1 * l->s);
  for (double v = 0; v <= max + step / 2; v += step)
    {
      double y = y_of (l, series, v);
      g_autofree char *text = dm_chart_format_km2 (v);

      cairo_set_source_rgb (cr, v == 0 ? 0.35 : 0.86, v == 0 ? 0.35 : 0.86, v == 0 ? 0.35 : 0.86);
      cairo_move_to (cr, l->x0, round (y) + 0.5);
      cairo_line_to (cr, l->x1, round (y) + 0.5);
      dm_draw_stroke (cr);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      show_text (cr, text, 10 * l->s, FALSE, l->x0 - 6 * l->s, y - 7 * l->s, 1.0);
    }
  cairo_restore (cr);
}

static void
draw_x_axis (cairo_t      *cr,
             const Layout *l)
{
  GDate date;
  int months[] = { 1, 2, 3, 6, 12 };
  int every = 12;
  double span_px = l->x1 - l->x0;
  double months_total = (l->jd_to - l->jd_from) / 30.44;
  int m;

  /* The fewest months between labels that leave room for "Sep 2025". */
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (span_px / MAX (months_total / months[i], 1) >= 64 * l->s)
      {
        every = months[i];
        break;
      }

  g_date_clear (&date, 1);
  g_date_set_julian (&date, l->jd_from);
  g_date_set_day (&date, 1);
  if ((int) g_date_get_julian (&date) < l->jd_from)
    g_date_add_months (&date, 1);

  cairo_save (cr);
  cairo_set_line_width (cr, 1 * l->s);
  for (; (int) g_date_get_julian (&date) <= l->jd_to; g_date_add_months (&date, 1))
    {
      double x = round (x_of_jd (l, g_date_get_julian (&date))) + 0.5;
      gboolean labelled;

      m = g_date_get_month (&date) - 1 + 12 * g_date_get_year (&date);
      labelled = m % every == 0;
      cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
      cairo_move_to (cr, x, l->region_y1);
      cairo_line_to (cr, x, l->region_y1 + (labelled ? 5 : 3) * l->s);
      cairo_move_to (cr, x, l->total_y1);
      cairo_line_to (cr, x, l->total_y1 + (labelled ? 5 : 3) * l->s);
      dm_draw_stroke (cr);
      if (labelled)
        {
          char text[64];

          g_date_strftime (text, sizeof text, every >= 12 ? "%Y" : "%b %Y", &date);
          cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
          show_text (cr, text, 10 * l->s, FALSE, x, l->axis_y, 0.5);
        }
    }
  cairo_restore (cr);
}

static void
set_marker_colour (cairo_t *cr)
{
  static const guchar rgb[] = { DM_CHART_MARKER_RGB };

  cairo_set_source_rgb (cr, rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0);
}

static void
draw_markers (DmChart      *self,
              cairo_t      *cr,
              const Layout *l)
{
  g_autofree int *rows = g_new0 (int, self->markers->len + 1);
  Layout copy = *l;

  place_markers (self, cr, &copy, rows);
  dm_draw_group_begin (cr, "proposals", _("Proposals"));
  cairo_save (cr);
  set_marker_colour (cr);
  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *m = &g_array_index (self->markers, Marker, i);
      double x, label_y, w;
      double dash[] = { 4 * l->s, 3 * l->s };

      if (rows[i] < 0)
        continue;
      x = round (x_of_jd (l, _dm_chart_julian (m->date))) + 0.5;
      label_y = l->band_y + rows[i] * 14 * l->s;
      w = text_width (cr, m->label, 10 * l->s, FALSE);
      set_marker_colour (cr);
      show_text (cr, m->label, 10 * l->s, FALSE, x + w > l->width - 8 * l->s ? x - w : x,
                 label_y, 0);
      /* At least a whole pixel, so a small chart still shows the day. */
      cairo_set_line_width (cr, MAX (1.5 * l->s, 1.0));
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, label_y + 13 * l->s);
      cairo_line_to (cr, x, l->region_y1);
      dm_draw_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      /* A notch at the top of each panel, so the day reads without
       * following the dashes. */
      for (int p = 0; p < 2; p++)
        {
          double top = p == 0 ? l->total_y0 : l->region_y0;

          cairo_move_to (cr, x - 4 * l->s, top - 6 * l->s);
          cairo_line_to (cr, x + 4 * l->s, top - 6 * l->s);
          cairo_line_to (cr, x, top);
          cairo_close_path (cr);
          dm_draw_fill (cr);
        }
    }
  cairo_restore (cr);
  dm_draw_group_end (cr);
}

/* A short sample of a series' line with its symbol. */
static void
draw_swatch (cairo_t      *cr,
             const Layout *l,
             DmChartSeries series,
             double        x,
             double        y)
{
  cairo_save (cr);
  set_series_style (cr, l, series, TRUE);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + 26 * l->s, y);
  dm_draw_stroke (cr);
  draw_symbol (cr, l, series, x + 13 * l->s, y);
  cairo_restore (cr);
}

static void
draw_legend (cairo_t      *cr,
             const Layout *l)
{
  double x = l->x0, y = l->legend_y;

  dm_draw_group_begin (cr, "legend", _("Legend"));
  for (DmChartSeries k = 0; k < DM_CHART_N_SERIES; k++)
    {
      const char *label = dm_chart_series_label (k);
      double w = 26 * l->s + 6 * l->s + text_width (cr, label, 11 * l->s, FALSE) + 18 * l->s;

      if (x + w > l->x1 && x > l->x0)
        {
          x = l->x0;
          y += 18 * l->s;
        }
      draw_swatch (cr, l, k, x, y + 8 * l->s);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_text (cr, label, 11 * l->s, FALSE, x + 32 * l->s, y, 0);
      x += w;
    }
  /* Proposals, in the legend too. */
  {
    const char *label = _("Proposal made");
    double w = 14 * l->s + text_width (cr, label, 11 * l->s, FALSE);
    double dash[] = { 4 * l->s, 3 * l->s };

    if (x + w > l->x1 && x > l->x0)
      {
        x = l->x0;
        y += 18 * l->s;
      }
    cairo_save (cr);
    set_marker_colour (cr);
    cairo_set_line_width (cr, 1.5 * l->s);
    cairo_set_dash (cr, dash, 2, 0);
    cairo_move_to (cr, x + 4 * l->s, y + 1 * l->s);
    cairo_line_to (cr, x + 4 * l->s, y + 16 * l->s);
    dm_draw_stroke (cr);
    cairo_restore (cr);
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
    show_text (cr, label, 11 * l->s, FALSE, x + 14 * l->s, y, 0);
  }
  dm_draw_group_end (cr);
}

static void
draw_hover (DmChart      *self,
            cairo_t      *cr,
            const Layout *l,
            guint         index)
{
  const DmChartDay *d = &g_array_index (self->days, DmChartDay, index);
  double x = x_of_jd (l, _dm_chart_julian (d->date));
  double line_h = 16 * l->s, box_w, box_h, bx, by;
  double label_w = 0, value_w = 0;
  char *values[DM_CHART_N_SERIES];

  for (DmChartSeries k = 0; k < DM_CHART_N_SERIES; k++)
    {
      g_autofree char *km2 = dm_chart_format_km2 (d->km2[k]);

      values[k] = g_strdup_printf (_("%s km²"), km2);
      label_w = MAX (label_w, text_width (cr, dm_chart_series_label (k), 11 * l->s, FALSE));
      value_w = MAX (value_w, text_width (cr, values[k], 11 * l->s, TRUE));
    }

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.8);
  cairo_set_line_width (cr, 1 * l->s);
  cairo_move_to (cr, round (x) + 0.5, l->total_y0);
  cairo_line_to (cr, round (x) + 0.5, l->region_y1);
  dm_draw_stroke (cr);
  for (DmChartSeries k = 0; k < DM_CHART_N_SERIES; k++)
    {
      const SeriesStyle *st = &series_styles[k];

      cairo_arc (cr, x, y_of (l, k, d->km2[k]), 4.5 * l->s, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      dm_draw_fill_preserve (cr);
      cairo_set_source_rgb (cr, st->r, st->g, st->b);
      cairo_set_line_width (cr, 2 * l->s);
      dm_draw_stroke (cr);
    }

  box_w = 10 * l->s + 32 * l->s + label_w + 12 * l->s + value_w + 10 * l->s;
  box_h = 8 * l->s + 18 * l->s + DM_CHART_N_SERIES * line_h + 8 * l->s;
  bx = x + 12 * l->s;
  if (bx + box_w > l->width - 4 * l->s)
    bx = x - 12 * l->s - box_w;
  by = l->total_y0;
  cairo_rectangle (cr, bx, by, box_w, box_h);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  dm_draw_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  dm_draw_stroke (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (cr, d->date, 12 * l->s, TRUE, bx + 10 * l->s, by + 6 * l->s, 0);
  for (DmChartSeries k = 0; k < DM_CHART_N_SERIES; k++)
    {
      double y = by + 8 * l->s + 18 * l->s + k * line_h;

      draw_swatch (cr, l, k, bx + 10 * l->s, y + 7 * l->s);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_text (cr, dm_chart_series_label (k), 11 * l->s, FALSE, bx + 42 * l->s, y, 0);
      show_text (cr, values[k], 11 * l->s, TRUE, bx + box_w - 10 * l->s, y, 1.0);
      g_free (values[k]);
    }
  cairo_restore (cr);
}

void
dm_chart_draw (DmChart *self,
               cairo_t *cr,
               double   width,
               double   height,
               double   scale,
               int      hover)
{
  Layout l;
  g_autofree char *subtitle = NULL;
  guint n = self->days->len;
  guint symbol_every;

  cairo_save (cr);
  compute_layout (self, cr, width, height, scale, &l);

  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  dm_draw_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (cr, _("Russian-held land in Ukraine, km²"), 17 * l.s, TRUE, 16 * l.s, l.title_y, 0);
  if (n > 0)
    {
      const DmChartDay *first = &g_array_index (self->days, DmChartDay, 0);
      const DmChartDay *last = &g_array_index (self->days, DmChartDay, n - 1);
      g_autofree char *now = dm_chart_format_km2 (last->km2[DM_CHART_SERIES_TOTAL]);
      double delta = last->km2[DM_CHART_SERIES_TOTAL] - first->km2[DM_CHART_SERIES_TOTAL];
      g_autofree char *change = dm_chart_format_km2 (fabs (delta));

      g_autofree char *step = self->every == 1
        ? g_strdup (_("every day"))
        : g_strdup_printf (_("every %u days"), self->every);

      subtitle = g_strdup_printf (_("%s km² on %s: %s%s km² since %s. DeepStateMap’s line of "
                                    "contact, %s from %s to %s."),
                                  now, last->date, delta < 0 ? "−" : "+", change, first->date,
                                  step, self->from, self->to);
    }
  else
    subtitle = g_strdup_printf (_("DeepStateMap’s line of contact, from %s to %s."),
                                self->from, self->to);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  show_text (cr, subtitle, 11 * l.s, FALSE, 16 * l.s, l.subtitle_y, 0);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show_text (cr, _("All occupied land (axis from 0)"), 11 * l.s, TRUE, l.x0, l.total_y0 - 17 * l.s, 0);
  show_text (cr, _("By region (axis from 0)"), 11 * l.s, TRUE, l.x0, l.region_y0 - 17 * l.s, 0);

  dm_draw_group_begin (cr, "axes", _("Axes"));
  draw_y_axis (cr, &l, l.total_y0, l.total_y1, l.total_max, l.total_step, DM_CHART_SERIES_TOTAL);
  draw_y_axis (cr, &l, l.region_y0, l.region_y1, l.region_max, l.region_step,
               DM_CHART_SERIES_REGION);
  draw_x_axis (cr, &l);
  dm_draw_group_end (cr);

  draw_markers (self, cr, &l);

  /* About one symbol per 48 px of line. */
  symbol_every = n > 1 ? MAX (1, (guint) ceil (n * 48 * l.s / MAX (l.x1 - l.x0, 1))) : 1;
  for (DmChartSeries k = 0; k < DM_CHART_N_SERIES; k++)
    draw_series (self, cr, &l, k, symbol_every);

  draw_legend (cr, &l);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  show_text (cr, _("Line of contact: DeepStateMap"), 10 * l.s, FALSE, width - 16 * l.s,
             height - 18 * l.s, 1.0);

  if (hover >= 0 && (guint) hover < n)
    draw_hover (self, cr, &l, hover);
  cairo_restore (cr);
}

/* Hit testing needs the layout, which needs text metrics: a scratch
 * cairo_t on a 1×1 image gives the same pango metrics as the screen's
 * (both unhinted through pangocairo's default font map). */
static void
layout_at (DmChart *self,
           double   width,
           double   height,
           double   scale,
           Layout  *l)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  compute_layout (self, cr, width, height, scale, l);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
dm_chart_day_at (DmChart *self,
                 double   width,
                 double   height,
                 double   scale,
                 double   x)
{
  Layout l;
  int best = -1;
  double best_d = G_MAXDOUBLE;

  if (self->days->len == 0)
    return -1;
  layout_at (self, width, height, scale, &l);
  if (x < l.x0 - 8 * l.s || x > l.x1 + 8 * l.s)
    return -1;
  for (guint i = 0; i < self->days->len; i++)
    {
      double d = fabs (x_of_jd (&l, _dm_chart_julian (g_array_index (self->days, DmChartDay, i).date)) - x);

      if (d < best_d)
        {
          best_d = d;
          best = (int) i;
        }
    }
  return best;
}

double
dm_chart_x_of_date (DmChart    *self,
                    double      width,
                    double      height,
                    double      scale,
                    const char *date)
{
  Layout l;

  layout_at (self, width, height, scale, &l);
  return x_of_jd (&l, _dm_chart_julian (date));
}
