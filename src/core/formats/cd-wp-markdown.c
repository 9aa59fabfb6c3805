/* cd-wp-markdown.c: WordPress text blocks to Markdown.
 *
 * The conversion only needs to be right for the HTML the block editor
 * saves: the caller writes the Markdown back as block markup and keeps the
 * block opaque unless that gives its exact bytes again. So anything unusual
 * (a class, an anchor, a colour, a tag Markdown has no word for) simply
 * makes the conversion fail here or differ there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-markdown"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"
#include "cd-wp-content-private.h"

static gboolean
has_prefix_len (const char *s,
                gsize       n,
                const char *prefix)
{
  gsize m = strlen (prefix);

  g_assert (s != NULL);

  return n >= m && memcmp (s, prefix, m) == 0;
}

/* Decodes the character reference at @p (after "&"); returns its length
 * with the ";" or 0 when it is not one this converter knows. */
static gsize
decode_entity (const char *p,
               const char *end,
               GString    *out)
{
  static const struct
  {
    const char *name;
    const char *text;
  } named[] = {
    {"amp;",   "&"       },
    { "lt;",   "<"       },
    { "gt;",   ">"       },
    { "quot;", "\""      },
    { "apos;", "'"       },
    { "nbsp;", "\xc2\xa0"},
  };

  g_assert (p != NULL && end != NULL && out != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (has_prefix_len (p, end - p, named[i].name))
      {
        g_string_append (out, named[i].text);
        return strlen (named[i].name);
      }
  if (p < end && *p == '#')
    {
      const char *q = p + 1;
      gboolean    hex = q < end && (*q == 'x' || *q == 'X');
      gunichar    c = 0;

      if (hex)
        q++;
      while (q < end && g_ascii_isxdigit (*q) && (hex || g_ascii_isdigit (*q)) && c < 0x110000)
        c = c * (hex ? 16 : 10) + g_ascii_xdigit_value (*q++);
      if (q < end && *q == ';' && q > p + 1 + hex && g_unichar_validate (c) && c != 0)
        {
          g_string_append_unichar (out, c);
          return q + 1 - p;
        }
    }
  return 0;
}

/* HTML text (no tags) to plain text. */
static char *
decode_text (const char *html,
             gsize       n)
{
  GString    *out = g_string_sized_new (n);
  const char *end = html + n;

  g_assert (html != NULL);

  for (const char *p = html; p < end; p++)
    {
      gsize used;

      if (*p == '&' && (used = decode_entity (p + 1, end, out)) > 0)
        p += used;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
escape_text (GString    *out,
             const char *text,
             gboolean    in_table)
{
  const char *run = text;

  g_assert (out != NULL && text != NULL);

  for (const char *p = text; *p; p++)
    {
      char     c = *p;
      gboolean escape;

      /* Most characters need nothing: copy them in runs. */
      if (g_ascii_isalnum (c) || c == ' ' || (guchar) c >= 0x80)
        continue;
      escape = strchr ("\\`*[]<~", c) != NULL || (in_table && c == '|') ||
               (c == '_' && !(p > text && g_ascii_isalnum (p[-1]) && g_ascii_isalnum (p[1]))) ||
               (c == '&' && _cd_markdown_is_entity_like (p, p + strlen (p)));
      if (!escape)
        continue;
      g_string_append_len (out, run, p - run);
      g_string_append_c (out, '\\');
      run = p;
    }
  g_string_append (out, run);
}

/* Backslashes where a line of text would start block markup. */
static char *
escape_line_starts (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 8);

  g_assert (text != NULL);

  for (const char *line = text; line != NULL;)
    {
      const char *nl = strchr (line, '\n');
      const char *p = line;

      if (strchr ("#>-+=", *p) != NULL && *p != '\0')
        g_string_append_c (out, '\\');
      else
        {
          while (g_ascii_isdigit (*p))
            p++;
          if (p > line && p - line < 10 && (*p == '.' || *p == ')'))
            {
              g_string_append_len (out, line, p - line);
              g_string_append_c (out, '\\');
              line = p;
            }
        }
      if (nl == NULL)
        {
          g_string_append (out, line);
          break;
        }
      g_string_append_len (out, line, nl + 1 - line);
      line = nl + 1;
    }
  return g_string_free (out, FALSE);
}

static void
append_code_span (GString    *out,
                  const char *code)
{
  guint    run = 0, longest = 0;
  gsize    n = strlen (code);
  gboolean pad;

  g_assert (out != NULL && code != NULL);

  for (const char *p = code; *p; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  pad = n > 0 && (code[0] == '`' || code[n - 1] == '`' ||
                  (code[0] == ' ' && code[n - 1] == ' ' && strspn (code, " ") < n));
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
  if (pad)
    g_string_append_c (out, ' ');
  g_string_append (out, code);
  if (pad)
    g_string_append_c (out, ' ');
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
}

static void
append_destination (GString    *out,
                    const char *url)
{
  g_assert (out != NULL && url != NULL);

  if (*url == '\0' || strpbrk (url, " \t") != NULL)
    {
      g_string_append_c (out, '<');
      g_string_append (out, url);
      g_string_append_c (out, '>');
      return;
    }
  for (const char *p = url; *p; p++)
    {
      if (*p == '(' || *p == ')' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* Reads `href="…"` as the only attribute of a link. */
static char *
link_href (const char *attrs,
           gsize       n)
{
  g_autofree char *raw = NULL;
  const char      *close;

  g_assert (attrs != NULL);

  if (!has_prefix_len (attrs, n, " href=\"") || attrs[n - 1] != '"')
    return NULL;
  close = memchr (attrs + 7, '"', n - 7);
  if (close != attrs + n - 1)
    return NULL;
  raw = g_strndup (attrs + 7, n - 8);
  if (strpbrk (raw, "<>\n") != NULL)
    return NULL;
  return decode_text (raw, strlen (raw));
}

/* Rich text HTML to inline Markdown; %FALSE for anything it has no
 * Markdown for. */
static gboolean
inline_to_markdown (const char *html,
                    gsize       n,
                    gboolean    in_table,
                    GString    *out)
{
  const char      *end = html + n;
  const char      *p = html;
  gboolean         in_link = FALSE;
  g_autofree char *href = NULL;
  const char      *after_strong = NULL;
  gboolean         underscore = FALSE;

  g_assert (html != NULL && out != NULL);

  while (p < end)
    {
      if (*p == '<')
        {
          const char *close = memchr (p, '>', end - p);
          const char *name;
          gsize       name_len, attrs_len;
          gboolean    closing;

          if (close == NULL)
            return FALSE;
          closing = p[1] == '/';
          name = p + 1 + closing;
          name_len = 0;
          while (name + name_len < close && g_ascii_isalpha (name[name_len]))
            name_len++;
          attrs_len = close - (name + name_len);
#define IS(tag) (name_len == strlen (tag) && memcmp (name, tag, name_len) == 0)
          if (IS ("em") && attrs_len == 0)
            {
              /* Emphasis that is a strong's whole text is "**_…_**", as
               * "***…***" reads the other way round. */
              if (!closing)
                {
                  const char *em_end = g_strstr_len (close, end - close, "</em>");

                  underscore = p == after_strong && em_end != NULL &&
                               has_prefix_len (em_end + strlen ("</em>"),
                                               end - em_end - strlen ("</em>"), "</strong>");
                }
              g_string_append (out, underscore ? "_" : "*");
            }
          else if ((IS ("strong") || IS ("s")) && attrs_len == 0)
            {
              g_string_append (out, IS ("strong") ? "**" : "~~");
              after_strong = IS ("strong") && !closing ? close + 1 : NULL;
            }
          else if (IS ("br") && !closing && attrs_len == 0)
            g_string_append (out, "\\\n");
          else if (IS ("code") && !closing && attrs_len == 0)
            {
              const char      *stop = g_strstr_len (close, end - close, "</code>");
              g_autofree char *code = NULL;

              if (stop == NULL || memchr (close + 1, '<', stop - close - 1) != NULL)
                return FALSE;
              code = decode_text (close + 1, stop - close - 1);
              if (strchr (code, '\n') != NULL)
                return FALSE;
              append_code_span (out, code);
              close = stop + strlen ("</code>") - 1;
            }
          else if (IS ("a") && !closing && !in_link)
            {
              href = link_href (name + 1, attrs_len);
              if (href == NULL)
                return FALSE;
              g_string_append_c (out, '[');
              in_link = TRUE;
            }
          else if (IS ("a") && closing && in_link && attrs_len == 0)
            {
              g_string_append (out, "](");
              append_destination (out, href);
              g_string_append_c (out, ')');
              g_clear_pointer (&href, g_free);
              in_link = FALSE;
            }
          else
            return FALSE;
#undef IS
          p = close + 1;
        }
      else
        {
          const char      *next = memchr (p, '<', end - p);
          g_autofree char *text = NULL;

          if (next == NULL)
            next = end;
          text = decode_text (p, next - p);
          escape_text (out, text, in_table);
          p = next;
        }
    }
  return !in_link;
}

static char *
inline_block_to_markdown (const char *html,
                          gsize       n)
{
  g_autoptr (GString) run = g_string_new (NULL);

  g_assert (html != NULL);

  if (!inline_to_markdown (html, n, FALSE, run))
    return NULL;
  return escape_line_starts (run->str);
}

/* The inner HTML between a known opening and closing, or %NULL. */
static gboolean
unwrap (const char  *html,
        const char  *open,
        const char  *close,
        const char **inner,
        gsize       *inner_length)
{
  gsize n = strlen (html), a = strlen (open), b = strlen (close);

  g_assert (html != NULL && inner != NULL && inner_length != NULL);

  if (n < a + b || memcmp (html, open, a) != 0 || memcmp (html + n - b, close, b) != 0)
    return FALSE;
  *inner = html + a;
  *inner_length = n - a - b;
  return TRUE;
}

static gboolean
name_is (const CdWpBlock *block,
         const char      *name)
{
  g_assert (block != NULL);

  return block->name != NULL && strcmp (block->name, name) == 0;
}

static void
indent_lines (GString    *out,
              const char *text,
              const char *first,
              const char *rest)
{
  gboolean start = TRUE;

  g_assert (out != NULL && text != NULL);

  for (const char *p = text; *p; p++)
    {
      if (start)
        {
          /* No trailing spaces on an empty line. */
          if (*p == '\n')
            {
              g_autofree char *trimmed = g_strchomp (g_strdup (p == text ? first : rest));

              g_string_append (out, trimmed);
            }
          else
            g_string_append (out, p == text ? first : rest);
        }
      g_string_append_c (out, *p);
      start = *p == '\n';
    }
}

static char *list_to_markdown (const CdWpBlock *block, char bullet);

static char *
list_item_to_markdown (const CdWpBlock *item,
                       const char      *marker)
{
  const char      *inner;
  gsize            inner_length;
  g_autofree char *text = NULL;
  g_autofree char *pad = g_strnfill (strlen (marker), ' ');
  GString         *out;

  g_assert (item != NULL && marker != NULL);

  if (!name_is (item, "core/list-item") ||
      !unwrap (item->inner_html, "\n<li>", "</li>\n", &inner, &inner_length) ||
      (text = inline_block_to_markdown (inner, inner_length)) == NULL)
    return NULL;
  out = g_string_new (NULL);
  indent_lines (out, text, marker, pad);
  for (guint i = 0; i < item->inner_blocks->len; i++)
    {
      g_autofree char *nested = list_to_markdown (g_ptr_array_index (item->inner_blocks, i), '-');

      if (nested == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_c (out, '\n');
      indent_lines (out, nested, pad, pad);
    }
  return g_string_free (out, FALSE);
}

static char *
list_to_markdown (const CdWpBlock *block,
                  char             bullet)
{
  JsonObject *attrs = cd_wp_block_get_attrs (block);
  gboolean    ordered;
  gint64      number = 1;
  GString    *out;

  g_assert (block != NULL);

  if (!name_is (block, "core/list") || attrs == NULL)
    return NULL;
  ordered = json_object_get_boolean_member_with_default (attrs, "ordered", FALSE);
  if (ordered)
    number = json_object_get_int_member_with_default (attrs, "start", 1);
  out = g_string_new (NULL);
  for (guint i = 0; i < block->inner_blocks->len; i++, number++)
    {
      g_autofree char *marker =
          ordered ? g_strdup_printf ("%" G_GINT64_FORMAT "%c ", number, bullet == '-' ? '.' : ')')
                  : g_strdup_printf ("%c ", bullet);
      g_autofree char *item = list_item_to_markdown (g_ptr_array_index (block->inner_blocks, i),
                                                     marker);

      if (item == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, item);
    }
  return g_string_free (out, FALSE);
}

static char *
fence_code (const char *code,
            const char *info)
{
  guint    run = 0, longest = 0;
  GString *out = g_string_new (NULL);

  g_assert (code != NULL && info != NULL);

  for (const char *p = code; *p; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  longest = MAX (longest + 1, 3);
  for (guint i = 0; i < longest; i++)
    g_string_append_c (out, '`');
  g_string_append_printf (out, "%s\n%s%s", info, code, *code != '\0' ? "\n" : "");
  for (guint i = 0; i < longest; i++)
    g_string_append_c (out, '`');
  return g_string_free (out, FALSE);
}

static char *
pre_to_markdown (const CdWpBlock *block,
                 const char      *open,
                 const char      *close,
                 const char      *info)
{
  const char      *inner;
  gsize            inner_length;
  g_autofree char *code = NULL;

  g_assert (block != NULL);

  if (!unwrap (block->inner_html, open, close, &inner, &inner_length) ||
      memchr (inner, '<', inner_length) != NULL)
    return NULL;
  code = decode_text (inner, inner_length);
  return fence_code (code, info);
}

/* Reads `<tag>` or `<tag class="has-text-align-X" data-align="X">`;
 * returns the alignment character ('l', 'c', 'r', or ' ' for none), or 0
 * when the tag is something else. */
static char
read_cell_open (const char **p,
                const char  *tag)
{
  static const char *const aligns[] = { "left", "center", "right" };
  g_autofree char         *plain = g_strdup_printf ("<%s>", tag);

  g_assert (p != NULL && tag != NULL);

  if (g_str_has_prefix (*p, plain))
    {
      *p += strlen (plain);
      return ' ';
    }
  for (guint i = 0; i < G_N_ELEMENTS (aligns); i++)
    {
      g_autofree char *aligned = g_strdup_printf ("<%s class=\"has-text-align-%s\" data-align=\"%s\">",
                                                  tag, aligns[i], aligns[i]);

      if (g_str_has_prefix (*p, aligned))
        {
          *p += strlen (aligned);
          return aligns[i][0];
        }
    }
  return 0;
}

static gboolean
read_row (const char **p,
          const char  *tag,
          GString     *out,
          GString     *alignments)
{
  g_autofree char *close_tag = g_strdup_printf ("</%s>", tag);

  g_assert (p != NULL && out != NULL);

  if (!g_str_has_prefix (*p, "<tr>"))
    return FALSE;
  *p += 4;
  g_string_append (out, "|");
  while (!g_str_has_prefix (*p, "</tr>"))
    {
      char        align = read_cell_open (p, tag);
      const char *stop;

      if (align == 0 || (stop = strstr (*p, close_tag)) == NULL)
        return FALSE;
      g_string_append_c (out, ' ');
      if (!inline_to_markdown (*p, stop - *p, TRUE, out))
        return FALSE;
      g_string_append (out, " |");
      if (alignments != NULL)
        g_string_append_c (alignments, align);
      *p = stop + strlen (close_tag);
    }
  *p += 5;
  return TRUE;
}

/* The delimiter row of a table of @alignments ("l", "c", "r", " " a
 * column). */
static void
append_delimiters (GString       *out,
                   const GString *alignments)
{
  g_assert (out != NULL && alignments != NULL);

  g_string_append_c (out, '|');
  for (gsize i = 0; i < alignments->len; i++)
    {
      char a = alignments->str[i];

      g_string_append (out, a == 'l' ? " :-- |" : a == 'c' ? " :-: |"
                                              : a == 'r'   ? " --: |"
                                                           : " --- |");
    }
}

/* The caption after a table, "Table: " and its text (as Pandoc writes a
 * table's caption), when @html (what follows "</table>" in a table block)
 * is a caption and the end of the figure; "" when it is that end alone;
 * else %NULL. */
static char *
caption_to_markdown (const char *html)
{
  const char *end;
  g_autoptr (GString) caption = g_string_new (CD_WP_TABLE_CAPTION);

  g_assert (html != NULL);

  if (strcmp (html, "</figure>\n") == 0)
    return g_strdup ("");
  if (!g_str_has_prefix (html, CD_WP_TABLE_CAPTION_OPEN) || !g_str_has_suffix (html, "</figcaption></figure>\n"))
    return NULL;
  html += strlen (CD_WP_TABLE_CAPTION_OPEN);
  end = html + strlen (html) - strlen ("</figcaption></figure>\n");
  if (end == html || g_strstr_len (html, end - html, "</figcaption>") != NULL ||
      !inline_to_markdown (html, end - html, FALSE, caption))
    return NULL;
  return escape_line_starts (caption->str);
}

/* A table with a header section, a body, or both, and its caption (see
 * caption_to_markdown()). One without a header gets a header row of empty
 * cells, which Markdown needs and the block markup leaves out; the
 * columns' alignment is then its first row's. */
static char *
table_to_markdown (const CdWpBlock *block)
{
  const char      *inner;
  gsize            inner_length;
  g_autofree char *html = NULL;
  g_autofree char *caption = NULL;
  const char      *p, *table_end;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) alignments = g_string_new (NULL);

  g_assert (block != NULL);

  if (!unwrap (block->inner_html, "\n<figure class=\"wp-block-table\"><table>", "", &inner, &inner_length) ||
      (table_end = g_strrstr (inner, "</table>")) == NULL ||
      (caption = caption_to_markdown (table_end + strlen ("</table>"))) == NULL)
    return NULL;
  html = g_strndup (inner, table_end - inner);
  p = html;
  if (g_str_has_prefix (p, "<thead>"))
    {
      p += strlen ("<thead>");
      if (!read_row (&p, "th", out, alignments) || !g_str_has_prefix (p, "</thead>"))
        return NULL;
      p += strlen ("</thead>");
      g_string_append_c (out, '\n');
      append_delimiters (out, alignments);
    }
  else
    {
      g_autoptr (GString) first = g_string_new (NULL);
      const char *q;

      if (!g_str_has_prefix (p, "<tbody>"))
        return NULL;
      q = p + strlen ("<tbody>");
      if (!read_row (&q, "td", first, alignments))
        return NULL;
      g_string_append_c (out, '|');
      for (gsize i = 0; i < alignments->len; i++)
        g_string_append (out, "  |");
      g_string_append_c (out, '\n');
      append_delimiters (out, alignments);
    }
  if (*p != '\0')
    {
      if (!g_str_has_prefix (p, "<tbody>") || !g_str_has_suffix (p, "</tbody>"))
        return NULL;
      p += strlen ("<tbody>");
      while (!g_str_has_prefix (p, "</tbody>"))
        {
          g_string_append_c (out, '\n');
          if (!read_row (&p, "td", out, NULL))
            return NULL;
        }
      if (strcmp (p, "</tbody>") != 0)
        return NULL;
    }
  if (*caption != '\0')
    g_string_append_printf (out, "\n\n%s", caption);
  return g_strdup (out->str);
}

static char *
quote_to_markdown (const CdWpBlock *block)
{
  g_autoptr (GString) inner = g_string_new (NULL);
  GString *out;

  g_assert (block != NULL);

  for (guint i = 0; i < block->inner_blocks->len; i++)
    {
      const CdWpBlock *child = g_ptr_array_index (block->inner_blocks, i);
      g_autofree char *md = _cd_wp_is_text_block (child) ? _cd_wp_block_to_markdown (child, '-')
                                                         : NULL;

      if (md == NULL)
        return NULL;
      if (i > 0)
        g_string_append (inner, "\n\n");
      g_string_append (inner, md);
    }
  out = g_string_new (NULL);
  indent_lines (out, inner->str, "> ", "> ");
  return g_string_free (out, FALSE);
}

/* Only the plain image block Copydesk itself writes for a Markdown image
 * (no media id, size or caption) comes back as Markdown. */
static char *
image_to_markdown (const CdWpBlock *block)
{
  const char      *inner;
  gsize            inner_length;
  g_autofree char *img = NULL;
  const char      *src, *alt, *end;
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  GString         *out;

  g_assert (block != NULL);

  if (!unwrap (block->inner_html, "\n<figure class=\"wp-block-image\"><img src=\"", "\"/></figure>\n",
               &inner, &inner_length))
    return NULL;
  img = g_strndup (inner, inner_length);
  src = img;
  alt = strstr (img, "\" alt=\"");
  if (alt == NULL || strchr (alt + 7, '"') != NULL || memchr (src, '<', alt - src) != NULL ||
      strchr (alt, '<') != NULL)
    return NULL;
  end = alt;
  url = decode_text (src, end - src);
  text = decode_text (alt + 7, strlen (alt + 7));
  out = g_string_new ("![");
  escape_text (out, text, FALSE);
  g_string_append (out, "](");
  append_destination (out, url);
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

/**
 * _cd_wp_is_text_block:
 * @block: a parsed block
 *
 * Returns: whether @block is one of the text blocks that may become
 *   Markdown (whether it does depends on its HTML)
 */
gboolean
_cd_wp_is_text_block (const CdWpBlock *block)
{
  static const char *const names[] = {
    "core/paragraph",
    "core/heading",
    "core/list",
    "core/quote",
    "core/pullquote",
    "core/code",
    "core/preformatted",
    "core/image",
    "core/separator",
    "core/table",
    "core/verse",
  };

  g_assert (block != NULL);

  if (block->name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (block->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * _cd_wp_block_to_markdown:
 * @block: a text block
 * @bullet: the bullet of a list: '-', or '*' when the unit before is a
 *   list that a '-' list would run into (an ordered list then uses ")")
 *
 * Returns: (transfer full) (nullable): Markdown for the block, or %NULL
 *   when its HTML is not what this converter knows
 */
char *
_cd_wp_block_to_markdown (const CdWpBlock *block,
                          char             bullet)
{
  const char *inner;
  gsize       inner_length;

  g_assert (block != NULL);

  if (name_is (block, "core/paragraph"))
    {
      if (!unwrap (block->inner_html, "\n<p>", "</p>\n", &inner, &inner_length))
        return NULL;
      return inline_block_to_markdown (inner, inner_length);
    }
  if (name_is (block, "core/heading"))
    {
      JsonObject      *attrs = cd_wp_block_get_attrs (block);
      gint64           level = attrs != NULL ? json_object_get_int_member_with_default (attrs,
                                                                                        "level", 2)
                                             : 2;
      g_autofree char *open = g_strdup_printf ("\n<h%d>", (int) level);
      g_autofree char *close = g_strdup_printf ("</h%d>\n", (int) level);
      g_autofree char *text = NULL;

      if (level < 1 || level > 6 || !unwrap (block->inner_html, open, close, &inner, &inner_length))
        return NULL;
      text = inline_block_to_markdown (inner, inner_length);
      if (text == NULL || strchr (text, '\n') != NULL)
        return NULL;
      return g_strdup_printf ("%.*s %s", (int) level, "######", text);
    }
  if (name_is (block, "core/list"))
    return list_to_markdown (block, bullet);
  if (name_is (block, "core/quote"))
    return quote_to_markdown (block);
  if (name_is (block, "core/code"))
    return pre_to_markdown (block, "\n<pre class=\"wp-block-code\"><code>", "</code></pre>\n", "");
  if (name_is (block, "core/preformatted"))
    return pre_to_markdown (block, "\n<pre class=\"wp-block-preformatted\">", "</pre>\n",
                            "preformatted");
  if (name_is (block, "core/separator"))
    return g_strdup ("---");
  if (name_is (block, "core/table"))
    return table_to_markdown (block);
  if (name_is (block, "core/image"))
    return image_to_markdown (block);
  return NULL;
}
