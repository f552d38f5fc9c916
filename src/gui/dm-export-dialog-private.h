/* dm-export-dialog-private.h: what dm-export-dialog.c and dm-export-dialog-animation.c share. */
#pragma once

#include "dm-animation-frames.h"
#include "dm-export.h"
#include "dm-export-dialog.h"

G_BEGIN_DECLS

struct _DmExportDialog
{
  AdwWindow          parent_instance;
  DmScenario        *compare;   /* the second proposal when comparing, or NULL */

  /* Template children */
  GtkWidget         *cancel_button;
  GtkWidget         *export_button;
  GtkSpinner        *spinner;
  GtkWidget         *options_box;
  GtkToggleButton   *still_button;
  GtkToggleButton   *animation_button;
  AdwComboRow       *format_row;
  AdwComboRow       *anim_format_row;
  AdwComboRow       *preset_row;
  GtkWidget         *width_row;
  GtkWidget         *height_row;
  GtkSpinButton     *width_spin;
  GtkSpinButton     *height_spin;
  AdwPreferencesGroup *animation_group;
  AdwComboRow       *kind_row;
  AdwEntryRow       *from_row;
  AdwEntryRow       *to_row;
  GtkWidget         *every_row;
  GtkSpinButton     *every_spin;
  GtkWidget         *own_day_row;
  GtkSwitch         *own_day_switch;
  GtkSpinButton     *fps_spin;
  AdwEntryRow       *title_row;
  AdwEntryRow       *subtitle_row;
  AdwComboRow       *view_row;
  GtkWidget         *box_row;
  GtkSwitch         *inset_switch;
  GtkSwitch         *basemap_switch;
  GtkWidget         *transparent_row;
  GtkSwitch         *transparent_switch;
  GtkStack          *preview_stack;
  GtkDrawingArea    *preview;
  GtkDrawingArea    *box_area;
  GtkScale          *frame_scale;
  GtkProgressBar    *progress_bar;
  GtkLabel          *status_label;

  GCancellable      *cancellable;
  DmScene           *scene;       /* a snapshot: see snapshot_scene () */
  DmCatalog         *catalog;     /* for animations; may be NULL */
  DmAnnotationList  *annotations; /* a copy of the scenario's */
  char              *default_subtitle;
  DmView             view;
  gboolean           has_view;
  AdwToastOverlay   *toasts;      /* weak */
  GtkNativeDialog   *chooser;
  guint              preset;      /* the last preset, to seed Custom */
  gboolean           busy;
  gboolean           narrow;     /* under 720 px: no preview, an icon for Cancel */

  /* Area: a box drawn on the dialog's map, in world coordinates. */
  double             box[4];
  gboolean           has_box;
  DmView             box_view;
  GtkGesture        *box_drag;

  /* Animation: its frames, and the one the preview shows. */
  DmAnimationFrames *frames;
  char              *frames_error;
  DmScene           *frame_scene;
  char              *frame_stamp;
  int                frame_loading;  /* index, or -1 */
  int                frame_wanted;   /* index asked for while loading, or -1 */
  GCancellable      *job_cancellable;  /* a running animation */
};

/* The area row: these two, then the named extents, then a drawn box. */
enum {
  DM_EXPORT_AREA_SAME,
  DM_EXPORT_AREA_FIT,
  DM_EXPORT_AREA_NAMED,
};

void     _dm_export_dialog_area_init         (DmExportDialog    *self);
void     _dm_export_dialog_get_area          (DmExportDialog    *self,
                                              DmLayoutOptions   *layout);
void     _dm_export_dialog_area_changed_cb   (DmExportDialog    *self);
void     _dm_export_dialog_box_button_clicked_cb (DmExportDialog *self);

gboolean _dm_export_dialog_is_animation      (DmExportDialog    *self);
void     _dm_export_dialog_get_options       (DmExportDialog    *self,
                                              DmExportOptions   *options);
void     _dm_export_dialog_set_busy          (DmExportDialog    *self,
                                              const char        *path);
void     _dm_export_dialog_show_error        (DmExportDialog    *self,
                                              const char        *message);
void     _dm_export_dialog_show_done_toast   (DmExportDialog    *self,
                                              const char        *path);
void     _dm_export_dialog_update            (DmExportDialog    *self);

void     _dm_export_dialog_frames_changed    (DmExportDialog    *self);
void     _dm_export_dialog_show_frame        (DmExportDialog    *self,
                                              int                index);
void     _dm_export_dialog_export_animation  (DmExportDialog    *self,
                                              const char        *path,
                                              DmAnimationFormat  format);
DmAnimationFormat _dm_export_dialog_get_animation_format (DmExportDialog *self);

G_END_DECLS
