/* dm-lesson-dialog.h: the lesson's title and steps, to reorder, delete, caption and jump to. */
#pragma once

#include <adwaita.h>

#include "dm-catalog.h"
#include "dm-presenter.h"

G_BEGIN_DECLS

typedef void (*DmCaptionFunc) (const char *caption,
                               gpointer    user_data);

#define DM_TYPE_LESSON_DIALOG (dm_lesson_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DmLessonDialog, dm_lesson_dialog, DM, LESSON_DIALOG, AdwWindow)

DmLessonDialog *dm_lesson_dialog_new     (GtkWindow    *parent,
                                          DmPresenter  *presenter,
                                          DmCatalog    *catalog);
void            dm_lesson_dialog_refresh (DmLessonDialog *self);

void            dm_lesson_ask_caption    (GtkWindow     *parent,
                                          const char    *heading,
                                          const char    *accept,
                                          const char    *caption,
                                          DmCaptionFunc  func,
                                          gpointer       user_data,
                                          GDestroyNotify destroy);

G_END_DECLS
