/* dm-lesson.c: reads, checks and writes lesson files (JSON), naming the step and the problem. */
#include "config.h"

#include <stdio.h>
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
  g_clear_object (&step->annotations);
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
  step->divider = 0.5;
  g_ptr_array_add (lesson->steps, step);
  return step;
}

/* Moves step `from` so that it becomes step `to` (both 0-based). */
void
dm_lesson_move_step (DmLesson *lesson,
                     guint     from,
                     guint     to)
{
  gpointer step;

  g_return_if_fail (from < lesson->steps->len && to < lesson->steps->len);
  if (from == to)
    return;
  step = g_ptr_array_steal_index (lesson->steps, from);
  g_ptr_array_insert (lesson->steps, to, step);
}

void
dm_lesson_remove_step (DmLesson *lesson,
                       guint     index)
{
  g_return_if_fail (index < lesson->steps->len);
  g_ptr_array_remove_index (lesson->steps, index);
}

/* An empty or blank caption is no caption. */
void
dm_lesson_step_set_caption (DmLessonStep *step,
                            const char   *caption)
{
  g_autofree char *stripped = g_strstrip (g_strdup (caption ? caption : ""));

  g_free (step->caption);
  step->caption = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

static gboolean
is_day (const char *s)
{
  int y, m, d;
  char end;

  return s != NULL && strlen (s) == 10 &&
         sscanf (s, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 && s[4] == '-' && s[7] == '-' &&
         g_date_valid_dmy (d, m, y);
}

/* The step's day: "date" (a day or "proposal"), else version 1's
 * "control_date" (a day). */
static gboolean
read_day (JsonObject  *object,
          const char  *where,
          const char **day,
          GError     **error)
{
  const char *date, *control_date;

  if (!dm_json_get_string (object, "date", DM_JSON_OPTIONAL, where, &date, error) ||
      !dm_json_get_string (object, "control_date", DM_JSON_OPTIONAL, where, &control_date,
                           error))
    return FALSE;
  if (date != NULL && !is_day (date) && g_strcmp0 (date, DM_LESSON_PROPOSAL_DAY) != 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s“date” must be a day as YYYY-MM-DD or “proposal”, not “%s”"), where,
                   date);
      return FALSE;
    }
  if (date == NULL && control_date != NULL && !is_day (control_date))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s“control_date” must be a day as YYYY-MM-DD, not “%s”"), where,
                   control_date);
      return FALSE;
    }
  *day = date != NULL ? date : control_date;
  return TRUE;
}

/* "compare_mode" and "divider": how the comparison is shown. */
static gboolean
read_compare_mode (JsonObject    *object,
                   const char    *where,
                   DmLessonStep  *step,
                   GError       **error)
{
  const char *mode;

  if (!dm_json_get_string (object, "compare_mode", DM_JSON_OPTIONAL, where, &mode, error))
    return FALSE;
  if (mode != NULL && !g_str_equal (mode, "side") && !g_str_equal (mode, "swipe"))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s“compare_mode” must be “side” or “swipe”, not “%s”"), where, mode);
      return FALSE;
    }
  step->swipe = g_strcmp0 (mode, "swipe") == 0;
  if (json_object_has_member (object, "divider"))
    {
      double divider;

      if (!dm_json_get_double (object, "divider", DM_JSON_REQUIRED, where, &divider, error))
        return FALSE;
      if (!(divider >= 0.0 && divider <= 1.0))
        {
          g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                       _("%s“divider” must be between 0 and 1 (a fraction of the width), "
                         "not %g"), where, divider);
          return FALSE;
        }
      step->divider = divider;
    }
  return TRUE;
}

