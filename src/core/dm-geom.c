/* dm-geom.c: areas in an equal-area projection and overlay operations that tolerate bad input. */
#include "config.h"

#include <math.h>

#include "dm-geom.h"

static void
transform_free (gpointer data)
{
  OCTDestroyCoordinateTransformation (data);
}

/* PROJ transformations are not thread-safe to share; one per thread. */
static GPrivate area_transform = G_PRIVATE_INIT (transform_free);

static OGRCoordinateTransformationH
get_area_transform (void)
{
  OGRCoordinateTransformationH ct = g_private_get (&area_transform);

  if (ct == NULL)
    {
      g_auto(DmOgrSrs) wgs84 = dm_srs_new_wgs84 ();
      g_auto(DmOgrSrs) laea = dm_srs_new_equal_area ();

      ct = OCTNewCoordinateTransformation (wgs84, laea);
      g_private_set (&area_transform, ct);
    }
  return ct;
}

double
dm_geom_area_km2 (OGRGeometryH geometry)
{
  g_auto(DmOgrGeometry) copy = NULL;

  if (geometry == NULL || OGR_G_IsEmpty (geometry))
    return 0.0;

  copy = OGR_G_Clone (geometry);
  if (OGR_G_Transform (copy, get_area_transform ()) != OGRERR_NONE)
    return NAN;
  return OGR_G_Area (copy) / 1e6;
}

/* Keeps only the polygons of a geometry collection that overlay operations
 * can return (lines and points where two inputs touch). */
OGRGeometryH
dm_geom_polygonal (OGRGeometryH geometry)
{
  OGRwkbGeometryType type;
  OGRGeometryH out;

  if (geometry == NULL)
    return OGR_G_CreateGeometry (wkbMultiPolygon);

  type = wkbFlatten (OGR_G_GetGeometryType (geometry));
  if (type == wkbPolygon)
    return OGR_G_ForceToMultiPolygon (OGR_G_Clone (geometry));
  if (type == wkbMultiPolygon)
    return OGR_G_Clone (geometry);

  out = OGR_G_CreateGeometry (wkbMultiPolygon);
  if (type == wkbGeometryCollection)
    {
      for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
        {
          OGRGeometryH sub = OGR_G_GetGeometryRef (geometry, i);
          g_auto(DmOgrGeometry) poly = dm_geom_polygonal (sub);

          for (int j = 0; j < OGR_G_GetGeometryCount (poly); j++)
            OGR_G_AddGeometry (out, OGR_G_GetGeometryRef (poly, j));
        }
    }
  return out;
}

OGRGeometryH
dm_geom_make_valid (OGRGeometryH geometry)
{
  OGRGeometryH valid;
  OGRGeometryH polygonal;

  if (OGR_G_IsValid (geometry))
    return OGR_G_Clone (geometry);

  valid = OGR_G_MakeValid (geometry);
  if (valid == NULL)
    return NULL;
  polygonal = dm_geom_polygonal (valid);
  OGR_G_DestroyGeometry (valid);
  return polygonal;
}

static OGRGeometryH
finish (OGRGeometryH result)
{
  OGRGeometryH polygonal = dm_geom_polygonal (result);

  OGR_G_DestroyGeometry (result);
  return polygonal;
}

OGRGeometryH
dm_geom_intersection (OGRGeometryH a,
                      OGRGeometryH b)
{
  OGRGeometryH r = OGR_G_Intersection (a, b);

  return r ? finish (r) : NULL;
}

OGRGeometryH
dm_geom_difference (OGRGeometryH a,
                    OGRGeometryH b)
{
  OGRGeometryH r = OGR_G_Difference (a, b);

  return r ? finish (r) : NULL;
}

gboolean
dm_geom_contains_lonlat (OGRGeometryH geometry,
                         double       lon,
                         double       lat)
{
  g_auto(DmOgrGeometry) point = OGR_G_CreateGeometry (wkbPoint);
  OGREnvelope env;

  OGR_G_GetEnvelope (geometry, &env);
  if (lon < env.MinX || lon > env.MaxX || lat < env.MinY || lat > env.MaxY)
    return FALSE;

  OGR_G_SetPoint_2D (point, 0, lon, lat);
  return OGR_G_Contains (geometry, point);
}
