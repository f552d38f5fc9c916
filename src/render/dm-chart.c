/* dm-chart.c: the chart of the front's figures: occupied km² by day, computed, described, and written as PNG, SVG or CSV. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-chart-private.h"
#include "dm-draw.h"
#include "dm-error.h"
#include "dm-file.h"
#include "dm-number.h"
#include "dm-png.h"
#include "dm-series.h"
#include "dm-stats.h"

G_DEFINE_BOXED_TYPE (DmChart, dm_chart, dm_chart_ref, dm_chart_unref)

static void
marker_clear (gpointer data)
{
  Marker *m = data;

  g_free (m->date);
  g_free (m->label);
}

static void
day_clear (gpointer data)
{
  g_free (((DmChartDay *) data)->date);
}

DmChart *
dm_chart_new (const char *from,
              const char *to,
              guint       every)
{
  DmChart *self = g_new0 (DmChart, 1);

  g_atomic_ref_count_init (&self->ref);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->every = MAX (every, 1);
  self->days = g_array_new (FALSE, TRUE, sizeof (DmChartDay));
  g_array_set_clear_func (self->days, day_clear);
  self->markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  g_array_set_clear_func (self->markers, marker_clear);
  return self;
}

DmChart *
dm_chart_ref (DmChart *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
dm_chart_unref (DmChart *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (self->from);
  g_free (self->to);
  g_array_unref (self->days);
  g_array_unref (self->markers);
  g_free (self);
}

void
dm_chart_add_day (DmChart      *self,
                  const char   *date,
                  const double  km2[DM_CHART_N_SERIES])
{
  DmChartDay day = { g_strdup (date), { 0 } };

  memcpy (day.km2, km2, sizeof day.km2);
  g_array_append_val (self->days, day);
}

/* The same figures `stats --from --to` prints: each region's
 * Russian-held row, and the day's occupied total. */
void
dm_chart_add_series (DmChart   *self,
                     GPtrArray *series_days)
{
  for (guint i = 0; i < series_days->len; i++)
    {
      const DmSeriesDay *sd = g_ptr_array_index (series_days, i);
      double km2[DM_CHART_N_SERIES] = { 0 };

      km2[DM_CHART_SERIES_TOTAL] = sd->occupied_km2;
      for (guint r = 0; r < sd->rows->len; r++)
        {
          const DmStatsRow *row = &g_array_index (sd->rows, DmStatsRow, r);

          if (!row->is_total && row->part == DM_PART_RUSSIAN_HELD)
            km2[DM_CHART_SERIES_OF_REGION (row->region)] += row->area_km2;
        }
      dm_chart_add_day (self, sd->date, km2);
    }
}

void
dm_chart_add_proposals (DmChart   *self,
                        DmCatalog *catalog)
{
  GPtrArray *proposals = dm_catalog_get_proposals (catalog);

  for (guint i = 0; i < proposals->len; i++)
    {
      DmProposal *p = g_ptr_array_index (proposals, i);
      g_autofree char *day = NULL;

      if (dm_proposal_is_baseline (p))
        continue;
      day = dm_catalog_proposal_day (catalog, p, NULL);
      if (day != NULL)
        dm_chart_add_marker (self, day, dm_proposal_get_short_title (p));
    }
}

/* Days go to dm_series_compute a few at a time, so progress can be told
 * and a cancel is heard within a second; each batch keeps every
 * processor busy. */
