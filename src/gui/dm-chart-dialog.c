/* dm-chart-dialog.c: the chart of the front in a window: computed in a thread, hovered for figures, clicked to show a day.
 *
 * The whole record every day is some forty seconds of GEOS work on two
 * processors, so the figures are computed in a GTask, a few days at a
 * time; each batch is drawn as it arrives and the progress bar says how
 * far along it is. Changing the step or closing the window cancels. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-chart-dialog.h"
#include "dm-worker.h"

struct _DmChartDialog
{
  AdwWindow        parent_instance;

  /* Template children */
  AdwWindowTitle  *window_title;
  GtkDropDown     *step_dropdown;
  AdwToastOverlay *toasts;
  GtkProgressBar  *progress_bar;
  GtkDrawingArea  *area;
  GtkLabel        *hint_label;

  DmCatalog       *catalog;
  DmGeodata       *geodata;
  char            *from, *to;
  DmChart         *chart;       /* filling in until ready */
  gboolean         ready;
  int              hover;       /* a day's index, or -1 */
  guint            generation;  /* of the computation the chart belongs to */
  GCancellable    *cancellable;
  gint64           started;
  DmChartFormat    save_format;
  GtkFileChooserNative *chooser;
  char            *description; /* the chart area's, for screen readers */
};

G_DEFINE_FINAL_TYPE (DmChartDialog, dm_chart_dialog, ADW_TYPE_WINDOW)

enum
{
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const guint steps[] = { 1, 7, 30 };

/* What the worker thread needs; self is borrowed: the task's callback
 * holds a reference until the thread is done. */
typedef struct
{
  DmChartDialog *self;
  DmCatalog     *catalog;
  DmGeodata     *geodata;
  char          *from, *to;
  guint          every;
  guint          generation;
} Run;

/* A batch of days on its way to the main thread. */
typedef struct
{
  DmChartDialog *self;
  guint          generation;
  GArray        *days;  /* DmChartDay, own dates */
  guint          done, total;
} Batch;

static void
run_free (gpointer data)
{
  Run *run = data;

  dm_catalog_unref (run->catalog);
  dm_geodata_unref (run->geodata);
  g_free (run->from);
  g_free (run->to);
  g_free (run);
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_object_unref (batch->self);
  g_array_unref (batch->days);
  g_free (batch);
}

static void
day_clear (gpointer data)
{
  g_free (((DmChartDay *) data)->date);
}

static gboolean
timing (void)
{
  return g_getenv ("DEMARCATE_TIMING") != NULL;
}

static void
update_hint (DmChartDialog *self)
{
  const DmChartDay *day;
  g_autoptr(GString) text = NULL;

  if (self->hover < 0 || (guint) self->hover >= dm_chart_get_n_days (self->chart))
    {
      gtk_label_set_text (self->hint_label,
                          _("Point at a day for its figures; click it (or press Enter) to show "
                            "that day on the map. Left and Right step through the days."));
      return;
    }
  /* The hovered figures as text too, for keyboard and screen-reader users. */
  day = dm_chart_get_day (self->chart, self->hover);
  text = g_string_new (day->date);
  for (DmChartSeries k = 0; k < DM_CHART_N_SERIES; k++)
    {
      g_autofree char *km2 = dm_chart_format_km2 (day->km2[k]);

      g_string_append_printf (text, k == 0 ? ": %s %s km²" : ", %s %s km²",
                              dm_chart_series_label (k), km2);
    }
  g_string_append (text, _(". Enter shows this day on the map."));
  gtk_label_set_text (self->hint_label, text->str);
}

static void
set_hover (DmChartDialog *self,
           int            hover)
{
  if (hover == self->hover)
    return;
  self->hover = hover;
  update_hint (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
update_description (DmChartDialog *self)
{
  g_free (self->description);
  if (self->ready)
    self->description = dm_chart_describe (self->chart);
  else
    self->description = g_strdup (_("Computing the chart of the occupied area…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);
}

static gboolean
batch_arrived_cb (gpointer data)
{
  Batch *batch = data;
  DmChartDialog *self = batch->self;
  g_autofree char *text = NULL;

  /* A batch of an older step, or one overtaken by the finished chart. */
  if (batch->generation != self->generation || self->ready)
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < batch->days->len; i++)
    {
      const DmChartDay *day = &g_array_index (batch->days, DmChartDay, i);

      dm_chart_add_day (self->chart, day->date, day->km2);
    }
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 batch->total ? (double) batch->done / batch->total : 1.0);
  text = g_strdup_printf (_("%u of %u days"), batch->done, batch->total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
  return G_SOURCE_REMOVE;
}

/* In the worker thread. */
static void
progress_cb (const DmChartDay *days,
             guint             n_days,
             guint             done,
             guint             total,
             gpointer          user_data)
{
  Run *run = user_data;
  Batch *batch = g_new0 (Batch, 1);

  batch->self = g_object_ref (run->self);
  batch->generation = run->generation;
  batch->done = done;
  batch->total = total;
  batch->days = g_array_sized_new (FALSE, TRUE, sizeof (DmChartDay), n_days);
  g_array_set_clear_func (batch->days, day_clear);
  for (guint i = 0; i < n_days; i++)
    {
      DmChartDay copy = days[i];

      copy.date = g_strdup (days[i].date);
      g_array_append_val (batch->days, copy);
    }
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, batch_arrived_cb, batch, batch_free);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Run *run = task_data;
  GError *error = NULL;
  DmChart *chart = dm_chart_compute (run->catalog, run->geodata, run->from, run->to, run->every,
                                     progress_cb, run, cancellable, &error);

  if (chart == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, chart, (GDestroyNotify) dm_chart_unref);
}

static void
compute_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DmChartDialog) self = user_data;
  Run *run = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  DmChart *chart = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *subtitle = NULL;

  if (run->generation != self->generation)
    {
      g_clear_pointer (&chart, dm_chart_unref);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  if (chart == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  g_clear_pointer (&self->chart, dm_chart_unref);
  self->chart = chart;
  self->ready = TRUE;
  if (self->hover >= (int) dm_chart_get_n_days (chart))
    self->hover = -1;
  if (timing ())
    g_printerr ("demarcate: chart every %u: %u days in %.1f s\n", dm_chart_get_every (chart),
                dm_chart_get_n_days (chart),
                (g_get_monotonic_time () - self->started) / (double) G_USEC_PER_SEC);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day, %s to %s",
                                           "%u days, %s to %s", dm_chart_get_n_days (chart)),
                              dm_chart_get_n_days (chart), self->from, self->to);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.save", TRUE);
  update_description (self);
  update_hint (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
start_computing (DmChartDialog *self)
{
  guint every = dm_chart_dialog_get_every (self);
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->ready = FALSE;
  self->hover = -1;
  self->started = g_get_monotonic_time ();

  g_clear_pointer (&self->chart, dm_chart_unref);
  self->chart = dm_chart_new (self->from, self->to, every);
  dm_chart_add_proposals (self->chart, self->catalog);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.save", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Computing…"));
  adw_window_title_set_subtitle (self->window_title, _("Computing…"));
  update_description (self);
  update_hint (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));

