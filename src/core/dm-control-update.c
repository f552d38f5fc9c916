/* dm-control-update.c: fetches, on request, the DeepStateMap days newer than the app has; reports each on the caller's main context. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-catalog.h"
#include "dm-worker.h"
#include "dm-control-update-private.h"
#include "dm-error.h"

struct _DmControlUpdate
{
  GObject    parent_instance;
  char      *base_url;  /* ends with '/' */
  char      *dest_dir;
  GDate      first;
  char      *first_text; /* YYYY-MM-DD */
  char      *last_text;
  guint      n_total;
  goffset    max_bytes;
  gboolean   started;

  /* Touched only on the main context run_async was called from. */
  GPtrArray *days;      /* DmControlDay, in date order */
  guint      n_checked;
  guint      n_stored;
  guint      n_missing;
  guint      n_refused;
};

G_DEFINE_FINAL_TYPE (DmControlUpdate, dm_control_update, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (DmControlDay, dm_control_day, dm_control_day_copy, dm_control_day_free)

enum {
  PROP_0,
  PROP_N_TOTAL,
  PROP_N_CHECKED,
  PROP_N_STORED,
  PROP_N_MISSING,
  PROP_N_REFUSED,
  N_PROPS
};

enum {
  DAY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  DmUpdateJob   fetch;
  GMainContext *context;
} Job;

typedef struct
{
  DmControlUpdate *self;
  DmControlDay    *day;
} Report;

DmControlDay *
dm_control_day_copy (const DmControlDay *day)
{
  DmControlDay *copy = g_new0 (DmControlDay, 1);

  copy->date = g_strdup (day->date);
  copy->url = g_strdup (day->url);
  copy->outcome = day->outcome;
  copy->path = g_strdup (day->path);
  copy->message = g_strdup (day->message);
  return copy;
}

void
dm_control_day_free (DmControlDay *day)
{
  if (day == NULL)
    return;
  g_free (day->date);
  g_free (day->url);
  g_free (day->path);
  g_free (day->message);
  g_free (day);
}

static void
job_free (Job *job)
{
  g_free (job->fetch.base_url);
  g_free (job->fetch.dest_dir);
  g_main_context_unref (job->context);
  g_free (job);
}

static void
report_free (Report *report)
{
  g_object_unref (report->self);
  dm_control_day_free (report->day);
  g_free (report);
}

static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  static const int digits[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
  guint y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (!g_ascii_isdigit (text[digits[i]]))
      return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* deepstatemap_data_20260823.geojson for 2026-08-23, as the archive names its files. */
char *
dm_control_update_file_name (const char *date)
{
  GDate d;

  g_return_val_if_fail (parse_iso_date (date, &d), NULL);
  return g_strdup_printf ("deepstatemap_data_%04u%02u%02u.geojson", g_date_get_year (&d),
                          g_date_get_month (&d), g_date_get_day (&d));
}

/* The newest day stored in dir as deepstatemap_data_YYYYMMDD.geojson, as
 * YYYY-MM-DD, or NULL when there is none (or no folder yet). */
char *
dm_control_dir_latest_date (const char *dir)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  g_autoptr(GRegex) regex = NULL;
  g_autofree char *latest = NULL;
  const char *name;

  if (gdir == NULL)
    return NULL;
  regex = g_regex_new ("^deepstatemap_data_(\\d{4})(\\d{2})(\\d{2})\\.geojson$", 0, 0, NULL);
  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *y = NULL, *m = NULL, *d = NULL, *iso = NULL;
      GDate date;

      if (!g_regex_match (regex, name, 0, &match))
        continue;
      y = g_match_info_fetch (match, 1);
      m = g_match_info_fetch (match, 2);
      d = g_match_info_fetch (match, 3);
      iso = g_strdup_printf ("%s-%s-%s", y, m, d);
      if (parse_iso_date (iso, &date) && g_strcmp0 (iso, latest) > 0)
        {
          g_free (latest);
          latest = g_steal_pointer (&iso);
        }
    }
  return g_steal_pointer (&latest);
}

