/* dm-shape.h: geometry projected once to Web Mercator and simplified per zoom band, for painting. */
#pragma once

#include <glib.h>

#include "dm-gdal.h"

G_BEGIN_DECLS

/* World coordinates: Web Mercator scaled to [0, 1] on both axes, y down, so
 * a pixel position at zoom z is world × 256 × 2^z. */
typedef struct
{
  GArray *xy;          /* double pairs */
  GArray *ring_sizes;  /* guint: points per ring or line */
} DmShapeLevel;

#define DM_SHAPE_N_LEVELS 4

typedef struct
{
  gatomicrefcount ref_count;
  gboolean        closed;  /* polygons: rings are closed and filled */
  double          min_x, min_y, max_x, max_y;
  DmShapeLevel    levels[DM_SHAPE_N_LEVELS];
  gsize           level_ready[DM_SHAPE_N_LEVELS];
  OGRGeometryH    world;   /* full detail in world coordinates, for lazy levels */
  double          label_x, label_y; /* a point inside, for labels */
} DmShape;

typedef struct
{
  char   *name;
  char   *name_uk;   /* GeoNames' name in Ukrainian, German, French, */
  char   *name_de;   /* Polish where it has one; else NULL */
  char   *name_fr;
  char   *name_pl;
  char   *oblast;
  guint   population;
  gboolean capital;
  double  x, y;        /* world coordinates */
  double  lon, lat;
} DmPlace;

void          dm_lonlat_to_world       (double        lon,
                                        double        lat,
                                        double       *x,
                                        double       *y);
void          dm_world_to_lonlat       (double        x,
                                        double        y,
                                        double       *lon,
                                        double       *lat);
DmShape      *dm_shape_new             (OGRGeometryH  lonlat);
void          dm_shape_unref           (DmShape      *shape);
const DmShapeLevel *dm_shape_get_level (const DmShape *shape,
                                        double         zoom);
gboolean      dm_shape_is_empty        (const DmShape *shape);
gboolean      dm_rings_contain         (GArray        *xy,
                                        GArray        *ring_sizes,
                                        double         x,
                                        double         y);
gboolean      dm_shape_contains        (const DmShape *shape,
                                        double         x,
                                        double         y);

GPtrArray    *dm_places_new            (GPtrArray    *features);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmShape, dm_shape_unref)

G_END_DECLS
