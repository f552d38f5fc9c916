/* test-proposal.c: bundled proposals are valid; malformed proposals are rejected with their reason. */
#include "config.h"

#include "dm-error.h"
#include "dm-proposal.h"
#include "dm-proposal-rules.h"
#include "dm-test-util.h"

static const char *bundled_ids[] = {
  "witkoff-recommendation-2025-04", "us-framework-2025-04", "eu-ua-2025-04",
  "ru-memorandum-2025-06", "ru-anchorage-2025-08", "us-28-point-2025-11",
  "geneva-19-point-2025-11", "us-revised-2025-12", "framework-20-point-2025-12",
  "line-of-contact", "borders-1991",
};

static void
test_bundled_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmCatalog) catalog = dm_catalog_new (dm_test_data_dir (), NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (dm_catalog_get_proposals (catalog)->len, ==, G_N_ELEMENTS (bundled_ids));
  for (guint i = 0; i < G_N_ELEMENTS (bundled_ids); i++)
    {
      DmProposal *p = dm_catalog_find_proposal (catalog, bundled_ids[i]);

      g_assert_nonnull (p);
      /* Every region part resolves to a clause, and every clause cites a source. */
      for (DmRegion r = 0; r < DM_N_REGIONS; r++)
        for (DmPart part = 0; part < DM_N_PARTS; part++)
          {
            const DmClause *c = dm_proposal_lookup (p, r, part);

            g_assert_nonnull (c);
            g_assert_cmpuint (c->sources->len, >, 0);
          }
    }
  /* Every day of DeepStateMap's record, 2024-07-08 to 2026-08-22. */
  g_assert_cmpuint (dm_catalog_get_controls (catalog)->len, ==, 769);
}

static void
test_clauses_match_reference (void)
{
  g_autoptr(DmCatalog) catalog = dm_catalog_new (dm_test_data_dir (), NULL, NULL);
  DmProposal *p28 = dm_catalog_find_proposal (catalog, "us-28-point-2025-11");
  DmProposal *ist = dm_catalog_find_proposal (catalog, "ru-memorandum-2025-06");
  DmProposal *loc = dm_catalog_find_proposal (catalog, "line-of-contact");
  DmProposal *geneva = dm_catalog_find_proposal (catalog, "geneva-19-point-2025-11");
  const DmClause *c;

  /* Point 21: Ukrainian-held Donetsk becomes a demilitarised zone. */
  c = dm_proposal_lookup (p28, DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD);
  g_assert_cmpint (c->status, ==, DM_STATUS_DEMILITARIZED);
  g_assert_cmpint (c->certainty, ==, DM_CERTAINTY_TEXT);
  c = dm_proposal_lookup (p28, DM_REGION_ZAPORIZHZHIA, DM_PART_UKRAINIAN_HELD);
  g_assert_cmpint (c->status, ==, DM_STATUS_FROZEN);
  /* Istanbul: withdrawal from the Ukrainian-held parts, recognition of the rest. */
  c = dm_proposal_lookup (ist, DM_REGION_KHERSON, DM_PART_UKRAINIAN_HELD);
  g_assert_cmpint (c->status, ==, DM_STATUS_WITHDRAW);
  c = dm_proposal_lookup (ist, DM_REGION_KHERSON, DM_PART_RUSSIAN_HELD);
  g_assert_cmpint (c->status, ==, DM_STATUS_RUSSIA_DE_JURE);
  /* The line of contact baseline: each side keeps what it holds. */
  c = dm_proposal_lookup (loc, DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD);
  g_assert_cmpint (c->status, ==, DM_STATUS_UKRAINE);
  g_assert_true (dm_proposal_is_baseline (loc));
  /* Geneva keeps the 28-point status as "reported earlier". */
  c = dm_proposal_lookup (geneva, DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD);
  g_assert_cmpint (c->status, ==, DM_STATUS_UNPUBLISHED);
  g_assert_true (c->has_earlier);
  g_assert_cmpint (c->earlier_status, ==, DM_STATUS_DEMILITARIZED);
}

