/* dm-vector.c: reads a vector file with GDAL, reprojects it to lon/lat and checks what users get wrong. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <cpl_vsi.h>
#include <glib/gi18n-lib.h>

#include "dm-error.h"
#include "dm-geom.h"
#include "dm-vector.h"

static void
feature_free (gpointer data)
{
  DmFeature *feature = data;

  g_clear_pointer (&feature->geometry, OGR_G_DestroyGeometry);
  g_clear_pointer (&feature->fields, g_hash_table_unref);
  g_free (feature);
}

void
dm_vector_free (DmVector *vector)
{
  if (vector == NULL)
    return;
  g_free (vector->path);
  g_free (vector->driver);
  g_ptr_array_unref (vector->features);
  g_free (vector);
}

/* An empty vector, to add features to: for readers other than GDAL's
 * (the geometry cache). */
DmVector *
dm_vector_new (const char *path,
               const char *driver)
{
  DmVector *vector = g_new0 (DmVector, 1);

  vector->path = g_strdup (path);
  vector->driver = g_strdup (driver);
  vector->features = g_ptr_array_new_with_free_func (feature_free);
  return vector;
}

const char *
dm_feature_get (const DmFeature *feature,
                const char      *field)
{
  return feature->fields ? g_hash_table_lookup (feature->fields, field) : NULL;
}

double
dm_feature_get_double (const DmFeature *feature,
                       const char      *field,
                       double           fallback)
{
  const char *value = dm_feature_get (feature, field);
  char *end = NULL;
  double d;

  if (value == NULL)
    return fallback;
  d = g_ascii_strtod (value, &end);
  return (end != value) ? d : fallback;
}

static const char *
kind_name (DmGeomKind kind)
{
  switch (kind)
    {
    case DM_GEOM_POLYGON: return "polygon";
    case DM_GEOM_LINE:    return "line";
    case DM_GEOM_POINT:   return "point";
    case DM_GEOM_ANY:
    default:              return "geometry";
    }
}

static gboolean
kind_matches (OGRwkbGeometryType type,
              DmGeomKind         kind)
{
  type = wkbFlatten (type);
  switch (kind)
    {
    case DM_GEOM_POLYGON:
      return type == wkbPolygon || type == wkbMultiPolygon;
    case DM_GEOM_LINE:
      return type == wkbLineString || type == wkbMultiLineString;
    case DM_GEOM_POINT:
      return type == wkbPoint || type == wkbMultiPoint;
    case DM_GEOM_ANY:
    default:
      return TRUE;
    }
}

/* GDAL accepts NaN and infinities from some drivers; nothing downstream can. */
static gboolean
coordinates_finite (OGRGeometryH geometry)
{
  int n_sub = OGR_G_GetGeometryCount (geometry);

  if (n_sub > 0)
    {
      for (int i = 0; i < n_sub; i++)
        if (!coordinates_finite (OGR_G_GetGeometryRef (geometry, i)))
          return FALSE;
      return TRUE;
    }

  for (int i = 0; i < OGR_G_GetPointCount (geometry); i++)
    {
      double x = OGR_G_GetX (geometry, i);
      double y = OGR_G_GetY (geometry, i);

      if (!isfinite (x) || !isfinite (y))
        return FALSE;
    }
  return TRUE;
}

guint
dm_geometry_count_vertices (OGRGeometryH geometry)
{
  int n_sub = OGR_G_GetGeometryCount (geometry);
  guint64 n = 0;

  if (n_sub == 0)
    return (guint) MAX (OGR_G_GetPointCount (geometry), 0);
  for (int i = 0; i < n_sub && n <= G_MAXUINT; i++)
    n += dm_geometry_count_vertices (OGR_G_GetGeometryRef (geometry, i));
  return (guint) MIN (n, (guint64) G_MAXUINT);
}

