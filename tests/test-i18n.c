/* test-i18n.c: the user's language from the build tree: messages, the proposals' own text, town names. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "dm-catalog.h"
#include "dm-i18n.h"
#include "dm-proposal.h"
#include "dm-test-util.h"

static const char *binary;

/* Runs the built binary as README's first command does: from build/, with
 * no data folder given, in the locale `env` sets up (LC_ALL from the test
 * environment is dropped, so LANG and LANGUAGE decide). */
static int
run (const char * const *env,
     const char * const *args,
     char              **out,
     char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
  g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_unsetenv (launcher, "DEMARCATE_DATA_DIR");
  for (guint i = 0; env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);

  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

/* LANGUAGE=uk, in C.UTF-8 (as a fresh Debian 12 has it) and in plain C,
 * where glibc would ignore LANGUAGE and GLib print "?" for Cyrillic. */
static void
test_help_in_ukrainian (void)
{
  const char *locales[] = { "C.UTF-8", "C" };

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run ((const char *[]) { "LANG", locales[i], "LANGUAGE", "uk", NULL },
                            (const char *[]) { "--help", NULL }, &out, &err), ==, 0);
      g_assert_nonnull (strstr (out, "Без команди відкриває вікно карти."));
      g_assert_null (strstr (out, "Without a command"));
      g_assert_null (strstr (out, "??"));
    }
}

/* LANG=uk_UA.UTF-8 where that locale is not generated: setlocale fails;
 * the messages still follow it, and GTK's "Locale not supported" warning
 * never comes (the window path; the command line shares the set-up). */
