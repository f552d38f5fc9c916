/* dm-geodata-cache.c: the bundled geography as read, checked and merged, kept in the user's cache (dm-cache.c).
 *
 * Stored: each layer's features (WKB and attributes) as dm_vector_read gave
 * them, the merged regions with their areas, Ukraine, and the coast margin.
 * Shapes and places are made from those on every load: they cost a few
 * milliseconds and hold pointers. */
#include "config.h"

#include "dm-cache.h"
#include "dm-geodata-private.h"


char *
_dm_geodata_cache_key (const char *geo_dir)
{
  const char *names[DM_N_LAYERS + 1];

  for (guint i = 0; i < DM_N_LAYERS; i++)
    names[i] = _dm_geodata_layer_file (i);
  names[DM_N_LAYERS] = NULL;
  return dm_cache_key_for_files (geo_dir, names);
}

static GVariant *
fields_to_variant (GHashTable *fields)
{
  GVariantBuilder builder;
  GHashTableIter iter;
  gpointer name, value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  if (fields != NULL)
    {
      g_hash_table_iter_init (&iter, fields);
      while (g_hash_table_iter_next (&iter, &name, &value))
        g_variant_builder_add (&builder, "{ss}", name, value);
    }
  return g_variant_builder_end (&builder);
}

static GVariant *
layer_to_variant (DmLayer   layer,
                  DmVector *vector)
{
  GVariantBuilder features;

  g_variant_builder_init (&features, G_VARIANT_TYPE ("a(uaya{ss})"));
  for (guint i = 0; i < vector->features->len; i++)
    {
      DmFeature *feature = g_ptr_array_index (vector->features, i);

      g_variant_builder_add (&features, "(u@ay@a{ss})", feature->index,
                             dm_cache_geometry_to_variant (feature->geometry),
                             fields_to_variant (feature->fields));
    }
  return g_variant_new ("(sbuus@a(uaya{ss}))", _dm_geodata_layer_file (layer),
                        vector->reprojected, vector->n_repaired, vector->n_vertices,
                        vector->driver ? vector->driver : "", g_variant_builder_end (&features));
}

void
_dm_geodata_store_cached (DmGeodata *self)
{
  GVariantBuilder layers, regions, areas;
  g_autoptr(GVariant) value = NULL;

  g_variant_builder_init (&layers, G_VARIANT_TYPE ("a" DM_GEODATA_CACHE_LAYER_TYPE));
  for (guint i = 0; i < DM_N_LAYERS; i++)
    g_variant_builder_add_value (&layers, layer_to_variant (i, self->layers[i]));
  g_variant_builder_init (&regions, G_VARIANT_TYPE ("aay"));
  g_variant_builder_init (&areas, G_VARIANT_TYPE ("ad"));
  for (guint i = 0; i < DM_N_REGIONS; i++)
    {
      g_variant_builder_add_value (&regions, dm_cache_geometry_to_variant (self->regions[i]));
      g_variant_builder_add (&areas, "d", self->region_area[i]);
    }
  value = g_variant_ref_sink (g_variant_new ("(@a" DM_GEODATA_CACHE_LAYER_TYPE "@aay@ad@ay@ay)",
                                             g_variant_builder_end (&layers),
                                             g_variant_builder_end (&regions),
                                             g_variant_builder_end (&areas),
                                             dm_cache_geometry_to_variant (self->ukraine),
                                             dm_cache_geometry_to_variant (self->coast_margin)));
  /* One entry per geography folder in use; two covers the bundled one and
   * a custom one without thrashing. */
  dm_cache_store ("geodata", self->cache_key, value, 2);
}

static GHashTable *
fields_from_variant (GVariant *fields)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GVariantIter iter;
  char *name, *value;

  g_variant_iter_init (&iter, fields);
  while (g_variant_iter_next (&iter, "{ss}", &name, &value))
    g_hash_table_insert (table, name, value);
  return table;
}

