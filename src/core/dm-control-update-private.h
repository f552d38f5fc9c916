/* dm-control-update-private.h: what DmControlUpdate hands the worker thread that fetches the days. */
#pragma once

#include "dm-control-update.h"

G_BEGIN_DECLS

/* A copy of the object's settings, so the thread never reads the object. */
typedef struct
{
  char    *base_url; /* ends with '/' */
  char    *dest_dir;
  GDate    first;
  guint    n_days;
  goffset  max_bytes;
} DmUpdateJob;

/* Called in the worker thread for each day, in date order; takes the day. */
typedef void (*DmUpdateDayFunc) (DmControlDay *day,
                                 gpointer      user_data);

gboolean _dm_control_update_fetch (const DmUpdateJob  *job,
                                   DmUpdateDayFunc     day_func,
                                   gpointer            user_data,
                                   GCancellable       *cancellable,
                                   GError            **error);

G_END_DECLS
