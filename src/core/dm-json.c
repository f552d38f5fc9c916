/* dm-json.c: reads JSON within fixed bounds and gets members by type, with errors naming the member. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-error.h"
#include "dm-json.h"

/* json-glib's parser recurses per level and accepts comments, so a strict
 * scan comes first: it counts depth outside strings and refuses anything
 * that is not plain JSON (a comment could hide a quote from the count). */
static gboolean
check_structure (const char  *data,
                 gsize        length,
                 const char  *display,
                 GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > DM_JSON_MAX_DEPTH)
            {
              g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                           _("%s: the JSON is nested more than %d levels deep (line %u); "
                             "Demarcate’s files need only a few levels"),
                           display, DM_JSON_MAX_DEPTH, line);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        case ' ': case '\t': case '\r': case '\n': case ',': case ':':
        case '+': case '-': case '.':
          break;
        default:
          if (!g_ascii_isalnum (c))
            {
              if (g_ascii_isprint (c))
                g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                             _("%s: not valid JSON: unexpected “%c” on line %u"),
                             display, c, line);
              else
                g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                             _("%s: not valid JSON: unexpected character on line %u"),
                             display, line);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* The root node of `data`, parsed only once it passed the size, UTF-8
 * and depth checks. */
JsonNode *
dm_json_parse_data (const char  *data,
                    gsize        length,
                    const char  *display,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  if (length == 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_EMPTY, _("%s: the file is empty"), display);
      return NULL;
    }
  if (length > DM_JSON_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (DM_JSON_MAX_BYTES);

      g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                   _("%s: too large (%s; the limit is %s)"), display, size, limit);
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: the file is not valid UTF-8 text"), display);
      return NULL;
    }
  if (!check_structure (data, length, display, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT, _("%s: not valid JSON: %s"),
                   display, local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_EMPTY, _("%s: the file holds no JSON value"),
                   display);
      return NULL;
    }
  return json_parser_steal_root (parser);
}

/* At most DM_JSON_MAX_BYTES of `path`, refusing larger files before
 * reading them; `what` names the kind of file ("a lesson file"). */
char *
dm_json_read_file (const char  *path,
                   const char  *what,
                   gsize       *length,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[65536];

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("%s: cannot be read: %s"),
                   display, local_error->message);
      return NULL;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  /* Reading stops one byte past the limit too, for files whose size the
   * system does not know (pipes, /dev/zero). */
  for (;;)
    {
      gssize n;
      goffset size = info != NULL ? g_file_info_get_size (info) : 0;

      if ((goffset) bytes->len > (goffset) DM_JSON_MAX_BYTES || size > (goffset) DM_JSON_MAX_BYTES)
        {
          g_autofree char *size_text = g_format_size (MAX (size, (goffset) bytes->len));
          g_autofree char *limit = g_format_size (DM_JSON_MAX_BYTES);

          g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                       _("%s: too large for %s (%s%s; the limit is %s)"), display, what,
                       size > (goffset) bytes->len ? "" : _("more than "), size_text, limit);
          return NULL;
        }
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL,
                               &local_error);
      if (n < 0)
        {
          g_set_error (error, DM_ERROR, DM_ERROR_IO, _("%s: cannot be read: %s"),
                       display, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (bytes, buffer, n);
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

JsonNode *
dm_json_load_file (const char  *path,
                   const char  *what,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *data = NULL;
  gsize length = 0;

  data = dm_json_read_file (path, what, &length, error);
  if (data == NULL)
    return NULL;
  return dm_json_parse_data (data, length, display, error);
}

/* "a string", "a list"…: what a node holds, for "must be X, not Y". */
const char *
dm_json_describe (JsonNode *node)
{
  if (node == NULL)
    return _("missing");
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
        default:
          return _("a number");
        }
    }
}

static gboolean
holds_value_of (JsonNode *node,
                GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* The member, or NULL when absent or null (an error when required). */
static gboolean
get_member (JsonObject   *object,
            const char   *member,
            DmJsonFlags   flags,
            const char   *where,
            JsonNode    **node,
            GError      **error)
{
  *node = json_object_get_member (object, member);
  if (*node != NULL && JSON_NODE_HOLDS_NULL (*node))
    *node = NULL;
  if (*node == NULL && (flags & DM_JSON_REQUIRED))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID, _("%smissing “%s”"), where, member);
      return FALSE;
    }
  return TRUE;
}

static gboolean
wrong_type (JsonNode    *node,
            const char  *member,
            const char  *expected,
            const char  *where,
            GError     **error)
{
  g_set_error (error, DM_ERROR, DM_ERROR_INVALID, _("%s“%s” must be %s, not %s"),
               where, member, expected, dm_json_describe (node));
  return FALSE;
}

