/* dm-overlay-paint.h: paints a scene onto an image surface in bands, on every core, as one dm_scene_draw would. */
#pragma once

#include <cairo.h>

#include "dm-scene.h"

G_BEGIN_DECLS

typedef struct _DmOverlayPainter DmOverlayPainter;

DmOverlayPainter *dm_overlay_painter_new   (guint             n_threads);
void              dm_overlay_painter_free  (DmOverlayPainter *painter);
void              dm_overlay_painter_paint (DmOverlayPainter *painter,
                                            DmScene          *scene,
                                            cairo_surface_t  *surface,
                                            const DmView     *view,
                                            int               scale,
                                            DmSceneLayers     layers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmOverlayPainter, dm_overlay_painter_free)

G_END_DECLS
