/* dm-animation-frames.h: what each frame of an animation shows: a time-lapse of the line, or proposals in turn; shared by the command line and the export dialog. */
#pragma once

#include "dm-animation.h"
#include "dm-catalog.h"

G_BEGIN_DECLS

typedef struct _DmAnimationFrames DmAnimationFrames;

/* Every day of days (const DmControlInfo *, the catalog's) with scenario. */
DmAnimationFrames *dm_animation_frames_new_time_lapse (DmCatalog    *catalog,
                                                       DmGeodata    *geodata,
                                                       DmScenario   *scenario,
                                                       GPtrArray    *days);
/* Each of scenarios on partition's day, or with partition NULL each on the
 * line of its own proposal's day. */
DmAnimationFrames *dm_animation_frames_new_proposals  (DmCatalog    *catalog,
                                                       DmGeodata    *geodata,
                                                       GPtrArray    *scenarios,
                                                       DmPartition  *partition);
DmAnimationFrames *dm_animation_frames_ref            (DmAnimationFrames *frames);
void               dm_animation_frames_unref          (DmAnimationFrames *frames);
guint              dm_animation_frames_get_n          (DmAnimationFrames *frames);
/* Fills n_frames, frame_func and frame_data; frames must outlive the
 * dm_animation_write () call. */
void               dm_animation_frames_apply          (DmAnimationFrames  *frames,
                                                       DmAnimationOptions *options);
/* One frame, as the animation gets it (for a preview); blocking. Clear it
 * with dm_animation_frame_clear (). */
gboolean           dm_animation_frames_get            (DmAnimationFrames  *frames,
                                                       guint               index,
                                                       DmAnimationFrame   *frame,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
void               dm_animation_frame_clear           (DmAnimationFrame   *frame);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmAnimationFrames, dm_animation_frames_unref)

G_END_DECLS
