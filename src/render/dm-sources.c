/* dm-sources.c: "Sources: Axios (2025-11-20); …" and the data attribution line. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-sources.h"

/* Unique sources cited by the clauses, in the order the proposal lists them. */
char *
dm_sources_summary (DmScenario *scenario)
{
  DmProposal *proposal = dm_scenario_get_proposal (scenario);
  g_autoptr(GString) list = g_string_new (NULL);
  GString *s = g_string_new (_("Sources: "));

  dm_sources_append (list, dm_proposal_get_sources (proposal), NULL, NULL);
  g_string_append (s, list->str);
  if (dm_scenario_get_modified (scenario))
    g_string_append (s, _(". Modified by the user: edited parts follow no source."));
  return g_string_free (s, FALSE);
}

/* "Line of contact: DeepStateMap, 2025-11-20": the credit its source asks
 * for wherever the line is shown or exported. */
char *
dm_sources_line_credit (DmPartition *partition)
{
  return g_strdup_printf (_("Line of contact: %s, %s"), dm_partition_get_source (partition),
                          dm_partition_get_date (partition));
}

char *
dm_sources_attribution (DmPartition *partition)
{
  g_autofree char *line = dm_sources_line_credit (partition);

  return g_strdup_printf (_("Boundaries and basemap: Natural Earth (public domain). Places: "
                            "GeoNames (CC BY 4.0). %s."), line);
}
