/* dm-cli-animate.c: `demarcate export -o FILE.webm|mp4|gif`: a time-lapse of the line, or the proposals in turn. */
#include "config.h"

#include <signal.h>
#include <unistd.h>
#include <glib-unix.h>
#include <glib/gi18n.h>

#include "dm-animation-frames.h"
#include "dm-cli-private.h"
#include "dm-error.h"
#include "dm-series.h"

typedef struct
{
  GMainLoop          *loop;
  GCancellable       *cancellable;
  DmAnimationOptions *options;
  DmGeodata          *geodata;
  const char         *path;
  GError             *error;
  gboolean            ok;
  gboolean            tty;
} Job;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Job *job = user_data;

  if (job->tty)
    {
      g_printerr ("\r");
      g_printerr (_("demarcate: frame %u of %u"), done, total);
    }
}

static gboolean
job_done_cb (gpointer user_data)
{
  Job *job = user_data;

  g_main_loop_quit (job->loop);
  return G_SOURCE_REMOVE;
}

static gpointer
job_thread (gpointer user_data)
{
  Job *job = user_data;

  job->ok = dm_animation_write (job->geodata, job->options, job->path, job->cancellable,
                                &job->error);
  g_idle_add (job_done_cb, job);
  return NULL;
}

/* Ctrl+C cancels; the target is left as it was. */
static gboolean
interrupt_cb (gpointer user_data)
{
  Job *job = user_data;

  g_cancellable_cancel (job->cancellable);
  return G_SOURCE_CONTINUE;
}

/* Runs the animation with the options the export command parsed; the
 * frames come from days (a time-lapse of scenario) or from proposals. */
int
_dm_cli_animate (DmCliData          *data,
                 DmAnimationOptions *options,
                 DmScenario         *scenario,
                 GPtrArray          *days,
                 GPtrArray          *proposals,
                 gboolean            own_day,
                 const char         *path)
{
  /* The frames are the export dialog's too: one code path. */
  g_autoptr(DmAnimationFrames) frames =
    days != NULL ? dm_animation_frames_new_time_lapse (data->catalog, data->geodata, scenario, days)
                 : dm_animation_frames_new_proposals (data->catalog, data->geodata, proposals,
                                                      own_day ? NULL : data->partition);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Job job = { loop, cancellable, options, data->geodata, path, NULL, FALSE, isatty (2) };
  GThread *thread;
  guint sigint_id;
  gint64 t0 = g_get_monotonic_time ();

  dm_animation_frames_apply (frames, options);
  options->progress_func = progress_cb;
  options->progress_data = &job;

  sigint_id = g_unix_signal_add (SIGINT, interrupt_cb, &job);
  thread = g_thread_new ("animation", job_thread, &job);
  g_main_loop_run (loop);
  g_thread_join (thread);
  g_source_remove (sigint_id);
  if (job.tty)
    g_printerr ("\n");

  if (!job.ok)
    {
      if (g_cancellable_is_cancelled (cancellable))
        _dm_cli_error (_("cancelled; nothing was written"));
      else
        _dm_cli_error (job.error->message);
      g_clear_error (&job.error);
      return DM_EXIT_ERROR;
    }
  if (g_getenv ("DEMARCATE_TIMING") != NULL)
    g_printerr ("demarcate: %u frames %.1f ms\n", options->n_frames,
                (g_get_monotonic_time () - t0) / 1000.0);
  return DM_EXIT_OK;
}
