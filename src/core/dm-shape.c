/* dm-shape.c: projects OGR geometries to world coordinates and keeps a simplified copy per zoom band.
 *
 * The projection is the spherical Web Mercator formula written out: it is
 * exact for EPSG:3857 and avoids a PROJ call per vertex on every load. */
#include "config.h"

#include <math.h>

#include "dm-shape.h"
#include "dm-vector.h"

/* Bands cover zoom < 5, < 7, < 9 and the rest; each is simplified to a
 * quarter pixel at the band's lowest zoom, so no band shows a corner. */
static const double band_zoom[DM_SHAPE_N_LEVELS] = { 3.0, 5.0, 7.0, 9.0 };
static const double band_limit[DM_SHAPE_N_LEVELS] = { 5.0, 7.0, 9.0, G_MAXDOUBLE };

#define MAX_LAT 85.05112878

void
dm_lonlat_to_world (double  lon,
                    double  lat,
                    double *x,
                    double *y)
{
  double s;

  lat = CLAMP (lat, -MAX_LAT, MAX_LAT);
  s = sin (lat * G_PI / 180.0);
  *x = (lon + 180.0) / 360.0;
  *y = 0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI);
}

void
dm_world_to_lonlat (double  x,
                    double  y,
                    double *lon,
                    double *lat)
{
  *lon = x * 360.0 - 180.0;
  *lat = 90.0 - 360.0 * atan (exp ((y - 0.5) * 2.0 * G_PI)) / G_PI;
}

static void
project_in_place (OGRGeometryH geometry)
{
  int n_sub = OGR_G_GetGeometryCount (geometry);

  if (n_sub > 0)
    {
      for (int i = 0; i < n_sub; i++)
        project_in_place (OGR_G_GetGeometryRef (geometry, i));
      return;
    }
  for (int i = 0; i < OGR_G_GetPointCount (geometry); i++)
    {
      double x, y;

      dm_lonlat_to_world (OGR_G_GetX (geometry, i), OGR_G_GetY (geometry, i), &x, &y);
      OGR_G_SetPoint_2D (geometry, i, x, y);
    }
}

static void
append_rings (DmShapeLevel *level,
              OGRGeometryH  geometry,
              gboolean     *closed)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (geometry));
  int n_sub = OGR_G_GetGeometryCount (geometry);

  if (type == wkbPolygon)
    *closed = TRUE;

  if (n_sub > 0)
    {
      for (int i = 0; i < n_sub; i++)
        append_rings (level, OGR_G_GetGeometryRef (geometry, i), closed);
      return;
    }

  {
    guint n = OGR_G_GetPointCount (geometry);

    /* A point is a one-vertex "ring": painters draw those as dots. */
    if (n < 2 && !(n == 1 && type == wkbPoint))
      return;
    for (guint i = 0; i < n; i++)
      {
        double xy[2] = { OGR_G_GetX (geometry, i), OGR_G_GetY (geometry, i) };
        g_array_append_vals (level->xy, xy, 2);
      }
    g_array_append_val (level->ring_sizes, n);
  }
}

/* Simplified bands are built on first use: an export or a start-up needs
 * one or two of them, and simplifying every shape for every band at load
 * was most of the load time. g_once makes the first use thread-safe, since
 * basemap tiles are painted in worker threads. */
static void
build_level (DmShape *shape,
             guint    i)
{
  double tolerance = 0.25 / (256.0 * exp2 (band_zoom[i]));
  g_auto(DmOgrGeometry) simple = NULL;
  gboolean closed = FALSE;

  if (shape->world == NULL)
    return;
  /* Plain Douglas-Peucker: at a quarter pixel the topology-preserving
   * variant's guarantees are invisible, and it costs several times more. */
  if (i + 1 < DM_SHAPE_N_LEVELS)
    simple = OGR_G_Simplify (shape->world, tolerance);
  append_rings (&shape->levels[i], simple ? simple : shape->world, &closed);
}

