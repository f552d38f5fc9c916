/* dm-control-update.h: fetches, on request, the DeepStateMap days newer than the app has. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The public archive's raw-file folder; files are deepstatemap_data_YYYYMMDD.geojson. */
#define DM_CONTROL_UPDATE_DEFAULT_URL \
  "https://raw.githubusercontent.com/cyterat/deepstate-map-data/main/data/"

/* A published day is about 80 KB; anything past this is not one. */
#define DM_CONTROL_UPDATE_MAX_BYTES ((goffset) 16 * 1024 * 1024)

typedef enum
{
  DM_CONTROL_DAY_STORED,  /* fetched, checked and stored */
  DM_CONTROL_DAY_MISSING, /* the server has no file for the day (HTTP 404) */
  DM_CONTROL_DAY_REFUSED, /* fetched but failed the checks; not stored */
} DmControlDayOutcome;

/* One day the update asked the server for. */
typedef struct
{
  char                *date;    /* YYYY-MM-DD */
  char                *url;
  DmControlDayOutcome  outcome;
  char                *path;    /* the stored file when DM_CONTROL_DAY_STORED, else NULL */
  char                *message; /* what was wrong when DM_CONTROL_DAY_REFUSED, else NULL */
} DmControlDay;

#define DM_TYPE_CONTROL_DAY (dm_control_day_get_type ())

GType         dm_control_day_get_type (void) G_GNUC_CONST;
DmControlDay *dm_control_day_copy     (const DmControlDay *day);
void          dm_control_day_free     (DmControlDay       *day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmControlDay, dm_control_day_free)

char         *dm_control_update_file_name  (const char *date);
char         *dm_control_dir_latest_date   (const char *dir);
char         *dm_control_update_today      (void);

#define DM_TYPE_CONTROL_UPDATE (dm_control_update_get_type ())

G_DECLARE_FINAL_TYPE (DmControlUpdate, dm_control_update, DM, CONTROL_UPDATE, GObject)

DmControlUpdate *dm_control_update_new           (const char       *base_url,
                                                  const char       *after,
                                                  const char       *last,
                                                  const char       *dest_dir,
                                                  GError          **error);
void             dm_control_update_set_max_bytes (DmControlUpdate  *self,
                                                  goffset           max_bytes);
const char      *dm_control_update_get_base_url  (DmControlUpdate  *self);
const char      *dm_control_update_get_first     (DmControlUpdate  *self);
const char      *dm_control_update_get_last      (DmControlUpdate  *self);
const char      *dm_control_update_get_dest_dir  (DmControlUpdate  *self);
guint            dm_control_update_get_n_total   (DmControlUpdate  *self);
guint            dm_control_update_get_n_checked (DmControlUpdate  *self);
guint            dm_control_update_get_n_stored  (DmControlUpdate  *self);
guint            dm_control_update_get_n_missing (DmControlUpdate  *self);
guint            dm_control_update_get_n_refused (DmControlUpdate  *self);
GPtrArray       *dm_control_update_get_days      (DmControlUpdate  *self);
void             dm_control_update_run_async     (DmControlUpdate     *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean         dm_control_update_run_finish    (DmControlUpdate     *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
