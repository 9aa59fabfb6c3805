/* cd-render.c: Markdown to HTML with cmark-gfm, and the article HTML that
 * both the preview and the HTML export show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-render"

#include "config.h"

#include <string.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "cd-image-ref-private.h"
#include "cd-corrections.h"
#include "cd-render.h"
#include "cd-render-private.h"
#include "cd-store.h"
#include "cd-wp-content-private.h"
#include "cd-wp-label.h"

static const char *extension_names[] = {
  "table",
  "strikethrough",
  "autolink",
  "tagfilter",
};

/* Raw HTML is never passed through (no CMARK_OPT_UNSAFE): the body is
 * untrusted text, and cmark-gfm then writes "<!-- raw HTML omitted -->" and
 * drops javascript: links. Smart punctuation stays off so that the text
 * shows as typed. */
static int
render_options (CdRenderFlags flags)
{
  int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

  if (flags & CD_RENDER_SOURCEPOS)
    options |= CMARK_OPT_SOURCEPOS;
  return options;
}

/* cmark-gfm 0.29 spends time quadratic in the brackets of one paragraph
 * when images stay open before links ("![[]()" repeated: 84 s for 600 KB,
 * with the window frozen). No real paragraph holds a thousand links or
 * images, so the brackets of a paragraph with more '[' than that are
 * escaped and shown as typed, and it renders in linear time. Fenced code
 * is left alone: cmark reads no links there. Escaping adds a
 * character before each bracket, so columns in data-sourcepos shift on
 * those lines; lines, which scroll sync uses, do not. */
#define MAX_BRACKETS_PER_PARAGRAPH 1000

static gboolean
is_blank_line (const char *line,
               gsize       length)
{
  g_assert (line != NULL || length == 0);

  for (gsize i = 0; i < length; i++)
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n')
      return FALSE;
  return TRUE;
}

/* The fence a line opens or closes ("```", "~~~~"), as its character and
 * length; 0 when it is none. Only a fence at the line's start opens code
 * here: such a fence belongs to no list or quote whose end could close it
 * unseen, so what is taken for code is code. Any other fence's text is
 * counted with the paragraphs, which at worst escapes brackets in code. */
static gsize
fence_length (const char *line,
              gsize       length,
              gboolean    opening,
              char       *fence_char)
{
  gsize indent = 0;
  gsize n = 0;

  g_assert (line != NULL || length == 0);
  g_assert (fence_char != NULL);

  while (!opening && indent < length && indent < 3 && line[indent] == ' ')
    indent++;
  if (indent >= length || (line[indent] != '`' && line[indent] != '~'))
    return 0;
  while (indent + n < length && line[indent + n] == line[indent])
    n++;
  if (n < 3)
    return 0;
  /* A backtick fence's info string holds no backtick. */
  if (opening && line[indent] == '`' && memchr (line + n, '`', length - n) != NULL)
    return 0;
  *fence_char = line[indent];
  return n;
}

static void
append_escaping_brackets (GString    *out,
                          const char *text,
                          gsize       length)
{
  g_assert (out != NULL);

  for (gsize i = 0; i < length; i++)
    {
      if ((text[i] == '[' || text[i] == ']') && (i == 0 || text[i - 1] != '\\'))
        g_string_append_c (out, '\\');
      g_string_append_c (out, text[i]);
    }
}

/* Returns the text with the brackets of overlong paragraphs escaped, or
 * %NULL when no paragraph needs it (nearly always). */
