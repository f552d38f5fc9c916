/* dm-sidebar.h: proposals to choose from, and the chosen one's clauses part by part, editable. */
#pragma once

#include <adwaita.h>

#include "dm-catalog.h"
#include "dm-partition.h"
#include "dm-scenario.h"

G_BEGIN_DECLS

#define DM_TYPE_SIDEBAR (dm_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (DmSidebar, dm_sidebar, DM, SIDEBAR, GtkWidget)

void  dm_sidebar_set_catalog   (DmSidebar   *self,
                                DmCatalog   *catalog);
void  dm_sidebar_show          (DmSidebar   *self,
                                DmScenario  *scenario,
                                DmPartition *partition);
void  dm_sidebar_set_compare    (DmSidebar   *self,
                                DmScenario  *compare);
void  dm_sidebar_select_part   (DmSidebar   *self,
                                DmRegion     region,
                                DmPart       part);

G_END_DECLS
