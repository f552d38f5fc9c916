/* dm-import.c: opens the vector files users bring (archives included) as control areas, overlays or a dated series. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include "dm-error.h"
#include "dm-geom.h"
#include "dm-import.h"

typedef char **DmCplStringList;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (DmCplStringList, CSLDestroy, NULL)

/* What a folder scan tries; anything else in the folder (notes, pictures,
 * Shapefile sidecars) is passed over without a complaint. */
static const char * const vector_extensions[] = {
  "geojson", "json", "kml", "kmz", "shp", "zip", "gpkg", "fgb", "gml", "gpx", NULL
};

void
dm_imported_file_free (DmImportedFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->display_name);
  g_free (file->date);
  g_clear_pointer (&file->vector, dm_vector_free);
  g_free (file);
}

static gboolean
has_extension (const char *name,
               const char *ext)
{
  const char *dot = strrchr (name, '.');

  return dot != NULL && g_ascii_strcasecmp (dot + 1, ext) == 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
is_vector_name (const char *name)
{
  for (guint i = 0; vector_extensions[i] != NULL; i++)
    if (has_extension (name, vector_extensions[i]))
      return TRUE;
  return FALSE;
}

/* "2025-03-04", "2025/03/04" (how GDAL prints Date fields) or a date-time
 * starting with either; anything else is not a date. */
static char *
normalise_date (const char *value)
{
  static const int digits[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
  int y, m, d;

  if (value == NULL || strlen (value) < 10)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (!g_ascii_isdigit (value[digits[i]]))
      return NULL;
  if (value[4] != value[7] || (value[4] != '-' && value[4] != '/'))
    return NULL;
  if (value[10] != '\0' && value[10] != 'T' && value[10] != ' ')
    return NULL;

  y = g_ascii_digit_value (value[0]) * 1000 + g_ascii_digit_value (value[1]) * 100 +
      g_ascii_digit_value (value[2]) * 10 + g_ascii_digit_value (value[3]);
  m = g_ascii_digit_value (value[5]) * 10 + g_ascii_digit_value (value[6]);
  d = g_ascii_digit_value (value[8]) * 10 + g_ascii_digit_value (value[9]);
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* Tools write "date", "Date" or "DATE" (Shapefiles); all mean the same. */
static const char *
feature_get_nocase (const DmFeature *feature,
                    const char      *field)
{
  GHashTableIter iter;
  gpointer key, value;

  if (feature->fields == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, feature->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_ascii_strcasecmp (key, field) == 0)
      return value;
  return NULL;
}

static char *
date_for (const DmVector *vector,
          const char     *path)
{
  for (guint i = 0; i < vector->features->len; i++)
    {
      char *date = normalise_date (feature_get_nocase (g_ptr_array_index (vector->features, i),
                                                       "date"));
      if (date != NULL)
        return date;
    }
  return dm_control_date_from_path (path);
}

typedef struct
{
  char    *name;
  guint64  size; /* uncompressed */
} ArchiveEntry;

static void
archive_entry_free (gpointer data)
{
  ArchiveEntry *entry = data;

  g_free (entry->name);
  g_free (entry);
}

static guint
read_u16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static gboolean
read_at (VSILFILE *fp,
         guint64   offset,
         guint8   *buffer,
         gsize     length)
{
  return VSIFSeekL (fp, offset, SEEK_SET) == 0 && VSIFReadL (buffer, 1, length, fp) == length;
}

/* The members of a zip archive, from its central directory, read here so
 * that their number and unpacked sizes are checked before GDAL opens
 * anything (listing 40,000 folders through /vsizip/ takes half a minute). */
static GPtrArray *
list_archive (const char  *path,
              const char  *display,
              guint64     *total_size,
              GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (archive_entry_free);
  g_autofree guint8 *tail = NULL;
  g_autofree guint8 *directory = NULL;
  VSILFILE *fp;
  guint64 file_size, tail_size, dir_offset, dir_size;
  const guint8 *end = NULL;
  guint n_entries;
  gsize pos = 0;

  *total_size = 0;
  fp = VSIFOpenL (path, "rb");
  if (fp == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("%s: cannot be read"), display);
      return NULL;
    }
  VSIFSeekL (fp, 0, SEEK_END);
  file_size = VSIFTellL (fp);
  if (file_size == 0)
    {
      VSIFCloseL (fp);
      g_set_error (error, DM_ERROR, DM_ERROR_EMPTY, _("%s: the file is empty"), display);
      return NULL;
    }
  if (file_size > (guint64) DM_VECTOR_MAX_BYTES)
    {
      g_autofree char *size_text = g_format_size (file_size);
      g_autofree char *limit_text = g_format_size (DM_VECTOR_MAX_BYTES);

      VSIFCloseL (fp);
      g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                   _("%s: the archive is too large (%s; the limit is %s). Extract the file you "
                     "want and open it"), display, size_text, limit_text);
      return NULL;
    }

  /* The end record is in the last 22 bytes plus up to 64 KB of comment. */
  tail_size = MIN (file_size, 22 + 65535);
  tail = g_malloc (tail_size);
  if (tail_size >= 22 && read_at (fp, file_size - tail_size, tail, tail_size))
    for (gsize i = tail_size - 22 + 1; i-- > 0 && end == NULL;)
      if (read_u32 (tail + i) == 0x06054b50)
        end = tail + i;
  if (end == NULL)
    {
      VSIFCloseL (fp);
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: not a zip archive, or the archive is damaged"), display);
      return NULL;
    }
  n_entries = read_u16 (end + 10);
  dir_size = read_u32 (end + 12);
  dir_offset = read_u32 (end + 16);
  /* Zip64 (a count of 0xFFFF, or its locator just before) means more
   * members or bytes than any bound here allows. */
  if (n_entries > DM_VECTOR_MAX_ARCHIVE_ENTRIES || n_entries == 0xFFFF ||
      (end - tail >= 20 && read_u32 (end - 20) == 0x07064b50))
    {
      VSIFCloseL (fp);
      g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                   _("%s: the archive has %s%u entries; the limit is %u. Extract the "
                     "file you want and open it"), display,
                   n_entries >= 0xFFFF ? _("more than ") : "", MIN (n_entries, 0xFFFF),
                   DM_VECTOR_MAX_ARCHIVE_ENTRIES);
      return NULL;
    }
  /* Each directory entry is 46 bytes and three fields of at most 64 KB. */
  if (dir_offset + dir_size > file_size || dir_size > (guint64) n_entries * (46 + 3 * 65535))
    {
      VSIFCloseL (fp);
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: the zip archive is damaged (its directory lies outside the file)"),
                   display);
      return NULL;
    }
  directory = g_malloc (MAX (dir_size, 1));
  if (!read_at (fp, dir_offset, directory, dir_size))
    {
      VSIFCloseL (fp);
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: the zip archive is damaged (its directory cannot be read)"), display);
      return NULL;
    }
  VSIFCloseL (fp);

  for (guint i = 0; i < n_entries; i++)
    {
      const guint8 *p = directory + pos;
      ArchiveEntry *entry;
      guint name_length;
      guint32 size;

      if (pos + 46 > dir_size || read_u32 (p) != 0x02014b50 ||
          pos + 46 + read_u16 (p + 28) > dir_size)
        {
          g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                       _("%s: the zip archive is damaged (entry %u of its directory)"),
                       display, i + 1);
          return NULL;
        }
      name_length = read_u16 (p + 28);
      size = read_u32 (p + 24);
      entry = g_new0 (ArchiveEntry, 1);
      entry->name = g_strndup ((const char *) p + 46, name_length);
      /* 0xFFFFFFFF defers to a Zip64 field: at least 4 GB. */
      entry->size = size == 0xFFFFFFFF ? G_MAXUINT64 / 2 : size;
      *total_size += entry->size;
      g_ptr_array_add (entries, entry);
      pos += 46 + name_length + read_u16 (p + 30) + read_u16 (p + 32);
    }
  return g_steal_pointer (&entries);
}

