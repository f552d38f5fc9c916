/* dm-gif.h: an animated GIF written frame by frame, each frame's changed rectangle with its own median-cut palette. */
#pragma once

#include <stdio.h>
#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _DmGif DmGif;

/* Frames are width × height RGB24 surfaces shown for delay_cs hundredths
 * of a second each; the GIF loops forever. file is borrowed, path only
 * names it in errors. */
DmGif    *dm_gif_new     (FILE             *file,
                          const char       *path,
                          int               width,
                          int               height,
                          guint             delay_cs,
                          GError          **error);
gboolean  dm_gif_add     (DmGif            *self,
                          cairo_surface_t  *frame,
                          GError          **error);
/* Writes the trailer and frees self, whatever the outcome. */
gboolean  dm_gif_finish  (DmGif            *self,
                          GError          **error);
void      dm_gif_free    (DmGif            *self);

G_END_DECLS
