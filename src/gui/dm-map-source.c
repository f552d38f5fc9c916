/* dm-map-source.c: paints basemap tiles in worker threads with the shared render code. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-map-source.h"
#include "dm-worker.h"

struct _DmMapSource
{
  ShumateMapSource  parent_instance;
  DmGeodata        *geodata;
  DmBasemapStyle    style;
};

G_DEFINE_FINAL_TYPE (DmMapSource, dm_map_source, SHUMATE_TYPE_MAP_SOURCE)

typedef struct
{
  int      zoom, x, y, size;
  GBytes  *pixels;
} TileJob;

static void
tile_job_free (gpointer data)
{
  TileJob *job = data;

  g_clear_pointer (&job->pixels, g_bytes_unref);
  g_free (job);
}

/* Runs in a worker thread: DmGeodata is read-only once loaded, and the
 * cairo surface is the thread's own. */
static void
paint_tile_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  DmMapSource *self = source;
  TileJob *job = task_data;
  cairo_surface_t *surface;
  cairo_t *cr;
  int stride;

  if (g_task_return_error_if_cancelled (task))
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->size, job->size);
  cr = cairo_create (surface);
  dm_basemap_draw_tile (self->geodata, cr, job->zoom, job->x, job->y, job->size, self->style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  job->pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                            (gsize) stride * job->size,
                                            (GDestroyNotify) cairo_surface_destroy, surface);
  g_task_return_boolean (task, TRUE);
}

static void
tile_painted_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  ShumateTile *tile = g_task_get_task_data (outer);
  TileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  /* cairo's ARGB32 is premultiplied BGRA in memory on little-endian, which is
   * GDK_MEMORY_DEFAULT; on big-endian it is ARGB. */
  texture = gdk_memory_texture_new (job->size, job->size, GDK_MEMORY_DEFAULT, job->pixels,
                                    cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, job->size));
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (outer, TRUE);
}

static void
dm_map_source_fill_tile_async (ShumateMapSource    *source,
                               ShumateTile         *tile,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  DmMapSource *self = DM_MAP_SOURCE (source);
  GTask *outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) inner = g_task_new (self, cancellable, tile_painted_cb, outer);
  TileJob *job = g_new0 (TileJob, 1);

  g_task_set_task_data (outer, g_object_ref (tile), g_object_unref);
  job->zoom = shumate_tile_get_zoom_level (tile);
  job->x = shumate_tile_get_x (tile);
  job->y = shumate_tile_get_y (tile);
  job->size = shumate_tile_get_size (tile);
  g_task_set_task_data (inner, job, tile_job_free);
  dm_worker_run (inner, paint_tile_thread);
}

static gboolean
dm_map_source_fill_tile_finish (ShumateMapSource  *source,
                                GAsyncResult      *result,
                                GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
dm_map_source_finalize (GObject *object)
{
  DmMapSource *self = DM_MAP_SOURCE (object);

  g_clear_pointer (&self->geodata, dm_geodata_unref);
  G_OBJECT_CLASS (dm_map_source_parent_class)->finalize (object);
}

static void
dm_map_source_class_init (DmMapSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->finalize = dm_map_source_finalize;
  source_class->fill_tile_async = dm_map_source_fill_tile_async;
  source_class->fill_tile_finish = dm_map_source_fill_tile_finish;
}

static void
dm_map_source_init (DmMapSource *self)
{
}

DmMapSource *
dm_map_source_new (DmGeodata      *geodata,
                   DmBasemapStyle  style)
{
  DmMapSource *self = g_object_new (DM_TYPE_MAP_SOURCE,
                                    "id", style == DM_BASEMAP_DARK ? "demarcate-dark"
                                                                   : "demarcate-light",
                                    "name", _("Offline basemap"),
                                    "license", _("Natural Earth (public domain) · "
                                                 "GeoNames (CC BY 4.0)"),
                                    "min-zoom-level", 3,
                                    "max-zoom-level", 14,
                                    "tile-size", 256,
                                    "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                                    NULL);

  self->geodata = dm_geodata_ref (geodata);
  self->style = style;
  return self;
}
