/* dm-lesson.c: reads, checks and writes lesson files (JSON), naming the step and the problem. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dm-error.h"
#include "dm-file.h"
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
           JsonNode    *node,
           guint        index,
           DmCatalog   *catalog,
           const char  *display,
           GError     **error)
{
  JsonObject *object;
  const char *proposal, *compare;
  DmLessonStep *step;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID, _("%s: step %u must be an object"),
                   display, index);
      return FALSE;
    }
  object = json_node_get_object (node);
  proposal = json_object_get_string_member_with_default (object, "proposal", NULL);
  compare = json_object_get_string_member_with_default (object, "compare", NULL);
  if (proposal == NULL || dm_catalog_find_proposal (catalog, proposal) == NULL ||
      (compare != NULL && dm_catalog_find_proposal (catalog, compare) == NULL))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_NOT_FOUND,
                   _("%s: step %u names an unknown proposal “%s”; run “demarcate list” to "
                     "see the ids"), display, index,
                   proposal == NULL ? "" : (dm_catalog_find_proposal (catalog, proposal)
                                            ? compare : proposal));
      return FALSE;
    }

  step = dm_lesson_add_step (lesson, proposal, compare,
                             json_object_get_string_member_with_default (object, "control_date",
                                                                         NULL));
  step->caption = g_strdup (json_object_get_string_member_with_default (object, "caption",
                                                                        NULL));
  if (json_object_has_member (object, "view"))
    {
      JsonNode *view_node = json_object_get_member (object, "view");
      JsonObject *view = JSON_NODE_HOLDS_OBJECT (view_node) ? json_node_get_object (view_node)
                                                            : NULL;

      if (view == NULL || !json_object_has_member (view, "lat") ||
          !json_object_has_member (view, "lon") || !json_object_has_member (view, "zoom"))
        {
          g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                       _("%s: step %u: “view” needs “lat”, “lon” and “zoom”"), display, index);
          return FALSE;
        }
      step->has_view = TRUE;
      step->lat = json_object_get_double_member (view, "lat");
      step->lon = json_object_get_double_member (view, "lon");
      step->zoom = json_object_get_double_member (view, "zoom");
      if (step->lat < -85 || step->lat > 85 || step->lon < -180 || step->lon > 180 ||
          step->zoom < 0 || step->zoom > 20)
        {
          g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                       _("%s: step %u: the view is outside the map"), display, index);
          return FALSE;
        }
    }
  return TRUE;
}

DmLesson *
dm_lesson_load (const char  *path,
                DmCatalog   *catalog,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DmLesson) lesson = NULL;
  JsonObject *root;
  JsonArray *steps;

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT, _("%s: not a readable JSON file: %s"),
                   display, local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      g_strcmp0 (json_object_get_string_member_with_default (
                   json_node_get_object (json_parser_get_root (parser)), "format", ""),
                 "demarcate-lesson") != 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: not a lesson file (its “format” should be “demarcate-lesson”)"),
                   display);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  lesson = dm_lesson_new (json_object_get_string_member_with_default (root, "title", NULL));
  steps = json_object_has_member (root, "steps") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "steps"))
          ? json_object_get_array_member (root, "steps") : NULL;
  if (steps == NULL || json_array_get_length (steps) == 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_EMPTY, _("%s: the lesson has no steps"), display);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (steps); i++)
    if (!read_step (lesson, json_array_get_element (steps, i), i + 1, catalog, display, error))
      return NULL;
  return g_steal_pointer (&lesson);
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
