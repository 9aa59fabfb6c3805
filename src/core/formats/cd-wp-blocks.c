/* cd-wp-blocks.c: WordPress block markup, parsed exactly as WordPress 6.1
 * does it.
 *
 * The parser follows WP_Block_Parser (wp-includes/class-wp-block-parser.php)
 * step for step, including what it does with broken markup: a closer with no
 * opener turns the rest of the document into freeform HTML, a closer closes
 * whatever block is open whatever its name, and blocks left open at the end
 * are closed implicitly, innermost first, each at the top level. The
 * delimiter scanner is a hand-written equivalent of WordPress's regular
 * expression.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-blocks"

#include "config.h"

#include <string.h>

#include "cd-wp-blocks-private.h"
#include "cd-wp-blocks.h"

static JsonNode *
empty_attributes (void)
{
  g_autoptr (JsonObject) object = json_object_new ();

  return json_node_init_object (json_node_alloc (), object);
}

/**
 * cd_wp_block_new:
 * @name: (nullable): a block name with its namespace, %NULL for freeform
 * @attrs: (nullable) (transfer full): a JSON object, or %NULL for none
 *
 * Returns: (transfer full): a block with no content yet; attrs default to an
 *   empty object
 */
CdWpBlock *
cd_wp_block_new (const char *name,
                 JsonNode   *attrs)
{
  CdWpBlock *block = g_new0 (CdWpBlock, 1);

  block->name = g_strdup (name);
  block->attrs = attrs != NULL ? attrs : empty_attributes ();
  block->inner_blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_wp_block_free);
  block->inner_html = g_strdup ("");
  block->inner_content = g_ptr_array_new_with_free_func (g_free);
  return block;
}

/**
 * cd_wp_block_get_attrs:
 * @block: a block
 *
 * Returns: (transfer none) (nullable): the block's attributes, or %NULL
 *   when they are not a JSON object (WordPress reads anything else as no
 *   attributes)
 */
JsonObject *
cd_wp_block_get_attrs (const CdWpBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  return block->attrs != NULL && JSON_NODE_HOLDS_OBJECT (block->attrs)
             ? json_node_get_object (block->attrs)
             : NULL;
}

void
cd_wp_block_free (CdWpBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->name);
  g_clear_pointer (&block->attrs, json_node_unref);
  g_ptr_array_unref (block->inner_blocks);
  g_free (block->inner_html);
  g_ptr_array_unref (block->inner_content);
  g_free (block);
}

/**
 * cd_wp_block_append_html:
 * @block: a block
 * @html: HTML
 * @length: its length, or -1
 *
 * Adds a chunk of HTML to the block's innerHTML and innerContent.
 */
void
cd_wp_block_append_html (CdWpBlock  *block,
                         const char *html,
                         gssize      length)
{
  g_autofree char *old = NULL;
  char            *chunk;

  g_return_if_fail (block != NULL && html != NULL);

  chunk = length < 0 ? g_strdup (html) : g_strndup (html, length);
  old = block->inner_html;
  block->inner_html = g_strconcat (old, chunk, NULL);
  g_ptr_array_add (block->inner_content, chunk);
}

/**
 * cd_wp_block_append_inner:
 * @block: a block
 * @inner: (transfer full): a block to nest in it
 *
 * Adds an inner block after the content so far (a %NULL in innerContent).
 */
void
cd_wp_block_append_inner (CdWpBlock *block,
                          CdWpBlock *inner)
{
  g_return_if_fail (block != NULL && inner != NULL);

  g_ptr_array_add (block->inner_blocks, inner);
  g_ptr_array_add (block->inner_content, NULL);
}

/* The delimiter scanner. */

typedef enum
{
  TOKEN_NONE,
  TOKEN_VOID,
  TOKEN_OPENER,
  TOKEN_CLOSER,
} TokenType;

typedef struct
{
  TokenType   type;
  char       *name;
  const char *attrs; /* NULL when the delimiter has none */
  gsize       attrs_length;
  gsize       start;
  gsize       length;
} Token;

