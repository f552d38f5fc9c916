/* dm-cli-validate.c: `demarcate validate FILE…`: proposals, scenarios, lessons and vector files. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dm-cli-private.h"
#include "dm-proposal-rules.h"
#include "dm-error.h"
#include "dm-file-kind.h"
#include "dm-import.h"
#include "dm-json.h"
#include "dm-lesson.h"

/* "FILE: what" → "what", for messages that follow "FILE: not usable…: ". */
static const char *
without_file (const char *message,
              const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  gsize len = strlen (display);

  if (strncmp (message, display, len) == 0 && strncmp (message + len, ": ", 2) == 0)
    return message + len + 2;
  return message;
}

/* Reads a vector file as an import would (zipped Shapefiles and KMZ too)
 * and says what it can serve as; with `as`, only whether it can be that. */
static char *
check_vector (const char  *path,
              const char  *as,
              gboolean    *ok)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmImportedFile) file = NULL;
  g_autoptr(DmImportedFile) control_file = NULL;
  g_autoptr(DmControlArea) control = NULL;
  g_autoptr(GError) control_error = NULL;
  g_autofree char *count = NULL;
  GString *what;

  *ok = FALSE;
  file = dm_import_file (path, DM_IMPORT_OVERLAY, NULL, &error);
  if (file == NULL)
    {
      if (g_strcmp0 (as, "control") == 0)
        return g_strdup_printf (_("%s: not usable as a control area: %s"), path,
                                without_file (error->message, path));
      if (g_strcmp0 (as, "overlay") == 0)
        return g_strdup_printf (_("%s: not usable as an overlay: %s"), path,
                                without_file (error->message, path));
      return g_strdup (error->message);
    }

  /* A control area is read under its own bounds, then merged into one. */
  control_file = dm_import_file (path, DM_IMPORT_CONTROL, NULL, &control_error);
  if (control_file != NULL)
    control = dm_import_to_control (control_file, &control_error);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u feature", "%u features",
                                        file->vector->features->len),
                           file->vector->features->len);
  what = g_string_new (NULL);
  g_string_printf (what, "%s, %s", file->vector->driver, count);
  if (g_strcmp0 (as, "control") == 0)
    {
      if (control == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("%s: not usable as a control area: %s"),
                                                      path,
                                                      without_file (control_error->message,
                                                                    path));
          g_string_free (what, TRUE);
          return g_steal_pointer (&message);
        }
      g_string_append_printf (what, _("; usable as a control area for %s"), control->date);
    }
  else if (g_strcmp0 (as, "overlay") == 0)
    g_string_append (what, _("; usable as an overlay"));
  else if (control != NULL)
    g_string_append_printf (what, _("; polygons dated %s: usable as a control area or an "
                                    "overlay"), control->date);
  else
    g_string_append_printf (what, _("; usable as an overlay, not as a control area (%s)"),
                            without_file (control_error->message, path));
  if (file->vector->n_repaired > 0)
    g_string_append_printf (what, g_dngettext (GETTEXT_PACKAGE,
                                               "; %u invalid polygon would be repaired",
                                               "; %u invalid polygons would be repaired",
                                               file->vector->n_repaired),
                            file->vector->n_repaired);
  *ok = TRUE;
  return g_string_free (what, FALSE);
}

/* What a proposal file means among the others: an "earlier" naming a
 * proposal that exists, with its status; a bundled proposal it replaces. */
static gboolean
check_proposal_context (const char *path,
                        DmProposal *proposal,
                        DmCatalog  *catalog,
                        DmCatalog  *bundled)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  DmProposal *same = bundled ? dm_catalog_find_proposal (bundled, dm_proposal_get_id (proposal))
                             : NULL;

  if (catalog != NULL)
    dm_proposal_check_earlier (proposal, catalog, problems);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", path, (const char *) g_ptr_array_index (problems, i));
  if (same != NULL)
    {
      g_autofree char *real = g_canonicalize_filename (path, NULL);
      g_autofree char *theirs = g_canonicalize_filename (dm_proposal_get_path (same), NULL);

      if (!g_str_equal (real, theirs))
        g_printerr (_("%s: warning: has the id “%s” of the bundled proposal %s; in your "
                      "proposals folder it replaces that file\n"), path, dm_proposal_get_id (proposal),
                    theirs);
    }
  return problems->len == 0;
}

static gboolean
validate_one (const char *path,
              const char *as,
              DmCatalog  *catalog,
              DmCatalog  *bundled)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  DmFileKind kind;

  if (!dm_file_kind_of (path, &kind, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  if (as != NULL && kind != DM_FILE_VECTOR)
    {
      g_printerr (_("%s: --as %s is for vector files; this is %s\n"), path, as,
                  dm_file_kind_name (kind));
      return FALSE;
    }
  if ((kind == DM_FILE_SCENARIO || kind == DM_FILE_LESSON) && catalog == NULL)
    {
      g_printerr ("%s: %s\n", path, _("cannot check it: no proposals loaded"));
      return FALSE;
    }

  switch (kind)
    {
    case DM_FILE_SCENARIO:
      {
        g_autoptr(DmScenario) scenario = dm_scenario_load (path, catalog, NULL, &error);
        break;
      }
    case DM_FILE_LESSON:
      {
        g_autoptr(DmLesson) lesson = dm_lesson_load (path, catalog, &error);
        break;
      }
    case DM_FILE_VECTOR:
      {
        gboolean ok;

        what = check_vector (path, as, &ok);
        if (!ok)
          {
            g_printerr ("%s\n", what);
            return FALSE;
          }
        break;
      }
    case DM_FILE_PROPOSAL:
    default:
      {
        g_autoptr(DmProposal) proposal = dm_proposal_new_from_file (path, &error);

        if (proposal != NULL && !check_proposal_context (path, proposal, catalog, bundled))
          return FALSE;
        break;
      }
    }

  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  if (what != NULL)
    g_print (_("%s: valid: %s\n"), path, what);
  else
    g_print (_("%s: valid\n"), path);
  return TRUE;
}

int
_dm_cli_validate (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE…"));
  g_autoptr(DmCatalog) catalog = NULL;
  g_autoptr(DmCatalog) bundled = NULL;
  g_autofree char *as = NULL;
  gboolean all_valid = TRUE;
  GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as,
      N_("Check only whether each vector file can serve as a control area or an overlay"),
      "control|overlay" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Checks proposal, scenario and lesson files and vector files "
                                  "(GeoJSON, KML, KMZ, Shapefile, GeoPackage, FlatGeobuf). A "
                                  "JSON file is what its “format” says. Exits with 0 when all "
                                  "are valid and 1 otherwise; each problem is printed as "
                                  "“FILE: what is wrong”."));
  if (!_dm_cli_parse (context, &argc, &argv))
    return DM_EXIT_ERROR;
  if (argc < 2)
    {
      _dm_cli_error (_("validate needs at least one FILE"));
      return DM_EXIT_ERROR;
    }
  if (as != NULL && !g_str_equal (as, "control") && !g_str_equal (as, "overlay"))
    {
      _dm_cli_error (_("--as takes control or overlay"));
      return DM_EXIT_ERROR;
    }

  /* Only scenarios and lessons need the proposals; a broken data folder is
   * not their fault. */
  catalog = dm_catalog_new_default (NULL);
  bundled = dm_catalog_new (dm_data_dir (), NULL, NULL);

  for (int i = 1; i < argc; i++)
    all_valid &= validate_one (argv[i], as, catalog, bundled);

  return all_valid ? DM_EXIT_OK : DM_EXIT_INVALID;
}
