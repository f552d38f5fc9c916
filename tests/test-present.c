/* test-present.c: `demarcate --present LESSON.json` under Xvfb: captions and counter, clicker keys, a swipe step's two sides, focus after Ctrl+L. */
#include "config.h"

#include <adwaita.h>
#include <shumate/shumate.h>

#include "dm-application.h"
#include "dm-lesson.h"
#include "dm-lesson-dialog.h"
#include "dm-test-gui.h"
#include "dm-test-util.h"
#include "dm-window.h"
#include "dm-window-private.h"

static DmWindow *window;
static DmApplication *app;
static char *lesson_path;
static int status = 1;

/* Kramatorsk: Ukrainian-held Donetsk on every bundled date. */
#define KRAMATORSK_LAT 48.7389
#define KRAMATORSK_LON 37.5848

static const char lesson_json[] =
  "{\"format\":\"demarcate-lesson\",\"version\":2,\"title\":\"Test class\",\"steps\":["
  /* Kramatorsk stands left of the divider: the line of contact's colours. */
  "{\"proposal\":\"line-of-contact\",\"compare\":\"ru-memorandum-2025-06\","
  "\"compare_mode\":\"swipe\",\"divider\":0.9,\"caption\":\"Where the front stands\","
  "\"date\":\"2025-11-20\",\"view\":{\"lat\":48.4,\"lon\":37.6,\"zoom\":7}},"
  /* Right of it: the memorandum's, where Ukraine would withdraw. */
  "{\"proposal\":\"line-of-contact\",\"compare\":\"ru-memorandum-2025-06\","
  "\"compare_mode\":\"swipe\",\"divider\":0.1,\"caption\":\"What Moscow asked for\","
  "\"date\":\"2025-11-20\",\"view\":{\"lat\":48.4,\"lon\":37.6,\"zoom\":7}},"
  "{\"proposal\":\"us-28-point-2025-11\",\"caption\":\"The 28-point plan\"}]}";


static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
window_found (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  window = windows ? DM_WINDOW (windows->data) : NULL;
  return window != NULL && dm_window_is_ready (window) && dm_window_get_presenting (window);
}

static guint wanted_step;

static gboolean
step_is_wanted (void)
{
  return dm_window_get_lesson_step (window) == wanted_step;
}

static GtkWidget *
child (const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), DM_TYPE_WINDOW, name));
}


static void
go_to_step (guint step,
            const char *key)
{
  wanted_step = step;
  dm_test_press_key (key);
  dm_test_wait_until (step_is_wanted, 5);
  g_assert_cmpuint (dm_window_get_lesson_step (window), ==, step);
}

/* The first map with everything on it (basemap, both swipe layers), as the
 * compositor would paint it, read back as pixels at Kramatorsk. */
static void
sample_kramatorsk (double rgb[3])
{
  GtkWidget *map = dm_window_get_map (window, 0);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (SHUMATE_SIMPLE_MAP (map));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (map);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (map));
  int width = gtk_widget_get_width (map), height = gtk_widget_get_height (map);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = NULL;
  graphene_rect_t bounds;
  double x, y;
  int n = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  data = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, data, width * 4);
  shumate_viewport_location_to_widget_coords (viewport, map, KRAMATORSK_LAT, KRAMATORSK_LON,
                                              &x, &y);
  g_assert_cmpfloat (x, >, 10);
  g_assert_cmpfloat (x, <, width - 10);
  g_assert_cmpfloat (y, >, 10);
  g_assert_cmpfloat (y, <, height - 10);
  rgb[0] = rgb[1] = rgb[2] = 0;
  /* A 9×9 mean, so a hatch line or a label edge does not decide. */
  for (int dy = -4; dy <= 4; dy++)
    for (int dx = -4; dx <= 4; dx++)
      {
        guchar *p = data + ((int) y + dy) * width * 4 + ((int) x + dx) * 4;

        rgb[0] += p[2];
        rgb[1] += p[1];
        rgb[2] += p[0];
        n++;
      }
  for (int i = 0; i < 3; i++)
    rgb[i] /= n;
}

/* --present LESSON.json opens presenting step 1, its caption large and
 * "1 of 3" on screen and in the accessible label. */
static void
test_opens_on_step_1 (void)
{
  GtkWidget *caption = child ("present_caption");
  GtkWidget *counter = child ("present_counter");

  g_assert_true (dm_window_get_presenting (window));
  g_assert_cmpuint (dm_window_get_lesson_step (window), ==, 0);
  g_assert_cmpstr (dm_window_get_proposal_id (window), ==, "line-of-contact");
  g_assert_true (gtk_widget_get_mapped (caption));
  g_assert_true (gtk_widget_get_mapped (counter));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (caption)), ==, "Where the front stands");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counter)), ==, "1 of 3");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (caption), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Step 1 of 3: Where the front stands");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (caption),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "1 of 3");
  /* No date slider in front of the class. */
  g_assert_false (gtk_widget_get_visible (window->date_slider_box));
}

