/* main.c: runs a command-line command without touching GTK, or opens the map window. */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "dm-application.h"
#include "dm-catalog.h"
#include "dm-cli.h"
#include "dm-i18n.h"
#include "dm-memory.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(DmApplication) app = NULL;

  /* The locale, and the translations that go with the data in use: run
   * from build/, the ones meson compiled there. */
  dm_memory_tune ();
  dm_i18n_init ();

  /* Commands run on servers with no display: GTK is never initialised. A
   * first word that is neither an option nor a file is a mistyped command,
   * and gets the command line's message rather than a window. */
  if (argc > 1 && (dm_cli_is_command (argv[1]) || g_str_equal (argv[1], "--version") ||
                   (argv[1][0] != '-' && !g_file_test (argv[1], G_FILE_TEST_EXISTS))))
    return dm_cli_run (argc, argv);

  /* GTK would call setlocale (LC_ALL, "") again, undoing dm_i18n_init's
   * fallback where the asked-for locale is not generated, and warn. */
  gtk_disable_setlocale ();
  app = dm_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
