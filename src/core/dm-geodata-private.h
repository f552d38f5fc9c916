/* dm-geodata-private.h: DmGeodata's fields, shared with its cache (dm-geodata-cache.c). */
#pragma once

#include <gio/gio.h>

#include "dm-geodata.h"

G_BEGIN_DECLS

struct _DmGeodata
{
  gatomicrefcount  ref_count;
  char            *dir;
  char            *cache_key;           /* the inputs, for caches of what is derived */
  DmVector        *layers[DM_N_LAYERS];
  OGRGeometryH     regions[DM_N_REGIONS];
  double           region_area[DM_N_REGIONS];
  OGRGeometryH     ukraine;
  GPtrArray       *shapes[DM_N_LAYERS]; /* DmShape per feature, same order */
  DmShape         *region_shapes[DM_N_REGIONS];
  GPtrArray       *places;              /* DmPlace, largest first */

  /* What every partition needs and no day changes, made on first use. */
  GMutex           derived_lock;
  OGRGeometryH     coast_margin;        /* Ukraine's border and coast, ~2 km wide */
};

/* What the geography's cache entry holds: (layers, regions, region
 * areas, Ukraine, coast margin), each layer (file, reprojected,
 * repaired, vertices, driver, [(index, wkb, fields)]). */
#define DM_GEODATA_CACHE_LAYER_TYPE "(sbuusa(uaya{ss}))"
#define DM_GEODATA_CACHE_TYPE       "(a" DM_GEODATA_CACHE_LAYER_TYPE "aayadayay)"

/* The layers' files, in DmLayer order. */
const char *_dm_geodata_layer_file       (DmLayer     layer);
char       *_dm_geodata_cache_key        (const char *geo_dir);
gboolean    _dm_geodata_load_cached      (DmGeodata  *self);
gboolean    _dm_geodata_decode_cached    (DmGeodata  *self,
                                          GVariant   *value);
DmGeodata  *_dm_geodata_new_from_cached  (const char *geo_dir,
                                          GVariant   *value);
void        _dm_geodata_store_cached     (DmGeodata  *self);

G_END_DECLS
