/* dm-sources.h: the text that credits sources and data, shared by the window and exports. */
#pragma once

#include "dm-partition.h"
#include "dm-scenario.h"

G_BEGIN_DECLS

char  *dm_sources_summary      (DmScenario  *scenario);
char  *dm_sources_line_credit  (DmPartition *partition);
char  *dm_sources_attribution  (DmPartition *partition);

G_END_DECLS
