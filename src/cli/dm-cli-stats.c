/* dm-cli-stats.c: `demarcate stats`: areas by status, places changing hands; CSV or JSON. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dm-cli-private.h"
#include "dm-series.h"
#include "dm-stats.h"

static void
add_handover (JsonBuilder *b,
              DmHandover  *h)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ukraine_to_russia_km2");
  json_builder_add_double_value (b, h->ua_to_russia);
  json_builder_set_member_name (b, "ukraine_to_demilitarized_km2");
  json_builder_add_double_value (b, h->ua_to_neutral);
  json_builder_set_member_name (b, "russia_to_ukraine_km2");
  json_builder_add_double_value (b, h->ru_to_ukraine);
  json_builder_set_member_name (b, "russia_to_demilitarized_km2");
  json_builder_add_double_value (b, h->ru_to_neutral);
  json_builder_set_member_name (b, "ukraine_to_undecided_km2");
  json_builder_add_double_value (b, h->ua_to_undecided);
  json_builder_set_member_name (b, "russia_to_undecided_km2");
  json_builder_add_double_value (b, h->ru_to_undecided);
  json_builder_set_member_name (b, "unclear_km2");
  json_builder_add_double_value (b, h->unclear_km2);
  json_builder_end_object (b);
}
static void
add_by_status (JsonBuilder *b,
               GArray      *by_status)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < by_status->len; i++)
    {
      DmStatusArea *row = &g_array_index (by_status, DmStatusArea, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, dm_status_to_string (row->status));
      json_builder_set_member_name (b, "area_km2");
      json_builder_add_double_value (b, row->area_km2);
      json_builder_set_member_name (b, "regions");
      json_builder_begin_object (b);
      for (DmRegion r = 0; r < DM_N_REGIONS; r++)
        {
          json_builder_set_member_name (b, dm_region_to_string (r));
          json_builder_add_double_value (b, row->region_km2[r]);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_places (JsonBuilder *b,
            const char  *member,
            const char  *totals_member,
            GPtrArray   *places,
            gboolean     compare)
{
  DmPlaceTotals totals;

  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < places->len; i++)
    {
      const DmStatsPlace *sp = g_ptr_array_index (places, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, sp->place->name);
      json_builder_set_member_name (b, "oblast");
      if (sp->place->oblast != NULL)
        json_builder_add_string_value (b, sp->place->oblast);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "region");
      json_builder_add_string_value (b, dm_region_to_string (sp->region));
      json_builder_set_member_name (b, "part");
      json_builder_add_string_value (b, dm_part_to_string (sp->part));
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, dm_status_to_string (sp->status));
      if (compare)
        {
          json_builder_set_member_name (b, "compare_status");
          json_builder_add_string_value (b, dm_status_to_string (sp->compare_status));
        }
      json_builder_set_member_name (b, "from_holder");
      json_builder_add_string_value (b, dm_holder_to_string (sp->from_holder));
      json_builder_set_member_name (b, "to_holder");
      json_builder_add_string_value (b, dm_holder_to_string (sp->to_holder));
      json_builder_set_member_name (b, "population");
      if (sp->place->population > 0)
        json_builder_add_int_value (b, sp->place->population);
      else
        json_builder_add_null_value (b); /* unknown, not zero */
      json_builder_set_member_name (b, "lon");
      json_builder_add_double_value (b, sp->place->lon);
      json_builder_set_member_name (b, "lat");
      json_builder_add_double_value (b, sp->place->lat);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  dm_stats_place_totals (places, &totals);
  json_builder_set_member_name (b, totals_member);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "count");
  json_builder_add_int_value (b, totals.n_places);
  json_builder_set_member_name (b, "population");
  json_builder_add_int_value (b, (gint64) totals.population);
  json_builder_set_member_name (b, "unknown_population_count");
  json_builder_add_int_value (b, totals.n_unknown_population);
  json_builder_end_object (b);
}

