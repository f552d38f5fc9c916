/* test-chart.c: the chart of the front: its figures are `stats --from --to`'s; it paints, hit-tests and writes PNG, SVG and CSV. */
#include "config.h"

#include <math.h>
#include <sys/wait.h>
#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "dm-chart.h"
#include "dm-gdal.h"
#include "dm-test-util.h"

/* Two days, both ways: the chart's computation, and the command line's
 * `stats --from --to --format json` (the total is its occupied_km2, each
 * region its Russian-held row). */
static void
test_values_equal_stats (void)
{
  const char *binary = g_getenv ("DEMARCATE_BINARY");
  const char *argv[] = { binary, "stats", "-p", "us-28-point-2025-11", "--from", "2025-11-20",
                         "--to", "2025-11-21", "--format", "json", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DmChart) chart = dm_chart_compute (dm_test_catalog (), dm_test_geodata (),
                                               "2025-11-20", "2025-11-21", 1, NULL, NULL, NULL,
                                               &error);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonArray *days;

  g_assert_no_error (error);
  g_assert_cmpuint (dm_chart_get_n_days (chart), ==, 2);

  g_assert_nonnull (binary);
  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  days = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                       "days");
  g_assert_cmpuint (json_array_get_length (days), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      JsonObject *day = json_array_get_object_element (days, i);
      JsonArray *rows = json_object_get_array_member (day, "rows");
      const DmChartDay *cd = dm_chart_get_day (chart, i);
      guint n_regions = 0;
      double other = 0.0;

      g_assert_cmpstr (cd->date, ==, json_object_get_string_member (day, "date"));
      g_assert_cmpfloat_with_epsilon (cd->km2[DM_CHART_SERIES_TOTAL],
                                      json_object_get_double_member (day, "occupied_km2"), 0.05);
      g_assert_cmpfloat (cd->km2[DM_CHART_SERIES_TOTAL], >, 100000);
      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);
          DmRegion region;

          if (g_strcmp0 (json_object_get_string_member (row, "part"), "russian-held") != 0)
            continue;
          g_assert_true (dm_region_from_string (json_object_get_string_member (row, "region"),
                                                &region));
          if (region >= DM_N_FIVE_REGIONS)
            other += json_object_get_double_member (row, "area_km2");
          else
            g_assert_cmpfloat_with_epsilon (cd->km2[DM_CHART_SERIES_REGION + region],
                                            json_object_get_double_member (row, "area_km2"), 0.05);
          n_regions++;
        }
      /* The four oblasts beyond the five, together. */
      g_assert_cmpfloat_with_epsilon (cd->km2[DM_CHART_SERIES_OTHER], other, 0.05);
      g_assert_cmpuint (n_regions, ==, DM_N_REGIONS);
    }
}

/* `demarcate chart -o x.csv` writes the figures the chart computes; bad
 * arguments exit 2 with a message. */
static void
test_cli (void)
{
  const char *binary = g_getenv ("DEMARCATE_BINARY");
  g_autofree char *dir = g_dir_make_tmp ("demarcate-chart-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "front.csv", NULL);
  g_autofree char *png = g_build_filename (dir, "front.png", NULL);
  const char *to_csv[] = { binary, "chart", "--from", "2025-11-20", "--to", "2025-11-21",
                           "--every", "1", "-o", csv, NULL };
  const char *to_png[] = { binary, "chart", "--from", "2025-11-20", "--to", "2025-11-21",
                           "--size", "800x450", "-o", png, NULL };
  const char *bad[] = { binary, "chart", "-o", "front.pdf", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DmChart) chart = dm_chart_compute (dm_test_catalog (), dm_test_geodata (),
                                               "2025-11-20", "2025-11-21", 1, NULL, NULL, NULL,
                                               &error);
  g_autoptr(GString) expected = dm_chart_csv (chart);
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  cairo_surface_t *image;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) to_csv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, expected->str);

  g_assert_true (g_spawn_sync (NULL, (char **) to_png, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, &error));
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 450);
  cairo_surface_destroy (image);

  g_assert_true (g_spawn_sync (NULL, (char **) bad, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, "png, svg or csv"));
}

/* Two years of invented figures, a week apart, with three proposals. */
static DmChart *
fake_chart (gboolean with_markers)
{
  DmChart *chart = dm_chart_new ("2024-07-08", "2026-08-22", 7);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 8, 7, 2024);
  for (int i = 0; i < 111; i++)
    {
      char text[16];
      double km2[DM_CHART_N_SERIES];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
      km2[DM_CHART_SERIES_REGION + DM_REGION_CRIMEA] = 27000;
      km2[DM_CHART_SERIES_REGION + DM_REGION_LUHANSK] = 26000 + i * 3;
      km2[DM_CHART_SERIES_REGION + DM_REGION_DONETSK] = 15000 + i * 30;
      km2[DM_CHART_SERIES_REGION + DM_REGION_ZAPORIZHZHIA] = 18000 + i * 5;
      km2[DM_CHART_SERIES_REGION + DM_REGION_KHERSON] = 7000;
      km2[DM_CHART_SERIES_OTHER] = 500 + i * 10;
      km2[DM_CHART_SERIES_TOTAL] = 0;
      for (guint k = DM_CHART_SERIES_REGION; k < DM_CHART_N_SERIES; k++)
        km2[DM_CHART_SERIES_TOTAL] += km2[k];
      dm_chart_add_day (chart, text, km2);
      g_date_add_days (&date, 7);
    }
  if (with_markers)
    {
      dm_chart_add_marker (chart, "2025-11-20", "28-point plan");
      dm_chart_add_marker (chart, "2025-04-23", "European–Ukrainian");
      dm_chart_add_marker (chart, "2025-04-25", "Witkoff");
    }
  return chart;
}

