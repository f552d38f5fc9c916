/* dm-animation.c: the export page as WebM, MP4 (GStreamer) or GIF (giflib), painted ahead on a pool and encoded in order.
 *
 * Painting a frame (the day's partition, the whole layout) is the costly
 * part, and frames are independent, so a pool of painters works a few
 * frames ahead of the encoder, each into its own slot; the caller's thread
 * hands the slots to the encoder in order as they fill. At most `ahead`
 * frames exist at once, whatever the length of the animation. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dm-animation.h"
#include "dm-error.h"
#include "dm-gif.h"
#include "dm-layout.h"

typedef struct
{
  DmGeodata                *geodata;
  const DmAnimationOptions *options;
  int                       width, height;
  double                    scale;
  cairo_surface_t         **slots;   /* painted frames not yet encoded */
  GCancellable             *cancellable;
  GMutex                    lock;
  GCond                     cond;
  GError                   *error;   /* the first failure */
} Run;

typedef struct
{
  GstElement *pipeline;
  GstElement *src;
  GstBus     *bus;
  int         fps_n, fps_d;
  guint64     max_bytes;
  guint       n_pushed;
} Video;

void
dm_animation_options_init (DmAnimationOptions *options)
{
  *options = (DmAnimationOptions) { 0, };
  options->format = DM_ANIMATION_WEBM;
  options->fps = 4;
  dm_export_options_init (&options->page);
  options->page.width = 1280;
  options->page.height = 720;
}

gboolean
dm_animation_format_from_string (const char        *str,
                                 DmAnimationFormat *format)
{
  const char *dot;

  if (str == NULL)
    return FALSE;
  dot = strrchr (str, '.');
  if (dot != NULL)
    str = dot + 1;
  if (g_ascii_strcasecmp (str, "webm") == 0)
    *format = DM_ANIMATION_WEBM;
  else if (g_ascii_strcasecmp (str, "mp4") == 0)
    *format = DM_ANIMATION_MP4;
  else if (g_ascii_strcasecmp (str, "gif") == 0)
    *format = DM_ANIMATION_GIF;
  else
    return FALSE;
  return TRUE;
}

const char *
dm_animation_format_to_string (DmAnimationFormat format)
{
  switch (format)
    {
    case DM_ANIMATION_MP4: return "mp4";
    case DM_ANIMATION_GIF: return "gif";
    case DM_ANIMATION_WEBM:
    default:               return "webm";
    }
}

static void
run_fail (Run    *run,
          GError *error)
{
  g_mutex_lock (&run->lock);
  if (run->error == NULL)
    run->error = error;
  else
    g_error_free (error);
  g_cond_broadcast (&run->cond);
  g_mutex_unlock (&run->lock);
}

static void
frame_clear (DmAnimationFrame *frame)
{
  g_clear_pointer (&frame->partition, dm_partition_unref);
  g_clear_object (&frame->scenario);
  g_clear_pointer (&frame->stamp, g_free);
}

/* A worker: one frame, start to finish, on a scene of its own. */
static void
paint_frame (gpointer data,
             gpointer user_data)
{
  Run *run = user_data;
  const DmAnimationOptions *o = run->options;
  guint index = GPOINTER_TO_UINT (data) - 1;
  DmAnimationFrame frame = { NULL, };
  DmLayoutOptions layout = o->page.layout;
  g_autoptr(DmScene) scene = NULL;
  GError *error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (g_cancellable_is_cancelled (run->cancellable))
    return;
  if (!o->frame_func (index, &frame, o->frame_data, run->cancellable, &error))
    {
      frame_clear (&frame);
      run_fail (run, error);
      return;
    }
  g_return_if_fail (frame.partition != NULL && frame.scenario != NULL);

  /* A new scene's style: line of contact, region and town names. */
  scene = dm_scene_new (run->geodata);
  dm_scene_set_partition (scene, frame.partition);
  dm_scene_set_scenario (scene, frame.scenario);
  layout.stamp = frame.stamp;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, run->width, run->height);
  cr = cairo_create (surface);
  dm_layout_draw (scene, cr, &layout, run->width, run->height, run->scale);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  frame_clear (&frame);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      run_fail (run, g_error_new (DM_ERROR, DM_ERROR_IO, _("Cannot paint frame %u: %s"),
                                  index + 1,
                                  cairo_status_to_string (cairo_surface_status (surface))));
      cairo_surface_destroy (surface);
      return;
    }

  g_mutex_lock (&run->lock);
  run->slots[index] = surface;
  g_cond_broadcast (&run->cond);
  g_mutex_unlock (&run->lock);
}

static void
forward_cancel_cb (GCancellable *cancellable,
                   GCancellable *own)
{
  g_cancellable_cancel (own);
}

