/* test-import.c: files users bring, written here with GDAL in every format Demarcate opens, plus broken ones. */
#include "config.h"

#include <string.h>
#include <cpl_conv.h>

#include "dm-error.h"
#include "dm-import.h"
#include "dm-test-util.h"

#define SQUARE_WKT "POLYGON ((36 48,37 48,37 49,36 49,36 48))"
#define BOWTIE_WKT "POLYGON ((36 48,37 49,37 48,36 49,36 48))"
#define LINE_WKT   "LINESTRING (36 48,37 49)"
#define DATE       "2025-03-04"

static char *scratch = NULL;

typedef struct
{
  const char   *driver;
  const char   *name;      /* file the test imports */
  OGRFieldType  date_type; /* Date fields come back as "YYYY/MM/DD" */
} Format;

static const Format formats[] = {
  { "GeoJSON",        "square.geojson", OFTString },
  { "KML",            "square.kml",     OFTString },
  { "KML",            "square.kmz",     OFTString }, /* zipped after writing */
  { "ESRI Shapefile", "square.shp",     OFTDate   },
  { "ESRI Shapefile", "square.zip",     OFTString }, /* zipped after writing */
  { "GPKG",           "square.gpkg",    OFTDate   },
  { "FlatGeobuf",     "square.fgb",     OFTString },
};

static const char * const shapefile_parts[] = { "shp", "shx", "dbf", "prj", "cpg", NULL };

/* A fresh folder per test so folder scans see only their own files. */
static char *
new_dir (const char *name)
{
  char *dir = g_build_filename (scratch, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

/* Writes one feature, given in lon/lat, to `path` in the CRS `epsg`. */
static void
write_vector (const char   *path,
              const char   *driver_name,
              int           epsg,
              const char   *wkt,
              OGRFieldType  date_type,
              const char   *date)
{
  static const char * const fields[] = { "Name", "Description", "date" };
  GDALDriverH driver = GDALGetDriverByName (driver_name);
  g_auto(DmOgrSrs) srs = OSRNewSpatialReference (NULL);
  g_auto(DmOgrGeometry) geometry = NULL;
  g_auto(DmOgrFeature) feature = NULL;
  GDALDatasetH dataset;
  OGRLayerH layer;
  char *wkt_copy = (char *) wkt;

  g_assert_nonnull (driver);
  g_assert_cmpint (OSRImportFromEPSG (srs, epsg), ==, OGRERR_NONE);
  OSRSetAxisMappingStrategy (srs, OAMS_TRADITIONAL_GIS_ORDER);
  g_assert_cmpint (OGR_G_CreateFromWkt (&wkt_copy, NULL, &geometry), ==, OGRERR_NONE);
  if (epsg != 4326)
    {
      g_auto(DmOgrSrs) wgs84 = dm_srs_new_wgs84 ();
      g_auto(DmOgrTransform) ct = OCTNewCoordinateTransformation (wgs84, srs);

      g_assert_cmpint (OGR_G_Transform (geometry, ct), ==, OGRERR_NONE);
    }

  dataset = GDALCreate (driver, path, 0, 0, 0, GDT_Unknown, NULL);
  g_assert_nonnull (dataset);
  layer = GDALDatasetCreateLayer (dataset, "area", srs, OGR_G_GetGeometryType (geometry), NULL);
  g_assert_nonnull (layer);
  /* KML layers come with Name and Description fields; others get them here. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *name = fields[i];
      OGRFieldDefnH field;

      if ((i == 2 && date == NULL) ||
          OGR_FD_GetFieldIndex (OGR_L_GetLayerDefn (layer), name) >= 0)
        continue;
      field = OGR_Fld_Create (name, i == 2 ? date_type : OFTString);
      g_assert_cmpint (OGR_L_CreateField (layer, field, TRUE), ==, OGRERR_NONE);
      OGR_Fld_Destroy (field);
    }
  feature = OGR_F_Create (OGR_L_GetLayerDefn (layer));
  OGR_F_SetFieldString (feature, OGR_F_GetFieldIndex (feature, "Name"), "Donetsk front");
  /* Shapefiles cut field names to ten characters ("Descriptio"). */
  OGR_F_SetFieldString (feature, OGR_F_GetFieldIndex (feature, g_str_has_suffix (path, ".shp")
                                                               ? "Descriptio" : "Description"),
                        "Area held on the date");
  if (date != NULL)
    {
      g_assert_cmpint (OGR_F_GetFieldIndex (feature, "date"), >=, 0);
      OGR_F_SetFieldString (feature, OGR_F_GetFieldIndex (feature, "date"), date);
    }
  OGR_F_SetGeometry (feature, geometry);
  g_assert_cmpint (OGR_L_CreateFeature (layer, feature), ==, OGRERR_NONE);
  GDALClose (dataset);
}

/* Zips `members` (paths) into `zip_path` under `names`. */
static void
write_zip (const char         *zip_path,
           const char * const *members,
           const char * const *names)
{
  void *zip = CPLCreateZip (zip_path, NULL);

  g_assert_nonnull (zip);
  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (members[i], &contents, &length, NULL));
      g_assert_cmpint (CPLCreateFileInZip (zip, names[i], NULL), ==, CE_None);
      g_assert_cmpint (CPLWriteFileInZip (zip, contents, (int) length), ==, CE_None);
      g_assert_cmpint (CPLCloseFileInZip (zip), ==, CE_None);
    }
  g_assert_cmpint (CPLCloseZip (zip), ==, CE_None);
}

