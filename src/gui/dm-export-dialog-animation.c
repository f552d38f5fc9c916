/* dm-export-dialog-animation.c: the export dialog's Animation: its frames (the command line's), a scrubbed preview frame, and the encoding with progress and Stop. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-export-dialog-private.h"
#include "dm-worker.h"
#include "dm-error.h"
#include "dm-series.h"

/* The order of the animation format row's items in the template. */
static const DmAnimationFormat animation_formats[] = {
  DM_ANIMATION_WEBM, DM_ANIMATION_MP4, DM_ANIMATION_GIF
};

enum {
  KIND_TIME_LAPSE,
  KIND_PROPOSALS,
};

typedef struct
{
  DmAnimationFrames *frames;
  guint              index;
  DmAnimationFrame   frame;
} FrameJob;

typedef struct
{
  DmAnimationOptions options;
  DmAnimationFrames *frames;
  DmGeodata         *geodata;
  DmAnnotationList  *annotations;
  DmExportDialog    *dialog;  /* a reference, for the progress */
  char              *title;
  char              *subtitle;
  char              *path;
} AnimationJob;

typedef struct
{
  DmExportDialog *dialog;
  guint           done, total;
} Progress;

DmAnimationFormat
_dm_export_dialog_get_animation_format (DmExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->anim_format_row);

  return i < G_N_ELEMENTS (animation_formats) ? animation_formats[i] : DM_ANIMATION_WEBM;
}

/* ---- the preview's frame ------------------------------------------------ */

static void
frame_job_free (FrameJob *job)
{
  dm_animation_frame_clear (&job->frame);
  dm_animation_frames_unref (job->frames);
  g_free (job);
}

static void
frame_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FrameJob *job = task_data;
  GError *error = NULL;

  if (dm_animation_frames_get (job->frames, job->index, &job->frame, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void load_frame (DmExportDialog *self, int index);

static void
frame_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  DmExportDialog *self = DM_EXPORT_DIALOG (source);
  FrameJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  int wanted;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->frame_loading = -1;
  /* The range changed meanwhile: this frame belongs to no animation. */
  if (job->frames == self->frames)
    {
      g_clear_object (&self->frame_scene);
      g_clear_pointer (&self->frame_stamp, g_free);
      if (error == NULL)
        {
          self->frame_scene = dm_scene_new (dm_scene_get_geodata (self->scene));
          dm_scene_set_partition (self->frame_scene, job->frame.partition);
          dm_scene_set_scenario (self->frame_scene, job->frame.scenario);
          self->frame_stamp = g_strdup (job->frame.stamp);
        }
      else
        adw_preferences_group_set_description (self->animation_group, error->message);
      gtk_widget_queue_draw (GTK_WIDGET (self->preview));
    }
  wanted = self->frame_wanted;
  self->frame_wanted = -1;
  if (wanted >= 0)
    load_frame (self, wanted);
}

static void
load_frame (DmExportDialog *self,
            int             index)
{
  g_autoptr(GTask) task = NULL;
  FrameJob *job;

  if (self->frames == NULL || index < 0 || (guint) index >= dm_animation_frames_get_n (self->frames))
    return;
  /* One load at a time; the scrubber's latest wish comes next. */
  if (self->frame_loading >= 0)
    {
      self->frame_wanted = index;
      return;
    }
  job = g_new0 (FrameJob, 1);
  job->frames = dm_animation_frames_ref (self->frames);
  job->index = index;
  self->frame_loading = index;
  task = g_task_new (self, self->cancellable, frame_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) frame_job_free);
  dm_worker_run (task, frame_thread);
}

void
_dm_export_dialog_show_frame (DmExportDialog *self,
                              int             index)
{
  load_frame (self, index);
}

/* ---- which frames ------------------------------------------------------- */

static GPtrArray *
proposals_in_turn (DmCatalog *catalog)
{
  GPtrArray *proposals = dm_catalog_get_proposals (catalog);
  GPtrArray *scenarios = g_ptr_array_new_with_free_func (g_object_unref);

  /* As `export --all`: the baselines are what proposals are measured
   * against, not proposals. */
  for (guint i = 0; i < proposals->len; i++)
    if (!dm_proposal_is_baseline (g_ptr_array_index (proposals, i)))
      g_ptr_array_add (scenarios, dm_scenario_new (g_ptr_array_index (proposals, i)));
  return scenarios;
}