static gboolean
read_fields (OGRFeatureH  feature,
             DmFeature   *out,
             gsize       *budget,
             const char  *display,
             GError     **error)
{
  OGRFeatureDefnH defn = OGR_F_GetDefnRef (feature);
  int n = OGR_FD_GetFieldCount (defn);

  out->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (int i = 0; i < n; i++)
    {
      OGRFieldDefnH fdefn = OGR_FD_GetFieldDefn (defn, i);
      const char *name = OGR_Fld_GetNameRef (fdefn);
      const char *value;

      if (!OGR_F_IsFieldSetAndNotNull (feature, i))
        continue;
      value = OGR_F_GetFieldAsString (feature, i);
      if (!g_utf8_validate (value, -1, NULL) || !g_utf8_validate (name, -1, NULL))
        {
          g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                       _("%s: feature %u: the field “%s” is not valid UTF-8 text; "
                         "save the file with UTF-8 encoding"),
                       display, out->index, g_utf8_validate (name, -1, NULL) ? name : "?");
          return FALSE;
        }
      if (strlen (name) + strlen (value) > *budget)
        {
          g_autofree char *limit = g_format_size (DM_VECTOR_MAX_FIELD_BYTES);

          g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                       _("%s: feature %u: the attributes take more than %s; keep only the "
                         "fields you need"), display, out->index, limit);
          return FALSE;
        }
      *budget -= strlen (name) + strlen (value);
      g_hash_table_insert (out->fields, g_strdup (name), g_strdup (value));
    }
  return TRUE;
}

static gboolean
check_range (OGRGeometryH  geometry,
             const char   *display,
             guint         index,
             gboolean      declared_crs,
             GError      **error)
{
  OGREnvelope env;

  OGR_G_GetEnvelope (geometry, &env);
  if (env.MinX >= -180.0 && env.MaxX <= 180.0 && env.MinY >= -90.0 && env.MaxY <= 90.0)
    return TRUE;

  g_set_error (error, DM_ERROR, DM_ERROR_CRS,
               declared_crs
               ? _("%s: feature %u: coordinates (%.0f, %.0f) fall outside longitude and latitude "
                   "after reprojection; check the file’s coordinate reference system")
               : _("%s: feature %u: coordinates (%.0f, %.0f) are not longitude and latitude; "
                   "the file seems to use a projected coordinate system without declaring it. "
                   "Reproject it to WGS 84 (EPSG:4326) or declare its CRS"),
               display, index, env.MinX, env.MinY);
  return FALSE;
}

static DmOgrTransform
transform_for_layer (OGRLayerH layer,
                     gboolean *declared)
{
  OGRSpatialReferenceH layer_srs = OGR_L_GetSpatialRef (layer);
  g_auto(DmOgrSrs) wgs84 = NULL;
  g_auto(DmOgrSrs) source = NULL;

  *declared = FALSE;
  if (layer_srs == NULL)
    return NULL;

  wgs84 = dm_srs_new_wgs84 ();
  source = OSRClone (layer_srs);
  OSRSetAxisMappingStrategy (source, OAMS_TRADITIONAL_GIS_ORDER);
  if (OSRIsSame (source, wgs84))
    return NULL;

  *declared = TRUE;
  return OCTNewCoordinateTransformation (source, wgs84);
}

/* Paths inside archives ("/vsizip//data/x.zip/x.shp") are shown without
 * GDAL's prefix so users recognise their own file. */
static char *
display_path (const char *path)
{
  if (g_str_has_prefix (path, "/vsizip/"))
    return g_filename_display_name (path + strlen ("/vsizip/"));
  return g_filename_display_name (path);
}

/* GIO cannot see inside GDAL's virtual file systems, so those are asked
 * through VSI; everything else through GIO so cancellation works. */
static gboolean
query_file (const char    *path,
            const char    *display,
            goffset       *size,
            gboolean      *regular,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_str_has_prefix (path, "/vsi"))
    {
      /* VSIStatL's buffer is a struct stat64, which needs _LARGEFILE64_SOURCE. */
      VSILFILE *fp = VSIFOpenL (path, "rb");

      if (fp == NULL)
        {
          g_set_error (error, DM_ERROR, DM_ERROR_IO,
                       _("%s: cannot be read: no such file in the archive"), display);
          return FALSE;
        }
      VSIFSeekL (fp, 0, SEEK_END);
      *size = (goffset) VSIFTellL (fp);
      *regular = TRUE;
      VSIFCloseL (fp);
      return TRUE;
    }

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("%s: cannot be read: %s"),
                   display, local_error->message);
      return FALSE;
    }
  *size = g_file_info_get_size (info);
  *regular = g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR;
  return TRUE;
}