/* A Shapefile written in `src_dir` and zipped with its sidecars. */
static void
write_zipped_shapefile (const char *zip_path,
                        const char *src_dir,
                        int         epsg,
                        const char *wkt,
                        const char *date)
{
  g_autofree char *shp = g_build_filename (src_dir, "area.shp", NULL);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  write_vector (shp, "ESRI Shapefile", epsg, wkt, OFTString, date);
  for (guint i = 0; shapefile_parts[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("area.", shapefile_parts[i], NULL);
      char *member = g_build_filename (src_dir, name, NULL);

      if (!g_file_test (member, G_FILE_TEST_EXISTS))
        {
          g_free (member);
          continue;
        }
      g_ptr_array_add (members, member);
      g_ptr_array_add (names, g_strconcat ("data/", name, NULL));
    }
  g_assert_cmpuint (members->len, >=, 4);
  g_ptr_array_add (members, NULL);
  g_ptr_array_add (names, NULL);
  write_zip (zip_path, (const char * const *) members->pdata,
             (const char * const *) names->pdata);
}

static char *
write_format (const Format *format,
              const char   *dir,
              int           epsg,
              const char   *wkt,
              const char   *date)
{
  char *path = g_build_filename (dir, format->name, NULL);

  if (g_str_has_suffix (format->name, ".kmz"))
    {
      g_autofree char *src = g_build_filename (dir, "src", NULL);
      g_autofree char *kml = g_build_filename (src, "square.kml", NULL);
      const char *members[] = { kml, NULL };
      const char *names[] = { "doc.kml", NULL };

      g_assert_cmpint (g_mkdir_with_parents (src, 0700), ==, 0);
      write_vector (kml, "KML", epsg, wkt, format->date_type, date);
      write_zip (path, members, names);
    }
  else if (g_str_has_suffix (format->name, ".zip"))
    {
      g_autofree char *src = g_build_filename (dir, "src", NULL);

      g_assert_cmpint (g_mkdir_with_parents (src, 0700), ==, 0);
      write_zipped_shapefile (path, src, epsg, wkt, date);
    }
  else
    write_vector (path, format->driver, epsg, wkt, format->date_type, date);
  return path;
}

static void
assert_envelope (OGRGeometryH geometry,
                 double       min_x,
                 double       max_x,
                 double       min_y,
                 double       max_y,
                 double       epsilon)
{
  OGREnvelope env;

  g_assert_nonnull (geometry);
  OGR_G_GetEnvelope (geometry, &env);
  g_assert_cmpfloat_with_epsilon (env.MinX, min_x, epsilon);
  g_assert_cmpfloat_with_epsilon (env.MaxX, max_x, epsilon);
  g_assert_cmpfloat_with_epsilon (env.MinY, min_y, epsilon);
  g_assert_cmpfloat_with_epsilon (env.MaxY, max_y, epsilon);
}

static OGRGeometryH
first_geometry (DmImportedFile *file)
{
  return ((DmFeature *) g_ptr_array_index (file->vector->features, 0))->geometry;
}

/* The square 36–37°E, 48–49°N comes back where it was, with its date. */
static void
test_format (gconstpointer data)
{
  const Format *format = data;
  g_autofree char *dir = new_dir (format->name);
  g_autofree char *path = write_format (format, dir, 4326, SQUARE_WKT, DATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmImportedFile) file = dm_import_file (path, DM_IMPORT_CONTROL, NULL, &error);
  g_autoptr(DmControlArea) control = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (file->path, ==, path);
  g_assert_cmpstr (file->display_name, ==, format->name);
  g_assert_cmpstr (file->date, ==, DATE);
  g_assert_true (file->polygonal);
  g_assert_cmpuint (file->vector->features->len, ==, 1);
  g_assert_cmpuint (file->vector->n_repaired, ==, 0);
  assert_envelope (first_geometry (file), 36.0, 37.0, 48.0, 49.0, 1e-6);

  control = dm_import_to_control (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (control->date, ==, DATE);
  g_assert_cmpstr (control->source, ==, format->name);
  g_assert_cmpstr (control->path, ==, path);
  assert_envelope (control->geometry, 36.0, 37.0, 48.0, 49.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (OGR_G_Area (control->geometry), 1.0, 1e-6);

  /* The same file as an overlay: any geometry, same place. */
  {
    g_autoptr(DmImportedFile) overlay = dm_import_file (path, DM_IMPORT_OVERLAY, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (overlay->polygonal);
    g_assert_cmpstr (overlay->date, ==, DATE);
    assert_envelope (first_geometry (overlay), 36.0, 37.0, 48.0, 49.0, 1e-6);
  }
}

typedef struct
{
  const char *name;
  const char *driver;
  int         epsg;
} Projected;

static const Projected projected[] = {
  { "mercator.shp",    "ESRI Shapefile", 3857 },
  { "utm37n.gpkg",     "GPKG",           32637 },
  { "mercator.zip",    NULL,             3857 },
};

/* A file in Web Mercator or UTM 37N lands on the square in lon/lat. */
static void
test_projected (gconstpointer data)
{
  const Projected *p = data;
  g_autofree char *dir = new_dir (p->name);
  g_autofree char *path = g_build_filename (dir, p->name, NULL);
  g_autofree char *raw_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmImportedFile) file = NULL;
  OGREnvelope raw;

  if (p->driver == NULL)
    {
      g_autofree char *src = g_build_filename (dir, "src", NULL);

      g_assert_cmpint (g_mkdir_with_parents (src, 0700), ==, 0);
      write_zipped_shapefile (path, src, p->epsg, SQUARE_WKT, NULL);
    }
  else
    write_vector (path, p->driver, p->epsg, SQUARE_WKT, OFTString, NULL);

  /* The file really is in metres, not degrees. */
  raw_path = g_str_has_suffix (path, ".zip") ? g_strconcat ("/vsizip/", path, "/data/area.shp", NULL)
                                             : g_strdup (path);
  {
    g_auto(DmGdalDataset) ds = GDALOpenEx (raw_path, GDAL_OF_VECTOR, NULL, NULL, NULL);
    OGRLayerH layer;

    g_assert_nonnull (ds);
    layer = GDALDatasetGetLayer (ds, 0);
    g_assert_cmpint (OGR_L_GetExtent (layer, &raw, TRUE), ==, OGRERR_NONE);
    g_assert_cmpfloat (raw.MaxX, >, 1000.0);
  }

  /* No date anywhere: as an overlay it is fine, as a control it is not. */
  file = dm_import_file (path, DM_IMPORT_OVERLAY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (file->vector->reprojected);
  g_assert_null (file->date);
  assert_envelope (first_geometry (file), 36.0, 37.0, 48.0, 49.0, 1e-4);
  {
    g_autoptr(DmControlArea) control = dm_import_to_control (file, &error);

    g_assert_null (control);
    g_assert_error (error, DM_ERROR, DM_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, p->name));
    g_assert_nonnull (strstr (error->message, "the control area has no date"));
    g_clear_error (&error);
  }
  {
    g_autoptr(DmImportedFile) control = dm_import_file (path, DM_IMPORT_CONTROL, NULL, &error);

    g_assert_null (control);
    g_assert_error (error, DM_ERROR, DM_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, p->name));
    g_assert_nonnull (strstr (error->message, "the control area has no date"));
  }
}

static void
write_text (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static char *
geojson (const char *date)
{
  g_autofree char *props = date ? g_strdup_printf ("{\"date\":\"%s\"}", date) : g_strdup ("{}");

  return g_strdup_printf ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                          "\"properties\":%s,\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                          "[[[36,48],[37,48],[37,49],[36,49],[36,48]]]}}]}", props);
}

