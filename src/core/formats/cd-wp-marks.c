/* cd-wp-marks.c: inline elements Markdown has no word for.
 *
 * A highlight, coloured words, an underline, an abbreviation with its
 * title, an ordinal's letters raised: Markdown cannot say them, so the
 * body has their words alone and the block's shape keeps where each
 * element stood in its text; an edit puts each back around the same
 * words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-marks"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cd-wp-content-private.h"

/* The inline elements Markdown has a word for; every other inline
 * element (see _cd_wp_is_inline_tag()) is kept by where its text stands. */
static const char *const markdown_names[] = { "a", "b", "code", "del", "em", "i", "s", "strike", "strong", NULL };

/* The pair that holds the text the marks' places count in. */
#define MARKS_TEXT "<@"

/* How deep such elements nest in text that is read. */
#define MAX_MARK_DEPTH 16

/* Whether the tag at @p, opening or closing, is an inline element's that
 * Markdown has no word for ("<mark …>", "<abbr …>", "</u>"), or with
 * @every any inline element's; its name into @name. */
static gboolean
is_mark (const char *p,
         const char *end,
         gboolean    every,
         char        name[8])
{
  g_assert (p != NULL && *p == '<');

  return _cd_wp_is_inline_tag (p, end, name) && (every || !g_strv_contains (markdown_names, name));
}

/* Whether the tags of @n bytes at @html close each element they open. */
static gboolean
tags_balanced (const char *html,
               gsize       n)
{
  static const char *const empty[] = { "br", "img", "wbr", "hr", "input" };
  const char              *end = html + n;
  g_autoptr (GPtrArray) open = g_ptr_array_new_with_free_func (g_free);

  g_assert (html != NULL);

  for (const char *p = memchr (html, '<', n); p != NULL; p = memchr (p, '<', end - p))
    {
      const char *tag_close = _cd_wp_tag_end (p, end);
      const char *name = p + 1 + (p + 1 < end && p[1] == '/');
      gsize       length = 0;
      gboolean    childless = FALSE;

      if (tag_close == NULL)
        return FALSE;
      while (name + length < tag_close && g_ascii_isalnum (name[length]))
        length++;
      for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
        childless |= strlen (empty[i]) == length && g_ascii_strncasecmp (name, empty[i], length) == 0;
      if (childless || tag_close[-2] == '/')
        ;
      else if (p[1] != '/')
        g_ptr_array_add (open, g_strndup (name, length));
      else if (open->len == 0 || strlen (g_ptr_array_index (open, open->len - 1)) != length ||
               strncmp (g_ptr_array_index (open, open->len - 1), name, length) != 0)
        return FALSE;
      else
        g_ptr_array_remove_index (open, open->len - 1);
      p = tag_close;
    }
  return open->len == 0;
}

/**
 * _cd_wp_plain_marks:
 * @text: HTML, NUL-terminated
 * @every: whether every inline element is one, as in preformatted text,
 *   where Markdown has no word for emphasis or links either
 * @references: where the pairs go
 *
 * Makes @text without the inline elements Markdown has no word for: a
 * highlight ("<mark style=…>road closed</mark>"), an abbreviation with its
 * title, "<u>", "<kbd>", "1<sup>st</sup>", a span of a colour, around text,
 * emphasis, links or one another. @references gets the pair MARKS_TEXT and
 * the text made, then for each element the pair "<@START,END" (where its
 * text stands in that text) and its opening tag; _cd_wp_restore_marks()
 * puts them back around the same words in an edited text.
 *
 * Returns: (transfer full): the text, or @text as it is when one of the
 *   elements is empty, closes what it did not open, crosses another
 *   element or nests deeper than MAX_MARK_DEPTH
 */
