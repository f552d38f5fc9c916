/* test-scenario.c: edits mark a scenario modified, saves reopen identical, stats add up. */
#include "config.h"

#include "dm-control.h"
#include "dm-error.h"
#include "dm-scenario.h"
#include "dm-stats.h"
#include "dm-test-util.h"


static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_edit_and_roundtrip (void)
{
  DmProposal *p = dm_catalog_find_proposal (dm_test_catalog (), "us-28-point-2025-11");
  g_autoptr(DmScenario) s = dm_scenario_new (p);
  g_autoptr(DmScenario) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dm_test_write ("scenario.json", "", 0);
  g_autofree char *date = NULL;
  guint notified = 0;

  g_signal_connect (s, "notify::modified", G_CALLBACK (on_notify), &notified);
  g_assert_false (dm_scenario_get_modified (s));

  dm_scenario_set_status (s, DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD, DM_STATUS_UKRAINE);
  g_assert_true (dm_scenario_get_modified (s));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (dm_scenario_get_status (s, DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD), ==,
                   DM_STATUS_UKRAINE);

  dm_scenario_set_status (s, DM_REGION_CRIMEA, DM_PART_RUSSIAN_HELD, DM_STATUS_OPEN);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (dm_scenario_save (s, path, "2025-11-20", &error));
  g_assert_no_error (error);
  reopened = dm_scenario_load (path, dm_test_catalog (), &date, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (date, ==, "2025-11-20");
  g_assert_true (dm_scenario_get_proposal (reopened) == p);
  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart part = 0; part < DM_N_PARTS; part++)
      {
        g_assert_cmpint (dm_scenario_get_status (reopened, r, part), ==,
                         dm_scenario_get_status (s, r, part));
        g_assert_cmpint (dm_scenario_is_edited (reopened, r, part), ==,
                         dm_scenario_is_edited (s, r, part));
      }

  /* Setting a part back to the proposal's status removes the edit. */
  dm_scenario_set_status (s, DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD,
                          DM_STATUS_DEMILITARIZED);
  dm_scenario_set_status (s, DM_REGION_CRIMEA, DM_PART_RUSSIAN_HELD,
                          DM_STATUS_RUSSIA_DE_FACTO);
  g_assert_false (dm_scenario_get_modified (s));
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_bad_scenarios (void)
{
  const struct { const char *file, *json, *needle; } cases[] = {
    { "unknown-proposal.json",
      "{\"format\":\"demarcate-scenario\",\"version\":1,\"proposal\":\"mars-2030\"}",
      "unknown proposal “mars-2030”" },
    { "unknown-region.json",
      "{\"format\":\"demarcate-scenario\",\"version\":1,\"proposal\":\"line-of-contact\","
      "\"edits\":[{\"region\":\"atlantis\",\"part\":\"russian-held\",\"status\":\"open\"}]}",
      "unknown region “atlantis”" },
    { "truncated-scenario.json", "{\"format\":\"demarcate-scenario\",\"prop", "not valid JSON" },
    { "not-scenario.json", "{\"format\":\"demarcate-proposal\"}", "not a scenario file" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = dm_test_write (cases[i].file, cases[i].json, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(DmScenario) s = dm_scenario_load (path, dm_test_catalog (), NULL, &error);

      g_assert_null (s);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].file));
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

/* Saving into a folder that does not exist fails and creates nothing. */
static void
test_save_atomic (void)
{
  DmProposal *p = dm_catalog_find_proposal (dm_test_catalog (), "line-of-contact");
  g_autoptr(DmScenario) s = dm_scenario_new (p);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dm_test_write ("keep.json", "old contents", -1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;

  g_assert_false (dm_scenario_save (s, "/nonexistent-dir/x.json", NULL, &error));
  g_assert_error (error, DM_ERROR, DM_ERROR_IO);
  g_assert_false (g_file_test ("/nonexistent-dir/x.json", G_FILE_TEST_EXISTS));

  /* The target cannot be replaced (it is a folder): the save fails, the
   * folder is untouched and no temporary file is left beside it. */
  g_clear_error (&error);
  {
    g_autofree char *target = g_build_filename (dir, "target.json", NULL);
    g_autoptr(GDir) listing = NULL;
    const char *name;

    g_assert_cmpint (g_mkdir (target, 0700), ==, 0);
    g_assert_false (dm_scenario_save (s, target, NULL, &error));
    g_assert_error (error, DM_ERROR, DM_ERROR_IO);
    g_assert_true (g_file_test (target, G_FILE_TEST_IS_DIR));
    listing = g_dir_open (dir, 0, NULL);
    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_prefix (name, "target.json."));
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "old contents");
  }
}

/* The 28-point plan against the line of contact: Ukraine gives up its part
 * of Donetsk (a demilitarised zone) and what little it holds of Luhansk. */
static void
test_handover_28_point (void)
{
  g_autoptr(DmPartition) partition = dm_test_partition_for ("2025-11-20");
  g_autoptr(DmScenario) s = dm_scenario_new (dm_catalog_find_proposal (dm_test_catalog (),
                                                                       "us-28-point-2025-11"));
  g_autoptr(DmScenario) loc = dm_scenario_new (dm_catalog_find_proposal (dm_test_catalog (),
                                                                         "line-of-contact"));
  double donetsk_ua = dm_partition_get_area (partition, DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD);
  double luhansk_ua = dm_partition_get_area (partition, DM_REGION_LUHANSK, DM_PART_UKRAINIAN_HELD);
  double crimea_ua = dm_partition_get_area (partition, DM_REGION_CRIMEA, DM_PART_UKRAINIAN_HELD);
  DmHandover h, h_loc;

  dm_stats_handover (partition, s, &h);
  g_test_message ("28-point: to Russia %.1f km², to DMZ %.1f km², back %.1f km²",
                  h.ua_to_russia, h.ua_to_neutral, h.ru_to_ukraine);
  g_assert_cmpfloat_with_epsilon (h.ua_to_neutral, donetsk_ua, 1e-6);
  /* Crimea's "Ukrainian-held part" is a sliver where the generalised line
   * and the coast disagree; it counts, being recognised as Russian too. */
  g_assert_cmpfloat_with_epsilon (h.ua_to_russia, luhansk_ua + crimea_ua, 1e-6);
  g_assert_cmpfloat (crimea_ua, <, 1.0);
  g_assert_cmpfloat (donetsk_ua, >, 1000.0);
  /* Russia gives back the "agreed" areas it holds outside the five regions. */
  {
    double outer = 0.0;

    for (DmRegion r = DM_FIRST_OUTER_REGION; r < DM_N_REGIONS; r++)
      outer += dm_partition_get_area (partition, r, DM_PART_RUSSIAN_HELD);
    g_assert_cmpfloat_with_epsilon (h.ru_to_ukraine, outer, 1e-6);
  }

  dm_stats_handover (partition, loc, &h_loc);
  g_assert_cmpfloat (h_loc.ua_to_russia + h_loc.ua_to_neutral + h_loc.ru_to_ukraine, ==, 0.0);
}

static void
test_rows (void)
{
  g_autoptr(DmPartition) partition = dm_test_partition_for ("2026-08-22");
  g_autoptr(DmScenario) s = dm_scenario_new (dm_catalog_find_proposal (dm_test_catalog (),
                                                                       "borders-1991"));
  g_autoptr(GArray) rows = dm_stats_rows (partition, s);
  guint n_totals = 0;

  /* Nine regions × (2 parts + total): no aggregate "other" row. */
  g_assert_cmpuint (rows->len, ==, 9 * 3);
  for (guint i = 0; i < rows->len; i++)
    {
      DmStatsRow *row = &g_array_index (rows, DmStatsRow, i);

      if (row->is_total)
        {
          n_totals++;
          if (row->region < DM_N_REGIONS)
            g_assert_cmpfloat_with_epsilon (row->area_km2,
                                            dm_geodata_get_region_area (dm_test_geodata (),
                                                                        row->region),
                                            row->area_km2 * 0.001);
        }
      else if (row->region < DM_N_REGIONS)
        g_assert_cmpint (row->status, ==, DM_STATUS_UKRAINE);
    }
  g_assert_cmpuint (n_totals, ==, 9);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scenario/edit-and-roundtrip", test_edit_and_roundtrip);
  g_test_add_func ("/scenario/bad-files", test_bad_scenarios);
  g_test_add_func ("/scenario/save-atomic", test_save_atomic);
  g_test_add_func ("/stats/handover-28-point", test_handover_28_point);
  g_test_add_func ("/stats/rows", test_rows);

  return g_test_run ();
}
