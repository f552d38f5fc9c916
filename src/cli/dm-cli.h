/* dm-cli.h: the `demarcate list|stats|validate|export` commands; no display, no GTK. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  dm_cli_is_command  (const char *arg);
int       dm_cli_run         (int         argc,
                              char      **argv);

G_END_DECLS
