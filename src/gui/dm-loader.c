/* dm-loader.c: GTask wrappers so GDAL reads and GEOS overlays never block the main loop. */
#include "config.h"

#include "dm-control.h"
#include "dm-import.h"
#include "dm-loader.h"

static void
load_geodata_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  DmGeodata *geodata = dm_geodata_load (task_data, cancellable, &error);

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
  DmGeodata *geodata;
  char      *path;
  char      *date;
} PartitionJob;

static void
partition_job_free (gpointer data)
{
  PartitionJob *job = data;

  dm_geodata_unref (job->geodata);
  g_free (job->path);
  g_free (job->date);
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
  /* Through the importer, so zipped Shapefiles and KMZ work as well. */
  g_autoptr(DmImportedFile) file = dm_import_file (job->path, DM_IMPORT_CONTROL, cancellable,
                                                   &error);
  g_autoptr(DmControlArea) control = file ? dm_import_to_control (file, &error) : NULL;
  DmPartition *partition = NULL;

  if (control != NULL && job->date != NULL)
    {
      g_free (control->date);
      control->date = g_strdup (job->date);
    }

  if (control != NULL)
    partition = dm_partition_derive (job->geodata, control, cancellable, &error);
  if (partition == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, partition, (GDestroyNotify) dm_partition_unref);
}

void
dm_load_partition_async (DmGeodata           *geodata,
                         const char          *control_path,
                         const char          *date,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PartitionJob *job = g_new0 (PartitionJob, 1);

  job->geodata = dm_geodata_ref (geodata);
  job->path = g_strdup (control_path);
  job->date = g_strdup (date);
  g_task_set_source_tag (task, dm_load_partition_async);
  g_task_set_task_data (task, job, partition_job_free);
  g_task_run_in_thread (task, load_partition_thread);
}

DmPartition *
dm_load_partition_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
