/* dm-presenter.h: presentation mode: full screen, large type, the cross-fade, and lesson playback. */
#pragma once

#include <gtk/gtk.h>

#include "dm-lesson.h"
#include "dm-overlay-layer.h"
#include "dm-scene.h"
#include "dm-window.h"

G_BEGIN_DECLS

#define DM_TYPE_PRESENTER (dm_presenter_get_type ())
G_DECLARE_FINAL_TYPE (DmPresenter, dm_presenter, DM, PRESENTER, GObject)

DmPresenter *dm_presenter_new             (DmWindow       *window,
                                           DmScene        *scene,
                                           DmOverlayLayer *overlay);
gboolean     dm_presenter_get_presenting  (DmPresenter    *self);
void         dm_presenter_set_presenting  (DmPresenter    *self,
                                           gboolean        presenting);
DmLesson    *dm_presenter_get_lesson      (DmPresenter    *self,
                                           gboolean        create);
void         dm_presenter_play_lesson     (DmPresenter    *self,
                                           DmLesson       *lesson);
guint        dm_presenter_get_lesson_step (DmPresenter    *self);
gboolean     dm_presenter_step_lesson     (DmPresenter    *self,
                                           int             delta);
void         dm_presenter_update_title    (DmPresenter    *self);
void         dm_presenter_show_step       (DmPresenter    *self,
                                           guint           index);
void         dm_presenter_lesson_changed  (DmPresenter    *self);
gboolean     dm_presenter_defer_toast     (DmPresenter    *self,
                                           const char     *message);

G_END_DECLS
