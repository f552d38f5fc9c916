/* dm-window-load.c: the window's data: bundled geography, lines of contact by date, settings. */
#include "config.h"

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


static void
partition_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPartition) partition = dm_load_partition_finish (result, &error);

  if (partition == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dm_window_show_error (self, error->message);
      return;
    }
  /* Scrubbing the date slider starts several loads; only the last counts. */
  if (g_strcmp0 (dm_partition_get_date (partition), self->control_date) != 0)
    return;
  g_clear_pointer (&self->partition, dm_partition_unref);
  self->partition = g_steal_pointer (&partition);
  dm_scene_set_partition (self->scene, self->partition);
  _dm_window_compare_update (self);
  gtk_stack_set_visible_child_name (self->map_stack, "map");
  _dm_window_refresh (self);
}

static void
load_partition (DmWindow   *self,
                const char *date)
{
  const DmControlInfo *info = dm_catalog_find_control (self->catalog, date);

  if (info == NULL || self->geodata == NULL)
    return;
  g_free (self->control_date);
  self->control_date = g_strdup (info->date);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "control-date", info->date);
  /* A newer date supersedes a load still running (scrubbing the slider). */
  g_cancellable_cancel (self->partition_cancellable);
  g_clear_object (&self->partition_cancellable);
  self->partition_cancellable = g_cancellable_new ();
  dm_load_partition_async (self->geodata, self->catalog, info, self->partition_cancellable,
                           partition_loaded_cb, g_object_ref (self));
}

static void
date_selected_cb (DmWindow *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->date_dropdown);

  if (item != NULL)
    load_partition (self, gtk_string_object_get_string (item));
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

/* The control dates: bundled and imported, in the dropdown and on the
 * slider; select is the date to show (NULL: the remembered or the latest). */
void
_dm_window_fill_dates (DmWindow   *self,
                       const char *select)
{
  GPtrArray *controls = dm_catalog_get_controls (self->catalog);
  g_autoptr(GtkStringList) dates = gtk_string_list_new (NULL);
  g_autofree char *remembered = self->settings ? g_settings_get_string (self->settings,
                                                                        "control-date") : NULL;
  const char *wanted = select ? select : remembered;
  guint selected = controls->len > 0 ? controls->len - 1 : 0;

  gtk_scale_clear_marks (self->date_scale);
  for (guint i = 0; i < controls->len; i++)
    {
      DmControlInfo *info = g_ptr_array_index (controls, i);

      gtk_string_list_append (dates, info->date);
      if (g_strcmp0 (info->date, wanted) == 0)
        selected = i;
    }
  /* Two years of days: the ends are labelled, proposals get a tick. */
  if (controls->len > 0)
    {
      GPtrArray *proposals = dm_catalog_get_proposals (self->catalog);

      gtk_scale_add_mark (self->date_scale, 0, GTK_POS_BOTTOM,
                          ((DmControlInfo *) controls->pdata[0])->date);
      gtk_scale_add_mark (self->date_scale, controls->len - 1, GTK_POS_BOTTOM,
                          ((DmControlInfo *) controls->pdata[controls->len - 1])->date);
      for (guint i = 0; i < proposals->len; i++)
        {
          g_autofree char *day = dm_catalog_proposal_day (self->catalog, proposals->pdata[i], NULL);
          const DmControlInfo *info = day ? dm_catalog_resolve_date (self->catalog, day, NULL, NULL)
                                          : NULL;
          guint index;

          if (info != NULL && g_ptr_array_find (controls, info, &index))
            gtk_scale_add_mark (self->date_scale, index, GTK_POS_TOP, NULL);
        }
    }
  gtk_range_set_range (GTK_RANGE (self->date_scale), 0, MAX (controls->len, 2) - 1);
  gtk_widget_set_visible (self->date_slider_box, controls->len >= 2);

  /* A new model resets the selection, which loads a partition: block
   * that, set the real selection, then load once. */
  g_signal_handlers_block_by_func (self->date_dropdown, date_selected_cb, self);
  gtk_drop_down_set_model (self->date_dropdown, G_LIST_MODEL (dates));
  gtk_drop_down_set_selected (self->date_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->date_dropdown, date_selected_cb, self);
  gtk_range_set_value (GTK_RANGE (self->date_scale), selected);
  date_selected_cb (self);
}

/* The online OpenStreetMap layer replaces the bundled basemap under the
 * overlay; off by default, it is the only thing that uses the network. */
void
_dm_window_apply_basemap (DmWindow *self)
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
  shumate_simple_map_set_map_source (self->map_b, source);
}

/* The offline basemap follows the system's light or dark style. */
static void
dark_changed_cb (DmWindow *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  g_clear_object (&self->map_source);
  self->map_source = dm_map_source_new (self->geodata, dark ? DM_BASEMAP_DARK
                                                            : DM_BASEMAP_LIGHT);
  dm_scene_get_options (self->scene)->dark_basemap = dark;
  _dm_window_compare_update (self);
  _dm_window_apply_basemap (self);
}

static void
settings_changed_cb (DmWindow   *self,
                     const char *key)
{
  if (g_str_equal (key, "online-basemap"))
    _dm_window_apply_basemap (self);
  else if (g_str_equal (key, "high-contrast") && self->scene != NULL)
    {
      dm_scene_get_options (self->scene)->high_contrast =
        g_settings_get_boolean (self->settings, "high-contrast");
      _dm_window_compare_update (self);
      gtk_widget_queue_draw (GTK_WIDGET (self->overlay));
    }
}

static void
geodata_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  DmProposal *proposal = NULL;
  ShumateViewport *viewport;

  self->geodata = dm_load_geodata_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->geodata == NULL)
    {
      adw_status_page_set_title (self->status_page, _("The Map Data Could Not Be Loaded"));
      adw_status_page_set_description (self->status_page, error->message);
      adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
      return;
    }

  self->scene = dm_scene_new (self->geodata);
  dark_changed_cb (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  viewport = shumate_simple_map_get_viewport (self->map);
  self->overlay = dm_overlay_layer_new (viewport, self->scene);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->overlay));
  _dm_window_zoom_home (self, FALSE);
  if (self->settings != NULL)
    settings_changed_cb (self, "high-contrast");

  if (self->startup_proposal != NULL)
    {
      proposal = dm_catalog_find_proposal (self->catalog, self->startup_proposal);
      if (proposal == NULL)
        {
          g_autofree char *msg = g_strdup_printf (_("Unknown proposal “%s”"),
                                                  self->startup_proposal);
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
  if (self->scenario != NULL)
    dm_scene_set_scenario (self->scene, self->scenario);
  else
    _dm_window_set_proposal (self, proposal);

  _dm_window_compare_setup (self);
  _dm_window_fill_dates (self, NULL);

  if (self->startup_compare != NULL && !dm_window_compare_with (self, self->startup_compare))
    {
      g_autofree char *msg = g_strdup_printf (_("Nothing to compare with “%s”"),
                                              self->startup_compare);
      _dm_window_toast (self, msg);
    }
  if (self->startup_present)
    _dm_window_set_presenting (self, TRUE);

  {
    const char *pending = g_object_get_data (G_OBJECT (self), "pending-scenario");

    if (pending != NULL)
      dm_window_open_scenario (self, pending);
  }
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
