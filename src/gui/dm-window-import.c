/* dm-window-import.c: opening or dropping vector files as control areas or overlays, and dated folders. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dm-import.h"
#include "dm-worker.h"
#include "dm-loader.h"
#include "dm-window-private.h"

typedef struct
{
  char         *path;
  DmImportKind  kind;
  gboolean      folder;
  gboolean      check_only; /* read and check, then ask what it is */
  /* Results */
  char         *date;
  char         *name;
  GPtrArray    *shapes;    /* overlay: DmShape */
  GPtrArray    *files;     /* folder: DmImportedFile */
  GPtrArray    *problems;  /* folder: char * */
  guint         n_repaired;
  gboolean      reprojected;
  guint         n_features;
  char         *not_control; /* check: why it cannot be a control area, or NULL */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->path);
  g_free (job->date);
  g_free (job->name);
  g_free (job->not_control);
  g_clear_pointer (&job->shapes, g_ptr_array_unref);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_free (job);
}

/* Worker thread: reads and checks the file, projects overlay shapes, so the
 * window only adds what is ready. */
static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;

  if (job->folder)
    {
      job->files = dm_import_folder (job->path, &job->problems, cancellable, &error);
      if (job->files == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_task_return_boolean (task, TRUE);
      return;
    }

  {
    g_autoptr(DmImportedFile) file = dm_import_file (job->path, job->kind, cancellable, &error);

    if (file == NULL)
      {
        g_task_return_error (task, error);
        return;
      }
    job->name = g_strdup (file->display_name);
    job->date = g_strdup (file->date);
    job->n_repaired = file->vector->n_repaired;
    job->reprojected = file->vector->reprojected;
    job->n_features = file->vector->features->len;

    if (job->check_only)
      {
        /* Readable as an overlay; whether it can be a control area too is
         * found out the way the import would, so the question can say. */
        g_autoptr(DmImportedFile) control_file = NULL;
        g_autoptr(DmControlArea) control = NULL;
        g_autoptr(GError) control_error = NULL;

        control_file = dm_import_file (job->path, DM_IMPORT_CONTROL, cancellable, &control_error);
        if (control_file != NULL)
          control = dm_import_to_control (control_file, &control_error);
        if (control == NULL)
          {
            /* The question names the file already. */
            g_autofree char *display = g_filename_display_name (job->path);
            g_autofree char *prefix = g_strconcat (display, ": ", NULL);
            const char *why = control_error->message;

            if (g_str_has_prefix (why, prefix))
              why += strlen (prefix);
            job->not_control = g_strdup (why);
          }
      }
    else if (job->kind == DM_IMPORT_CONTROL)
      {
        /* Check now that it makes one area, so a bad file never reaches the
         * date list. */
        g_autoptr(DmControlArea) control = dm_import_to_control (file, &error);

        if (control == NULL)
          {
            g_task_return_error (task, error);
            return;
          }
      }
    else
      {
        job->shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_shape_unref);
        for (guint i = 0; i < file->vector->features->len; i++)
          {
            DmFeature *feature = g_ptr_array_index (file->vector->features, i);

            if (feature->geometry != NULL)
              g_ptr_array_add (job->shapes, dm_shape_new (feature->geometry));
          }
      }
  }
  g_task_return_boolean (task, TRUE);
}

/* The message in words; GDAL's own text, which core messages end with
 * "(GDAL: …)", goes under Details. */
