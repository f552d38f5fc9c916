/* dm-scenario.h: a proposal plus the user's edits; what the map and the statistics show. */
#pragma once

#include <gio/gio.h>

#include "dm-annotation.h"
#include "dm-proposal.h"

G_BEGIN_DECLS

/* Entries of "edits" in a scenario file (a scenario has at most 12 parts
 * to edit; README's "Limits" lists every bound). */
#define DM_SCENARIO_MAX_EDITS 100

#define DM_TYPE_SCENARIO (dm_scenario_get_type ())
G_DECLARE_FINAL_TYPE (DmScenario, dm_scenario, DM, SCENARIO, GObject)

typedef struct _DmCatalog DmCatalog;

DmScenario     *dm_scenario_new              (DmProposal  *proposal);
DmProposal     *dm_scenario_get_proposal     (DmScenario  *self);
DmStatus        dm_scenario_get_status       (DmScenario  *self,
                                              DmRegion     region,
                                              DmPart       part);
const DmClause *dm_scenario_get_clause       (DmScenario  *self,
                                              DmRegion     region,
                                              DmPart       part);
gboolean        dm_scenario_is_edited        (DmScenario  *self,
                                              DmRegion     region,
                                              DmPart       part);
void            dm_scenario_set_status       (DmScenario  *self,
                                              DmRegion     region,
                                              DmPart       part,
                                              DmStatus     status);
gboolean        dm_scenario_get_modified     (DmScenario  *self);
void            dm_scenario_reset            (DmScenario  *self);
char           *dm_scenario_get_title        (DmScenario  *self);
/* The desk's own labels, arrows and callouts ("annotations" in the file):
 * never NULL. Set shares a list between scenarios (the window keeps its
 * labels across proposals). */
DmAnnotationList *dm_scenario_get_annotations (DmScenario      *self);
void            dm_scenario_set_annotations  (DmScenario       *self,
                                              DmAnnotationList *annotations);
char           *dm_scenario_to_json          (DmScenario  *self,
                                              const char  *control_date);
gboolean        dm_scenario_save             (DmScenario  *self,
                                              const char  *path,
                                              const char  *control_date,
                                              GError     **error);
DmScenario     *dm_scenario_load             (const char  *path,
                                              DmCatalog   *catalog,
                                              char       **control_date,
                                              GError     **error);
DmScenario     *dm_scenario_new_from_data    (const char  *data,
                                              gsize        length,
                                              const char  *display,
                                              DmCatalog   *catalog,
                                              char       **control_date,
                                              GError     **error);

G_END_DECLS
