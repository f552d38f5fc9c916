/* dm-control-update-fetch.c: the worker half of DmControlUpdate: HTTP with libsoup, the checks, the atomic store. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "dm-control.h"
#include "dm-control-update-private.h"
#include "dm-error.h"

/* No project web site exists yet; the app id says who is asking. */
#define USER_AGENT "Demarcate/" PACKAGE_VERSION " (+" APP_ID "; fetches on the user's request)"
/* Seconds without progress on a connect, a send or a read before giving up. */
#define IO_TIMEOUT 30
#define READ_CHUNK 65536

/* The importer names the file it read; that is the hidden temporary
 * file here, which means nothing to users: the date and URL say which. */
static char *
strip_path (const char *message,
            const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *prefix = g_strconcat (display, ": ", NULL);

  if (g_str_has_prefix (message, prefix))
    return g_strdup (message + strlen (prefix));
  return g_strdup (message);
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return fsync (fd) == 0;
}

/* The bytes go to a hidden temporary file beside the target, are read back
 * as any control-area file is, and only then renamed into place: a file
 * with the archive's name is always a whole, checked day. Returns FALSE
 * with error only for what ends the run (cancelled, cannot write); a file
 * that fails the checks sets day->message instead. */
static gboolean
check_and_store (const DmUpdateJob *job,
                 DmControlDay      *day,
                 GBytes        *bytes,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *name = dm_control_update_file_name (day->date);
  g_autofree char *target = g_build_filename (job->dest_dir, name, NULL);
  g_autofree char *tmp_name = g_strconcat (".", name, ".XXXXXX", NULL);
  g_autofree char *tmp = g_build_filename (job->dest_dir, tmp_name, NULL);
  g_autofree char *dir_display = g_filename_display_name (job->dest_dir);
  g_autoptr(DmControlArea) control = NULL;
  g_autoptr(GError) check_error = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  int fd, saved_errno;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, DM_ERROR, DM_ERROR_IO,
                   _("%s: cannot write into the folder: %s; check that it is writable"),
                   dir_display, g_strerror (saved_errno));
      return FALSE;
    }
  if (!write_all (fd, data, length))
    {
      saved_errno = errno;
      close (fd);
      g_unlink (tmp);
      g_set_error (error, DM_ERROR, DM_ERROR_IO,
                   _("%s: cannot write %s: %s; check the free space"),
                   dir_display, name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  control = dm_control_area_load (tmp, day->date, cancellable, &check_error);
  if (control == NULL)
    {
      g_unlink (tmp);
      if (g_error_matches (check_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&check_error));
          return FALSE;
        }
      day->outcome = DM_CONTROL_DAY_REFUSED;
      day->message = strip_path (check_error->message, tmp);
      return TRUE;
    }

  if (g_rename (tmp, target) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("%s: cannot store %s: %s"),
                   dir_display, name, g_strerror (saved_errno));
      return FALSE;
    }
  day->outcome = DM_CONTROL_DAY_STORED;
  day->path = g_steal_pointer (&target);
  return TRUE;
}

static void
refuse_too_large (DmControlDay *day,
                  goffset       size,
                  goffset       limit)
{
  g_autofree char *limit_text = g_format_size (limit);

  day->outcome = DM_CONTROL_DAY_REFUSED;
  if (size > 0)
    {
      g_autofree char *size_text = g_format_size (size);

      day->message = g_strdup_printf (_("the file is too large (%s; the limit is %s), so it "
                                        "is not a day of the archive"), size_text, limit_text);
    }
  else
    day->message = g_strdup_printf (_("the file is too large (over %s), so it is not a day of "
                                      "the archive"), limit_text);
}

