/* test-window.c: the real window under Xvfb: default proposal, repainting, editing, files, presenting. */
#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>
#include <shumate/shumate.h>

#include "dm-scenario.h"
#include "dm-test-gui.h"
#include "dm-test-util.h"
#include "dm-chart-dialog.h"
#include "dm-export-dialog.h"
#include "dm-measures-dialog.h"
#include "dm-scene.h"
#include "dm-window.h"
#include "dm-window-private.h"

static DmWindow *window;


static gboolean
window_ready (void)
{
  return dm_window_is_ready (window) && gtk_widget_get_width (dm_window_get_overlay (window)) > 0;
}

/* The overlay layer as the compositor would paint it, read back as pixels. */
static GdkTexture *
render_overlay (void)
{
  GtkWidget *overlay = dm_window_get_overlay (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (overlay));
  graphene_rect_t bounds;
  GdkTexture *texture;

  GTK_WIDGET_GET_CLASS (overlay)->snapshot (overlay, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (overlay),
                      gtk_widget_get_height (overlay));
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  gsk_render_node_unref (node);
  return texture;
}

/* Mean colour of a 9×9 block around a place, so a hatch line or a label
 * edge does not decide the test. */
static void
sample (GdkTexture *texture,
        double      lat,
        double      lon,
        double      rgba[4])
{
  GtkWidget *overlay = dm_window_get_overlay (window);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (overlay));
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc (width * height * 4);
  double x, y;
  int n = 0;

  gdk_texture_download (texture, data, width * 4);
  shumate_viewport_location_to_widget_coords (viewport, overlay, lat, lon, &x, &y);
  g_assert_cmpfloat (x, >, 5);
  g_assert_cmpfloat (y, >, 5);
  g_assert_cmpfloat (x, <, width - 5);
  g_assert_cmpfloat (y, <, height - 5);
  memset (rgba, 0, 4 * sizeof (double));
  for (int dy = -4; dy <= 4; dy++)
    for (int dx = -4; dx <= 4; dx++)
      {
        guchar *p = data + ((int) y + dy) * width * 4 + ((int) x + dx) * 4;

        /* GDK_MEMORY_DEFAULT: B G R A, premultiplied */
        rgba[0] += p[2];
        rgba[1] += p[1];
        rgba[2] += p[0];
        rgba[3] += p[3];
        n++;
      }
  for (int i = 0; i < 4; i++)
    rgba[i] /= n;
}

static double
distance (const double a[4],
          const double b[4])
{
  return fabs (a[0] - b[0]) + fabs (a[1] - b[1]) + fabs (a[2] - b[2]) + fabs (a[3] - b[3]);
}

/* Kramatorsk: Ukrainian-held Donetsk on every bundled date. */
#define KRAMATORSK 48.7389, 37.5848

