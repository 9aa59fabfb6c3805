/* test-wp-blocks.c: the block parser and serializer against WordPress's
 * own, on every fixture in tests/data/blocks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-test-wp-oracle.h"
#include "cd-wp-blocks.h"

/* Each of @fixtures parses into the blocks WordPress's parse_blocks()
 * finds, and serializes as its serialize_blocks() does. */
static void
parse_like_wordpress (GPtrArray *fixtures)
{
  for (guint f = 0; f < fixtures->len; f++)
    {
      const char      *name = g_ptr_array_index (fixtures, f);
      gsize            length;
      g_autofree char *content = cd_test_block_fixture (name, &length);
      g_autoptr (JsonNode) oracle = cd_test_oracle_parse (content, length);
      JsonObject *root = json_node_get_object (oracle);
      JsonArray  *php = json_object_get_array_member (root, "blocks");
      g_autoptr (GPtrArray) mine = cd_wp_blocks_parse (content, length);
      g_autofree char *serialized = cd_wp_blocks_serialize (mine);

      g_test_message ("%s: %u top-level blocks", name, mine->len);
      g_assert_cmpuint (json_array_get_length (php), ==, mine->len);
      for (guint i = 0; i < mine->len; i++)
        {
          g_autofree char *where = g_strdup_printf ("%s: block %u", name, i);

          cd_test_assert_block (json_array_get_object_element (php, i),
                                g_ptr_array_index (mine, i), where);
        }
      g_assert_cmpstr (serialized, ==, json_object_get_string_member (root, "serialized"));
    }
}

static void
test_fixtures_parse (void)
{
  g_autoptr (GPtrArray) fixtures = cd_test_block_fixtures ();
  const char *missing = cd_test_oracle_missing ();

  if (missing != NULL)
    {
      g_test_skip (missing);
      return;
    }
  g_assert_cmpuint (fixtures->len, >=, 10);
  parse_like_wordpress (fixtures);
}

/* WordPress's own markup: the templates and parts of its block themes. */
static void
test_wordpress_themes_parse (void)
{
  g_autoptr (GPtrArray) paths = cd_test_wordpress_theme_markup ();

  if (paths == NULL)
    return;
  parse_like_wordpress (paths);
}

/* Every block knows its bytes: on well-formed markup the top-level spans
 * follow one another over the whole document, and each nested block's span
 * sits inside its parent's. */
static void
check_spans (GPtrArray  *blocks,
             const char *content,
             gsize       from,
             gsize       to)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      CdWpBlock *block = g_ptr_array_index (blocks, i);

      g_assert_cmpuint (block->start, >=, from);
      g_assert_cmpuint (block->end, <=, to);
      g_assert_cmpuint (block->start, <, block->end);
      if (block->name != NULL)
        g_assert_true (strncmp (content + block->start, "<!-- wp:", 8) == 0);
      check_spans (block->inner_blocks, content, block->start, block->end);
    }
}

static void
test_fixtures_spans (void)
{
  g_autoptr (GPtrArray) fixtures = cd_test_block_fixtures ();

  for (guint f = 0; f < fixtures->len; f++)
    {
      const char      *name = g_ptr_array_index (fixtures, f);
      gsize            length, pos = 0;
      g_autofree char *content = cd_test_block_fixture (name, &length);
      g_autoptr (GPtrArray) blocks = cd_wp_blocks_parse (content, length);

      check_spans (blocks, content, 0, length);
      if (g_str_has_prefix (name, "malformed-nested"))
        continue;
      for (guint i = 0; i < blocks->len; i++)
        {
          CdWpBlock *block = g_ptr_array_index (blocks, i);

          g_assert_cmpuint (block->start, ==, pos);
          pos = block->end;
        }
      g_assert_cmpuint (pos, ==, length);
    }
}

