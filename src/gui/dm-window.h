/* dm-window.h: the main window: map, sidebar, legend. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DM_TYPE_WINDOW (dm_window_get_type ())
G_DECLARE_FINAL_TYPE (DmWindow, dm_window, DM, WINDOW, AdwApplicationWindow)

DmWindow   *dm_window_new               (AdwApplication *application);
gboolean    dm_window_open_scenario     (DmWindow       *self,
                                         const char     *path);
gboolean    dm_window_is_ready          (DmWindow       *self);
const char *dm_window_get_proposal_id   (DmWindow       *self);
gpointer    dm_window_get_scenario      (DmWindow       *self);
gboolean    dm_window_save_scenario     (DmWindow       *self,
                                         const char     *path,
                                         GError        **error);
GtkWidget  *dm_window_get_overlay       (DmWindow       *self);
gpointer    dm_window_get_scene         (DmWindow       *self,
                                         guint           index);
gpointer    dm_window_get_catalog       (DmWindow       *self);
gboolean    dm_window_get_presenting    (DmWindow       *self);
gboolean    dm_window_get_selection     (DmWindow       *self,
                                         int            *region,
                                         int            *part);
gboolean    dm_window_compare_with      (DmWindow       *self,
                                         const char     *proposal_id);
GtkWidget  *dm_window_get_map           (DmWindow       *self,
                                         guint           index);
void        dm_window_import_file       (DmWindow       *self,
                                         const char     *path,
                                         gboolean        as_overlay);
void        dm_window_check_newer_lines (DmWindow       *self,
                                         const char     *base_url,
                                         const char     *last,
                                         const char     *dest_dir);
void        dm_window_import_asking     (DmWindow       *self,
                                         const char     *path);
const char *dm_window_get_control_date  (DmWindow       *self);
gboolean    dm_window_set_control_date  (DmWindow       *self,
                                         const char     *date);
const char *dm_window_get_day_note      (DmWindow       *self);
guint       dm_window_get_n_overlays    (DmWindow       *self);
gboolean    dm_window_get_high_contrast (DmWindow       *self);
gboolean    dm_window_open_lesson       (DmWindow       *self,
                                         const char     *path);
guint       dm_window_get_lesson_step   (DmWindow       *self);
void        dm_window_set_startup       (DmWindow       *self,
                                         const char     *proposal_id,
                                         const char     *compare_id,
                                         const char     *compare_mode,
                                         gboolean        present);
void        dm_window_set_startup_date  (DmWindow       *self,
                                         const char     *date);
void        dm_window_set_startup_scenario (DmWindow    *self,
                                         const char     *path);

G_END_DECLS
