/* dm-round-stroke.c: round-joined strokes on image targets, rasterised as the distance to the path.
 *
 * Why by hand: cairo 1.16 strokes a thin line by offsetting it into a
 * polygon and scan converting that at 15 sub-rows a pixel, which costs
 * about 0.2 µs per pixel of line and more at every bend: the oblast
 * outlines and the line of contact were over half of a repaint. A stroke
 * with round joins (and round caps, or none on closed rings) is exactly
 * the set of points within half the width of the path, so its coverage of
 * a pixel is, to within a few levels of 255, how far inside that set the
 * pixel's centre lies, clamped to one pixel: the width plus half a pixel,
 * less the distance to the nearest segment. Each segment marks the pixels
 * near it in an A8 mask, keeping the largest coverage (so overlaps count
 * once, as cairo's nonzero union does), and one cairo_mask paints the
 * stroke in the current source, through the clip, as cairo_stroke would.
 *
 * Only where it is that exact stroke: an image target, unrotated at one
 * scale, no dash, straight segments, a width of at least a device pixel,
 * caps round or every subpath closed. Anything else returns FALSE and the
 * caller strokes with cairo; SVG and PDF never come here. */
#include "config.h"

#include <math.h>

#include "dm-draw.h"
#include "dm-round-stroke.h"

typedef struct
{
  guint8 *data;
  int     stride, width, height;
  double  reach;  /* half the line's width plus half a pixel, device px */
} Mask;

/* Segments longer than this are cut: a pixel box around a long diagonal
 * would be mostly far from it. */
#define CHUNK 6.0

static void
cover_chunk (Mask   *mask,
             double  ax,
             double  ay,
             double  bx,
             double  by)
{
  double reach = mask->reach, reach2 = reach * reach;
  double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  int x1 = MAX (0, (int) floor (MIN (ax, bx) - reach));
  int x2 = MIN (mask->width - 1, (int) ceil (MAX (ax, bx) + reach));
  int y1 = MAX (0, (int) floor (MIN (ay, by) - reach));
  int y2 = MIN (mask->height - 1, (int) ceil (MAX (ay, by) + reach));

  for (int y = y1; y <= y2; y++)
    {
      guint8 *row = mask->data + (gsize) y * mask->stride;
      double py = y + 0.5 - ay;

      for (int x = x1; x <= x2; x++)
        {
          double px = x + 0.5 - ax;
          double t = len2 > 0 ? (px * dx + py * dy) / len2 : 0;
          double ex, ey, d2, cover;
          int v;

          t = CLAMP (t, 0.0, 1.0);
          ex = px - t * dx;
          ey = py - t * dy;
          d2 = ex * ex + ey * ey;
          if (d2 >= reach2)
            continue;
          cover = reach - sqrt (d2);
          v = cover >= 1.0 ? 255 : (int) (cover * 255.0 + 0.5);
          if (v > row[x])
            row[x] = (guint8) v;
        }
    }
}

static void
cover_segment (Mask   *mask,
               double  ax,
               double  ay,
               double  bx,
               double  by)
{
  double len = hypot (bx - ax, by - ay);
  int n = MAX (1, (int) ceil (len / CHUNK));

  for (int i = 0; i < n; i++)
    cover_chunk (mask, ax + (bx - ax) * i / n, ay + (by - ay) * i / n,
                 ax + (bx - ax) * (i + 1) / n, ay + (by - ay) * (i + 1) / n);
}

/* Strokes the current path, keeping it, with the current source at width
 * (user units), joins round and caps round (or, without round_caps, only
 * if every subpath is closed); FALSE, having drawn nothing, where that
 * would not be cairo_stroke's picture within antialiasing. */