static void
test_ungenerated_locale (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run ((const char *[]) { "LANG", "uk_UA.UTF-8", NULL },
                        (const char *[]) { "list", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Пропозиції:"));
  g_assert_nonnull (strstr (out, "План США з 28 пунктів (пункт 21)"));
  g_assert_null (strstr (err, "Locale not supported"));
}

/* Without LANGUAGE, C.UTF-8 stays English. */
static void
test_english_by_default (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run ((const char *[]) { "LANG", "C.UTF-8", NULL },
                        (const char *[]) { "list", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "US 28-point plan (point 21)"));
  g_assert_null (strstr (out, "Пропозиції"));
}

/* export --lang uk in the C locale: the page's title is the proposal's
 * Ukrainian title, and the town labels Ukrainian where GeoNames has them. */
static void
test_export_lang (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *path = dm_test_write ("uk.svg", "", 0);
  g_autofree char *svg = NULL;
  g_autofree char *en_out = NULL, *en_err = NULL;
  g_autofree char *en_path = dm_test_write ("en.svg", "", 0);
  g_autofree char *en_svg = NULL;

  g_assert_cmpint (run ((const char *[]) { "LANG", "C", NULL },
                        (const char *[]) { "export", "-p", "us-28-point-2025-11", "--lang", "uk",
                                           "--no-basemap", "-o", path, NULL },
                        &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "План США з 28 пунктів (пункт 21)"));
  g_assert_null (strstr (svg, "US 28-point plan"));
  g_assert_nonnull (strstr (svg, ">Маріуполь<"));
  /* The legend's certainty in words of the page's language. */
  g_assert_nonnull (strstr (svg, "(текст)"));
  g_assert_null (strstr (svg, "(text)"));
  g_assert_null (strstr (svg, ">Mariupol<"));

  /* The same page in English names the town in English. */
  g_assert_cmpint (run ((const char *[]) { "LANG", "C", NULL },
                        (const char *[]) { "export", "-p", "us-28-point-2025-11", "--lang", "en",
                                           "--no-basemap", "-o", en_path, NULL },
                        &en_out, &en_err), ==, 0);
  g_assert_true (g_file_get_contents (en_path, &en_svg, NULL, NULL));
  g_assert_nonnull (strstr (en_svg, ">Mariupol<"));
  g_assert_nonnull (strstr (en_svg, "US 28-point plan (point 21)"));
}

/* German: GeoNames' German names where it has them, the GeoNames name
 * where not, and the proposal's English title (no German catalog entry). */
static void
test_export_german_towns (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *path = dm_test_write ("de.svg", "", 0);
  g_autofree char *svg = NULL;

  g_assert_cmpint (run ((const char *[]) { "LANG", "C.UTF-8", NULL },
                        (const char *[]) { "export", "-p", "us-28-point-2025-11", "--lang", "de",
                                           "--no-basemap", "-o", path, NULL },
                        &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, ">Charkiw<"));
  g_assert_nonnull (strstr (svg, ">Saporischschja<"));
  g_assert_nonnull (strstr (svg, ">Mariupol<"));
  g_assert_null (strstr (svg, ">Kharkiv<"));
}

static gboolean
translated (const char *english,
            const char *shown,
            guint      *missing)
{
  if (english == NULL || *english == '\0')
    return TRUE;
  if (g_strcmp0 (english, shown) == 0)
    {
      g_test_message ("not translated: %s", english);
      (*missing)++;
      return FALSE;
    }
  return TRUE;
}

/* In this process LANGUAGE=uk (set in main): every bundled proposal's title,
 * short title, sponsor, summary, source details, clause notes and other
 * terms come out of DmProposal in Ukrainian, each compared with the
 * English of its JSON file. */
static void
test_proposal_text (void)
{
  g_autofree char *dir = g_build_filename (dm_data_dir (), "proposals", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint files = 0, missing = 0, checked = 0;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(DmProposal) proposal = NULL;
      g_autoptr(GError) error = NULL;
      JsonObject *root;
      JsonArray *clauses, *sources, *terms;
      GPtrArray *p_sources, *p_clauses;
      const char * const *p_terms;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir, name, NULL);
      proposal = dm_proposal_new_from_file (path, &error);
      g_assert_no_error (error);
      g_assert_true (json_parser_load_from_file (parser, path, &error));
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      files++;

      translated (json_object_get_string_member (root, "title"),
                  dm_proposal_get_title (proposal), &missing);
      translated (json_object_get_string_member (root, "short_title"),
                  dm_proposal_get_short_title (proposal), &missing);
      translated (json_object_get_string_member (root, "sponsor"),
                  dm_proposal_get_sponsor (proposal), &missing);
      translated (json_object_get_string_member (root, "summary"),
                  dm_proposal_get_summary (proposal), &missing);
      checked += 4;

      sources = json_object_get_array_member (root, "sources");
      p_sources = dm_proposal_get_sources (proposal);
      g_assert_cmpuint (json_array_get_length (sources), ==, p_sources->len);
      for (guint i = 0; i < p_sources->len; i++, checked++)
        translated (json_object_get_string_member (json_array_get_object_element (sources, i),
                                                   "detail"),
                    ((DmSource *) g_ptr_array_index (p_sources, i))->detail, &missing);

      clauses = json_object_get_array_member (root, "clauses");
      p_clauses = dm_proposal_get_clauses (proposal);
      g_assert_cmpuint (json_array_get_length (clauses), ==, p_clauses->len);
      for (guint i = 0; i < p_clauses->len; i++, checked++)
        translated (json_object_get_string_member (json_array_get_object_element (clauses, i),
                                                   "note"),
                    ((DmClause *) g_ptr_array_index (p_clauses, i))->note, &missing);

      p_terms = dm_proposal_get_other_terms (proposal);
      terms = json_object_has_member (root, "other_terms")
        ? json_object_get_array_member (root, "other_terms") : NULL;
      for (guint i = 0; terms != NULL && i < json_array_get_length (terms); i++, checked++)
        translated (json_array_get_string_element (terms, i), p_terms[i], &missing);
    }
  g_test_message ("%u of %u texts of %u proposals translated", checked - missing, checked, files);
  g_assert_cmpuint (files, >=, 11);
  g_assert_cmpuint (missing, ==, 0);
}

/* A user's own words stay as written; the empty string is not looked up
 * (gettext would give the catalog's header for it). */
static void
test_user_text_kept (void)
{
  g_autofree char *path = g_build_filename (dm_data_dir (), "proposals", "line-of-contact.json",
                                            NULL);
  g_autofree char *data = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(DmProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  edited = g_string_new (data);
  g_assert_cmpuint (g_string_replace (edited, "\"Line of contact (status quo)\"",
                                      "\"My own line\"", 1), ==, 1);
  proposal = dm_proposal_new_from_data (edited->str, edited->len, "line-of-contact.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dm_proposal_get_title (proposal), ==, "My own line");
  /* Its other fields are still the bundled words, so still translated. */
  g_assert_cmpstr (dm_proposal_get_short_title (proposal), ==, "Лінія зіткнення");
}

int
main (int    argc,
      char **argv)
{
  /* As `LANGUAGE=uk build/src/demarcate` would start, before anything is
   * translated: the test environment's C.UTF-8 stays the locale. */
  g_setenv ("LANGUAGE", "uk", TRUE);
  dm_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  binary = g_getenv ("DEMARCATE_BINARY");
  g_assert_nonnull (binary);

  g_test_add_func ("/i18n/help-in-ukrainian", test_help_in_ukrainian);
  g_test_add_func ("/i18n/ungenerated-locale", test_ungenerated_locale);
  g_test_add_func ("/i18n/english-by-default", test_english_by_default);
  g_test_add_func ("/i18n/export-lang", test_export_lang);
  g_test_add_func ("/i18n/export-german-towns", test_export_german_towns);
  g_test_add_func ("/i18n/proposal-text", test_proposal_text);
  g_test_add_func ("/i18n/user-text-kept", test_user_text_kept);

  return g_test_run ();
}
