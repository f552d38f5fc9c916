/* dm-window-lesson.c: building a lesson from the views on screen, saving it, and replaying it in presentation mode. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-window-private.h"

static void
apply_step (DmWindow *self)
{
  DmLessonStep *step = g_ptr_array_index (self->lesson->steps, self->lesson_step);
  DmProposal *proposal = dm_catalog_find_proposal (self->catalog, step->proposal);

  if (proposal != NULL)
    _dm_window_set_proposal (self, proposal);
  dm_window_compare_with (self, step->compare);
  if (step->control_date != NULL)
    dm_window_set_control_date (self, step->control_date);
  if (step->has_view)
    shumate_map_go_to_full (shumate_simple_map_get_map (self->map), step->lat, step->lon,
                            step->zoom);
  _dm_window_refresh (self);
}

/* In presentation mode with a lesson open, the keys walk its steps. */
gboolean
_dm_window_lesson_step (DmWindow *self,
                        int       delta)
{
  int n;

  if (self->lesson == NULL || !self->presenting)
    return FALSE;
  n = self->lesson->steps->len;
  self->lesson_step = (self->lesson_step + n + delta) % n;
  apply_step (self);
  return TRUE;
}

gboolean
dm_window_open_lesson (DmWindow   *self,
                       const char *path)
{
  g_autoptr(GError) error = NULL;
  DmLesson *lesson;

  if (!dm_window_is_ready (self))
    return FALSE;
  lesson = dm_lesson_load (path, self->catalog, &error);
  if (lesson == NULL)
    {
      _dm_window_show_error (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->lesson, dm_lesson_free);
  self->lesson = lesson;
  self->lesson_step = 0;
  _dm_window_set_presenting (self, TRUE);
  apply_step (self);
  return TRUE;
}

guint
dm_window_get_lesson_step (DmWindow *self)
{
  return self->lesson_step;
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  ShumateViewport *viewport;
  DmLessonStep *step;
  g_autofree char *message = NULL;

  if (!dm_window_is_ready (self))
    return;
  if (self->lesson == NULL)
    self->lesson = dm_lesson_new (_("Lesson"));
  step = dm_lesson_add_step (self->lesson, dm_window_get_proposal_id (self),
                             self->scenario_b ? dm_proposal_get_id (
                               dm_scenario_get_proposal (self->scenario_b)) : NULL,
                             self->control_date);
  viewport = shumate_simple_map_get_viewport (self->map);
  step->has_view = TRUE;
  step->lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  step->lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  step->zoom = shumate_viewport_get_zoom_level (viewport);
  message = g_strdup_printf (_("Added step %u to the lesson"), self->lesson->steps->len);
  _dm_window_toast (self, message);
}

static void
save_chosen (DmWindow   *self,
             const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!dm_lesson_save (self->lesson, path, &error))
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
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  if (g_str_equal (action_name, "win.lesson-open"))
    {
      _dm_window_choose_path (self, _("Open Lesson"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                              NULL, NULL, open_chosen);
      return;
    }
  if (self->lesson == NULL || self->lesson->steps->len == 0)
    {
      _dm_window_toast (self, _("The lesson has no steps yet: add the views to show with "
                                "Ctrl+L"));
      return;
    }
  _dm_window_choose_path (self, _("Save Lesson"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                          _("lesson.json"), NULL, save_chosen);
}

void
_dm_window_lesson_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.lesson-add", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "win.lesson-save", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.lesson-open", NULL, file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.lesson-add", NULL);
}