/* Three dated files, in an order that names alone would get wrong, plus an
 * undated and a broken one that are reported, and files that are not data. */
static void
test_folder (void)
{
  g_autofree char *dir = new_dir ("series");
  g_autofree char *fgb = g_build_filename (dir, "kyiv-front.fgb", NULL);
  g_autofree char *shp = g_build_filename (dir, "control-2025-03-01.shp", NULL);
  g_autofree char *feb = geojson (NULL);
  g_autofree char *undated = geojson (NULL);
  g_autofree char *broken = geojson ("2025-04-01");
  g_autofree char *sub = g_build_filename (dir, "older.geojson", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GError) error = NULL;
  DmImportedFile *entry;

  write_vector (fgb, "FlatGeobuf", 4326, SQUARE_WKT, OFTString, "2025-01-01");
  write_vector (shp, "ESRI Shapefile", 3857, SQUARE_WKT, OFTString, NULL);
  write_text (dir, "control-2025-02-01.geojson", feb, -1);
  write_text (dir, "undated.geojson", undated, -1);
  write_text (dir, "broken.geojson", broken, strlen (broken) - 20);
  write_text (dir, "README.txt", "Control areas, one file a date.", -1);
  write_text (dir, ".hidden-2025-05-01.geojson", feb, -1);
  /* Not recursive: a folder, even one named like a data file, is passed over. */
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);

  series = dm_import_folder (dir, &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (series);
  g_assert_cmpuint (series->len, ==, 3);

  entry = g_ptr_array_index (series, 0);
  g_assert_cmpstr (entry->date, ==, "2025-01-01");
  g_assert_cmpstr (entry->display_name, ==, "kyiv-front.fgb");
  entry = g_ptr_array_index (series, 1);
  g_assert_cmpstr (entry->date, ==, "2025-02-01");
  g_assert_cmpstr (entry->display_name, ==, "control-2025-02-01.geojson");
  entry = g_ptr_array_index (series, 2);
  g_assert_cmpstr (entry->date, ==, "2025-03-01");
  g_assert_cmpstr (entry->display_name, ==, "control-2025-03-01.shp");
  g_assert_true (entry->vector->reprojected);
  assert_envelope (first_geometry (entry), 36.0, 37.0, 48.0, 49.0, 1e-4);

  /* The Shapefile's sidecars and README.txt are not problems. */
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (g_str_has_prefix (problems->pdata[0], "broken.geojson: "));
  g_assert_nonnull (strstr (problems->pdata[0], "not a vector file"));
  g_assert_true (g_str_has_prefix (problems->pdata[1], "undated.geojson: "));
  g_assert_nonnull (strstr (problems->pdata[1], "no date"));

  /* Each entry becomes a control area for the slider. */
  for (guint i = 0; i < series->len; i++)
    {
      g_autoptr(DmControlArea) control = dm_import_to_control (series->pdata[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (control->date, ==, ((DmImportedFile *) series->pdata[i])->date);
      g_assert_cmpfloat_with_epsilon (OGR_G_Area (control->geometry), 1.0, 1e-3);
    }
}

/* Two files on one date: the slider keeps one and says so. */
static void
test_folder_same_date (void)
{
  g_autofree char *dir = new_dir ("same-date");
  g_autofree char *json = geojson (NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GError) error = NULL;

  write_text (dir, "a-2025-01-01.geojson", json, -1);
  write_text (dir, "b-2025-01-01.geojson", json, -1);
  series = dm_import_folder (dir, &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 1);
  g_assert_cmpstr (((DmImportedFile *) series->pdata[0])->display_name, ==,
                   "a-2025-01-01.geojson");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (problems->pdata[0], "b-2025-01-01.geojson: "));
  g_assert_nonnull (strstr (problems->pdata[0], "a-2025-01-01.geojson"));
}

/* Nothing usable: the folder fails, and every file's problem is still listed. */
static void
test_folder_unusable (void)
{
  g_autofree char *dir = new_dir ("unusable");
  g_autofree char *empty = new_dir ("empty");
  g_autofree char *json = geojson (NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GError) error = NULL;

  write_text (dir, "undated.geojson", json, -1);
  write_text (dir, "text.kml", "not KML at all", -1);
  series = dm_import_folder (dir, &problems, NULL, &error);
  g_assert_null (series);
  g_assert_error (error, DM_ERROR, DM_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "unusable"));
  g_assert_nonnull (strstr (error->message, "none of the 2 vector files"));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (g_str_has_prefix (problems->pdata[0], "text.kml: "));
  g_assert_true (g_str_has_prefix (problems->pdata[1], "undated.geojson: "));
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  series = dm_import_folder (empty, &problems, NULL, &error);
  g_assert_null (series);
  g_assert_error (error, DM_ERROR, DM_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "holds no vector files"));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_error (&error);

  series = dm_import_folder ("/nonexistent/series", NULL, NULL, &error);
  g_assert_null (series);
  g_assert_error (error, DM_ERROR, DM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/series"));
}

