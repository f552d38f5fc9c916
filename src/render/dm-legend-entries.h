/* dm-legend-entries.h: what a legend lists for a scene, and each entry's swatch: the window's legend and the page's share them. */
#pragma once

#include <cairo.h>

#include "dm-scene.h"

G_BEGIN_DECLS

typedef enum
{
  DM_LEGEND_KEY,         /* a status style in use */
  DM_LEGEND_DIFFERENCE,  /* the outline of parts two proposals differ on */
  DM_LEGEND_EXTRA,       /* an imported layer */
  DM_LEGEND_FRONT,       /* the line of contact and its date */
  DM_LEGEND_UNCERTAIN,   /* fainter, dashed: reported or unclear */
} DmLegendKind;

typedef struct
{
  DmLegendKind  kind;
  DmStyleKey    key;   /* for DM_LEGEND_KEY */
  char         *text;
  DmStyleFlags  flags; /* as the scene draws: its high contrast */
} DmLegendEntry;

GArray  *dm_legend_entries_new         (DmScene             *scene,
                                        DmScene             *other);
void     dm_legend_entry_paint_swatch  (const DmLegendEntry *entry,
                                        cairo_t             *cr,
                                        double               x,
                                        double               y,
                                        double               width,
                                        double               height,
                                        double               scale);

G_END_DECLS
