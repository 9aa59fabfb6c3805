/* cd-check-hyphens.c: a word written with a hyphen in one place and closed
 * up in another ("cyber-attack", "cyberattack"; "co-operate",
 * "cooperate"), for the name-variant rule, which does the same for names.
 *
 * Words in lower case only: a capitalised one is a name, the names rule's.
 * The form the article writes more often is the fix; when both are written
 * as often, the one it writes first. Pairs whose two forms are two words
 * (re-sign and resign, re-cover and recover, co-op and coop) are left
 * alone: any word after "re-", and "co-op". A word the names rule or the
 * house style already reports (a capitalised headline's "Cyber-attack"
 * joins the names rule's cluster) is left to it; one reported here is left
 * alone by spelling.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"

typedef struct
{
  guint field;
  gsize start;
  gsize end;
} Place;

typedef struct
{
  char   *forms[2];  /* closed, hyphenated */
  GArray *places[2]; /* Place, in the order of the text */
} Variants;

static void
variants_free (gpointer data)
{
  Variants *v = data;

  for (guint i = 0; i < 2; i++)
    {
      g_free (v->forms[i]);
      g_array_unref (v->places[i]);
    }
  g_free (v);
}

/* Whether a word of lower-case letters and hyphens at @w, @length bytes,
 * has a hyphen between letters that could also be closed up. */
static gboolean
is_hyphen_candidate (const char *w,
                     gsize       length)
{
  gboolean hyphen = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (w[i] == '-')
        {
          if (i == 0 || i + 1 == length || w[i + 1] == '-')
            return FALSE;
          hyphen = TRUE;
        }
      else if (!g_ascii_islower (w[i]) && (guchar) w[i] < 0x80)
        return FALSE;
    }
  return hyphen && !g_str_has_prefix (w, "re-") && !(length == 5 && strncmp (w, "co-op", 5) == 0);
}

static Variants *
variants_for (GHashTable *table,
              const char *key)
{
  Variants *v = g_hash_table_lookup (table, key);

  if (v == NULL)
    {
      v = g_new0 (Variants, 1);
      for (guint i = 0; i < 2; i++)
        v->places[i] = g_array_new (FALSE, FALSE, sizeof (Place));
      g_hash_table_insert (table, g_strdup (key), v);
    }
  return v;
}

static void
add_place (Variants   *v,
           int         form,
           const char *text,
           Place       place)
{
  g_assert (v != NULL);

  if (v->forms[form] == NULL)
    v->forms[form] = g_strndup (text + place.start, place.end - place.start);
  g_array_append_val (v->places[form], place);
}

void
_cd_check_hyphen_variants (CdCheckContext *ctx)
{
  g_autoptr (GHashTable) hyphenated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, variants_free);
  GHashTableIter iter;
  Variants      *v;
  guint64        lengths = 0; /* bit n: a key of n bytes */

  g_return_if_fail (ctx != NULL);

  /* The hyphenated words first, then their closed forms: a word whose
   * length no key has is not looked up, and none is without a key. */
  for (int pass = 1; pass >= 0 && g_hash_table_size (hyphenated) + pass > 0; pass--)
    for (guint f = 0; f < ctx->n_fields; f++)
      {
        const CdCheckField *field = &ctx->fields[f];

        for (guint i = 0; field->prose && i < field->words->len; i++)
          {
            const CdCheckWord *word = &g_array_index (field->words, CdCheckWord, i);
            const char        *w = field->text + word->start;
            gsize              length = word->end - word->start;
            g_autofree char   *key = NULL;
            char               closed[64];
            Place              place = { f, word->start, word->end };

            if (word->flags & (CD_CHECK_WORD_CAPITALISED | CD_CHECK_WORD_MIXED_CASE | CD_CHECK_WORD_HAS_DIGIT))
              continue;
            if (pass == 1 && is_hyphen_candidate (w, length))
              {
                /* The key is the word without its hyphens. */
                key = g_strndup (w, length);
                for (char *p = key, *q = key;; p++)
                  if (*p != '-' && (*q++ = *p) == '\0')
                    break;
                if (strlen (key) < sizeof closed)
                  lengths |= G_GUINT64_CONSTANT (1) << strlen (key);
                add_place (variants_for (hyphenated, key), 1, field->text, place);
              }
            else if (pass == 0 && length < sizeof closed && (lengths & (G_GUINT64_CONSTANT (1) << length)) &&
                     memchr (w, '-', length) == NULL)
              {
                memcpy (closed, w, length);
                closed[length] = '\0';
                v = g_hash_table_lookup (hyphenated, closed);
                if (v != NULL)
                  add_place (v, 0, field->text, place);
              }
          }
      }

  g_hash_table_iter_init (&iter, hyphenated);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &v))
    {
      int keep;

      gboolean covered = FALSE;

      if (v->places[0]->len == 0 || v->places[1]->len == 0)
        continue;
      /* The names rule or the house style has its say on the word first. */
      for (guint k = 0; k < 2; k++)
        for (guint i = 0; i < v->places[k]->len; i++)
          {
            const Place *p = &g_array_index (v->places[k], Place, i);

            covered = covered || _cd_check_is_covered (ctx, p->field, p->start);
          }
      if (covered)
        continue;
      if (v->places[0]->len != v->places[1]->len)
        keep = v->places[0]->len > v->places[1]->len ? 0 : 1;
      else
        {
          const Place *closed = &g_array_index (v->places[0], Place, 0);
          const Place *hyphen = &g_array_index (v->places[1], Place, 0);

          keep = closed->field < hyphen->field || (closed->field == hyphen->field && closed->start < hyphen->start)
                     ? 0
                     : 1;
        }
      for (guint i = 0; i < v->places[!keep]->len; i++)
        {
          const Place *p = &g_array_index (v->places[!keep], Place, i);

          _cd_check_cover (ctx, p->field, p->start);
          _cd_check_add (ctx, p->field, CD_CHECK_RULE_NAME_VARIANT, CD_CHECK_SEVERITY_WARNING, p->start, p->end,
                         v->forms[keep], keep == 1 ? "Hyphenated elsewhere" : "Closed up elsewhere");
        }
    }
}
