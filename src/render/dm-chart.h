/* dm-chart.h: occupied km² over time, in total and by region, with the proposals' days marked, painted onto any cairo_t. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "dm-catalog.h"
#include "dm-geodata.h"
#include "dm-types.h"

G_BEGIN_DECLS

/* The series: the total, one per region of the five (DM_CHART_SERIES_REGION
 * + r), and the four oblasts beyond them together, whose pockets are too
 * small to read apart on the same axis. */
typedef enum
{
  DM_CHART_SERIES_TOTAL,
  DM_CHART_SERIES_REGION,
  DM_CHART_SERIES_OTHER = DM_CHART_SERIES_REGION + DM_N_FIVE_REGIONS,
  DM_CHART_N_SERIES
} DmChartSeries;

#define DM_CHART_SERIES_OF_REGION(r) \
  ((r) < DM_N_FIVE_REGIONS ? DM_CHART_SERIES_REGION + (r) : DM_CHART_SERIES_OTHER)

typedef enum
{
  DM_CHART_PNG,
  DM_CHART_SVG,
  DM_CHART_CSV,
} DmChartFormat;

typedef struct
{
  char   *date;                      /* YYYY-MM-DD */
  double  km2[DM_CHART_N_SERIES];    /* Russian-held km² */
} DmChartDay;

/* Proposal markers are drawn in this colour (tests look for it). */
#define DM_CHART_MARKER_RGB 0x8f, 0x3b, 0x76

typedef struct _DmChart DmChart;

#define DM_TYPE_CHART (dm_chart_get_type ())
GType dm_chart_get_type (void) G_GNUC_CONST;

/* The x axis spans from..to whatever days have been added, so a chart
 * filling in as its days are computed does not jump. every is only said
 * (legend, CSV name, description). */
DmChart          *dm_chart_new          (const char     *from,
                                         const char     *to,
                                         guint           every);
DmChart          *dm_chart_ref          (DmChart        *self);
void              dm_chart_unref        (DmChart        *self);
/* Appends the days of a DmSeriesDay array (dm_series_compute), in order:
 * each region's Russian-held part, and the total. */
void              dm_chart_add_series   (DmChart        *self,
                                         GPtrArray      *series_days);
void              dm_chart_add_day      (DmChart        *self,
                                         const char     *date,
                                         const double    km2[DM_CHART_N_SERIES]);
void              dm_chart_add_marker   (DmChart        *self,
                                         const char     *date,
                                         const char     *label);
guint             dm_chart_get_n_days   (DmChart        *self);
const DmChartDay *dm_chart_get_day      (DmChart        *self,
                                         guint           index);
const char       *dm_chart_get_from     (DmChart        *self);
const char       *dm_chart_get_to       (DmChart        *self);
guint             dm_chart_get_every    (DmChart        *self);
const char       *dm_chart_series_label (DmChartSeries   series);

/* Each proposal (not the baselines) at the day it is shown against, by
 * its short title. */
void              dm_chart_add_proposals (DmChart       *self,
                                          DmCatalog     *catalog);

/* Called from the worker thread after each batch of days, in date order,
 * with that batch: copy what you keep. */
typedef void (*DmChartProgressFunc) (const DmChartDay *days,
                                     guint             n_days,
                                     guint             done,
                                     guint             total,
                                     gpointer          user_data);

/* The chart of from..to, every Nth day, with the proposals marked: the
 * numbers `stats --from --to --every` gives (the line of contact's own
 * figures, whichever proposal: a proposal does not change what is held).
 * Blocking and slow (a tenth of a second a day per processor): call it
 * from a thread. progress may be NULL. */
DmChart          *dm_chart_compute      (DmCatalog      *catalog,
                                         DmGeodata      *geodata,
                                         const char     *from,
                                         const char     *to,
                                         guint           every,
                                         DmChartProgressFunc progress,
                                         gpointer        user_data,
                                         GCancellable   *cancellable,
                                         GError        **error);

/* Paints the chart onto cr in a width × height box at the origin; type
 * and lines are scale times their screen size. hover: the index of a day
 * to mark and read out, or -1. Safe from any thread on a chart nobody is
 * adding to. */
void              dm_chart_draw         (DmChart        *self,
                                         cairo_t        *cr,
                                         double          width,
                                         double          height,
                                         double          scale,
                                         int             hover);
/* The day whose point is nearest x in a chart drawn at that size, or -1
 * when x is outside the plot or there are no days. */
int               dm_chart_day_at       (DmChart        *self,
                                         double          width,
                                         double          height,
                                         double          scale,
                                         double          x);
/* The x of a date in a chart drawn at that size. */
double            dm_chart_x_of_date    (DmChart        *self,
                                         double          width,
                                         double          height,
                                         double          scale,
                                         const char     *date);
/* What the chart shows, in sentences, for screen readers and alt text. */
char             *dm_chart_describe     (DmChart        *self);
/* One row a day: date,total,crimea,…,other (km², one decimal, as stats). */
GString          *dm_chart_csv          (DmChart        *self);
/* Writes PNG (width × height pixels), SVG (that many CSS pixels, text as
 * <text>) or CSV atomically; the error names the file. Blocking. */
gboolean          dm_chart_write        (DmChart        *self,
                                         DmChartFormat   format,
                                         const char     *path,
                                         int             width,
                                         int             height,
                                         GError        **error);
gboolean          dm_chart_format_from_string (const char    *str,
                                               DmChartFormat *format);
/* Type and lines for a page of that size: 1 at 1200 × 700. */
double            dm_chart_scale_for_size (int           width,
                                           int           height);
/* 113 412, with the locale's thousands separator (a no-break space when it
 * has none). */
char             *dm_chart_format_km2   (double          km2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmChart, dm_chart_unref)

G_END_DECLS
