/* dm-control.c: loads a control-area file as one Russian-held area with its date and source. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-control.h"
#include "dm-error.h"
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

DmControlArea *
dm_control_area_load (const char    *path,
                      const char    *date,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(DmVector) vector = NULL;
  g_autoptr(DmControlArea) control = NULL;
  const DmFeature *first;
  const char *source;

  vector = dm_vector_read (path, DM_GEOM_POLYGON, cancellable, error);
  if (vector == NULL)
    return NULL;

  first = g_ptr_array_index (vector->features, 0);
  control = g_new0 (DmControlArea, 1);
  control->path = g_strdup (path);
  control->n_repaired = vector->n_repaired;

  if (date != NULL)
    control->date = g_strdup (date);
  else if (is_iso_date (dm_feature_get (first, "date")))
    control->date = g_strdup (dm_feature_get (first, "date"));
  else
    control->date = dm_control_date_from_path (path);

  if (control->date == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s: the control area has no date: give it a “date” property "
                     "(YYYY-MM-DD) or put the date in the file name"), display);
      return NULL;
    }

  source = dm_feature_get (first, "source");
  control->source = g_strdup (source ? source : display);

  control->geometry = dm_vector_union (vector, error);
  if (control->geometry == NULL)
    return NULL;

  return g_steal_pointer (&control);
}
