/* test-cache.c: cached geography and partitions equal what they cache, are used only for the same inputs, and never break a load. */
#include "config.h"

#include "dm-cache.h"
#include "dm-geodata-private.h"
#include "dm-test-util.h"

static const char * const layer_files[] = {
  "land.geojson", "lakes.geojson", "rivers.geojson", "borders.geojson", "oblasts.geojson",
  "places.geojson", NULL
};

/* A fresh cache folder for each test. */
static char *
use_new_cache_dir (void)
{
  char *dir = g_dir_make_tmp ("demarcate-cache-XXXXXX", NULL);

  g_assert_nonnull (dir);
  g_setenv ("DEMARCATE_CACHE_DIR", dir, TRUE);
  return dir;
}

static guint
count_entries (const char *dir,
               const char *kind)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strconcat (kind, "-", NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    n += g_str_has_prefix (name, prefix);
  return n;
}

/* The one entry of kind: its path. */
static char *
entry_path (const char *dir,
            const char *kind)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strconcat (kind, "-", NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return g_build_filename (dir, name, NULL);
  g_assert_not_reached ();
}

static DmGeodata *
load_geodata (const char *geo_dir)
{
  g_autoptr(GError) error = NULL;
  DmGeodata *geodata = dm_geodata_load (geo_dir, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (geodata);
  return geodata;
}

static char *
bundled_geo_dir (void)
{
  return g_build_filename (dm_test_data_dir (), "geo", NULL);
}

/* A copy of the bundled geography's layers, to change. */
static char *
copy_geo_dir (void)
{
  g_autofree char *from = bundled_geo_dir ();
  char *to = g_dir_make_tmp ("demarcate-geo-XXXXXX", NULL);

  for (guint i = 0; layer_files[i] != NULL; i++)
    {
      g_autofree char *src = g_build_filename (from, layer_files[i], NULL);
      g_autofree char *dst = g_build_filename (to, layer_files[i], NULL);
      g_autofree char *bytes = NULL;
      gsize size;

      g_assert_true (g_file_get_contents (src, &bytes, &size, NULL));
      g_assert_true (g_file_set_contents (dst, bytes, (gssize) size, NULL));
    }
  return to;
}

static void
assert_same_geometry (OGRGeometryH a,
                      OGRGeometryH b)
{
  g_autofree guchar *wa = NULL;
  g_autofree guchar *wb = NULL;
  int size;

  g_assert_true ((a == NULL) == (b == NULL));
  if (a == NULL)
    return;
  size = OGR_G_WkbSize (a);
  g_assert_cmpint (size, ==, OGR_G_WkbSize (b));
  wa = g_malloc (size);
  wb = g_malloc (size);
  OGR_G_ExportToWkb (a, wkbNDR, wa);
  OGR_G_ExportToWkb (b, wkbNDR, wb);
  g_assert_cmpmem (wa, size, wb, size);
}

static void
assert_same_fields (const DmFeature *a,
                    const DmFeature *b)
{
  GHashTableIter iter;
  gpointer name, value;

  g_assert_cmpuint (g_hash_table_size (a->fields), ==, g_hash_table_size (b->fields));
  g_hash_table_iter_init (&iter, a->fields);
  while (g_hash_table_iter_next (&iter, &name, &value))
    g_assert_cmpstr (dm_feature_get (b, name), ==, value);
}

static void
test_geodata_round_trip (void)
{
  g_autofree char *cache = use_new_cache_dir ();
  g_autofree char *geo = bundled_geo_dir ();
  g_autoptr(DmGeodata) read = load_geodata (geo);
  g_autoptr(DmGeodata) cached = NULL;

  g_assert_cmpuint (count_entries (cache, "geodata"), ==, 1);
  cached = load_geodata (geo);
  g_assert_cmpstr (dm_geodata_get_cache_key (read), ==, dm_geodata_get_cache_key (cached));

  for (DmLayer l = 0; l < DM_N_LAYERS; l++)
    {
      DmVector *a = dm_geodata_get_layer (read, l);
      DmVector *b = dm_geodata_get_layer (cached, l);

      g_assert_cmpstr (a->path, ==, b->path);
      g_assert_cmpstr (a->driver, ==, b->driver);
      g_assert_cmpuint (a->n_vertices, ==, b->n_vertices);
      g_assert_cmpuint (a->n_repaired, ==, b->n_repaired);
      g_assert_cmpuint (a->features->len, ==, b->features->len);
      g_assert_cmpuint (dm_geodata_get_shapes (read, l)->len, ==,
                        dm_geodata_get_shapes (cached, l)->len);
      for (guint i = 0; i < a->features->len; i++)
        {
          DmFeature *fa = g_ptr_array_index (a->features, i);
          DmFeature *fb = g_ptr_array_index (b->features, i);

          g_assert_cmpuint (fa->index, ==, fb->index);
          assert_same_geometry (fa->geometry, fb->geometry);
          assert_same_fields (fa, fb);
        }
    }
  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    {
      assert_same_geometry (dm_geodata_get_region (read, r), dm_geodata_get_region (cached, r));
      g_assert_cmpfloat (dm_geodata_get_region_area (read, r), ==,
                         dm_geodata_get_region_area (cached, r));
    }
  assert_same_geometry (dm_geodata_get_ukraine (read), dm_geodata_get_ukraine (cached));
  assert_same_geometry (dm_geodata_get_coast_margin (read), dm_geodata_get_coast_margin (cached));
  g_assert_cmpuint (dm_geodata_get_places (read)->len, ==, dm_geodata_get_places (cached)->len);
}

/* Rewrites the one entry of kind with the value changed by edit, under the
 * key it was stored with: what a load then returns shows whether the cache
 * was used. */
static void
plant_entry (const char *dir,
             const char *kind,
             GVariant *(*edit) (GVariant *value))
{
  g_autofree char *path = entry_path (dir, kind);
  g_autofree char *bytes = NULL;
  g_autoptr(GVariant) envelope = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GVariant) edited = NULL;
  const char *key;
  gsize size;

  g_assert_true (g_file_get_contents (path, &bytes, &size, NULL));
  envelope = g_variant_ref_sink (g_variant_new_from_data (G_VARIANT_TYPE ("(ssv)"), bytes, size,
                                                          FALSE, NULL, NULL));
  g_variant_get (envelope, "(&s&sv)", NULL, &key, &value);
  edited = g_variant_ref_sink (edit (value));
  g_assert_true (dm_cache_store (kind, key, edited, 0));
}

