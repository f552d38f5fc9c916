/* dm-window-lesson.c: the lesson actions: add the view on screen as a step with its caption, list the steps, save, open and present. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-lesson-dialog.h"
#include "dm-window-private.h"

static DmLessonDialog *
find_dialog (DmWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (DM_IS_LESSON_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (self))
        return DM_LESSON_DIALOG (w);
    }
  return NULL;
}

static void
lesson_changed (DmWindow *self)
{
  DmLessonDialog *dialog = find_dialog (self);

  dm_presenter_lesson_changed (self->presenter);
  if (dialog != NULL)
    dm_lesson_dialog_refresh (dialog);
}

/* A lesson opened before the first day's line has loaded (from the
 * command line) is presented once it has. */
static void
play_when_ready_cb (DmWindow *self)
{
  DmLesson *lesson = g_object_get_data (G_OBJECT (self), "dm-pending-lesson");

  if (lesson == NULL || !dm_window_is_ready (self))
    return;
  g_signal_handlers_disconnect_by_func (self->scene, play_when_ready_cb, self);
  dm_presenter_play_lesson (self->presenter,
                            g_object_steal_data (G_OBJECT (self), "dm-pending-lesson"));
  lesson_changed (self);
}

gboolean
dm_window_open_lesson (DmWindow   *self,
                       const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmLesson) lesson = NULL;

  if (self->catalog == NULL)
    return FALSE;
  lesson = dm_lesson_load (path, self->catalog, &error);
  if (error != NULL)
    {
      _dm_window_show_error (self, error->message);
      return FALSE;
    }
  if (!dm_window_is_ready (self))
    {
      if (g_object_get_data (G_OBJECT (self), "dm-pending-lesson") == NULL)
        g_signal_connect_object (self->scene, "notify::partition",
                                 G_CALLBACK (play_when_ready_cb), self, G_CONNECT_SWAPPED);
      g_object_set_data_full (G_OBJECT (self), "dm-pending-lesson", g_steal_pointer (&lesson),
                              (GDestroyNotify) dm_lesson_free);
      return TRUE;
    }
  dm_presenter_play_lesson (self->presenter, g_steal_pointer (&lesson));
  lesson_changed (self);
  return TRUE;
}

guint
dm_window_get_lesson_step (DmWindow *self)
{
  return dm_presenter_get_lesson_step (self->presenter);
}

/* The view on screen as a step: proposal, comparison as shown (mode and
 * divider), day (or the proposal's own, with that switch on) and view. */
static DmLessonStep *
capture_step (DmWindow *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  DmLessonStep *step = g_new0 (DmLessonStep, 1);
  gboolean own_day = FALSE;

  g_object_get (self->timeline, "proposal-day", &own_day, NULL);
  step->proposal = g_strdup (dm_window_get_proposal_id (self));
  step->compare = g_strdup (dm_comparison_get_target (self->comparison));
  step->swipe = dm_comparison_get_mode (self->comparison) == DM_COMPARE_SWIPE;
  step->divider = dm_comparison_get_divider (self->comparison);
  step->control_date = g_strdup (own_day ? DM_LESSON_PROPOSAL_DAY : self->day);
  step->has_view = TRUE;
  step->lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  step->lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  step->zoom = shumate_viewport_get_zoom_level (viewport);
  {
    DmScenario *scenario = dm_scene_get_scenario (self->scene);
    DmAnnotationList *annotations = scenario ? dm_scenario_get_annotations (scenario) : NULL;

    if (annotations != NULL && dm_annotation_list_get_n (annotations) > 0)
      step->annotations = dm_annotation_list_copy (annotations);
  }
  return step;
}

static void
add_step (DmWindow     *self,
          DmLessonStep *step,
          const char   *caption)
{
  DmLesson *lesson = dm_presenter_get_lesson (self->presenter, TRUE);
  g_autofree char *message = NULL;

  dm_lesson_step_set_caption (step, caption);
  g_ptr_array_add (lesson->steps, step);
  lesson_changed (self);
  /* While presenting this waits until presentation ends. */
  message = g_strdup_printf (_("Added step %u to the lesson"), lesson->steps->len);
  _dm_window_toast (self, message);
}

