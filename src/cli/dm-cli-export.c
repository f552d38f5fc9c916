/* dm-cli-export.c: `demarcate export`: the map page as PNG, SVG or PDF, one proposal or all of them. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <libintl.h>
#include <glib/gstdio.h>

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dm-cli-private.h"
#include "dm-error.h"
#include "dm-export.h"
#include "dm-gis-export.h"
#include "dm-i18n.h"
#include "dm-series.h"

/* Named sizes for the common uses; paper sizes go with --dpi. */
static const struct
{
  const char *name;
  int         width, height;
  DmPaper     paper;
  gboolean    portrait;
} presets[] = {
  { "square",      1080, 1080, DM_PAPER_NONE, FALSE },  /* Instagram, Facebook */
  { "portrait",    1080, 1350, DM_PAPER_NONE, FALSE },  /* Instagram 4:5 */
  { "story",       1080, 1920, DM_PAPER_NONE, FALSE },  /* stories, reels, shorts */
  { "card",        1200,  675, DM_PAPER_NONE, FALSE },  /* link cards, X/Twitter */
  { "hd",          1920, 1080, DM_PAPER_NONE, FALSE },
  { "4k",          3840, 2160, DM_PAPER_NONE, FALSE },
  { "a4",             0,    0, DM_PAPER_A4,   FALSE },
  { "a4-portrait",    0,    0, DM_PAPER_A4,   TRUE },
  { "a3",             0,    0, DM_PAPER_A3,   FALSE },
  { "a3-portrait",    0,    0, DM_PAPER_A3,   TRUE },
};

static gboolean
apply_preset (const char      *size,
              DmExportOptions *options)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_ascii_strcasecmp (size, presets[i].name) == 0)
      {
        options->paper = presets[i].paper;
        if (presets[i].paper == DM_PAPER_NONE)
          {
            options->width = presets[i].width;
            options->height = presets[i].height;
          }
        else
          options->portrait = presets[i].portrait;
        return TRUE;
      }
  return FALSE;
}

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

  g_autoptr(DmAnnotationList) both = NULL;
  DmExportOptions with_own = *options;

  dm_scene_set_scenario (scene, scenario);
  /* --annotate adds to what a scenario file has. */
  if (options->layout.annotations != NULL)
    {
      both = dm_annotation_list_copy (dm_scenario_get_annotations (scenario));
      for (guint i = 0; i < dm_annotation_list_get_n (options->layout.annotations); i++)
        dm_annotation_list_add (both, dm_annotation_list_get (options->layout.annotations, i));
      with_own.layout.annotations = both;
    }
  if (!dm_export_to_file (scene, &with_own, path, &error))
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

/* --lang: the language of the page. It must be in force before the first
 * message is looked up (GLib decides once whether to translate), so the
 * arguments are scanned for it before anything else; the option entry
 * only documents and validates it. */
static gboolean
apply_lang (int    argc,
            char **argv)
{
  static const char *langs[] = { "en", "uk", "de", "fr", "pl" };
  const char *lang = NULL;
  gboolean known = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "--lang") && i + 1 < argc)
        lang = argv[i + 1];
      else if (g_str_has_prefix (argv[i], "--lang="))
        lang = argv[i] + strlen ("--lang=");
    }
  if (lang == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    known |= g_str_equal (lang, langs[i]);
  if (!known)
    {
      g_printerr ("demarcate: --lang must be en, uk, de, fr or pl\n");
      return FALSE;
    }
  /* main () bound the catalogs that go with the data in use. */
  dm_i18n_set_language (lang);
  return TRUE;
}

