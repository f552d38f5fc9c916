/* bench-common.h: what both benchmarks use to summarise their samples. */
#pragma once

#include <glib.h>

static inline int
bench_compare_double (gconstpointer a,
                      gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

/* Sorts the samples (ms, as doubles) in place and returns their median; the
 * maximum is then the last element. */
static inline double
bench_median_ms (GArray *samples)
{
  g_array_sort (samples, bench_compare_double);
  return g_array_index (samples, double, samples->len / 2);
}
