/* dm-cli-animate.c: `demarcate export -o FILE.webm|mp4|gif`: a time-lapse of the line, or the proposals in turn. */
#include "config.h"

#include <signal.h>
#include <unistd.h>
#include <glib-unix.h>
#include <glib/gi18n.h>

#include "dm-animation.h"
#include "dm-cli-private.h"
#include "dm-error.h"
#include "dm-series.h"

typedef struct
{
  DmCliData   *data;
  DmScenario  *scenario;    /* a time-lapse's proposal */
  GPtrArray   *days;        /* a time-lapse's const DmControlInfo * */
  GPtrArray   *proposals;   /* DmScenario *, proposals in turn */
  gboolean     own_day;     /* --date proposal: each on its own day */
} Frames;

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

static DmPartition *
load_day (Frames               *frames,
          const DmControlInfo  *info,
          GCancellable         *cancellable,
          GError              **error)
{
  g_autoptr(DmControlArea) control = dm_catalog_load_control (frames->data->catalog, info,
                                                              cancellable, error);

  if (control == NULL)
    return NULL;
  return dm_partition_derive (frames->data->geodata, control, cancellable, error);
}

/* On a painter thread: only reads what the frames share. */
static gboolean
frame_cb (guint              index,
          DmAnimationFrame  *frame,
          gpointer           user_data,
          GCancellable      *cancellable,
          GError           **error)
{
  Frames *frames = user_data;

  if (frames->days != NULL)
    {
      const DmControlInfo *info = g_ptr_array_index (frames->days, index);

      frame->scenario = g_object_ref (frames->scenario);
      frame->stamp = g_strdup (info->date);
      frame->partition = load_day (frames, info, cancellable, error);
      return frame->partition != NULL;
    }

  frame->scenario = g_object_ref (g_ptr_array_index (frames->proposals, index));
  if (frames->own_day)
    {
      g_autofree char *day = dm_catalog_proposal_day (frames->data->catalog,
                                                      dm_scenario_get_proposal (frame->scenario),
                                                      error);
      const DmControlInfo *info;

      if (day == NULL)
        return FALSE;
      info = dm_catalog_resolve_date (frames->data->catalog, day, NULL, error);
      if (info == NULL)
        return FALSE;
      frame->partition = load_day (frames, info, cancellable, error);
      return frame->partition != NULL;
    }
  frame->partition = dm_partition_ref (frames->data->partition);
  return TRUE;
}

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
  Frames frames = { data, scenario, days, proposals, own_day };
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Job job = { loop, cancellable, options, data->geodata, path, NULL, FALSE, isatty (2) };
  GThread *thread;
  guint sigint_id;
  gint64 t0 = g_get_monotonic_time ();

  options->n_frames = days != NULL ? days->len : proposals->len;
  options->frame_func = frame_cb;
  options->frame_data = &frames;
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
