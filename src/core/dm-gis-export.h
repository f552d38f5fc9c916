/* dm-gis-export.h: a scenario on one day as GIS data (GeoJSON or GeoPackage), through GDAL. */
#pragma once

#include <gio/gio.h>

#include "dm-partition.h"
#include "dm-scenario.h"

G_BEGIN_DECLS

typedef enum
{
  DM_GIS_GEOJSON,
  DM_GIS_GPKG,
} DmGisFormat;

gboolean  dm_gis_format_from_string (const char   *name_or_path,
                                     DmGisFormat  *out);
gboolean  dm_gis_export             (DmPartition  *partition,
                                     DmScenario   *scenario,
                                     DmGisFormat   format,
                                     const char   *path,
                                     GError      **error);

G_END_DECLS
