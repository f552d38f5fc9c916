/* main.c: runs a command-line command without touching GTK, or opens the map window. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "dm-cli.h"

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && (dm_cli_is_command (argv[1]) || g_str_has_prefix (argv[1], "--help") ||
                   g_str_equal (argv[1], "--version")))
    return dm_cli_run (argc, argv);

  return dm_cli_run (argc, argv);
}