/* The drivers a user's file may reach, chosen on purpose (no SQLite,
 * OSM, CSV or network drivers). LIBKML builds a DOM of the whole document
 * inside GDALOpenEx, about 50 times the text for empty placemarks (16 MB
 * took 785 MB and 17 s), but only it reads KML's ExtendedData, where the
 * "date" is; so KML is bounded at DM_VECTOR_MAX_KML_BYTES instead, before
 * opening (archive members are checked before unpacking). */
static const char * const allowed_drivers[] = {
  "GeoJSON", "GeoJSONSeq", "ESRI Shapefile", "GPKG", "FlatGeobuf", "LIBKML", "KML", "GPX",
  "GML", NULL
};

static const DmVectorLimits default_limits = {
  DM_VECTOR_MAX_FEATURES, DM_VECTOR_MAX_VERTICES, DM_CONTROL_MAX_VERTICES
};

static gboolean
is_compressed (const char *path)
{
  guint8 magic[4] = { 0 };
  VSILFILE *fp = VSIFOpenL (path, "rb");

  if (fp == NULL)
    return FALSE;
  VSIFReadL (magic, 1, sizeof magic, fp);
  VSIFCloseL (fp);
  return (magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5)) ||
         (magic[0] == 0x1f && magic[1] == 0x8b);
}

static gboolean
too_large (const char  *display,
           goffset      size,
           goffset      limit,
           const char  *what,
           GError     **error)
{
  g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT);
  g_autofree char *limit_text = g_format_size (limit);

  g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
               _("%s: the file is too large (%s; the limit for %s is %s). Clip it to Ukraine "
                 "or simplify it first"), display, size_text, what, limit_text);
  return FALSE;
}

/* A GeoPackage feature table can be an SQL view, which SQLite runs when
 * GDAL first looks at the layer; a recursive one never ends (nor stops
 * growing), and nothing can interrupt it. So a GeoPackage holding any view
 * is refused before any layer is touched. SQLite is asked what its parsed
 * schema holds (pragma_table_list): sqlite_master's "type" and names are
 * only text in the file, and a fuzzer hid a view by changing the case of
 * its name. */
static gboolean
check_geopackage (GDALDatasetH   dataset,
                  const char    *display,
                  GError       **error)
{
  OGRLayerH result;
  OGRFeatureH row;

  if (!g_str_equal (GDALGetDriverShortName (GDALGetDatasetDriver (dataset)), "GPKG"))
    return TRUE;
  CPLErrorReset ();
  result = GDALDatasetExecuteSQL (dataset,
                                  "SELECT name FROM pragma_table_list WHERE type = 'view' LIMIT 1",
                                  NULL, NULL);
  if (result == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: not a GeoPackage Demarcate can read: its list of tables cannot be "
                     "read (GDAL: %s)"), display, dm_gdal_last_message ());
      return FALSE;
    }
  row = OGR_L_GetNextFeature (result);
  if (row != NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s: “%s” is an SQL view, which Demarcate does not run; save the "
                     "layers as tables first (for example with ogr2ogr)"),
                   display, OGR_F_GetFieldAsString (row, 0));
      OGR_F_Destroy (row);
      GDALDatasetReleaseResultSet (dataset, result);
      return FALSE;
    }
  GDALDatasetReleaseResultSet (dataset, result);
  return TRUE;
}

DmVector *
dm_vector_read (const char    *path,
                DmGeomKind     expect,
                GCancellable  *cancellable,
                GError       **error)
{
  return dm_vector_read_limited (path, expect, &default_limits, cancellable, error);
}

/* Reads every feature of every layer, stopping with a message at the
 * first bound in `limits` (or the DM_VECTOR_MAX_* ones) that is hit.
 * GDAL's own text, when a message has it, ends it as "(GDAL: …)" so a
 * window can show it apart, as a detail. */
