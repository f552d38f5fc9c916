/* fuzz-vector.c: libFuzzer target for vector import: GeoJSON, KML, KMZ, zipped Shapefiles, GeoPackage, FlatGeobuf. */
#include "config.h"

#include <string.h>
#include <cpl_vsi.h>

#include "dm-fuzz.h"
#include "dm-import.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  dm_fuzz_init ();
  return 0;
}

static gboolean
contains (const uint8_t *data,
          size_t         size,
          const char    *needle)
{
  size_t n = strlen (needle);

  for (size_t i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* The extension a user's file of these bytes would have; import routes by
 * it (KMZ and zip archives) and GDAL guesses better with it. The normal
 * tests load tests/fuzz/regressions/ by the same names. */
static const char *
extension_for (const uint8_t *data,
               size_t         size)
{
  size_t i = 0;

  if (size >= 4 && memcmp (data, "PK", 2) == 0)
    return contains (data, size, ".kml") ? "kmz" : "zip";
  if (size >= 16 && memcmp (data, "SQLite format 3", 16) == 0)
    return "gpkg";
  if (size >= 3 && memcmp (data, "fgb", 3) == 0)
    return "fgb";
  while (i < size && g_ascii_isspace (data[i]))
    i++;
  if (i < size && data[i] == '<')
    return contains (data, size, "<gpx") ? "gpx" : "kml";
  return "geojson";
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* A date in the name, so a polygon file can become a control area. */
  g_autofree char *path = g_strdup_printf ("/vsimem/fuzz-2025-03-04.%s",
                                           extension_for (data, size));
  g_autoptr(GError) error = NULL;
  g_autoptr(DmImportedFile) overlay = NULL;
  VSILFILE *fp;

  fp = VSIFileFromMemBuffer (path, (GByte *) data, size, FALSE);
  VSIFCloseL (fp);

  overlay = dm_import_file (path, DM_IMPORT_OVERLAY, NULL, &error);
  dm_fuzz_check (overlay != NULL, error);
  if (overlay != NULL)
    {
      g_autoptr(DmImportedFile) file = NULL;
      g_autoptr(DmControlArea) control = NULL;

      g_clear_error (&error);
      file = dm_import_file (path, DM_IMPORT_CONTROL, NULL, &error);
      dm_fuzz_check (file != NULL, error);
      if (file != NULL)
        {
          control = dm_import_to_control (file, &error);
          dm_fuzz_check (control != NULL, error);
        }
    }
  VSIUnlink (path);
  return 0;
}