static char *
defuse_brackets (const char *markdown,
                 gsize       length,
                 gsize      *out_length)
{
  g_autoptr (GString) out = NULL;
  gsize    brackets = 0;
  gsize    paragraph = 0; /* where the current paragraph starts */
  gsize    fence = 0;     /* the open fence's length, 0 outside code */
  char     fence_char = 0;
  gboolean changed = FALSE;

  g_assert (markdown != NULL || length == 0);
  g_assert (out_length != NULL);

  for (gsize i = 0; i < length; i++)
    brackets += markdown[i] == '[';
  if (brackets <= MAX_BRACKETS_PER_PARAGRAPH)
    return NULL;

  out = g_string_sized_new (length + length / 8);
  brackets = 0;
  for (gsize start = 0; start <= length;)
    {
      const char *newline = memchr (markdown + start, '\n', length - start);
      gsize       end = newline != NULL ? (gsize) (newline - markdown) + 1 : length;
      const char *line = markdown + start;
      gsize       line_length = end - start;
      char        c = 0;
      gsize       n = fence_length (line, line_length, fence == 0, &c);
      gboolean    ends_paragraph = start == length || is_blank_line (line, line_length) ||
                                n > 0 || fence > 0;

      if (ends_paragraph)
        {
          /* The paragraph before this line, escaped when it must be. */
          if (brackets > MAX_BRACKETS_PER_PARAGRAPH)
            {
              append_escaping_brackets (out, markdown + paragraph, start - paragraph);
              changed = TRUE;
            }
          else
            g_string_append_len (out, markdown + paragraph, start - paragraph);
          g_string_append_len (out, line, line_length);
          brackets = 0;
          paragraph = end;
          if (fence == 0 && n > 0)
            {
              fence = n;
              fence_char = c;
            }
          else if (fence > 0 && n >= fence && c == fence_char)
            fence = 0;
        }
      else
        for (gsize i = 0; i < line_length; i++)
          brackets += line[i] == '[';
      if (start == length)
        break;
      start = end;
    }
  if (!changed)
    return NULL;
  *out_length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
row_is_empty (cmark_node *row)
{
  g_assert (row != NULL);

  for (cmark_node *cell = cmark_node_first_child (row); cell != NULL; cell = cmark_node_next (cell))
    if (cmark_node_first_child (cell) != NULL)
      return FALSE;
  return TRUE;
}

/**
 * _cd_render_drop_empty_heads:
 * @document: a parsed body
 *
 * Takes out of @document's tables a header row of empty cells above other
 * rows: Markdown needs a header row, and one left empty stands for a table
 * without a header (as the block editor makes a table), which every
 * output writes so, the preview, the exports and the post alike.
 */
void
_cd_render_drop_empty_heads (cmark_node *document)
{
  g_autoptr (GPtrArray) empty = g_ptr_array_new ();
  cmark_iter      *iter = cmark_iter_new (document);
  cmark_event_type event;

  g_assert (document != NULL);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node *head = cmark_node_first_child (node);

      if (event == CMARK_EVENT_ENTER && strcmp (cmark_node_get_type_string (node), "table") == 0 &&
          head != NULL && cmark_gfm_extensions_get_table_row_is_header (head) &&
          cmark_node_next (head) != NULL && row_is_empty (head))
        g_ptr_array_add (empty, head);
    }
  cmark_iter_free (iter);
  for (guint i = 0; i < empty->len; i++)
    cmark_node_free (g_ptr_array_index (empty, i));
}

/* Gives each table of @document with a caption (a paragraph "Table: …"
 * right after it, see _cd_wp_table_caption()) its caption as WordPress
 * shows it: without "Table: ", and unless @plain, in a figure with the
 * table. */
static void
caption_tables (cmark_node *document,
                gboolean    plain)
{
  g_assert (document != NULL);

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      cmark_node      *caption = _cd_wp_table_caption (node);
      cmark_node      *figure, *text;
      g_autofree char *words = NULL;

      if (caption == NULL)
        continue;
      words = g_strdup (cmark_node_get_literal (cmark_node_first_child (caption)) + strlen (CD_WP_TABLE_CAPTION));
      cmark_node_set_literal (cmark_node_first_child (caption), words);
      if (plain)
        {
          node = caption;
          continue;
        }
      figure = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);
      cmark_node_set_on_enter (figure, "<figure class=\"table\">\n");
      cmark_node_set_on_exit (figure, "</figure>\n");
      text = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);
      cmark_node_set_on_enter (text, "<figcaption>\n");
      cmark_node_set_on_exit (text, "</figcaption>\n");
      cmark_node_insert_before (node, figure);
      cmark_node_append_child (figure, node);
      cmark_node_append_child (text, caption);
      cmark_node_append_child (figure, text);
      node = figure;
    }
}

