/* test-hardening-vector.c: vector files that expand, never end or overwhelm GEOS are refused in words. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <cpl_conv.h>
#include <cpl_vsi.h>

#include "dm-error.h"
#include "dm-import.h"
#include "dm-test-util.h"

/* Peak RSS allowed over the whole run, bombs included.
 * AddressSanitizer's shadow memory, redzones and 256 MB quarantine count
 * too, so the ASan build of .ci/run allows twice as much; the 1 GB bound
 * itself is checked by the normal build. */
#if defined(__SANITIZE_ADDRESS__)
#define MAX_RSS_KB (2 * 1024 * 1024)
#else
#define MAX_RSS_KB (1024 * 1024)
#endif

static const char *scratch_dir;

static char *
scratch (const char *name)
{
  return g_build_filename (scratch_dir, name, NULL);
}

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

/* Writes `n_members` members of `size` bytes each (`head`, then `fill`
 * repeated), named prefix00000suffix, prefix00001suffix… */
static void
write_zip (const char  *path,
           const char  *member_prefix,
           const char  *member_suffix,
           guint        n_members,
           const char  *head,
           const char  *fill,
           gsize        size)
{
  void *zip = CPLCreateZip (path, NULL);
  g_autoptr(GString) text = g_string_sized_new (size + 64);

  g_string_append (text, head);
  while (text->len < size)
    g_string_append (text, fill);
  g_assert_nonnull (zip);
  for (guint i = 0; i < n_members; i++)
    {
      /* Without a suffix, one member named by the prefix. */
      g_autofree char *name = member_suffix != NULL
                              ? g_strdup_printf ("%s%05u%s", member_prefix, i, member_suffix)
                              : g_strdup (member_prefix);

      g_assert_cmpint (CPLCreateFileInZip (zip, name, NULL), ==, CE_None);
      if (size > 0)
        g_assert_cmpint (CPLWriteFileInZip (zip, text->str, (int) text->len), ==, CE_None);
      g_assert_cmpint (CPLCloseFileInZip (zip), ==, CE_None);
    }
  g_assert_cmpint (CPLCloseZip (zip), ==, CE_None);
}

/* Class 4: a small KMZ that expands to a huge KML is refused before any
 * driver sees it. */
static void
test_kmz_expansion (void)
{
  g_autofree char *path = scratch ("bomb-2025-03-04.kmz");
  g_autoptr(GError) error = NULL;
  g_autoptr(DmImportedFile) file = NULL;
  GStatBuf st;

  write_zip (path, "doc.kml", NULL, 1, "<kml><Document>", "<Placemark/>",
             DM_VECTOR_MAX_KML_BYTES + 1);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("%s: %ld bytes", path, (long) st.st_size);
  g_assert_cmpint (st.st_size, <, DM_VECTOR_MAX_KML_BYTES / 50);

  file = dm_import_file (path, DM_IMPORT_OVERLAY, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, DM_ERROR, DM_ERROR_TOO_LARGE);
  assert_error_names (error, "bomb-2025-03-04.kmz", "expands to");

  /* Renamed, it is still known as an archive, by its bytes. */
  {
    g_autofree char *renamed = scratch ("bomb-2025-03-04.kml");
    g_autoptr(DmVector) vector = NULL;

    g_assert_cmpint (g_rename (path, renamed), ==, 0);
    g_clear_error (&error);
    file = dm_import_file (renamed, DM_IMPORT_OVERLAY, NULL, &error);
    g_assert_null (file);
    g_assert_error (error, DM_ERROR, DM_ERROR_TOO_LARGE);
    assert_error_names (error, "bomb-2025-03-04.kml", "expands to");
    /* And never handed to a driver, which would unpack it unchecked. */
    g_clear_error (&error);
    vector = dm_vector_read (renamed, DM_GEOM_ANY, NULL, &error);
    g_assert_null (vector);
    assert_error_names (error, "bomb-2025-03-04.kml", "compressed");
  }

  /* A plain KML as large is refused too: libkml holds it whole. */
  {
    g_autofree char *kml = scratch ("big.kml");
    g_autoptr(GString) text = g_string_new ("<kml><Document>");
    g_autoptr(DmVector) vector = NULL;

    while (text->len <= DM_VECTOR_MAX_KML_BYTES)
      g_string_append (text, "<Placemark/>");
    g_assert_true (g_file_set_contents (kml, text->str, text->len, NULL));
    g_clear_error (&error);
    vector = dm_vector_read (kml, DM_GEOM_ANY, NULL, &error);
    g_assert_null (vector);
    g_assert_error (error, DM_ERROR, DM_ERROR_TOO_LARGE);
  }
}

