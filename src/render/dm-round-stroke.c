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
  guint8 *inner;  /* NULL, or a narrower line's mask, the same size */
  double  inner_reach;
} Mask;

/* Segments longer than this are cut: a pixel box around a long diagonal
 * would be mostly far from it. */
#define CHUNK 6.0

/* A dash's butt end: the half-plane through x, y facing nx, ny (unit),
 * into the dash. */
typedef struct
{
  double x, y, nx, ny;
} Cut;

static inline double
cut_cover (const Cut *cut,
           double     px,
           double     py)
{
  double along = (px - cut->x) * cut->nx + (py - cut->y) * cut->ny + 0.5;

  return CLAMP (along, 0.0, 1.0);
}

static void
cover_chunk (Mask      *mask,
             double     ax,
             double     ay,
             double     bx,
             double     by,
             const Cut *start,
             const Cut *end)
{
  double reach = mask->reach, reach2 = reach * reach;
  double inner2 = reach > 1 ? (reach - 1) * (reach - 1) : -1; /* fully covered within */
  double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  double tx = len2 > 0 ? dx / len2 : 0, ty = len2 > 0 ? dy / len2 : 0;
  int y1 = MAX (0, (int) floor (MIN (ay, by) - reach));
  int y2 = MIN (mask->height - 1, (int) ceil (MAX (ay, by) + reach));

  for (int y = y1; y <= y2; y++)
    {
      guint8 *row = mask->data + (gsize) y * mask->stride;
      double py = y + 0.5 - ay;
      double row_t = py * ty, t1 = 0, t2 = 1;
      int x1, x2;

      /* Only the pixels of this row within reach of the part of the
       * segment whose y is within reach of the row's centre. */
      if (dy != 0)
        {
          double ta = (py - reach) / dy, tb = (py + reach) / dy; /* once a row */

          t1 = MAX (0.0, MIN (ta, tb));
          t2 = MIN (1.0, MAX (ta, tb));
          if (t1 > t2)
            continue;
        }
      else if (fabs (py) >= reach)
        continue;
      x1 = MAX (0, (int) floor (ax + MIN (t1 * dx, t2 * dx) - reach));
      x2 = MIN (mask->width - 1, (int) ceil (ax + MAX (t1 * dx, t2 * dx) + reach));

      for (int x = x1; x <= x2; x++)
        {
          double px = x + 0.5 - ax;
          double t = px * tx + row_t;
          double ex, ey, d2, cover;
          int v;

          t = CLAMP (t, 0.0, 1.0);
          ex = px - t * dx;
          ey = py - t * dy;
          d2 = ex * ex + ey * ey;
          if (d2 >= reach2)
            continue;
          cover = d2 <= inner2 ? 1.0 : reach - sqrt (d2);
          if (mask->inner != NULL)
            {
              /* The line over a casing: the same distance, less reach. */
              double in = CLAMP (mask->inner_reach - sqrt (d2), 0.0, 1.0);
              guint8 *inner = mask->inner + (row - mask->data);

              v = (int) (in * 255.0 + 0.5);
              if (v > inner[x])
                inner[x] = (guint8) v;
            }
          if (start != NULL)
            cover *= cut_cover (start, px + ax, py + ay);
          if (end != NULL)
            cover *= cut_cover (end, px + ax, py + ay);
          v = (int) (cover * 255.0 + 0.5);
          if (v > row[x])
            row[x] = (guint8) v;
        }
    }
}

/* A segment, in chunks, each cut by the dash's ends (half-planes, so
 * they leave the rest of a straight piece alone). */
