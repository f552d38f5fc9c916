/* test-update.c: fetching newer days from a server on 127.0.0.1: stored, skipped, refused, cancelled, and `demarcate update`. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "dm-catalog.h"
#include "dm-control-update.h"
#include "dm-error.h"

typedef enum
{
  SERVE_BODY,
  SERVE_CHUNKED,
  SERVE_STATUS,
  SERVE_HANG,
} ServeKind;

typedef struct
{
  ServeKind  kind;
  GBytes    *body;
  guint      status;
} Route;

typedef struct
{
  SoupServer *server;
  char       *url;        /* http://127.0.0.1:PORT/ */
  GHashTable *routes;     /* "/deepstatemap_data_YYYYMMDD.geojson" → Route */
  GPtrArray  *requests;   /* paths asked for, in order */
  char       *user_agent; /* of the last request */
} TestServer;

static void
route_free (Route *route)
{
  g_clear_pointer (&route->body, g_bytes_unref);
  g_free (route);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  TestServer *ts = user_data;
  Route *route = g_hash_table_lookup (ts->routes, path);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *agent;

  g_ptr_array_add (ts->requests, g_strdup (path));
  agent = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                        "User-Agent");
  g_free (ts->user_agent);
  ts->user_agent = g_strdup (agent);

  if (route == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  switch (route->kind)
    {
    case SERVE_BODY:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (route->body, NULL),
                                        g_bytes_get_size (route->body));
      break;
    case SERVE_CHUNKED:
      {
        SoupMessageBody *body = soup_server_message_get_response_body (msg);

        soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
        soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
        soup_message_body_append_bytes (body, route->body);
        soup_message_body_complete (body);
        break;
      }
    case SERVE_STATUS:
      soup_server_message_set_status (msg, route->status, NULL);
      break;
    case SERVE_HANG:
    default:
      /* Never answered: the client waits until it is cancelled. */
      soup_server_message_pause (msg);
      break;
    }
}

