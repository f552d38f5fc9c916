/* dm-cli-private.h: what the command implementations share. */
#pragma once

#include "dm-catalog.h"
#include "dm-geodata.h"
#include "dm-partition.h"
#include "dm-scenario.h"

G_BEGIN_DECLS

/* Exit statuses: 0 success, 1 invalid input found by validate, 2 usage or runtime error. */
#define DM_EXIT_OK      0
#define DM_EXIT_INVALID 1
#define DM_EXIT_ERROR   2

typedef struct
{
  DmCatalog   *catalog;
  DmGeodata   *geodata;
  DmPartition *partition;
} DmCliData;

int          _dm_cli_list       (int argc, char **argv);
int          _dm_cli_stats      (int argc, char **argv);
int          _dm_cli_validate   (int argc, char **argv);
int          _dm_cli_export     (int argc, char **argv);

gboolean     _dm_cli_parse      (GOptionContext  *context,
                                 int             *argc,
                                 char          ***argv);
gboolean     _dm_cli_load       (DmCliData       *data,
                                 const char      *date,
                                 const char      *control_file,
                                 GError         **error);
void         _dm_cli_data_clear (DmCliData       *data);
DmScenario  *_dm_cli_scenario   (DmCatalog       *catalog,
                                 const char      *proposal_id,
                                 const char      *scenario_file,
                                 char           **scenario_date,
                                 GError         **error);
char        *_dm_cli_scenario_date (const char   *scenario_file);
void         _dm_cli_error      (const char      *message);

G_END_DECLS

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DmCliData, _dm_cli_data_clear)
