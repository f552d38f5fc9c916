/* dm-number.h: figures as a person reads them, with the thousands grouped. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *dm_number_format        (double      value);
char *dm_number_format_with   (double      value,
                               const char *separator,
                               const char *grouping);
char *dm_number_format_area   (double      km2);

G_END_DECLS
