/* dm-cli-list.c: `demarcate list`: proposals and control dates. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-cli-private.h"

int
_dm_cli_list (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(DmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *proposals, *controls;
  DmDays *days;

  g_option_context_set_summary (context, _("Lists the proposals (id, date, title), the days of "
                                           "the line of contact, and the control files fetched "
                                           "or given."));
  if (!_dm_cli_parse (context, &argc, &argv))
    return DM_EXIT_ERROR;

  catalog = dm_catalog_new_default (&error);
  if (catalog == NULL)
    {
      _dm_cli_error (error->message);
      return DM_EXIT_ERROR;
    }

  proposals = dm_catalog_get_proposals (catalog);
  g_print ("%s\n", _("Proposals:"));
  for (guint i = 0; i < proposals->len; i++)
    {
      DmProposal *p = g_ptr_array_index (proposals, i);

      g_print ("  %-32s %-10s %s%s\n", dm_proposal_get_id (p),
               dm_proposal_get_date (p) ? dm_proposal_get_date (p) : "—",
               dm_proposal_get_title (p),
               dm_proposal_is_baseline (p) ? _(" [baseline]") : "");
    }

  controls = dm_catalog_get_controls (catalog);
  days = dm_catalog_get_days (catalog);
  g_print ("\n%s\n", _("Line of contact:"));
  /* Translators: the record's name, its first and last day, and how many days it has. */
  g_print (_("  %s, every day from %s to %s (%u days; a day with no file uses the day before)\n"),
           dm_days_get_fact (days, DM_DAYS_NAME), dm_days_get_fact (days, DM_DAYS_FIRST),
           dm_days_get_fact (days, DM_DAYS_LAST), dm_days_get_dates (days)->len);
  for (guint i = 0; i < controls->len; i++)
    {
      DmControlInfo *info = g_ptr_array_index (controls, i);
      g_autofree char *base = info->path ? g_path_get_basename (info->path) : NULL;

      if (base != NULL)
        g_print ("  %s  %s\n", info->date, base);
    }

  for (guint i = 0; i < dm_catalog_get_problems (catalog)->len; i++)
    g_printerr ("demarcate: skipped %s\n",
                (char *) g_ptr_array_index (dm_catalog_get_problems (catalog), i));
  return DM_EXIT_OK;
}
