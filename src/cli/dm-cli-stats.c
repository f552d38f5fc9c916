/* dm-cli-stats.c: `demarcate stats`: areas by region, part and status as CSV or JSON. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dm-cli-private.h"
#include "dm-stats.h"

static void
print_csv (GArray      *rows,
           GArray      *diffs,
           DmHandover  *handover)
{
  g_print ("region,part,status,area_km2\n");
  for (guint i = 0; i < rows->len; i++)
    {
      DmStatsRow *row = &g_array_index (rows, DmStatsRow, i);

      g_print ("%s,%s,%s,%.1f\n", dm_region_to_string (row->region),
               row->is_total ? "all" : dm_part_to_string (row->part),
               row->is_total ? "total" : dm_status_to_string (row->status), row->area_km2);
    }
  if (diffs == NULL)
    return;

  /* With --compare, the parts whose status differs, after a blank line. */
  g_print ("\nregion,part,status,compare_status,area_km2\n");
  for (guint i = 0; i < diffs->len; i++)
    {
      DmDifference *d = &g_array_index (diffs, DmDifference, i);

      g_print ("%s,%s,%s,%s,%.1f\n", dm_region_to_string (d->region),
               dm_part_to_string (d->part), dm_status_to_string (d->status_a),
               dm_status_to_string (d->status_b), d->area_km2);
    }
  (void) handover;
}

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
  json_builder_end_object (b);
}

static void
print_json (DmPartition *partition,
            DmScenario  *scenario,
            DmScenario  *compare,
            GArray      *rows,
            GArray      *diffs,
            DmHandover  *handover)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "proposal");
  json_builder_add_string_value (b, dm_proposal_get_id (dm_scenario_get_proposal (scenario)));
  json_builder_set_member_name (b, "modified");
  json_builder_add_boolean_value (b, dm_scenario_get_modified (scenario));
  json_builder_set_member_name (b, "control_date");
  json_builder_add_string_value (b, dm_partition_get_date (partition));
  json_builder_set_member_name (b, "rows");
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
      json_builder_set_member_name (b, "area_km2");
      json_builder_add_double_value (b, row->area_km2);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "changes_hands");
  add_handover (b, handover);

  if (compare != NULL)
    {
      json_builder_set_member_name (b, "compare");
      json_builder_add_string_value (b, dm_proposal_get_id (dm_scenario_get_proposal (compare)));
      json_builder_set_member_name (b, "differences");
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
          json_builder_set_member_name (b, "compare_status");
          json_builder_add_string_value (b, dm_status_to_string (d->status_b));
          json_builder_set_member_name (b, "area_km2");
          json_builder_add_double_value (b, d->area_km2);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

int
_dm_cli_stats (int    argc,
               char **argv)
{
  g_autofree char *proposal_id = NULL;
  g_autofree char *compare_id = NULL;
  g_autofree char *date = NULL;
  g_autofree char *control_file = NULL;
  g_autofree char *scenario_file = NULL;
  g_autofree char *scenario_date = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "proposal", 'p', 0, G_OPTION_ARG_STRING, &proposal_id, N_("Proposal id"), "ID" },
    { "compare", 'c', 0, G_OPTION_ARG_STRING, &compare_id,
      N_("Add the parts whose status differs in this proposal"), "ID" },
    { "scenario", 's', 0, G_OPTION_ARG_FILENAME, &scenario_file,
      N_("A saved scenario instead of --proposal"), "FILE" },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("Control date (default: the latest)"),
      "YYYY-MM-DD" },
    { "control", 0, 0, G_OPTION_ARG_FILENAME, &control_file,
      N_("A control-area vector file instead of a bundled date"), "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("csv (default) or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(DmCliData) data = { NULL, };
  g_autoptr(DmScenario) scenario = NULL;
  g_autoptr(DmScenario) compare = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) diffs = NULL;
  g_autoptr(GError) error = NULL;
  DmHandover handover;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Prints the area in km² of each region part with its status "
                                  "under a proposal, and each region’s total. CSV columns: "
                                  "region,part,status,area_km2."));
  if (!_dm_cli_parse (context, &argc, &argv))
    return DM_EXIT_ERROR;
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    {
      _dm_cli_error (_("--format must be csv or json"));
      return DM_EXIT_ERROR;
    }

  if (!_dm_cli_load (&data, date, control_file, &error) ||
      !(scenario = _dm_cli_scenario (data.catalog, proposal_id, scenario_file, &scenario_date,
                                     &error)) ||
      (compare_id != NULL &&
       !(compare = _dm_cli_scenario (data.catalog, compare_id, NULL, NULL, &error))))
    {
      _dm_cli_error (error->message);
      return DM_EXIT_ERROR;
    }

  rows = dm_stats_rows (data.partition, scenario);
  dm_stats_handover (data.partition, scenario, &handover);
  if (compare != NULL)
    diffs = dm_stats_differences (data.partition, scenario, compare);

  if (format != NULL && g_str_equal (format, "json"))
    print_json (data.partition, scenario, compare, rows, diffs, &handover);
  else
    print_csv (rows, diffs, &handover);
  return DM_EXIT_OK;
}
