/* dm-window-load.c: the window's data: bundled geography, lines of contact by date, settings. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dm-loader.h"
#include "dm-window-private.h"

/* Shown first when settings remember nothing. */
#define DEFAULT_PROPOSAL "us-28-point-2025-11"

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID,
                                                                                TRUE) : NULL;

  /* Run from the build folder without installing, the schema is the one
   * meson compiled in build/data. Without either, the window works and
   * just does not remember. */
  if (schema == NULL)
    {
      g_autoptr(GSettingsSchemaSource) local =
        g_settings_schema_source_new_from_directory (BUILD_SCHEMADIR, source, FALSE, NULL);

      if (local != NULL)
        schema = g_settings_schema_source_lookup (local, APP_ID, FALSE);
    }
  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}


/* For tools/bench-startup.sh: the wall-clock time once the first frame
 * showing region parts has been painted, so start-up can be measured from
 * outside. Only with DEMARCATE_REPORT_FIRST_FRAME set; once a process. */
static void
first_frame_painted_cb (GdkFrameClock *clock,
                        gpointer       user_data)
{
  g_print ("first-frame-realtime-us %" G_GINT64_FORMAT "\n", g_get_real_time ());
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, user_data);
}

static void
report_first_frame (DmWindow *self)
{
  static gboolean reported = FALSE;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (reported || clock == NULL || g_getenv ("DEMARCATE_REPORT_FIRST_FRAME") == NULL)
    return;
  reported = TRUE;
  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_painted_cb), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->overlay));
}

static void
day_loaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPartition) partition = dm_load_day_finish (result, &error);

  if (partition == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dm_window_show_error (self, error->message);
      return;
    }
  /* Scrubbing the date slider starts several loads; only the last counts. */
  if (g_strcmp0 (dm_partition_get_date (partition), self->day) != 0)
    return;
  dm_scene_set_partition (self->scene, partition);
  gtk_stack_set_visible_child_name (self->map_stack, "map");
  if (dm_window_is_ready (self))
    report_first_frame (self);
}

static void
load_day (DmWindow   *self,
          const char *date)
{
  if (!dm_loader_has_day (self->catalog, date) || dm_scene_get_geodata (self->scene) == NULL)
    return;
  g_free (self->day);
  self->day = g_strdup (date);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "control-date", date);
  /* A newer date supersedes a load still running (scrubbing the slider). */
  g_cancellable_cancel (self->day_cancellable);
  g_clear_object (&self->day_cancellable);
  self->day_cancellable = g_cancellable_new ();
  dm_load_day_async (self->catalog, dm_scene_get_geodata (self->scene), date,
                     self->day_cancellable, day_loaded_cb, g_object_ref (self));
}

static void
date_selected_cb (DmWindow *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->date_dropdown);

  if (item != NULL)
    load_day (self, gtk_string_object_get_string (item));
}

static void
date_scale_changed_cb (DmWindow *self)
{
  guint index = (guint) (gtk_range_get_value (GTK_RANGE (self->date_scale)) + 0.5);

  if (gtk_drop_down_get_selected (self->date_dropdown) != index)
    gtk_drop_down_set_selected (self->date_dropdown, index);
}

static void
date_dropdown_changed_cb (DmWindow *self)
{
  guint index = gtk_drop_down_get_selected (self->date_dropdown);

  if ((guint) (gtk_range_get_value (GTK_RANGE (self->date_scale)) + 0.5) != index)
    gtk_range_set_value (GTK_RANGE (self->date_scale), index);
}

/* The slider gives the bottom of the screen back to the map when
 * presenting, and is pointless with fewer than two days. */
static void
update_date_slider (DmWindow *self)
{
  GListModel *days = gtk_drop_down_get_model (self->date_dropdown);

  gtk_widget_set_visible (self->date_slider_box,
                          !dm_presenter_get_presenting (self->presenter) &&
                          days != NULL && g_list_model_get_n_items (days) >= 2);
}

