/* dm-area-fill.c: polygon fills on image targets, rasterised by exact area coverage into one mask.
 *
 * Why by hand: cairo 1.16 fills a polygon by scan converting it at 15
 * sub-rows a pixel and then compositing the source span by span, one
 * pixman call for each row of each part (and, for a repeating hatch, one
 * more for each period of the tile along it): region fills were a third
 * of a repaint, half of that cairo's scan converter. Here the polygon's
 * area in each pixel is accumulated as font rasterisers do (each edge adds
 * its signed area to the cells it crosses and its height to the rest of
 * the row; a running sum along the row is the winding-weighted coverage),
 * folded by the fill rule, into an A8 mask of the path's box, and one
 * cairo_mask paints the current source through it, through the clip, as
 * cairo_fill would. Coverage is exact; cairo's differs from it by its
 * sampling, a few levels of 255 at edges.
 *
 * Only where it is that fill: an image target, unscaled or at one scale
 * without rotation, default antialiasing, straight segments. Anything
 * else returns FALSE and the caller fills with cairo; SVG and PDF never
 * come here. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dm-area-fill.h"
#include "dm-draw.h"

typedef struct
{
  double x0, y0, x1, y1;  /* y0 < y1, device pixels from the mask's corner */
  double dxdy;
  float  dir;             /* +1 downwards as drawn, -1 upwards */
} Edge;

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const Edge *ea = a, *eb = b;

  return (ea->y0 > eb->y0) - (ea->y0 < eb->y0);
}

/* Adds a piece of an edge within one row, from x to xnext (both within
 * 0..width), d its signed height, to the row's cells. */
static inline void
add_piece (float  *acc,
           double  x,
           double  xnext,
           float   d,
           int    *lo,
           int    *hi)
{
  double x0 = MIN (x, xnext), x1 = MAX (x, xnext);
  double x0floor = floor (x0), x1ceil = ceil (x1);
  int x0i = (int) x0floor, x1i = (int) x1ceil;

  *lo = MIN (*lo, x0i);
  if (x1i <= x0i + 1)
    {
      float xmf = (float) (0.5 * (x + xnext) - x0floor);

      acc[x0i] += d - d * xmf;
      acc[x0i + 1] += d * xmf;
      *hi = MAX (*hi, x0i + 1);
    }
  else
    {
      float s = (float) (1.0 / (x1 - x0));
      float x0f = (float) (x0 - x0floor);
      float a0 = 0.5f * s * (1.0f - x0f) * (1.0f - x0f);
      float x1f = (float) (x1 - x1ceil + 1.0);
      float am = 0.5f * s * x1f * x1f;

      acc[x0i] += d * a0;
      if (x1i == x0i + 2)
        acc[x0i + 1] += d * (1.0f - a0 - am);
      else
        {
          float a1 = s * (1.5f - x0f);
          float a2 = a1 + (float) (x1i - x0i - 3) * s;

          acc[x0i + 1] += d * (a1 - a0);
          for (int xi = x0i + 2; xi < x1i - 1; xi++)
            acc[xi] += d * s;
          acc[x1i - 1] += d * (1.0f - a2 - am);
        }
      acc[x1i] += d * am;
      *hi = MAX (*hi, x1i);
    }
}

/* The piece of an edge in one row, from x to xnext, cut to the mask:
 * what lies left of it covers the whole row to its right (its height
 * goes to the first cell), what lies right of it nothing of the mask. */
