/* test-hardening.c: hostile and broken proposals, scenarios and lessons get a clean error in words. */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "dm-catalog.h"
#include "dm-error.h"
#include "dm-file-kind.h"
#include "dm-import.h"
#include "dm-json.h"
#include "dm-lesson.h"
#include "dm-proposal.h"
#include "dm-scenario.h"
#include "dm-test-util.h"

/* Opening any file of the corpus must stay under this peak RSS.
 * AddressSanitizer's shadow memory, redzones and 256 MB quarantine count
 * too, so the ASan build of .ci/run allows twice as much; the 1 GB bound
 * itself is checked by the normal build. */
#if defined(__SANITIZE_ADDRESS__)
#define MAX_RSS_KB (2 * 1024 * 1024)
#else
#define MAX_RSS_KB (1024 * 1024)
#endif

static void
assert_error_names (const GError *error,
                    const char   *file,
                    const char   *needle)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, file));
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

static glong
peak_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* A valid proposal whose sources list is `sources` and whose Donetsk
 * clause cites `cited` (a JSON list). */
static char *
proposal_with (const char *sources,
               const char *cited,
               const char *extra_root)
{
  return g_strdup_printf (
    "{\"format\":\"demarcate-proposal\",\"version\":1,\"id\":\"t\",\"kind\":\"proposal\","
    "\"title\":\"T\",\"short_title\":\"T\",\"sponsor\":\"Tests\",\"date\":\"2025-01-01\","
    "\"published\":\"reported\",\"summary\":\"A test.\"%s,\"sources\":%s,"
    "\"clauses\":["
    "{\"region\":\"crimea\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]},"
    "{\"region\":\"luhansk\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]},"
    "{\"region\":\"donetsk\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":%s},"
    "{\"region\":\"zaporizhzhia\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]},"
    "{\"region\":\"kherson\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]},"
    "{\"region\":\"other\",\"part\":\"all\",\"status\":\"not-addressed\",\"certainty\":\"unclear\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]}]}",
    extra_root, sources, cited);
}

#define ONE_SOURCE "[{\"id\":\"s-2025-01-01\",\"outlet\":\"O\",\"date\":\"2025-01-01\"," \
                   "\"detail\":\"d\"}]"

static void
expect_proposal_rejected (const char *file,
                          const char *json,
                          const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmProposal) proposal = dm_proposal_new_from_data (json, -1, file, &error);

  g_assert_null (proposal);
  assert_error_names (error, file, needle);
}

/* Class 1: a json-glib getter on a node of the wrong type returned NULL or
 * raised a critical; each must be a message naming the member and type. */