/* Class 4: archive listings are bounded. */
static void
test_zip_entries (void)
{
  g_autofree char *path = scratch ("folders.zip");
  g_autoptr(GError) error = NULL;
  g_autoptr(DmImportedFile) file = NULL;

  write_zip (path, "d", "/", DM_VECTOR_MAX_ARCHIVE_ENTRIES + 1, "", "", 0);
  file = dm_import_file (path, DM_IMPORT_OVERLAY, NULL, &error);
  g_assert_null (file);
  assert_error_names (error, "folders.zip", "entries; the limit is");
}

/* A FlatGeobuf (a format read feature by feature) with `n_features`
 * features, each a ring of `n_vertices`. */
static char *
write_fgb (const char *name,
           guint       n_features,
           guint       n_vertices)
{
  char *path = scratch (name);
  GDALDriverH driver = GDALGetDriverByName ("FlatGeobuf");
  g_auto(DmOgrSrs) srs = dm_srs_new_wgs84 ();
  char *options[] = { (char *) "SPATIAL_INDEX=NO", NULL };
  GDALDatasetH dataset;
  OGRLayerH layer;

  dataset = GDALCreate (driver, path, 0, 0, 0, GDT_Unknown, NULL);
  g_assert_nonnull (dataset);
  /* No spatial index: not needed to read it back. */
  layer = GDALDatasetCreateLayer (dataset, "area", srs,
                                  n_vertices > 1 ? wkbPolygon : wkbPoint, options);
  for (guint f = 0; f < n_features; f++)
    {
      g_auto(DmOgrFeature) feature = OGR_F_Create (OGR_L_GetLayerDefn (layer));
      OGRGeometryH geometry;

      if (n_vertices > 1)
        {
          OGRGeometryH ring = OGR_G_CreateGeometry (wkbLinearRing);

          /* Sized once: growing it point by point is quadratic. */
          geometry = OGR_G_CreateGeometry (wkbPolygon);
          OGR_G_SetPointCount (ring, n_vertices);
          for (guint v = 0; v < n_vertices - 1; v++)
            {
              double a = 2 * G_PI * v / (n_vertices - 1);
              OGR_G_SetPoint_2D (ring, v, 36 + cos (a), 48 + sin (a));
            }
          OGR_G_SetPoint_2D (ring, n_vertices - 1, 37, 48);
          OGR_G_AddGeometryDirectly (geometry, ring);
        }
      else
        {
          geometry = OGR_G_CreateGeometry (wkbPoint);
          OGR_G_SetPoint_2D (geometry, 0, 36 + f * 1e-6, 48);
        }
      OGR_F_SetGeometryDirectly (feature, geometry);
      g_assert_cmpint (OGR_L_CreateFeature (layer, feature), ==, OGRERR_NONE);
    }
  GDALClose (dataset);
  return path;
}