static inline void
add_row_piece (float  *acc,
               int     width,
               double  x,
               double  xnext,
               float   d,
               int    *lo,
               int    *hi)
{
  double w = width;

  if (x <= 0 && xnext <= 0)
    {
      acc[0] += d;
      *lo = 0;
      *hi = MAX (*hi, 0);
      return;
    }
  if (x >= w && xnext >= w)
    return;
  if (x < 0 || xnext < 0)
    {
      /* Split at x = 0: the height left of it to the first cell. */
      double t = (0 - x) / (xnext - x);
      float left = (float) (x < 0 ? t : 1 - t);

      acc[0] += d * left;
      *lo = 0;
      *hi = MAX (*hi, 0);
      d -= d * left;
      if (x < 0)
        x = 0;
      else
        xnext = 0;
    }
  if (x > w || xnext > w)
    {
      /* Split at x = width: the height right of it touches no cell. */
      double t = (w - x) / (xnext - x);

      d *= (float) (x > w ? 1 - t : t);
      if (x > w)
        x = w;
      else
        xnext = w;
    }
  add_piece (acc, x, xnext, d, lo, hi);
}

static inline guint8
coverage (float    v,
          gboolean even_odd)
{
  v = fabsf (v);
  if (even_odd)
    {
      v = v - 2.0f * floorf (v * 0.5f);
      if (v > 1.0f)
        v = 2.0f - v;
    }
  else if (v > 1.0f)
    v = 1.0f;
  return (guint8) (v * 255.0f + 0.5f);
}

/* Rasterises edges into mask (width × height, stride), every byte. */
static void
rasterise (GArray   *edges,
           guint8   *mask,
           int       width,
           int       height,
           int       stride,
           gboolean  even_odd)
{
  g_autofree float *acc = g_new0 (float, width + 3);
  g_autofree guint *active = g_new (guint, edges->len);
  guint n_active = 0, next = 0;

  g_array_sort (edges, compare_edges);
  for (int y = 0; y < height; y++)
    {
      guint8 *row = mask + (gsize) y * stride;
      int lo = width + 2, hi = -1;
      float sum = 0;
      guint kept = 0;
      guint8 v;

      while (next < edges->len && g_array_index (edges, Edge, next).y0 < y + 1)
        active[n_active++] = next++;
      for (guint i = 0; i < n_active; i++)
        {
          const Edge *e = &g_array_index (edges, Edge, active[i]);
          double ys, ye;

          if (e->y1 <= y)
            continue;
          active[kept++] = active[i];
          ys = MAX (e->y0, (double) y);
          ye = MIN (e->y1, (double) y + 1);
          if (ye <= ys)
            continue;
          add_row_piece (acc, width, e->x0 + (ys - e->y0) * e->dxdy,
                         e->x0 + (ye - e->y0) * e->dxdy, (float) (ye - ys) * e->dir, &lo, &hi);
        }
      n_active = kept;

      if (hi < 0)
        {
          memset (row, 0, width);
          continue;
        }
      memset (row, 0, MIN (lo, width));
      /* Between the cells an edge touched (most of a row inside a part)
       * the sum, and so the coverage, stays as it was. */
      v = 0;
      for (int x = lo; x <= MIN (hi, width - 1); x++)
        {
          if (acc[x] != 0)
            {
              sum += acc[x];
              acc[x] = 0;
              v = coverage (sum, even_odd);
            }
          row[x] = v;
        }
      for (int x = width; x <= hi; x++)
        {
          sum += acc[x];
          acc[x] = 0;
        }
      if (hi + 1 < width)
        memset (row + hi + 1, coverage (sum, even_odd), width - hi - 1);
    }
}

/* Fills the current path, keeping it, with the current source by cr's
 * fill rule, as cairo_fill_preserve would within antialiasing; FALSE,
 * having drawn nothing, where it cannot. */
