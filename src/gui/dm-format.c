/* dm-format.c: text the window gives a screen reader, worded once: the map's text alternative and part names. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-format.h"
#include "dm-number.h"
#include "dm-stats.h"

/* "Donetsk, Ukrainian-held part". */
char *
dm_format_part_name (DmRegion region,
                     DmPart   part)
{
  /* TRANSLATORS: a region and one of its parts, e.g. "Donetsk, Ukrainian-held part". */
  return g_strdup_printf (_("%s, %s"), dm_region_label (region), dm_part_label (part));
}

/* What the map shows, as a sentence per region part: "Donetsk,
 * Ukrainian-held part: Demilitarised zone, 6,004 km²." The parts and
 * areas are the ones the sidebar and Measures list (slivers left out),
 * from the same partition. */
char *
dm_format_map_description (DmScenario  *scenario,
                           DmPartition *partition)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (scenario == NULL || partition == NULL)
    return g_strdup (_("The map is loading."));
  title = dm_scenario_get_title (scenario);
  g_string_append_printf (s, _("%s, against the line of contact of %s."), title,
                          dm_partition_get_date (partition));
  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        g_autofree char *name = NULL, *area = NULL;

        if (!dm_partition_has_part (partition, r, p) || dm_partition_is_sliver (partition, r, p))
          continue;
        name = dm_format_part_name (r, p);
        area = dm_number_format_area (dm_partition_get_area (partition, r, p));
        g_string_append_c (s, ' ');
        /* TRANSLATORS: a region part, its status (and whether the user
         * edited it) and its area: "Donetsk, Ukrainian-held part:
         * Demilitarised zone, 6,004 km²." */
        g_string_append_printf (s, _("%s: %s%s, %s."), name,
                                dm_status_label (dm_scenario_get_status (scenario, r, p)),
                                dm_scenario_is_edited (scenario, r, p) ? _(" (your edit)") : "",
                                area);
      }
  return g_string_free (g_steal_pointer (&s), FALSE);
}
