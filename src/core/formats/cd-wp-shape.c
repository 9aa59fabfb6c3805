/* cd-wp-shape.c: text blocks whose wrapper Markdown cannot say.
 *
 * A paragraph aligned, a heading with an anchor or the class newer block
 * editors add, a list or quote with a style, a link that opens in a new
 * tab: the text is Markdown's, the wrapper (the block's attributes, its
 * outer element's attributes, its links' attributes) is not.
 * Such a block is still edited as Markdown: its shape keeps the bytes
 * before and after the text, and when the text is edited the new markup
 * goes back inside the same wrapper. Text that spells characters as
 * references (a no-break space as "&nbsp;", as the classic editor and
 * pasted copy leave it, a curly quote as "&#8217;") is shaped too: the
 * shape writes each such character back as the block did. A block is
 * shaped only when its text's markup is exactly what the Markdown writes
 * (references aside), so the shape and the Markdown together give the
 * block's bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-shape"

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>

#include "cd-wp-content-private.h"

/**
 * _cd_wp_tag_end:
 * @p: a "<" in markup
 * @end: the end of the markup
 *
 * Returns: the end of the tag that opens at @p (after its ">"), or %NULL
 */
const char *
_cd_wp_tag_end (const char *p,
                const char *end)
{
  char quote = 0;

  g_assert (p != NULL && end != NULL);

  for (; p < end; p++)
    {
      if (quote != 0)
        quote = *p == quote ? 0 : quote;
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p + 1;
    }
  return NULL;
}

/* Whether @p (up to @end) is exactly the closing delimiter of a block
 * named @name, written with or without the "core/" namespace. */
static gboolean
closes_block (const char *p,
              const char *end,
              const char *name)
{
  g_autofree char *closer = g_strndup (p, end - p);
  g_autofree char *full = g_strdup_printf ("<!-- /wp:%s -->", name);
  const char      *bare = g_str_has_prefix (name, "core/") ? name + strlen ("core/") : NULL;
  g_autofree char *short_form = bare != NULL ? g_strdup_printf ("<!-- /wp:%s -->", bare) : NULL;

  g_assert (p != NULL && end != NULL && name != NULL);

  return strcmp (closer, full) == 0 || g_strcmp0 (closer, short_form) == 0;
}

/**
 * _cd_wp_find_text:
 * @markup: the markup of one block
 * @length: its length
 * @name: the block's name
 * @tag: its outer element
 * @text_start: (out): where its text starts
 * @text_end: (out): where it ends
 *
 * Finds where the text of @markup, a block named @name, starts and ends:
 * after the first tag that follows the opening delimiter, and before
 * `</@tag>` ending the block's HTML.
 *
 * Returns: whether the block is written so
 */
gboolean
_cd_wp_find_text (const char *markup,
                  gsize       length,
                  const char *name,
                  const char *tag,
                  gsize      *text_start,
                  gsize      *text_end)
{
  const char      *end = markup + length;
  const char      *p = g_strstr_len (markup, length, "-->");
  const char      *open_end;
  g_autofree char *close = g_strdup_printf ("</%s>", tag);
  gsize            tag_length = strlen (tag), close_length = strlen (close);

  g_assert (markup != NULL && name != NULL && tag != NULL && text_start != NULL && text_end != NULL);

  if (p == NULL)
    return FALSE;
  for (p += 3; p < end && g_ascii_isspace (*p); p++)
    ;
  if (end - p < (gssize) tag_length + 2 || p[0] != '<' ||
      strncmp (p + 1, tag, tag_length) != 0 ||
      (p[1 + tag_length] != '>' && !g_ascii_isspace (p[1 + tag_length])))
    return FALSE;
  if ((open_end = _cd_wp_tag_end (p, end)) == NULL || open_end[-2] == '/')
    return FALSE;

  /* Back from the closing delimiter, which must name the block (markup
   * closed by another name stays whole), over white space, to the end tag. */
  p = g_strrstr_len (markup, length, "<!--");
  if (p == NULL || p < open_end || !closes_block (p, end, name))
    return FALSE;
  while (p > open_end && g_ascii_isspace (p[-1]))
    p--;
  if (p - open_end < (gssize) close_length || strncmp (p - close_length, close, close_length) != 0)
    return FALSE;
  *text_start = open_end - markup;
  *text_end = p - close_length - markup;
  return TRUE;
}

