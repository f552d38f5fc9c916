/* dm-overlay-layer.c: a ShumateLayer that paints the scene in snapshot() and reports clicks on parts. */
#include "config.h"

#include "dm-overlay-layer.h"
#include "dm-worker.h"
#include <math.h>

#include "dm-overlay-paint.h"
#include "dm-shape.h"

/* After a change the view is repainted at once with a thin margin, and the
 * wide margin that panning needs is painted in a thread once the changes
 * pause (a day step or playback changes the scene every few frames), and
 * again around the view as a pan nears the margin's edge. A ninth of the
 * view on each side (1.49 times its area, against 2.25 with a quarter)
 * is 9.6 MB a wide surface at 1569x1023, against 14.4; the pan's repaint in a
 * thread keeps the view from running out of it. */
#define NEAR_MARGIN  16   /* a sixteenth of the view on each side */
#define WIDE_MARGIN  9    /* a ninth: 1.49 times the view's area */
#define WIDE_DELAY_MS 150

/* A painted surface and where it lies: its top-left sits on a whole device
 * pixel of the world at its zoom, so two of them at one zoom are a whole
 * number of pixels apart and can be composited without resampling. */
typedef struct
{
  cairo_surface_t *surface;
  double           x, y;          /* world coordinates of the top-left */
  double           zoom;
  int              width, height; /* in widget pixels */
  int              scale;
} Painted;

struct _DmOverlayLayer
{
  ShumateLayer  parent_instance;
  DmScene      *scene;
  /* Swipe mode paints only a band of the layer, as fractions of its width
   * so the band follows resizes; 0..1 paints everything. */
  double        clip_from, clip_to;
  /* While stepping proposals, the previous scenario fades out. */
  DmScenario   *fade_from;
  double        fade_progress;

  /* The overlay painted once around the view, reused while panning and,
   * scaled, while a zoom is in progress; repainted when anything drawn
   * changes or the view leaves it. */
  GdkTexture   *cache;
  GBytes       *cache_bytes;          /* its pixels, cache_stride a row */
  int           cache_stride;
  double        cache_x, cache_y;     /* world coordinates of its top-left */
  double        cache_zoom;
  int           cache_width, cache_height;  /* in widget pixels */
  int           cache_scale;
  guint         settle_id;

  DmOverlayPainter *painter;     /* bands on every core, for the main thread */
  guint         generation;      /* counts the scene's changes */
  guint         fills;           /* counts the caches painted here */
  gboolean      changed;         /* the cache was dropped by a change */
  guint         wide_id;         /* timeout that starts the wide paint */
  gboolean      wide_running;    /* a wide paint is in its thread */
};

typedef struct
{
  DmScene         *scene;        /* a copy: the window's may change meanwhile */
  DmView           view;         /* the view with its wide margin */
  int              scale;
  guint            generation, fills;
  double           x, y;         /* world coordinates of the top-left */
  cairo_surface_t *surface;
} WidePaint;

G_DEFINE_FINAL_TYPE (DmOverlayLayer, dm_overlay_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_SCENE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


void
dm_overlay_layer_get_view (DmOverlayLayer *self,
                           DmView         *view)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateLocation *location = SHUMATE_LOCATION (viewport);

  dm_lonlat_to_world (shumate_location_get_longitude (location),
                      shumate_location_get_latitude (location),
                      &view->center_x, &view->center_y);
  view->zoom = shumate_viewport_get_zoom_level (viewport);
  view->width = gtk_widget_get_width (GTK_WIDGET (self));
  view->height = gtk_widget_get_height (GTK_WIDGET (self));
  view->scale = 1.0;
}

static void
paint (DmOverlayLayer *self,
       cairo_t        *cr,
       const DmView   *view)
{
  if (self->fade_from != NULL)
    {
      cairo_push_group (cr);
      dm_scene_draw_scenario (self->scene, cr, view, self->fade_from);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 1.0 - self->fade_progress);
      cairo_push_group (cr);
      dm_scene_draw (self->scene, cr, view);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, self->fade_progress);
    }
  else
    dm_scene_draw (self->scene, cr, view);
}

