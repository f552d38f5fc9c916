/* test-i18n-window.c: the window in Ukrainian, as `LANGUAGE=uk build/src/demarcate` opens it. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "dm-test-gui.h"
#include "dm-catalog.h"
#include "dm-i18n.h"
#include "dm-proposal.h"
#include "dm-window.h"
#include "dm-window-private.h"

static DmWindow *window;


static gboolean
window_ready (void)
{
  return dm_window_is_ready (window) && gtk_widget_get_width (dm_window_get_overlay (window)) > 0;
}

/* The header names the proposal and the line's day in Ukrainian: the
 * proposal's title from the catalog, the subtitle from the UI's. */
static void
test_window_title (void)
{
  const char *title = adw_window_title_get_title (window->window_title);
  const char *subtitle = adw_window_title_get_subtitle (window->window_title);

  g_assert_cmpstr (title, ==, "План США з 28 пунктів (пункт 21)");
  g_assert_true (g_str_has_prefix (subtitle, "Лінія зіткнення: DeepStateMap"));
}

/* The proposal list shows the Ukrainian titles and sponsors too. */
static void
test_proposal_list (void)
{
  GPtrArray *proposals = dm_catalog_get_proposals (dm_window_get_catalog (window));
  guint ukrainian = 0;

  for (guint i = 0; i < proposals->len; i++)
    {
      const char *title = dm_proposal_get_title (g_ptr_array_index (proposals, i));

      /* Cyrillic, in UTF-8, starts with 0xD0 or 0xD1. */
      for (const char *c = title; *c != '\0'; c++)
        if ((guchar) *c == 0xD0 || (guchar) *c == 0xD1)
          {
            ukrainian++;
            break;
          }
    }
  g_assert_cmpuint (proposals->len, >=, 11);
  g_assert_cmpuint (ukrainian, ==, proposals->len);
}

int
main (int    argc,
      char **argv)
{
  /* As main.c starts: the language before anything is translated, and
   * GTK kept from resetting the locale. */
  g_unsetenv ("LC_ALL");
  g_setenv ("LANG", "C", TRUE);
  g_setenv ("LANGUAGE", "uk", TRUE);
  dm_i18n_init ();
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (dm_test_no_session_bus_is_fine, NULL);
  gtk_init ();
  adw_init ();

  window = dm_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  {
    gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (!window_ready () && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
    for (int i = 0; i < 50; i++)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_true (window_ready ());

  g_test_add_func ("/i18n-window/title", test_window_title);
  g_test_add_func ("/i18n-window/proposal-list", test_proposal_list);
  return g_test_run ();
}
