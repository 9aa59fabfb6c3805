/* cd-check-house-style.c: the house-style rule, an editable list of
 * "avoid → prefer" entries matched word by word, case-insensitively.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"

void
_cd_house_style_entry_free (CdHouseStyleEntry *entry)
{
  g_free (entry->avoid);
  g_strfreev (entry->avoid_words);
  g_free (entry->prefer);
  g_free (entry);
}

/* Splits a phrase into folded words the way the scanner finds words:
 * letters and digits, joined by inner hyphens and apostrophes. */
static char **
phrase_words (const char *phrase)
{
  g_autofree char *folded = _cd_check_fold (phrase, -1);
  GStrvBuilder    *builder = g_strv_builder_new ();
  GString         *word = g_string_new (NULL);
  char           **words;

  g_assert (phrase != NULL);

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c) ||
                     ((c == '-' || c == '\'') && word->len > 0 &&
                      g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (p))))))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_strv_builder_add (builder, word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  words = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return words;
}

/**
 * _cd_house_style_parse:
 *
 * Returns: (transfer container): the entries of @text, or %NULL with @error
 * naming the first line that does not parse
 */
GPtrArray *
_cd_house_style_parse (const char *text,
                       GError    **error)
{
  g_autoptr (GPtrArray) entries =
      g_ptr_array_new_with_free_func ((GDestroyNotify) _cd_house_style_entry_free);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char              *line = g_strstrip (lines[i]);
      const char        *arrow;
      gsize              arrow_length;
      CdHouseStyleEntry *entry;

      if (*line == '\0' || *line == '#')
        continue;
      if ((arrow = strstr (line, "→")) != NULL)
        arrow_length = strlen ("→");
      else if ((arrow = strstr (line, "->")) != NULL)
        arrow_length = 2;
      else
        {
          g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_HOUSE_STYLE,
                       "Line %u has no “→” between what to avoid and what to prefer", i + 1);
          return NULL;
        }

      entry = g_new0 (CdHouseStyleEntry, 1);
      entry->avoid = g_strstrip (g_strndup (line, arrow - line));
      entry->prefer = g_strstrip (g_strdup (arrow + arrow_length));
      entry->avoid_words = phrase_words (entry->avoid);
      if (entry->avoid_words[0] == NULL)
        {
          _cd_house_style_entry_free (entry);
          g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_HOUSE_STYLE,
                       "Line %u has nothing to avoid before its “→”", i + 1);
          return NULL;
        }
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

static char *
fold_word (const CdCheckField *field,
           const CdCheckWord  *word)
{
  g_assert (field != NULL);
  g_assert (word != NULL);

  return _cd_check_fold (field->text + word->start, word->end - word->start);
}

/* Whether entry matches the words from index i on; they must follow one
 * another with only spaces between them. */
static gboolean
entry_matches (const CdHouseStyleEntry *entry,
               const CdCheckField      *field,
               guint                    i)
{
  g_assert (entry != NULL);
  g_assert (field != NULL);

  for (guint k = 1; entry->avoid_words[k] != NULL; k++)
    {
      const CdCheckWord *word;
      g_autofree char   *folded = NULL;

      if (i + k >= field->words->len)
        return FALSE;
      word = &g_array_index (field->words, CdCheckWord, i + k);
      if (!(word->flags & CD_CHECK_WORD_SPACE_BEFORE))
        return FALSE;
      folded = fold_word (field, word);
      if (!g_str_equal (folded, entry->avoid_words[k]))
        return FALSE;
    }
  return TRUE;
}

void
_cd_check_house_style (CdCheckContext *ctx)
{
  if (ctx->house_style_index == NULL)
    return;

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];

      if (!field->prose)
        continue;
      for (guint i = 0; i < field->words->len; i++)
        {
          const CdCheckWord       *word = &g_array_index (field->words, CdCheckWord, i);
          g_autofree char         *folded = fold_word (field, word);
          GPtrArray               *list = g_hash_table_lookup (ctx->house_style_index, folded);
          const CdHouseStyleEntry *best = NULL;
          guint                    best_words = 0;
          g_autofree char         *suggestion = NULL;
          const CdCheckWord       *last;

          if (list == NULL)
            continue;
          for (guint e = 0; e < list->len; e++)
            {
              const CdHouseStyleEntry *entry = g_ptr_array_index (list, e);
              guint                    n = g_strv_length (entry->avoid_words);

              if (n > best_words && entry_matches (entry, field, i))
                {
                  best = entry;
                  best_words = n;
                }
            }
          if (best == NULL)
            continue;

          last = &g_array_index (field->words, CdCheckWord, i + best_words - 1);
          suggestion = (word->flags & CD_CHECK_WORD_CAPITALISED) && *best->prefer != '\0' ? _cd_check_upper_first (best->prefer) : g_strdup (best->prefer);
          for (guint k = 0; k < best_words; k++)
            _cd_check_cover (ctx, f, g_array_index (field->words, CdCheckWord, i + k).start);
          if (*best->prefer != '\0')
            _cd_check_add (ctx, f, CD_CHECK_RULE_HOUSE_STYLE, CD_CHECK_SEVERITY_INFO,
                           word->start, last->end, suggestion,
                           "House style: “%s”, not “%s”", best->prefer, best->avoid);
          else
            _cd_check_add (ctx, f, CD_CHECK_RULE_HOUSE_STYLE, CD_CHECK_SEVERITY_INFO,
                           word->start, last->end, NULL,
                           "House style: avoid “%s”", best->avoid);
          i += best_words - 1;
        }
    }
}