/* Today in UTC: the archive's job names its files by the UTC day. */
char *
dm_control_update_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
dm_control_update_finalize (GObject *object)
{
  DmControlUpdate *self = DM_CONTROL_UPDATE (object);

  g_free (self->base_url);
  g_free (self->dest_dir);
  g_free (self->first_text);
  g_free (self->last_text);
  g_clear_pointer (&self->days, g_ptr_array_unref);
  G_OBJECT_CLASS (dm_control_update_parent_class)->finalize (object);
}

static void
dm_control_update_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DmControlUpdate *self = DM_CONTROL_UPDATE (object);

  switch (prop_id)
    {
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_N_CHECKED:
      g_value_set_uint (value, self->n_checked);
      break;
    case PROP_N_STORED:
      g_value_set_uint (value, self->n_stored);
      break;
    case PROP_N_MISSING:
      g_value_set_uint (value, self->n_missing);
      break;
    case PROP_N_REFUSED:
      g_value_set_uint (value, self->n_refused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_control_update_class_init (DmControlUpdateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = dm_control_update_finalize;
  object_class->get_property = dm_control_update_get_property;

  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_CHECKED] = g_param_spec_uint ("n-checked", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_STORED] = g_param_spec_uint ("n-stored", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_MISSING] = g_param_spec_uint ("n-missing", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_REFUSED] = g_param_spec_uint ("n-refused", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted on the context run_async was called from, once per day asked
   * for and after the counts include it, so a window can show progress. */
  signals[DAY] = g_signal_new ("day", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                               NULL, NULL, NULL, G_TYPE_NONE, 1,
                               DM_TYPE_CONTROL_DAY | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
dm_control_update_init (DmControlUpdate *self)
{
  self->max_bytes = DM_CONTROL_UPDATE_MAX_BYTES;
  self->days = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_control_day_free);
}

/* Downloads go over HTTPS; plain HTTP only to this computer (tests, a
 * local mirror), where nobody can tamper with it on the way. */
static char *
check_base_url (const char  *base_url,
                GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme, *host;

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("“%s” is not a web address: %s; give the folder’s address, such as %s"),
                   base_url, local_error->message, DM_CONTROL_UPDATE_DEFAULT_URL);
      return NULL;
    }
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri) ? g_uri_get_host (uri) : "";
  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      !(g_ascii_strcasecmp (scheme, "http") == 0 &&
        (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") ||
         g_ascii_strcasecmp (host, "localhost") == 0)))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("“%s”: only https:// addresses are fetched (http:// only from this "
                     "computer); use the archive’s https:// address"), base_url);
      return NULL;
    }
  if (g_str_has_suffix (base_url, "/"))
    return g_strdup (base_url);
  return g_strconcat (base_url, "/", NULL);
}

/* Fetches days after `after` through `last` (NULL: today, UTC) from
 * base_url (NULL: the public archive) into dest_dir (NULL: the user's
 * control folder). Nothing touches the network until run_async. */
DmControlUpdate *
dm_control_update_new (const char  *base_url,
                       const char  *after,
                       const char  *last,
                       const char  *dest_dir,
                       GError     **error)
{
  g_autoptr(DmControlUpdate) self = g_object_new (DM_TYPE_CONTROL_UPDATE, NULL);
  g_autofree char *today = NULL;
  GDate after_date, last_date;

  if (!parse_iso_date (after, &after_date))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("“%s” is not a date; give the newest day the app has as YYYY-MM-DD"),
                   after ? after : "");
      return NULL;
    }
  if (last == NULL)
    last = today = dm_control_update_today ();
  if (!parse_iso_date (last, &last_date))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("“%s” is not a date; give the last day to fetch as YYYY-MM-DD"), last);
      return NULL;
    }

  self->base_url = check_base_url (base_url ? base_url : DM_CONTROL_UPDATE_DEFAULT_URL, error);
  if (self->base_url == NULL)
    return NULL;
  self->dest_dir = dest_dir ? g_strdup (dest_dir) : dm_user_control_dir ();

  self->first = after_date;
  g_date_add_days (&self->first, 1);
  self->first_text = format_iso_date (&self->first);
  self->last_text = format_iso_date (&last_date);
  if (g_date_compare (&self->first, &last_date) <= 0)
    self->n_total = (guint) g_date_days_between (&self->first, &last_date) + 1;
  return g_steal_pointer (&self);
}

