/* dm-scenario.c: a proposal with per-part status edits, saved as a small JSON file. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dm-catalog.h"
#include "dm-error.h"
#include "dm-file.h"
#include "dm-json.h"
#include "dm-scenario.h"

#define NO_EDIT ((int) -1)

struct _DmScenario
{
  GObject     parent_instance;
  DmProposal *proposal;
  int         edits[DM_N_REGIONS][DM_N_PARTS]; /* DmStatus or NO_EDIT */
  DmAnnotationList *annotations;
};

G_DEFINE_FINAL_TYPE (DmScenario, dm_scenario, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clear_edits (DmScenario *self)
{
  for (guint r = 0; r < DM_N_REGIONS; r++)
    for (guint p = 0; p < DM_N_PARTS; p++)
      self->edits[r][p] = NO_EDIT;
}

static void
dm_scenario_finalize (GObject *object)
{
  DmScenario *self = DM_SCENARIO (object);

  g_clear_object (&self->proposal);
  g_clear_object (&self->annotations);
  G_OBJECT_CLASS (dm_scenario_parent_class)->finalize (object);
}

static void
dm_scenario_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DmScenario *self = DM_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, dm_scenario_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_scenario_class_init (DmScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dm_scenario_finalize;
  object_class->get_property = dm_scenario_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted whenever a status shown on the map changes. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dm_scenario_init (DmScenario *self)
{
  clear_edits (self);
  self->annotations = dm_annotation_list_new ();
}

DmScenario *
dm_scenario_new (DmProposal *proposal)
{
  DmScenario *self;

  g_return_val_if_fail (DM_IS_PROPOSAL (proposal), NULL);

  self = g_object_new (DM_TYPE_SCENARIO, NULL);
  self->proposal = g_object_ref (proposal);
  return self;
}

DmProposal *
dm_scenario_get_proposal (DmScenario *self)
{
  return self->proposal;
}

const DmClause *
dm_scenario_get_clause (DmScenario *self,
                        DmRegion    region,
                        DmPart      part)
{
  return dm_proposal_lookup (self->proposal, region, part);
}

DmStatus
dm_scenario_get_status (DmScenario *self,
                        DmRegion    region,
                        DmPart      part)
{
  const DmClause *clause;

  g_return_val_if_fail (region < DM_N_REGIONS && part < DM_N_PARTS, DM_STATUS_OPEN);

  if (self->edits[region][part] != NO_EDIT)
    return self->edits[region][part];
  clause = dm_proposal_lookup (self->proposal, region, part);
  return clause ? clause->status : DM_STATUS_OPEN;
}

gboolean
dm_scenario_is_edited (DmScenario *self,
                       DmRegion    region,
                       DmPart      part)
{
  g_return_val_if_fail (region < DM_N_REGIONS && part < DM_N_PARTS, FALSE);
  return self->edits[region][part] != NO_EDIT;
}

gboolean
dm_scenario_get_modified (DmScenario *self)
{
  for (guint r = 0; r < DM_N_REGIONS; r++)
    for (guint p = 0; p < DM_N_PARTS; p++)
      if (self->edits[r][p] != NO_EDIT)
        return TRUE;
  return FALSE;
}

void
dm_scenario_set_status (DmScenario *self,
                        DmRegion    region,
                        DmPart      part,
                        DmStatus    status)
{
  const DmClause *clause;
  gboolean was_modified;
  int edit;

  g_return_if_fail (DM_IS_SCENARIO (self));
  g_return_if_fail (region < DM_N_REGIONS && part < DM_N_PARTS && status < DM_N_STATUSES);

  /* Setting a part back to the proposal's own status removes the edit. */
  clause = dm_proposal_lookup (self->proposal, region, part);
  edit = (clause != NULL && clause->status == status) ? NO_EDIT : (int) status;
  if (self->edits[region][part] == edit)
    return;

  was_modified = dm_scenario_get_modified (self);
  self->edits[region][part] = edit;
  if (was_modified != dm_scenario_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
dm_scenario_reset (DmScenario *self)
{
  if (!dm_scenario_get_modified (self))
    return;
  clear_edits (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_signal_emit (self, signals[CHANGED], 0);
}

char *
dm_scenario_get_title (DmScenario *self)
{
  if (dm_scenario_get_modified (self))
    return g_strdup_printf (_("%s (modified)"), dm_proposal_get_title (self->proposal));
  return g_strdup (dm_proposal_get_title (self->proposal));
}

DmAnnotationList *
dm_scenario_get_annotations (DmScenario *self)
{
  g_return_val_if_fail (DM_IS_SCENARIO (self), NULL);
  return self->annotations;
}

void
dm_scenario_set_annotations (DmScenario       *self,
                             DmAnnotationList *annotations)
{
  g_return_if_fail (DM_IS_SCENARIO (self));
  g_return_if_fail (DM_IS_ANNOTATION_LIST (annotations));
  g_set_object (&self->annotations, annotations);
}

char *
dm_scenario_to_json (DmScenario *self,
                     const char *control_date)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "demarcate-scenario");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "proposal");
  json_builder_add_string_value (builder, dm_proposal_get_id (self->proposal));
  if (control_date != NULL)
    {
      json_builder_set_member_name (builder, "control_date");
      json_builder_add_string_value (builder, control_date);
    }
  json_builder_set_member_name (builder, "edits");
  json_builder_begin_array (builder);
  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        if (self->edits[r][p] == NO_EDIT)
          continue;
        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "region");
        json_builder_add_string_value (builder, dm_region_to_string (r));
        json_builder_set_member_name (builder, "part");
        json_builder_add_string_value (builder, dm_part_to_string (p));
        json_builder_set_member_name (builder, "status");
        json_builder_add_string_value (builder, dm_status_to_string (self->edits[r][p]));
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);
  /* Only when there are any: a file without them reads as before. */
  if (dm_annotation_list_get_n (self->annotations) > 0)
    {
      json_builder_set_member_name (builder, "annotations");
      json_builder_add_value (builder, dm_annotation_list_to_json (self->annotations));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* Written atomically: a failed save never leaves a half-written scenario. */
gboolean
dm_scenario_save (DmScenario  *self,
                  const char  *path,
                  const char  *control_date,
                  GError     **error)
{
  g_autofree char *json = dm_scenario_to_json (self, control_date);

  return dm_file_write_atomic (path, json, strlen (json), NULL, error);
}

static gboolean
apply_edit (DmScenario  *self,
            JsonArray   *edits,
            guint        index,
            const char  *display,
            GError     **error)
{
  g_autofree char *where = g_strdup_printf (_("%s: edit %u: "), display, index + 1);
  g_autofree char *file = g_strdup_printf ("%s: ", display);
  JsonObject *object;
  const char *region_s, *part_s, *status_s;
  DmRegion region;
  DmPart part;
  DmStatus status;

  if (!dm_json_array_get_object (edits, index, _("edit"), file, &object, error) ||
      !dm_json_get_string (object, "region", DM_JSON_REQUIRED, where, &region_s, error) ||
      !dm_json_get_string (object, "part", DM_JSON_REQUIRED, where, &part_s, error) ||
      !dm_json_get_string (object, "status", DM_JSON_REQUIRED, where, &status_s, error))
    return FALSE;

  if (!dm_region_from_string (region_s, &region))
    {
      g_autofree char *choices = dm_enum_choices (dm_region_names, DM_N_REGIONS + 1);
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s: edit %u: unknown region “%s”; expected %s"),
                   display, index + 1, region_s, choices);
      return FALSE;
    }
  if (!dm_part_from_string (part_s, &part) || part == DM_PART_ALL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s: edit %u (%s): unknown part “%s”; expected russian-held or "
                     "ukrainian-held"), display, index + 1, region_s, part_s);
      return FALSE;
    }
  if (!dm_status_from_string (status_s, &status))
    {
      g_autofree char *choices = dm_enum_choices (dm_status_names, DM_N_STATUSES);
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("%s: edit %u (%s): unknown status “%s”; expected %s"),
                   display, index + 1, region_s, status_s, choices);
      return FALSE;
    }
  /* A scenario saved before the four oblasts were regions says "other". */
  if (region == DM_REGION_OTHER)
    for (DmRegion r = DM_FIRST_OUTER_REGION; r < DM_N_REGIONS; r++)
      dm_scenario_set_status (self, r, part, status);
  else
    dm_scenario_set_status (self, region, part, status);
  return TRUE;
}

