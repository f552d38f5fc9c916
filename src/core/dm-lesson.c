/* dm-lesson.c: reads, checks and writes lesson files (JSON), naming the step and the problem. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dm-error.h"
#include "dm-file.h"
#include "dm-json.h"
#include "dm-lesson.h"

static void
step_free (gpointer data)
{
  DmLessonStep *step = data;

  g_free (step->proposal);
  g_free (step->compare);
  g_free (step->control_date);
  g_free (step->caption);
  g_free (step);
}

DmLesson *
dm_lesson_new (const char *title)
{
  DmLesson *lesson = g_new0 (DmLesson, 1);

  lesson->title = g_strdup (title);
  lesson->steps = g_ptr_array_new_with_free_func (step_free);
  return lesson;
}

void
dm_lesson_free (DmLesson *lesson)
{
  if (lesson == NULL)
    return;
  g_free (lesson->title);
  g_ptr_array_unref (lesson->steps);
  g_free (lesson);
}

DmLessonStep *
dm_lesson_add_step (DmLesson   *lesson,
                    const char *proposal,
                    const char *compare,
                    const char *control_date)
{
  DmLessonStep *step = g_new0 (DmLessonStep, 1);

  step->proposal = g_strdup (proposal);
  step->compare = g_strdup (compare);
  step->control_date = g_strdup (control_date);
  g_ptr_array_add (lesson->steps, step);
  return step;
}

static gboolean
read_step (DmLesson    *lesson,
           JsonArray   *steps,
           guint        index,
           DmCatalog   *catalog,
           const char  *display,
           GError     **error)
{
  g_autofree char *file = g_strdup_printf ("%s: ", display);
  g_autofree char *where = g_strdup_printf (_("%s: step %u: "), display, index + 1);
  JsonObject *object;
  JsonObject *view;
  const char *proposal, *compare, *control_date, *caption;
  const char *unknown = NULL;
  DmLessonStep *step;

  if (!dm_json_array_get_object (steps, index, _("step"), file, &object, error) ||
      !dm_json_get_string (object, "proposal", DM_JSON_REQUIRED, where, &proposal, error) ||
      !dm_json_get_string (object, "compare", DM_JSON_OPTIONAL, where, &compare, error) ||
      !dm_json_get_string (object, "control_date", DM_JSON_OPTIONAL, where, &control_date,
                           error) ||
      !dm_json_get_string (object, "caption", DM_JSON_OPTIONAL, where, &caption, error) ||
      !dm_json_get_object (object, "view", DM_JSON_OPTIONAL, where, &view, error))
    return FALSE;

  if (dm_catalog_find_proposal (catalog, proposal) == NULL)
    unknown = proposal;
  else if (compare != NULL && dm_catalog_find_proposal (catalog, compare) == NULL)
    unknown = compare;
  if (unknown != NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_NOT_FOUND,
                   _("%s: step %u names an unknown proposal “%s”; run “demarcate list” to "
                     "see the ids"), display, index + 1, unknown);
      return FALSE;
    }

  step = dm_lesson_add_step (lesson, proposal, compare, control_date);
  step->caption = g_strdup (caption);
  if (json_object_has_member (object, "view"))
    {
      if (view == NULL || !json_object_has_member (view, "lat") ||
          !json_object_has_member (view, "lon") || !json_object_has_member (view, "zoom"))
        {
          g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                       _("%s: step %u: “view” needs “lat”, “lon” and “zoom”"), display,
                       index + 1);
          return FALSE;
        }
      if (!dm_json_get_double (view, "lat", DM_JSON_REQUIRED, where, &step->lat, error) ||
          !dm_json_get_double (view, "lon", DM_JSON_REQUIRED, where, &step->lon, error) ||
          !dm_json_get_double (view, "zoom", DM_JSON_REQUIRED, where, &step->zoom, error))
        return FALSE;
      step->has_view = TRUE;
      if (step->lat < -85 || step->lat > 85 || step->lon < -180 || step->lon > 180 ||
          step->zoom < 0 || step->zoom > 20)
        {
          g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                       _("%s: step %u: the view is outside the map"), display, index + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* `display` names the file in messages. */
DmLesson *
dm_lesson_new_from_data (const char  *data,
                         gsize        length,
                         const char  *display,
                         DmCatalog   *catalog,
                         GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s: ", display);
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(DmLesson) lesson = NULL;
  JsonObject *root = NULL;
  JsonArray *steps;
  const char *format = NULL, *title;

  root_node = dm_json_parse_data (data, length, display, error);
  if (root_node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (root_node))
    {
      root = json_node_get_object (root_node);
      if (!dm_json_get_string (root, "format", DM_JSON_OPTIONAL, where, &format, error))
        return NULL;
    }
  if (g_strcmp0 (format, "demarcate-lesson") != 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: not a lesson file (its “format” should be “demarcate-lesson”)"),
                   display);
      return NULL;
    }
  if (!dm_json_get_string (root, "title", DM_JSON_OPTIONAL, where, &title, error) ||
      !dm_json_get_array (root, "steps", DM_JSON_OPTIONAL, DM_LESSON_MAX_STEPS, where, &steps,
                          error))
    return NULL;
  if (steps == NULL || json_array_get_length (steps) == 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_EMPTY, _("%s: the lesson has no steps"), display);
      return NULL;
    }

  lesson = dm_lesson_new (title);
  for (guint i = 0; i < json_array_get_length (steps); i++)
    if (!read_step (lesson, steps, i, catalog, display, error))
      return NULL;
  return g_steal_pointer (&lesson);
}

DmLesson *
dm_lesson_load (const char  *path,
                DmCatalog   *catalog,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *data = NULL;
  gsize length;

  data = dm_json_read_file (path, _("a lesson file"), &length, error);
  if (data == NULL)
    return NULL;
  return dm_lesson_new_from_data (data, length, display, catalog, error);
}

gboolean
dm_lesson_save (DmLesson    *lesson,
                const char  *path,
                GError     **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "demarcate-lesson");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  if (lesson->title != NULL)
    {
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, lesson->title);
    }
  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  for (guint i = 0; i < lesson->steps->len; i++)
    {
      DmLessonStep *step = g_ptr_array_index (lesson->steps, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "proposal");
      json_builder_add_string_value (b, step->proposal);
      if (step->compare != NULL)
        {
          json_builder_set_member_name (b, "compare");
          json_builder_add_string_value (b, step->compare);
        }
      if (step->control_date != NULL)
        {
          json_builder_set_member_name (b, "control_date");
          json_builder_add_string_value (b, step->control_date);
        }
      if (step->caption != NULL)
        {
          json_builder_set_member_name (b, "caption");
          json_builder_add_string_value (b, step->caption);
        }
      if (step->has_view)
        {
          json_builder_set_member_name (b, "view");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "lat");
          json_builder_add_double_value (b, step->lat);
          json_builder_set_member_name (b, "lon");
          json_builder_add_double_value (b, step->lon);
          json_builder_set_member_name (b, "zoom");
          json_builder_add_double_value (b, step->zoom);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  /* Written atomically: never half a lesson. */
  return dm_file_write_atomic (path, text, strlen (text), NULL, error);
}
