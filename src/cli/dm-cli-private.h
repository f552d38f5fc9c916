/* dm-cli-private.h: what the command implementations share. */
#pragma once

#include "dm-animation.h"
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

/* What a command shows: a proposal or a saved scenario, maybe a second
 * proposal, against a bundled date or a control file. */
typedef struct
{
  char *proposal_id;
  char *compare_id;
  char *scenario_file;
  char *date;
  char *control_file;
  gboolean no_day;  /* the command loads its own days: no partition */
} DmCliSelection;

int          _dm_cli_chart      (int argc, char **argv);
int          _dm_cli_list       (int argc, char **argv);
int          _dm_cli_stats      (int argc, char **argv);
int          _dm_cli_validate   (int argc, char **argv);
int          _dm_cli_export     (int argc, char **argv);
int          _dm_cli_update     (int argc, char **argv);

gboolean     _dm_cli_parse      (GOptionContext  *context,
                                 int             *argc,
                                 char          ***argv);
const DmControlInfo *_dm_cli_resolve_day (DmCatalog  *catalog,
                                          const char *date,
                                          DmProposal *proposal,
                                          GError    **error);
DmPartition *_dm_cli_load_partition (DmCliData           *data,
                                     const DmControlInfo *info,
                                     const char          *control_file,
                                     const char          *date,
                                     GError             **error);
void         _dm_cli_data_clear (DmCliData       *data);
void         _dm_cli_selection_add_entries (GOptionContext *context,
                                           DmCliSelection *selection,
                                           const char     *compare_help);
gboolean     _dm_cli_selection_load (DmCliSelection   *selection,
                                     DmCliData        *data,
                                     gboolean          need_scenario,
                                     DmScenario      **scenario,
                                     DmScenario      **compare,
                                     GError          **error);
void         _dm_cli_selection_clear (DmCliSelection  *selection);
void         _dm_cli_error      (const char      *message);
int          _dm_cli_animate    (DmCliData          *data,
                                 DmAnimationOptions *options,
                                 DmScenario         *scenario,
                                 GPtrArray          *days,
                                 GPtrArray          *proposals,
                                 gboolean            own_day,
                                 const char         *path);

G_END_DECLS

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DmCliData, _dm_cli_data_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DmCliSelection, _dm_cli_selection_clear)
