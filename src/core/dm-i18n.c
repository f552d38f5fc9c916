/* dm-i18n.c: the process's locale and where its translations are, installed or in the build tree. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-catalog.h"
#include "dm-i18n.h"

/* The translations that go with the data in use: the installed catalogs
 * with the installed data, and, run uninstalled (dm_data_dir () fell back
 * to the source tree), the ones meson compiles into build/po, so that
 * `LANGUAGE=uk build/src/demarcate` speaks Ukrainian without `meson install`. */
const char *
dm_i18n_locale_dir (void)
{
  if (g_strcmp0 (dm_data_dir (), PKGDATADIR) != 0 &&
      g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX");
}

/* The language the environment asks for, as LANGUAGE would give it: the
 * first of LC_ALL, LC_MESSAGES and LANG that is set, without its codeset
 * ("uk_UA.UTF-8" gives "uk_UA"); NULL for none or for C. */
static char *
wanted_language (void)
{
  static const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *value = g_getenv (vars[i]);

      if (value != NULL && *value != '\0')
        {
          if (is_c_locale (value) || g_str_has_prefix (value, "C.") ||
              g_str_has_prefix (value, "POSIX"))
            return NULL;
          return g_strndup (value, strcspn (value, ".@"));
        }
    }
  return NULL;
}

/* glibc's gettext ignores LANGUAGE while LC_MESSAGES is "C", and in the C
 * locale GLib converts every message it prints to ASCII ("?????" for
 * Ukrainian). C.UTF-8 is built into glibc (2.35 and later) and is on
 * every Debian system, where uk_UA.UTF-8 is only there if someone ran
 * locale-gen: so where a language is asked for, messages and the
 * character set are C.UTF-8 rather than C. Numbers and dates keep the C
 * conventions until the real locale is generated. */
static void
use_utf8_for_language (void)
{
  const char *language = g_getenv ("LANGUAGE");

  if (language == NULL || *language == '\0')
    return;
  if (is_c_locale (setlocale (LC_MESSAGES, NULL)))
    setlocale (LC_MESSAGES, "C.UTF-8");
  if (is_c_locale (setlocale (LC_CTYPE, NULL)))
    setlocale (LC_CTYPE, "C.UTF-8");
}

/* Sets the locale from the environment and binds the text domain. Where
 * the locale asked for is not generated (LANG=uk_UA.UTF-8 on a fresh
 * system), setlocale fails and everything would stay C and English: its
 * language becomes LANGUAGE, so the messages still follow it. Call before
 * anything is translated; GTK must then be kept from calling setlocale
 * again (gtk_disable_setlocale), which would undo this and warn. */
void
dm_i18n_init (void)
{
  if (setlocale (LC_ALL, "") == NULL)
    {
      const char *language = g_getenv ("LANGUAGE");
      g_autofree char *wanted = wanted_language ();

      /* Each category the C library has, the rest C. */
      static const int categories[] = { LC_CTYPE, LC_NUMERIC, LC_TIME, LC_COLLATE,
                                        LC_MONETARY, LC_MESSAGES };
      for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
        setlocale (categories[i], "");
      if ((language == NULL || *language == '\0') && wanted != NULL)
        g_setenv ("LANGUAGE", wanted, TRUE);
    }
  use_utf8_for_language ();

  bindtextdomain (GETTEXT_PACKAGE, dm_i18n_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* export --lang: the page's language, whatever the locale. It must be set
 * before the first message is looked up (GLib decides once whether to
 * translate). */
void
dm_i18n_set_language (const char *lang)
{
  g_setenv ("LANGUAGE", lang, TRUE);
  use_utf8_for_language ();
}
