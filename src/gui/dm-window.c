/* dm-window.c: builds the window, loads data in worker threads and keeps map, sidebar and legend in step. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-loader.h"
#include "dm-shape.h"
#include "dm-stats.h"
#include "dm-window-private.h"

G_DEFINE_FINAL_TYPE (DmWindow, dm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_COMPARE_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FADE_USEC (350 * 1000)

void
_dm_window_toast (DmWindow   *self,
                  const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Text a user must read in full, unlike a toast's single line. */
void
_dm_window_show_message (DmWindow   *self,
                         const char *heading,
                         const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Errors a user must read (a file that could not be used) get a dialog that
 * names the file; the window keeps what it showed. */
void
_dm_window_show_error (DmWindow   *self,
                       const char *message)
{
  _dm_window_show_message (self, _("Could Not Use the File"), message);
}

/* Proposal files of the user's own that were skipped: one toast however many
 * there are, whose Details button lists every file and its problem. */
static void
toast_skipped_files (DmWindow *self)
{
  guint n = dm_catalog_get_problems (self->catalog)->len;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n == 0)
    return;
  title = g_strdup_printf (ngettext ("%u proposal file was skipped",
                                     "%u proposal files were skipped", n), n);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.skipped-files");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_title (DmWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->scenario == NULL)
    return;
  title = dm_scenario_get_title (self->scenario);
  subtitle = self->partition
             ? g_strdup_printf (_("Line of contact of %s"), dm_partition_get_date (self->partition))
             : g_strdup ("");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (self->lesson != NULL && self->presenting)
    {
      DmLessonStep *step = g_ptr_array_index (self->lesson->steps, self->lesson_step);

      if (step->caption != NULL)
        {
          g_autofree char *with_caption = g_strdup_printf ("%s\n%s", title, step->caption);
          gtk_label_set_text (self->present_title, with_caption);
          return;
        }
    }
  gtk_label_set_text (self->present_title, title);
}

/* Everything that shows the scenario follows it from here. */
void
_dm_window_refresh (DmWindow *self)
{
  if (self->scene == NULL || self->scenario == NULL || self->partition == NULL)
    return;
  dm_sidebar_show (self->sidebar, self->scenario, self->partition);
  /* Two dates of one scenario: same styles, nothing outlined. */
  dm_legend_update (self->legend, self->scene, self->compare_date ? NULL : self->scene_b);
  update_title (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->overlay));
}

static void
scenario_changed_cb (DmWindow *self)
{
  _dm_window_refresh (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-scenario",
                                 dm_scenario_get_modified (self->scenario));
}

static gboolean
fade_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  DmWindow *self = user_data;
  double t = (double) (gdk_frame_clock_get_frame_time (clock) - self->fade_start) / FADE_USEC;

  if (t >= 1.0)
    {
      dm_overlay_layer_set_fade (self->overlay, NULL, 1.0);
      g_clear_object (&self->fade_from);
      gtk_widget_queue_draw (widget);
      self->fade_tick = 0;
      return G_SOURCE_REMOVE;
    }
  dm_overlay_layer_set_fade (self->overlay, self->fade_from, t);
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

void
_dm_window_set_scenario (DmWindow   *self,
                         DmScenario *scenario)
{
  if (self->scenario == scenario)
    return;

  /* In presentation mode the change animates: the old styles fade out. */
  if (self->presenting && self->scenario != NULL && self->overlay != NULL)
    {
      g_set_object (&self->fade_from, self->scenario);
      self->fade_start = g_get_monotonic_time ();
      if (self->fade_tick == 0)
        self->fade_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->overlay), fade_tick_cb,
                                                        self, NULL);
    }

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  g_set_object (&self->scenario, scenario);
  g_signal_connect_object (scenario, "changed", G_CALLBACK (scenario_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (self->scene != NULL)
    dm_scene_set_scenario (self->scene, scenario);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-proposal",
                           dm_proposal_get_id (dm_scenario_get_proposal (scenario)));
  g_clear_pointer (&self->scenario_path, g_free);
  _dm_window_compare_update (self);
  scenario_changed_cb (self);
}

void
_dm_window_set_proposal (DmWindow   *self,
                         DmProposal *proposal)
{
  g_autoptr(DmScenario) scenario = dm_scenario_new (proposal);

  _dm_window_set_scenario (self, scenario);
}

