/* dm-catalog.h: the proposals and days of the line of contact on offer: bundled, and the user's own. */
#pragma once

#include <gio/gio.h>

#include "dm-control.h"
#include "dm-days.h"
#include "dm-proposal.h"

G_BEGIN_DECLS

/* One day of the line of contact: a day of the bundled DeepStateMap record
 * (path NULL), or a file: fetched, imported, or given with --control. */
typedef struct
{
  char *date;
  char *path;
} DmControlInfo;

/* Proposal files read from the user's folder at start-up; each is also
 * bounded by DM_JSON_MAX_BYTES. README's "Limits" lists it. */
#define DM_CATALOG_MAX_USER_PROPOSALS 200

typedef struct _DmCatalog DmCatalog;

const char   *dm_data_dir                   (void);
char         *dm_user_proposals_dir         (void);
char         *dm_user_control_dir           (void);

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
const DmControlInfo *dm_catalog_resolve_date (DmCatalog  *self,
                                             const char  *date,
                                             char       **note,
                                             GError     **error);
char         *dm_catalog_proposal_day       (DmCatalog   *self,
                                             DmProposal  *proposal,
                                             GError     **error);
DmControlArea *dm_catalog_load_control      (DmCatalog            *self,
                                             const DmControlInfo  *info,
                                             GCancellable         *cancellable,
                                             GError              **error);
DmDays       *dm_catalog_get_days           (DmCatalog   *self);
void          dm_catalog_add_control        (DmCatalog   *self,
                                             const char  *date,
                                             const char  *path);
GPtrArray    *dm_catalog_get_problems       (DmCatalog   *self);
const char   *dm_catalog_get_geo_dir        (DmCatalog   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmCatalog, dm_catalog_unref)

G_END_DECLS
