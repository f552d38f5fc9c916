/* dm-loader.c: GTask wrappers so GDAL reads and GEOS overlays never block the main loop. */
#include "config.h"

#include "dm-control.h"
#include "dm-worker.h"
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
  dm_worker_run (task, load_geodata_thread);
}

DmGeodata *
dm_load_geodata_finish (GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Days are derived on at most two threads (this machine's cores), kept in
 * a small cache, and loaded ahead while playing: a day step then costs a
 * repaint, not GEOS. Everything here but the worker runs on the main
 * thread. A job is one day being derived; every request for that day
 * while it runs waits for it instead of deriving it again.
 *
 * A kept day holds about 0.8 MB (its parts as OGR geometry and as shapes,
 * bench-memory): DM_LOADER_CACHE_DAYS covers the day shown, the two
 * either side that a day key loads ahead, playback's four next frames and
 * a comparison's second day; 16 kept 7 MB more for days stepped past. */
#define MAX_RUNNING 2
#define CACHE_DAYS  DM_LOADER_CACHE_DAYS

typedef struct
{
  char          *key;      /* date, and the file for a day from a file */
  DmGeodata     *geodata;
  DmCatalog     *catalog;
  DmControlInfo  info;     /* a copy: imports may change the catalog's list meanwhile */
  GPtrArray     *waiters;  /* GTask: requests answered when it is done */
  gboolean       prefetch;
} Job;

typedef struct
{
  char        *key;
  DmGeodata   *geodata;
  DmPartition *partition;
} CacheEntry;

static GHashTable *jobs;     /* key -> Job, pending or running */
static GQueue      pending = G_QUEUE_INIT;
static guint       n_running;
static GQueue      cache = G_QUEUE_INIT; /* CacheEntry, most recent first */

static char *
job_key (const DmControlInfo *info)
{
  return g_strconcat (info->date, "\n", info->path ? info->path : "", NULL);
}

static void
job_free (Job *job)
{
  g_free (job->key);
  dm_geodata_unref (job->geodata);
  dm_catalog_unref (job->catalog);
  g_free (job->info.path);
  g_free (job->info.date);
  g_ptr_array_unref (job->waiters);
  g_free (job);
}

static void
cache_entry_free (CacheEntry *entry)
{
  g_free (entry->key);
  dm_geodata_unref (entry->geodata);
  dm_partition_unref (entry->partition);
  g_free (entry);
}

static DmPartition *
cache_lookup (DmGeodata  *geodata,
              const char *key)
{
  for (GList *l = cache.head; l != NULL; l = l->next)
    {
      CacheEntry *entry = l->data;

      if (entry->geodata == geodata && g_str_equal (entry->key, key))
        {
          g_queue_unlink (&cache, l);
          g_queue_push_head_link (&cache, l);
          return entry->partition;
        }
    }
  return NULL;
}

static void
cache_insert (DmGeodata   *geodata,
              const char  *key,
              DmPartition *partition)
{
  CacheEntry *entry;

  if (cache_lookup (geodata, key) != NULL)
    return;
  entry = g_new0 (CacheEntry, 1);
  entry->key = g_strdup (key);
  entry->geodata = dm_geodata_ref (geodata);
  entry->partition = dm_partition_ref (partition);
  g_queue_push_head (&cache, entry);
  while (cache.length > CACHE_DAYS)
    cache_entry_free (g_queue_pop_tail (&cache));
}

static void
derive_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  g_autoptr(DmControlArea) control = NULL;
  DmPartition *partition = take_preloaded_partition (job->geodata, job->info.path,
                                                     job->info.date);

  if (partition != NULL)
    {
      g_task_return_pointer (task, partition, (GDestroyNotify) dm_partition_unref);
      return;
    }
  control = dm_catalog_load_control (job->catalog, &job->info, NULL, &error);
  if (control != NULL)
    partition = dm_partition_derive (job->geodata, control, NULL, &error);
  if (partition == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, partition, (GDestroyNotify) dm_partition_unref);
}

static gboolean
anyone_waiting (Job *job)
{
  for (guint i = 0; i < job->waiters->len; i++)
    {
      GCancellable *cancellable = g_task_get_cancellable (g_ptr_array_index (job->waiters, i));

      if (!g_cancellable_is_cancelled (cancellable))
        return TRUE;
    }
  return FALSE;
}

static void start_next (void);

static void
derived_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPartition) partition = g_task_propagate_pointer (G_TASK (result), &error);

  n_running--;
  g_hash_table_remove (jobs, job->key);
  if (partition != NULL)
    cache_insert (job->geodata, job->key, partition);
  for (guint i = 0; i < job->waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (job->waiters, i);

      if (partition != NULL)
        g_task_return_pointer (waiter, dm_partition_ref (partition),
                               (GDestroyNotify) dm_partition_unref);
      else
        g_task_return_error (waiter, g_error_copy (error));
    }
  job_free (job);
  start_next ();
}

