/* dm-overlay-paint.c: paints a scene onto an image surface in bands, on every core, as one dm_scene_draw would.
 *
 * Each band is a window onto the same pixels (a surface for its rows of
 * the caller's buffer) painted with the same view, moved up by a whole
 * number of pixels: every band builds the same paths, hatch anchors, dash
 * phases and label places as one pass would, and cairo only rasterises
 * the band's rows. What is duplicated is building the paths and laying out
 * the labels; what is split is the rasterising, which is most of a frame.
 * The caller's thread paints one band itself, so a painter with one thread
 * is just dm_scene_draw. */
#include "config.h"

#include "dm-overlay-paint.h"

struct _DmOverlayPainter
{
  guint        n_threads;
  GThreadPool *pool;       /* n_threads - 1 helpers, or NULL */
  GMutex       lock;
  GCond        done;
};

typedef struct
{
  DmOverlayPainter *painter;
  DmBandFunc        func;
  gpointer          func_data;
  guint8           *data;
  cairo_format_t    format;
  int               width, stride;
  gboolean          clear;
  int               y0, y1;   /* the band's rows, in device pixels */
  guint            *pending;  /* bands not finished, under painter->lock */
} Band;

typedef struct
{
  DmScene       *scene;
  const DmView  *view;
  int            scale;
  DmSceneLayers  layers;
} ScenePaint;

static void
paint_band (Band *band)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  if (band->y1 <= band->y0)
    return;
  surface = cairo_image_surface_create_for_data (band->data + (gsize) band->y0 * band->stride,
                                                 band->format, band->width,
                                                 band->y1 - band->y0, band->stride);
  cr = cairo_create (surface);
  if (band->clear)
    {
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    }
  cairo_translate (cr, 0, -band->y0);
  band->func (cr, band->func_data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
}

static void
paint_scene (cairo_t  *cr,
             gpointer  data)
{
  ScenePaint *paint = data;

  cairo_scale (cr, paint->scale, paint->scale);
  dm_scene_draw_layers (paint->scene, cr, paint->view, paint->layers);
}

static void
band_thread (gpointer data,
             gpointer user_data)
{
  Band *band = data;
  DmOverlayPainter *painter = band->painter;

  paint_band (band);
  g_mutex_lock (&painter->lock);
  if (--*band->pending == 0)
    g_cond_signal (&painter->done);
  g_mutex_unlock (&painter->lock);
}

/* n_threads 0: one per processor. */
DmOverlayPainter *
dm_overlay_painter_new (guint n_threads)
{
  DmOverlayPainter *painter = g_new0 (DmOverlayPainter, 1);

  painter->n_threads = n_threads > 0 ? n_threads : g_get_num_processors ();
  painter->n_threads = CLAMP (painter->n_threads, 1, 8);
  g_mutex_init (&painter->lock);
  g_cond_init (&painter->done);
  /* Threads of its own, kept: a frame cannot wait for a busy shared pool,
   * and each thread keeps pango's glyph cache warm between frames. */
  if (painter->n_threads > 1)
    painter->pool = g_thread_pool_new (band_thread, NULL, (int) painter->n_threads - 1, TRUE,
                                       NULL);
  return painter;
}

void
dm_overlay_painter_free (DmOverlayPainter *painter)
{
  if (painter == NULL)
    return;
  if (painter->pool != NULL)
    g_thread_pool_free (painter->pool, FALSE, TRUE);
  g_mutex_clear (&painter->lock);
  g_cond_clear (&painter->done);
  g_free (painter);
}

/* Paints func's picture onto surface (an image surface, ARGB32 or RGB24),
 * cleared first if clear, in bands; returns when every band is painted.
 * func runs on several threads at once. */
void
dm_overlay_painter_run (DmOverlayPainter *painter,
                        cairo_surface_t  *surface,
                        gboolean          clear,
                        DmBandFunc        func,
                        gpointer          data)
{
  int height = cairo_image_surface_get_height (surface);
  guint n = painter->n_threads;
  guint pending;
  Band bands[8];

  g_return_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE);

  cairo_surface_flush (surface);
  /* Bands thinner than this cost more in duplicated paths than they save. */
  n = MAX (1, MIN (n, (guint) height / 64));
  pending = n - 1;
  for (guint i = 0; i < n; i++)
    bands[i] = (Band) {
      painter, func, data, cairo_image_surface_get_data (surface),
      cairo_image_surface_get_format (surface), cairo_image_surface_get_width (surface),
      cairo_image_surface_get_stride (surface), clear,
      (int) ((gint64) height * i / n), (int) ((gint64) height * (i + 1) / n), &pending,
    };
  for (guint i = 1; i < n; i++)
    g_thread_pool_push (painter->pool, &bands[i], NULL);
  paint_band (&bands[0]);
  g_mutex_lock (&painter->lock);
  while (pending > 0)
    g_cond_wait (&painter->done, &painter->lock);
  g_mutex_unlock (&painter->lock);
  cairo_surface_mark_dirty (surface);
}

/* Clears surface (ARGB32, view->width × view->height at scale) and paints
 * those layers of the scene's view on it; returns when every band is
 * painted. The scene must not change meanwhile. */
void
dm_overlay_painter_paint (DmOverlayPainter *painter,
                          DmScene          *scene,
                          cairo_surface_t  *surface,
                          const DmView     *view,
                          int               scale,
                          DmSceneLayers     layers)
{
  ScenePaint paint = { scene, view, scale, layers };

  g_return_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32);
  dm_overlay_painter_run (painter, surface, TRUE, paint_scene, &paint);
}
