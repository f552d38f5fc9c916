/* dm-window-actions.c: the window's actions: stepping proposals and days, scenario files, export, measures, zoom. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-a11y.h"
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

/* (i): how many days of the record forward (negative: back). */
static void
step_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dm_timeline_step (DM_WINDOW (widget)->timeline, g_variant_get_int32 (parameter));
}

static void
first_day_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  dm_timeline_set_position (DM_WINDOW (widget)->timeline, 0);
}

static void
last_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dm_timeline_set_position (DM_WINDOW (widget)->timeline, G_MAXUINT);
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmTimeline *timeline = DM_WINDOW (widget)->timeline;

  dm_timeline_set_playing (timeline, !dm_timeline_get_playing (timeline));
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
                            self->catalog, self->toast_overlay);
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
  dm_a11y_name_drop_downs (GTK_WIDGET (dialog));
  dm_a11y_name_icon_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
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

/* Days: Ctrl+←/→ a day, with Shift a week, Home/End the first and last.
 * Taken before the focused widget sees them, since GtkWindow's own
 * bindings move the focus on Ctrl+arrows; but text fields keep them for
 * the caret, and lists keep Home and End. */
static gboolean
day_keys_cb (DmWindow        *self,
             guint            keyval,
             guint            keycode,
             GdkModifierType  state,
             GtkEventController *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK);
  gboolean in_text = focus != NULL && GTK_IS_EDITABLE (focus);
  gboolean in_list = focus != NULL && (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX) ||
                                       gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW));
  int step = (mods & GDK_SHIFT_MASK) ? 7 : 1;

  if (in_text || dm_presenter_get_presenting (self->presenter))
    return FALSE;
  if ((keyval == GDK_KEY_Left || keyval == GDK_KEY_Right) && (mods & GDK_CONTROL_MASK) &&
      !(mods & GDK_ALT_MASK))
    {
      dm_timeline_step (self->timeline, keyval == GDK_KEY_Left ? -step : step);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Home || keyval == GDK_KEY_End) && mods == 0 && !in_list)
    {
      dm_timeline_set_position (self->timeline, keyval == GDK_KEY_Home ? 0 : G_MAXUINT);
      return TRUE;
    }
  return FALSE;
}

void
_dm_window_actions_init (DmWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (day_keys_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

void
_dm_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.skipped-files", NULL, skipped_files_action);
  gtk_widget_class_install_action (widget_class, "win.step-proposal", "i",
                                   step_proposal_action);
  gtk_widget_class_install_action (widget_class, "win.step-day", "i", step_day_action);
  gtk_widget_class_install_action (widget_class, "win.first-day", NULL, first_day_action);
  gtk_widget_class_install_action (widget_class, "win.last-day", NULL, last_day_action);
  gtk_widget_class_install_action (widget_class, "win.play", NULL, play_action);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK,
                                       "win.play", NULL);
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