static gboolean
read_view (JsonObject    *object,
           const char    *display,
           guint          index,
           const char    *where,
           DmLessonStep  *step,
           GError       **error)
{
  JsonObject *view;

  if (!dm_json_get_object (object, "view", DM_JSON_OPTIONAL, where, &view, error))
    return FALSE;
  if (!json_object_has_member (object, "view"))
    return TRUE;
  if (view == NULL || !json_object_has_member (view, "lat") ||
      !json_object_has_member (view, "lon") || !json_object_has_member (view, "zoom"))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s: step %u: “view” needs “lat”, “lon” and “zoom”"), display, index + 1);
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
  return TRUE;
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
  JsonArray *annotations = NULL;
  const char *proposal, *compare, *day = NULL, *caption;
  const char *unknown = NULL;
  DmLessonStep *step;

  if (!dm_json_array_get_object (steps, index, _("step"), file, &object, error) ||
      !dm_json_get_string (object, "proposal", DM_JSON_REQUIRED | DM_JSON_NONEMPTY, where,
                           &proposal, error) ||
      !dm_json_get_string (object, "compare", DM_JSON_OPTIONAL | DM_JSON_NONEMPTY, where,
                           &compare, error) ||
      !dm_json_get_string (object, "caption", DM_JSON_OPTIONAL, where, &caption, error) ||
      !dm_json_get_array (object, "annotations", DM_JSON_OPTIONAL, DM_ANNOTATION_MAX,
                          where, &annotations, error) ||
      !read_day (object, where, &day, error))
    return FALSE;

  /* "compare" names another proposal, or a day of the line. */
  if (dm_catalog_find_proposal (catalog, proposal) == NULL)
    unknown = proposal;
  else if (compare != NULL && !is_day (compare) &&
           dm_catalog_find_proposal (catalog, compare) == NULL)
    unknown = compare;
  if (unknown != NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_NOT_FOUND,
                   _("%s: step %u names an unknown proposal “%s”; run “demarcate list” to "
                     "see the ids"), display, index + 1, unknown);
      return FALSE;
    }

  step = dm_lesson_add_step (lesson, proposal, compare, day);
  dm_lesson_step_set_caption (step, caption);
  if (annotations != NULL)
    {
      step->annotations = dm_annotation_list_new_from_json (annotations, where, error);
      if (step->annotations == NULL)
        return FALSE;
    }
  return read_compare_mode (object, where, step, error) &&
         read_view (object, display, index, where, step, error);
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
  gint64 version = 0;

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
  if (!dm_json_get_int (root, "version", DM_JSON_OPTIONAL, where, &version, error))
    return NULL;
  if (version > DM_LESSON_VERSION)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: a lesson of version %d, from a newer Demarcate; "
                     "this one reads up to version %d"), display, (int) MIN (version, G_MAXINT),
                   DM_LESSON_VERSION);
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

/* Whether path holds a lesson ("format": "demarcate-lesson"), so one file
 * argument can be a scenario or a lesson; FALSE when it cannot be read. */
gboolean
dm_lesson_file_is_lesson (const char *path)
{
  g_autoptr(JsonNode) root = dm_json_load_file (path, _("a lesson file"), NULL);
  JsonObject *object;
  const char *format = NULL;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  return dm_json_get_string (object, "format", DM_JSON_OPTIONAL, "", &format, NULL) &&
         g_strcmp0 (format, "demarcate-lesson") == 0;
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

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

static void
add_step (JsonBuilder  *b,
          DmLessonStep *step)
{
  json_builder_begin_object (b);
  add_string (b, "proposal", step->proposal);
  add_string (b, "caption", step->caption);
  add_string (b, "compare", step->compare);
  if (step->compare != NULL)
    {
      add_string (b, "compare_mode", step->swipe ? "swipe" : "side");
      if (step->swipe)
        {
          json_builder_set_member_name (b, "divider");
          json_builder_add_double_value (b, step->divider);
        }
    }
  add_string (b, "date", step->control_date);
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
  if (step->annotations != NULL && dm_annotation_list_get_n (step->annotations) > 0)
    {
      json_builder_set_member_name (b, "annotations");
      json_builder_add_value (b, dm_annotation_list_to_json (step->annotations));
    }
  json_builder_end_object (b);
}

/* The lesson as its file holds it (README's "Lesson files"). */
char *
dm_lesson_to_data (DmLesson *lesson)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  add_string (b, "format", "demarcate-lesson");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, DM_LESSON_VERSION);
  add_string (b, "title", lesson->title);
  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  for (guint i = 0; i < lesson->steps->len; i++)
    add_step (b, g_ptr_array_index (lesson->steps, i));
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

gboolean
dm_lesson_save (DmLesson    *lesson,
                const char  *path,
                GError     **error)
{
  g_autofree char *text = dm_lesson_to_data (lesson);

  /* Written atomically: never half a lesson. */
  return dm_file_write_atomic (path, text, strlen (text), NULL, error);
}
