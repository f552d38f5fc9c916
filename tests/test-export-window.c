/* test-export-window.c: the window's annotations (add, undo, redo, kept across proposals and files) and the export dialog's animation, Stop and drawn area, under Xvfb. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <gst/pbutils/pbutils.h>

#include "dm-export-dialog.h"
#include "dm-export-dialog-private.h"
#include "dm-scenario.h"
#include "dm-shape.h"
#include "dm-test-gui.h"
#include "dm-test-util.h"
#include "dm-window.h"
#include "dm-window-private.h"

static DmWindow *window;


static gboolean
window_ready (void)
{
  return dm_window_is_ready (window) && gtk_widget_get_width (dm_window_get_overlay (window)) > 0;
}


static DmAnnotationList *
shown_annotations (void)
{
  return dm_scenario_get_annotations (dm_window_get_scenario (window));
}

/* TRUE when the window has the action. */
static gboolean
action_enabled (const char *name)
{
  return gtk_widget_activate_action (GTK_WIDGET (window), name, NULL);
}

/* Annotate mode: a new annotation, undone with win.undo and back with
 * win.redo; another proposal keeps it; saved and reopened it is there. */
static void
test_annotate_undo_redo (void)
{
  DmAnnotationLayer *layer = window->annotations;
  GtkWidget *overlay = dm_window_get_overlay (window);
  double w = gtk_widget_get_width (overlay), h = gtk_widget_get_height (overlay);
  g_autofree char *path = dm_test_write ("annotated-window.json", "", 0);
  g_autoptr(GError) error = NULL;
  const DmAnnotation *a;
  double wx, wy;

  g_assert_false (dm_annotation_layer_get_editing (layer));
  g_action_group_activate_action (G_ACTION_GROUP (window), "annotate", NULL);
  g_assert_true (dm_annotation_layer_get_editing (layer));
  g_assert_cmpuint (dm_annotation_list_get_n (shown_annotations ()), ==, 0);

  g_assert_cmpint (dm_annotation_layer_add_at (layer, DM_ANNOTATION_LABEL, "Front here",
                                               w / 2, h / 2), ==, 0);
  g_assert_cmpuint (dm_annotation_list_get_n (shown_annotations ()), ==, 1);
  a = dm_annotation_list_get (shown_annotations (), 0);
  g_assert_cmpstr (a->text, ==, "Front here");
  /* Where it was put: the map's centre. */
  dm_lonlat_to_world (a->lon, a->lat, &wx, &wy);
  {
    DmView view;

    dm_overlay_layer_get_view (window->overlay, &view);
    g_assert_cmpfloat (fabs (wx - view.center_x) * dm_view_world_size (&view), <, 1.0);
    g_assert_cmpfloat (fabs (wy - view.center_y) * dm_view_world_size (&view), <, 1.0);
  }

  g_assert_true (action_enabled ("win.undo"));
  g_assert_cmpuint (dm_annotation_list_get_n (shown_annotations ()), ==, 0);
  g_assert_true (action_enabled ("win.redo"));
  g_assert_cmpuint (dm_annotation_list_get_n (shown_annotations ()), ==, 1);
  g_assert_cmpstr (dm_annotation_list_get (shown_annotations (), 0)->text, ==, "Front here");
  /* Nothing more to redo. */
  g_assert_false (dm_annotation_history_can_redo (dm_annotation_layer_get_history (layer)));
  action_enabled ("win.redo");
  g_assert_cmpuint (dm_annotation_list_get_n (shown_annotations ()), ==, 1);

  /* Delete removes the selected one, and undo brings it back. */
  dm_annotation_layer_set_selected (layer, 0);
  g_assert_true (action_enabled ("win.delete-annotation"));
  g_assert_cmpuint (dm_annotation_list_get_n (shown_annotations ()), ==, 0);
  g_assert_true (action_enabled ("win.undo"));
  g_assert_cmpuint (dm_annotation_list_get_n (shown_annotations ()), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.step-proposal", "i", 1);
  dm_test_wait_until (window_ready, 5);
  g_assert_cmpuint (dm_annotation_list_get_n (shown_annotations ()), ==, 1);

  g_assert_true (dm_window_save_scenario (window, path, &error));
  g_assert_no_error (error);
  dm_annotation_list_set_all (shown_annotations (), NULL);
  g_assert_true (dm_window_open_scenario (window, path));
  dm_test_wait_until (window_ready, 5);
  g_assert_cmpuint (dm_annotation_list_get_n (shown_annotations ()), ==, 1);
  g_assert_cmpstr (dm_annotation_list_get (shown_annotations (), 0)->text, ==, "Front here");

  g_action_group_activate_action (G_ACTION_GROUP (window), "annotate", NULL);
  g_assert_false (dm_annotation_layer_get_editing (layer));
}

static DmExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (DM_IS_EXPORT_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return DM_EXPORT_DIALOG (w);
    }
  return NULL;
}

static gboolean
export_dialog_gone (void)
{
  return find_export_dialog () == NULL;
}