char *
_cd_wp_plain_marks (const char *text,
                    gboolean    every,
                    GPtrArray  *references)
{
  const char *end = text + strlen (text);
  g_autoptr (GPtrArray) marks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) open = g_ptr_array_new ();
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr (GString) out = g_string_sized_new (end - text);

  g_assert (text != NULL && references != NULL);

  for (const char *p = text; p < end;)
    {
      const char *tag_close = *p == '<' ? _cd_wp_tag_end (p, end) : NULL;
      char        name[8];
      gsize       start;

      if (tag_close == NULL)
        g_string_append_c (out, *p++);
      else if (p[1] != '/' && tag_close[-2] != '/' && is_mark (p, end, every, name))
        {
          if (open->len >= MAX_MARK_DEPTH)
            return g_strdup (text);
          g_ptr_array_add (open, (gpointer) p);
          g_array_append_val (starts, out->len);
          p = tag_close;
        }
      else if (p[1] == '/' && is_mark (p, end, every, name))
        {
          const char *opening = open->len > 0 ? g_ptr_array_index (open, open->len - 1) : NULL;
          char        opened[8];

          /* One that closes what it did not open. */
          if (opening == NULL || !is_mark (opening, end, every, opened) || strcmp (opened, name) != 0)
            return g_strdup (text);
          start = g_array_index (starts, gsize, starts->len - 1);
          /* An empty element has no words to stand around; one whose
           * words open or close others could not be put back. */
          if (start == out->len || !tags_balanced (out->str + start, out->len - start))
            return g_strdup (text);
          g_ptr_array_add (marks, g_strdup_printf (MARKS_TEXT "%" G_GSIZE_FORMAT ",%" G_GSIZE_FORMAT, start,
                                                   out->len));
          g_ptr_array_add (marks, g_strndup (opening, _cd_wp_tag_end (opening, end) - opening));
          g_ptr_array_remove_index (open, open->len - 1);
          g_array_remove_index (starts, starts->len - 1);
          p = tag_close;
        }
      else
        {
          g_string_append_len (out, p, tag_close - p);
          p = tag_close;
        }
    }
  if (marks->len == 0 || open->len > 0)
    return g_strdup (text);
  g_ptr_array_add (references, g_strdup (MARKS_TEXT));
  g_ptr_array_add (references, g_strdup (out->str));
  g_ptr_array_extend_and_steal (references, g_steal_pointer (&marks));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether the character that starts at @p, before @end, is a letter or a
 * digit. */
static gboolean
word_at (const char *p,
         const char *end)
{
  g_assert (p != NULL && end != NULL);

  return p < end && g_unichar_isalnum (g_utf8_get_char_validated (p, end - p));
}

/* Whether the character before @p in @text is a letter or a digit. */
static gboolean
word_before (const char *text,
             const char *p)
{
  const char *previous = p > text ? g_utf8_find_prev_char (text, p) : NULL;

  g_assert (text != NULL && p != NULL);

  return previous != NULL && word_at (previous, p);
}

/* The end of the character reference at @p ("&amp;", "&#8217;"), or
 * %NULL. */
static const char *
reference_end (const char *p,
               const char *end)
{
  const char *q = p + 1 + (p + 1 < end && p[1] == '#');
  const char *name = q;

  g_assert (p != NULL && *p == '&');

  while (q < end && g_ascii_isalnum (*q))
    q++;
  return q > name && q < end && *q == ';' ? q + 1 : NULL;
}

/* For each byte of @html (@length bytes), whether a character outside
 * its tags and character references starts there. */
static guint8 *
text_starts (const char *html,
             gsize       length)
{
  const char *end = html + length;
  guint8     *starts = g_new0 (guint8, length + 1);

  g_assert (html != NULL);

  for (const char *p = html; p < end;)
    {
      const char *next = NULL;

      starts[p - html] = 1;
      if (*p == '<')
        next = _cd_wp_tag_end (p, end);
      else if (*p == '&')
        next = reference_end (p, end);
      p = next != NULL ? next : g_utf8_next_char (p);
    }
  return starts;
}

