/* dm-annotation.c: annotations and their list, with JSON that checks every member and bound. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-annotation.h"
#include "dm-error.h"
#include "dm-json.h"

struct _DmAnnotationList
{
  GObject    parent_instance;
  GPtrArray *items;  /* DmAnnotation */
};

G_DEFINE_BOXED_TYPE (DmAnnotation, dm_annotation, dm_annotation_copy, dm_annotation_free)
G_DEFINE_FINAL_TYPE (DmAnnotationList, dm_annotation_list, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *kind_names[DM_N_ANNOTATION_KINDS] = { "callout", "label", "arrow" };

/* ---- one annotation ----------------------------------------------------- */

DmAnnotation *
dm_annotation_new (DmAnnotationKind  kind,
                   const char       *text,
                   double            lon,
                   double            lat)
{
  DmAnnotation *a = g_new0 (DmAnnotation, 1);

  g_return_val_if_fail (kind < DM_N_ANNOTATION_KINDS, a);
  a->kind = kind;
  a->text = g_strdup (text != NULL ? text : "");
  a->lon = a->to_lon = lon;
  a->lat = a->to_lat = lat;
  return a;
}

DmAnnotation *
dm_annotation_copy (const DmAnnotation *annotation)
{
  DmAnnotation *a = g_new (DmAnnotation, 1);

  *a = *annotation;
  a->text = g_strdup (annotation->text);
  return a;
}

void
dm_annotation_free (DmAnnotation *annotation)
{
  if (annotation == NULL)
    return;
  g_free (annotation->text);
  g_free (annotation);
}

gboolean
dm_annotation_equal (const DmAnnotation *a,
                     const DmAnnotation *b)
{
  return a->kind == b->kind && g_strcmp0 (a->text, b->text) == 0 && a->lon == b->lon &&
         a->lat == b->lat && a->to_lon == b->to_lon && a->to_lat == b->to_lat;
}

void
dm_annotation_offset (DmAnnotation *annotation,
                      double        dlon,
                      double        dlat)
{
  annotation->lon = CLAMP (annotation->lon + dlon, -180, 180);
  annotation->lat = CLAMP (annotation->lat + dlat, -85, 85);
  annotation->to_lon = CLAMP (annotation->to_lon + dlon, -180, 180);
  annotation->to_lat = CLAMP (annotation->to_lat + dlat, -85, 85);
}

const char *
dm_annotation_kind_to_string (DmAnnotationKind kind)
{
  return kind < DM_N_ANNOTATION_KINDS ? kind_names[kind] : kind_names[0];
}

gboolean
dm_annotation_kind_from_string (const char       *str,
                                DmAnnotationKind *kind)
{
  for (guint i = 0; i < DM_N_ANNOTATION_KINDS; i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

DmAnnotation *
dm_annotation_parse (const char  *spec,
                     GError     **error)
{
  const char *at = strrchr (spec, '@');
  g_auto(GStrv) parts = NULL;
  g_autofree char *text = NULL;
  char *end = NULL;
  double lon, lat;

  if (at == NULL || at == spec)
    goto bad;
  parts = g_strsplit (at + 1, ",", -1);
  if (g_strv_length (parts) != 2)
    goto bad;
  lon = g_ascii_strtod (g_strstrip (parts[0]), &end);
  if (end == parts[0] || *end != '\0' || !(lon >= -180 && lon <= 180))
    goto bad;
  lat = g_ascii_strtod (g_strstrip (parts[1]), &end);
  if (end == parts[1] || *end != '\0' || !(lat >= -85 && lat <= 85))
    goto bad;
  text = g_strndup (spec, at - spec);
  if (strlen (text) > DM_ANNOTATION_MAX_TEXT || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("“%s”: an annotation’s text must be UTF-8 of at most %u bytes"), spec,
                   DM_ANNOTATION_MAX_TEXT);
      return NULL;
    }
  return dm_annotation_new (DM_ANNOTATION_CALLOUT, text, lon, lat);

bad:
  g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
               _("“%s” must be TEXT@LON,LAT in degrees, e.g. “Pokrovsk@37.18,48.28”"), spec);
  return NULL;
}

/* ---- the list ------------------------------------------------------------ */

static void
dm_annotation_list_finalize (GObject *object)
{
  DmAnnotationList *self = DM_ANNOTATION_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (dm_annotation_list_parent_class)->finalize (object);
}

static void
dm_annotation_list_class_init (DmAnnotationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dm_annotation_list_finalize;

  /* Emitted after any annotation is added, changed or removed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dm_annotation_list_init (DmAnnotationList *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_annotation_free);
}

DmAnnotationList *
dm_annotation_list_new (void)
{
  return g_object_new (DM_TYPE_ANNOTATION_LIST, NULL);
}

DmAnnotationList *
dm_annotation_list_copy (DmAnnotationList *self)
{
  DmAnnotationList *copy = dm_annotation_list_new ();

  if (self != NULL)
    for (guint i = 0; i < self->items->len; i++)
      g_ptr_array_add (copy->items, dm_annotation_copy (g_ptr_array_index (self->items, i)));
  return copy;
}

guint
dm_annotation_list_get_n (DmAnnotationList *self)
{
  g_return_val_if_fail (DM_IS_ANNOTATION_LIST (self), 0);
  return self->items->len;
}

const DmAnnotation *
dm_annotation_list_get (DmAnnotationList *self,
                        guint             index)
{
  g_return_val_if_fail (DM_IS_ANNOTATION_LIST (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

gboolean
dm_annotation_list_add (DmAnnotationList   *self,
                        const DmAnnotation *annotation)
{
  g_return_val_if_fail (DM_IS_ANNOTATION_LIST (self), FALSE);
  if (self->items->len >= DM_ANNOTATION_MAX)
    return FALSE;
  g_ptr_array_add (self->items, dm_annotation_copy (annotation));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
dm_annotation_list_replace (DmAnnotationList   *self,
                            guint               index,
                            const DmAnnotation *annotation)
{
  DmAnnotation *copy;

  g_return_val_if_fail (DM_IS_ANNOTATION_LIST (self), FALSE);
  if (index >= self->items->len)
    return FALSE;
  if (dm_annotation_equal (g_ptr_array_index (self->items, index), annotation))
    return TRUE;
  copy = dm_annotation_copy (annotation);
  dm_annotation_free (g_ptr_array_index (self->items, index));
  g_ptr_array_index (self->items, index) = copy;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
dm_annotation_list_remove (DmAnnotationList *self,
                           guint             index)
{
  g_return_val_if_fail (DM_IS_ANNOTATION_LIST (self), FALSE);
  if (index >= self->items->len)
    return FALSE;
  g_ptr_array_remove_index (self->items, index);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
dm_annotation_list_equal (DmAnnotationList *self,
                          DmAnnotationList *other)
{
  guint n = self != NULL ? self->items->len : 0;

  if (n != (other != NULL ? other->items->len : 0))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!dm_annotation_equal (g_ptr_array_index (self->items, i),
                              g_ptr_array_index (other->items, i)))
      return FALSE;
  return TRUE;
}

void
dm_annotation_list_set_all (DmAnnotationList *self,
                            DmAnnotationList *from)
{
  g_return_if_fail (DM_IS_ANNOTATION_LIST (self));
  if (from == self || dm_annotation_list_equal (self, from))
    return;
  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; from != NULL && i < from->items->len; i++)
    g_ptr_array_add (self->items, dm_annotation_copy (g_ptr_array_index (from->items, i)));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- JSON ----------------------------------------------------------------- */

JsonNode *
dm_annotation_list_to_json (DmAnnotationList *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; self != NULL && i < self->items->len; i++)
    {
      const DmAnnotation *a = g_ptr_array_index (self->items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, dm_annotation_kind_to_string (a->kind));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, a->text);
      json_builder_set_member_name (builder, "lon");
      json_builder_add_double_value (builder, a->lon);
      json_builder_set_member_name (builder, "lat");
      json_builder_add_double_value (builder, a->lat);
      if (a->kind == DM_ANNOTATION_ARROW)
        {
          json_builder_set_member_name (builder, "to_lon");
          json_builder_add_double_value (builder, a->to_lon);
          json_builder_set_member_name (builder, "to_lat");
          json_builder_add_double_value (builder, a->to_lat);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static gboolean
check_degrees (double       value,
               double       limit,
               const char  *member,
               const char  *where,
               GError     **error)
{
  if (value >= -limit && value <= limit)
    return TRUE;
  g_set_error (error, DM_ERROR, DM_ERROR_INVALID, _("%s“%s” must be between -%g and %g, not %g"),
               where, member, limit, limit, value);
  return FALSE;
}

static DmAnnotation *
annotation_from_json (JsonArray   *array,
                      guint        index,
                      const char  *where,
                      GError     **error)
{
  g_autofree char *at = g_strdup_printf (_("%sannotation %u: "), where, index + 1);
  g_autoptr(DmAnnotation) a = g_new0 (DmAnnotation, 1);
  JsonObject *object;
  const char *kind = NULL, *text = NULL;

  if (!dm_json_array_get_object (array, index, _("annotation"), where, &object, error) ||
      !dm_json_get_string (object, "kind", DM_JSON_OPTIONAL, at, &kind, error) ||
      !dm_json_get_string (object, "text", DM_JSON_OPTIONAL, at, &text, error) ||
      !dm_json_get_double (object, "lon", DM_JSON_REQUIRED, at, &a->lon, error) ||
      !dm_json_get_double (object, "lat", DM_JSON_REQUIRED, at, &a->lat, error) ||
      !check_degrees (a->lon, 180, "lon", at, error) ||
      !check_degrees (a->lat, 85, "lat", at, error))
    return NULL;
  if (kind != NULL && !dm_annotation_kind_from_string (kind, &a->kind))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s“kind” must be callout, label or arrow, not “%s”"), at, kind);
      return NULL;
    }
  if (text != NULL && strlen (text) > DM_ANNOTATION_MAX_TEXT)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                   _("%s“text” is %zu bytes; an annotation holds at most %u"), at,
                   strlen (text), DM_ANNOTATION_MAX_TEXT);
      return NULL;
    }
  if (a->kind != DM_ANNOTATION_ARROW && (text == NULL || *text == '\0'))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID, _("%s“text” is missing or empty"), at);
      return NULL;
    }
  a->text = g_strdup (text != NULL ? text : "");
  a->to_lon = a->lon;
  a->to_lat = a->lat;
  if (a->kind == DM_ANNOTATION_ARROW &&
      (!dm_json_get_double (object, "to_lon", DM_JSON_REQUIRED, at, &a->to_lon, error) ||
       !dm_json_get_double (object, "to_lat", DM_JSON_REQUIRED, at, &a->to_lat, error) ||
       !check_degrees (a->to_lon, 180, "to_lon", at, error) ||
       !check_degrees (a->to_lat, 85, "to_lat", at, error)))
    return NULL;
  return g_steal_pointer (&a);
}

DmAnnotationList *
dm_annotation_list_new_from_json (JsonArray   *array,
                                  const char  *where,
                                  GError     **error)
{
  g_autoptr(DmAnnotationList) self = dm_annotation_list_new ();
  guint n;

  g_return_val_if_fail (array != NULL, NULL);
  n = json_array_get_length (array);
  if (n > DM_ANNOTATION_MAX)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                   _("%s“annotations” has %u entries; at most %u are read"), where, n,
                   DM_ANNOTATION_MAX);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      DmAnnotation *a = annotation_from_json (array, i, where, error);

      if (a == NULL)
        return NULL;
      g_ptr_array_add (self->items, a);
    }
  return g_steal_pointer (&self);
}
