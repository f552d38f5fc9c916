/* dm-import.h: vector files users open or drag in, as a control area, an overlay or a dated series. */
#pragma once

#include <gio/gio.h>

#include "dm-control.h"
#include "dm-vector.h"

G_BEGIN_DECLS

/* Vector files tried in one folder (one per date: three years of days). */
#define DM_IMPORT_MAX_FOLDER_FILES 2000

typedef enum
{
  DM_IMPORT_CONTROL, /* polygons with a date: a new control area */
  DM_IMPORT_OVERLAY, /* any geometry, drawn as an extra layer */
} DmImportKind;

typedef struct
{
  char     *path;         /* the file as the user chose it (.zip and .kmz included) */
  char     *display_name; /* its base name, UTF-8, for lists and attribution */
  char     *date;         /* YYYY-MM-DD, or NULL when neither property nor name gives one */
  DmVector *vector;       /* features in EPSG:4326; vector->n_repaired counts MakeValid repairs */
  gboolean  polygonal;    /* every geometry is a polygon or multipolygon */
} DmImportedFile;

DmImportedFile *dm_import_file        (const char      *path,
                                       DmImportKind     kind,
                                       GCancellable    *cancellable,
                                       GError         **error);
GPtrArray      *dm_import_folder      (const char      *dir,
                                       GPtrArray      **problems,
                                       GCancellable    *cancellable,
                                       GError         **error);
DmControlArea  *dm_import_to_control  (DmImportedFile  *file,
                                       GError         **error);
void            dm_imported_file_free (DmImportedFile  *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmImportedFile, dm_imported_file_free)

G_END_DECLS