/* For tests; the default, DM_CONTROL_UPDATE_MAX_BYTES, suits the archive. */
void
dm_control_update_set_max_bytes (DmControlUpdate *self,
                                 goffset          max_bytes)
{
  g_return_if_fail (DM_IS_CONTROL_UPDATE (self));
  g_return_if_fail (!self->started);
  g_return_if_fail (max_bytes > 0);
  self->max_bytes = max_bytes;
}

const char *
dm_control_update_get_base_url (DmControlUpdate *self)
{
  return self->base_url;
}

/* The first and last day asked for, as YYYY-MM-DD (first > last when up to date). */
const char *
dm_control_update_get_first (DmControlUpdate *self)
{
  return self->first_text;
}

const char *
dm_control_update_get_last (DmControlUpdate *self)
{
  return self->last_text;
}

const char *
dm_control_update_get_dest_dir (DmControlUpdate *self)
{
  return self->dest_dir;
}

guint
dm_control_update_get_n_total (DmControlUpdate *self)
{
  return self->n_total;
}

guint
dm_control_update_get_n_checked (DmControlUpdate *self)
{
  return self->n_checked;
}

guint
dm_control_update_get_n_stored (DmControlUpdate *self)
{
  return self->n_stored;
}

guint
dm_control_update_get_n_missing (DmControlUpdate *self)
{
  return self->n_missing;
}

guint
dm_control_update_get_n_refused (DmControlUpdate *self)
{
  return self->n_refused;
}

/* Every day asked for so far (DmControlDay), oldest first. */
GPtrArray *
dm_control_update_get_days (DmControlUpdate *self)
{
  return self->days;
}

/* Main context: the day joins the counts, then listeners hear of it. */
static gboolean
day_reported_cb (gpointer data)
{
  Report *report = data;
  DmControlUpdate *self = report->self;
  DmControlDay *day = report->day;

  g_ptr_array_add (self->days, g_steal_pointer (&report->day));
  g_object_freeze_notify (G_OBJECT (self));
  self->n_checked++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHECKED]);
  switch (day->outcome)
    {
    case DM_CONTROL_DAY_STORED:
      self->n_stored++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STORED]);
      break;
    case DM_CONTROL_DAY_MISSING:
      self->n_missing++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MISSING]);
      break;
    case DM_CONTROL_DAY_REFUSED:
    default:
      self->n_refused++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REFUSED]);
      break;
    }
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[DAY], 0, day);
  return G_SOURCE_REMOVE;
}

/* Worker thread: each day goes to the caller's context as it is done. */
static void
post_day (DmControlDay *day,
          gpointer      user_data)
{
  GTask *task = user_data;
  const Job *job = g_task_get_task_data (task);
  Report *report = g_new0 (Report, 1);

  report->self = g_object_ref (g_task_get_source_object (task));
  report->day = day;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, day_reported_cb, report,
                              (GDestroyNotify) report_free);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const Job *job = task_data;
  GError *error = NULL;

  /* Queued after every report on the same context, so the callback
   * sees the final counts. */
  if (_dm_control_update_fetch (&job->fetch, post_day, task, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Asks for every day after the newest one the app has, in a worker
 * thread; "day" and the count properties report each on the calling
 * thread's main context. Days stored stay stored when the run fails or is
 * cancelled; one object runs once. */
void
dm_control_update_run_async (DmControlUpdate     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (DM_IS_CONTROL_UPDATE (self));
  g_return_if_fail (!self->started);

  self->started = TRUE;
  job = g_new0 (Job, 1);
  job->fetch.base_url = g_strdup (self->base_url);
  job->fetch.dest_dir = g_strdup (self->dest_dir);
  job->fetch.first = self->first;
  job->fetch.n_days = self->n_total;
  job->fetch.max_bytes = self->max_bytes;
  job->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dm_control_update_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  dm_worker_run (task, run_in_thread);
}

gboolean
dm_control_update_run_finish (DmControlUpdate  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