static void
test_proposal_types (void)
{
  g_autofree char *good = proposal_with (ONE_SOURCE, "[\"s-2025-01-01\"]", "");
  g_autofree char *object_cited = proposal_with (ONE_SOURCE, "[{\"id\":\"s\"}]", "");
  g_autofree char *list_cited = proposal_with (ONE_SOURCE, "[[\"s\"]]", "");
  g_autofree char *number_cited = proposal_with (ONE_SOURCE, "[7]", "");
  g_autofree char *terms = proposal_with (ONE_SOURCE, "[\"s-2025-01-01\"]", ",\"other_terms\":[{\"a\":1}]");
  g_autofree char *terms_string = proposal_with (ONE_SOURCE, "[\"s-2025-01-01\"]", ",\"other_terms\":\"x\"");
  g_autofree char *version_object = proposal_with (ONE_SOURCE, "[\"s-2025-01-01\"]", ",\"version\":{}");
  g_autofree char *version_string = proposal_with (ONE_SOURCE, "[\"s-2025-01-01\"]", ",\"version\":\"1\"");
  g_autoptr(DmProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  proposal = dm_proposal_new_from_data (good, -1, "t.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (proposal);

  expect_proposal_rejected ("object-cited.json", object_cited, "must be a string, not an object");
  expect_proposal_rejected ("list-cited.json", list_cited, "must be a string, not a list");
  expect_proposal_rejected ("number-cited.json", number_cited, "must be a string, not a number");
  expect_proposal_rejected ("terms.json", terms, "“other_terms”");
  expect_proposal_rejected ("terms-string.json", terms_string,
                            "“other_terms” must be a list, not a string");
  expect_proposal_rejected ("version-object.json", version_object,
                            "“version” must be a whole number, not an object");
  expect_proposal_rejected ("version-string.json", version_string,
                            "“version” must be a whole number, not a string");
}

static void
expect_scenario_rejected (const char *file,
                          const char *json,
                          const char *needle)
{
  g_autofree char *path = dm_test_write (file, json, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autoptr(DmScenario) scenario = dm_scenario_load (path, dm_test_catalog (), &date, &error);

  g_assert_null (scenario);
  g_assert_null (date);
  assert_error_names (error, file, needle);
}

#define SCENARIO_HEAD "{\"format\":\"demarcate-scenario\",\"version\":1,"

static void
test_scenario_types (void)
{
  /* Used to reach strcmp (NULL, …) and crash. */
  expect_scenario_rejected ("format-number.json", "{\"format\":7,\"proposal\":\"line-of-contact\"}",
                            "“format” must be a string, not a number");
  expect_scenario_rejected ("format-object.json", "{\"format\":{},\"proposal\":\"line-of-contact\"}",
                            "“format” must be a string, not an object");
  expect_scenario_rejected ("proposal-list.json", SCENARIO_HEAD "\"proposal\":[\"line-of-contact\"]}",
                            "“proposal” must be a string, not a list");
  expect_scenario_rejected ("date-object.json",
                            SCENARIO_HEAD "\"proposal\":\"line-of-contact\",\"control_date\":{}}",
                            "“control_date” must be a string, not an object");
  expect_scenario_rejected ("region-object.json",
                            SCENARIO_HEAD "\"proposal\":\"line-of-contact\",\"edits\":"
                            "[{\"region\":{},\"part\":\"russian-held\",\"status\":\"open\"}]}",
                            "edit 1: “region” must be a string, not an object");
  expect_scenario_rejected ("status-number.json",
                            SCENARIO_HEAD "\"proposal\":\"line-of-contact\",\"edits\":"
                            "[{\"region\":\"crimea\",\"part\":\"russian-held\",\"status\":3}]}",
                            "edit 1: “status” must be a string, not a number");
  expect_scenario_rejected ("part-missing.json",
                            SCENARIO_HEAD "\"proposal\":\"line-of-contact\",\"edits\":"
                            "[{\"region\":\"crimea\",\"status\":\"open\"}]}",
                            "edit 1: missing “part”");
}

static void
expect_lesson_rejected (const char *file,
                        const char *json,
                        const char *needle)
{
  g_autofree char *path = dm_test_write (file, json, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmLesson) lesson = dm_lesson_load (path, dm_test_catalog (), &error);

  g_assert_null (lesson);
  assert_error_names (error, file, needle);
}

#define LESSON_HEAD "{\"format\":\"demarcate-lesson\",\"version\":1,"

static void
test_lesson_types (void)
{
  /* "lat": "x" used to be read as 0. */
  expect_lesson_rejected ("lat-string.json",
                          LESSON_HEAD "\"steps\":[{\"proposal\":\"line-of-contact\","
                          "\"view\":{\"lat\":\"x\",\"lon\":36,\"zoom\":6}}]}",
                          "step 1: “lat” must be a number, not a string");
  expect_lesson_rejected ("zoom-list.json",
                          LESSON_HEAD "\"steps\":[{\"proposal\":\"line-of-contact\","
                          "\"view\":{\"lat\":48,\"lon\":36,\"zoom\":[6]}}]}",
                          "step 1: “zoom” must be a number, not a list");
  expect_lesson_rejected ("format-number.json", "{\"format\":1,\"steps\":[]}",
                          "“format” must be a string, not a number");
  expect_lesson_rejected ("title-object.json",
                          LESSON_HEAD "\"title\":{},\"steps\":[{\"proposal\":\"line-of-contact\"}]}",
                          "“title” must be a string, not an object");
  expect_lesson_rejected ("caption-list.json",
                          LESSON_HEAD "\"steps\":[{\"proposal\":\"line-of-contact\",\"caption\":[]}]}",
                          "step 1: “caption” must be a string, not a list");
  expect_lesson_rejected ("compare-number.json",
                          LESSON_HEAD "\"steps\":[{\"proposal\":\"line-of-contact\",\"compare\":2}]}",
                          "step 1: “compare” must be a string, not a number");
  expect_lesson_rejected ("date-true.json",
                          LESSON_HEAD "\"steps\":[{\"proposal\":\"line-of-contact\","
                          "\"control_date\":true}]}",
                          "step 1: “control_date” must be a string, not true or false");
  expect_lesson_rejected ("step-proposal-object.json",
                          LESSON_HEAD "\"steps\":[{\"proposal\":{}}]}",
                          "step 1: “proposal” must be a string, not an object");
}

/* Runs the command line on `args` (after the binary) and returns stderr. */
static char *
run_cli (const char * const *args,
         int                *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *err = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("DEMARCATE_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  return err;
}

/* The command line's own peek at a scenario's date used the getters too. */
static void
test_cli_scenario_date (void)
{
  g_autofree char *path = dm_test_write ("cli-date.json",
                                         SCENARIO_HEAD "\"proposal\":\"line-of-contact\","
                                         "\"control_date\":[1]}", -1);
  const char *args[] = { "stats", "--scenario", path, NULL };
  int status;
  g_autofree char *err = run_cli (args, &status);

  /* A critical (fatal in the tests) would end it with a signal. */
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, "“control_date” must be a string, not a list"));
}

/* Class 2: json-glib recurses once per level. */
static void
test_deep_nesting (void)
{
  gsize depth = 100000;
  g_autofree char *deep = g_malloc (2 * depth + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmProposal) proposal = NULL;
  g_autoptr(DmLesson) lesson = NULL;
  g_autoptr(DmScenario) scenario = NULL;
  g_autofree char *path = NULL;
  g_autofree char *in_member = g_strdup_printf ("{\"format\":\"demarcate-lesson\",\"steps\":%s}",
                                                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                                                "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");

  memset (deep, '[', depth);
  memset (deep + depth, ']', depth);
  deep[2 * depth] = '\0';

  proposal = dm_proposal_new_from_data (deep, -1, "deep.json", &error);
  g_assert_null (proposal);
  assert_error_names (error, "deep.json", "nested more than");
  g_clear_error (&error);

  path = dm_test_write ("deep-scenario.json", deep, -1);
  scenario = dm_scenario_load (path, dm_test_catalog (), NULL, &error);
  g_assert_null (scenario);
  assert_error_names (error, "deep-scenario.json", "nested more than");
  g_clear_error (&error);

  g_free (path);
  path = dm_test_write ("deep-lesson.json", in_member, -1);
  lesson = dm_lesson_load (path, dm_test_catalog (), &error);
  g_assert_null (lesson);
  assert_error_names (error, "deep-lesson.json", "nested more than");
  g_clear_error (&error);

  /* Brackets inside strings are text, not nesting. */
  {
    g_autofree char *text = g_strnfill (200, '[');
    g_autofree char *json = g_strdup_printf (LESSON_HEAD "\"title\":\"%s\",\"steps\":"
                                             "[{\"proposal\":\"line-of-contact\"}]}", text);
    g_autoptr(DmLesson) fine = NULL;

    g_free (path);
    path = dm_test_write ("brackets-in-title.json", json, -1);
    fine = dm_lesson_load (path, dm_test_catalog (), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (fine->title, ==, text);
  }
}

/* Sizes are checked before anything is parsed; so are string lengths. */
static void
test_json_sizes (void)
{
  gsize big = DM_JSON_MAX_BYTES + 1;
  g_autofree char *data = g_malloc (big + 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmScenario) scenario = NULL;
  g_autoptr(DmLesson) lesson = NULL;
  g_autofree char *long_title = g_strnfill (DM_JSON_MAX_STRING + 1, 'a');
  g_autofree char *json = NULL;

  memset (data, ' ', big);
  data[0] = '{';
  data[big - 1] = '}';
  data[big] = '\0';
  path = dm_test_write ("huge-scenario.json", data, big);
  scenario = dm_scenario_load (path, dm_test_catalog (), NULL, &error);
  g_assert_null (scenario);
  g_assert_error (error, DM_ERROR, DM_ERROR_TOO_LARGE);
  assert_error_names (error, "huge-scenario.json", "the limit is");
  g_clear_error (&error);

  json = g_strdup_printf (LESSON_HEAD "\"title\":\"%s\",\"steps\":"
                          "[{\"proposal\":\"line-of-contact\"}]}", long_title);
  g_free (path);
  path = dm_test_write ("long-title.json", json, -1);
  lesson = dm_lesson_load (path, dm_test_catalog (), &error);
  g_assert_null (lesson);
  assert_error_names (error, "long-title.json", "“title” is longer than");
}

/* Class 3: counts are capped (and the checks are hash lookups, so a file
 * at the cap is cheap). */
static void
test_proposal_counts (void)
{
  g_autoptr(GString) sources = g_string_new ("[{\"id\":\"s-2025-01-01\",\"outlet\":\"O\","
                                            "\"date\":\"2025-01-01\",\"detail\":\"d\"}");
  g_autofree char *json = NULL;
  g_autofree char *at_cap = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmProposal) proposal = NULL;

  for (guint i = 1; i < DM_PROPOSAL_MAX_SOURCES; i++)
    g_string_append_printf (sources, ",{\"id\":\"s%u-2025-01-01\",\"outlet\":\"O\","
                            "\"date\":\"2025-01-01\",\"detail\":\"d\"}", i);
  g_string_append (sources, "]");
  {
    /* At the caps: accepted. Every source is cited, spread over the 11
     * clauses a proposal can have, or "defined but not cited" fires. */
    static const char * const parts[][2] = {
      { "crimea", "russian-held" }, { "crimea", "ukrainian-held" },
      { "luhansk", "russian-held" }, { "luhansk", "ukrainian-held" },
      { "donetsk", "russian-held" }, { "donetsk", "ukrainian-held" },
      { "zaporizhzhia", "russian-held" }, { "zaporizhzhia", "ukrainian-held" },
      { "kherson", "russian-held" }, { "kherson", "ukrainian-held" },
      { "other", "all" },
    };
    g_autoptr(GString) clauses = g_string_new (NULL);
    guint next = 0;

    G_STATIC_ASSERT (G_N_ELEMENTS (parts) * DM_PROPOSAL_MAX_CITED >= DM_PROPOSAL_MAX_SOURCES);
    for (guint c = 0; c < G_N_ELEMENTS (parts); c++)
      {
        gboolean outer = g_str_equal (parts[c][0], "other");

        g_string_append_printf (clauses, "%s{\"region\":\"%s\",\"part\":\"%s\",\"status\":"
                                "\"%s\",\"certainty\":\"%s\",\"note\":\"n\","
                                "\"sources\":[\"s-2025-01-01\"",
                                c ? "," : "", parts[c][0], parts[c][1],
                                outer ? "not-addressed" : "open", outer ? "unclear" : "text");
        for (guint k = 1; k < DM_PROPOSAL_MAX_CITED && next + 1 < DM_PROPOSAL_MAX_SOURCES; k++)
          g_string_append_printf (clauses, ",\"s%u-2025-01-01\"", ++next);
        g_string_append (clauses, "]}");
      }
    at_cap = g_strdup_printf (
      "{\"format\":\"demarcate-proposal\",\"version\":1,\"id\":\"t\",\"kind\":\"proposal\","
      "\"title\":\"T\",\"short_title\":\"T\",\"sponsor\":\"Tests\",\"date\":\"2025-01-01\","
      "\"published\":\"reported\",\"summary\":\"A test.\",\"sources\":%s,\"clauses\":[%s]}",
      sources->str, clauses->str);
    proposal = dm_proposal_new_from_data (at_cap, -1, "t.json", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (dm_proposal_get_sources (proposal)->len, ==, DM_PROPOSAL_MAX_SOURCES);
    g_clear_object (&proposal);
  }

  /* One more source is refused with the limit named. */
  g_string_truncate (sources, sources->len - 1);
  g_string_append (sources, ",{\"id\":\"extra\",\"outlet\":\"O\"}]");
  json = proposal_with (sources->str, "[\"s\"]", "");
  expect_proposal_rejected ("many-sources.json", json, "the limit is");

  /* A duplicate id is still found, among many. */
  g_free (json);
  g_string_assign (sources, "[{\"id\":\"s\",\"outlet\":\"O\"}");
  for (guint i = 1; i < DM_PROPOSAL_MAX_SOURCES; i++)
    g_string_append_printf (sources, ",{\"id\":\"s%u\",\"outlet\":\"O\"}",
                            i + 1 < DM_PROPOSAL_MAX_SOURCES ? i : 7);
  g_string_append (sources, "]");
  json = proposal_with (sources->str, "[\"s\"]", "");
  expect_proposal_rejected ("duplicate.json", json, "the id “s7” is used twice");

  /* Too many clauses, and a clause citing too many sources. */
  {
    g_autoptr(GString) clauses = g_string_new (NULL);
    g_autoptr(GString) many_cited = g_string_new ("[\"s\"");
    g_autofree char *too_many = NULL;
    g_autofree char *too_cited = NULL;

    for (guint i = 0; i <= DM_PROPOSAL_MAX_CLAUSES; i++)
      g_string_append_printf (clauses, "%s{}", i ? "," : "");
    too_many = g_strdup_printf ("{\"format\":\"demarcate-proposal\",\"version\":1,\"id\":\"t\","
                                "\"kind\":\"proposal\",\"title\":\"T\",\"sources\":" ONE_SOURCE
                                ",\"clauses\":[%s]}", clauses->str);
    expect_proposal_rejected ("many-clauses.json", too_many, "the limit is");

    for (guint i = 0; i < DM_PROPOSAL_MAX_CITED; i++)
      g_string_append (many_cited, ",\"s\"");
    g_string_append (many_cited, "]");
    too_cited = proposal_with (ONE_SOURCE, many_cited->str, "");
    expect_proposal_rejected ("many-cited.json", too_cited, "the limit is");
  }
}

static void
test_scenario_lesson_counts (void)
{
  g_autoptr(GString) edits = g_string_new (SCENARIO_HEAD "\"proposal\":\"line-of-contact\","
                                           "\"edits\":[");
  g_autoptr(GString) steps = g_string_new (LESSON_HEAD "\"steps\":[");

  for (guint i = 0; i <= DM_SCENARIO_MAX_EDITS; i++)
    g_string_append_printf (edits, "%s{\"region\":\"crimea\",\"part\":\"russian-held\","
                            "\"status\":\"open\"}", i ? "," : "");
  g_string_append (edits, "]}");
  expect_scenario_rejected ("many-edits.json", edits->str, "the limit is");

  for (guint i = 0; i <= DM_LESSON_MAX_STEPS; i++)
    g_string_append_printf (steps, "%s{\"proposal\":\"line-of-contact\"}", i ? "," : "");
  g_string_append (steps, "]}");
  expect_lesson_rejected ("many-steps.json", steps->str, "the limit is");
}

/* Class 5: what a file is comes from its parsed structure. */
/* A user folder filled with proposal files is read only up to its bound:
 * the rest are named as left out, not parsed at every start. */
static void
test_user_folder_count (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dm-many-XXXXXX", NULL);
  g_autoptr(DmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  guint n = DM_CATALOG_MAX_USER_PROPOSALS + 50, n_broken = 0, n_capped = 0;
  GPtrArray *problems;

  g_assert_nonnull (dir);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%04u.json", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
    }
  catalog = dm_catalog_new (dm_test_data_dir (), dir, &error);
  g_assert_no_error (error);
  problems = dm_catalog_get_problems (catalog);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *msg = g_ptr_array_index (problems, i);

      if (strstr (msg, "more than the 200 read at start-up") && strstr (msg, "p0200.json"))
        n_capped++;
      else if (strstr (msg, ".json"))
        n_broken++;
    }
  g_assert_cmpuint (n_capped, ==, 1);
  g_assert_cmpuint (n_broken, ==, DM_CATALOG_MAX_USER_PROPOSALS);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%04u.json", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* What a file is comes from its structure, for the window's `demarcate
 * FILE` as for validate: a lesson by its format, GeoJSON as a vector file
 * even when its text mentions a Demarcate format, broken JSON an error
 * naming the file. */
static void
test_file_kind (void)
{
  g_autofree char *lesson = dm_test_write ("k-lesson.json",
    "{\"format\":\"demarcate-lesson\",\"steps\":[]}", -1);
  g_autofree char *geojson = dm_test_write ("k.geojson",
    "{\"type\":\"FeatureCollection\",\"name\":\"demarcate-scenario\",\"features\":[]}", -1);
  g_autofree char *broken = dm_test_write ("k-broken.geojson", "{\"type\":\"Feat", -1);
  g_autoptr(GError) error = NULL;
  DmFileKind kind;

  g_assert_true (dm_file_kind_of (lesson, &kind, &error));
  g_assert_cmpint (kind, ==, DM_FILE_LESSON);
  g_assert_true (dm_file_kind_of (geojson, &kind, &error));
  g_assert_cmpint (kind, ==, DM_FILE_VECTOR);
  g_assert_false (dm_file_kind_of (broken, &kind, &error));
  g_assert_nonnull (strstr (error->message, "k-broken.geojson"));
}

static void
test_validate_routing (void)
{
  g_autofree char *geojson = dm_test_write (
    "looks-like-scenario.geojson.json",
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
    "{\"note\":\"not a \\\"demarcate-scenario\\\"\"},\"geometry\":{\"type\":\"LineString\","
    "\"coordinates\":[[36,48],[37,49]]}}]}", -1);
  g_autofree char *lesson = dm_test_write ("a-lesson.json",
                                           LESSON_HEAD "\"steps\":[{\"proposal\":"
                                           "\"line-of-contact\",\"view\":{\"lat\":\"x\","
                                           "\"lon\":36,\"zoom\":6}}]}", -1);
  g_autofree char *unknown = dm_test_write ("unknown-format.json",
                                            "{\"format\":\"demarcate-map\"}", -1);
  int status;

  {
    const char *args[] = { "validate", geojson, NULL };
    g_autofree char *err = run_cli (args, &status);

    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  }
  {
    /* A line is an overlay, never a control area. */
    const char *args[] = { "validate", "--as", "control", geojson, NULL };
    g_autofree char *err = run_cli (args, &status);

    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (err, "not usable as a control area"));
  }
  {
    const char *args[] = { "validate", "--as", "overlay", geojson, NULL };
    g_autofree char *err = run_cli (args, &status);

    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  }
  {
    /* Lessons are checked as lessons. */
    const char *args[] = { "validate", lesson, NULL };
    g_autofree char *err = run_cli (args, &status);

    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (err, "“lat” must be a number"));
  }
  {
    const char *args[] = { "validate", unknown, NULL };
    g_autofree char *err = run_cli (args, &status);

    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (err, "“demarcate-map”"));
  }
}

/* Loads one corpus or regression file with the loader its name selects
 * (proposal-, scenario-, lesson-, or anything else as a vector file). */
static void
load_corpus_file (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;
  gboolean loaded;

  if (g_str_has_prefix (base, "proposal"))
    {
      g_autoptr(DmProposal) proposal = dm_proposal_new_from_file (path, &error);
      loaded = proposal != NULL;
    }
  else if (g_str_has_prefix (base, "scenario"))
    {
      g_autoptr(DmScenario) scenario = dm_scenario_load (path, dm_test_catalog (), NULL, &error);
      loaded = scenario != NULL;
    }
  else if (g_str_has_prefix (base, "lesson"))
    {
      g_autoptr(DmLesson) lesson = dm_lesson_load (path, dm_test_catalog (), &error);
      loaded = lesson != NULL;
    }
  else
    {
      g_autoptr(DmImportedFile) file = dm_import_file (path, DM_IMPORT_OVERLAY, NULL, &error);
      loaded = file != NULL;
      if (loaded)
        {
          g_autoptr(DmImportedFile) control = NULL;

          control = dm_import_file (path, DM_IMPORT_CONTROL, NULL, &error);
          g_assert_true ((control == NULL) == (error != NULL));
          g_clear_error (&error);
        }
    }

  g_test_message ("%s: %s", base, loaded ? "loaded" : error->message);
  g_assert_true (loaded == (error == NULL));
  if (!loaded)
    g_assert_cmpuint (strlen (error->message), >, 0);
}

static guint
load_corpus_dir (const char *dir)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (gdir);
  while ((name = g_dir_read_name (gdir)) != NULL)
    if (name[0] != '.' && !g_str_equal (name, "README.md"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  for (guint i = 0; i < names->len; i++)
    if (g_file_test (names->pdata[i], G_FILE_TEST_IS_REGULAR))
      load_corpus_file (names->pdata[i]);
  return names->len;
}

/* Every crash, hang or blow-up the fuzzers ever found, and every seed:
 * each loads or fails cleanly, and memory stays bounded. */
static void
test_fuzz_corpus (void)
{
  const char *targets[] = { "proposal", "scenario", "lesson", "vector" };
  g_autofree char *regressions = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", NULL);
  guint n = load_corpus_dir (regressions);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *seeds = g_test_build_filename (G_TEST_DIST, "fuzz", "seeds", targets[i],
                                                      NULL);
      n += load_corpus_dir (seeds);
    }
  g_test_message ("%u corpus files; peak RSS %ld KB", n, peak_rss_kb ());
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpint (peak_rss_kb (), <, MAX_RSS_KB);
}

/* Peak memory over the whole run (the bombs above included). */
static void
test_peak_memory (void)
{
  g_test_message ("peak RSS %ld KB", peak_rss_kb ());
  g_assert_cmpint (peak_rss_kb (), <, MAX_RSS_KB);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  dm_gdal_init ();

  g_test_add_func ("/hardening/json/proposal-types", test_proposal_types);
  g_test_add_func ("/hardening/json/scenario-types", test_scenario_types);
  g_test_add_func ("/hardening/json/lesson-types", test_lesson_types);
  g_test_add_func ("/hardening/json/cli-scenario-date", test_cli_scenario_date);
  g_test_add_func ("/hardening/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/hardening/json/sizes", test_json_sizes);
  g_test_add_func ("/hardening/counts/proposal", test_proposal_counts);
  g_test_add_func ("/hardening/counts/scenario-lesson", test_scenario_lesson_counts);
  g_test_add_func ("/hardening/counts/user-folder", test_user_folder_count);
  g_test_add_func ("/hardening/validate/file-kind", test_file_kind);
  g_test_add_func ("/hardening/validate/routing", test_validate_routing);
  g_test_add_func ("/hardening/corpus/fuzz", test_fuzz_corpus);
  g_test_add_func ("/hardening/memory/peak", test_peak_memory);

  return g_test_run ();
}
