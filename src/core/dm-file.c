/* dm-file.c: atomic writes on g_file_replace: the old file stays until the new one is complete on disk. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-error.h"
#include "dm-file.h"

typedef struct
{
  const void *data;
  gsize       len;
} Bytes;

static gboolean
write_bytes (GOutputStream  *stream,
             gpointer        user_data,
             GCancellable   *cancellable,
             GError        **error)
{
  Bytes *bytes = user_data;

  return g_output_stream_write_all (stream, bytes->data, bytes->len, NULL, cancellable, error);
}

/* Writes len bytes of data to path atomically; see
 * dm_file_write_atomic_stream (). */
gboolean
dm_file_write_atomic (const char    *path,
                      const void    *data,
                      gsize          len,
                      GCancellable  *cancellable,
                      GError       **error)
{
  Bytes bytes = { data, len };

  return dm_file_write_atomic_stream (path, write_bytes, &bytes, cancellable, error);
}

/* Calls func to write the document to a stream that replaces path only
 * when func succeeds and the data is on disk: GIO writes an existing file's
 * replacement under a temporary name in the same folder, syncs it and
 * renames it over the old one on close. On any failure (the error, in
 * DM_ERROR_IO, names the file and the reason) path keeps what it had, a
 * file that did not exist is not left half-written, and no temporary file
 * is left behind. Blocking: call it from a worker thread for large files. */
gboolean
dm_file_write_atomic_stream (const char       *path,
                             DmFileWriteFunc   func,
                             gpointer          user_data,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  gboolean existed, ok;

  g_return_val_if_fail (path != NULL && func != NULL, FALSE);

  file = g_file_new_for_path (path);
  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);
  ok = stream != NULL && func (G_OUTPUT_STREAM (stream), user_data, cancellable, &local_error);
  if (stream != NULL)
    {
      if (ok)
        ok = g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error);
      else
        {
          /* Closing with a cancelled cancellable drops the temporary file
           * instead of renaming it over path. */
          g_autoptr(GCancellable) abort = g_cancellable_new ();

          g_cancellable_cancel (abort);
          g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
          /* A new file is written in place: remove the partial one. */
          if (!existed)
            g_file_delete (file, NULL, NULL);
        }
    }
  if (ok)
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), display,
               local_error ? local_error->message : _("unknown error"));
  return FALSE;
}
