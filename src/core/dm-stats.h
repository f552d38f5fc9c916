/* dm-stats.h: areas by region, part and status; what changes hands against the line of contact. */
#pragma once

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

GArray      *dm_stats_rows          (DmPartition *partition,
                                     DmScenario  *scenario);
void         dm_stats_handover      (DmPartition *partition,
                                     DmScenario  *scenario,
                                     DmHandover  *out);
GArray      *dm_stats_differences   (DmPartition *partition,
                                     DmScenario  *a,
                                     DmScenario  *b);
gboolean     dm_part_changes_hands  (DmScenario  *scenario,
                                     DmRegion     region,
                                     DmPart       part);

G_END_DECLS
