/* dm-worker.c: GTask threads that the process waits for before it exits.
 *
 * GDAL tears itself down in a library destructor (GDALDestroy) when the
 * process exits; a GTask thread still reading a day or running GEOS then
 * touches freed drivers and the process dies at exit, after its work was
 * done (seen as a SIGSEGV after the last window test passed). Every
 * worker that may use GDAL, GEOS or the shared geodata is started here,
 * counted, and waited for by an atexit handler. That handler is
 * registered after the libraries were loaded, so it runs before their
 * destructors. A worker that does not finish in time is left: exiting is
 * never held up by more than a few seconds. */
#include "config.h"

#include <stdlib.h>

#include "dm-worker.h"

#define EXIT_WAIT_MS 5000

static GMutex lock;
static GCond idle;
static guint n_running;

static GQuark
func_quark (void)
{
  return g_quark_from_static_string ("dm-worker-func");
}

static void
at_exit (void)
{
  dm_worker_wait_idle (EXIT_WAIT_MS);
}

static void
worker_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GTaskThreadFunc func = (GTaskThreadFunc) g_object_get_qdata (G_OBJECT (task), func_quark ());

  func (task, source_object, task_data, cancellable);
  g_mutex_lock (&lock);
  if (--n_running == 0)
    g_cond_broadcast (&idle);
  g_mutex_unlock (&lock);
}

/* As g_task_run_in_thread, counted until func returns. */
void
dm_worker_run (GTask           *task,
               GTaskThreadFunc  func)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      atexit (at_exit);
      g_once_init_leave (&registered, 1);
    }
  g_object_set_qdata (G_OBJECT (task), func_quark (), (gpointer) func);
  g_mutex_lock (&lock);
  n_running++;
  g_mutex_unlock (&lock);
  g_task_run_in_thread (task, worker_thread);
}

guint
dm_worker_get_n_running (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = n_running;
  g_mutex_unlock (&lock);
  return n;
}

/* TRUE when no worker runs, waiting up to timeout_ms for the last one. */
gboolean
dm_worker_wait_idle (guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * G_TIME_SPAN_MILLISECOND;
  gboolean done;

  g_mutex_lock (&lock);
  while (n_running > 0 && g_cond_wait_until (&idle, &lock, end))
    ;
  done = n_running == 0;
  g_mutex_unlock (&lock);
  return done;
}
