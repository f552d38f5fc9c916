/* dm-area-fill.h: polygon fills on image targets, rasterised by exact area coverage into one mask. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

gboolean dm_area_fill (cairo_t *cr);

G_END_DECLS
