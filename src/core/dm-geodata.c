/* dm-geodata.c: loads data/geo once and builds the regions from their oblasts. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-error.h"
#include "dm-cache.h"
#include "dm-geodata-private.h"
#include "dm-geom.h"
#include "dm-shape.h"

/* countries.geojson ships (borders.geojson is derived from it, and users
 * may want it) but nothing paints country fills: land and oblasts do. */
static const struct
{
  const char *file;
  DmGeomKind  kind;
} layer_files[DM_N_LAYERS] = {
  [DM_LAYER_LAND] = { "land.geojson", DM_GEOM_POLYGON },
  [DM_LAYER_LAKES] = { "lakes.geojson", DM_GEOM_POLYGON },
  [DM_LAYER_RIVERS] = { "rivers.geojson", DM_GEOM_LINE },
  [DM_LAYER_BORDERS] = { "borders.geojson", DM_GEOM_LINE },
  [DM_LAYER_OBLASTS] = { "oblasts.geojson", DM_GEOM_POLYGON },
  [DM_LAYER_PLACES] = { "places.geojson", DM_GEOM_POINT },
};

G_DEFINE_BOXED_TYPE (DmGeodata, dm_geodata, dm_geodata_ref, dm_geodata_unref)

const char *
_dm_geodata_layer_file (DmLayer layer)
{
  return layer_files[layer].file;
}

DmGeodata *
dm_geodata_ref (DmGeodata *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dm_geodata_unref (DmGeodata *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < DM_N_LAYERS; i++)
    g_clear_pointer (&self->layers[i], dm_vector_free);
  for (guint i = 0; i < DM_N_LAYERS; i++)
    g_clear_pointer (&self->shapes[i], g_ptr_array_unref);
  g_clear_pointer (&self->coast_margin, OGR_G_DestroyGeometry);
  g_mutex_clear (&self->derived_lock);
  for (guint i = 0; i < DM_N_REGIONS; i++)
    {
      g_clear_pointer (&self->regions[i], OGR_G_DestroyGeometry);
      g_clear_pointer (&self->region_shapes[i], dm_shape_unref);
    }
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->ukraine, OGR_G_DestroyGeometry);
  g_free (self->cache_key);
  g_free (self->dir);
  g_free (self);
}

static OGRGeometryH
merge (OGRGeometryH multi)
{
  g_auto(DmOgrGeometry) merged = NULL;

  if (OGR_G_GetGeometryCount (multi) == 0)
    return OGR_G_CreateGeometry (wkbMultiPolygon);
  merged = OGR_G_UnionCascaded (multi);
  return dm_geom_polygonal (merged);
}

/* The oblasts outside the five regions where Russia holds land: no region
 * tag in the data, so found by their ISO 3166-2 code. */
static const struct
{
  const char *iso;
  DmRegion    region;
} outer_oblasts[] = {
  { "UA-63", DM_REGION_KHARKIV },
  { "UA-59", DM_REGION_SUMY },
  { "UA-12", DM_REGION_DNIPROPETROVSK },
  { "UA-48", DM_REGION_MYKOLAIV },
};

static gboolean
outer_region (DmFeature *feature,
              DmRegion  *region)
{
  const char *iso = dm_feature_get (feature, "iso_3166_2");

  for (guint i = 0; iso != NULL && i < G_N_ELEMENTS (outer_oblasts); i++)
    if (g_str_equal (iso, outer_oblasts[i].iso))
      {
        *region = outer_oblasts[i].region;
        return TRUE;
      }
  return FALSE;
}

