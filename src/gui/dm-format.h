/* dm-format.h: the figures the window and the measures dialog both show, worded once. */
#pragma once

#include <glib.h>

#include "dm-stats.h"

G_BEGIN_DECLS

char *dm_format_area (double km2);

G_END_DECLS