/* Class 4: features and vertices read are capped, and the message says so. */
static void
test_feature_caps (void)
{
  g_autofree char *many = write_fgb ("many-points.fgb", DM_VECTOR_MAX_FEATURES + 1, 1);
  g_autofree char *dense = write_fgb ("dense-2025-03-04.fgb", 1, DM_CONTROL_MAX_VERTICES + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmVector) vector = NULL;
  g_autoptr(DmImportedFile) file = NULL;

  vector = dm_vector_read (many, DM_GEOM_ANY, NULL, &error);
  g_assert_null (vector);
  g_assert_error (error, DM_ERROR, DM_ERROR_TOO_LARGE);
  assert_error_names (error, "many-points.fgb", "features");
  g_clear_error (&error);

  /* As an overlay the dense ring is fine; as a control area its GEOS work
   * would stall the window, so it is refused up front. */
  file = dm_import_file (dense, DM_IMPORT_OVERLAY, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&file, dm_imported_file_free);
  file = dm_import_file (dense, DM_IMPORT_CONTROL, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, DM_ERROR, DM_ERROR_TOO_LARGE);
  assert_error_names (error, "dense-2025-03-04.fgb", "vertices");
}

/* Class 4: a GeoPackage whose feature table is an endless recursive view
 * used to run (and grow) forever inside GDAL when the layer was first
 * touched; no cap on features read can stop that, so views are refused. */
static void
test_recursive_view (void)
{
  g_autofree char *path = scratch ("endless.gpkg");
  GDALDriverH driver = GDALGetDriverByName ("GPKG");
  g_auto(DmOgrSrs) srs = dm_srs_new_wgs84 ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DmVector) vector = NULL;
  GDALDatasetH dataset;
  const char *sql[] = {
    "CREATE VIEW endless AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT n.i AS fid, base.geom AS geom FROM n, base",
    "INSERT INTO gpkg_contents (table_name, identifier, data_type, srs_id) "
    "VALUES ('endless', 'endless', 'features', 4326)",
    "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) "
    "VALUES ('endless', 'geom', 'POINT', 4326, 0, 0)",
  };

  dataset = GDALCreate (driver, path, 0, 0, 0, GDT_Unknown, NULL);
  g_assert_nonnull (dataset);
  {
    OGRLayerH layer = GDALDatasetCreateLayer (dataset, "base", srs, wkbPoint, NULL);
    g_auto(DmOgrFeature) feature = OGR_F_Create (OGR_L_GetLayerDefn (layer));
    OGRGeometryH point = OGR_G_CreateGeometry (wkbPoint);

    OGR_G_SetPoint_2D (point, 0, 36, 48);
    OGR_F_SetGeometryDirectly (feature, point);
    g_assert_cmpint (OGR_L_CreateFeature (layer, feature), ==, OGRERR_NONE);
  }
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    GDALDatasetReleaseResultSet (dataset, GDALDatasetExecuteSQL (dataset, sql[i], NULL, NULL));
  GDALClose (dataset);

  vector = dm_vector_read (path, DM_GEOM_ANY, NULL, &error);
  g_assert_null (vector);
  g_assert_error (error, DM_ERROR, DM_ERROR_INVALID);
  assert_error_names (error, "endless.gpkg", "“endless” is an SQL view");
}

static void
test_peak_memory (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  g_test_message ("peak RSS %ld KB", usage.ru_maxrss);
  g_assert_cmpint (usage.ru_maxrss, <, MAX_RSS_KB);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;

  g_test_init (&argc, &argv, NULL);
  dm_gdal_init ();
  dir = g_dir_make_tmp ("demarcate-hardening-XXXXXX", NULL);
  scratch_dir = dir;

  g_test_add_func ("/hardening-vector/archive/kmz-expansion", test_kmz_expansion);
  g_test_add_func ("/hardening-vector/archive/zip-entries", test_zip_entries);
  g_test_add_func ("/hardening-vector/read/feature-caps", test_feature_caps);
  g_test_add_func ("/hardening-vector/read/recursive-view", test_recursive_view);
  g_test_add_func ("/hardening-vector/zz/peak-memory", test_peak_memory);

  return g_test_run ();
}
