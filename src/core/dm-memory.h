/* dm-memory.h: how the process keeps its memory down: glibc's allocator, and no GL driver under the cairo renderer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void dm_memory_tune (void);

G_END_DECLS
