/* cd-check-names.c: the name-variant rule, one person, place or organisation
 * written more than one way in one article.
 *
 * Each name (a capitalised word, a pair of them, or "al"/"el" and a name) gets
 * a key: case-folded, without diacritics, hyphens, apostrophes or spaces, so
 * that "Al-Assad", "al-Assad" and "al Assad" meet. Names with other keys that
 * are spellings of one name are joined by cd-check-names-join.c. Each
 * cluster of spellings is then reported: the forms other than the one most
 * written, with it as the suggestion; a name written with and without its
 * article (al-Assad, Assad) is one name, but the article is written one way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-names-private.h"

static void
occurrence_clear (gpointer data)
{
  Occurrence *occurrence = data;

  g_free (occurrence->surface);
}

static void
group_clear (gpointer data)
{
  Group *group = data;

  g_free (group->key);
  g_array_unref (group->occurrences);
}

static char *
make_key (const char *text,
          gsize       length)
{
  g_autofree char *folded = _cd_check_fold (text, length);
  char            *out = folded;
  char            *key = g_steal_pointer (&folded);

  g_assert (text != NULL);

  for (const char *p = key; *p; p++)
    if (*p != '-' && *p != '\'' && *p != ' ' && *p != '.')
      *out++ = *p;
  *out = '\0';
  return key;
}

static gboolean
is_name_word (const CdCheckField *field,
              const CdCheckWord  *word)
{
  g_assert (field != NULL);
  g_assert (word != NULL);

  if (word->flags & (CD_CHECK_WORD_ALL_CAPS | CD_CHECK_WORD_HAS_DIGIT))
    return FALSE;
  if (!(word->flags & (CD_CHECK_WORD_CAPITALISED | CD_CHECK_WORD_MIXED_CASE)))
    return FALSE;
  return g_utf8_next_char (field->text + word->start) < field->text + word->end;
}

static gboolean
is_article_word (const CdCheckField *field,
                 const CdCheckWord  *word)
{
  gsize       n = word->end - word->start;
  const char *text = field->text + word->start;

  g_assert (field != NULL);
  g_assert (word != NULL);

  return n == 2 && (g_ascii_strncasecmp (text, "al", 2) == 0 ||
                    g_ascii_strncasecmp (text, "el", 2) == 0);
}

static guint
add_group (Names      *names,
           const char *key,
           gboolean    single)
{
  gpointer found = g_hash_table_lookup (names->by_key, key);
  Group    group = { 0 };

  g_assert (names != NULL);
  g_assert (key != NULL);

  if (found != NULL)
    {
      Group *existing = &g_array_index (names->groups, Group, GPOINTER_TO_UINT (found) - 1);

      existing->single |= single;
      return GPOINTER_TO_UINT (found) - 1;
    }
  group.key = g_strdup (key);
  group.key_length = g_utf8_strlen (key, -1);
  group.occurrences = g_array_new (FALSE, FALSE, sizeof (guint));
  group.parent = names->groups->len;
  group.single = single;
  g_array_append_val (names->groups, group);
  g_hash_table_insert (names->by_key, group.key, GUINT_TO_POINTER (names->groups->len));
  return names->groups->len - 1;
}

/* A name as written, with a run of spaces as one: two spaces inside a name
 * are a spacing slip, not another spelling. */
static char *
collapse_spaces (const char *text,
                 gsize       length)
{
  GString *out = g_string_sized_new (length);

  g_assert (text != NULL);

  for (gsize i = 0; i < length; i++)
    if (text[i] != ' ' || out->len == 0 || out->str[out->len - 1] != ' ')
      g_string_append_c (out, text[i]);
  return g_string_free (out, FALSE);
}

