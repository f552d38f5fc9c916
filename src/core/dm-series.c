/* dm-series.c: a proposal's per-part table for every day of a range, computed on every core.
 *
 * Each day is independent: load its line, derive the partition, measure.
 * A pool of worker threads takes the days in order and writes each result
 * into its own slot, so the output keeps date order whatever finishes
 * first, and no partition outlives its day (memory stays flat). */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-error.h"
#include "dm-geom.h"
#include "dm-partition.h"
#include "dm-series.h"
#include "dm-stats.h"

typedef struct
{
  DmCatalog    *catalog;
  DmGeodata    *geodata;
  DmScenario   *scenario;
  GPtrArray    *days;     /* const DmControlInfo *, borrowed */
  GPtrArray    *results;  /* DmSeriesDay *, one slot per day */
  GCancellable *cancellable;
  GMutex        lock;
  GError       *error;    /* the first failure; the others are dropped */
} Run;

static void
series_day_free (gpointer data)
{
  DmSeriesDay *day = data;

  /* A cancelled run leaves the days it never reached empty. */
  if (day == NULL)
    return;
  g_free (day->date);
  g_clear_pointer (&day->rows, g_array_unref);
  g_free (day);
}

/* The days of the record from `from` to `to`, both included, and every
 * Nth of them counting from the first. */
GPtrArray *
dm_series_days (DmCatalog   *catalog,
                const char  *from,
                const char  *to,
                guint        every,
                GError     **error)
{
  GPtrArray *controls = dm_catalog_get_controls (catalog);
  GPtrArray *days;
  guint n = 0;

  if (dm_catalog_resolve_date (catalog, from, NULL, error) == NULL ||
      dm_catalog_resolve_date (catalog, to, NULL, error) == NULL)
    return NULL;
  if (strcmp (from, to) > 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("--from %s is after --to %s"), from, to);
      return NULL;
    }
  if (every == 0)
    every = 1;

  days = g_ptr_array_new ();
  for (guint i = 0; i < controls->len; i++)
    {
      const DmControlInfo *info = g_ptr_array_index (controls, i);

      if (strcmp (info->date, from) < 0 || strcmp (info->date, to) > 0)
        continue;
      if (n++ % every == 0)
        g_ptr_array_add (days, (gpointer) info);
    }
  return days;
}

static void
set_error (Run    *run,
           GError *error)
{
  g_mutex_lock (&run->lock);
  if (run->error == NULL)
    run->error = error;
  else
    g_error_free (error);
  g_mutex_unlock (&run->lock);
  /* One failure ends the run: the rest would be thrown away. */
  g_cancellable_cancel (run->cancellable);
}

/* The caller's cancellable cancels the run's own. */
static void
forward_cancel_cb (GCancellable *cancellable,
                   gpointer      own)
{
  g_cancellable_cancel (own);
}

static void
compute_day (gpointer data,
             gpointer user_data)
{
  Run *run = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;
  const DmControlInfo *info = g_ptr_array_index (run->days, index);
  g_autoptr(DmControlArea) control = NULL;
  g_autoptr(DmPartition) partition = NULL;
  GError *error = NULL;
  DmSeriesDay *day;

  if (g_cancellable_is_cancelled (run->cancellable))
    return;
  control = dm_catalog_load_control (run->catalog, info, run->cancellable, &error);
  if (control != NULL)
    partition = dm_partition_derive_areas (run->geodata, control, run->cancellable, &error);
  if (partition == NULL)
    {
      set_error (run, error);
      return;
    }

  day = g_new0 (DmSeriesDay, 1);
  day->date = g_strdup (info->date);
  day->rows = dm_stats_rows (partition, run->scenario);
  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    day->occupied_km2 += dm_partition_get_area (partition, r, DM_PART_RUSSIAN_HELD);
  /* Each worker writes only its own slot. */
  g_ptr_array_index (run->results, index) = day;
}

/* n_threads 0: one per processor. */
GPtrArray *
dm_series_compute (DmCatalog     *catalog,
                   DmGeodata     *geodata,
                   DmScenario    *scenario,
                   GPtrArray     *days,
                   guint          n_threads,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GCancellable) own = g_cancellable_new ();
  Run run = { catalog, geodata, scenario, days, NULL, own, { 0 }, NULL };
  GThreadPool *pool;
  gulong forward = 0;

  g_mutex_init (&run.lock);
  run.results = g_ptr_array_new_full (days->len, series_day_free);
  g_ptr_array_set_size (run.results, days->len);
  if (cancellable != NULL)
    forward = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel_cb), own, NULL);

  pool = g_thread_pool_new (compute_day, &run,
                            n_threads > 0 ? (int) n_threads : (int) g_get_num_processors (),
                            TRUE, NULL);
  for (guint i = 0; i < days->len; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, forward);
  g_mutex_clear (&run.lock);
  if (run.error == NULL)
    g_cancellable_set_error_if_cancelled (cancellable, &run.error);
  if (run.error != NULL)
    {
      g_propagate_error (error, run.error);
      g_ptr_array_unref (run.results);
      return NULL;
    }
  return run.results;
}
