/* dm-test-gui.h: shared by the window tests: waiting on the main loop, real key presses, and the log filter for Xvfb. */
#pragma once

#include <string.h>
#include <unistd.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until ready () or timeout_s, then lets pending draws
 * and idles run. */
static inline void
dm_test_wait_until (gboolean (*ready) (void),
                    guint      timeout_s)
{
  gint64 end = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (!ready () && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Real key presses through the X server to this process's window, as a
 * presenter's clicker sends them. */
static inline void
dm_test_press_key (const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cmd = g_strdup_printf ("xdotool search --sync --pid %d --onlyvisible "
                                          "--name Demarcate windowfocus --sync key %s",
                                          getpid (), key);
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

/* For g_test_log_set_fatal_handler: under Xvfb there is no session bus,
 * and GTK's warning about it is not a failure. */
static inline gboolean
dm_test_no_session_bus_is_fine (const char     *domain,
                                GLogLevelFlags  level,
                                const char     *message,
                                gpointer        user_data)
{
  return strstr (message, "session bus") == NULL;
}

G_END_DECLS