void
_dm_window_step_proposal (DmWindow *self,
                          int       delta)
{
  GPtrArray *proposals;
  guint index = 0;

  if (self->catalog == NULL || self->scenario == NULL || _dm_window_lesson_step (self, delta))
    return;
  proposals = dm_catalog_get_proposals (self->catalog);
  g_ptr_array_find (proposals, dm_scenario_get_proposal (self->scenario), &index);
  index = (index + proposals->len + delta) % proposals->len;
  _dm_window_set_proposal (self, g_ptr_array_index (proposals, index));
}

/* Frames the five regions and the other areas. */
void
_dm_window_zoom_home (DmWindow *self,
                      gboolean  animate)
{
  ShumateMap *map = shumate_simple_map_get_map (self->map);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  int width = gtk_widget_get_width (GTK_WIDGET (self->map));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map));
  DmView view = { 0, 0, 0, width > 0 ? width : 900, height > 0 ? height : 700, 1.0 };
  double lon, lat, min_x, min_y, max_x, max_y;

  dm_view_home_bounds (&min_x, &min_y, &max_x, &max_y);
  dm_view_fit (&view, min_x, min_y, max_x, max_y);
  dm_world_to_lonlat (view.center_x, view.center_y, &lon, &lat);
  if (animate)
    shumate_map_go_to_full (map, lat, lon, view.zoom);
  else
    {
      shumate_viewport_set_zoom_level (viewport, view.zoom);
      shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
    }
}

/* A click (not a drag: the gesture gives up past the drag threshold) on
 * either map: the part under it, on the overlay painted at that spot. */
static void
map_released_cb (DmWindow        *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  GtkWidget *map = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  DmOverlayLayer *layer = self->overlay;
  DmRegion region;
  DmPart part;
  double ox, oy;

  if (n_press != 1 || self->overlay == NULL)
    return;
  if (map == GTK_WIDGET (self->map_b))
    layer = self->overlay_b;
  else if (self->overlay_b != NULL && g_strcmp0 (self->compare_mode, "swipe") == 0 &&
           x >= gtk_widget_get_width (map) * self->swipe_fraction)
    layer = self->overlay_b;
  if (layer == NULL || !dm_overlay_layer_pick (layer, x, y, &region, &part))
    return;
  if (!gtk_widget_translate_coordinates (map, GTK_WIDGET (self->map_overlay), x, y, &ox, &oy))
    ox = x, oy = y;
  _dm_window_part_activated_cb (self, region, part, ox, oy, layer);
}

gboolean
_dm_window_zoom_home_idle (DmWindow *self)
{
  if (self->scene != NULL)
    _dm_window_zoom_home (self, FALSE);
  return G_SOURCE_REMOVE;
}

void
_dm_window_part_activated_cb (DmWindow       *self,
                   int             region,
                   int             part,
                   double          x,
                   double          y,
                   DmOverlayLayer *layer)
{
  /* The map that was clicked decides which scenario is described. */
  DmScenario *clicked = (self->scenario_b != NULL && layer == self->overlay_b)
                        ? self->scenario_b : self->scenario;
  const DmClause *clause = dm_scenario_get_clause (clicked, region, part);
  DmStatus status = dm_scenario_get_status (clicked, region, part);
  /* Markup of ours: a source with a url is a link to it. */
  g_autofree char *sources = clause ? dm_clause_format_sources_markup (clause) : g_strdup ("—");
  g_autofree char *text = NULL, *head = NULL, *sources_label = NULL;
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };
  GtkWidget *label;

  dm_scene_set_selection (self->scene, region, part);
  self->selected_region = region;
  self->selected_part = part;
  gtk_widget_queue_draw (GTK_WIDGET (self->overlay));
  dm_sidebar_select_part (self->sidebar, region, part);

  head = g_markup_printf_escaped ("<b>%s — %s</b>\n%s%s → %s\n%s\n<i>%s</i>\n%s %'.0f km²",
                                  dm_region_label (region), dm_part_label (part),
                                  dm_status_label (status),
                                  dm_scenario_is_edited (clicked, region, part)
                                    ? _(" (your edit)") : "",
                                  dm_holder_label (dm_part_holder (clicked, region, part)),
                                  clause && clause->note ? clause->note : "",
                                  clause == NULL ? ""
                                  : dm_proposal_is_baseline (dm_scenario_get_proposal (clicked))
                                  ? _("A baseline for comparison, not a proposal")
                                  : dm_certainty_label (clause->certainty),
                                  _("Area:"),
                                  dm_partition_get_area (self->partition, region, part));
  sources_label = g_markup_escape_text (_("Sources:"), -1);
  text = g_strdup_printf ("%s\n%s %s", head, sources_label, sources);
  label = gtk_label_new (NULL);
  if (self->scenario_b != NULL)
    {
      DmStatus a = dm_scenario_get_status (self->scenario, region, part);
      DmStatus b = dm_scenario_get_status (self->scenario_b, region, part);
      /* The emphasis is markup of ours; only the names are escaped. */
      g_autofree char *both = g_markup_printf_escaped (
        "\n\n%s: %s\n%s: %s",
        dm_proposal_get_short_title (dm_scenario_get_proposal (self->scenario)), dm_status_label (a),
        dm_proposal_get_short_title (dm_scenario_get_proposal (self->scenario_b)), dm_status_label (b));
      g_autofree char *differ = dm_parts_differ (self->scenario, self->scenario_b, region, part,
                                                 FALSE)
                                ? g_strdup_printf ("\n<b>%s</b>",
                                                   _("The two would leave this land to different holders."))
                                : a != b ? g_strdup_printf ("\n%s", _("Only the wording differs."))
                                : g_strdup ("");
      g_autofree char *joined = g_strconcat (text, both, differ, NULL);

      g_free (text);
      text = g_steal_pointer (&joined);
    }
  gtk_label_set_markup (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 44);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_popover_set_child (GTK_POPOVER (self->popover), label);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
