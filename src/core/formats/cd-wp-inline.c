/* cd-wp-inline.c: the inline forms of pasted text that Markdown cannot say.
 *
 * Text pasted from a word processor comes with a span around every
 * stretch of it; copy about climate and areas has "CO<sub>2</sub>" and
 * "m<sup>2</sup>". Read run by run (each stretch of text between tags,
 * with the inline elements around it), such text is still Markdown: the
 * spans and the elements go into the shape of the block or classic piece
 * (see cd-wp-shape.c), and an edit gets them back where they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-inline"

#include "config.h"

#include <string.h>

#include "cd-wp-content-private.h"

/* Elements that stand inside a paragraph's text. */
static const char *const inline_names[] = {
  "a",
  "abbr",
  "acronym",
  "b",
  "bdi",
  "bdo",
  "big",
  "cite",
  "code",
  "del",
  "dfn",
  "em",
  "font",
  "i",
  "ins",
  "kbd",
  "mark",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "time",
  "tt",
  "u",
  "var",
};

/* How deep inline elements nest in text read run by run. */
#define MAX_INLINE_DEPTH 16

static void
clear_run (gpointer data)
{
  CdWpRun *run = data;

  g_free (run->context);
}

/* Whether the tag at @p is an inline element's; its name in lower case
 * into @name. */