/* The geography with Crimea's area replaced by 1234.5 km². */
static GVariant *
edit_geodata_area (GVariant *value)
{
  g_autoptr(GVariant) layers = NULL;
  g_autoptr(GVariant) regions = NULL;
  g_autoptr(GVariant) ukraine = NULL;
  g_autoptr(GVariant) margin = NULL;
  g_autoptr(GVariant) areas = NULL;
  g_autofree double *changed = NULL;
  gsize n;

  g_variant_get (value, "(@*@*@ad@ay@ay)", &layers, &regions, &areas, &ukraine, &margin);
  changed = g_memdup2 (g_variant_get_fixed_array (areas, &n, sizeof (double)),
                       sizeof (double) * DM_N_REGIONS);
  g_assert_cmpuint (n, ==, DM_N_REGIONS);
  changed[DM_REGION_CRIMEA] = 1234.5;
  return g_variant_new ("(@*@*@ad@ay@ay)", layers, regions,
                        g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, changed, n,
                                                   sizeof (double)),
                        ukraine, margin);
}

static void
test_geodata_used_only_for_same_files (void)
{
  g_autofree char *cache = use_new_cache_dir ();
  g_autofree char *geo = copy_geo_dir ();
  g_autofree char *oblasts = g_build_filename (geo, "oblasts.geojson", NULL);
  g_autoptr(DmGeodata) first = load_geodata (geo);
  double crimea = dm_geodata_get_region_area (first, DM_REGION_CRIMEA);
  g_autofree char *bytes = NULL;
  gsize size;

  /* Same files: the planted entry is what loads. */
  plant_entry (cache, "geodata", edit_geodata_area);
  {
    g_autoptr(DmGeodata) cached = load_geodata (geo);

    g_assert_cmpfloat (dm_geodata_get_region_area (cached, DM_REGION_CRIMEA), ==, 1234.5);
  }

  /* The same bytes written again (another modification time): read afresh. */
  g_assert_true (g_file_get_contents (oblasts, &bytes, &size, NULL));
  g_usleep (20000);
  g_assert_true (g_file_set_contents (oblasts, bytes, (gssize) size, NULL));
  {
    g_autoptr(DmGeodata) fresh = load_geodata (geo);

    g_assert_cmpfloat (dm_geodata_get_region_area (fresh, DM_REGION_CRIMEA), ==, crimea);
  }
}

