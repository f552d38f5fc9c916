/* dm-worker.h: GTask threads that the process waits for before it exits. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void          dm_worker_run            (GTask           *task,
                                        GTaskThreadFunc  func);
guint         dm_worker_get_n_running  (void);
gboolean      dm_worker_wait_idle      (guint            timeout_ms);

G_END_DECLS
