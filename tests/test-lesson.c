/* test-lesson.c: lessons save and reopen identical; bad lessons name the step and the problem. */
#include "config.h"

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

  g_assert_true (dm_lesson_save (lesson, path, &error));
  g_assert_no_error (error);
  back = dm_lesson_load (path, catalog (), &error);
  g_assert_no_error (error);

  g_assert_cmpstr (back->title, ==, "Four plans");
  g_assert_cmpuint (back->steps->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      DmLessonStep *a = g_ptr_array_index (lesson->steps, i);
      DmLessonStep *b = g_ptr_array_index (back->steps, i);

      g_assert_cmpstr (a->proposal, ==, b->proposal);
      g_assert_cmpstr (a->compare, ==, b->compare);
      g_assert_cmpstr (a->control_date, ==, b->control_date);
      g_assert_cmpstr (a->caption, ==, b->caption);
      g_assert_cmpint (a->has_view, ==, b->has_view);
      g_assert_cmpfloat_with_epsilon (a->lat, b->lat, 1e-9);
      g_assert_cmpfloat_with_epsilon (a->zoom, b->zoom, 1e-9);
    }
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
    { "cut.json", "{\"format\":\"demarcate-lesson\",\"st", "not valid JSON" },
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

  return g_test_run ();
}
