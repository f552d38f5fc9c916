/* test-lesson.c: lessons save and reopen identical; bad lessons name the step and the problem. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "dm-error.h"
#include "dm-lesson.h"
#include "dm-test-util.h"

static DmCatalog *
catalog (void)
{
  static DmCatalog *catalog = NULL;

  if (catalog == NULL)
    catalog = dm_catalog_new (dm_test_data_dir (), NULL, NULL);
  g_assert_nonnull (catalog);
  return catalog;
}

static void
test_roundtrip (void)
{
  g_autoptr(DmLesson) lesson = dm_lesson_new ("Four plans");
  g_autoptr(DmLesson) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dm_test_write ("lesson.json", "", 0);
  DmLessonStep *step;

  dm_lesson_add_step (lesson, "line-of-contact", NULL, "2025-11-20");
  step = dm_lesson_add_step (lesson, "us-28-point-2025-11", "line-of-contact", NULL);
  step->has_view = TRUE;
  step->lat = 48.2;
  step->lon = 37.7;
  step->zoom = 8.5;
  step->caption = g_strdup ("Donetsk: a demilitarised zone");
  dm_lesson_add_step (lesson, "ru-memorandum-2025-06", NULL, NULL);
  /* A swipe with its divider left of centre, on the proposal's own day. */
  step = dm_lesson_add_step (lesson, "us-28-point-2025-11", "us-revised-2025-12",
                             DM_LESSON_PROPOSAL_DAY);
  step->swipe = TRUE;
  step->divider = 0.3;
  dm_lesson_step_set_caption (step, "  What changed in December?  ");
  /* Comparing two days of one proposal, with the step's own callout. */
  step = dm_lesson_add_step (lesson, "us-28-point-2025-11", "2025-01-01", NULL);
  step->annotations = dm_annotation_list_new ();
  {
    g_autoptr(DmAnnotation) callout = dm_annotation_new (DM_ANNOTATION_CALLOUT, "Pokrovsk",
                                                         37.18, 48.28);

    g_assert_true (dm_annotation_list_add (step->annotations, callout));
  }

  g_assert_true (dm_lesson_save (lesson, path, &error));
  g_assert_no_error (error);
  back = dm_lesson_load (path, catalog (), &error);
  g_assert_no_error (error);

  g_assert_cmpstr (back->title, ==, "Four plans");
  g_assert_cmpuint (back->steps->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      DmLessonStep *a = g_ptr_array_index (lesson->steps, i);
      DmLessonStep *b = g_ptr_array_index (back->steps, i);

      g_assert_cmpstr (a->proposal, ==, b->proposal);
      g_assert_cmpstr (a->compare, ==, b->compare);
      g_assert_cmpstr (a->control_date, ==, b->control_date);
      g_assert_cmpstr (a->caption, ==, b->caption);
      g_assert_true ((a->annotations == NULL) == (b->annotations == NULL));
      if (a->annotations != NULL)
        g_assert_true (dm_annotation_list_equal (a->annotations, b->annotations));
      g_assert_cmpint (a->has_view, ==, b->has_view);
      g_assert_cmpfloat_with_epsilon (a->lat, b->lat, 1e-9);
      g_assert_cmpfloat_with_epsilon (a->zoom, b->zoom, 1e-9);
      g_assert_cmpint (a->swipe, ==, b->swipe);
      g_assert_cmpfloat_with_epsilon (a->divider, b->divider, 1e-9);
    }
  step = g_ptr_array_index (back->steps, 3);
  g_assert_true (step->swipe);
  g_assert_cmpstr (step->caption, ==, "What changed in December?");
  g_assert_cmpstr (step->control_date, ==, "proposal");
  g_assert_cmpfloat_with_epsilon (step->divider, 0.3, 1e-9);
  /* Side by side is the default and keeps the centre. */
  step = g_ptr_array_index (back->steps, 1);
  g_assert_false (step->swipe);
  g_assert_cmpfloat_with_epsilon (step->divider, 0.5, 1e-9);
}

/* The file says what README documents. */
static void
test_format (void)
{
  g_autoptr(DmLesson) lesson = dm_lesson_new ("Class");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonObject *root, *step;
  DmLessonStep *s;

  s = dm_lesson_add_step (lesson, "us-28-point-2025-11", "us-revised-2025-12", "2025-11-20");
  s->swipe = TRUE;
  s->divider = 0.25;
  s->caption = g_strdup ("Two plans");
  text = dm_lesson_to_data (lesson);
  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "demarcate-lesson");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Class");
  step = json_array_get_object_element (json_object_get_array_member (root, "steps"), 0);
  g_assert_cmpstr (json_object_get_string_member (step, "caption"), ==, "Two plans");
  g_assert_cmpstr (json_object_get_string_member (step, "compare_mode"), ==, "swipe");
  g_assert_cmpfloat (json_object_get_double_member (step, "divider"), ==, 0.25);
  g_assert_cmpstr (json_object_get_string_member (step, "date"), ==, "2025-11-20");
}

/* A version 1 file (before titles were shown, captions asked for, and
 * compare modes kept) still opens: its "control_date" is the step's day. */
