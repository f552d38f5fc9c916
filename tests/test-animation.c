/* test-animation.c: WebM, MP4 and GIF animations: frame count and size read back, cancellation, the CLI's time-lapse. */
#include "config.h"

#include <string.h>
#include <gif_lib.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>

#include "dm-animation.h"
#include "dm-test-util.h"

#define FIXED_DATE "2025-11-20"
#define N_FRAMES 4
#define WIDTH 320
#define HEIGHT 240
#define FPS 4

static DmCatalog *
get_catalog (void)
{
  static DmCatalog *catalog = NULL;

  if (catalog == NULL)
    {
      g_autoptr(GError) error = NULL;

      catalog = dm_catalog_new_default (&error);
      g_assert_no_error (error);
    }
  return catalog;
}

static DmPartition *
get_partition (void)
{
  static DmPartition *partition = NULL;

  if (partition == NULL)
    {
      g_autoptr(GError) error = NULL;
      const DmControlInfo *info = dm_catalog_find_control (get_catalog (), FIXED_DATE);
      g_autoptr(DmControlArea) control = dm_catalog_load_control (get_catalog (), info, NULL,
                                                                  &error);

      g_assert_no_error (error);
      partition = dm_partition_derive (dm_test_geodata (), control, NULL, &error);
      g_assert_no_error (error);
    }
  return partition;
}

/* Two proposals in turn on one day, so consecutive frames differ. */
static gboolean
frame_cb (guint              index,
          DmAnimationFrame  *frame,
          gpointer           user_data,
          GCancellable      *cancellable,
          GError           **error)
{
  const char *ids[] = { "us-28-point-2025-11", "ru-memorandum-2025-06" };
  DmProposal *proposal = dm_catalog_find_proposal (get_catalog (), ids[index % 2]);

  frame->partition = dm_partition_ref (get_partition ());
  frame->scenario = dm_scenario_new (proposal);
  frame->stamp = g_strdup_printf ("Frame %u", index + 1);
  return TRUE;
}

static void
init_options (DmAnimationOptions *options,
              DmAnimationFormat   format)
{
  dm_animation_options_init (options);
  options->format = format;
  options->n_frames = N_FRAMES;
  options->fps = FPS;
  options->page.width = WIDTH;
  options->page.height = HEIGHT;
  options->page.layout.export_date = "2025-01-01";
  options->frame_func = frame_cb;
}

