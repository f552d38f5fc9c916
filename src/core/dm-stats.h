/* dm-stats.h: areas by region, part and status; what changes hands, and the places in it. */
#pragma once

#include "dm-geodata.h"
#include "dm-partition.h"
#include "dm-scenario.h"

G_BEGIN_DECLS

/* How sure a part's status is: a DmCertainty, or DM_CERTAINTY_EDITED when
 * the user changed it (no report stands behind it then). */
#define DM_CERTAINTY_EDITED (-1)

typedef struct
{
  DmRegion  region;
  DmPart    part;      /* DM_PART_ALL for the region's total row */
  DmStatus  status;    /* meaningless on total rows, as are the fields below */
  gboolean  is_total;
  double    area_km2;
  int       certainty; /* DmCertainty or DM_CERTAINTY_EDITED */
  DmHolder  holder;
  /* Against the compared scenario when there is one, else the line of contact. */
  gboolean  has_compare;
  DmStatus  compare_status;
  int       compare_certainty;
  DmHolder  compare_holder;
  gboolean  changes_hands;
} DmStatsRow;

/* Against the line of contact: km² of each side's land by who would hold it. */
typedef struct
{
  double ua_to_russia;    /* Ukrainian-held km² that would pass to Russia */
  double ua_to_neutral;   /* Ukrainian-held km² that would become a DMZ */
  double ua_to_undecided; /* Ukrainian-held km² left to later talks or unpublished */
  double ru_to_ukraine;   /* Russian-held km² that Russia would give back */
  double ru_to_neutral;
  double ru_to_undecided;
  double unclear_km2;     /* of the changes above, on clauses whose certainty is unclear */
} DmHandover;

typedef struct
{
  DmRegion region;
  DmPart   part;
  DmStatus status_a;
  DmStatus status_b;
  double   area_km2;
  int      certainty_a;
  int      certainty_b;
  DmHolder holder_a;
  DmHolder holder_b;
  gboolean changes_hands; /* decided holders that differ */
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
  DmHolder       from_holder;    /* the line of contact's holder, or the compared scenario's */
  DmHolder       to_holder;      /* the (first) scenario's */
} DmStatsPlace;

typedef struct
{
  guint   n_places;
  guint64 population;           /* sum of the populations the data has */
  guint   n_unknown_population; /* places with population 0: not in the data */
} DmPlaceTotals;

GArray      *dm_stats_rows          (DmPartition *partition,
                                     DmScenario  *scenario);
GArray      *dm_stats_rows_compare  (DmPartition *partition,
                                     DmScenario  *scenario,
                                     DmScenario  *compare);
GArray      *dm_stats_by_status     (DmPartition *partition,
                                     DmScenario  *scenario);
void         dm_stats_handover      (DmPartition *partition,
                                     DmScenario  *scenario,
                                     DmHandover  *out);
GArray      *dm_stats_differences   (DmPartition *partition,
                                     DmScenario  *a,
                                     DmScenario  *b,
                                     gboolean     by_status);
DmHolder     dm_part_holder         (DmScenario  *scenario,
                                     DmRegion     region,
                                     DmPart       part);
int          dm_part_certainty      (DmScenario  *scenario,
                                     DmRegion     region,
                                     DmPart       part);
const char  *dm_part_certainty_to_string (int     certainty);
const char  *dm_part_certainty_word      (int     certainty);
gboolean     dm_parts_differ        (DmScenario  *a,
                                     DmScenario  *b,
                                     DmRegion     region,
                                     DmPart       part,
                                     gboolean     by_status);
gboolean     dm_holders_change_hands (DmHolder   from,
                                      DmHolder   to);
gboolean     dm_part_changes_hands  (DmScenario  *scenario,
                                     DmRegion     region,
                                     DmPart       part);
char        *dm_stats_headline      (DmPartition *partition,
                                     DmScenario  *scenario);

GPtrArray   *dm_stats_places_changing_hands (DmPartition   *partition,
                                             DmScenario    *scenario,
                                             DmGeodata     *geodata);
GPtrArray   *dm_stats_places_differing      (DmPartition   *partition,
                                             DmScenario    *a,
                                             DmScenario    *b,
                                             DmGeodata     *geodata);
void         dm_stats_place_totals          (GPtrArray     *places,
                                             DmPlaceTotals *out);

GString     *dm_stats_csv           (const char  *proposal,
                                     const char  *compare_proposal,
                                     const char  *date,
                                     GArray      *rows);
void         dm_stats_csv_append_rows (GString   *out,
                                     const char  *proposal,
                                     const char  *compare_proposal,
                                     const char  *date,
                                     GArray      *rows);
GString     *dm_stats_places_csv    (const char  *proposal,
                                     const char  *compare_proposal,
                                     const char  *date,
                                     GPtrArray   *places);

G_END_DECLS
