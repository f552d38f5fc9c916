/* dm-view.h: what part of the world a painter draws, and at what size. */
#pragma once

#include <math.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double center_x, center_y; /* world coordinates (see dm-shape.h) */
  double zoom;               /* libshumate zoom: 256 × 2^zoom px per world */
  double width, height;      /* target size in device units */
  double scale;              /* line widths and type: 1 on screen at 96 dpi */
} DmView;

static inline double
dm_view_world_size (const DmView *view)
{
  return 256.0 * exp2 (view->zoom);
}

static inline void
dm_view_to_px (const DmView *view,
               double        x,
               double        y,
               double       *px,
               double       *py)
{
  double s = dm_view_world_size (view);

  *px = (x - view->center_x) * s + view->width / 2.0;
  *py = (y - view->center_y) * s + view->height / 2.0;
}

static inline void
dm_view_from_px (const DmView *view,
                 double        px,
                 double        py,
                 double       *x,
                 double       *y)
{
  double s = dm_view_world_size (view);

  *x = (px - view->width / 2.0) / s + view->center_x;
  *y = (py - view->height / 2.0) / s + view->center_y;
}

/* The zoom whose detail band the screen would use for this view. */
static inline double
dm_view_detail_zoom (const DmView *view)
{
  return view->zoom - log2 (view->scale > 0 ? view->scale : 1.0);
}

void dm_view_home_bounds (double *min_x,
                          double *min_y,
                          double *max_x,
                          double *max_y);
void dm_view_fit (DmView *view,
                  double  min_x,
                  double  min_y,
                  double  max_x,
                  double  max_y);

G_END_DECLS
