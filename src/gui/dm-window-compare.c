/* dm-window-compare.c: two proposals on two synchronised maps, or on one map with a swipe divider. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-loader.h"
#include "dm-window-private.h"

#define HANDLE_WIDTH 24

static void
clear_overlay_b (DmWindow *self)
{
  if (self->overlay_b != NULL)
    {
      GtkWidget *map = gtk_widget_get_ancestor (GTK_WIDGET (self->overlay_b),
                                                SHUMATE_TYPE_SIMPLE_MAP);

      if (map != NULL)
        shumate_simple_map_remove_overlay_layer (SHUMATE_SIMPLE_MAP (map),
                                                 SHUMATE_LAYER (self->overlay_b));
      self->overlay_b = NULL;
    }
  if (self->view_bindings != NULL)
    {
      for (guint i = 0; i < self->view_bindings->len; i++)
        g_binding_unbind (g_ptr_array_index (self->view_bindings, i));
      g_ptr_array_set_size (self->view_bindings, 0);
    }
}

static void
update_swipe_clip (DmWindow *self)
{
  gboolean swipe = self->scenario_b != NULL && g_strcmp0 (self->compare_mode, "swipe") == 0;

  if (self->overlay == NULL)
    return;
  dm_overlay_layer_set_band (self->overlay, 0, swipe ? self->swipe_fraction : 1.0);
  if (swipe && self->overlay_b != NULL)
    dm_overlay_layer_set_band (self->overlay_b, self->swipe_fraction, 1.0);
  gtk_widget_queue_allocate (GTK_WIDGET (self->map_overlay));
}

static void
bind_viewports (DmWindow *self)
{
  ShumateViewport *a = shumate_simple_map_get_viewport (self->map);
  ShumateViewport *b = shumate_simple_map_get_viewport (self->map_b);
  const char *props[] = { "zoom-level", "latitude", "longitude", "rotation" };

  /* Zoom first, so B does not pan at the wrong zoom for one frame. */
  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    g_ptr_array_add (self->view_bindings,
                     g_object_bind_property (a, props[i], b, props[i],
                                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
}

static void
update_labels (DmWindow *self)
{
  gboolean swipe = g_strcmp0 (self->compare_mode, "swipe") == 0;
  g_autofree char *label_a = NULL;
  g_autofree char *label_b = NULL;

  if (self->scenario == NULL || self->scenario_b == NULL)
    return;
  if (self->compare_date != NULL)
    {
      g_autofree char *a = g_strdup_printf (_("Line of %s"), self->control_date);
      g_autofree char *b = g_strdup_printf (_("Line of %s"), self->compare_date);

      label_a = g_strdup_printf ("%s%s", swipe ? "◀ " : "", a);
      label_b = g_strdup_printf ("%s%s", b, swipe ? " ▶" : "");
    }
  else
    {
      label_a = g_strdup_printf ("%s%s", swipe ? "◀ " : "",
                                 dm_proposal_get_short_title (
                                   dm_scenario_get_proposal (self->scenario)));
      label_b = g_strdup_printf ("%s%s",
                                 dm_proposal_get_short_title (
                                   dm_scenario_get_proposal (self->scenario_b)),
                                 swipe ? " ▶" : "");
    }
  gtk_label_set_text (self->compare_label_a, label_a);
  gtk_label_set_text (self->compare_label_b, label_b);
}

/* Rebuilds the second map or layer for the current mode. */
static void
apply_mode (DmWindow *self)
{
  gboolean comparing = self->scenario_b != NULL && self->scene_b != NULL;
  gboolean side = comparing && g_strcmp0 (self->compare_mode, "swipe") != 0;
  gboolean swipe = comparing && !side;
  gboolean was_side = gtk_widget_get_visible (GTK_WIDGET (self->map_b));

  clear_overlay_b (self);
  /* Two maps share the width: the legend folds to a button until asked. */
  if (side != was_side)
    dm_legend_set_expanded (self->legend, !side);
  gtk_widget_set_visible (GTK_WIDGET (self->map_b), side);
  gtk_widget_set_visible (self->swipe_handle, swipe);
  gtk_widget_set_visible (self->compare_mode_box, comparing);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_label_a), comparing);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_label_b), comparing);

  if (side)
    {
      _dm_window_apply_basemap (self);
      shumate_scale_set_unit (shumate_simple_map_get_scale (self->map_b), SHUMATE_UNIT_METRIC);
      self->overlay_b = dm_overlay_layer_new (shumate_simple_map_get_viewport (self->map_b),
                                              self->scene_b);
      shumate_simple_map_add_overlay_layer (self->map_b, SHUMATE_LAYER (self->overlay_b));
      bind_viewports (self);
      /* Each map is half as wide now: frame the regions again once laid out. */
      if (!was_side)
        g_idle_add_full (G_PRIORITY_LOW, (GSourceFunc) _dm_window_zoom_home_idle,
                       g_object_ref (self), g_object_unref);
    }
  else if (swipe)
    {
      self->overlay_b = dm_overlay_layer_new (shumate_simple_map_get_viewport (self->map),
                                              self->scene_b);
      shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->overlay_b));
    }

  update_labels (self);
  update_swipe_clip (self);
  _dm_window_refresh (self);
}

