/* dm-cache.c: derived geometry kept between runs in the user's cache folder, valid only for the inputs it came from.
 *
 * Reading the bundled GeoJSON, repairing it and merging oblasts into
 * regions takes about 300 ms of every start and every command-line export,
 * and cutting a day's line by the regions about 100 ms more, for results
 * that only change when their inputs do. Those results are stored here as
 * GVariants (GLib's serialisation, safe to read from untrusted bytes and
 * readable in place from a mapped file) holding WKB, which GDAL reads
 * back without parsing text or calling GEOS.
 *
 * A file holds ("demarcate-cache FORMAT GDAL", key, value). The file's name
 * is a checksum of the key; the key inside must match the one asked for in
 * full, and the value's type the one expected, or the file is ignored and
 * the caller derives the data afresh. DEMARCATE_CACHE_DIR names another
 * folder; set to the empty string it turns caching off. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "dm-cache.h"

/* Raise when what a kind stores changes shape or meaning. */
#define FORMAT_VERSION 1
#define ENVELOPE_TYPE  "(ssv)"

static const char *
header (void)
{
  static gsize once;
  static char *text;

  if (g_once_init_enter (&once))
    {
      text = g_strdup_printf ("demarcate-cache %d %s GDAL %s", FORMAT_VERSION, PACKAGE_VERSION,
                              GDALVersionInfo ("RELEASE_NAME"));
      g_once_init_leave (&once, 1);
    }
  return text;
}

/* NULL when caching is off. */
char *
dm_cache_get_dir (void)
{
  const char *dir = g_getenv ("DEMARCATE_CACHE_DIR");

  if (dir != NULL)
    return *dir != '\0' ? g_strdup (dir) : NULL;
  return g_build_filename (g_get_user_cache_dir (), "demarcate", NULL);
}

/* Names each file by where it is, its size, its modification time to the
 * nanosecond and its inode: editing or replacing one gives another key. A
 * missing file is part of the key too. */
char *
dm_cache_key_for_files (const char          *dir,
                        const char * const  *names)
{
  g_autofree char *canonical = g_canonicalize_filename (dir, NULL);
  GString *key = g_string_new (canonical);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (canonical, names[i], NULL);
      struct stat st;

      if (stat (path, &st) != 0)
        g_string_append_printf (key, "\n%s missing", names[i]);
      else
        g_string_append_printf (key, "\n%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT ".%09ld %"
                                G_GUINT64_FORMAT, names[i], (gint64) st.st_size,
                                (gint64) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec,
                                (guint64) st.st_ino);
    }
  return g_string_free (key, FALSE);
}

static char *
entry_path (const char *dir,
            const char *kind,
            const char *key)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  g_autofree char *name = g_strdup_printf ("%s-%.32s.gvariant", kind, sum);

  return g_build_filename (dir, name, NULL);
}

/* The value stored for key, or NULL if there is none, it is for other
 * inputs or another build, or it is not of the type asked for. */
GVariant *
dm_cache_load (const char          *kind,
               const char          *key,
               const GVariantType  *type)
{
  g_autofree char *dir = dm_cache_get_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) envelope = NULL;
  g_autoptr(GVariant) value = NULL;
  const char *stored_header, *stored_key;

  if (dir == NULL)
    return NULL;
  path = entry_path (dir, kind, key);
  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  envelope = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ENVELOPE_TYPE),
                                                           bytes, FALSE));
  g_variant_get (envelope, "(&s&sv)", &stored_header, &stored_key, &value);
  if (!g_str_equal (stored_header, header ()) || !g_str_equal (stored_key, key) ||
      !g_variant_is_of_type (value, type))
    return NULL;
  /* Kept in use: pruning removes the entries used longest ago. */
  utimensat (AT_FDCWD, path, NULL, 0);
  return g_steal_pointer (&value);
}

typedef struct
{
  char   *path;
  gint64  mtime;
} Entry;

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Entry *x = a, *y = b;

  return (x->mtime < y->mtime) - (x->mtime > y->mtime);
}

/* Leaves the max_entries entries of kind used last. */
static void
prune (const char *dir,
       const char *kind,
       guint       max_entries)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strconcat (kind, "-", NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      Entry entry;
      struct stat st;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".gvariant"))
        continue;
      entry.path = g_build_filename (dir, name, NULL);
      entry.mtime = stat (entry.path, &st) == 0 ? (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC +
                                                  st.st_mtim.tv_nsec / 1000 : 0;
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_newest_first);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      if (i >= max_entries)
        g_unlink (entry->path);
      g_free (entry->path);
    }
}

/* Writes atomically (a reader sees the old file or the new, whole); then
 * leaves at most max_entries entries of kind (0: no bound). A cache that
 * cannot be written only costs time, so failures are not reported beyond
 * the return value. */
gboolean
dm_cache_store (const char *kind,
                const char *key,
                GVariant   *value,
                guint       max_entries)
{
  g_autofree char *dir = dm_cache_get_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GVariant) envelope = NULL;
  gboolean ok;

  if (dir == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    return FALSE;
  path = entry_path (dir, kind, key);
  envelope = g_variant_ref_sink (g_variant_new ("(ss@v)", header (), key,
                                                g_variant_new_variant (value)));
  ok = g_file_set_contents_full (path, g_variant_get_data (envelope),
                                 (gssize) g_variant_get_size (envelope),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
  if (ok && max_entries > 0)
    prune (dir, kind, max_entries);
  return ok;
}

/* WKB in an "ay"; NULL geometry is an empty array. */
GVariant *
dm_cache_geometry_to_variant (OGRGeometryH geometry)
{
  gsize size;
  guchar *wkb;

  if (geometry == NULL)
    return g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, NULL, 0, 1);
  size = (gsize) OGR_G_WkbSize (geometry);
  wkb = g_malloc (size);
  OGR_G_ExportToWkb (geometry, wkbNDR, wkb);
  return g_variant_new_from_data (G_VARIANT_TYPE_BYTESTRING, wkb, size, TRUE, g_free, wkb);
}

/* The geometry back, or NULL for an empty array. *ok is set FALSE when the
 * bytes are not WKB GDAL can read (and left alone otherwise), so a caller
 * reading many can check once. */
OGRGeometryH
dm_cache_geometry_from_variant (GVariant *wkb,
                                gboolean *ok)
{
  gsize size;
  const guchar *data = g_variant_get_fixed_array (wkb, &size, 1);
  OGRGeometryH geometry = NULL;

  if (size == 0)
    return NULL;
  if (size > G_MAXINT || OGR_G_CreateFromWkb (data, NULL, &geometry, (int) size) != OGRERR_NONE)
    {
      *ok = FALSE;
      return NULL;
    }
  return geometry;
}