DmChart *
dm_chart_compute (DmCatalog           *catalog,
                  DmGeodata           *geodata,
                  const char          *from,
                  const char          *to,
                  guint                every,
                  DmChartProgressFunc  progress,
                  gpointer             user_data,
                  GCancellable        *cancellable,
                  GError             **error)
{
  DmProposal *baseline = dm_catalog_find_proposal (catalog, "line-of-contact");
  g_autoptr(DmScenario) scenario = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(DmChart) chart = NULL;
  guint batch = 4 * g_get_num_processors ();

  if (baseline == NULL)
    baseline = g_ptr_array_index (dm_catalog_get_proposals (catalog), 0);
  scenario = dm_scenario_new (baseline);
  days = dm_series_days (catalog, from, to, every, error);
  if (days == NULL)
    return NULL;
  chart = dm_chart_new (from, to, every);
  dm_chart_add_proposals (chart, catalog);
  for (guint start = 0; start < days->len; start += batch)
    {
      g_autoptr(GPtrArray) some = g_ptr_array_new ();
      g_autoptr(GPtrArray) series = NULL;
      guint first = chart->days->len;

      for (guint i = start; i < MIN (start + batch, days->len); i++)
        g_ptr_array_add (some, g_ptr_array_index (days, i));
      series = dm_series_compute (catalog, geodata, scenario, some, 0, cancellable, error);
      if (series == NULL)
        return NULL;
      dm_chart_add_series (chart, series);
      if (progress != NULL)
        progress (&g_array_index (chart->days, DmChartDay, first), chart->days->len - first,
                  chart->days->len, days->len, user_data);
    }
  return g_steal_pointer (&chart);
}

static int
marker_cmp (gconstpointer a,
            gconstpointer b)
{
  return strcmp (((const Marker *) a)->date, ((const Marker *) b)->date);
}

void
dm_chart_add_marker (DmChart    *self,
                     const char *date,
                     const char *label)
{
  Marker m = { g_strdup (date), g_strdup (label) };

  g_array_append_val (self->markers, m);
  g_array_sort (self->markers, marker_cmp);
}

guint
dm_chart_get_n_days (DmChart *self)
{
  return self->days->len;
}

const DmChartDay *
dm_chart_get_day (DmChart *self,
                  guint    index)
{
  g_return_val_if_fail (index < self->days->len, NULL);
  return &g_array_index (self->days, DmChartDay, index);
}

const char *
dm_chart_get_from (DmChart *self)
{
  return self->from;
}

const char *
dm_chart_get_to (DmChart *self)
{
  return self->to;
}

guint
dm_chart_get_every (DmChart *self)
{
  return self->every;
}

const char *
dm_chart_series_label (DmChartSeries series)
{
  if (series == DM_CHART_SERIES_TOTAL)
    return _("All occupied land");
  g_return_val_if_fail (series < DM_CHART_N_SERIES, NULL);
  if (series == DM_CHART_SERIES_OTHER)
    return dm_region_label (DM_REGION_OTHER);
  return dm_region_label (series - DM_CHART_SERIES_REGION);
}

/* Thousands grouped as everywhere else a person reads a figure. */
char *
dm_chart_format_km2 (double km2)
{
  return dm_number_format (km2);
}

int
_dm_chart_julian (const char *date)
{
  int y, m, d;
  GDate gd;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return 0;
  g_date_clear (&gd, 1);
  g_date_set_dmy (&gd, d, m, y);
  return (int) g_date_get_julian (&gd);
}

char *
dm_chart_describe (DmChart *self)
{
  GString *out = g_string_new (NULL);
  guint n = self->days->len;

  g_string_append_printf (out, _("Chart of Russian-held land in Ukraine by DeepStateMap's line of "
                                 "contact, from %s to %s, every %u days: %u days."),
                          self->from, self->to, self->every, n);
  if (n > 0)
    {
      const DmChartDay *first = &g_array_index (self->days, DmChartDay, 0);
      const DmChartDay *last = &g_array_index (self->days, DmChartDay, n - 1);

      for (DmChartSeries k = 0; k < DM_CHART_N_SERIES; k++)
        {
          g_autofree char *a = dm_chart_format_km2 (first->km2[k]);
          g_autofree char *b = dm_chart_format_km2 (last->km2[k]);
          g_autofree char *c = dm_chart_format_km2 (fabs (last->km2[k] - first->km2[k]));

          g_string_append_printf (out, _(" %s: %s km² on %s, %s km² on %s (%s%s)."),
                                  dm_chart_series_label (k), a, first->date, b, last->date,
                                  last->km2[k] < first->km2[k] ? "−" : "+", c);
        }
    }
  if (self->markers->len > 0)
    {
      g_string_append (out, _(" Proposals marked:"));
      for (guint i = 0; i < self->markers->len; i++)
        {
          Marker *m = &g_array_index (self->markers, Marker, i);

          g_string_append_printf (out, "%s %s (%s)", i > 0 ? "," : "", m->label, m->date);
        }
      g_string_append_c (out, '.');
    }
  return g_string_free (out, FALSE);
}

