/* dm-geodata.h: the bundled geography: oblasts, the five regions, and the basemap layers. */
#pragma once

#include <gio/gio.h>

#include "dm-shape.h"
#include "dm-types.h"
#include "dm-vector.h"

G_BEGIN_DECLS

typedef struct _DmGeodata DmGeodata;

#define DM_TYPE_GEODATA (dm_geodata_get_type ())
GType dm_geodata_get_type (void) G_GNUC_CONST;

typedef enum
{
  DM_LAYER_LAND,
  DM_LAYER_LAKES,
  DM_LAYER_RIVERS,
  DM_LAYER_BORDERS,
  DM_LAYER_OBLASTS,
  DM_LAYER_PLACES,
  DM_N_LAYERS
} DmLayer;

DmGeodata    *dm_geodata_load            (const char    *geo_dir,
                                          GCancellable  *cancellable,
                                          GError       **error);
DmGeodata    *dm_geodata_ref             (DmGeodata     *self);
void          dm_geodata_unref           (DmGeodata     *self);
DmVector     *dm_geodata_get_layer       (DmGeodata     *self,
                                          DmLayer        layer);
OGRGeometryH  dm_geodata_get_region      (DmGeodata     *self,
                                          DmRegion       region);
OGRGeometryH  dm_geodata_get_ukraine     (DmGeodata     *self);
OGRGeometryH  dm_geodata_get_coast_margin (DmGeodata    *self);
double        dm_geodata_get_region_area (DmGeodata     *self,
                                          DmRegion       region);

GPtrArray    *dm_geodata_get_shapes      (DmGeodata     *self,
                                          DmLayer        layer);
DmShape      *dm_geodata_get_region_shape (DmGeodata    *self,
                                          DmRegion       region);
GPtrArray    *dm_geodata_get_places      (DmGeodata     *self);
const char   *dm_geodata_get_cache_key   (DmGeodata     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmGeodata, dm_geodata_unref)

G_END_DECLS