/* Keeps the second scene in step with the first: date, highlights. */
void
_dm_window_compare_update (DmWindow *self)
{
  /* Two dates: the second map shows this very scenario, edits included. */
  if (self->compare_date != NULL && self->scenario != NULL && self->scene_b != NULL)
    {
      g_set_object (&self->scenario_b, self->scenario);
      dm_scene_set_scenario (self->scene_b, self->scenario);
    }
  dm_sidebar_set_compare (self->sidebar, self->compare_date ? NULL : self->scenario_b);
  if (self->scene == NULL)
    return;
  dm_scene_set_compare (self->scene, self->compare_date ? NULL : self->scenario_b);
  if (self->scene_b == NULL)
    return;
  dm_scene_set_partition (self->scene_b, self->compare_date ? self->partition_b
                                                            : self->partition);
  dm_scene_set_compare (self->scene_b, self->compare_date ? NULL : self->scenario);
  *dm_scene_get_options (self->scene_b) = *dm_scene_get_options (self->scene);
  if (self->overlay_b != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->overlay_b));
  update_labels (self);
}

static void
clear_compare_date (DmWindow *self)
{
  g_cancellable_cancel (self->partition_b_cancellable);
  g_clear_object (&self->partition_b_cancellable);
  g_clear_pointer (&self->compare_date, g_free);
  g_clear_pointer (&self->partition_b, dm_partition_unref);
}

void
_dm_window_set_compare (DmWindow   *self,
                        DmProposal *proposal)
{
  clear_compare_date (self);
  g_clear_object (&self->scenario_b);
  g_clear_pointer (&self->scene_b, dm_scene_unref);
  clear_overlay_b (self);

  if (proposal != NULL && self->geodata != NULL)
    {
      self->scenario_b = dm_scenario_new (proposal);
      self->scene_b = dm_scene_new (self->geodata);
      dm_scene_set_scenario (self->scene_b, self->scenario_b);
      dm_scene_copy_extras (self->scene_b, self->scene);
    }
  _dm_window_compare_update (self);
  apply_mode (self);
}

static void
partition_b_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  DmPartition *partition = dm_load_partition_finish (result, &error);

  if (partition == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dm_window_show_error (self, error->message);
      return;
    }
  g_clear_pointer (&self->partition_b, dm_partition_unref);
  self->partition_b = partition;
  _dm_window_compare_update (self);
  if (self->overlay_b != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->overlay_b));
}

/* The same scenario against the line of contact of another date. */
static void
set_compare_date (DmWindow   *self,
                  const char *date)
{
  const DmControlInfo *info = dm_catalog_find_control (self->catalog, date);

  /* Cleared without relaying out, so the maps keep their view. */
  clear_compare_date (self);
  g_clear_object (&self->scenario_b);
  g_clear_pointer (&self->scene_b, dm_scene_unref);
  if (info == NULL || self->geodata == NULL || self->scenario == NULL)
    {
      _dm_window_set_compare (self, NULL);
      return;
    }
  self->compare_date = g_strdup (info->date);
  self->scenario_b = g_object_ref (self->scenario);
  self->scene_b = dm_scene_new (self->geodata);
  dm_scene_set_scenario (self->scene_b, self->scenario_b);
  dm_scene_copy_extras (self->scene_b, self->scene);
  self->partition_b_cancellable = g_cancellable_new ();
  dm_load_partition_async (self->geodata, self->catalog, info, self->partition_b_cancellable,
                           partition_b_loaded_cb, g_object_ref (self));
  /* Drops the previous proposal's outlines: one scenario, nothing differs. */
  _dm_window_compare_update (self);
  apply_mode (self);
}

static void
compare_selected_cb (DmWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->compare_dropdown);
  GPtrArray *proposals = self->catalog ? dm_catalog_get_proposals (self->catalog) : NULL;
  GPtrArray *controls = self->catalog ? dm_catalog_get_controls (self->catalog) : NULL;

  if (proposals == NULL)
    return;
  if (selected >= 1 && selected <= proposals->len)
    _dm_window_set_compare (self, g_ptr_array_index (proposals, selected - 1));
  else if (selected > proposals->len && selected - proposals->len - 1 < controls->len)
    set_compare_date (self, ((DmControlInfo *) g_ptr_array_index (
                               controls, selected - proposals->len - 1))->date);
  else
    _dm_window_set_compare (self, NULL);
}

/* "Compare with": another proposal, or this one on another date's line.
 * Rebuilt when imports add dates. */