/* --bbox: four numbers or a named area, into the layout's extent. */
static gboolean
apply_bbox (const char      *bbox,
            DmGeodata       *geodata,
            DmLayoutOptions *layout)
{
  g_auto(GStrv) parts = NULL;
  double v[4];

  if (bbox == NULL)
    return TRUE;
  if (dm_layout_named_extent (geodata, bbox, layout->extent))
    {
      layout->has_extent = TRUE;
      return TRUE;
    }
  parts = g_strsplit (bbox, ",", -1);
  if (g_strv_length (parts) != 4)
    goto bad;
  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      v[i] = g_ascii_strtod (g_strstrip (parts[i]), &end);
      if (end == parts[i] || *end != '\0')
        goto bad;
    }
  if (!dm_layout_lonlat_extent (v[0], v[1], v[2], v[3], layout->extent))
    goto bad;
  layout->has_extent = TRUE;
  return TRUE;

bad:
  _dm_cli_error (_("--bbox must be west,south,east,north in degrees (west < east, south < "
                   "north), e.g. 36.5,46.9,40.3,50.1, or one of crimea, luhansk, donetsk, "
                   "zaporizhzhia, kherson, donbas, south, ukraine"));
  return FALSE;
}

/* The proposals named in "a,b,c", or every one with --all. */
static GPtrArray *
animation_proposals (DmCatalog   *catalog,
                     gboolean     all,
                     const char  *ids,
                     GError     **error)
{
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new_with_free_func (g_object_unref);

  if (all)
    {
      GPtrArray *proposals = dm_catalog_get_proposals (catalog);

      for (guint i = 0; i < proposals->len; i++)
        {
          DmProposal *proposal = g_ptr_array_index (proposals, i);

          /* The baselines are what proposals are measured against, not
           * proposals: a desk's "every plan" reel leaves them out. */
          if (!dm_proposal_is_baseline (proposal))
            g_ptr_array_add (scenarios, dm_scenario_new (proposal));
        }
    }
  else
    {
      g_auto(GStrv) list = g_strsplit (ids, ",", -1);

      for (guint i = 0; list[i] != NULL; i++)
        {
          DmProposal *proposal = dm_catalog_find_proposal (catalog, g_strstrip (list[i]));

          if (proposal == NULL)
            {
              g_set_error (error, DM_ERROR, DM_ERROR_NOT_FOUND,
                           _("unknown proposal “%s”; run “demarcate list” to see the ids"),
                           list[i]);
              return NULL;
            }
          g_ptr_array_add (scenarios, dm_scenario_new (proposal));
        }
    }
  return g_steal_pointer (&scenarios);
}

/* -o FILE.webm|mp4|gif: a time-lapse (--from, --to) of one proposal, or
 * the proposals in turn (--all, --proposals) on one day. */
