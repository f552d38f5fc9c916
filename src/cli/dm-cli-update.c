/* dm-cli-update.c: `demarcate update`: fetches the DeepStateMap days newer than the app has. */
#include "config.h"

#include <signal.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "dm-cli-private.h"
#include "dm-control-update.h"

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GError       *error;
} UpdateRun;

static void
update_day_cb (DmControlUpdate    *update,
               const DmControlDay *day,
               gpointer            user_data)
{
  switch (day->outcome)
    {
    case DM_CONTROL_DAY_STORED:
      g_print (_("  %s  stored\n"), day->date);
      break;
    case DM_CONTROL_DAY_MISSING:
      g_print (_("  %s  skipped: not published (%s)\n"), day->date, day->url);
      break;
    case DM_CONTROL_DAY_REFUSED:
    default:
      g_print (_("  %s  refused\n"), day->date);
      g_printerr (_("demarcate: %s (%s): refused and not stored: %s\n"), day->date, day->url,
                  day->message);
      break;
    }
}

static void
update_run_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  UpdateRun *run = user_data;

  dm_control_update_run_finish (DM_CONTROL_UPDATE (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

/* Ctrl+C cancels; the day being fetched is dropped, the stored ones stay. */
static gboolean
interrupt_cb (gpointer user_data)
{
  UpdateRun *run = user_data;

  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

/* The newest day the app already has: bundled, or fetched before (the
 * catalog lists both). */
static char *
newest_known_day (GError **error)
{
  g_autoptr(DmCatalog) catalog = dm_catalog_new_default (error);

  if (catalog == NULL)
    return NULL;
  return g_strdup (dm_catalog_latest_control (catalog)->date);
}

int
_dm_cli_update (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmControlUpdate) update = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  UpdateRun run = { NULL };
  guint sigint_id;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The folder of deepstatemap_data_YYYYMMDD.geojson files (default: the public "
         "archive on GitHub)"), "URL" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The last day to fetch (default: today, UTC)"), "YYYY-MM-DD" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Fetches the DeepStateMap days after the newest one Demarcate "
                                  "has, up to today (UTC), into $XDG_DATA_HOME/demarcate/control/ "
                                  "(~/.local/share/demarcate/control/). "
                                  "Each file is checked as any control-area file before it is "
                                  "stored; a day the archive lacks is skipped. This is the "
                                  "only command that uses the network. Exits with 0 when all "
                                  "went well, 1 when a day was refused and 2 on an error."));
  if (!_dm_cli_parse (context, &argc, &argv))
    return DM_EXIT_ERROR;
  if (argc > 1)
    {
      _dm_cli_error (_("update takes no FILE; use --from URL for another folder"));
      return DM_EXIT_ERROR;
    }

  after = newest_known_day (&error);
  if (after == NULL)
    {
      _dm_cli_error (error != NULL ? error->message
                                   : _("no control dates found; the data folder is incomplete"));
      return DM_EXIT_ERROR;
    }
  update = dm_control_update_new (from, after, to, NULL, &error);
  if (update == NULL)
    {
      _dm_cli_error (error->message);
      return DM_EXIT_ERROR;
    }
  if (dm_control_update_get_n_total (update) == 0)
    {
      g_print (_("Up to date: the newest day is %s (checking up to %s).\n"), after,
               dm_control_update_get_last (update));
      return DM_EXIT_OK;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Checking %u day, %s to %s, at %s\n",
                        "Checking %u days, %s to %s, at %s\n",
                        dm_control_update_get_n_total (update)),
           dm_control_update_get_n_total (update), dm_control_update_get_first (update),
           dm_control_update_get_last (update), dm_control_update_get_base_url (update));

  loop = g_main_loop_new (NULL, FALSE);
  cancellable = g_cancellable_new ();
  run.loop = loop;
  run.cancellable = cancellable;
  g_signal_connect (update, "day", G_CALLBACK (update_day_cb), NULL);
  sigint_id = g_unix_signal_add (SIGINT, interrupt_cb, &run);
  dm_control_update_run_async (update, cancellable, update_run_cb, &run);
  g_main_loop_run (loop);
  g_source_remove (sigint_id);

  g_print (_("Days checked: %u of %u; fetched: %u; skipped (not published): %u; refused: %u\n"),
           dm_control_update_get_n_checked (update), dm_control_update_get_n_total (update),
           dm_control_update_get_n_stored (update), dm_control_update_get_n_missing (update),
           dm_control_update_get_n_refused (update));
  if (dm_control_update_get_n_stored (update) > 0)
    {
      g_autofree char *dir = g_filename_display_name (dm_control_update_get_dest_dir (update));

      g_print (_("Stored in %s\n"), dir);
    }

  if (run.error != NULL)
    {
      if (g_error_matches (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dm_cli_error (_("cancelled; the days stored so far are kept"));
      else
        _dm_cli_error (run.error->message);
      g_clear_error (&run.error);
      return DM_EXIT_ERROR;
    }
  return dm_control_update_get_n_refused (update) > 0 ? DM_EXIT_INVALID : DM_EXIT_OK;
}
