/* test-vector.c: vector files users bring: broken ones are rejected with a reason, odd ones repaired. */
#include "config.h"

#include "dm-control.h"
#include "dm-error.h"
#include "dm-vector.h"
#include "dm-test-util.h"

#define SQUARE "[[[36.0,48.0],[37.0,48.0],[37.0,49.0],[36.0,49.0],[36.0,48.0]]]"

static char *
collection (const char *geometry_type,
            const char *coordinates,
            const char *properties)
{
  return g_strdup_printf ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                          "\"properties\":%s,\"geometry\":{\"type\":\"%s\",\"coordinates\":%s}}]}",
                          properties, geometry_type, coordinates);
}

static void
expect_rejected (const char *file,
                 const char *contents,
                 gssize      length,
                 int         code,
                 const char *needle)
{
  g_autofree char *path = dm_test_write (file, contents, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmVector) v = dm_vector_read (path, DM_GEOM_POLYGON, NULL, &error);

  g_assert_null (v);
  g_test_message ("%s", error ? error->message : "(no error)");
  g_assert_error (error, DM_ERROR, code);
  g_assert_nonnull (strstr (error->message, file));
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_malformed (void)
{
  g_autofree char *good = collection ("Polygon", SQUARE, "{\"date\":\"2025-01-01\"}");
  g_autofree char *line = collection ("LineString", "[[36,48],[37,49]]", "{}");
  g_autofree char *nan = collection ("Polygon", "[[[36,48],[NaN,48],[37,49],[36,48]]]", "{}");
  g_autofree char *latin1 = collection ("Polygon", SQUARE, "{\"name\":\"Kh\xe9rson\"}");
  g_autofree char *projected = collection ("Polygon",
    "[[[4007500,6106000],[4118800,6106000],[4118800,6274800],[4007500,6106000]]]", "{}");

  expect_rejected ("truncated.geojson", good, strlen (good) - 20, DM_ERROR_FORMAT,
                   "not a vector file");
  expect_rejected ("empty.geojson", "", 0, DM_ERROR_EMPTY, "empty");
  expect_rejected ("no-features.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}", -1,
                   DM_ERROR_EMPTY, "no features");
  expect_rejected ("line.geojson", line, -1, DM_ERROR_GEOMETRY,
                   "feature 1 is a LINESTRING; a polygon layer is needed");
  expect_rejected ("latin1.geojson", latin1, -1, DM_ERROR_FORMAT, "not valid UTF-8");
  expect_rejected ("projected.geojson", projected, -1, DM_ERROR_CRS, "projected coordinate");
  expect_rejected ("text.geojson", "this is not geojson", -1, DM_ERROR_FORMAT,
                   "not a vector file");

  /* NaN is not JSON; GDAL may refuse the file or hand over NaN: either way
   * the user reads the file name and a reason. */
  {
    g_autofree char *path = dm_test_write ("nan.geojson", nan, -1);
    g_autoptr(GError) error = NULL;
    g_autoptr(DmVector) v = dm_vector_read (path, DM_GEOM_POLYGON, NULL, &error);

    g_assert_null (v);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "nan.geojson"));
    g_assert_true (g_error_matches (error, DM_ERROR, DM_ERROR_GEOMETRY) ||
                   g_error_matches (error, DM_ERROR, DM_ERROR_FORMAT));
  }

  /* A missing file. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DmVector) v = dm_vector_read ("/nonexistent/control.geojson", DM_GEOM_POLYGON,
                                            NULL, &error);
    g_assert_null (v);
    g_assert_error (error, DM_ERROR, DM_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "/nonexistent/control.geojson"));
  }
}

static void
test_control_without_date (void)
{
  g_autofree char *json = collection ("Polygon", SQUARE, "{}");
  g_autofree char *path = dm_test_write ("undated.geojson", json, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmControlArea) c = dm_control_area_load (path, NULL, NULL, &error);

  g_assert_null (c);
  g_assert_error (error, DM_ERROR, DM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no date"));
}

/* A declared Web Mercator file lands where its lon/lat twin does. */
static void
test_declared_crs_reprojected (void)
{
  g_autofree char *json = g_strdup (
    "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
    "{\"name\":\"urn:ogc:def:crs:EPSG::3857\"}},\"features\":[{\"type\":\"Feature\","
    "\"properties\":{\"date\":\"2025-02-02\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
    "[[[4007501.7,6106854.8],[4118821.2,6106854.8],[4118821.2,6274861.4],"
    "[4007501.7,6274861.4],[4007501.7,6106854.8]]]}}]}");
  g_autofree char *path = dm_test_write ("mercator.geojson", json, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmVector) v = dm_vector_read (path, DM_GEOM_POLYGON, NULL, &error);
  OGREnvelope env;

  g_assert_no_error (error);
  g_assert_true (v->reprojected);
  OGR_G_GetEnvelope (((DmFeature *) v->features->pdata[0])->geometry, &env);
  /* 36°E..37°E, 48°N..49°N */
  g_assert_cmpfloat_with_epsilon (env.MinX, 36.0, 1e-4);
  g_assert_cmpfloat_with_epsilon (env.MaxX, 37.0, 1e-4);
  g_assert_cmpfloat_with_epsilon (env.MinY, 48.0, 1e-4);
  g_assert_cmpfloat_with_epsilon (env.MaxY, 49.0, 1e-4);
}

/* A self-intersecting "bow tie" is repaired, and the repair is counted. */
static void
test_invalid_repaired (void)
{
  g_autofree char *json = collection ("Polygon",
    "[[[36,48],[37,49],[37,48],[36,49],[36,48]]]", "{}");
  g_autofree char *path = dm_test_write ("bowtie.geojson", json, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmVector) v = dm_vector_read (path, DM_GEOM_POLYGON, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (v->n_repaired, ==, 1);
  g_assert_true (OGR_G_IsValid (((DmFeature *) v->features->pdata[0])->geometry));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vector/malformed", test_malformed);
  g_test_add_func ("/vector/control-without-date", test_control_without_date);
  g_test_add_func ("/vector/declared-crs-reprojected", test_declared_crs_reprojected);
  g_test_add_func ("/vector/invalid-repaired", test_invalid_repaired);

  return g_test_run ();
}
