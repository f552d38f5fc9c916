/* dm-stats.c: turns a partition and a scenario into areas by status and what changes hands. */
#include "config.h"

#include <string.h>

#include "dm-stats.h"

GArray *
dm_stats_rows (DmPartition *partition,
               DmScenario  *scenario)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (DmStatsRow));

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    {
      DmStatsRow total = { r, DM_PART_ALL, DM_STATUS_OPEN, TRUE, 0.0 };

      for (DmPart p = 0; p < DM_N_PARTS; p++)
        {
          DmStatsRow row = { r, p, dm_scenario_get_status (scenario, r, p), FALSE,
                             dm_partition_get_area (partition, r, p) };

          if (!dm_partition_has_part (partition, r, p))
            continue;
          g_array_append_val (rows, row);
          total.area_km2 += row.area_km2;
        }
      g_array_append_val (rows, total);
    }
  return rows;
}

/* Compared with the line of contact at the partition's date. */
void
dm_stats_handover (DmPartition *partition,
                   DmScenario  *scenario,
                   DmHandover  *out)
{
  memset (out, 0, sizeof *out);

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        DmOutcome outcome = dm_status_outcome (dm_scenario_get_status (scenario, r, p), p);
        double area;

        if (!dm_partition_has_part (partition, r, p))
          continue;
        area = dm_partition_get_area (partition, r, p);
        if (p == DM_PART_UKRAINIAN_HELD && outcome == DM_OUTCOME_RUSSIA)
          out->ua_to_russia += area;
        else if (p == DM_PART_UKRAINIAN_HELD && outcome == DM_OUTCOME_NEUTRAL)
          out->ua_to_neutral += area;
        else if (p == DM_PART_RUSSIAN_HELD && outcome == DM_OUTCOME_UKRAINE)
          out->ru_to_ukraine += area;
        else if (p == DM_PART_RUSSIAN_HELD && outcome == DM_OUTCOME_NEUTRAL)
          out->ru_to_neutral += area;
      }
}

gboolean
dm_part_changes_hands (DmScenario *scenario,
                       DmRegion    region,
                       DmPart      part)
{
  DmOutcome outcome = dm_status_outcome (dm_scenario_get_status (scenario, region, part), part);

  switch (outcome)
    {
    case DM_OUTCOME_RUSSIA:   return part == DM_PART_UKRAINIAN_HELD;
    case DM_OUTCOME_UKRAINE:  return part == DM_PART_RUSSIAN_HELD;
    case DM_OUTCOME_NEUTRAL:  return TRUE;
    case DM_OUTCOME_AS_NOW:
    default:                  return FALSE;
    }
}

GArray *
dm_stats_differences (DmPartition *partition,
                      DmScenario  *a,
                      DmScenario  *b)
{
  GArray *diffs = g_array_new (FALSE, TRUE, sizeof (DmDifference));

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        DmDifference d = { r, p, dm_scenario_get_status (a, r, p),
                           dm_scenario_get_status (b, r, p),
                           dm_partition_get_area (partition, r, p) };

        if (dm_partition_has_part (partition, r, p) && d.status_a != d.status_b)
          g_array_append_val (diffs, d);
      }
  return diffs;
}