DmShape *
dm_shape_new (OGRGeometryH lonlat)
{
  g_autoptr(DmShape) shape = g_new0 (DmShape, 1);
  OGREnvelope env = { 0, };

  g_atomic_ref_count_init (&shape->ref_count);
  for (guint i = 0; i < DM_SHAPE_N_LEVELS; i++)
    {
      shape->levels[i].xy = g_array_new (FALSE, FALSE, sizeof (double));
      shape->levels[i].ring_sizes = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  if (lonlat == NULL || OGR_G_IsEmpty (lonlat))
    {
      for (guint i = 0; i < DM_SHAPE_N_LEVELS; i++)
        shape->level_ready[i] = 1;
      return g_steal_pointer (&shape);
    }

  shape->world = OGR_G_Clone (lonlat);
  project_in_place (shape->world);
  OGR_G_GetEnvelope (shape->world, &env);
  shape->min_x = env.MinX;
  shape->max_x = env.MaxX;
  shape->min_y = env.MinY;
  shape->max_y = env.MaxY;
  shape->closed = wkbFlatten (OGR_G_GetGeometryType (shape->world)) == wkbPolygon ||
                  wkbFlatten (OGR_G_GetGeometryType (shape->world)) == wkbMultiPolygon;

  /* Full detail costs no simplification: built now. */
  build_level (shape, DM_SHAPE_N_LEVELS - 1);
  shape->level_ready[DM_SHAPE_N_LEVELS - 1] = 1;

  if (shape->closed)
    {
      g_auto(DmOgrGeometry) point = OGR_G_PointOnSurface (shape->world);

      if (point != NULL && !OGR_G_IsEmpty (point))
        {
          shape->label_x = OGR_G_GetX (point, 0);
          shape->label_y = OGR_G_GetY (point, 0);
        }
    }
  return g_steal_pointer (&shape);
}

void
dm_shape_unref (DmShape *shape)
{
  if (shape == NULL || !g_atomic_ref_count_dec (&shape->ref_count))
    return;
  for (guint i = 0; i < DM_SHAPE_N_LEVELS; i++)
    {
      g_array_unref (shape->levels[i].xy);
      g_array_unref (shape->levels[i].ring_sizes);
    }
  g_clear_pointer (&shape->world, OGR_G_DestroyGeometry);
  g_free (shape);
}

const DmShapeLevel *
dm_shape_get_level (const DmShape *shape,
                    double         zoom)
{
  DmShape *self = (DmShape *) shape;
  guint i = 0;

  while (i + 1 < DM_SHAPE_N_LEVELS && zoom >= band_limit[i])
    i++;
  if (g_once_init_enter (&self->level_ready[i]))
    {
      build_level (self, i);
      g_once_init_leave (&self->level_ready[i], 1);
    }
  return &shape->levels[i];
}

gboolean
dm_shape_is_empty (const DmShape *shape)
{
  return shape == NULL || shape->levels[DM_SHAPE_N_LEVELS - 1].ring_sizes->len == 0;
}

/* Even-odd point in polygon on the full-detail rings: holes count right. */
gboolean
dm_shape_contains (const DmShape *shape,
                   double         x,
                   double         y)
{
  const DmShapeLevel *level;

  if (dm_shape_is_empty (shape) || !shape->closed ||
      x < shape->min_x || x > shape->max_x || y < shape->min_y || y > shape->max_y)
    return FALSE;

  level = &shape->levels[DM_SHAPE_N_LEVELS - 1];
  return dm_rings_contain (level->xy, level->ring_sizes, x, y);
}

/* Even-odd crossing test over all rings, so holes count, with straight
 * edges between the vertices (points exactly on an edge may go either
 * way). xy holds double pairs, ring_sizes guint points per ring. */
gboolean
dm_rings_contain (GArray *xy,
                  GArray *ring_sizes,
                  double  x,
                  double  y)
{
  const double *p = (const double *) (gpointer) xy->data;
  gboolean inside = FALSE;
  guint start = 0;

  for (guint r = 0; r < ring_sizes->len; r++)
    {
      guint n = g_array_index (ring_sizes, guint, r);

      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          double xi = p[2 * (start + i)], yi = p[2 * (start + i) + 1];
          double xj = p[2 * (start + j)], yj = p[2 * (start + j) + 1];

          if (((yi > y) != (yj > y)) && (x < (xj - xi) * (y - yi) / (yj - yi) + xi))
            inside = !inside;
        }
      start += n;
    }
  return inside;
}

static void
place_free (gpointer data)
{
  DmPlace *place = data;

  g_free (place->name);
  g_free (place->name_uk);
  g_free (place->name_de);
  g_free (place->name_fr);
  g_free (place->name_pl);
  g_free (place->oblast);
  g_free (place);
}

static int
compare_population (gconstpointer a,
                    gconstpointer b)
{
  const DmPlace *pa = *(DmPlace **) a;
  const DmPlace *pb = *(DmPlace **) b;

  if (pa->capital != pb->capital)
    return pa->capital ? -1 : 1;
  return (pa->population < pb->population) - (pa->population > pb->population);
}

/* Places from a point layer, capitals then largest first: the order labels
 * are placed in, so a small town never hides a city. */
GPtrArray *
dm_places_new (GPtrArray *features)
{
  GPtrArray *places = g_ptr_array_new_with_free_func (place_free);

  for (guint i = 0; i < features->len; i++)
    {
      DmFeature *feature = g_ptr_array_index (features, i);
      const char *name = dm_feature_get (feature, "name");
      const char *capital = dm_feature_get (feature, "capital");
      DmPlace *place;

      if (feature->geometry == NULL || name == NULL)
        continue;
      place = g_new0 (DmPlace, 1);
      place->name = g_strdup (name);
      place->name_uk = g_strdup (dm_feature_get (feature, "name_uk"));
      place->name_de = g_strdup (dm_feature_get (feature, "name_de"));
      place->name_fr = g_strdup (dm_feature_get (feature, "name_fr"));
      place->name_pl = g_strdup (dm_feature_get (feature, "name_pl"));
      place->oblast = g_strdup (dm_feature_get (feature, "oblast"));
      place->population = (guint) dm_feature_get_double (feature, "population", 0);
      place->capital = capital != NULL && (g_str_equal (capital, "1") ||
                                           g_ascii_strcasecmp (capital, "true") == 0);
      place->lon = OGR_G_GetX (feature->geometry, 0);
      place->lat = OGR_G_GetY (feature->geometry, 0);
      dm_lonlat_to_world (place->lon, place->lat, &place->x, &place->y);
      g_ptr_array_add (places, place);
    }
  g_ptr_array_sort (places, compare_population);
  return places;
}