static void
add_differences (JsonBuilder *b,
                 GArray      *diffs)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < diffs->len; i++)
    {
      DmDifference *d = &g_array_index (diffs, DmDifference, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "region");
      json_builder_add_string_value (b, dm_region_to_string (d->region));
      json_builder_set_member_name (b, "part");
      json_builder_add_string_value (b, dm_part_to_string (d->part));
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, dm_status_to_string (d->status_a));
      json_builder_set_member_name (b, "certainty");
      json_builder_add_string_value (b, dm_part_certainty_to_string (d->certainty_a));
      json_builder_set_member_name (b, "holder");
      json_builder_add_string_value (b, dm_holder_to_string (d->holder_a));
      json_builder_set_member_name (b, "compare_status");
      json_builder_add_string_value (b, dm_status_to_string (d->status_b));
      json_builder_set_member_name (b, "compare_certainty");
      json_builder_add_string_value (b, dm_part_certainty_to_string (d->certainty_b));
      json_builder_set_member_name (b, "compare_holder");
      json_builder_add_string_value (b, dm_holder_to_string (d->holder_b));
      json_builder_set_member_name (b, "changes_hands");
      json_builder_add_boolean_value (b, d->changes_hands);
      json_builder_set_member_name (b, "area_km2");
      json_builder_add_double_value (b, d->area_km2);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_rows (JsonBuilder *b,
          GArray      *rows)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      DmStatsRow *row = &g_array_index (rows, DmStatsRow, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "region");
      json_builder_add_string_value (b, dm_region_to_string (row->region));
      json_builder_set_member_name (b, "part");
      json_builder_add_string_value (b, row->is_total ? "all" : dm_part_to_string (row->part));
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, row->is_total ? "total"
                                                      : dm_status_to_string (row->status));
      if (!row->is_total)
        {
          json_builder_set_member_name (b, "certainty");
          json_builder_add_string_value (b, dm_part_certainty_to_string (row->certainty));
          json_builder_set_member_name (b, "holder");
          json_builder_add_string_value (b, dm_holder_to_string (row->holder));
          if (row->has_compare)
            {
              json_builder_set_member_name (b, "compare_status");
              json_builder_add_string_value (b, dm_status_to_string (row->compare_status));
              json_builder_set_member_name (b, "compare_certainty");
              json_builder_add_string_value (b,
                                             dm_part_certainty_to_string (row->compare_certainty));
              json_builder_set_member_name (b, "compare_holder");
              json_builder_add_string_value (b, dm_holder_to_string (row->compare_holder));
            }
          json_builder_set_member_name (b, "changes_hands");
          json_builder_add_boolean_value (b, row->changes_hands);
        }
      json_builder_set_member_name (b, "area_km2");
      json_builder_add_double_value (b, row->area_km2);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* JSON always carries everything: the places that change hands, and with
 * --compare the differing parts and the places in them too. */
static void
print_json (DmCliData  *data,
            DmScenario *scenario,
            DmScenario *compare,
            GArray     *rows,
            GArray     *diffs,
            DmHandover *handover)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) by_status = dm_stats_by_status (data->partition, scenario);
  g_autoptr(GPtrArray) places = dm_stats_places_changing_hands (data->partition, scenario,
                                                                data->geodata);
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "proposal");
  json_builder_add_string_value (b, dm_proposal_get_id (dm_scenario_get_proposal (scenario)));
  json_builder_set_member_name (b, "modified");
  json_builder_add_boolean_value (b, dm_scenario_get_modified (scenario));
  json_builder_set_member_name (b, "control_date");
  json_builder_add_string_value (b, dm_partition_get_date (data->partition));
  json_builder_set_member_name (b, "rows");
  add_rows (b, rows);
  json_builder_set_member_name (b, "by_status");
  add_by_status (b, by_status);
  json_builder_set_member_name (b, "changes_hands");
  add_handover (b, handover);
  {
    g_autofree char *headline = dm_stats_headline (data->partition, scenario);

    json_builder_set_member_name (b, "headline");
    json_builder_add_string_value (b, headline);
  }
  add_places (b, "places", "place_totals", places, FALSE);

  if (compare != NULL)
    {
      g_autoptr(GPtrArray) differing = dm_stats_places_differing (data->partition, scenario,
                                                                  compare, data->geodata);

      json_builder_set_member_name (b, "compare");
      json_builder_add_string_value (b, dm_proposal_get_id (dm_scenario_get_proposal (compare)));
      json_builder_set_member_name (b, "differences");
      add_differences (b, diffs);
      add_places (b, "differing_places", "differing_place_totals", differing, TRUE);
    }
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

