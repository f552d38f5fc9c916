/* dm-application.h: the application: windows, about, command-line files. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DM_TYPE_APPLICATION (dm_application_get_type ())
G_DECLARE_FINAL_TYPE (DmApplication, dm_application, DM, APPLICATION, AdwApplication)

DmApplication *dm_application_new (void);

G_END_DECLS
