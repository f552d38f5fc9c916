/* bench-memory.c: what the data and one day's partition hold on the heap (mallinfo2), for the Speed issue's memory figure. */
#include "config.h"

#include <malloc.h>

#include "dm-catalog.h"
#include "dm-geodata.h"
#include "dm-memory.h"
#include "dm-partition.h"

static double
heap_mb (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *geo_dir = NULL;
  g_autoptr(DmCatalog) catalog = NULL;
  g_autoptr(GPtrArray) partitions = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_partition_unref);
  DmGeodata *geodata;
  GPtrArray *controls;
  double before, after;
  guint n_days = 16;

  dm_memory_tune ();
  before = heap_mb ();
  catalog = dm_catalog_new (dm_data_dir (), NULL, &error);
  g_assert_no_error (error);
  g_print ("%-44s %7.1f MB\n", "catalog", heap_mb () - before);
  geo_dir = g_build_filename (dm_data_dir (), "geo", NULL);
  before = heap_mb ();
  geodata = dm_geodata_load (geo_dir, NULL, &error);
  g_assert_no_error (error);
  g_print ("%-44s %7.1f MB\n", "geodata (oblasts, land, rivers ...)", heap_mb () - before);

  controls = dm_catalog_get_controls (catalog);
  before = heap_mb ();
  for (guint i = 0; i < n_days; i++)
    {
      const DmControlInfo *info = g_ptr_array_index (controls, controls->len - 1 - i * 7);
      g_autoptr(DmControlArea) control = dm_catalog_load_control (catalog, info, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (partitions, dm_partition_derive (geodata, control, NULL, &error));
      g_assert_no_error (error);
    }
  after = heap_mb ();
  g_print ("%-44s %7.2f MB  (%u days)\n", "one day's partition, kept", (after - before) / n_days,
           n_days);
  g_ptr_array_set_size (partitions, 0);
  before = heap_mb ();
  for (guint i = 0; i < n_days; i++)
    {
      const DmControlInfo *info = g_ptr_array_index (controls, controls->len - 1 - i * 7);
      g_autoptr(DmControlArea) control = dm_catalog_load_control (catalog, info, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (partitions, dm_partition_derive_areas (geodata, control, NULL, &error));
      g_assert_no_error (error);
    }
  g_print ("%-44s %7.2f MB\n", "  ... of which its OGR geometry (no shapes)",
           (heap_mb () - before) / n_days);
  malloc_trim (0);
  g_print ("%-44s %7.1f MB\n", "heap in use now", heap_mb ());
  g_ptr_array_set_size (partitions, 0);
  dm_geodata_unref (geodata);
  return 0;
}
