/* dm-timeline.h: the day control over two years of days: a slider with the proposals' days, play and speed. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DM_TYPE_TIMELINE (dm_timeline_get_type ())

G_DECLARE_FINAL_TYPE (DmTimeline, dm_timeline, DM, TIMELINE, GtkWidget)

void          dm_timeline_set_days       (DmTimeline         *self,
                                          const char * const *days,
                                          const char * const *marked,
                                          const char * const *labels);
GtkWidget    *dm_timeline_get_ticks      (DmTimeline         *self);
void          dm_timeline_set_compact    (DmTimeline         *self,
                                          gboolean            compact,
                                          gboolean            show_speed);
guint         dm_timeline_get_n_days     (DmTimeline         *self);
const char   *dm_timeline_get_day        (DmTimeline         *self);
guint         dm_timeline_get_position   (DmTimeline         *self);
void          dm_timeline_set_position   (DmTimeline         *self,
                                          guint               position);
gboolean      dm_timeline_set_day        (DmTimeline         *self,
                                          const char         *date,
                                          const char         *note);
void          dm_timeline_step           (DmTimeline         *self,
                                          int                 days);
gboolean      dm_timeline_get_playing    (DmTimeline         *self);
void          dm_timeline_set_playing    (DmTimeline         *self,
                                          gboolean            playing);
double        dm_timeline_get_speed      (DmTimeline         *self);
void          dm_timeline_set_speed      (DmTimeline         *self,
                                          double              days_per_second);
gboolean      dm_timeline_get_loop       (DmTimeline         *self);
void          dm_timeline_set_loop       (DmTimeline         *self,
                                          gboolean            loop);
const char   *dm_timeline_get_note       (DmTimeline         *self);
void          dm_timeline_day_shown      (DmTimeline         *self);
char        **dm_timeline_dup_upcoming   (DmTimeline         *self,
                                          guint               n);

G_END_DECLS
