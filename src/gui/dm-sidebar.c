/* dm-sidebar.c: the proposal list and, per region part, its status (editable), clause, sources and area. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-format.h"
#include "dm-number.h"
#include "dm-sidebar.h"

struct _DmSidebar
{
  GtkWidget    parent_instance;

  GtkWidget   *scroller;
  GtkListBox  *proposals;
  GtkWidget   *modified_revealer;
  GtkLabel    *modified_label;
  GtkLabel    *summary_label;
  GtkLabel    *handover_label;
  GtkLabel    *differences_label;
  GtkBox      *regions_box;

  GListStore  *proposal_store;  /* DmProposal, what the list shows */
  DmScenario  *scenario;
  DmPartition *partition;
  DmScenario  *compare;
  AdwComboRow *rows[DM_N_REGIONS][DM_N_PARTS];   /* the status, editable */
  AdwActionRow *notes[DM_N_REGIONS][DM_N_PARTS]; /* the clause and its sources */
  gboolean     updating;
  gboolean     regions_shown;  /* after the first frame with them filled */
};

G_DEFINE_FINAL_TYPE (DmSidebar, dm_sidebar, GTK_TYPE_WIDGET)

enum {
  PROPOSAL_ACTIVATED,
  PART_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_proposal_row (gpointer item,
                     gpointer user_data)
{
  DmProposal *proposal = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  const char *date = dm_proposal_get_date (proposal);

  subtitle = g_strdup_printf ("%s%s%s", dm_proposal_get_sponsor (proposal),
                              date ? " · " : "", date ? date : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dm_proposal_get_title (proposal));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
proposal_row_activated_cb (DmSidebar     *self,
                           GtkListBoxRow *row)
{
  g_autoptr(DmProposal) proposal =
    g_list_model_get_item (G_LIST_MODEL (self->proposal_store), gtk_list_box_row_get_index (row));

  if (proposal != NULL && !self->updating)
    g_signal_emit (self, signals[PROPOSAL_ACTIVATED], 0, proposal);
}

/* The proposals to choose from, in the catalog's order. */
void
dm_sidebar_set_catalog (DmSidebar *self,
                        DmCatalog *catalog)
{
  GPtrArray *proposals = dm_catalog_get_proposals (catalog);

  g_list_store_splice (self->proposal_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->proposal_store)),
                       proposals->pdata, proposals->len);
}

static void
status_selected_cb (AdwComboRow *row,
                    GParamSpec  *pspec,
                    DmSidebar   *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->scenario == NULL || selected >= DM_N_STATUSES)
    return;
  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      if (self->rows[r][p] == row)
        {
          dm_scenario_set_status (self->scenario, r, p, selected);
          return;
        }
}

/* The clause row: how certain, what the text or report says, sources. The
 * status itself is the combo row's subtitle, never ellipsized. */
static void
show_clause (DmSidebar *self,
             DmRegion   region,
             DmPart     part)
{
  const DmClause *clause = dm_scenario_get_clause (self->scenario, region, part);
  g_autofree char *area = dm_number_format_area (dm_partition_get_area (self->partition, region, part));
  g_autofree char *title = g_strdup_printf ("%s · %s", dm_part_label (part), area);
  g_autofree char *sources = NULL;
  g_autoptr(GString) s = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[region][part]), title);
  {
    /* The group's title (the region) is not read with the row: the
     * row's name says which region and part it sets. */
    g_autofree char *name = dm_format_part_name (region, part);
    g_autofree char *label = g_strdup_printf ("%s · %s", name, area);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[region][part]),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->notes[region][part]), clause != NULL);
  if (clause == NULL)
    return;

  if (dm_scenario_is_edited (self->scenario, region, part))
    g_string_append_printf (s, _("Edited by you; the proposal says: %s\n"),
                            dm_status_label (clause->status));
  if (clause->note != NULL && *clause->note != '\0')
    g_string_append_printf (s, "%s\n", clause->note);
  if (clause->has_earlier)
    g_string_append_printf (s, "%s %s (%s)\n", _("Reported earlier:"),
                            dm_status_label (clause->earlier_status), clause->earlier_proposal);
  sources = dm_clause_format_sources (clause);
  g_string_append_printf (s, "%s %s", _("Sources:"), sources);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notes[region][part]),
                                 dm_proposal_is_baseline (dm_scenario_get_proposal (self->scenario))
                                 ? _("A baseline for comparison, not a proposal")
                                 : dm_certainty_label (clause->certainty));
  adw_action_row_set_subtitle (self->notes[region][part], s->str);
}

static void
show_part_clicked_cb (GtkButton *button,
                      DmSidebar *self)
{
  g_signal_emit (self, signals[PART_ACTIVATED], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "dm-region")),
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "dm-part")));
}

