/* dm-series.h: a proposal's per-part table for every day of a range, computed on every core. */
#pragma once

#include "dm-catalog.h"
#include "dm-geodata.h"
#include "dm-scenario.h"

G_BEGIN_DECLS

typedef struct
{
  char   *date;
  GArray *rows;          /* DmStatsRow, as dm_stats_rows () gives them */
  double  occupied_km2;  /* the day's control area inside Ukraine */
} DmSeriesDay;

GPtrArray *dm_series_days    (DmCatalog    *catalog,
                              const char   *from,
                              const char   *to,
                              guint         every,
                              GError      **error);
GPtrArray *dm_series_compute (DmCatalog    *catalog,
                              DmGeodata    *geodata,
                              DmScenario   *scenario,
                              GPtrArray    *days,
                              guint         n_threads,
                              GCancellable *cancellable,
                              GError      **error);

G_END_DECLS