  run = g_new0 (Run, 1);
  run->self = self;
  run->catalog = dm_catalog_ref (self->catalog);
  run->geodata = dm_geodata_ref (self->geodata);
  run->from = g_strdup (self->from);
  run->to = g_strdup (self->to);
  run->every = every;
  run->generation = self->generation;
  /* No source object: the callback's reference keeps the dialog alive
   * and is dropped on the main thread, never in the worker. */
  task = g_task_new (NULL, self->cancellable, compute_done_cb, g_object_ref (self));
  g_task_set_task_data (task, run, run_free);
  dm_worker_run (task, compute_thread);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  DmChartDialog *self = user_data;

  dm_chart_draw (self->chart, cr, width, height, 1.0, self->hover);
}

static int
day_at (DmChartDialog *self,
        double         x)
{
  return dm_chart_day_at (self->chart, gtk_widget_get_width (GTK_WIDGET (self->area)),
                          gtk_widget_get_height (GTK_WIDGET (self->area)), 1.0, x);
}

static void
activate_day (DmChartDialog *self,
              int            index)
{
  if (index < 0 || (guint) index >= dm_chart_get_n_days (self->chart))
    return;
  g_signal_emit (self, signals[DAY_ACTIVATED], 0, dm_chart_get_day (self->chart, index)->date);
}

static void
motion_cb (DmChartDialog *self,
           double         x,
           double         y)
{
  set_hover (self, day_at (self, x));
}

static void
leave_cb (DmChartDialog *self)
{
  set_hover (self, -1);
}

static void
released_cb (DmChartDialog *self,
             int            n_press,
             double         x,
             double         y)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->area));
  _dm_chart_dialog_click (self, x);
}

