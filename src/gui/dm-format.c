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

/* What a scenario takes from each side against a line of contact, one figure
 * per line. */
char *
dm_format_handover (const DmHandover *handover)
{
  g_autofree char *to_ru = dm_format_area (handover->ua_to_russia);
  g_autofree char *to_dmz = dm_format_area (handover->ua_to_neutral);
  g_autofree char *back = dm_format_area (handover->ru_to_ukraine + handover->ru_to_neutral);

  return g_strdup_printf (_("Ukrainian-held land passing to Russia: %s\n"
                            "Ukrainian-held land becoming a demilitarised zone: %s\n"
                            "Russian-held land returned or demilitarised: %s"),
                          to_ru, to_dmz, back);
}