/* The control dates: bundled and imported, in the dropdown and on the
 * slider; select is the date to show (NULL: the remembered or the latest). */
void
_dm_window_fill_dates (DmWindow   *self,
                       const char *select)
{
  g_auto(GStrv) days = dm_loader_dup_days (self->catalog);
  guint n_days = g_strv_length (days);
  g_autoptr(GtkStringList) dates = gtk_string_list_new ((const char * const *) days);
  g_autofree char *remembered = self->settings ? g_settings_get_string (self->settings,
                                                                        "control-date") : NULL;
  const char *wanted = select ? select : remembered;
  guint selected = n_days > 0 ? n_days - 1 : 0;

  gtk_scale_clear_marks (self->date_scale);
  for (guint i = 0; i < n_days; i++)
    if (g_strcmp0 (days[i], wanted) == 0)
      selected = i;
  /* Two years of days: the ends are labelled, each proposal's day gets a tick. */
  if (n_days > 0)
    {
      GPtrArray *proposals = dm_catalog_get_proposals (self->catalog);

      gtk_scale_add_mark (self->date_scale, 0, GTK_POS_BOTTOM, days[0]);
      gtk_scale_add_mark (self->date_scale, n_days - 1, GTK_POS_BOTTOM, days[n_days - 1]);
      for (guint p = 0; p < proposals->len; p++)
        {
          g_autofree char *day = dm_catalog_proposal_day (self->catalog, proposals->pdata[p],
                                                          NULL);
          guint at = n_days;

          /* The day shown for it: that day, or the latest earlier one. */
          for (guint i = 0; day != NULL && i < n_days && strcmp (days[i], day) <= 0; i++)
            at = i;
          if (at < n_days && strcmp (day, days[n_days - 1]) <= 0)
            gtk_scale_add_mark (self->date_scale, at, GTK_POS_TOP, NULL);
        }
    }
  gtk_range_set_range (GTK_RANGE (self->date_scale), 0, MAX (n_days, 2) - 1);

  /* A new model resets the selection, which loads a partition: block
   * that, set the real selection, then load once. */
  g_signal_handlers_block_by_func (self->date_dropdown, date_selected_cb, self);
  gtk_drop_down_set_model (self->date_dropdown, G_LIST_MODEL (dates));
  gtk_drop_down_set_selected (self->date_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->date_dropdown, date_selected_cb, self);
  gtk_range_set_value (GTK_RANGE (self->date_scale), selected);
  update_date_slider (self);
  date_selected_cb (self);
}

/* Shows the line of contact of a known date (bundled or imported). */
gboolean
dm_window_set_control_date (DmWindow   *self,
                            const char *date)
{
  if (self->catalog == NULL || !dm_loader_has_day (self->catalog, date))
    return FALSE;
  _dm_window_fill_dates (self, date);
  return TRUE;
}

const char *
dm_window_get_control_date (DmWindow *self)
{
  DmPartition *partition = dm_scene_get_partition (self->scene);

  return partition ? dm_partition_get_date (partition) : NULL;
}

/* The online OpenStreetMap layer replaces the bundled basemap under the
 * overlay; off by default, it is the only thing that uses the network. */
static void
apply_basemap (DmWindow *self)
{
  gboolean online = self->settings && g_settings_get_boolean (self->settings, "online-basemap");
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (self->map_source);

  if (self->map_source == NULL)
    return;
  if (online)
    {
      g_autoptr(ShumateMapSourceRegistry) registry =
        shumate_map_source_registry_new_with_defaults ();
      ShumateMapSource *osm = shumate_map_source_registry_get_by_id (registry,
                                                                     SHUMATE_MAP_SOURCE_OSM_MAPNIK);
      if (osm != NULL)
        source = osm;
    }
  /* Both maps, shown or not: a hidden second map must not keep fetching. */
  shumate_simple_map_set_map_source (self->map, source);
  shumate_simple_map_set_map_source (dm_comparison_get_second_map (self->comparison), source);
}

