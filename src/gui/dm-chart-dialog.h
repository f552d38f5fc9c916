/* dm-chart-dialog.h: the chart of the front in a window: computed in a thread, hovered for figures, clicked to show a day. */
#pragma once

#include <adwaita.h>

#include "dm-catalog.h"
#include "dm-chart.h"
#include "dm-geodata.h"

G_BEGIN_DECLS

#define DM_TYPE_CHART_DIALOG (dm_chart_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DmChartDialog, dm_chart_dialog, DM, CHART_DIALOG, AdwWindow)

/* Emits "day-activated" (the date, YYYY-MM-DD) when a day is clicked. */
DmChartDialog *dm_chart_dialog_new         (GtkWindow     *parent,
                                            DmCatalog     *catalog,
                                            DmGeodata     *geodata);
void           dm_chart_dialog_set_every   (DmChartDialog *self,
                                            guint          every);
guint          dm_chart_dialog_get_every   (DmChartDialog *self);
/* The chart shown; complete once is_ready. */
DmChart       *dm_chart_dialog_get_chart   (DmChartDialog *self);
gboolean       dm_chart_dialog_is_ready    (DmChartDialog *self);
/* For tests: the chart area, a click at x, and a save without a chooser. */
GtkWidget     *_dm_chart_dialog_get_area   (DmChartDialog *self);
const char    *_dm_chart_dialog_get_description (DmChartDialog *self);
void           _dm_chart_dialog_click      (DmChartDialog *self,
                                            double         x);
void           _dm_chart_dialog_save_to    (DmChartDialog *self,
                                            DmChartFormat  format,
                                            const char    *path);

G_END_DECLS
