/* dm-loader.h: loads data and derives partitions in worker threads, for the window. */
#pragma once

#include <gio/gio.h>

#include "dm-catalog.h"
#include "dm-geodata.h"
#include "dm-partition.h"

G_BEGIN_DECLS

void          dm_loader_preload         (const char          *geo_dir);
void          dm_load_geodata_async     (const char          *geo_dir,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
DmGeodata    *dm_load_geodata_finish    (GAsyncResult        *result,
                                         GError             **error);
void          dm_load_partition_async   (DmGeodata           *geodata,
                                         DmCatalog           *catalog,
                                         const DmControlInfo *info,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
DmPartition  *dm_load_partition_finish  (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