static void
add_occurrence (Names              *names,
                guint               f,
                const CdCheckField *field,
                guint               first_word,
                guint               n_words,
                gboolean            single,
                const char         *known_key)
{
  const CdCheckWord *first = &g_array_index (field->words, CdCheckWord, first_word);
  const CdCheckWord *last = &g_array_index (field->words, CdCheckWord, first_word + n_words - 1);
  Occurrence         occurrence = { 0 };
  g_autofree char   *key = NULL;
  gsize              end = last->end - _cd_check_possessive_length (field->text + last->start,
                                                                    last->end - last->start);
  Group             *group;

  g_assert (names != NULL);
  g_assert (field != NULL);

  occurrence.field = f;
  occurrence.start = first->start;
  occurrence.end = end;
  occurrence.first_word = first_word;
  occurrence.n_words = n_words;
  occurrence.surface = collapse_spaces (field->text + first->start, end - first->start);
  occurrence.initial = (first->flags & CD_CHECK_WORD_INITIAL) || field->title_case;
  occurrence.single = single;
  key = known_key != NULL ? g_strdup (known_key) : make_key (occurrence.surface, -1);
  occurrence.group = add_group (names, key, single);

  group = &g_array_index (names->groups, Group, occurrence.group);
  if (!occurrence.initial && (first->flags & (CD_CHECK_WORD_CAPITALISED |
                                              CD_CHECK_WORD_MIXED_CASE)))
    group->named = TRUE;
  g_array_append_val (group->occurrences, names->occurrences->len);
  g_array_append_val (names->occurrences, occurrence);
}

static void
collect_lower_case (Names              *names,
                    guint               f,
                    const CdCheckField *field,
                    guint               i)
{
  const CdCheckWord *word = &g_array_index (field->words, CdCheckWord, i);
  g_autofree char   *key = NULL;
  gpointer           found;
  Group             *group;

  g_assert (names != NULL);
  g_assert (field != NULL);

  if (word->flags & (CD_CHECK_WORD_CAPITALISED | CD_CHECK_WORD_MIXED_CASE |
                     CD_CHECK_WORD_HAS_DIGIT))
    return;
  key = make_key (field->text + word->start, word->end - word->start);
  found = g_hash_table_lookup (names->by_key, key);
  if (found == NULL)
    return;
  group = &g_array_index (names->groups, Group, GPOINTER_TO_UINT (found) - 1);
  if (!group->single ||
      _cd_check_word_is_correct (names->ctx, field->text + word->start,
                                 word->end - word->start))
    return;
  add_occurrence (names, f, field, i, 1, TRUE, key);
}

/* The first pass finds capitalised names; the second, lower-case words the
 * dictionary does not know whose key is a name's ("kyiv" beside "Kyiv"). */
static void
collect (Names   *names,
         gboolean lower_case)
{
  CdCheckContext *ctx = names->ctx;

  g_assert (names != NULL);

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];
      guint               n = field->prose ? field->words->len : 0;

      for (guint i = 0; i < n; i++)
        {
          const CdCheckWord *word = &g_array_index (field->words, CdCheckWord, i);
          const CdCheckWord *next = i + 1 < n ? &g_array_index (field->words, CdCheckWord, i + 1) : NULL;
          gboolean           next_name = next != NULL && (next->flags & CD_CHECK_WORD_SPACE_BEFORE) &&
                               is_name_word (field, next);

          if (lower_case)
            collect_lower_case (names, f, field, i);
          else if (next_name && is_article_word (field, word))
            {
              /* "al Assad" is one name, like "al-Assad". */
              add_occurrence (names, f, field, i, 2, TRUE, NULL);
              i++;
            }
          else if (is_name_word (field, word))
            {
              add_occurrence (names, f, field, i, 1, TRUE, NULL);
              if (next_name)
                add_occurrence (names, f, field, i, 2, FALSE, NULL);
            }
        }
    }
}

typedef struct
{
  const char *form;
  guint       count;
} Form;

/* Adds one more of form to forms, which keeps the order first written. */
static void
count_form (GArray     *forms,
            const char *form)
{
  guint k;

  g_assert (forms != NULL);
  g_assert (form != NULL);

  for (k = 0; k < forms->len; k++)
    if (g_str_equal (g_array_index (forms, Form, k).form, form))
      break;
  if (k == forms->len)
    {
      Form new_form = { form, 0 };

      g_array_append_val (forms, new_form);
    }
  g_array_index (forms, Form, k).count++;
}

/* The form to suggest: the most written. As many of one as of another (a
 * name written twice, two ways): the first written when the dictionary
 * knows it and none of the others, otherwise NULL, since a suggestion would
 * as often spread the mistake as mend it; *first is then the first written.
 * The dictionary decides nothing more: it knows Kiev and not Kyiv, Mohammad
 * and not Mohammed, and a newsroom's spelling of a name is its own. */
/* Whether @a and @b differ only in their apostrophes, straight or curly
 * (dell'Agricoltura, dell’Agricoltura). */
