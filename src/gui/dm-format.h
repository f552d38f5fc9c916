/* dm-format.h: text the window gives a screen reader, worded once. */
#pragma once

#include <glib.h>

#include "dm-partition.h"
#include "dm-scenario.h"
#include "dm-stats.h"

G_BEGIN_DECLS

char *dm_format_part_name       (DmRegion     region,
                                 DmPart       part);
char *dm_format_map_description (DmScenario  *scenario,
                                 DmPartition *partition);

G_END_DECLS
