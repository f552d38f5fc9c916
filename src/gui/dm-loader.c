/* dm-loader.c: GTask wrappers so GDAL reads and GEOS overlays never block the main loop. */
#include "config.h"

#include "dm-control.h"
#include "dm-loader.h"

/* Start-up: the bundled data and the latest line of contact are read in a
 * thread started first thing in main(), while GTK initialises and builds
 * the window; the window's own requests then wait for that work instead of
 * repeating it. */
static struct
{
  GMutex       lock;
  GCond        done_cond;
  gboolean     started, done;
  char        *geo_dir;
  DmGeodata   *geodata;
  DmPartition *partition; /* the latest bundled day */
} preload;

static gpointer
preload_thread (gpointer data)
{
  DmGeodata *geodata = dm_geodata_load (preload.geo_dir, NULL, NULL);
  g_autofree char *days_file = dm_days_find_file (preload.geo_dir);
  g_autoptr(DmDays) days = geodata ? dm_days_open (days_file, NULL) : NULL;
  GPtrArray *dates = days ? dm_days_get_dates (days) : NULL;
  g_autoptr(DmControlArea) control = dates ? dm_days_load (days, dates->pdata[dates->len - 1],
                                                           NULL, NULL) : NULL;
  DmPartition *partition = control ? dm_partition_derive (geodata, control, NULL, NULL) : NULL;

  g_mutex_lock (&preload.lock);
  preload.geodata = geodata;
  preload.partition = partition;
  preload.done = TRUE;
  g_cond_broadcast (&preload.done_cond);
  g_mutex_unlock (&preload.lock);
  return NULL;
}

void
dm_loader_preload (const char *geo_dir)
{
  g_mutex_lock (&preload.lock);
  if (!preload.started)
    {
      preload.started = TRUE;
      preload.geo_dir = g_strdup (geo_dir);
      g_thread_unref (g_thread_new ("dm-preload", preload_thread, NULL));
    }
  g_mutex_unlock (&preload.lock);
}

/* Waits for the preload if it covers this folder; errors are not kept: a
 * failed preload just means the request does the work itself and reports. */
static gboolean
wait_preload (const char *geo_dir)
{
  gboolean match;

  g_mutex_lock (&preload.lock);
  match = preload.started && g_strcmp0 (preload.geo_dir, geo_dir) == 0;
  while (match && !preload.done)
    g_cond_wait (&preload.done_cond, &preload.lock);
  g_mutex_unlock (&preload.lock);
  return match;
}

static DmGeodata *
take_preloaded_geodata (const char *geo_dir)
{
  DmGeodata *geodata = NULL;

  if (wait_preload (geo_dir))
    {
      g_mutex_lock (&preload.lock);
      if (preload.geodata != NULL)
        geodata = dm_geodata_ref (preload.geodata);
      g_mutex_unlock (&preload.lock);
    }
  return geodata;
}

static DmPartition *
take_preloaded_partition (DmGeodata  *geodata,
                          const char *path,
                          const char *date)
{
  DmPartition *partition = NULL;

  g_mutex_lock (&preload.lock);
  if (preload.done && preload.geodata == geodata && preload.partition != NULL && path == NULL &&
      g_strcmp0 (dm_partition_get_date (preload.partition), date) == 0)
    partition = dm_partition_ref (preload.partition);
  g_mutex_unlock (&preload.lock);
  return partition;
}

static void
load_geodata_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  DmGeodata *geodata = take_preloaded_geodata (task_data);

  if (geodata == NULL)
    geodata = dm_geodata_load (task_data, cancellable, &error);

  if (geodata == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, geodata, (GDestroyNotify) dm_geodata_unref);
}

void
dm_load_geodata_async (const char          *geo_dir,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, dm_load_geodata_async);
  g_task_set_task_data (task, g_strdup (geo_dir), g_free);
  g_task_run_in_thread (task, load_geodata_thread);
}

DmGeodata *
dm_load_geodata_finish (GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  DmGeodata     *geodata;
  DmCatalog     *catalog;
  DmControlInfo  info; /* a copy: imports may change the catalog's list meanwhile */
} PartitionJob;

static void
partition_job_free (gpointer data)
{
  PartitionJob *job = data;

  dm_geodata_unref (job->geodata);
  dm_catalog_unref (job->catalog);
  g_free (job->info.path);
  g_free (job->info.date);
  g_free (job);
}

static void
load_partition_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  PartitionJob *job = task_data;
  GError *error = NULL;
  g_autoptr(DmControlArea) control = NULL;
  DmPartition *partition = take_preloaded_partition (job->geodata, job->info.path,
                                                         job->info.date);

  if (partition != NULL)
    {
      g_task_return_pointer (task, partition, (GDestroyNotify) dm_partition_unref);
      return;
    }

  control = dm_catalog_load_control (job->catalog, &job->info, cancellable, &error);

  if (control != NULL)
    partition = dm_partition_derive (job->geodata, control, cancellable, &error);
  if (partition == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, partition, (GDestroyNotify) dm_partition_unref);
}

char **
dm_loader_dup_days (DmCatalog *catalog)
{
  GPtrArray *controls = dm_catalog_get_controls (catalog);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **days;

  for (guint i = 0; i < controls->len; i++)
    g_strv_builder_add (builder, ((DmControlInfo *) g_ptr_array_index (controls, i))->date);
  days = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return days;
}

gboolean
dm_loader_has_day (DmCatalog  *catalog,
                   const char *date)
{
  return date != NULL && dm_catalog_find_control (catalog, date) != NULL;
}

/* An imported control area becomes the line of contact of its date. */
void
dm_loader_add_day (DmCatalog  *catalog,
                   const char *date,
                   const char *path)
{
  dm_catalog_add_control (catalog, date, path);
}

/* The partition of a day the catalog knows; G_IO_ERROR_NOT_FOUND for
 * another day. */
void
dm_load_day_async (DmCatalog           *catalog,
                   DmGeodata           *geodata,
                   const char          *date,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  const DmControlInfo *info = date ? dm_catalog_find_control (catalog, date) : NULL;
  PartitionJob *job;

  g_task_set_source_tag (task, dm_load_day_async);
  if (info == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "No line of contact for %s", date ? date : "(none)");
      return;
    }
  job = g_new0 (PartitionJob, 1);
  job->geodata = dm_geodata_ref (geodata);
  job->catalog = dm_catalog_ref (catalog);
  job->info.path = g_strdup (info->path);
  job->info.date = g_strdup (info->date);
  g_task_set_task_data (task, job, partition_job_free);
  g_task_run_in_thread (task, load_partition_thread);
}

DmPartition *
dm_load_day_finish (GAsyncResult  *result,
                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
