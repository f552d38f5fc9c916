/* test-control.c: every settlement in the facts table lies on its own side on its own date. */
#include "config.h"

#include "dm-control.h"
#include "dm-geom.h"
#include "dm-test-util.h"

static const char *dates[] = { "2025-04-17", "2025-11-20", "2026-08-22" };
/* Occupied rows per date, as frontline-settlements.md documents them. */
static const guint n_documented[] = { 903, 919, 934 };

static void
test_settlements (gconstpointer data)
{
  guint d = GPOINTER_TO_UINT (data);
  g_autofree char *csv_path = dm_test_geo_path ("frontline-settlements.csv");
  g_autofree char *name = g_strdup_printf ("control-%s.geojson", dates[d]);
  g_autofree char *path = dm_test_geo_path (name);
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmControlArea) control = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) wrong = g_string_new (NULL);
  guint n_rows = 0, n_occupied = 0, n_wrong = 0;

  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  control = dm_control_area_load (path, NULL, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "name,oblast,lat,lon,status_2025_04_17,status_2025_11_20,status_2026_08_22");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      gboolean occupied, inside;
      double lat, lon;

      g_strchomp (lines[i]);
      if (*lines[i] == '\0')
        continue;
      cols = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (cols), ==, 7);
      lat = g_ascii_strtod (cols[2], NULL);
      lon = g_ascii_strtod (cols[3], NULL);
      occupied = g_str_equal (cols[4 + d], "occupied");
      g_assert_true (occupied || g_str_equal (cols[4 + d], "ukraine"));
      inside = dm_geom_contains_lonlat (control->geometry, lon, lat);
      n_rows++;
      n_occupied += occupied;
      if (inside != occupied)
        {
          n_wrong++;
          g_string_append_printf (wrong, "  %s (%s) %.4f,%.4f should be %s\n", cols[0], cols[1],
                                  lat, lon, cols[4 + d]);
        }
    }

  g_test_message ("%s: %u rows, %u occupied, %u on the wrong side\n%s", dates[d], n_rows,
                  n_occupied, n_wrong, wrong->str);
  g_assert_cmpuint (n_rows, ==, 1561);
  /* The counts the facts table documents, so a truncated copy fails too. */
  g_assert_cmpuint (n_occupied, ==, n_documented[d]);
  g_assert_cmpuint (n_wrong, ==, 0);
}

static void
test_control_dates (void)
{
  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autofree char *name = g_strdup_printf ("control-%s.geojson", dates[d]);
      g_autofree char *path = dm_test_geo_path (name);
      g_autofree char *from_name = dm_control_date_from_path (path);

      g_assert_cmpstr (from_name, ==, dates[d]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autofree char *name = g_strdup_printf ("/control/settlements/%s", dates[d]);
      g_test_add_data_func (name, GUINT_TO_POINTER (d), test_settlements);
    }
  g_test_add_func ("/control/dates", test_control_dates);

  return g_test_run ();
}
