/* dm-proposal-rules.h: the rules of data/proposals/README.md that go beyond parsing a proposal file. */
#pragma once

#include <json-glib/json-glib.h>

#include "dm-catalog.h"
#include "dm-proposal.h"

G_BEGIN_DECLS

void dm_proposal_check_rules   (JsonNode    *root,
                                const char  *path,
                                GPtrArray   *problems);
void dm_proposal_check_earlier (DmProposal  *proposal,
                                DmCatalog   *catalog,
                                GPtrArray   *problems);

G_END_DECLS