static gboolean
check_string (JsonNode     *node,
              const char   *member,
              DmJsonFlags   flags,
              const char   *where,
              const char  **value,
              GError      **error)
{
  const char *s;

  if (!holds_value_of (node, G_TYPE_STRING))
    return wrong_type (node, member, _("a string"), where, error);
  s = json_node_get_string (node);
  if (strlen (s) > DM_JSON_MAX_STRING)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                   _("%s“%s” is longer than %d bytes; shorten it"), where, member,
                   DM_JSON_MAX_STRING);
      return FALSE;
    }
  if ((flags & DM_JSON_NONEMPTY) && *s == '\0')
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID, _("%s“%s” is empty"), where, member);
      return FALSE;
    }
  *value = s;
  return TRUE;
}

gboolean
dm_json_get_string (JsonObject   *object,
                    const char   *member,
                    DmJsonFlags   flags,
                    const char   *where,
                    const char  **value,
                    GError      **error)
{
  JsonNode *node;

  *value = NULL;
  if (!get_member (object, member, flags, where, &node, error))
    return FALSE;
  return node == NULL || check_string (node, member, flags, where, value, error);
}

gboolean
dm_json_get_int (JsonObject   *object,
                 const char   *member,
                 DmJsonFlags   flags,
                 const char   *where,
                 gint64       *value,
                 GError      **error)
{
  JsonNode *node;
  double d;

  *value = 0;
  if (!get_member (object, member, flags, where, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (holds_value_of (node, G_TYPE_INT64))
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (!holds_value_of (node, G_TYPE_DOUBLE))
    return wrong_type (node, member, _("a whole number"), where, error);
  d = json_node_get_double (node);
  if (d != floor (d) || fabs (d) > (double) G_MAXINT32)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID, _("%s“%s” must be a whole number, not %g"),
                   where, member, d);
      return FALSE;
    }
  *value = (gint64) d;
  return TRUE;
}

gboolean
dm_json_get_double (JsonObject   *object,
                    const char   *member,
                    DmJsonFlags   flags,
                    const char   *where,
                    double       *value,
                    GError      **error)
{
  JsonNode *node;
  double d;

  *value = 0;
  if (!get_member (object, member, flags, where, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (holds_value_of (node, G_TYPE_INT64))
    d = (double) json_node_get_int (node);
  else if (holds_value_of (node, G_TYPE_DOUBLE))
    d = json_node_get_double (node);
  else
    return wrong_type (node, member, _("a number"), where, error);
  if (!isfinite (d))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID, _("%s“%s” is too large a number"),
                   where, member);
      return FALSE;
    }
  *value = d;
  return TRUE;
}

gboolean
dm_json_get_object (JsonObject   *object,
                    const char   *member,
                    DmJsonFlags   flags,
                    const char   *where,
                    JsonObject  **value,
                    GError      **error)
{
  JsonNode *node;

  *value = NULL;
  if (!get_member (object, member, flags, where, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (node, member, _("an object"), where, error);
  *value = json_node_get_object (node);
  return TRUE;
}

/* `max_length` 0 means any length; longer lists are refused whole. */
gboolean
dm_json_get_array (JsonObject   *object,
                   const char   *member,
                   DmJsonFlags   flags,
                   guint         max_length,
                   const char   *where,
                   JsonArray   **value,
                   GError      **error)
{
  JsonNode *node;
  JsonArray *array;

  *value = NULL;
  if (!get_member (object, member, flags, where, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (node, member, _("a list"), where, error);
  array = json_node_get_array (node);
  if (max_length > 0 && json_array_get_length (array) > max_length)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                   _("%s“%s” has %u entries; the limit is %u"), where, member,
                   json_array_get_length (array), max_length);
      return FALSE;
    }
  *value = array;
  return TRUE;
}

gboolean
dm_json_array_get_string (JsonArray    *array,
                          guint         index,
                          const char   *member,
                          const char   *where,
                          const char  **value,
                          GError      **error)
{
  JsonNode *node = json_array_get_element (array, index);

  *value = NULL;
  if (holds_value_of (node, G_TYPE_STRING))
    return check_string (node, member, DM_JSON_OPTIONAL, where, value, error);
  g_set_error (error, DM_ERROR, DM_ERROR_INVALID, _("%s“%s” entry %u must be a string, not %s"),
               where, member, index + 1, dm_json_describe (node));
  return FALSE;
}

gboolean
dm_json_array_get_object (JsonArray    *array,
                          guint         index,
                          const char   *what,
                          const char   *where,
                          JsonObject  **value,
                          GError      **error)
{
  JsonNode *node = json_array_get_element (array, index);

  *value = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID, _("%s%s %u must be an object, not %s"),
                   where, what, index + 1, dm_json_describe (node));
      return FALSE;
    }
  *value = json_node_get_object (node);
  return TRUE;
}