static void
show_import_error (DmWindow   *self,
                   const char *message)
{
  const char *gdal = strstr (message, " (GDAL: ");
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *expander;
  GtkWidget *label;

  if (gdal == NULL || !g_str_has_suffix (message, ")"))
    {
      _dm_window_show_error (self, message);
      return;
    }
  {
    g_autofree char *words = g_strndup (message, gdal - message);

    body = g_strconcat (words, ".", NULL);
  }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Use the File"), body);
  {
    g_autofree char *detail = g_strndup (gdal + strlen (" (GDAL: "),
                                         strlen (gdal) - strlen (" (GDAL: ") - 1);

    label = gtk_label_new (detail);
  }
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  expander = gtk_expander_new_with_mnemonic (_("_Details from GDAL"));
  gtk_expander_set_child (GTK_EXPANDER (expander), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), expander);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void ask_kind (DmWindow  *self,
                      ImportJob *job);

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DmWindow) self = user_data;
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_import_error (self, error->message);
      return;
    }

  if (job->check_only)
    {
      ask_kind (self, job);
      return;
    }

  if (job->folder)
    {
      const char *last = NULL;
      guint n_added = 0;

      for (guint i = 0; i < job->files->len; i++)
        {
          DmImportedFile *file = g_ptr_array_index (job->files, i);

          /* A folder never replaces a line already shown: that is asked
           * for one file at a time. */
          if (dm_loader_has_day (self->catalog, file->date))
            {
              if (job->problems == NULL)
                job->problems = g_ptr_array_new_with_free_func (g_free);
              g_ptr_array_add (job->problems,
                               g_strdup_printf (_("%s: a line of contact for %s is already "
                                                  "shown; left out"), file->display_name,
                                                file->date));
              continue;
            }
          dm_loader_add_day (self->catalog, file->date, file->path);
          last = file->date;
          n_added++;
        }
      _dm_window_fill_dates (self, last);
      _dm_window_compare_setup (self);
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u dated control area",
                                              "Imported %u dated control areas",
                                              n_added), n_added);
      _dm_window_toast (self, message);
      if (job->problems != NULL && job->problems->len > 0)
        {
          g_ptr_array_add (job->problems, NULL);
          {
            g_autofree char *all = g_strjoinv ("\n", (char **) job->problems->pdata);
            g_autofree char *body = g_strdup_printf (_("These files were skipped:\n%s"), all);
            _dm_window_show_error (self, body);
          }
        }
      return;
    }

  if (job->kind == DM_IMPORT_CONTROL)
    {
      dm_loader_add_day (self->catalog, job->date, job->path);
      _dm_window_fill_dates (self, job->date);
      _dm_window_compare_setup (self);
      message = g_strdup_printf (_("Imported “%s” as the line of contact of %s"), job->name,
                                 job->date);
    }
  else
    {
      dm_scene_add_extra (self->scene, job->name, job->shapes);
      /* Both maps show it; the shapes are shared. */
      dm_scene_add_extra (dm_comparison_get_scene (self->comparison), job->name, job->shapes);
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Imported “%s” as an overlay (%u feature)",
                                              "Imported “%s” as an overlay (%u features)",
                                              job->shapes->len), job->name, job->shapes->len);
    }
  if (job->n_repaired > 0)
    {
      g_autofree char *repaired = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s; %u invalid polygon was repaired",
                                                                "%s; %u invalid polygons were repaired",
                                                                job->n_repaired),
                                                   message, job->n_repaired);
      g_free (message);
      message = g_steal_pointer (&repaired);
    }
  _dm_window_toast (self, message);
}

static void
run_import (DmWindow  *self,
            ImportJob *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, import_done_cb,
                                      g_object_ref (self));

  g_task_set_task_data (task, job, import_job_free);
  dm_worker_run (task, import_thread);
}

/* Files opened or dropped before the first line is shown wait for it:
 * the importer's checks and questions need the map's data. */
static void
run_pending_cb (DmWindow *self)
{
  GPtrArray *pending = g_object_get_data (G_OBJECT (self), "dm-pending-imports");

  if (pending == NULL || !dm_window_is_ready (self))
    return;
  g_signal_handlers_disconnect_by_func (self->scene, run_pending_cb, self);
  /* Each job goes to its task, which frees it. */
  g_ptr_array_set_free_func (pending, NULL);
  for (guint i = 0; i < pending->len; i++)
    run_import (self, pending->pdata[i]);
  g_object_set_data (G_OBJECT (self), "dm-pending-imports", NULL);
}