static void
step_to (const char *id)
{
  for (int i = 0; i < 12 && g_strcmp0 (dm_window_get_proposal_id (window), id) != 0; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.step-proposal", "i", 1);
  g_assert_cmpstr (dm_window_get_proposal_id (window), ==, id);
  dm_test_wait_until (window_ready, 5);
}

static void
test_opens_with_default (void)
{
  g_assert_true (dm_window_is_ready (window));
  g_assert_cmpstr (dm_window_get_proposal_id (window), ==, "us-28-point-2025-11");
}

/* The region parts are painted over the basemap, not under it. */
static void
test_overlay_above_basemap (void)
{
  GtkWidget *overlay = dm_window_get_overlay (window);

  g_assert_nonnull (gtk_widget_get_parent (overlay));
  for (GtkWidget *w = gtk_widget_get_next_sibling (overlay); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    g_assert_false (SHUMATE_IS_MAP_LAYER (w));
}

static void
test_switching_repaints_donetsk (void)
{
  g_autoptr(GdkTexture) a = NULL;
  g_autoptr(GdkTexture) b = NULL;
  g_autoptr(GdkTexture) c = NULL;
  double pa[4], pb[4], pc[4];

  /* Town labels would cover the sample; the fill and hatch are what count. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-places", NULL);
  step_to ("us-28-point-2025-11");
  a = render_overlay ();
  sample (a, KRAMATORSK, pa);
  step_to ("ru-memorandum-2025-06");
  b = render_overlay ();
  sample (b, KRAMATORSK, pb);
  step_to ("us-28-point-2025-11");
  c = render_overlay ();
  sample (c, KRAMATORSK, pc);

  g_test_message ("28-point %.0f,%.0f,%.0f,%.0f  Istanbul %.0f,%.0f,%.0f,%.0f",
                  pa[0], pa[1], pa[2], pa[3], pb[0], pb[1], pb[2], pb[3]);
  /* A demilitarised zone (yellow, vertical lines) against a withdrawal
   * (purple, back-diagonal): clearly different; the same proposal again
   * paints the same. */
  g_assert_cmpfloat (distance (pa, pb), >, 60.0);
  g_assert_cmpfloat (distance (pa, pc), <, 3.0);
}

static void
test_edit_save_reopen (void)
{
  DmScenario *scenario;
  g_autoptr(DmScenario) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dm_test_write ("window-scenario.json", "", 0);
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  double pb[4], pa[4];

  step_to ("us-28-point-2025-11");
  scenario = dm_window_get_scenario (window);
  before = render_overlay ();
  sample (before, KRAMATORSK, pb);

  dm_scenario_set_status (scenario, DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD,
                          DM_STATUS_RUSSIA_DE_JURE);
  dm_test_wait_until (window_ready, 2);
  g_assert_true (dm_scenario_get_modified (scenario));
  after = render_overlay ();
  sample (after, KRAMATORSK, pa);
  g_assert_cmpfloat (distance (pa, pb), >, 60.0);

  g_assert_true (dm_window_save_scenario (window, path, &error));
  g_assert_no_error (error);
  saved = g_object_ref (scenario);

  /* Another proposal, then the file: the same statuses come back. */
  step_to ("borders-1991");
  g_assert_true (dm_window_open_scenario (window, path));
  dm_test_wait_until (window_ready, 2);
  scenario = dm_window_get_scenario (window);
  g_assert_cmpstr (dm_window_get_proposal_id (window), ==, "us-28-point-2025-11");
  g_assert_true (dm_scenario_get_modified (scenario));
  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      g_assert_cmpint (dm_scenario_get_status (scenario, r, p), ==,
                       dm_scenario_get_status (saved, r, p));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
test_broken_scenario_keeps_view (void)
{
  g_autofree char *path = dm_test_write ("broken-scenario.json",
                                         "{\"format\":\"demarcate-scenario\",\"proposal\":", -1);
  DmScenario *before;
  AdwMessageDialog *dialog;

  step_to ("ru-anchorage-2025-08");
  before = dm_window_get_scenario (window);
  g_assert_false (dm_window_open_scenario (window, path));
  dm_test_wait_until (window_ready, 1);

  g_assert_true (dm_window_get_scenario (window) == before);
  g_assert_cmpstr (dm_window_get_proposal_id (window), ==, "ru-anchorage-2025-08");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken-scenario.json"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
is_presenting (void)
{
  return dm_window_get_presenting (window);
}

static gboolean
is_not_presenting (void)
{
  return !dm_window_get_presenting (window);
}

static char *expected_id;

static gboolean
proposal_is_expected (void)
{
  return g_strcmp0 (dm_window_get_proposal_id (window), expected_id) == 0;
}


static void
test_presentation_keys (void)
{
  step_to ("us-28-point-2025-11");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  dm_test_wait_until (is_presenting, 2);
  g_assert_true (dm_window_get_presenting (window));

  expected_id = "geneva-19-point-2025-11";
  dm_test_press_key ("Page_Down");
  dm_test_wait_until (proposal_is_expected, 5);
  g_assert_cmpstr (dm_window_get_proposal_id (window), ==, expected_id);

  expected_id = "us-revised-2025-12";
  dm_test_press_key ("Right");
  dm_test_wait_until (proposal_is_expected, 5);
  g_assert_cmpstr (dm_window_get_proposal_id (window), ==, expected_id);

  expected_id = "geneva-19-point-2025-11";
  dm_test_press_key ("Page_Up");
  dm_test_wait_until (proposal_is_expected, 5);
  g_assert_cmpstr (dm_window_get_proposal_id (window), ==, expected_id);

  dm_test_press_key ("Escape");
  dm_test_wait_until (is_not_presenting, 5);
  g_assert_false (dm_window_get_presenting (window));
}

/* Under xvfb-run there is no session bus; GTK warns once and carries on.
 * Every other warning stays fatal. */

static gboolean
second_map_shown (void)
{
  return gtk_widget_get_visible (dm_window_get_map (window, 1)) &&
         gtk_widget_get_width (dm_window_get_map (window, 1)) > 0;
}

/* Side by side: panning or zooming either map moves the other with it. */
static void
test_compare_in_sync (void)
{
  ShumateViewport *a = shumate_simple_map_get_viewport (SHUMATE_SIMPLE_MAP (dm_window_get_map (window, 0)));
  ShumateViewport *b = shumate_simple_map_get_viewport (SHUMATE_SIMPLE_MAP (dm_window_get_map (window, 1)));

  step_to ("us-28-point-2025-11");
  g_assert_false (dm_window_compare_with (window, "no-such-proposal"));
  g_assert_true (dm_window_compare_with (window, "line-of-contact"));
  dm_test_wait_until (second_map_shown, 5);
  g_assert_true (second_map_shown ());

  shumate_location_set_location (SHUMATE_LOCATION (a), 47.1, 35.4);
  shumate_viewport_set_zoom_level (a, 8.25);
  dm_test_wait_until (window_ready, 1);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (b)), 47.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (b)), 35.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (b), 8.25, 1e-9);

  /* And the other way round. */
  shumate_location_set_location (SHUMATE_LOCATION (b), 48.0, 37.8);
  dm_test_wait_until (window_ready, 1);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (a)), 48.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (a)), 37.8, 1e-9);

  /* Two dates: the same proposal on the second map, against another line. */
  g_assert_true (dm_window_compare_with (window, "2025-04-17"));
  dm_test_wait_until (second_map_shown, 5);
  g_assert_true (second_map_shown ());
  g_assert_cmpstr (dm_window_get_proposal_id (window), ==, "us-28-point-2025-11");

  /* Swipe keeps one map; no comparison hides the second. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-mode", "s", "swipe");
  dm_test_wait_until (window_ready, 1);
  g_assert_false (gtk_widget_get_visible (dm_window_get_map (window, 1)));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (a)), 48.0, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-mode", "s", "side");
  g_assert_true (dm_window_compare_with (window, NULL));
  dm_test_wait_until (window_ready, 1);
  g_assert_false (gtk_widget_get_visible (dm_window_get_map (window, 1)));
}

/* In a comparison, presentation mode reaches both maps: large type and no
 * town names on the second map too, and back to normal on leaving. */