static void
test_broken_entries_ignored (void)
{
  g_autofree char *cache = use_new_cache_dir ();
  g_autofree char *geo = bundled_geo_dir ();
  g_autoptr(DmGeodata) first = load_geodata (geo);
  g_autofree char *path = entry_path (cache, "geodata");
  g_autofree char *bytes = NULL;
  const char *cases[] = { "truncated", "garbage", "empty", "wrong type", "bad wkb" };
  gsize size;

  g_assert_true (g_file_get_contents (path, &bytes, &size, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DmGeodata) again = NULL;

      g_test_message ("cache entry: %s", cases[i]);
      if (i == 0)
        g_assert_true (g_file_set_contents (path, bytes, (gssize) size / 2, NULL));
      else if (i == 1)
        {
          g_autofree char *noise = g_strnfill (size, '\x5a');

          g_assert_true (g_file_set_contents (path, noise, (gssize) size, NULL));
        }
      else if (i == 2)
        g_assert_true (g_file_set_contents (path, "", 0, NULL));
      else if (i == 3)
        g_assert_true (dm_cache_store ("geodata", dm_geodata_get_cache_key (first),
                                       g_variant_new_string ("not geography"), 0));
      else
        {
          /* The right type, with bytes GDAL cannot read as WKB. */
          GVariantBuilder regions;
          GVariant *value;

          g_variant_builder_init (&regions, G_VARIANT_TYPE ("aay"));
          for (guint r = 0; r < DM_N_REGIONS; r++)
            g_variant_builder_add_value (&regions, g_variant_new_bytestring ("not wkb"));
          value = g_variant_new ("(@a(sbuusa(uaya{ss}))@aay@ad@ay@ay)",
                                 g_variant_new_array (G_VARIANT_TYPE ("(sbuusa(uaya{ss}))"),
                                                      NULL, 0),
                                 g_variant_builder_end (&regions),
                                 g_variant_new_array (G_VARIANT_TYPE_DOUBLE, NULL, 0),
                                 g_variant_new_bytestring ("x"), g_variant_new_bytestring ("y"));
          g_assert_true (dm_cache_store ("geodata", dm_geodata_get_cache_key (first), value, 0));
        }
      again = load_geodata (geo);
      g_assert_cmpfloat (dm_geodata_get_region_area (again, DM_REGION_DONETSK), ==,
                         dm_geodata_get_region_area (first, DM_REGION_DONETSK));
    }
}

static DmControlArea *
load_control (const char *date)
{
  g_autoptr(GError) error = NULL;
  const DmControlInfo *info = dm_catalog_find_control (dm_test_catalog (), date);
  DmControlArea *control;

  g_assert_nonnull (info);
  control = dm_catalog_load_control (dm_test_catalog (), info, NULL, &error);
  g_assert_no_error (error);
  return control;
}

static DmPartition *
derive (DmGeodata     *geodata,
        DmControlArea *control)
{
  g_autoptr(GError) error = NULL;
  DmPartition *partition = dm_partition_derive (geodata, control, NULL, &error);

  g_assert_no_error (error);
  return partition;
}

/* A day's parts with the enclosed strips' area replaced by 42 km². */
static GVariant *
edit_enclosed (GVariant *value)
{
  g_autoptr(GVariant) control = NULL;
  g_autoptr(GVariant) parts = NULL;
  g_autoptr(GVariant) front = NULL;

  g_variant_get (value, "(@ayd@a(ayd)@ay)", &control, NULL, &parts, &front);
  return g_variant_new ("(@ayd@a(ayd)@ay)", control, 42.0, parts, front);
}