/* The mark of a paragraph that is a table's caption. */
static const char caption_mark;

/**
 * _cd_render_mark_captions:
 * @document: a body parsed from @source
 * @source: the Markdown fed to the parser
 * @length: its length
 *
 * Marks as a caption each paragraph right after a table of @document that
 * is written starting with "Table: " (CD_WP_TABLE_CAPTION, see
 * _cd_wp_table_caption()); one written "Table\: " reads the same but is
 * no caption, as a paragraph of a post that starts so is shown.
 */
void
_cd_render_mark_captions (cmark_node *document,
                          const char *source,
                          gsize       length)
{
  g_assert (document != NULL && source != NULL);

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      cmark_node *next = cmark_node_next (node);
      const char *at = source, *end = source + length;
      int         line;

      if (strcmp (cmark_node_get_type_string (node), "table") != 0 || next == NULL ||
          cmark_node_get_type (next) != CMARK_NODE_PARAGRAPH)
        continue;
      for (line = 1; line < cmark_node_get_start_line (next) && at != NULL; line++)
        at = memchr (at, '\n', end - at), at = at != NULL ? at + 1 : NULL;
      if (at == NULL || cmark_node_get_start_column (next) < 1 ||
          (gsize) (end - at) < cmark_node_get_start_column (next) - 1 + strlen (CD_WP_TABLE_CAPTION))
        continue;
      at += cmark_node_get_start_column (next) - 1;
      if (strncmp (at, CD_WP_TABLE_CAPTION, strlen (CD_WP_TABLE_CAPTION)) == 0)
        cmark_node_set_user_data (next, (void *) &caption_mark);
    }
}

/**
 * _cd_render_is_caption:
 * @paragraph: a paragraph node
 *
 * Returns: whether _cd_render_mark_captions() marked @paragraph
 */
gboolean
_cd_render_is_caption (cmark_node *paragraph)
{
  return cmark_node_get_user_data (paragraph) == &caption_mark;
}

static cmark_node *
parse_markdown (const char    *markdown,
                gsize          length,
                int            options,
                cmark_parser **parser_out)
{
  g_autofree char *defused = NULL;
  gsize            defused_length = 0;
  cmark_parser    *parser;
  cmark_node      *document;

  cmark_gfm_core_extensions_ensure_registered ();
  parser = cmark_parser_new (options);
  for (guint i = 0; i < G_N_ELEMENTS (extension_names); i++)
    {
      cmark_syntax_extension *ext = cmark_find_syntax_extension (extension_names[i]);

      g_assert (ext != NULL);
      cmark_parser_attach_syntax_extension (parser, ext);
    }
  defused = defuse_brackets (markdown, length, &defused_length);
  if (defused != NULL)
    cmark_parser_feed (parser, defused, defused_length);
  else
    cmark_parser_feed (parser, markdown, length);
  *parser_out = parser;
  document = cmark_parser_finish (parser);
  _cd_render_drop_empty_heads (document);
  _cd_render_mark_captions (document, defused != NULL ? defused : markdown,
                            defused != NULL ? defused_length : length);
  return document;
}

static void append_escaped (GString *out, const char *text);

static gboolean
is_wordpress_fence (cmark_node *node)
{
  g_assert (node != NULL);

  return cmark_node_get_type (node) == CMARK_NODE_CODE_BLOCK &&
         cd_wp_is_fence_info (cmark_node_get_fence_info (node));
}

/* The box that stands for a block kept as WordPress markup: its label and
 * the alt text of its images, every word escaped. Nothing of the markup
 * itself runs, and no image is fetched: the preview has its own policy
 * for remote resources. */
