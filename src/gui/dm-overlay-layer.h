/* dm-overlay-layer.h: the map layer that paints the scene (region parts, line of contact, labels). */
#pragma once

#include <shumate/shumate.h>

#include "dm-scene.h"

G_BEGIN_DECLS

#define DM_TYPE_OVERLAY_LAYER (dm_overlay_layer_get_type ())
G_DECLARE_FINAL_TYPE (DmOverlayLayer, dm_overlay_layer, DM, OVERLAY_LAYER, ShumateLayer)

DmOverlayLayer *dm_overlay_layer_new        (ShumateViewport *viewport,
                                             DmScene         *scene);
gboolean        dm_overlay_layer_pick       (DmOverlayLayer  *self,
                                             double           x,
                                             double           y,
                                             DmRegion        *region,
                                             DmPart          *part);
void            dm_overlay_layer_get_view   (DmOverlayLayer  *self,
                                             DmView          *view);
void            dm_overlay_layer_set_band  (DmOverlayLayer *self,
                                            double          from,
                                            double          to);

DmScene        *dm_overlay_layer_get_scene (DmOverlayLayer *self);
void            dm_overlay_layer_set_fade  (DmOverlayLayer *self,
                                            DmScenario     *from,
                                            double          progress);
gboolean        dm_overlay_layer_get_cached_area (DmOverlayLayer  *self,
                                                  graphene_rect_t *area);

G_END_DECLS
