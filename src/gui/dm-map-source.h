/* dm-map-source.h: the offline basemap as a libshumate map source, painted from bundled data. */
#pragma once

#include <shumate/shumate.h>

#include "dm-basemap.h"
#include "dm-geodata.h"

G_BEGIN_DECLS

#define DM_TYPE_MAP_SOURCE (dm_map_source_get_type ())
G_DECLARE_FINAL_TYPE (DmMapSource, dm_map_source, DM, MAP_SOURCE, ShumateMapSource)

DmMapSource *dm_map_source_new        (DmGeodata      *geodata,
                                       DmBasemapStyle  style);

G_END_DECLS
