/* test-worker.c: worker threads are counted until they return, and can be waited for. */
#include "config.h"

#include "dm-worker.h"

static void
slow_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_task_return_boolean (task, TRUE);
}

static void
test_wait_idle (void)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  gint64 start = g_get_monotonic_time ();

  dm_worker_run (task, slow_thread);
  g_assert_cmpuint (dm_worker_get_n_running (), ==, 1);
  /* Too short a wait says it is not idle yet. */
  g_assert_false (dm_worker_wait_idle (10));
  g_assert_true (dm_worker_wait_idle (5000));
  g_assert_cmpuint (dm_worker_get_n_running (), ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 250 * G_TIME_SPAN_MILLISECOND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/worker/wait-idle", test_wait_idle);
  return g_test_run ();
}
