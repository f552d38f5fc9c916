/* dm-control.h: a control area: the Russian-held area inside Ukraine on one date. */
#pragma once

#include <gio/gio.h>

#include "dm-gdal.h"

G_BEGIN_DECLS

typedef struct
{
  char         *path;
  char         *date;   /* YYYY-MM-DD */
  char         *source; /* attribution shown in the app and exports */
  OGRGeometryH  geometry;
  guint         n_repaired;
} DmControlArea;

DmControlArea *dm_control_area_load       (const char    *path,
                                           const char    *date,
                                           GCancellable  *cancellable,
                                           GError       **error);
void           dm_control_area_free       (DmControlArea *control);
char          *dm_control_date_from_path  (const char    *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmControlArea, dm_control_area_free)

G_END_DECLS