static void
cover_segment_cut (Mask      *mask,
                   double     ax,
                   double     ay,
                   double     bx,
                   double     by,
                   const Cut *start,
                   const Cut *end)
{
  /* Not hypot: glibc's is exact to the last bit, and slow, for what
   * only counts chunks. */
  double len = sqrt ((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
  int n = MAX (1, (int) ceil (len / CHUNK));

  for (int i = 0; i < n; i++)
    cover_chunk (mask, ax + (bx - ax) * i / n, ay + (by - ay) * i / n,
                 ax + (bx - ax) * (i + 1) / n, ay + (by - ay) * (i + 1) / n, start, end);
}

static void
cover_segment (Mask   *mask,
               double  ax,
               double  ay,
               double  bx,
               double  by)
{
  cover_segment_cut (mask, ax, ay, bx, by, NULL, NULL);
}

/* cairo's dashing: the pattern restarts at every subpath, from offset,
 * and runs on through bends and round a closed ring's closing segment. */
typedef struct
{
  const double *dashes;
  int           n_dashes;
  double        offset;
  int           index;
  double        left;   /* of the current dash or gap */
  gboolean      on;
  gboolean      open;   /* a dash is being drawn */
  gboolean      first;  /* the next piece of the dash is its first */
  Cut           start;
} Dasher;

static void
dasher_restart (Dasher *dasher)
{
  double offset = dasher->offset;

  dasher->index = 0;
  dasher->on = TRUE;
  dasher->left = dasher->dashes[0];
  while (offset > 0)
    {
      if (offset < dasher->left)
        {
          dasher->left -= offset;
          break;
        }
      offset -= dasher->left;
      dasher->index = (dasher->index + 1) % dasher->n_dashes;
      dasher->on = !dasher->on;
      dasher->left = dasher->dashes[dasher->index];
    }
  dasher->open = FALSE;
}

/* Covers the parts of segment a-b the pattern has on, cutting dashes at
 * their ends; a dash still on at b goes on into the next segment. */
static void
dasher_segment (Dasher *dasher,
                Mask   *mask,
                double  ax,
                double  ay,
                double  bx,
                double  by)
{
  double len = hypot (bx - ax, by - ay), done = 0;
  double ux, uy;

  if (len <= 0)
    return;
  ux = (bx - ax) / len;
  uy = (by - ay) / len;
  while (done < len)
    {
      double step = MIN (dasher->left, len - done);
      double x0 = ax + ux * done, y0 = ay + uy * done;
      double x1 = ax + ux * (done + step), y1 = ay + uy * (done + step);
      gboolean ends = step >= dasher->left;

      if (dasher->on)
        {
          Cut end = { x1, y1, -ux, -uy };

          if (!dasher->open)
            {
              dasher->start = (Cut) { x0, y0, ux, uy };
              dasher->open = TRUE;
              dasher->first = TRUE;
            }
          if (step > 0)
            {
              cover_segment_cut (mask, x0, y0, x1, y1, dasher->first ? &dasher->start : NULL,
                                 ends ? &end : NULL);
              dasher->first = FALSE;
            }
          if (ends)
            dasher->open = FALSE;
        }
      done += step;
      dasher->left -= step;
      if (ends)
        {
          dasher->index = (dasher->index + 1) % dasher->n_dashes;
          dasher->on = !dasher->on;
          dasher->left = dasher->dashes[dasher->index];
        }
    }
}

static gboolean
stroke (cairo_t       *cr,
        double         width,
        gboolean       round_caps,
        gboolean       dashed,
        double         inner_width,
        const double  *inner_rgb)
{
  double dashes[16], dash_offset = 0;
  int n_dashes = cairo_get_dash_count (cr);
  Dasher dasher = { 0, };
  cairo_path_t *path;
  cairo_matrix_t m;
  cairo_surface_t *surface, *inner = NULL;
  Mask mask;
  double cx1, cy1, cx2, cy2, px1 = G_MAXDOUBLE, py1 = G_MAXDOUBLE, px2 = -G_MAXDOUBLE,
         py2 = -G_MAXDOUBLE, h;
  int x0, y0, x1, y1;
  gboolean ok = TRUE, open = FALSE;

  if (!dm_draw_raster_matrix (cr, &m) ||
      (dashed ? (n_dashes == 0 || n_dashes > (int) G_N_ELEMENTS (dashes) ||
                 cairo_get_line_cap (cr) != CAIRO_LINE_CAP_BUTT)
              : n_dashes != 0))
    return FALSE;
  h = width * m.xx / 2;
  if (h < 0.5 || (inner_width > 0 && (inner_width > width || inner_width * m.xx / 2 < 0.5)))
    return FALSE;
  if (dashed)
    {
      double total = 0;

      cairo_get_dash (cr, dashes, &dash_offset);
      for (int i = 0; i < n_dashes; i++)
        {
          if (dashes[i] < 0)
            return FALSE;
          dashes[i] *= m.xx;
          total += dashes[i];
        }
      /* No zero-length dashes: those are caps alone, which butt caps
       * do not draw. */
      for (int i = 0; i < n_dashes; i += 2)
        if (dashes[i] <= 0)
          return FALSE;
      if (total <= 0)
        return FALSE;
      /* A whole number of periods on or off (two, for an odd count). */
      dasher = (Dasher) { dashes, n_dashes, fmod (dash_offset * m.xx, 2 * total), };
      if (dasher.offset < 0)
        dasher.offset += 2 * total;
    }

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
          if (d->header.type == CAIRO_PATH_MOVE_TO && open && !round_caps && !dashed)
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
  if (!ok || (open && !round_caps && !dashed))
    {
      cairo_path_destroy (path);
      return FALSE;
    }
  if (px1 > px2)
    {
      /* No points: cairo_stroke draws nothing either. */
      cairo_path_destroy (path);
      return TRUE;
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
                  x1 - x0, y1 - y0, h + 0.5, NULL, 0 };
  if (inner_width > 0)
    {
      inner = cairo_image_surface_create (CAIRO_FORMAT_A8, x1 - x0, y1 - y0);
      mask.inner = cairo_image_surface_get_data (inner);
      mask.inner_reach = inner_width * m.xx / 2 + 0.5;
    }
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
            if (dashed)
              dasher_restart (&dasher);
            break;
          case CAIRO_PATH_LINE_TO:
            if (dashed)
              dasher_segment (&dasher, &mask, lx, ly, d[1].point.x - x0, d[1].point.y - y0);
            else
              cover_segment (&mask, lx, ly, d[1].point.x - x0, d[1].point.y - y0);
            lx = d[1].point.x - x0;
            ly = d[1].point.y - y0;
            break;
          case CAIRO_PATH_CLOSE_PATH:
            if (dashed)
              dasher_segment (&dasher, &mask, lx, ly, sx, sy);
            else
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
  if (inner != NULL)
    {
      cairo_surface_mark_dirty (inner);
      cairo_set_source_rgb (cr, inner_rgb[0], inner_rgb[1], inner_rgb[2]);
      cairo_mask_surface (cr, inner, x0, y0);
      cairo_surface_destroy (inner);
    }
  cairo_restore (cr);
  cairo_surface_destroy (surface);
  return TRUE;
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
  return stroke (cr, width, round_caps, FALSE, 0, NULL);
}

/* The same, round-capped, twice: at casing_width in the current source,
 * then at width (narrower) in rgb over it, each pixel's distance to the
 * path found once for both: as the two strokes one after the other. */
gboolean
dm_round_stroke_cased (cairo_t      *cr,
                       double        casing_width,
                       double        width,
                       const double  rgb[3])
{
  return stroke (cr, casing_width, TRUE, FALSE, width, rgb);
}

/* The same with cr's dash pattern and butt caps: each dash is the part of
 * the round-joined stroke between two cuts square to the path. cairo
 * would join a dash's bends as cr's line join says; a round join differs
 * from a miter by a sliver at each bend (a tenth of a pixel's area at a
 * right angle for a 1.2 px line), and the dashed edges of less certain
 * parts are drawn at 70% grey over the outlines, where no one can tell. */
gboolean
dm_round_stroke_dashed (cairo_t *cr,
                        double   width)
{
  return stroke (cr, width, FALSE, TRUE, 0, NULL);
}