GString *
dm_chart_csv (DmChart *self)
{
  GString *out = g_string_new ("date,total_km2");

  for (DmRegion r = 0; r < DM_N_FIVE_REGIONS; r++)
    g_string_append_printf (out, ",%s_km2", dm_region_to_string (r));
  /* Kharkiv, Sumy, Dnipropetrovsk and Mykolaiv oblasts together. */
  g_string_append (out, ",other_km2\n");
  for (guint i = 0; i < self->days->len; i++)
    {
      const DmChartDay *d = &g_array_index (self->days, DmChartDay, i);

      g_string_append (out, d->date);
      for (DmChartSeries k = 0; k < DM_CHART_N_SERIES; k++)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          /* One decimal as `stats` prints, and a point in any locale. */
          g_string_append_c (out, ',');
          g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.1f", d->km2[k]));
        }
      g_string_append_c (out, '\n');
    }
  return out;
}

double
dm_chart_scale_for_size (int width,
                         int height)
{
  return MAX (0.25, MIN (width / 1200.0, height / 700.0));
}

typedef struct
{
  DmChart       *chart;
  DmChartFormat  format;
  int            width, height;
} WriteJob;

static gboolean
write_chart (GOutputStream  *stream,
             gpointer        user_data,
             GCancellable   *cancellable,
             GError        **error)
{
  WriteJob *job = user_data;
  double scale = dm_chart_scale_for_size (job->width, job->height);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  if (job->format == DM_CHART_CSV)
    {
      g_autoptr(GString) csv = dm_chart_csv (job->chart);

      return g_output_stream_write_all (stream, csv->str, csv->len, NULL, cancellable, error);
    }
  if (job->format == DM_CHART_SVG)
    {
      g_autoptr(DmSvg) svg = dm_svg_new (job->width, job->height, "", job->width, job->height);
      GString *doc;

      surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                &(cairo_rectangle_t) { 0, 0, job->width,
                                                                       job->height });
      cr = cairo_create (surface);
      dm_draw_svg_attach (cr, svg);
      dm_chart_draw (job->chart, cr, job->width, job->height, scale, -1);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error_literal (error, DM_ERROR, DM_ERROR_IO, cairo_status_to_string (status));
          return FALSE;
        }
      doc = dm_svg_finish (svg);
      ok = g_output_stream_write_all (stream, doc->str, doc->len, NULL, cancellable, error);
      g_string_free (doc, TRUE);
      return ok;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, job->width, job->height);
  cr = cairo_create (surface);
  dm_chart_draw (job->chart, cr, job->width, job->height, scale, -1);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, DM_ERROR, DM_ERROR_IO, cairo_status_to_string (status));
      ok = FALSE;
    }
  else
    ok = dm_png_write (surface, stream, 6, FALSE, error);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
dm_chart_write (DmChart        *self,
                DmChartFormat   format,
                const char     *path,
                int             width,
                int             height,
                GError        **error)
{
  WriteJob job = { self, format, MAX (width, 100), MAX (height, 100) };

  return dm_file_write_atomic_stream (path, write_chart, &job, NULL, error);
}

gboolean
dm_chart_format_from_string (const char    *str,
                             DmChartFormat *format)
{
  const char *dot = str ? strrchr (str, '.') : NULL;
  const char *ext = dot ? dot + 1 : str;

  if (ext == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (ext, "png") == 0)
    *format = DM_CHART_PNG;
  else if (g_ascii_strcasecmp (ext, "svg") == 0)
    *format = DM_CHART_SVG;
  else if (g_ascii_strcasecmp (ext, "csv") == 0)
    *format = DM_CHART_CSV;
  else
    return FALSE;
  return TRUE;
}
