/* dm-cli-export.c: `demarcate export`: the map page as PNG, SVG or PDF, one proposal or all of them. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dm-cli-private.h"
#include "dm-error.h"
#include "dm-export.h"
#include "dm-gis-export.h"

static gboolean
parse_size (const char  *size,
            int         *width,
            int         *height)
{
  char *end = NULL;
  gint64 w, h;

  w = g_ascii_strtoll (size, &end, 10);
  if (end == NULL || (*end != 'x' && *end != 'X'))
    return FALSE;
  h = g_ascii_strtoll (end + 1, &end, 10);
  /* Below 240 px the legend and sources cannot be laid out legibly. */
  if (*end != '\0' || w < 240 || h < 240 || w > 20000 || h > 20000)
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

static gboolean
export_one (DmScene               *scene,
            DmScenario            *scenario,
            const DmExportOptions *options,
            const char            *path)
{
  g_autoptr(GError) error = NULL;

  dm_scene_set_scenario (scene, scenario);
  if (!dm_export_to_file (scene, options, path, &error))
    {
      _dm_cli_error (error->message);
      return FALSE;
    }
  return TRUE;
}

/* --format geojson|gpkg: the scenario's parts, control area and line as
 * GIS data rather than a picture. */
static gboolean
export_gis (DmCliData   *data,
            DmScenario  *scenario,
            DmGisFormat  format,
            const char  *path)
{
  g_autoptr(GError) error = NULL;

  if (!dm_gis_export (data->partition, scenario, format, path, &error))
    {
      _dm_cli_error (error->message);
      return FALSE;
    }
  return TRUE;
}

/* Puts the line of the proposal's own day into data and scene; a
 * baseline (the status quo, the 1991 borders) gets the latest. */
static gboolean
use_own_day (DmCliData  *data,
             DmScene    *scene,
             DmProposal *proposal)
{
  g_autoptr(GError) error = NULL;
  const DmControlInfo *info = _dm_cli_resolve_day (
    data->catalog, dm_proposal_is_baseline (proposal) ? NULL : "proposal", proposal, &error);

  g_clear_pointer (&data->partition, dm_partition_unref);
  if (info != NULL)
    data->partition = _dm_cli_load_partition (data, info, NULL, NULL, &error);
  if (data->partition == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("%s: %s", dm_proposal_get_id (proposal),
                                              error->message);
      _dm_cli_error (msg);
      return FALSE;
    }
  dm_scene_set_partition (scene, data->partition);
  return TRUE;
}

