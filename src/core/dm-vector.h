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
  guint       n_vertices;
  gboolean    reprojected;
  char       *driver;     /* GDAL's short name: "GeoJSON", "KML", "GPKG"… */
} DmVector;

/* Bounds on what a vector file may hold, checked before or while it is
 * read and reported in words when hit; README's "Limits" lists them. */
#define DM_VECTOR_MAX_BYTES     ((goffset) 256 * 1024 * 1024) /* a file, or an archive unpacked */
#define DM_VECTOR_MAX_KML_BYTES ((goffset) 8 * 1024 * 1024)   /* libkml holds ~50× that in memory */
#define DM_VECTOR_MAX_ARCHIVE_ENTRIES 10000                   /* members of a .zip or .kmz */
#define DM_VECTOR_MAX_LAYERS    100
#define DM_VECTOR_MAX_FEATURES  100000
#define DM_VECTOR_MAX_VERTICES  5000000                       /* all features together */
#define DM_VECTOR_MAX_FIELD_BYTES ((gsize) 64 * 1024 * 1024)  /* attribute text kept */
/* A control area is intersected with every region (GEOS): more vertices
 * than this would stall the window, so such a layer is refused; overlays
 * over it are drawn as they are, without repair. */
#define DM_CONTROL_MAX_VERTICES 250000

typedef struct
{
  guint max_features;
  guint max_vertices;
  guint max_repair_vertices; /* polygons with more are not repaired (MakeValid) */
} DmVectorLimits;

DmVector    *dm_vector_read            (const char    *path,
                                        DmGeomKind     expect,
                                        GCancellable  *cancellable,
                                        GError       **error);
DmVector    *dm_vector_read_limited    (const char            *path,
                                        DmGeomKind             expect,
                                        const DmVectorLimits  *limits,
                                        GCancellable          *cancellable,
                                        GError               **error);
DmVector    *dm_vector_new             (const char    *path,
                                        const char    *driver);
guint        dm_geometry_count_vertices (OGRGeometryH   geometry);
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