static gboolean
is_zip (const char *path)
{
  guint8 magic[4] = { 0 };
  VSILFILE *fp = VSIFOpenL (path, "rb");

  if (fp == NULL)
    return FALSE;
  VSIFReadL (magic, 1, sizeof magic, fp);
  VSIFCloseL (fp);
  return magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5);
}

/* The one member of a zip archive that GDAL should open, chosen by
 * extension; macOS resource forks (__MACOSX/, ._name) are not data. The
 * unpacked sizes are checked first: a small KMZ can hold gigabytes. */
static char *
find_in_archive (const char  *path,
                 const char  *display,
                 const char  *ext,
                 const char  *preferred,
                 GError     **error)
{
  g_autofree char *root = g_strconcat ("/vsizip/", path, NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  ArchiveEntry *chosen = NULL;
  guint64 total_size;
  goffset limit;

  dm_gdal_init ();
  entries = list_archive (path, display, &total_size, error);
  if (entries == NULL)
    return NULL;
  /* An archive with no members is as useless as one that is not a zip. */
  if (entries->len == 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT, _("%s: the zip archive is empty"), display);
      return NULL;
    }
  for (guint i = 0; i < entries->len && chosen == NULL; i++)
    {
      ArchiveEntry *entry = g_ptr_array_index (entries, i);
      const char *base = strrchr (entry->name, '/') ? strrchr (entry->name, '/') + 1 : entry->name;

      if (g_str_has_prefix (entry->name, "__MACOSX/") || base[0] == '.')
        continue;
      if (preferred != NULL && g_ascii_strcasecmp (entry->name, preferred) == 0)
        chosen = entry;
      else if (has_extension (base, ext))
        g_ptr_array_add (found, entry);
    }

  if (chosen == NULL && found->len == 0)
    {
      if (g_ascii_strcasecmp (ext, "shp") == 0)
        g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                     _("%s: the zip archive holds no Shapefile (.shp); zip the .shp together "
                       "with its .shx, .dbf and .prj files, or open the file itself"), display);
      else
        g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                     _("%s: the archive holds no .%s document"), display, ext);
      return NULL;
    }
  if (chosen == NULL && found->len > 1)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *list = NULL;

      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (names, ((ArchiveEntry *) found->pdata[i])->name);
      g_ptr_array_sort (names, compare_strings);
      g_ptr_array_add (names, NULL);
      list = g_strjoinv (", ", (char **) names->pdata);
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s: the archive holds several .%s files (%s); extract the one "
                     "you want and open it"), display, ext, list);
      return NULL;
    }
  if (chosen == NULL)
    chosen = g_ptr_array_index (found, 0);

  limit = has_extension (chosen->name, "kml") ? DM_VECTOR_MAX_KML_BYTES : DM_VECTOR_MAX_BYTES;
  if (chosen->size <= (guint64) limit && total_size > (guint64) DM_VECTOR_MAX_BYTES)
    limit = DM_VECTOR_MAX_BYTES;
  if (chosen->size > (guint64) limit || total_size > (guint64) limit)
    {
      g_autofree char *total_text = g_format_size (MIN (total_size, G_MAXINT64));
      g_autofree char *member_text = g_format_size_full (MIN (chosen->size, G_MAXINT64),
                                                         G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit_text = g_format_size (limit);

      g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                   _("%s: the archive expands to %s (“%s” alone is %s); the limit for %s is "
                     "%s. Clip or simplify the data first"),
                   display, total_text, chosen->name, member_text,
                   limit < DM_VECTOR_MAX_BYTES ? _("KML") : _("a vector file"), limit_text);
      return NULL;
    }
  return g_strconcat (root, "/", chosen->name, NULL);
}