static guint
count_marker_pixels (DmChart *chart,
                     int      width,
                     int      height,
                     double   scale,
                     int      hover)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  const guchar marker[] = { DM_CHART_MARKER_RGB };
  guchar *data;
  int stride;
  guint n = 0;

  dm_chart_draw (chart, cr, width, height, scale, hover);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = data + y * stride + x * 4; /* B G R x */

        if (abs (p[2] - marker[0]) < 8 && abs (p[1] - marker[1]) < 8 &&
            abs (p[0] - marker[2]) < 8)
          n++;
      }
  cairo_surface_destroy (surface);
  return n;
}

/* At two sizes (and a hover), with the proposal markers in their colour,
 * and none of that colour without them. */
static void
test_draws_markers (void)
{
  g_autoptr(DmChart) with = fake_chart (TRUE);
  g_autoptr(DmChart) without = fake_chart (FALSE);
  g_autoptr(DmChart) empty = dm_chart_new ("2024-07-08", "2026-08-22", 7);

  g_assert_cmpuint (count_marker_pixels (with, 1200, 700, 1.0, -1), >, 500);
  g_assert_cmpuint (count_marker_pixels (with, 480, 320, 0.5, 40), >, 40);
  g_assert_cmpuint (count_marker_pixels (with, 2400, 1400, 2.0, 3), >, 2000);
  g_assert_cmpuint (count_marker_pixels (without, 1200, 700, 1.0, -1), <, 20);
  /* Nothing computed yet: axes and title, no criticals. */
  count_marker_pixels (empty, 800, 500, 1.0, -1);
}

static void
test_hit_testing (void)
{
  g_autoptr(DmChart) chart = fake_chart (TRUE);
  const DmChartDay *day = dm_chart_get_day (chart, 50);
  double x = dm_chart_x_of_date (chart, 1000, 600, 1.0, day->date);

  g_assert_cmpint (dm_chart_day_at (chart, 1000, 600, 1.0, x), ==, 50);
  g_assert_cmpint (dm_chart_day_at (chart, 1000, 600, 1.0, x + 2), ==, 50);
  g_assert_cmpint (dm_chart_day_at (chart, 1000, 600, 1.0, 2), ==, -1);
  g_assert_cmpint (dm_chart_day_at (chart, 1000, 600, 1.0, 999), ==, -1);
}

static void
test_format_and_description (void)
{
  g_autoptr(DmChart) chart = fake_chart (TRUE);
  g_autofree char *a = dm_chart_format_km2 (113412.4);
  g_autofree char *b = dm_chart_format_km2 (950);
  g_autofree char *text = dm_chart_describe (chart);

  /* C.UTF-8 has no thousands separator: English grouping (dm-number.c). */
  g_assert_cmpstr (a, ==, "113,412");
  g_assert_cmpstr (b, ==, "950");
  g_assert_nonnull (strstr (text, "2024-07-08"));
  g_assert_nonnull (strstr (text, "Donetsk: 15,000 km² on 2024-07-08"));
  g_assert_nonnull (strstr (text, "28-point plan (2025-11-20)"));
}

static void
test_write_files (void)
{
  g_autoptr(DmChart) chart = fake_chart (TRUE);
  g_autofree char *dir = g_dir_make_tmp ("demarcate-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *csv = g_build_filename (dir, "chart.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "chart.png", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  DmChartFormat format;

  g_assert_true (dm_chart_write (chart, DM_CHART_PNG, png, 1600, 900, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1600);
  cairo_surface_destroy (image);

  g_assert_true (dm_chart_write (chart, DM_CHART_SVG, svg, 1200, 700, &error));
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<text"));
  g_assert_nonnull (strstr (text, "DeepStateMap"));
  g_assert_nonnull (strstr (text, "28-point plan"));
  g_clear_pointer (&text, g_free);

  g_assert_true (dm_chart_write (chart, DM_CHART_CSV, csv, 0, 0, &error));
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "date,total_km2,crimea_km2,luhansk_km2,donetsk_km2,"
                                         "zaporizhzhia_km2,kherson_km2,other_km2\n"
                                         "2024-07-08,93500.0,27000.0,26000.0,15000.0,18000.0,"
                                         "7000.0,500.0\n"));

  /* A folder that does not exist: an error naming the file, nothing written. */
  g_assert_false (dm_chart_write (chart, DM_CHART_PNG, bad, 800, 600, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  g_assert_true (dm_chart_format_from_string ("x.SVG", &format));
  g_assert_cmpint (format, ==, DM_CHART_SVG);
  g_assert_false (dm_chart_format_from_string ("x.pdf", &format));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  dm_gdal_init ();

  g_test_add_func ("/chart/values-equal-stats", test_values_equal_stats);
  g_test_add_func ("/chart/cli", test_cli);
  g_test_add_func ("/chart/draws-markers", test_draws_markers);
  g_test_add_func ("/chart/hit-testing", test_hit_testing);
  g_test_add_func ("/chart/format-and-description", test_format_and_description);
  g_test_add_func ("/chart/write-files", test_write_files);
  return g_test_run ();
}