static void
clear_cache (DmOverlayLayer *self)
{
  g_clear_object (&self->cache);
  g_clear_pointer (&self->cache_bytes, g_bytes_unref);
}

/* The part of the cache in view, as a texture over the cache's own pixels
 * (no copy): the cairo renderer copies a texture's every pixel into a
 * surface of its own each frame (gdk_texture_download_surface), which for
 * the wide cache was 9.6 MB a frame at 1569x1023, against 6.4 for the
 * view. The GL renderers upload a texture once and keep it, so they are
 * given the whole cache. (x, y) is the cache's top-left in the view;
 * rect receives where the part lies. */
static GdkTexture *
cache_in_view (DmOverlayLayer  *self,
               const DmView    *view,
               double           x,
               double           y,
               graphene_rect_t *rect)
{
  int scale = self->cache_scale;
  int left = MAX (0, (int) floor (-x * scale)), top = MAX (0, (int) floor (-y * scale));
  int right = MIN (self->cache_width * scale, (int) ceil ((view->width - x) * scale));
  int bottom = MIN (self->cache_height * scale, (int) ceil ((view->height - y) * scale));
  g_autoptr(GBytes) part = NULL;

  if (right <= left || bottom <= top)
    return NULL;
  part = g_bytes_new_from_bytes (self->cache_bytes, (gsize) top * self->cache_stride + left * 4,
                                 (gsize) (bottom - top - 1) * self->cache_stride +
                                 (right - left) * 4);
  graphene_rect_init (rect, x + (double) left / scale, y + (double) top / scale,
                      (double) (right - left) / scale, (double) (bottom - top) / scale);
  return gdk_memory_texture_new (right - left, bottom - top, GDK_MEMORY_DEFAULT, part,
                                 self->cache_stride);
}

static void
painted_free (Painted *painted)
{
  if (painted == NULL)
    return;
  cairo_surface_destroy (painted->surface);
  g_free (painted);
}

/* The view grown by 1/divisor of its size on each side, its top-left (x, y
 * in world coordinates) moved onto the device pixel grid of the world. */
static void
grow_view (const DmView *view,
           int           divisor,
           int           scale,
           DmView       *big,
           double       *x,
           double       *y)
{
  int margin_x = (int) (view->width / divisor), margin_y = (int) (view->height / divisor);
  double ws = dm_view_world_size (view), grid = ws * scale;

  *big = *view;
  big->width = (int) view->width + 2 * margin_x;
  big->height = (int) view->height + 2 * margin_y;
  dm_view_from_px (view, -margin_x, -margin_y, x, y);
  *x = round (*x * grid) / grid;
  *y = round (*y * grid) / grid;
  big->center_x = *x + big->width / 2.0 / ws;
  big->center_y = *y + big->height / 2.0 / ws;
}

static Painted *
paint_layers (DmOverlayPainter *painter,
              DmScene          *scene,
              const DmView     *big,
              double            x,
              double            y,
              int               scale,
              DmSceneLayers     layers)
{
  Painted *painted = g_new0 (Painted, 1);

  painted->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) big->width * scale,
                                                 (int) big->height * scale);
  painted->x = x;
  painted->y = y;
  painted->zoom = big->zoom;
  painted->width = (int) big->width;
  painted->height = (int) big->height;
  painted->scale = scale;
  dm_overlay_painter_paint (painter, scene, painted->surface, big, scale, layers);
  return painted;
}

/* Takes painted as the cache. */
static void
set_cache (DmOverlayLayer *self,
           Painted        *painted)
{
  int width = painted->width, height = painted->height, scale = painted->scale;
  cairo_surface_t *surface = g_steal_pointer (&painted->surface);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) *
                                      height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  clear_cache (self);
  self->cache_stride = cairo_image_surface_get_stride (surface);
  self->cache = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                        self->cache_stride);
  self->cache_bytes = g_bytes_ref (bytes);
  self->cache_x = painted->x;
  self->cache_y = painted->y;
  self->cache_zoom = painted->zoom;
  self->cache_width = width;
  self->cache_height = height;
  self->cache_scale = scale;
  g_free (painted);
}