gboolean
dm_round_stroke (cairo_t  *cr,
                 double    width,
                 gboolean  round_caps)
{
  cairo_path_t *path;
  cairo_matrix_t m;
  cairo_surface_t *surface;
  Mask mask;
  double cx1, cy1, cx2, cy2, px1 = G_MAXDOUBLE, py1 = G_MAXDOUBLE, px2 = -G_MAXDOUBLE,
         py2 = -G_MAXDOUBLE, h;
  int x0, y0, x1, y1;
  gboolean ok = TRUE, open = FALSE;

  if (dm_draw_is_vector (cr) ||
      cairo_surface_get_type (cairo_get_group_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_get_dash_count (cr) != 0 || cairo_get_antialias (cr) != CAIRO_ANTIALIAS_DEFAULT)
    return FALSE;
  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || m.xx != m.yy || m.xx <= 0)
    return FALSE;
  h = width * m.xx / 2;
  if (h < 0.5)
    return FALSE;

  path = cairo_copy_path (cr);
  if (path->status != CAIRO_STATUS_SUCCESS)
    {
      cairo_path_destroy (path);
      return FALSE;
    }
  /* To device pixels, in place, checking what the path holds. */
  for (int i = 0; i < path->num_data && ok; i += path->data[i].header.length)
    {
      cairo_path_data_t *d = &path->data[i];

      switch (d->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
        case CAIRO_PATH_LINE_TO:
          /* An open line ends where the next one starts; cairo also
           * follows a close by a move to the same point, which draws
           * nothing. */
          if (d->header.type == CAIRO_PATH_MOVE_TO && open && !round_caps)
            ok = FALSE;
          open = d->header.type == CAIRO_PATH_LINE_TO;
          cairo_matrix_transform_point (&m, &d[1].point.x, &d[1].point.y);
          px1 = MIN (px1, d[1].point.x);
          py1 = MIN (py1, d[1].point.y);
          px2 = MAX (px2, d[1].point.x);
          py2 = MAX (py2, d[1].point.y);
          break;
        case CAIRO_PATH_CLOSE_PATH:
          open = FALSE;
          break;
        case CAIRO_PATH_CURVE_TO:
        default:
          ok = FALSE;
          break;
        }
    }
  if (!ok || (open && !round_caps))
    {
      cairo_path_destroy (path);
      return FALSE;
    }

  /* The mask covers the stroke within the clip, in device pixels. */
  cairo_clip_extents (cr, &cx1, &cy1, &cx2, &cy2);
  cairo_matrix_transform_point (&m, &cx1, &cy1);
  cairo_matrix_transform_point (&m, &cx2, &cy2);
  x0 = (int) floor (MAX (cx1, px1 - h - 1));
  y0 = (int) floor (MAX (cy1, py1 - h - 1));
  x1 = (int) ceil (MIN (cx2, px2 + h + 1));
  y1 = (int) ceil (MIN (cy2, py2 + h + 1));
  if (x1 <= x0 || y1 <= y0)
    {
      cairo_path_destroy (path);
      return TRUE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, x1 - x0, y1 - y0);
  mask = (Mask) { cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface),
                  x1 - x0, y1 - y0, h + 0.5 };
  {
    double sx = 0, sy = 0, lx = 0, ly = 0;

    for (int i = 0; i < path->num_data; i += path->data[i].header.length)
      {
        cairo_path_data_t *d = &path->data[i];

        switch (d->header.type)
          {
          case CAIRO_PATH_MOVE_TO:
            sx = lx = d[1].point.x - x0;
            sy = ly = d[1].point.y - y0;
            break;
          case CAIRO_PATH_LINE_TO:
            cover_segment (&mask, lx, ly, d[1].point.x - x0, d[1].point.y - y0);
            lx = d[1].point.x - x0;
            ly = d[1].point.y - y0;
            break;
          case CAIRO_PATH_CLOSE_PATH:
            cover_segment (&mask, lx, ly, sx, sy);
            lx = sx;
            ly = sy;
            break;
          case CAIRO_PATH_CURVE_TO:
          default:
            break;
          }
      }
  }
  cairo_path_destroy (path);
  cairo_surface_mark_dirty (surface);

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_mask_surface (cr, surface, x0, y0);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
  return TRUE;
}
