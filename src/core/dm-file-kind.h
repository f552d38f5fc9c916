/* dm-file-kind.h: what a file a user opens is, from its parsed structure: a proposal, scenario or lesson, or a vector file. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DM_FILE_PROPOSAL,
  DM_FILE_SCENARIO,
  DM_FILE_LESSON,
  DM_FILE_VECTOR,
} DmFileKind;

gboolean      dm_file_kind_of    (const char  *path,
                                  DmFileKind  *kind,
                                  GError     **error);
const char   *dm_file_kind_name  (DmFileKind   kind);

G_END_DECLS