static void
test_compare_presenting (void)
{
  DmScene *a = dm_window_get_scene (window, 0);
  DmScene *b = dm_window_get_scene (window, 1);

  step_to ("us-28-point-2025-11");
  g_assert_true (dm_window_compare_with (window, "ru-memorandum-2025-06"));
  dm_test_wait_until (second_map_shown, 5);
  g_assert_true (dm_scene_get_show_places (b));
  g_assert_cmpfloat (dm_scene_get_text_scale (b), ==, 1.0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  dm_test_wait_until (is_presenting, 2);
  g_assert_true (dm_window_get_presenting (window));
  g_assert_false (dm_scene_get_show_places (a));
  g_assert_false (dm_scene_get_show_places (b));
  g_assert_cmpfloat (dm_scene_get_text_scale (b), ==, dm_scene_get_text_scale (a));
  g_assert_cmpfloat (dm_scene_get_text_scale (b), >, 1.0);

  dm_test_press_key ("Escape");
  dm_test_wait_until (is_not_presenting, 5);
  g_assert_false (dm_window_get_presenting (window));
  g_assert_true (dm_scene_get_show_places (b));
  g_assert_cmpfloat (dm_scene_get_text_scale (b), ==, 1.0);
  g_assert_cmpfloat (dm_scene_get_text_scale (a), ==, 1.0);
}

static const char *wanted_date;

static gboolean
date_is_wanted (void)
{
  return g_strcmp0 (dm_window_get_control_date (window), wanted_date) == 0;
}

static gboolean
has_overlay (void)
{
  return dm_window_get_n_overlays (window) > 0;
}

static gboolean
dialog_shown (void)
{
  return find_message_dialog () != NULL;
}

/* Import: a dated control file becomes the line of contact; a broken one
 * is reported by name and changes nothing; an overlay is added. */
static void
test_import (void)
{
  /* Donetsk oblast's whole area, as a square: every Ukrainian-held part of
   * Donetsk becomes Russian-held on this invented date. */
  g_autofree char *control = dm_test_write ("control-2030-01-01.geojson",
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.5,46.8],[39.0,46.8],[39.0,49.3],"
    "[36.5,49.3],[36.5,46.8]]]}}]}", -1);
  g_autofree char *broken = dm_test_write ("control-2031-01-01.geojson",
                                           "{\"type\":\"FeatureCollection\",\"feat", -1);
  g_autofree char *overlay = dm_test_write ("points.geojson",
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
    "{\"name\":\"x\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[37.5,48.7]}}]}", -1);
  AdwMessageDialog *dialog;

  dm_window_import_file (window, control, FALSE);
  wanted_date = "2030-01-01";
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2030-01-01");

  dm_window_import_file (window, broken, FALSE);
  dm_test_wait_until (dialog_shown, 10);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "control-2031-01-01.geojson"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2030-01-01");

  g_assert_cmpuint (dm_window_get_n_overlays (window), ==, 0);
  dm_window_import_file (window, overlay, TRUE);
  dm_test_wait_until (has_overlay, 10);
  g_assert_cmpuint (dm_window_get_n_overlays (window), ==, 1);
}

/* Opening a file reads and checks it first: the question offers only what
 * the file can be, a broken file gets words with GDAL's text apart, and a
 * date that already has a line is never replaced without asking. */
static guint n_overlays;

static gboolean
overlay_added (void)
{
  return dm_window_get_n_overlays (window) > n_overlays;
}

static void
test_import_asks (void)
{
  g_autofree char *line = dm_test_write ("line.geojson",
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
    "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[36,48],[37,49]]}}]}", -1);
  g_autofree char *broken = dm_test_write ("broken.geojson", "{\"type\":\"FeatureCollection\",\"feat", -1);
  g_autofree char *again = dm_test_write ("again-2030-01-01.geojson",
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36,48],[37,48],[37,49],[36,49],"
    "[36,48]]]}}]}", -1);
  AdwMessageDialog *dialog;

  dm_window_import_asking (window, line);
  dm_test_wait_until (dialog_shown, 10);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_true (adw_message_dialog_has_response (dialog, "overlay"));
  g_assert_false (adw_message_dialog_has_response (dialog, "control"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be a control area"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dm_window_import_asking (window, broken);
  dm_test_wait_until (dialog_shown, 10);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.geojson"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "GDAL"));
  g_assert_nonnull (adw_message_dialog_get_extra_child (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* test_import made 2030-01-01 a date with a line. */
  g_assert_nonnull (dm_catalog_find_control (dm_window_get_catalog (window), "2030-01-01"));
  dm_window_import_asking (window, again);
  dm_test_wait_until (dialog_shown, 10);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "control"));
  /* Responding by hand does not close the dialog as a click would. */
  adw_message_dialog_response (dialog, "control");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dm_test_wait_until (dialog_shown, 10);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "2030-01-01"));
  g_assert_true (adw_message_dialog_has_response (dialog, "replace"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dm_test_wait_until (window_ready, 1);
  g_assert_null (find_message_dialog ());
  g_assert_null (strstr (dm_catalog_find_control (dm_window_get_catalog (window), "2030-01-01")->path,
                         "again-2030-01-01"));

  /* Keeping both: the day keeps its line, and the file joins as an overlay. */
  n_overlays = dm_window_get_n_overlays (window);
  dm_window_import_asking (window, again);
  dm_test_wait_until (dialog_shown, 10);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "control");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dm_test_wait_until (dialog_shown, 10);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "both"));
  adw_message_dialog_response (dialog, "both");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dm_test_wait_until (overlay_added, 10);
  g_assert_cmpuint (dm_window_get_n_overlays (window), ==, n_overlays + 1);
  g_assert_null (strstr (dm_catalog_find_control (dm_window_get_catalog (window), "2030-01-01")->path,
                         "again-2030-01-01"));
}

