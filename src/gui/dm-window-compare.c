/* dm-window-compare.c: "Compare with": the dropdown of proposals and days that drives the comparison. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-loader.h"
#include "dm-window-private.h"

/* Items: "No Comparison", then each proposal, then each day. */
static void
compare_selected_cb (DmWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->compare_dropdown);
  GPtrArray *proposals = self->catalog ? dm_catalog_get_proposals (self->catalog) : NULL;
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

/* "Compare with": another proposal, or this one on another date's line.
 * Rebuilt when imports add dates, keeping what was being compared. */
void
_dm_window_compare_setup (DmWindow *self)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  GPtrArray *proposals = dm_catalog_get_proposals (self->catalog);
  g_auto(GStrv) days = dm_loader_dup_days (self->catalog);
  g_autofree char *keep = g_strdup (dm_comparison_get_target (self->comparison));

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
  g_signal_handlers_block_by_func (self->compare_dropdown, compare_selected_cb, self);
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (items));
  gtk_drop_down_set_selected (self->compare_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->compare_dropdown, compare_selected_cb, self);
  if (keep == NULL || !dm_window_compare_with (self, keep))
    dm_comparison_show_proposal (self->comparison, NULL);
}

void
_dm_window_compare_init (DmWindow *self)
{
  g_signal_connect_object (self->compare_dropdown, "notify::selected",
                           G_CALLBACK (compare_selected_cb), self, G_CONNECT_SWAPPED);
}

/* Selects a proposal id, or a control date, in "Compare with" (NULL: no
 * comparison), as a user would; FALSE for an unknown one. */
gboolean
dm_window_compare_with (DmWindow   *self,
                        const char *what)
{
  GPtrArray *proposals;
  g_auto(GStrv) days = NULL;
  guint index;

  if (self->catalog == NULL)
    return FALSE;
  if (what == NULL)
    {
      gtk_drop_down_set_selected (self->compare_dropdown, 0);
      return TRUE;
    }
  proposals = dm_catalog_get_proposals (self->catalog);
  if (g_ptr_array_find (proposals, dm_catalog_find_proposal (self->catalog, what), &index))
    {
      gtk_drop_down_set_selected (self->compare_dropdown, index + 1);
      return TRUE;
    }
  days = dm_loader_dup_days (self->catalog);
  for (index = 0; days[index] != NULL; index++)
    if (g_str_equal (days[index], what))
      {
        gtk_drop_down_set_selected (self->compare_dropdown, proposals->len + 1 + index);
        return TRUE;
      }
  return FALSE;
}

/* The ShumateSimpleMap on the left (0) or right (1). */
GtkWidget *
dm_window_get_map (DmWindow *self,
                   guint     index)
{
  return GTK_WIDGET (index == 0 ? self->map : dm_comparison_get_second_map (self->comparison));
}
