/* dm-control.c: loads a control-area file as one Russian-held area with its date and source. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-control.h"
#include "dm-error.h"
#include "dm-import.h"
#include "dm-vector.h"

void
dm_control_area_free (DmControlArea *control)
{
  if (control == NULL)
    return;
  g_free (control->path);
  g_free (control->date);
  g_free (control->source);
  g_clear_pointer (&control->geometry, OGR_G_DestroyGeometry);
  g_free (control);
}

static gboolean
is_iso_date (const char *s)
{
  int y, m, d;

  if (s == NULL || strlen (s) != 10 || sscanf (s, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

/* control-2025-11-20.geojson, or any name with a YYYY-MM-DD in it. */
char *
dm_control_date_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GRegex) regex = g_regex_new ("(\\d{4}-\\d{2}-\\d{2})", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (regex, base, 0, &match))
    {
      g_autofree char *found = g_match_info_fetch (match, 1);

      if (is_iso_date (found))
        return g_steal_pointer (&found);
    }
  return NULL;
}

/* One way to read a control area, the importer's: bundled files, --control
 * files and files users drop in get the same checks, dates and sources,
 * zipped Shapefiles and KMZ included. A given date overrides the file's. */
DmControlArea *
dm_control_area_load (const char    *path,
                      const char    *date,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(DmImportedFile) file = NULL;

  file = dm_import_file (path, date != NULL ? DM_IMPORT_OVERLAY : DM_IMPORT_CONTROL,
                         cancellable, error);
  if (file == NULL)
    return NULL;
  if (date != NULL)
    {
      g_free (file->date);
      file->date = g_strdup (date);
    }
  return dm_import_to_control (file, error);
}
