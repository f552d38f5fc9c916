/* dm-annotation-layer.h: the map layer that paints the scenario's annotations and, in Annotate mode, adds, moves, edits and deletes them with undo. */
#pragma once

#include <shumate/shumate.h>

#include "dm-annotation-history.h"
#include "dm-scene.h"

G_BEGIN_DECLS

#define DM_TYPE_ANNOTATION_LAYER (dm_annotation_layer_get_type ())
G_DECLARE_FINAL_TYPE (DmAnnotationLayer, dm_annotation_layer, DM, ANNOTATION_LAYER, ShumateLayer)

/* Paints the annotations of scene's scenario; its gestures go on map
 * (the ShumateMap the layer is added to). */
DmAnnotationLayer   *dm_annotation_layer_new         (ShumateMap        *map,
                                                      DmScene           *scene);
gboolean             dm_annotation_layer_get_editing (DmAnnotationLayer *self);
void                 dm_annotation_layer_set_editing (DmAnnotationLayer *self,
                                                      gboolean           editing);
DmAnnotationHistory *dm_annotation_layer_get_history (DmAnnotationLayer *self);
/* A new annotation at (x, y) in the layer's pixels, as a click in
 * Annotate mode makes; selected, with one undo step. Returns its index,
 * or -1 when the list is full. */
int                  dm_annotation_layer_add_at      (DmAnnotationLayer *self,
                                                      DmAnnotationKind   kind,
                                                      const char        *text,
                                                      double             x,
                                                      double             y);
/* Deletes the selected annotation (one undo step); FALSE when none is. */
gboolean             dm_annotation_layer_delete_selected (DmAnnotationLayer *self);
int                  dm_annotation_layer_get_selected (DmAnnotationLayer *self);
/* As a click on it would: index, or -1 for none. */
void                 dm_annotation_layer_set_selected (DmAnnotationLayer *self,
                                                       int                index);

G_END_DECLS
