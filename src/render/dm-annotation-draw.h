/* dm-annotation-draw.h: the one painter of annotations, for the window's map and every export. */
#pragma once

#include <cairo.h>

#include "dm-annotation.h"
#include "dm-text.h"
#include "dm-view.h"

G_BEGIN_DECLS

typedef enum
{
  DM_ANNOTATION_HIT_NONE,
  DM_ANNOTATION_HIT_BODY,  /* the point, its text or an arrow's shaft */
  DM_ANNOTATION_HIT_HEAD,  /* an arrow's head, which moves alone */
} DmAnnotationHit;

/* Paints every annotation whose point is inside the view, in SVG as an
 * "Annotations" layer with one <text> each. selected (or -1) gets a
 * dashed frame, for the window. */
void             dm_annotations_draw (cairo_t          *cr,
                                      const DmView     *view,
                                      DmAnnotationList *list,
                                      int               selected);
void             dm_annotations_reserve (cairo_t          *cr,
                                         const DmView     *view,
                                         DmAnnotationList *list,
                                         DmTextBoxes      *boxes);
/* The topmost annotation at (x, y) in the view's pixels: its index, or -1. */
int              dm_annotations_hit  (DmAnnotationList *list,
                                      const DmView     *view,
                                      double            x,
                                      double            y,
                                      DmAnnotationHit  *hit);

G_END_DECLS
