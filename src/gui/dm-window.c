/* dm-window.c: builds the window from its parts (scene, comparison, presenter) and keeps the sidebar and title in step. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-a11y.h"
#include "dm-format.h"
#include "dm-gui-enums.h"
#include "dm-loader.h"
#include "dm-number.h"
#include "dm-shape.h"
#include "dm-sources.h"
#include "dm-stats.h"
#include "dm-window-private.h"

G_DEFINE_FINAL_TYPE (DmWindow, dm_window, ADW_TYPE_APPLICATION_WINDOW)

static void
dm_startup_free (DmStartup *startup)
{
  g_free (startup->proposal);
  g_free (startup->compare);
  g_free (startup->scenario_path);
  g_free (startup->date);
  g_free (startup);
}

void
_dm_window_toast (DmWindow   *self,
                  const char *message)
{
  /* Not over the map's subject in front of a class: after presenting. */
  if (self->presenter != NULL && dm_presenter_defer_toast (self->presenter, message))
    return;
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

/* The proposal and the day shown, credited; in a narrow window the
 * proposal's short title, which the header has room for. */
void
_dm_window_refresh_title (DmWindow *self)
{
  DmScenario *scenario = dm_scene_get_scenario (self->scene);
  DmPartition *partition = dm_scene_get_partition (self->scene);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (scenario == NULL)
    return;
  if (self->width_class == DM_WIDTH_NARROW)
    title = dm_scenario_get_modified (scenario)
            ? g_strdup_printf (_("%s (modified)"),
                               dm_proposal_get_short_title (dm_scenario_get_proposal (scenario)))
            : g_strdup (dm_proposal_get_short_title (dm_scenario_get_proposal (scenario)));
  else
    title = dm_scenario_get_title (scenario);
  /* The day shown, credited; or why another day than the one asked for. */
  if (dm_timeline_get_note (self->timeline) != NULL)
    subtitle = g_strdup (dm_timeline_get_note (self->timeline));
  else
    subtitle = partition ? dm_sources_line_credit (partition) : g_strdup ("");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* The sidebar and the titles follow the scene's scenario and day; the maps
 * and the legend follow the scene themselves. */
static void
refresh (DmWindow *self)
{
  DmScenario *scenario = dm_scene_get_scenario (self->scene);
  DmPartition *partition = dm_scene_get_partition (self->scene);

  if (scenario == NULL)
    return;
  _dm_window_refresh_title (self);
  dm_presenter_update_title (self->presenter);
  if (partition != NULL)
    dm_sidebar_show (self->sidebar, scenario, partition);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-scenario",
                                 dm_scenario_get_modified (scenario));
}

/* The one rule for the legend: open in front of a class, even with two
 * maps; otherwise folded to its button where two maps or a narrow window
 * leave it no room. */
void
_dm_window_update_legend (DmWindow *self)
{
  gboolean side = dm_comparison_get_side_by_side (self->comparison);

  dm_legend_set_expanded (self->legend, dm_presenter_get_presenting (self->presenter) ||
                                        (!side && self->width_class == DM_WIDTH_WIDE));
}

/* With "Line on the Proposal's Own Day" on, a proposal is shown against
 * the line of the day it was made ("frozen" then means that line); a
 * baseline, or a day outside the record, keeps the day shown. */
static void
show_proposal_day (DmWindow *self)
{
  DmScenario *scenario = dm_scene_get_scenario (self->scene);
  DmProposal *proposal = scenario ? dm_scenario_get_proposal (scenario) : NULL;
  g_autofree char *day = NULL;
  gboolean on = FALSE;

  /* The timeline labels the shown proposal's day first. */
  day = proposal && self->catalog ? dm_catalog_proposal_day (self->catalog, proposal, NULL) : NULL;
  dm_timeline_ticks_set_current (DM_TIMELINE_TICKS (dm_timeline_get_ticks (self->timeline)), day);
  g_clear_pointer (&day, g_free);
  g_object_get (self->timeline, "proposal-day", &on, NULL);
  if (!on || proposal == NULL || self->catalog == NULL || dm_proposal_is_baseline (proposal))
    return;
  day = dm_catalog_proposal_day (self->catalog, proposal, NULL);
  if (day != NULL)
    _dm_window_show_day (self, day, NULL);
}

/* The switch reaches the compared map too: each proposal on its own day. */
static void
own_days_changed_cb (DmWindow *self)
{
  gboolean on = FALSE;

  g_object_get (self->timeline, "proposal-day", &on, NULL);
  dm_comparison_set_own_days (self->comparison, self->catalog, on);
}