static char *
wordpress_box (cmark_node   *node,
               CdRenderFlags flags)
{
  const char      *markup = cmark_node_get_literal (node);
  g_autofree char *label = cd_wp_block_label (markup != NULL ? markup : "", -1);
  g_autoptr (GPtrArray) alts = cd_wp_block_image_alts (markup != NULL ? markup : "", -1);
  GString *out = g_string_new ("<figure class=\"cd-wp-block\"");
  guint    shown = 0;

  g_assert (node != NULL);

  if (flags & CD_RENDER_SOURCEPOS)
    g_string_append_printf (out, " data-sourcepos=\"%d:%d-%d:%d\"",
                            cmark_node_get_start_line (node), cmark_node_get_start_column (node),
                            cmark_node_get_end_line (node), cmark_node_get_end_column (node));
  g_string_append (out, ">\n<figcaption class=\"cd-wp-block-label\">");
  append_escaped (out, label);
  g_string_append (out, "</figcaption>\n");
  for (guint i = 0; i < alts->len; i++)
    {
      const char *alt = g_ptr_array_index (alts, i);

      if (*alt == '\0')
        continue;
      if (shown++ == 0)
        g_string_append (out, "<ul class=\"cd-wp-block-alts\">\n");
      g_string_append (out, "<li>");
      append_escaped (out, alt);
      g_string_append (out, "</li>\n");
    }
  if (shown > 0)
    g_string_append (out, "</ul>\n");
  g_string_append (out, "</figure>\n");
  return g_string_free (out, FALSE);
}

/* The HTML that stands for a fence the reader does not see as code: a
 * `wordpress` fence's box or an `image` fence's figure; %NULL for code. */
static char *
fence_html (cmark_node   *node,
            CdRenderFlags flags)
{
  g_assert (node != NULL);

  if (is_wordpress_fence (node))
    return wordpress_box (node, flags);
  if (_cd_image_ref_is_fence (node))
    return _cd_image_ref_figure (node, (flags & CD_RENDER_SOURCEPOS) != 0);
  return NULL;
}

/* Replaces each `wordpress` fence by its box and each `image` fence by its
 * figure, written as they are, or with @drop, removes them: a block's
 * markup and an image's keys are not text a reader reads. */
static void
replace_fences (cmark_node   *doc,
                CdRenderFlags flags,
                gboolean      drop)
{
  g_autoptr (GPtrArray) fences = g_ptr_array_new ();
  g_autoptr (GPtrArray) htmls = g_ptr_array_new_with_free_func (g_free);
  cmark_iter      *iter = cmark_iter_new (doc);
  cmark_event_type event;

  g_assert (doc != NULL);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      char *html;

      if (event == CMARK_EVENT_ENTER &&
          (html = fence_html (cmark_iter_get_node (iter), flags)) != NULL)
        {
          g_ptr_array_add (fences, cmark_iter_get_node (iter));
          g_ptr_array_add (htmls, html);
        }
    }
  cmark_iter_free (iter);

  for (guint i = 0; i < fences->len; i++)
    {
      cmark_node *fence = g_ptr_array_index (fences, i);

      if (!drop)
        {
          cmark_node *box = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);

          cmark_node_set_on_enter (box, g_ptr_array_index (htmls, i));
          cmark_node_insert_before (fence, box);
        }
      cmark_node_free (fence);
    }
}

/* Which end of a layout block the top-level @node is, when it is a
 * `wordpress` fence holding one (see cd_wp_fence_end()). */
static CdWpFenceEnd
fence_end (cmark_node *node)
{
  const char *markup;

  g_assert (node != NULL);

  if (!is_wordpress_fence (node) || (markup = cmark_node_get_literal (node)) == NULL)
    return CD_WP_FENCE_WHOLE;
  return cd_wp_fence_end (markup, -1, NULL);
}

/* Whether @node, the opening end of a layout block, opens a gallery. */
static gboolean
is_gallery (cmark_node *node)
{
  g_autofree char *name = NULL;

  g_assert (node != NULL);

  cd_wp_fence_end (cmark_node_get_literal (node), -1, &name);
  return g_strcmp0 (name, "core/gallery") == 0;
}

/* Frames what stands between the two ends of each layout block of
 * @document (a box of key facts, a column) with the ends, in a box of its
 * own, as the site shows the text inside the block; ends without their
 * other end are left as they are. */
