/* dm-window-load.c: the window's data: bundled geography, lines of contact by date, settings. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dm-file-kind.h"
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

/* Load ahead what is likely next: playback's next frames, or the days
 * either side for a day key. */
static void
prefetch_upcoming (DmWindow *self)
{
  g_auto(GStrv) upcoming = dm_timeline_dup_upcoming (self->timeline,
                                                     dm_timeline_get_playing (self->timeline)
                                                     ? 4 : 0);

  dm_loader_prefetch_days (self->catalog, dm_scene_get_geodata (self->scene),
                           (const char * const *) upcoming);
}

static void
prefetch_after_paint_cb (GdkFrameClock *clock,
                         DmWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, prefetch_after_paint_cb, self);
  prefetch_upcoming (self);
}

/* Once the new day is on screen: GEOS deriving the next days on both
 * cores meanwhile would slow the repaint of this one (bench-gui's day
 * step, 43 -> 31 ms median). */
static void
prefetch_when_painted (DmWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      prefetch_upcoming (self);
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, prefetch_after_paint_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (prefetch_after_paint_cb), self, 0);
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
  dm_timeline_day_shown (self->timeline);
  prefetch_when_painted (self);
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
timeline_day_cb (DmWindow *self)
{
  const char *day = dm_timeline_get_day (self->timeline);

  if (day != NULL)
    load_day (self, day);
}

/* Shows a date: that day, or the latest earlier one, which the timeline
 * notes (and the subtitle says). FALSE with a message outside the record. */
gboolean
_dm_window_show_day (DmWindow   *self,
                     const char *date,
                     GError    **error)
{
  g_autofree char *note = NULL;
  const DmControlInfo *info;

  if (dm_timeline_get_n_days (self->timeline) == 0)
    return FALSE;
  /* The catalog's rule, as the command line has it: the day, or the
   * latest earlier one with a note; a date outside the record is an error. */
  info = dm_catalog_resolve_date (self->catalog, date, &note, error);
  if (info == NULL)
    return FALSE;
  return dm_timeline_set_day (self->timeline, info->date, note);
}

/* --date: a day, or "proposal" for the shown proposal's own day. */
static void
show_startup_day (DmWindow *self)
{
  DmScenario *scenario = dm_scene_get_scenario (self->scene);
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  const char *date = self->startup->date;

  if (g_str_equal (date, "proposal") && scenario != NULL)
    {
      day = dm_catalog_proposal_day (self->catalog, dm_scenario_get_proposal (scenario), &error);
      date = day;
    }
  if (date == NULL || !_dm_window_show_day (self, date, &error))
    _dm_window_toast (self, error ? error->message : self->startup->date);
  g_clear_pointer (&self->startup->date, g_free);
}

/* The slider gives the bottom of the screen back to the map when
 * presenting, and is pointless with fewer than two days. */
static void
update_date_slider (DmWindow *self)
{
  gtk_widget_set_visible (self->date_slider_box,
                          !dm_presenter_get_presenting (self->presenter) &&
                          dm_timeline_get_n_days (self->timeline) >= 2);
}

/* The days: bundled, fetched and imported, on the timeline and in the
 * header's calendar; select is the date to show (NULL: the remembered or
 * the latest). Both have each proposal's day, with its short name. */
void
_dm_window_fill_dates (DmWindow   *self,
                       const char *select)
{
  g_auto(GStrv) days = dm_loader_dup_days (self->catalog);
  g_autoptr(GStrvBuilder) marked = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) named = g_strv_builder_new ();
  g_auto(GStrv) marks = NULL;
  g_auto(GStrv) labels = NULL;
  g_autofree char *remembered = self->settings ? g_settings_get_string (self->settings,
                                                                        "control-date") : NULL;
  const char *wanted = select ? select : remembered;
  GPtrArray *proposals = dm_catalog_get_proposals (self->catalog);

  for (guint p = 0; p < proposals->len; p++)
    {
      g_autofree char *day = dm_catalog_proposal_day (self->catalog, proposals->pdata[p], NULL);

      if (day != NULL)
        {
          g_strv_builder_add (marked, day);
          g_strv_builder_add (named, dm_proposal_get_short_title (proposals->pdata[p]));
        }
    }
  marks = g_strv_builder_end (marked);
  labels = g_strv_builder_end (named);

  g_signal_handlers_block_by_func (self->timeline, timeline_day_cb, self);
  dm_timeline_set_days (self->timeline, (const char * const *) days,
                        (const char * const *) marks, (const char * const *) labels);
  dm_date_button_set_days (self->date_button, (const char * const *) days,
                           (const char * const *) marks, (const char * const *) labels);
  if (wanted == NULL || !dm_timeline_set_day (self->timeline, wanted, NULL))
    dm_timeline_set_position (self->timeline, G_MAXUINT);
  g_signal_handlers_unblock_by_func (self->timeline, timeline_day_cb, self);
  update_date_slider (self);
  timeline_day_cb (self);
}