/* Reads the body, at most limit + 1 bytes so an endless one is cut short. */
static GBytes *
read_body (GInputStream  *stream,
           goffset        limit,
           gboolean      *too_large,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();

  *too_large = FALSE;
  for (;;)
    {
      guint old = buffer->len;
      gssize n;

      g_byte_array_set_size (buffer, old + READ_CHUNK);
      n = g_input_stream_read (stream, buffer->data + old, READ_CHUNK, cancellable, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (buffer, old + (guint) n);
      if (n == 0)
        break;
      if ((goffset) buffer->len > limit)
        {
          *too_large = TRUE;
          break;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* One day: NULL with error only for what ends the run (the server cannot
 * be reached or answers with an error, the run was cancelled). */
static DmControlDay *
fetch_day (const DmUpdateJob *job,
           SoupSession   *session,
           const GDate   *date,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(DmControlDay) day = g_new0 (DmControlDay, 1);
  g_autofree char *name = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  SoupMessageHeaders *headers;
  goffset length = 0;
  gboolean too_large;
  guint status;

  day->date = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                               g_date_get_month (date), g_date_get_day (date));
  name = dm_control_update_file_name (day->date);
  day->url = g_strconcat (job->base_url, name, NULL);

  message = soup_message_new (SOUP_METHOD_GET, day->url);
  if (message == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s: not an address that can be fetched; check --from"), day->url);
      return NULL;
    }
  stream = soup_session_send (session, message, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DM_ERROR, DM_ERROR_IO,
                     _("%s: cannot be fetched: %s; check the network connection and the "
                       "address"), day->url, local_error->message);
      return NULL;
    }

  /* libsoup follows redirects; an https folder must not hand over to http. */
  if (g_str_has_prefix (job->base_url, "https:") &&
      g_ascii_strcasecmp (g_uri_get_scheme (soup_message_get_uri (message)), "https") != 0)
    {
      g_autofree char *final = g_uri_to_string (soup_message_get_uri (message));

      g_input_stream_close (stream, NULL, NULL);
      g_set_error (error, DM_ERROR, DM_ERROR_IO,
                   _("%s: the server redirected to an address without https (%s); "
                     "nothing was stored"), day->url, final);
      return NULL;
    }

  status = soup_message_get_status (message);
  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    {
      day->outcome = DM_CONTROL_DAY_MISSING;
      g_input_stream_close (stream, NULL, NULL);
      return g_steal_pointer (&day);
    }
  if (status != SOUP_STATUS_OK)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_IO,
                   _("%s: the server answered “%u %s”; try again later, or check the "
                     "address"), day->url, status,
                   soup_message_get_reason_phrase (message)
                   ? soup_message_get_reason_phrase (message) : "");
      return NULL;
    }

  headers = soup_message_get_response_headers (message);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    length = soup_message_headers_get_content_length (headers);
  if (length > job->max_bytes)
    {
      refuse_too_large (day, length, job->max_bytes);
      g_input_stream_close (stream, NULL, NULL);
      return g_steal_pointer (&day);
    }

  bytes = read_body (stream, job->max_bytes, &too_large, cancellable, &local_error);
  g_input_stream_close (stream, NULL, NULL);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DM_ERROR, DM_ERROR_IO,
                     _("%s: the download broke off: %s; try again later"),
                     day->url, local_error->message);
      return NULL;
    }
  if (too_large)
    {
      refuse_too_large (day, 0, job->max_bytes);
      return g_steal_pointer (&day);
    }

  if (!check_and_store (job, day, bytes, cancellable, error))
    return NULL;
  return g_steal_pointer (&day);
}

/* Asks for each day of the job in turn, handing each to day_func; stops
 * at the first error that is not the day's own (see fetch_day). */
gboolean
_dm_control_update_fetch (const DmUpdateJob  *job,
                          DmUpdateDayFunc     day_func,
                          gpointer            user_data,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(SoupSession) session = NULL;
  GError *local_error = NULL;
  GDate date = job->first;

  if (job->n_days == 0)
    return TRUE;
  if (g_mkdir_with_parents (job->dest_dir, 0755) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (job->dest_dir);

      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("%s: cannot create the folder: %s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  /* The session lives and dies in this thread, on a context of its own. */
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                           "timeout", IO_TIMEOUT,
                                           "idle-timeout", IO_TIMEOUT,
                                           NULL);
  for (guint i = 0; i < job->n_days; i++)
    {
      DmControlDay *day;

      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        break;
      day = fetch_day (job, session, &date, cancellable, &local_error);
      if (day == NULL)
        break;
      day_func (day, user_data);
      g_date_add_days (&date, 1);
    }
  g_clear_object (&session);
  g_main_context_pop_thread_default (context);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
