/* dm-export-dialog.h: the window's export dialog: format, size, title and options with a live preview. */
#pragma once

#include <adwaita.h>

#include "dm-catalog.h"
#include "dm-scene.h"
#include "dm-view.h"

G_BEGIN_DECLS

#define DM_TYPE_EXPORT_DIALOG (dm_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DmExportDialog, dm_export_dialog, DM, EXPORT_DIALOG, AdwWindow)

/* Opens the dialog, modal over parent. The dialog paints and exports a
 * snapshot of scene taken now, so later edits in the window do not reach a
 * running export; view (may be NULL) is the screen's, for "Same view as the
 * map"; catalog (may be NULL: no animations) gives an animation its days.
 * When an export succeeds the dialog closes and says so in toasts (may be
 * NULL). */
void  dm_export_dialog_present    (GtkWindow       *parent,
                                   DmScene         *scene,
                                   DmScenario      *compare,
                                   const DmView    *view,
                                   DmCatalog       *catalog,
                                   AdwToastOverlay *toasts);

/* Exports to path with the dialog's current options, as the Export button
 * does after the file chooser: for tests, which cannot drive the portal. */
void  _dm_export_dialog_export_to (DmExportDialog  *self,
                                   const char      *path);
/* As the widgets would set them: for tests. */
void  _dm_export_dialog_set_time_lapse (DmExportDialog *self,
                                        const char     *from,
                                        const char     *to,
                                        guint           every,
                                        double          fps);
void  _dm_export_dialog_set_size  (DmExportDialog  *self,
                                   int              width,
                                   int              height);
void  _dm_export_dialog_set_box   (DmExportDialog  *self,
                                   double           x1,
                                   double           y1,
                                   double           x2,
                                   double           y2);

G_END_DECLS