static void
cancelled_cb (GCancellable *cancellable,
              Run          *run)
{
  g_mutex_lock (&run->lock);
  g_cond_broadcast (&run->cond);
  g_mutex_unlock (&run->lock);
}

/* ---- GStreamer ---------------------------------------------------------- */

static GstElement *
make_element (const char  *factory,
              const char  *package,
              GError     **error)
{
  GstElement *element = gst_element_factory_make (factory, NULL);

  if (element == NULL)
    g_set_error (error, DM_ERROR, DM_ERROR_NOT_FOUND,
                 _("The GStreamer element “%s” is missing: install the Debian package %s"),
                 factory, package);
  return element;
}

static gboolean
bus_error (Video      *video,
           const char *path,
           GstClockTime timeout,
           GError    **error)
{
  g_autoptr(GstMessage) msg = gst_bus_timed_pop_filtered (video->bus, timeout,
                                                          GST_MESSAGE_ERROR);
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;

  if (msg == NULL)
    return FALSE;
  gst_message_parse_error (msg, &gst_error, &debug);
  g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
               gst_error->message);
  return TRUE;
}

static void
video_free (Video *video)
{
  if (video->pipeline != NULL)
    gst_element_set_state (video->pipeline, GST_STATE_NULL);
  g_clear_object (&video->bus);
  g_clear_object (&video->pipeline);
}

static gboolean
video_open (Video                    *video,
            const DmAnimationOptions *o,
            int                       width,
            int                       height,
            const char               *tmp,
            const char               *path,
            GError                  **error)
{
  GstElement *convert, *filter, *encoder, *mux, *sink;
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstCaps) yuv = NULL;
  guint threads = MAX (1, MIN (4, g_get_num_processors ()));
  int keyframe;

  gst_util_double_to_fraction (o->fps, &video->fps_n, &video->fps_d);
  keyframe = MAX (1, (int) (o->fps * 4));
  video->pipeline = gst_object_ref_sink (gst_pipeline_new ("animation"));
  if (!(video->src = make_element ("appsrc", "gstreamer1.0-plugins-base", error)) ||
      !(convert = make_element ("videoconvert", "gstreamer1.0-plugins-base", error)) ||
      !(filter = make_element ("capsfilter", "libgstreamer1.0-0", error)) ||
      !(sink = make_element ("filesink", "libgstreamer1.0-0", error)))
    return FALSE;
  if (o->format == DM_ANIMATION_MP4)
    {
      if (!(encoder = make_element ("x264enc", "gstreamer1.0-plugins-ugly", error)) ||
          !(mux = make_element ("mp4mux", "gstreamer1.0-plugins-good", error)))
        return FALSE;
      /* Constant quality, fast: a map is flat colour and thin type, which
       * the veryfast preset keeps sharp at quantizer 20. */
      gst_util_set_object_arg (G_OBJECT (encoder), "speed-preset", "veryfast");
      gst_util_set_object_arg (G_OBJECT (encoder), "pass", "qual");
      g_object_set (encoder, "quantizer", 20, "key-int-max", keyframe, "threads", threads, NULL);
      g_object_set (mux, "faststart", TRUE, NULL);
    }
  else
    {
      if (!(encoder = make_element ("vp8enc", "gstreamer1.0-plugins-good", error)) ||
          !(mux = make_element ("webmmux", "gstreamer1.0-plugins-good", error)))
        return FALSE;
      /* Realtime deadline: the default "best" takes seconds a frame. No
       * "threads": libvpx 1.12's threads spin and cost six times the CPU
       * here. The bitrate is generous so the type stays crisp; a static
       * map costs little after the first frame anyway. */
      g_object_set (encoder, "deadline", (gint64) 1, "cpu-used", 8,
                    "target-bitrate", (int) MIN (G_MAXINT / 2, (gint64) width * height * 6),
                    "max-quantizer", 40, "keyframe-max-dist", keyframe, NULL);
    }

  caps = gst_caps_new_simple ("video/x-raw",
                              "format", G_TYPE_STRING,
                              G_BYTE_ORDER == G_LITTLE_ENDIAN ? "BGRx" : "xRGB",
                              "width", G_TYPE_INT, width,
                              "height", G_TYPE_INT, height,
                              "framerate", GST_TYPE_FRACTION, video->fps_n, video->fps_d,
                              "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
                              NULL);
  yuv = gst_caps_new_simple ("video/x-raw", "format", G_TYPE_STRING, "I420", NULL);
  video->max_bytes = (guint64) width * height * 4 * 2;
  g_object_set (video->src, "caps", caps, "format", GST_FORMAT_TIME, "is-live", FALSE,
                "max-bytes", video->max_bytes, NULL);
  g_object_set (filter, "caps", yuv, NULL);
  g_object_set (sink, "location", tmp, NULL);
  gst_bin_add_many (GST_BIN (video->pipeline), video->src, convert, filter, encoder, mux, sink,
                    NULL);
  if (!gst_element_link_many (video->src, convert, filter, encoder, mux, sink, NULL))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_IO,
                   _("Cannot write “%s”: the GStreamer elements do not fit together"), path);
      return FALSE;
    }
  video->bus = gst_element_get_bus (video->pipeline);
  if (gst_element_set_state (video->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      if (!bus_error (video, path, 0, error))
        g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: GStreamer would not start"),
                     path);
      return FALSE;
    }
  return TRUE;
}

