/* cd-bench-util.h: the text the benchmarks generate and the figures they
 * print.
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

/* A random word of news copy; some are not ASCII. */
static inline const char *
cd_bench_word (GRand *rand)
{
  static const char *const words[] = {
    "council",
    "river",
    "flood",
    "minister",
    "budget",
    "school",
    "police",
    "report",
    "city",
    "the",
    "of",
    "and",
    "a",
    "to",
    "in",
    "said",
    "on",
    "Tuesday",
    "residents",
    "water",
    "level",
    "after",
    "before",
    "government",
    "people",
    "about",
    "more",
    "than",
    "year",
    "week",
    "Passau",
    "München",
    "Zürich",
    "déjà",
    "naïve",
    "sandbags",
    "harbour",
    "bridge",
    "trains",
    "evacuation",
    "mayor",
  };

  return words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
}
