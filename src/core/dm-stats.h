/* dm-stats.h: areas by region, part and status; what changes hands, and the places in it. */
#pragma once

#include "dm-geodata.h"
#include "dm-partition.h"
#include "dm-scenario.h"

G_BEGIN_DECLS

typedef struct
{
  DmRegion  region;
  DmPart    part;      /* DM_PART_ALL for the region's total row */
  DmStatus  status;    /* meaningless on total rows */
  gboolean  is_total;
  double    area_km2;
} DmStatsRow;

typedef struct
{
  double ua_to_russia;   /* Ukrainian-held km² that would pass to Russia */
  double ua_to_neutral;  /* Ukrainian-held km² that would become a DMZ */
  double ru_to_ukraine;  /* Russian-held km² that Russia would give back */
  double ru_to_neutral;
} DmHandover;

typedef struct
{
  DmRegion region;
  DmPart   part;
  DmStatus status_a;
  DmStatus status_b;
  double   area_km2;
} DmDifference;

/* One status of a proposal: its area in each region (both parts) and in all. */
typedef struct
{
  DmStatus  status;
  double    area_km2;
  double    region_km2[DM_N_REGIONS];
} DmStatusArea;

/* A bundled place inside a region part that a measure selected; the arrays
 * of them borrow the places from the geodata, which must outlive them. */
typedef struct
{
  const DmPlace *place;          /* borrowed from the geodata */
  DmRegion       region;
  DmPart         part;
  DmStatus       status;         /* under the scenario (the first, when comparing) */
  DmStatus       compare_status; /* under the second scenario; equals status otherwise */
} DmStatsPlace;

typedef struct
{
  guint   n_places;
  guint64 population;           /* sum of the populations the data has */
  guint   n_unknown_population; /* places with population 0: not in the data */
} DmPlaceTotals;

GArray      *dm_stats_rows          (DmPartition *partition,
                                     DmScenario  *scenario);
GArray      *dm_stats_by_status     (DmPartition *partition,
                                     DmScenario  *scenario);
void         dm_stats_handover      (DmPartition *partition,
                                     DmScenario  *scenario,
                                     DmHandover  *out);
GArray      *dm_stats_differences   (DmPartition *partition,
                                     DmScenario  *a,
                                     DmScenario  *b);
DmOutcome    dm_part_holder         (DmScenario  *scenario,
                                     DmRegion     region,
                                     DmPart       part);
gboolean     dm_part_changes_hands  (DmScenario  *scenario,
                                     DmRegion     region,
                                     DmPart       part);

GPtrArray   *dm_stats_places_changing_hands (DmPartition   *partition,
                                             DmScenario    *scenario,
                                             DmGeodata     *geodata);
GPtrArray   *dm_stats_places_differing      (DmPartition   *partition,
                                             DmScenario    *a,
                                             DmScenario    *b,
                                             DmGeodata     *geodata);
void         dm_stats_place_totals          (GPtrArray     *places,
                                             DmPlaceTotals *out);

GString     *dm_stats_csv           (GArray      *rows,
                                     GArray      *diffs,
                                     GPtrArray   *places);

G_END_DECLS
