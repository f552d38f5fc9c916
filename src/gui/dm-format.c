/* dm-format.c: the figures the window and the measures dialog both show, worded once. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-format.h"

/* An area in whole km²; thousands separators follow the locale through %'. */
char *
dm_format_area (double km2)
{
  return g_strdup_printf (_("%'.0f km²"), km2);
}
