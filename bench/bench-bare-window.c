/* bench-bare-window.c: the start-up peer, a bare AdwApplicationWindow holding an empty ShumateSimpleMap.
 *
 * It links only libadwaita and libshumate (not GDAL, not our library) and
 * prints the wall clock at its first painted frame the way the app does
 * with DEMARCATE_REPORT_FIRST_FRAME, so bench/run-peers.py can time both
 * from exec in the same way. The window has the app's default size. */
#include <adwaita.h>
#include <shumate/shumate.h>

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        gpointer       user_data)
{
  g_print ("first-frame-realtime-us %" G_GINT64_FORMAT "\n", g_get_real_time ());
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, user_data);
}

static void
map_realize_cb (GtkWidget *map)
{
  g_signal_connect (gtk_widget_get_frame_clock (map), "after-paint",
                    G_CALLBACK (first_frame_painted_cb), NULL);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  ShumateSimpleMap *map = shumate_simple_map_new ();

  gtk_widget_set_vexpand (GTK_WIDGET (map), TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (map));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  g_signal_connect (map, "realize", G_CALLBACK (map_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.demarcate.BenchBareWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
