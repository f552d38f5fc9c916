/* dm-path.c: shape to cairo path, culled by bounding box and thinned to the pixel. */
#include "config.h"

#include "dm-path.h"

void
dm_view_fit (DmView *view,
             double  min_x,
             double  min_y,
             double  max_x,
             double  max_y)
{
  double w = MAX (max_x - min_x, 1e-9);
  double h = MAX (max_y - min_y, 1e-9);
  double s = MIN (view->width / w, view->height / h);

  view->center_x = (min_x + max_x) / 2.0;
  view->center_y = (min_y + max_y) / 2.0;
  view->zoom = log2 (s / 256.0);
}

gboolean
dm_shape_visible (const DmShape *shape,
                  const DmView  *view,
                  double         margin_px)
{
  double x1, y1, x2, y2;

  if (dm_shape_is_empty (shape))
    return FALSE;
  dm_view_to_px (view, shape->min_x, shape->min_y, &x1, &y1);
  dm_view_to_px (view, shape->max_x, shape->max_y, &x2, &y2);
  return !(x2 < -margin_px || y2 < -margin_px ||
           x1 > view->width + margin_px || y1 > view->height + margin_px);
}

void
dm_path_append (cairo_t       *cr,
                const DmShape *shape,
                const DmView  *view)
{
  const DmShapeLevel *level;
  const double *xy;
  double s, ox, oy;
  /* Vertices closer than this (in device units) add nothing visible. */
  double min_step = 0.35 * (view->scale > 0 ? view->scale : 1.0);
  guint start = 0;

  if (!dm_shape_visible (shape, view, 4.0))
    return;

  level = dm_shape_get_level (shape, dm_view_detail_zoom (view));
  xy = (const double *) level->xy->data;
  s = dm_view_world_size (view);
  ox = view->width / 2.0 - view->center_x * s;
  oy = view->height / 2.0 - view->center_y * s;

  for (guint r = 0; r < level->ring_sizes->len; r++)
    {
      guint n = g_array_index (level->ring_sizes, guint, r);
      double lx = xy[2 * start] * s + ox;
      double ly = xy[2 * start + 1] * s + oy;

      cairo_move_to (cr, lx, ly);
      for (guint i = 1; i < n; i++)
        {
          double x = xy[2 * (start + i)] * s + ox;
          double y = xy[2 * (start + i) + 1] * s + oy;

          if (i + 1 < n && fabs (x - lx) < min_step && fabs (y - ly) < min_step)
            continue;
          cairo_line_to (cr, x, y);
          lx = x;
          ly = y;
        }
      if (shape->closed)
        cairo_close_path (cr);
      start += n;
    }
}
