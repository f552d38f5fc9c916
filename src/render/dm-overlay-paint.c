/* dm-overlay-paint.c: paints a scene onto an image surface in bands, on every core, as one dm_scene_draw would.
 *
 * Each band is a window onto the same pixels (a surface for its rows of
 * the caller's buffer) painted with the same view, moved up by a whole
 * number of pixels: every band builds the same paths, hatch anchors, dash
 * phases and label places as one pass would, and cairo only rasterises
 * the band's rows. What is duplicated is building the paths and laying out
 * the labels; what is split is the rasterising, which is most of a frame.
 * The caller's thread paints one band itself, so a painter with one thread
 * is just dm_scene_draw. Where the bands split moves from picture to
 * picture (by the processor time each band took), so that each takes
 * the same time: a view's shapes crowd some rows more than others. */
#include "config.h"

#include <string.h>
#include <time.h>

#include "dm-overlay-paint.h"

#define MAX_BANDS 8
/* Where bands split, remembered per kind of picture (what the scene's
 * layers were; 0 for any other painter). */
#define N_SLOTS (DM_SCENE_ALL + 1)

struct _DmOverlayPainter
{
  guint        n_threads;
  GThreadPool *pool;       /* n_threads - 1 helpers, or NULL */
  GMutex       lock;
  GCond        done;
  /* Band edges as fractions of the height, moved after each picture so
   * the bands take equal time: shapes crowd the middle of a view, names
   * its edges. n_edges is the band count they are for (0: even). */
  double       edges[N_SLOTS][MAX_BANDS + 1];
  guint        n_edges[N_SLOTS];
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
  double            cpu_ms;   /* the painting thread's time on it */
} Band;

typedef struct
{
  DmScene       *scene;
  const DmView  *view;
  int            scale;
  DmSceneLayers  layers;
} ScenePaint;

/* This thread's processor time: what a band cost, whoever else ran. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
paint_band (Band *band)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double t0 = thread_cpu_ms ();

  if (band->y1 <= band->y0)
    return;
  /* The band's rows are one run of the buffer: cleared in one memset,
   * which glibc does faster than pixman's fill of the same bytes. */
  if (band->clear)
    memset (band->data + (gsize) band->y0 * band->stride, 0,
            (gsize) (band->y1 - band->y0) * band->stride);
  surface = cairo_image_surface_create_for_data (band->data + (gsize) band->y0 * band->stride,
                                                 band->format, band->width,
                                                 band->y1 - band->y0, band->stride);
  cr = cairo_create (surface);
  cairo_translate (cr, 0, -band->y0);
  band->func (cr, band->func_data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
  band->cpu_ms = thread_cpu_ms () - t0;
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
  painter->n_threads = CLAMP (painter->n_threads, 1, MAX_BANDS);
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

/* Moves the band edges of slot so that, were each band's cost spread
 * evenly over its rows, every band would have cost the same; halfway
 * there, so one disturbed picture does not swing them. */
static void
balance (DmOverlayPainter *painter,
         guint             slot,
         const Band       *bands,
         guint             n)
{
  double *edges = painter->edges[slot];
  double cost[MAX_BANDS], moved[MAX_BANDS + 1];
  double total = 0, done = 0, min_rows = 1.0 / (4 * n);
  guint band = 0;

  for (guint i = 0; i < n; i++)
    total += cost[i] = MAX (bands[i].cpu_ms, 1e-3);
  moved[0] = 0;
  moved[n] = 1;
  for (guint k = 1; k < n; k++)
    {
      /* The height at which the cost so far reaches k bands' share. */
      double want = total * k / n;

      while (band + 1 < n && done + cost[band] < want)
        done += cost[band++];
      moved[k] = edges[band] + (edges[band + 1] - edges[band]) * (want - done) / cost[band];
    }
  for (guint k = 1; k < n; k++)
    {
      /* No band thinner than a quarter of an even share. */
      edges[k] = CLAMP ((edges[k] + moved[k]) / 2, edges[k - 1] + min_rows,
                        1.0 - (n - k) * min_rows);
    }
}

static void
run (DmOverlayPainter *painter,
     guint             slot,
     cairo_surface_t  *surface,
     gboolean          clear,
     DmBandFunc        func,
     gpointer          data)
{
  int height = cairo_image_surface_get_height (surface);
  guint n = painter->n_threads;
  guint pending;
  Band bands[MAX_BANDS];
  double *edges = painter->edges[slot];

  g_return_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE);

  cairo_surface_flush (surface);
  /* Bands thinner than this cost more in duplicated paths than they save. */
  n = MAX (1, MIN (n, (guint) height / 64));
  if (painter->n_edges[slot] != n)
    {
      for (guint i = 0; i <= n; i++)
        edges[i] = (double) i / n;
      painter->n_edges[slot] = n;
    }
  pending = n - 1;
  for (guint i = 0; i < n; i++)
    bands[i] = (Band) {
      painter, func, data, cairo_image_surface_get_data (surface),
      cairo_image_surface_get_format (surface), cairo_image_surface_get_width (surface),
      cairo_image_surface_get_stride (surface), clear,
      i == 0 ? 0 : (int) round (height * edges[i]),
      i + 1 == n ? height : (int) round (height * edges[i + 1]), &pending, 0,
    };
  for (guint i = 1; i < n; i++)
    g_thread_pool_push (painter->pool, &bands[i], NULL);
  paint_band (&bands[0]);
  g_mutex_lock (&painter->lock);
  while (pending > 0)
    g_cond_wait (&painter->done, &painter->lock);
  g_mutex_unlock (&painter->lock);
  cairo_surface_mark_dirty (surface);
  if (n > 1)
    balance (painter, slot, bands, n);
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
  run (painter, 0, surface, clear, func, data);
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
  run (painter, layers & DM_SCENE_ALL, surface, TRUE, paint_scene, &paint);
}
