/* dm-geom.h: geometry operations the core needs, in GEOS through OGR. */
#pragma once

#include "dm-gdal.h"

G_BEGIN_DECLS

double        dm_geom_area_km2         (OGRGeometryH geometry);
OGRGeometryH  dm_geom_make_valid       (OGRGeometryH geometry);
OGRGeometryH  dm_geom_polygonal        (OGRGeometryH geometry);
OGRGeometryH  dm_geom_intersection     (OGRGeometryH a,
                                        OGRGeometryH b);
OGRGeometryH  dm_geom_difference       (OGRGeometryH a,
                                        OGRGeometryH b);
gboolean      dm_geom_contains_lonlat  (OGRGeometryH geometry,
                                        double       lon,
                                        double       lat);

G_END_DECLS