static void
frame_layout_blocks (cmark_node *document)
{
  g_autoptr (GPtrArray) open = g_ptr_array_new ();

  g_assert (document != NULL);

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      CdWpFenceEnd end = fence_end (node);
      cmark_node  *frame, *head, *next;

      if (end == CD_WP_FENCE_OPENING)
        g_ptr_array_add (open, node);
      if (end != CD_WP_FENCE_CLOSING || open->len == 0)
        continue;
      head = g_ptr_array_steal_index (open, open->len - 1);
      frame = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);
      /* A gallery's pictures stand side by side, as the site shows them. */
      cmark_node_set_on_enter (frame, is_gallery (head) ? "<div class=\"cd-wp-layout cd-wp-gallery\">\n"
                                                        : "<div class=\"cd-wp-layout\">\n");
      cmark_node_set_on_exit (frame, "</div>\n");
      cmark_node_insert_before (head, frame);
      for (cmark_node *moved = head; moved != NULL; moved = next)
        {
          next = moved == node ? NULL : cmark_node_next (moved);
          cmark_node_append_child (frame, moved);
        }
      node = frame;
    }
}

/* Parses @markdown (%NULL is empty; a negative @length means it ends with a
 * NUL) into the document the renderers write: tables captioned, layout
 * blocks framed (not in @plain text) and fences replaced. */
static cmark_node *
build_document (const char    *markdown,
                gssize         length,
                CdRenderFlags  flags,
                gboolean       plain,
                cmark_parser **parser_out)
{
  cmark_node *doc;

  g_assert (parser_out != NULL);

  if (markdown == NULL)
    markdown = "";
  if (length < 0)
    length = strlen (markdown);

  doc = parse_markdown (markdown, length, render_options (flags), parser_out);
  caption_tables (doc, plain);
  if (!plain)
    frame_layout_blocks (doc);
  replace_fences (doc, flags, plain);
  return doc;
}

/* Renders @markdown as HTML, or as the plain text a reader sees when
 * @plain is set. */
static char *
render (const char   *markdown,
        gssize        length,
        CdRenderFlags flags,
        gboolean      plain)
{
  cmark_mem    *mem = cmark_get_default_mem_allocator ();
  cmark_parser *parser = NULL;
  cmark_node   *doc;
  int           options = render_options (flags);
  char         *out, *copy;

  doc = build_document (markdown, length, flags, plain, &parser);
  if (plain)
    out = cmark_render_plaintext_with_mem (doc, options, 0, mem);
  else
    out = cmark_render_html_with_mem (doc, options, cmark_parser_get_syntax_extensions (parser),
                                      mem);
  /* cmark writes a code point it takes for invalid (a noncharacter such as
   * U+FFFF, which is valid UTF-8) as a lone 0xFF byte; the text a reader
   * sees gets U+FFFD there instead. */
  if (plain && !g_utf8_validate (out, -1, NULL))
    copy = g_utf8_make_valid (out, -1);
  else
    copy = g_strdup (out);
  mem->free (out);
  cmark_node_free (doc);
  cmark_parser_free (parser);
  return copy;
}

/**
 * cd_render_markdown:
 * @markdown: CommonMark with GFM tables, strikethrough and autolinks
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @flags: %CD_RENDER_SOURCEPOS adds data-sourcepos attributes
 *
 * A fence with the info string `wordpress` (a WordPress block kept as it
 * is) is shown as a labelled box, never as its markup; an `image` fence
 * as its figure (cd_image_figure_html()).
 *
 * Returns: (transfer full): an HTML fragment
 */
char *
cd_render_markdown (const char   *markdown,
                    gssize        length,
                    CdRenderFlags flags)
{
  return render (markdown, length, flags, FALSE);
}

/**
 * cd_render_markdown_blocks:
 * @markdown: as for cd_render_markdown()
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @flags: as for cd_render_markdown()
 *
 * Renders each top-level block of @markdown (a paragraph, a heading, a
 * list, a table, a framed layout block) on its own, so that a view can
 * replace only the blocks an edit changed. Joined, they are what
 * cd_render_markdown() returns.
 *
 * Returns: (transfer full): the HTML of each block, in order
 */