/* The four oblasts outside the five regions, each as the reports have it:
 * named areas get the plan's status, the rest "not addressed". */
static void
test_outer_oblasts (void)
{
  g_autoptr(DmCatalog) catalog = dm_catalog_new (dm_test_data_dir (), NULL, NULL);
  DmProposal *eu = dm_catalog_find_proposal (catalog, "eu-ua-2025-04");
  DmProposal *p20 = dm_catalog_find_proposal (catalog, "framework-20-point-2025-12");
  DmProposal *anc = dm_catalog_find_proposal (catalog, "ru-anchorage-2025-08");
  DmProposal *ist = dm_catalog_find_proposal (catalog, "ru-memorandum-2025-06");
  const struct { DmProposal *p; DmRegion region; DmPart part; DmStatus status; } expected[] = {
    /* The European plan names only the Kinburn Spit. */
    { eu, DM_REGION_MYKOLAIV, DM_PART_RUSSIAN_HELD, DM_STATUS_RETURNED },
    { eu, DM_REGION_KHARKIV, DM_PART_RUSSIAN_HELD, DM_STATUS_NOT_ADDRESSED },
    { eu, DM_REGION_SUMY, DM_PART_RUSSIAN_HELD, DM_STATUS_NOT_ADDRESSED },
    { eu, DM_REGION_DNIPROPETROVSK, DM_PART_RUSSIAN_HELD, DM_STATUS_NOT_ADDRESSED },
    /* The 20-point plan: Russia leaves three oblasts, Kinburn is demilitarised. */
    { p20, DM_REGION_KHARKIV, DM_PART_RUSSIAN_HELD, DM_STATUS_RETURNED },
    { p20, DM_REGION_SUMY, DM_PART_RUSSIAN_HELD, DM_STATUS_RETURNED },
    { p20, DM_REGION_DNIPROPETROVSK, DM_PART_RUSSIAN_HELD, DM_STATUS_RETURNED },
    { p20, DM_REGION_MYKOLAIV, DM_PART_RUSSIAN_HELD, DM_STATUS_DEMILITARIZED },
    { p20, DM_REGION_KHARKIV, DM_PART_UKRAINIAN_HELD, DM_STATUS_NOT_ADDRESSED },
    /* Anchorage: the pockets in three oblasts given up; Mykolaiv not mentioned. */
    { anc, DM_REGION_KHARKIV, DM_PART_RUSSIAN_HELD, DM_STATUS_RETURNED },
    { anc, DM_REGION_SUMY, DM_PART_RUSSIAN_HELD, DM_STATUS_RETURNED },
    { anc, DM_REGION_DNIPROPETROVSK, DM_PART_RUSSIAN_HELD, DM_STATUS_RETURNED },
    { anc, DM_REGION_MYKOLAIV, DM_PART_RUSSIAN_HELD, DM_STATUS_NOT_ADDRESSED },
    /* "other" is shorthand for all four. */
    { ist, DM_REGION_SUMY, DM_PART_UKRAINIAN_HELD, DM_STATUS_NOT_ADDRESSED },
    { ist, DM_REGION_MYKOLAIV, DM_PART_RUSSIAN_HELD, DM_STATUS_NOT_ADDRESSED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const DmClause *c = dm_proposal_lookup (expected[i].p, expected[i].region, expected[i].part);

      g_test_message ("%s %s %s", dm_proposal_get_id (expected[i].p),
                      dm_region_to_string (expected[i].region), dm_part_to_string (expected[i].part));
      g_assert_cmpstr (dm_status_to_string (c->status), ==,
                       dm_status_to_string (expected[i].status));
      if (c->status == DM_STATUS_NOT_ADDRESSED)
        g_assert_cmpint (c->certainty, ==, DM_CERTAINTY_UNCLEAR);
    }
}

static gboolean
cites (const DmClause *clause,
       const char     *source_id)
{
  for (guint i = 0; i < clause->sources->len; i++)
    if (g_str_equal (((DmSource *) g_ptr_array_index (clause->sources, i))->id, source_id))
      return TRUE;
  return FALSE;
}

/* The audit's corrections (issue 15) stay corrected. */
static void
test_audited_clauses (void)
{
  g_autoptr(DmCatalog) catalog = dm_catalog_new (dm_test_data_dir (), NULL, NULL);
  DmProposal *p20 = dm_catalog_find_proposal (catalog, "framework-20-point-2025-12");
  DmProposal *b91 = dm_catalog_find_proposal (catalog, "borders-1991");
  DmProposal *geneva = dm_catalog_find_proposal (catalog, "geneva-19-point-2025-11");
  DmProposal *ist = dm_catalog_find_proposal (catalog, "ru-memorandum-2025-06");
  GPtrArray *clauses;

  g_assert_cmpstr (dm_proposal_get_sponsor (p20), ==, "United States and Ukraine");
  /* 68/262 is about Crimea, ES-11/4 about the four regions annexed in 2022. */
  g_assert_true (cites (dm_proposal_lookup (b91, DM_REGION_CRIMEA, DM_PART_ALL), "un-ga-2014-03-27"));
  g_assert_false (cites (dm_proposal_lookup (b91, DM_REGION_CRIMEA, DM_PART_ALL), "un-ga-2022-10-12"));
  g_assert_true (cites (dm_proposal_lookup (b91, DM_REGION_KHERSON, DM_PART_ALL), "un-ga-2022-10-12"));
  g_assert_false (cites (dm_proposal_lookup (b91, DM_REGION_KHERSON, DM_PART_ALL), "un-ga-2014-03-27"));
  /* UnHerd reports the later Moscow talks: cited once, not on every clause. */
  clauses = dm_proposal_get_clauses (geneva);
  for (guint i = 0; i < clauses->len; i++)
    {
      const DmClause *c = g_ptr_array_index (clauses, i);

      g_assert_true (!cites (c, "unherd-2025-12-03") ||
                     (c->region == DM_REGION_DONETSK && c->part == DM_PART_UKRAINIAN_HELD));
    }
  /* The memorandum is known from reports of its terms. */
  g_assert_cmpstr (dm_proposal_get_published (ist), ==, "reported");
  g_assert_cmpint (dm_proposal_lookup (ist, DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD)->certainty,
                   ==, DM_CERTAINTY_REPORTED);
}

/* A minimal valid proposal with the given id, with one spot to break. */
static char *
proposal_json_id (const char *id,
                  const char *donetsk_ua_status,
                  const char *extra_clause)
{
  return g_strdup_printf (
    "{\"format\":\"demarcate-proposal\",\"version\":1,\"id\":\"%s\",\"kind\":\"proposal\","
    "\"title\":\"T\",\"short_title\":\"T\",\"sponsor\":\"Tests\",\"date\":\"2025-01-01\","
    "\"published\":\"reported\",\"summary\":\"A test.\","
    "\"sources\":[{\"id\":\"s-2025-01-01\",\"outlet\":\"O\",\"date\":\"2025-01-01\","
    "\"detail\":\"d\"}],"
    "\"clauses\":["
    "{\"region\":\"crimea\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]},"
    "{\"region\":\"luhansk\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]},"
    "{\"region\":\"donetsk\",\"part\":\"russian-held\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]},"
    "{\"region\":\"donetsk\",\"part\":\"ukrainian-held\",\"status\":\"%s\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]},"
    "{\"region\":\"zaporizhzhia\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]},"
    "{\"region\":\"kherson\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]},"
    "{\"region\":\"other\",\"part\":\"all\",\"status\":\"not-addressed\",\"certainty\":\"unclear\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]}%s]}",
    id, donetsk_ua_status, extra_clause);
}

static char *
proposal_json (const char *donetsk_ua_status,
               const char *extra_clause)
{
  return proposal_json_id ("t", donetsk_ua_status, extra_clause);
}

/* The valid proposal for file NAME.json with the first `from` replaced by `to`. */
static char *
broken (const char *name,
        const char *from,
        const char *to)
{
  g_autofree char *json = proposal_json_id (name, "ukraine", "");
  char *at = strstr (json, from);
  GString *s;

  g_assert_nonnull (at);
  s = g_string_new_len (json, at - json);
  g_string_append (s, to);
  g_string_append (s, at + strlen (from));
  return g_string_free (s, FALSE);
}

static void
expect_rejected (const char *file,
                 const char *contents,
                 gssize      length,
                 const char *needle)
{
  g_autofree char *path = dm_test_write (file, contents, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmProposal) p = dm_proposal_new_from_file (path, &error);

  g_assert_null (p);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  /* The message names the file and says what is wrong. */
  g_assert_nonnull (strstr (error->message, file));
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_minimal_valid (void)
{
  g_autofree char *json = proposal_json ("ukraine", "");
  g_autofree char *path = dm_test_write ("t.json", json, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmProposal) p = dm_proposal_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (dm_proposal_lookup (p, DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD)->status,
                   ==, DM_STATUS_UKRAINE);
  g_assert_cmpint (dm_proposal_lookup (p, DM_REGION_CRIMEA, DM_PART_UKRAINIAN_HELD)->status,
                   ==, DM_STATUS_OPEN);
}

static void
test_malformed (void)
{
  g_autofree char *good = proposal_json ("ukraine", "");
  g_autofree char *bad_status = proposal_json ("annexed", "");
  g_autofree char *bad_region = proposal_json ("ukraine",
    ",{\"region\":\"mordor\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]}");
  g_autofree char *twice = proposal_json ("ukraine",
    ",{\"region\":\"donetsk\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]}");
  g_autofree char *bad_source = proposal_json ("ukraine",
    ",{\"region\":\"other\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"nope\"]}");
  g_autofree char *bad_certainty = g_strdup (good);
  g_autofree char *uncovered = NULL;
  char *at;

  /* Truncated JSON. */
  expect_rejected ("truncated.json", good, strlen (good) / 2, "not valid JSON");
  /* Empty file. */
  expect_rejected ("empty.json", "", 0, "empty");
  /* Unknown status, with the allowed ones listed. */
  expect_rejected ("bad-status.json", bad_status, -1, "unknown status “annexed”");
  /* Unknown region. */
  expect_rejected ("bad-region.json", bad_region, -1, "unknown region “mordor”");
  /* A part covered twice. */
  expect_rejected ("twice.json", twice, -1, "already covered");
  /* A source id not defined in "sources". */
  expect_rejected ("bad-source.json", bad_source, -1, "“nope” is not defined");
  /* Unknown certainty. */
  at = strstr (bad_certainty, "\"certainty\":\"text\"");
  memcpy (at + strlen ("\"certainty\":\""), "sure", 4);
  expect_rejected ("bad-certainty.json", bad_certainty, -1, "unknown certainty “sure”");
  /* A region left uncovered. */
  {
    g_auto(GStrv) pieces = g_strsplit (good, "\"kherson\"", -1);
    uncovered = g_strjoinv ("\"crimea\"", pieces);
  }
  expect_rejected ("uncovered.json", uncovered, -1, "of kherson");
  /* Not UTF-8. */
  expect_rejected ("latin1.json", "{\"title\":\"Kh\xe9rson\"}", -1, "UTF-8");
  /* Not a proposal at all. */
  expect_rejected ("geojson.json", "{\"type\":\"FeatureCollection\",\"features\":[]}", -1,
                   "“format”");
  /* An array instead of an object. */
  expect_rejected ("array.json", "[1,2,3]", -1, "one JSON object");
}

/* One rejected file per rule of data/proposals/README.md, each with its message. */
static void
test_readme_rules (void)
{
  const struct { const char *name, *from, *to, *needle; } cases[] = {
    { "wrong-name", "\"id\":\"wrong-name\"", "\"id\":\"right-name\"",
      "does not match the file name “wrong-name.json”" },
    { "bad-id", "\"id\":\"bad-id\"", "\"id\":\"Bad_Id\"", "lowercase letters" },
    { "bad-version", "\"version\":1", "\"version\":2", "“version” must be 1" },
    { "bad-kind", "\"kind\":\"proposal\"", "\"kind\":\"rumour\"", "unknown kind" },
    { "long-title", "\"title\":\"T\"",
      "\"title\":\"A title far longer than the sixty characters a title may have\"",
      "at most 60" },
    { "long-short-title", "\"short_title\":\"T\"",
      "\"short_title\":\"A short title too long for a tab\"", "at most 24" },
    { "no-short-title", "\"short_title\":\"T\",", "", "missing “short_title”" },
    { "dash-sponsor", "\"sponsor\":\"Tests\"", "\"sponsor\":\"—\"", "not a dash" },
    { "no-sponsor", "\"sponsor\":\"Tests\",", "", "missing “sponsor”" },
    { "bad-date", "\"date\":\"2025-01-01\",\"published\"",
      "\"date\":\"2026-02-30\",\"published\"", "“2026-02-30” is not a real date" },
    { "null-date", "\"date\":\"2025-01-01\",\"published\"", "\"date\":null,\"published\"",
      "only a baseline may be" },
    { "no-date", "\"date\":\"2025-01-01\",\"published\"", "\"published\"", "missing “date”" },
    { "rumour", "\"published\":\"reported\"", "\"published\":\"rumour\"",
      "unknown published “rumour”" },
    { "baseline-published", "\"published\":\"reported\"", "\"published\":\"baseline\"",
      "only a file of kind baseline" },
    { "no-summary", "\"summary\":\"A test.\",", "", "missing “summary”" },
    { "no-sources", "[{\"id\":\"s-2025-01-01\",\"outlet\":\"O\",\"date\":\"2025-01-01\",\"detail\":\"d\"}]",
      "[]", "list at least one source" },
    { "source-id", "{\"id\":\"s-2025-01-01\"", "{\"id\":\"s\"", "outlet-yyyy-mm-dd" },
    { "source-date", "\"outlet\":\"O\",\"date\":\"2025-01-01\"",
      "\"outlet\":\"O\",\"date\":\"2025-01-02\"", "differs from the date in the id" },
    { "source-null-date", "\"outlet\":\"O\",\"date\":\"2025-01-01\"",
      "\"outlet\":\"O\",\"date\":null", "null is only for the source demarcate-control-data" },
    { "source-detail", ",\"detail\":\"d\"", "", "missing “detail”" },
    { "source-outlet", "\"outlet\":\"O\",", "", "missing “outlet”" },
    { "source-url", "\"detail\":\"d\"", "\"detail\":\"d\",\"url\":\"ftp://x\"",
      "“url” must start with https://" },
    { "source-twice", "\"detail\":\"d\"}]",
      "\"detail\":\"d\"},{\"id\":\"s-2025-01-01\",\"outlet\":\"P\",\"date\":\"2025-01-01\",\"detail\":\"d\"}]",
      "used twice" },
    { "source-unused", "\"detail\":\"d\"}]",
      "\"detail\":\"d\"},{\"id\":\"u-2025-01-01\",\"outlet\":\"U\",\"date\":\"2025-01-01\",\"detail\":\"d\"}]",
      "no clause cites it" },
    { "no-note", ",\"note\":\"n\"", "", "missing “note”" },
    { "long-note", "\"note\":\"n\"",
      "\"note\":\"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn\"",
      "at most 200" },
    { "clause-no-source", "\"sources\":[\"s-2025-01-01\"]}", "\"sources\":[]}",
      "at least one source id" },
    { "not-addressed", "\"status\":\"not-addressed\",\"certainty\":\"unclear\"",
      "\"status\":\"not-addressed\",\"certainty\":\"text\"", "has the certainty “unclear”" },
    { "bad-part", "\"part\":\"russian-held\"", "\"part\":\"north\"", "unknown part “north”" },
    { "other-twice", "\"s-2025-01-01\"]}]}", "\"s-2025-01-01\"]},{\"region\":\"sumy\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"note\":\"n\",\"sources\":[\"s-2025-01-01\"]}]}",
      "of sumy is already covered" },
    { "earlier-shape", "\"note\":\"n\"", "\"note\":\"n\",\"earlier\":\"us-28-point-2025-11\"",
      "“earlier” must be an object" },
    { "markup", "\"summary\":\"A test.\"", "\"summary\":\"A <b>test</b>.\"", "HTML or markup" },
    { "other-terms", "\"summary\":\"A test.\"", "\"summary\":\"A test.\",\"other_terms\":[1]",
      "list of strings" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = broken (cases[i].name, cases[i].from, cases[i].to);
      g_autofree char *file = g_strconcat (cases[i].name, ".json", NULL);

      g_test_message ("rule: %s", cases[i].name);
      expect_rejected (file, json, -1, cases[i].needle);
    }
}

/* "earlier" names a real proposal and its status; validate checks it
 * against the other proposals. */
static void
test_earlier_rule (void)
{
  g_autoptr(DmCatalog) catalog = dm_catalog_new (dm_test_data_dir (), NULL, NULL);
  g_autofree char *unknown = broken ("earlier-unknown", "\"note\":\"n\"",
    "\"note\":\"n\",\"earlier\":{\"proposal\":\"nope-2025\",\"status\":\"open\"}");
  g_autofree char *wrong = broken ("earlier-wrong", "\"note\":\"n\"",
    "\"note\":\"n\",\"earlier\":{\"proposal\":\"us-28-point-2025-11\",\"status\":\"open\"}");
  g_autofree char *right = broken ("earlier-right", "\"note\":\"n\"",
    "\"note\":\"n\",\"earlier\":{\"proposal\":\"us-28-point-2025-11\",\"status\":\"russia-de-facto\"}");
  const struct { const char *name, *json, *needle; } cases[] = {
    { "earlier-unknown.json", unknown, "names the proposal “nope-2025”, which is neither" },
    { "earlier-wrong.json", wrong, "but that proposal says russia-de-facto" },
    { "earlier-right.json", right, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = dm_test_write (cases[i].name, cases[i].json, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(DmProposal) p = dm_proposal_new_from_file (path, &error);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

      g_assert_no_error (error);
      dm_proposal_check_earlier (p, catalog, problems);
      if (cases[i].needle == NULL)
        g_assert_cmpuint (problems->len, ==, 0);
      else
        {
          g_assert_cmpuint (problems->len, ==, 1);
          g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), cases[i].needle));
        }
    }
}

/* A user file with a bundled id replaces it, with a warning naming the file. */
static void
test_user_replaces_bundled (void)
{
  g_autofree char *bundled = g_build_filename (dm_test_data_dir (), "proposals",
                                               "us-28-point-2025-11.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL, *user_dir = NULL;
  g_autoptr(DmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  gboolean warned = FALSE;

  g_assert_true (g_file_get_contents (bundled, &contents, NULL, NULL));
  path = dm_test_write ("us-28-point-2025-11.json", contents, -1);
  user_dir = g_path_get_dirname (path);
  catalog = dm_catalog_new (dm_test_data_dir (), user_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dm_proposal_get_path (dm_catalog_find_proposal (catalog, "us-28-point-2025-11")),
                   ==, path);
  problems = dm_catalog_get_problems (catalog);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *msg = g_ptr_array_index (problems, i);

      g_test_message ("%s", msg);
      if (strstr (msg, "warning: replaces the bundled proposal") &&
          strstr (msg, "us-28-point-2025-11.json"))
        warned = TRUE;
    }
  g_assert_true (warned);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/proposal/bundled-valid", test_bundled_valid);
  g_test_add_func ("/proposal/clauses-match-reference", test_clauses_match_reference);
  g_test_add_func ("/proposal/outer-oblasts", test_outer_oblasts);
  g_test_add_func ("/proposal/audited-clauses", test_audited_clauses);
  g_test_add_func ("/proposal/minimal-valid", test_minimal_valid);
  g_test_add_func ("/proposal/malformed", test_malformed);
  g_test_add_func ("/proposal/readme-rules", test_readme_rules);
  g_test_add_func ("/proposal/earlier-rule", test_earlier_rule);
  g_test_add_func ("/proposal/user-replaces-bundled", test_user_replaces_bundled);

  return g_test_run ();
}
