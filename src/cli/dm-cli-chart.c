/* dm-cli-chart.c: `demarcate chart`: occupied km² over time as PNG, SVG or CSV, from the window's painter. */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "dm-chart.h"
#include "dm-cli-private.h"

int
_dm_cli_chart (int    argc,
               char **argv)
{
  g_autofree char *from = NULL, *to = NULL, *output = NULL, *format_name = NULL;
  g_autofree char *size = NULL;
  int every = 7, width = 1600, height = 900;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The first day (default: the first of the record)"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day (default: the latest)"),
      "YYYY-MM-DD" },
    { "every", 0, 0, G_OPTION_ARG_INT, &every,
      N_("Take every Nth day of the record (default 7)"), "N" },
    { "size", 's', 0, G_OPTION_ARG_STRING, &size,
      N_("Width × height in pixels (PNG) or CSS pixels (SVG); default 1600x900"), "WxH" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("png, svg or csv (default: from the file name)"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(DmCliSelection) selection = { NULL, };
  g_auto(DmCliData) data = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(DmChart) chart = NULL;
  DmChartFormat format;
  GPtrArray *controls;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Draws the Russian-held area of Ukraine over time, in total "
                                  "and for each region, with each proposal's day marked; the "
                                  "figures are `stats --from --to --every`'s. CSV columns: "
                                  "date,total_km2,crimea_km2,luhansk_km2,donetsk_km2,"
                                  "zaporizhzhia_km2,kherson_km2,other_km2."));
  if (!_dm_cli_parse (context, &argc, &argv))
    return DM_EXIT_ERROR;
  if (output == NULL)
    {
      _dm_cli_error (_("chart needs -o FILE (.png, .svg or .csv)"));
      return DM_EXIT_ERROR;
    }
  if (!dm_chart_format_from_string (format_name != NULL ? format_name : output, &format))
    {
      _dm_cli_error (_("the format must be png, svg or csv (give --format or a file name "
                       "ending in one)"));
      return DM_EXIT_ERROR;
    }
  if (every < 1)
    {
      _dm_cli_error (_("--every must be 1 or more"));
      return DM_EXIT_ERROR;
    }
  if (size != NULL && (sscanf (size, "%dx%d", &width, &height) != 2 || width < 200 ||
                       height < 150 || width > 16384 || height > 16384))
    {
      _dm_cli_error (_("--size must be WIDTHxHEIGHT, from 200x150 to 16384x16384"));
      return DM_EXIT_ERROR;
    }

  selection.no_day = TRUE;
  if (!_dm_cli_selection_load (&selection, &data, FALSE, NULL, NULL, &error))
    {
      _dm_cli_error (error->message);
      return DM_EXIT_ERROR;
    }
  controls = dm_catalog_get_controls (data.catalog);
  if (controls->len == 0)
    {
      _dm_cli_error (_("no line of contact to chart"));
      return DM_EXIT_ERROR;
    }
  if (from == NULL)
    from = g_strdup (((DmControlInfo *) g_ptr_array_index (controls, 0))->date);
  if (to == NULL)
    to = g_strdup (dm_catalog_latest_control (data.catalog)->date);

  chart = dm_chart_compute (data.catalog, data.geodata, from, to, (guint) every, NULL, NULL,
                            NULL, &error);
  if (chart == NULL || !dm_chart_write (chart, format, output, width, height, &error))
    {
      _dm_cli_error (error->message);
      return DM_EXIT_ERROR;
    }
  return DM_EXIT_OK;
}