static void
set_scenario (DmWindow   *self,
              DmScenario *scenario)
{
  if (dm_scene_get_scenario (self->scene) == scenario)
    return;
  dm_scene_set_scenario (self->scene, scenario);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-proposal",
                           dm_proposal_get_id (dm_scenario_get_proposal (scenario)));
  g_clear_pointer (&self->scenario_path, g_free);
}

void
_dm_window_set_proposal (DmWindow   *self,
                         DmProposal *proposal)
{
  g_autoptr(DmScenario) scenario = dm_scenario_new (proposal);

  set_scenario (self, scenario);
}

void
_dm_window_step_proposal (DmWindow *self,
                          int       delta)
{
  DmScenario *scenario = dm_scene_get_scenario (self->scene);
  GPtrArray *proposals;
  guint index = 0;

  if (self->catalog == NULL || scenario == NULL ||
      dm_presenter_step_lesson (self->presenter, delta))
    return;
  proposals = dm_catalog_get_proposals (self->catalog);
  g_ptr_array_find (proposals, dm_scenario_get_proposal (scenario), &index);
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

gboolean
_dm_window_zoom_home_idle (DmWindow *self)
{
  if (dm_scene_get_geodata (self->scene) != NULL)
    _dm_window_zoom_home (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* The part's status, clause, sources and area in a popover at (x, y). */
static void
describe_part (DmWindow       *self,
               DmRegion        region,
               DmPart          part,
               double          x,
               double          y,
               DmOverlayLayer *layer)
{
  DmScenario *scenario = dm_scene_get_scenario (self->scene);
  DmScenario *other = dm_comparison_get_scenario (self->comparison);
  /* The map that was clicked decides which scenario is described. */
  DmScenario *clicked = dm_scene_get_scenario (dm_overlay_layer_get_scene (layer));
  DmPartition *partition = dm_scene_get_partition (dm_overlay_layer_get_scene (layer));
  const DmClause *clause = dm_scenario_get_clause (clicked, region, part);
  DmStatus status = dm_scenario_get_status (clicked, region, part);
  /* Markup of ours: a source with a url is a link to it. */
  g_autofree char *sources = clause ? dm_clause_format_sources_markup (clause) : g_strdup ("—");
  g_autofree char *text = NULL, *head = NULL, *sources_label = NULL, *area = NULL;
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };
  GtkWidget *label;

  dm_scene_set_selection (self->scene, region, part);
  dm_sidebar_select_part (self->sidebar, region, part);

  area = dm_number_format_area (dm_partition_get_area (partition ? partition
                                                      : dm_scene_get_partition (self->scene),
                                                      region, part));
  head = g_markup_printf_escaped ("<b>%s — %s</b>\n%s%s → %s\n%s\n<i>%s</i>\n%s %s",
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
                                  _("Area:"), area);
  sources_label = g_markup_escape_text (_("Sources:"), -1);
  text = g_strdup_printf ("%s\n%s %s", head, sources_label, sources);
  label = gtk_label_new (NULL);
  if (other != NULL)
    {
      DmStatus a = dm_scenario_get_status (scenario, region, part);
      DmStatus b = dm_scenario_get_status (other, region, part);
      /* The emphasis is markup of ours; only the names are escaped. */
      g_autofree char *both = g_markup_printf_escaped (
        "\n\n%s: %s\n%s: %s",
        dm_proposal_get_short_title (dm_scenario_get_proposal (scenario)), dm_status_label (a),
        dm_proposal_get_short_title (dm_scenario_get_proposal (other)), dm_status_label (b));
      g_autofree char *differ = dm_parts_differ (scenario, other, region, part, FALSE)
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

/* The same popover from the keyboard (the sidebar's "Show on the Map"
 * buttons): at a point inside the part on the left map, which first
 * centres on it if the point is out of view. */
static void
part_activated_cb (DmWindow *self,
                   DmRegion  region,
                   DmPart    part)
{
  DmPartition *partition = dm_scene_get_partition (self->scene);
  DmShape *shape = partition ? dm_partition_get_shape (partition, region, part) : NULL;
  ShumateMap *map = shumate_simple_map_get_map (self->map);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  int width = gtk_widget_get_width (GTK_WIDGET (self->map));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map));
  double lon, lat, x, y, ox, oy;

  if (shape == NULL || dm_shape_is_empty (shape))
    return;
  /* Folded, the sidebar covers the map: it makes way for the popover. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  dm_world_to_lonlat (shape->label_x, shape->label_y, &lon, &lat);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (map), lat, lon, &x, &y);
  if (x < 0 || y < 0 || x > width || y > height)
    {
      shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
      x = width / 2.0, y = height / 2.0;
    }
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (map), GTK_WIDGET (self->map_overlay),
                                         x, y, &ox, &oy))
    ox = x, oy = y;
  describe_part (self, region, part, ox, oy, self->overlay);
}

/* The maps' text alternative: each region part with its status and area,
 * kept in step with the proposal, the day and the user's edits. */
static void
describe_maps (DmWindow *self)
{
  DmScene *second = dm_comparison_get_scene (self->comparison);
  g_autofree char *a = dm_format_map_description (dm_scene_get_scenario (self->scene),
                                                  dm_scene_get_partition (self->scene));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, a, -1);
  if (second != NULL && dm_comparison_get_active (self->comparison))
    {
      g_autofree char *b = dm_format_map_description (dm_scene_get_scenario (second),
                                                      dm_scene_get_partition (second));

      gtk_accessible_update_property (GTK_ACCESSIBLE (dm_comparison_get_second_map (self->comparison)),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, b, -1);
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
  DmOverlayLayer *layer = dm_comparison_pick_layer (self->comparison, map, x);
  DmRegion region;
  DmPart part;
  double ox, oy;

  /* In Annotate mode a click adds or picks an annotation instead. */
  if (n_press != 1 || dm_annotation_layer_get_editing (self->annotations))
    return;
  if (layer == NULL && map == GTK_WIDGET (self->map))
    layer = self->overlay;
  if (layer == NULL || !dm_overlay_layer_pick (layer, x, y, &region, &part))
    return;
  if (!gtk_widget_translate_coordinates (map, GTK_WIDGET (self->map_overlay), x, y, &ox, &oy))
    ox = x, oy = y;
  describe_part (self, region, part, ox, oy, layer);
}

static void
proposal_activated_cb (DmWindow   *self,
                       DmProposal *proposal)
{
  DmScenario *scenario = dm_scene_get_scenario (self->scene);

  /* Folded over the map, the sidebar makes way for the proposal picked. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  if (scenario != NULL && dm_scenario_get_proposal (scenario) == proposal &&
      !dm_scenario_get_modified (scenario))
    return;
  _dm_window_set_proposal (self, proposal);
}

/* Two maps share the width (or the window is under 900 px): the legend
 * folds to a button until asked, and each half-wide map frames the
 * regions again once laid out. */
static void
side_by_side_changed_cb (DmWindow *self)
{
  gboolean side = dm_comparison_get_side_by_side (self->comparison);

  _dm_window_update_legend (self);
  if (side)
    g_idle_add_full (G_PRIORITY_LOW, (GSourceFunc) _dm_window_zoom_home_idle,
                     g_object_ref (self), g_object_unref);
}

static void
compared_scene_changed_cb (DmWindow *self)
{
  dm_sidebar_set_compare (self->sidebar, dm_comparison_get_compared_scenario (self->comparison));
}

static void
comparison_error_cb (DmWindow   *self,
                     const char *message)
{
  _dm_window_show_error (self, message);
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
  /* `demarcate LESSON.json` (or --present LESSON.json) presents it. */
  if (dm_lesson_file_is_lesson (path))
    return dm_window_open_lesson (self, path);
  scenario = dm_scenario_load (path, self->catalog, &date, &error);
  if (scenario == NULL)
    {
      _dm_window_show_error (self, error->message);
      return FALSE;
    }
  set_scenario (self, scenario);
  self->scenario_path = g_strdup (path);
  if (dm_loader_has_day (self->catalog, date))
    dm_window_set_control_date (self, date);
  return TRUE;
}

gboolean
dm_window_is_ready (DmWindow *self)
{
  return dm_scene_get_partition (self->scene) != NULL &&
         dm_scene_get_scenario (self->scene) != NULL;
}

const char *
dm_window_get_proposal_id (DmWindow *self)
{
  DmScenario *scenario = dm_scene_get_scenario (self->scene);

  return scenario ? dm_proposal_get_id (dm_scenario_get_proposal (scenario)) : NULL;
}

/* The DmScenario on show (gpointer keeps GTK users free of core headers). */
gpointer
dm_window_get_scenario (DmWindow *self)
{
  return dm_scene_get_scenario (self->scene);
}

gboolean
dm_window_save_scenario (DmWindow    *self,
                         const char  *path,
                         GError     **error)
{
  if (!dm_scenario_save (dm_scene_get_scenario (self->scene), path, self->day, error))
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

/* The scene the left (0) or right (1) map paints. */
gpointer
dm_window_get_scene (DmWindow *self,
                     guint     index)
{
  return index == 0 ? self->scene : dm_comparison_get_scene (self->comparison);
}

/* The DmCatalog of proposals and days, or NULL if it could not load. */
gpointer
dm_window_get_catalog (DmWindow *self)
{
  return self->catalog;
}

/* What the map is drawn with, whatever set it (menu, settings). */
gboolean
dm_window_get_high_contrast (DmWindow *self)
{
  return dm_scene_get_high_contrast (self->scene);
}

/* The region part last clicked on the map; FALSE when none was. */
gboolean
dm_window_get_selection (DmWindow *self,
                         int      *region,
                         int      *part)
{
  return dm_scene_get_selection (self->scene, region, part);
}

gboolean
dm_window_get_presenting (DmWindow *self)
{
  return dm_presenter_get_presenting (self->presenter);
}

void
dm_window_set_startup (DmWindow   *self,
                       const char *proposal_id,
                       const char *compare_id,
                       const char *compare_mode,
                       gboolean    present)
{
  g_autoptr(GEnumClass) modes = g_type_class_ref (DM_TYPE_COMPARE_MODE);
  GEnumValue *mode = compare_mode ? g_enum_get_value_by_nick (modes, compare_mode) : NULL;

  g_free (self->startup->proposal);
  self->startup->proposal = g_strdup (proposal_id);
  g_free (self->startup->compare);
  self->startup->compare = g_strdup (compare_id);
  self->startup->present = present;
  if (mode != NULL)
    dm_comparison_set_mode (self->comparison, mode->value);
}

/* The day to open on: YYYY-MM-DD (or the latest earlier day the record
 * has), or "proposal" for the shown proposal's own day. */
void
dm_window_set_startup_date (DmWindow   *self,
                            const char *date)
{
  g_free (self->startup->date);
  self->startup->date = g_strdup (date);
}

/* A scenario file to open once the data has loaded. */
void
dm_window_set_startup_scenario (DmWindow   *self,
                                const char *path)
{
  g_free (self->startup->scenario_path);
  self->startup->scenario_path = g_strdup (path);
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

  _dm_window_adaptive_dispose (self);
  _dm_window_compare_dispose (self);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->day_cancellable);
  g_clear_object (&self->day_cancellable);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->presenter);
  g_clear_object (&self->comparison);
  g_clear_object (&self->scenario_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_WINDOW);
  g_clear_object (&self->overlay);
  g_clear_object (&self->annotations);
  g_clear_object (&self->scene);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->map_source);
  g_clear_pointer (&self->catalog, dm_catalog_unref);
  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->scenario_path, g_free);
  g_clear_pointer (&self->startup, dm_startup_free);

  G_OBJECT_CLASS (dm_window_parent_class)->dispose (object);
}

static void
dm_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  GTK_WIDGET_CLASS (dm_window_parent_class)->size_allocate (widget, width, height, baseline);
  _dm_window_adapt_to_width (DM_WINDOW (widget), width);
}

