/* dm-proposal.h: a proposal (or baseline) read from its JSON file: clauses per region part, with sources. */
#pragma once

#include <gio/gio.h>

#include "dm-types.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *outlet;
  char *date;
  char *detail;
  char *url;      /* optional: where the source can be read */
} DmSource;

typedef struct
{
  guint        index;      /* 1-based position in the file */
  DmRegion     region;
  DmPart       part;       /* may be DM_PART_ALL */
  DmStatus     status;
  DmCertainty  certainty;
  char        *note;
  GPtrArray   *sources;    /* borrowed DmSource *, owned by the proposal */
  gboolean     has_earlier;
  DmStatus     earlier_status;
  char        *earlier_proposal;
} DmClause;

/* Bounds on a proposal file beyond DM_JSON_*; README's "Limits" lists them. */
#define DM_PROPOSAL_MAX_SOURCES  500 /* entries of "sources" */
#define DM_PROPOSAL_MAX_CLAUSES  200 /* entries of "clauses" */
#define DM_PROPOSAL_MAX_CITED     50 /* source ids one clause cites */
#define DM_PROPOSAL_MAX_TERMS    100 /* entries of "other_terms" */
#define DM_PROPOSAL_MAX_PROBLEMS  50 /* problems listed in one error */

#define DM_TYPE_PROPOSAL (dm_proposal_get_type ())
G_DECLARE_FINAL_TYPE (DmProposal, dm_proposal, DM, PROPOSAL, GObject)

DmProposal     *dm_proposal_new_from_file   (const char  *path,
                                             GError     **error);
DmProposal     *dm_proposal_new_from_data   (const char  *data,
                                             gssize       length,
                                             const char  *display_name,
                                             GError     **error);
const char     *dm_proposal_get_id          (DmProposal  *self);
const char     *dm_proposal_get_title       (DmProposal  *self);
const char     *dm_proposal_get_short_title (DmProposal  *self);
const char     *dm_proposal_get_sponsor     (DmProposal  *self);
const char     *dm_proposal_get_date        (DmProposal  *self);
const char     *dm_proposal_get_summary     (DmProposal  *self);
const char     *dm_proposal_get_path        (DmProposal  *self);
gboolean        dm_proposal_is_baseline     (DmProposal  *self);
GPtrArray      *dm_proposal_get_sources     (DmProposal  *self);
GPtrArray      *dm_proposal_get_clauses     (DmProposal  *self);
const char     *dm_proposal_get_published   (DmProposal  *self);
const char * const *dm_proposal_get_other_terms (DmProposal *self);
const DmClause *dm_proposal_lookup          (DmProposal  *self,
                                             DmRegion     region,
                                             DmPart       part);
char           *dm_clause_format_sources    (const DmClause *clause);
void            dm_sources_append           (GString     *out,
                                             GPtrArray   *sources,
                                             GHashTable  *seen,
                                             const char  *line_credit);
char           *dm_clause_format_sources_markup (const DmClause *clause);

G_END_DECLS
