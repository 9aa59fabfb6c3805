/* crash-writer.c: saves articles in a loop until it is killed.
 *
 * Used by test-crash. After each save it prints, and flushes, a line
 * "C UUID SHA256-OF-BODY" once the save has committed; before each save it
 * prints "B UUID SHA256-OF-BODY", so the test knows which state an article
 * may be in when the kill came between the two.
 *
 * Usage: crash-writer DATA-DIR SEED
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cd-store.h"

static const char *words[] = {
  "council",
  "river",
  "flood",
  "budget",
  "mayor",
  "harbour",
  "storm",
  "vote",
  "school",
  "bridge",
  "police",
  "hospital",
  "train",
  "market",
  "festival",
  "court",
  "Köln",
  "Zürich",
  "said",
  "on",
  "the",
  "a",
  "and",
  "of",
  "with",
  "after",
  "before",
  "“quoted”",
  "—",
};

static char *
make_body (GRand *rand)
{
  GString *body = g_string_new (NULL);
  guint    n = g_rand_int_range (rand, 50, 3000);

  g_assert (rand != NULL);

  for (guint i = 0; i < n; i++)
    {
      g_string_append (body, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (body, g_rand_int_range (rand, 0, 40) == 0 ? ".\n\n" : " ");
    }
  return g_string_free (body, FALSE);
}

static void
print_line (char        kind,
            const char *uuid,
            const char *body)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);

  g_assert (uuid != NULL);
  g_assert (body != NULL);

  printf ("%c %s %s\n", kind, uuid, sum);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (GPtrArray) mine = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GRand) rand = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: crash-writer DATA-DIR SEED\n");
      return 2;
    }
  rand = g_rand_new_with_seed (atoi (argv[2]));
  store = cd_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "crash-writer: %s\n", error->message);
      return 2;
    }

  for (guint i = 0;; i++)
    {
      g_autoptr (CdArticle) article = NULL;
      g_autofree char *body = make_body (rand);
      CdRevisionReason reason = g_rand_boolean (rand) ? CD_REVISION_NONE : CD_REVISION_CHECKPOINT;

      if (mine->len > 0 && g_rand_int_range (rand, 0, 10) < 4)
        article = g_object_ref (g_ptr_array_index (mine, g_rand_int_range (rand, 0, mine->len)));
      else
        {
          g_autofree char *headline = g_strdup_printf ("Article %u from writer %s", i, argv[2]);

          article = cd_article_new ();
          cd_article_set_headline (article, headline);
          g_ptr_array_add (mine, g_object_ref (article));
        }
      cd_article_set_body (article, body);
      cd_article_touch (article);

      print_line ('B', cd_article_get_uuid (article), body);
      if (!cd_store_save_article (store, article, reason, NULL, &error))
        {
          fprintf (stderr, "crash-writer: %s\n", error->message);
          return 2;
        }
      print_line ('C', cd_article_get_uuid (article), body);
    }
}