static void
start_import (DmWindow     *self,
              const char   *path,
              DmImportKind  kind,
              gboolean      folder,
              gboolean      check_only)
{
  ImportJob *job = g_new0 (ImportJob, 1);
  GPtrArray *pending;

  job->path = g_strdup (path);
  job->kind = kind;
  job->folder = folder;
  job->check_only = check_only;
  if (dm_window_is_ready (self))
    {
      run_import (self, job);
      return;
    }
  pending = g_object_get_data (G_OBJECT (self), "dm-pending-imports");
  if (pending == NULL)
    {
      pending = g_ptr_array_new_with_free_func (import_job_free);
      g_object_set_data_full (G_OBJECT (self), "dm-pending-imports", pending,
                              (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect_object (self->scene, "notify::partition", G_CALLBACK (run_pending_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->scene, "notify::scenario", G_CALLBACK (run_pending_cb),
                               self, G_CONNECT_SWAPPED);
    }
  g_ptr_array_add (pending, job);
}

/* What a question about a file is about, for its response. */
typedef struct
{
  DmWindow *window;  /* weak: the dialog may outlive it */
  char     *path;
  char     *date;
} Question;

static Question *
question_new (DmWindow   *self,
              const char *path,
              const char *date)
{
  Question *question = g_new0 (Question, 1);

  g_set_weak_pointer (&question->window, self);
  question->path = g_strdup (path);
  question->date = g_strdup (date);
  return question;
}

static void
question_free (gpointer  data,
               GClosure *closure)
{
  Question *question = data;

  g_clear_weak_pointer (&question->window);
  g_free (question->path);
  g_free (question->date);
  g_free (question);
}

/* "Keep both": the timeline holds one line per day, so the file's line
 * joins the map as an overlay named for its day, drawn over the day's own
 * line, and the two can be told apart where they differ. */
static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Question         *question)
{
  if (question->window == NULL)
    return;
  if (g_str_equal (response, "replace"))
    start_import (question->window, question->path, DM_IMPORT_CONTROL, FALSE, FALSE);
  else if (g_str_equal (response, "both"))
    start_import (question->window, question->path, DM_IMPORT_OVERLAY, FALSE, FALSE);
}

static void
kind_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  Question         *question)
{
  DmWindow *self = question->window;
  const char *path = question->path;
  const char *date = question->date;
  const DmControlInfo *existing;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  g_autofree char *existing_name = NULL;
  GtkWidget *ask;

  if (self == NULL)
    return;
  if (g_str_equal (response, "overlay"))
    start_import (self, path, DM_IMPORT_OVERLAY, FALSE, FALSE);
  if (!g_str_equal (response, "control"))
    return;

  existing = dm_catalog_find_control (self->catalog, date);
  if (existing == NULL)
    {
      start_import (self, path, DM_IMPORT_CONTROL, FALSE, FALSE);
      return;
    }

  /* A day's line is never replaced without asking. */
  name = g_filename_display_basename (path);
  existing_name = existing->path ? g_filename_display_basename (existing->path)
                                 : g_strdup (dm_days_get_fact (dm_catalog_get_days (self->catalog),
                                                               DM_DAYS_NAME));
  heading = g_strdup_printf (_("Replace the Line of %s?"), date);
  body = g_strdup_printf (_("The map already has a line of contact for %s, from “%s”. Replace "
                            "it with “%s” for this session, or keep both, with “%s” drawn "
                            "over it as an overlay? No file is changed."),
                          date, existing_name, name, name);
  ask = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (ask),
                                    "cancel", _("_Cancel"),
                                    "both", _("Keep _Both"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (ask), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (ask), "cancel");
  g_signal_connect_data (ask, "response", G_CALLBACK (replace_response_cb),
                         question_new (self, path, date), question_free, 0);
  gtk_window_present (GTK_WINDOW (ask));
}

/* Asked once the file has been read and checked, so the question can say
 * what the file holds and offer only what it can be. */
static void
ask_kind (DmWindow  *self,
          ImportJob *job)
{
  g_autofree char *count = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u feature", "%u features",
                                        job->n_features), job->n_features);
  /* The file name goes in the body: a long one in the heading gets
   * hyphenated mid-word. */
  if (job->not_control == NULL)
    body = g_strdup_printf (_("“%s”, %s\n\nA control area is the Russian-held area on one "
                              "date: its polygons become the line of contact of %s (from its "
                              "“date” field or file name). An overlay is drawn on top of the "
                              "map as it is."), job->name, count, job->date);
  else
    body = g_strdup_printf (_("“%s”, %s\n\nIt can be drawn on top of the map as an overlay. "
                              "It cannot be a control area: %s"), job->name, count,
                            job->not_control);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import a Vector File"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "overlay", _("_Overlay"),
                                    NULL);
  if (job->not_control == NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "control",
                                       _("C_ontrol Area"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "control",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           job->not_control == NULL ? "control" : "overlay");
  g_signal_connect_data (dialog, "response", G_CALLBACK (kind_response_cb),
                         question_new (self, job->path, job->date), question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file: read and check it, then ask what it is. A folder: a series of
 * dated control areas. */
static void
import_path (DmWindow   *self,
             const char *path)
{
  gboolean folder = g_file_test (path, G_FILE_TEST_IS_DIR);

  start_import (self, path, folder ? DM_IMPORT_CONTROL : DM_IMPORT_OVERLAY, folder, !folder);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gboolean folder = g_variant_get_boolean (parameter);
  GtkFileFilter *filter = NULL;

  if (!folder)
    {
      const char *patterns[] = { "*.geojson", "*.json", "*.kml", "*.kmz", "*.shp", "*.zip",
                                 "*.gpkg", "*.fgb" };

      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("Vector files (GeoJSON, KML, Shapefile, "
                                          "GeoPackage, FlatGeobuf)"));
      for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
        gtk_file_filter_add_pattern (filter, patterns[i]);
    }
  _dm_window_choose_path (DM_WINDOW (widget),
                          folder ? _("Import a Folder of Dated Control Areas")
                                 : _("Import a Vector File"),
                          folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                 : GTK_FILE_CHOOSER_ACTION_OPEN,
                          _("_Import"), NULL, filter, import_path);
}

static gboolean
drop_cb (DmWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL)
        import_path (self, path);
    }
  return files != NULL;
}

void
_dm_window_import_init (DmWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->map_overlay), GTK_EVENT_CONTROLLER (target));
}

void
_dm_window_import_class_init (GtkWidgetClass *widget_class)
{
  /* (b): a folder of dated control areas rather than one file. */
  gtk_widget_class_install_action (widget_class, "win.import", "b", import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import",
                                       "b", FALSE);
}

/* Imports without asking: for scripts and tests. A folder is always a
 * dated series. */
void
dm_window_import_file (DmWindow   *self,
                       const char *path,
                       gboolean    as_overlay)
{
  start_import (self, path, as_overlay ? DM_IMPORT_OVERLAY : DM_IMPORT_CONTROL,
                g_file_test (path, G_FILE_TEST_IS_DIR), FALSE);
}

/* As opening or dropping a file does: read and check it, then ask. */
void
dm_window_import_asking (DmWindow   *self,
                         const char *path)
{
  import_path (self, path);
}

guint
dm_window_get_n_overlays (DmWindow *self)
{
  return dm_scene_get_n_extras (self->scene);
}
