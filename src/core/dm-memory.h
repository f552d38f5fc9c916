/* dm-memory.h: how the process asks glibc's allocator to hand memory back. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void dm_memory_tune (void);

G_END_DECLS
