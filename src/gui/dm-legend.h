/* dm-legend.h: the on-screen legend: styles in use, line of contact, sources and attribution. */
#pragma once

#include <gtk/gtk.h>

#include "dm-scene.h"

G_BEGIN_DECLS

#define DM_TYPE_LEGEND (dm_legend_get_type ())
G_DECLARE_FINAL_TYPE (DmLegend, dm_legend, DM, LEGEND, GtkWidget)

void  dm_legend_set_scene     (DmLegend *self,
                              DmScene  *scene);
void  dm_legend_set_compare   (DmLegend *self,
                              DmScene  *compare);

void  dm_legend_set_max_height (DmLegend *self,
                                int       height);
void  dm_legend_set_expanded  (DmLegend *self,
                              gboolean  expanded);

G_END_DECLS
