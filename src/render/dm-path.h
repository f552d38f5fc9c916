/* dm-path.h: appends projected shapes to a cairo path for one view. */
#pragma once

#include <cairo.h>

#include "dm-shape.h"
#include "dm-view.h"

G_BEGIN_DECLS

gboolean  dm_shape_visible   (const DmShape *shape,
                              const DmView  *view,
                              double         margin_px);
void      dm_path_append     (cairo_t       *cr,
                              const DmShape *shape,
                              const DmView  *view);

G_END_DECLS
