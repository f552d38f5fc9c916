/* dm-basemap.h: the offline basemap painter: sea, land, lakes, rivers, borders. */
#pragma once

#include <cairo.h>

#include "dm-geodata.h"
#include "dm-view.h"

G_BEGIN_DECLS

typedef enum
{
  DM_BASEMAP_LIGHT,
  DM_BASEMAP_DARK,
} DmBasemapStyle;

void  dm_basemap_draw       (DmGeodata      *geodata,
                             cairo_t        *cr,
                             const DmView   *view,
                             DmBasemapStyle  style);
void  dm_basemap_draw_tile  (DmGeodata      *geodata,
                             cairo_t        *cr,
                             int             zoom,
                             int             x,
                             int             y,
                             int             tile_size,
                             DmBasemapStyle  style);

G_END_DECLS
