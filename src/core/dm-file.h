/* dm-file.h: every file the app writes is written atomically, through here. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the whole document to stream; FALSE with error set on failure. */
typedef gboolean (*DmFileWriteFunc) (GOutputStream  *stream,
                                     gpointer        user_data,
                                     GCancellable   *cancellable,
                                     GError        **error);

gboolean  dm_file_write_atomic         (const char       *path,
                                        const void       *data,
                                        gsize             len,
                                        GCancellable     *cancellable,
                                        GError          **error);
gboolean  dm_file_write_atomic_stream  (const char       *path,
                                        DmFileWriteFunc   func,
                                        gpointer          user_data,
                                        GCancellable     *cancellable,
                                        GError          **error);

G_END_DECLS