static TestServer *
test_server_new (void)
{
  TestServer *ts = g_new0 (TestServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  ts->server = soup_server_new (NULL, NULL);
  ts->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) route_free);
  ts->requests = g_ptr_array_new_with_free_func (g_free);
  soup_server_add_handler (ts->server, NULL, server_cb, ts, NULL);
  g_assert_true (soup_server_listen_local (ts->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (ts->server);
  g_assert_nonnull (uris);
  ts->url = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return ts;
}

static void
test_server_free (TestServer *ts)
{
  soup_server_disconnect (ts->server);
  g_object_unref (ts->server);
  g_hash_table_unref (ts->routes);
  g_ptr_array_unref (ts->requests);
  g_free (ts->user_agent);
  g_free (ts->url);
  g_free (ts);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)

static void
serve (TestServer *ts,
       const char *date,
       ServeKind   kind,
       GBytes     *body,
       guint       status)
{
  g_autofree char *name = dm_control_update_file_name (date);
  Route *route = g_new0 (Route, 1);

  route->kind = kind;
  route->body = body ? g_bytes_ref (body) : NULL;
  route->status = status;
  g_hash_table_insert (ts->routes, g_strconcat ("/", name, NULL), route);
}

/* Two real days from the public archive, byte for byte. */
static GBytes *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static GBytes *
day_a (void)
{
  return fixture ("deepstatemap_data_20260821.geojson");
}

static GBytes *
day_b (void)
{
  return fixture ("deepstatemap_data_20260822.geojson");
}

static GBytes *
truncated (GBytes *bytes)
{
  return g_bytes_new_from_bytes (bytes, 0, g_bytes_get_size (bytes) / 3);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every name in dir, sorted and comma-separated: hidden temporary files show. */
static char *
dir_names (const char *dir)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (gdir == NULL)
    return g_strdup ("");
  while ((name = g_dir_read_name (gdir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

static void
assert_file_bytes (const char *dir,
                   const char *date,
                   GBytes     *expected)
{
  g_autofree char *name = dm_control_update_file_name (date);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (data, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  const char *name;

  if (gdir == NULL)
    return;
  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  GCancellable *cancel_after_first; /* cancelled a moment after the first day */
  GArray       *checked_seen;       /* n-checked at each "day" */
  GPtrArray    *days;               /* DmControlDay copies, as signalled */
  guint         n_notify_checked;
} Watch;

static void
watch_clear (Watch *watch)
{
  g_clear_pointer (&watch->loop, g_main_loop_unref);
  g_clear_object (&watch->result);
  g_clear_pointer (&watch->checked_seen, g_array_unref);
  g_clear_pointer (&watch->days, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Watch, watch_clear)

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Watch *watch = user_data;

  watch->result = g_object_ref (result);
  g_main_loop_quit (watch->loop);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
day_cb (DmControlUpdate    *update,
        const DmControlDay *day,
        Watch              *watch)
{
  guint checked = dm_control_update_get_n_checked (update);

  g_array_append_val (watch->checked_seen, checked);
  g_ptr_array_add (watch->days, dm_control_day_copy (day));
  if (watch->cancel_after_first != NULL && watch->days->len == 1)
    /* Late enough that the worker is waiting on the next day's answer. */
    g_timeout_add_full (G_PRIORITY_DEFAULT, 200, cancel_cb,
                        g_object_ref (watch->cancel_after_first), g_object_unref);
}

static void
notify_checked_cb (DmControlUpdate *update,
                   GParamSpec      *pspec,
                   Watch           *watch)
{
  watch->n_notify_checked++;
}

/* Runs the update on this thread's main loop, which also serves. */
static gboolean
run_update (DmControlUpdate  *update,
            Watch            *watch,
            GCancellable     *cancellable,
            GError          **error)
{
  watch->loop = g_main_loop_new (NULL, FALSE);
  watch->checked_seen = g_array_new (FALSE, FALSE, sizeof (guint));
  watch->days = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_control_day_free);
  g_signal_connect (update, "day", G_CALLBACK (day_cb), watch);
  g_signal_connect (update, "notify::n-checked", G_CALLBACK (notify_checked_cb), watch);
  dm_control_update_run_async (update, cancellable, run_done_cb, watch);
  g_main_loop_run (watch->loop);
  return dm_control_update_run_finish (update, watch->result, error);
}

static void
test_names (void)
{
  g_autofree char *dir = g_dir_make_tmp ("demarcate-update-XXXXXX", NULL);
  g_autofree char *name = dm_control_update_file_name ("2026-08-23");
  g_autofree char *user_dir = dm_user_control_dir ();
  g_autofree char *expected_user = g_build_filename (g_get_user_data_dir (), "demarcate",
                                                     "control", NULL);
  g_autofree char *latest = NULL;
  g_autofree char *today = dm_control_update_today ();
  const char *files[] = {
    "deepstatemap_data_20260901.geojson", "deepstatemap_data_20260830.geojson",
    "deepstatemap_data_20261399.geojson", "deepstatemap_data_20270101.geojson.tmp",
    ".deepstatemap_data_20280101.geojson.ABCDEF", "notes.txt", NULL
  };

  g_assert_cmpstr (name, ==, "deepstatemap_data_20260823.geojson");
  g_assert_cmpstr (user_dir, ==, expected_user);
  g_assert_cmpuint (strlen (today), ==, 10);

  g_assert_null (dm_control_dir_latest_date (dir));
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);

      g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
    }
  /* Not a real date, not the archive's name, or a temporary file: passed over. */
  latest = dm_control_dir_latest_date (dir);
  g_assert_cmpstr (latest, ==, "2026-09-01");
  remove_dir (dir);
}

static void
test_new_checks (void)
{
  g_autoptr(DmControlUpdate) update = NULL;
  g_autoptr(DmControlUpdate) upto = NULL;
  g_autoptr(DmControlUpdate) https = NULL;
  g_autoptr(GError) error = NULL;

  update = dm_control_update_new ("http://127.0.0.1:1", "2026-08-22", "2026-08-25", "/nowhere",
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dm_control_update_get_base_url (update), ==, "http://127.0.0.1:1/");
  g_assert_cmpstr (dm_control_update_get_first (update), ==, "2026-08-23");
  g_assert_cmpstr (dm_control_update_get_last (update), ==, "2026-08-25");
  g_assert_cmpuint (dm_control_update_get_n_total (update), ==, 3);

  https = dm_control_update_new (NULL, "2026-08-22", "2026-09-22", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dm_control_update_get_base_url (https), ==, DM_CONTROL_UPDATE_DEFAULT_URL);
  g_assert_cmpuint (dm_control_update_get_n_total (https), ==, 31);

  /* No last day: today, UTC; no folder: the user's control folder. */
  {
    g_autofree char *before = dm_control_update_today ();
    g_autoptr(DmControlUpdate) today = dm_control_update_new (NULL, "2026-08-22", NULL, NULL,
                                                              &error);
    g_autofree char *after = dm_control_update_today ();
    g_autofree char *user_dir = dm_user_control_dir ();

    g_assert_no_error (error);
    g_assert_true (g_str_equal (dm_control_update_get_last (today), before) ||
                   g_str_equal (dm_control_update_get_last (today), after));
    g_assert_cmpstr (dm_control_update_get_dest_dir (today), ==, user_dir);
  }

  upto = dm_control_update_new (NULL, "2026-08-22", "2026-08-22", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dm_control_update_get_n_total (upto), ==, 0);

  /* Plain HTTP only to this computer; other schemes and bad dates refused. */
  g_assert_null (dm_control_update_new ("http://example.com/data/", "2026-08-22", NULL, NULL,
                                        &error));
  g_assert_error (error, DM_ERROR, DM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "https://"));
  g_clear_error (&error);
  g_assert_null (dm_control_update_new ("ftp://127.0.0.1/", "2026-08-22", NULL, NULL, &error));
  g_assert_error (error, DM_ERROR, DM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (dm_control_update_new (NULL, "2026-8-22", NULL, NULL, &error));
  g_assert_error (error, DM_ERROR, DM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (dm_control_update_new (NULL, "2026-08-22", "2026-02-30", NULL, &error));
  g_assert_error (error, DM_ERROR, DM_ERROR_INVALID);
}

static void
test_up_to_date (void)
{
  g_autoptr(TestServer) ts = test_server_new ();
  g_autofree char *dir = g_dir_make_tmp ("demarcate-update-XXXXXX", NULL);
  g_autofree char *dest = g_build_filename (dir, "control", NULL);
  g_autoptr(DmControlUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Watch) watch = { NULL };

  update = dm_control_update_new (ts->url, "2026-08-25", "2026-08-24", dest, &error);
  g_assert_no_error (error);
  g_assert_true (run_update (update, &watch, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ts->requests->len, ==, 0);
  g_assert_cmpuint (watch.days->len, ==, 0);
  /* Nothing to fetch, nothing created. */
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

static void
test_fetch (void)
{
  g_autoptr(TestServer) ts = test_server_new ();
  g_autofree char *dir = g_dir_make_tmp ("demarcate-update-XXXXXX", NULL);
  g_autofree char *dest = g_build_filename (dir, "demarcate", "control", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GBytes) a = day_a ();
  g_autoptr(GBytes) b = day_b ();
  g_autoptr(GBytes) corrupt = truncated (a);
  g_autoptr(GBytes) points = text_bytes (
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
    "\"geometry\":{\"type\":\"Point\",\"coordinates\":[37.5,47.9]}}]}");
  /* Web Mercator metres with no "crs" member: not longitude and latitude. */
  g_autoptr(GBytes) projected = text_bytes (
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[4100000,6000000],[4200000,6000000],"
    "[4200000,6100000],[4100000,6000000]]]}}]}");
  g_autoptr(DmControlUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Watch) watch = { NULL };
  const char *expected_outcome[] = { "stored", "missing", "refused", "stored", "refused",
                                     "refused" };

  serve (ts, "2026-08-23", SERVE_BODY, a, 0);
  /* 2026-08-24: not published (404). */
  serve (ts, "2026-08-25", SERVE_BODY, corrupt, 0);
  serve (ts, "2026-08-26", SERVE_CHUNKED, b, 0);
  serve (ts, "2026-08-27", SERVE_BODY, points, 0);
  serve (ts, "2026-08-28", SERVE_BODY, projected, 0);

  update = dm_control_update_new (ts->url, "2026-08-22", "2026-08-28", dest, &error);
  g_assert_no_error (error);
  g_assert_true (run_update (update, &watch, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (dm_control_update_get_n_total (update), ==, 6);
  g_assert_cmpuint (dm_control_update_get_n_checked (update), ==, 6);
  g_assert_cmpuint (dm_control_update_get_n_stored (update), ==, 2);
  g_assert_cmpuint (dm_control_update_get_n_missing (update), ==, 1);
  g_assert_cmpuint (dm_control_update_get_n_refused (update), ==, 3);

  /* Each day asked for once, in order, with the app's User-Agent. */
  g_assert_cmpuint (ts->requests->len, ==, 6);
  g_assert_cmpstr (ts->requests->pdata[0], ==, "/deepstatemap_data_20260823.geojson");
  g_assert_cmpstr (ts->requests->pdata[5], ==, "/deepstatemap_data_20260828.geojson");
  g_assert_true (g_str_has_prefix (ts->user_agent, "Demarcate/" PACKAGE_VERSION " ("));

  /* Progress: one "day" per day, the counts already including it. */
  g_assert_cmpuint (watch.days->len, ==, 6);
  g_assert_cmpuint (watch.n_notify_checked, ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      DmControlDay *day = g_ptr_array_index (watch.days, i);
      DmControlDay *kept = g_ptr_array_index (dm_control_update_get_days (update), i);
      g_autofree char *date = g_strdup_printf ("2026-08-%02u", 23 + i);
      g_autofree char *name = dm_control_update_file_name (date);
      g_autofree char *url = g_strconcat (ts->url, name, NULL);
      const char *outcome = day->outcome == DM_CONTROL_DAY_STORED ? "stored"
                            : day->outcome == DM_CONTROL_DAY_MISSING ? "missing" : "refused";

      g_assert_cmpuint (g_array_index (watch.checked_seen, guint, i), ==, i + 1);
      g_assert_cmpstr (day->date, ==, date);
      g_assert_cmpstr (day->url, ==, url);
      g_assert_cmpstr (outcome, ==, expected_outcome[i]);
      g_assert_cmpstr (kept->date, ==, day->date);
      g_assert_true ((day->path != NULL) == (day->outcome == DM_CONTROL_DAY_STORED));
      g_assert_true ((day->message != NULL) == (day->outcome == DM_CONTROL_DAY_REFUSED));
      /* Users see the date and URL, not the hidden temporary file. */
      if (day->message != NULL)
        g_assert_null (strstr (day->message, ".XXXXXX"));
      if (day->message != NULL)
        g_assert_null (strstr (day->message, dest));
    }
  g_assert_nonnull (strstr (((DmControlDay *) watch.days->pdata[2])->message, "damaged"));
  g_assert_nonnull (strstr (((DmControlDay *) watch.days->pdata[4])->message, "polygons"));
  g_assert_nonnull (strstr (((DmControlDay *) watch.days->pdata[5])->message,
                            "not longitude and latitude"));

  /* Only the good days, byte for byte as served, and no temporary files. */
  names = dir_names (dest);
  g_assert_cmpstr (names, ==,
                   "deepstatemap_data_20260823.geojson,deepstatemap_data_20260826.geojson");
  assert_file_bytes (dest, "2026-08-23", a);
  assert_file_bytes (dest, "2026-08-26", b);
  {
    g_autofree char *stored = g_build_filename (dest, "deepstatemap_data_20260826.geojson", NULL);

    g_assert_cmpstr (((DmControlDay *) watch.days->pdata[3])->path, ==, stored);
  }
  remove_dir (dir);
}

static void
test_too_large (void)
{
  g_autoptr(TestServer) ts = test_server_new ();
  g_autofree char *dir = g_dir_make_tmp ("demarcate-update-XXXXXX", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GBytes) a = day_a ();
  g_autoptr(DmControlUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Watch) watch = { NULL };

  /* Refused by its Content-Length, then (chunked, no length) while reading. */
  serve (ts, "2026-08-23", SERVE_BODY, a, 0);
  serve (ts, "2026-08-24", SERVE_CHUNKED, a, 0);
  update = dm_control_update_new (ts->url, "2026-08-22", "2026-08-24", dir, &error);
  g_assert_no_error (error);
  dm_control_update_set_max_bytes (update, 50000);
  g_assert_true (run_update (update, &watch, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (dm_control_update_get_n_refused (update), ==, 2);
  g_assert_cmpuint (dm_control_update_get_n_stored (update), ==, 0);
  for (guint i = 0; i < 2; i++)
    g_assert_nonnull (strstr (((DmControlDay *) watch.days->pdata[i])->message, "too large"));
  names = dir_names (dir);
  g_assert_cmpstr (names, ==, "");
  remove_dir (dir);
}

static void
test_server_error (void)
{
  g_autoptr(TestServer) ts = test_server_new ();
  g_autofree char *dir = g_dir_make_tmp ("demarcate-update-XXXXXX", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GBytes) a = day_a ();
  g_autoptr(DmControlUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Watch) watch = { NULL };

  serve (ts, "2026-08-23", SERVE_BODY, a, 0);
  serve (ts, "2026-08-24", SERVE_STATUS, NULL, SOUP_STATUS_INTERNAL_SERVER_ERROR);
  serve (ts, "2026-08-25", SERVE_BODY, a, 0);
  update = dm_control_update_new (ts->url, "2026-08-22", "2026-08-25", dir, &error);
  g_assert_no_error (error);
  g_assert_false (run_update (update, &watch, NULL, &error));

  /* The run stops at the error, naming the URL; the day before stays. */
  g_assert_error (error, DM_ERROR, DM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "deepstatemap_data_20260824.geojson"));
  g_assert_nonnull (strstr (error->message, "500"));
  g_assert_cmpuint (ts->requests->len, ==, 2);
  g_assert_cmpuint (dm_control_update_get_n_checked (update), ==, 1);
  names = dir_names (dir);
  g_assert_cmpstr (names, ==, "deepstatemap_data_20260823.geojson");
  remove_dir (dir);
}

static void
test_unreachable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("demarcate-update-XXXXXX", NULL);
  g_autofree char *url = NULL;
  g_autofree char *names = NULL;
  g_autoptr(DmControlUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Watch) watch = { NULL };

  /* A port that was just free again: nobody listens there. */
  {
    g_autoptr(TestServer) ts = test_server_new ();

    url = g_strdup (ts->url);
  }
  update = dm_control_update_new (url, "2026-08-22", "2026-08-30", dir, &error);
  g_assert_no_error (error);
  g_assert_false (run_update (update, &watch, NULL, &error));
  g_assert_error (error, DM_ERROR, DM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "cannot be fetched"));
  g_assert_cmpuint (dm_control_update_get_n_checked (update), ==, 0);
  names = dir_names (dir);
  g_assert_cmpstr (names, ==, "");
  remove_dir (dir);
}

static void
test_cancel (void)
{
  g_autoptr(TestServer) ts = test_server_new ();
  g_autofree char *dir = g_dir_make_tmp ("demarcate-update-XXXXXX", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GBytes) a = day_a ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(DmControlUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Watch) watch = { NULL };
  gint64 start;

  serve (ts, "2026-08-23", SERVE_BODY, a, 0);
  serve (ts, "2026-08-24", SERVE_HANG, NULL, 0);
  serve (ts, "2026-08-25", SERVE_BODY, a, 0);
  update = dm_control_update_new (ts->url, "2026-08-22", "2026-08-25", dir, &error);
  g_assert_no_error (error);

  watch.cancel_after_first = cancellable;
  start = g_get_monotonic_time ();
  g_assert_false (run_update (update, &watch, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Well before the 30-second timeout: the waiting request was dropped. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  g_assert_cmpuint (dm_control_update_get_n_checked (update), ==, 1);
  g_assert_cmpuint (ts->requests->len, ==, 2);
  names = dir_names (dir);
  g_assert_cmpstr (names, ==, "deepstatemap_data_20260823.geojson");
  remove_dir (dir);
}

/* `demarcate update` as a user runs it, against the loopback server. */
typedef struct
{
  GMainLoop *loop;
  char      *out;
  char      *err;
  int        status;
} CliRun;

static void
cli_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CliRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err,
                                        &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (G_SUBPROCESS (source)));
  run->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  g_main_loop_quit (run->loop);
}

static int
run_cli (const char          *data_home,
         const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("DEMARCATE_BINARY");
  CliRun run = { NULL };

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  /* "update" unless the arguments name another command. */
  if (args[0] == NULL || g_str_has_prefix (args[0], "-"))
    g_ptr_array_add (argv, (gpointer) "update");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  /* This loop serves the child's requests while it runs. */
  run.loop = g_main_loop_new (NULL, FALSE);
  g_subprocess_communicate_utf8_async (proc, NULL, NULL, cli_done_cb, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  *out = run.out;
  *err = run.err;
  return run.status;
}

static void
test_cli (void)
{
  g_autoptr(TestServer) ts = test_server_new ();
  g_autofree char *home = g_dir_make_tmp ("demarcate-update-XXXXXX", NULL);
  g_autofree char *dest = g_build_filename (home, "demarcate", "control", NULL);
  g_autofree char *seed = g_build_filename (dest, "deepstatemap_data_20260822.geojson", NULL);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL, *out4 = NULL, *err4 = NULL;
  g_autofree char *names = NULL;
  g_autofree char *refusal = NULL;
  g_autoptr(GBytes) a = day_a ();
  g_autoptr(GBytes) b = day_b ();
  g_autoptr(GBytes) corrupt = truncated (b);

  /* A day fetched before: the run starts after it, not after the bundled days. */
  g_assert_cmpint (g_mkdir_with_parents (dest, 0755), ==, 0);
  g_assert_true (g_file_set_contents (seed, g_bytes_get_data (b, NULL), g_bytes_get_size (b),
                                      NULL));
  serve (ts, "2026-08-23", SERVE_BODY, a, 0);
  serve (ts, "2026-08-25", SERVE_BODY, corrupt, 0);
  serve (ts, "2026-08-26", SERVE_BODY, b, 0);

  g_assert_cmpint (run_cli (home, (const char *[]) { "--from", ts->url, "--to", "2026-08-26",
                                                     NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "Checking 4 days, 2026-08-23 to 2026-08-26"));
  g_assert_nonnull (strstr (out, "Days checked: 4 of 4; fetched: 2; skipped (not published): "
                                 "1; refused: 1"));
  refusal = g_strdup_printf ("demarcate: 2026-08-25 (%sdeepstatemap_data_20260825.geojson): "
                             "refused and not stored: ", ts->url);
  g_assert_nonnull (strstr (err, refusal));
  names = dir_names (dest);
  g_assert_cmpstr (names, ==, "deepstatemap_data_20260822.geojson,"
                              "deepstatemap_data_20260823.geojson,"
                              "deepstatemap_data_20260826.geojson");
  assert_file_bytes (dest, "2026-08-23", a);
  assert_file_bytes (dest, "2026-08-26", b);

  /* The fetched days join every command: a day, a gap, the new range. */
  {
    g_autofree char *o = NULL, *e = NULL, *o2 = NULL, *e2 = NULL, *o3 = NULL, *e3 = NULL;

    g_assert_cmpint (run_cli (home, (const char *[]) { "stats", "-p", "line-of-contact",
                                                       "--date", "2026-08-26", "-f", "json",
                                                       NULL }, &o, &e), ==, 0);
    g_assert_nonnull (strstr (o, "\"control_date\" : \"2026-08-26\""));
    g_assert_cmpint (run_cli (home, (const char *[]) { "stats", "-p", "line-of-contact",
                                                       "--date", "2026-08-25", NULL }, &o2, &e2),
                     ==, 0);
    g_assert_nonnull (strstr (e2, "2026-08-25: no DeepStateMap file; using 2026-08-23"));
    g_assert_cmpint (run_cli (home, (const char *[]) { "stats", "-p", "line-of-contact",
                                                       "--date", "2026-08-27", NULL }, &o3, &e3),
                     ==, 2);
    g_assert_nonnull (strstr (e3, "2024-07-08 to 2026-08-26"));
  }

  /* Again: nothing newer to ask for, and no request made. */
  g_ptr_array_set_size (ts->requests, 0);
  g_assert_cmpint (run_cli (home, (const char *[]) { "--from", ts->url, "--to", "2026-08-26",
                                                     NULL }, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (out2, "Up to date: the newest day is 2026-08-26"));
  g_assert_cmpuint (ts->requests->len, ==, 0);

  /* Refused before any connection is made. */
  g_assert_cmpint (run_cli (home, (const char *[]) { "--from", "http://example.com/", NULL },
                            &out3, &err3), ==, 2);
  g_assert_nonnull (strstr (err3, "https://"));
  g_assert_cmpint (run_cli (home, (const char *[]) { "--to", "tomorrow", NULL }, &out4, &err4),
                   ==, 2);
  g_assert_nonnull (strstr (err4, "“tomorrow” is not a date"));
  remove_dir (home);
}

int
main (int    argc,
      char **argv)
{
  /* Loopback only: no proxy may stand between the tests and their server. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
  g_setenv ("no_proxy", "*", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/update/names", test_names);
  g_test_add_func ("/update/new-checks", test_new_checks);
  g_test_add_func ("/update/up-to-date", test_up_to_date);
  g_test_add_func ("/update/fetch", test_fetch);
  g_test_add_func ("/update/too-large", test_too_large);
  g_test_add_func ("/update/server-error", test_server_error);
  g_test_add_func ("/update/unreachable", test_unreachable);
  g_test_add_func ("/update/cancel", test_cancel);
  g_test_add_func ("/update/cli", test_cli);

  return g_test_run ();
}
