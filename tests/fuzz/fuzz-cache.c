/* fuzz-cache.c: libFuzzer target for what is read back from the cache folder (dm-cache.c). */
#include "config.h"

#include <glib/gstdio.h>

#include "dm-cache.h"
#include "dm-fuzz.h"
#include "dm-geodata-private.h"
#include "dm-partition.h"

static char *cache_dir;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  dm_fuzz_init ();
  cache_dir = g_dir_make_tmp ("demarcate-fuzz-cache-XXXXXX", NULL);
  g_setenv ("DEMARCATE_CACHE_DIR", cache_dir, TRUE);
  return 0;
}

/* The first byte picks what the rest is: a whole entry file, read with
 * dm_cache_load's checks; or an entry's value, decoded as the geography
 * or as a day's parts (every part of the bytes past the envelope's
 * checks, which a fuzzer would rarely get through by chance). */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) value = NULL;

  if (size < 1)
    return 0;
  bytes = g_bytes_new (data + 1, size - 1);
  switch (data[0] % 3)
    {
    case 0:
      {
        /* The bytes as a whole entry file, put where dm_cache_load looks
         * for the key they name, then decoded if they pass its checks. */
        g_autoptr(GVariant) envelope =
          g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(ssv)"), bytes, FALSE));
        g_autoptr(GVariant) inner = NULL;
        g_autoptr(DmPartition) partition = NULL;
        g_autofree char *sum = NULL;
        g_autofree char *name = NULL;
        g_autofree char *path = NULL;
        const char *header, *key;

        g_variant_get (envelope, "(&s&sv)", &header, &key, &inner);
        sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
        name = g_strdup_printf ("partition-%.32s.gvariant", sum);
        path = g_build_filename (cache_dir, name, NULL);
        g_assert_true (g_file_set_contents (path, (const char *) data + 1, (gssize) size - 1,
                                            NULL));
        value = dm_cache_load ("partition", key, G_VARIANT_TYPE (DM_PARTITION_CACHE_TYPE));
        if (value != NULL)
          partition = _dm_partition_new_from_cached (value);
        g_unlink (path);
        break;
      }
    case 1:
      {
        g_autoptr(DmGeodata) geodata = NULL;

        value = g_variant_ref_sink (g_variant_new_from_bytes (
          G_VARIANT_TYPE (DM_GEODATA_CACHE_TYPE), bytes, FALSE));
        geodata = _dm_geodata_new_from_cached ("/nonexistent", value);
        break;
      }
    default:
      {
        g_autoptr(DmPartition) partition = NULL;

        value = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (DM_PARTITION_CACHE_TYPE),
                                                              bytes, FALSE));
        partition = _dm_partition_new_from_cached (value);
        break;
      }
    }
  return 0;
}