typedef struct
{
  DmWindow     *window;
  DmLessonStep *step;
} PendingStep;

static void
pending_step_free (gpointer data)
{
  PendingStep *pending = data;

  if (pending->step != NULL)
    {
      /* Cancelled: a lesson that never held the step frees it. */
      g_autoptr(DmLesson) scratch = dm_lesson_new (NULL);

      g_ptr_array_add (scratch->steps, pending->step);
    }
  g_object_unref (pending->window);
  g_free (pending);
}

static void
caption_chosen (const char *caption,
                gpointer    user_data)
{
  PendingStep *pending = user_data;

  add_step (pending->window, g_steal_pointer (&pending->step), caption);
}

/* Ctrl+L. Preparing, it asks for the step's caption; presenting, it adds
 * the step at once and the keyboard stays on the map, so the next press
 * of a clicker still steps (the caption can be written in the step list). */
static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  PendingStep *pending;

  if (!dm_window_is_ready (self))
    return;
  if (dm_presenter_get_presenting (self->presenter))
    {
      add_step (self, capture_step (self), NULL);
      return;
    }
  pending = g_new0 (PendingStep, 1);
  pending->window = g_object_ref (self);
  pending->step = capture_step (self);
  dm_lesson_ask_caption (GTK_WINDOW (self), _("Add Step to the Lesson"), _("_Add Step"), NULL,
                         caption_chosen, pending, pending_step_free);
}

static void
steps_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  DmLessonDialog *dialog;

  if (self->catalog == NULL)
    return;
  dialog = find_dialog (self);
  if (dialog == NULL)
    {
      dm_presenter_get_lesson (self->presenter, TRUE);
      dialog = dm_lesson_dialog_new (GTK_WINDOW (self), self->presenter, self->catalog);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Presents the lesson being prepared, from its first step. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  DmLesson *lesson = dm_presenter_get_lesson (self->presenter, FALSE);
  DmLessonDialog *dialog = find_dialog (self);

  if (lesson == NULL || lesson->steps->len == 0 || !dm_window_is_ready (self))
    return;
  if (dialog != NULL)
    gtk_window_close (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (self));
  dm_presenter_play_lesson (self->presenter, lesson);
}

static void
save_chosen (DmWindow   *self,
             const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!dm_lesson_save (dm_presenter_get_lesson (self->presenter, FALSE), path, &error))
    _dm_window_show_error (self, error->message);
  else
    _dm_window_toast (self, _("Lesson saved"));
}

static void
open_chosen (DmWindow   *self,
             const char *path)
{
  dm_window_open_lesson (self, path);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  DmLesson *lesson = dm_presenter_get_lesson (self->presenter, FALSE);

  if (lesson == NULL || lesson->steps->len == 0)
    {
      _dm_window_toast (self, _("The lesson has no steps yet: add the views to show with "
                                "Ctrl+L"));
      return;
    }
  /* The file is named after the lesson, which the step list titles. */
  {
    g_autofree char *name = NULL;

    if (lesson->title != NULL)
      {
        g_autofree char *base = g_strdelimit (g_strdup (lesson->title), "/\\:*?\"<>|", '-');

        name = g_strdup_printf ("%s.json", base);
      }
    _dm_window_choose_path (self, _("Save Lesson"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                            name ? name : _("lesson.json"), NULL, save_chosen);
  }
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _dm_window_choose_path (DM_WINDOW (widget), _("Open Lesson"), GTK_FILE_CHOOSER_ACTION_OPEN,
                          _("_Open"), NULL, NULL, open_chosen);
}

void
_dm_window_lesson_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.lesson-add", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "win.lesson-save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.lesson-open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.lesson-steps", NULL, steps_action);
  gtk_widget_class_install_action (widget_class, "win.lesson-present", NULL, present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.lesson-add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.lesson-steps", NULL);
}
