/* pack-days.c: turns DeepStateMap's daily archive into one GeoPackage with one feature per day.
 *
 * Run at build time (data/meson.build):
 *   pack-days deepstate-daily.tar deepstate.json deepstate-days.gpkg
 *
 * The archive's GeoJSON files are read through /vsitar/ and written as they
 * are, vertex for vertex: a GeoPackage keeps doubles, so nothing is rounded
 * or simplified. The app reads one row by its date (an indexed column) in a
 * few milliseconds instead of parsing 60 MB of GeoJSON at start-up, and the
 * facts in deepstate.json travel inside the file as dataset metadata, so the
 * About window and every credit read them from the data itself.
 *
 * Any surprise (a day with no polygon, an invalid geometry, a date that is
 * not in deepstate.json's range) fails the build rather than shipping it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_string.h>

static void G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
die (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "pack-days: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, "\n");
  va_end (args);
  exit (1);
}

/* deepstatemap_data_20250615.geojson -> 2025-06-15 */
static char *
date_from_name (const char *name)
{
  int y, m, d;

  if (sscanf (name, "deepstatemap_data_%4d%2d%2d.geojson", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static OGRGeometryH
read_day (const char *path)
{
  GDALDatasetH ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  OGRLayerH layer;
  OGRFeatureH feature;
  OGRGeometryH geometry;

  if (ds == NULL)
    die ("%s: %s", path, CPLGetLastErrorMsg ());
  layer = GDALDatasetGetLayer (ds, 0);
  if (layer == NULL || OGR_L_GetFeatureCount (layer, TRUE) != 1)
    die ("%s: expected one feature", path);
  feature = OGR_L_GetNextFeature (layer);
  geometry = OGR_F_StealGeometry (feature);
  if (geometry == NULL)
    die ("%s: the feature has no geometry", path);
  if (wkbFlatten (OGR_G_GetGeometryType (geometry)) == wkbPolygon)
    geometry = OGR_G_ForceToMultiPolygon (geometry);
  if (wkbFlatten (OGR_G_GetGeometryType (geometry)) != wkbMultiPolygon)
    die ("%s: expected a (multi)polygon, found %s", path, OGR_G_GetGeometryName (geometry));
  if (!OGR_G_IsValid (geometry))
    die ("%s: the polygon is not valid", path);
  OGR_F_Destroy (feature);
  GDALClose (ds);
  return geometry;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

int
main (int argc, char **argv)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  JsonObject *meta;
  char **entries;
  OGRSpatialReferenceH wgs84;
  GDALDatasetH out;
  OGRLayerH layer;
  OGRFieldDefnH field;
  char *options[] = { "SPATIAL_INDEX=NO", "FID=fid", "GEOMETRY_NAME=geom", NULL };
  const char *first, *last;
  gint64 want;

  if (argc != 4)
    die ("usage: pack-days ARCHIVE.tar DEEPSTATE.json OUT.gpkg");

  if (!json_parser_load_from_file (parser, argv[2], &error))
    die ("%s: %s", argv[2], error->message);
  meta = json_node_get_object (json_parser_get_root (parser));
  first = json_object_get_string_member (meta, "first");
  last = json_object_get_string_member (meta, "last");
  want = json_object_get_int_member (meta, "days");

  GDALAllRegister ();
  dir = g_strdup_printf ("/vsitar/%s/data", argv[1]);
  entries = VSIReadDir (dir);
  for (char **e = entries; e != NULL && *e != NULL; e++)
    if (g_str_has_suffix (*e, ".geojson"))
      g_ptr_array_add (names, g_strdup (*e));
  CSLDestroy (entries);
  g_ptr_array_sort (names, compare_strings);
  if ((gint64) names->len != want)
    die ("%s holds %u days; deepstate.json says %" G_GINT64_FORMAT, argv[1], names->len, want);

  /* Beside the target, with the extension the GeoPackage driver expects. */
  tmp = g_strconcat (argv[3], ".tmp.gpkg", NULL);
  g_unlink (tmp);
  out = GDALCreate (GDALGetDriverByName ("GPKG"), tmp, 0, 0, 0, GDT_Unknown, NULL);
  if (out == NULL)
    die ("%s: %s", tmp, CPLGetLastErrorMsg ());

  wgs84 = OSRNewSpatialReference (NULL);
  OSRSetWellKnownGeogCS (wgs84, "WGS84");
  OSRSetAxisMappingStrategy (wgs84, OAMS_TRADITIONAL_GIS_ORDER);
  layer = GDALDatasetCreateLayer (out, "days", wgs84, wkbMultiPolygon, options);
  OSRRelease (wgs84);
  field = OGR_Fld_Create ("date", OFTString);
  OGR_Fld_SetWidth (field, 10);
  OGR_L_CreateField (layer, field, TRUE);
  OGR_Fld_Destroy (field);

  GDALDatasetStartTransaction (out, FALSE);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      g_autofree char *date = date_from_name (name);
      g_autofree char *path = g_strdup_printf ("%s/%s", dir, name);
      OGRFeatureH feature;

      if (date == NULL)
        die ("%s: the name holds no date", name);
      if (strcmp (date, first) < 0 || strcmp (date, last) > 0)
        die ("%s: outside %s–%s", name, first, last);
      feature = OGR_F_Create (OGR_L_GetLayerDefn (layer));
      OGR_F_SetFieldString (feature, 0, date);
      OGR_F_SetGeometryDirectly (feature, read_day (path));
      if (OGR_L_CreateFeature (layer, feature) != OGRERR_NONE)
        die ("%s: %s", tmp, CPLGetLastErrorMsg ());
      OGR_F_Destroy (feature);
    }
  GDALDatasetCommitTransaction (out);
  GDALDatasetReleaseResultSet (out, GDALDatasetExecuteSQL (
    out, "CREATE UNIQUE INDEX days_date ON days (date)", NULL, NULL));

  /* The facts the app shows, kept with the data they describe. */
  for (GList *l = json_object_get_members (meta); l != NULL; l = g_list_delete_link (l, l))
    {
      JsonNode *node = json_object_get_member (meta, l->data);
      g_autofree char *key = g_ascii_strup (l->data, -1);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        GDALSetMetadataItem (out, key, json_node_get_string (node), NULL);
      else if (JSON_NODE_HOLDS_VALUE (node))
        {
          g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          GDALSetMetadataItem (out, key, value, NULL);
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
          g_auto(GStrv) strv = NULL;
          g_autofree char *joined = NULL;

          for (guint i = 0; i < json_array_get_length (array); i++)
            g_strv_builder_add (b, json_array_get_string_element (array, i));
          strv = g_strv_builder_end (b);
          joined = g_strjoinv (",", strv);
          GDALSetMetadataItem (out, key, joined, NULL);
        }
    }

  GDALClose (out);
  if (CPLGetLastErrorType () >= CE_Failure)
    die ("%s: %s", tmp, CPLGetLastErrorMsg ());
  if (g_rename (tmp, argv[3]) != 0)
    die ("%s: %s", argv[3], g_strerror (errno));
  printf ("pack-days: %u days, %s to %s, in %s\n", names->len, first, last, argv[3]);
  return 0;
}
