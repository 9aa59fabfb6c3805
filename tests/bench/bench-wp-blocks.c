/* bench-wp-blocks.c: WordPress block markup of a 10,000-word post.
 *
 * Generates a block post of 10,000 words (paragraphs with emphasis and
 * links, headings, lists, quotes, images, a gallery, columns, embeds) and
 * times, over 50 runs each: parsing it as parse_blocks() does, serializing
 * the parsed blocks as serialize_blocks() does, converting it to the
 * article body, and the body back to content, unchanged and with one
 * paragraph edited. Prints the median and 95th percentile beside the
 * budget of 5 ms for parse and serialize. It never fails on a time.
 *
 * Usage: bench-wp-blocks [WORDS [RUNS]]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cd-bench-util.h"
#include "cd-wp-blocks.h"
#include "cd-wp-content.h"

#define BUDGET_MS 5.0

static void
append_words (GString *out,
              GRand   *rand,
              guint    n,
              guint   *written)
{
  for (guint i = 0; i < n; i++)
    {
      const char *word = cd_bench_word (rand);

      if (i > 0)
        g_string_append_c (out, ' ');
      if (i % 19 == 7)
        g_string_append_printf (out, "<strong>%s</strong>", word);
      else if (i % 31 == 11)
        g_string_append_printf (out, "<a href=\"https://example.org/%s?a=1&amp;b=2\">%s</a>", word,
                                word);
      else
        g_string_append (out, word);
    }
  *written += n;
}

static void
append_block (GString *out)
{
  if (out->len > 0)
    g_string_append (out, "\n\n");
}

static char *
make_post (GRand *rand,
           guint  n_words)
{
  GString *out = g_string_new (NULL);
  guint    written = 0, paragraph = 0;

  while (written < n_words)
    {
      paragraph++;
      append_block (out);
      if (paragraph % 12 == 0)
        {
          g_string_append (out, "<!-- wp:heading -->\n<h2>");
          append_words (out, rand, 6, &written);
          g_string_append (out, "</h2>\n<!-- /wp:heading -->\n\n");
        }
      if (paragraph % 17 == 0)
        {
          g_string_append (out, "<!-- wp:list -->\n<ul>");
          for (guint i = 0; i < 5; i++)
            {
              if (i > 0)
                g_string_append (out, "\n\n");
              g_string_append (out, "<!-- wp:list-item -->\n<li>");
              append_words (out, rand, 8, &written);
              g_string_append (out, "</li>\n<!-- /wp:list-item -->");
            }
          g_string_append (out, "</ul>\n<!-- /wp:list -->\n\n");
        }
      if (paragraph % 23 == 0)
        {
          g_string_append (out, "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\">"
                                "<!-- wp:paragraph -->\n<p>");
          append_words (out, rand, 25, &written);
          g_string_append (out, "</p>\n<!-- /wp:paragraph --></blockquote>\n<!-- /wp:quote -->\n\n");
        }
      if (paragraph % 14 == 0)
        g_string_append_printf (out,
                                "<!-- wp:image {\"id\":%u,\"sizeSlug\":\"large\"} -->\n<figure "
                                "class=\"wp-block-image size-large\"><img src=\"https://example.org/"
                                "%u.jpg\" alt=\"Photo %u\" class=\"wp-image-%u\"/></figure>\n"
                                "<!-- /wp:image -->\n\n",
                                paragraph, paragraph, paragraph, paragraph);
      if (paragraph % 40 == 0)
        {
          g_string_append (out, "<!-- wp:columns -->\n<div class=\"wp-block-columns\">");
          for (guint i = 0; i < 3; i++)
            {
              if (i > 0)
                g_string_append (out, "\n\n");
              g_string_append (out, "<!-- wp:column -->\n<div class=\"wp-block-column\">"
                                    "<!-- wp:paragraph -->\n<p>");
              append_words (out, rand, 20, &written);
              g_string_append (out, "</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column -->");
            }
          g_string_append (out, "</div>\n<!-- /wp:columns -->\n\n");
        }
      if (paragraph % 45 == 0)
        g_string_append (out, "<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=x\","
                              "\"type\":\"video\",\"providerNameSlug\":\"youtube\"} -->\n"
                              "<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">\n"
                              "https://www.youtube.com/watch?v=x\n</div></figure>\n<!-- /wp:embed -->\n\n");
      g_string_append (out, "<!-- wp:paragraph -->\n<p>");
      append_words (out, rand, g_rand_int_range (rand, 30, 90), &written);
      g_string_append (out, "</p>\n<!-- /wp:paragraph -->");
    }
  return g_string_free (out, FALSE);
}

typedef void (*BenchFunc) (gconstpointer data);

static const char *post;
static const char *body;
static const char *edited_body;
static GPtrArray  *parsed;

static void
run_parse (gconstpointer data)
{
  g_autoptr (GPtrArray) blocks = cd_wp_blocks_parse (post, strlen (post));
}

static void
run_serialize (gconstpointer data)
{
  g_autofree char *out = cd_wp_blocks_serialize (parsed);
}

static void
run_to_body (gconstpointer data)
{
  g_autofree char *out = cd_wp_content_to_body (post, -1);
}

static void
run_to_content (gconstpointer data)
{
  g_autofree char *out = cd_wp_body_to_content (data, -1, post, -1);
}

static void
run_new_post (gconstpointer data)
{
  g_autofree char *out = cd_wp_body_to_content (body, -1, NULL, 0);
}

static void
measure (const char   *what,
         BenchFunc     func,
         gconstpointer data,
         guint         runs,
         gboolean      budgeted)
{
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double median, p95;

  func (data); /* warm up */
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      func (data);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  median = cd_bench_percentile (times, 0.5);
  p95 = cd_bench_percentile (times, 0.95);
  if (budgeted)
    printf ("%-36s median %7.3f ms  p95 %7.3f ms  (budget %.0f ms: %s)\n", what, median, p95,
            BUDGET_MS, median < BUDGET_MS ? "median within" : "median OVER");
  else
    printf ("%-36s median %7.3f ms  p95 %7.3f ms\n", what, median, p95);
}