void
_dm_export_dialog_frames_changed (DmExportDialog *self)
{
  gboolean animation = _dm_export_dialog_is_animation (self);
  gboolean lapse = adw_combo_row_get_selected (self->kind_row) == KIND_TIME_LAPSE;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  DmGeodata *geodata = dm_scene_get_geodata (self->scene);
  guint n;

  g_clear_pointer (&self->frames, dm_animation_frames_unref);
  g_clear_object (&self->frame_scene);
  g_clear_pointer (&self->frame_stamp, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), lapse);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), lapse);
  gtk_widget_set_visible (self->every_row, lapse);
  gtk_widget_set_visible (self->own_day_row, !lapse);
  if (!animation || self->catalog == NULL || geodata == NULL)
    {
      _dm_export_dialog_update (self);
      return;
    }

  if (lapse)
    {
      g_autoptr(GPtrArray) days =
        dm_series_days (self->catalog, gtk_editable_get_text (GTK_EDITABLE (self->from_row)),
                        gtk_editable_get_text (GTK_EDITABLE (self->to_row)),
                        (guint) gtk_spin_button_get_value_as_int (self->every_spin), &error);

      if (days != NULL && days->len > 0)
        self->frames = dm_animation_frames_new_time_lapse (self->catalog, geodata,
                                                           dm_scene_get_scenario (self->scene),
                                                           days);
      else if (days != NULL)
        error = g_error_new_literal (DM_ERROR, DM_ERROR_INVALID,
                                     _("No day of the record is in that range"));
    }
  else
    {
      g_autoptr(GPtrArray) scenarios = proposals_in_turn (self->catalog);

      self->frames = dm_animation_frames_new_proposals (
        self->catalog, geodata, scenarios,
        gtk_switch_get_active (self->own_day_switch) ? NULL : dm_scene_get_partition (self->scene));
    }

  if (self->frames == NULL)
    {
      /* The message says which date is wrong and what the record holds. */
      adw_preferences_group_set_description (self->animation_group, error->message);
      _dm_export_dialog_update (self);
      return;
    }
  n = dm_animation_frames_get_n (self->frames);
  description = g_strdup_printf (g_dngettext (NULL, "%u frame, %.1f seconds",
                                              "%u frames, %.1f seconds", n),
                                 n, n / gtk_spin_button_get_value (self->fps_spin));
  adw_preferences_group_set_description (self->animation_group, description);
  gtk_range_set_range (GTK_RANGE (self->frame_scale), 0, MAX (1, n - 1));
  gtk_range_set_value (GTK_RANGE (self->frame_scale), 0);
  _dm_export_dialog_update (self);
  load_frame (self, 0);
}

/* ---- encoding ------------------------------------------------------------ */

static void
animation_job_free (AnimationJob *job)
{
  dm_animation_frames_unref (job->frames);
  dm_geodata_unref (job->geodata);
  g_clear_object (&job->annotations);
  g_clear_object (&job->dialog);
  g_free (job->title);
  g_free (job->subtitle);
  g_free (job->path);
  g_free (job);
}

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *p = data;
  g_autofree char *text = g_strdup_printf (_("Frame %u of %u"), p->done, p->total);

  gtk_progress_bar_set_fraction (p->dialog->progress_bar, (double) p->done / p->total);
  gtk_progress_bar_set_text (p->dialog->progress_bar, text);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_object_unref (p->dialog);
  g_free (p);
}

/* On the encoding thread: the bar is the main thread's. */
static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  AnimationJob *job = user_data;
  Progress *p = g_new (Progress, 1);

  p->dialog = g_object_ref (job->dialog);
  p->done = done;
  p->total = total;
  g_idle_add_full (G_PRIORITY_DEFAULT, progress_idle_cb, p, progress_free);
}

static void
animation_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AnimationJob *job = task_data;
  GError *error = NULL;

  if (dm_animation_write (job->geodata, &job->options, job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
animation_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DmExportDialog *self = DM_EXPORT_DIALOG (source);
  AnimationJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_object (&self->job_cancellable);
  /* The dialog went with its window: no one to tell. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  _dm_export_dialog_set_busy (self, NULL);
  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, DM_ERROR, DM_ERROR_CANCELLED))
        gtk_label_set_text (self->status_label, _("Stopped; nothing was written"));
      else
        _dm_export_dialog_show_error (self, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      return;
    }
  _dm_export_dialog_show_done_toast (self, job->path);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
_dm_export_dialog_export_animation (DmExportDialog    *self,
                                    const char        *path,
                                    DmAnimationFormat  format)
{
  g_autoptr(GTask) task = NULL;
  AnimationJob *job;

  if (self->frames == NULL)
    {
      if (!_dm_export_dialog_is_animation (self))
        gtk_toggle_button_set_active (self->animation_button, TRUE);
      if (self->frames == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("Cannot write “%s”: choose the animation’s days first"), path);

          _dm_export_dialog_show_error (self, message);
          return;
        }
    }

  job = g_new0 (AnimationJob, 1);
  dm_animation_options_init (&job->options);
  _dm_export_dialog_get_options (self, &job->options.page);
  job->options.format = format;
  job->options.fps = gtk_spin_button_get_value (self->fps_spin);
  job->title = g_strdup (job->options.page.layout.title);
  job->subtitle = g_strdup (job->options.page.layout.subtitle);
  job->options.page.layout.title = job->title;
  job->options.page.layout.subtitle = job->subtitle;
  job->annotations = dm_annotation_list_copy (self->annotations);
  job->options.page.layout.annotations = job->annotations;
  job->options.page.layout.transparent = FALSE;
  job->options.page.layout.compare = NULL;
  /* The command line's frames: one code path for both. */
  job->frames = dm_animation_frames_ref (self->frames);
  dm_animation_frames_apply (job->frames, &job->options);
  job->options.progress_func = progress_cb;
  job->options.progress_data = job;
  job->geodata = dm_geodata_ref (dm_scene_get_geodata (self->scene));
  job->dialog = g_object_ref (self);
  job->path = g_strdup (path);

  self->job_cancellable = g_cancellable_new ();
  _dm_export_dialog_set_busy (self, path);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting…"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  task = g_task_new (self, self->job_cancellable, animation_done_cb, NULL);
  g_task_set_source_tag (task, _dm_export_dialog_export_animation);
  g_task_set_task_data (task, job, (GDestroyNotify) animation_job_free);
  dm_worker_run (task, animation_thread);
}