/* Takes the surface: the buffer wraps its pixels, no copy. */
static gboolean
video_push (Video           *video,
            cairo_surface_t *surface,
            const char      *path,
            GError         **error)
{
  int height = cairo_image_surface_get_height (surface);
  gsize size = (gsize) cairo_image_surface_get_stride (surface) * height;
  GstBuffer *buffer;
  guint i = video->n_pushed++;

  buffer = gst_buffer_new_wrapped_full (GST_MEMORY_FLAG_READONLY,
                                        cairo_image_surface_get_data (surface), size, 0, size,
                                        surface, (GDestroyNotify) cairo_surface_destroy);
  GST_BUFFER_PTS (buffer) = gst_util_uint64_scale (i, GST_SECOND * video->fps_d, video->fps_n);
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (GST_SECOND, video->fps_d, video->fps_n);
  if (gst_app_src_push_buffer (GST_APP_SRC (video->src), buffer) != GST_FLOW_OK)
    {
      if (!bus_error (video, path, GST_SECOND, error))
        g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: the encoder stopped"),
                     path);
      return FALSE;
    }
  /* Wait for the encoder to catch up rather than queue every frame, and
   * notice its failure while waiting. */
  while (gst_app_src_get_current_level_bytes (GST_APP_SRC (video->src)) > video->max_bytes)
    if (bus_error (video, path, 5 * GST_MSECOND, error))
      return FALSE;
  return !bus_error (video, path, 0, error);
}

static gboolean
video_finish (Video      *video,
              const char *path,
              GError    **error)
{
  g_autoptr(GstMessage) msg = NULL;

  gst_app_src_end_of_stream (GST_APP_SRC (video->src));
  msg = gst_bus_timed_pop_filtered (video->bus, GST_CLOCK_TIME_NONE,
                                    GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) gst_error = NULL;

      gst_message_parse_error (msg, &gst_error, NULL);
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   gst_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- the run ------------------------------------------------------------ */

/* A hidden temporary name in path's folder (rename () is atomic only
 * within a file system). */
static char *
make_temp (const char  *path,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);
  char *tmp = g_build_filename (dir, tmpl, NULL);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved));
      g_free (tmp);
      return NULL;
    }
  close (fd);
  return tmp;
}

/* The next frame in order, waiting for a painter; NULL on failure or
 * cancellation. */
static cairo_surface_t *
next_frame (Run   *run,
            guint  index)
{
  cairo_surface_t *surface;

  g_mutex_lock (&run->lock);
  while (run->slots[index] == NULL && run->error == NULL &&
         !g_cancellable_is_cancelled (run->cancellable))
    g_cond_wait (&run->cond, &run->lock);
  /* Cancelled means stop now, even with the frame in hand. */
  if (run->error == NULL && !g_cancellable_is_cancelled (run->cancellable))
    surface = g_steal_pointer (&run->slots[index]);
  else
    surface = NULL;
  g_mutex_unlock (&run->lock);
  return surface;
}

