/* test-sidebar.c: the sidebar's region rows come after the first painted frame, and at once when a row is asked for. */
#include "config.h"

#include <adwaita.h>

#include "dm-scenario.h"
#include "dm-sidebar.h"
#include "dm-test-gui.h"
#include "dm-test-util.h"

/* The first status row of the sidebar (Crimea's Russian-held part). */
static GtkWidget *
find_combo_row (GtkWidget *widget)
{
  if (ADW_IS_COMBO_ROW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_combo_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
}

static gboolean
was_painted (void)
{
  return painted;
}

static GtkWidget *row_to_show;

static gboolean
row_is_visible (void)
{
  return gtk_widget_is_visible (row_to_show);
}

static DmSidebar *
new_sidebar_in_window (void)
{
  GtkWidget *window = gtk_window_new ();
  DmSidebar *sidebar = g_object_new (DM_TYPE_SIDEBAR, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (sidebar));
  gtk_window_present (GTK_WINDOW (window));
  return sidebar;
}

static void
show_day (DmSidebar *sidebar)
{
  g_autoptr(DmPartition) partition = dm_test_partition_for ("2025-11-20");
  g_autoptr(DmScenario) scenario =
    dm_scenario_new (dm_catalog_find_proposal (dm_test_catalog (), "us-28-point-2025-11"));

  dm_sidebar_set_catalog (sidebar, dm_test_catalog ());
  dm_sidebar_show (sidebar, scenario, partition);
}

static void
test_regions_after_first_frame (void)
{
  DmSidebar *sidebar = new_sidebar_in_window ();
  GtkWidget *row = find_combo_row (GTK_WIDGET (sidebar));
  GdkFrameClock *clock;

  g_assert_nonnull (row);
  /* Realised, so the sidebar has a frame clock to wait on. */
  painted = FALSE;
  dm_test_wait_until (was_painted, 0);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (sidebar));
  g_assert_nonnull (clock);

  show_day (sidebar);
  /* Filled, but not laid out in the frame that shows the map. */
  g_assert_false (gtk_widget_is_visible (row));
  painted = FALSE;
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  dm_test_wait_until (was_painted, 10);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);
  g_assert_true (painted);
  row_to_show = row;
  dm_test_wait_until (row_is_visible, 10);
  g_assert_true (gtk_widget_is_visible (row));
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (sidebar))));
}

/* Asked for a part before any frame came, the rows are there at once. */
static void
test_select_part_reveals (void)
{
  DmSidebar *sidebar = new_sidebar_in_window ();
  GtkWidget *row = find_combo_row (GTK_WIDGET (sidebar));

  show_day (sidebar);
  g_assert_false (gtk_widget_is_visible (row));
  dm_sidebar_select_part (sidebar, DM_REGION_CRIMEA, DM_PART_RUSSIAN_HELD);
  g_assert_true (gtk_widget_is_visible (row));
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (sidebar))));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_log_set_fatal_handler (dm_test_no_session_bus_is_fine, NULL);

  g_test_add_func ("/sidebar/regions-after-first-frame", test_regions_after_first_frame);
  g_test_add_func ("/sidebar/select-part-reveals", test_select_part_reveals);
  return g_test_run ();
}