gboolean
dm_area_fill (cairo_t *cr)
{
  g_autoptr(GArray) edges = NULL;
  cairo_path_t *path;
  cairo_matrix_t m;
  cairo_surface_t *surface;
  double cx1, cy1, cx2, cy2, px1 = G_MAXDOUBLE, py1 = G_MAXDOUBLE, px2 = -G_MAXDOUBLE,
         py2 = -G_MAXDOUBLE, sx = 0, sy = 0, lx = 0, ly = 0;
  int x0, y0, x1, y1;
  gboolean ok = TRUE, any = FALSE;

  if (!dm_draw_raster_matrix (cr, &m))
    return FALSE;

  path = cairo_copy_path (cr);
  if (path->status != CAIRO_STATUS_SUCCESS)
    {
      cairo_path_destroy (path);
      return FALSE;
    }
  for (int i = 0; i < path->num_data && ok; i += path->data[i].header.length)
    {
      cairo_path_data_t *d = &path->data[i];

      switch (d->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
        case CAIRO_PATH_LINE_TO:
          cairo_matrix_transform_point (&m, &d[1].point.x, &d[1].point.y);
          px1 = MIN (px1, d[1].point.x);
          py1 = MIN (py1, d[1].point.y);
          px2 = MAX (px2, d[1].point.x);
          py2 = MAX (py2, d[1].point.y);
          break;
        case CAIRO_PATH_CLOSE_PATH:
          break;
        case CAIRO_PATH_CURVE_TO:
        default:
          ok = FALSE;
          break;
        }
    }
  if (!ok)
    {
      cairo_path_destroy (path);
      return FALSE;
    }

  /* The mask covers the path's box within the clip, in device pixels. */
  cairo_clip_extents (cr, &cx1, &cy1, &cx2, &cy2);
  cairo_matrix_transform_point (&m, &cx1, &cy1);
  cairo_matrix_transform_point (&m, &cx2, &cy2);
  x0 = (int) floor (MAX (cx1, px1));
  y0 = (int) floor (MAX (cy1, py1));
  x1 = (int) ceil (MIN (cx2, px2));
  y1 = (int) ceil (MIN (cy2, py2));
  if (px1 > px2 || x1 <= x0 || y1 <= y0)
    {
      /* Nothing, or nothing within the clip: cairo_fill draws nothing. */
      cairo_path_destroy (path);
      return TRUE;
    }

  /* Every subpath closed, as a fill closes it; flat edges add nothing. */
  edges = g_array_sized_new (FALSE, FALSE, sizeof (Edge), path->num_data / 2 + 4);
  for (int i = 0; i <= path->num_data; i += i < path->num_data ? path->data[i].header.length : 1)
    {
      cairo_path_data_t *d = i < path->num_data ? &path->data[i] : NULL;
      double nx, ny;

      if (d == NULL || d->header.type == CAIRO_PATH_MOVE_TO || d->header.type == CAIRO_PATH_CLOSE_PATH)
        {
          nx = sx;
          ny = sy;
        }
      else
        {
          nx = d[1].point.x - x0;
          ny = d[1].point.y - y0;
        }
      if (any && ny != ly)
        {
          Edge e;

          if (ly < ny)
            e = (Edge) { lx, ly, nx, ny, 0, 1.0f };
          else
            e = (Edge) { nx, ny, lx, ly, 0, -1.0f };
          e.dxdy = (e.x1 - e.x0) / (e.y1 - e.y0);
          if (e.y1 > 0 && e.y0 < y1 - y0)
            g_array_append_val (edges, e);
        }
      lx = nx;
      ly = ny;
      if (d != NULL && d->header.type == CAIRO_PATH_MOVE_TO)
        {
          sx = lx = d[1].point.x - x0;
          sy = ly = d[1].point.y - y0;
          any = TRUE;
        }
      if (d == NULL)
        break;
    }
  cairo_path_destroy (path);

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, x1 - x0, y1 - y0);
  cairo_surface_flush (surface);
  rasterise (edges, cairo_image_surface_get_data (surface), x1 - x0, y1 - y0,
             cairo_image_surface_get_stride (surface),
             cairo_get_fill_rule (cr) == CAIRO_FILL_RULE_EVEN_ODD);
  cairo_surface_mark_dirty (surface);

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_mask_surface (cr, surface, x0, y0);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
  return TRUE;
}