gboolean
dm_animation_write (DmGeodata                *geodata,
                    const DmAnimationOptions *options,
                    const char               *path,
                    GCancellable             *cancellable,
                    GError                  **error)
{
  g_autoptr(GCancellable) own = g_cancellable_new ();
  g_autofree char *tmp = NULL;
  Run run = { geodata, options, 0, 0, 0, NULL, own, { 0 }, { 0 }, NULL };
  Video video = { NULL, };
  DmGif *gif = NULL;
  FILE *file = NULL;
  GThreadPool *pool;
  GError *local = NULL;
  guint n_threads, ahead, pushed = 0;
  gulong forward = 0, wake;
  gboolean ok = TRUE;

  g_return_val_if_fail (geodata != NULL && options != NULL && path != NULL, FALSE);
  g_return_val_if_fail (options->frame_func != NULL, FALSE);

  if (options->n_frames == 0 || !(options->fps > 0 && options->fps <= 120))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("Cannot write “%s”: an animation needs at least one frame and 0 < fps ≤ 120"),
                   path);
      return FALSE;
    }
  dm_export_get_size (&options->page, &run.width, &run.height, &run.scale);
  if (options->format != DM_ANIMATION_GIF && (run.width % 2 != 0 || run.height % 2 != 0))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("Cannot write “%s”: a video’s width and height must be even, not %d×%d"),
                   path, run.width, run.height);
      return FALSE;
    }

  tmp = make_temp (path, error);
  if (tmp == NULL)
    return FALSE;
  if (options->format == DM_ANIMATION_GIF)
    {
      file = g_fopen (tmp, "wb");
      if (file != NULL)
        gif = dm_gif_new (file, path, run.width, run.height,
                          (guint) (100.0 / options->fps + 0.5), &local);
      else
        local = g_error_new (DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                             g_strerror (errno));
      ok = gif != NULL;
    }
  else
    {
      if (!gst_init_check (NULL, NULL, &local))
        ok = FALSE;
      else
        ok = video_open (&video, options, run.width, run.height, tmp, path, &local);
    }
  if (!ok)
    {
      video_free (&video);
      if (file != NULL)
        fclose (file);
      g_unlink (tmp);
      g_propagate_error (error, local);
      return FALSE;
    }

  g_mutex_init (&run.lock);
  g_cond_init (&run.cond);
  run.slots = g_new0 (cairo_surface_t *, options->n_frames);
  if (cancellable != NULL)
    forward = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel_cb), own, NULL);
  wake = g_cancellable_connect (own, G_CALLBACK (cancelled_cb), &run, NULL);

  n_threads = options->n_threads > 0 ? options->n_threads : g_get_num_processors ();
  /* Enough frames in flight to keep every painter busy while the encoder
   * takes one; no more, so memory stays a few frames. */
  ahead = n_threads * 2;
  pool = g_thread_pool_new (paint_frame, &run, (int) n_threads, TRUE, NULL);

  for (guint i = 0; i < options->n_frames && ok; i++)
    {
      cairo_surface_t *surface;

      while (pushed < options->n_frames && pushed < i + ahead)
        {
          g_thread_pool_push (pool, GUINT_TO_POINTER (pushed + 1), NULL);
          pushed++;
        }
      surface = next_frame (&run, i);
      if (surface == NULL)
        {
          ok = FALSE;
          break;
        }
      if (gif != NULL)
        {
          ok = dm_gif_add (gif, surface, &local);
          cairo_surface_destroy (surface);
        }
      else
        ok = video_push (&video, surface, path, &local);
      if (ok && options->progress_func != NULL)
        options->progress_func (i + 1, options->n_frames, options->progress_data);
    }
  if (!ok)
    g_cancellable_cancel (own);
  g_thread_pool_free (pool, TRUE, TRUE);
  g_cancellable_disconnect (own, wake);
  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, forward);
  for (guint i = 0; i < options->n_frames; i++)
    g_clear_pointer (&run.slots[i], cairo_surface_destroy);
  g_free (run.slots);

  if (local == NULL && run.error != NULL)
    local = g_steal_pointer (&run.error);
  g_clear_error (&run.error);
  if (local == NULL && !ok)
    g_cancellable_set_error_if_cancelled (own, &local);
  if (local == NULL && !ok)
    local = g_error_new (DM_ERROR, DM_ERROR_CANCELLED, _("Cancelled"));
  g_mutex_clear (&run.lock);
  g_cond_clear (&run.cond);

  if (gif != NULL)
    {
      if (ok)
        ok = dm_gif_finish (gif, &local);
      else
        dm_gif_free (gif);
      if (ok && (fflush (file) != 0 || fsync (fileno (file)) != 0))
        {
          ok = FALSE;
          local = g_error_new (DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                               g_strerror (errno));
        }
      if (fclose (file) != 0 && ok)
        {
          ok = FALSE;
          local = g_error_new (DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                               g_strerror (errno));
        }
    }
  else
    {
      int fd = -1;

      if (ok)
        ok = video_finish (&video, path, &local);
      video_free (&video);
      /* filesink does not sync: the data must be on disk before the name
       * points at it. */
      if (ok && ((fd = g_open (tmp, O_RDONLY | O_CLOEXEC, 0)) < 0 || fsync (fd) != 0))
        {
          ok = FALSE;
          local = g_error_new (DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                               g_strerror (errno));
        }
      if (fd >= 0)
        close (fd);
    }

  if (ok && g_rename (tmp, path) != 0)
    {
      ok = FALSE;
      local = g_error_new (DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                           g_strerror (errno));
    }
  if (!ok)
    {
      g_unlink (tmp);
      g_propagate_error (error, local);
    }
  return ok;
}
