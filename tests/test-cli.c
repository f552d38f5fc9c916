/* test-cli.c: the command line as a user runs it: output format, exit codes, messages. */
#include "config.h"

#include <gio/gio.h>

#include "dm-gdal.h"
#include "dm-test-util.h"

static const char *binary;

static int
run (const char * const *args,
     char              **out,
     char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

static void
test_version_and_help (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;

  g_assert_cmpint (run ((const char *[]) { "--version", NULL }, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "demarcate " PACKAGE_VERSION));
  g_assert_cmpint (run ((const char *[]) { "stats", "--help", NULL }, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (out2, "--proposal"));
  g_assert_nonnull (strstr (out2, "--compare"));
}

static void
test_list (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run ((const char *[]) { "list", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "us-28-point-2025-11"));
  g_assert_nonnull (strstr (out, "borders-1991"));
  g_assert_nonnull (strstr (out, "DeepStateMap, every day from 2024-07-08 to 2026-08-22 "
                                 "(769 days"));
}

static void
test_stats_csv (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;
  double donetsk_ua = -1, donetsk_total = -1;

  g_assert_cmpint (run ((const char *[]) { "stats", "--proposal", "us-28-point-2025-11",
                                           "--date", "2025-11-20", NULL }, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "proposal,date,region,part,status,certainty,holder,area_km2");
  for (guint i = 1; lines[i] && *lines[i]; i++, n++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (cols), ==, 8);
      g_assert_cmpstr (cols[0], ==, "us-28-point-2025-11");
      g_assert_cmpstr (cols[1], ==, "2025-11-20");
      if (g_str_equal (cols[2], "donetsk") && g_str_equal (cols[3], "ukrainian-held"))
        {
          g_assert_cmpstr (cols[4], ==, "demilitarized");
          g_assert_cmpstr (cols[5], ==, "text");
          g_assert_cmpstr (cols[6], ==, "dmz");
          donetsk_ua = g_ascii_strtod (cols[7], NULL);
        }
      if (g_str_equal (cols[2], "donetsk") && g_str_equal (cols[3], "all"))
        {
          g_assert_cmpstr (cols[4], ==, "total");
          g_assert_cmpstr (cols[5], ==, "");
          donetsk_total = g_ascii_strtod (cols[7], NULL);
        }
    }
  g_assert_cmpuint (n, ==, 27);
  /* Sensible: Ukraine held roughly a fifth to a third of Donetsk oblast. */
  g_assert_cmpfloat (donetsk_ua, >, 3000.0);
  g_assert_cmpfloat (donetsk_ua, <, 10000.0);
  g_assert_cmpfloat (fabs (donetsk_total - 26517.0), <, 26517.0 * 0.02);
}

static void
test_stats_json_compare (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run ((const char *[]) { "stats", "-p", "us-28-point-2025-11", "--compare",
                                           "line-of-contact", "--format", "json", NULL },
                        &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\"differences\""));
  g_assert_nonnull (strstr (out, "\"compare_status\" : \"ukraine\""));
  g_assert_nonnull (strstr (out, "\"ukraine_to_demilitarized_km2\""));
}

static void
test_bad_arguments (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (run ((const char *[]) { "stats", "--proposal", "nope", NULL }, &out, &err),
                   ==, 2);
  g_assert_nonnull (strstr (err, "unknown proposal “nope”"));
  g_assert_cmpint (run ((const char *[]) { "stats", "-p", "line-of-contact", "--date",
                                           "1999-01-01", NULL }, &out2, &err2), ==, 2);
  g_assert_nonnull (strstr (err2, "1999-01-01"));
  g_assert_cmpint (run ((const char *[]) { "frobnicate", NULL }, &out3, &err3), !=, 0);
}

static void
test_validate (void)
{
  g_autofree char *bad = dm_test_write ("bad-region.json",
    "{\"format\":\"demarcate-proposal\",\"version\":1,\"id\":\"x\",\"kind\":\"proposal\","
    "\"title\":\"X\",\"sources\":[{\"id\":\"s\",\"outlet\":\"O\"}],\"clauses\":[{\"region\":"
    "\"transnistria\",\"part\":\"all\",\"status\":\"open\",\"certainty\":\"text\",\"sources\":[\"s\"]}]}",
    -1);
  g_autofree char *truncated = dm_test_write ("cut.geojson", "{\"type\":\"FeatureColl", -1);
  g_autofree char *good = g_build_filename (dm_test_data_dir (), "proposals",
                                            "us-28-point-2025-11.json", NULL);
  g_autofree char *control = dm_test_day_file ("2025-11-20");
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;

  g_assert_cmpint (run ((const char *[]) { "validate", good, control, NULL }, &out, &err), ==, 0);
  g_assert_cmpint (run ((const char *[]) { "validate", good, bad, truncated, NULL },
                        &out2, &err2), ==, 1);
  g_test_message ("%s", err2);
  g_assert_nonnull (strstr (err2, "bad-region.json: clause 1 (transnistria): unknown region"));
  g_assert_nonnull (strstr (err2, "cut.geojson: "));
  g_assert_nonnull (strstr (out2, "us-28-point-2025-11.json: valid"));

  /* A copy of a bundled proposal is valid, with a warning naming the file it replaces. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *copy = NULL;
    g_autofree char *out3 = NULL, *err3 = NULL;

    g_assert_true (g_file_get_contents (good, &contents, NULL, NULL));
    copy = dm_test_write ("us-28-point-2025-11.json", contents, -1);
    g_assert_cmpint (run ((const char *[]) { "validate", copy, NULL }, &out3, &err3), ==, 0);
    g_assert_nonnull (strstr (err3, "warning: has the id “us-28-point-2025-11” of the bundled "
                                    "proposal"));
    g_assert_nonnull (strstr (err3, "data/proposals/us-28-point-2025-11.json"));
  }
}

/* A saved scenario is shown against the line it was made with. */
static void
test_scenario_date (void)
{
  g_autofree char *path = dm_test_write ("dated-scenario.json",
    "{\"format\":\"demarcate-scenario\",\"version\":1,\"proposal\":\"us-28-point-2025-11\","
    "\"control_date\":\"2025-04-17\",\"edits\":[{\"region\":\"donetsk\","
    "\"part\":\"ukrainian-held\",\"status\":\"ukraine\"}]}", -1);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run ((const char *[]) { "stats", "--scenario", path, "--format", "json", NULL },
                        &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\"control_date\" : \"2025-04-17\""));
  g_assert_nonnull (strstr (out, "\"modified\" : true"));
}

/* Any day of the record; a missing day says which it used; outside the
 * record, an error naming the range. */
static void
test_days (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;
  g_autofree char *out4 = NULL, *err4 = NULL;

  g_assert_cmpint (run ((const char *[]) { "stats", "-p", "line-of-contact", "--date",
                                           "2025-06-15", NULL }, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "proposal,date,region,part,status,certainty,holder,area_km2\n"));
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (run ((const char *[]) { "stats", "-p", "line-of-contact", "--date",
                                           "2025-01-01", NULL }, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (err2, "2025-01-01: no DeepStateMap file; using 2024-12-31"));

  g_assert_cmpint (run ((const char *[]) { "stats", "-p", "line-of-contact", "--date",
                                           "2023-05-01", NULL }, &out3, &err3), ==, 2);
  g_assert_nonnull (strstr (err3, "2024-07-08"));
  g_assert_nonnull (strstr (err3, "2026-08-22"));

  /* The 28-point plan's own day: the line of 2025-11-20. */
  g_assert_cmpint (run ((const char *[]) { "stats", "-p", "us-28-point-2025-11", "--date",
                                           "proposal", "-f", "json", NULL }, &out4, &err4), ==, 0);
  g_assert_nonnull (strstr (out4, "\"control_date\" : \"2025-11-20\""));
}

/* One table: a header, then a row per part and total per day. */
static void
test_series (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *day_out = NULL, *day_err = NULL;
  g_autofree char *bad_out = NULL, *bad_err = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) day_lines = NULL;
  guint n_lines, n_day_rows;

  /* 2025-01-01 has no file: 2025-01-01..2025-01-21 holds 20 days; every 5th: 4. */
  g_assert_cmpint (run ((const char *[]) { "stats", "-p", "us-28-point-2025-11", "--from",
                                           "2025-01-01", "--to", "2025-01-21", "--every", "5",
                                           NULL }, &out, &err), ==, 0);
  g_assert_cmpint (run ((const char *[]) { "stats", "-p", "us-28-point-2025-11", "--date",
                                           "2025-01-07", NULL }, &day_out, &day_err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  day_lines = g_strsplit (day_out, "\n", -1);
  n_lines = g_strv_length (lines) - 1;     /* the last is empty */
  n_day_rows = g_strv_length (day_lines) - 2; /* without header and empty tail */
  /* The single day's header: both name the proposal and the date. */
  g_assert_cmpstr (lines[0], ==, day_lines[0]);
  g_assert_cmpstr (lines[0], ==, "proposal,date,region,part,status,certainty,holder,area_km2");
  g_assert_cmpuint (n_lines, ==, 1 + 4 * n_day_rows);
  g_assert_true (g_str_has_prefix (lines[1], "us-28-point-2025-11,2025-01-02,"));
  g_assert_true (g_str_has_prefix (lines[1 + n_day_rows], "us-28-point-2025-11,2025-01-07,"));
  g_assert_true (g_str_has_prefix (lines[1 + 3 * n_day_rows], "us-28-point-2025-11,2025-01-17,"));
  /* A day of the series is that day's table. */
  for (guint i = 0; i < n_day_rows; i++)
    g_assert_cmpstr (lines[1 + n_day_rows + i], ==, day_lines[1 + i]);

  g_assert_cmpint (run ((const char *[]) { "stats", "-p", "us-28-point-2025-11", "--from",
                                           "2025-01-01", NULL }, &bad_out, &bad_err), ==, 2);
  g_assert_nonnull (strstr (bad_err, "--to"));
}

/* The scenario as GIS data: re-read with OGR, the layers and properties
 * an analyst takes into QGIS, with the areas `stats` prints. */
static void
test_export_gis (void)
{
  g_autofree char *dir = g_dir_make_tmp ("demarcate-gis-XXXXXX", NULL);
  g_autofree char *geojson = g_build_filename (dir, "plan.geojson", NULL);
  g_autofree char *gpkg = g_build_filename (dir, "plan.gpkg", NULL);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;
  const char *layers[] = { "region-part", "control-area", "line-of-contact" };
  guint n_by_layer[3] = { 0, };
  double parts_km2 = 0.0, donetsk_ua = -1.0;
  GDALDatasetH ds;
  OGRFeatureH f;

  g_assert_cmpint (run ((const char *[]) { "export", "-p", "us-28-point-2025-11", "--date",
                                           "2025-11-20", "-o", geojson, NULL }, &out, &err), ==, 0);
  ds = GDALOpenEx (geojson, GDAL_OF_VECTOR, NULL, NULL, NULL);
  g_assert_nonnull (ds);
  g_assert_cmpint (GDALDatasetGetLayerCount (ds), ==, 1);
  while ((f = OGR_L_GetNextFeature (GDALDatasetGetLayer (ds, 0))) != NULL)
    {
      const char *layer = OGR_F_GetFieldAsString (f, OGR_F_GetFieldIndex (f, "layer"));
      int date = OGR_F_GetFieldIndex (f, "date");
      int year = 0, month = 0, day = 0, h, m, tz;
      float sec;

      /* GeoJSON reads the date back as a date. */
      g_assert_true (OGR_F_GetFieldAsDateTimeEx (f, date, &year, &month, &day, &h, &m, &sec, &tz));
      g_assert_cmpint (year * 10000 + month * 100 + day, ==, 20251120);
      g_assert_cmpstr (OGR_F_GetFieldAsString (f, OGR_F_GetFieldIndex (f, "source")), ==,
                       "DeepStateMap");
      /* Only an empty part (Crimea's Ukrainian-held one) has no geometry. */
      g_assert_true (OGR_F_GetGeometryRef (f) != NULL ||
                     OGR_F_GetFieldAsDouble (f, OGR_F_GetFieldIndex (f, "area_km2")) < 0.05);
      for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
        if (g_str_equal (layer, layers[i]))
          n_by_layer[i]++;
      if (g_str_equal (layer, "region-part"))
        {
          const char *region = OGR_F_GetFieldAsString (f, OGR_F_GetFieldIndex (f, "region"));
          const char *part = OGR_F_GetFieldAsString (f, OGR_F_GetFieldIndex (f, "part"));
          double area = OGR_F_GetFieldAsDouble (f, OGR_F_GetFieldIndex (f, "area_km2"));

          g_assert_cmpstr (OGR_F_GetFieldAsString (f, OGR_F_GetFieldIndex (f, "proposal")), ==,
                           "us-28-point-2025-11");
          g_assert_true (OGR_F_IsFieldSetAndNotNull (f, OGR_F_GetFieldIndex (f, "status")));
          g_assert_true (OGR_F_IsFieldSetAndNotNull (f, OGR_F_GetFieldIndex (f, "certainty")));
          g_assert_true (OGR_F_IsFieldSetAndNotNull (f, OGR_F_GetFieldIndex (f, "holder")));
          parts_km2 += area;
          if (g_str_equal (region, "donetsk") && g_str_equal (part, "ukrainian-held"))
            {
              donetsk_ua = area;
              g_assert_cmpstr (OGR_F_GetFieldAsString (f, OGR_F_GetFieldIndex (f, "status")),
                               ==, "demilitarized");
            }
        }
      OGR_F_Destroy (f);
    }
  GDALClose (ds);
  /* Every region (the five and the four oblasts beyond) with both parts. */
  g_assert_cmpuint (n_by_layer[0], ==, 2 * DM_N_REGIONS);
  g_assert_cmpuint (n_by_layer[1], ==, 1);
  g_assert_cmpuint (n_by_layer[2], ==, 1);
  g_assert_cmpfloat (parts_km2, >, 130000.0);

  /* The same figure as stats. */
  g_assert_cmpint (run ((const char *[]) { "stats", "-p", "us-28-point-2025-11", "--date",
                                           "2025-11-20", NULL }, &out2, &err2), ==, 0);
  {
    g_autofree char *row = g_strdup_printf ("donetsk,ukrainian-held,demilitarized,text,dmz,%.1f\n",
                                            donetsk_ua);

    g_assert_nonnull (strstr (out2, row));
  }

  /* A GeoPackage: the three layers by name. */
  g_assert_cmpint (run ((const char *[]) { "export", "-p", "us-28-point-2025-11", "-f", "gpkg",
                                           "-o", gpkg, NULL }, &out3, &err3), ==, 0);
  ds = GDALOpenEx (gpkg, GDAL_OF_VECTOR, NULL, NULL, NULL);
  g_assert_nonnull (ds);
  g_assert_cmpint (GDALDatasetGetLayerCount (ds), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    g_assert_nonnull (GDALDatasetGetLayerByName (ds, layers[i]));
  g_assert_cmpint (OGR_L_GetFeatureCount (GDALDatasetGetLayerByName (ds, "region-part"), TRUE),
                   ==, 2 * DM_N_REGIONS);
  GDALClose (ds);

  /* --all --date proposal: each proposal on its own day, baselines on the latest. */
  {
    g_autofree char *o = NULL, *e = NULL;
    g_autofree char *all_dir = g_build_filename (dir, "all", NULL);
    const struct { const char *id; const char *date; } own[] = {
      { "us-28-point-2025-11", "20251120" },
      { "witkoff-recommendation-2025-04", "20250415" }, /* dated to the month: the 15th */
      { "line-of-contact", "20260822" },
    };

    g_assert_cmpint (run ((const char *[]) { "export", "--all", "--date", "proposal",
                                             "--format", "geojson", "--out-dir", all_dir, NULL },
                          &o, &e), ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (own); i++)
      {
        g_autofree char *name = g_strdup_printf ("%s.geojson", own[i].id);
        g_autofree char *path = g_build_filename (all_dir, name, NULL);
        g_autofree char *text = NULL;
        g_autofree char *expected = NULL;

        g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
        expected = g_strdup_printf ("\"date\": \"%.4s-%.2s-%.2s\"", own[i].date,
                                    own[i].date + 4, own[i].date + 6);
        g_assert_nonnull (strstr (text, expected));
      }
  }

  /* Nowhere to write: a message naming the file, and nothing left behind. */
  {
    g_autofree char *o = NULL, *e = NULL;
    g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.geojson", NULL);

    g_assert_cmpint (run ((const char *[]) { "export", "-p", "us-28-point-2025-11", "-o",
                                             missing, NULL }, &o, &e), ==, 2);
    g_assert_nonnull (strstr (e, "x.geojson"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  dm_gdal_init ();

  binary = g_getenv ("DEMARCATE_BINARY");
  g_assert_nonnull (binary);

  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/list", test_list);
  g_test_add_func ("/cli/stats-csv", test_stats_csv);
  g_test_add_func ("/cli/stats-json-compare", test_stats_json_compare);
  g_test_add_func ("/cli/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/scenario-date", test_scenario_date);
  g_test_add_func ("/cli/days", test_days);
  g_test_add_func ("/cli/series", test_series);
  g_test_add_func ("/cli/export-gis", test_export_gis);

  return g_test_run ();
}
