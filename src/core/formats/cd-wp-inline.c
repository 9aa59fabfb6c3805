/* cd-wp-inline.c: the inline forms of pasted text that Markdown cannot say.
 *
 * Text pasted from a word processor comes with a span around every
 * stretch of it; copy about climate and areas has "CO<sub>2</sub>" and
 * "m<sup>2</sup>". Read run by run (each stretch of text between tags,
 * with the inline elements around it), such text is still Markdown: the
 * spans and the elements go into the shape of the block or classic piece
 * (see cd-wp-shape.c), and an edit gets them back where they were. So do
 * the names older editors give emphasis ("<b>", "<i>").
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

/**
 * _cd_wp_is_inline_tag:
 * @p: a "<" in markup
 * @end: the end of the markup
 * @name: (out): the element's name in lower case
 *
 * Returns: whether the tag at @p, opening or closing, is an inline
 *   element's
 */
gboolean
_cd_wp_is_inline_tag (const char *p,
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
      if (_cd_wp_is_inline_tag (p, end, name) && p[1] == '/')
        {
          if (open->len == 0 || strcmp (g_ptr_array_index (open, open->len - 1), name) != 0)
            return NULL;
          g_ptr_array_remove_index (open, open->len - 1);
        }
      else if (_cd_wp_is_inline_tag (p, end, name) && tag_close[-2] != '/')
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

  return _cd_wp_is_inline_tag (p, end, name) && strcmp (name, "span") == 0;
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

/* Inline elements older editors and other systems write where Markdown
 * writes another of the same meaning: each a name, then Markdown's. */
static const char *const synonyms[] = {
  "b",
  "strong",
  "i",
  "em",
  "del",
  "s",
  "strike",
  "s",
};

/**
 * _cd_wp_plain_synonyms:
 * @piece: HTML
 * @references: where the pairs go
 *
 * Makes @piece with each element of @synonyms that has no attributes
 * ("<b>", "<i>", "<del>") under the name Markdown writes; @references gets
 * each tag Markdown writes after the tag @piece has. A piece that writes
 * one element two ways fails to write back, and so stays as it is.
 *
 * Returns: (transfer full): the text
 */
char *
_cd_wp_plain_synonyms (const char *piece,
                       GPtrArray  *references)
{
  const char *end = piece + strlen (piece);
  GString    *out = g_string_sized_new (end - piece);

  g_assert (piece != NULL && references != NULL);

  for (const char *p = piece; p < end;)
    {
      const char *tag_close;
      gboolean    closing = p[0] == '<' && p + 1 < end && p[1] == '/';
      const char *name = p + 1 + closing;
      guint       i = 0;

      if (*p != '<' || (tag_close = _cd_wp_tag_end (p, end)) == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      for (; i < G_N_ELEMENTS (synonyms); i += 2)
        if (tag_close - name == (gssize) strlen (synonyms[i]) + 1 &&
            strncmp (name, synonyms[i], tag_close - name - 1) == 0)
          break;
      if (i < G_N_ELEMENTS (synonyms))
        {
          g_autofree char *tag = g_strdup_printf ("<%s%s>", closing ? "/" : "", synonyms[i + 1]);
          gboolean         known = FALSE;

          for (guint k = 4; k + 1 < references->len && !known; k += 2)
            known = strcmp (g_ptr_array_index (references, k), tag) == 0;
          if (!known)
            {
              g_ptr_array_add (references, g_strdup (tag));
              g_ptr_array_add (references, g_strndup (p, tag_close - p));
            }
          g_string_append (out, tag);
        }
      else
        g_string_append_len (out, p, tag_close - p);
      p = tag_close;
    }
  return g_string_free (out, FALSE);
}