/* A replayed swipe step paints both sides, each aligned with the map:
 * Kramatorsk left of the divider shows the first proposal's colour, right
 * of it the second's. */
static void
test_swipe_both_sides (void)
{
  double left[3], right[3];

  wanted_step = 0;
  dm_test_wait_until (step_is_wanted, 1);
  g_assert_true (dm_window_get_presenting (window));
  settle (800);   /* the cross-fade, the reframing */
  g_assert_cmpint (dm_comparison_get_mode (window->comparison), ==, DM_COMPARE_SWIPE);
  g_assert_cmpfloat_with_epsilon (dm_comparison_get_divider (window->comparison), 0.9, 1e-9);
  sample_kramatorsk (left);

  go_to_step (1, "Page_Down");
  g_assert_false (gtk_widget_get_visible (window->date_slider_box));
  settle (800);
  g_assert_cmpfloat_with_epsilon (dm_comparison_get_divider (window->comparison), 0.1, 1e-9);
  sample_kramatorsk (right);
  g_test_message ("left (line of contact): %.0f %.0f %.0f; right (memorandum): %.0f %.0f %.0f",
                  left[0], left[1], left[2], right[0], right[1], right[2]);

  /* Ukrainian-held (Okabe-Ito blue, light) on the left; Ukraine withdraws
   * (reddish purple) on the right, not an empty basemap. */
  g_assert_cmpfloat (left[2], >, left[0] + 15);
  g_assert_cmpfloat (right[0], >, right[1] + 15);
  g_assert_cmpfloat (fabs (left[0] - right[0]) + fabs (left[2] - right[2]), >, 40);
}

static gboolean
focus_on_map (void)
{
  return gtk_root_get_focus (GTK_ROOT (window)) ==
         GTK_WIDGET (shumate_simple_map_get_map (window->map));
}

/* Ctrl+L in presentation adds one step, keeps the keyboard on the map (so
 * Page Down still steps), and its notice waits until presentation ends. */
static void
test_ctrl_l_keeps_focus (void)
{
  DmLesson *lesson = dm_presenter_get_lesson (window->presenter, FALSE);
  guint before = lesson->steps->len;
  GtkWidget *toast_overlay = GTK_WIDGET (window->toast_overlay);
  GtkWidget *legend_button = gtk_widget_get_first_child (GTK_WIDGET (window->legend));

  go_to_step (0, "Home");
  /* Something else had the keyboard (a click on the legend, say). */
  if (legend_button != NULL && gtk_widget_get_focusable (legend_button))
    gtk_widget_grab_focus (legend_button);
  dm_test_press_key ("ctrl+l");
  dm_test_wait_until (focus_on_map, 3);
  g_assert_cmpuint (lesson->steps->len, ==, before + 1);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_test_message ("focus: %s", focus ? G_OBJECT_TYPE_NAME (focus) : "none");
  }
  g_assert_true (focus_on_map ());
  /* No toast over the map: nothing in the overlay but its child. */
  g_assert_true (gtk_widget_get_last_child (toast_overlay) ==
                 gtk_widget_get_first_child (toast_overlay));

  go_to_step (1, "Page_Down");
  g_assert_true (focus_on_map ());
  g_assert_cmpuint (lesson->steps->len, ==, before + 1);
}

/* Home/End, the number keys, and a clicker pressed once too often. */
static void
test_keys (void)
{
  GtkWidget *counter = child ("present_counter");
  guint last;

  go_to_step (0, "Home");
  go_to_step (2, "3");
  g_assert_cmpstr (dm_window_get_proposal_id (window), ==, "us-28-point-2025-11");
  g_assert_false (gtk_widget_get_visible (dm_window_get_map (window, 1)));
  last = dm_presenter_get_lesson (window->presenter, FALSE)->steps->len - 1;
  go_to_step (last, "End");
  dm_test_press_key ("Page_Down");
  settle (300);
  g_assert_cmpuint (dm_window_get_lesson_step (window), ==, last);
  go_to_step (last - 1, "Page_Up");
  go_to_step (last, "Right");
  go_to_step (last - 1, "Left");
  go_to_step (last, "space");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (counter)), " of "));
}

static gboolean
not_presenting (void)
{
  return !dm_window_get_presenting (window);
}

/* Escape leaves; the deferred notice is shown then. */
static void
test_escape (void)
{
  GtkWidget *toast_overlay = GTK_WIDGET (window->toast_overlay);

  dm_test_press_key ("Escape");
  dm_test_wait_until (not_presenting, 5);
  g_assert_false (dm_window_get_presenting (window));
  g_assert_false (gtk_widget_get_visible (child ("present_box")));
  g_assert_true (gtk_widget_get_last_child (toast_overlay) !=
                 gtk_widget_get_first_child (toast_overlay));
}

/* Key cities: off, presentation names no towns; on, both maps name the
 * large ones only, and leaving presentation restores the towns setting. */
