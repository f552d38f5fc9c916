/* test-file.c: atomic writes: new files, replacements, and failures that keep the old file and leave nothing behind. */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "dm-error.h"
#include "dm-file.h"

static char *
scratch_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("demarcate-file-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
test_new_and_replace (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dm_file_write_atomic (path, "first", 5, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dm_file_write_atomic (path, "second", 6, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "second");
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

static gboolean
fail_after_some (GOutputStream  *stream,
                 gpointer        user_data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  if (!g_output_stream_write_all (stream, "partial", 7, NULL, cancellable, error))
    return FALSE;
  g_set_error_literal (error, DM_ERROR, DM_ERROR_IO, "the writer gave up");
  return FALSE;
}

/* A writer that fails keeps the old file, or leaves none where there was
 * none, and names the file and the reason. */
static void
test_failed_writer (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *old = g_build_filename (dir, "old.txt", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (old, "old", -1, NULL));
  g_assert_false (dm_file_write_atomic_stream (old, fail_after_some, NULL, NULL, &error));
  g_assert_error (error, DM_ERROR, DM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "old.txt"));
  g_assert_nonnull (strstr (error->message, "the writer gave up"));
  g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_error (&error);

  g_assert_false (dm_file_write_atomic_stream (fresh, fail_after_some, NULL, NULL, &error));
  g_assert_error (error, DM_ERROR, DM_ERROR_IO);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

/* A full disk (the file-size limit stands in for it) half-way through. */
static void
test_disk_full (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "big.bin", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *data = g_malloc0 (100000);
  g_autoptr(GError) error = NULL;
  struct rlimit old_limit, limit;
  gboolean ok;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 20000;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = dm_file_write_atomic (path, data, 100000, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);

  g_assert_false (ok);
  g_assert_error (error, DM_ERROR, DM_ERROR_IO);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

static void
test_missing_folder (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (dm_file_write_atomic ("/nonexistent-dir/x.txt", "x", 1, NULL, &error));
  g_assert_error (error, DM_ERROR, DM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/x.txt"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file/new-and-replace", test_new_and_replace);
  g_test_add_func ("/file/failed-writer", test_failed_writer);
  g_test_add_func ("/file/disk-full", test_disk_full);
  g_test_add_func ("/file/missing-folder", test_missing_folder);
  return g_test_run ();
}
