/* test-number.c: figures as a person reads them: grouping by the locale, English where it has none. */
#include <limits.h>
#include <locale.h>
#include <math.h>

#include "dm-number.h"

static void
check (double      value,
       const char *separator,
       const char *grouping,
       const char *expected)
{
  g_autofree char *s = dm_number_format_with (value, separator, grouping);

  g_assert_cmpstr (s, ==, expected);
}

static void
test_grouping (void)
{
  check (6004, ",", "\3", "6,004");
  check (541265, ",", "\3", "541,265");
  check (1234567, "\u00a0", "\3", "1\u00a0" "234\u00a0" "567");
  check (950, ",", "\3", "950");
  check (0, ",", "\3", "0");
  check (1000, ",", "\3", "1,000");
  /* Rounded first, then grouped: 999.6 is a thousand. */
  check (999.6, ",", "\3", "1,000");
  check (-1234, ",", "\3", "−1,234");
  check (-0.2, ",", "\3", "0");
  /* India's lakh and crore: three, then twos. */
  check (12345678, ",", "\3\2", "1,23,45,678");
  /* CHAR_MAX: no grouping past the first group. */
  check (1234567, ".", "\3\177", "1234.567");
  /* No separator, or no grouping: the plain digits. */
  check (1234567, "", "\3", "1234567");
  check (1234567, ",", "", "1234567");
  check (NAN, ",", "\3", "—");
}

static void
test_narrow_space (void)
{
  /* Ukrainian and French group with a (narrow) no-break space. */
  check (1234567, "\u202f", "\3", "1\u202f234\u202f567");
}

/* The suite runs in C.UTF-8, which groups nothing: English grouping. */
static void
test_c_locale (void)
{
  g_autofree char *a = dm_number_format (6004.4);
  g_autofree char *b = dm_number_format_area (6004.4);
  g_autofree char *c = dm_number_format (113412);

  g_assert_cmpstr (a, ==, "6,004");
  g_assert_cmpstr (b, ==, "6,004 km²");
  g_assert_cmpstr (c, ==, "113,412");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/number/grouping", test_grouping);
  g_test_add_func ("/number/narrow-space", test_narrow_space);
  g_test_add_func ("/number/c-locale", test_c_locale);
  return g_test_run ();
}