/* The places in @html (@length bytes, NUL-terminated; @starts its
 * text_starts()) where @needle stands: outside tags and character
 * references, with no letter or digit joined to it on either side. */
static GArray *
places_of (const char   *html,
           gsize         length,
           const guint8 *starts,
           const char   *needle)
{
  gsize       n = strlen (needle);
  gboolean    word_start = word_at (needle, needle + n);
  gboolean    word_end = n > 0 && word_before (needle, needle + n);
  GArray     *places = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *p = html, *end = html + length;

  g_assert (html != NULL && starts != NULL && needle != NULL);

  while (n > 0 && p < end && (p = strstr (p, needle)) != NULL && p + n <= end)
    {
      gsize at = p - html;

      if (!starts[at] || (word_start && word_before (html, p)) || (word_end && word_at (p + n, end)))
        {
          p++;
          continue;
        }
      g_array_append_val (places, at);
      p += n;
    }
  return places;
}

/* Of @places of words @n bytes long, those between @from and @to. */
static GArray *
places_between (GArray *places,
                gsize   n,
                gsize   from,
                gsize   to)
{
  GArray *between = g_array_new (FALSE, FALSE, sizeof (gsize));

  g_assert (places != NULL);

  for (guint i = 0; i < places->len; i++)
    if (g_array_index (places, gsize, i) >= from && g_array_index (places, gsize, i) + n <= to)
      g_array_append_val (between, g_array_index (places, gsize, i));
  return between;
}

typedef struct
{
  gsize       start, end;
  gsize       base_start, base_end; /* where it stood before the edit */
  const char *opening;
  guint       order; /* an element inside another of the same words comes first */
} Mark;

/* The stretch of @base that @edited replaces: @edited starts with what
 * @base has before changed[0] and ends with what it has after changed[1];
 * changed[2] and changed[3] the same, cut where a word starts and ends. */
static void
changed_stretch (const char *base,
                 gsize       base_length,
                 const char *edited,
                 gsize       edited_length,
                 gsize       changed[4])
{
  const char *base_end = base + base_length, *edited_end = edited + edited_length;

  g_assert (base != NULL && edited != NULL && changed != NULL);

  for (guint words = 0; words < 2; words++)
    {
      gsize prefix = 0, suffix = 0;

      while (prefix < base_length && prefix < edited_length && base[prefix] == edited[prefix])
        prefix++;
      while (prefix > 0 && (base[prefix] & 0xc0) == 0x80)
        prefix--;
      while (words && prefix > 0 && word_before (base, base + prefix) &&
             (word_at (base + prefix, base_end) || word_at (edited + prefix, edited_end)))
        prefix = g_utf8_find_prev_char (base, base + prefix) - base;
      while (suffix < base_length - prefix && suffix < edited_length - prefix &&
             base[base_length - 1 - suffix] == edited[edited_length - 1 - suffix])
        suffix++;
      while (suffix > 0 && (base[base_length - suffix] & 0xc0) == 0x80)
        suffix--;
      while (words && suffix > 0 && word_at (base_end - suffix, base_end) &&
             (word_before (base, base_end - suffix) || word_before (edited, edited_end - suffix)))
        suffix -= g_utf8_next_char (base_end - suffix) - (base_end - suffix);
      changed[2 * words] = prefix;
      changed[2 * words + 1] = base_length - suffix;
    }
}

/* An edit of the text the marks stood in, as _cd_wp_restore_marks()
 * reads it. */
typedef struct
{
  const char *base, *edited;
  gsize       base_length, edited_length;
  gsize       changed[4]; /* see changed_stretch() */
  GHashTable *found;      /* words: where they stand in base and edited */
  guint8     *starts[2];  /* text_starts() of base and edited, once read */
} Edit;

/* Finds @mark, whose words @edit may have moved, in the edited text: the
 * words it stands in, whole, in the same order among the same words
 * around the edit as before. Whether it found them. */