int
main (int   argc,
      char *argv[])
{
  guint n_words = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 50;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20221101);
  g_autofree char *content = make_post (rand, n_words);
  g_autofree char *md = cd_wp_content_to_body (content, -1);
  g_autoptr (GString) edited = g_string_new (md);
  g_autoptr (GPtrArray) blocks = cd_wp_blocks_parse (content, strlen (content));
  g_autoptr (GArray) units = cd_wp_body_split (md, -1);
  guint opaque = 0;

  post = content;
  body = md;
  parsed = blocks;
  for (guint i = 0; i < units->len; i++)
    opaque += g_array_index (units, CdWpUnit, i).kind == CD_WP_UNIT_BLOCK;
  /* One word changed in the middle of the body. */
  {
    const char *middle = strstr (md + strlen (md) / 2, "\n\n");

    g_string_insert (edited, middle - md, " Edited");
  }
  edited_body = edited->str;

  printf ("block post: %u words, %zu bytes, %u top-level units (%u opaque), body %zu bytes\n",
          n_words, strlen (content), units->len, opaque, strlen (md));
  measure ("parse (parse_blocks)", run_parse, NULL, runs, TRUE);
  measure ("serialize (serialize_blocks)", run_serialize, NULL, runs, TRUE);
  measure ("content -> body", run_to_body, NULL, runs, FALSE);
  measure ("body -> content, unchanged", run_to_content, body, runs, FALSE);
  measure ("body -> content, one paragraph edited", run_to_content, edited_body, runs, FALSE);
  measure ("body -> content, new post", run_new_post, NULL, runs, FALSE);
  return 0;
}
