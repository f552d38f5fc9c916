/* dm-window-actions.c: the window's actions: stepping proposals, scenario files, export, measures, zoom. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-chart-dialog.h"
#include "dm-export-dialog.h"
#include "dm-measures-dialog.h"
#include "dm-window-private.h"

/* (i): how many proposals forward (negative: back), or lesson steps when
 * a lesson is being presented. */
static void
step_proposal_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _dm_window_step_proposal (DM_WINDOW (widget), g_variant_get_int32 (parameter));
}

static void
reset_scenario_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DmScenario *scenario = dm_scene_get_scenario (DM_WINDOW (widget)->scene);

  if (scenario != NULL)
    dm_scenario_reset (scenario);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  shumate_map_zoom_in (shumate_simple_map_get_map (DM_WINDOW (widget)->map));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  shumate_map_zoom_out (shumate_simple_map_get_map (DM_WINDOW (widget)->map));
}

static void
zoom_home_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _dm_window_zoom_home (DM_WINDOW (widget), TRUE);
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
  DmPathFunc func = self->chooser_func;

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
  self->chooser_func = func;
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
save_to (DmWindow   *self,
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
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _dm_window_choose_path (DM_WINDOW (widget), _("Open Scenario"), GTK_FILE_CHOOSER_ACTION_OPEN,
                          _("_Open"), NULL, scenario_filter (), open_chosen);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  g_autofree char *name = NULL;

  if (dm_window_get_proposal_id (self) == NULL)
    return;
  name = g_strdup_printf ("%s-scenario.json", dm_window_get_proposal_id (self));
  _dm_window_choose_path (self, _("Save Scenario"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                          name, scenario_filter (), save_to);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  if (self->scenario_path != NULL)
    save_to (self, self->scenario_path);
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
                            dm_comparison_get_compared_scenario (self->comparison), &view,
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
  dialog = dm_measures_dialog_new (GTK_WINDOW (self), dm_scene_get_geodata (self->scene),
                                   dm_scene_get_partition (self->scene),
                                   dm_scene_get_scenario (self->scene),
                                   dm_comparison_get_compared_scenario (self->comparison));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chart_day_activated_cb (DmWindow   *self,
                        const char *date)
{
  dm_window_set_control_date (self, date);
}

/* One chart per window: its figures take a while, so Ctrl+T again brings
 * back the one already computing. */
static void
chart_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  GListModel *toplevels = gtk_window_get_toplevels ();
  DmChartDialog *dialog;

  if (!dm_window_is_ready (self))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (DM_IS_CHART_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (self))
        {
          gtk_window_present (w);
          return;
        }
    }
  dialog = dm_chart_dialog_new (GTK_WINDOW (self), self->catalog,
                                dm_scene_get_geodata (self->scene));
  g_signal_connect_object (dialog, "day-activated", G_CALLBACK (chart_day_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
skipped_files_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  GPtrArray *problems = dm_catalog_get_problems (self->catalog);
  g_autoptr(GString) body = g_string_new (_("These files in your proposals folder were not loaded; "
                                            "the bundled proposals are unaffected."));

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (body, "\n\n• %s", (const char *) g_ptr_array_index (problems, i));
  _dm_window_show_message (self, _("Proposal Files Skipped"), body->str);
}

void
_dm_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.skipped-files", NULL, skipped_files_action);
  gtk_widget_class_install_action (widget_class, "win.step-proposal", "i",
                                   step_proposal_action);
  gtk_widget_class_install_action (widget_class, "win.reset-scenario", NULL,
                                   reset_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-home", NULL, zoom_home_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL,
                                   toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.measures", NULL, measures_action);
  gtk_widget_class_install_action (widget_class, "win.chart", NULL, chart_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "win.step-proposal", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0,
                                       "win.step-proposal", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.step-proposal", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "win.step-proposal", "i", 1);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.chart",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
}