/* The reader repairs polygons only when it is asked for polygons; an
 * overlay may mix kinds, so its polygons are repaired here. */
static gboolean
repair_overlay (DmVector    *vector,
                const char  *display,
                gboolean    *polygonal,
                GError     **error)
{
  guint n_geometries = 0;

  *polygonal = TRUE;
  for (guint i = 0; i < vector->features->len; i++)
    {
      DmFeature *feature = g_ptr_array_index (vector->features, i);
      OGRwkbGeometryType type;

      if (feature->geometry == NULL)
        continue;
      n_geometries++;
      type = wkbFlatten (OGR_G_GetGeometryType (feature->geometry));
      if (type != wkbPolygon && type != wkbMultiPolygon)
        {
          *polygonal = FALSE;
          continue;
        }
      /* Repairing a huge invalid polygon can take GEOS minutes; an overlay
       * is only drawn, and the even-odd fill draws it as it is. */
      if (dm_geometry_count_vertices (feature->geometry) <= DM_CONTROL_MAX_VERTICES &&
          !OGR_G_IsValid (feature->geometry))
        {
          OGRGeometryH valid = dm_geom_make_valid (feature->geometry);

          if (valid == NULL || OGR_G_IsEmpty (valid))
            {
              g_clear_pointer (&valid, OGR_G_DestroyGeometry);
              g_set_error (error, DM_ERROR, DM_ERROR_GEOMETRY,
                           _("%s: feature %u is an invalid polygon that cannot be "
                             "repaired (self-intersecting or degenerate rings)"),
                           display, feature->index);
              return FALSE;
            }
          OGR_G_DestroyGeometry (feature->geometry);
          feature->geometry = valid;
          vector->n_repaired++;
        }
    }

  if (n_geometries == 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_GEOMETRY,
                   _("%s: none of the features has a geometry; there is nothing to draw"),
                   display);
      return FALSE;
    }
  return TRUE;
}

