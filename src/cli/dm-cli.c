/* dm-cli.c: dispatches commands and holds what they share: option parsing and data loading. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dm-cli.h"
#include "dm-cli-private.h"
#include "dm-control.h"
#include "dm-error.h"
#include "dm-json.h"

static const struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "chart", _dm_cli_chart, N_("Chart the occupied area over time as PNG, SVG or CSV") },
  { "export", _dm_cli_export, N_("Write the map as PNG, SVG or PDF, with legend and sources") },
  { "list", _dm_cli_list, N_("List proposals and control dates") },
  { "stats", _dm_cli_stats, N_("Areas by region, part and status, as CSV or JSON") },
  { "update", _dm_cli_update, N_("Fetch the DeepStateMap days newer than the app has") },
  { "validate", _dm_cli_validate, N_("Check proposal, scenario and vector files") },
};

gboolean
dm_cli_is_command (const char *arg)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (arg, commands[i].name) == 0)
      return TRUE;
  return FALSE;
}

void
_dm_cli_error (const char *message)
{
  g_printerr ("demarcate: %s\n", message);
}

gboolean
_dm_cli_parse (GOptionContext   *context,
               int              *argc,
               char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      _dm_cli_error (error->message);
      return FALSE;
    }
  return TRUE;
}

void
_dm_cli_data_clear (DmCliData *data)
{
  g_clear_pointer (&data->partition, dm_partition_unref);
  g_clear_pointer (&data->geodata, dm_geodata_unref);
  g_clear_pointer (&data->catalog, dm_catalog_unref);
}

/* Loads the catalog and the bundled geography. */
static gboolean
load_data (DmCliData  *data,
           GError    **error)
{
  data->catalog = dm_catalog_new_default (error);
  if (data->catalog == NULL)
    return FALSE;
  for (guint i = 0; i < dm_catalog_get_problems (data->catalog)->len; i++)
    g_printerr ("demarcate: skipped %s\n",
                (char *) g_ptr_array_index (dm_catalog_get_problems (data->catalog), i));

  data->geodata = dm_geodata_load (dm_catalog_get_geo_dir (data->catalog), NULL, error);
  return data->geodata != NULL;
}

/* The day of the line a command shows: the latest unless told, the line
 * on the proposal's own day for "proposal", else the day given or the
 * latest earlier one the record has (said on stderr). */
const DmControlInfo *
_dm_cli_resolve_day (DmCatalog   *catalog,
                     const char  *date,
                     DmProposal  *proposal,
                     GError     **error)
{
  g_autofree char *day = NULL;
  g_autofree char *note = NULL;
  const DmControlInfo *info;

  if (date == NULL || g_str_equal (date, "latest"))
    return dm_catalog_latest_control (catalog);
  if (g_str_equal (date, "proposal"))
    {
      if (proposal == NULL)
        {
          g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                       _("--date proposal needs a proposal (--proposal ID or --scenario FILE)"));
          return NULL;
        }
      day = dm_catalog_proposal_day (catalog, proposal, error);
      if (day == NULL)
        return NULL;
      date = day;
    }
  info = dm_catalog_resolve_date (catalog, date, &note, error);
  if (note != NULL)
    g_printerr ("demarcate: %s\n", note);
  return info;
}

/* The partition for one day of the line, or for a control file. */
DmPartition *
_dm_cli_load_partition (DmCliData            *data,
                        const DmControlInfo  *info,
                        const char           *control_file,
                        const char           *date,
                        GError              **error)
{
  g_autoptr(DmControlArea) control = NULL;

  if (control_file != NULL)
    control = dm_control_area_load (control_file, date, NULL, error);
  else
    control = dm_catalog_load_control (data->catalog, info, NULL, error);
  if (control == NULL)
    return NULL;
  if (control->n_repaired > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "demarcate: %s: %u invalid polygon was repaired (MakeValid)\n",
                             "demarcate: %s: %u invalid polygons were repaired (MakeValid)\n",
                             control->n_repaired), control->path, control->n_repaired);
  return dm_partition_derive (data->geodata, control, NULL, error);
}

/* The control date a saved scenario was made with, so commands show it
 * against the same line unless told otherwise; NULL if it has none. */
static char *
scenario_date (const char *scenario_file)
{
  g_autoptr(JsonNode) root = NULL;
  const char *date = NULL;

  /* A broken file is reported when the scenario itself is loaded. */
  if (scenario_file == NULL)
    return NULL;
  root = dm_json_load_file (scenario_file, _("a scenario file"), NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !dm_json_get_string (json_node_get_object (root), "control_date", DM_JSON_OPTIONAL, "",
                           &date, NULL))
    return NULL;
  return g_strdup (date);
}

