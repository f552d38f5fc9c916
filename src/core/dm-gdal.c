/* dm-gdal.c: one-time GDAL set-up and the reference systems the core works in. */
#include "config.h"

#include <cpl_error.h>
#include <cpl_conv.h>

#include "dm-error.h"
#include "dm-gdal.h"

G_DEFINE_QUARK (dm-error-quark, dm_error)

/* GDAL prints to stderr by default; the core turns failures into GErrors that
 * name the file instead, so GDAL's own chatter is kept for the debug log. */
static void
quiet_error_handler (CPLErr      level,
                     CPLErrorNum num,
                     const char *msg)
{
  g_debug ("GDAL %d/%d: %s", (int) level, (int) num, msg);
}

void
dm_gdal_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Demarcate never fetches remote data through GDAL. */
      CPLSetConfigOption ("GDAL_HTTP_TIMEOUT", "1");
      CPLSetConfigOption ("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "none");
      /* One GeoJSON feature above 64 MB is refused rather than parsed. */
      CPLSetConfigOption ("OGR_GEOJSON_MAX_OBJ_SIZE", "64");
      GDALAllRegister ();
      CPLSetErrorHandler (quiet_error_handler);
      g_once_init_leave (&initialized, 1);
    }
}

const char *
dm_gdal_last_message (void)
{
  const char *msg = CPLGetLastErrorMsg ();

  return (msg != NULL && *msg != '\0') ? msg : "unknown reason";
}

DmOgrSrs
dm_srs_new_wgs84 (void)
{
  OGRSpatialReferenceH srs = OSRNewSpatialReference (NULL);

  OSRSetWellKnownGeogCS (srs, "WGS84");
  OSRSetAxisMappingStrategy (srs, OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

/* Lambert azimuthal equal-area centred on Ukraine: areas are exact whatever
 * the centre; centring keeps shapes sane for debugging. */
DmOgrSrs
dm_srs_new_equal_area (void)
{
  OGRSpatialReferenceH srs = OSRNewSpatialReference (NULL);

  OSRImportFromProj4 (srs, "+proj=laea +lat_0=48.5 +lon_0=31.5 +datum=WGS84 +units=m +no_defs");
  OSRSetAxisMappingStrategy (srs, OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}