DmImportedFile *
dm_import_file (const char    *path,
                DmImportKind   kind,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *display = NULL;
  g_autofree char *read_path = NULL;
  g_autoptr(DmImportedFile) file = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  /* A KMZ is a zip with a KML inside; opening that KML works with either
   * KML driver, while only LIBKML opens the .kmz itself. Archives are
   * known by their bytes, not their name: a KMZ renamed .kml would reach
   * libkml unchecked. */
  if (has_extension (path, "zip"))
    read_path = find_in_archive (path, display, "shp", NULL, error);
  else if (has_extension (path, "kmz") || is_zip (path))
    read_path = find_in_archive (path, display, "kml", "doc.kml", error);
  else
    read_path = g_strdup (path);
  if (read_path == NULL)
    return NULL;

  file = g_new0 (DmImportedFile, 1);
  file->path = g_strdup (path);
  file->display_name = g_filename_display_basename (path);
  if (kind == DM_IMPORT_CONTROL)
    {
      /* Every vertex of a control area goes through GEOS for each region. */
      const DmVectorLimits limits = {
        DM_VECTOR_MAX_FEATURES, DM_CONTROL_MAX_VERTICES, DM_CONTROL_MAX_VERTICES
      };

      file->vector = dm_vector_read_limited (read_path, DM_GEOM_POLYGON, &limits, cancellable,
                                             error);
    }
  else
    file->vector = dm_vector_read (read_path, DM_GEOM_ANY, cancellable, error);
  if (file->vector == NULL)
    return NULL;

  if (kind == DM_IMPORT_CONTROL)
    file->polygonal = TRUE;
  else if (!repair_overlay (file->vector, display, &file->polygonal, error))
    return NULL;

  file->date = date_for (file->vector, path);
  if (kind == DM_IMPORT_CONTROL && file->date == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s: the control area has no date: give it a “date” property "
                     "(YYYY-MM-DD) or put the date in the file name"), display);
      return NULL;
    }

  return g_steal_pointer (&file);
}

static int
compare_by_date (gconstpointer a,
                 gconstpointer b)
{
  const DmImportedFile *fa = *(DmImportedFile * const *) a;
  const DmImportedFile *fb = *(DmImportedFile * const *) b;
  int cmp = g_strcmp0 (fa->date, fb->date);

  return cmp != 0 ? cmp : g_strcmp0 (fa->display_name, fb->display_name);
}

/* Messages start with the file's full path; in a list of one folder's
 * problems the base name is enough. */
static char *
problem_for (const char *dir_display,
             const char *message)
{
  g_autofree char *prefix = g_str_has_suffix (dir_display, G_DIR_SEPARATOR_S)
                            ? g_strdup (dir_display)
                            : g_strconcat (dir_display, G_DIR_SEPARATOR_S, NULL);

  if (g_str_has_prefix (message, prefix))
    return g_strdup (message + strlen (prefix));
  return g_strdup (message);
}

