/* test-days.c: every archived day of DeepStateMap's line is there, as published, and measures right. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dm-days.h"
#include "dm-error.h"
#include "dm-geom.h"
#include "dm-test-util.h"

/* The days the archive's README lists as having no file. */
static const char * const missing[] = {
  "2024-08-18", "2024-08-19", "2025-01-01", "2025-03-31", "2025-04-01", "2025-11-26",
  "2026-07-09",
};

static void
test_record (void)
{
  DmDays *days = dm_catalog_get_days (dm_test_catalog ());
  GPtrArray *dates = dm_days_get_dates (days);

  g_assert_cmpuint (dates->len, ==, 769);
  g_assert_cmpstr (dates->pdata[0], ==, "2024-07-08");
  g_assert_cmpstr (dates->pdata[dates->len - 1], ==, "2026-08-22");
  g_assert_cmpstr (dm_days_get_fact (days, DM_DAYS_FIRST), ==, "2024-07-08");
  g_assert_cmpstr (dm_days_get_fact (days, DM_DAYS_LAST), ==, "2026-08-22");
  g_assert_cmpstr (dm_days_get_fact (days, DM_DAYS_CREDIT), ==, "DeepStateMap");
  g_assert_nonnull (strstr (dm_days_get_fact (days, DM_DAYS_LICENCE), "GPL-3.0"));
  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    g_assert_null (dm_catalog_find_control (dm_test_catalog (), missing[i]));
  /* 2024-07-08 to 2026-08-22 is 776 days: all but the seven. */
  g_assert_cmpuint (dates->len + G_N_ELEMENTS (missing), ==, 776);
}

static void
test_fallback (void)
{
  DmCatalog *catalog = dm_test_catalog ();

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *note = NULL;
      const DmControlInfo *info = dm_catalog_resolve_date (catalog, missing[i], &note, &error);
      g_autoptr(GDateTime) day = NULL;
      g_autoptr(GDateTime) before = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", missing[i]);

      g_assert_no_error (error);
      g_assert_nonnull (info);
      g_assert_cmpstr (info->date, <, missing[i]);
      /* The latest earlier day: the one before, or two before for a two-day gap. */
      day = g_date_time_new_from_iso8601 (iso, NULL);
      before = g_date_time_add_days (day, -1);
      if (dm_catalog_find_control (catalog, g_date_time_format (before, "%F")) == NULL)
        before = g_date_time_add_days (g_steal_pointer (&before), -1);
      g_assert_cmpstr (info->date, ==, g_date_time_format (before, "%F"));
      expected = g_strdup_printf ("%s: no DeepStateMap file; using %s", missing[i], info->date);
      g_assert_cmpstr (note, ==, expected);
    }

  /* A day the record has gets no note. */
  {
    g_autofree char *note = NULL;
    const DmControlInfo *info = dm_catalog_resolve_date (catalog, "2025-06-15", &note, NULL);

    g_assert_cmpstr (info->date, ==, "2025-06-15");
    g_assert_null (note);
  }
}

static void
test_range (void)
{
  const char *outside[] = { "2024-07-07", "2026-08-23", "2014-03-27" };
  const char *not_dates[] = { "2025-02-30", "2025-6-15", "yesterday", "" };

  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (dm_catalog_resolve_date (dm_test_catalog (), outside[i], NULL, &error));
      g_assert_error (error, DM_ERROR, DM_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, "2024-07-08"));
      g_assert_nonnull (strstr (error->message, "2026-08-22"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_dates); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (dm_catalog_resolve_date (dm_test_catalog (), not_dates[i], NULL, &error));
      g_assert_error (error, DM_ERROR, DM_ERROR_INVALID);
    }
}