/* The offline basemap follows the system's light or dark style. */
static void
dark_changed_cb (DmWindow *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  g_clear_object (&self->map_source);
  self->map_source = dm_map_source_new (dm_scene_get_geodata (self->scene),
                                        dark ? DM_BASEMAP_DARK : DM_BASEMAP_LIGHT);
  dm_scene_set_dark (self->scene, dark);
  apply_basemap (self);
}

static void
settings_changed_cb (DmWindow   *self,
                     const char *key)
{
  if (g_str_equal (key, "online-basemap"))
    apply_basemap (self);
}

static DmProposal *
startup_proposal (DmWindow *self)
{
  DmProposal *proposal = NULL;

  if (self->startup->proposal != NULL)
    {
      proposal = dm_catalog_find_proposal (self->catalog, self->startup->proposal);
      if (proposal == NULL)
        {
          g_autofree char *msg = g_strdup_printf (_("Unknown proposal “%s”"),
                                                  self->startup->proposal);
          _dm_window_toast (self, msg);
        }
    }
  if (proposal == NULL && self->settings != NULL)
    {
      g_autofree char *id = g_settings_get_string (self->settings, "last-proposal");
      proposal = dm_catalog_find_proposal (self->catalog, id);
    }
  if (proposal == NULL)
    proposal = dm_catalog_find_proposal (self->catalog, DEFAULT_PROPOSAL);
  if (proposal == NULL)
    proposal = g_ptr_array_index (dm_catalog_get_proposals (self->catalog), 0);
  return proposal;
}

static void
geodata_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmGeodata) geodata = dm_load_geodata_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (geodata == NULL)
    {
      adw_status_page_set_title (self->status_page, _("The Map Data Could Not Be Loaded"));
      adw_status_page_set_description (self->status_page, error->message);
      adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
      return;
    }

  dm_scene_set_geodata (self->scene, geodata);
  dark_changed_cb (self);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->overlay));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  _dm_window_zoom_home (self, FALSE);

  if (dm_scene_get_scenario (self->scene) == NULL)
    _dm_window_set_proposal (self, startup_proposal (self));

  _dm_window_compare_setup (self);
  _dm_window_fill_dates (self, NULL);

  if (self->startup->compare != NULL &&
      !dm_window_compare_with (self, self->startup->compare))
    {
      g_autofree char *msg = g_strdup_printf (_("Nothing to compare with “%s”"),
                                              self->startup->compare);
      _dm_window_toast (self, msg);
    }
  if (self->startup->present)
    dm_presenter_set_presenting (self->presenter, TRUE);
  if (self->startup->scenario_path != NULL)
    dm_window_open_scenario (self, self->startup->scenario_path);
  g_clear_pointer (&self->startup->scenario_path, g_free);
}

/* Settings (window size, proposal, date, style) and the date controls. */
void
_dm_window_load_init (DmWindow *self)
{
  self->settings = settings_new ();
  g_signal_connect_object (self->date_dropdown, "notify::selected",
                           G_CALLBACK (date_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_dropdown, "notify::selected",
                           G_CALLBACK (date_dropdown_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_scale, "value-changed",
                           G_CALLBACK (date_scale_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->presenter, "notify::presenting",
                           G_CALLBACK (update_date_slider), self, G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    {
      const char *keys[] = { "high-contrast", "online-basemap" };
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

      /* Stateful actions, so the menu shows check marks; settings remember. */
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          g_autoptr(GAction) action = g_settings_create_action (self->settings, keys[i]);
          g_action_map_add_action (G_ACTION_MAP (group), action);
        }
      gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
      g_settings_bind (self->settings, "high-contrast", self->scene, "high-contrast",
                       G_SETTINGS_BIND_GET);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_settings_bind (self->settings, "window-width", self, "default-width",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized",
                       G_SETTINGS_BIND_DEFAULT);
    }
}

void
_dm_window_load_start (DmWindow *self)
{
  dm_load_geodata_async (dm_catalog_get_geo_dir (self->catalog), self->cancellable,
                         geodata_loaded_cb, g_object_ref (self));
}
