/* dm-date-button.h: the header's day button: the day shown, and a calendar to choose another. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DM_TYPE_DATE_BUTTON (dm_date_button_get_type ())

G_DECLARE_FINAL_TYPE (DmDateButton, dm_date_button, DM, DATE_BUTTON, GtkWidget)

void          dm_date_button_set_days     (DmDateButton       *self,
                                           const char * const *days,
                                           const char * const *marked,
                                           const char * const *labels);
const char   *dm_date_button_get_day      (DmDateButton       *self);
void          dm_date_button_set_day      (DmDateButton       *self,
                                           const char         *day);
void          dm_date_button_choose       (DmDateButton       *self,
                                           const char         *day);
void          dm_date_button_set_compact  (DmDateButton       *self,
                                           gboolean            compact);
GtkCalendar  *dm_date_button_get_calendar (DmDateButton       *self);
const char   *dm_date_button_get_month_text (DmDateButton     *self);

G_END_DECLS