static gboolean
differ_by_apostrophe (const char *a,
                      const char *b)
{
  g_autoptr (GString) straight_a = g_string_new (a);
  g_autoptr (GString) straight_b = g_string_new (b);

  g_assert (a != NULL);
  g_assert (b != NULL);

  g_string_replace (straight_a, "’", "'", 0);
  g_string_replace (straight_b, "’", "'", 0);
  return !g_str_equal (a, b) && g_str_equal (straight_a->str, straight_b->str);
}

static const char *
choose_form (Names       *names,
             GArray      *forms,
             const char **first)
{
  const Form *best = NULL;
  gboolean    tie = FALSE;

  g_assert (names != NULL);
  g_assert (forms != NULL);

  for (guint k = 0; k < forms->len; k++)
    {
      const Form *form = &g_array_index (forms, Form, k);

      if (best == NULL || form->count > best->count)
        best = form, tie = FALSE;
      else if (form->count == best->count)
        tie = TRUE;
    }
  *first = best->form;
  if (!tie)
    return best->form;
  /* Written as often with a straight apostrophe as with a curly one: the
   * curly one is the typographer's. */
  if (forms->len == 2 &&
      differ_by_apostrophe (g_array_index (forms, Form, 0).form, g_array_index (forms, Form, 1).form))
    return strstr (g_array_index (forms, Form, 0).form, "’") != NULL ? g_array_index (forms, Form, 0).form
                                                                     : g_array_index (forms, Form, 1).form;
  if (!_cd_check_word_is_correct (names->ctx, best->form, -1))
    return NULL;
  for (guint k = 0; k < forms->len; k++)
    {
      const Form *form = &g_array_index (forms, Form, k);

      if (form != best && form->count == best->count &&
          _cd_check_word_is_correct (names->ctx, form->form, -1))
        return NULL;
    }
  return best->form;
}

static void
append_forms (GString *list,
              GArray  *forms)
{
  g_assert (list != NULL);
  g_assert (forms != NULL);

  for (guint k = 0; k < forms->len; k++)
    {
      const Form *form = &g_array_index (forms, Form, k);

      g_string_append_printf (list, "%s“%s” (%u×)", k > 0 ? ", " : "", form->form, form->count);
    }
}

static void
add_variant (Names            *names,
             const Occurrence *o,
             const char       *suggestion,
             const char       *list)
{
  g_autofree char *cased = NULL;

  g_assert (names != NULL);
  g_assert (o != NULL);

  if (suggestion == NULL)
    {
      _cd_check_add (names->ctx, o->field, CD_CHECK_RULE_NAME_VARIANT, CD_CHECK_SEVERITY_WARNING,
                     o->start, o->end, NULL,
                     "This name is written more than one way in the article, as often "
                     "one way as the other: %s; check which is right",
                     list);
      return;
    }
  cased = o->initial ? _cd_check_upper_first (suggestion) : g_strdup (suggestion);
  if (differ_by_apostrophe (o->surface, cased))
    {
      _cd_check_add (names->ctx, o->field, CD_CHECK_RULE_NAME_VARIANT, CD_CHECK_SEVERITY_WARNING,
                     o->start, o->end, cased,
                     strstr (cased, "’") != NULL
                         ? "This name is written with a straight apostrophe here and a curly one elsewhere in the article"
                         : "This name is written with a curly apostrophe here and a straight one elsewhere in the article");
      return;
    }
  _cd_check_add (names->ctx, o->field, CD_CHECK_RULE_NAME_VARIANT, CD_CHECK_SEVERITY_WARNING,
                 o->start, o->end, cased, "This name is written more than one way in the article: %s",
                 list);
}

/* Whether title is written with capitals where written, word by word, has
 * small letters, and is otherwise the same. */
static gboolean
is_title_cased (const char *title,
                const char *written)
{
  gboolean word_start = TRUE;

  g_assert (title != NULL);
  g_assert (written != NULL);

  while (*title != '\0' && *written != '\0')
    {
      gunichar t = g_utf8_get_char (title);
      gunichar w = g_utf8_get_char (written);

      if (t != w && !(word_start && g_unichar_islower (w) && g_unichar_toupper (w) == t))
        return FALSE;
      word_start = t == ' ' || t == '-';
      title = g_utf8_next_char (title);
      written = g_utf8_next_char (written);
    }
  return *title == '\0' && *written == '\0';
}

/* How a name is written, as the reader meets it mid-sentence. A capital
 * that only opens a sentence or sits in a headline is not a variant of the
 * lower-case form, except in names like "al-Assad" that keep a capital. */