static void
test_key_cities (void)
{
  DmScene *a = dm_window_get_scene (window, 0);
  DmScene *b = dm_window_get_scene (window, 1);
  g_assert_true (dm_window_get_presenting (window));
  g_assert_false (dm_scene_get_show_places (a));
  /* The menu's toggle. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "settings.key-cities", NULL));
  settle (200);
  g_assert_true (dm_scene_get_show_places (a));
  g_assert_true (dm_scene_get_show_places (b));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "settings.key-cities", NULL));
  settle (200);
  g_assert_false (dm_scene_get_show_places (a));
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_tooltip (c, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_steps_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (DM_IS_LESSON_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

/* The step list: its buttons move and delete steps, a row shows its step,
 * and the title entry names the lesson. */
static void
test_step_list (void)
{
  DmLesson *lesson = dm_presenter_get_lesson (window->presenter, FALSE);
  g_autofree char *first = g_strdup (((DmLessonStep *) lesson->steps->pdata[0])->caption);
  g_autofree char *second = g_strdup (((DmLessonStep *) lesson->steps->pdata[1])->caption);
  guint n = lesson->steps->len;
  GtkWindow *dialog;
  GtkWidget *button;

  g_assert_false (dm_window_get_presenting (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lesson-steps", NULL));
  settle (300);
  dialog = find_steps_dialog ();
  g_assert_nonnull (dialog);

  /* The first "Move Down" is step 1's. */
  button = find_by_tooltip (GTK_WIDGET (dialog), "Move Down");
  g_assert_nonnull (button);
  /* A button clicks once its activation has shown. */
  gtk_widget_activate (button);
  settle (500);
  g_assert_cmpstr (((DmLessonStep *) lesson->steps->pdata[0])->caption, ==, second);
  g_assert_cmpstr (((DmLessonStep *) lesson->steps->pdata[1])->caption, ==, first);

  button = find_by_tooltip (GTK_WIDGET (dialog), "Delete Step");
  gtk_widget_activate (button);
  settle (500);
  g_assert_cmpuint (lesson->steps->len, ==, n - 1);
  g_assert_cmpstr (((DmLessonStep *) lesson->steps->pdata[0])->caption, ==, first);
  gtk_window_destroy (dialog);
  settle (200);
}

static gboolean
second_on_own_day (void)
{
  DmPartition *partition = dm_scene_get_partition (dm_window_get_scene (window, 1));

  return partition != NULL && g_str_equal (dm_partition_get_date (partition), "2025-12-11");
}

/* With "Line on the Proposal's Own Day" on, each compared map stands on
 * its own proposal's day, and its name says which. */
static void
test_compare_own_days (void)
{
  GtkLabel *label_a = GTK_LABEL (child ("compare_label_a"));
  GtkLabel *label_b = GTK_LABEL (child ("compare_label_b"));

  g_assert_false (dm_window_get_presenting (window));
  dm_comparison_set_mode (window->comparison, DM_COMPARE_SIDE);
  g_object_set (window->timeline, "proposal-day", TRUE, NULL);
  g_assert_true (dm_window_compare_with (window, "us-revised-2025-12"));
  dm_test_wait_until (second_on_own_day, 10);
  g_assert_true (second_on_own_day ());
  g_test_message ("%s | %s", gtk_label_get_text (label_a), gtk_label_get_text (label_b));
  g_assert_nonnull (strstr (gtk_label_get_text (label_b), "line of 2025-12-11"));
  g_assert_nonnull (strstr (gtk_label_get_text (label_a),
                            dm_window_get_control_date (window)));

  /* Off: both maps share the first map's day again. */
  g_object_set (window->timeline, "proposal-day", FALSE, NULL);
  settle (500);
  g_assert_cmpstr (dm_partition_get_date (dm_scene_get_partition (dm_window_get_scene (window, 1))),
                   ==, dm_window_get_control_date (window));
  dm_window_compare_with (window, NULL);
}


static gboolean
run_tests_cb (gpointer user_data)
{
  dm_test_wait_until (window_found, 60);
  g_assert_nonnull (window);
  status = g_test_run ();
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int    argc,
      char **argv)
{
  char *app_argv[] = { "demarcate", "--present", NULL, NULL };

  /* GTK's test accessibility backend keeps what a screen reader would be
   * told, so the caption's label can be read back. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (dm_test_no_session_bus_is_fine, NULL);
  lesson_path = dm_test_write ("class.json", lesson_json, -1);
  app_argv[2] = lesson_path;

  g_test_add_func ("/present/opens-on-step-1", test_opens_on_step_1);
  g_test_add_func ("/present/swipe-both-sides", test_swipe_both_sides);
  g_test_add_func ("/present/ctrl-l-keeps-focus", test_ctrl_l_keeps_focus);
  g_test_add_func ("/present/keys", test_keys);
  g_test_add_func ("/present/key-cities", test_key_cities);
  g_test_add_func ("/present/escape", test_escape);
  g_test_add_func ("/present/step-list", test_step_list);
  g_test_add_func ("/present/compare-own-days", test_compare_own_days);

  app = dm_application_new ();
  g_idle_add (run_tests_cb, NULL);
  g_application_run (G_APPLICATION (app), 3, app_argv);
  g_object_unref (app);
  return status;
}
