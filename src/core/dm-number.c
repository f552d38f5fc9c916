/* dm-number.c: figures as a person reads them, with the thousands grouped; files keep plain numbers. */
#include "config.h"

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-number.h"

/* A whole number with its digits grouped by separator; grouping is in
 * localeconv()'s form (each byte a group size from the right, the last
 * repeating, CHAR_MAX ending the grouping). Negative numbers take the
 * minus sign, not a hyphen. Hand-written because printf's %' groups only
 * where the locale says so, and C and C.UTF-8 say nothing. */
char *
dm_number_format_with (double      value,
                       const char *separator,
                       const char *grouping)
{
  g_autofree char *digits = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize n, at = 0, next = 0;
  const char *g = grouping;

  if (!isfinite (value))
    return g_strdup ("—");
  digits = g_strdup_printf ("%.0f", fabs (value));
  n = strlen (digits);
  out = g_string_new (value <= -0.5 ? "−" : "");

  /* The positions, counted from the right, after which a separator goes. */
  if (separator != NULL && *separator != '\0' && g != NULL)
    {
      int size = 0;

      for (;;)
        {
          if (*g != '\0')
            size = (unsigned char) *g++;
          if (size <= 0 || size == CHAR_MAX)
            break;
          at += size;
          if (at >= n)
            break;
          g_array_append_val (breaks, at);
        }
    }
  next = breaks->len;
  for (gsize i = 0; i < n; i++)
    {
      if (next > 0 && n - i == g_array_index (breaks, gsize, next - 1))
        {
          g_string_append (out, separator);
          next--;
        }
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The locale's separator and grouping; where the locale has none (C,
 * C.UTF-8, POSIX) English grouping, "6,004": the messages there are
 * English, and a screen reader reads "6,004" as one number where it can
 * read "6 004" as two. */
char *
dm_number_format (double value)
{
  const struct lconv *lc = localeconv ();

  if (lc->thousands_sep == NULL || *lc->thousands_sep == '\0' ||
      lc->grouping == NULL || *lc->grouping == '\0')
    return dm_number_format_with (value, ",", "\3");
  return dm_number_format_with (value, lc->thousands_sep, lc->grouping);
}

/* An area in whole km², "6,004 km²". */
char *
dm_number_format_area (double km2)
{
  g_autofree char *number = dm_number_format (km2);

  /* TRANSLATORS: an area; %s is the number, already grouped. */
  return g_strdup_printf (_("%s km²"), number);
}
