/* dm-days.c: DeepStateMap's line of contact for every archived day, opened one day at a time.
 *
 * The record is one GeoPackage (tools/pack-days.c builds it from the
 * archive), one feature per day. Opening it reads only the dates and the
 * facts; a day's polygon is read by its row id when asked for, through a
 * dataset handle of the calling thread's own, as GDAL wants. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-days.h"
#include "dm-error.h"
#include "dm-gdal.h"

struct _DmDays
{
  gatomicrefcount  ref_count;
  char            *path;
  GPtrArray       *dates;  /* char *, oldest first */
  GHashTable      *fids;   /* date -> row id (GINT_TO_POINTER) */
  char            *facts[DM_N_DAYS_FACTS];
};

static const char * const fact_keys[DM_N_DAYS_FACTS] = {
  "NAME", "CREDIT", "WHAT", "ORIGIN", "LICENCE", "FIRST", "LAST",
};

DmDays *
dm_days_ref (DmDays *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dm_days_unref (DmDays *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->path);
  g_ptr_array_unref (self->dates);
  g_hash_table_unref (self->fids);
  for (guint i = 0; i < DM_N_DAYS_FACTS; i++)
    g_free (self->facts[i]);
  g_free (self);
}

/* The packed record is built into build/data and installed into geo/;
 * a data folder may carry its own copy. */
char *
dm_days_find_file (const char *geo_dir)
{
  char *path = g_build_filename (geo_dir, "deepstate-days.gpkg", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = g_build_filename (BUILD_DATADIR, "deepstate-days.gpkg", NULL);
    }
  return path;
}

static GDALDatasetH
open_dataset (const char  *path,
              GError     **error)
{
  const char *drivers[] = { "GPKG", NULL };
  GDALDatasetH ds;

  dm_gdal_init ();
  ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, NULL, NULL);
  if (ds == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, DM_ERROR, DM_ERROR_IO,
                   _("%s: the bundled line of contact cannot be opened (%s); rebuild "
                     "Demarcate or reinstall it"), display, dm_gdal_last_message ());
    }
  return ds;
}

DmDays *
dm_days_open (const char  *path,
              GError     **error)
{
  g_autoptr(DmDays) self = g_new0 (DmDays, 1);
  g_auto(DmGdalDataset) ds = NULL;
  OGRLayerH rows;
  OGRFeatureH row;

  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (path);
  self->dates = g_ptr_array_new_with_free_func (g_free);
  self->fids = g_hash_table_new (g_str_hash, g_str_equal);

  ds = open_dataset (path, error);
  if (ds == NULL)
    return NULL;
  for (guint i = 0; i < DM_N_DAYS_FACTS; i++)
    self->facts[i] = g_strdup (GDALGetMetadataItem (ds, fact_keys[i], NULL));

  rows = GDALDatasetExecuteSQL (ds, "SELECT fid, date FROM days ORDER BY date", NULL, NULL);
  while (rows != NULL && (row = OGR_L_GetNextFeature (rows)) != NULL)
    {
      char *date = g_strdup (OGR_F_GetFieldAsString (row, OGR_F_GetFieldIndex (row, "date")));

      g_ptr_array_add (self->dates, date);
      g_hash_table_insert (self->fids, date, GINT_TO_POINTER ((int) OGR_F_GetFID (row)));
      OGR_F_Destroy (row);
    }
  if (rows != NULL)
    GDALDatasetReleaseResultSet (ds, rows);

  if (self->dates->len == 0 || self->facts[DM_DAYS_CREDIT] == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, DM_ERROR, DM_ERROR_EMPTY,
                   _("%s holds no days of the line of contact, or not its credit; rebuild "
                     "Demarcate"), display);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
dm_days_get_path (DmDays *self)
{
  return self->path;
}

GPtrArray *
dm_days_get_dates (DmDays *self)
{
  return self->dates;
}

const char *
dm_days_get_fact (DmDays     *self,
                  DmDaysFact  fact)
{
  g_return_val_if_fail (fact < DM_N_DAYS_FACTS, NULL);
  return self->facts[fact];
}

static void
close_dataset (gpointer ds)
{
  if (ds != NULL)
    GDALClose (ds);
}

/* One handle per thread and file; a GeoPackage opens in about a
 * millisecond, which a day step should not pay every time. */
static GPrivate thread_dataset = G_PRIVATE_INIT (close_dataset);
static GPrivate thread_path = G_PRIVATE_INIT (g_free);

static GDALDatasetH
thread_dataset_for (const char  *path,
                    GError     **error)
{
  GDALDatasetH ds = g_private_get (&thread_dataset);

  if (ds != NULL && g_strcmp0 (g_private_get (&thread_path), path) == 0)
    return ds;
  ds = open_dataset (path, error);
  if (ds == NULL)
    return NULL;
  g_private_replace (&thread_dataset, ds);
  g_private_replace (&thread_path, g_strdup (path));
  return ds;
}

DmControlArea *
dm_days_load (DmDays        *self,
              const char    *date,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(DmControlArea) control = NULL;
  g_auto(DmOgrFeature) feature = NULL;
  gpointer fid;
  GDALDatasetH ds;
  OGRLayerH layer;

  if (!g_hash_table_lookup_extended (self->fids, date, NULL, &fid))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_NOT_FOUND,
                   _("%s: no DeepStateMap file for this day"), date);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  ds = thread_dataset_for (self->path, error);
  if (ds == NULL)
    return NULL;
  layer = GDALDatasetGetLayerByName (ds, "days");
  feature = layer != NULL ? OGR_L_GetFeature (layer, GPOINTER_TO_INT (fid)) : NULL;
  if (feature == NULL || OGR_F_GetGeometryRef (feature) == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_IO,
                   _("%s: the line of contact of %s cannot be read (%s); rebuild Demarcate"),
                   self->path, date, dm_gdal_last_message ());
      return NULL;
    }

  control = g_new0 (DmControlArea, 1);
  control->path = g_strdup (self->path);
  control->date = g_strdup (date);
  control->source = g_strdup (self->facts[DM_DAYS_CREDIT]);
  control->geometry = OGR_F_StealGeometry (feature);
  return g_steal_pointer (&control);
}
