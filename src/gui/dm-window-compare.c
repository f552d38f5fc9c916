/* dm-window-compare.c: "Compare with": the dropdown of proposals and days that drives the comparison. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-loader.h"
#include "dm-window-private.h"

/* Items: "No Comparison", then each proposal but the one shown (a
 * proposal against itself shows nothing), then each day. */
static void
compare_selected_cb (DmWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->compare_dropdown);
  GPtrArray *proposals = self->compare_offered;
  g_auto(GStrv) days = NULL;

  if (proposals == NULL || dm_scene_get_geodata (self->scene) == NULL)
    return;
  days = dm_loader_dup_days (self->catalog);
  if (selected >= 1 && selected <= proposals->len)
    dm_comparison_show_proposal (self->comparison, g_ptr_array_index (proposals, selected - 1));
  else if (selected > proposals->len && selected - proposals->len - 1 < g_strv_length (days))
    dm_comparison_show_day (self->comparison, self->catalog,
                            days[selected - proposals->len - 1]);
  else
    dm_comparison_show_proposal (self->comparison, NULL);
}

/* The item of a proposal id or a date in "Compare with"; 0 (No
 * Comparison) when it offers none such. */
static guint
item_index (DmWindow   *self,
            const char *what)
{
  GPtrArray *proposals = self->compare_offered;
  g_auto(GStrv) days = NULL;
  guint index;

  if (proposals == NULL)
    return 0;
  if (g_ptr_array_find (proposals, dm_catalog_find_proposal (self->catalog, what), &index))
    return index + 1;
  days = dm_loader_dup_days (self->catalog);
  for (index = 0; days[index] != NULL; index++)
    if (g_str_equal (days[index], what))
      return proposals->len + 1 + index;
  return 0;
}

static DmProposal *
shown_proposal (DmWindow *self)
{
  DmScenario *scenario = dm_scene_get_scenario (self->scene);

  return scenario ? dm_scenario_get_proposal (scenario) : NULL;
}

/* "Compare with": another proposal, or this one on another date's line.
 * Rebuilt when imports add dates or another proposal is shown, keeping
 * what was being compared (unless it is now the one shown). */
void
_dm_window_compare_setup (DmWindow *self)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  GPtrArray *all = dm_catalog_get_proposals (self->catalog);
  GPtrArray *proposals = g_ptr_array_new ();
  DmProposal *shown = shown_proposal (self);
  g_auto(GStrv) days = dm_loader_dup_days (self->catalog);
  g_autofree char *keep = g_strdup (dm_comparison_get_target (self->comparison));
  guint keep_index = 0;

  for (guint i = 0; i < all->len; i++)
    if (g_ptr_array_index (all, i) != shown)
      g_ptr_array_add (proposals, g_ptr_array_index (all, i));
  g_clear_pointer (&self->compare_offered, g_ptr_array_unref);
  self->compare_offered = proposals;
  self->compare_excluded = shown;

  gtk_string_list_append (items, _("No Comparison"));
  for (guint i = 0; i < proposals->len; i++)
    {
      g_autofree char *item = g_strdup_printf (_("Compare with %s"),
        dm_proposal_get_short_title (g_ptr_array_index (proposals, i)));
      gtk_string_list_append (items, item);
    }
  for (guint i = 0; days[i] != NULL; i++)
    {
      g_autofree char *item = g_strdup_printf (_("Compare with the line of %s"), days[i]);
      gtk_string_list_append (items, item);
    }
  /* What is compared already stays selected without being loaded again. */
  keep_index = keep != NULL ? item_index (self, keep) : 0;
  g_signal_handlers_block_by_func (self->compare_dropdown, compare_selected_cb, self);
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (items));
  gtk_drop_down_set_selected (self->compare_dropdown, keep_index);
  g_signal_handlers_unblock_by_func (self->compare_dropdown, compare_selected_cb, self);
  if (keep_index == 0)
    dm_comparison_show_proposal (self->comparison, NULL);
}

static void
shown_proposal_changed_cb (DmWindow *self)
{
  if (self->compare_offered != NULL && shown_proposal (self) != self->compare_excluded)
    _dm_window_compare_setup (self);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *box;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (!ellipsize)
    {
      gtk_list_item_set_child (item, label);
      return;
    }
  /* The header shows what it has room for, down to the icon alone in a
   * phone-sized window; the list shows each item whole. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_hexpand (label, TRUE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("view-dual-symbolic"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  ellipsize)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  if (ellipsize)
    label = gtk_widget_get_last_child (label);
  gtk_label_set_text (GTK_LABEL (label), string ? gtk_string_object_get_string (string) : "");
}

static GtkListItemFactory *
label_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (ellipsize));
  return factory;
}

void
_dm_window_compare_init (DmWindow *self)
{
  g_autoptr(GtkListItemFactory) button = label_factory (TRUE);
  g_autoptr(GtkListItemFactory) list = label_factory (FALSE);

  gtk_drop_down_set_factory (self->compare_dropdown, button);
  gtk_drop_down_set_list_factory (self->compare_dropdown, list);
  g_signal_connect_object (self->compare_dropdown, "notify::selected",
                           G_CALLBACK (compare_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scene, "notify::scenario", G_CALLBACK (shown_proposal_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

void
_dm_window_compare_dispose (DmWindow *self)
{
  g_clear_pointer (&self->compare_offered, g_ptr_array_unref);
}

/* Selects a proposal id, or a control date, in "Compare with" (NULL: no
 * comparison), as a user would; FALSE for an unknown one, or for the
 * proposal shown. */
gboolean
dm_window_compare_with (DmWindow   *self,
                        const char *what)
{
  guint index;

  if (self->catalog == NULL)
    return FALSE;
  if (what == NULL)
    {
      gtk_drop_down_set_selected (self->compare_dropdown, 0);
      return TRUE;
    }
  index = item_index (self, what);
  if (index == 0)
    return FALSE;
  gtk_drop_down_set_selected (self->compare_dropdown, index);
  return TRUE;
}

/* The ShumateSimpleMap on the left (0) or right (1). */
GtkWidget *
dm_window_get_map (DmWindow *self,
                   guint     index)
{
  return GTK_WIDGET (index == 0 ? self->map : dm_comparison_get_second_map (self->comparison));
}
