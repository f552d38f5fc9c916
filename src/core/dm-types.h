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
  /* Oblasts outside the five where Russia holds land (the Kinburn Spit is
   * in Mykolaiv oblast): regions in their own right, both parts each. */
  DM_REGION_KHARKIV,
  DM_REGION_SUMY,
  DM_REGION_DNIPROPETROVSK,
  DM_REGION_MYKOLAIV,
  DM_N_REGIONS, /*< skip >*/
  /* Only in proposal files: shorthand for the four oblasts above. */
  DM_REGION_OTHER = DM_N_REGIONS
} DmRegion;

/* The five regions the proposals are about come first. */
#define DM_N_FIVE_REGIONS DM_REGION_KHARKIV
#define DM_FIRST_OUTER_REGION DM_REGION_KHARKIV

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
  DM_STATUS_NOT_ADDRESSED, /* the reports do not mention this part */
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
  DM_OUTCOME_NEUTRAL, /* demilitarised: the clause's note says who administers it */
  DM_OUTCOME_AS_NOW   /* open / unpublished / not addressed: the line stays */
} DmOutcome;

/* Who would hold a part: DmOutcome with "as now" resolved by the part. */
typedef enum /*< prefix=DM_HOLDER >*/
{
  DM_HOLDER_UKRAINE,
  DM_HOLDER_RUSSIA,
  DM_HOLDER_DMZ,
  DM_HOLDER_UNDECIDED, /* left open: not decided, for now as held today */
  DM_N_HOLDERS /*< skip >*/
} DmHolder;

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
const char  *dm_certainty_to_string  (DmCertainty  certainty);

const char  *dm_holder_to_string     (DmHolder     holder);
const char  *dm_holder_label         (DmHolder     holder);

DmOutcome    dm_status_outcome       (DmStatus     status,
                                      DmPart       part);

char        *dm_enum_choices         (const char * const *names,
                                      guint        n_names);

extern const char * const dm_region_names[DM_N_REGIONS + 1]; /* + "other" */
extern const char * const dm_part_names[DM_N_PARTS + 1];
extern const char * const dm_status_names[DM_N_STATUSES];
extern const char * const dm_outcome_names[];
extern const char * const dm_holder_names[];
extern const char * const dm_certainty_names[DM_N_CERTAINTIES];

G_END_DECLS
