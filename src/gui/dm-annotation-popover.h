/* dm-annotation-popover.h: edits one annotation's text and kind, or deletes it. */
#pragma once

#include <gtk/gtk.h>

#include "dm-annotation.h"

G_BEGIN_DECLS

#define DM_TYPE_ANNOTATION_POPOVER (dm_annotation_popover_get_type ())
G_DECLARE_FINAL_TYPE (DmAnnotationPopover, dm_annotation_popover, DM, ANNOTATION_POPOVER, GtkPopover)

DmAnnotationPopover *dm_annotation_popover_new      (void);
/* Shows annotation's text and kind without emitting "edited". */
void                 dm_annotation_popover_set      (DmAnnotationPopover *self,
                                                     const DmAnnotation  *annotation);
const char          *dm_annotation_popover_get_text (DmAnnotationPopover *self);
DmAnnotationKind     dm_annotation_popover_get_kind (DmAnnotationPopover *self);

G_END_DECLS
