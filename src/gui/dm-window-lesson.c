/* dm-window-lesson.c: the lesson actions: add the view on screen as a step, save the lesson, open one and present it. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-window-private.h"

gboolean
dm_window_open_lesson (DmWindow   *self,
                       const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmLesson) lesson = NULL;

  if (!dm_window_is_ready (self))
    return FALSE;
  lesson = dm_lesson_load (path, self->catalog, &error);
  if (lesson != NULL && lesson->steps->len == 0)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("%s: the lesson has no steps"), path);
  if (error != NULL)
    {
      _dm_window_show_error (self, error->message);
      return FALSE;
    }
  dm_presenter_play_lesson (self->presenter, g_steal_pointer (&lesson));
  return TRUE;
}

guint
dm_window_get_lesson_step (DmWindow *self)
{
  return dm_presenter_get_lesson_step (self->presenter);
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  ShumateViewport *viewport;
  DmLesson *lesson;
  DmLessonStep *step;
  g_autofree char *message = NULL;

  if (!dm_window_is_ready (self))
    return;
  lesson = dm_presenter_get_lesson (self->presenter, TRUE);
  step = dm_lesson_add_step (lesson, dm_window_get_proposal_id (self),
                             dm_comparison_get_target (self->comparison), self->day);
  viewport = shumate_simple_map_get_viewport (self->map);
  step->has_view = TRUE;
  step->lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  step->lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  step->zoom = shumate_viewport_get_zoom_level (viewport);
  message = g_strdup_printf (_("Added step %u to the lesson"), lesson->steps->len);
  _dm_window_toast (self, message);
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
  _dm_window_choose_path (self, _("Save Lesson"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                          _("lesson.json"), NULL, save_chosen);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.lesson-add", NULL);
}