static JsonNode *
json (const char *text)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static void
add_json_block (JsonBuilder     *builder,
                const CdWpBlock *block)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "blockName");
  if (block->name != NULL)
    json_builder_add_string_value (builder, block->name);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "attrs");
  json_builder_add_value (builder, json_node_copy (block->attrs));
  json_builder_set_member_name (builder, "innerBlocks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < block->inner_blocks->len; i++)
    add_json_block (builder, g_ptr_array_index (block->inner_blocks, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "innerHTML");
  json_builder_add_string_value (builder, block->inner_html);
  json_builder_set_member_name (builder, "innerContent");
  json_builder_begin_array (builder);
  for (guint i = 0; i < block->inner_content->len; i++)
    {
      const char *chunk = g_ptr_array_index (block->inner_content, i);

      if (chunk != NULL)
        json_builder_add_string_value (builder, chunk);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* New blocks, built here, serialize as serialize_blocks() writes them:
 * attribute JSON with "--", "<", ">", "&", \" escaped, slashes and
 * Unicode as they are, U+2028 escaped, floats as PHP prints them, empty
 * objects as [], and a block without content as a void delimiter. */
static void
test_serialize_new (void)
{
  static const char *const attrs[] = {
    "{\"level\":3}",
    "{}",
    "{\"a\":\"--> <b> & \\\"q\\\" / ünï \u2028 \\\\\"}",
    "{\"x\":0.5,\"y\":1.0,\"big\":1e25,\"small\":0.00001,\"n\":-3,\"t\":true,\"z\":null}",
    "{\"list\":[1,{},[]],\"o\":{\"0\":\"a\",\"1\":\"b\"},\"p\":{\"1\":\"a\"},\"e\":{}}",
    "{\"s\":\"a---b----c\",\"ctl\":\"\\u0001\\t\\n\"}",
  };
  g_autoptr (GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_wp_block_free);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *input = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *mine = NULL;
  const char      *missing = cd_test_oracle_missing ();

  for (guint i = 0; i < G_N_ELEMENTS (attrs); i++)
    {
      CdWpBlock *block = cd_wp_block_new (i % 2 ? "acme/widget" : "core/heading", json (attrs[i]));

      if (i != 1)
        {
          CdWpBlock *inner = cd_wp_block_new ("core/paragraph", NULL);

          cd_wp_block_append_html (inner, "\n<p>x</p>\n", -1);
          cd_wp_block_append_html (block, "\n<div>", -1);
          cd_wp_block_append_inner (block, inner);
          cd_wp_block_append_html (block, "</div>\n", -1);
        }
      g_ptr_array_add (blocks, block);
    }
  g_ptr_array_add (blocks, cd_wp_block_new ("core/separator", NULL));
  {
    CdWpBlock *zero = cd_wp_block_new ("core/paragraph", NULL);

    cd_wp_block_append_html (zero, "0", -1);
    g_ptr_array_add (blocks, zero);
  }
  mine = cd_wp_blocks_serialize (blocks);
  g_assert_nonnull (strstr (mine, "<!-- wp:heading {\"level\":3} -->\n<div>"));
  g_assert_nonnull (strstr (mine, "<!-- wp:separator /-->"));
  g_assert_nonnull (strstr (mine, "\\u002d\\u002d\\u003e \\u003cb\\u003e \\u0026 \\u0022q\\u0022"));
  if (missing != NULL)
    {
      g_test_skip (missing);
      return;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < blocks->len; i++)
    add_json_block (builder, g_ptr_array_index (blocks, i));
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  input = json_to_string (root, FALSE);
  expected = cd_test_oracle_run ("serialize", input, strlen (input));
  g_assert_cmpstr (mine, ==, expected);

  /* And what was written parses back to the same blocks. */
  {
    g_autoptr (JsonNode) oracle = cd_test_oracle_parse (mine, strlen (mine));
    JsonArray *php = json_object_get_array_member (json_node_get_object (oracle), "blocks");
    g_autoptr (GPtrArray) parsed = cd_wp_blocks_parse (mine, strlen (mine));

    g_assert_cmpuint (json_array_get_length (php), ==, parsed->len);
    for (guint i = 0; i < parsed->len; i++)
      cd_test_assert_block (json_array_get_object_element (php, i),
                            g_ptr_array_index (parsed, i), "serialized");
  }
}

/* Delimiter edge cases, each against WordPress. */
static void
test_delimiters (void)
{
  static const char *const cases[] = {
    "",
    "plain text, no blocks",
    "<!-- wp:p -->0<!-- /wp:p -->",
    "<!-- wp:a --><!-- wp:b -->0<!-- /wp:b --><!-- /wp:a -->",
    "<!-- wp:a --><!-- wp:b --><!-- /wp:b --><!-- /wp:a -->",
    "x<!-- wp:a -->y<!-- wp:b -->z",
    "<!-- wp:a {\"k\":\"}\"} /--><!-- wp:a {\"k\":\"} -->\"} /-->",
    "<!-- wp:a {\"k\":\"}}} /-->\"} /-->",
    "<!-- wp:a {} /--><!-- wp:a { } /--><!-- wp:a {\n\"x\":1\n}\n/-->",
    "<!--\twp:a\t/--><!--wp:a /--><!-- wp:a/--><!-- wp:a  -->x<!-- /wp:a -->",
    "<!-- wp:ns/name-1_x /--><!-- wp:ns/ /--><!-- wp:1a /--><!-- wp:a/b/c /-->",
    "<!-- wp:a -->x<!-- /wp:a {\"ignored\":1} /-->y",
    "<!-- wp:a {\"a\":1} --><!-- wp:b -->",
    "a<!-- /wp:a -->b<!-- wp:c /-->",
    "<!-- wp:a {\"unterminated\":1 /-->",
    "<!-- wp:a {\"x\":[1,2,{\"y\":{}}]} /-->",
    "<!-- wp:a {\"0\":\"zero\",\"1\":\"one\"} /-->",
    /* JSON WordPress refuses, and JSON it reads its own way. */
    "<!-- wp:a {'a':1} /--><!-- wp:a {\"a\":01} /--><!-- wp:a {\"a\":.5} /-->",
    "<!-- wp:a {\"a\":true /* c */} /--><!-- wp:a {\"a\":\"x\ty\"} /--><!-- wp:a {\"a\":1,} /-->",
    "<!-- wp:a {\"a\":\"\\ud800\"} /--><!-- wp:a {\"a\":\"\\ud83d\\ude00 \\u00e9\"} /-->",
    "<!-- wp:a {\"a\":12345678901234567890,\"b\":-9223372036854775808} /-->",
    "<!-- wp:a {\"a\":-0,\"b\":-0.0,\"c\":1E+2} /-->",
    "<!-- wp:a {\"a\":1,\"a\":2,\"b\":3} /--><!-- wp:a {\"\":\"empty key\"} /-->",
    "<!-- wp:a {\"a\":\"\xff\"} /-->",
  };
  const char *missing = cd_test_oracle_missing ();

  if (missing != NULL)
    {
      g_test_skip (missing);
      return;
    }
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const char *content = cases[c];
      g_autoptr (JsonNode) oracle = cd_test_oracle_parse (content, strlen (content));
      JsonObject *root = json_node_get_object (oracle);
      JsonArray  *php = json_object_get_array_member (root, "blocks");
      g_autoptr (GPtrArray) mine = cd_wp_blocks_parse (content, strlen (content));
      g_autofree char *serialized = cd_wp_blocks_serialize (mine);

      {
        /* Escaped: a case may hold bytes that are not UTF-8, which the
         * test log must not carry raw. */
        g_autofree char *shown = g_strescape (content, NULL);

        g_test_message ("case %u: %s", c, shown);
      }
      g_assert_cmpuint (json_array_get_length (php), ==, mine->len);
      for (guint i = 0; i < mine->len; i++)
        cd_test_assert_block (json_array_get_object_element (php, i), g_ptr_array_index (mine, i),
                              content);
      g_assert_cmpstr (serialized, ==, json_object_get_string_member (root, "serialized"));
    }
}

/* Random documents made of delimiter pieces, broken and whole, each read
 * as WordPress reads it. */
static void
test_random_documents (void)
{
  static const char *const pieces[] = {
    "<!-- wp:a -->",
    "<!-- /wp:a -->",
    "<!-- wp:b {\"x\":1} -->",
    "<!-- /wp:b -->",
    "<!-- wp:c /-->",
    "<!-- wp:ns/d {\"k\":\"}\"} /-->",
    "<!-- wp:e {\"y\":{\"z\":[]}} -->",
    "<!-- /wp:e -->",
    "<!--",
    "-->",
    "}",
    "} -->",
    "{",
    " ",
    "\n",
    "0",
    "text",
    "<p>",
    "</p>",
    "<!-- wp:",
    "/-->",
    "<!-- wp:f {bad} -->",
    "\"",
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (61);
  const char *missing = cd_test_oracle_missing ();

  if (missing != NULL)
    {
      g_test_skip (missing);
      return;
    }
  for (guint d = 0; d < 30; d++)
    {
      g_autoptr (GString) doc = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 1, 40);

      for (guint i = 0; i < n; i++)
        g_string_append (doc, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      {
        g_autoptr (JsonNode) oracle = cd_test_oracle_parse (doc->str, doc->len);
        JsonObject *root = json_node_get_object (oracle);
        JsonArray  *php = json_object_get_array_member (root, "blocks");
        g_autoptr (GPtrArray) mine = cd_wp_blocks_parse (doc->str, doc->len);
        g_autofree char *serialized = cd_wp_blocks_serialize (mine);

        g_assert_cmpuint (json_array_get_length (php), ==, mine->len);
        for (guint i = 0; i < mine->len; i++)
          cd_test_assert_block (json_array_get_object_element (php, i),
                                g_ptr_array_index (mine, i), doc->str);
        g_assert_cmpstr (serialized, ==, json_object_get_string_member (root, "serialized"));
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wp-blocks/fixtures/parse", test_fixtures_parse);
  g_test_add_func ("/wp-blocks/wordpress-themes/parse", test_wordpress_themes_parse);
  g_test_add_func ("/wp-blocks/fixtures/spans", test_fixtures_spans);
  g_test_add_func ("/wp-blocks/serialize/new", test_serialize_new);
  g_test_add_func ("/wp-blocks/delimiters", test_delimiters);
  g_test_add_func ("/wp-blocks/random", test_random_documents);

  return g_test_run ();
}