static gboolean
key_pressed_cb (DmChartDialog   *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  int n = (int) dm_chart_get_n_days (self->chart);

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      set_hover (self, self->hover < 0 ? n - 1 : MAX (self->hover - 1, 0));
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      set_hover (self, self->hover < 0 ? 0 : MIN (self->hover + 1, n - 1));
      return TRUE;
    case GDK_KEY_Home:
      set_hover (self, 0);
      return TRUE;
    case GDK_KEY_End:
      set_hover (self, n - 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate_day (self, self->hover);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
step_selected_cb (DmChartDialog *self)
{
  start_computing (self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(DmChartDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *path = g_task_get_task_data (G_TASK (result));
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  message = g_strdup_printf (_("Saved “%s”"), base);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

typedef struct
{
  DmChart       *chart;
  DmChartFormat  format;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  dm_chart_unref (job->chart);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = g_object_get_data (G_OBJECT (task), "job");
  const char *path = task_data;
  GError *error = NULL;

  /* PNG at twice the screen's type, SVG at its own size in CSS pixels. */
  if (dm_chart_write (job->chart, job->format, path,
                      job->format == DM_CHART_PNG ? 2400 : 1200,
                      job->format == DM_CHART_PNG ? 1400 : 700, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The finished chart never changes (a new step makes a new one), so the
 * thread paints its own reference to it. */
void
_dm_chart_dialog_save_to (DmChartDialog *self,
                          DmChartFormat  format,
                          const char    *path)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (self->ready);
  job = g_new0 (SaveJob, 1);
  job->chart = dm_chart_ref (self->chart);
  job->format = format;
  task = g_task_new (NULL, NULL, saved_cb, g_object_ref (self));
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (task), "job", job, save_job_free);
  dm_worker_run (task, save_thread);
}

static void
chooser_response_cb (DmChartDialog        *self,
                     int                   response,
                     GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path == NULL)
        adw_toast_overlay_add_toast (self->toasts,
                                     adw_toast_new (_("Choose a folder on this computer")));
      else
        _dm_chart_dialog_save_to (self, self->save_format, path);
    }
  if (self->chooser == native)
    g_clear_object (&self->chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmChartDialog *self = DM_CHART_DIALOG (widget);
  const char *ext = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;

  if (!self->ready || !dm_chart_format_from_string (ext, &self->save_format))
    return;
  name = g_strdup_printf ("occupied-area-%s-to-%s-every-%u.%s", self->from, self->to,
                          dm_chart_get_every (self->chart), ext);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save Chart"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
dm_chart_dialog_dispose (GObject *object)
{
  DmChartDialog *self = DM_CHART_DIALOG (object);

  /* Batches and results still on their way find a newer generation. */
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), DM_TYPE_CHART_DIALOG);
  G_OBJECT_CLASS (dm_chart_dialog_parent_class)->dispose (object);
}

static void
dm_chart_dialog_finalize (GObject *object)
{
  DmChartDialog *self = DM_CHART_DIALOG (object);

  g_clear_pointer (&self->chart, dm_chart_unref);
  g_clear_pointer (&self->catalog, dm_catalog_unref);
  g_clear_pointer (&self->geodata, dm_geodata_unref);
  g_free (self->from);
  g_free (self->to);
  g_free (self->description);
  G_OBJECT_CLASS (dm_chart_dialog_parent_class)->finalize (object);
}

static void
dm_chart_dialog_class_init (DmChartDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_chart_dialog_dispose;
  object_class->finalize = dm_chart_dialog_finalize;

  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                         1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "chart.save", "s", save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/demarcate/Demarcate/ui/dm-chart-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DmChartDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DmChartDialog, step_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DmChartDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, DmChartDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DmChartDialog, area);
  gtk_widget_class_bind_template_child (widget_class, DmChartDialog, hint_label);
}

static void
dm_chart_dialog_init (DmChartDialog *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->hover = -1;
  /* Something to paint even before (or without) a line of contact. */
  self->chart = dm_chart_new (NULL, NULL, 7);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.save", FALSE);
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);

  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->area), motion);
  g_signal_connect_object (click, "released", G_CALLBACK (released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->area), keys);
}

DmChartDialog *
dm_chart_dialog_new (GtkWindow *parent,
                     DmCatalog *catalog,
                     DmGeodata *geodata)
{
  DmChartDialog *self = g_object_new (DM_TYPE_CHART_DIALOG, "transient-for", parent, NULL);
  GPtrArray *controls = dm_catalog_get_controls (catalog);

  if (controls->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
      adw_window_title_set_subtitle (self->window_title, _("No line of contact to chart"));
      return self;
    }
  self->catalog = dm_catalog_ref (catalog);
  self->geodata = dm_geodata_ref (geodata);
  self->from = g_strdup (((DmControlInfo *) g_ptr_array_index (controls, 0))->date);
  self->to = g_strdup (dm_catalog_latest_control (catalog)->date);
  g_signal_connect_object (self->step_dropdown, "notify::selected",
                           G_CALLBACK (step_selected_cb), self, G_CONNECT_SWAPPED);
  start_computing (self);
  return self;
}

void
dm_chart_dialog_set_every (DmChartDialog *self,
                           guint          every)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] == every)
      gtk_drop_down_set_selected (self->step_dropdown, i);
}

guint
dm_chart_dialog_get_every (DmChartDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->step_dropdown);

  return i < G_N_ELEMENTS (steps) ? steps[i] : 7;
}

DmChart *
dm_chart_dialog_get_chart (DmChartDialog *self)
{
  return self->chart;
}

gboolean
dm_chart_dialog_is_ready (DmChartDialog *self)
{
  return self->ready;
}

GtkWidget *
_dm_chart_dialog_get_area (DmChartDialog *self)
{
  return GTK_WIDGET (self->area);
}

const char *
_dm_chart_dialog_get_description (DmChartDialog *self)
{
  return self->description;
}

void
_dm_chart_dialog_click (DmChartDialog *self,
                        double         x)
{
  int index = day_at (self, x);

  set_hover (self, index);
  activate_day (self, index);
}