static int
export_animation (DmCliSelection        *selection,
                  const DmExportOptions *page,
                  DmAnimationFormat      format,
                  const char            *output,
                  const char            *from,
                  const char            *to,
                  int                    every,
                  double                 fps,
                  gboolean               all,
                  const char            *proposals_arg,
                  const char            *bbox)
{
  g_auto(DmCliData) data = { NULL, };
  g_autoptr(DmScenario) scenario = NULL;
  g_autoptr(DmScenario) compare = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GError) error = NULL;
  DmAnimationOptions options;
  gboolean lapse = from != NULL || to != NULL;
  gboolean own_day = FALSE;

  if (output == NULL)
    {
      _dm_cli_error (_("say where to write the animation with -o FILE.webm, .mp4 or .gif"));
      return DM_EXIT_ERROR;
    }
  if (lapse && (from == NULL || to == NULL))
    {
      _dm_cli_error (_("a time-lapse needs both --from and --to"));
      return DM_EXIT_ERROR;
    }
  if (lapse == (all || proposals_arg != NULL))
    {
      _dm_cli_error (_("an animation is a time-lapse (--from A --to B) or proposals in turn "
                       "(--all or --proposals a,b,c): say which"));
      return DM_EXIT_ERROR;
    }
  if (every < 1 || fps < 0 || fps > 120)
    {
      _dm_cli_error (_("--every must be at least 1 and --fps between 0 and 120"));
      return DM_EXIT_ERROR;
    }
  if (selection->compare_id != NULL || (!lapse && (selection->proposal_id != NULL ||
                                                   selection->scenario_file != NULL)))
    {
      _dm_cli_error (_("an animation takes no --compare; proposals in turn take no "
                       "--proposal or --scenario"));
      return DM_EXIT_ERROR;
    }

  if (lapse)
    {
      /* The line alone unless a proposal is given. */
      if (selection->proposal_id == NULL && selection->scenario_file == NULL)
        selection->proposal_id = g_strdup ("line-of-contact");
      if (selection->date != NULL || selection->control_file != NULL)
        {
          _dm_cli_error (_("a time-lapse takes its days from --from and --to, not --date "
                           "or --control"));
          return DM_EXIT_ERROR;
        }
      selection->no_day = TRUE;
    }
  else if (g_strcmp0 (selection->date, "proposal") == 0)
    {
      own_day = TRUE;
      selection->no_day = TRUE;
    }

  if (!_dm_cli_selection_load (selection, &data, lapse, &scenario, &compare, &error))
    {
      _dm_cli_error (error->message);
      return DM_EXIT_ERROR;
    }
  if (lapse)
    days = dm_series_days (data.catalog, from, to, (guint) every, &error);
  else
    proposals = animation_proposals (data.catalog, all, proposals_arg, &error);
  if (days == NULL && proposals == NULL)
    {
      _dm_cli_error (error->message);
      return DM_EXIT_ERROR;
    }
  if ((days != NULL ? days->len : proposals->len) == 0)
    {
      _dm_cli_error (_("the animation would have no frames"));
      return DM_EXIT_ERROR;
    }

  dm_animation_options_init (&options);
  options.format = format;
  options.fps = fps > 0 ? fps : lapse ? 4 : 0.5;
  options.page = *page;
  if (!apply_bbox (bbox, data.geodata, &options.page.layout))
    return DM_EXIT_ERROR;
  return _dm_cli_animate (&data, &options, scenario, days, proposals, own_day, output);
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
  g_autofree char *bbox = NULL;
  g_autofree char *lang = NULL;
  g_auto(GStrv) annotate = NULL;
  g_autoptr(DmAnnotationList) annotations = dm_annotation_list_new ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *proposals_arg = NULL;
  int dpi = 0, every = 1;
  double fps = 0;
  gboolean transparent = FALSE;
  gboolean portrait = FALSE, all = FALSE, no_inset = FALSE, no_basemap = FALSE;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size,
      N_("Size in pixels, or square (1080x1080), portrait (1080x1350), story (1080x1920), "
         "card (1200x675), hd (1920x1080, the default), 4k (3840x2160), a4, a4-portrait, a3, "
         "a3-portrait"), "WxH|NAME" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper size instead of --size"), "a4|a3" },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi, N_("Dots per inch with --paper (default 300)"), "N" },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &portrait, N_("Portrait instead of landscape"), NULL },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("Title (default: the proposal’s)"), "T" },
    { "subtitle", 0, 0, G_OPTION_ARG_STRING, &subtitle, N_("Subtitle"), "T" },
    { "bbox", 0, 0, G_OPTION_ARG_STRING, &bbox,
      N_("The area to show: west,south,east,north in degrees, or crimea, luhansk, donetsk, "
         "zaporizhzhia, kherson, donbas, south, ukraine (default: the five regions)"),
      "W,S,E,N|NAME" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the page: en, uk, de, fr or pl (default: the interface’s)"), "LANG" },
    { "annotate", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &annotate,
      N_("Your own label at a point, e.g. \"Pokrovsk@37.18,48.28\" (repeatable)"),
      "TEXT@LON,LAT" },
    { "no-inset", 0, 0, G_OPTION_ARG_NONE, &no_inset, N_("Leave out the locator map"), NULL },
    { "no-basemap", 0, 0, G_OPTION_ARG_NONE, &no_basemap, N_("Leave out the basemap"), NULL },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &transparent,
      N_("No page background (PNG, SVG, PDF); with --no-basemap the map too is see-through"),
      NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("png, svg, pdf, or geojson or gpkg for GIS data (default: from the -o extension)"),
      "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write"), "FILE" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("One file per proposal, named by its id"), NULL },
    { "out-dir", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, N_("Folder for --all"), "DIR" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("Animation (-o FILE.webm|mp4|gif): a time-lapse of the line from this day"),
      "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("…to this day"), "YYYY-MM-DD" },
    { "every", 0, 0, G_OPTION_ARG_INT, &every, N_("…every Nth day (default 1)"), "N" },
    { "proposals", 0, 0, G_OPTION_ARG_STRING, &proposals_arg,
      N_("Animation: these proposals in turn (--all: every one)"), "ID,ID,…" },
    { "fps", 0, 0, G_OPTION_ARG_DOUBLE, &fps,
      N_("Animation: frames per second (default 4 for a time-lapse, 0.5 for proposals)"), "F" },
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
  DmAnimationFormat anim_format;
  gboolean gis = FALSE, anim = FALSE, own_days = FALSE;
  gint64 t0 = g_get_monotonic_time ();

  if (!apply_lang (argc, argv))
    return DM_EXIT_ERROR;
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
  options.layout.transparent = transparent;
  for (guint i = 0; annotate != NULL && annotate[i] != NULL; i++)
    {
      g_autoptr(DmAnnotation) a = dm_annotation_parse (annotate[i], &error);

      if (a == NULL || !dm_annotation_list_add (annotations, a))
        {
          g_autofree char *msg = a == NULL ? g_strdup_printf ("--annotate %s", error->message)
                                 : g_strdup_printf (_("--annotate: at most %u annotations"),
                                                    DM_ANNOTATION_MAX);
          _dm_cli_error (msg);
          return DM_EXIT_ERROR;
        }
    }
  /* Without --annotate a scenario file's own annotations are drawn. */
  if (annotate != NULL)
    options.layout.annotations = annotations;

  if (size != NULL && paper != NULL)
    {
      _dm_cli_error (_("use either --size or --paper, not both"));
      return DM_EXIT_ERROR;
    }
  if (size != NULL && !apply_preset (size, &options) &&
      !parse_size (size, &options.width, &options.height))
    {
      _dm_cli_error (_("--size must be WIDTHxHEIGHT in pixels, 240 to 20000, e.g. 3840x2160, "
                       "or a name: square, portrait, story, card, hd, 4k, a4, a4-portrait, a3, "
                       "a3-portrait"));
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
      if ((paper == NULL && options.paper == DM_PAPER_NONE) || dpi < 36 || dpi > 1200)
        {
          _dm_cli_error (_("--dpi goes with --paper and must be 36 to 1200"));
          return DM_EXIT_ERROR;
        }
      options.dpi = dpi;
    }

  if (format != NULL && !strchr (format, '.'))
    anim = dm_animation_format_from_string (format, &anim_format);
  else if (format == NULL && output != NULL)
    anim = dm_animation_format_from_string (output, &anim_format);
  if (anim && transparent)
    {
      _dm_cli_error (_("--transparent is for PNG, SVG and PDF; WebM, MP4 and GIF are opaque"));
      return DM_EXIT_ERROR;
    }
  if (anim)
    return export_animation (&selection, &options, anim_format, output, from, to, every, fps,
                             all, proposals_arg, bbox);
  if (from != NULL || to != NULL || proposals_arg != NULL || fps != 0)
    {
      _dm_cli_error (_("--from, --to, --proposals and --fps make an animation: "
                       "-o FILE.webm, .mp4 or .gif"));
      return DM_EXIT_ERROR;
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

  if (!gis && !apply_bbox (bbox, data.geodata, &options.layout))
    return DM_EXIT_ERROR;
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
