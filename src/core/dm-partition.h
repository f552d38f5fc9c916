/* dm-partition.h: each region split into its Russian-held and Ukrainian-held part. */
#pragma once

#include <gio/gio.h>

#include "dm-control.h"
#include "dm-geodata.h"
#include "dm-shape.h"
#include "dm-types.h"

G_BEGIN_DECLS

typedef struct _DmPartition DmPartition;

#define DM_TYPE_PARTITION (dm_partition_get_type ())
GType dm_partition_get_type (void) G_GNUC_CONST;

DmPartition  *dm_partition_derive        (DmGeodata     *geodata,
                                          DmControlArea *control,
                                          GCancellable  *cancellable,
                                          GError       **error);
/* A day's cache entry: (control, enclosed km², [(part, km²)] by region
 * then part, line of contact). */
#define DM_PARTITION_CACHE_TYPE "(ayda(ayd)ay)"
DmPartition  *_dm_partition_new_from_cached (GVariant    *value);
DmPartition  *dm_partition_derive_areas  (DmGeodata     *geodata,
                                          DmControlArea *control,
                                          GCancellable  *cancellable,
                                          GError       **error);
DmPartition  *dm_partition_ref           (DmPartition   *self);
void          dm_partition_unref         (DmPartition   *self);
const char   *dm_partition_get_date      (DmPartition   *self);
const char   *dm_partition_get_source    (DmPartition   *self);
OGRGeometryH  dm_partition_get_geometry  (DmPartition   *self,
                                          DmRegion       region,
                                          DmPart         part);
double        dm_partition_get_area      (DmPartition   *self,
                                          DmRegion       region,
                                          DmPart         part);
OGRGeometryH  dm_partition_get_control   (DmPartition   *self);
double        dm_partition_get_enclosed_area (DmPartition *self);
gboolean      dm_partition_has_part      (DmPartition   *self,
                                          DmRegion       region,
                                          DmPart         part);
gboolean      dm_partition_is_sliver     (DmPartition   *self,
                                          DmRegion       region,
                                          DmPart         part);

DmShape      *dm_partition_get_shape     (DmPartition   *self,
                                          DmRegion       region,
                                          DmPart         part);
DmShape      *dm_partition_get_front     (DmPartition   *self);
OGRGeometryH  dm_partition_get_front_geometry (DmPartition *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmPartition, dm_partition_unref)

G_END_DECLS
