/* dm-window-update.c: "Check for Newer Lines": the days after the newest one, fetched on request, with progress and cancel. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-control-update.h"
#include "dm-loader.h"
#include "dm-window-private.h"

/* One check: the dialog that shows its progress may be closed, and the
 * window may go, before the last day is in. */
typedef struct
{
  DmWindow        *window;   /* weak */
  DmControlUpdate *update;
  GCancellable    *cancellable;
  GtkWidget       *dialog;   /* weak */
  GtkProgressBar  *bar;      /* inside the dialog */
  char            *shown;    /* the day shown when the check began */
  guint            n_added;
} UpdateRun;

static void
update_run_free (UpdateRun *run)
{
  g_clear_weak_pointer (&run->window);
  g_clear_weak_pointer (&run->dialog);
  g_clear_object (&run->update);
  g_clear_object (&run->cancellable);
  g_free (run->shown);
  g_free (run);
}

static void
day_cb (DmControlUpdate *update,
        DmControlDay    *day,
        UpdateRun       *run)
{
  guint total = dm_control_update_get_n_total (update);
  guint checked = dm_control_update_get_n_checked (update);
  g_autofree char *text = NULL;

  if (day->outcome == DM_CONTROL_DAY_STORED && run->window != NULL)
    {
      dm_loader_add_day (run->window->catalog, day->date, day->path);
      run->n_added++;
    }
  if (run->dialog == NULL)
    return;
  text = g_strdup_printf (_("%u of %u days checked, %u fetched"), checked, total, run->n_added);
  gtk_progress_bar_set_fraction (run->bar, total > 0 ? (double) checked / total : 1.0);
  gtk_progress_bar_set_text (run->bar, text);
}

static void
update_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  UpdateRun *run = data;
  g_autoptr(GError) error = NULL;
  gboolean ok = dm_control_update_run_finish (run->update, result, &error);
  DmWindow *self = run->window;

  if (run->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (run->dialog));
  if (self != NULL)
    {
      guint refused = dm_control_update_get_n_refused (run->update);

      if (run->n_added > 0)
        _dm_window_fill_dates (self, run->shown);
      if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dm_window_show_error (self, error->message);
      else if (refused > 0)
        {
          g_autofree char *msg = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u day was refused as broken and not stored",
                         "%u days were refused as broken and not stored", refused), refused);
          _dm_window_show_error (self, msg);
        }
      if (run->n_added > 0)
        {
          g_autofree char *msg = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u newer day of the line of contact added",
                         "%u newer days of the line of contact added", run->n_added),
            run->n_added);
          _dm_window_toast (self, msg);
        }
      else if (ok)
        _dm_window_toast (self, _("No newer days of the line of contact yet"));
    }
  update_run_free (run);
}

static void
dialog_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    UpdateRun        *run)
{
  /* The dialog closes itself; the check stops if it was still going. */
  g_cancellable_cancel (run->cancellable);
}

/* Fetches the days after the newest one the window has, up to last
 * (NULL: today), from base_url (NULL: the public archive) into dest_dir
 * (NULL: the user's data folder). Nothing else in the window goes online. */
void
dm_window_check_newer_lines (DmWindow   *self,
                             const char *base_url,
                             const char *last,
                             const char *dest_dir)
{
  g_auto(GStrv) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  UpdateRun *run;
  guint n;

  if (self->catalog == NULL)
    return;
  days = dm_loader_dup_days (self->catalog);
  n = g_strv_length (days);
  if (n == 0)
    return;
  run = g_new0 (UpdateRun, 1);
  run->update = dm_control_update_new (base_url, days[n - 1], last, dest_dir, &error);
  if (run->update == NULL)
    {
      _dm_window_show_error (self, error->message);
      update_run_free (run);
      return;
    }
  g_set_weak_pointer (&run->window, self);
  run->cancellable = g_cancellable_new ();
  run->shown = g_strdup (dm_timeline_get_day (self->timeline));

  body = g_strdup_printf (_("Asking DeepStateMap’s public archive (%s) for the days after %s. "
                            "Demarcate goes online only when asked to."),
                          dm_control_update_get_base_url (run->update), days[n - 1]);
  run->dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Checking for Newer Lines"), body);
  g_object_add_weak_pointer (G_OBJECT (run->dialog), (gpointer *) &run->dialog);
  run->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (run->bar, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (run->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Days checked"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (run->dialog), GTK_WIDGET (run->bar));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (run->dialog), "cancel", _("_Cancel"));
  g_signal_connect (run->dialog, "response", G_CALLBACK (dialog_response_cb), run);
  gtk_window_present (GTK_WINDOW (run->dialog));

  g_signal_connect (run->update, "day", G_CALLBACK (day_cb), run);
  dm_control_update_run_async (run->update, run->cancellable, update_done_cb, run);
}

static void
check_newer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  dm_window_check_newer_lines (DM_WINDOW (widget), NULL, NULL, NULL);
}

void
_dm_window_update_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.check-newer-lines", NULL,
                                   check_newer_action);
}
