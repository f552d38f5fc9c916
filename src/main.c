/* main.c: runs a command-line command without touching GTK, or opens the map window. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "dm-application.h"
#include "dm-catalog.h"
#include "dm-cli.h"
#include "dm-loader.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(DmApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Commands run on servers with no display: GTK is never initialised. A
   * first word that is neither an option nor a file is a mistyped command,
   * and gets the command line's message rather than a window. */
  if (argc > 1 && (dm_cli_is_command (argv[1]) || g_str_equal (argv[1], "--version") ||
                   (argv[1][0] != '-' && !g_file_test (argv[1], G_FILE_TEST_EXISTS))))
    return dm_cli_run (argc, argv);

  /* The map data loads while GTK starts and builds the window. */
  {
    g_autofree char *geo_dir = g_build_filename (dm_data_dir (), "geo", NULL);
    dm_loader_preload (geo_dir);
  }
  app = dm_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