static gboolean
collect_regions (DmGeodata     *self,
                 DmVector      *oblasts,
                 OGRGeometryH   all,
                 OGRGeometryH  *parts,
                 GError       **error)
{
  g_autofree char *display = g_filename_display_name (oblasts->path);

  for (guint i = 0; i < oblasts->features->len; i++)
    {
      DmFeature *feature = g_ptr_array_index (oblasts->features, i);
      const char *key = dm_feature_get (feature, "region");
      g_auto(DmOgrGeometry) multi = dm_geom_polygonal (feature->geometry);
      DmRegion region;

      for (int j = 0; j < OGR_G_GetGeometryCount (multi); j++)
        OGR_G_AddGeometry (all, OGR_G_GetGeometryRef (multi, j));

      if (key == NULL || *key == '\0')
        {
          if (outer_region (feature, &region))
            for (int j = 0; j < OGR_G_GetGeometryCount (multi); j++)
              OGR_G_AddGeometry (parts[region], OGR_G_GetGeometryRef (multi, j));
          continue;
        }
      if (!dm_region_from_string (key, &region) || region >= DM_FIRST_OUTER_REGION)
        {
          g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                       _("%s: feature %u names an unknown region “%s”"),
                       display, feature->index, key);
          return FALSE;
        }
      for (int j = 0; j < OGR_G_GetGeometryCount (multi); j++)
        OGR_G_AddGeometry (parts[region], OGR_G_GetGeometryRef (multi, j));
    }

  /* The four oblasts outside the five may be missing from a custom
   * geodata folder; they are empty regions then. */
  for (guint i = 0; i < DM_N_FIVE_REGIONS; i++)
    {
      if (OGR_G_GetGeometryCount (parts[i]) == 0)
        {
          g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                       _("%s: no oblast is tagged with the region “%s”"),
                       display, dm_region_to_string (i));
          return FALSE;
        }
    }
  return TRUE;
}

/* Crimea is two units (UA-43 and UA-40); Ukraine is the union of all 27. */
static gboolean
build_regions (DmGeodata  *self,
               GError    **error)
{
  g_auto(DmOgrGeometry) all = OGR_G_CreateGeometry (wkbMultiPolygon);
  OGRGeometryH parts[DM_N_REGIONS];
  gboolean ok;

  for (guint i = 0; i < DM_N_REGIONS; i++)
    parts[i] = OGR_G_CreateGeometry (wkbMultiPolygon);

  ok = collect_regions (self, self->layers[DM_LAYER_OBLASTS], all, parts, error);
  for (guint i = 0; i < DM_N_REGIONS; i++)
    {
      if (ok)
        {
          self->regions[i] = merge (parts[i]);
          self->region_area[i] = dm_geom_area_km2 (self->regions[i]);
        }
      OGR_G_DestroyGeometry (parts[i]);
    }
  if (ok)
    self->ukraine = merge (all);
  return ok;
}

typedef struct
{
  DmGeodata    *self;
  guint         first, last;  /* layers [first, last) */
  GCancellable *cancellable;
  GError       *error;
} LayerJob;

/* Reads layers; one GDAL handle per call, so two of these can run at once. */
static gpointer
load_layers (gpointer data)
{
  LayerJob *job = data;

  for (guint i = job->first; i < job->last; i++)
    {
      g_autofree char *path = g_build_filename (job->self->dir, layer_files[i].file, NULL);

      job->self->layers[i] = dm_vector_read (path, layer_files[i].kind, job->cancellable,
                                             &job->error);
      if (job->self->layers[i] == NULL)
        return NULL;
    }
  return NULL;
}

static gboolean
read_sources (DmGeodata     *self,
              GCancellable  *cancellable,
              GError       **error)
{
  /* The basemap layers in a second thread, the rest here: the machine has
   * two cores and reading GeoJSON keeps one busy. */
  LayerJob basemap = { self, DM_LAYER_LAND, DM_LAYER_OBLASTS, cancellable, NULL };
  LayerJob own = { self, DM_LAYER_OBLASTS, DM_N_LAYERS, cancellable, NULL };
  GThread *thread;

  G_STATIC_ASSERT (DM_LAYER_LAND == 0 && DM_LAYER_OBLASTS + 2 == DM_N_LAYERS);

  thread = g_thread_new ("dm-geodata", load_layers, &basemap);
  load_layers (&own);
  g_thread_join (thread);

  if (own.error != NULL || basemap.error != NULL)
    {
      g_propagate_error (error, own.error ? own.error : basemap.error);
      g_clear_error (own.error ? &basemap.error : &own.error);
      return FALSE;
    }
  if (!build_regions (self, error))
    return FALSE;
  /* Made now rather than on first use, to be cached with the rest. */
  dm_geodata_get_coast_margin (self);
  return TRUE;
}

typedef struct
{
  DmGeodata *self;
  guint      first, last;  /* layers [first, last) */
} ShapesJob;

