/* dm-i18n.h: the process's locale and where its translations are, installed or in the build tree. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *dm_i18n_locale_dir   (void);
void        dm_i18n_init         (void);
void        dm_i18n_set_language (const char *lang);

G_END_DECLS
