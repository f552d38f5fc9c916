/* dm-window-actions.c: the window's actions: stepping proposals, files, zoom, presentation mode. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-export-dialog.h"
#include "dm-measures-dialog.h"
#include "dm-window-private.h"

static void
previous_proposal_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _dm_window_step_proposal (DM_WINDOW (widget), -1);
}

static void
next_proposal_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _dm_window_step_proposal (DM_WINDOW (widget), +1);
}

static void
reset_scenario_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  if (self->scenario != NULL)
    dm_scenario_reset (self->scenario);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  ShumateMap *map = shumate_simple_map_get_map (self->map);

  if (g_str_equal (action_name, "win.zoom-in"))
    shumate_map_zoom_in (map);
  else if (g_str_equal (action_name, "win.zoom-out"))
    shumate_map_zoom_out (map);
  else
    _dm_window_zoom_home (self, TRUE);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* Every file the window asks for goes through here: the portal-backed
 * chooser, and on "accept" the callback with a local path. One chooser at
 * a time; dispose destroys one still open. */
static void
chooser_response_cb (DmWindow             *self,
                     int                   response,
                     GtkFileChooserNative *native)
{
  DmPathFunc func = g_object_get_data (G_OBJECT (native), "dm-path-func");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        func (self, path);
    }
  if (self->chooser == native)
    g_clear_object (&self->chooser);
}

void
_dm_window_choose_path (DmWindow             *self,
                        const char           *title,
                        GtkFileChooserAction  action,
                        const char           *accept,
                        const char           *suggested_name,
                        GtkFileFilter        *filter,
                        DmPathFunc            func)
{
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept,
                                               _("_Cancel"));
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested_name);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_set_data (G_OBJECT (self->chooser), "dm-path-func", func);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GtkFileFilter *
scenario_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Demarcate scenarios"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

static void
open_chosen (DmWindow   *self,
             const char *path)
{
  dm_window_open_scenario (self, path);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _dm_window_choose_path (DM_WINDOW (widget), _("Open Scenario"), GTK_FILE_CHOOSER_ACTION_OPEN,
                          _("_Open"), NULL, scenario_filter (), open_chosen);
}

void
_dm_window_save_to (DmWindow   *self,
                    const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *message = NULL;

  if (!dm_window_save_scenario (self, path, &error))
    {
      _dm_window_show_error (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Saved “%s”"), base);
  _dm_window_toast (self, message);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->scenario == NULL)
    return;
  name = g_strdup_printf ("%s-scenario.json",
                          dm_proposal_get_id (dm_scenario_get_proposal (self->scenario)));
  _dm_window_choose_path (self, _("Save Scenario"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                          name, scenario_filter (), _dm_window_save_to);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  if (self->scenario_path != NULL)
    _dm_window_save_to (self, self->scenario_path);
  else
    save_as_action (widget, action_name, parameter);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  DmView view;

  if (!dm_window_is_ready (self))
    return;
  dm_overlay_layer_get_view (self->overlay, &view);
  /* A date comparison is not a page layout yet: the left map is exported. */
  dm_export_dialog_present (GTK_WINDOW (self), self->scene,
                            self->compare_date ? NULL : self->scenario_b, &view,
                            self->toast_overlay);
}

static void
measures_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  DmMeasuresDialog *dialog;

  if (!dm_window_is_ready (self))
    return;
  /* Comparing two dates compares lines, not proposals: the measures are
   * those of the date on the left. */
  dialog = dm_measures_dialog_new (GTK_WINDOW (self), self->geodata, self->partition,
                                   self->scenario,
                                   self->compare_date ? NULL : self->scenario_b);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
present_key_cb (DmWindow              *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (!self->presenting)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
    case GDK_KEY_F5:
      _dm_window_set_presenting (self, FALSE);
      return TRUE;
    /* Presentation clickers send Page Up/Down (some send arrows or space). */
    case GDK_KEY_Page_Down:
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_space:
    case GDK_KEY_n:
      _dm_window_step_proposal (self, +1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_p:
      _dm_window_step_proposal (self, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

void
_dm_window_set_presenting (DmWindow *self,
                           gboolean  presenting)
{
  DmSceneOptions *options;

  if (self->presenting == presenting || self->scene == NULL)
    return;
  self->presenting = presenting;
  options = dm_scene_get_options (self->scene);

  if (presenting)
    {
      self->sidebar_before_present = adw_flap_get_reveal_flap (self->flap);
      adw_flap_set_reveal_flap (self->flap, FALSE);
      gtk_revealer_set_reveal_child (self->header_revealer, FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_widget_add_css_class (GTK_WIDGET (self), "dm-presenting");
      options->text_scale = 1.7;
      options->show_places = FALSE;
    }
  else
    {
      adw_flap_set_reveal_flap (self->flap, self->sidebar_before_present);
      gtk_revealer_set_reveal_child (self->header_revealer, TRUE);
      gtk_window_unfullscreen (GTK_WINDOW (self));
      gtk_widget_remove_css_class (GTK_WIDGET (self), "dm-presenting");
      options->text_scale = 1.0;
      options->show_places = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->present_title), presenting);
  shumate_simple_map_set_show_zoom_buttons (self->map, !presenting);
  /* The title takes the top centre; the legend stays top left below it, and
   * the date slider gives the bottom of the screen back to the map. */
  gtk_widget_set_margin_top (GTK_WIDGET (self->legend), presenting ? 84 : 12);
  gtk_widget_set_visible (self->date_slider_box,
                          !presenting && dm_catalog_get_controls (self->catalog)->len >= 2);
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
  gtk_widget_queue_draw (GTK_WIDGET (self->overlay));
  /* The window resizes on (un)fullscreen; frame the regions again after. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, (GSourceFunc) _dm_window_zoom_home_idle,
                   g_object_ref (self), g_object_unref);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  _dm_window_set_presenting (self, !self->presenting);
}

static void
option_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  DmSceneOptions *options;
  gboolean *flag;

  if (self->scene == NULL)
    return;
  options = dm_scene_get_options (self->scene);
  flag = &options->show_places;
  *flag = !*flag;
  _dm_window_compare_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->overlay));
}

static void
skipped_files_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  GPtrArray *problems = dm_catalog_get_problems (self->catalog);
  g_autoptr(GString) body = g_string_new (_("These files in your proposals folder were not "
                                            "loaded, or replace a bundled proposal."));

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (body, "\n\n• %s", (const char *) g_ptr_array_index (problems, i));
  _dm_window_show_message (self, _("Proposal Files Skipped"), body->str);
}

void
_dm_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.skipped-files", NULL, skipped_files_action);
  gtk_widget_class_install_action (widget_class, "win.previous-proposal", NULL,
                                   previous_proposal_action);
  gtk_widget_class_install_action (widget_class, "win.next-proposal", NULL, next_proposal_action);
  gtk_widget_class_install_action (widget_class, "win.reset-scenario", NULL,
                                   reset_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-home", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL,
                                   toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.measures", NULL, measures_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.show-places", NULL, option_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "win.previous-proposal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0,
                                       "win.next-proposal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.previous-proposal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "win.next-proposal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "win.zoom-home", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "win.measures", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
}

void
_dm_window_install_key_controller (DmWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Capture phase: in presentation mode the arrows step proposals before
   * the map would pan with them. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (present_key_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
