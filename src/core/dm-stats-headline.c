/* dm-stats-headline.c: one sentence saying whose land would pass to whom against the line of contact. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-number.h"
#include "dm-stats.h"

/* Slivers where two datasets' edges disagree are not worth a word; the
 * tables still carry them. */
#define HEADLINE_MIN_KM2 1.0

typedef struct
{
  DmPart      from;  /* the side that holds the land now */
  DmHolder    to;
  const char *verb;
} Change;

static const char *
part_adjective (DmPart part)
{
  return part == DM_PART_RUSSIAN_HELD ? _("Russian-held") : _("Ukrainian-held");
}

/* "6,004 km² of Ukrainian-held Donetsk (unclear) and 94 km² of
 * Ukrainian-held Luhansk would pass to Russia" for one kind of change, or
 * NULL when no part makes it. A demilitarised zone says, from its clause's
 * note, who would administer or own it. */
static char *
change_clause (DmPartition  *partition,
               DmScenario   *scenario,
               const Change *change,
               gboolean     *any_unclear)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) s = NULL;

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    {
      double area = dm_partition_get_area (partition, r, change->from);
      const DmClause *clause = dm_scenario_get_clause (scenario, r, change->from);
      g_autofree char *number = NULL;
      gboolean unclear;
      GString *item;

      /* No change is listed with its own side as the new holder. */
      if (area < HEADLINE_MIN_KM2 || dm_part_holder (scenario, r, change->from) != change->to)
        continue;
      unclear = dm_part_certainty (scenario, r, change->from) == DM_CERTAINTY_UNCLEAR;
      *any_unclear |= unclear;
      item = g_string_new (NULL);
      number = dm_number_format (area);
      g_string_append_printf (item, _("%s km² of %s %s"), number, part_adjective (change->from),
                              dm_region_label (r));
      if (change->to == DM_HOLDER_DMZ && !dm_scenario_is_edited (scenario, r, change->from) &&
          clause != NULL && clause->note != NULL && *clause->note != '\0')
        {
          /* The note is a sentence; inside the parentheses it ends bare. */
          gsize len = strlen (clause->note);

          while (len > 0 && clause->note[len - 1] == '.')
            len--;
          g_string_append_printf (item, " (%.*s)", (int) len, clause->note);
        }
      if (unclear)
        g_string_append_printf (item, " [%s]", _("unclear"));
      g_ptr_array_add (items, g_string_free (item, FALSE));
    }
  if (items->len == 0)
    return NULL;

  s = g_string_new (NULL);
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == items->len ? _(" and ") : ", ");
      g_string_append (s, g_ptr_array_index (items, i));
    }
  g_string_append_printf (s, " %s", change->verb);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Every category that matters in one sentence, e.g. "Against the line of
 * contact of 2025-11-20, 6,004 km² of Ukrainian-held Donetsk (…recognised
 * as Russian…) would become a demilitarised zone; …". */
char *
dm_stats_headline (DmPartition *partition,
                   DmScenario  *scenario)
{
  const Change changes[] = {
    { DM_PART_UKRAINIAN_HELD, DM_HOLDER_RUSSIA, _("would pass to Russia") },
    { DM_PART_UKRAINIAN_HELD, DM_HOLDER_DMZ, _("would become a demilitarised zone") },
    { DM_PART_RUSSIAN_HELD, DM_HOLDER_UKRAINE, _("would return to Ukraine") },
    { DM_PART_RUSSIAN_HELD, DM_HOLDER_DMZ, _("would become a demilitarised zone") },
    { DM_PART_UKRAINIAN_HELD, DM_HOLDER_UNDECIDED, _("would be left undecided") },
    { DM_PART_RUSSIAN_HELD, DM_HOLDER_UNDECIDED, _("would be left undecided") },
  };
  g_autoptr(GString) s = g_string_new (NULL);
  gboolean any_unclear = FALSE;
  guint n = 0;

  g_string_append_printf (s, _("Against the line of contact of %s, "),
                          dm_partition_get_date (partition));
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *clause = change_clause (partition, scenario, &changes[i], &any_unclear);

      if (clause == NULL)
        continue;
      if (n++ > 0)
        g_string_append (s, "; ");
      g_string_append (s, clause);
    }
  if (n == 0)
    g_string_append (s, _("no land would change hands"));
  g_string_append_c (s, '.');
  if (any_unclear)
    g_string_append_printf (s, " %s",
                            _("Figures marked [unclear] rest on clauses whose reports conflict "
                              "or are silent."));
  return g_string_free (g_steal_pointer (&s), FALSE);
}