GStrv
cd_render_markdown_blocks (const char   *markdown,
                           gssize        length,
                           CdRenderFlags flags)
{
  cmark_mem    *mem = cmark_get_default_mem_allocator ();
  cmark_parser *parser = NULL;
  cmark_llist  *extensions;
  cmark_node   *doc;
  int           options = render_options (flags);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  doc = build_document (markdown, length, flags, FALSE, &parser);
  extensions = cmark_parser_get_syntax_extensions (parser);
  for (cmark_node *node = cmark_node_first_child (doc); node != NULL; node = cmark_node_next (node))
    {
      char *out = cmark_render_html_with_mem (node, options, extensions, mem);

      g_strv_builder_add (builder, out);
      mem->free (out);
    }
  cmark_node_free (doc);
  cmark_parser_free (parser);
  return g_strv_builder_end (builder);
}

/**
 * cd_render_plain_text:
 * @markdown: Markdown
 * @length: its length in bytes, or -1 when it ends with a NUL
 *
 * Returns: (transfer full): the text a reader sees, without markup; a
 *   `wordpress` fence (a block kept as markup) and an `image` fence give
 *   no text
 */
char *
cd_render_plain_text (const char *markdown,
                      gssize      length)
{
  return g_strstrip (render (markdown, length, CD_RENDER_NONE, TRUE));
}

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/**
 * cd_html_escape:
 * @text: (nullable): plain text
 *
 * Escapes & < > " and ' so that @text is safe in element content and in
 * quoted attribute values.
 *
 * Returns: (transfer full): the escaped text, "" for %NULL
 */
char *
cd_html_escape (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (text) + 16);
  append_escaped (out, text);
  return g_string_free (out, FALSE);
}