/* Shows the line of contact of a date (a saved scenario's or a lesson
 * step's): that day, or the latest earlier one, said in the subtitle. */
gboolean
dm_window_set_control_date (DmWindow   *self,
                            const char *date)
{
  if (self->catalog == NULL)
    return FALSE;
  return _dm_window_show_day (self, date, NULL);
}

/* Why the day shown is not the one asked for, or NULL. */
const char *
dm_window_get_day_note (DmWindow *self)
{
  return dm_timeline_get_note (self->timeline);
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

/* `demarcate FILE`: a scenario or lesson opens; a vector file (a KMZ
 * from a forum, a GeoJSON a colleague sent) is read, checked and asked
 * about as a drop would be. Which it is comes from its parsed structure,
 * as `demarcate validate` decides. */
static void
open_startup_file (DmWindow   *self,
                   const char *path)
{
  g_autoptr(GError) error = NULL;
  DmFileKind kind;

  if (!dm_file_kind_of (path, &kind, &error))
    _dm_window_show_error (self, error->message);
  else if (kind == DM_FILE_VECTOR)
    dm_window_import_asking (self, path);
  else
    dm_window_open_scenario (self, path);
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
  _dm_window_annotate_attach (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  _dm_window_zoom_home (self, FALSE);

  if (dm_scene_get_scenario (self->scene) == NULL)
    _dm_window_set_proposal (self, startup_proposal (self));

  _dm_window_compare_setup (self);
  _dm_window_fill_dates (self, NULL);
  if (self->startup->date != NULL)
    show_startup_day (self);

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
    open_startup_file (self, self->startup->scenario_path);
  g_clear_pointer (&self->startup->scenario_path, g_free);
}

/* A day from the calendar: the catalog's rule decides its line; a day
 * outside the record is said in a toast. */
static void
date_chosen_cb (DmWindow   *self,
                const char *date)
{
  g_autoptr(GError) error = NULL;

  if (!_dm_window_show_day (self, date, &error) && error != NULL)
    _dm_window_toast (self, error->message);
}

/* The map's high-contrast style: the app's own option, or the system's. */
static void
high_contrast_changed_cb (DmWindow *self)
{
  gboolean on = adw_style_manager_get_high_contrast (adw_style_manager_get_default ()) ||
                (self->settings != NULL &&
                 g_settings_get_boolean (self->settings, "high-contrast"));

  dm_scene_set_high_contrast (self->scene, on);
}

/* Settings (window size, proposal, date, style) and the date controls. */
void
_dm_window_load_init (DmWindow *self)
{
  self->settings = settings_new ();
  g_object_bind_property (self->timeline, "day", self->date_button, "day", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->date_button, "day-chosen", G_CALLBACK (date_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::position",
                           G_CALLBACK (timeline_day_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->presenter, "notify::presenting",
                           G_CALLBACK (update_date_slider), self, G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    {
      const char *keys[] = { "high-contrast", "online-basemap", "key-cities" };
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

      /* Stateful actions, so the menu shows check marks; settings remember. */
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          g_autoptr(GAction) action = g_settings_create_action (self->settings, keys[i]);
          g_action_map_add_action (G_ACTION_MAP (group), action);
        }
      gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
      g_signal_connect_object (self->settings, "changed::high-contrast",
                               G_CALLBACK (high_contrast_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_settings_bind (self->settings, "window-width", self, "default-width",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized",
                       G_SETTINGS_BIND_DEFAULT);
    }
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (high_contrast_changed_cb), self, G_CONNECT_SWAPPED);
  high_contrast_changed_cb (self);
}

void
_dm_window_load_start (DmWindow *self)
{
  dm_load_geodata_async (dm_catalog_get_geo_dir (self->catalog), self->cancellable,
                         geodata_loaded_cb, g_object_ref (self));
}
