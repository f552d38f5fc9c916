/* dm-text.h: labels with halos that avoid each other, for the overlay, basemap and layout. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "dm-shape.h"
#include "dm-view.h"

G_BEGIN_DECLS

typedef enum
{
  DM_TEXT_REGION,  /* bold, large: region names */
  DM_TEXT_PLACE,   /* towns */
  DM_TEXT_CITY,    /* large cities and capitals */
  DM_TEXT_WATER,   /* italic blue: seas, rivers */
} DmTextKind;

typedef struct
{
  DmTextKind kind;
  double     scale;
  gboolean   high_contrast;
} DmTextStyle;

typedef struct _DmTextBoxes DmTextBoxes;

DmTextBoxes *dm_text_boxes_new      (void);
void         dm_text_boxes_free     (DmTextBoxes       *boxes);
void         dm_text_boxes_reserve  (DmTextBoxes       *boxes,
                                     double             x1,
                                     double             y1,
                                     double             x2,
                                     double             y2);
gboolean     dm_text_draw_label     (cairo_t           *cr,
                                     DmTextBoxes       *boxes,
                                     const DmTextStyle *style,
                                     const char        *text,
                                     double             x,
                                     double             y,
                                     gboolean           beside_point);
void         dm_text_draw_places    (cairo_t           *cr,
                                     DmTextBoxes       *boxes,
                                     GPtrArray         *places,
                                     const DmView      *view,
                                     double             scale,
                                     gboolean           high_contrast,
                                     guint              at_least);
PangoFontDescription *dm_text_font  (DmTextKind         kind,
                                     double             scale);
const char  *dm_text_place_name     (const DmPlace     *place);

G_END_DECLS