static gpointer
make_layer_shapes (gpointer data)
{
  ShapesJob *job = data;

  for (guint i = job->first; i < job->last; i++)
    {
      GPtrArray *features = job->self->layers[i]->features;

      job->self->shapes[i] = g_ptr_array_new_full (features->len,
                                                   (GDestroyNotify) dm_shape_unref);
      if (i == DM_LAYER_PLACES)
        continue;
      for (guint j = 0; j < features->len; j++)
        {
          DmFeature *feature = g_ptr_array_index (features, j);

          g_ptr_array_add (job->self->shapes[i], dm_shape_new (feature->geometry));
        }
    }
  return NULL;
}

/* Projected once here, in the loading threads, so painting never
 * projects: the basemap layers in a second thread, the rest here. */
static void
make_shapes (DmGeodata *self)
{
  ShapesJob basemap = { self, DM_LAYER_LAND, DM_LAYER_OBLASTS };
  ShapesJob own = { self, DM_LAYER_OBLASTS, DM_N_LAYERS };
  GThread *thread = g_thread_new ("dm-shapes", make_layer_shapes, &basemap);

  make_layer_shapes (&own);
  for (guint i = 0; i < DM_N_REGIONS; i++)
    self->region_shapes[i] = dm_shape_new (self->regions[i]);
  self->places = dm_places_new (self->layers[DM_LAYER_PLACES]->features);
  g_thread_join (thread);
}

/* From the cache (dm-geodata-cache.c) when the files are those it was made
 * from; else read, checked, merged into regions, and cached. */
DmGeodata *
dm_geodata_load (const char    *geo_dir,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(DmGeodata) self = g_new0 (DmGeodata, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->dir = g_strdup (geo_dir);
  self->cache_key = _dm_geodata_cache_key (geo_dir);

  if (!_dm_geodata_load_cached (self))
    {
      if (!read_sources (self, cancellable, error))
        return NULL;
      _dm_geodata_store_cached (self);
    }
  make_shapes (self);
  return g_steal_pointer (&self);
}

/* Geography from a cache entry's value, or NULL: for tests/fuzz. */
DmGeodata *
_dm_geodata_new_from_cached (const char *geo_dir,
                             GVariant   *value)
{
  g_autoptr(DmGeodata) self = g_new0 (DmGeodata, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->dir = g_strdup (geo_dir);
  self->cache_key = g_strdup ("");
  if (!_dm_geodata_decode_cached (self, value))
    return NULL;
  make_shapes (self);
  return g_steal_pointer (&self);
}

/* What a cache of something derived from this geography must name. */
const char *
dm_geodata_get_cache_key (DmGeodata *self)
{
  return self->cache_key;
}

DmVector *
dm_geodata_get_layer (DmGeodata *self,
                      DmLayer    layer)
{
  g_return_val_if_fail (layer < DM_N_LAYERS, NULL);
  return self->layers[layer];
}

OGRGeometryH
dm_geodata_get_region (DmGeodata *self,
                       DmRegion   region)
{
  g_return_val_if_fail (region < DM_N_REGIONS, NULL);
  return self->regions[region];
}

double
dm_geodata_get_region_area (DmGeodata *self,
                            DmRegion   region)
{
  g_return_val_if_fail (region < DM_N_REGIONS, 0.0);
  return self->region_area[region];
}

OGRGeometryH
dm_geodata_get_ukraine (DmGeodata *self)
{
  return self->ukraine;
}

/* Ukraine's border and coast with a margin of about 2 km either side
 * (0.02°): a line of contact drawn by someone else's coast stops there. */
OGRGeometryH
dm_geodata_get_coast_margin (DmGeodata *self)
{
  g_mutex_lock (&self->derived_lock);
  if (self->coast_margin == NULL)
    {
      g_auto(DmOgrGeometry) border = OGR_G_Boundary (self->ukraine);

      self->coast_margin = border ? OGR_G_Buffer (border, 0.02, 4) : NULL;
    }
  g_mutex_unlock (&self->derived_lock);
  return self->coast_margin;
}

/* One DmShape per feature of the layer, in the layer's order. */
GPtrArray *
dm_geodata_get_shapes (DmGeodata *self,
                       DmLayer    layer)
{
  g_return_val_if_fail (layer < DM_N_LAYERS, NULL);
  return self->shapes[layer];
}

DmShape *
dm_geodata_get_region_shape (DmGeodata *self,
                             DmRegion   region)
{
  g_return_val_if_fail (region < DM_N_REGIONS, NULL);
  return self->region_shapes[region];
}

GPtrArray *
dm_geodata_get_places (DmGeodata *self)
{
  return self->places;
}
