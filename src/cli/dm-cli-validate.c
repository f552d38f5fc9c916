/* dm-cli-validate.c: `demarcate validate FILE…`: proposals, scenarios and vector files. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dm-cli-private.h"
#include "dm-proposal-rules.h"
#include "dm-import.h"

typedef enum
{
  KIND_PROPOSAL,
  KIND_SCENARIO,
  KIND_VECTOR,
} FileKind;

/* JSON files say what they are in "format"; GeoJSON has "type" instead. */
static FileKind
guess_kind (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_str_has_suffix (path, ".json"))
    return KIND_VECTOR;
  if (!g_file_get_contents (path, &data, &length, NULL))
    return KIND_PROPOSAL;
  if (strstr (data, "\"demarcate-scenario\"") != NULL)
    return KIND_SCENARIO;
  if (strstr (data, "\"FeatureCollection\"") != NULL || strstr (data, "\"Feature\"") != NULL)
    return KIND_VECTOR;
  return KIND_PROPOSAL;
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
              DmCatalog  *catalog,
              DmCatalog  *bundled)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;

  switch (guess_kind (path))
    {
    case KIND_SCENARIO:
      {
        g_autoptr(DmScenario) scenario = NULL;

        if (catalog == NULL)
          {
            g_printerr ("%s: %s\n", path, _("cannot check the scenario: no proposals loaded"));
            return FALSE;
          }
        scenario = dm_scenario_load (path, catalog, NULL, &error);
        break;
      }
    case KIND_VECTOR:
      {
        /* Read as an import would (zipped Shapefiles and KMZ too), and
         * say what the file can be used for. */
        g_autoptr(DmImportedFile) file = dm_import_file (path, DM_IMPORT_OVERLAY, NULL, &error);

        g_autofree char *count = NULL;

        if (file == NULL)
          break;
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u feature", "%u features",
                                              file->vector->features->len),
                                 file->vector->features->len);
        if (file->polygonal && file->date != NULL)
          what = g_strdup_printf (_("%s; polygons dated %s: usable as a control area or an "
                                    "overlay"), count, file->date);
        else
          what = g_strdup_printf (_("%s; usable as an overlay (a control area needs polygons "
                                    "and a date)"), count);
        if (file->vector->n_repaired > 0)
          {
            g_autofree char *more = g_strdup_printf (_("%s; %u invalid polygons would be "
                                                       "repaired"), what,
                                                     file->vector->n_repaired);
            g_free (what);
            what = g_steal_pointer (&more);
          }
        break;
      }
    case KIND_PROPOSAL:
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
  gboolean all_valid = TRUE;

  g_option_context_set_summary (context,
                                _("Checks proposal files, scenario files and vector files "
                                  "(GeoJSON, KML, Shapefile, GeoPackage, FlatGeobuf). Exits "
                                  "with 0 when all are valid and 1 otherwise; each problem is "
                                  "printed as “FILE: what is wrong”."));
  if (!_dm_cli_parse (context, &argc, &argv))
    return DM_EXIT_ERROR;
  if (argc < 2)
    {
      _dm_cli_error (_("validate needs at least one FILE"));
      return DM_EXIT_ERROR;
    }

  /* Only scenarios need the proposals; a broken data folder is not their fault. */
  catalog = dm_catalog_new_default (NULL);
  bundled = dm_catalog_new (dm_data_dir (), NULL, NULL);

  for (int i = 1; i < argc; i++)
    all_valid &= validate_one (argv[i], catalog, bundled);

  return all_valid ? DM_EXIT_OK : DM_EXIT_INVALID;
}