static void
dm_window_class_init (DmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dm_window_constructed;
  object_class->dispose = dm_window_dispose;
  widget_class->size_allocate = dm_window_size_allocate;

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  g_type_ensure (DM_TYPE_SIDEBAR);
  g_type_ensure (DM_TYPE_LEGEND);
  g_type_ensure (DM_TYPE_TIMELINE);
  g_type_ensure (DM_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/demarcate/Demarcate/ui/dm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, date_button);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, map_overlay);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, map_stack);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, map);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, legend);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, date_slider_box);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, timeline);
  /* Children the comparison and the presenter own: looked up by name once,
   * not kept in the window (offset 0). */
  gtk_widget_class_bind_template_child_full (widget_class, "map_b", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "swipe_handle", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "compare_label_a", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "compare_label_b", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "compare_mode_box", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "header_revealer", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "present_box", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "present_title", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "present_caption", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "present_counter", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "present_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "compare_mode_wrap", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "step_box", FALSE, 0);

  _dm_window_install_actions (widget_class);
  _dm_window_import_class_init (widget_class);
  _dm_window_lesson_class_init (widget_class);
  _dm_window_update_class_init (widget_class);
  _dm_window_annotate_class_init (widget_class);
}

static GtkWidget *
template_child (DmWindow   *self,
                const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), DM_TYPE_WINDOW, name));
}

