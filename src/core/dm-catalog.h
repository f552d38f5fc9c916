/* dm-catalog.h: the proposals and control dates on offer: bundled, and the user's own. */
#pragma once

#include <gio/gio.h>

#include "dm-proposal.h"

G_BEGIN_DECLS

typedef struct
{
  char *date;
  char *path;
} DmControlInfo;

typedef struct _DmCatalog DmCatalog;

const char   *dm_data_dir                   (void);
char         *dm_user_proposals_dir         (void);

DmCatalog    *dm_catalog_new                (const char  *data_dir,
                                             const char  *user_dir,
                                             GError     **error);
DmCatalog    *dm_catalog_new_default        (GError     **error);
DmCatalog    *dm_catalog_ref                (DmCatalog   *self);
void          dm_catalog_unref              (DmCatalog   *self);
GPtrArray    *dm_catalog_get_proposals      (DmCatalog   *self);
DmProposal   *dm_catalog_find_proposal      (DmCatalog   *self,
                                             const char  *id);
GPtrArray    *dm_catalog_get_controls       (DmCatalog   *self);
const DmControlInfo *dm_catalog_find_control (DmCatalog  *self,
                                             const char  *date);
const DmControlInfo *dm_catalog_latest_control (DmCatalog *self);
void          dm_catalog_add_control        (DmCatalog   *self,
                                             const char  *date,
                                             const char  *path);
GPtrArray    *dm_catalog_get_problems       (DmCatalog   *self);
const char   *dm_catalog_get_geo_dir        (DmCatalog   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmCatalog, dm_catalog_unref)

G_END_DECLS