/* Paints the view plus a margin of 1/divisor of it on each side, names
 * and all, on every core, and keeps it as the cache. The names are not
 * kept apart to be laid again over new shapes: drawn from prepared
 * sprites they cost little, and a wide surface of them held 14 MB. */
static void
fill_cache (DmOverlayLayer *self,
            const DmView   *view,
            int             scale,
            int             divisor)
{
  DmView big;
  double x, y;

  grow_view (view, divisor, scale, &big, &x, &y);
  set_cache (self, paint_layers (self->painter, self->scene, &big, x, y, scale, DM_SCENE_ALL));
  self->fills++;
}

static void
wide_paint_free (WidePaint *wide)
{
  g_clear_object (&wide->scene);
  g_clear_pointer (&wide->surface, cairo_surface_destroy);
  g_free (wide);
}

static void
wide_paint_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  WidePaint *wide = task_data;
  g_autoptr(DmOverlayPainter) painter = dm_overlay_painter_new (1);
  Painted *painted = paint_layers (painter, wide->scene, &wide->view, wide->x, wide->y,
                                   wide->scale, DM_SCENE_ALL);

  wide->surface = g_steal_pointer (&painted->surface);
  painted_free (painted);
  g_task_return_boolean (task, TRUE);
}

static void schedule_wide_paint (DmOverlayLayer *self);

/* The wide cache replaces the near one if nothing changed meanwhile and
 * it still covers the view. */