static gboolean
is_inline_tag (const char *p,
               const char *end,
               char        name[8])
{
  const char *q = p + 1 + (p + 1 < end && p[1] == '/');
  guint       n = 0;

  g_assert (p != NULL && *p == '<');

  for (; q < end && g_ascii_isalnum (*q) && n < 7; q++)
    name[n++] = g_ascii_tolower (*q);
  name[n] = '\0';
  if (n == 0 || (q < end && g_ascii_isalnum (*q)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (inline_names); i++)
    if (strcmp (name, inline_names[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * _cd_wp_text_runs:
 * @markup: HTML
 * @length: its length
 *
 * Returns: (transfer full) (nullable): the runs of text between the tags
 *   of @markup, each with the names of the inline elements it stands in,
 *   outermost first, joined by "/" ("a/em"); %NULL when its inline
 *   elements do not nest, or nest deeper than MAX_INLINE_DEPTH
 */
GArray *
_cd_wp_text_runs (const char *markup,
                  gsize       length)
{
  const char *end = markup + length;
  g_autoptr (GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (CdWpRun));

  g_assert (markup != NULL);

  g_array_set_clear_func (runs, clear_run);
  for (const char *p = markup; p < end;)
    {
      const char *tag_close = *p == '<' ? _cd_wp_tag_end (p, end) : NULL;
      char        name[8];

      if (tag_close == NULL)
        {
          const char *q = p + 1;
          CdWpRun     run;

          while (q < end && (*q != '<' || _cd_wp_tag_end (q, end) == NULL))
            q++;
          g_ptr_array_add (open, NULL);
          run = (CdWpRun){ p - markup, q - markup, g_strjoinv ("/", (GStrv) open->pdata) };
          g_ptr_array_remove_index (open, open->len - 1);
          g_array_append_val (runs, run);
          p = q;
          continue;
        }
      if (is_inline_tag (p, end, name) && p[1] == '/')
        {
          if (open->len == 0 || strcmp (g_ptr_array_index (open, open->len - 1), name) != 0)
            return NULL;
          g_ptr_array_remove_index (open, open->len - 1);
        }
      else if (is_inline_tag (p, end, name) && tag_close[-2] != '/')
        {
          /* Text deeper than this is no paragraph's that a span wraps. */
          if (open->len >= MAX_INLINE_DEPTH)
            return NULL;
          g_ptr_array_add (open, g_strdup (name));
        }
      p = tag_close;
    }
  return open->len == 0 ? g_steal_pointer (&runs) : NULL;
}

/**
 * _cd_wp_is_white:
 * @text: text
 * @end: its end
 *
 * Returns: whether @text is white space alone
 */
gboolean
_cd_wp_is_white (const char *text,
                 const char *end)
{
  g_assert (text != NULL && end != NULL);

  while (text < end && g_ascii_isspace (*text))
    text++;
  return text == end;
}

/**
 * _cd_wp_same_form:
 * @form: (inout): a tag, or %NULL for none yet
 * @p: the start of another tag
 * @tag_close: its end
 *
 * Returns: whether the tag at @p is written as *@form; it is when *@form
 *   is %NULL, which then becomes it
 */
gboolean
_cd_wp_same_form (char      **form,
                  const char *p,
                  const char *tag_close)
{
  g_assert (form != NULL && p != NULL && tag_close != NULL);

  if (*form == NULL)
    *form = g_strndup (p, tag_close - p);
  return strlen (*form) == (gsize) (tag_close - p) && memcmp (*form, p, tag_close - p) == 0;
}

/* Writes @run, @length bytes of text, into @out inside the element that
 * opens with @form, each line by itself when @lines. */
static void
append_wrapped (GString    *out,
                const char *run,
                gsize       length,
                const char *form,
                gboolean    lines)
{
  const char *end = run + length;

  g_assert (out != NULL && run != NULL && form != NULL);

  while (run < end)
    {
      const char *line_end = lines ? memchr (run, '\n', end - run) : NULL;

      if (line_end == NULL)
        line_end = end;
      if (_cd_wp_is_white (run, line_end))
        g_string_append_len (out, run, line_end - run);
      else
        g_string_append_printf (out, "%s%.*s</span>", form, (int) (line_end - run), run);
      if (line_end < end)
        g_string_append_c (out, '\n');
      run = line_end + 1;
    }
}

/**
 * _cd_wp_wrap_runs:
 * @markup: text as Markdown writes it
 * @shape: the shape of the block or piece it is written for
 *
 * Puts the text of @markup inside the spans @shape names for it (see
 * _cd_wp_plain_spans()): its pairs "<>|CONTEXT" (each line) or
 * "<>=CONTEXT" (the whole run) and a span's opening tag, for the runs of
 * text inside the inline elements CONTEXT names.
 */
void
_cd_wp_wrap_runs (GString    *markup,
                  const GStrv shape)
{
  g_autoptr (GArray) runs = NULL;
  g_autoptr (GString) out = NULL;
  gboolean wraps = FALSE;
  gsize    at = 0;

  g_assert (markup != NULL && shape != NULL);

  for (guint i = 4; shape[i] != NULL && shape[i + 1] != NULL && !wraps; i += 2)
    wraps = g_str_has_prefix (shape[i], "<>|") || g_str_has_prefix (shape[i], "<>=");
  if (!wraps || (runs = _cd_wp_text_runs (markup->str, markup->len)) == NULL)
    return;
  out = g_string_sized_new (markup->len * 2);
  for (guint r = 0; r < runs->len; r++)
    {
      CdWpRun    *run = &g_array_index (runs, CdWpRun, r);
      const char *text = markup->str + run->start, *text_end = markup->str + run->end;
      guint       i = 4;

      while (shape[i] != NULL && shape[i + 1] != NULL &&
             !((g_str_has_prefix (shape[i], "<>|") || g_str_has_prefix (shape[i], "<>=")) &&
               strcmp (shape[i] + 3, run->context) == 0))
        i += 2;
      if (shape[i] == NULL || shape[i + 1] == NULL || _cd_wp_is_white (text, text_end))
        continue;
      g_string_append_len (out, markup->str + at, run->start - at);
      append_wrapped (out, text, run->end - run->start, shape[i + 1], shape[i][2] == '|');
      at = run->end;
    }
  g_string_append_len (out, markup->str + at, markup->len - at);
  g_string_assign (markup, out->str);
}

/* Whether the tag at @p is a span's. */
static gboolean
is_span (const char *p,
         const char *end)
{
  char name[8];

  g_assert (p != NULL && *p == '<');

  return is_inline_tag (p, end, name) && strcmp (name, "span") == 0;
}

/**
 * _cd_wp_plain_spans:
 * @piece: HTML, NUL-terminated
 * @references: where the pairs go
 *
 * Makes @piece with the spans taken out that wrap its text run by run, the
 * same opening tag each in each kind of place ("<span style=\"font-weight:
 * 400;\">", what pasting from a word processor leaves around every stretch
 * of text, another in its links).
 * @references gets, for each kind of place whose text they wrap (outside
 * any other inline element, inside a link, inside an emphasis), a pair of
 * "<>", "|" (each line of the text wrapped by itself) or "=" (the run
 * whole), the names of the elements around it (see _cd_wp_text_runs()),
 * and the opening tag. @piece stays as it is where a span holds a tag or
 * another span's opening, or a kind of place has text in spans of two
 * forms, or in a span and outside one: that cannot be written back from
 * Markdown.
 *
 * Returns: (transfer full): the text
 */
char *
_cd_wp_plain_spans (const char *piece,
                    GPtrArray  *references)
{
  const char *end = piece + strlen (piece);
  g_autoptr (GArray) runs = NULL;
  g_autoptr (GHashTable) opened = NULL;
  g_autoptr (GHashTable) places = NULL;
  g_autoptr (GString) out = NULL;
  gboolean       inside = FALSE, whole = FALSE;
  GHashTableIter iter;
  gpointer       place, form;

  g_assert (piece != NULL && references != NULL);

  if (strstr (piece, "<span") == NULL || (runs = _cd_wp_text_runs (piece, end - piece)) == NULL)
    return g_strdup (piece);
  /* Spans that hold text alone, each opening tag by where it ends. */
  out = g_string_sized_new (end - piece);
  opened = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (const char *p = piece; p < end;)
    {
      const char *tag_close = *p == '<' ? _cd_wp_tag_end (p, end) : NULL;

      if (tag_close == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (is_span (p, end) ? (p[1] == '/') != inside : inside)
        return g_strdup (piece);
      if (!is_span (p, end))
        g_string_append_len (out, p, tag_close - p);
      else if (p[1] != '/')
        g_hash_table_insert (opened, GSIZE_TO_POINTER (tag_close - piece), g_strndup (p, tag_close - p));
      inside = is_span (p, end) ? p[1] != '/' : inside;
      p = tag_close;
    }
  if (g_hash_table_size (opened) == 0 || inside)
    return g_strdup (piece);

  /* Each kind of place has all its text in spans of one form, or none. */
  places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint r = 0; r < runs->len; r++)
    {
      CdWpRun    *run = &g_array_index (runs, CdWpRun, r);
      const char *text = piece + run->start;
      gsize       length = run->end - run->start;
      gboolean    in_span = g_str_has_suffix (run->context, "span");
      gsize       n = strlen (run->context) - (in_span ? strlen ("span") : 0);
      const char *wrapper = in_span ? g_hash_table_lookup (opened, GSIZE_TO_POINTER (run->start)) : "";
      char       *name;
      gpointer    seen;

      if (_cd_wp_is_white (text, text + length))
        continue;
      name = g_strndup (run->context, n > 0 && in_span ? n - 1 : n);
      if (wrapper == NULL ||
          (g_hash_table_lookup_extended (places, name, NULL, &seen) && strcmp (seen, wrapper) != 0))
        {
          g_free (name);
          return g_strdup (piece);
        }
      whole = whole || (in_span && memchr (text, '\n', length) != NULL);
      g_hash_table_replace (places, name, (gpointer) wrapper);
    }
  g_hash_table_iter_init (&iter, places);
  while (g_hash_table_iter_next (&iter, &place, &form))
    if (*(const char *) form != '\0')
      {
        g_ptr_array_add (references, g_strconcat ("<>", whole ? "=" : "|", place, NULL));
        g_ptr_array_add (references, g_strdup (form));
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The characters Unicode has as subscripts and superscripts: each plain
 * character, then its subscript, then its superscript. */
static const char *const scripts[][3] = {
  {"0",  "\u2080", "\u2070"},
  { "1", "\u2081", "\u00b9"},
  { "2", "\u2082", "\u00b2"},
  { "3", "\u2083", "\u00b3"},
  { "4", "\u2084", "\u2074"},
  { "5", "\u2085", "\u2075"},
  { "6", "\u2086", "\u2076"},
  { "7", "\u2087", "\u2077"},
  { "8", "\u2088", "\u2078"},
  { "9", "\u2089", "\u2079"},
  { "+", "\u208a", "\u207a"},
  { "-", "\u208b", "\u207b"},
  { "=", "\u208c", "\u207c"},
  { "(", "\u208d", "\u207d"},
  { ")", "\u208e", "\u207e"},
};

/* @script, the text of a <sub> (@sup %FALSE) or <sup> element, in the
 * characters Unicode has for it ("2" in "CO<sub>2</sub>" as "₂"), or
 * %NULL when one has none. */
static char *
script_characters (const char *script,
                   gsize       length,
                   gboolean    sup)
{
  GString *out = g_string_new (NULL);

  g_assert (script != NULL);

  for (gsize i = 0; i < length; i++)
    {
      guint k = 0;

      while (k < G_N_ELEMENTS (scripts) && scripts[k][0][0] != script[i])
        k++;
      if (k == G_N_ELEMENTS (scripts))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append (out, scripts[k][sup ? 2 : 1]);
    }
  return g_string_free (out, FALSE);
}

/**
 * _cd_wp_plain_scripts:
 * @text: HTML, NUL-terminated
 * @references: where the pairs go
 *
 * Makes @text with each subscript and superscript of digits and signs
 * ("CO<sub>2</sub>", "m<sup>2</sup>", a note's "<sup>12</sup>") in the
 * characters Unicode has for them ("CO₂", "m²", "¹²"), which Markdown
 * writes as text; @references gets each such stretch after the element it
 * was, longest first, so that each is written back so.
 *
 * Returns: (transfer full): the text
 */
char *
_cd_wp_plain_scripts (const char *text,
                      GPtrArray  *references)
{
  gsize       longest = 0;
  const char *end = text + strlen (text);
  g_autoptr (GPtrArray) pairs = NULL;
  g_autoptr (GString) out = NULL;

  g_assert (text != NULL && references != NULL);

  if (strstr (text, "<sub>") == NULL && strstr (text, "<sup>") == NULL)
    return g_strdup (text);
  out = g_string_sized_new (end - text);
  pairs = g_ptr_array_new_with_free_func (g_free);
  for (const char *p = text; p < end;)
    {
      gboolean         sup = strncmp (p, "<sup>", 5) == 0;
      const char      *close = sup || strncmp (p, "<sub>", 5) == 0 ? strstr (p + 5, sup ? "</sup>" : "</sub>") : NULL;
      g_autofree char *characters = close != NULL ? script_characters (p + 5, close - p - 5, sup) : NULL;
      gboolean         known = FALSE;

      if (characters == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      for (guint i = 0; i < pairs->len && !known; i += 2)
        known = strcmp (g_ptr_array_index (pairs, i), characters) == 0;
      if (!known)
        {
          g_ptr_array_add (pairs, g_strdup (characters));
          g_ptr_array_add (pairs, g_strndup (p, close + 6 - p));
        }
      g_string_append (out, characters);
      p = close + 6;
    }
  /* "¹²" is written back before "²". */
  for (guint i = 0; i < pairs->len; i += 2)
    longest = MAX (longest, strlen (g_ptr_array_index (pairs, i)));
  for (; longest > 0; longest--)
    for (guint i = 0; i < pairs->len; i += 2)
      if (strlen (g_ptr_array_index (pairs, i)) == longest)
        {
          g_ptr_array_add (references, g_strdup (g_ptr_array_index (pairs, i)));
          g_ptr_array_add (references, g_strdup (g_ptr_array_index (pairs, i + 1)));
        }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The emphasis and link elements whose text may end or start with a space
 * (a word selected with the space after it, then made bold). */
static const char *const spaced_names[] = { "em", "strong", "a" };

/* In @text, the first element named @name whose text ends with a space,
 * or starts with one, gets that space after it or before it, as Markdown
 * writes it; @pairs gets the element as Markdown writes it then, and as it
 * was. Whether one did. */
static gboolean
move_one_space (GString    *text,
                const char *name,
                GPtrArray  *pairs)
{
  g_autofree char *opening = g_strconcat ("<", name, NULL);
  g_autofree char *closing = g_strconcat ("</", name, ">", NULL);
  const char      *end = text->str + text->len;

  g_assert (text != NULL && name != NULL && pairs != NULL);

  for (const char *open = strstr (text->str, opening); open != NULL; open = strstr (open + 1, opening))
    {
      const char *inner = _cd_wp_tag_end (open, end);
      const char *close = inner != NULL ? strstr (inner, closing) : NULL;
      gsize       n = close != NULL ? close - inner : 0;
      gboolean    trailing, leading;
      GString    *written;

      if ((open[strlen (opening)] != '>' && open[strlen (opening)] != ' ') || close == NULL || n < 2 ||
          _cd_wp_is_white (inner, close))
        continue;
      trailing = close[-1] == ' ' && close[-2] != ' ';
      leading = !trailing && inner[0] == ' ' && inner[1] != ' ';
      if (!trailing && !leading)
        continue;
      written = g_string_new (leading ? " " : NULL);
      g_string_append_len (written, open, inner - open);
      g_string_append_len (written, inner + leading, n - 1);
      g_string_append (written, closing);
      if (trailing)
        g_string_append_c (written, ' ');
      g_ptr_array_add (pairs, g_strdup (written->str));
      g_ptr_array_add (pairs, g_strndup (open, close + strlen (closing) - open));
      g_string_erase (text, open - text->str, close + strlen (closing) - open);
      g_string_insert (text, open - text->str, written->str);
      g_string_free (written, TRUE);
      return TRUE;
    }
  return FALSE;
}

/**
 * _cd_wp_plain_spaces:
 * @text: HTML, with its links and its tags as Markdown writes them
 * @references: where the pairs go
 *
 * Makes @text with the spaces that stand inside emphasis and links at
 * their ends ("<em>Right, </em>and", as a word selected with the space
 * after it and made italic is saved) outside them, where Markdown can
 * write them; @references gets, before its other pairs, each such element
 * as Markdown writes it, then as it was, so that it is written so again
 * while its words are the same.
 *
 * Returns: (transfer full): the text
 */
char *
_cd_wp_plain_spaces (const char *text,
                     GPtrArray  *references)
{
  GString *out = g_string_new (text);
  g_autoptr (GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  gboolean moved = TRUE;

  g_assert (text != NULL && references != NULL && references->len >= 4);

  /* Each move takes a space one element outwards, so this ends. */
  while (moved)
    {
      moved = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (spaced_names) && !moved; i++)
        moved = move_one_space (out, spaced_names[i], pairs);
    }
  /* The elements Markdown writes are found before the link and reference
   * pairs change them; an element around another is written back first. */
  for (guint i = 0; i < pairs->len; i += 2)
    {
      g_ptr_array_insert (references, 4, g_strdup (g_ptr_array_index (pairs, i + 1)));
      g_ptr_array_insert (references, 4, g_strdup (g_ptr_array_index (pairs, i)));
    }
  return g_string_free (out, FALSE);
}

/* The inline elements Markdown has a word for; every other one of
 * inline_names is kept by where its text stands (see _cd_wp_plain_marks()). */
static const char *const markdown_names[] = { "a", "b", "code", "del", "em", "i", "s", "strike", "strong", NULL };

/* The pair that holds the text the marks' places count in. */
#define MARKS_TEXT "<@"

/* Whether the tag at @p, opening or closing, is an inline element's that
 * Markdown has no word for ("<mark …>", "<abbr …>", "</u>"); its name into
 * @name. */
static gboolean
is_mark (const char *p,
         const char *end,
         char        name[8])
{
  g_assert (p != NULL && *p == '<');

  return is_inline_tag (p, end, name) && !g_strv_contains (markdown_names, name);
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
 * @references: where the pairs go
 *
 * Makes @text without the inline elements Markdown has no word for that
 * hold text alone: a highlight ("<mark style=…>road closed</mark>"), an
 * abbreviation with its title, "<u>", "<kbd>", "1<sup>st</sup>", a span
 * of a colour. @references gets the pair MARKS_TEXT and the text made,
 * then for each element the pair "<@START,END" (where its text stands in
 * that text) and its opening tag; _cd_wp_restore_marks() puts them back
 * around the same words in an edited text. An element with a tag inside
 * stays.
 *
 * Returns: (transfer full): the text
 */
char *
_cd_wp_plain_marks (const char *text,
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
      else if (p[1] != '/' && tag_close[-2] != '/' && is_mark (p, end, name))
        {
          g_ptr_array_add (open, (gpointer) p);
          g_array_append_val (starts, out->len);
          p = tag_close;
        }
      else if (p[1] == '/' && is_mark (p, end, name))
        {
          const char *opening = open->len > 0 ? g_ptr_array_index (open, open->len - 1) : NULL;
          char        opened[8];

          /* One that closes what it did not open. */
          if (opening == NULL || !is_mark (opening, end, opened) || strcmp (opened, name) != 0)
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