proposal_activated_cb (DmWindow   *self,
                       DmProposal *proposal)
{
  if (self->scenario != NULL && dm_scenario_get_proposal (self->scenario) == proposal &&
      !dm_scenario_get_modified (self->scenario))
    return;
  _dm_window_set_proposal (self, proposal);
}

gboolean
dm_window_open_scenario (DmWindow   *self,
                         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autoptr(DmScenario) scenario = NULL;

  if (self->catalog == NULL)
    return FALSE;
  scenario = dm_scenario_load (path, self->catalog, &date, &error);
  if (scenario == NULL)
    {
      _dm_window_show_error (self, error->message);
      return FALSE;
    }
  _dm_window_set_scenario (self, scenario);
  self->scenario_path = g_strdup (path);
  if (date != NULL && self->geodata != NULL && dm_catalog_find_control (self->catalog, date))
    {
      GListModel *model = gtk_drop_down_get_model (self->date_dropdown);

      for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
          if (g_str_equal (gtk_string_object_get_string (item), date))
            gtk_drop_down_set_selected (self->date_dropdown, i);
        }
    }
  return TRUE;
}

gboolean
dm_window_is_ready (DmWindow *self)
{
  return self->partition != NULL && self->scenario != NULL && self->scene != NULL;
}

const char *
dm_window_get_proposal_id (DmWindow *self)
{
  return self->scenario ? dm_proposal_get_id (dm_scenario_get_proposal (self->scenario)) : NULL;
}

/* The DmScenario on show (gpointer keeps GTK users free of core headers). */
gpointer
dm_window_get_scenario (DmWindow *self)
{
  return self->scenario;
}

gboolean
dm_window_save_scenario (DmWindow    *self,
                         const char  *path,
                         GError     **error)
{
  if (!dm_scenario_save (self->scenario, path, self->control_date, error))
    return FALSE;
  g_free (self->scenario_path);
  self->scenario_path = g_strdup (path);
  return TRUE;
}

GtkWidget *
dm_window_get_overlay (DmWindow *self)
{
  return GTK_WIDGET (self->overlay);
}

/* What the map is drawn with, whatever set it (menu, settings). */
gboolean
dm_window_get_high_contrast (DmWindow *self)
{
  return self->scene != NULL && dm_scene_get_options (self->scene)->high_contrast;
}

/* The region part last clicked on the map; FALSE when none was. */
gboolean
dm_window_get_selection (DmWindow *self,
                         int      *region,
                         int      *part)
{
  *region = self->selected_region;
  *part = self->selected_part;
  return self->selected_region >= 0;
}

gboolean
dm_window_get_presenting (DmWindow *self)
{
  return self->presenting;
}

void
dm_window_set_startup (DmWindow   *self,
                       const char *proposal_id,
                       const char *compare_id,
                       const char *compare_mode,
                       gboolean    present)
{
  g_free (self->startup_proposal);
  self->startup_proposal = g_strdup (proposal_id);
  g_free (self->startup_compare);
  self->startup_compare = g_strdup (compare_id);
  self->startup_present = present;
  if (compare_mode != NULL)
    g_object_set (self, "compare-mode", compare_mode, NULL);
}

