/* cd-bench-util.h: figures the benchmarks print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

static inline int
cd_bench_compare_doubles (gconstpointer a,
                          gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The @p quantile (0.5 for the median, 1 for the largest) of @values, an
 * array of doubles, which it sorts. */
static inline double
cd_bench_percentile (GArray *values,
                     double  p)
{
  g_array_sort (values, cd_bench_compare_doubles);
  return g_array_index (values, double, (guint) (p * (values->len - 1) + 0.5));
}