/* "Show on the Map": the part's popover without a mouse, for each part
 * in the order the sidebar lists them (the map has no order to Tab
 * through, and its arrow keys pan). */
static GtkWidget *
show_part_button (DmSidebar *self,
                  DmRegion   region,
                  DmPart     part)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("find-location-symbolic");
  g_autofree char *name = dm_format_part_name (region, part);
  /* TRANSLATORS: %s is a region part, e.g. "Donetsk, Ukrainian-held part". */
  g_autofree char *label = g_strdup_printf (_("Show %s on the Map"), name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Show on the Map"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "dm-region", GUINT_TO_POINTER (region));
  g_object_set_data (G_OBJECT (button), "dm-part", GUINT_TO_POINTER (part));
  g_signal_connect_object (button, "clicked", G_CALLBACK (show_part_clicked_cb), self, 0);
  return button;
}

static void
build_regions (DmSidebar *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkWidget *child;

  for (DmStatus s = 0; s < DM_N_STATUSES; s++)
    gtk_string_list_append (statuses, dm_status_label (s));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->regions_box))) != NULL)
    gtk_box_remove (self->regions_box, child);

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), dm_region_label (r));
      for (DmPart p = 0; p < DM_N_PARTS; p++)
        {
          AdwComboRow *row;

          row = ADW_COMBO_ROW (adw_combo_row_new ());
          adw_combo_row_set_model (row, G_LIST_MODEL (statuses));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dm_part_label (p));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          /* The selected status shows as the subtitle, in full. */
          g_object_set (row, "use-subtitle", TRUE, NULL);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), show_part_button (self, r, p));
          g_signal_connect_object (row, "notify::selected", G_CALLBACK (status_selected_cb),
                                   self, 0);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
          self->rows[r][p] = row;

          self->notes[r][p] = ADW_ACTION_ROW (adw_action_row_new ());
          g_object_set (self->notes[r][p], "subtitle-lines", 0, "title-lines", 0, NULL);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->notes[r][p]), FALSE);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     GTK_WIDGET (self->notes[r][p]));
        }
      gtk_box_append (self->regions_box, group);
    }
}

static void
select_proposal_row (DmSidebar  *self,
                     DmProposal *proposal)
{
  guint index;

  if (g_list_store_find (self->proposal_store, proposal, &index))
    gtk_list_box_select_row (self->proposals, gtk_list_box_get_row_at_index (self->proposals,
                                                                             index));
}

/* With a second proposal: each part whose status differs, both statuses
 * and its area. */
static void
update_differences (DmSidebar *self)
{
  g_autoptr(GArray) diffs = NULL;
  g_autoptr(GString) text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->differences_label), self->compare != NULL);
  if (self->compare == NULL)
    return;

  /* By who would hold the land; the status wording alone is no difference. */
  diffs = dm_stats_differences (self->partition, self->scenario, self->compare, FALSE);
  text = g_string_new (NULL);
  g_string_append_printf (text, _("Parts held differently from “%s”: %u"),
                          dm_proposal_get_short_title (dm_scenario_get_proposal (self->compare)),
                          diffs->len);
  for (guint i = 0; i < diffs->len; i++)
    {
      DmDifference *d = &g_array_index (diffs, DmDifference, i);
      g_autofree char *area = dm_number_format_area (d->area_km2);

      g_string_append_printf (text, "\n• %s, %s: %s (%s, %s) → %s (%s, %s) (%s)",
                              dm_region_label (d->region), dm_part_label (d->part),
                              dm_holder_label (d->holder_a), dm_status_label (d->status_a),
                              dm_part_certainty_word (d->certainty_a),
                              dm_holder_label (d->holder_b), dm_status_label (d->status_b),
                              dm_part_certainty_word (d->certainty_b), area);
    }
  gtk_label_set_text (self->differences_label, text->str);
}

void
dm_sidebar_set_compare (DmSidebar  *self,
                        DmScenario *compare)
{
  g_set_object (&self->compare, compare);
  if (self->scenario != NULL && self->partition != NULL)
    update_differences (self);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->differences_label), compare != NULL);
}

static void
update_summary (DmSidebar *self)
{
  DmProposal *proposal = dm_scenario_get_proposal (self->scenario);
  g_autofree char *modified = NULL;
  g_autofree char *handover = NULL;

  {
    /* Terms beyond territory (NATO, the nuclear plant, sanctions…) belong
     * to the picture even though the map cannot show them. */
    const char * const *terms = dm_proposal_get_other_terms (proposal);
    g_autoptr(GString) summary = g_string_new (dm_proposal_get_summary (proposal));

    if (terms[0] != NULL)
      g_string_append_printf (summary, "\n\n%s", _("Other terms:"));
    for (guint i = 0; terms[i] != NULL; i++)
      g_string_append_printf (summary, "\n• %s", terms[i]);
    gtk_label_set_text (self->summary_label, summary->str);
  }

  handover = dm_stats_headline (self->partition, self->scenario);
  gtk_label_set_text (self->handover_label, handover);

  modified = g_strdup_printf (_("Your scenario, based on “%s”"),
                              dm_proposal_get_short_title (proposal));
  gtk_label_set_text (self->modified_label, modified);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->modified_revealer),
                                 dm_scenario_get_modified (self->scenario));
  update_differences (self);
}