int
_dm_cli_export (int    argc,
                char **argv)
{
  g_auto(DmCliSelection) selection = { NULL, };
  g_autofree char *size = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *out_dir = NULL;
  int dpi = 0;
  gboolean portrait = FALSE, all = FALSE, no_inset = FALSE, no_basemap = FALSE;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size,
      N_("Size in pixels (default 1920x1080; presets 3840x2160, 1080x1080)"), "WxH" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper size instead of --size"), "a4|a3" },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi, N_("Dots per inch with --paper (default 300)"), "N" },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &portrait, N_("Portrait instead of landscape"), NULL },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("Title (default: the proposal’s)"), "T" },
    { "subtitle", 0, 0, G_OPTION_ARG_STRING, &subtitle, N_("Subtitle"), "T" },
    { "no-inset", 0, 0, G_OPTION_ARG_NONE, &no_inset, N_("Leave out the locator map"), NULL },
    { "no-basemap", 0, 0, G_OPTION_ARG_NONE, &no_basemap, N_("Leave out the basemap"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("png, svg, pdf, or geojson or gpkg for GIS data (default: from the -o extension)"),
      "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write"), "FILE" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("One file per proposal, named by its id"), NULL },
    { "out-dir", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, N_("Folder for --all"), "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(DmCliData) data = { NULL, };
  g_autoptr(DmScenario) scenario = NULL;
  g_autoptr(DmScenario) compare = NULL;
  g_autoptr(DmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  DmExportOptions options;
  DmGisFormat gis_format;
  gboolean gis = FALSE, own_days = FALSE;
  gint64 t0 = g_get_monotonic_time ();

  _dm_cli_selection_add_entries (context, &selection,
                                 N_("Show this proposal beside the first, on the same view"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes the map with its title, legend, scale bar, sources and "
                                  "attribution as PNG, SVG (editable text, named layers) or PDF "
                                  "(vector, selectable text). The file is replaced only when "
                                  "complete."));
  if (!_dm_cli_parse (context, &argc, &argv))
    return DM_EXIT_ERROR;
  if (argc > 1)
    {
      g_autofree char *msg = g_strdup_printf (_("unexpected argument “%s”"), argv[1]);
      _dm_cli_error (msg);
      return DM_EXIT_ERROR;
    }

  dm_export_options_init (&options);
  options.portrait = portrait;
  options.layout.title = title;
  options.layout.subtitle = subtitle;
  options.layout.show_inset = !no_inset;
  options.layout.show_basemap = !no_basemap;

  if (size != NULL && paper != NULL)
    {
      _dm_cli_error (_("use either --size or --paper, not both"));
      return DM_EXIT_ERROR;
    }
  if (size != NULL && !parse_size (size, &options.width, &options.height))
    {
      _dm_cli_error (_("--size must be WIDTHxHEIGHT in pixels, 240 to 20000, e.g. 3840x2160"));
      return DM_EXIT_ERROR;
    }
  if (paper != NULL)
    {
      if (g_ascii_strcasecmp (paper, "a4") == 0)
        options.paper = DM_PAPER_A4;
      else if (g_ascii_strcasecmp (paper, "a3") == 0)
        options.paper = DM_PAPER_A3;
      else
        {
          _dm_cli_error (_("--paper must be a4 or a3"));
          return DM_EXIT_ERROR;
        }
    }
  if (dpi != 0)
    {
      if (paper == NULL || dpi < 36 || dpi > 1200)
        {
          _dm_cli_error (_("--dpi goes with --paper and must be 36 to 1200"));
          return DM_EXIT_ERROR;
        }
      options.dpi = dpi;
    }

  if (format != NULL && !strchr (format, '.'))
    gis = dm_gis_format_from_string (format, &gis_format);
  else if (format == NULL && output != NULL)
    gis = dm_gis_format_from_string (output, &gis_format);

  if (!gis && format != NULL)
    {
      if (!dm_export_format_from_string (format, &options.format) || strchr (format, '.'))
        {
          _dm_cli_error (_("--format must be png, svg, pdf, geojson or gpkg"));
          return DM_EXIT_ERROR;
        }
    }
  else if (!gis && output != NULL)
    {
      if (!dm_export_format_from_string (output, &options.format))
        {
          _dm_cli_error (_("cannot tell the format from the file name; add --format png, svg, "
                           "pdf, geojson or gpkg"));
          return DM_EXIT_ERROR;
        }
    }
  else if (!gis && !all)
    {
      _dm_cli_error (_("say where to write with -o FILE (or --all --out-dir DIR)"));
      return DM_EXIT_ERROR;
    }

  if (all)
    {
      if (out_dir == NULL || output != NULL || selection.proposal_id != NULL ||
          selection.scenario_file != NULL || selection.compare_id != NULL)
        {
          _dm_cli_error (_("--all needs --out-dir DIR and takes no -o, --proposal, --scenario "
                           "or --compare"));
          return DM_EXIT_ERROR;
        }
      /* A folder that does not exist yet is made, like mkdir -p. */
      if (g_mkdir_with_parents (out_dir, 0755) != 0 || !g_file_test (out_dir, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *msg = g_strdup_printf (_("cannot write to “%s”: %s"), out_dir,
                                                  g_file_test (out_dir, G_FILE_TEST_EXISTS)
                                                  ? _("not a folder") : g_strerror (errno));
          _dm_cli_error (msg);
          return DM_EXIT_ERROR;
        }
    }
  else if (output == NULL)
    {
      _dm_cli_error (_("say where to write with -o FILE"));
      return DM_EXIT_ERROR;
    }

  /* --all --date proposal: each proposal on the line of its own day. */
  own_days = all && g_strcmp0 (selection.date, "proposal") == 0;
  selection.no_day = own_days;
  if (!_dm_cli_selection_load (&selection, &data, !all, &scenario, &compare, &error))
    {
      _dm_cli_error (error->message);
      return DM_EXIT_ERROR;
    }
  if (g_getenv ("DEMARCATE_TIMING") != NULL)
    g_printerr ("demarcate: load %.1f ms\n", (g_get_monotonic_time () - t0) / 1000.0);

  scene = dm_scene_new (data.geodata);
  dm_scene_set_partition (scene, data.partition);
  options.layout.compare = compare;

  if (all)
    {
      GPtrArray *proposals = dm_catalog_get_proposals (data.catalog);
      gboolean ok = TRUE;

      for (guint i = 0; i < proposals->len; i++)
        {
          DmProposal *proposal = g_ptr_array_index (proposals, i);
          g_autoptr(DmScenario) each = dm_scenario_new (proposal);
          g_autofree char *name = g_strdup_printf (
            "%s.%s", dm_proposal_get_id (proposal),
            gis ? (gis_format == DM_GIS_GPKG ? "gpkg" : "geojson")
                : dm_export_format_to_string (options.format));
          g_autofree char *path = g_build_filename (out_dir, name, NULL);

          if (own_days && !use_own_day (&data, scene, proposal))
            {
              ok = FALSE;
              continue;
            }
          if (gis ? export_gis (&data, each, gis_format, path)
                  : export_one (scene, each, &options, path))
            g_print ("%s\n", path);
          else
            ok = FALSE;
        }
      return ok ? DM_EXIT_OK : DM_EXIT_ERROR;
    }

  if (gis)
    return export_gis (&data, scenario, gis_format, output) ? DM_EXIT_OK : DM_EXIT_ERROR;
  return export_one (scene, scenario, &options, output) ? DM_EXIT_OK : DM_EXIT_ERROR;
}
