/* dm-gdal.h: GDAL/OGR set-up and scope-bound cleanup for its handles. */
#pragma once

#include <glib.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

G_BEGIN_DECLS

typedef OGRGeometryH DmOgrGeometry;
typedef OGRSpatialReferenceH DmOgrSrs;
typedef OGRCoordinateTransformationH DmOgrTransform;
typedef GDALDatasetH DmGdalDataset;
typedef OGRFeatureH DmOgrFeature;

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (DmOgrGeometry, OGR_G_DestroyGeometry, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (DmOgrSrs, OSRRelease, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (DmOgrTransform, OCTDestroyCoordinateTransformation, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (DmGdalDataset, GDALClose, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (DmOgrFeature, OGR_F_Destroy, NULL)

void          dm_gdal_init            (void);
DmOgrSrs      dm_srs_new_wgs84        (void);
DmOgrSrs      dm_srs_new_equal_area   (void);
const char   *dm_gdal_last_message    (void);

G_END_DECLS
