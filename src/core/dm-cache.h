/* dm-cache.h: derived geometry kept between runs in the user's cache folder, valid only for the inputs it came from. */
#pragma once

#include <glib.h>

#include "dm-gdal.h"

G_BEGIN_DECLS

/* A cached value is a GVariant stored with its key; it is found by the
 * key's checksum and used only if the stored key is the same string, so a
 * key must name everything the value was derived from. */
char        *dm_cache_get_dir          (void);
char        *dm_cache_key_for_files    (const char          *dir,
                                        const char * const  *names);
GVariant    *dm_cache_load             (const char          *kind,
                                        const char          *key,
                                        const GVariantType  *type);
gboolean     dm_cache_store            (const char          *kind,
                                        const char          *key,
                                        GVariant            *value,
                                        guint                max_entries);

GVariant    *dm_cache_geometry_to_variant   (OGRGeometryH  geometry);
OGRGeometryH dm_cache_geometry_from_variant (GVariant     *wkb,
                                             gboolean     *ok);

G_END_DECLS
