/* dm-annotation-history.h: undo and redo for a list of annotations. */
#pragma once

#include "dm-annotation.h"

G_BEGIN_DECLS

/* Steps kept; older ones are forgotten. */
#define DM_ANNOTATION_HISTORY_MAX 100

#define DM_TYPE_ANNOTATION_HISTORY (dm_annotation_history_get_type ())
G_DECLARE_FINAL_TYPE (DmAnnotationHistory, dm_annotation_history, DM, ANNOTATION_HISTORY, GObject)

DmAnnotationHistory *dm_annotation_history_new        (void);
/* The list whose changes are recorded; a new list forgets the steps. */
void                 dm_annotation_history_set_list   (DmAnnotationHistory *self,
                                                       DmAnnotationList    *list);
DmAnnotationList    *dm_annotation_history_get_list   (DmAnnotationHistory *self);
/* Remembers the list as it is now, as the state Undo goes back to: call
 * it before each change a user makes (once before a whole drag). */
void                 dm_annotation_history_checkpoint (DmAnnotationHistory *self);
/* Forgets the last checkpoint when nothing changed after it (a click
 * that did not move anything). */
void                 dm_annotation_history_drop_if_unchanged (DmAnnotationHistory *self);
gboolean             dm_annotation_history_can_undo   (DmAnnotationHistory *self);
gboolean             dm_annotation_history_can_redo   (DmAnnotationHistory *self);
gboolean             dm_annotation_history_undo       (DmAnnotationHistory *self);
gboolean             dm_annotation_history_redo       (DmAnnotationHistory *self);

G_END_DECLS
