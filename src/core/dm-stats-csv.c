/* dm-stats-csv.c: the statistics as RFC 4180 CSV, shared by the command line and the window. */
#include "config.h"

#include <string.h>

#include "dm-stats.h"

/* RFC 4180: a field with a comma, quote or line break is quoted. */
static void
append_field (GString    *out,
              const char *text)
{
  g_autoptr(GString) quoted = NULL;

  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  quoted = g_string_new (text);
  g_string_replace (quoted, "\"", "\"\"", 0);
  g_string_append_printf (out, "\"%s\"", quoted->str);
}

/* After a blank line; with --compare the status under both proposals.
 * An unknown population is an empty field, not 0. */
static void
append_places (GString   *out,
               GPtrArray *places,
               gboolean   compare)
{
  g_string_append_printf (out, compare ? "\nname,oblast,region,part,status,compare_status,population\n"
                   : "\nname,oblast,region,part,status,population\n");
  for (guint i = 0; i < places->len; i++)
    {
      const DmStatsPlace *sp = g_ptr_array_index (places, i);

      append_field (out, sp->place->name);
      g_string_append_printf (out, ",");
      append_field (out, sp->place->oblast);
      g_string_append_printf (out, ",%s,%s,%s", dm_region_to_string (sp->region), dm_part_to_string (sp->part),
               dm_status_to_string (sp->status));
      if (compare)
        g_string_append_printf (out, ",%s", dm_status_to_string (sp->compare_status));
      if (sp->place->population > 0)
        g_string_append_printf (out, ",%u\n", sp->place->population);
      else
        g_string_append_printf (out, ",\n");
    }
}

/* The table `demarcate stats` prints and the window copies and saves:
 * region rows, then (after a blank line) the differences with a compared
 * proposal, then the places. diffs and places may be NULL. */
GString *
dm_stats_csv (GArray    *rows,
              GArray    *diffs,
              GPtrArray *places)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "region,part,status,area_km2\n");
  for (guint i = 0; i < rows->len; i++)
    {
      DmStatsRow *row = &g_array_index (rows, DmStatsRow, i);

      g_string_append_printf (out, "%s,%s,%s,%.1f\n", dm_region_to_string (row->region),
               row->is_total ? "all" : dm_part_to_string (row->part),
               row->is_total ? "total" : dm_status_to_string (row->status), row->area_km2);
    }
  if (diffs != NULL)
    {
      /* With --compare, the parts whose status differs, after a blank line. */
      g_string_append_printf (out, "\nregion,part,status,compare_status,area_km2\n");
      for (guint i = 0; i < diffs->len; i++)
        {
          DmDifference *d = &g_array_index (diffs, DmDifference, i);

          g_string_append_printf (out, "%s,%s,%s,%s,%.1f\n", dm_region_to_string (d->region),
                   dm_part_to_string (d->part), dm_status_to_string (d->status_a),
                   dm_status_to_string (d->status_b), d->area_km2);
        }
    }
  if (places != NULL)
    append_places (out, places, diffs != NULL);
  return out;
}
