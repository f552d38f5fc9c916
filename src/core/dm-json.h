/* dm-json.h: bounded JSON parsing and typed member access for the files users open. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Bounds for every JSON file Demarcate reads (proposals, scenarios,
 * lessons); README's "Limits" lists them. json-glib recurses once per
 * level, so depth is checked before it parses. */
#define DM_JSON_MAX_BYTES  ((gsize) 1024 * 1024)
#define DM_JSON_MAX_DEPTH  32
#define DM_JSON_MAX_STRING 16384

typedef enum
{
  DM_JSON_OPTIONAL = 0,
  DM_JSON_REQUIRED = 1 << 0, /* missing (or null) is an error */
  DM_JSON_NONEMPTY = 1 << 1, /* strings: "" is an error */
} DmJsonFlags;

JsonNode *dm_json_parse_data        (const char   *data,
                                     gsize         length,
                                     const char   *display,
                                     GError      **error);
JsonNode *dm_json_load_file         (const char   *path,
                                     const char   *what,
                                     GError      **error);
char     *dm_json_read_file         (const char   *path,
                                     const char   *what,
                                     gsize        *length,
                                     GError      **error);

/* Each getter leaves *value untouched (NULL, 0) when an optional member is
 * absent, and on a wrong type sets an error "WHERE“member” must be a
 * string, not a list". `where` starts the message: "file.json: step 2: ". */
gboolean  dm_json_get_string        (JsonObject   *object,
                                     const char   *member,
                                     DmJsonFlags   flags,
                                     const char   *where,
                                     const char  **value,
                                     GError      **error);
gboolean  dm_json_get_int           (JsonObject   *object,
                                     const char   *member,
                                     DmJsonFlags   flags,
                                     const char   *where,
                                     gint64       *value,
                                     GError      **error);
gboolean  dm_json_get_double        (JsonObject   *object,
                                     const char   *member,
                                     DmJsonFlags   flags,
                                     const char   *where,
                                     double       *value,
                                     GError      **error);
gboolean  dm_json_get_object        (JsonObject   *object,
                                     const char   *member,
                                     DmJsonFlags   flags,
                                     const char   *where,
                                     JsonObject  **value,
                                     GError      **error);
gboolean  dm_json_get_array         (JsonObject   *object,
                                     const char   *member,
                                     DmJsonFlags   flags,
                                     guint         max_length,
                                     const char   *where,
                                     JsonArray   **value,
                                     GError      **error);
gboolean  dm_json_array_get_string  (JsonArray    *array,
                                     guint         index,
                                     const char   *member,
                                     const char   *where,
                                     const char  **value,
                                     GError      **error);
gboolean  dm_json_array_get_object  (JsonArray    *array,
                                     guint         index,
                                     const char   *what,
                                     const char   *where,
                                     JsonObject  **value,
                                     GError      **error);
const char *dm_json_describe        (JsonNode     *node);

G_END_DECLS
