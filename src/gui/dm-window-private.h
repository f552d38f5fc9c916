/* dm-window-private.h: what dm-window.c and dm-window-actions.c share. */
#pragma once

#include <shumate/shumate.h>

#include "dm-catalog.h"
#include "dm-geodata.h"
#include "dm-import.h"
#include "dm-legend.h"
#include "dm-lesson.h"
#include "dm-map-source.h"
#include "dm-overlay-layer.h"
#include "dm-partition.h"
#include "dm-scenario.h"
#include "dm-scene.h"
#include "dm-sidebar.h"
#include "dm-window.h"

G_BEGIN_DECLS

struct _DmWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  GtkRevealer          *header_revealer;
  AdwWindowTitle       *window_title;
  GtkDropDown          *date_dropdown;
  AdwToastOverlay      *toast_overlay;
  AdwFlap              *flap;
  DmSidebar            *sidebar;
  GtkOverlay           *map_overlay;
  GtkStack             *map_stack;
  AdwStatusPage        *status_page;
  ShumateSimpleMap     *map;
  DmLegend             *legend;
  GtkLabel             *present_title;
  GtkBox               *maps_box;
  ShumateSimpleMap     *map_b;
  GtkWidget            *swipe_handle;
  GtkLabel             *compare_label_a;
  GtkLabel             *compare_label_b;
  GtkDropDown          *compare_dropdown;
  GtkWidget            *compare_mode_box;
  GtkWidget            *date_slider_box;
  GtkScale             *date_scale;

  GCancellable         *cancellable;
  GCancellable         *partition_cancellable;
  GSettings            *settings;
  DmCatalog            *catalog;
  DmGeodata            *geodata;
  DmScene              *scene;
  DmOverlayLayer       *overlay;
  DmScenario           *scenario;
  DmPartition          *partition;
  char                 *control_date;
  char                 *scenario_path;
  GtkWidget            *popover;
  GtkFileChooserNative *chooser;
  int                   selected_region, selected_part;

  DmMapSource          *map_source;

  /* Comparison: a second scenario, on a second map or behind a swipe. */
  DmScenario           *scenario_b;
  DmScene              *scene_b;
  DmOverlayLayer       *overlay_b;
  char                 *compare_mode;   /* "side" or "swipe" */
  /* Comparing two dates: the same scenario on another line of contact. */
  char                 *compare_date;
  DmPartition          *partition_b;
  GCancellable         *partition_b_cancellable;
  double                swipe_fraction;
  double                swipe_drag_start;
  GPtrArray            *view_bindings;

  /* What the command line asked for, applied once the data is loaded. */
  char                 *startup_proposal;
  char                 *startup_compare;
  gboolean              startup_present;

  DmLesson             *lesson;
  guint                 lesson_step;

  gboolean              presenting;
  gboolean              sidebar_before_present;
  /* Cross-fade between proposals: the old scenario fades out. */
  DmScenario           *fade_from;
  gint64                fade_start;
  guint                 fade_tick;
};

typedef void (*DmPathFunc) (DmWindow   *self,
                            const char *path);

void  _dm_window_choose_path       (DmWindow             *self,
                                    const char           *title,
                                    GtkFileChooserAction  action,
                                    const char           *accept,
                                    const char           *suggested_name,
                                    GtkFileFilter        *filter,
                                    DmPathFunc            func);
void  _dm_window_install_actions   (GtkWidgetClass *widget_class);
void  _dm_window_set_proposal      (DmWindow       *self,
                                    DmProposal     *proposal);
void  _dm_window_set_scenario      (DmWindow       *self,
                                    DmScenario     *scenario);
void  _dm_window_step_proposal     (DmWindow       *self,
                                    int             delta);
void  _dm_window_show_error        (DmWindow       *self,
                                    const char     *message);
void  _dm_window_show_message      (DmWindow       *self,
                                    const char     *heading,
                                    const char     *body);
void  _dm_window_toast             (DmWindow       *self,
                                    const char     *message);
void  _dm_window_set_presenting    (DmWindow       *self,
                                    gboolean        presenting);
void  _dm_window_zoom_home         (DmWindow       *self,
                                    gboolean        animate);
gboolean _dm_window_zoom_home_idle (DmWindow       *self);
void  _dm_window_install_key_controller (DmWindow  *self);
void  _dm_window_refresh           (DmWindow       *self);
void  _dm_window_compare_init      (DmWindow       *self);
void  _dm_window_compare_setup     (DmWindow       *self);
void  _dm_window_compare_update    (DmWindow       *self);
void  _dm_window_compare_dispose   (DmWindow       *self);
void  _dm_window_compare_class_init (GtkWidgetClass *widget_class);
void  _dm_window_set_compare       (DmWindow       *self,
                                    DmProposal     *proposal);
void  _dm_window_part_activated_cb (DmWindow       *self,
                                    int             region,
                                    int             part,
                                    double          x,
                                    double          y,
                                    DmOverlayLayer *layer);
void  _dm_window_import_init       (DmWindow       *self);
void  _dm_window_import_class_init (GtkWidgetClass *widget_class);
void  _dm_window_import            (DmWindow       *self,
                                    const char     *path,
                                    DmImportKind    kind,
                                    gboolean        folder);
void  _dm_window_import_path       (DmWindow       *self,
                                    const char     *path);
void  _dm_window_fill_dates        (DmWindow       *self,
                                    const char     *select);
gboolean _dm_window_lesson_step    (DmWindow       *self,
                                    int             delta);
void  _dm_window_lesson_class_init (GtkWidgetClass *widget_class);
void  _dm_window_apply_basemap     (DmWindow       *self);
void  _dm_window_load_init         (DmWindow       *self);
void  _dm_window_load_start        (DmWindow       *self);
void  _dm_window_save_to           (DmWindow       *self,
                                    const char     *path);

G_END_DECLS
