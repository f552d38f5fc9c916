/* dm-path.c: shape to cairo path, culled by bounding box and thinned to the pixel. */
#include "config.h"

#include "dm-path.h"

/* The map's home: the five regions and the Russian-held pockets from the
 * Kinburn Spit to Sumy oblast (29.5–40.5 °E, 44–51.6 °N). Fixed, not
 * fitted to a date's areas, so a series of maps lines up. */
void
dm_view_home_bounds (double *min_x,
                     double *min_y,
                     double *max_x,
                     double *max_y)
{
  dm_lonlat_to_world (29.5, 51.6, min_x, min_y);
  dm_lonlat_to_world (40.5, 44.0, max_x, max_y);
}

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

typedef struct
{
  double x1, y1, x2, y2;
} Rect;

/* One Sutherland–Hodgman pass: keeps the part of the ring on the inside of
 * one rectangle edge (edge 0..3: left, right, top, bottom). */
static void
clip_edge (const GArray *in,
           GArray       *out,
           const Rect   *rect,
           int           edge)
{
  const double *p = (const double *) in->data;
  guint n = in->len / 2;

  g_array_set_size (out, 0);
  for (guint i = 0; i < n; i++)
    {
      double ax = p[2 * ((i + n - 1) % n)], ay = p[2 * ((i + n - 1) % n) + 1];
      double bx = p[2 * i], by = p[2 * i + 1];
      double da, db;

      switch (edge)
        {
        case 0:  da = ax - rect->x1; db = bx - rect->x1; break;
        case 1:  da = rect->x2 - ax; db = rect->x2 - bx; break;
        case 2:  da = ay - rect->y1; db = by - rect->y1; break;
        default: da = rect->y2 - ay; db = rect->y2 - by; break;
        }
      if ((da >= 0) != (db >= 0))
        {
          double t = da / (da - db);
          double c[2] = { ax + t * (bx - ax), ay + t * (by - ay) };
          g_array_append_vals (out, c, 2);
        }
      if (db >= 0)
        g_array_append_vals (out, &p[2 * i], 2);
    }
}

/* Liang–Barsky: the part of segment a–b inside the rectangle, if any. */
static gboolean
clip_segment (const Rect *rect,
              double     *ax,
              double     *ay,
              double     *bx,
              double     *by)
{
  double dx = *bx - *ax, dy = *by - *ay, t0 = 0.0, t1 = 1.0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *ax - rect->x1, rect->x2 - *ax, *ay - rect->y1, rect->y2 - *ay };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0.0)
        {
          if (q[i] < 0.0)
            return FALSE;
          continue;
        }
      {
        double t = q[i] / p[i];

        if (p[i] < 0.0)
          t0 = MAX (t0, t);
        else
          t1 = MIN (t1, t);
      }
      if (t0 > t1)
        return FALSE;
    }
  *bx = *ax + t1 * dx;
  *by = *ay + t1 * dy;
  *ax = *ax + t0 * dx;
  *ay = *ay + t0 * dy;
  return TRUE;
}

static void
append_clipped_line (cairo_t      *cr,
                     const GArray *pts,
                     const Rect   *rect)
{
  const double *p = (const double *) pts->data;
  gboolean pen_down = FALSE;
  double lx = 0, ly = 0;

  for (guint i = 1; i < pts->len / 2; i++)
    {
      double ax = p[2 * (i - 1)], ay = p[2 * (i - 1) + 1], bx = p[2 * i], by = p[2 * i + 1];

      if (!clip_segment (rect, &ax, &ay, &bx, &by))
        {
          pen_down = FALSE;
          continue;
        }
      if (!pen_down || ax != lx || ay != ly)
        cairo_move_to (cr, ax, ay);
      cairo_line_to (cr, bx, by);
      lx = bx;
      ly = by;
      /* A segment cut at its end leaves the rectangle: lift the pen. */
      pen_down = (bx == p[2 * i] && by == p[2 * i + 1]);
    }
}

/* Appends the shape in device units. Parts far outside the view are cut
 * away first: cairo would otherwise tessellate every off-screen edge, at
 * coordinates up to millions of pixels at high zoom. The cut runs outside a
 * margin wider than any line, so no cut edge is ever seen. */
void
dm_path_append (cairo_t       *cr,
                const DmShape *shape,
                const DmView  *view)
{
  const DmShapeLevel *level;
  const double *xy;
  double s, ox, oy, half, bx1, by1, bx2, by2;
  /* Vertices closer than this (in device units) add nothing visible. */
  double min_step = 0.35 * (view->scale > 0 ? view->scale : 1.0);
  g_autoptr(GArray) pts = NULL;
  g_autoptr(GArray) tmp = NULL;
  gboolean inside;
  guint start = 0;
  Rect rect;

  if (!dm_shape_visible (shape, view, 4.0))
    return;

  level = dm_shape_get_level (shape, dm_view_detail_zoom (view));
  xy = (const double *) level->xy->data;
  s = dm_view_world_size (view);
  ox = view->width / 2.0 - view->center_x * s;
  oy = view->height / 2.0 - view->center_y * s;

  /* Half the diagonal: covers the view at any rotation of the layer. */
  half = hypot (view->width, view->height) / 2.0 + 16.0 * MAX (view->scale, 1.0);
  rect.x1 = view->width / 2.0 - half;
  rect.x2 = view->width / 2.0 + half;
  rect.y1 = view->height / 2.0 - half;
  rect.y2 = view->height / 2.0 + half;
  bx1 = shape->min_x * s + ox;
  by1 = shape->min_y * s + oy;
  bx2 = shape->max_x * s + ox;
  by2 = shape->max_y * s + oy;
  inside = bx1 >= rect.x1 && bx2 <= rect.x2 && by1 >= rect.y1 && by2 <= rect.y2;

  pts = g_array_new (FALSE, FALSE, sizeof (double));
  tmp = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < level->ring_sizes->len; r++)
    {
      guint n = g_array_index (level->ring_sizes, guint, r);
      double lx = xy[2 * start] * s + ox;
      double ly = xy[2 * start + 1] * s + oy;
      double first[2] = { lx, ly };

      g_array_set_size (pts, 0);
      g_array_append_vals (pts, first, 2);
      for (guint i = 1; i < n; i++)
        {
          double p[2] = { xy[2 * (start + i)] * s + ox, xy[2 * (start + i) + 1] * s + oy };

          if (i + 1 < n && fabs (p[0] - lx) < min_step && fabs (p[1] - ly) < min_step)
            continue;
          g_array_append_vals (pts, p, 2);
          lx = p[0];
          ly = p[1];
        }
      start += n;

      if (!inside && shape->closed)
        {
          clip_edge (pts, tmp, &rect, 0);
          clip_edge (tmp, pts, &rect, 1);
          clip_edge (pts, tmp, &rect, 2);
          clip_edge (tmp, pts, &rect, 3);
        }
      else if (!inside)
        {
          append_clipped_line (cr, pts, &rect);
          continue;
        }

      if (pts->len < 4)
        continue;
      {
        const double *p = (const double *) pts->data;

        cairo_move_to (cr, p[0], p[1]);
        for (guint i = 1; i < pts->len / 2; i++)
          cairo_line_to (cr, p[2 * i], p[2 * i + 1]);
      }
      if (shape->closed)
        cairo_close_path (cr);
    }
}
