/* dm-window-annotate.c: the window's Annotate mode, its header button and the undo, redo and delete actions. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-window-private.h"

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  dm_annotation_history_undo (dm_annotation_layer_get_history (self->annotations));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  dm_annotation_history_redo (dm_annotation_layer_get_history (self->annotations));
}

static void
delete_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  if (dm_annotation_layer_get_editing (self->annotations))
    dm_annotation_layer_delete_selected (self->annotations);
}

static void
history_changed_cb (DmWindow *self)
{
  DmAnnotationHistory *history = dm_annotation_layer_get_history (self->annotations);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 dm_annotation_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 dm_annotation_history_can_redo (history));
}

void
_dm_window_annotate_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", NULL,
                                   delete_annotation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "win.delete-annotation", NULL);
}

void
_dm_window_annotate_init (DmWindow *self)
{
  ShumateMap *map = shumate_simple_map_get_map (self->map);
  g_autoptr(GPropertyAction) annotate = NULL;
  DmAnnotationHistory *history;
  GtkWidget *button, *header;

  self->annotations = g_object_ref_sink (dm_annotation_layer_new (map, self->scene));
  annotate = g_property_action_new ("annotate", self->annotations, "editing");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (annotate));

  button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (button), "document-edit-symbolic");
  gtk_widget_set_tooltip_text (button, _("Annotate: click the map to add a label, drag one to "
                                         "move it, click it again to edit (Ctrl+Z undoes)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.annotate");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Annotate the map"), -1);
  /* Packed from here so the window's template stays as it is. */
  header = gtk_widget_get_ancestor (GTK_WIDGET (self->window_title), ADW_TYPE_HEADER_BAR);
  if (header != NULL)
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  self->annotate_button = button;

  history = dm_annotation_layer_get_history (self->annotations);
  g_signal_connect_object (history, "notify::can-undo", G_CALLBACK (history_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::can-redo", G_CALLBACK (history_changed_cb), self,
                           G_CONNECT_SWAPPED);
  history_changed_cb (self);
}

/* Above the overlay, once the overlay is on the map. */
void
_dm_window_annotate_attach (DmWindow *self)
{
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->annotations));
}
