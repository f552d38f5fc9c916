/* dm-loader.h: loads data and derives partitions in worker threads, for the window. */
#pragma once

#include <gio/gio.h>

#include "dm-catalog.h"
#include "dm-geodata.h"
#include "dm-partition.h"

G_BEGIN_DECLS

/* The most derived days kept for a step back or forth. */
#define DM_LOADER_CACHE_DAYS 8

void          dm_loader_preload         (const char          *geo_dir);
void          dm_load_geodata_async     (const char          *geo_dir,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
DmGeodata    *dm_load_geodata_finish    (GAsyncResult        *result,
                                         GError             **error);

/* The days with a line of contact, bundled or imported: the only place in
 * the window that knows how the catalog lists and opens them. */
char        **dm_loader_dup_days        (DmCatalog           *catalog);
gboolean      dm_loader_has_day         (DmCatalog           *catalog,
                                         const char          *date);
void          dm_loader_add_day         (DmCatalog           *catalog,
                                         const char          *date,
                                         const char          *path);
void          dm_load_day_async         (DmCatalog           *catalog,
                                         DmGeodata           *geodata,
                                         const char          *date,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void          dm_loader_prefetch_days   (DmCatalog           *catalog,
                                         DmGeodata           *geodata,
                                         const char * const  *dates);
DmPartition  *dm_load_day_finish        (GAsyncResult        *result,
                                         GError             **error);
guint         dm_loader_get_n_cached_days (void);

G_END_DECLS