static DmWindow *second;

static gboolean
second_ready (void)
{
  return dm_window_is_ready (second);
}

/* The proposal, the control date and the high-contrast choice come back in
 * the next window (GSettings, memory backend under test). */
static void
test_settings_roundtrip (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  step_to ("ru-anchorage-2025-08");
  g_assert_false (dm_window_set_control_date (window, "1999-01-01"));
  g_assert_true (dm_window_set_control_date (window, "2025-04-17"));
  wanted_date = "2025-04-17";
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2025-04-17");
  g_assert_cmpstr (g_settings_get_string (settings, "last-proposal"), ==, "ru-anchorage-2025-08");
  g_assert_cmpstr (g_settings_get_string (settings, "control-date"), ==,
                   dm_window_get_control_date (window));
  g_settings_set_boolean (settings, "high-contrast", TRUE);

  second = dm_window_new (NULL);
  gtk_window_present (GTK_WINDOW (second));
  dm_test_wait_until (second_ready, 30);
  g_assert_true (dm_window_is_ready (second));
  g_assert_cmpstr (dm_window_get_proposal_id (second), ==, "ru-anchorage-2025-08");
  g_assert_cmpstr (dm_window_get_control_date (second), ==,
                   dm_window_get_control_date (window));
  g_assert_true (dm_window_get_high_contrast (second));
  gtk_window_destroy (GTK_WINDOW (second));
  g_settings_set_boolean (settings, "high-contrast", FALSE);
}

static guint wanted_step;

static gboolean
step_is_wanted (void)
{
  return dm_window_get_lesson_step (window) == wanted_step;
}

/* A lesson replays in presentation mode: keys walk its steps, with their
 * proposal, comparison and view. */
static void
test_lesson (void)
{
  g_autofree char *path = dm_test_write ("class.json",
    "{\"format\":\"demarcate-lesson\",\"version\":1,\"title\":\"Class\",\"steps\":["
    "{\"proposal\":\"line-of-contact\"},"
    "{\"proposal\":\"us-28-point-2025-11\",\"compare\":\"line-of-contact\","
    "\"view\":{\"lat\":48.3,\"lon\":37.6,\"zoom\":8},\"caption\":\"Donetsk\","
    "\"annotations\":[{\"kind\":\"label\",\"text\":\"Pokrovsk\",\"lon\":37.18,\"lat\":48.28}]},"
    "{\"proposal\":\"ru-memorandum-2025-06\"}]}", -1);
  g_autofree char *bad = dm_test_write ("bad-class.json",
    "{\"format\":\"demarcate-lesson\",\"steps\":[{\"proposal\":\"nope\"}]}", -1);
  AdwMessageDialog *dialog;

  g_assert_false (dm_window_open_lesson (window, bad));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "bad-class.json"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (dm_window_get_presenting (window));

  g_assert_true (dm_window_open_lesson (window, path));
  g_assert_true (dm_window_get_presenting (window));
  g_assert_cmpstr (dm_window_get_proposal_id (window), ==, "line-of-contact");

  wanted_step = 1;
  dm_test_press_key ("Page_Down");
  dm_test_wait_until (step_is_wanted, 5);
  g_assert_cmpuint (dm_window_get_lesson_step (window), ==, 1);
  g_assert_cmpstr (dm_window_get_proposal_id (window), ==, "us-28-point-2025-11");
  dm_test_wait_until (second_map_shown, 5);
  g_assert_true (second_map_shown ());
  /* Each step shows its own annotations, and only those. */
  g_assert_cmpuint (dm_annotation_list_get_n (dm_scenario_get_annotations (dm_window_get_scenario (window))),
                    ==, 1);

  wanted_step = 2;
  dm_test_press_key ("Right");
  dm_test_wait_until (step_is_wanted, 5);
  g_assert_cmpstr (dm_window_get_proposal_id (window), ==, "ru-memorandum-2025-06");
  g_assert_false (gtk_widget_get_visible (dm_window_get_map (window, 1)));
  g_assert_cmpuint (dm_annotation_list_get_n (dm_scenario_get_annotations (dm_window_get_scenario (window))),
                    ==, 0);

  dm_test_press_key ("Escape");
  dm_test_wait_until (is_not_presenting, 5);
  g_assert_false (dm_window_get_presenting (window));
}

