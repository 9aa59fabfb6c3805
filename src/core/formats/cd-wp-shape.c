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
 * pasted copy leave it, a curly quote as "&#8217;", an ampersand bare
 * as in "AT&T") is shaped too: the shape writes each such character back
 * as the block did; so are the
 * spans and sub- and superscripts of pasted text (cd-wp-inline.c). A
 * quote's citation is its last paragraph after a dash in the body, a
 * pull quote is a quote there and a verse a paragraph, written back as
 * the block was; so is the opening a quote's paragraphs share. A table's
 * own attributes are its shape too. A block is
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
 * quote in the body, a verse (a poem, a song's lines) a paragraph. */
static const char *
written_name (const CdWpBlock *block)
{
  g_assert (block != NULL && block->name != NULL);

  if (strcmp (block->name, "core/pullquote") == 0)
    return "core/quote";
  return strcmp (block->name, "core/verse") == 0 ? "core/paragraph" : block->name;
}

/* The element @block's text is in: a pull quote's is in a quote in a
 * figure, a verse's in a pre. */
static const char *
outer_tag (const CdWpBlock *block,
           const char      *tag)
{
  g_assert (block != NULL && block->name != NULL && tag != NULL);

  if (strcmp (block->name, "core/pullquote") == 0)
    return "figure";
  return strcmp (block->name, "core/verse") == 0 ? "pre" : tag;
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
    { "core/table",        "figure",     "<figure class=\"wp-block-table\">"    },
    { "core/verse",        "p",          "<p>"                                  },
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

/* Whether the "&" at @p (up to @end) is a bare ampersand: one a browser
 * reads as itself, starting no reference, not even one of those it reads
 * without their ";" ("&copy 2024", "&#150"), which in an attribute's
 * value only count before a character that is no letter, digit or "=". */
static gboolean
is_bare_ampersand (const char *p,
                   const char *end,
                   gboolean    in_attribute)
{
  const char *name = p + 1;
  gsize       run = 0;
  char        character[8];

  g_assert (p != NULL && end != NULL && *p == '&');

  if (read_reference (p, end, character) != 0 || (name < end && *name == '#'))
    return FALSE;
  while (name + run < end && g_ascii_isalnum (name[run]))
    run++;
  for (gsize k = 1; k <= MIN (run, 8); k++)
    {
      g_autofree char      *prefix = g_strndup (name, k);
      const htmlEntityDesc *entity = htmlEntityLookup ((const xmlChar *) prefix);
      gboolean              legacy;

      legacy = entity != NULL && ((entity->value < 0x80 && strchr ("&<>\"", (int) entity->value) != NULL) ||
                                  (entity->value >= 0xa0 && entity->value <= 0xff));
      if (legacy && !(in_attribute && (k < run || (name + k < end && name[k] == '='))))
        return FALSE;
    }
  return TRUE;
}

/* @address (@length bytes) as Markdown writes it in a link: each bare
 * ampersand as "&amp;" (addresses typed by hand keep them bare). */
static char *
plain_address (const char *address,
               gsize       length)
{
  GString *out = g_string_sized_new (length + 8);

  g_assert (address != NULL);

  for (const char *p = address, *end = address + length; p < end; p++)
    if (*p == '&' && is_bare_ampersand (p, end, TRUE))
      g_string_append (out, "&amp;");
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/**
 * _cd_wp_plain_links:
 * @text: HTML
 * @length: its length
 * @links: where the pairs go
 *
 * Makes @text with each link's opening tag that has more than its address
 * (a link that opens in a new tab, one to a post with its type and id) as
 * `<a href="…">`, the address as it was written but for a bare ampersand
 * (as Markdown writes it, "&amp;"); @links gets each such tag after the
 * tag it became.
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
      g_autofree char *address = NULL;

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
      address = plain_address (href + 7, value_end - href - 7);
      plain = g_strdup_printf ("<a href=\"%s\">", address);
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

/**
 * _cd_wp_plain_references:
 * @text: HTML
 * @length: its length
 * @references: where the pairs go
 *
 * Makes @text with its text's character references (a no-break space
 * written "&nbsp;", a quotation mark "&#8220;") as their characters;
 * @references gets each character after the reference @text writes it as.
 * The references Markdown itself writes ("&amp;", "&lt;") stay; a bare
 * "&" becomes "&amp;", and @references gets the pair "&amp;", "&".
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when @text writes
 *   one character as two different references, an ampersand both bare
 *   and as a reference, or an ampersand a browser reads as a reference
 *   that is none ("&copy 2024")
 */
char *
_cd_wp_plain_references (const char *text,
                         gsize       length,
                         GPtrArray  *references)
{
  guint    first = references->len;
  GString *out = g_string_sized_new (length);
  gboolean bare_ampersand = FALSE, spelled_ampersand = FALSE;

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
      if (*p == '&' && is_bare_ampersand (p, end, FALSE))
        {
          /* A bare ampersand, as text typed in an editor's HTML view or
           * posted by a feed keeps it ("AT&T"): the Markdown's "&amp;",
           * written back bare. A post that spells it both ways is not
           * shaped. */
          bare_ampersand = TRUE;
          g_string_append (out, "&amp;");
          p++;
          continue;
        }
      if (*p == '&' && (used = read_reference (p, end, character)) == 0)
        {
          /* One a browser reads as a reference though it is none. */
          g_string_free (out, TRUE);
          return NULL;
        }
      if (*p != '&' || strcmp (character, "&") == 0 || strcmp (character, "<") == 0)
        {
          spelled_ampersand |= *p == '&' && strcmp (character, "&") == 0;
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
  if (bare_ampersand && spelled_ampersand)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  if (bare_ampersand)
    {
      g_ptr_array_add (references, g_strdup ("&amp;"));
      g_ptr_array_add (references, g_strdup ("&"));
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

/* The paragraphs of a quote as the block editor writes them, each a
 * block, and the rule that ends a quote with its citation. */
#define PARAGRAPH_OPEN "<!-- wp:paragraph -->\n<p>"
#define PARAGRAPH_CLOSE "</p>\n<!-- /wp:paragraph -->"
#define CITATION "<>cite"
#define CITATION_BREAK "<>cite-br"

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
 * with its opening tag, which write it back (see apply_citation()), and
 * CITATION_BREAK when the citation ends with a line break. */
static char *
plain_citation (const char *text,
                GPtrArray  *parts)
{
  const char      *end = text + strlen (text);
  const char      *name, *open = citation_start (text, end, &name), *cited, *cited_end, *space = open;
  g_autofree char *close = g_strdup_printf ("</%s>", name);
  gboolean         broken;
  gboolean         blocks = strstr (text, "<!-- wp:paragraph") != NULL;
  GString         *out;

  g_assert (text != NULL && parts != NULL);

  if (open == NULL || (cited = _cd_wp_tag_end (open, end)) == NULL || cited > end - strlen (close) ||
      g_strstr_len (cited, end - strlen (close) - cited, close) != NULL)
    return g_strdup (text);
  /* The line break block editors of 5.x left at the end of a citation. */
  cited_end = end - strlen (close);
  broken = cited_end - cited > 4 && strncmp (cited_end - 4, "<br>", 4) == 0;
  cited_end -= broken ? 4 : 0;
  if (_cd_wp_is_white (cited, cited_end))
    return g_strdup (text);
  while (space > text && g_ascii_isspace (space[-1]))
    space--;
  out = g_string_new_len (text, space - text);
  g_string_append (out, blocks ? (space > text ? "\n\n" PARAGRAPH_OPEN : PARAGRAPH_OPEN) : "<p>");
  g_string_append (out, "\u2014 ");
  g_string_append_len (out, cited, cited_end - cited);
  g_string_append (out, blocks ? PARAGRAPH_CLOSE : "</p>");
  g_ptr_array_add (parts, g_strdup (CITATION));
  g_ptr_array_add (parts, g_strndup (space, cited - space));
  if (broken)
    {
      g_ptr_array_add (parts, g_strdup (CITATION_BREAK));
      g_ptr_array_add (parts, g_strdup (""));
    }
  return g_string_free (out, FALSE);
}

/* Puts back the line break at the end of the citation that ends @text. */
static void
apply_citation_break (GString *text)
{
  const char *close = g_strrstr (text->str, "</");

  g_assert (text != NULL);

  if (close != NULL && close > text->str && g_str_has_suffix (text->str, ">"))
    g_string_insert (text, close - text->str, "<br>");
}

/* @text, a quote's, with the opening its paragraphs share (a class later
 * block editors give every paragraph, an alignment) written plain; @parts
 * gets the pair that writes it back. Paragraphs opened in different ways
 * stay as they are. */
static char *
plain_inner_paragraphs (const char *text,
                        GPtrArray  *parts)
{
  static const char plain[] = "<!-- wp:paragraph -->\n<p>";
  const char       *end = text + strlen (text);
  g_autofree char  *shared = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  const char *p = text, *open;

  g_assert (text != NULL && parts != NULL);

  while ((open = strstr (p, "<!-- wp:paragraph")) != NULL)
    {
      const char *comment_end = strstr (open, "-->\n<p");
      const char *tag_end = comment_end != NULL ? _cd_wp_tag_end (comment_end + 4, end) : NULL;

      if (tag_end == NULL || (comment_end[6] != '>' && comment_end[6] != ' ') ||
          memchr (open + 4, '<', comment_end - open - 4) != NULL)
        return g_strdup (text);
      if (shared == NULL)
        shared = g_strndup (open, tag_end - open);
      else if (strlen (shared) != (gsize) (tag_end - open) || strncmp (shared, open, tag_end - open) != 0)
        return g_strdup (text);
      g_string_append_len (out, p, open - p);
      g_string_append (out, plain);
      p = tag_end;
    }
  if (shared == NULL || strcmp (shared, plain) == 0)
    return g_strdup (text);
  g_string_append (out, p);
  g_ptr_array_add (parts, g_strdup (plain));
  g_ptr_array_add (parts, g_steal_pointer (&shared));
  return g_string_free (g_steal_pointer (&out), FALSE);
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

/* @text, a table block's, with the table's own attributes (a fixed
 * layout, colours, a border) left out of its opening tag; @parts gets the
 * pair that writes them back. */
static char *
plain_table (const char *text,
             GPtrArray  *parts)
{
  const char *open_end = g_str_has_prefix (text, "<table ") ? _cd_wp_tag_end (text, text + strlen (text))
                                                            : NULL;

  g_assert (text != NULL && parts != NULL);

  if (open_end == NULL)
    return g_strdup (text);
  g_ptr_array_add (parts, g_strdup ("<table>"));
  g_ptr_array_add (parts, g_strndup (text, open_end - text));
  return g_strconcat ("<table>", open_end, NULL);
}

/* @text, a table block's, with the caption element after its table as
 * WordPress 6.1 writes it where it has no class (as block editors before
 * 6.1 wrote it); @parts gets the pair that writes it back. */
static char *
plain_caption (const char *text,
               GPtrArray  *parts)
{
  const char *older = "</table><figcaption>";
  g_autoptr (GString) out = g_string_new (text);

  g_assert (text != NULL && parts != NULL);

  if (strstr (text, older) == NULL)
    return g_string_free (g_steal_pointer (&out), FALSE);
  g_string_replace (out, older, "</table>" CD_WP_TABLE_CAPTION_OPEN, 1);
  g_ptr_array_add (parts, g_strdup (CD_WP_TABLE_CAPTION_OPEN));
  g_ptr_array_add (parts, g_strdup ("<figcaption>"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define TH_SCOPE "<>scope"
#define SCOPE_COL " scope=\"col\">"

/* Whether a header cell's opening tag starts at @p. */
static gboolean
opens_header_cell (const char *p)
{
  return g_str_has_prefix (p, "<th") && (p[3] == ' ' || p[3] == '>');
}

/* @text, a table's, without the scope="col" later block editors give
 * every header cell; @parts gets the rule TH_SCOPE that writes it back
 * (see apply_th_scope()). @text as it is unless every header cell has it. */
static char *
plain_th_scope (const char *text,
                GPtrArray  *parts)
{
  const char *end = text + strlen (text);
  g_autoptr (GString) out = g_string_sized_new (end - text);
  guint with = 0, without = 0;

  g_assert (text != NULL && parts != NULL);

  for (const char *p = text; p < end;)
    {
      const char *open_end = opens_header_cell (p) ? _cd_wp_tag_end (p, end) : NULL;

      if (open_end == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (open_end - p > (gssize) strlen (SCOPE_COL) && g_str_has_prefix (open_end - strlen (SCOPE_COL), SCOPE_COL))
        {
          with++;
          g_string_append_len (out, p, open_end - p - strlen (SCOPE_COL));
          g_string_append_c (out, '>');
        }
      else
        {
          without++;
          g_string_append_len (out, p, open_end - p);
        }
      p = open_end;
    }
  if (with == 0 || without > 0)
    return g_strdup (text);
  g_ptr_array_add (parts, g_strdup (TH_SCOPE));
  g_ptr_array_add (parts, g_strdup (""));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Gives every header cell of @text, a table, scope="col". */
static void
apply_th_scope (GString *text)
{
  g_assert (text != NULL);

  for (gsize i = 0; i < text->len; i++)
    {
      const char *open_end;

      if (!opens_header_cell (text->str + i))
        continue;
      if ((open_end = _cd_wp_tag_end (text->str + i, text->str + text->len)) == NULL)
        return;
      i = open_end - text->str - 1;
      g_string_insert_len (text, i, SCOPE_COL, strlen (SCOPE_COL) - 1);
      i += strlen (SCOPE_COL) - 1;
    }
}

#define EMPTY_HEAD "<>head"

/* @text, a table's, without a header section of empty cells (as Copydesk
 * wrote a table whose header row is empty, before such a row came to
 * mean a table without one); @parts gets the rule EMPTY_HEAD that writes
 * it back (see apply_empty_head()). */
static char *
plain_empty_head (const char *text,
                  GPtrArray  *parts)
{
  const char *p = text + strlen ("<table><thead><tr>");
  const char *end = text + strlen (text);

  g_assert (text != NULL && parts != NULL);

  if (!g_str_has_prefix (text, "<table><thead><tr>"))
    return g_strdup (text);
  while (g_str_has_prefix (p, "<th"))
    {
      const char *open_end = _cd_wp_tag_end (p, end);

      if (open_end == NULL || !g_str_has_prefix (open_end, "</th>"))
        return g_strdup (text);
      p = open_end + strlen ("</th>");
    }
  if (!g_str_has_prefix (p, "</tr></thead><tbody>"))
    return g_strdup (text);
  g_ptr_array_add (parts, g_strdup (EMPTY_HEAD));
  g_ptr_array_add (parts, g_strdup (""));
  return g_strconcat ("<table>", p + strlen ("</tr></thead>"), NULL);
}

/* Gives @text, a table as Markdown writes it, a header section of empty
 * cells aligned as its first row's, when it has none. */
static void
apply_empty_head (GString *text)
{
  g_autoptr (GString) head = g_string_new ("<thead><tr>");
  const char *p = text->str + strlen ("<table><tbody><tr>");
  const char *end = text->str + text->len;

  g_assert (text != NULL);

  if (!g_str_has_prefix (text->str, "<table><tbody><tr>"))
    return;
  while (g_str_has_prefix (p, "<td"))
    {
      const char *open_end = _cd_wp_tag_end (p, end);
      const char *close = open_end != NULL ? strstr (open_end, "</td>") : NULL;

      if (close == NULL)
        return;
      g_string_append_printf (head, "<th%.*s</th>", (int) (open_end - p - 3), p + 3);
      p = close + strlen ("</td>");
    }
  g_string_append (head, "</tr></thead>");
  g_string_insert (text, strlen ("<table>"), head->str);
}

/* @text, a preformatted block's as block editors after 6.1 write it, its
 * lines ended by line break elements, with newlines as Markdown's fence
 * writes them; @parts gets the pair that writes them back. Text that ends
 * lines both ways stays as it is. */
static char *
plain_pre_breaks (const char *text,
                  GPtrArray  *parts)
{
  g_autoptr (GString) out = g_string_new (text);

  g_assert (text != NULL && parts != NULL);

  if (strchr (text, '\n') != NULL || g_string_replace (out, "<br>", "\n", 0) == 0)
    return g_string_free (g_steal_pointer (&out), FALSE);
  g_ptr_array_add (parts, g_strdup ("\n"));
  g_ptr_array_add (parts, g_strdup ("<br>"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Narrows @start and @end, the text of a pull quote's figure in @markup,
 * to the text of the element in it: a quote, or an aside as later block
 * editors write it, with attributes or none, and white space around it
 * and inside it (pull quotes as older editors indented them). */
static gboolean
pulled_text (const char *markup,
             gsize      *start,
             gsize      *end)
{
  const char *p = markup + *start, *e = markup + *end, *open_end;
  gsize       name_length;
  char        close[16];

  g_assert (markup != NULL && start != NULL && end != NULL);

  while (p < e && g_ascii_isspace (*p))
    p++;
  while (e > p && g_ascii_isspace (e[-1]))
    e--;
  if (g_str_has_prefix (p, "<blockquote"))
    name_length = strlen ("blockquote");
  else if (g_str_has_prefix (p, "<aside"))
    name_length = strlen ("aside");
  else
    return FALSE;
  if ((p[1 + name_length] != '>' && p[1 + name_length] != ' ') || (open_end = _cd_wp_tag_end (p, e)) == NULL)
    return FALSE;
  g_snprintf (close, sizeof close, "</%.*s>", (int) name_length, p + 1);
  if (e - open_end < (gssize) strlen (close) || strncmp (e - strlen (close), close, strlen (close)) != 0)
    return FALSE;
  for (e -= strlen (close); open_end < e && g_ascii_isspace (*open_end); open_end++)
    ;
  while (e > open_end && g_ascii_isspace (e[-1]))
    e--;
  if (open_end == e)
    return FALSE;
  *start = open_end - markup;
  *end = e - markup;
  return TRUE;
}

/**
 * _cd_wp_shaped_markdown:
 * @block: a top-level text block of @content
 * @content: the post content
 * @bullet: as for _cd_wp_block_to_markdown()
 * @shape_out: (out): the block's shape: its bytes before and after its
 *   text, the same two as the Markdown writes them, then pairs of a link's
 *   tag as the Markdown writes it and the tag the block has, of a
 *   character and the reference the block writes it as, and the rules of
 *   the steps below (the places of the inline elements Markdown has no
 *   word for, see _cd_wp_plain_marks(), are pairs starting "<@")
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
  gboolean preformatted = block->name != NULL && strcmp (block->name, "core/preformatted") == 0;
  gsize    start, end, plain_start, plain_end;

  g_assert (block != NULL && content != NULL && shape_out != NULL);

  *shape_out = NULL;
  if (tag == NULL || !_cd_wp_find_text (markup, length, block->name, outer_tag (block, tag), &start, &end))
    return NULL;
  if (pulled && !pulled_text (markup, &start, &end))
    return NULL;
  /* Spaces typed at the start or the end of a paragraph, and line breaks
   * at its end (Shift+Enter typed last), which Markdown cannot hold, stay
   * in the wrapper. */
  for (gsize before = 0; before != end;)
    {
      static const char *const breaks[] = { "<br>", "<br/>", "<br />" };

      before = end;
      while (end > start && markup[end - 1] == ' ')
        end--;
      for (guint i = 0; i < G_N_ELEMENTS (breaks); i++)
        if (end - start > strlen (breaks[i]) && strncmp (markup + end - strlen (breaks[i]), breaks[i],
                                                         strlen (breaks[i])) == 0)
          end -= strlen (breaks[i]);
    }
  while (start < end && markup[start] == ' ')
    start++;
  g_ptr_array_add (parts, g_strndup (markup, start));
  g_ptr_array_add (parts, g_strndup (markup + end, length - end));
  g_ptr_array_add (parts, NULL); /* the Markdown's two, below */
  g_ptr_array_add (parts, NULL);
  if ((linked = _cd_wp_plain_links (markup + start, end - start, parts)) == NULL ||
      (referenced = _cd_wp_plain_references (linked, strlen (linked), parts)) == NULL)
    return NULL;
  {
    g_autofree char *named = _cd_wp_plain_synonyms (referenced, parts);
    g_autofree char *scripted = _cd_wp_plain_scripts (named, parts);
    g_autofree char *spanless = _cd_wp_plain_spans (scripted, parts);

    text = _cd_wp_plain_spaces (spanless, parts);
  }
  if (strcmp (tag, "figure") == 0)
    {
      g_autofree char *table = plain_table (text, parts);
      g_autofree char *captioned = plain_caption (table, parts);

      g_autofree char *headless = plain_empty_head (captioned, parts);

      g_free (text);
      /* After the header section of empty cells, which gets its scope
       * when it is written back. */
      text = plain_th_scope (headless, parts);
    }
  if (strcmp (tag, "blockquote") == 0)
    {
      g_autofree char *inner = plain_inner_paragraphs (text, parts);
      g_autofree char *cited = plain_citation (inner, parts);

      g_free (text);
      text = pulled ? paragraphs_as_blocks (cited, parts) : g_steal_pointer (&cited);
    }
  if (preformatted)
    {
      g_autofree char *lines = plain_pre_breaks (text, parts);

      g_free (text);
      text = g_steal_pointer (&lines);
    }
  {
    /* Preformatted text is a fence in the body, where Markdown has no
     * word for emphasis or links either. */
    g_autofree char *unmarked = _cd_wp_plain_marks (text, preformatted, parts);

    g_free (text);
    text = g_steal_pointer (&unmarked);
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
 * the inline elements Markdown has no word for go back around their
 * words, a link to an address the block linked to gets the block's tag
 * for it, and a character the block wrote as a reference is written so
 * again.
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
  _cd_wp_restore_marks (text, shape);
  for (guint i = 4; shape[i] != NULL && shape[i + 1] != NULL; i += 2)
    if (strcmp (shape[i], CITATION) == 0)
      apply_citation (text, shape[i + 1]);
    else if (strcmp (shape[i], CITATION_BREAK) == 0)
      apply_citation_break (text);
    else if (strcmp (shape[i], EMPTY_HEAD) == 0)
      apply_empty_head (text);
    else if (strcmp (shape[i], TH_SCOPE) == 0)
      apply_th_scope (text);
  _cd_wp_wrap_runs (text, shape);
  for (guint i = 4; shape[i] != NULL && shape[i + 1] != NULL; i += 2)
    if (g_str_has_prefix (shape[i], "<>") || g_str_has_prefix (shape[i], "<@"))
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
