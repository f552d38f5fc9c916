/* dm-annotation.h: a desk's own labels, arrows and callouts on the map: the one model the command line, the window, scenarios and exports share. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Bounds for annotations read from files; README's "Limits" lists them. */
#define DM_ANNOTATION_MAX       200
#define DM_ANNOTATION_MAX_TEXT  500  /* bytes of one annotation's text */

typedef enum
{
  DM_ANNOTATION_CALLOUT,  /* a dot at the point, the text boxed beside it */
  DM_ANNOTATION_LABEL,    /* the text itself at the point, with a halo */
  DM_ANNOTATION_ARROW,    /* from the point to (to_lon, to_lat), the text at its tail */
  DM_N_ANNOTATION_KINDS
} DmAnnotationKind;

typedef struct
{
  DmAnnotationKind  kind;
  char             *text;
  double            lon, lat;        /* degrees, WGS 84 */
  double            to_lon, to_lat;  /* an arrow's head */
} DmAnnotation;

#define DM_TYPE_ANNOTATION (dm_annotation_get_type ())
GType         dm_annotation_get_type     (void) G_GNUC_CONST;
DmAnnotation *dm_annotation_new          (DmAnnotationKind    kind,
                                          const char         *text,
                                          double              lon,
                                          double              lat);
DmAnnotation *dm_annotation_copy         (const DmAnnotation *annotation);
void          dm_annotation_free         (DmAnnotation       *annotation);
gboolean      dm_annotation_equal        (const DmAnnotation *a,
                                          const DmAnnotation *b);
/* Moves the point by (dlon, dlat), an arrow's head with it. */
void          dm_annotation_offset       (DmAnnotation       *annotation,
                                          double              dlon,
                                          double              dlat);
const char   *dm_annotation_kind_to_string   (DmAnnotationKind    kind);
gboolean      dm_annotation_kind_from_string (const char         *str,
                                              DmAnnotationKind   *kind);

/* "TEXT@LON,LAT" (the last @ separates), the command line's --annotate:
 * a callout. NULL with an error saying what is wrong. */
DmAnnotation *dm_annotation_parse        (const char         *spec,
                                          GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmAnnotation, dm_annotation_free)

/* An ordered list of annotations that says when it changes: a scenario
 * owns one, the window's annotation layer edits it, and every painter
 * reads it. */
#define DM_TYPE_ANNOTATION_LIST (dm_annotation_list_get_type ())
G_DECLARE_FINAL_TYPE (DmAnnotationList, dm_annotation_list, DM, ANNOTATION_LIST, GObject)

DmAnnotationList   *dm_annotation_list_new       (void);
DmAnnotationList   *dm_annotation_list_copy      (DmAnnotationList   *self);
guint               dm_annotation_list_get_n     (DmAnnotationList   *self);
const DmAnnotation *dm_annotation_list_get       (DmAnnotationList   *self,
                                                  guint               index);
/* Each takes a copy of annotation; FALSE (nothing changed) past
 * DM_ANNOTATION_MAX or at an index out of range. */
gboolean            dm_annotation_list_add       (DmAnnotationList   *self,
                                                  const DmAnnotation *annotation);
gboolean            dm_annotation_list_replace   (DmAnnotationList   *self,
                                                  guint               index,
                                                  const DmAnnotation *annotation);
gboolean            dm_annotation_list_remove    (DmAnnotationList   *self,
                                                  guint               index);
/* Makes self hold copies of what from holds (from may be NULL: empty). */
void                dm_annotation_list_set_all   (DmAnnotationList   *self,
                                                  DmAnnotationList   *from);
gboolean            dm_annotation_list_equal     (DmAnnotationList   *self,
                                                  DmAnnotationList   *other);

/* JSON: an array of {"kind", "text", "lon", "lat"[, "to_lon", "to_lat"]},
 * the "annotations" member of scenarios (and of lesson steps). */
JsonNode           *dm_annotation_list_to_json   (DmAnnotationList   *self);
/* Reads such an array; where starts each message ("file.json: "). NULL
 * with an error naming the annotation and the member when anything is
 * wrong or over a bound. */
DmAnnotationList   *dm_annotation_list_new_from_json (JsonArray      *array,
                                                      const char     *where,
                                                      GError        **error);

G_END_DECLS