/* The proposal's day: a full date is itself, a month stands for its 15th. */
static void
test_proposal_day (void)
{
  DmCatalog *catalog = dm_test_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *day28 = NULL, *day_month = NULL, *none = NULL;

  day28 = dm_catalog_proposal_day (catalog,
                                   dm_catalog_find_proposal (catalog, "us-28-point-2025-11"), NULL);
  g_assert_cmpstr (day28, ==, "2025-11-20");
  day_month = dm_catalog_proposal_day (
    catalog, dm_catalog_find_proposal (catalog, "witkoff-recommendation-2025-04"), NULL);
  g_assert_cmpstr (day_month, ==, "2025-04-15");
  none = dm_catalog_proposal_day (catalog, dm_catalog_find_proposal (catalog, "line-of-contact"),
                                  &error);
  g_assert_null (none);
  g_assert_error (error, DM_ERROR, DM_ERROR_NOT_FOUND);
}

/* The raw file of a day, read straight from the unpacked archive. */
static OGRGeometryH
raw_day (const char *date)
{
  g_autofree char *path = dm_test_day_file (date);
  g_auto(DmGdalDataset) ds = NULL;
  g_auto(DmOgrFeature) feature = NULL;

  ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  g_assert_nonnull (ds);
  feature = OGR_L_GetNextFeature (GDALDatasetGetLayer (ds, 0));
  g_assert_nonnull (feature);
  return OGR_G_ForceToMultiPolygon (OGR_F_StealGeometry (feature));
}

static const char * const sample_days[] = { "2024-07-08", "2025-06-15", "2025-11-20", "2026-08-22" };

/* Every vertex as published: same rings, same doubles. */
static void
test_vertices_as_published (void)
{
  for (guint d = 0; d < G_N_ELEMENTS (sample_days); d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DmControlArea) control =
        dm_catalog_load_control (dm_test_catalog (),
                                 dm_catalog_find_control (dm_test_catalog (), sample_days[d]),
                                 NULL, &error);
      g_auto(DmOgrGeometry) raw = raw_day (sample_days[d]);
      size_t n = OGR_G_WkbSize (raw);
      g_autofree guchar *a = g_malloc (n);
      g_autofree guchar *b = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (control->date, ==, sample_days[d]);
      g_assert_cmpstr (control->source, ==, "DeepStateMap");
      g_assert_cmpuint (OGR_G_WkbSize (control->geometry), ==, n);
      b = g_malloc (n);
      OGR_G_ExportToWkb (raw, wkbNDR, a);
      OGR_G_ExportToWkb (control->geometry, wkbNDR, b);
      g_assert_true (memcmp (a, b, n) == 0);
    }
}

/* Areas computed here, from the raw polygon and the oblast file, with OGR
 * and PROJ directly rather than the app's code path. */
static double
laea_km2 (OGRGeometryH geometry)
{
  g_auto(DmOgrSrs) wgs84 = OSRNewSpatialReference (NULL);
  g_auto(DmOgrSrs) laea = OSRNewSpatialReference (NULL);
  g_auto(DmOgrTransform) to_laea = NULL;
  g_auto(DmOgrGeometry) copy = OGR_G_Clone (geometry);

  OSRSetWellKnownGeogCS (wgs84, "WGS84");
  OSRSetAxisMappingStrategy (wgs84, OAMS_TRADITIONAL_GIS_ORDER);
  OSRImportFromProj4 (laea, "+proj=laea +lat_0=48.5 +lon_0=31.5 +datum=WGS84 +units=m");
  OSRSetAxisMappingStrategy (laea, OAMS_TRADITIONAL_GIS_ORDER);
  to_laea = OCTNewCoordinateTransformation (wgs84, laea);
  g_assert_cmpint (OGR_G_Transform (copy, to_laea), ==, OGRERR_NONE);
  return OGR_G_Area (copy) / 1e6;
}

