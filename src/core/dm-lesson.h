/* dm-lesson.h: an ordered lesson: proposals, comparisons, dates and views to step through in class. */
#pragma once

#include <gio/gio.h>

#include "dm-catalog.h"

G_BEGIN_DECLS

/* Entries of "steps" in a lesson file; README's "Limits" lists every bound. */
#define DM_LESSON_MAX_STEPS 500

typedef struct
{
  char     *proposal;      /* id, required */
  char     *compare;       /* id or NULL */
  char     *control_date;  /* YYYY-MM-DD or NULL: the date in use */
  gboolean  has_view;
  double    lat, lon, zoom;
  char     *caption;       /* shown under the title, or NULL */
} DmLessonStep;

typedef struct
{
  char      *title;
  GPtrArray *steps;        /* DmLessonStep */
} DmLesson;

DmLesson     *dm_lesson_new        (const char     *title);
void          dm_lesson_free       (DmLesson       *lesson);
DmLessonStep *dm_lesson_add_step   (DmLesson       *lesson,
                                    const char     *proposal,
                                    const char     *compare,
                                    const char     *control_date);
DmLesson     *dm_lesson_load       (const char     *path,
                                    DmCatalog      *catalog,
                                    GError        **error);
DmLesson     *dm_lesson_new_from_data (const char  *data,
                                       gsize        length,
                                       const char  *display,
                                       DmCatalog   *catalog,
                                       GError     **error);
gboolean      dm_lesson_save       (DmLesson       *lesson,
                                    const char     *path,
                                    GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmLesson, dm_lesson_free)

G_END_DECLS
