/* dm-measures-dialog.h: the table of areas, differences and places, to read, copy or save as CSV. */
#pragma once

#include <adwaita.h>

#include "dm-geodata.h"
#include "dm-partition.h"
#include "dm-scenario.h"

G_BEGIN_DECLS

#define DM_TYPE_MEASURES_DIALOG (dm_measures_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DmMeasuresDialog, dm_measures_dialog, DM, MEASURES_DIALOG, AdwWindow)

DmMeasuresDialog *dm_measures_dialog_new       (GtkWindow   *parent,
                                                DmGeodata   *geodata,
                                                DmPartition *partition,
                                                DmScenario  *scenario,
                                                DmScenario  *compare);

G_END_DECLS