static DmExportDialog *
open_dialog (void)
{
  DmExportDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dm_test_wait_until (window_ready, 1);
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static DmExportDialog *stopping;

static gboolean
stopped (void)
{
  return !stopping->busy;
}

static gboolean
preview_frame_loaded (void)
{
  return stopping->frame_scene != NULL;
}

/* Three weekly frames at 320×240 from the dialog, read back by
 * GStreamer's discoverer; a longer one stopped midway leaves no file. */
static void
test_animation (void)
{
  g_autofree char *dir = g_dir_make_tmp ("demarcate-anim-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "from-window.webm", NULL);
  g_autofree char *stopped_path = g_build_filename (dir, "stopped.mp4", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  DmExportDialog *dialog = open_dialog ();
  GList *streams;
  GstDiscovererVideoInfo *video;
  double frames;

  _dm_export_dialog_set_time_lapse (dialog, "2025-11-06", "2025-11-20", 7, 2);
  _dm_export_dialog_set_size (dialog, 320, 240);
  g_assert_nonnull (dialog->frames);
  g_assert_cmpuint (dm_animation_frames_get_n (dialog->frames), ==, 3);
  /* The preview shows the first frame, its day stamped on it. */
  stopping = dialog;
  dm_test_wait_until (preview_frame_loaded, 20);
  g_assert_nonnull (dialog->frame_scene);
  g_assert_cmpstr (dialog->frame_stamp, ==, "2025-11-06");

  _dm_export_dialog_export_to (dialog, path);
  g_assert_true (dialog->busy);
  dm_test_wait_until (export_dialog_gone, 60);
  g_assert_null (find_export_dialog ());

  discoverer = gst_discoverer_new (10 * GST_SECOND, &error);
  g_assert_no_error (error);
  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_discoverer_info_get_result (info), ==, GST_DISCOVERER_OK);
  streams = gst_discoverer_info_get_video_streams (info);
  g_assert_cmpuint (g_list_length (streams), ==, 1);
  video = streams->data;
  g_assert_cmpuint (gst_discoverer_video_info_get_width (video), ==, 320);
  g_assert_cmpuint (gst_discoverer_video_info_get_height (video), ==, 240);
  frames = (double) gst_discoverer_info_get_duration (info) / GST_SECOND *
           gst_discoverer_video_info_get_framerate_num (video) /
           gst_discoverer_video_info_get_framerate_denom (video);
  g_assert_cmpfloat_with_epsilon (frames, 3, 0.5);
  gst_discoverer_stream_info_list_free (streams);

  /* Stop: the dialog stays, says so, and writes nothing. */
  dialog = open_dialog ();
  _dm_export_dialog_set_time_lapse (dialog, "2025-01-01", "2025-12-31", 1, 4);
  _dm_export_dialog_set_size (dialog, 320, 240);
  _dm_export_dialog_export_to (dialog, stopped_path);
  g_assert_true (dialog->busy);
  gtk_window_close (GTK_WINDOW (dialog));
  stopping = dialog;
  dm_test_wait_until (stopped, 60);
  g_assert_false (dialog->busy);
  g_assert_true (find_export_dialog () == dialog);
  g_assert_false (g_file_test (stopped_path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (gtk_label_get_text (dialog->status_label), ==, "Stopped; nothing was written");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dm_test_wait_until (export_dialog_gone, 5);
}

/* A box drawn on the dialog's map is the page's area, in a portrait
 * post's size, with the window's annotation on it. */
static void
test_box_area (void)
{
  g_autofree char *dir = g_dir_make_tmp ("demarcate-box-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "box.svg", NULL);
  g_autofree char *svg = NULL;
  g_autoptr(DmAnnotation) a = dm_annotation_new (DM_ANNOTATION_CALLOUT, "Boxed", 37.6, 48.6);
  g_autoptr(DmAnnotation) outside = dm_annotation_new (DM_ANNOTATION_CALLOUT, "Odesa note",
                                                       30.7, 46.5);
  DmExportDialog *dialog;
  double x1, y1, x2, y2;

  dm_annotation_list_set_all (shown_annotations (), NULL);
  dm_annotation_list_add (shown_annotations (), a);
  dm_annotation_list_add (shown_annotations (), outside);
  dialog = open_dialog ();
  dm_lonlat_to_world (36.5, 49.5, &x1, &y1);
  dm_lonlat_to_world (39.0, 47.5, &x2, &y2);
  _dm_export_dialog_set_box (dialog, x1, y1, x2, y2);
  _dm_export_dialog_export_to (dialog, path);
  dm_test_wait_until (export_dialog_gone, 30);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, ">Boxed</text>"));
  /* Outside the box: left out, as are towns there. */
  g_assert_null (strstr (svg, "Odesa note"));
  g_assert_null (strstr (svg, ">Odesa</text>"));
  g_assert_nonnull (strstr (svg, ">Donetsk</text>"));
  dm_annotation_list_set_all (shown_annotations (), NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (dm_test_no_session_bus_is_fine, NULL);
  gtk_init ();
  adw_init ();
  gst_init (NULL, NULL);

  window = dm_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  dm_test_wait_until (window_ready, 30);

  g_test_add_func ("/export-window/annotate-undo-redo", test_annotate_undo_redo);
  g_test_add_func ("/export-window/animation", test_animation);
  g_test_add_func ("/export-window/box-area", test_box_area);
  return g_test_run ();
}