static void
expect_rejected (const char   *path,
                 DmImportKind  kind,
                 int           code,
                 const char   *reason)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmImportedFile) file = dm_import_file (path, kind, NULL, &error);

  g_assert_null (file);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, DM_ERROR, code);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_nonnull (strstr (error->message, reason));
}

static void
test_broken (void)
{
  g_autofree char *dir = new_dir ("broken");
  g_autofree char *json = geojson (DATE);
  g_autofree char *truncated = g_build_filename (dir, "truncated.geojson", NULL);
  g_autofree char *line = g_build_filename (dir, "line-2025-01-01.geojson", NULL);
  g_autofree char *readme = g_build_filename (dir, "readme.txt", NULL);
  g_autofree char *no_shp = g_build_filename (dir, "no-shapefile.zip", NULL);
  g_autofree char *no_kml = g_build_filename (dir, "no-kml.kmz", NULL);
  g_autofree char *not_zip = g_build_filename (dir, "not-a-zip.zip", NULL);
  g_autofree char *empty_zip = g_build_filename (dir, "empty.zip", NULL);
  g_autofree char *two_shp = g_build_filename (dir, "two.zip", NULL);
  const char *members[] = { readme, NULL };
  const char *names[] = { "readme.txt", NULL };

  write_text (dir, "truncated.geojson", json, strlen (json) - 20);
  write_vector (line, "GeoJSON", 4326, LINE_WKT, OFTString, NULL);
  write_text (dir, "readme.txt", "no data here", -1);
  write_zip (no_shp, members, names);
  write_zip (no_kml, members, names);
  write_text (dir, "not-a-zip.zip", "PK but not really", -1);
  write_text (dir, "empty.zip", "", 0);
  {
    g_autofree char *a = g_build_filename (dir, "a.shp", NULL);
    g_autofree char *b = g_build_filename (dir, "b.shp", NULL);
    const char *shps[] = { a, b, NULL };
    const char *shp_names[] = { "a.shp", "b.shp", NULL };

    write_text (dir, "a.shp", "x", -1);
    write_text (dir, "b.shp", "x", -1);
    write_zip (two_shp, shps, shp_names);
  }

  expect_rejected (truncated, DM_IMPORT_CONTROL, DM_ERROR_FORMAT, "not a vector file");
  expect_rejected (truncated, DM_IMPORT_OVERLAY, DM_ERROR_FORMAT, "not a vector file");
  expect_rejected (no_shp, DM_IMPORT_CONTROL, DM_ERROR_FORMAT,
                   "the zip archive holds no Shapefile (.shp)");
  expect_rejected (no_kml, DM_IMPORT_OVERLAY, DM_ERROR_FORMAT, "holds no .kml document");
  expect_rejected (not_zip, DM_IMPORT_CONTROL, DM_ERROR_FORMAT, "not a zip archive");
  expect_rejected (empty_zip, DM_IMPORT_CONTROL, DM_ERROR_EMPTY, "the file is empty");
  expect_rejected (two_shp, DM_IMPORT_CONTROL, DM_ERROR_INVALID, "a.shp, b.shp");
  expect_rejected ("/nonexistent/control-2025-01-01.zip", DM_IMPORT_CONTROL, DM_ERROR_IO,
                   "cannot be read");
  expect_rejected ("/nonexistent/control-2025-01-01.geojson", DM_IMPORT_CONTROL, DM_ERROR_IO,
                   "cannot be read");
  expect_rejected (line, DM_IMPORT_CONTROL, DM_ERROR_GEOMETRY,
                   "feature 1 is a LINESTRING; a polygon layer is needed");

  /* The line is a fine overlay, but it cannot become a control area. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DmImportedFile) file = dm_import_file (line, DM_IMPORT_OVERLAY, NULL, &error);
    g_autoptr(DmControlArea) control = NULL;

    g_assert_no_error (error);
    g_assert_false (file->polygonal);
    g_assert_cmpstr (file->date, ==, "2025-01-01");
    control = dm_import_to_control (file, &error);
    g_assert_null (control);
    g_assert_error (error, DM_ERROR, DM_ERROR_GEOMETRY);
    g_assert_nonnull (strstr (error->message, "line-2025-01-01.geojson"));
    g_assert_nonnull (strstr (error->message, "must be made of polygons"));
  }
}

/* A bow tie is repaired into its two triangles and counted, never dropped. */
static void
test_invalid_repaired (void)
{
  g_autofree char *dir = new_dir ("invalid");
  g_autofree char *path = g_build_filename (dir, "bowtie.gpkg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmImportedFile) file = NULL;
  g_autoptr(DmImportedFile) overlay = NULL;
  g_autoptr(DmControlArea) control = NULL;

  write_vector (path, "GPKG", 4326, BOWTIE_WKT, OFTString, DATE);

  file = dm_import_file (path, DM_IMPORT_CONTROL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file->vector->features->len, ==, 1);
  g_assert_cmpuint (file->vector->n_repaired, ==, 1);
  g_assert_true (OGR_G_IsValid (first_geometry (file)));
  g_assert_cmpfloat_with_epsilon (OGR_G_Area (first_geometry (file)), 0.5, 1e-9);

  control = dm_import_to_control (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (control->n_repaired, ==, 1);
  g_assert_cmpfloat_with_epsilon (OGR_G_Area (control->geometry), 0.5, 1e-9);
  assert_envelope (control->geometry, 36.0, 37.0, 48.0, 49.0, 1e-9);

  /* Overlays are read as "any geometry"; their polygons are repaired too. */
  overlay = dm_import_file (path, DM_IMPORT_OVERLAY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overlay->vector->n_repaired, ==, 1);
  g_assert_true (OGR_G_IsValid (first_geometry (overlay)));
  g_assert_cmpfloat_with_epsilon (OGR_G_Area (first_geometry (overlay)), 0.5, 1e-9);
}

/* "Date" fields, date-times and a "source" property, as other tools write them. */
static void
test_date_and_source (void)
{
  g_autofree char *dir = new_dir ("dates");
  g_autoptr(GError) error = NULL;
  struct { const char *props; const char *name; const char *date; } cases[] = {
    { "{\"DATE\":\"2024/12/31\"}",            "a.geojson",            "2024-12-31" },
    { "{\"date\":\"2025-01-02T10:00:00Z\"}",  "b.geojson",            "2025-01-02" },
    { "{\"date\":\"2025-02-30\"}",            "c.geojson",            NULL },
    { "{\"date\":\"yesterday\"}",             "d-2025-01-05.geojson", "2025-01-05" },
    { "{\"date\":\"2025-01-06\"}",            "e-2020-01-01.geojson", "2025-01-06" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":%s,"
        "\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.5,48.5]}}]}", cases[i].props);
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autoptr(DmImportedFile) file = NULL;

      write_text (dir, cases[i].name, json, -1);
      file = dm_import_file (path, DM_IMPORT_OVERLAY, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (file->polygonal);
      g_assert_cmpstr (file->date, ==, cases[i].date);
    }

  {
    g_autofree char *json = g_strdup_printf (
      "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
      "{\"date\":\"2025-01-07\",\"source\":\"ISW\"},\"geometry\":{\"type\":\"Polygon\","
      "\"coordinates\":[[[36,48],[37,48],[37,49],[36,49],[36,48]]]}}]}");
    g_autofree char *path = g_build_filename (dir, "isw.geojson", NULL);
    g_autoptr(DmImportedFile) file = NULL;
    g_autoptr(DmControlArea) control = NULL;

    write_text (dir, "isw.geojson", json, -1);
    file = dm_import_file (path, DM_IMPORT_CONTROL, NULL, &error);
    g_assert_no_error (error);
    control = dm_import_to_control (file, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (control->source, ==, "ISW");
    g_assert_cmpstr (control->date, ==, "2025-01-07");
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dm_gdal_init ();
  scratch = g_dir_make_tmp ("demarcate-import-XXXXXX", NULL);
  g_assert_nonnull (scratch);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("/import/format/%s", formats[i].name);

      g_test_add_data_func (name, &formats[i], test_format);
    }
  for (guint i = 0; i < G_N_ELEMENTS (projected); i++)
    {
      g_autofree char *name = g_strdup_printf ("/import/projected/%s", projected[i].name);

      g_test_add_data_func (name, &projected[i], test_projected);
    }
  g_test_add_func ("/import/folder", test_folder);
  g_test_add_func ("/import/folder-same-date", test_folder_same_date);
  g_test_add_func ("/import/folder-unusable", test_folder_unusable);
  g_test_add_func ("/import/broken", test_broken);
  g_test_add_func ("/import/invalid-repaired", test_invalid_repaired);
  g_test_add_func ("/import/date-and-source", test_date_and_source);

  status = g_test_run ();
  remove_tree (scratch);
  g_free (scratch);
  return status;
}