static gboolean
find_moved (Mark *mark,
            Edit *edit)
{
  const char *base = edit->base;
  gsize       start = mark->start, end = mark->end;
  gsize       from, to;
  gssize      delta = (gssize) edit->edited_length - (gssize) edit->base_length;
  char       *words;
  GArray    **places;
  guint       k = 0;
  g_autoptr (GArray) before = NULL;
  g_autoptr (GArray) after = NULL;

  g_assert (mark != NULL && edit != NULL);

  while (word_before (base, base + start))
    start = g_utf8_find_prev_char (base, base + start) - base;
  while (word_at (base + end, base + edit->base_length))
    end = g_utf8_next_char (base + end) - base;
  from = MIN (start, edit->changed[2]);
  to = MAX (end, edit->changed[3]);
  words = g_strndup (base + start, end - start);
  if ((places = g_hash_table_lookup (edit->found, words)) == NULL)
    {
      places = g_new (GArray *, 2);
      if (edit->starts[0] == NULL)
        {
          edit->starts[0] = text_starts (base, edit->base_length);
          edit->starts[1] = text_starts (edit->edited, edit->edited_length);
        }
      places[0] = places_of (base, edit->base_length, edit->starts[0], words);
      places[1] = places_of (edit->edited, edit->edited_length, edit->starts[1], words);
      g_hash_table_insert (edit->found, words, places);
    }
  else
    g_free (words);
  before = places_between (places[0], end - start, from, to);
  after = places_between (places[1], end - start, from, to + delta);
  while (k < before->len && g_array_index (before, gsize, k) != start)
    k++;
  if (k == before->len || after->len != before->len)
    return FALSE;
  mark->start = g_array_index (after, gsize, k) + (mark->start - start);
  mark->end = mark->start + (mark->base_end - mark->base_start);
  return TRUE;
}

static void
free_places (gpointer data)
{
  GArray **places = data;

  g_array_unref (places[0]);
  g_array_unref (places[1]);
  g_free (places);
}

/* Where a mark's tag goes: its opening or its closing. */
typedef struct
{
  gsize       at;
  gboolean    opens;
  const Mark *mark;
} MarkTag;

/* The tags in the order they are written: by place; at one place, those
 * that close before those that open, an inner one closed first and an
 * outer one opened first. */
static gint
compare_mark_tags (gconstpointer a,
                   gconstpointer b)
{
  const MarkTag *x = a, *y = b;
  gsize          x_span = x->mark->end - x->mark->start, y_span = y->mark->end - y->mark->start;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  if (x->opens != y->opens)
    return x->opens ? 1 : -1;
  if (x_span != y_span)
    return (x_span < y_span) == x->opens ? 1 : -1;
  return (x->mark->order < y->mark->order) == x->opens ? 1 : -1;
}

/* Whether @mark crosses one of @placed (each starts inside the other) or
 * takes the place of one that stood elsewhere. */
static gboolean
conflicts (const Mark *mark,
           GArray     *placed)
{
  g_assert (mark != NULL && placed != NULL);

  for (guint i = 0; i < placed->len; i++)
    {
      const Mark *other = &g_array_index (placed, Mark, i);

      if ((other->start < mark->start && mark->start < other->end && other->end < mark->end) ||
          (mark->start < other->start && other->start < mark->end && mark->end < other->end) ||
          (other->start == mark->start && other->end == mark->end &&
           (other->base_start != mark->base_start || other->base_end != mark->base_end)))
        return TRUE;
    }
  return FALSE;
}

