/* dm-vector.h: reading any GDAL vector file into lon/lat features, with checks users can act on. */
#pragma once

#include <gio/gio.h>

#include "dm-gdal.h"

G_BEGIN_DECLS

typedef enum
{
  DM_GEOM_ANY,
  DM_GEOM_POLYGON,
  DM_GEOM_LINE,
  DM_GEOM_POINT,
} DmGeomKind;

typedef struct
{
  guint         index;    /* 1-based, as users count features */
  OGRGeometryH  geometry; /* EPSG:4326, longitude first */
  GHashTable   *fields;   /* field name → UTF-8 string; absent when null */
} DmFeature;

typedef struct
{
  char       *path;
  GPtrArray  *features;  /* DmFeature */
  guint       n_repaired; /* invalid geometries fixed with MakeValid */
  gboolean    reprojected;
} DmVector;

/* Larger files are refused with a message rather than read into memory. */
#define DM_VECTOR_MAX_BYTES ((goffset) 512 * 1024 * 1024)

DmVector    *dm_vector_read            (const char    *path,
                                        DmGeomKind     expect,
                                        GCancellable  *cancellable,
                                        GError       **error);
void         dm_vector_free            (DmVector      *vector);
const char  *dm_feature_get            (const DmFeature *feature,
                                        const char      *field);
double       dm_feature_get_double     (const DmFeature *feature,
                                        const char      *field,
                                        double           fallback);
OGRGeometryH dm_vector_union           (DmVector      *vector,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmVector, dm_vector_free)

G_END_DECLS