void
_dm_window_compare_setup (DmWindow *self)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  GPtrArray *proposals = dm_catalog_get_proposals (self->catalog);
  GPtrArray *controls = dm_catalog_get_controls (self->catalog);

  gtk_string_list_append (items, _("No Comparison"));
  for (guint i = 0; i < proposals->len; i++)
    {
      g_autofree char *item = g_strdup_printf (_("Compare with %s"),
        dm_proposal_get_short_title (g_ptr_array_index (proposals, i)));
      gtk_string_list_append (items, item);
    }
  for (guint i = 0; i < controls->len; i++)
    {
      g_autofree char *item = g_strdup_printf (_("Compare with the line of %s"),
        ((DmControlInfo *) g_ptr_array_index (controls, i))->date);
      gtk_string_list_append (items, item);
    }
  /* Rebuilt after an import adds dates: keep what was being compared. */
  {
    g_autofree char *keep = self->compare_date ? g_strdup (self->compare_date)
                          : self->scenario_b ? g_strdup (dm_proposal_get_id (
                                                 dm_scenario_get_proposal (self->scenario_b)))
                          : NULL;

    g_signal_handlers_block_by_func (self->compare_dropdown, compare_selected_cb, self);
    gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (items));
    gtk_drop_down_set_selected (self->compare_dropdown, 0);
    g_signal_handlers_unblock_by_func (self->compare_dropdown, compare_selected_cb, self);
    if (keep == NULL || !dm_window_compare_with (self, keep))
      _dm_window_set_compare (self, NULL);
  }
}

static gboolean
get_child_position_cb (DmWindow      *self,
                       GtkWidget     *child,
                       GdkRectangle  *allocation,
                       GtkOverlay    *overlay)
{
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int height = gtk_widget_get_height (GTK_WIDGET (overlay));

  if (child == GTK_WIDGET (self->compare_label_a) || child == GTK_WIDGET (self->compare_label_b))
    {
      gboolean swipe = g_strcmp0 (self->compare_mode, "swipe") == 0;
      gboolean is_a = child == GTK_WIDGET (self->compare_label_a);
      /* Centred over its map (side by side) or its side of the divider. */
      double centre = swipe ? (is_a ? self->swipe_fraction / 2
                                    : (1.0 + self->swipe_fraction) / 2)
                            : (is_a ? 0.25 : 0.75);
      int w, h;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
      allocation->x = CLAMP ((int) (width * centre) - w / 2, 0, MAX (0, width - w));
      allocation->y = 12;
      allocation->width = w;
      allocation->height = h;
      return TRUE;
    }
  if (child != self->swipe_handle)
    return FALSE;
  allocation->x = (int) (width * self->swipe_fraction) - HANDLE_WIDTH / 2;
  allocation->y = 0;
  allocation->width = HANDLE_WIDTH;
  allocation->height = height;
  return TRUE;
}

static void
swipe_drag_begin_cb (DmWindow       *self,
                     double          x,
                     double          y,
                     GtkGestureDrag *gesture)
{
  self->swipe_drag_start = self->swipe_fraction;
}

static void
swipe_drag_update_cb (DmWindow       *self,
                      double          dx,
                      double          dy,
                      GtkGestureDrag *gesture)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->map_overlay));

  if (width <= 0)
    return;
  self->swipe_fraction = CLAMP (self->swipe_drag_start + dx / width, 0.02, 0.98);
  update_swipe_clip (self);
}

static void
compare_mode_changed_cb (DmWindow *self)
{
  apply_mode (self);
}

void
_dm_window_compare_init (DmWindow *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->swipe_fraction = 0.5;
  self->view_bindings = g_ptr_array_new ();
  g_signal_connect_object (self->map_overlay, "get-child-position",
                           G_CALLBACK (get_child_position_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (swipe_drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (swipe_drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->swipe_handle, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect_object (self, "notify::compare-mode", G_CALLBACK (compare_mode_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_dropdown, "notify::selected",
                           G_CALLBACK (compare_selected_cb), self, G_CONNECT_SWAPPED);
}

void
_dm_window_compare_dispose (DmWindow *self)
{
  clear_compare_date (self);
  clear_overlay_b (self);
  g_clear_pointer (&self->view_bindings, g_ptr_array_unref);
  g_clear_object (&self->scenario_b);
  g_clear_pointer (&self->scene_b, dm_scene_unref);
  g_clear_pointer (&self->compare_mode, g_free);
}

void
_dm_window_compare_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.compare-mode", "compare-mode");
}

/* Selects a proposal id, or a control date, in "Compare with" (NULL: no
 * comparison), as a user would; FALSE for an unknown one. */
gboolean
dm_window_compare_with (DmWindow   *self,
                        const char *what)
{
  GPtrArray *proposals, *controls;
  guint index;

  if (self->catalog == NULL)
    return FALSE;
  if (what == NULL)
    {
      gtk_drop_down_set_selected (self->compare_dropdown, 0);
      return TRUE;
    }
  proposals = dm_catalog_get_proposals (self->catalog);
  controls = dm_catalog_get_controls (self->catalog);
  if (g_ptr_array_find (proposals, dm_catalog_find_proposal (self->catalog, what), &index))
    {
      gtk_drop_down_set_selected (self->compare_dropdown, index + 1);
      return TRUE;
    }
  if (g_ptr_array_find (controls, dm_catalog_find_control (self->catalog, what), &index))
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
  return GTK_WIDGET (index == 0 ? self->map : self->map_b);
}