static void
test_partition_cache (void)
{
  g_autofree char *cache = use_new_cache_dir ();
  g_autofree char *geo = bundled_geo_dir ();
  g_autoptr(DmGeodata) geodata = load_geodata (geo);
  g_autoptr(DmControlArea) control = load_control ("2025-11-20");
  g_autoptr(DmControlArea) other = load_control ("2025-06-01");
  g_autoptr(DmPartition) cut = derive (geodata, control);
  g_autoptr(DmPartition) cached = NULL;
  double enclosed = dm_partition_get_enclosed_area (cut);

  g_assert_cmpuint (count_entries (cache, "partition"), ==, 1);
  cached = derive (geodata, control);
  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        assert_same_geometry (dm_partition_get_geometry (cut, r, p),
                              dm_partition_get_geometry (cached, r, p));
        g_assert_cmpfloat (dm_partition_get_area (cut, r, p), ==,
                           dm_partition_get_area (cached, r, p));
        g_assert_false (dm_shape_is_empty (dm_partition_get_shape (cut, r, p)) !=
                        dm_shape_is_empty (dm_partition_get_shape (cached, r, p)));
      }
  assert_same_geometry (dm_partition_get_control (cut), dm_partition_get_control (cached));
  assert_same_geometry (dm_partition_get_front_geometry (cut),
                        dm_partition_get_front_geometry (cached));
  g_assert_cmpstr (dm_partition_get_date (cached), ==, "2025-11-20");

  /* Used for the same control area, not for another day's. */
  plant_entry (cache, "partition", edit_enclosed);
  {
    g_autoptr(DmPartition) planted = derive (geodata, control);
    g_autoptr(DmPartition) elsewhere = derive (geodata, other);

    g_assert_cmpfloat (dm_partition_get_enclosed_area (planted), ==, 42.0);
    g_assert_cmpfloat (dm_partition_get_enclosed_area (elsewhere), !=, 42.0);
    g_assert_cmpfloat (enclosed, !=, 42.0);
    g_assert_cmpuint (count_entries (cache, "partition"), ==, 2);
  }
}

static void
test_prune_and_off (void)
{
  g_autofree char *cache = use_new_cache_dir ();
  g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_string ("v"));

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *key = g_strdup_printf ("key %u", i);

      g_assert_true (dm_cache_store ("test", key, value, 3));
      g_usleep (20000); /* distinct modification times */
    }
  g_assert_cmpuint (count_entries (cache, "test"), ==, 3);
  /* The newest are kept. */
  g_assert_null (dm_cache_load ("test", "key 0", G_VARIANT_TYPE_STRING));
  g_assert_null (dm_cache_load ("test", "key 1", G_VARIANT_TYPE_STRING));
  {
    g_autoptr(GVariant) kept = dm_cache_load ("test", "key 4", G_VARIANT_TYPE_STRING);

    g_assert_nonnull (kept);
    g_assert_cmpstr (g_variant_get_string (kept, NULL), ==, "v");
  }
  /* Another type under the same key is no hit. */
  g_assert_null (dm_cache_load ("test", "key 4", G_VARIANT_TYPE_INT32));

  /* An empty DEMARCATE_CACHE_DIR turns caching off. */
  g_setenv ("DEMARCATE_CACHE_DIR", "", TRUE);
  g_assert_false (dm_cache_store ("test", "key 5", value, 0));
  g_assert_null (dm_cache_get_dir ());
  g_assert_cmpuint (count_entries (cache, "test"), ==, 3);
}

/* The fuzzer's seeds (tests/fuzz/seeds/cache) decode: the fuzzer starts
 * from inputs that reach the decoders' every step. */
static GVariant *
read_seed (const char         *name,
           const GVariantType *type)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "seeds", "cache", name,
                                                 NULL);
  g_autofree char *bytes = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &bytes, &size, NULL));
  g_assert_cmpuint (size, >, 1);
  return g_variant_ref_sink (g_variant_new_from_data (type, g_memdup2 (bytes + 1, size - 1),
                                                      size - 1, FALSE, g_free, NULL));
}

static void
test_fuzz_seeds_decode (void)
{
  g_autoptr(GVariant) geo = read_seed ("value-geodata",
                                       G_VARIANT_TYPE (DM_GEODATA_CACHE_TYPE));
  g_autoptr(GVariant) part = read_seed ("value-partition", G_VARIANT_TYPE (DM_PARTITION_CACHE_TYPE));
  g_autoptr(DmGeodata) geodata = _dm_geodata_new_from_cached ("/nonexistent", geo);
  g_autoptr(DmPartition) partition = _dm_partition_new_from_cached (part);

  g_assert_nonnull (geodata);
  g_assert_cmpuint (dm_geodata_get_layer (geodata, DM_LAYER_OBLASTS)->features->len, ==, 1);
  g_assert_nonnull (partition);
  g_assert_cmpfloat (dm_partition_get_enclosed_area (partition), ==, 12.5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cache/geodata-round-trip", test_geodata_round_trip);
  g_test_add_func ("/cache/geodata-same-files-only", test_geodata_used_only_for_same_files);
  g_test_add_func ("/cache/broken-entries-ignored", test_broken_entries_ignored);
  g_test_add_func ("/cache/partition", test_partition_cache);
  g_test_add_func ("/cache/prune-and-off", test_prune_and_off);
  g_test_add_func ("/cache/fuzz-seeds-decode", test_fuzz_seeds_decode);
  return g_test_run ();
}