static DmVector *
layer_from_variant (DmGeodata *self,
                    DmLayer    layer,
                    GVariant  *value,
                    gboolean  *ok)
{
  g_autoptr(GVariant) features = NULL;
  g_autofree char *path = NULL;
  const char *file, *driver;
  DmVector *vector;
  GVariantIter iter;
  GVariant *wkb, *fields;
  gboolean reprojected;
  guint index, repaired, vertices;

  g_variant_get (value, "(&sbuu&s@a(uaya{ss}))", &file, &reprojected, &repaired, &vertices,
                 &driver, &features);
  if (!g_str_equal (file, _dm_geodata_layer_file (layer)))
    {
      *ok = FALSE;
      return NULL;
    }
  path = g_build_filename (self->dir, file, NULL);
  vector = dm_vector_new (path, driver);
  vector->reprojected = reprojected;
  vector->n_repaired = repaired;
  vector->n_vertices = vertices;
  g_variant_iter_init (&iter, features);
  while (*ok && g_variant_iter_next (&iter, "(u@ay@a{ss})", &index, &wkb, &fields))
    {
      DmFeature *feature = g_new0 (DmFeature, 1);

      feature->index = index;
      feature->geometry = dm_cache_geometry_from_variant (wkb, ok);
      feature->fields = fields_from_variant (fields);
      g_ptr_array_add (vector->features, feature);
      /* dm_vector_read gives every feature a geometry. */
      *ok = *ok && feature->geometry != NULL;
      g_variant_unref (wkb);
      g_variant_unref (fields);
    }
  return vector;
}

typedef struct
{
  DmGeodata *self;
  GVariant  *layers;
  guint      first, last;  /* layers [first, last) */
  gboolean   ok;
} LayersJob;

static gpointer
decode_layers (gpointer data)
{
  LayersJob *job = data;

  for (guint i = job->first; job->ok && i < job->last; i++)
    {
      g_autoptr(GVariant) layer = g_variant_get_child_value (job->layers, i);

      job->self->layers[i] = layer_from_variant (job->self, i, layer, &job->ok);
    }
  return NULL;
}

/* FALSE, with nothing kept, when value is not geography (any bytes may
 * come from the cache folder: tests/fuzz/fuzz-cache.c feeds this). */
gboolean
_dm_geodata_decode_cached (DmGeodata *self,
                           GVariant  *value)
{
  g_autoptr(GVariant) layers = NULL;
  g_autoptr(GVariant) regions = NULL;
  g_autoptr(GVariant) ukraine = NULL;
  g_autoptr(GVariant) margin = NULL;
  g_autoptr(GVariant) area_array = NULL;
  const double *areas;
  gboolean ok = TRUE;
  gsize n_areas;

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE (DM_GEODATA_CACHE_TYPE)))
    return FALSE;
  g_variant_get (value, "(@a" DM_GEODATA_CACHE_LAYER_TYPE "@aay@ad@ay@ay)", &layers, &regions,
                 &area_array, &ukraine, &margin);
  areas = g_variant_get_fixed_array (area_array, &n_areas, sizeof (double));
  if (g_variant_n_children (layers) != DM_N_LAYERS ||
      g_variant_n_children (regions) != DM_N_REGIONS || n_areas != DM_N_REGIONS)
    return FALSE;

  /* The basemap layers in a second thread (GVariant is safe to read from
   * several), the rest here, as when they are read from GeoJSON. */
  {
    LayersJob basemap = { self, layers, DM_LAYER_LAND, DM_LAYER_OBLASTS, TRUE };
    LayersJob own = { self, layers, DM_LAYER_OBLASTS, DM_N_LAYERS, TRUE };
    GThread *thread = g_thread_new ("dm-geodata", decode_layers, &basemap);

    decode_layers (&own);
    g_thread_join (thread);
    ok = basemap.ok && own.ok;
  }
  for (guint i = 0; ok && i < DM_N_REGIONS; i++)
    {
      g_autoptr(GVariant) wkb = g_variant_get_child_value (regions, i);

      self->regions[i] = dm_cache_geometry_from_variant (wkb, &ok);
      self->region_area[i] = areas[i];
      ok = ok && self->regions[i] != NULL;
    }
  self->ukraine = ok ? dm_cache_geometry_from_variant (ukraine, &ok) : NULL;
  self->coast_margin = ok ? dm_cache_geometry_from_variant (margin, &ok) : NULL;
  ok = ok && self->ukraine != NULL;

  if (!ok)
    {
      for (guint i = 0; i < DM_N_LAYERS; i++)
        g_clear_pointer (&self->layers[i], dm_vector_free);
      for (guint i = 0; i < DM_N_REGIONS; i++)
        g_clear_pointer (&self->regions[i], OGR_G_DestroyGeometry);
      g_clear_pointer (&self->ukraine, OGR_G_DestroyGeometry);
      g_clear_pointer (&self->coast_margin, OGR_G_DestroyGeometry);
    }
  return ok;
}

/* FALSE, with nothing kept, when there is no usable entry. */
gboolean
_dm_geodata_load_cached (DmGeodata *self)
{
  g_autoptr(GVariant) value = dm_cache_load ("geodata", self->cache_key,
                                             G_VARIANT_TYPE (DM_GEODATA_CACHE_TYPE));

  return value != NULL && _dm_geodata_decode_cached (self, value);
}
