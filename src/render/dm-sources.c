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

  dm_sources_append (list, dm_proposal_get_sources (proposal), NULL);
  g_string_append (s, list->str);
  if (dm_scenario_get_modified (scenario))
    g_string_append (s, _(". Modified by the user: edited parts follow no source."));
  return g_string_free (s, FALSE);
}

char *
dm_sources_attribution (DmPartition *partition)
{
  return g_strdup_printf (_("Boundaries and basemap: Natural Earth (public domain). Places: "
                            "GeoNames (CC BY 4.0). Line of contact %s: %s."),
                          dm_partition_get_date (partition), dm_partition_get_source (partition));
}