static gboolean
nonempty (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
append_element (GString    *out,
                const char *tag,
                const char *klass,
                const char *field,
                const char *text)
{
  if (!nonempty (text))
    return;
  g_string_append_printf (out, "<%s class=\"%s\" data-field=\"%s\">", tag, klass, field);
  append_escaped (out, text);
  g_string_append_printf (out, "</%s>\n", tag);
}

/* Appends @text, escaped, between @open and @close, after a space when
 * @spaced (it follows other text); nothing when it is empty. */
static void
append_span (GString    *out,
             gboolean    spaced,
             const char *open,
             const char *text,
             const char *close)
{
  if (!nonempty (text))
    return;
  if (spaced)
    g_string_append_c (out, ' ');
  g_string_append (out, open);
  append_escaped (out, text);
  g_string_append (out, close);
}

/* A local image becomes a file: URI; a remote one stays as it is, and any
 * other scheme (javascript:, data:) is not shown at all. */
static char *
image_uri (const char *image)
{
  g_autofree char *scheme = g_uri_parse_scheme (image);

  /* An image in the store, by its id: the preview serves the scheme. */
  if (cd_image_id_is_valid (image))
    return g_strconcat (CD_IMAGE_URI_SCHEME ":", image, NULL);
  if (scheme != NULL)
    {
      if (g_ascii_strcasecmp (scheme, "file") == 0 || g_ascii_strcasecmp (scheme, "http") == 0 ||
          g_ascii_strcasecmp (scheme, "https") == 0)
        return g_strdup (image);
      return NULL;
    }
  if (g_path_is_absolute (image))
    return g_filename_to_uri (image, NULL, NULL);
  return g_uri_escape_string (image, "/", TRUE);
}

static void
append_embargo (GString   *out,
                GDateTime *embargo)
{
  g_autofree char *when = NULL;
  g_autofree char *iso = NULL;

  if (embargo == NULL)
    return;
  /* HTML wants the offset as "+09:00" (or "Z"), not the "+09" of
   * g_date_time_format_iso8601(). */
  {
    /* Whole seconds: an embargo is not that precise. */
    g_autoptr (GDateTime) whole =
        g_date_time_add (embargo, -(GTimeSpan) g_date_time_get_microsecond (embargo));

    iso = cd_format_iso8601 (whole);
  }
  if (g_date_time_get_utc_offset (embargo) == 0)
    when = g_date_time_format (embargo, "%-d %B %Y, %H:%M UTC");
  else
    when = g_date_time_format (embargo, "%-d %B %Y, %H:%M UTC%:z");
  g_string_append (out, "<p class=\"cd-embargo\" role=\"note\" data-field=\"embargo\">"
                        "Embargoed until <time datetime=\"");
  append_escaped (out, iso);
  g_string_append (out, "\">");
  append_escaped (out, when);
  g_string_append (out, "</time></p>\n");
}

/**
 * cd_render_article:
 * @article: an article
 * @flags: as for cd_render_markdown(), applied to the body
 *
 * Builds the article element the preview and the HTML export share: the
 * embargo banner, headline, standfirst, byline and dateline (every one
 * HTML-escaped), the featured image with its caption and credit, then the
 * body rendered from Markdown. The internal note is never shown.
 *
 * Returns: (transfer full): `<article class="cd-article">…</article>`
 */
char *
cd_render_article (CdArticle    *article,
                   CdRenderFlags flags)
{
  g_autofree char *body = NULL;
  g_autofree char *corrections = NULL;
  const char      *language, *image, *dateline, *source;
  GString         *out;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  body = cd_render_markdown (cd_article_get_body (article), -1, flags);
  out = g_string_sized_new (strlen (body) + 1024);

  g_string_append (out, "<article class=\"cd-article\"");
  language = cd_article_get_language (article);
  if (nonempty (language))
    {
      g_string_append (out, " lang=\"");
      append_escaped (out, language);
      g_string_append_c (out, '"');
    }
  g_string_append (out, ">\n<header class=\"cd-article-header\">\n");

  append_embargo (out, cd_article_get_embargo (article));
  append_element (out, "h1", "cd-headline", "headline", cd_article_get_headline (article));
  append_element (out, "p", "cd-dek", "dek", cd_article_get_dek (article));
  append_element (out, "p", "cd-byline", "byline", cd_article_get_byline (article));

  dateline = cd_article_get_dateline (article);
  source = cd_article_get_source (article);
  if (nonempty (dateline) || nonempty (source))
    {
      g_string_append (out, "<p class=\"cd-dateline\" data-field=\"dateline\">");
      if (nonempty (dateline))
        append_escaped (out, dateline);
      append_span (out, nonempty (dateline), "<span class=\"cd-source\">(", source, ")</span>");
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</header>\n");

  image = cd_article_get_image (article);
  /* A caption and credit without an image file (as wire copy brings them)
   * are still shown, so that the desk sees them. */
  if (nonempty (image) || nonempty (cd_article_get_image_caption (article)) ||
      nonempty (cd_article_get_image_credit (article)))
    {
      g_autofree char *uri = nonempty (image) ? image_uri (image) : NULL;
      const char      *caption = cd_article_get_image_caption (article);
      const char      *credit = cd_article_get_image_credit (article);
      const char      *alt = cd_article_get_image_alt (article);

      /* Without alt text of its own the caption describes the picture;
       * cd-own-alt tells an import which of the two the img's alt is. */
      g_string_append_printf (out, "<figure class=\"cd-featured-image%s%s\" data-field=\"image\">\n",
                              uri != NULL ? "" : " cd-no-image", alt != NULL ? " cd-own-alt" : "");
      if (uri != NULL)
        {
          g_string_append (out, "<img src=\"");
          append_escaped (out, uri);
          g_string_append (out, "\" alt=\"");
          append_escaped (out, alt != NULL ? alt : nonempty (caption) ? caption
                                                                      : "");
          g_string_append (out, "\">\n");
        }
      if (nonempty (caption) || nonempty (credit))
        {
          g_string_append (out, "<figcaption>");
          append_span (out, FALSE, "<span class=\"cd-caption\">", caption, "</span>");
          append_span (out, nonempty (caption), "<span class=\"cd-credit\">", credit, "</span>");
          g_string_append (out, "</figcaption>\n");
        }
      g_string_append (out, "</figure>\n");
    }

  g_string_append (out, "<div class=\"cd-body\" data-field=\"body\">\n");
  g_string_append (out, body);
  g_string_append (out, "</div>\n");
  corrections = cd_corrections_to_html (article);
  if (corrections != NULL)
    g_string_append (out, corrections);
  g_string_append (out, "</article>\n");
  return g_string_free (out, FALSE);
}