static gboolean
something_selected (void)
{
  int r, p;

  return dm_window_get_selection (window, &r, &p);
}

/* A real click on Kramatorsk selects Ukrainian-held Donetsk. */
static void
test_click_selects_part (void)
{
  GtkWidget *map = dm_window_get_map (window, 0);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (SHUMATE_SIMPLE_MAP (map));
  g_autofree char *cmd = NULL;
  g_autoptr(GError) error = NULL;
  double x, y, wx, wy;
  int status = 0, region, part;

  step_to ("us-28-point-2025-11");
  dm_window_compare_with (window, NULL);
  /* The import test left an invented date on screen; back to a real one. */
  g_assert_true (dm_window_set_control_date (window, "2025-11-20"));
  wanted_date = "2025-11-20";
  dm_test_wait_until (date_is_wanted, 10);
  shumate_viewport_set_zoom_level (viewport, 7.0);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 48.5, 37.5);
  dm_test_wait_until (window_ready, 2);
  shumate_viewport_location_to_widget_coords (viewport, map, 48.7389, 37.5848, &x, &y);
  g_assert_true (gtk_widget_translate_coordinates (map, GTK_WIDGET (window), x, y, &wx, &wy));

  /* Without a window manager the window sits at the screen's origin. */
  cmd = g_strdup_printf ("xdotool search --sync --pid %d --onlyvisible --name Demarcate "
                         "windowfocus --sync mousemove --window %%1 %d %d click 1",
                         getpid (), (int) wx, (int) wy);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  dm_test_wait_until (something_selected, 5);
  g_assert_true (dm_window_get_selection (window, &region, &part));
  g_assert_cmpint (region, ==, DM_REGION_DONETSK);
  g_assert_cmpint (part, ==, DM_PART_UKRAINIAN_HELD);
  /* The popover holds the keyboard until closed. */
  dm_test_press_key ("Escape");
  dm_test_wait_until (window_ready, 1);
}

static DmExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

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

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WINDOW (w);
    }
  return NULL;
}

/* Ctrl+M opens the measures for what is on screen. */
static void
test_measures_dialog (void)
{
  GtkWindow *dialog;

  step_to ("us-28-point-2025-11");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.measures", NULL);
  dm_test_wait_until (window_ready, 1);
  dialog = find_toplevel (DM_TYPE_MEASURES_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_destroy (dialog);
  dm_test_wait_until (window_ready, 1);
  g_assert_null (find_toplevel (DM_TYPE_MEASURES_DIALOG));
}

static DmChartDialog *chart_dialog;

static gboolean
chart_ready (void)
{
  return dm_chart_dialog_is_ready (chart_dialog) &&
         gtk_widget_get_width (_dm_chart_dialog_get_area (chart_dialog)) > 0;
}

static const char *saved_chart;

/* A new file is written in place (dm_file_write_atomic_stream), so its
 * existence says nothing: wait for all of its lines. */
static gboolean
chart_saved (void)
{
  g_autofree char *text = NULL;
  guint lines = 0;

  if (!g_file_get_contents (saved_chart, &text, NULL, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    lines += *p == '\n';
  return lines == dm_chart_get_n_days (dm_chart_dialog_get_chart (chart_dialog)) + 1;
}

/* Ctrl+T's chart: computed off the main thread (changing the step
 * cancels the first run), described for screen readers, and a click on a
 * day shows that day on the map. */
static void
test_chart_dialog (void)
{
  g_autofree char *dir = g_dir_make_tmp ("demarcate-chart-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "chart.csv", NULL);
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  g_autofree char *clicked = NULL;
  GtkWidget *area;
  DmChart *chart;
  const DmChartDay *day;
  double x;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart", NULL);
  dm_test_wait_until (window_ready, 1);
  chart_dialog = DM_CHART_DIALOG (find_toplevel (DM_TYPE_CHART_DIALOG));
  g_assert_nonnull (chart_dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (chart_dialog)) ==
                 GTK_WINDOW (window));
  g_assert_cmpuint (dm_chart_dialog_get_every (chart_dialog), ==, 7);
  g_assert_false (dm_chart_dialog_is_ready (chart_dialog));

  /* Ctrl+T again brings back the same one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart", NULL);
  g_assert_true (find_toplevel (DM_TYPE_CHART_DIALOG) == GTK_WINDOW (chart_dialog));

  dm_chart_dialog_set_every (chart_dialog, 30);
  dm_test_wait_until (chart_ready, 90);
  g_assert_true (dm_chart_dialog_is_ready (chart_dialog));
  chart = dm_chart_dialog_get_chart (chart_dialog);
  g_assert_cmpuint (dm_chart_get_every (chart), ==, 30);
  g_assert_cmpuint (dm_chart_get_n_days (chart), >=, 25);
  g_assert_cmpstr (dm_chart_get_day (chart, 0)->date, ==, "2024-07-08");

  area = _dm_chart_dialog_get_area (chart_dialog);
  description = dm_chart_describe (chart);
  /* The tests run without an accessibility bus (GTK_A11Y=none), so the
   * text the area's description was set to is asked of the dialog. */
  g_assert_cmpstr (_dm_chart_dialog_get_description (chart_dialog), ==, description);
  g_assert_nonnull (strstr (description, "Donetsk: "));
  g_assert_nonnull (strstr (description, "28-point plan"));

  day = dm_chart_get_day (chart, 10);
  x = dm_chart_x_of_date (chart, gtk_widget_get_width (area), gtk_widget_get_height (area), 1.0,
                          day->date);
  _dm_chart_dialog_click (chart_dialog, x);
  wanted_date = day->date;
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, day->date);
  clicked = g_strdup (day->date);

  /* Its CSV has the figures shown. */
  saved_chart = csv;
  _dm_chart_dialog_save_to (chart_dialog, DM_CHART_CSV, csv);
  dm_test_wait_until (chart_saved, 10);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  line = g_strdup_printf ("\n%s,", day->date);
  g_assert_nonnull (strstr (text, line));

  /* Every day takes a while: closing the window meanwhile cancels it, and
   * what is still on its way finds the dialog gone. */
  dm_chart_dialog_set_every (chart_dialog, 1);
  dm_test_wait_until (window_ready, 1);
  g_assert_false (dm_chart_dialog_is_ready (chart_dialog));
  gtk_window_destroy (GTK_WINDOW (chart_dialog));
  chart_dialog = NULL;
  dm_test_wait_until (window_ready, 2);
  g_assert_null (find_toplevel (DM_TYPE_CHART_DIALOG));
  g_assert_cmpstr (dm_window_get_control_date (window), ==, clicked);
}

/* Ctrl+E's dialog exports what is on screen: a PNG of the right size. */
static void
test_export_dialog (void)
{
  g_autofree char *dir = g_dir_make_tmp ("demarcate-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "from-window.png", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "x.png", NULL);
  DmExportDialog *dialog;
  cairo_surface_t *png;
  AdwMessageDialog *message;

  step_to ("ru-memorandum-2025-06");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dm_test_wait_until (window_ready, 1);
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);

  /* A folder that does not exist: an error naming the file, no file. */
  _dm_export_dialog_export_to (dialog, bad);
  dm_test_wait_until (dialog_shown, 20);
  message = find_message_dialog ();
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "x.png"));
  gtk_window_destroy (GTK_WINDOW (message));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_assert_nonnull (find_export_dialog ());

  _dm_export_dialog_export_to (dialog, path);
  dm_test_wait_until (export_dialog_gone, 30);
  g_assert_null (find_export_dialog ());
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), >=, 1000);
  cairo_surface_destroy (png);
}

