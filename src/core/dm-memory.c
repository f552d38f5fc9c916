/* dm-memory.c: how the process keeps its memory down: glibc's allocator, and no GL driver under the cairo renderer.
 *
 * The window's worker threads (day derivation, tile and band painting)
 * each get a malloc arena, and glibc raises its mmap threshold as large
 * blocks (a day's geometry, band surfaces) are freed, so those blocks end
 * up in arenas that never shrink. bench-gui, the window after 50 day
 * steps: peak 418 MB by default, 278 MB with two arenas and a fixed 1 MiB
 * threshold, with the same step times (17.6 ms median, against 20.6).
 * Environment variables (MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_) still
 * win: these are set only where the user set nothing.
 *
 * GDK's X11 backend loads the GL driver to pick its visual even when GSK
 * renders with cairo: without a GPU that is Mesa's llvmpipe, whose
 * libLLVM and swrast_dri pages took 60 MB of the bare peer window's 107
 * (47 MB without them) and of ours, for a renderer that never draws.
 * With GSK_RENDERER=cairo asked for, GL is turned off with GDK_DEBUG's
 * gl-disable (GTK 4.8 has no other switch); first frame 204 -> 150 MB,
 * bench-gui's peak 272 -> 214 MB. A GDK_DEBUG the user set is left alone. */
#include "config.h"

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "dm-memory.h"

void
dm_memory_tune (void)
{
#ifdef __GLIBC__
  if (g_getenv ("MALLOC_ARENA_MAX") == NULL)
    mallopt (M_ARENA_MAX, 2);
  if (g_getenv ("MALLOC_MMAP_THRESHOLD_") == NULL)
    mallopt (M_MMAP_THRESHOLD, 1024 * 1024);
#endif
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0 && g_getenv ("GDK_DEBUG") == NULL)
    g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
}
