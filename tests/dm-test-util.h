/* dm-test-util.h: shared by the tests: where the data is and scratch files. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include <cpl_vsi.h>

#include "dm-catalog.h"
#include "dm-control.h"
#include "dm-partition.h"
#include "dm-geodata.h"

G_BEGIN_DECLS

static inline const char *
dm_test_data_dir (void)
{
  return dm_data_dir ();
}

static inline char *
dm_test_geo_path (const char *name)
{
  return g_build_filename (dm_test_data_dir (), "geo", name, NULL);
}

/* Writes `contents` to a new file in a per-test scratch folder. */
static inline char *
dm_test_write (const char *name,
               const char *contents,
               gssize      length)
{
  static char *dir = NULL;
  char *path;

  if (dir == NULL)
    dir = g_dir_make_tmp ("demarcate-test-XXXXXX", NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

/* A day of DeepStateMap's archive as published, copied out of the tarball
 * the build unpacked (DEMARCATE_TEST_DAYS_TAR) into the scratch folder
 * under its archive name, deepstatemap_data_YYYYMMDD.geojson. */
static inline char *
dm_test_day_file (const char *date)
{
  g_auto(GStrv) parts = g_strsplit (date, "-", 3);
  g_autofree char *compact = g_strjoinv ("", parts);
  g_autofree char *name = g_strdup_printf ("deepstatemap_data_%s.geojson", compact);
  g_autofree char *inner = g_strdup_printf ("/vsitar/%s/data/%s",
                                            g_getenv ("DEMARCATE_TEST_DAYS_TAR"), name);
  VSILFILE *f;
  vsi_l_offset size;
  g_autofree char *bytes = NULL;

  g_assert_nonnull (g_getenv ("DEMARCATE_TEST_DAYS_TAR"));
  f = VSIFOpenL (inner, "rb");
  g_assert_nonnull (f);
  VSIFSeekL (f, 0, SEEK_END);
  size = VSIFTellL (f);
  VSIFSeekL (f, 0, SEEK_SET);
  bytes = g_malloc (size);
  g_assert_cmpuint (VSIFReadL (bytes, 1, size, f), ==, size);
  VSIFCloseL (f);
  return dm_test_write (name, bytes, size);
}

/* Loading the geography takes a while; tests in one binary share it. */
static inline DmGeodata *
dm_test_geodata (void)
{
  static DmGeodata *geodata = NULL;

  if (geodata == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_build_filename (dm_test_data_dir (), "geo", NULL);

      geodata = dm_geodata_load (dir, NULL, &error);
      g_assert_no_error (error);
    }
  return geodata;
}

/* The bundled proposals and control dates (no user folder). */
static inline DmCatalog *
dm_test_catalog (void)
{
  static DmCatalog *catalog = NULL;

  if (catalog == NULL)
    {
      g_autoptr(GError) error = NULL;
      catalog = dm_catalog_new (dm_test_data_dir (), NULL, &error);
      g_assert_no_error (error);
    }
  return catalog;
}

/* The parts on one bundled day; the caller owns the partition. */
static inline DmPartition *
dm_test_partition_for (const char *date)
{
  const DmControlInfo *info = dm_catalog_find_control (dm_test_catalog (), date);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmControlArea) control = NULL;
  DmPartition *partition;

  g_assert_nonnull (info);
  control = dm_catalog_load_control (dm_test_catalog (), info, NULL, &error);
  g_assert_no_error (error);
  partition = dm_partition_derive (dm_test_geodata (), control, NULL, &error);
  g_assert_no_error (error);
  return partition;
}

G_END_DECLS