static GPtrArray *
occurrence_forms (Names  *names,
                  GArray *members)
{
  g_autoptr (GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);

  g_assert (names != NULL);
  g_assert (members != NULL);

  for (guint i = 0; i < members->len; i++)
    {
      Occurrence *o = &g_array_index (names->occurrences, Occurrence,
                                      g_array_index (members, guint, i));

      if (!o->initial)
        g_hash_table_add (written, o->surface);
    }
  for (guint i = 0; i < members->len; i++)
    {
      Occurrence *o = &g_array_index (names->occurrences, Occurrence,
                                      g_array_index (members, guint, i));
      char       *form = NULL;

      if (o->initial)
        {
          g_autofree char *lowered = _cd_check_lower_first (o->surface);

          if (cd_text_has_char (lowered, g_unichar_isupper) &&
              g_hash_table_contains (written, lowered))
            form = g_steal_pointer (&lowered);
        }
      /* A headline may capitalise every word: "Deir Al-Zour" there is
       * "Deir al-Zour" as the story writes it. */
      if (form == NULL && names->ctx->fields[o->field].title_case)
        {
          GHashTableIter iter;
          gpointer       key;

          g_hash_table_iter_init (&iter, written);
          while (form == NULL && g_hash_table_iter_next (&iter, &key, NULL))
            if (is_title_cased (o->surface, key))
              form = g_strdup (key);
        }
      g_ptr_array_add (forms, form != NULL ? form : g_strdup (o->surface));
    }
  return forms;
}

/* A name written with and without its article (al-Assad, Assad) is one
 * name; the article itself is written one way (al-Assad, not al Assad or
 * Al-Assad mid-sentence). Among the members whose stem is stem (or all),
 * the article forms that differ from the usual one are reported. */
static void
report_articles (Names      *names,
                 GArray     *members,
                 GPtrArray  *forms,
                 const char *stem)
{
  g_autoptr (GArray) counts = g_array_new (FALSE, FALSE, sizeof (Form));
  g_autoptr (GString) list = g_string_new (NULL);
  const char *first = NULL;
  const char *best;

  g_assert (names != NULL);
  g_assert (members != NULL);
  g_assert (forms != NULL);

  for (guint i = 0; i < members->len; i++)
    {
      const char *form = g_ptr_array_index (forms, i);
      gsize       article = _cd_check_article_length (form);

      if (article > 0 && (stem == NULL || g_str_equal (form + article, stem)))
        count_form (counts, form);
    }
  if (counts->len < 2)
    return;
  best = choose_form (names, counts, &first);
  append_forms (list, counts);
  for (guint i = 0; i < members->len; i++)
    {
      const char *form = g_ptr_array_index (forms, i);
      gsize       article = _cd_check_article_length (form);

      if (article == 0 || (stem != NULL && !g_str_equal (form + article, stem)) ||
          g_str_equal (form, best != NULL ? best : first))
        continue;
      add_variant (names, &g_array_index (names->occurrences, Occurrence, g_array_index (members, guint, i)),
                   best, list->str);
    }
}

