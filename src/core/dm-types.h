/* dm-types.h: the vocabulary shared by every layer: regions, parts, statuses, certainty. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each enum's nicks (glib-mkenums) are the names files use: dm_*_names. */
typedef enum /*< prefix=DM_REGION >*/
{
  DM_REGION_CRIMEA,
  DM_REGION_LUHANSK,
  DM_REGION_DONETSK,
  DM_REGION_ZAPORIZHZHIA,
  DM_REGION_KHERSON,
  DM_REGION_OTHER, /* Russian-held areas outside the five regions */
  DM_N_REGIONS /*< skip >*/
} DmRegion;

#define DM_N_NAMED_REGIONS DM_REGION_OTHER

typedef enum /*< prefix=DM_PART >*/
{
  DM_PART_RUSSIAN_HELD,
  DM_PART_UKRAINIAN_HELD,
  DM_N_PARTS, /*< skip >*/
  DM_PART_ALL = DM_N_PARTS /* only in clauses: applies to both parts */
} DmPart;

typedef enum /*< prefix=DM_STATUS >*/
{
  DM_STATUS_UKRAINE,
  DM_STATUS_RUSSIA_DE_JURE,
  DM_STATUS_RUSSIA_DE_FACTO,
  DM_STATUS_FROZEN,
  DM_STATUS_DEMILITARIZED,
  DM_STATUS_WITHDRAW,
  DM_STATUS_OPEN,
  DM_STATUS_RETURNED,
  DM_STATUS_UNPUBLISHED,
  DM_N_STATUSES /*< skip >*/
} DmStatus;

typedef enum /*< prefix=DM_CERTAINTY >*/
{
  DM_CERTAINTY_TEXT,
  DM_CERTAINTY_REPORTED,
  DM_CERTAINTY_UNCLEAR,
  DM_N_CERTAINTIES /*< skip >*/
} DmCertainty;

/* Who ends up holding a part under a status, for "changes hands" measures. */
typedef enum /*< prefix=DM_OUTCOME >*/
{
  DM_OUTCOME_UKRAINE,
  DM_OUTCOME_RUSSIA,
  DM_OUTCOME_NEUTRAL, /* demilitarised: out of Ukraine's control */
  DM_OUTCOME_AS_NOW   /* open / unpublished: nothing decided, the line stays */
} DmOutcome;

const char  *dm_region_to_string     (DmRegion     region);
gboolean     dm_region_from_string   (const char  *str,
                                      DmRegion    *out);
const char  *dm_region_label         (DmRegion     region);

const char  *dm_part_to_string       (DmPart       part);
gboolean     dm_part_from_string     (const char  *str,
                                      DmPart      *out);
const char  *dm_part_label           (DmPart       part);

const char  *dm_status_to_string     (DmStatus     status);
gboolean     dm_status_from_string   (const char  *str,
                                      DmStatus    *out);
const char  *dm_status_label         (DmStatus     status);
const char  *dm_status_description   (DmStatus     status);

const char  *dm_certainty_label      (DmCertainty  certainty);

DmOutcome    dm_status_outcome       (DmStatus     status,
                                      DmPart       part);

char        *dm_enum_choices         (const char * const *names,
                                      guint        n_names);

extern const char * const dm_region_names[DM_N_REGIONS];
extern const char * const dm_part_names[DM_N_PARTS + 1];
extern const char * const dm_status_names[DM_N_STATUSES];
extern const char * const dm_certainty_names[DM_N_CERTAINTIES];
extern const char * const dm_outcome_names[];

G_END_DECLS
