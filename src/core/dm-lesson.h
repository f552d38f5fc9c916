/* dm-lesson.h: an ordered lesson: proposals, comparisons, dates and views to step through in class. */
#pragma once

#include <gio/gio.h>

#include "dm-annotation.h"
#include "dm-catalog.h"

G_BEGIN_DECLS

/* Entries of "steps" in a lesson file; README's "Limits" lists every bound. */
#define DM_LESSON_MAX_STEPS 500
/* The newest file version this build reads and the one it writes. */
#define DM_LESSON_VERSION 2
/* What "date" says for the line of the day the step's proposal was made. */
#define DM_LESSON_PROPOSAL_DAY "proposal"

typedef struct
{
  char     *proposal;      /* id, required */
  char     *compare;       /* a proposal id, a YYYY-MM-DD day, or NULL */
  gboolean  swipe;         /* compared behind a divider, not side by side */
  double    divider;       /* swipe: the divider, as a fraction of the width */
  char     *control_date;  /* YYYY-MM-DD, DM_LESSON_PROPOSAL_DAY, or NULL: the day shown */
  gboolean  has_view;
  double    lat, lon, zoom;
  char     *caption;       /* what the teacher says at this step, or NULL */
  DmAnnotationList *annotations; /* the step's own labels and arrows, or NULL: none */
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
void          dm_lesson_move_step  (DmLesson       *lesson,
                                    guint           from,
                                    guint           to);
void          dm_lesson_remove_step (DmLesson      *lesson,
                                     guint          index);
void          dm_lesson_step_set_caption (DmLessonStep *step,
                                          const char   *caption);
gboolean      dm_lesson_file_is_lesson (const char *path);
DmLesson     *dm_lesson_load       (const char     *path,
                                    DmCatalog      *catalog,
                                    GError        **error);
DmLesson     *dm_lesson_new_from_data (const char  *data,
                                       gsize        length,
                                       const char  *display,
                                       DmCatalog   *catalog,
                                       GError     **error);
char         *dm_lesson_to_data    (DmLesson       *lesson);
gboolean      dm_lesson_save       (DmLesson       *lesson,
                                    const char     *path,
                                    GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmLesson, dm_lesson_free)

G_END_DECLS
