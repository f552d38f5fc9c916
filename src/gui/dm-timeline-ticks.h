/* dm-timeline-ticks.h: short labels over the timeline's proposal ticks, as many as fit. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DM_TYPE_TIMELINE_TICKS (dm_timeline_ticks_get_type ())

G_DECLARE_FINAL_TYPE (DmTimelineTicks, dm_timeline_ticks, DM, TIMELINE_TICKS, GtkWidget)

void          dm_timeline_ticks_set_range     (DmTimelineTicks    *self,
                                               GtkRange           *range);
void          dm_timeline_ticks_clear         (DmTimelineTicks    *self);
void          dm_timeline_ticks_add           (DmTimelineTicks    *self,
                                               guint               position,
                                               const char         *day,
                                               const char         *label);
void          dm_timeline_ticks_set_current   (DmTimelineTicks    *self,
                                               const char         *day);
gboolean      dm_timeline_ticks_is_shown      (DmTimelineTicks    *self,
                                               const char         *day);
guint         dm_timeline_ticks_get_n_shown   (DmTimelineTicks    *self);
char         *dm_timeline_ticks_dup_near      (DmTimelineTicks    *self,
                                               double              x);

G_END_DECLS
