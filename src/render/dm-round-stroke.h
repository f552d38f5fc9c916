/* dm-round-stroke.h: round-joined strokes on image targets, rasterised as the distance to the path. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

gboolean dm_round_stroke (cairo_t *cr,
                          double   width,
                          gboolean round_caps);
gboolean dm_round_stroke_dashed (cairo_t *cr,
                                 double   width);
gboolean dm_round_stroke_cased  (cairo_t      *cr,
                                 double        casing_width,
                                 double        width,
                                 const double  rgb[3]);

G_END_DECLS