/* `stats --from --to`: the per-part table of every day, one table. */
static int
print_series (DmCliData      *data,
              DmScenario     *scenario,
              const char     *from,
              const char     *to,
              int             every,
              gboolean        json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) series = NULL;
  const char *id = dm_proposal_get_id (dm_scenario_get_proposal (scenario));

  if (every < 1)
    {
      _dm_cli_error (_("--every must be 1 or more"));
      return DM_EXIT_ERROR;
    }
  days = dm_series_days (data->catalog, from, to, (guint) every, &error);
  if (days != NULL)
    series = dm_series_compute (data->catalog, data->geodata, scenario, days, 0, NULL, &error);
  if (series == NULL)
    {
      _dm_cli_error (error->message);
      return DM_EXIT_ERROR;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "proposal");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "modified");
      json_builder_add_boolean_value (b, dm_scenario_get_modified (scenario));
      json_builder_set_member_name (b, "days");
      json_builder_begin_array (b);
      for (guint i = 0; i < series->len; i++)
        {
          DmSeriesDay *day = g_ptr_array_index (series, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "date");
          json_builder_add_string_value (b, day->date);
          json_builder_set_member_name (b, "occupied_km2");
          json_builder_add_double_value (b, day->occupied_km2);
          json_builder_set_member_name (b, "rows");
          add_rows (b, day->rows);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      text = json_generator_to_data (gen, NULL);
      g_print ("%s\n", text);
      return DM_EXIT_OK;
    }

  {
    /* The single day's header: every row names the proposal and its day. */
    g_autoptr(GArray) none = g_array_new (FALSE, TRUE, sizeof (DmStatsRow));
    g_autoptr(GString) csv = dm_stats_csv (id, NULL, NULL, none);

    for (guint i = 0; i < series->len; i++)
      {
        DmSeriesDay *day = g_ptr_array_index (series, i);

        dm_stats_csv_append_rows (csv, id, NULL, day->date, day->rows);
      }
    fputs (csv->str, stdout);
  }
  return DM_EXIT_OK;
}

