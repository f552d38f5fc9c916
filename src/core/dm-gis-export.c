/* dm-gis-export.c: a scenario on one day as GIS data (GeoJSON or GeoPackage), through GDAL.
 *
 * What an analyst takes into QGIS: one feature per region part with its
 * status, certainty, holder and km² under the proposal, the day's control area and
 * the line of contact. GeoJSON has one layer, so every feature says which
 * it is in a `layer` property; a GeoPackage gets the same features in three
 * layers named after it. The file is written beside the target under a
 * temporary name and renamed into place, so a failed export leaves the
 * old file as it was. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dm-error.h"
#include "dm-gdal.h"
#include "dm-gis-export.h"
#include "dm-proposal.h"
#include "dm-stats.h"

#define LAYER_PARTS   "region-part"
#define LAYER_CONTROL "control-area"
#define LAYER_FRONT   "line-of-contact"

gboolean
dm_gis_format_from_string (const char  *name_or_path,
                           DmGisFormat *out)
{
  const char *dot = strrchr (name_or_path, '.');
  const char *ext = dot != NULL ? dot + 1 : name_or_path;

  if (g_ascii_strcasecmp (ext, "geojson") == 0 || g_ascii_strcasecmp (ext, "json") == 0)
    *out = DM_GIS_GEOJSON;
  else if (g_ascii_strcasecmp (ext, "gpkg") == 0)
    *out = DM_GIS_GPKG;
  else
    return FALSE;
  return TRUE;
}

typedef struct
{
  GDALDatasetH  ds;
  DmGisFormat   format;
  OGRLayerH     single;  /* GeoJSON: the one layer */
  const char   *proposal;
  const char   *date;
} Writer;

static const char * const fields[] = {
  "layer", "region", "part", "label", "status", "certainty", "edited", "area_km2",
  "proposal", "date", "source", "holder",
};

static OGRLayerH
make_layer (Writer             *w,
            const char         *name,
            OGRwkbGeometryType  type,
            GError            **error)
{
  g_auto(DmOgrSrs) wgs84 = dm_srs_new_wgs84 ();
  char *options[] = { "RFC7946=YES", NULL };
  char *gpkg_options[] = { "FID=fid", NULL };
  OGRLayerH layer;

  layer = GDALDatasetCreateLayer (w->ds, name, wgs84, type,
                                  w->format == DM_GIS_GEOJSON ? options : gpkg_options);
  if (layer == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("cannot create the layer %s: %s"), name,
                   dm_gdal_last_message ());
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      OGRFieldType type_of = g_str_equal (fields[i], "area_km2") ? OFTReal : OFTString;
      OGRFieldDefnH field = OGR_Fld_Create (fields[i], type_of);

      if (g_str_equal (fields[i], "edited"))
        {
          OGR_Fld_SetType (field, OFTInteger);
          OGR_Fld_SetSubType (field, OFSTBoolean);
        }
      OGR_L_CreateField (layer, field, TRUE);
      OGR_Fld_Destroy (field);
    }
  return layer;
}

static OGRLayerH
layer_for (Writer             *w,
           const char         *name,
           OGRwkbGeometryType  type,
           GError            **error)
{
  OGRLayerH layer;

  if (w->format == DM_GIS_GEOJSON)
    {
      if (w->single == NULL)
        w->single = make_layer (w, "demarcate", wkbUnknown, error);
      return w->single;
    }
  layer = GDALDatasetGetLayerByName (w->ds, name);
  return layer != NULL ? layer : make_layer (w, name, type, error);
}

