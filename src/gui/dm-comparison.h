/* dm-comparison.h: a second proposal or day beside the first: the second map, the mode and the divider. */
#pragma once

#include <shumate/shumate.h>

#include "dm-catalog.h"
#include "dm-overlay-layer.h"
#include "dm-scene.h"

G_BEGIN_DECLS

typedef enum
{
  DM_COMPARE_SIDE,   /*< nick=side >*/
  DM_COMPARE_SWIPE,  /*< nick=swipe >*/
} DmCompareMode;

#define DM_TYPE_COMPARISON (dm_comparison_get_type ())
G_DECLARE_FINAL_TYPE (DmComparison, dm_comparison, DM, COMPARISON, GObject)

DmComparison     *dm_comparison_new              (DmScene          *scene,
                                                  DmOverlayLayer   *overlay,
                                                  GtkOverlay       *map_overlay,
                                                  ShumateSimpleMap *second_map,
                                                  GtkWidget        *handle,
                                                  GtkLabel         *label_a,
                                                  GtkLabel         *label_b);
DmCompareMode     dm_comparison_get_mode         (DmComparison     *self);
void              dm_comparison_set_mode         (DmComparison     *self,
                                                  DmCompareMode     mode);
double            dm_comparison_get_divider      (DmComparison     *self);
void              dm_comparison_set_divider      (DmComparison     *self,
                                                  double            divider);
gboolean          dm_comparison_get_active       (DmComparison     *self);
gboolean          dm_comparison_get_side_by_side (DmComparison     *self);
DmScene          *dm_comparison_get_scene        (DmComparison     *self);
DmScene          *dm_comparison_get_compared_scene (DmComparison   *self);
DmScenario       *dm_comparison_get_scenario     (DmComparison     *self);
DmScenario       *dm_comparison_get_compared_scenario (DmComparison *self);
const char       *dm_comparison_get_date         (DmComparison     *self);
const char       *dm_comparison_get_target       (DmComparison     *self);
ShumateSimpleMap *dm_comparison_get_second_map   (DmComparison     *self);
void              dm_comparison_set_own_days     (DmComparison     *self,
                                                  DmCatalog        *catalog,
                                                  gboolean          own_days);
void              dm_comparison_set_title_widget (DmComparison     *self,
                                                  GtkWidget        *title);

void              dm_comparison_show_proposal    (DmComparison     *self,
                                                  DmProposal       *proposal);
void              dm_comparison_show_day         (DmComparison     *self,
                                                  DmCatalog        *catalog,
                                                  const char       *date);
DmOverlayLayer   *dm_comparison_pick_layer       (DmComparison     *self,
                                                  GtkWidget        *map,
                                                  double            x);

G_END_DECLS