/* Every case starts from the same window: the default proposal and day,
 * no comparison, not presenting, place names shown, no open dialog. */
/* Day steps, by action and by real keys: Ctrl+→ a day, Ctrl+Shift+← a
 * week of the record, End and Home. */
static void
test_day_keys (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step-day", "i", 1);
  wanted_date = "2025-11-21";
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2025-11-21");
  dm_test_press_key ("ctrl+Right");
  wanted_date = "2025-11-22";
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2025-11-22");

  /* Seven days of the record back; the record has no 2025-11-26 but that
   * is after, so this is a calendar week. */
  dm_test_press_key ("ctrl+shift+Left");
  wanted_date = "2025-11-15";
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2025-11-15");

  dm_test_press_key ("Home");
  wanted_date = "2024-07-08";
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2024-07-08");

  dm_test_press_key ("End");
  wanted_date = "2026-08-22";
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2026-08-22");
}

/* "Outline wording differences too" reaches both maps of a comparison. */
static void
test_status_differences (void)
{
  g_autoptr(GVariant) state = NULL;

  g_assert_true (dm_window_compare_with (window, "line-of-contact"));
  dm_test_wait_until (window_ready, 5);
  g_assert_false (dm_scene_get_status_differences (dm_window_get_scene (window, 0)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.status-differences", NULL);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "status-differences");
  g_assert_true (g_variant_get_boolean (state));
  g_assert_true (dm_scene_get_status_differences (dm_window_get_scene (window, 0)));
  g_assert_true (dm_scene_get_status_differences (dm_window_get_scene (window, 1)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.status-differences", NULL);
  g_assert_false (dm_scene_get_status_differences (dm_window_get_scene (window, 1)));
}

/* "Line on the Proposal's Own Day": each proposal against its own day;
 * off again, the day stays where it is. */
static void
test_proposal_day (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.proposal-day", NULL);
  wanted_date = "2025-11-20";
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2025-11-20");
  step_to ("geneva-19-point-2025-11");
  wanted_date = "2025-11-23";
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2025-11-23");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.proposal-day", NULL);
  step_to ("us-revised-2025-12");
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2025-11-23");
}

/* The archive on 127.0.0.1: 2026-08-23 is a real day's file (2026-08-22's
 * bytes), 2026-08-24 is not published. */
static void
archive_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           data)
{
  GBytes *day = data;

  if (g_str_has_suffix (path, "/deepstatemap_data_20260823.geojson"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/geo+json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (day, NULL), g_bytes_get_size (day));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static gboolean
newer_day_added (void)
{
  return dm_catalog_find_control (dm_window_get_catalog (window), "2026-08-23") != NULL &&
         find_message_dialog () == NULL;
}

/* "Check for Newer Lines" against a server the test starts: the new day is
 * stored, joins the days, and can be shown; nothing reaches the internet. */
static void
test_check_newer_lines (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_dir_make_tmp ("demarcate-newer-XXXXXX", NULL);
  g_autofree char *stored = g_build_filename (dest, "deepstatemap_data_20260823.geojson", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data",
                                                    "deepstatemap_data_20260822.geojson", NULL);
  g_autofree char *bytes = NULL;
  g_autoptr(GBytes) day = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *base = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &bytes, &length, NULL));
  day = g_bytes_new (bytes, length);
  soup_server_add_handler (server, NULL, archive_cb, day, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  dm_window_check_newer_lines (window, base, "2026-08-24", dest);
  dm_test_wait_until (newer_day_added, 20);
  g_assert_nonnull (dm_catalog_find_control (dm_window_get_catalog (window), "2026-08-23"));
  g_assert_true (g_file_test (stored, G_FILE_TEST_EXISTS));
  g_assert_true (dm_window_set_control_date (window, "2026-08-23"));
  wanted_date = "2026-08-23";
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2026-08-23");
  g_assert_null (dm_window_get_day_note (window));
  g_unlink (stored);
  g_rmdir (dest);
}

/* A day with no file shows the day before and says so. */
static void
test_day_fallback (void)
{
  g_assert_true (dm_window_set_control_date (window, "2025-01-01"));
  wanted_date = "2024-12-31";
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2024-12-31");
  g_assert_cmpstr (dm_window_get_day_note (window), ==,
                   "2025-01-01: no DeepStateMap file; using 2024-12-31");
  /* Outside the record: refused, the day stays. */
  g_assert_false (dm_window_set_control_date (window, "2023-01-01"));
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2024-12-31");
}

/* The header's calendar goes to a day, marks the proposals' days of its
 * month, and goes through the catalog's rule: a day with no file shows
 * the day before with a note; one outside the record changes nothing. */
static void
test_calendar (void)
{
  DmDateButton *button = window->date_button;
  g_autoptr(GDateTime) day = g_date_time_new_local (2025, 11, 20, 12, 0, 0);
  g_autoptr(GDateTime) missing = g_date_time_new_local (2025, 1, 1, 12, 0, 0);

  gtk_calendar_select_day (dm_date_button_get_calendar (button), day);
  wanted_date = "2025-11-20";
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2025-11-20");
  g_assert_cmpstr (dm_date_button_get_day (button), ==, "2025-11-20");
  g_test_message ("%s", dm_date_button_get_month_text (button));
  g_assert_nonnull (strstr (dm_date_button_get_month_text (button), "20: 28-point plan"));
  g_assert_nonnull (strstr (dm_date_button_get_month_text (button), "23: Geneva 19-point draft"));

  gtk_calendar_select_day (dm_date_button_get_calendar (button), missing);
  wanted_date = "2024-12-31";
  dm_test_wait_until (date_is_wanted, 10);
  g_assert_cmpstr (dm_window_get_day_note (window), ==,
                   "2025-01-01: no DeepStateMap file; using 2024-12-31");
  g_assert_cmpstr (dm_date_button_get_day (button), ==, "2024-12-31");

  dm_date_button_choose (button, "2031-06-01");
  dm_test_wait_until (window_ready, 1);
  g_assert_cmpstr (dm_window_get_control_date (window), ==, "2024-12-31");
}

/* The timeline labels the shown proposal's tick first, however crowded
 * its month; the others get a label only where one fits. */
static void
test_tick_labels (void)
{
  DmTimelineTicks *ticks = DM_TIMELINE_TICKS (dm_timeline_get_ticks (window->timeline));

  step_to ("us-28-point-2025-11");
  g_assert_true (dm_timeline_ticks_is_shown (ticks, "2025-11-20"));
  step_to ("geneva-19-point-2025-11");
  g_assert_true (dm_timeline_ticks_is_shown (ticks, "2025-11-23"));
  g_assert_false (dm_timeline_ticks_is_shown (ticks, "2025-11-20"));
  g_assert_cmpuint (dm_timeline_ticks_get_n_shown (ticks), >=, 1);
  step_to ("us-28-point-2025-11");
}

static gboolean
date_passed_wanted (void)
{
  return g_strcmp0 (dm_window_get_control_date (window), wanted_date) > 0;
}

/* Play moves the line forward by itself; pause holds it. */
static void
test_play (void)
{
  g_autofree char *paused_at = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  wanted_date = "2025-11-22";
  dm_test_wait_until (date_passed_wanted, 20);
  g_assert_cmpstr (dm_window_get_control_date (window), >, "2025-11-22");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  dm_test_wait_until (window_ready, 1);
  paused_at = g_strdup (dm_window_get_control_date (window));
  {
    gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpstr (dm_window_get_control_date (window), ==, paused_at);
}

static DmWindow *second;

static gboolean
second_window_on_day (void)
{
  return dm_window_is_ready (second) &&
         g_strcmp0 (dm_window_get_control_date (second), "2024-12-31") == 0;
}

/* --date: a window opens on the day asked for (here, a day with no file). */
static void
test_startup_date (void)
{
  second = dm_window_new (NULL);
  dm_window_set_startup_date (second, "2025-01-01");
  gtk_window_present (GTK_WINDOW (second));
  dm_test_wait_until (second_window_on_day, 30);
  g_assert_cmpstr (dm_window_get_control_date (second), ==, "2024-12-31");
  g_assert_nonnull (strstr (dm_window_get_day_note (second), "using 2024-12-31"));
  gtk_window_destroy (GTK_WINDOW (second));
  second = NULL;
}

static void
reset_window (void)
{
  AdwMessageDialog *dialog;
  g_autoptr(GVariant) places = NULL;

  if (dm_window_get_presenting (window))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  while ((dialog = find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  dm_window_compare_with (window, NULL);
  places = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-places");
  if (!g_variant_get_boolean (places))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-places", NULL);
  g_assert_true (dm_window_set_control_date (window, "2025-11-20"));
  wanted_date = "2025-11-20";
  dm_test_wait_until (date_is_wanted, 10);
  step_to ("us-28-point-2025-11");
  if (dm_scenario_get_modified (dm_window_get_scenario (window)))
    dm_scenario_reset (dm_window_get_scenario (window));
  dm_test_wait_until (window_ready, 1);
}

typedef struct
{
  const char *path;
  void      (*func) (void);
} Case;

/* "Compare with" never offers the proposal shown, and follows the shown
 * one as it changes. */
static void
test_compare_not_itself (void)
{
  GListModel *items;
  gboolean offers_self = FALSE;

  step_to ("us-28-point-2025-11");
  items = gtk_drop_down_get_model (window->compare_dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (items, i);

      offers_self |= g_str_equal (gtk_string_object_get_string (item),
                                  "Compare with 28-point plan");
    }
  g_assert_false (offers_self);
  g_assert_false (dm_window_compare_with (window, "us-28-point-2025-11"));
  g_assert_true (dm_window_compare_with (window, "witkoff-recommendation-2025-04"));
  dm_test_wait_until (second_map_shown, 5);
  g_assert_true (second_map_shown ());
  g_assert_true (dm_window_compare_with (window, NULL));
}

static int narrow_target;

static gboolean
window_narrowed (void)
{
  /* A window manager keeps the size asked for; Xvfb has none, so ask
   * again as each narrower layout lowers the least width. */
  gtk_window_set_default_size (GTK_WINDOW (window), narrow_target, 640);
  return gtk_widget_get_width (GTK_WIDGET (window)) <= narrow_target + 12 &&
         window->width_class == (narrow_target < 700 ? DM_WIDTH_NARROW : DM_WIDTH_WIDE);
}

/* Down to 360 px: the window's least width fits, the header drops the
 * date and the stepping buttons, the sidebar folds, a comparison swipes;
 * and all of it comes back at full width. */
static void
test_narrow (void)
{
  int min = 0;

  g_assert_true (dm_window_compare_with (window, "witkoff-recommendation-2025-04"));
  narrow_target = 360;
  dm_test_wait_until (window_narrowed, 20);
  g_assert_true (window_narrowed ());
  /* The content's least width: the window adds only its frame. */
  gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->date_button)));
  g_assert_true (adw_flap_get_folded (window->flap));
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  g_assert_cmpint (dm_comparison_get_mode (window->comparison), ==, DM_COMPARE_SWIPE);

  narrow_target = 1280;
  dm_test_wait_until (window_narrowed, 20);
  g_assert_true (window_narrowed ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->date_button)));
  g_assert_false (adw_flap_get_folded (window->flap));
  g_assert_cmpint (dm_comparison_get_mode (window->comparison), ==, DM_COMPARE_SIDE);
  g_assert_true (dm_window_compare_with (window, NULL));
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;

  reset_window ();
  c->func ();
}

static const Case cases[] = {
  { "/window/opens-with-default", test_opens_with_default },
  { "/window/overlay-above-basemap", test_overlay_above_basemap },
  { "/window/switching-repaints-donetsk", test_switching_repaints_donetsk },
  { "/window/edit-save-reopen", test_edit_save_reopen },
  { "/window/broken-scenario-keeps-view", test_broken_scenario_keeps_view },
  { "/window/presentation-keys", test_presentation_keys },
  { "/window/compare-in-sync", test_compare_in_sync },
  { "/window/compare-presenting", test_compare_presenting },
  { "/window/day-keys", test_day_keys },
  { "/window/day-fallback", test_day_fallback },
  { "/window/calendar", test_calendar },
  { "/window/tick-labels", test_tick_labels },
  { "/window/status-differences", test_status_differences },
  { "/window/proposal-day", test_proposal_day },
  { "/window/play", test_play },
  { "/window/startup-date", test_startup_date },
  { "/window/check-newer-lines", test_check_newer_lines },
  { "/window/import", test_import },
  { "/window/import-asks", test_import_asks },
  { "/window/click-selects-part", test_click_selects_part },
  { "/window/export-dialog", test_export_dialog },
  { "/window/measures-dialog", test_measures_dialog },
  { "/window/chart-dialog", test_chart_dialog },
  { "/window/lesson", test_lesson },
  { "/window/settings-roundtrip", test_settings_roundtrip },
  { "/window/compare-not-itself", test_compare_not_itself },
  { "/window/narrow", test_narrow },
};

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (dm_test_no_session_bus_is_fine, NULL);
  gtk_init ();
  adw_init ();

  window = dm_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  dm_test_wait_until (window_ready, 30);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], run_case);

  return g_test_run ();
}
