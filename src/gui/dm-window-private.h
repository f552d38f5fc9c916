/* dm-window-private.h: what the dm-window*.c files and the presenter share. */
#pragma once

#include <shumate/shumate.h>

#include "dm-annotation-layer.h"
#include "dm-catalog.h"
#include "dm-comparison.h"
#include "dm-date-button.h"
#include "dm-import.h"
#include "dm-legend.h"
#include "dm-map-source.h"
#include "dm-overlay-layer.h"
#include "dm-presenter.h"
#include "dm-scene.h"
#include "dm-sidebar.h"
#include "dm-timeline.h"
#include "dm-timeline-ticks.h"
#include "dm-window.h"

G_BEGIN_DECLS

typedef void (*DmPathFunc) (DmWindow   *self,
                            const char *path);

/* How much the window shows, by its width (dm-window-adaptive.c). */
typedef enum
{
  DM_WIDTH_NARROW,
  DM_WIDTH_MEDIUM,
  DM_WIDTH_WIDE,
} DmWidthClass;

/* What the command line asked for, applied once when the data is loaded. */
typedef struct
{
  char          *proposal;
  char          *compare;
  char          *scenario_path;
  char          *date;      /* YYYY-MM-DD or "proposal" */
  gboolean       present;
} DmStartup;

struct _DmWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwWindowTitle       *window_title;
  DmDateButton         *date_button;
  GtkWidget            *annotate_button;
  GtkDropDown          *compare_dropdown;
  AdwToastOverlay      *toast_overlay;
  AdwFlap              *flap;
  DmSidebar            *sidebar;
  GtkOverlay           *map_overlay;
  GtkStack             *map_stack;
  AdwStatusPage        *status_page;
  ShumateSimpleMap     *map;
  DmLegend             *legend;
  GtkWidget            *date_slider_box;
  DmTimeline           *timeline;

  /* One owner for each piece of state: the scene owns what the maps show
   * and how (every map and the legend follow it), the comparison the
   * second map, its mode and divider, the presenter presentation mode
   * and lessons. */
  DmScene              *scene;
  DmOverlayLayer       *overlay;
  DmAnnotationLayer    *annotations;       /* the scenario's, and Annotate mode */
  DmComparison         *comparison;
  DmPresenter          *presenter;
  GSignalGroup         *scenario_signals;  /* the scene's scenario */

  GCancellable         *cancellable;
  GCancellable         *day_cancellable;
  GSettings            *settings;
  DmCatalog            *catalog;
  DmMapSource          *map_source;
  char                 *day;            /* asked for; the scene's partition is the day loaded */
  char                 *scenario_path;
  GtkWidget            *popover;
  GtkFileChooserNative *chooser;
  DmPathFunc            chooser_func;
  DmStartup            *startup;

  DmWidthClass          width_class;
  int                   adapt_width;
  int                   adapt_map_width;
  int                   adapt_map_height;
  int                   adapt_slider_height;
  int                   legend_max_height;
  int                   timeline_full_width;
  gboolean              timeline_compact;
  guint                 adapt_id;
  gboolean              swipe_forced;   /* side by side until the window narrowed */
  GPtrArray            *compare_offered;  /* DmProposal, as "Compare with" lists them */
  DmProposal           *compare_excluded; /* the one shown, not offered (unowned) */
};

void      _dm_window_choose_path       (DmWindow             *self,
                                        const char           *title,
                                        GtkFileChooserAction  action,
                                        const char           *accept,
                                        const char           *suggested_name,
                                        GtkFileFilter        *filter,
                                        DmPathFunc            func);
void      _dm_window_install_actions   (GtkWidgetClass       *widget_class);
void      _dm_window_actions_init      (DmWindow             *self);
void      _dm_window_set_proposal      (DmWindow             *self,
                                        DmProposal           *proposal);
void      _dm_window_step_proposal     (DmWindow             *self,
                                        int                   delta);
void      _dm_window_show_error        (DmWindow             *self,
                                        const char           *message);
void      _dm_window_show_message      (DmWindow             *self,
                                        const char           *heading,
                                        const char           *body);
void      _dm_window_toast             (DmWindow             *self,
                                        const char           *message);
void      _dm_window_zoom_home         (DmWindow             *self,
                                        gboolean              animate);
gboolean  _dm_window_zoom_home_idle    (DmWindow             *self);
void      _dm_window_compare_init      (DmWindow             *self);
void      _dm_window_compare_setup     (DmWindow             *self);
void      _dm_window_compare_dispose   (DmWindow             *self);
void      _dm_window_import_init       (DmWindow             *self);
void      _dm_window_import_class_init (GtkWidgetClass       *widget_class);
void      _dm_window_fill_dates        (DmWindow             *self,
                                        const char           *select);
gboolean  _dm_window_show_day          (DmWindow             *self,
                                        const char           *date,
                                        GError              **error);
void      _dm_window_update_class_init (GtkWidgetClass       *widget_class);
void      _dm_window_lesson_class_init (GtkWidgetClass       *widget_class);
void      _dm_window_annotate_class_init (GtkWidgetClass     *widget_class);
void      _dm_window_annotate_init     (DmWindow             *self);
void      _dm_window_annotate_attach   (DmWindow             *self);
void      _dm_window_load_init         (DmWindow             *self);
void      _dm_window_load_start        (DmWindow             *self);
void      _dm_window_refresh_title     (DmWindow             *self);
void      _dm_window_update_legend     (DmWindow             *self);
void      _dm_window_adaptive_init     (DmWindow             *self);
void      _dm_window_adaptive_dispose  (DmWindow             *self);
void      _dm_window_adapt_to_width    (DmWindow             *self,
                                        int                   width);

G_END_DECLS