/* `display` names the file in messages; `control_date` gets the date the
 * scenario was saved with, or NULL. */
DmScenario *
dm_scenario_new_from_data (const char  *data,
                           gsize        length,
                           const char  *display,
                           DmCatalog   *catalog,
                           char       **control_date,
                           GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s: ", display);
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(DmScenario) self = NULL;
  JsonObject *root;
  JsonArray *edits, *annotations;
  g_autoptr(DmAnnotationList) list = NULL;
  const char *format, *proposal_id, *date;
  DmProposal *proposal;

  if (control_date != NULL)
    *control_date = NULL;
  root_node = dm_json_parse_data (data, length, display, error);
  if (root_node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: not a scenario file (it holds %s, not an object)"), display,
                   dm_json_describe (root_node));
      return NULL;
    }
  root = json_node_get_object (root_node);
  if (!dm_json_get_string (root, "format", DM_JSON_OPTIONAL, where, &format, error))
    return NULL;
  if (g_strcmp0 (format, "demarcate-scenario") != 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: not a scenario file (its “format” should be “demarcate-scenario”)"),
                   display);
      return NULL;
    }
  if (!dm_json_get_string (root, "proposal", DM_JSON_REQUIRED, where, &proposal_id, error) ||
      !dm_json_get_string (root, "control_date", DM_JSON_OPTIONAL, where, &date, error) ||
      !dm_json_get_array (root, "edits", DM_JSON_OPTIONAL, DM_SCENARIO_MAX_EDITS, where, &edits,
                          error) ||
      !dm_json_get_array (root, "annotations", DM_JSON_OPTIONAL, DM_ANNOTATION_MAX, where,
                          &annotations, error))
    return NULL;
  /* Scenarios saved before annotations existed have none. */
  if (annotations != NULL)
    {
      list = dm_annotation_list_new_from_json (annotations, where, error);
      if (list == NULL)
        return NULL;
    }

  proposal = dm_catalog_find_proposal (catalog, proposal_id);
  if (proposal == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_NOT_FOUND,
                   _("%s: the scenario is based on an unknown proposal “%s”; "
                     "run “demarcate list” to see the ids"),
                   display, proposal_id);
      return NULL;
    }

  self = dm_scenario_new (proposal);
  for (guint i = 0; edits != NULL && i < json_array_get_length (edits); i++)
    if (!apply_edit (self, edits, i, display, error))
      return NULL;
  if (list != NULL)
    dm_scenario_set_annotations (self, list);

  if (control_date != NULL)
    *control_date = g_strdup (date);
  return g_steal_pointer (&self);
}

DmScenario *
dm_scenario_load (const char  *path,
                  DmCatalog   *catalog,
                  char       **control_date,
                  GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *data = NULL;
  gsize length;

  if (control_date != NULL)
    *control_date = NULL;
  data = dm_json_read_file (path, _("a scenario file"), &length, error);
  if (data == NULL)
    return NULL;
  return dm_scenario_new_from_data (data, length, display, catalog, control_date, error);
}