/* One feature; NULL strings leave the field unset (null). */
static gboolean
add_feature (Writer        *w,
             const char    *layer_name,
             OGRGeometryH   geometry,
             const char   **values, /* per fields[], NULL for unset */
             double         area_km2,
             gboolean       edited,
             GError       **error)
{
  OGRwkbGeometryType type = g_str_equal (layer_name, LAYER_FRONT) ? wkbMultiLineString
                                                                   : wkbMultiPolygon;
  OGRLayerH layer = layer_for (w, layer_name, type, error);
  g_auto(DmOgrFeature) feature = NULL;

  if (layer == NULL)
    return FALSE;
  feature = OGR_F_Create (OGR_L_GetLayerDefn (layer));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *name = fields[i];

      if (g_str_equal (name, "area_km2"))
        OGR_F_SetFieldDouble (feature, (int) i, area_km2);
      else if (g_str_equal (name, "edited"))
        OGR_F_SetFieldInteger (feature, (int) i, edited ? 1 : 0);
      else if (values[i] != NULL)
        OGR_F_SetFieldString (feature, (int) i, values[i]);
    }
  if (geometry != NULL)
    {
      OGRGeometryH copy = OGR_G_Clone (geometry);

      copy = type == wkbMultiLineString ? OGR_G_ForceToMultiLineString (copy)
                                        : OGR_G_ForceToMultiPolygon (copy);
      OGR_F_SetGeometryDirectly (feature, copy);
    }
  if (OGR_L_CreateFeature (layer, feature) != OGRERR_NONE)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("cannot write a feature: %s"),
                   dm_gdal_last_message ());
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_features (Writer       *w,
                DmPartition  *partition,
                DmScenario   *scenario,
                GError      **error)
{
  const char *source = dm_partition_get_source (partition);

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        DmStatus status;
        g_autofree char *label = NULL;
        const char *values[G_N_ELEMENTS (fields)] = { NULL, };

        if (!dm_partition_has_part (partition, r, p))
          continue;
        status = dm_scenario_get_status (scenario, r, p);
        /* Translators: a feature's label, e.g. "Donetsk, Ukrainian-held part". */
        label = g_strdup_printf (_("%s, %s"), dm_region_label (r), dm_part_label (p));
        values[0] = LAYER_PARTS;
        values[1] = dm_region_to_string (r);
        values[2] = dm_part_to_string (p);
        values[3] = label;
        values[4] = dm_status_to_string (status);
        values[5] = dm_part_certainty_to_string (dm_part_certainty (scenario, r, p));
        values[8] = w->proposal;
        values[9] = w->date;
        values[10] = source;
        values[11] = dm_holder_to_string (dm_part_holder (scenario, r, p));
        if (!add_feature (w, LAYER_PARTS, dm_partition_get_geometry (partition, r, p), values,
                          dm_partition_get_area (partition, r, p),
                          dm_scenario_is_edited (scenario, r, p), error))
          return FALSE;
      }

  {
    const char *values[G_N_ELEMENTS (fields)] = { LAYER_CONTROL, NULL, NULL,
                                                  _("Russian-occupied area"), NULL, NULL,
                                                  NULL, NULL, NULL, w->date, source, NULL };
    OGRGeometryH control = dm_partition_get_control (partition);
    double area = 0.0;

    for (DmRegion r = 0; r < DM_N_REGIONS; r++)
      area += dm_partition_get_area (partition, r, DM_PART_RUSSIAN_HELD);
    if (!add_feature (w, LAYER_CONTROL, control, values, area, FALSE, error))
      return FALSE;
  }
  {
    const char *values[G_N_ELEMENTS (fields)] = { LAYER_FRONT, NULL, NULL,
                                                  _("Line of contact"), NULL, NULL, NULL, NULL,
                                                  NULL, w->date, source, NULL };

    if (!add_feature (w, LAYER_FRONT, dm_partition_get_front_geometry (partition), values,
                      0.0, FALSE, error))
      return FALSE;
  }
  return TRUE;
}

gboolean
dm_gis_export (DmPartition  *partition,
               DmScenario   *scenario,
               DmGisFormat   format,
               const char   *path,
               GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *tmp = NULL;
  g_autofree char *tmp_name = NULL;
  GError *local_error = NULL;
  Writer w = { NULL, format, NULL, NULL, NULL };
  gboolean ok;

  dm_gdal_init ();
  /* Hidden, unique, and with the extension the driver expects. */
  tmp_name = g_strdup_printf (".%s-%08x.%s", base, g_random_int (),
                              format == DM_GIS_GPKG ? "gpkg" : "geojson");
  tmp = g_build_filename (dir, tmp_name, NULL);
  w.proposal = dm_proposal_get_id (dm_scenario_get_proposal (scenario));
  w.date = dm_partition_get_date (partition);
  w.ds = GDALCreate (GDALGetDriverByName (format == DM_GIS_GPKG ? "GPKG" : "GeoJSON"), tmp,
                     0, 0, 0, GDT_Unknown, NULL);
  if (w.ds == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("%s: cannot write here: %s"), display,
                   dm_gdal_last_message ());
      return FALSE;
    }
  if (format == DM_GIS_GPKG)
    GDALDatasetStartTransaction (w.ds, FALSE);
  ok = write_features (&w, partition, scenario, &local_error);
  if (format == DM_GIS_GPKG && ok)
    ok = GDALDatasetCommitTransaction (w.ds) == OGRERR_NONE;
  CPLErrorReset ();
  GDALClose (w.ds);
  if (ok && CPLGetLastErrorType () >= CE_Failure)
    ok = FALSE;
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (&local_error, DM_ERROR, DM_ERROR_IO, "%s", g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp);
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("%s was not written: %s"), display,
                   local_error != NULL ? local_error->message : dm_gdal_last_message ());
      g_clear_error (&local_error);
      return FALSE;
    }
  return TRUE;
}