/* The name of the block Markdown writes for @block: a pull quote is a
 * quote in the body. */
static const char *
written_name (const CdWpBlock *block)
{
  g_assert (block != NULL && block->name != NULL);

  return strcmp (block->name, "core/pullquote") == 0 ? "core/quote" : block->name;
}

/* Writes to @plain the opening of @block as it would be with no attributes
 * but those Markdown says (a heading's level, a list's order and first
 * number): its delimiter, a line break and its outer tag. Returns that
 * tag's name, or NULL for a block that is not shaped. */
static char *
plain_opening (const CdWpBlock *block,
               GString         *plain)
{
  JsonObject *attrs = cd_wp_block_get_attrs (block);
  static const struct
  {
    const char *name;
    const char *tag;
    const char *open;
  } fixed[] = {
    {"core/paragraph",     "p",          "<p>"                                  },
    { "core/quote",        "blockquote", "<blockquote class=\"wp-block-quote\">"},
    { "core/code",         "pre",        "<pre class=\"wp-block-code\">"        },
    { "core/preformatted", "pre",        "<pre class=\"wp-block-preformatted\">"},
    { "core/pullquote",    "blockquote", "<blockquote class=\"wp-block-quote\">"},
  };

  g_assert (block != NULL && plain != NULL);

  if (block->name == NULL || attrs == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (strcmp (block->name, fixed[i].name) == 0)
      {
        g_string_append_printf (plain, "<!-- wp:%s -->\n%s", written_name (block) + strlen ("core/"),
                                fixed[i].open);
        return g_strdup (fixed[i].tag);
      }
  if (strcmp (block->name, "core/heading") == 0)
    {
      gint64 level = json_object_get_int_member_with_default (attrs, "level", 2);

      if (level < 1 || level > 6)
        return NULL;
      g_string_append_printf (plain, "<!-- wp:heading {\"level\":%d} -->\n<h%d>", (int) level,
                              (int) level);
      return g_strdup_printf ("h%d", (int) level);
    }
  if (strcmp (block->name, "core/list") == 0)
    {
      /* The list's items become Markdown, numbered from its first number. */
      if (!json_object_get_boolean_member_with_default (attrs, "ordered", FALSE))
        {
          g_string_append (plain, "<!-- wp:list -->\n<ul>");
          return g_strdup ("ul");
        }
      g_string_append_printf (plain,
                              "<!-- wp:list {\"ordered\":true,\"start\":%" G_GINT64_FORMAT
                              "} -->\n<ol>",
                              json_object_get_int_member_with_default (attrs, "start", 1));
      return g_strdup ("ol");
    }
  return NULL;
}

/* The Markdown of the one text block in @markup, or NULL. */
static char *
block_markdown (const GString *markup,
                char           bullet)
{
  g_autoptr (GPtrArray) parsed = cd_wp_blocks_parse (markup->str, markup->len);

  g_assert (markup != NULL);

  if (parsed->len != 1)
    return NULL;
  return _cd_wp_block_to_markdown (g_ptr_array_index (parsed, 0), bullet);
}

/**
 * _cd_wp_plain_links:
 * @text: HTML
 * @length: its length
 * @links: where the pairs go
 *
 * Makes @text with each link's opening tag that has more than its address
 * (a link that opens in a new tab, one to a post with its type and id) as
 * `<a href="…">`, the address as it was written; @links gets each such tag
 * after the tag it became.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when a link has
 *   no address in double quotes
 */
char *
_cd_wp_plain_links (const char *text,
                    gsize       length,
                    GPtrArray  *links)
{
  const char *end = text + length;
  const char *p = text;
  GString    *out = g_string_sized_new (length);

  g_assert (text != NULL && links != NULL);

  while (p < end)
    {
      const char      *open = g_strstr_len (p, end - p, "<a");
      const char      *close, *href, *value_end;
      g_autofree char *tag = NULL;
      g_autofree char *plain = NULL;

      if (open == NULL || open + 2 >= end)
        break;
      if (open[2] != ' ' && open[2] != '>')
        {
          g_string_append_len (out, p, open + 2 - p);
          p = open + 2;
          continue;
        }
      close = _cd_wp_tag_end (open, end);
      tag = close != NULL ? g_strndup (open, close - open) : NULL;
      href = tag != NULL ? strstr (tag, " href=\"") : NULL;
      value_end = href != NULL ? strchr (href + 7, '"') : NULL;
      if (value_end == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      plain = g_strdup_printf ("<a href=\"%.*s\">", (int) (value_end - href - 7), href + 7);
      g_string_append_len (out, p, open - p);
      g_string_append (out, plain);
      if (strcmp (plain, tag) != 0)
        {
          g_ptr_array_add (links, g_steal_pointer (&plain));
          g_ptr_array_add (links, g_steal_pointer (&tag));
        }
      p = close;
    }
  g_string_append_len (out, p, end - p);
  return g_string_free (out, FALSE);
}

/* The character a reference at @p ("&nbsp;", "&#8217;", "&#x2014;")
 * stands for, into @character (UTF-8); the reference's length, or 0 when
 * @p starts none. */
static gsize
read_reference (const char *p,
                const char *end,
                char        character[8])
{
  const char *q = p + 1;
  const char *semicolon;
  gunichar    c = 0;

  g_assert (p != NULL && end != NULL && *p == '&');

  semicolon = memchr (q, ';', MIN (end - q, 33));
  if (semicolon == NULL || semicolon == q)
    return 0;
  if (*q == '#')
    {
      gboolean    hex = q + 1 < semicolon && (q[1] == 'x' || q[1] == 'X');
      const char *digit = q + 1 + hex;

      if (digit == semicolon || semicolon - digit > 7)
        return 0;
      for (; digit < semicolon; digit++)
        {
          if (!(hex ? g_ascii_isxdigit (*digit) : g_ascii_isdigit (*digit)))
            return 0;
          c = c * (hex ? 16 : 10) + g_ascii_xdigit_value (*digit);
        }
    }
  else
    {
      g_autofree char      *name = g_strndup (q, semicolon - q);
      const htmlEntityDesc *entity = htmlEntityLookup ((const xmlChar *) name);

      if (entity == NULL)
        return 0;
      c = entity->value;
    }
  /* C1 controls, which browsers read as Windows-1252, stay references. */
  if (c == 0 || (c >= 0x80 && c < 0xa0) || !g_unichar_validate (c))
    return 0;
  character[g_unichar_to_utf8 (c, character)] = '\0';
  return semicolon + 1 - p;
}

/**
 * _cd_wp_plain_references:
 * @text: HTML
 * @length: its length
 * @references: where the pairs go
 *
 * Makes @text with its text's character references (a no-break space
 * written "&nbsp;", a quotation mark "&#8220;") as their characters;
 * @references gets each character after the reference @text writes it as.
 * The references Markdown itself writes ("&amp;", "&lt;") stay.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when @text writes
 *   one character as two different references
 */
char *
_cd_wp_plain_references (const char *text,
                         gsize       length,
                         GPtrArray  *references)
{
  guint    first = references->len;
  GString *out = g_string_sized_new (length);

  g_assert (text != NULL && references != NULL);

  for (const char *p = text, *end = text + length; p < end;)
    {
      const char *tag_close, *known;
      char        character[8];
      gsize       used;

      if (*p == '<' && (tag_close = _cd_wp_tag_end (p, end)) != NULL)
        {
          g_string_append_len (out, p, tag_close - p);
          p = tag_close;
          continue;
        }
      if (*p != '&' || (used = read_reference (p, end, character)) == 0 ||
          strcmp (character, "&") == 0 || strcmp (character, "<") == 0)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      known = NULL;
      for (guint i = first; i < references->len && known == NULL; i += 2)
        if (strcmp (g_ptr_array_index (references, i), character) == 0)
          known = g_ptr_array_index (references, i + 1);
      if (known == NULL)
        {
          g_ptr_array_add (references, g_strdup (character));
          g_ptr_array_add (references, g_strndup (p, used));
        }
      else if (strlen (known) != used || strncmp (known, p, used) != 0)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append (out, character);
      p += used;
    }
  return g_string_free (out, FALSE);
}

/* Replaces each @character in the text of @markup, outside its tags, with
 * @reference. */
static void
replace_in_text (GString    *markup,
                 const char *character,
                 const char *reference)
{
  g_autoptr (GString) out = g_string_sized_new (markup->len + 16);
  const char *end = markup->str + markup->len;
  gsize       n = strlen (character);

  g_assert (markup != NULL && character != NULL && reference != NULL);

  for (const char *p = markup->str; p < end;)
    {
      const char *tag_close;

      if (*p == '<' && (tag_close = _cd_wp_tag_end (p, end)) != NULL)
        {
          g_string_append_len (out, p, tag_close - p);
          p = tag_close;
        }
      else if ((gsize) (end - p) >= n && memcmp (p, character, n) == 0)
        {
          g_string_append (out, reference);
          p += n;
        }
      else
        g_string_append_c (out, *p++);
    }
  g_string_assign (markup, out->str);
}

/* Elements that stand inside a paragraph's text. */
static const char *const inline_names[] = {
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
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

/* Whether @text (up to @end) is white space alone. */
static gboolean
is_white (const char *text,
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
      if (is_white (run, line_end))
        g_string_append_len (out, run, line_end - run);
      else
        g_string_append_printf (out, "%s%.*s</span>", form, (int) (line_end - run), run);
      if (line_end < end)
        g_string_append_c (out, '\n');
      run = line_end + 1;
    }
}

/* Puts the text of @markup inside the spans @shape names for it (see
 * _cd_wp_classic_markdown()): its pairs "<>|CONTEXT" (each line) or
 * "<>=CONTEXT" (the whole run) and a span's opening tag, for the runs of
 * text inside the inline elements CONTEXT names. */
static void
wrap_runs (GString    *markup,
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
      if (shape[i] == NULL || shape[i + 1] == NULL || is_white (text, text_end))
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

      if (is_white (text, text + length))
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

/* The paragraphs of a quote as the block editor writes them, each a
 * block, and the rule that ends a quote with its citation. */
#define PARAGRAPH_OPEN "<!-- wp:paragraph -->\n<p>"
#define PARAGRAPH_CLOSE "</p>\n<!-- /wp:paragraph -->"
#define CITATION "<>cite"

/* Where the element that ends @text (up to @end) opens when it is a
 * quote's citation: a <cite>, with attributes or not, or a paragraph of
 * the citation's class as later block editors write it; else %NULL. The
 * element's name into @name. */
static const char *
citation_start (const char  *text,
                const char  *end,
                const char **name)
{
  const char *open = g_strrstr_len (text, end - text, "<cite");

  g_assert (text != NULL && end != NULL && name != NULL);

  *name = "cite";
  if (open == NULL || end - open < (gssize) strlen ("<cite></cite>") ||
      !g_str_has_suffix (text, "</cite>") || (open[5] != '>' && open[5] != ' '))
    {
      open = g_strrstr_len (text, end - text, "<p class=\"wp-block-quote__citation");
      *name = "p";
      if (open == NULL || !g_str_has_suffix (text, "</p>"))
        return NULL;
    }
  return open;
}

/* @text, a quote's, with the citation that ends it ("<cite>The mayor</cite>")
 * as a last paragraph "— The mayor" in the form of the quote's others;
 * @parts gets the rule CITATION and the white space before the citation
 * with its opening tag, which write it back (see apply_citation()). */
static char *
plain_citation (const char *text,
                GPtrArray  *parts)
{
  const char      *end = text + strlen (text);
  const char      *name, *open = citation_start (text, end, &name), *cited, *space = open;
  g_autofree char *close = g_strdup_printf ("</%s>", name);
  gboolean         blocks = strstr (text, "<!-- wp:paragraph") != NULL;
  GString         *out;

  g_assert (text != NULL && parts != NULL);

  if (open == NULL || (cited = _cd_wp_tag_end (open, end)) == NULL || cited > end - strlen (close) ||
      g_strstr_len (cited, end - strlen (close) - cited, close) != NULL ||
      is_white (cited, end - strlen (close)))
    return g_strdup (text);
  while (space > text && g_ascii_isspace (space[-1]))
    space--;
  out = g_string_new_len (text, space - text);
  g_string_append (out, blocks ? (space > text ? "\n\n" PARAGRAPH_OPEN : PARAGRAPH_OPEN) : "<p>");
  g_string_append (out, "\u2014 ");
  g_string_append_len (out, cited, end - strlen (close) - cited);
  g_string_append (out, blocks ? PARAGRAPH_CLOSE : "</p>");
  g_ptr_array_add (parts, g_strdup (CITATION));
  g_ptr_array_add (parts, g_strndup (space, cited - space));
  return g_string_free (out, FALSE);
}

/* Makes the last paragraph of @text, a quote as Markdown writes it, its
 * citation when it starts "— " (the person may have taken the citation
 * out): @opening, the white space and the tag before the citation, then
 * the citation and the tag's end. */
static void
apply_citation (GString    *text,
                const char *opening)
{
  const char      *last = g_strrstr (text->str, PARAGRAPH_OPEN "\u2014 ");
  const char      *cited = last != NULL ? last + strlen (PARAGRAPH_OPEN "\u2014 ") : NULL;
  const char      *end = text->str + text->len;
  const char      *name = opening + strspn (opening, " \t\r\n") + 1;
  g_autofree char *citation = NULL;
  gsize            from;

  g_assert (text != NULL && opening != NULL);

  if (cited == NULL || !g_str_has_suffix (text->str, PARAGRAPH_CLOSE) ||
      cited > end - strlen (PARAGRAPH_CLOSE) ||
      g_strstr_len (cited, end - strlen (PARAGRAPH_CLOSE) - cited, "<!-- ") != NULL)
    return;
  citation = g_strdup_printf ("%s%.*s</%.*s>", opening, (int) (end - strlen (PARAGRAPH_CLOSE) - cited),
                              cited, (int) strspn (name, "abcdefghijklmnopqrstuvwxyz"), name);
  from = last - text->str;
  if (from >= 2 && strncmp (last - 2, "\n\n", 2) == 0)
    from -= 2;
  g_string_truncate (text, from);
  g_string_append (text, citation);
}

/* @text, a pull quote's paragraphs ("<p>A</p><p>B</p>"), each a paragraph
 * block as in a quote; @parts gets the pairs that write them back. */
static char *
paragraphs_as_blocks (const char *text,
                      GPtrArray  *parts)
{
  g_autoptr (GString) out = g_string_new (text);

  g_assert (text != NULL && parts != NULL);

  if (!g_str_has_prefix (text, "<p>") || !g_str_has_suffix (text, "</p>"))
    return g_strdup (text);
  g_string_replace (out, "</p><p>", PARAGRAPH_CLOSE "\n\n" PARAGRAPH_OPEN, 0);
  g_string_erase (out, 0, strlen ("<p>"));
  g_string_prepend (out, PARAGRAPH_OPEN);
  g_string_truncate (out, out->len - strlen ("</p>"));
  g_string_append (out, PARAGRAPH_CLOSE);
  g_ptr_array_add (parts, g_strdup (PARAGRAPH_CLOSE "\n\n" PARAGRAPH_OPEN));
  g_ptr_array_add (parts, g_strdup ("</p><p>"));
  g_ptr_array_add (parts, g_strdup (PARAGRAPH_OPEN));
  g_ptr_array_add (parts, g_strdup ("<p>"));
  g_ptr_array_add (parts, g_strdup (PARAGRAPH_CLOSE));
  g_ptr_array_add (parts, g_strdup ("</p>"));
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

/**
 * _cd_wp_shaped_markdown:
 * @block: a top-level text block of @content
 * @content: the post content
 * @bullet: as for _cd_wp_block_to_markdown()
 * @shape_out: (out): the block's shape: its bytes before and after its
 *   text, the same two as the Markdown writes them, then pairs of a link's
 *   tag as the Markdown writes it and the tag the block has, and of a
 *   character and the reference the block writes it as (a pair's first
 *   string starts with "<" only for a link)
 *
 * For a text block whose own attributes Markdown cannot say (on the block,
 * on its outer element, on its links) or whose text spells characters as
 * references, the Markdown of its text and the shape that writes that
 * Markdown back to the block's exact bytes.
 *
 * Returns: (transfer full) (nullable): the Markdown, or %NULL when the
 *   block's text is not exactly what Markdown writes
 */
char *
_cd_wp_shaped_markdown (const CdWpBlock *block,
                        const char      *content,
                        char             bullet,
                        GStrv           *shape_out)
{
  const char *markup = content + block->start;
  gsize       length = block->end - block->start;
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tag = plain_opening (block, plain);
  g_autofree char *linked = NULL, *referenced = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *written = NULL;
  g_auto (GStrv) shape = NULL;
  gboolean pulled = block->name != NULL && strcmp (block->name, "core/pullquote") == 0;
  gsize    start, end, plain_start, plain_end;

  g_assert (block != NULL && content != NULL && shape_out != NULL);

  *shape_out = NULL;
  /* A pull quote's text is in a quote in a figure. */
  if (tag == NULL || !_cd_wp_find_text (markup, length, block->name, pulled ? "figure" : tag, &start, &end))
    return NULL;
  if (pulled && !(end - start > strlen ("<blockquote></blockquote>") &&
                  strncmp (markup + start, "<blockquote>", strlen ("<blockquote>")) == 0 &&
                  strncmp (markup + end - strlen ("</blockquote>"), "</blockquote>",
                           strlen ("</blockquote>")) == 0))
    return NULL;
  if (pulled)
    start += strlen ("<blockquote>"), end -= strlen ("</blockquote>");
  g_ptr_array_add (parts, g_strndup (markup, start));
  g_ptr_array_add (parts, g_strndup (markup + end, length - end));
  g_ptr_array_add (parts, NULL); /* the Markdown's two, below */
  g_ptr_array_add (parts, NULL);
  if ((linked = _cd_wp_plain_links (markup + start, end - start, parts)) == NULL ||
      (referenced = _cd_wp_plain_references (linked, strlen (linked), parts)) == NULL)
    return NULL;
  {
    g_autofree char *scripted = _cd_wp_plain_scripts (referenced, parts);

    text = _cd_wp_plain_spans (scripted, parts);
  }
  if (strcmp (tag, "blockquote") == 0)
    {
      g_autofree char *cited = plain_citation (text, parts);

      g_free (text);
      text = pulled ? paragraphs_as_blocks (cited, parts) : g_steal_pointer (&cited);
    }
  g_string_append_printf (plain, "%s</%s>\n<!-- /wp:%s -->", text, tag,
                          written_name (block) + strlen ("core/"));
  if ((markdown = block_markdown (plain, bullet)) == NULL)
    return NULL;

  /* The Markdown must write the very text back, and the shape the very
   * block. */
  written = _cd_wp_markdown_to_markup (markdown, strlen (markdown));
  if (!_cd_wp_find_text (written, strlen (written), written_name (block), tag, &plain_start,
                         &plain_end))
    return NULL;
  g_ptr_array_index (parts, 2) = g_strndup (written, plain_start);
  g_ptr_array_index (parts, 3) = g_strdup (written + plain_end);
  g_ptr_array_add (parts, NULL);
  shape = (GStrv) g_ptr_array_steal (parts, NULL);
  {
    g_autoptr (GString) again = g_string_new (NULL);

    if (!_cd_wp_shape_apply (shape, written, again) || again->len != length ||
        memcmp (again->str, markup, length) != 0)
      return NULL;
  }
  *shape_out = g_steal_pointer (&shape);
  return g_steal_pointer (&markdown);
}

/**
 * _cd_wp_shape_apply:
 * @shape: a block's shape (see _cd_wp_shaped_markdown())
 * @markup: the markup of one new text block, as Markdown writes it
 * @out: where the shaped block goes
 *
 * Writes @markup inside the wrapper of @shape when @markup is the same
 * kind of block (the same heading level, list order and first number);
 * a link to an address the block linked to gets the block's tag for it,
 * and a character the block wrote as a reference is written so again.
 *
 * Returns: whether it did; if not, nothing was written
 */
gboolean
_cd_wp_shape_apply (const GStrv shape,
                    const char *markup,
                    GString    *out)
{
  gsize length = strlen (markup);
  gsize head = strlen (shape[2]), tail = strlen (shape[3]);
  g_autoptr (GString) text = NULL;

  g_assert (shape != NULL && markup != NULL && out != NULL);

  if (length < head + tail || !g_str_has_prefix (markup, shape[2]) ||
      !g_str_has_suffix (markup, shape[3]))
    return FALSE;
  text = g_string_new_len (markup + head, length - head - tail);
  for (guint i = 4; shape[i] != NULL && shape[i + 1] != NULL; i += 2)
    if (strcmp (shape[i], CITATION) == 0)
      apply_citation (text, shape[i + 1]);
  wrap_runs (text, shape);
  for (guint i = 4; shape[i] != NULL && shape[i + 1] != NULL; i += 2)
    if (g_str_has_prefix (shape[i], "<>"))
      continue;
    else if (shape[i][0] == '<')
      g_string_replace (text, shape[i], shape[i + 1], 0);
    else
      replace_in_text (text, shape[i], shape[i + 1]);
  g_string_append (out, shape[0]);
  g_string_append_len (out, text->str, text->len);
  g_string_append (out, shape[1]);
  return TRUE;
}