GPtrArray *
dm_import_folder (const char    *dir,
                  GPtrArray    **problems,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *dir_display = NULL;
  g_autoptr(GDir) gdir = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_imported_file_free);
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_imported_file_free);
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint n_tried = 0;

  g_return_val_if_fail (dir != NULL, NULL);

  dir_display = g_filename_display_name (dir);
  if (problems != NULL)
    *problems = NULL;

  gdir = g_dir_open (dir, 0, &local_error);
  if (gdir == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("%s: the folder cannot be read: %s"),
                   dir_display, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      if (name[0] == '.' || !is_vector_name (name))
        continue;
      if (names->len == DM_IMPORT_MAX_FOLDER_FILES)
        {
          g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                       _("%s: the folder holds more than %u vector files; the limit is %u. "
                         "Split it into folders of fewer dates"),
                       dir_display, DM_IMPORT_MAX_FOLDER_FILES, DM_IMPORT_MAX_FOLDER_FILES);
          return NULL;
        }
      g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autoptr(GError) file_error = NULL;
      DmImportedFile *file;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      n_tried++;
      file = dm_import_file (path, DM_IMPORT_CONTROL, cancellable, &file_error);
      if (file != NULL)
        {
          g_ptr_array_add (found, file);
          continue;
        }
      if (g_error_matches (file_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&file_error));
          return NULL;
        }
      g_ptr_array_add (issues, problem_for (dir_display, file_error->message));
    }

  /* A slider cannot show two areas on one date: the first by name wins. */
  g_ptr_array_sort (found, compare_by_date);
  for (guint i = 0; i < found->len; i++)
    {
      DmImportedFile *file = g_ptr_array_index (found, i);
      DmImportedFile *last = series->len > 0 ? g_ptr_array_index (series, series->len - 1) : NULL;

      if (last != NULL && g_strcmp0 (last->date, file->date) == 0)
        {
          g_ptr_array_add (issues,
                           g_strdup_printf (_("%s: has the same date (%s) as %s; left out"),
                                            file->display_name, file->date,
                                            last->display_name));
          continue;
        }
      /* Left as NULL in `found`, which dm_imported_file_free ignores. */
      g_ptr_array_add (series, g_steal_pointer (&found->pdata[i]));
    }

  if (problems != NULL)
    *problems = g_ptr_array_ref (issues);

  if (series->len == 0)
    {
      if (n_tried == 0)
        g_set_error (error, DM_ERROR, DM_ERROR_EMPTY,
                     _("%s: the folder holds no vector files (GeoJSON, KML, KMZ, Shapefile, "
                       "GeoPackage, FlatGeobuf…)"), dir_display);
      else
        g_set_error (error, DM_ERROR, DM_ERROR_EMPTY,
                     _("%s: none of the %u vector files in the folder is a dated control "
                       "area; the first problem: %s"),
                     dir_display, n_tried,
                     issues->len > 0 ? (const char *) issues->pdata[0] : "?");
      return NULL;
    }

  return g_steal_pointer (&series);
}

DmControlArea *
dm_import_to_control (DmImportedFile  *file,
                      GError         **error)
{
  g_autoptr(DmControlArea) control = NULL;
  g_autofree char *display = NULL;
  const char *source = NULL;

  g_return_val_if_fail (file != NULL, NULL);

  display = g_filename_display_name (file->path);
  if (!file->polygonal)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_GEOMETRY,
                   _("%s: a control area must be made of polygons; this file also holds "
                     "lines or points"), display);
      return NULL;
    }
  if (file->date == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s: the control area has no date: give it a “date” property "
                     "(YYYY-MM-DD) or put the date in the file name"), display);
      return NULL;
    }

  control = g_new0 (DmControlArea, 1);
  control->path = g_strdup (file->path);
  control->date = g_strdup (file->date);
  control->n_repaired = file->vector->n_repaired;
  /* A "source" property (ISW, DeepStateMap…) attributes better than a file name. */
  if (file->vector->features->len > 0)
    source = feature_get_nocase (g_ptr_array_index (file->vector->features, 0), "source");
  control->source = g_strdup (source != NULL ? source : file->display_name);
  control->geometry = dm_vector_union (file->vector, error);
  if (control->geometry == NULL)
    return NULL;

  return g_steal_pointer (&control);
}
