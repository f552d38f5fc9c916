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

/* One table per call, so a spreadsheet opens it: every row names the
 * proposal (and the compared one) and the date. Total rows leave the
 * certainty, holder and comparison fields empty. */
void
dm_stats_csv_append_rows (GString    *out,
                          const char *proposal,
                          const char *compare_proposal,
                          const char *date,
                          GArray     *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      DmStatsRow *row = &g_array_index (rows, DmStatsRow, i);

      append_field (out, proposal);
      g_string_append_c (out, ',');
      if (compare_proposal != NULL)
        {
          append_field (out, compare_proposal);
          g_string_append_c (out, ',');
        }
      append_field (out, date);
      g_string_append_printf (out, ",%s,%s,%s,", dm_region_to_string (row->region),
                              row->is_total ? "all" : dm_part_to_string (row->part),
                              row->is_total ? "total" : dm_status_to_string (row->status));
      if (!row->is_total)
        g_string_append_printf (out, "%s,%s", dm_part_certainty_to_string (row->certainty),
                                dm_holder_to_string (row->holder));
      else
        g_string_append_c (out, ',');
      if (compare_proposal != NULL)
        {
          if (!row->is_total)
            g_string_append_printf (out, ",%s,%s,%s,%s",
                                    dm_status_to_string (row->compare_status),
                                    dm_part_certainty_to_string (row->compare_certainty),
                                    dm_holder_to_string (row->compare_holder),
                                    row->changes_hands ? "yes" : "no");
          else
            g_string_append (out, ",,,,");
        }
      g_string_append_printf (out, ",%.1f\n", row->area_km2);
    }
}

/* The table `demarcate stats` prints and the window copies and saves. With
 * compare_proposal, rows from dm_stats_rows_compare(). */
GString *
dm_stats_csv (const char *proposal,
              const char *compare_proposal,
              const char *date,
              GArray     *rows)
{
  GString *out = g_string_new (NULL);

  g_string_append (out, compare_proposal != NULL
                   ? "proposal,compare_proposal,date,region,part,status,certainty,holder,"
                     "compare_status,compare_certainty,compare_holder,changes_hands,area_km2\n"
                   : "proposal,date,region,part,status,certainty,holder,area_km2\n");
  dm_stats_csv_append_rows (out, proposal, compare_proposal, date, rows);
  return out;
}

/* The places in land that changes hands: against the line of contact
 * (compare_proposal "line-of-contact") or between two proposals. An unknown
 * population is an empty field, not 0. */
GString *
dm_stats_places_csv (const char *proposal,
                     const char *compare_proposal,
                     const char *date,
                     GPtrArray  *places)
{
  GString *out = g_string_new ("proposal,compare_proposal,date,place,region,lat,lon,population,"
                               "from_holder,to_holder\n");

  for (guint i = 0; i < places->len; i++)
    {
      const DmStatsPlace *sp = g_ptr_array_index (places, i);
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      append_field (out, proposal);
      g_string_append_c (out, ',');
      append_field (out, compare_proposal);
      g_string_append_c (out, ',');
      append_field (out, date);
      g_string_append_c (out, ',');
      append_field (out, sp->place->name);
      g_string_append_printf (out, ",%s,%s,%s,", dm_region_to_string (sp->region),
                              g_ascii_formatd (lat, sizeof lat, "%.5f", sp->place->lat),
                              g_ascii_formatd (lon, sizeof lon, "%.5f", sp->place->lon));
      if (sp->place->population > 0)
        g_string_append_printf (out, "%u", sp->place->population);
      g_string_append_printf (out, ",%s,%s\n", dm_holder_to_string (sp->from_holder),
                              dm_holder_to_string (sp->to_holder));
    }
  return out;
}