static void
test_version_1 (void)
{
  g_autofree char *path = dm_test_write ("v1.json",
    "{\"format\":\"demarcate-lesson\",\"version\":1,\"title\":\"Lesson\",\"steps\":["
    "{\"proposal\":\"us-28-point-2025-11\",\"compare\":\"line-of-contact\","
    "\"control_date\":\"2025-11-20\",\"view\":{\"lat\":48,\"lon\":37,\"zoom\":7}}]}", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmLesson) lesson = dm_lesson_load (path, catalog (), &error);
  DmLessonStep *step;

  g_assert_no_error (error);
  step = g_ptr_array_index (lesson->steps, 0);
  g_assert_cmpstr (step->control_date, ==, "2025-11-20");
  g_assert_cmpstr (step->compare, ==, "line-of-contact");
  g_assert_false (step->swipe);
  g_assert_null (step->caption);
  g_assert_true (step->has_view);
}

static void
test_reorder (void)
{
  g_autoptr(DmLesson) lesson = dm_lesson_new (NULL);

  dm_lesson_add_step (lesson, "a", NULL, NULL);
  dm_lesson_add_step (lesson, "b", NULL, NULL);
  dm_lesson_add_step (lesson, "c", NULL, NULL);
  dm_lesson_move_step (lesson, 0, 2);
  g_assert_cmpstr (((DmLessonStep *) lesson->steps->pdata[0])->proposal, ==, "b");
  g_assert_cmpstr (((DmLessonStep *) lesson->steps->pdata[2])->proposal, ==, "a");
  dm_lesson_move_step (lesson, 2, 1);
  g_assert_cmpstr (((DmLessonStep *) lesson->steps->pdata[1])->proposal, ==, "a");
  dm_lesson_remove_step (lesson, 0);
  g_assert_cmpuint (lesson->steps->len, ==, 2);
  g_assert_cmpstr (((DmLessonStep *) lesson->steps->pdata[0])->proposal, ==, "a");
  dm_lesson_step_set_caption (lesson->steps->pdata[0], "   ");
  g_assert_null (((DmLessonStep *) lesson->steps->pdata[0])->caption);
}

static void
test_bad_lessons (void)
{
  const struct { const char *file, *json, *needle; } cases[] = {
    { "unknown.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"line-of-contact\"},"
                      "{\"proposal\":\"yalta-1945\"}]}", "step 2 names an unknown proposal “yalta-1945”" },
    { "bad-compare.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"line-of-contact\","
                          "\"compare\":\"nope\"}]}", "unknown proposal “nope”" },
    { "no-steps.json", "{\"format\":\"demarcate-lesson\",\"steps\":[]}", "no steps" },
    { "steps-not-list.json", "{\"format\":\"demarcate-lesson\",\"steps\":3}",
      "“steps” must be a list, not a number" },
    { "bad-view.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"line-of-contact\","
                       "\"view\":{\"lat\":48}}]}", "step 1: “view” needs" },
    { "off-map.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"line-of-contact\","
                      "\"view\":{\"lat\":48,\"lon\":400,\"zoom\":6}}]}", "outside the map" },
    { "not-lesson.json", "{\"format\":\"demarcate-scenario\"}", "not a lesson file" },
    { "bad-mode.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"line-of-contact\","
                       "\"compare_mode\":\"stacked\"}]}", "step 1: “compare_mode” must be “side” or “swipe”" },
    { "mode-type.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"line-of-contact\","
                        "\"compare_mode\":1}]}", "“compare_mode” must be a string, not a number" },
    { "bad-divider.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"line-of-contact\","
                          "\"divider\":1.5}]}", "“divider” must be between 0 and 1" },
    { "divider-type.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"line-of-contact\","
                           "\"divider\":\"left\"}]}", "“divider” must be a number, not a string" },
    { "bad-date.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"line-of-contact\","
                       "\"date\":\"yesterday\"}]}", "“date” must be a day as YYYY-MM-DD or “proposal”" },
    { "bad-old-date.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"line-of-contact\","
                           "\"control_date\":\"2025-02-30\"}]}", "“control_date” must be a day" },
    { "caption-type.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"line-of-contact\","
                           "\"caption\":[\"a\"]}]}", "step 1: “caption” must be a string, not a list" },
    { "title-type.json", "{\"format\":\"demarcate-lesson\",\"title\":7,\"steps\":[{\"proposal\":\"line-of-contact\"}]}",
      "“title” must be a string, not a number" },
    { "newer.json", "{\"format\":\"demarcate-lesson\",\"version\":9,\"steps\":[{\"proposal\":\"line-of-contact\"}]}",
      "version 9, from a newer Demarcate" },
    { "empty-proposal.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"\"}]}",
      "step 1: “proposal” is empty" },
    { "cut.json", "{\"format\":\"demarcate-lesson\",\"st", "not valid JSON" },
    { "annotations-type.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"line-of-contact\","
                               "\"annotations\":{}}]}", "step 1: “annotations” must be a list" },
    { "annotation-bad.json", "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"line-of-contact\","
                             "\"annotations\":[{\"kind\":\"callout\",\"text\":5,\"lon\":37,\"lat\":48}]}]}",
      "“text” must be a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = dm_test_write (cases[i].file, cases[i].json, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(DmLesson) lesson = dm_lesson_load (path, catalog (), &error);

      g_assert_null (lesson);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].file));
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lesson/roundtrip", test_roundtrip);
  g_test_add_func ("/lesson/bad-lessons", test_bad_lessons);
  g_test_add_func ("/lesson/format", test_format);
  g_test_add_func ("/lesson/version-1", test_version_1);
  g_test_add_func ("/lesson/reorder", test_reorder);

  return g_test_run ();
}