static DmScenario *
load_scenario (DmCatalog   *catalog,
               const char  *proposal_id,
               const char  *scenario_file,
               GError     **error)
{
  DmProposal *proposal;

  if (scenario_file != NULL)
    return dm_scenario_load (scenario_file, catalog, NULL, error);

  if (proposal_id == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_NOT_FOUND,
                   _("say which proposal with --proposal ID (see “demarcate list”)"));
      return NULL;
    }
  proposal = dm_catalog_find_proposal (catalog, proposal_id);
  if (proposal == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_NOT_FOUND,
                   _("unknown proposal “%s”; run “demarcate list” to see the ids"), proposal_id);
      return NULL;
    }
  return dm_scenario_new (proposal);
}

void
_dm_cli_selection_add_entries (GOptionContext *context,
                               DmCliSelection *selection,
                               const char     *compare_help)
{
  GOptionEntry entries[] = {
    { "proposal", 'p', 0, G_OPTION_ARG_STRING, &selection->proposal_id, N_("Proposal id"),
      "ID" },
    { "compare", 'c', 0, G_OPTION_ARG_STRING, &selection->compare_id, compare_help, "ID" },
    { "scenario", 's', 0, G_OPTION_ARG_FILENAME, &selection->scenario_file,
      N_("A saved scenario instead of --proposal (with its control date)"), "FILE" },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &selection->date,
      N_("The day of the line of contact: a day of the record, “proposal” for the "
         "proposal’s own day, or “latest” (default: the scenario’s, else the latest)"),
      "YYYY-MM-DD|proposal|latest" },
    { "control", 0, 0, G_OPTION_ARG_FILENAME, &selection->control_file,
      N_("A control-area vector file instead of a bundled date; needs a date in its "
         "name or a “date” field, or --date"), "FILE" },
    { NULL }
  };

  /* The entries are copied; the pointers into selection stay valid. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* Loads the data, the scenario and the compared proposal, then the line
 * of the selection's day (a saved scenario's own day when none is given). */
gboolean
_dm_cli_selection_load (DmCliSelection  *selection,
                        DmCliData       *data,
                        gboolean         need_scenario,
                        DmScenario     **scenario,
                        DmScenario     **compare,
                        GError         **error)
{
  const DmControlInfo *info = NULL;

  if (!load_data (data, error))
    return FALSE;
  if (need_scenario &&
      !(*scenario = load_scenario (data->catalog, selection->proposal_id,
                                   selection->scenario_file, error)))
    return FALSE;
  if (selection->compare_id != NULL &&
      !(*compare = load_scenario (data->catalog, selection->compare_id, NULL, error)))
    return FALSE;

  if (selection->no_day)
    return TRUE;
  if (selection->date == NULL && selection->control_file == NULL)
    selection->date = scenario_date (selection->scenario_file);
  if (selection->control_file == NULL)
    {
      DmProposal *proposal = NULL;

      if (need_scenario)
        proposal = dm_scenario_get_proposal (*scenario);
      else if (selection->proposal_id != NULL)
        proposal = dm_catalog_find_proposal (data->catalog, selection->proposal_id);
      info = _dm_cli_resolve_day (data->catalog, selection->date, proposal, error);
      if (info == NULL)
        return FALSE;
    }
  data->partition = _dm_cli_load_partition (data, info, selection->control_file,
                                            selection->date, error);
  return data->partition != NULL;
}

void
_dm_cli_selection_clear (DmCliSelection *selection)
{
  g_clear_pointer (&selection->proposal_id, g_free);
  g_clear_pointer (&selection->compare_id, g_free);
  g_clear_pointer (&selection->scenario_file, g_free);
  g_clear_pointer (&selection->date, g_free);
  g_clear_pointer (&selection->control_file, g_free);
}

static void
print_usage (void)
{
  g_print ("%s\n\n", _("Usage: demarcate [COMMAND] [OPTION…]"));
  g_print ("%s\n", _("Without a command, the map window opens. Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Run “demarcate COMMAND --help” for a command’s options."));
}

int
dm_cli_run (int    argc,
            char **argv)
{
  if (argc < 2 || g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0)
    {
      print_usage ();
      return argc < 2 ? DM_EXIT_ERROR : DM_EXIT_OK;
    }
  if (g_strcmp0 (argv[1], "--version") == 0)
    {
      g_print ("demarcate %s\n", PACKAGE_VERSION);
      return DM_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("demarcate: unknown command “%s”\n"), argv[1]);
  print_usage ();
  return DM_EXIT_ERROR;
}