/* PCRE's \s without UTF mode: space, \t, \n, \v, \f, \r. */
static inline gboolean
is_space (char c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline gboolean
is_name_start (char c)
{
  return c >= 'a' && c <= 'z';
}

static inline gboolean
is_name_char (char c)
{
  return is_name_start (c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Reads a name (a namespace or a block name) at *@i into [*@start, *@end)
 * and moves *@i past it; FALSE when no name starts there. */
static gboolean
scan_name (const char *doc,
           gsize       length,
           gsize      *i,
           gsize      *start,
           gsize      *end)
{
  if (*i >= length || !is_name_start (doc[*i]))
    return FALSE;
  *start = *i;
  while (*i < length && is_name_char (doc[*i]))
    (*i)++;
  *end = *i;
  return TRUE;
}

static gsize
skip_spaces (const char *doc,
             gsize       length,
             gsize       i)
{
  g_assert (doc != NULL);

  while (i < length && is_space (doc[i]))
    i++;
  return i;
}

/* Whether `\s+\/?-->` matches at @i; sets *@end after it. */
static gboolean
match_delimiter_end (const char *doc,
                     gsize       length,
                     gsize       i,
                     gboolean   *is_void,
                     gsize      *end)
{
  gsize j;

  g_assert (doc != NULL && end != NULL);

  j = skip_spaces (doc, length, i);
  if (j == i)
    return FALSE;
  if (is_void != NULL)
    *is_void = FALSE;
  if (j < length && doc[j] == '/')
    {
      if (is_void != NULL)
        *is_void = TRUE;
      j++;
    }
  if (j + 3 > length || memcmp (doc + j, "-->", 3) != 0)
    return FALSE;
  *end = j + 3;
  return TRUE;
}

/* WordPress's attribute pattern `{(?:(?:[^}]+|}+(?=})|(?!}\s+\/?-->).)*+)?}`
 * is possessive, so it never backtracks: it runs to the first lone "}"
 * that is followed by whitespace and "-->" (or "/-->"). Returns the
 * position of that "}", or @length when there is none. */
static gsize
scan_attributes (const char *doc,
                 gsize       length,
                 gsize       i)
{
  gsize dummy;

  g_assert (doc != NULL);

  while (i < length)
    {
      const char *brace = memchr (doc + i, '}', length - i);
      gsize       run = 0;

      if (brace == NULL)
        return length;
      i = brace - doc;
      while (i + run < length && doc[i + run] == '}')
        run++;
      i += run - 1;
      if (match_delimiter_end (doc, length, i + 1, NULL, &dummy))
        return i;
      i++;
    }
  return length;
}

/* The block delimiter pattern of WP_Block_Parser::next_token(), tried at
 * @p, where "<!--" starts. */
static gboolean
match_token (const char *doc,
             gsize       length,
             gsize       p,
             Token      *token)
{
  gsize       i = p + 4, id1, id1_end, id2 = 0, id2_end = 0, end = 0;
  gboolean    closer = FALSE, is_void = FALSE;
  const char *attrs = NULL;
  gsize       attrs_length = 0;

  g_assert (doc != NULL && token != NULL);

  if (i >= length || !is_space (doc[i]))
    return FALSE;
  i = skip_spaces (doc, length, i);
  if (i < length && doc[i] == '/')
    {
      closer = TRUE;
      i++;
    }
  if (i + 3 > length || memcmp (doc + i, "wp:", 3) != 0)
    return FALSE;
  i += 3;
  if (!scan_name (doc, length, &i, &id1, &id1_end))
    return FALSE;
  if (i < length && doc[i] == '/')
    {
      i++;
      if (!scan_name (doc, length, &i, &id2, &id2_end))
        return FALSE;
    }
  if (i >= length || !is_space (doc[i]))
    return FALSE;
  i = skip_spaces (doc, length, i);

  if (i < length && doc[i] == '{')
    {
      gsize close = scan_attributes (doc, length, i + 1);

      if (close >= length || !match_delimiter_end (doc, length, close + 1, &is_void, &end))
        return FALSE;
      attrs = doc + i;
      attrs_length = close + 1 - i;
    }
  else
    {
      if (i < length && doc[i] == '/')
        {
          is_void = TRUE;
          i++;
        }
      if (i + 3 > length || memcmp (doc + i, "-->", 3) != 0)
        return FALSE;
      end = i + 3;
    }

  /* A bare name is in the core namespace. */
  if (id2 != 0)
    {
      gsize ns = id1_end - id1, n = id2_end - id2;

      token->name = g_malloc (ns + 1 + n + 1);
      memcpy (token->name, doc + id1, ns);
      token->name[ns] = '/';
      memcpy (token->name + ns + 1, doc + id2, n);
      token->name[ns + 1 + n] = '\0';
    }
  else
    {
      gsize n = id1_end - id1;

      token->name = g_malloc (5 + n + 1);
      memcpy (token->name, "core/", 5);
      memcpy (token->name + 5, doc + id1, n);
      token->name[5 + n] = '\0';
    }
  token->attrs = attrs;
  token->attrs_length = attrs_length;
  token->start = p;
  token->length = end - p;
  /* A closer's attributes and void flag are ignored, as WordPress does. */
  token->type = is_void ? TOKEN_VOID : closer ? TOKEN_CLOSER
                                              : TOKEN_OPENER;
  return TRUE;
}

static void
next_token (const char *doc,
            gsize       length,
            gsize       offset,
            Token      *token)
{
  g_assert (doc != NULL && token != NULL);

  memset (token, 0, sizeof *token);
  while (offset + 4 <= length)
    {
      const char *found = memchr (doc + offset, '<', length - offset);

      if (found == NULL || (gsize) (found - doc) + 4 > length)
        break;
      if (memcmp (found, "<!--", 4) != 0)
        {
          offset = found - doc + 1;
          continue;
        }
      if (match_token (doc, length, found - doc, token))
        return;
      offset = found - doc + 1;
    }
  token->type = TOKEN_NONE;
}

/* The attributes as json_decode($json, true) gives them: %NULL when the
 * JSON is not valid. */
static JsonNode *
decode_attributes (const Token *token);

/* A block of the parsed document; its attributes may be %NULL. */
static CdWpBlock *
parsed_block (const Token *token)
{
  CdWpBlock *block = cd_wp_block_new (token->name, NULL);

  g_assert (token != NULL);

  json_node_unref (block->attrs);
  block->attrs = decode_attributes (token);
  return block;
}

static JsonNode *
decode_attributes (const Token *token)
{
  JsonNode *node;

  g_assert (token != NULL);

  if (token->attrs == NULL)
    return empty_attributes ();
  node = _cd_wp_json_decode (token->attrs, token->attrs_length);
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    g_clear_pointer (&node, json_node_unref);
  return node;
}

/* The parser proper, WP_Block_Parser::proceed() and its helpers. */

typedef struct
{
  CdWpBlock *block;
  gsize      token_start;
  gsize      token_length;
  gsize      prev_offset;
  gssize     leading_html_start; /* -1 for none */
} Frame;

typedef struct
{
  const char *doc;
  gsize       length;
  gsize       offset;
  GPtrArray  *output;
  GArray     *stack;
} Parser;

static CdWpBlock *
freeform (Parser *parser,
          gsize   from,
          gsize   to)
{
  CdWpBlock *block = cd_wp_block_new (NULL, NULL);

  g_assert (parser != NULL);

  cd_wp_block_append_html (block, parser->doc + from, to - from);
  block->start = from;
  block->end = to;
  return block;
}

static void
add_freeform (Parser *parser)
{
  g_assert (parser != NULL);

  if (parser->length == parser->offset)
    return;
  g_ptr_array_add (parser->output, freeform (parser, parser->offset, parser->length));
}

static void
add_inner_block (Parser    *parser,
                 CdWpBlock *block,
                 gsize      token_start,
                 gsize      last_offset)
{
  Frame *parent = &g_array_index (parser->stack, Frame, parser->stack->len - 1);
  gsize  n = token_start - parent->prev_offset;

  g_assert (block != NULL);

  if (_cd_wp_php_nonempty (parser->doc + parent->prev_offset, n))
    cd_wp_block_append_html (parent->block, parser->doc + parent->prev_offset, n);
  cd_wp_block_append_inner (parent->block, block);
  parent->prev_offset = last_offset;
}

static void
add_block_from_stack (Parser *parser,
                      gssize  end_offset)
{
  Frame frame = g_array_index (parser->stack, Frame, parser->stack->len - 1);
  gsize end = end_offset >= 0 ? (gsize) end_offset : parser->length;
  gsize n = end - frame.prev_offset;

  g_assert (parser != NULL);

  g_array_set_size (parser->stack, parser->stack->len - 1);
  if (_cd_wp_php_nonempty (parser->doc + frame.prev_offset, n))
    cd_wp_block_append_html (frame.block, parser->doc + frame.prev_offset, n);
  if (frame.leading_html_start >= 0)
    g_ptr_array_add (parser->output,
                     freeform (parser, frame.leading_html_start, frame.token_start));
  g_ptr_array_add (parser->output, frame.block);
}

static gboolean
proceed (Parser *parser)
{
  Token    token;
  guint    depth = parser->stack->len;
  gssize   leading_html_start;
  gboolean more = TRUE;

  g_assert (parser != NULL);

  next_token (parser->doc, parser->length, parser->offset, &token);
  leading_html_start = token.type != TOKEN_NONE && token.start > parser->offset
                           ? (gssize) parser->offset
                           : -1;

  switch (token.type)
    {
    case TOKEN_NONE:
      if (depth == 0)
        add_freeform (parser);
      else
        {
          /* Blocks left open end with the document; each is closed and put
           * at the top level, innermost first, as WordPress does. */
          for (guint i = 0; i < depth; i++)
            {
              Frame *top = &g_array_index (parser->stack, Frame, parser->stack->len - 1);

              top->block->end = parser->length;
              add_block_from_stack (parser, -1);
            }
        }
      more = FALSE;
      break;

    case TOKEN_VOID:
      {
        CdWpBlock *block = parsed_block (&token);

        block->start = token.start;
        block->end = token.start + token.length;
        if (depth == 0)
          {
            if (leading_html_start >= 0)
              g_ptr_array_add (parser->output, freeform (parser, leading_html_start, token.start));
            g_ptr_array_add (parser->output, block);
          }
        else
          add_inner_block (parser, block, token.start, token.start + token.length);
        parser->offset = token.start + token.length;
      }
      break;

    case TOKEN_OPENER:
      {
        Frame frame = {
          .block = parsed_block (&token),
          .token_start = token.start,
          .token_length = token.length,
          .prev_offset = token.start + token.length,
          .leading_html_start = leading_html_start,
        };

        frame.block->start = token.start;
        g_array_append_val (parser->stack, frame);
        parser->offset = token.start + token.length;
      }
      break;

    case TOKEN_CLOSER:
      if (depth == 0)
        {
          add_freeform (parser);
          more = FALSE;
        }
      else if (depth == 1)
        {
          g_array_index (parser->stack, Frame, 0).block->end = token.start + token.length;
          add_block_from_stack (parser, token.start);
          parser->offset = token.start + token.length;
        }
      else
        {
          Frame top = g_array_index (parser->stack, Frame, depth - 1);

          g_array_set_size (parser->stack, depth - 1);
          /* No emptiness check here, unlike the other two places. */
          cd_wp_block_append_html (top.block, parser->doc + top.prev_offset,
                                   token.start - top.prev_offset);
          top.block->end = token.start + token.length;
          add_inner_block (parser, top.block, top.token_start, token.start + token.length);
          parser->offset = token.start + token.length;
        }
      break;

    default:
      g_assert_not_reached ();
    }
  g_free (token.name);
  return more;
}

/**
 * cd_wp_blocks_parse:
 * @document: post content
 * @length: its length in bytes
 *
 * Parses block markup as WordPress's parse_blocks() does.
 *
 * Returns: (transfer container) (element-type CdWpBlock): the top-level
 *   blocks, freeform HTML as blocks with a %NULL name
 */
GPtrArray *
cd_wp_blocks_parse (const char *document,
                    gsize       length)
{
  Parser parser = { 0 };

  g_return_val_if_fail (document != NULL || length == 0, NULL);

  parser.doc = document != NULL ? document : "";
  parser.length = length;
  parser.output = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_wp_block_free);
  parser.stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  while (proceed (&parser))
    ;
  g_array_unref (parser.stack);
  return parser.output;
}

/**
 * cd_wp_blocks_cover:
 * @blocks: (element-type CdWpBlock): top-level blocks of a document
 * @length: the document's length
 *
 * Returns: whether the blocks follow one another over the whole document,
 *   so that their spans, in order, give it back. Only markup with blocks
 *   left open inside other blocks fails this: WordPress then puts each open
 *   block at the top level, each running to the end of the document.
 */
gboolean
cd_wp_blocks_cover (GPtrArray *blocks,
                    gsize      length)
{
  gsize pos = 0;

  g_return_val_if_fail (blocks != NULL, FALSE);

  for (guint i = 0; i < blocks->len; i++)
    {
      CdWpBlock *block = g_ptr_array_index (blocks, i);

      if (block->start != pos)
        return FALSE;
      pos = block->end;
    }
  return pos == length;
}