/* A request nobody waits for any more is dropped before it starts, so
 * scrubbing the slider derives the day it stops at, not every day passed. */
static void
start_next (void)
{
  while (n_running < MAX_RUNNING && !g_queue_is_empty (&pending))
    {
      Job *job = g_queue_pop_head (&pending);
      g_autoptr(GTask) task = NULL;

      if (!job->prefetch && !anyone_waiting (job))
        {
          for (guint i = 0; i < job->waiters->len; i++)
            g_task_return_error_if_cancelled (g_ptr_array_index (job->waiters, i));
          g_hash_table_remove (jobs, job->key);
          job_free (job);
          continue;
        }
      n_running++;
      task = g_task_new (NULL, NULL, derived_cb, job);
      g_task_set_task_data (task, job, NULL);
      dm_worker_run (task, derive_thread);
    }
}

/* The job for a day, queued if new. */
static Job *
job_for (DmCatalog           *catalog,
         DmGeodata           *geodata,
         const DmControlInfo *info,
         const char          *key)
{
  Job *job;

  if (jobs == NULL)
    jobs = g_hash_table_new (g_str_hash, g_str_equal);
  job = g_hash_table_lookup (jobs, key);
  if (job != NULL)
    return job;
  job = g_new0 (Job, 1);
  job->key = g_strdup (key);
  job->geodata = dm_geodata_ref (geodata);
  job->catalog = dm_catalog_ref (catalog);
  job->info.path = g_strdup (info->path);
  job->info.date = g_strdup (info->date);
  job->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_insert (jobs, job->key, job);
  g_queue_push_tail (&pending, job);
  return job;
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
 * another day. From the cache when it is there. */
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
  g_autofree char *key = NULL;
  DmPartition *cached;
  Job *job;

  g_task_set_source_tag (task, dm_load_day_async);
  if (info == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "No line of contact for %s", date ? date : "(none)");
      return;
    }
  key = job_key (info);
  cached = cache_lookup (geodata, key);
  if (cached != NULL)
    {
      g_task_return_pointer (task, dm_partition_ref (cached), (GDestroyNotify) dm_partition_unref);
      return;
    }
  job = job_for (catalog, geodata, info, key);
  /* Asked for now: ahead of days only loaded ahead. */
  if (job->prefetch && g_queue_find (&pending, job) != NULL)
    {
      g_queue_remove (&pending, job);
      g_queue_push_head (&pending, job);
    }
  g_ptr_array_add (job->waiters, g_steal_pointer (&task));
  start_next ();
}

/* Loads these days ahead into the cache (playback's next frames); a
 * previous request's days not started yet are forgotten. */
void
dm_loader_prefetch_days (DmCatalog          *catalog,
                         DmGeodata          *geodata,
                         const char * const *dates)
{
  for (GList *l = pending.head; l != NULL;)
    {
      GList *next = l->next;
      Job *job = l->data;

      if (job->prefetch && job->waiters->len == 0)
        {
          g_queue_delete_link (&pending, l);
          g_hash_table_remove (jobs, job->key);
          job_free (job);
        }
      l = next;
    }
  for (guint i = 0; dates != NULL && dates[i] != NULL; i++)
    {
      const DmControlInfo *info = dm_catalog_find_control (catalog, dates[i]);
      g_autofree char *key = info ? job_key (info) : NULL;

      if (info == NULL || cache_lookup (geodata, key) != NULL)
        continue;
      job_for (catalog, geodata, info, key)->prefetch = TRUE;
    }
  start_next ();
}

/* How many days the cache holds now. */
guint
dm_loader_get_n_cached_days (void)
{
  return cache.length;
}

DmPartition *
dm_load_day_finish (GAsyncResult  *result,
                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