static void
add_property_action (DmWindow   *self,
                     const char *name,
                     gpointer    object,
                     const char *property)
{
  g_autoptr(GPropertyAction) action = g_property_action_new (name, object, property);

  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

static void
dm_window_init (DmWindow *self)
{
  ShumateSimpleMap *map_b;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->startup = g_new0 (DmStartup, 1);
  self->cancellable = g_cancellable_new ();
  self->scene = dm_scene_new (NULL);
  /* Added to the map once the basemap is (dm-window-load.c): the first
   * base layer goes on top of whatever the map already has. */
  self->overlay = g_object_ref_sink (dm_overlay_layer_new (shumate_simple_map_get_viewport (self->map),
                                                           self->scene));
  dm_legend_set_scene (self->legend, self->scene);

  map_b = SHUMATE_SIMPLE_MAP (template_child (self, "map_b"));
  self->comparison = dm_comparison_new (self->scene, self->overlay, self->map_overlay, map_b,
                                        template_child (self, "swipe_handle"),
                                        GTK_LABEL (template_child (self, "compare_label_a")),
                                        GTK_LABEL (template_child (self, "compare_label_b")));
  g_object_bind_property (self->comparison, "active", template_child (self, "compare_mode_box"),
                          "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->comparison, "compared-scene", self->legend, "compare",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->comparison, "notify::side-by-side",
                           G_CALLBACK (side_by_side_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::compared-scene",
                           G_CALLBACK (compared_scene_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "error", G_CALLBACK (comparison_error_cb), self,
                           G_CONNECT_SWAPPED);
  self->presenter = dm_presenter_new (self, self->scene, self->overlay);
  g_signal_connect_object (self->scene, "changed", G_CALLBACK (describe_maps), self,
                           G_CONNECT_SWAPPED);
  if (dm_comparison_get_scene (self->comparison) != NULL)
    g_signal_connect_object (dm_comparison_get_scene (self->comparison), "changed",
                             G_CALLBACK (describe_maps), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::active", G_CALLBACK (describe_maps), self,
                           G_CONNECT_SWAPPED);

  /* Stateful actions: the menu shows check marks, the buttons their state. */
  add_property_action (self, "show-places", self->scene, "show-places");
  /* Comparisons outline what a different holder would get; this outlines
   * every difference in wording as well. */
  add_property_action (self, "status-differences", self->scene, "status-differences");
  add_property_action (self, "compare-mode", self->comparison, "mode");
  add_property_action (self, "proposal-day", self->timeline, "proposal-day");
  add_property_action (self, "present", self->presenter, "presenting");

  /* "The current scenario" is the scene's: edits reach the sidebar. */
  self->scenario_signals = g_signal_group_new (DM_TYPE_SCENARIO);
  g_signal_group_connect_swapped (self->scenario_signals, "changed", G_CALLBACK (refresh), self);
  g_object_bind_property (self->scene, "scenario", self->scenario_signals, "target",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->scene, "notify::scenario", G_CALLBACK (show_proposal_day), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::proposal-day",
                           G_CALLBACK (show_proposal_day), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::proposal-day",
                           G_CALLBACK (own_days_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scene, "notify::scenario", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scene, "notify::partition", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::note", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);

  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self->map_overlay));
  g_signal_connect_object (self->sidebar, "proposal-activated",
                           G_CALLBACK (proposal_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "part-activated",
                           G_CALLBACK (part_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-scenario", FALSE);
  for (int i = 0; i < 2; i++)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click),
                                                  GTK_PHASE_CAPTURE);
      g_signal_connect_object (click, "released", G_CALLBACK (map_released_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_add_controller (i == 0 ? GTK_WIDGET (self->map) : GTK_WIDGET (map_b),
                                 GTK_EVENT_CONTROLLER (click));
    }
  _dm_window_compare_init (self);
  _dm_window_adaptive_init (self);
  _dm_window_import_init (self);
  dm_a11y_name_drop_downs (GTK_WIDGET (self));
  dm_a11y_name_icon_buttons (template_child (self, "header_revealer"));
  dm_a11y_name_icon_buttons (GTK_WIDGET (self->map));
  dm_a11y_name_icon_buttons (GTK_WIDGET (map_b));
  shumate_scale_set_unit (shumate_simple_map_get_scale (self->map), SHUMATE_UNIT_METRIC);

  _dm_window_annotate_init (self);
  _dm_window_load_init (self);
  _dm_window_actions_init (self);
}

DmWindow *
dm_window_new (AdwApplication *application)
{
  return g_object_new (DM_TYPE_WINDOW, "application", application, NULL);
}