/* Writes @markup into @out with the tags of @placed. */
static void
write_marks (GString *out,
             GString *markup,
             GArray  *placed)
{
  g_autoptr (GArray) tags = g_array_new (FALSE, FALSE, sizeof (MarkTag));
  gsize at = 0;

  g_assert (out != NULL && markup != NULL && placed != NULL);

  for (guint i = 0; i < placed->len; i++)
    {
      const Mark *mark = &g_array_index (placed, Mark, i);
      MarkTag     opening = { mark->start, TRUE, mark }, closing = { mark->end, FALSE, mark };

      g_array_append_val (tags, opening);
      g_array_append_val (tags, closing);
    }
  g_array_sort (tags, compare_mark_tags);
  for (guint i = 0; i < tags->len; i++)
    {
      const MarkTag *tag = &g_array_index (tags, MarkTag, i);
      const char    *name = tag->mark->opening + 1;
      gsize          n = 0;

      while (g_ascii_isalnum (name[n]))
        n++;
      g_string_append_len (out, markup->str + at, tag->at - at);
      if (tag->opens)
        g_string_append (out, tag->mark->opening);
      else
        g_string_append_printf (out, "</%.*s>", (int) n, name);
      at = tag->at;
    }
  g_string_append_len (out, markup->str + at, markup->len - at);
}

/**
 * _cd_wp_restore_marks:
 * @markup: text as Markdown writes it, perhaps edited
 * @shape: the shape of the block or piece it is written for
 *
 * Puts the elements _cd_wp_plain_marks() took out of the text back
 * around the same words of @markup. Where the text was edited (the
 * stretch between what it starts and ends with as before, cut where words
 * start and end), an element before or after it moves with its words, one
 * around it that keeps some of its own letters (a word corrected) holds
 * the edited words, one in it stays around its words where they stand in
 * the same order among the same words as before; one whose words are
 * gone, or whose ends the edit crosses, is left out, its words kept.
 */
void
_cd_wp_restore_marks (GString    *markup,
                      const GStrv shape)
{
  Edit   edit = { NULL };
  gsize *changed = edit.changed;
  gssize delta;
  g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_autoptr (GString) out = NULL;

  g_assert (markup != NULL && shape != NULL);

  for (guint i = 4; shape[i] != NULL && shape[i + 1] != NULL && edit.base == NULL; i += 2)
    if (strcmp (shape[i], MARKS_TEXT) == 0)
      edit.base = shape[i + 1];
  if (edit.base == NULL)
    return;
  edit.base_length = strlen (edit.base);
  edit.edited = markup->str;
  edit.edited_length = markup->len;
  edit.found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_places);
  changed_stretch (edit.base, edit.base_length, markup->str, markup->len, changed);
  delta = (gssize) markup->len - (gssize) edit.base_length;

  for (guint i = 4; shape[i] != NULL && shape[i + 1] != NULL; i += 2)
    {
      Mark mark = { 0, 0, 0, 0, shape[i + 1], i };

      if (!g_str_has_prefix (shape[i], MARKS_TEXT) || shape[i][strlen (MARKS_TEXT)] == '\0' ||
          sscanf (shape[i] + strlen (MARKS_TEXT), "%" G_GSIZE_FORMAT ",%" G_GSIZE_FORMAT, &mark.start,
                  &mark.end) != 2 ||
          mark.start >= mark.end || mark.end > edit.base_length)
        continue;
      mark.base_start = mark.start;
      mark.base_end = mark.end;
      /* The edit's words: changed[2] to changed[3]; around it, an element
       * keeps some of its own letters (a word corrected), or is left. */
      if (mark.end <= changed[2])
        ; /* before the edit */
      else if (mark.start >= changed[3])
        mark.start += delta, mark.end += delta;
      else if (mark.start <= changed[2] && changed[3] <= mark.end &&
               (mark.start < changed[0] || changed[1] < mark.end) &&
               tags_balanced (markup->str + changed[2], changed[3] + delta - changed[2]))
        mark.end += delta;
      else if (!find_moved (&mark, &edit))
        continue;
      if (mark.end <= markup->len && !conflicts (&mark, placed))
        g_array_append_val (placed, mark);
    }
  g_hash_table_unref (edit.found);
  g_free (edit.starts[0]);
  g_free (edit.starts[1]);
  out = g_string_sized_new (markup->len + 64 * placed->len);
  write_marks (out, markup, placed);
  g_string_assign (markup, out->str);
}
