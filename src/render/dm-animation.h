/* dm-animation.h: the export page as a video or GIF, frame after frame, painted on every core and streamed to the encoder. */
#pragma once

#include <gio/gio.h>

#include "dm-export.h"
#include "dm-partition.h"
#include "dm-scenario.h"

G_BEGIN_DECLS

typedef enum
{
  DM_ANIMATION_WEBM,  /* VP8 in WebM */
  DM_ANIMATION_MP4,   /* H.264 in MP4 */
  DM_ANIMATION_GIF,   /* giflib, one palette built from the frames */
} DmAnimationFormat;

/* What one frame shows. The frame function fills it on a worker thread;
 * the engine takes ownership of what it puts there. */
typedef struct
{
  DmPartition *partition;  /* the day's line and region parts */
  DmScenario  *scenario;   /* the proposal shown */
  char        *stamp;      /* shown large on the map (a time-lapse's date), or NULL */
} DmAnimationFrame;

/* Called on a worker thread, for frames in any order, several at once:
 * it must only read what it shares. FALSE with error set ends the run. */
typedef gboolean (*DmAnimationFrameFunc)    (guint              index,
                                             DmAnimationFrame  *frame,
                                             gpointer           user_data,
                                             GCancellable      *cancellable,
                                             GError           **error);

/* Called on the caller's thread after each frame is encoded. */
typedef void     (*DmAnimationProgressFunc) (guint              done,
                                             guint              total,
                                             gpointer           user_data);

typedef struct
{
  DmAnimationFormat       format;
  guint                   n_frames;
  double                  fps;           /* frames per second, > 0 */
  guint                   n_threads;     /* painters; 0: one per processor */
  DmExportOptions         page;          /* size and layout, as for a still (format ignored) */
  DmAnimationFrameFunc    frame_func;
  gpointer                frame_data;
  DmAnimationProgressFunc progress_func; /* may be NULL */
  gpointer                progress_data;
} DmAnimationOptions;

void     dm_animation_options_init        (DmAnimationOptions       *options);

/* "webm", "mp4" or "gif" (any case) in a name or an extension. */
gboolean dm_animation_format_from_string  (const char               *str,
                                           DmAnimationFormat        *format);
const char *dm_animation_format_to_string (DmAnimationFormat         format);

/* Writes the animation to path, atomically (a temporary file in path's
 * folder, renamed when complete; on failure or cancellation path is left
 * as it was). Frames are painted ahead by a small pool and encoded in
 * order as they come, so memory holds a few frames, not all of them.
 * Blocking: call from a GTask thread in a window. */
gboolean dm_animation_write               (DmGeodata                *geodata,
                                           const DmAnimationOptions *options,
                                           const char               *path,
                                           GCancellable             *cancellable,
                                           GError                  **error);

G_END_DECLS
