/* dm-animation-frames.c: loads each frame's day and scenario on a painter thread; the frames only read what they share. */
#include "config.h"

#include "dm-animation-frames.h"

struct _DmAnimationFrames
{
  gatomicrefcount ref;
  DmCatalog   *catalog;
  DmGeodata   *geodata;
  DmScenario  *scenario;    /* a time-lapse's proposal */
  GPtrArray   *days;        /* a time-lapse's const DmControlInfo * */
  GPtrArray   *proposals;   /* DmScenario *, proposals in turn */
  DmPartition *partition;   /* their day, or NULL: each its own */
};

DmAnimationFrames *
dm_animation_frames_new_time_lapse (DmCatalog  *catalog,
                                    DmGeodata  *geodata,
                                    DmScenario *scenario,
                                    GPtrArray  *days)
{
  DmAnimationFrames *frames = g_new0 (DmAnimationFrames, 1);

  g_atomic_ref_count_init (&frames->ref);

  frames->catalog = dm_catalog_ref (catalog);
  frames->geodata = dm_geodata_ref (geodata);
  frames->scenario = g_object_ref (scenario);
  frames->days = g_ptr_array_ref (days);
  return frames;
}

DmAnimationFrames *
dm_animation_frames_new_proposals (DmCatalog   *catalog,
                                   DmGeodata   *geodata,
                                   GPtrArray   *scenarios,
                                   DmPartition *partition)
{
  DmAnimationFrames *frames = g_new0 (DmAnimationFrames, 1);

  g_atomic_ref_count_init (&frames->ref);

  frames->catalog = dm_catalog_ref (catalog);
  frames->geodata = dm_geodata_ref (geodata);
  frames->proposals = g_ptr_array_ref (scenarios);
  frames->partition = partition != NULL ? dm_partition_ref (partition) : NULL;
  return frames;
}

DmAnimationFrames *
dm_animation_frames_ref (DmAnimationFrames *frames)
{
  g_atomic_ref_count_inc (&frames->ref);
  return frames;
}

void
dm_animation_frames_unref (DmAnimationFrames *frames)
{
  if (frames == NULL || !g_atomic_ref_count_dec (&frames->ref))
    return;
  g_clear_pointer (&frames->catalog, dm_catalog_unref);
  g_clear_pointer (&frames->geodata, dm_geodata_unref);
  g_clear_object (&frames->scenario);
  g_clear_pointer (&frames->days, g_ptr_array_unref);
  g_clear_pointer (&frames->proposals, g_ptr_array_unref);
  g_clear_pointer (&frames->partition, dm_partition_unref);
  g_free (frames);
}

guint
dm_animation_frames_get_n (DmAnimationFrames *frames)
{
  return frames->days != NULL ? frames->days->len : frames->proposals->len;
}

void
dm_animation_frame_clear (DmAnimationFrame *frame)
{
  g_clear_pointer (&frame->partition, dm_partition_unref);
  g_clear_object (&frame->scenario);
  g_clear_pointer (&frame->stamp, g_free);
}

static DmPartition *
load_day (DmAnimationFrames    *frames,
          const DmControlInfo  *info,
          GCancellable         *cancellable,
          GError              **error)
{
  g_autoptr(DmControlArea) control = dm_catalog_load_control (frames->catalog, info,
                                                              cancellable, error);

  if (control == NULL)
    return NULL;
  return dm_partition_derive (frames->geodata, control, cancellable, error);
}

gboolean
dm_animation_frames_get (DmAnimationFrames  *frames,
                         guint               index,
                         DmAnimationFrame   *frame,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_return_val_if_fail (index < dm_animation_frames_get_n (frames), FALSE);

  if (frames->days != NULL)
    {
      const DmControlInfo *info = g_ptr_array_index (frames->days, index);

      frame->scenario = g_object_ref (frames->scenario);
      frame->stamp = g_strdup (info->date);
      frame->partition = load_day (frames, info, cancellable, error);
      return frame->partition != NULL;
    }

  frame->scenario = g_object_ref (g_ptr_array_index (frames->proposals, index));
  if (frames->partition == NULL)
    {
      g_autofree char *day = dm_catalog_proposal_day (frames->catalog,
                                                      dm_scenario_get_proposal (frame->scenario),
                                                      error);
      const DmControlInfo *info;

      if (day == NULL)
        return FALSE;
      info = dm_catalog_resolve_date (frames->catalog, day, NULL, error);
      if (info == NULL)
        return FALSE;
      frame->partition = load_day (frames, info, cancellable, error);
      return frame->partition != NULL;
    }
  frame->partition = dm_partition_ref (frames->partition);
  return TRUE;
}

/* On a painter thread. */
static gboolean
frame_cb (guint              index,
          DmAnimationFrame  *frame,
          gpointer           user_data,
          GCancellable      *cancellable,
          GError           **error)
{
  return dm_animation_frames_get (user_data, index, frame, cancellable, error);
}

void
dm_animation_frames_apply (DmAnimationFrames  *frames,
                           DmAnimationOptions *options)
{
  options->n_frames = dm_animation_frames_get_n (frames);
  options->frame_func = frame_cb;
  options->frame_data = frames;
}
