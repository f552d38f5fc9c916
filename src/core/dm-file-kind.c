/* dm-file-kind.c: what a file a user opens is, from its parsed structure: a proposal, scenario or lesson, or a vector file. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dm-error.h"
#include "dm-file-kind.h"
#include "dm-json.h"

static const struct { const char *format; DmFileKind kind; const char *name; } json_kinds[] = {
  { "demarcate-proposal", DM_FILE_PROPOSAL, N_("a proposal file") },
  { "demarcate-scenario", DM_FILE_SCENARIO, N_("a scenario file") },
  { "demarcate-lesson",   DM_FILE_LESSON,   N_("a lesson file") },
};

/* What a file is, from its parsed structure: Demarcate's JSON files say so
 * in "format"; GeoJSON has "type" instead; anything else (or JSON too large
 * for Demarcate's own files) is left to GDAL, whose drivers decide. */
gboolean
dm_file_kind_of (const char  *path,
                 DmFileKind  *kind,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *where = g_strdup_printf ("%s: ", display);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  char head[64] = { 0 };
  const char *format;
  JsonObject *object;
  FILE *fp;
  gsize n, i = 0;

  *kind = DM_FILE_VECTOR;
  fp = g_fopen (path, "rb");
  if (fp == NULL)
    return TRUE;  /* the vector reader says why, as for any file */
  n = fread (head, 1, sizeof head, fp);
  fclose (fp);
  if (n >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < n && g_ascii_isspace (head[i]))
    i++;
  if (i == n || (head[i] != '{' && head[i] != '['))
    return TRUE;

  root = dm_json_load_file (path, _("a Demarcate file"), &local_error);
  if (root == NULL)
    {
      if (g_error_matches (local_error, DM_ERROR, DM_ERROR_TOO_LARGE))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: holds %s; a Demarcate file or GeoJSON holds one object"), display,
                   dm_json_describe (root));
      return FALSE;
    }
  object = json_node_get_object (root);
  if (!dm_json_get_string (object, "format", DM_JSON_OPTIONAL, where, &format, error))
    return FALSE;
  if (format == NULL)
    {
      if (json_object_has_member (object, "type"))
        return TRUE;
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: neither a Demarcate file (it has no “format”) nor GeoJSON (it has "
                     "no “type”)"), display);
      return FALSE;
    }
  for (guint k = 0; k < G_N_ELEMENTS (json_kinds); k++)
    if (g_str_equal (format, json_kinds[k].format))
      {
        *kind = json_kinds[k].kind;
        return TRUE;
      }
  g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
               _("%s: unknown “format” “%s”; expected demarcate-proposal, demarcate-scenario "
                 "or demarcate-lesson"), display, format);
  return FALSE;
}


/* "a proposal file", "a vector file"…, for messages. */
const char *
dm_file_kind_name (DmFileKind kind)
{
  for (guint k = 0; k < G_N_ELEMENTS (json_kinds); k++)
    if (json_kinds[k].kind == kind)
      return _(json_kinds[k].name);
  return _("a vector file");
}