int
_dm_cli_stats (int    argc,
               char **argv)
{
  g_auto(DmCliSelection) selection = { NULL, };
  g_autofree char *format = NULL;
  gboolean with_places = FALSE;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int every = 1;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("A time series from this day (with --to): one table, a row per part per day"),
      "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The series' last day"), "YYYY-MM-DD" },
    { "every", 0, 0, G_OPTION_ARG_INT, &every,
      N_("Take every Nth day of the record in the series (default 1)"), "N" },
    { "places", 0, 0, G_OPTION_ARG_NONE, &with_places,
      N_("Add the populated places in the area that changes hands (with --compare: in the "
         "parts the two would leave to different sides)"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("csv (default) or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(DmCliData) data = { NULL, };
  g_autoptr(DmScenario) scenario = NULL;
  g_autoptr(DmScenario) compare = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) diffs = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GError) error = NULL;
  DmHandover handover;

  _dm_cli_selection_add_entries (context, &selection,
                                 N_("Add the parts whose status differs in this proposal"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Prints one CSV table: the area in km² of each region part "
                                  "with its status under a proposal, how certain the reports "
                                  "are, and who would hold it (ukraine, russia, dmz or "
                                  "undecided), and each region’s total. Columns: "
                                  "proposal,date,region,part,status,certainty,holder,area_km2."));
  g_option_context_set_description (context,
    _("Certainty is text, reported or unclear (edited for a part you changed). The holder "
      "goes by who would hold the land: withdraw on a Russian-held part and frozen leave it "
      "where it is, not-addressed keeps it with whoever holds it, open and unpublished "
      "leave it undecided; a dmz's clause says who administers it.\n"
      "\n"
      "With --compare, the same table for every part with the compared proposal's status, "
      "certainty and holder and whether the land changes hands between the two (both "
      "holders decided and different): proposal,compare_proposal,date,region,part,status,"
      "certainty,holder,compare_status,compare_certainty,compare_holder,changes_hands,"
      "area_km2.\n"
      "\n"
      "With --places, only the table of bundled places (GeoNames settlements) in the land "
      "that changes hands against the line of contact (with --compare: between the two): "
      "proposal,compare_proposal,date,place,region,lat,lon,population,from_holder,"
      "to_holder. The population is the pre-war figure; it is empty when the data does not "
      "have it.\n"
      "\n"
      "With --from and --to (and --every N), one table of every archived day in the "
      "range, with the single day's columns; JSON gives days[] with date, "
      "occupied_km2 and rows. The days are computed on every processor.\n"
      "\n"
      "--format json always carries everything: rows (with certainty and holder), "
      "by_status (km² per status, in total and per region), changes_hands (km² by new "
      "holder, and unclear_km2 of them on unclear clauses), headline, places and "
      "place_totals (count, population, unknown_population_count), and with --compare also "
      "differences (the parts whose holder differs), differing_places and "
      "differing_place_totals."));
  if (!_dm_cli_parse (context, &argc, &argv))
    return DM_EXIT_ERROR;
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    {
      _dm_cli_error (_("--format must be csv or json"));
      return DM_EXIT_ERROR;
    }

  if ((from == NULL) != (to == NULL))
    {
      _dm_cli_error (_("a series needs both --from and --to"));
      return DM_EXIT_ERROR;
    }
  if (from != NULL && (selection.compare_id != NULL || with_places || selection.date != NULL ||
                       selection.control_file != NULL))
    {
      _dm_cli_error (_("--from/--to give one table for a proposal over days; they cannot be "
                       "combined with --compare, --places, --date or --control"));
      return DM_EXIT_ERROR;
    }
  selection.no_day = from != NULL;

  if (!_dm_cli_selection_load (&selection, &data, TRUE, &scenario, &compare, &error))
    {
      _dm_cli_error (error->message);
      return DM_EXIT_ERROR;
    }
  if (from != NULL)
    return print_series (&data, scenario, from, to, every,
                         format != NULL && g_str_equal (format, "json"));

  rows = dm_stats_rows_compare (data.partition, scenario, compare);
  dm_stats_handover (data.partition, scenario, &handover);
  if (compare != NULL)
    diffs = dm_stats_differences (data.partition, scenario, compare, FALSE);

  if (format != NULL && g_str_equal (format, "json"))
    {
      print_json (&data, scenario, compare, rows, diffs, &handover);
      return DM_EXIT_OK;
    }

  {
    const char *id = dm_proposal_get_id (dm_scenario_get_proposal (scenario));
    const char *compare_id = compare ? dm_proposal_get_id (dm_scenario_get_proposal (compare))
                                     : NULL;
    const char *date = dm_partition_get_date (data.partition);
    g_autoptr(GString) csv = NULL;

    /* One table per invocation: the places, or the parts. */
    if (with_places)
      {
        places = compare != NULL
                 ? dm_stats_places_differing (data.partition, scenario, compare, data.geodata)
                 : dm_stats_places_changing_hands (data.partition, scenario, data.geodata);
        csv = dm_stats_places_csv (id, compare_id ? compare_id : "line-of-contact", date, places);
      }
    else
      csv = dm_stats_csv (id, compare_id, date, rows);
    fputs (csv->str, stdout);
  }
  return DM_EXIT_OK;
}