static char *
scratch_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("demarcate-animation-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* The video read back with GStreamer: the demuxer's samples counted one
 * by one and the size from their caps (no decoder needed: Debian 12's
 * H.264 decoder is in gstreamer1.0-libav, which Demarcate does not use),
 * and for WebM also what the discoverer, which decodes, reports. */
static void
assert_video (const char *path,
              const char *demuxer,
              int         width,
              int         height,
              guint       n_frames)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *desc = g_strdup_printf ("filesrc location=\"%s\" ! %s ! appsink name=sink "
                                           "sync=false", path, demuxer);
  g_autoptr(GstElement) pipeline = gst_parse_launch (desc, &error);
  g_autoptr(GstElement) sink = NULL;
  GstSample *sample;
  guint n = 0;
  int w = 0, h = 0;

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  while ((sample = gst_app_sink_pull_sample (GST_APP_SINK (sink))) != NULL)
    {
      GstStructure *st = gst_caps_get_structure (gst_sample_get_caps (sample), 0);

      g_assert_true (gst_structure_get_int (st, "width", &w));
      g_assert_true (gst_structure_get_int (st, "height", &h));
      n++;
      gst_sample_unref (sample);
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  g_assert_cmpuint (n, ==, n_frames);
  g_assert_cmpint (w, ==, width);
  g_assert_cmpint (h, ==, height);

  if (g_str_equal (demuxer, "matroskademux"))
    {
      g_autoptr(GstDiscoverer) discoverer = gst_discoverer_new (10 * GST_SECOND, &error);
      g_autoptr(GstDiscovererInfo) info = NULL;
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      GList *streams;
      GstDiscovererVideoInfo *video;

      g_assert_no_error (error);
      info = gst_discoverer_discover_uri (discoverer, uri, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gst_discoverer_info_get_result (info), ==, GST_DISCOVERER_OK);
      streams = gst_discoverer_info_get_video_streams (info);
      g_assert_cmpuint (g_list_length (streams), ==, 1);
      video = streams->data;
      g_assert_cmpuint (gst_discoverer_video_info_get_width (video), ==, width);
      g_assert_cmpuint (gst_discoverer_video_info_get_height (video), ==, height);
      g_assert_cmpfloat_with_epsilon ((double) gst_discoverer_info_get_duration (info) /
                                      GST_SECOND * gst_discoverer_video_info_get_framerate_num (video) /
                                      gst_discoverer_video_info_get_framerate_denom (video),
                                      n_frames, 0.5);
      gst_discoverer_stream_info_list_free (streams);
    }
}

/* GStreamer in Debian 12 has no GIF demuxer, so the GIF is read back with
 * giflib, the library that wrote it. */
static void
assert_gif (const char *path,
            int         width,
            int         height,
            guint       n_frames)
{
  int code = 0;
  GifFileType *gif = DGifOpenFileName (path, &code);

  g_assert_nonnull (gif);
  g_assert_cmpint (DGifSlurp (gif), ==, GIF_OK);
  g_assert_cmpint (gif->SWidth, ==, width);
  g_assert_cmpint (gif->SHeight, ==, height);
  g_assert_cmpint (gif->ImageCount, ==, n_frames);
  /* The first frame is the whole page; the others what changed. */
  g_assert_cmpint (gif->SavedImages[0].ImageDesc.Width, ==, width);
  g_assert_cmpint (gif->SavedImages[0].ImageDesc.Height, ==, height);
  for (int i = 0; i < gif->ImageCount; i++)
    {
      GraphicsControlBlock gcb;

      g_assert_cmpint (DGifSavedExtensionToGCB (gif, i, &gcb), ==, GIF_OK);
      g_assert_cmpint (gcb.DelayTime, ==, 100 / FPS);
      g_assert_nonnull (gif->SavedImages[i].ImageDesc.ColorMap);
    }
  DGifCloseFile (gif, &code);
}

static void
write_animation (DmAnimationFormat format,
                 const char       *name,
                 char            **dir_out,
                 char            **path_out)
{
  g_autoptr(GError) error = NULL;
  DmAnimationOptions options;
  char *dir = scratch_dir ();
  char *path = g_build_filename (dir, name, NULL);

  init_options (&options, format);
  g_assert_true (dm_animation_write (dm_test_geodata (), &options, path, NULL, &error));
  g_assert_no_error (error);
  /* Written under a temporary name and renamed: nothing else is left. */
  g_assert_cmpuint (count_entries (dir), ==, 1);
  *dir_out = dir;
  *path_out = path;
}

static void
test_webm (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  write_animation (DM_ANIMATION_WEBM, "a.webm", &dir, &path);
  assert_video (path, "matroskademux", WIDTH, HEIGHT, N_FRAMES);
}

static void
test_mp4 (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  write_animation (DM_ANIMATION_MP4, "a.mp4", &dir, &path);
  assert_video (path, "qtdemux", WIDTH, HEIGHT, N_FRAMES);
}

static void
test_gif (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  write_animation (DM_ANIMATION_GIF, "a.gif", &dir, &path);
  assert_gif (path, WIDTH, HEIGHT, N_FRAMES);
}

static void
cancel_cb (guint    done,
           guint    total,
           gpointer user_data)
{
  if (done == 2)
    g_cancellable_cancel (user_data);
}

/* Cancelled midway: an error, the old file kept, no temporary left. */
static void
test_cancel (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "c.webm", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  DmAnimationOptions options;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  init_options (&options, DM_ANIMATION_WEBM);
  options.progress_func = cancel_cb;
  options.progress_data = cancellable;
  g_assert_false (dm_animation_write (dm_test_geodata (), &options, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

static void
test_odd_size (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "odd.mp4", NULL);
  g_autoptr(GError) error = NULL;
  DmAnimationOptions options;

  init_options (&options, DM_ANIMATION_MP4);
  options.page.width = 321;
  g_assert_false (dm_animation_write (dm_test_geodata (), &options, path, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "even"));
  g_assert_cmpuint (count_entries (dir), ==, 0);
}

static int
run_cli (const char * const *args,
         char              **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("DEMARCATE_BINARY"));
  g_ptr_array_add (argv, (gpointer) "export");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

/* The command line: a time-lapse of three days (one a day), and the
 * proposals in turn; bad combinations are refused. */
static void
test_cli (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *gif = g_build_filename (dir, "lapse.gif", NULL);
  g_autofree char *webm = g_build_filename (dir, "turn.webm", NULL);
  g_autofree char *err = NULL;

  g_assert_nonnull (g_getenv ("DEMARCATE_BINARY"));
  g_assert_cmpint (run_cli ((const char *[]) { "--from", "2025-03-01", "--to", "2025-03-05",
                                               "--every", "2", "--fps", "4", "--size",
                                               "320x240", "-o", gif, NULL }, &err), ==, 0);
  assert_gif (gif, WIDTH, HEIGHT, 3);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ((const char *[]) { "--proposals",
                                               "us-28-point-2025-11,ru-memorandum-2025-06",
                                               "--date", FIXED_DATE, "--fps", "1", "--size",
                                               "320x240", "-o", webm, NULL }, &err), ==, 0);
  assert_video (webm, "matroskademux", WIDTH, HEIGHT, 2);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ((const char *[]) { "--from", "2025-03-01", "-o", gif, NULL },
                            &err), ==, 2);
  g_assert_nonnull (strstr (err, "--to"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--proposals", "nope", "-o", webm, NULL },
                            &err), ==, 2);
  g_assert_nonnull (strstr (err, "nope"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--from", "2025-03-01", "--to", "2025-03-02",
                                               "-p", "us-28-point-2025-11", "-o",
                                               "x.png", NULL }, &err), ==, 2);
  g_assert_cmpuint (count_entries (dir), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/animation/webm", test_webm);
  g_test_add_func ("/animation/mp4", test_mp4);
  g_test_add_func ("/animation/gif", test_gif);
  g_test_add_func ("/animation/cancel", test_cancel);
  g_test_add_func ("/animation/odd-size", test_odd_size);
  g_test_add_func ("/animation/cli", test_cli);
  return g_test_run ();
}