DmVector *
dm_vector_read_limited (const char            *path,
                        DmGeomKind             expect,
                        const DmVectorLimits  *limits,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autofree char *display = display_path (path);
  g_autoptr(DmVector) vector = NULL;
  g_auto(DmGdalDataset) dataset = NULL;
  GDALDriverH driver;
  goffset size = 0;
  gboolean regular = FALSE;
  gsize field_budget = DM_VECTOR_MAX_FIELD_BYTES;
  guint64 n_vertices = 0;
  int n_layers;

  dm_gdal_init ();

  if (!query_file (path, display, &size, &regular, cancellable, error))
    return NULL;

  if (regular && size == 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_EMPTY, _("%s: the file is empty"), display);
      return NULL;
    }
  if (size > DM_VECTOR_MAX_BYTES)
    {
      too_large (display, size, DM_VECTOR_MAX_BYTES, _("a vector file"), error);
      return NULL;
    }

  /* GDAL's drivers open zipped and gzipped files themselves, past every
   * size check here; archives are read through dm_import_file, which
   * checks their members first. */
  if (!g_str_has_prefix (path, "/vsizip/") && is_compressed (path))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: the file is compressed (zip or gzip); open a zipped Shapefile as "
                     ".zip or a KMZ as .kmz, or unpack it first"), display);
      return NULL;
    }

  CPLErrorReset ();
  driver = GDALIdentifyDriverEx (path, GDAL_OF_VECTOR, allowed_drivers, NULL);
  if (driver == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: not a vector file Demarcate can read (GeoJSON, KML, Shapefile, "
                     "GeoPackage, FlatGeobuf…), or the file is damaged"), display);
      return NULL;
    }
  if ((g_str_equal (GDALGetDriverShortName (driver), "LIBKML") ||
       g_str_equal (GDALGetDriverShortName (driver), "KML")) && size > DM_VECTOR_MAX_KML_BYTES)
    {
      too_large (display, size, DM_VECTOR_MAX_KML_BYTES, _("KML"), error);
      return NULL;
    }

  CPLErrorReset ();
  dataset = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, allowed_drivers, NULL, NULL);
  if (dataset == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: not a vector file Demarcate can read (GeoJSON, KML, Shapefile, "
                     "GeoPackage, FlatGeobuf…), or the file is damaged (GDAL: %s)"),
                   display, dm_gdal_last_message ());
      return NULL;
    }

  if (!check_geopackage (dataset, display, error))
    return NULL;

  vector = dm_vector_new (path, GDALGetDriverShortName (GDALGetDatasetDriver (dataset)));

  n_layers = GDALDatasetGetLayerCount (dataset);
  if (n_layers > DM_VECTOR_MAX_LAYERS)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                   _("%s: the file has %d layers; Demarcate reads at most %d. Keep the layers "
                     "you need in a file of their own"), display, n_layers, DM_VECTOR_MAX_LAYERS);
      return NULL;
    }
  for (int l = 0; l < n_layers; l++)
    {
      OGRLayerH layer = GDALDatasetGetLayer (dataset, l);
      gboolean declared = FALSE;
      g_auto(DmOgrTransform) transform = transform_for_layer (layer, &declared);
      OGRFeatureH f;

      if (declared && transform == NULL)
        {
          OGRSpatialReferenceH srs = OGR_L_GetSpatialRef (layer);
          const char *crs = srs ? OSRGetName (srs) : NULL;

          g_set_error (error, DM_ERROR, DM_ERROR_CRS,
                       _("%s: its coordinate reference system (%s) cannot be converted to "
                         "WGS 84; reproject the file first"), display,
                       crs ? crs : _("unnamed"));
          return NULL;
        }

      OGR_L_ResetReading (layer);
      CPLErrorReset ();
      while ((f = OGR_L_GetNextFeature (layer)) != NULL)
        {
          g_auto(DmOgrFeature) feature = f;
          OGRGeometryH geometry = OGR_F_GetGeometryRef (feature);
          DmFeature *out;
          guint n;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          /* A view or a generator can yield features without end. */
          if (vector->features->len >= limits->max_features)
            {
              g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                           _("%s: the file has more than %u features; Demarcate reads at most "
                             "%u. Split it, or keep only the area you need"),
                           display, limits->max_features, limits->max_features);
              return NULL;
            }

          out = g_new0 (DmFeature, 1);
          out->index = vector->features->len + 1;
          g_ptr_array_add (vector->features, out);

          if (!read_fields (feature, out, &field_budget, display, error))
            return NULL;

          if (geometry == NULL || OGR_G_IsEmpty (geometry))
            {
              if (expect == DM_GEOM_ANY)
                continue;
              g_set_error (error, DM_ERROR, DM_ERROR_GEOMETRY,
                           _("%s: feature %u has no geometry; a %s is needed here"),
                           display, out->index, kind_name (expect));
              return NULL;
            }
          n = dm_geometry_count_vertices (geometry);
          n_vertices += n;
          if (n_vertices > limits->max_vertices)
            {
              g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                           _("%s: feature %u brings the file to more than %u vertices; "
                             "Demarcate reads at most %u%s. Simplify the geometry first"),
                           display, out->index, limits->max_vertices, limits->max_vertices,
                           limits->max_vertices == DM_CONTROL_MAX_VERTICES
                           ? _(" for a control area") : "");
              return NULL;
            }
          if (!kind_matches (OGR_G_GetGeometryType (geometry), expect))
            {
              g_set_error (error, DM_ERROR, DM_ERROR_GEOMETRY,
                           _("%s: feature %u is a %s; a %s layer is needed here"),
                           display, out->index, OGR_G_GetGeometryName (geometry),
                           kind_name (expect));
              return NULL;
            }
          if (!coordinates_finite (geometry))
            {
              g_set_error (error, DM_ERROR, DM_ERROR_GEOMETRY,
                           _("%s: feature %u has coordinates that are not numbers (NaN or "
                             "infinite)"), display, out->index);
              return NULL;
            }

          out->geometry = OGR_F_StealGeometry (feature);
          if (transform != NULL)
            {
              if (OGR_G_Transform (out->geometry, transform) != OGRERR_NONE)
                {
                  g_set_error (error, DM_ERROR, DM_ERROR_CRS,
                               _("%s: feature %u cannot be reprojected to WGS 84 from the "
                                 "file’s coordinate reference system"),
                               display, out->index);
                  return NULL;
                }
              vector->reprojected = TRUE;
            }
          if (!check_range (out->geometry, display, out->index, declared, error))
            return NULL;

          if (expect == DM_GEOM_POLYGON && n <= limits->max_repair_vertices &&
              !OGR_G_IsValid (out->geometry))
            {
              OGRGeometryH valid = dm_geom_make_valid (out->geometry);

              if (valid == NULL || OGR_G_IsEmpty (valid))
                {
                  g_clear_pointer (&valid, OGR_G_DestroyGeometry);
                  g_set_error (error, DM_ERROR, DM_ERROR_GEOMETRY,
                               _("%s: feature %u is an invalid polygon that cannot be "
                                 "repaired (self-intersecting or degenerate rings)"),
                               display, out->index);
                  return NULL;
                }
              OGR_G_DestroyGeometry (out->geometry);
              out->geometry = valid;
              vector->n_repaired++;
            }
        }

      if (CPLGetLastErrorType () >= CE_Failure)
        {
          g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                       _("%s: reading stopped at feature %u; the file is damaged (GDAL: %s)"),
                       display, vector->features->len + 1, dm_gdal_last_message ());
          return NULL;
        }
    }

  if (vector->features->len == 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_EMPTY,
                   _("%s: the file contains no features"), display);
      return NULL;
    }
  vector->n_vertices = (guint) n_vertices;

  /* Callers tell the user (toast, command-line warning); n_repaired says how many. */
  if (vector->n_repaired > 0)
    g_debug ("%s: repaired %u invalid polygon(s) with MakeValid", display, vector->n_repaired);

  return g_steal_pointer (&vector);
}

/* The union of every polygon in the file, for layers meant as one area. */
OGRGeometryH
dm_vector_union (DmVector  *vector,
                 GError   **error)
{
  g_auto(DmOgrGeometry) collection = OGR_G_CreateGeometry (wkbMultiPolygon);
  g_autofree char *display = display_path (vector->path);
  OGRGeometryH result;

  for (guint i = 0; i < vector->features->len; i++)
    {
      DmFeature *feature = g_ptr_array_index (vector->features, i);
      g_auto(DmOgrGeometry) multi = NULL;

      if (feature->geometry == NULL)
        continue;
      multi = dm_geom_polygonal (feature->geometry);
      for (int j = 0; j < OGR_G_GetGeometryCount (multi); j++)
        OGR_G_AddGeometry (collection, OGR_G_GetGeometryRef (multi, j));
    }

  result = OGR_G_UnionCascaded (collection);
  if (result == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_GEOMETRY,
                   _("%s: the polygons cannot be merged into one area"), display);
      return NULL;
    }
  {
    OGRGeometryH polygonal = dm_geom_polygonal (result);
    OGR_G_DestroyGeometry (result);
    return polygonal;
  }
}