static void
wide_paint_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DmOverlayLayer) self = user_data;
  WidePaint *wide = g_task_get_task_data (G_TASK (result));

  self->wide_running = FALSE;
  if (wide->generation != self->generation)
    {
      /* Changed while painting: paint again once the changes pause. */
      schedule_wide_paint (self);
      return;
    }
  /* Not if the view left the near cache meanwhile and got a new one. */
  if (self->cache != NULL && wide->fills == self->fills)
    {
      Painted *painted = g_new0 (Painted, 1);

      *painted = (Painted) { g_steal_pointer (&wide->surface), wide->x, wide->y, wide->view.zoom,
                             (int) wide->view.width, (int) wide->view.height, wide->scale };
      set_cache (self, painted);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
wide_paint_cb (gpointer user_data)
{
  DmOverlayLayer *self = user_data;
  g_autoptr(GTask) task = NULL;
  WidePaint *wide;
  DmView view;

  self->wide_id = 0;
  /* Only to widen a near cache that is still shown. */
  if (self->cache == NULL || self->wide_running)
    return G_SOURCE_REMOVE;
  dm_overlay_layer_get_view (self, &view);
  if (view.width <= 0 || view.height <= 0 || fabs (view.zoom - self->cache_zoom) > 1e-9)
    return G_SOURCE_REMOVE;
  wide = g_new0 (WidePaint, 1);
  wide->scene = dm_scene_copy (self->scene);
  wide->scale = self->cache_scale;
  wide->generation = self->generation;
  wide->fills = self->fills;
  grow_view (&view, WIDE_MARGIN, wide->scale, &wide->view, &wide->x, &wide->y);

  self->wide_running = TRUE;
  task = g_task_new (self, NULL, wide_paint_done_cb, g_object_ref (self));
  /* Ahead of the basemap's tiles in GTask's pool: a drag reveals a
   * dozen of them at a time. */
  g_task_set_priority (task, G_PRIORITY_HIGH);
  g_task_set_task_data (task, wide, (GDestroyNotify) wide_paint_free);
  dm_worker_run (task, wide_paint_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule_wide_paint (DmOverlayLayer *self)
{
  g_clear_handle_id (&self->wide_id, g_source_remove);
  self->wide_id = g_timeout_add (WIDE_DELAY_MS, wide_paint_cb, self);
}

static gboolean
settle_cb (gpointer user_data)
{
  DmOverlayLayer *self = user_data;

  self->settle_id = 0;
  clear_cache (self);
  self->changed = TRUE; /* the view sharp now, the margin after */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
dm_overlay_layer_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  DmOverlayLayer *self = DM_OVERLAY_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double rotation = shumate_viewport_get_rotation (viewport);
  int scale = gtk_widget_get_scale_factor (widget);
  DmView view;
  graphene_rect_t bounds;
  double k, x, y;

  dm_overlay_layer_get_view (self, &view);
  if (view.width <= 0 || view.height <= 0)
    return;

  graphene_rect_init (&bounds, 0, 0, view.width, view.height);
  if (self->clip_from > 0.0 || self->clip_to < 1.0)
    {
      graphene_rect_t clip;

      graphene_rect_init (&clip, self->clip_from * view.width, 0,
                          (self->clip_to - self->clip_from) * view.width, view.height);
      gtk_snapshot_push_clip (snapshot, &clip);
    }

  /* A fade or a rotated map is painted directly; both are rare. */
  if (self->fade_from != NULL || rotation != 0.0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      if (rotation != 0.0)
        {
          cairo_translate (cr, view.width / 2, view.height / 2);
          cairo_rotate (cr, rotation);
          cairo_translate (cr, -view.width / 2, -view.height / 2);
        }
      paint (self, cr, &view);
      cairo_destroy (cr);
    }
  else
    {
      gboolean stale = self->cache == NULL || self->cache_scale != scale;
      graphene_rect_t rect;

      if (!stale)
        {
          /* Where the cache's corners land now; reuse it if it still
           * covers the view and the zoom is near. */
          k = exp2 (view.zoom - self->cache_zoom);
          dm_view_to_px (&view, self->cache_x, self->cache_y, &x, &y);
          stale = fabs (view.zoom - self->cache_zoom) > 1.0 || x > 0.5 || y > 0.5 ||
                  x + self->cache_width * k < view.width - 0.5 ||
                  y + self->cache_height * k < view.height - 0.5;
        }
      if (stale)
        {
          /* After a change, the view now and the margin later; after a
           * pan or zoom out of the cache, the margin now. */
          fill_cache (self, &view, scale, self->changed ? NEAR_MARGIN : WIDE_MARGIN);
          if (self->changed)
            schedule_wide_paint (self);
          self->changed = FALSE;
          k = 1.0;
          dm_view_to_px (&view, self->cache_x, self->cache_y, &x, &y);
        }
      else if (fabs (view.zoom - self->cache_zoom) > 1e-6)
        {
          /* Mid-zoom: show the scaled cache now, repaint sharp once the
           * zoom has settled. */
          if (self->settle_id != 0)
            g_source_remove (self->settle_id);
          self->settle_id = g_timeout_add (120, settle_cb, self);
        }
      else if (self->wide_id == 0 && !self->wide_running)
        {
          /* Panning: once the view has moved a third of the margin off
           * the cache's middle, the margin around it now is painted in a
           * thread, so that the view rarely runs out of painted pixels
           * and waits for a repaint on this one. */
          double mx = (self->cache_width - view.width) / 2.0;
          double my = (self->cache_height - view.height) / 2.0;

          if (fabs (x + mx) > mx / 3.0 || fabs (y + my) > my / 3.0)
            wide_paint_cb (self);
        }
      {
        GtkNative *native = gtk_widget_get_native (widget);
        GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
        g_autoptr(GdkTexture) part = NULL;

        if (k == 1.0 && renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer))
          part = cache_in_view (self, &view, x, y, &rect);
        if (part != NULL)
          gtk_snapshot_append_texture (snapshot, part, &rect);
        else
          {
            graphene_rect_init (&rect, x, y, self->cache_width * k, self->cache_height * k);
            gtk_snapshot_append_texture (snapshot, self->cache, &rect);
          }
      }
    }

  if (self->clip_from > 0.0 || self->clip_to < 1.0)
    gtk_snapshot_pop (snapshot);
}

/* Which region part lies under a point of the layer (widget pixels). */
gboolean
dm_overlay_layer_pick (DmOverlayLayer *self,
                       double          x,
                       double          y,
                       DmRegion       *region,
                       DmPart         *part)
{
  DmView view;
  double wx, wy;

  dm_overlay_layer_get_view (self, &view);
  dm_view_from_px (&view, x, y, &wx, &wy);
  return dm_scene_hit (self->scene, wx, wy, region, part);
}

static void
viewport_changed_cb (DmOverlayLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whatever the scene paints changed: the cached texture is stale. */
static void
scene_changed_cb (DmOverlayLayer *self)
{
  clear_cache (self);
  self->generation++;
  self->changed = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dm_overlay_layer_constructed (GObject *object)
{
  DmOverlayLayer *self = DM_OVERLAY_LAYER (object);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  G_OBJECT_CLASS (dm_overlay_layer_parent_class)->constructed (object);

  g_signal_connect_object (self->scene, "changed", G_CALLBACK (scene_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (viewport_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (viewport_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (viewport_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::rotation", G_CALLBACK (viewport_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
dm_overlay_layer_dispose (GObject *object)
{
  DmOverlayLayer *self = DM_OVERLAY_LAYER (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->wide_id, g_source_remove);
  G_OBJECT_CLASS (dm_overlay_layer_parent_class)->dispose (object);
}

static void
dm_overlay_layer_finalize (GObject *object)
{
  DmOverlayLayer *self = DM_OVERLAY_LAYER (object);

  g_clear_object (&self->scene);
  g_clear_object (&self->fade_from);
  clear_cache (self);
  g_clear_pointer (&self->painter, dm_overlay_painter_free);
  G_OBJECT_CLASS (dm_overlay_layer_parent_class)->finalize (object);
}

static void
dm_overlay_layer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DmOverlayLayer *self = DM_OVERLAY_LAYER (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      g_value_set_object (value, self->scene);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_overlay_layer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DmOverlayLayer *self = DM_OVERLAY_LAYER (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      self->scene = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_overlay_layer_class_init (DmOverlayLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dm_overlay_layer_constructed;
  object_class->dispose = dm_overlay_layer_dispose;
  object_class->finalize = dm_overlay_layer_finalize;
  object_class->get_property = dm_overlay_layer_get_property;
  object_class->set_property = dm_overlay_layer_set_property;
  widget_class->snapshot = dm_overlay_layer_snapshot;

  /* What the layer paints; set once, at construction. */
  properties[PROP_SCENE] =
    g_param_spec_object ("scene", NULL, NULL, DM_TYPE_SCENE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dm_overlay_layer_init (DmOverlayLayer *self)
{
  self->clip_to = 1.0;
  self->changed = TRUE;
  self->painter = dm_overlay_painter_new (0);
  /* Clicks are caught by the window on the whole map: the map's own
   * gestures would otherwise claim them before a layer sees them. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

DmOverlayLayer *
dm_overlay_layer_new (ShumateViewport *viewport,
                      DmScene         *scene)
{
  return g_object_new (DM_TYPE_OVERLAY_LAYER, "viewport", viewport, "scene", scene, NULL);
}

/* Paint only from..to, as fractions of the width; 0, 1 paints everything. */
void
dm_overlay_layer_set_band (DmOverlayLayer *self,
                           double          from,
                           double          to)
{
  self->clip_from = CLAMP (from, 0.0, 1.0);
  self->clip_to = CLAMP (to, self->clip_from, 1.0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

DmScene *
dm_overlay_layer_get_scene (DmOverlayLayer *self)
{
  g_return_val_if_fail (DM_IS_OVERLAY_LAYER (self), NULL);
  return self->scene;
}

/* Where the cached paint lies now, in widget coordinates (for the tests
 * and the bench); FALSE if there is none. */
gboolean
dm_overlay_layer_get_cached_area (DmOverlayLayer  *self,
                                  graphene_rect_t *area)
{
  DmView view;
  double x, y, k;

  g_return_val_if_fail (DM_IS_OVERLAY_LAYER (self), FALSE);
  if (self->cache == NULL)
    return FALSE;
  dm_overlay_layer_get_view (self, &view);
  k = exp2 (view.zoom - self->cache_zoom);
  dm_view_to_px (&view, self->cache_x, self->cache_y, &x, &y);
  graphene_rect_init (area, x, y, self->cache_width * k, self->cache_height * k);
  return TRUE;
}

/* progress runs from 0 (all old) to 1 (all new); NULL ends the fade. */
void
dm_overlay_layer_set_fade (DmOverlayLayer *self,
                           DmScenario     *from,
                           double          progress)
{
  g_set_object (&self->fade_from, from);
  self->fade_progress = CLAMP (progress, 0.0, 1.0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