static OGRGeometryH
raw_region (const char *key)
{
  g_autofree char *path = dm_test_geo_path ("oblasts.geojson");
  g_auto(DmGdalDataset) ds = GDALOpenEx (path, GDAL_OF_VECTOR, NULL, NULL, NULL);
  OGRLayerH layer = GDALDatasetGetLayer (ds, 0);
  OGRGeometryH region = OGR_G_CreateGeometry (wkbMultiPolygon);
  OGRGeometryH merged;
  OGRFeatureH f;

  while ((f = OGR_L_GetNextFeature (layer)) != NULL)
    {
      if (g_strcmp0 (OGR_F_GetFieldAsString (f, OGR_F_GetFieldIndex (f, "region")), key) == 0)
        {
          g_auto(DmOgrGeometry) g = OGR_G_ForceToMultiPolygon (OGR_G_Clone (OGR_F_GetGeometryRef (f)));

          for (int i = 0; i < OGR_G_GetGeometryCount (g); i++)
            OGR_G_AddGeometry (region, OGR_G_GetGeometryRef (g, i));
        }
      OGR_F_Destroy (f);
    }
  merged = OGR_G_UnionCascaded (region);
  OGR_G_DestroyGeometry (region);
  return merged;
}

static void
test_partition_areas (void)
{
  for (guint d = 0; d < G_N_ELEMENTS (sample_days); d++)
    {
      g_autoptr(DmPartition) partition = dm_test_partition_for (sample_days[d]);
      g_auto(DmOgrGeometry) raw = raw_day (sample_days[d]);
      double enclosed = dm_partition_get_enclosed_area (partition);
      double extra = 0.0;

      /* The strips DeepStateMap's coast and border leave over: some, not much. */
      g_test_message ("%s: %.1f km² enclosed", sample_days[d], enclosed);
      g_assert_cmpfloat (enclosed, >, 0.0);
      g_assert_cmpfloat (enclosed, <, 2000.0);

      for (DmRegion r = 0; r < DM_N_FIVE_REGIONS; r++) /* the ones tagged in the data */
        {
          g_auto(DmOgrGeometry) region = raw_region (dm_region_to_string (r));
          g_auto(DmOgrGeometry) held = OGR_G_Intersection (region, raw);
          double whole = laea_km2 (region);
          double ru_raw = laea_km2 (held);
          double ru = dm_partition_get_area (partition, r, DM_PART_RUSSIAN_HELD);
          double ua = dm_partition_get_area (partition, r, DM_PART_UKRAINIAN_HELD);

          g_test_message ("%s %s: russian-held %.1f km² (raw polygon %.1f), ukrainian-held %.1f",
                          sample_days[d], dm_region_to_string (r), ru, ru_raw, ua);
          /* The app's region is the same land (to 0.01 %: GEOS noding)... */
          g_assert_cmpfloat (fabs (ru + ua - whole), <, whole * 1e-4);
          /* ...and its Russian-held part is the raw polygon's, plus enclosed strips only. */
          g_assert_cmpfloat (ru, >=, ru_raw - whole * 1e-4);
          g_assert_cmpfloat (ru - ru_raw, <=, enclosed + whole * 1e-4);
          extra += ru - ru_raw;
        }
      /* Whatever the five regions gained is part of the enclosed total. */
      g_assert_cmpfloat (extra, <=, enclosed + 1.0);
    }

  /* The front moves: Ukrainian-held Donetsk shrinks from 2024 to 2026. */
  {
    g_autoptr(DmPartition) first = dm_test_partition_for ("2024-07-08");
    g_autoptr(DmPartition) last = dm_test_partition_for ("2026-08-22");

    g_assert_cmpfloat (dm_partition_get_area (first, DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD),
                       >, dm_partition_get_area (last, DM_REGION_DONETSK,
                                                 DM_PART_UKRAINIAN_HELD) + 1000.0);
    /* Crimea is held whole; DeepStateMap's coast no longer makes a Ukrainian-held Crimea. */
    g_assert_cmpfloat (dm_partition_get_area (last, DM_REGION_CRIMEA, DM_PART_UKRAINIAN_HELD),
                       <, 1.0);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  dm_gdal_init ();

  g_test_add_func ("/days/record", test_record);
  g_test_add_func ("/days/fallback", test_fallback);
  g_test_add_func ("/days/range", test_range);
  g_test_add_func ("/days/proposal-day", test_proposal_day);
  g_test_add_func ("/days/vertices-as-published", test_vertices_as_published);
  g_test_add_func ("/days/partition-areas", test_partition_areas);
  return g_test_run ();
}