static void
dm_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DmWindow *self = DM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COMPARE_MODE:
      g_value_set_string (value, self->compare_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DmWindow *self = DM_WINDOW (object);
  const char *mode;

  switch (prop_id)
    {
    case PROP_COMPARE_MODE:
      mode = g_value_get_string (value);
      if (g_strcmp0 (mode, "swipe") != 0)
        mode = "side";
      if (g_strcmp0 (mode, self->compare_mode) == 0)
        return;
      g_free (self->compare_mode);
      self->compare_mode = g_strdup (mode);
      g_object_notify_by_pspec (object, properties[PROP_COMPARE_MODE]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_window_constructed (GObject *object)
{
  DmWindow *self = DM_WINDOW (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (dm_window_parent_class)->constructed (object);

  self->catalog = dm_catalog_new_default (&error);
  if (self->catalog == NULL)
    {
      adw_status_page_set_title (self->status_page, _("The Proposals Could Not Be Loaded"));
      adw_status_page_set_description (self->status_page, error->message);
      adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
      return;
    }
  dm_sidebar_set_catalog (self->sidebar, self->catalog);
  toast_skipped_files (self);

  _dm_window_load_start (self);
}

static void
dm_window_dispose (GObject *object)
{
  DmWindow *self = DM_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->partition_cancellable);
  g_clear_object (&self->partition_cancellable);
  if (self->fade_tick != 0 && self->overlay != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->overlay), self->fade_tick);
  self->fade_tick = 0;
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  _dm_window_compare_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_WINDOW);
  g_clear_object (&self->scenario);
  g_clear_object (&self->fade_from);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->scene, dm_scene_unref);
  g_clear_object (&self->map_source);
  g_clear_pointer (&self->partition, dm_partition_unref);
  g_clear_pointer (&self->geodata, dm_geodata_unref);
  g_clear_pointer (&self->catalog, dm_catalog_unref);
  g_clear_pointer (&self->control_date, g_free);
  g_clear_pointer (&self->scenario_path, g_free);
  g_clear_pointer (&self->startup_proposal, g_free);
  g_clear_pointer (&self->startup_compare, g_free);
  g_clear_pointer (&self->lesson, dm_lesson_free);
  self->overlay = NULL;

  G_OBJECT_CLASS (dm_window_parent_class)->dispose (object);
}

static void
dm_window_class_init (DmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dm_window_constructed;
  object_class->dispose = dm_window_dispose;
  object_class->get_property = dm_window_get_property;
  object_class->set_property = dm_window_set_property;

  /* "side" (two maps) or "swipe" (one map, a divider); win.compare-mode. */
  properties[PROP_COMPARE_MODE] =
    g_param_spec_string ("compare-mode", NULL, NULL, "side",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  g_type_ensure (DM_TYPE_SIDEBAR);
  g_type_ensure (DM_TYPE_LEGEND);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/demarcate/Demarcate/ui/dm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DmWindow, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, map_overlay);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, map_stack);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, map);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, legend);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, present_title);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, maps_box);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, map_b);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, swipe_handle);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, compare_label_a);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, compare_label_b);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, compare_mode_box);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, date_slider_box);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, date_scale);

  _dm_window_install_actions (widget_class);
  _dm_window_compare_class_init (widget_class);
  _dm_window_import_class_init (widget_class);
  _dm_window_lesson_class_init (widget_class);
}

static void
dm_window_init (DmWindow *self)
{
  self->selected_region = self->selected_part = -1;
  /* win.compare-mode reads the property while the template is built. */
  self->compare_mode = g_strdup ("side");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self->map_overlay));
  g_signal_connect_object (self->sidebar, "proposal-activated",
                           G_CALLBACK (proposal_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-scenario", FALSE);
  _dm_window_install_key_controller (self);
  for (int i = 0; i < 2; i++)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click),
                                                  GTK_PHASE_CAPTURE);
      g_signal_connect_object (click, "released", G_CALLBACK (map_released_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_add_controller (i == 0 ? GTK_WIDGET (self->map) : GTK_WIDGET (self->map_b),
                                 GTK_EVENT_CONTROLLER (click));
    }
  _dm_window_compare_init (self);
  _dm_window_import_init (self);
  shumate_scale_set_unit (shumate_simple_map_get_scale (self->map), SHUMATE_UNIT_METRIC);

  _dm_window_load_init (self);
}

DmWindow *
dm_window_new (AdwApplication *application)
{
  return g_object_new (DM_TYPE_WINDOW, "application", application, NULL);
}
