/* dm-days.h: DeepStateMap's line of contact for every archived day, opened one day at a time. */
#pragma once

#include <gio/gio.h>

#include "dm-control.h"

G_BEGIN_DECLS

typedef struct _DmDays DmDays;

/* Facts about the record, read from the file's own metadata. */
typedef enum
{
  DM_DAYS_NAME,    /* "DeepStateMap" */
  DM_DAYS_CREDIT,  /* what every map showing the line credits */
  DM_DAYS_WHAT,    /* what the polygon is */
  DM_DAYS_ORIGIN,  /* where it comes from */
  DM_DAYS_LICENCE,
  DM_DAYS_FIRST,   /* YYYY-MM-DD */
  DM_DAYS_LAST,
  DM_N_DAYS_FACTS
} DmDaysFact;

char          *dm_days_find_file  (const char    *geo_dir);
DmDays        *dm_days_open       (const char    *path,
                                   GError       **error);
DmDays        *dm_days_ref        (DmDays        *self);
void           dm_days_unref      (DmDays        *self);
const char    *dm_days_get_path   (DmDays        *self);
GPtrArray     *dm_days_get_dates  (DmDays        *self);
const char    *dm_days_get_fact   (DmDays        *self,
                                   DmDaysFact     fact);
DmControlArea *dm_days_load       (DmDays        *self,
                                   const char    *date,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmDays, dm_days_unref)

G_END_DECLS