/* The regions' 36 rows take about a quarter of a second of text layout
 * (measured: first painted map 603 -> 370 ms without them), and at
 * start-up they are below the proposals, out of sight: they are shown
 * once the first frame with the map is painted, and at once whenever
 * something asks for a row. */
static void
reveal_regions (DmSidebar *self)
{
  self->regions_shown = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->regions_box), TRUE);
}

static void
reveal_after_paint_cb (GdkFrameClock *clock,
                       DmSidebar     *self)
{
  g_signal_handlers_disconnect_by_func (clock, reveal_after_paint_cb, self);
  reveal_regions (self);
}

static void
reveal_regions_soon (DmSidebar *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->regions_shown)
    return;
  if (clock == NULL)
    {
      reveal_regions (self);
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, reveal_after_paint_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (reveal_after_paint_cb), self, 0);
}

/* Shows a scenario's statuses and clauses for the partition's areas. */
void
dm_sidebar_show (DmSidebar   *self,
                 DmScenario  *scenario,
                 DmPartition *partition)
{
  g_set_object (&self->scenario, scenario);
  if (partition != NULL)
    dm_partition_ref (partition);
  g_clear_pointer (&self->partition, dm_partition_unref);
  self->partition = partition;

  if (scenario == NULL || partition == NULL)
    return;

  self->updating = TRUE;
  select_proposal_row (self, dm_scenario_get_proposal (scenario));
  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        AdwComboRow *row = self->rows[r][p];

        if (row == NULL)
          continue;
        adw_combo_row_set_selected (row, dm_scenario_get_status (scenario, r, p));
        show_clause (self, r, p);
        if (dm_partition_is_sliver (partition, r, p))
          {
            gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
            gtk_widget_set_visible (GTK_WIDGET (self->notes[r][p]), FALSE);
          }
        else
          gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
      }
  update_summary (self);
  self->updating = FALSE;
  reveal_regions_soon (self);
}

void
dm_sidebar_select_part (DmSidebar *self,
                        DmRegion   region,
                        DmPart     part)
{
  AdwComboRow *row;

  g_return_if_fail (region < DM_N_REGIONS && part < DM_N_PARTS);
  if (!self->regions_shown)
    reveal_regions (self);
  row = self->rows[region][part];
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
dm_sidebar_dispose (GObject *object)
{
  DmSidebar *self = DM_SIDEBAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_SIDEBAR);
  g_clear_object (&self->scenario);
  g_clear_object (&self->compare);
  g_clear_pointer (&self->partition, dm_partition_unref);
  g_clear_object (&self->proposal_store);
  G_OBJECT_CLASS (dm_sidebar_parent_class)->dispose (object);
}

static void
dm_sidebar_class_init (DmSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_sidebar_dispose;

  /* (proposal): the user picked a proposal in the list. */
  signals[PROPOSAL_ACTIVATED] = g_signal_new ("proposal-activated", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, DM_TYPE_PROPOSAL);

  /* (region, part): the user asked to see a part on the map. */
  signals[PART_ACTIVATED] = g_signal_new ("part-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/demarcate/Demarcate/ui/dm-sidebar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, DmSidebar, scroller);
  gtk_widget_class_bind_template_child (widget_class, DmSidebar, proposals);
  gtk_widget_class_bind_template_child (widget_class, DmSidebar, modified_revealer);
  gtk_widget_class_bind_template_child (widget_class, DmSidebar, modified_label);
  gtk_widget_class_bind_template_child (widget_class, DmSidebar, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DmSidebar, handover_label);
  gtk_widget_class_bind_template_child (widget_class, DmSidebar, differences_label);
  gtk_widget_class_bind_template_child (widget_class, DmSidebar, regions_box);
  gtk_widget_class_bind_template_callback (widget_class, proposal_row_activated_cb);
}

static void
dm_sidebar_init (DmSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->proposal_store = g_list_store_new (DM_TYPE_PROPOSAL);
  gtk_list_box_bind_model (self->proposals, G_LIST_MODEL (self->proposal_store),
                           create_proposal_row, NULL, NULL);
  build_regions (self);
  gtk_widget_set_visible (GTK_WIDGET (self->regions_box), FALSE);
}
