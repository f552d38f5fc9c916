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

/* Paints the whole picture on cr (already moved to the band): any painter
 * whose output depends only on the transform, as the export page's does. */
typedef void (*DmBandFunc) (cairo_t  *cr,
                            gpointer  data);

void              dm_overlay_painter_run   (DmOverlayPainter *painter,
                                            cairo_surface_t  *surface,
                                            gboolean          clear,
                                            DmBandFunc        func,
                                            gpointer          data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmOverlayPainter, dm_overlay_painter_free)

G_END_DECLS