static void
report_cluster (Names  *names,
                GArray *members) /* occurrence indices */
{
  CdCheckContext *ctx = names->ctx;
  g_autoptr (GPtrArray) forms = occurrence_forms (names, members);
  g_autoptr (GArray) stems = g_array_new (FALSE, FALSE, sizeof (Form));
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (Form));
  g_autoptr (GString) list = g_string_new (NULL);
  g_autofree char *fallback = NULL;
  const char      *first = NULL;
  const char      *best;
  gboolean         bare = FALSE;

  g_assert (names != NULL);
  g_assert (members != NULL);

  for (guint i = 0; i < members->len; i++)
    {
      Occurrence *o = &g_array_index (names->occurrences, Occurrence,
                                      g_array_index (members, guint, i));
      const char *form = g_ptr_array_index (forms, i);

      for (guint w = 0; w < o->n_words; w++)
        _cd_check_cover (ctx, o->field,
                         g_array_index (ctx->fields[o->field].words, CdCheckWord,
                                        o->first_word + w)
                             .start);
      count_form (stems, form + _cd_check_article_length (form));
      count_form (all, form);
    }
  if (stems->len < 2)
    {
      report_articles (names, members, forms, NULL);
      return;
    }

  /* The stem to write; with none, the findings go to the stems other than
   * the first written and suggest nothing. */
  best = choose_form (names, stems, &first);
  append_forms (list, all);
  for (guint i = 0; i < members->len; i++)
    {
      const char *form = g_ptr_array_index (forms, i);

      if (best != NULL && g_str_equal (form, best))
        bare = TRUE;
    }
  /* A stem written only after an article is suggested with the article
   * most used with it (Ezzor → al-Zor). */
  if (best != NULL && !bare)
    {
      g_autoptr (GArray) with_best = g_array_new (FALSE, FALSE, sizeof (Form));
      const Form *most = NULL;

      for (guint i = 0; i < members->len; i++)
        {
          const char *form = g_ptr_array_index (forms, i);

          if (g_str_equal (form + _cd_check_article_length (form), best))
            count_form (with_best, form);
        }
      for (guint k = 0; k < with_best->len; k++)
        if (most == NULL || g_array_index (with_best, Form, k).count > most->count)
          most = &g_array_index (with_best, Form, k);
      fallback = g_strdup (most->form);
    }

  for (guint i = 0; i < members->len; i++)
    {
      Occurrence      *o = &g_array_index (names->occurrences, Occurrence,
                                           g_array_index (members, guint, i));
      const char      *form = g_ptr_array_index (forms, i);
      gsize            article = _cd_check_article_length (form);
      g_autofree char *suggestion = NULL;

      if (g_str_equal (form + article, best != NULL ? best : first))
        continue;
      if (best != NULL)
        suggestion = article > 0 ? g_strdup_printf ("%.*s%s", (int) article, form, best)
                                 : g_strdup (bare ? best : fallback);
      add_variant (names, o, suggestion, list->str);
    }
  report_articles (names, members, forms, best != NULL ? best : first);
}

/* "Deir Al-Zour" beside "Deir al-Zour" is one inconsistency, though both
 * the two-word name and "Al-Zour" in it differ: a finding inside another
 * one of this rule goes. */
static void
drop_nested_hits (CdCheckContext *ctx,
                  guint           first)
{
  g_assert (ctx != NULL);

  for (guint i = first; i < ctx->hits->len;)
    {
      const CdCheckHit *hit = &g_array_index (ctx->hits, CdCheckHit, i);
      gboolean          nested = FALSE;

      for (guint k = first; k < ctx->hits->len && !nested; k++)
        {
          const CdCheckHit *other = &g_array_index (ctx->hits, CdCheckHit, k);

          nested = k != i && other->field == hit->field && other->start <= hit->start &&
                   hit->end <= other->end &&
                   (other->end - other->start > hit->end - hit->start || k < i);
        }
      if (nested)
        g_array_remove_index (ctx->hits, i);
      else
        i++;
    }
}

void
_cd_check_names (CdCheckContext *ctx)
{
  Names names = { ctx };
  g_autoptr (GHashTable) clusters = NULL;
  GHashTableIter iter;
  gpointer       value;
  guint          first_hit;

  names.occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  g_array_set_clear_func (names.occurrences, occurrence_clear);
  names.groups = g_array_new (FALSE, FALSE, sizeof (Group));
  g_array_set_clear_func (names.groups, group_clear);
  names.by_key = g_hash_table_new (g_str_hash, g_str_equal);

  collect (&names, FALSE);
  collect (&names, TRUE);
  _cd_names_join (&names);

  /* Gather each cluster's occurrences, in article order. */
  clusters = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < names.occurrences->len; i++)
    {
      Occurrence *o = &g_array_index (names.occurrences, Occurrence, i);
      guint       root = _cd_names_find_root (&names, o->group);
      GArray     *members = g_hash_table_lookup (clusters, GUINT_TO_POINTER (root));

      if (members == NULL)
        {
          members = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (clusters, GUINT_TO_POINTER (root), members);
        }
      g_array_append_val (members, i);
    }

  first_hit = ctx->hits->len;
  g_hash_table_iter_init (&iter, clusters);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *members = value;

      if (members->len >= 2)
        report_cluster (&names, members);
    }
  /* A changed capital in a two-word name ("Abu dhabi") is one inconsistency
   * with the word it changed ("dhabi" beside "Dhabi"). */
  _cd_check_name_case (ctx);
  drop_nested_hits (ctx, first_hit);

  g_hash_table_unref (names.by_key);
  g_array_unref (names.groups);
  g_array_unref (names.occurrences);
}
