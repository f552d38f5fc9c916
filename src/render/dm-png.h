/* dm-png.h: writes a cairo image surface as PNG through libpng at a fast compression level. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes surface (CAIRO_FORMAT_ARGB32 or RGB24) to stream as 8-bit RGB, or
 * RGBA when keep_alpha is set. level is zlib's 0–9: cairo's own writer uses
 * the default (6), which costs more time than painting a 4K map; 1 gives
 * files about a third larger in a fraction of the time. Errors give the reason
 * only, for the caller to name the file. */
gboolean  dm_png_write  (cairo_surface_t  *surface,
                         GOutputStream    *stream,
                         int               level,
                         gboolean          keep_alpha,
                         GError          **error);

G_END_DECLS
