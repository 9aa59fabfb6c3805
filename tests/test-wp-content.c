/* test-wp-content.c: post content to body and back, on every fixture in
 * tests/data/blocks: with no edit, one paragraph edited, a paragraph
 * added, a block moved and a block deleted, each with the exact markup
 * expected and, where php is installed, the blocks WordPress's own
 * parse_blocks() reads from the result. Also the fence, labels, the split
 * into units, the preview's box and the Markdown export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-article.h"
#include "cd-export.h"
#include "cd-import.h"
#include "cd-render.h"
#include "cd-test-wp-oracle.h"
#include "cd-wp-content.h"

/* A fixture as units: the bytes of each top-level block (freeform HTML
 * trimmed of white space), which the body's units follow one for one. */
typedef struct
{
  char      *content;
  gsize      length;
  char      *body;
  GArray    *units;  /* CdWpUnit of the body */
  GArray    *spans;  /* pairs of gsize: start, end of each unit in content */
  GPtrArray *names;  /* block name of each unit, "(html)" for freeform */
  gboolean   opened; /* a layout block stands as its two ends and its inner blocks */
} Fixture;

static void
fixture_clear (Fixture *f)
{
  g_free (f->content);
  g_free (f->body);
  g_clear_pointer (&f->units, g_array_unref);
  g_clear_pointer (&f->spans, g_array_unref);
  g_clear_pointer (&f->names, g_ptr_array_unref);
}

/* Adds the span from @start to @end, trimmed of white space, as the next
 * unit's, named @name; nothing for white space alone. */
static void
add_span (Fixture    *f,
          gsize       start,
          gsize       end,
          const char *name)
{
  while (start < end && g_ascii_isspace (f->content[start]))
    start++;
  while (end > start && g_ascii_isspace (f->content[end - 1]))
    end--;
  if (start == end)
    return;
  g_array_append_val (f->spans, start);
  g_array_append_val (f->spans, end);
  g_ptr_array_add (f->names, g_strdup (name));
}

/* Adds @block's span as the next unit's; a layout block the body opened
 * up (its next unit is the block's opening markup alone) as its opening
 * ("core/group["), its inner blocks and its closing ("]"). */
static void
add_block_spans (Fixture         *f,
                 const CdWpBlock *block)
{
  guint k = f->spans->len / 2;

  if (block->inner_blocks->len > 0 && k < f->units->len &&
      g_array_index (f->units, CdWpUnit, k).kind == CD_WP_UNIT_BLOCK)
    {
      const CdWpUnit  *head = &g_array_index (f->units, CdWpUnit, k);
      const CdWpBlock *first = g_ptr_array_index (block->inner_blocks, 0);
      const CdWpBlock *last = g_ptr_array_index (block->inner_blocks, block->inner_blocks->len - 1);
      g_autofree char *opening = g_strndup (f->content + block->start, first->start - block->start);

      g_strchomp (opening);
      if (head->markup_end - head->markup_start == strlen (opening) &&
          memcmp (f->body + head->markup_start, opening, strlen (opening)) == 0)
        {
          g_autofree char *opened = g_strconcat (block->name, "[", NULL);

          f->opened = TRUE;
          add_span (f, block->start, first->start, opened);
          for (guint i = 0; i < block->inner_blocks->len; i++)
            add_block_spans (f, g_ptr_array_index (block->inner_blocks, i));
          add_span (f, last->end, block->end, "]");
          return;
        }
    }
  add_span (f, block->start, block->end, block->name != NULL ? block->name : "(html)");
}

static gboolean
load_fixture (const char *name,
              Fixture    *f)
{
  g_autoptr (GPtrArray) blocks = NULL;

  memset (f, 0, sizeof *f);
  f->content = cd_test_block_fixture (name, &f->length);
  f->body = cd_wp_content_to_body (f->content, f->length);
  f->units = cd_wp_body_split (f->body, -1);
  f->spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  f->names = g_ptr_array_new_with_free_func (g_free);
  if (cd_wp_content_is_classic (f->content, f->length))
    return FALSE;
  blocks = cd_wp_blocks_parse (f->content, f->length);
  if (!cd_wp_blocks_cover (blocks, f->length))
    {
      /* Markup WordPress reads with overlapping blocks (blocks left open
       * inside blocks) is one unit, whole. */
      gsize start = 0, end = f->length;

      while (g_ascii_isspace (f->content[end - 1]))
        end--;
      g_array_append_val (f->spans, start);
      g_array_append_val (f->spans, end);
      g_ptr_array_add (f->names, g_strdup ("(whole)"));
      return TRUE;
    }
  for (guint i = 0; i < blocks->len; i++)
    add_block_spans (f, g_ptr_array_index (blocks, i));
  return TRUE;
}

static gsize
span_start (Fixture *f,
            guint    i)
{
  return g_array_index (f->spans, gsize, 2 * i);
}

static gsize
span_end (Fixture *f,
          guint    i)
{
  return g_array_index (f->spans, gsize, 2 * i + 1);
}

static CdWpUnit *
unit (Fixture *f,
      guint    i)
{
  return &g_array_index (f->units, CdWpUnit, i);
}

/* The body with unit @i's text replaced by @text (NULL deletes it). */
static char *
body_replace (Fixture    *f,
              guint       i,
              const char *text)
{
  GString *out = g_string_new (NULL);

  g_string_append_len (out, f->body, unit (f, i)->start);
  if (text != NULL)
    g_string_append (out, text);
  else if (i + 1 < f->units->len)
    {
      /* Deleting a unit takes the blank line after it too. */
      g_string_append (out, f->body + unit (f, i + 1)->start);
      return g_string_free (out, FALSE);
    }
  g_string_append (out, f->body + unit (f, i)->end);
  return g_string_free (out, FALSE);
}

static char *
unit_text (Fixture *f,
           guint    i)
{
  return g_strndup (f->body + unit (f, i)->start, unit (f, i)->end - unit (f, i)->start);
}

/* Whether unit @i is one end of a layout block opened up. */
static gboolean
is_layout_end (Fixture *f,
               guint    i)
{
  const char *name = g_ptr_array_index (f->names, i);

  return g_str_has_suffix (name, "[") || strcmp (name, "]") == 0;
}

/* The body with the first @from replaced by @to. */
static char *
replaced (const char *body,
          const char *from,
          const char *to)
{
  GString *out = g_string_new (body);

  g_assert_nonnull (strstr (body, from));
  g_string_replace (out, from, to, 1);
  return g_string_free (out, FALSE);
}

/* Whether units @i and @j hold the same text. */
static gboolean
units_alike (Fixture *f,
             guint    i,
             guint    j)
{
  g_autofree char *a = unit_text (f, i);
  g_autofree char *b = unit_text (f, j);

  return strcmp (a, b) == 0;
}

static char *
names_with (GPtrArray  *names,
            const char *op,
            guint       i)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new ();

  for (guint k = 0; k < names->len; k++)
    g_ptr_array_add (list, g_ptr_array_index (names, k));
  if (strcmp (op, "insert") == 0)
    g_ptr_array_insert (list, i, "core/paragraph");
  else if (strcmp (op, "delete") == 0)
    g_ptr_array_remove_index (list, i);
  else if (strcmp (op, "swap") == 0)
    {
      gpointer tmp = list->pdata[i];

      list->pdata[i] = list->pdata[i + 1];
      list->pdata[i + 1] = tmp;
    }
  g_ptr_array_add (list, NULL);
  return g_strjoinv (" ", (char **) list->pdata);
}

/* WordPress reads @content as the block list @expected. */
static void
assert_wordpress_reads (const char *content,
                        const char *expected)
{
  g_autofree char *names = NULL;

  if (cd_test_oracle_missing () != NULL)
    return;
  names = cd_test_oracle_block_names (content);
  g_assert_cmpstr (names, ==, expected);
}

static const char *const edited_paragraph_markup = "<!-- wp:paragraph -->\n<p>";

static void
round_trip_fixture (const char *name,
                    GString    *table)
{
  Fixture          f;
  guint            paragraph = G_MAXUINT;
  g_autofree char *same_names = NULL;
  gboolean         well_formed;

  if (!load_fixture (name, &f))
    {
      fixture_clear (&f);
      return;
    }
  well_formed = cd_test_markup_well_formed (f.content, f.length);
  g_test_message ("%s: %u units%s", name, f.units->len,
                  well_formed ? "" : ", broken markup: WordPress's reading compared only in place");
  /* The units are the blocks, one for one. */
  g_assert_cmpuint (f.units->len, ==, f.names->len);
  /* A layout block opened up is one block for WordPress, with its own. */
  if (!f.opened)
    same_names = names_with (f.names, "same", 0);
  else if (cd_test_oracle_missing () == NULL)
    same_names = cd_test_oracle_block_names (f.content);

  /* The body as a new post reads back as the same body. */
  {
    g_autofree char *fresh = cd_wp_body_to_content (f.body, -1, NULL, 0);
    g_autofree char *again = cd_wp_content_to_body (fresh, -1);

    g_assert_cmpstr (again, ==, f.body);
  }

  /* No edit: the very bytes. */
  {
    g_autofree char *content = cd_wp_body_to_content (f.body, -1, f.content, f.length);

    g_assert_cmpstr (content, ==, f.content);
    g_string_append_printf (table, "| %s | exact |", name);
  }

  /* One paragraph edited: that block changes, nothing else does. */
  for (guint i = 0; i < f.units->len && paragraph == G_MAXUINT; i++)
    if (strcmp (g_ptr_array_index (f.names, i), "core/paragraph") == 0 &&
        unit (&f, i)->kind == CD_WP_UNIT_TEXT)
      paragraph = i;
  if (paragraph != G_MAXUINT)
    {
      g_autofree char *text = unit_text (&f, paragraph);
      g_autofree char *edited = g_strconcat (text, " Updated.", NULL);
      g_autofree char *body = body_replace (&f, paragraph, edited);
      g_autofree char *content = cd_wp_body_to_content (body, -1, f.content, f.length);
      gsize            close = g_strrstr_len (f.content + span_start (&f, paragraph),
                                              span_end (&f, paragraph) - span_start (&f, paragraph),
                                              "</p>") -
                    f.content;
      g_autofree char *expected = NULL;

      /* Spaces at the end of the paragraph stay at its end. */
      while (close > span_start (&f, paragraph) && f.content[close - 1] == ' ')
        close--;
      expected = g_strdup_printf ("%.*s Updated.%s", (int) close, f.content, f.content + close);

      g_assert_cmpstr (content, ==, expected);
      /* The order is unchanged, so even broken markup reads the same. */
      assert_wordpress_reads (content, same_names);
      g_string_append (table, " exact |");
    }
  else
    g_string_append (table, " (no text paragraph) |");

  /* A post of white space alone has nothing to edit, move or delete. */
  if (f.units->len == 0)
    {
      g_string_append (table, " (no unit) | (no unit) | (no unit) | (no unit) |\n");
      fixture_clear (&f);
      return;
    }

  /* A paragraph added after the first unit. */
  {
    g_autofree char *first = unit_text (&f, 0);
    g_autofree char *added = g_strconcat (first, "\n\nA new paragraph, *added*.", NULL);
    g_autofree char *body = body_replace (&f, 0, added);
    g_autofree char *content = cd_wp_body_to_content (body, -1, f.content, f.length);
    g_autofree char *expected =
        g_strdup_printf ("%.*s\n\n%s%s</p>\n<!-- /wp:paragraph -->\n\n%s", (int) span_end (&f, 0),
                         f.content, edited_paragraph_markup, "A new paragraph, <em>added</em>.",
                         f.content + (f.units->len > 1 ? span_start (&f, 1) : span_end (&f, 0)));
    g_autofree char *names = names_with (f.names, "insert", 1);

    if (f.units->len == 1)
      {
        /* Nothing followed: the base's end follows the new paragraph. */
        g_free (expected);
        expected = g_strdup_printf ("%.*s\n\n%sA new paragraph, <em>added</em>.</p>\n"
                                    "<!-- /wp:paragraph -->%s",
                                    (int) span_end (&f, 0), f.content, edited_paragraph_markup,
                                    f.content + span_end (&f, 0));
      }
    g_assert_cmpstr (content, ==, expected);
    if (well_formed && !f.opened)
      assert_wordpress_reads (content, names);
    g_string_append (table, " exact |");
  }

  if (f.units->len >= 2 && units_alike (&f, 0, 1))
    {
      /* Two units of the same text (three "## Heading" aligned three ways)
       * swapped, or the second of them deleted, leave a body that cannot
       * say which one moved or went, as the editor cannot show it. */
      g_string_append (table, " (same text) | (same text) |\n");
    }
  else if (f.units->len >= 2 && (is_layout_end (&f, 0) || is_layout_end (&f, 1)))
    /* Ends of layout blocks pair as blocks nest (see test_layout_blocks()). */
    g_string_append (table, " (layout block's end) | (layout block's end) |\n");
  else if (f.units->len >= 2)
    {
      /* The first two units swapped. */
      g_autofree char *u0 = unit_text (&f, 0);
      g_autofree char *u1 = unit_text (&f, 1);
      g_autofree char *swapped = g_strconcat (u1, "\n\n", u0, NULL);
      GString         *body = g_string_new (NULL);
      g_autofree char *content = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *names = names_with (f.names, "swap", 0);

      g_string_append_len (body, f.body, unit (&f, 0)->start);
      g_string_append (body, swapped);
      g_string_append (body, f.body + unit (&f, 1)->end);
      content = cd_wp_body_to_content (body->str, -1, f.content, f.length);
      g_string_free (body, TRUE);
      expected = g_strdup_printf (
          "%.*s%.*s\n\n%.*s%s%s", (int) span_start (&f, 0), f.content,
          (int) (span_end (&f, 1) - span_start (&f, 1)), f.content + span_start (&f, 1),
          (int) (span_end (&f, 0) - span_start (&f, 0)), f.content + span_start (&f, 0),
          f.units->len > 2 ? "\n\n" : "",
          f.content + (f.units->len > 2 ? span_start (&f, 2) : span_end (&f, 1)));
      g_assert_cmpstr (content, ==, expected);
      if (well_formed && !f.opened)
        assert_wordpress_reads (content, names);
      g_string_append (table, " exact |");

      /* The second unit deleted. */
      if (f.units->len > 2 && units_alike (&f, 1, 2))
        g_string_append (table, " (same text) |\n");
      else
        {
          g_autofree char *deleted = body_replace (&f, 1, NULL);
          g_autofree char *after = cd_wp_body_to_content (deleted, -1, f.content, f.length);
          g_autofree char *expect = g_strdup_printf (
              "%.*s%s%s", (int) span_end (&f, 0), f.content, f.units->len > 2 ? "\n\n" : "",
              f.content + (f.units->len > 2 ? span_start (&f, 2) : span_end (&f, 1)));
          g_autofree char *left = names_with (f.names, "delete", 1);

          g_assert_cmpstr (after, ==, expect);
          if (well_formed && !f.opened)
            assert_wordpress_reads (after, left);
          g_string_append (table, " exact |\n");
        }
    }
  else
    g_string_append (table, " (one unit) | (one unit) |\n");
  fixture_clear (&f);
}

static void
test_round_trips (void)
{
  g_autoptr (GPtrArray) fixtures = cd_test_block_fixtures ();
  g_autoptr (GString) table = g_string_new ("| fixture | no edit | paragraph edited | "
                                            "paragraph added | block moved | block deleted |\n");

  for (guint i = 0; i < fixtures->len; i++)
    round_trip_fixture (g_ptr_array_index (fixtures, i), table);
  g_test_message ("\n%s", table->str);
  if (cd_test_oracle_missing () != NULL)
    g_test_skip (cd_test_oracle_missing ());
}

/* WordPress's own markup, the templates and parts of its block themes,
 * makes the same round trips. */
static void
test_wordpress_themes (void)
{
  g_autoptr (GPtrArray) paths = cd_test_wordpress_theme_markup ();
  g_autoptr (GString) table = g_string_new ("| file | no edit | paragraph edited | "
                                            "paragraph added | block moved | block deleted |\n");

  if (paths == NULL)
    return;
  for (guint i = 0; i < paths->len; i++)
    round_trip_fixture (g_ptr_array_index (paths, i), table);
  g_test_message ("\n%s", table->str);
}

/* A new post is all blocks, as the block editor writes them, and reads
 * back as the same body. */
static void
test_new_post (void)
{
  const char      *body = "# Headline\n\nIntro with **bold**, *em*, `code`, a [link](https://x.org/?a=1&b=2) "
                          "and ~~struck~~ text & <tags>.\n\n## Second\n\n### Third\n\n"
                          "- one\n- two\n  - nested\n\n1. first\n2. second\n\n"
                          "3) third\n4) fourth\n\n> quoted\n\n```\ncode < & [x]\nhttps://example.org/a\n```\n\n---\n\n"
                          "| a | b |\n| :-: | --- |\n| 1 | 2 |\n\n![Alt text](https://x.org/i.jpg)\n";
  g_autofree char *content = cd_wp_body_to_content (body, -1, NULL, 0);
  g_autofree char *again = cd_wp_content_to_body (content, -1);

  g_assert_true (g_str_has_prefix (content, "<!-- wp:heading {\"level\":1} -->\n<h1>Headline</h1>\n"
                                            "<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>Intro "
                                            "with <strong>bold</strong>, <em>em</em>, <code>code</code>, "
                                            "a <a href=\"https://x.org/?a=1&amp;b=2\">link</a> and "
                                            "<s>struck</s> text &amp; &lt;tags>.</p>\n"
                                            "<!-- /wp:paragraph -->\n\n<!-- wp:heading -->\n<h2>Second</h2>"));
  g_assert_nonnull (strstr (content, "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>one</li>\n"
                                     "<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>two<!-- wp:list -->\n"
                                     "<ul><!-- wp:list-item -->\n<li>nested</li>\n<!-- /wp:list-item --></ul>\n"
                                     "<!-- /wp:list --></li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->"));
  g_assert_nonnull (strstr (content, "<!-- wp:list {\"ordered\":true,\"start\":3} -->\n<ol start=\"3\">"));
  g_assert_nonnull (strstr (content, "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\">"
                                     "<!-- wp:paragraph -->\n<p>quoted</p>\n<!-- /wp:paragraph -->"
                                     "</blockquote>\n<!-- /wp:quote -->"));
  g_assert_nonnull (strstr (content, "<pre class=\"wp-block-code\"><code>code &lt; &amp; &#91;x]\n"
                                     "https:&#47;&#47;example.org/a</code></pre>"));
  g_assert_nonnull (strstr (content, "<!-- wp:separator -->\n<hr class=\"wp-block-separator "
                                     "has-alpha-channel-opacity\"/>\n<!-- /wp:separator -->"));
  g_assert_nonnull (strstr (content, "<th class=\"has-text-align-center\" data-align=\"center\">a</th>"));
  g_assert_nonnull (strstr (content, "<!-- wp:image -->\n<figure class=\"wp-block-image\"><img "
                                     "src=\"https://x.org/i.jpg\" alt=\"Alt text\"/></figure>\n"
                                     "<!-- /wp:image -->"));
  g_assert_false (cd_wp_content_is_classic (content, -1));
  /* Every block comes back as Markdown, the same but for escapes and list
   * markers that keep neighbouring lists apart. */
  g_assert_cmpstr (again, ==,
                   "# Headline\n\nIntro with **bold**, *em*, `code`, a [link](https://x.org/?a=1&b=2) "
                   "and ~~struck~~ text & \\<tags>.\n\n## Second\n\n### Third\n\n"
                   "- one\n- two\n  - nested\n\n1) first\n2) second\n\n3. third\n4. fourth\n\n"
                   "> quoted\n\n```\ncode < & [x]\nhttps://example.org/a\n```\n\n---\n\n"
                   "| a | b |\n| :-: | --- |\n| 1 | 2 |\n\n![Alt text](https://x.org/i.jpg)\n");
  assert_wordpress_reads (content, "core/heading core/paragraph core/heading core/heading core/list "
                                   "core/list core/list core/quote core/code core/separator "
                                   "core/table core/image");
}

/* What WordPress's parse_blocks() reads as the attributes of the first
 * block of @content, as JSON. */
static char *
wordpress_first_attrs (const char *content)
{
  g_autoptr (JsonNode) parsed = cd_test_oracle_parse (content, strlen (content));
  JsonArray *blocks = json_object_get_array_member (json_node_get_object (parsed), "blocks");

  return json_to_string (json_object_get_member (json_array_get_object_element (blocks, 0),
                                                 "attrs"),
                         FALSE);
}

/* Text blocks with attributes of their own, as WordPress's block editors
 * write them (6.1 and later ones: the heading's and list's classes), are
 * edited as Markdown; edited, the text goes back inside the block's own
 * wrapper, and WordPress reads the same attributes. */
static void
test_shaped (void)
{
  static const struct
  {
    const char *markup;
    const char *markdown; /* the body it becomes */
    const char *from;     /* an edit, in the body */
    const char *to;
    const char *edited; /* the content expected after it */
  } cases[] = {
    {"<!-- wp:paragraph {\"align\":\"center\"} -->\n<p class=\"has-text-align-center\">The "
      "council <strong>met</strong>.</p>\n<!-- /wp:paragraph -->",
     "The council **met**.\n",                                                                "met",       "sat",
     "<!-- wp:paragraph {\"align\":\"center\"} -->\n<p class=\"has-text-align-center\">The "
      "council <strong>sat</strong>.</p>\n<!-- /wp:paragraph -->"                                     },
    { "<!-- wp:paragraph {\"dropCap\":true,\"fontSize\":\"large\"} -->\n<p class=\"has-drop-cap "
      "has-large-font-size\">Rain fell.</p>\n<!-- /wp:paragraph -->",
     "Rain fell.\n",                                                                          "fell",
     "fell all day",
     "<!-- wp:paragraph {\"dropCap\":true,\"fontSize\":\"large\"} -->\n<p class=\"has-drop-cap "
      "has-large-font-size\">Rain fell all day.</p>\n<!-- /wp:paragraph -->"                          },
    { "<!-- wp:heading {\"level\":3} -->\n<h3 class=\"wp-block-heading\" id=\"reaction\">Reaction</h3>\n"
      "<!-- /wp:heading -->",
     "### Reaction\n",                                                                        "Reaction",
     "Reaction at home",
     "<!-- wp:heading {\"level\":3} -->\n<h3 class=\"wp-block-heading\" id=\"reaction\">Reaction at "
      "home</h3>\n<!-- /wp:heading -->"                                                               },
    { "<!-- wp:list {\"ordered\":true,\"start\":3} -->\n<ol start=\"3\" class=\"wp-block-list\">"
      "<!-- wp:list-item -->\n<li>Third</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n"
      "<li>Fourth</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->",
     "3. Third\n4. Fourth\n",                                                                 "Fourth",
     "Fourth\n5. Fifth",
     "<!-- wp:list {\"ordered\":true,\"start\":3} -->\n<ol start=\"3\" class=\"wp-block-list\">"
      "<!-- wp:list-item -->\n<li>Third</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n"
      "<li>Fourth</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Fifth</li>\n"
      "<!-- /wp:list-item --></ol>\n<!-- /wp:list -->"                                                },
    { "<!-- wp:quote {\"className\":\"is-style-large\"} -->\n<blockquote class=\"wp-block-quote "
      "is-style-large\"><!-- wp:paragraph -->\n<p>We will rebuild.</p>\n<!-- /wp:paragraph -->"
      "</blockquote>\n<!-- /wp:quote -->",
     "> We will rebuild.\n",                                                                  "rebuild",
     "rebuild it",
     "<!-- wp:quote {\"className\":\"is-style-large\"} -->\n<blockquote class=\"wp-block-quote "
      "is-style-large\"><!-- wp:paragraph -->\n<p>We will rebuild it.</p>\n<!-- /wp:paragraph -->"
      "</blockquote>\n<!-- /wp:quote -->"                                                             },
 /* Links that open in a new tab or name the post they go to keep
  * their attributes. */
    { "<!-- wp:paragraph -->\n<p>Read <a href=\"https://x.org/r?a=1&amp;b=2\" target=\"_blank\" "
      "rel=\"noreferrer noopener\">the report</a> and <a href=\"https://news.example/p\" "
      "data-type=\"post\" data-id=\"12\">our story</a>.</p>\n<!-- /wp:paragraph -->",
     "Read [the report](https://x.org/r?a=1&b=2) and [our story](https://news.example/p).\n",
     "the report",                                                                                         "the full report",
     "<!-- wp:paragraph -->\n<p>Read <a href=\"https://x.org/r?a=1&amp;b=2\" target=\"_blank\" "
      "rel=\"noreferrer noopener\">the full report</a> and <a href=\"https://news.example/p\" "
      "data-type=\"post\" data-id=\"12\">our story</a>.</p>\n<!-- /wp:paragraph -->"                  },
 /* Text that spells characters as references, as the classic editor
  * and pasted copy leave them: the body has the characters, an edit
  * keeps the references. */
    { "<!-- wp:paragraph -->\n<p>The mayor&nbsp;said it&#8217;s &ldquo;over&rdquo; &mdash; for now "
      "&gt; then.</p>\n<!-- /wp:paragraph -->",
     "The mayor\u00a0said it\u2019s \u201cover\u201d \u2014 for now > then.\n",               "for now",
     "for now\u00a0\u2014 at least",
     "<!-- wp:paragraph -->\n<p>The mayor&nbsp;said it&#8217;s &ldquo;over&rdquo; &mdash; for now&nbsp;"
      "&mdash; at least &gt; then.</p>\n<!-- /wp:paragraph -->"                                       },
    { "<!-- wp:heading -->\n<h2>Q&amp;A&nbsp;with the mayor</h2>\n<!-- /wp:heading -->",
     "## Q&A\u00a0with the mayor\n",                                                          "the mayor",
     "the new mayor",
     "<!-- wp:heading -->\n<h2>Q&amp;A&nbsp;with the new mayor</h2>\n<!-- /wp:heading -->"            },
    { "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Roads&nbsp;closed</li>\n<!-- "
      "/wp:list-item --></ul>\n<!-- /wp:list -->",
     "- Roads\u00a0closed\n",                                                                 "closed",
     "closed\n- Schools\u00a0shut",
     "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Roads&nbsp;closed</li>\n<!-- "
      "/wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Schools&nbsp;shut</li>\n<!-- "
      "/wp:list-item --></ul>\n<!-- /wp:list -->"                                                     },
 /* An ampersand that cannot start a reference needs no backslash. */
    { "<!-- wp:paragraph -->\n<p>AT&amp;T and R&amp;D, not &amp;copy;.</p>\n<!-- /wp:paragraph -->",
     "AT&T and R&D, not \\&copy;.\n",                                                         "R&D",
     "M&A",
     "<!-- wp:paragraph -->\n<p>AT&amp;T and M&amp;A, not &amp;copy;.</p>\n<!-- /wp:paragraph -->"    },
 /* A bare ampersand, as text typed in an editor's HTML view or posted
  * by a feed keeps it, in the text and in an address: an edit keeps
  * it bare, and one typed in that block is written so too. */
    { "<!-- wp:paragraph -->\n<p>AT&T sold <a href=\"https://x.org/r?a=1&b=2\">the unit</a> to M&S, "
      "a &bogus; one, Q&simple.</p>\n<!-- /wp:paragraph -->",
     "AT&T sold [the unit](https://x.org/r?a=1&b=2) to M&S, a \\&bogus; one, Q&simple.\n",    "to M&S",
     "to Q&A",
     "<!-- wp:paragraph -->\n<p>AT&T sold <a href=\"https://x.org/r?a=1&b=2\">the unit</a> to Q&A, "
      "a &bogus; one, Q&simple.</p>\n<!-- /wp:paragraph -->"                                          },
    { "<!-- wp:list -->\n<ul><li>R&D&nbsp;cut</li><li>Q&A</li></ul>\n<!-- /wp:list -->",
     "- R&D\u00a0cut\n- Q&A\n",                                                               "Q&A",
     "Q&A\n- M&A",
     "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>R&D&nbsp;cut</li>\n<!-- /wp:list-item -->\n\n"
      "<!-- wp:list-item -->\n<li>Q&A</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n"
      "<li>M&A</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->"                                  },
 /* In an address a name a browser reads without its ";" only counts
  * before no letter, digit or "=". */
    { "<!-- wp:paragraph -->\n<p>See <a href=\"https://x.org/?id=5&section=2&para=3&copy=4\">it</a>"
      ".</p>\n<!-- /wp:paragraph -->",
     "See [it](https://x.org/?id=5&section=2&para=3&copy=4).\n",                              "See",
     "Read",
     "<!-- wp:paragraph -->\n<p>Read <a href=\"https://x.org/?id=5&section=2&para=3&copy=4\">it</a>"
      ".</p>\n<!-- /wp:paragraph -->"                                                                 },
 /* A word made bold or italic with the space after it, or a link
  * with the space before its text: the spaces stay inside while the
  * words are the same (the link's are edited here; new emphasis is
  * written as Markdown writes it). */
    { "<!-- wp:paragraph -->\n<p><strong>Update: </strong>the <em>Left, </em>and <a "
      "href=\"https://x.org/\">the report </a>now.</p>\n<!-- /wp:paragraph -->",
     "**Update:** the *Left,* and [the report](https://x.org/) now.\n",                       "report",
     "full report",
     "<!-- wp:paragraph -->\n<p><strong>Update: </strong>the <em>Left, </em>and <a "
      "href=\"https://x.org/\">the full report</a> now.</p>\n<!-- /wp:paragraph -->"                  },
    { "<!-- wp:paragraph -->\n<p>He said<em> never</em> again.</p>\n<!-- /wp:paragraph -->",
     "He said *never* again.\n",                                                              "again",
     "again, *ever*",
     "<!-- wp:paragraph -->\n<p>He said<em> never</em> again, <em>ever</em>.</p>\n<!-- /wp:paragraph "
      "-->"                                                                                           },
 /* A citation ending with the line break block editors of 5.x left. */
    { "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>We will rebuild.</p>\n"
      "<!-- /wp:paragraph --><cite>The mayor<br></cite></blockquote>\n<!-- /wp:quote -->",
     "> We will rebuild.\n>\n> \u2014 The mayor\n",                                           "The mayor",
     "Mayor Anna M\u00fcller",
     "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>We will rebuild.</p>\n"
      "<!-- /wp:paragraph --><cite>Mayor Anna M\u00fcller<br></cite></blockquote>\n<!-- /wp:quote -->"},
 /* Bold and italic as older tools write them. */
    { "<!-- wp:paragraph -->\n<p>The same gallery, <b>with cropped images</b>, <i>again</i>.</p>\n<!-- "
      "/wp:paragraph -->",
     "The same gallery, **with cropped images**, *again*.\n",                                 "again",
     "once more",
     "<!-- wp:paragraph -->\n<p>The same gallery, <b>with cropped images</b>, <i>once more</i>.</p>\n<!-- "
      "/wp:paragraph -->"                                                                             },
 /* A space inside one emphasis and outside another; an edit of the
  * emphasised words writes the space outside. */
    { "<!-- wp:paragraph -->\n<p>Normal <em>one</em> and <em>two, </em>mixed <em>one</em>.</p>\n<!-- "
      "/wp:paragraph -->",
     "Normal *one* and *two,* mixed *one*.\n",                                                "two,",
     "three,",
     "<!-- wp:paragraph -->\n<p>Normal <em>one</em> and <em>three,</em> mixed <em>one</em>.</p>\n<!-- "
      "/wp:paragraph -->"                                                                             },
 /* A space typed at the end of a paragraph stays there. */
    { "<!-- wp:paragraph -->\n<p>Users navigate with a keyboard only. </p>\n<!-- /wp:paragraph -->",
     "Users navigate with a keyboard only.\n",                                                "only.",
     "only, or by voice.",
     "<!-- wp:paragraph -->\n<p>Users navigate with a keyboard only, or by voice. </p>\n<!-- /wp:paragraph "
      "-->"                                                                                           },
 /* So does a line break typed at its end (Shift+Enter last). */
    { "<!-- wp:paragraph -->\n<p>Call the desk today.<br></p>\n<!-- /wp:paragraph -->",
     "Call the desk today.\n",                                                                "today.",    "today, or write.",
     "<!-- wp:paragraph -->\n<p>Call the desk today, or write.<br></p>\n<!-- /wp:paragraph -->"       },
 /* Bold italic as the block editor nests it: strong around emphasis. */
    { "<!-- wp:paragraph -->\n<p>It is <strong><em>closed</em></strong>, <strong><em>all</em> of "
      "it</strong>.</p>\n<!-- /wp:paragraph -->",
     "It is **_closed_**, ***all* of it**.\n",                                                "closed",
     "shut",
     "<!-- wp:paragraph -->\n<p>It is <strong><em>shut</em></strong>, <strong><em>all</em> of "
      "it</strong>.</p>\n<!-- /wp:paragraph -->"                                                      },
    { "<!-- wp:core/paragraph -->\n<p>Explicit namespace.</p>\n<!-- /wp:core/paragraph -->",
     "Explicit namespace.\n",                                                                 "Explicit",
     "An explicit",
     "<!-- wp:core/paragraph -->\n<p>An explicit namespace.</p>\n<!-- /wp:core/paragraph -->"         },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *body = cd_wp_content_to_body (cases[c].markup, -1);
      g_autofree char *same = cd_wp_body_to_content (body, -1, cases[c].markup, -1);
      g_autofree char *edited_body = NULL;
      g_autofree char *edited = NULL;
      g_auto (GStrv) parts = NULL;

      g_test_message ("%s", cases[c].markup);
      g_assert_cmpstr (body, ==, cases[c].markdown);
      g_assert_cmpstr (same, ==, cases[c].markup);
      parts = g_strsplit (body, cases[c].from, 2);
      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      edited_body = g_strjoin (cases[c].to, parts[0], parts[1], NULL);
      edited = cd_wp_body_to_content (edited_body, -1, cases[c].markup, -1);
      g_assert_cmpstr (edited, ==, cases[c].edited);
      if (cd_test_oracle_missing () == NULL)
        {
          g_autofree char *before = wordpress_first_attrs (cases[c].markup);
          g_autofree char *after = wordpress_first_attrs (edited);

          g_assert_cmpstr (after, ==, before);
        }
    }

  /* Two paragraphs, one aligned: a paragraph written before the aligned
   * one, which is edited, is plain; the edited text keeps the alignment,
   * as it does when the whole text is rewritten in place. */
  {
    const char      *base = "<!-- wp:paragraph -->\n<p>Plain.</p>\n<!-- /wp:paragraph -->\n\n"
                            "<!-- wp:paragraph {\"align\":\"right\"} -->\n<p class=\"has-text-align-right\">"
                            "Signed, the editors.</p>\n<!-- /wp:paragraph -->";
    g_autofree char *added = cd_wp_body_to_content (
        "Plain.\n\nA new paragraph.\n\nSigned, the night editors.\n", -1, base, -1);
    g_autofree char *rewritten = cd_wp_body_to_content ("Plain.\n\nWith thanks.\n", -1, base, -1);

    g_assert_cmpstr (added, ==,
                     "<!-- wp:paragraph -->\n<p>Plain.</p>\n<!-- /wp:paragraph -->\n\n"
                     "<!-- wp:paragraph -->\n<p>A new paragraph.</p>\n<!-- /wp:paragraph -->\n\n"
                     "<!-- wp:paragraph {\"align\":\"right\"} -->\n<p class=\"has-text-align-right\">"
                     "Signed, the night editors.</p>\n<!-- /wp:paragraph -->");
    g_assert_cmpstr (rewritten, ==,
                     "<!-- wp:paragraph -->\n<p>Plain.</p>\n<!-- /wp:paragraph -->\n\n"
                     "<!-- wp:paragraph {\"align\":\"right\"} -->\n<p class=\"has-text-align-right\">"
                     "With thanks.</p>\n<!-- /wp:paragraph -->");
  }

  /* A heading made another level is a new heading: no wrapper of the old. */
  {
    const char      *base = cases[2].markup;
    g_autofree char *content = cd_wp_body_to_content ("## Reaction\n", -1, base, -1);

    g_assert_cmpstr (content, ==, "<!-- wp:heading -->\n<h2>Reaction</h2>\n<!-- /wp:heading -->");
  }

  /* Text Markdown does not write back exactly stays a block, whole: white
   * space inside the paragraph, a closer of another name. */
  {
    const char *kept[] = {
      "<!-- wp:paragraph {\"fontSize\":\"large\"} -->\n<p class=\"has-large-font-size\">Got "
      "any tips?\t\t</p>\n<!-- /wp:paragraph -->",
      "<!-- wp:paragraph {\"align\":\"center\"} -->\n<p class=\"has-text-align-center\">Closed "
      "by another name.</p>\n<!-- /wp:heading -->",
      /* One address linked twice, once in a new tab: no Markdown tells
       * the two apart. */
      "<!-- wp:paragraph -->\n<p><a href=\"https://x.org/\">Here</a> and <a href=\"https://x.org/\" "
      "target=\"_blank\" rel=\"noreferrer noopener\">there</a>.</p>\n<!-- /wp:paragraph -->",
      /* One character written two ways: no Markdown tells them apart. */
      "<!-- wp:paragraph -->\n<p>3&nbsp;km and 4\u00a0km</p>\n<!-- /wp:paragraph -->",
      "<!-- wp:paragraph -->\n<p>3&nbsp;km and 4&#160;km</p>\n<!-- /wp:paragraph -->",
      "<!-- wp:paragraph -->\n<p>AT&T and R&amp;D</p>\n<!-- /wp:paragraph -->",
      /* Bold written two ways. */
      "<!-- wp:paragraph -->\n<p>Some <b>bold</b> and <strong>strong</strong>.</p>\n<!-- /wp:paragraph -->",
      /* An ampersand a browser reads as a reference without its ";". */
      "<!-- wp:paragraph -->\n<p>&copy 2024 AT&T</p>\n<!-- /wp:paragraph -->",
      "<!-- wp:paragraph -->\n<p>Smith&notes</p>\n<!-- /wp:paragraph -->",
      /* A reference to a C1 control, which browsers read as
       * Windows-1252. */
      "<!-- wp:paragraph -->\n<p>1990&#150;2000</p>\n<!-- /wp:paragraph -->",
    };

    for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
      {
        g_autofree char *body = cd_wp_content_to_body (kept[i], -1);
        g_autofree char *fence = cd_wp_fence (kept[i], -1);
        g_autofree char *expected = g_strconcat (fence, "\n", NULL);

        g_assert_cmpstr (body, ==, expected);
      }
  }
  if (cd_test_oracle_missing () != NULL)
    g_test_skip (cd_test_oracle_missing ());
}

/* What WordPress shows for the first block of @content, a static block:
 * its inner content with each inner block's in its place, as
 * WP_Block::render() puts it together, read by parse_blocks(); without the
 * white space around block elements' tags, which a browser does not show. */
static char *
wordpress_first_rendered (const char *content)
{
  g_autoptr (JsonNode) parsed = cd_test_oracle_parse (content, strlen (content));
  JsonArray *blocks = json_object_get_array_member (json_node_get_object (parsed), "blocks");
  g_autoptr (GString) html = g_string_new (NULL);
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  g_autoptr (GRegex) around = g_regex_new ("\\s*(</?(?:ul|ol|li|p|blockquote)\\b[^>]*>)\\s*", 0, 0, NULL);

  /* Depth first, without recursion: each entry a block and the index of
   * its next piece of inner content. */
  g_ptr_array_add (stack, json_array_get_object_element (blocks, 0));
  g_ptr_array_add (stack, GUINT_TO_POINTER (0));
  while (stack->len > 0)
    {
      JsonObject *block = g_ptr_array_index (stack, stack->len - 2);
      guint       piece = GPOINTER_TO_UINT (g_ptr_array_index (stack, stack->len - 1));
      JsonArray  *inner = json_object_get_array_member (block, "innerContent");
      JsonArray  *children = json_object_get_array_member (block, "innerBlocks");
      guint       child = 0;
      JsonNode   *node;

      if (piece >= json_array_get_length (inner))
        {
          g_ptr_array_set_size (stack, stack->len - 2);
          continue;
        }
      g_ptr_array_index (stack, stack->len - 1) = GUINT_TO_POINTER (piece + 1);
      node = json_array_get_element (inner, piece);
      if (!JSON_NODE_HOLDS_NULL (node))
        {
          g_string_append (html, json_node_get_string (node));
          continue;
        }
      for (guint i = 0; i < piece; i++)
        child += JSON_NODE_HOLDS_NULL (json_array_get_element (inner, i));
      g_ptr_array_add (stack, json_array_get_object_element (children, child));
      g_ptr_array_add (stack, GUINT_TO_POINTER (0));
    }
  return g_regex_replace (around, html->str, -1, 0, "\\1", 0, NULL);
}

/* Lists and quotes as block editors before 6.1 saved them (bare <li> and
 * <p>, no inner blocks) are edited as Markdown: untouched they keep their
 * bytes, edited they are written as 6.1 writes them, and WordPress shows
 * the same as the old block with the same edit. */
static void
test_older_forms (void)
{
  static const struct
  {
    const char *markup;
    const char *markdown;
    const char *from; /* an edit, in the body and in the markup */
    const char *to;
  } cases[] = {
    {"<!-- wp:list -->\n<ul><li>Roads closed</li><li>Schools <strong>open</strong><ul><li>North</li>"
      "<li>South</li></ul></li><li>Trains&nbsp;late</li></ul>\n<!-- /wp:list -->",
     "- Roads closed\n- Schools **open**\n  - North\n  - South\n- Trains\u00a0late\n",
     "South",                                                                                   "South-east"},
    { "<!-- wp:list {\"ordered\":true} -->\n<ol><li>First</li><li>Second<ol><li>Inner</li></ol></li>"
      "</ol>\n<!-- /wp:list -->",
     "1. First\n2. Second\n   1. Inner\n",                                             "First", "Before all"},
    { "<!-- wp:list {\"className\":\"is-style-checks\"} -->\n<ul class=\"is-style-checks\"><li>Water"
      "</li><li>Torch</li></ul>\n<!-- /wp:list -->",
     "- Water\n- Torch\n",                                                             "Torch", "Radio"     },
    { "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>We will rebuild.</p><p>Every "
      "house.</p></blockquote>\n<!-- /wp:quote -->",
     "> We will rebuild.\n>\n> Every house.\n",                                        "Every",
     "Each and every"                                                                                       },
    { "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>Quoted.</p><cite>The mayor</cite>"
      "</blockquote>\n<!-- /wp:quote -->",
     "> Quoted.\n>\n> \u2014 The mayor\n",                                             "mayor", "new mayor" },
  };
  /* What the Markdown cannot write exactly in the new form stays whole. */
  const char *kept[] = {
    "<!-- wp:list -->\n<ul>\n<li>By hand</li>\n<li>with breaks</li>\n</ul>\n<!-- /wp:list -->",
    "<!-- wp:list -->\n<ul><li class=\"done\">Marked</li></ul>\n<!-- /wp:list -->",
    "<!-- wp:list -->\n<ul></ul>\n<!-- /wp:list -->",
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *body = cd_wp_content_to_body (cases[c].markup, -1);
      g_autofree char *same = cd_wp_body_to_content (body, -1, cases[c].markup, -1);
      g_auto (GStrv) parts = g_strsplit (body, cases[c].from, 2);
      g_autofree char *edited_body = NULL;
      g_autofree char *edited = NULL;

      g_test_message ("%s", cases[c].markup);
      g_assert_cmpstr (body, ==, cases[c].markdown);
      g_assert_cmpstr (same, ==, cases[c].markup);
      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      edited_body = g_strjoin (cases[c].to, parts[0], parts[1], NULL);
      edited = cd_wp_body_to_content (edited_body, -1, cases[c].markup, -1);
      g_assert_nonnull (strstr (edited, cases[c].to));
      /* Written as 6.1 writes it: the children are blocks. */
      g_assert_true (strstr (edited, "<!-- wp:list-item -->\n<li>") != NULL ||
                     strstr (edited, "<!-- wp:paragraph -->\n<p>") != NULL);
      if (cd_test_oracle_missing () == NULL)
        {
          g_auto (GStrv) markup_parts = g_strsplit (cases[c].markup, cases[c].from, 2);
          g_autofree char *old_edited = g_strjoin (cases[c].to, markup_parts[0], markup_parts[1], NULL);
          g_autofree char *shown = wordpress_first_rendered (old_edited);
          g_autofree char *shown_after = wordpress_first_rendered (edited);
          g_autofree char *attrs = wordpress_first_attrs (cases[c].markup);
          g_autofree char *attrs_after = wordpress_first_attrs (edited);

          g_assert_cmpstr (shown_after, ==, shown);
          g_assert_cmpstr (attrs_after, ==, attrs);
        }
    }

  /* The form 6.1 writes, to the byte. */
  {
    g_autofree char *edited = cd_wp_body_to_content ("1. Before all\n2. Second\n   1. Inner\n", -1,
                                                     cases[1].markup, -1);

    g_assert_cmpstr (edited, ==,
                     "<!-- wp:list {\"ordered\":true} -->\n<ol><!-- wp:list-item -->\n<li>Before "
                     "all</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Second<!-- "
                     "wp:list {\"ordered\":true} -->\n<ol><!-- wp:list-item -->\n<li>Inner</li>\n"
                     "<!-- /wp:list-item --></ol>\n<!-- /wp:list --></li>\n<!-- /wp:list-item -->"
                     "</ol>\n<!-- /wp:list -->");
  }

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *body = cd_wp_content_to_body (kept[i], -1);
      g_autofree char *fence = cd_wp_fence (kept[i], -1);
      g_autofree char *expected = g_strconcat (fence, "\n", NULL);

      g_assert_cmpstr (body, ==, expected);
    }
  if (cd_test_oracle_missing () != NULL)
    g_test_skip (cd_test_oracle_missing ());
}

/* A classic post stays classic: untouched, the same bytes; edited, HTML
 * without a block delimiter, and only the edited paragraph changes: the
 * embeds, shortcodes and "more" tag its authors put there stay as they
 * were, each a fence in the body, and coloured text keeps its colour. */
static void
test_classic (void)
{
  gsize            length;
  g_autofree char *content = cd_test_block_fixture ("classic.html", &length);
  g_autofree char *body = cd_wp_content_to_body (content, length);
  g_autofree char *same = cd_wp_body_to_content (body, -1, content, length);
  g_autofree char *edited_body = g_strconcat ("Edited. ", body, NULL);
  g_autofree char *edited = cd_wp_body_to_content (edited_body, -1, content, length);
  g_autofree char *expected = g_strconcat ("Edited. ", content, NULL);
  const char      *post = "The council met on Tuesday and said \"it's over\" [sic] &amp; done.\n\n"
                          "<span style=\"color: #ff0000;\">Red text</span> and <a href=\"https://x.org\" "
                          "target=\"_blank\" rel=\"noopener\">a link</a>.\n\n"
                          "<iframe src=\"https://www.youtube.com/embed/xyz\" width=\"560\" "
                          "height=\"315\"></iframe>\n\n"
                          "The mayor said: <em>\"We will rebuild.\"</em> See <a "
                          "href=\"https://x.org/r\">the report</a>.\n"
                          "<!--more-->\n\n"
                          "<h2>Reaction</h2>\n"
                          "Shops <strong>reopened</strong>.\n\n"
                          "[gallery ids=\"4,5\"]";
  g_autofree char *post_body = cd_wp_content_to_body (post, -1);
  g_auto (GStrv) parts = g_strsplit (post_body, "Shops", 2);
  g_autofree char *post_edited_body = g_strjoin ("Most shops", parts[0], parts[1], NULL);
  g_autofree char *post_edited = cd_wp_body_to_content (post_edited_body, -1, post, -1);
  g_auto (GStrv) added_parts = g_strsplit (post_body, "## Reaction", 2);
  g_autofree char *added_body = g_strjoin ("A new paragraph.\n\n## Reaction", added_parts[0],
                                           added_parts[1], NULL);
  g_autofree char *added = cd_wp_body_to_content (added_body, -1, post, -1);
  g_autoptr (GString) post_expected = g_string_new (post);

  g_assert_true (cd_wp_content_is_classic (content, length));
  g_assert_cmpstr (same, ==, content);
  g_assert_cmpstr (edited, ==, expected);
  /* A post of white space alone (a space, as sites save one that has no
   * text) stays its bytes untouched, and is what was typed once edited. */
  {
    g_autofree char *blank_body = cd_wp_content_to_body (" \n", -1);
    g_autofree char *blank_same = cd_wp_body_to_content (blank_body, -1, " \n", -1);
    g_autofree char *blank_typed = cd_wp_body_to_content ("Typed.\n", -1, " \n", -1);

    g_assert_cmpstr (blank_same, ==, " \n");
    g_assert_cmpstr (blank_typed, !=, " \n");
    g_assert_nonnull (strstr (blank_typed, "Typed."));
  }
  assert_wordpress_reads (edited, "(html)");
  /* Its list, as the classic editor saves lists, is Markdown; an item
   * edited keeps the editor's form. */
  {
    g_auto (GStrv) list_parts = g_strsplit (body, "- Shops did not.", 2);
    g_autofree char *list_body = NULL;
    g_autofree char *list_edited = NULL;
    g_autoptr (GString) list_expected = g_string_new (content);

    g_assert_cmpuint (g_strv_length (list_parts), ==, 2);
    list_body = g_strjoin ("- Shops did not reopen.", list_parts[0], list_parts[1], NULL);
    list_edited = cd_wp_body_to_content (list_body, -1, content, length);
    g_string_replace (list_expected, "Shops did not.", "Shops did not reopen.", 1);
    g_assert_cmpstr (list_edited, ==, list_expected->str);
  }

  g_assert_cmpstr (post_body, ==,
                   "The council met on Tuesday and said \"it's over\" \\[sic\\] & done.\n\n"
                   "Red text and [a link](https://x.org).\n\n"
                   "```wordpress\n<iframe src=\"https://www.youtube.com/embed/xyz\" width=\"560\" "
                   "height=\"315\"></iframe>\n```\n\n"
                   "The mayor said: *\"We will rebuild.\"* See [the report](https://x.org/r).\n\n"
                   "```wordpress\n<!--more-->\n```\n\n## Reaction\n\nShops **reopened**.\n\n"
                   "```wordpress\n[gallery ids=\"4,5\"]\n```\n");
  g_string_replace (post_expected, "Shops", "Most shops", 1);
  g_assert_cmpstr (post_edited, ==, post_expected->str);
  g_string_replace (post_expected, "Most shops", "Shops", 1);
  g_string_replace (post_expected, "<!--more-->\n\n", "<!--more-->\n\nA new paragraph.\n\n", 1);
  g_assert_cmpstr (added, ==, post_expected->str);

  /* The classic editor writes a no-break space as "&nbsp;"; imported
   * posts spell quotes and dashes as references: the body has the
   * characters, an edit writes them back as the piece did. */
  {
    const char      *spelled = "The mayor&nbsp;said it&#8217;s &ldquo;over&rdquo; &mdash; for now.\n\n"
                               "Rates &gt; 5%.";
    g_autofree char *spelled_body = cd_wp_content_to_body (spelled, -1);
    g_autofree char *rewritten = cd_wp_body_to_content (
        "The mayor\u00a0said it\u2019s \u201cover\u201d \u2014 for now, at least.\n\nRates \\> 5%.\n",
        -1, spelled, -1);

    g_assert_cmpstr (spelled_body, ==,
                     "The mayor\u00a0said it\u2019s \u201cover\u201d \u2014 for now.\n\nRates \\> 5%.\n");
    g_assert_cmpstr (rewritten, ==,
                     "The mayor&nbsp;said it&#8217;s &ldquo;over&rdquo; &mdash; for now, at "
                     "least.\n\nRates &gt; 5%.");
  }

  /* Text typed in the classic editor's HTML view keeps an ampersand
   * bare, in the text and in an address; a paragraph that spells it
   * "&amp;" keeps that. */
  {
    const char      *bare = "AT&T bought <a href=\"https://x.org/?a=1&b=2\">M&S</a>.\n\nQ&amp;A follows.";
    g_autofree char *bare_body = cd_wp_content_to_body (bare, -1);
    g_autofree char *rewritten = cd_wp_body_to_content (
        "AT&T sold [M&S](https://x.org/?a=1&b=2) & more.\n\nQ&A follows.\n", -1, bare, -1);

    g_assert_cmpstr (bare_body, ==, "AT&T bought [M&S](https://x.org/?a=1&b=2).\n\nQ&A follows.\n");
    g_assert_cmpstr (rewritten, ==,
                     "AT&T sold <a href=\"https://x.org/?a=1&b=2\">M&S</a> & more.\n\nQ&amp;A follows.");
  }

  /* Two spaces after a sentence, as typists write, and bold italic as
   * the classic editor nests it stay as the post has them. */
  {
    const char      *typed = "<p>The bridge is <strong><em>closed</em></strong>.  Traffic is diverted.</p>";
    g_autofree char *typed_body = cd_wp_content_to_body (typed, -1);
    g_autofree char *rewritten = cd_wp_body_to_content (
        "The bridge is **_closed_**.  Traffic is diverted to the A9.\n", -1, typed, -1);

    g_assert_cmpstr (typed_body, ==, "The bridge is **_closed_**.  Traffic is diverted.\n");
    g_assert_cmpstr (rewritten, ==,
                     "<p>The bridge is <strong><em>closed</em></strong>.  Traffic is diverted to the "
                     "A9.</p>");
  }

  /* A line break inside a paragraph, which WordPress shows as <br>, is a
   * hard break in the body and a line break again in the post. */
  {
    const char      *broken = "Q: Will the bridge open?\nA: Not before June.\n\nEnd.";
    g_autofree char *broken_body = cd_wp_content_to_body (broken, -1);
    g_autofree char *rewritten = cd_wp_body_to_content (
        "Q: Will the bridge open?\\\nA: Not before July.\n\nEnd.\n", -1, broken, -1);

    g_assert_cmpstr (broken_body, ==, "Q: Will the bridge open?\\\nA: Not before June.\n\nEnd.\n");
    g_assert_cmpstr (rewritten, ==, "Q: Will the bridge open?\nA: Not before July.\n\nEnd.");
  }

  /* A post whose paragraphs are in <p> elements keeps them, and new
   * paragraphs get them too. */
  {
    const char      *wrapped = "<p>First.</p>\n<p>Second <em>time</em>.</p>";
    g_autofree char *wrapped_body = cd_wp_content_to_body (wrapped, -1);
    g_autofree char *rewritten =
        cd_wp_body_to_content ("First.\n\nAdded.\n\nSecond *time* round.\n", -1, wrapped, -1);

    g_assert_cmpstr (wrapped_body, ==, "First.\n\nSecond *time*.\n");
    g_assert_cmpstr (rewritten, ==,
                     "<p>First.</p>\n\n<p>Added.</p>\n\n<p>Second <em>time</em> round.</p>");
  }
}

#define SPAN "<span style=\"font-weight: 400;\">"

/* The HTML of paragraphs, quotes and lists, without the white space around
 * their tags, "<br />" as "<br>", a <div> of text as a paragraph, a quote
 * without its source's address, links by their address alone, without
 * the spans and item attributes of pasted text, the elements Markdown has
 * no word for and the alignment of paragraphs and headings (the body
 * keeps the rest of a link's tag, the spans, those elements and the
 * attributes aside). */
static char *
paragraph_html (const char *html)
{
  g_autoptr (GRegex) around = g_regex_new ("\\s*(</?(?:p|blockquote|br|ul|ol|li)\\b[^>]*>)\\s*", 0, 0,
                                           NULL);
  g_autoptr (GRegex) link = g_regex_new ("<a (?:[^>]* )?(href=\"[^\"]*\")[^>]*>", 0, 0, NULL);
  g_autofree char *tight = g_regex_replace (around, html, -1, 0, "\\1", 0, NULL);
  g_autoptr (GRegex) span = g_regex_new ("</?(?:span|u|abbr|mark)\\b[^>]*>", 0, 0, NULL);
  g_autofree char *links = g_regex_replace (link, tight, -1, 0, "<a \\1>", 0, NULL);
  g_autofree char *unspanned = g_regex_replace (span, links, -1, 0, "", 0, NULL);
  GString         *out = g_string_new (unspanned);
  /* Elements of the same meaning, by one name. */
  static const char *const same[] = { "b>", "strong>", "i>", "em>", "s>", "del>" };

  g_string_replace (out, "<br />", "<br>", 0);
  g_string_replace (out, "<blockquote cite=\"https://x.org/speech\">", "<blockquote>", 0);
  g_string_replace (out, "<div>", "<p>", 0);
  g_string_replace (out, "<div class=\"copy\">", "<p>", 0);
  g_string_replace (out, "</div>", "</p>", 0);
  g_string_replace (out, " style=\"text-align: justify;\"", "", 0);
  g_string_replace (out, " style=\"text-align: center;\"", "", 0);
  g_string_replace (out, "<li style=\"font-weight: 400;\" aria-level=\"1\">", "<li>", 0);
  for (guint i = 0; i < G_N_ELEMENTS (same); i += 2)
    {
      g_autofree char *open = g_strconcat ("<", same[i], NULL);
      g_autofree char *close = g_strconcat ("</", same[i], NULL);
      g_autofree char *open_as = g_strconcat ("<", same[i + 1], NULL);
      g_autofree char *close_as = g_strconcat ("</", same[i + 1], NULL);

      g_string_replace (out, open, open_as, 0);
      g_string_replace (out, close, close_as, 0);
    }
  return g_string_free (out, FALSE);
}

/* Paragraphs whose line breaks are written as elements, as posts imported
 * from other systems have them, and quotes of bare text, as the classic
 * editor saves them, are text in the body: the body shows what WordPress
 * shows of them (its own wpautop() is the judge), and an edit writes
 * them back in the post's own form. Forms the body cannot write back
 * exactly stay kept as they are. */
static void
test_classic_paragraphs (void)
{
  static const struct
  {
    const char *piece;
    const char *from, *to; /* an edit in the body */
  } cases[] = {
    {"Line one<br />\nLine two",                                                                                           "two",      "2"          },
    { "Line one<br/>Line two<br/>Line three",                                                                              "three",    "3"          },
    { "<p>Text<br />\nmore &amp; more&nbsp;text</p>",                                                                      "Text",     "Texts"      },
    { "<blockquote>We will rebuild.</blockquote>",                                                                         "rebuild",  "build again"},
    { "<blockquote cite=\"https://x.org/speech\">We will rebuild.</blockquote>",                                           "rebuild",  "build again"},
    { "<blockquote cite=\"https://x.org/speech\"><p>We will rebuild.</p>\n<p>Soon.</p></blockquote>",                      "rebuild",  "build again"},
    { "<blockquote>Para one.\n\nPara two with <em>style</em>.</blockquote>",                                               "two",      "2"          },
    { "<blockquote>We will rebuild.\n\u2014 Mayor Anna M\u00fcller</blockquote>",                                          "Anna",     "A."         },
 /* Links that open in a new tab, as the classic editor's link dialog
  * makes them. */
    { "See <a href=\"https://x.org/r\" target=\"_blank\" rel=\"noopener\">the report</a> and "
      "<a href=\"https://x.org/s\">this</a>.",
     "report",                                                                                                                         "full report"},
 /* Bold, italic and struck text as older editors write it. */
    { "Some <b>bold</b>, <i>italic</i> and <del>struck</del> words.",                                                      "words",    "terms"      },
 /* Lists with a list under an item, as the classic editor saves them
  * now and as it did before WordPress 4.3. */
    { "<ul>\n \t<li>Roads closed\n<ul>\n \t<li>A3 at Passau</li>\n</ul>\n</li>\n \t<li>Schools shut</li>\n</ul>",
     "A3",                                                                                                                             "A93"        },
    { "<ol>\n\t<li>Evacuate\n<ol>\n\t<li>Old town first</li>\n</ol>\n</li>\n\t<li>Wait</li>\n</ol>",                       "Wait",
     "Stay"                                                                                                                                         },
 /* Lists as typed in the editor's HTML view or posted by other tools: an
  * item a line, or the whole list on one. */
    { "<ul>\n<li>Roads closed</li>\n<li>Schools shut</li>\n</ul>",                                                         "Schools",  "All schools"},
    { "<ol><li>Evacuate</li><li>Wait</li></ol>",                                                                           "Wait",     "Stay"       },
 /* A list whose every line is indented alike, as HTML written by hand or
  * exported by another system is. */
    { "<ol>\n    <li>Evacuate\n    <ol>\n    <li>Old town first</li>\n    </ol>\n    </li>\n    <li>Wait</li>\n    </ol>",
     "Wait",                                                                                                                           "Stay"       },
 /* Two spaces after a sentence, bold italic, bare ampersands. */
    { "The bridge is <strong><em>closed</em></strong>.  Traffic is diverted.",                                             "diverted", "slow"       },
    { "AT&T and M&S <a href=\"https://x.org/?a=1&b=2\">shares</a> fell.",                                                  "fell",     "rose"       },
 /* Spaces inside emphasis at its ends, as a selection with a space
  * leaves them. */
    { "Choose <em>None</em>, <em>Left</em>, <em>Right, </em>and <strong>Teletype Tag </strong>(<em>old</em>).",            "old",      "obsolete"   },
 /* Text pasted from a word processor, every stretch of it in the same
  * span, run by run or line by line, and list items with the same
  * attributes. */
    { SPAN "The </span><a href=\"https://x.org/r\">" SPAN "report</span></a>" SPAN " said </span><i>" SPAN
           "no</span></i>" SPAN ".</span>",
     "said",                                                                                                                           "found"      },
    { SPAN "Read the </span><a href=\"https://x.org/r\"><span style=\"font-weight: 400; color: #1155cc;\">"
           "report</span></a>" SPAN " here.</span>",
     "here",                                                                                                                           "now"        },
    { "<p>" SPAN "Q: Open?</span><br />\n" SPAN "A: In June.</span></p>",                                                  "June",     "July"       },
    { SPAN "Line one\nLine two</span>",                                                                                    "two",      "2"          },
    { "<h2>" SPAN "Reaction</span></h2>",                                                                                  "Reaction", "Reactions"  },
 /* Quotes of paragraphs in <p> elements, as posts imported from other
  * systems have them. */
    { "<blockquote><p>We will rebuild.</p></blockquote>",                                                                  "rebuild",  "build again"},
    { "<blockquote><p>We will rebuild\ntoday.</p></blockquote>",                                                           "today",    "tomorrow"   },
    { "<blockquote>\n<p>We will rebuild.</p>\n<p>\u2014 Mayor</p>\n</blockquote>",                                         "Mayor",    "The mayor"  },
 /* Paragraphs and headings aligned with the classic editor's buttons. */
    { "<p style=\"text-align: justify;\">The council <strong>voted</strong>.</p>",                                         "voted",    "agreed"     },
    { "<h2 style=\"text-align: center;\">Reaction</h2>",                                                                   "Reaction", "Reactions"  },
    { "<ul>\n \t<li style=\"font-weight: 400;\" aria-level=\"1\">" SPAN "Roads closed</span></li>\n \t<li "
      "style=\"font-weight: 400;\" aria-level=\"1\">" SPAN "Schools shut</span></li>\n</ul>",
     "Schools",                                                                                                                        "All schools"},
 /* Text in a <div> alone, as pasting from a web page leaves it. */
    { "<div>Text from a web page.</div>",                                                                                  "page",     "site"       },
    { "<div class=\"copy\">Text from a <em>web</em> page.</div>",                                                          "page",     "site"       },
 /* Coloured words, underlined ones, an abbreviation: the elements stay
  * around their words. */
    { "A <span style=\"color: red;\">red</span> word.",                                                                    "word",     "warning"    },
    { "<span style=\"color: red;\">One</span> <span style=\"color: blue;\">two</span>",                                    "two",      "twenty"     },
    { "Read the <u>small print</u>; the <abbr title=\"World Health Organization\">WHO</abbr> did.",                        "did",      "has"        },
    { "A <u><mark>marked</mark></u> word.",                                                                                "marked",   "masked"     },
    { SPAN "Bold <b>this</b></span>",                                                                                      "Bold",     "Bolder"     },
 /* Preformatted text, as the classic editor's format menu writes it. */
    { "<pre>PASSAU      9.40 m\nDEGGENDORF  6.12 m &amp; falling</pre>",                                                   "6.12",     "6.21"       },
    { "<pre class=\"results\">PASSAU      9.40 m</pre>",                                                                   "9.40",     "9.45"       },
  };
  static const char *const kept[] = {
    "Mixed<br />\none<br>two",
    "Bare\nand<br />\nbroken",
    /* Bold written two ways. */
    "Some <b>bold</b> and <strong>strong</strong> words.",
    /* One address linked two ways: an edit could not tell which is which. */
    "Two <a href=\"https://x.org\" target=\"_blank\">links</a> to <a href=\"https://x.org\">one</a>.",
    "<blockquote class=\"twitter-tweet\"><p lang=\"en\">A post</p>&mdash; X</blockquote>",
    /* Quotes with other attributes: an embed's, a tweet's, hidden text. */
    "<blockquote class=\"twitter-tweet\">Big news today &mdash; Name</blockquote>",
    "<blockquote style=\"display: none;\">Hidden words</blockquote>",
    /* Elements that cross, an empty one. */
    "A <u>cross <mark>ed</u> words</mark>.",
    "An <span id=\"anchor\"></span>anchor.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *post = g_strconcat ("Intro.\n\n", cases[i].piece, "\n\nEnd.", NULL);
      g_autofree char *body = cd_wp_content_to_body (post, -1);
      g_autofree char *same = cd_wp_body_to_content (body, -1, post, -1);
      g_autoptr (GString) edited_body = g_string_new (body);
      g_autoptr (GString) expected = g_string_new (post);
      g_autofree char *edited = NULL;

      g_test_message ("%s", cases[i].piece);
      g_assert_null (strstr (body, "```wordpress"));
      g_assert_cmpstr (same, ==, post);
      g_assert_cmpuint (g_string_replace (edited_body, cases[i].from, cases[i].to, 1), ==, 1);
      g_assert_cmpuint (g_string_replace (expected, cases[i].from, cases[i].to, 1), ==, 1);
      edited = cd_wp_body_to_content (edited_body->str, -1, post, -1);
      g_assert_cmpstr (edited, ==, expected->str);
      if (cd_test_oracle_missing () == NULL)
        {
          g_autofree char *shown = cd_test_oracle_run ("autop", post, strlen (post));
          g_autofree char *rendered = cd_render_markdown (body, -1, CD_RENDER_NONE);
          g_autofree char *html = paragraph_html (shown);
          g_autofree char *rendered_html = paragraph_html (rendered);
          g_autoptr (GString) want = g_string_new (html);
          g_autoptr (GString) got = g_string_new (rendered_html);

          g_autoptr (GRegex) closing_space = g_regex_new (" ((?:</(?:em|strong|a)>)+)", 0, 0, NULL);
          g_autofree char *want_spaced = NULL;

          /* The body has the characters the post spells as references;
           * an ampersand is one, bare or not; a space at the end of an
           * emphasis shows as the space after it. */
          g_string_replace (want, "&nbsp;", "\u00a0", 0);
          g_string_replace (want, "&amp;", "&", 0);
          g_string_replace (got, "&amp;", "&", 0);
          /* Preformatted text is a fence, its lines in a code element. */
          g_string_replace (got, "<pre><code>", "<pre>", 0);
          g_string_replace (got, "\n</code></pre>", "</pre>", 0);
          g_string_replace (want, "<pre class=\"results\">", "<pre>", 0);
          want_spaced = g_regex_replace (closing_space, want->str, -1, 0, "\\1 ", 0, NULL);
          g_assert_cmpstr (got->str, ==, want_spaced);
        }
    }
  /* What a piece's shape writes back fits only text of its kind: a
   * paragraph with "<br />" breaks replaced by a list, code or a quote of
   * two paragraphs gets no "<br />" in them. */
  {
    static const char *const replacements[] = {
      "- a\n- b\n",
      "```\ncode a\ncode b\n```\n",
      "> Quoted one\n>\n> Quoted two\n",
    };

    for (guint i = 0; i < G_N_ELEMENTS (replacements); i++)
      {
        g_autofree char *body = g_strconcat (replacements[i], "\nOther\n", NULL);
        g_autofree char *content =
            cd_wp_body_to_content (body, -1, "Line one<br />\nLine two\n\nOther", -1);

        g_assert_null (strstr (content, "<br"));
        g_assert_true (g_str_has_suffix (content, "\n\nOther"));
        if (i == 0)
          g_assert_cmpstr (content, ==, "<ul>\n \t<li>a</li>\n \t<li>b</li>\n</ul>\n\nOther");
      }
  }
  /* Paragraphs written new follow the post's paragraphs, whatever comes
   * last; an edited one keeps its own form. */
  {
    const char *post = "<p>First.</p>\n<blockquote>Said.</blockquote>\n<h2>Reaction</h2>";
    char       *content =
        cd_wp_body_to_content ("First.\n\n> Said again.\n\n## Reaction\n\nAdded.\n", -1, post, -1);

    g_assert_cmpstr (content, ==,
                     "<p>First.</p>\n<blockquote>Said again.</blockquote>\n<h2>Reaction</h2>\n\n"
                     "<p>Added.</p>");
    /* An aligned paragraph has its own <p>, whatever the post's are. */
    g_free (content);
    content = cd_wp_body_to_content ("First.\n\nCentred.\n\nAdded.\n", -1,
                                     "First.\n<p style=\"text-align: center;\">Centred.</p>", -1);
    g_assert_cmpstr (content, ==, "First.\n<p style=\"text-align: center;\">Centred.</p>\n\nAdded.");
    g_free (content);
    /* Nor the text after a picture in its paragraph. */
    content = cd_wp_body_to_content ("First.\n\n```wordpress\n<img src=\"a.jpg\" />\n```\n\nSecond.\n\nAdded.\n",
                                     -1, "<p>First.</p>\n<img src=\"a.jpg\" />Second.", -1);
    g_assert_cmpstr (content, ==, "<p>First.</p>\n<img src=\"a.jpg\" />Second.\n\n<p>Added.</p>");
    g_free (content);
  }
  /* Pasted text with new emphasis: new words go in the spans of their
   * kind of place, in the post's own names for the elements; a kind of
   * place the post had no text in gets none. A paragraph block pasted so
   * is text as well. */
  {
    const char *post = SPAN "The </span><a href=\"https://x.org/r\">" SPAN "report</span></a>" SPAN
                            " said </span><i>" SPAN "no</span></i>" SPAN ".</span>";
    const char *block = "<!-- wp:paragraph -->\n<p>" SPAN "Visits </span><a href=\"https://x.org\">" SPAN
                        "fell</span></a>" SPAN ".</span></p>\n<!-- /wp:paragraph -->";
    g_autofree char *content = cd_wp_body_to_content (
        "The [report](https://x.org/r) *now* said *no*, **firmly**.\n", -1, post, -1);
    g_autofree char *block_body = cd_wp_content_to_body (block, -1);
    g_autofree char *block_edited =
        cd_wp_body_to_content ("Visits [fell](https://x.org) by half.\n", -1, block, -1);

    g_assert_cmpstr (content, ==,
                     SPAN "The </span><a href=\"https://x.org/r\">" SPAN "report</span></a> <i>" SPAN
                          "now</span></i>" SPAN " said </span><i>" SPAN "no</span></i>" SPAN
                          ", </span><strong>firmly</strong>" SPAN ".</span>");
    g_assert_cmpstr (block_body, ==, "Visits [fell](https://x.org).\n");
    g_assert_cmpstr (block_edited, ==,
                     "<!-- wp:paragraph -->\n<p>" SPAN "Visits </span><a href=\"https://x.org\">" SPAN
                     "fell</span></a>" SPAN " by half.</span></p>\n<!-- /wp:paragraph -->");
  }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *body = cd_wp_content_to_body (kept[i], -1);
      g_autofree char *fence = cd_wp_fence (kept[i], -1);
      g_autofree char *expected = g_strconcat (fence, "\n", NULL);

      g_assert_cmpstr (body, ==, expected);
    }
  /* A paragraph added to such a quote is written as the quote's are. */
  {
    const char      *quote = "<blockquote>\n<p>We will rebuild.</p>\n<p>Soon.</p>\n</blockquote>";
    g_autofree char *content =
        cd_wp_body_to_content ("> We will rebuild.\n>\n> Soon.\n>\n> Added.\n", -1, quote, -1);

    g_assert_cmpstr (content, ==,
                     "<blockquote>\n<p>We will rebuild.</p>\n<p>Soon.</p>\n<p>Added.</p>\n</blockquote>");
  }
  /* A picture the text flows around, put into the paragraph as the
   * classic editor puts it: the picture a piece kept as it is, the text
   * text, joined again with nothing between them. */
  {
    const char      *picture = "<a href=\"https://x.org/big.jpg\"><img class=\"alignright size-medium "
                               "wp-image-5\" src=\"https://x.org/x-300x200.jpg\" alt=\"\" width=\"300\" "
                               "height=\"200\" /></a>";
    g_autofree char *post = g_strconcat ("Intro.\n\n", picture, "The council met on Tuesday.\n\nEnd.", NULL);
    g_autofree char *body = cd_wp_content_to_body (post, -1);
    g_autofree char *fence = cd_wp_fence (picture, -1);
    g_autofree char *expected_body =
        g_strconcat ("Intro.\n\n", fence, "\n\nThe council met on Tuesday.\n\nEnd.\n", NULL);
    g_autoptr (GString) edited_body = g_string_new (body);
    g_autofree char *edited = NULL;
    g_autofree char *without = NULL;

    g_assert_cmpstr (body, ==, expected_body);
    g_string_replace (edited_body, "Tuesday", "Monday", 1);
    edited = cd_wp_body_to_content (edited_body->str, -1, post, -1);
    g_assert_true (g_str_has_suffix (edited, "</a>The council met on Monday.\n\nEnd."));
    g_assert_cmpuint (strlen (edited), ==, strlen (post) - 1);
    without = cd_wp_body_to_content ("Intro.\n\nThe council met on Tuesday.\n\nEnd.\n", -1, post, -1);
    g_assert_cmpstr (without, ==, "Intro.\n\nThe council met on Tuesday.\n\nEnd.");
    /* The picture edited, or the text edited into two paragraphs: the
     * picture and the text next to it stay one paragraph. */
    {
      g_autoptr (GString) alt_body = g_string_new (body);
      g_autoptr (GString) alt_expected = g_string_new (post);
      g_autoptr (GString) split_body = g_string_new (body);
      g_autoptr (GString) split_expected = g_string_new (post);
      g_autofree char *alt = NULL;
      g_autofree char *split = NULL;

      g_string_replace (alt_body, "alt=\"\"", "alt=\"Council chamber\"", 1);
      g_string_replace (alt_expected, "alt=\"\"", "alt=\"Council chamber\"", 1);
      alt = cd_wp_body_to_content (alt_body->str, -1, post, -1);
      g_assert_cmpstr (alt, ==, alt_expected->str);
      g_string_replace (split_body, "Tuesday.", "Monday.\n\nAdded.", 1);
      g_string_replace (split_expected, "Tuesday.", "Monday.\n\nAdded.", 1);
      split = cd_wp_body_to_content (split_body->str, -1, post, -1);
      g_assert_cmpstr (split, ==, split_expected->str);
    }
  }
  /* A picture at the end of a paragraph, on its line or the next (a
   * [caption] as the classic editor inserts one where the text ends): the
   * picture a piece, the text text; edited, the two stay one paragraph;
   * the picture deleted, the text stays. */
  {
    const char      *small = "<img class=\"size-full wp-image-904 alignright\" alt=\"\" "
                             "src=\"https://x.org/a.jpg\" width=\"150\" height=\"150\" />";
    const char      *caption = "[caption id=\"attachment_9\" align=\"aligncenter\" width=\"600\"]<img "
                               "class=\"wp-image-9\" alt=\"\" src=\"https://x.org/b.jpg\" width=\"600\" "
                               "height=\"400\" /> The flooded square[/caption]";
    g_autofree char *post = g_strconcat ("Intro.\n\nThe river rose. ", small, "\n\nIt fell.\n", caption,
                                         "\n\nEnd.", NULL);
    g_autofree char *body = cd_wp_content_to_body (post, -1);
    g_autofree char *small_fence = cd_wp_fence (small, -1);
    g_autofree char *caption_fence = cd_wp_fence (caption, -1);
    g_autofree char *expected_body = g_strconcat ("Intro.\n\nThe river rose.\n\n", small_fence,
                                                  "\n\nIt fell.\n\n", caption_fence, "\n\nEnd.\n", NULL);
    g_autoptr (GString) edited_body = g_string_new (body);
    g_autoptr (GString) expected = g_string_new (post);
    g_autoptr (GString) without_body = g_string_new (body);
    g_autofree char *edited = NULL;
    g_autofree char *without = NULL;

    g_assert_cmpstr (body, ==, expected_body);
    g_string_replace (edited_body, "rose.", "rose at dawn.", 1);
    g_string_replace (edited_body, "It fell.", "It fell again.", 1);
    g_string_replace (expected, "rose.", "rose at dawn.", 1);
    g_string_replace (expected, "It fell.", "It fell again.", 1);
    edited = cd_wp_body_to_content (edited_body->str, -1, post, -1);
    g_assert_cmpstr (edited, ==, expected->str);
    g_string_replace (without_body, caption_fence, "", 1);
    g_string_replace (without_body, "It fell.", "It fell again.", 1);
    without = cd_wp_body_to_content (without_body->str, -1, post, -1);
    g_assert_true (g_str_has_suffix (without, "\n\nIt fell again.\n\nEnd."));
  }
  if (cd_test_oracle_missing () != NULL)
    g_test_skip (cd_test_oracle_missing ());
}

/* Units of the same text: which one the person removed or moved past is
 * read from the order of the rest, and each keeps its own markup. */
static void
test_same_text (void)
{
#define UPDATE(attrs, classes)                                                            \
  "<!-- wp:heading " attrs "-->\n<h2 class=\"wp-block-heading" classes "\">Update</h2>\n" \
  "<!-- /wp:heading -->"
  const char *first = UPDATE ("", "");
  const char *second = UPDATE ("{\"textColor\":\"vivid-red\"} ", " has-vivid-red-color has-text-color");
  const char *third = UPDATE ("{\"textAlign\":\"center\"} ", " has-text-align-center");
#undef UPDATE
  const char      *photo = "<!-- wp:image {\"id\":7} -->\n<figure class=\"wp-block-image\"><img "
                           "src=\"https://example.org/flood.jpg\" alt=\"\" class=\"wp-image-7\"/></figure>\n"
                           "<!-- /wp:image -->";
  const char      *river = "<!-- wp:paragraph -->\n<p>The river rose.</p>\n<!-- /wp:paragraph -->";
  g_autofree char *base = g_strjoin ("\n\n", photo, first, river, second, third, NULL);
  g_autofree char *body = cd_wp_content_to_body (base, -1);
  g_auto (GStrv) units = g_strsplit (body, "\n\n", -1);

  g_assert_cmpuint (g_strv_length (units), ==, 5);
  g_assert_cmpstr (units[1], ==, "## Update");
  g_assert_cmpstr (units[3], ==, "## Update");

  /* The first "Update" deleted: the others keep their colour and
   * alignment. */
  {
    g_autofree char *edited = g_strjoin ("\n\n", units[0], units[2], units[3], units[4], NULL);
    g_autofree char *content = cd_wp_body_to_content (edited, -1, base, -1);
    g_autofree char *expected = g_strjoin ("\n\n", photo, river, second, third, NULL);

    g_assert_cmpstr (content, ==, expected);
  }
  /* The photo moved below the first "Update": the three keep their order. */
  {
    g_autofree char *edited = g_strjoin ("\n\n", units[1], units[0], units[2], units[3], units[4], NULL);
    g_autofree char *content = cd_wp_body_to_content (edited, -1, base, -1);
    g_autofree char *expected = g_strjoin ("\n\n", first, photo, river, second, third, NULL);

    g_assert_cmpstr (content, ==, expected);
  }
  /* The last two swapped by moving the paragraph to the end. */
  {
    g_autofree char *edited = g_strjoin ("\n\n", units[0], units[1], units[3], units[4], units[2], NULL);
    g_autofree char *content = cd_wp_body_to_content (edited, -1, base, -1);
    g_autofree char *expected = g_strjoin ("\n\n", photo, first, second, third, river, NULL);

    g_assert_cmpstr (content, ==, expected);
  }
}

/* A quote's citation and a pull quote are text: the citation is the
 * quote's last paragraph, after a dash; an edit writes a pull quote back
 * as a pull quote with its own attributes, and the last paragraph that
 * starts with the dash as its citation; without it the quote has none. */
static void
test_citations (void)
{
  const char *quote = "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n"
                      "<p>We will rebuild.</p>\n<!-- /wp:paragraph --><cite>Mayor Anna M\u00fcller</cite>"
                      "</blockquote>\n<!-- /wp:quote -->";
  const char *pulled = "<!-- wp:pullquote {\"textAlign\":\"left\"} -->\n<figure class=\"wp-block-pullquote "
                       "has-text-align-left\"><blockquote><p>The river does not read forecasts.</p><cite>A "
                       "resident</cite></blockquote></figure>\n<!-- /wp:pullquote -->";
  static const struct
  {
    const char *body; /* the pull quote edited */
    const char *inner;
  } edits[] = {
    {"> The river does not read *any* forecasts.\n>\n> \u2014 A resident\n",
     "<p>The river does not read <em>any</em> forecasts.</p><cite>A resident</cite>"                                                },
    { "> The river does not read forecasts.\n>\n> \u2014 A resident of Passau\n",
     "<p>The river does not read forecasts.</p><cite>A resident of Passau</cite>"                                                   },
    { "> The river does not read forecasts.\n>\n> Nor do we.\n>\n> \u2014 A resident\n",
     "<p>The river does not read forecasts.</p><p>Nor do we.</p><cite>A resident</cite>"                                            },
    { "> The river does not read forecasts.\n",                                          "<p>The river does not read forecasts.</p>"},
  };
  g_autofree char *content = g_strconcat (quote, "\n\n", pulled, NULL);
  g_autofree char *body = cd_wp_content_to_body (content, -1);
  g_autofree char *same = cd_wp_body_to_content (body, -1, content, -1);
  g_autofree char *quote_edited = NULL;

  g_assert_cmpstr (body, ==,
                   "> We will rebuild.\n>\n> \u2014 Mayor Anna M\u00fcller\n\n"
                   "> The river does not read forecasts.\n>\n> \u2014 A resident\n");
  g_assert_cmpstr (same, ==, content);

  quote_edited = cd_wp_body_to_content ("> We will rebuild.\n>\n> \u2014 Mayor A. M\u00fcller\n", -1,
                                        quote, -1);
  g_assert_cmpstr (quote_edited, ==,
                   "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n"
                   "<p>We will rebuild.</p>\n<!-- /wp:paragraph --><cite>Mayor A. M\u00fcller</cite>"
                   "</blockquote>\n<!-- /wp:quote -->");
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *edited = cd_wp_body_to_content (edits[i].body, -1, pulled, -1);
      g_autofree char *expected = g_strconcat ("<!-- wp:pullquote {\"textAlign\":\"left\"} -->\n<figure "
                                               "class=\"wp-block-pullquote has-text-align-left\">"
                                               "<blockquote>",
                                               edits[i].inner, "</blockquote></figure>\n<!-- /wp:pullquote -->",
                                               NULL);

      g_assert_cmpstr (edited, ==, expected);
      assert_wordpress_reads (edited, "core/pullquote");
    }
  /* Citations as later block editors write them: with classes, or a
   * paragraph of the citation's class; a link in one. */
  {
    static const char *const later[] = {
      "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>Quoted.</p>\n"
      "<!-- /wp:paragraph --><cite class=\"wp-block-quote__citation wp-element-cite\">The <a "
      "href=\"https://x.org/mayor\">mayor</a></cite></blockquote>\n<!-- /wp:quote -->",
      "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>Quoted.</p>\n"
      "<!-- /wp:paragraph --><p class=\"wp-block-quote__citation\">The <a "
      "href=\"https://x.org/mayor\">mayor</a></p></blockquote>\n<!-- /wp:quote -->",
    };

    for (guint i = 0; i < G_N_ELEMENTS (later); i++)
      {
        g_autofree char *later_body = cd_wp_content_to_body (later[i], -1);
        g_autofree char *later_edited = cd_wp_body_to_content (
            "> Quoted again.\n>\n> \u2014 The [mayor](https://x.org/mayor)\n", -1, later[i], -1);
        g_autoptr (GString) expected = g_string_new (later[i]);

        g_assert_cmpstr (later_body, ==, "> Quoted.\n>\n> \u2014 The [mayor](https://x.org/mayor)\n");
        g_string_replace (expected, "Quoted.", "Quoted again.", 1);
        g_assert_cmpstr (later_edited, ==, expected->str);
      }
  }
  /* A quote whose paragraphs share an opening Markdown cannot say (the
   * class later block editors give every paragraph): a paragraph added
   * is opened so too. Paragraphs opened in two ways stay a block. */
  {
    const char      *classed = "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n"
                               "<p class=\"wp-block-paragraph\">We will rebuild.</p>\n<!-- /wp:paragraph -->"
                               "<cite>The mayor</cite></blockquote>\n<!-- /wp:quote -->";
    const char      *mixed = "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n"
                             "<p class=\"wp-block-paragraph\">A</p>\n<!-- /wp:paragraph -->\n\n"
                             "<!-- wp:paragraph -->\n<p>B</p>\n<!-- /wp:paragraph --></blockquote>\n"
                             "<!-- /wp:quote -->";
    g_autofree char *classed_body = cd_wp_content_to_body (classed, -1);
    g_autofree char *classed_edited = cd_wp_body_to_content (
        "> We will rebuild.\n>\n> Soon.\n>\n> \u2014 The mayor\n", -1, classed, -1);
    g_autofree char *mixed_body = cd_wp_content_to_body (mixed, -1);
    g_autofree char *mixed_fence = cd_wp_fence (mixed, -1);
    g_autofree char *mixed_expected = g_strconcat (mixed_fence, "\n", NULL);

    g_assert_cmpstr (classed_body, ==, "> We will rebuild.\n>\n> \u2014 The mayor\n");
    g_assert_cmpstr (classed_edited, ==,
                     "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n"
                     "<p class=\"wp-block-paragraph\">We will rebuild.</p>\n<!-- /wp:paragraph -->\n\n"
                     "<!-- wp:paragraph -->\n<p class=\"wp-block-paragraph\">Soon.</p>\n"
                     "<!-- /wp:paragraph --><cite>The mayor</cite></blockquote>\n<!-- /wp:quote -->");
    assert_wordpress_reads (classed_edited, "core/quote");
    g_assert_cmpstr (mixed_body, ==, mixed_expected);
  }
  /* Pull quotes with colours, in an aside as later block editors write
   * them, or indented as older ones did. */
  {
    static const char *const styled[] = {
      "<!-- wp:pullquote {\"style\":{\"color\":{\"background\":\"#3486aa\"}}} -->\n<figure "
      "class=\"wp-block-pullquote has-background\" style=\"background-color:#3486aa\"><aside><p>Quoted."
      "</p><cite>The mayor</cite></aside></figure>\n<!-- /wp:pullquote -->",
      "<!-- wp:pullquote -->\n<figure class=\"wp-block-pullquote\"><blockquote class=\"has-text-color "
      "has-secondary-color\"><p>Quoted.</p><cite>The mayor</cite></blockquote></figure>\n"
      "<!-- /wp:pullquote -->",
      "<!-- wp:pullquote -->\n<figure class=\"wp-block-pullquote\">\n    <blockquote>\n    <p>Quoted."
      "</p><cite class=\"wp-block-pullquote__citation\">The mayor</cite>\n    </blockquote>\n</figure>\n"
      "<!-- /wp:pullquote -->",
    };

    for (guint i = 0; i < G_N_ELEMENTS (styled); i++)
      {
        g_autofree char *styled_body = cd_wp_content_to_body (styled[i], -1);
        g_autofree char *styled_edited =
            cd_wp_body_to_content ("> Quoted again.\n>\n> \u2014 The mayor\n", -1, styled[i], -1);
        g_autoptr (GString) expected = g_string_new (styled[i]);

        g_assert_cmpstr (styled_body, ==, "> Quoted.\n>\n> \u2014 The mayor\n");
        g_string_replace (expected, "Quoted.", "Quoted again.", 1);
        g_assert_cmpstr (styled_edited, ==, expected->str);
        assert_wordpress_reads (styled_edited, "core/pullquote");
      }
  }
  /* Two quotes of the same text: the one edited keeps its own kind. */
  {
    g_autofree char *twice = g_strconcat (quote, "\n\n", quote, NULL);
    g_autofree char *twice_edited = cd_wp_body_to_content (
        "> We will rebuild.\n>\n> \u2014 Mayor A. M\u00fcller\n\n"
        "> We will rebuild.\n>\n> \u2014 Mayor Anna M\u00fcller\n",
        -1, twice, -1);
    g_autofree char *expected = g_strconcat (quote_edited, "\n\n", quote, NULL);
    g_autofree char *pair = g_strconcat (quote, "\n\n", pulled, NULL);
    g_autofree char *pair_body = cd_wp_content_to_body (pair, -1);
    g_autoptr (GString) pair_edited_body = g_string_new (pair_body);
    g_autofree char *pair_edited = NULL;

    g_assert_cmpstr (twice_edited, ==, expected);
    /* The quote edited, the pull quote after it unchanged and still one. */
    g_string_replace (pair_edited_body, "rebuild", "build again", 1);
    pair_edited = cd_wp_body_to_content (pair_edited_body->str, -1, pair, -1);
    g_assert_true (g_str_has_suffix (pair_edited, pulled));
  }
  if (cd_test_oracle_missing () != NULL)
    g_test_skip (cd_test_oracle_missing ());
}

/* Subscripts and superscripts of digits and signs ("CO<sub>2</sub>",
 * "m<sup>2</sup>", a note's number) are text, in the characters Unicode
 * has for them, and written back as the elements ("1<sup>st</sup>" is
 * kept by where its letters stand, see test_marks()); one beside its own
 * character stays kept. */
static void
test_scripts (void)
{
  const char              *block = "<!-- wp:paragraph -->\n<p>CO<sub>2</sub> rose to 40 m<sup>2</sup> a head, "
                                   "10<sup>-6</sup> of it, see note<sup>12</sup>.</p>\n<!-- /wp:paragraph -->";
  const char              *classic = "Intro.\n\nH<sub>2</sub>O rose by 3 m<sup>3</sup>.\n\nEnd.";
  static const char *const kept[] = {
    /* The character itself beside the element: an edit could not tell. */
    "<!-- wp:paragraph -->\n<p>m<sup>2</sup> and m\u00b2.</p>\n<!-- /wp:paragraph -->",
  };
  g_autofree char *block_body = cd_wp_content_to_body (block, -1);
  g_autofree char *block_edited = cd_wp_body_to_content (
      "CO\u2082 fell to 40 m\u00b2 a head, 10\u207b\u2076 of it, see note\u00b9\u00b2; H\u2082 too.\n", -1,
      block, -1);
  g_autofree char *classic_body = cd_wp_content_to_body (classic, -1);
  g_autofree char *classic_edited =
      cd_wp_body_to_content ("Intro.\n\nH\u2082O fell by 3 m\u00b3.\n\nEnd.\n", -1, classic, -1);

  g_assert_cmpstr (block_body, ==,
                   "CO\u2082 rose to 40 m\u00b2 a head, 10\u207b\u2076 of it, see note\u00b9\u00b2.\n");
  g_assert_cmpstr (block_edited, ==,
                   "<!-- wp:paragraph -->\n<p>CO<sub>2</sub> fell to 40 m<sup>2</sup> a head, "
                   "10<sup>-6</sup> of it, see note<sup>12</sup>; H<sub>2</sub> too.</p>\n"
                   "<!-- /wp:paragraph -->");
  assert_wordpress_reads (block_edited, "core/paragraph");
  g_assert_cmpstr (classic_body, ==, "Intro.\n\nH\u2082O rose by 3 m\u00b3.\n\nEnd.\n");
  g_assert_cmpstr (classic_edited, ==, "Intro.\n\nH<sub>2</sub>O fell by 3 m<sup>3</sup>.\n\nEnd.");
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *body = cd_wp_content_to_body (kept[i], -1);
      g_autofree char *fence = cd_wp_fence (kept[i], -1);
      g_autofree char *expected = g_strconcat (fence, "\n", NULL);

      g_assert_cmpstr (body, ==, expected);
    }
  if (cd_test_oracle_missing () != NULL)
    g_test_skip (cd_test_oracle_missing ());
}

/* Inline elements Markdown has no word for, holding text alone (a
 * highlight, an abbreviation, an ordinal's letters, underlined or
 * coloured words), are text in the body; edited, each stays around its
 * words: around an edit inside it, moved with its words, left out with
 * words that are gone (the words kept). */
static void
test_marks (void)
{
#define MARK "<mark style=\"background-color:#fcb900\" class=\"has-inline-color\">"
#define ABBR "<abbr title=\"World Health Organization\">"
  const char *block = "<!-- wp:paragraph -->\n<p>Important: " MARK "road closed</mark> until noon, says the " ABBR
                      "WHO</abbr>; the 1<sup>st</sup> detour is signed.</p>\n<!-- /wp:paragraph -->";
  static const struct
  {
    const char *body;
    const char *text; /* the paragraph's text written back */
  } edits[] = {
  /* Inside the highlight. */
    {"Important: road shut until noon, says the WHO; the 1st detour is signed.\n",
     "Important: " MARK "road shut</mark> until noon, says the " ABBR "WHO</abbr>; the 1<sup>st</sup> detour is signed."     },
 /* Before it, and right after it: the highlight does not grow. */
    { "Urgent: road closed again until noon, says the WHO; the 1st detour is signed.\n",
     "Urgent: " MARK "road closed</mark> again until noon, says the " ABBR "WHO</abbr>; the 1<sup>st</sup> detour is signed."},
 /* Two edits with the marked words between them. */
    { "Note: road closed until noon, says the WHO; the 1st diversion is signed.\n",
     "Note: " MARK "road closed</mark> until noon, says the " ABBR "WHO</abbr>; the 1<sup>st</sup> diversion is signed."     },
 /* Bold inside the highlight. */
    { "Important: road **closed** until noon, says the WHO; the 1st detour is signed.\n",
     "Important: " MARK "road <strong>closed</strong></mark> until noon, says the " ABBR
      "WHO</abbr>; the 1<sup>st</sup> detour is signed."                                                                     },
 /* The highlighted words replaced, an emphasis across the end of
  * one, an ordinal changed: those elements are left out. */
    { "Important: the bridge until noon, says the WHO; the 1st detour is signed.\n",
     "Important: the bridge until noon, says the " ABBR "WHO</abbr>; the 1<sup>st</sup> detour is signed."                   },
    { "Important: road *closed until* noon, says the WHO; the 2nd detour is signed.\n",
     "Important: road <em>closed until</em> noon, says the " ABBR "WHO</abbr>; the 2nd detour is signed."                    },
  };
  const char              *others = "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">The " MARK "flood</mark> in numbers</h2>\n"
                                    "<!-- /wp:heading -->\n\n<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li><u>Roads</u> "
                                    "closed</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->\n\n<!-- wp:quote -->\n"
                                    "<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>We read <cite>The Times</cite> "
                                    "daily.</p>\n<!-- /wp:paragraph --><cite>A <span class=\"x\">reader</span></cite></blockquote>\n"
                                    "<!-- /wp:quote -->";
  const char              *classic = "Intro.\n\nPress <kbd>Ctrl</kbd>+<kbd>S</kbd> to <q>save</q>.\n\nEnd.";
  static const char *const kept[] = {
    /* Elements that cross each other or an emphasis, one that is empty. */
    "<!-- wp:paragraph -->\n<p>A <u>cross " MARK "ed</u> words</mark>.</p>\n<!-- /wp:paragraph -->",
    "<!-- wp:paragraph -->\n<p>A " MARK "b <em>c</mark> d</em>.</p>\n<!-- /wp:paragraph -->",
    "<!-- wp:paragraph -->\n<p>An <a id=\"top\"></a>anchor and a <span id=\"x\"></span>span.</p>\n"
    "<!-- /wp:paragraph -->",
  };
  /* An element around another, or around a link or emphasis. */
  const char      *nested = "<!-- wp:paragraph -->\n<p>A <u>" MARK "marked</mark></u> and " MARK "<em>stressed</em></mark> "
                            "<small><a href=\"#top\">[top]</a></small></p>\n<!-- /wp:paragraph -->";
  g_autofree char *nested_body = cd_wp_content_to_body (nested, -1);
  g_autofree char *nested_edited =
      cd_wp_body_to_content ("A masked and *stressed* [\\[top\\]](#top)\n", -1, nested, -1);
  g_autofree char *link_edited =
      cd_wp_body_to_content ("A marked and *stressed* [\\[back to top\\]](#top)\n", -1, nested, -1);
  g_autofree char *both_edited =
      cd_wp_body_to_content ("A masked and *stressed* [\\[back to top\\]](#top)\n", -1, nested, -1);
  /* Edits near elements: a word corrected inside one, words typed before
   * one, edits at both ends of a paragraph, words that now stand inside a
   * tag, an address or a reference, or inside other words. */
  static const struct
  {
    const char *text, *edit, *expected; /* a paragraph's text, its body edited, the text written */
  } near[] = {
    {"The " MARK "Govenment</mark> said.",                                                    "The Government said.\n",
     "The " MARK "Government</mark> said."                                                                                                                      },
    { "Feed the " MARK "cat</mark> now.",                                                     "Feed the cute cat now.\n",
     "Feed the cute " MARK "cat</mark> now."                                                                                                                    },
    { "Feed the " MARK "cat</mark> now.",                                                     "Feed the dog now.\n",                         "Feed the dog now."},
    { "Today the " ABBR "WHO</abbr> said the " ABBR "WHO</abbr> chief would act.",
     "Yesterday the WHO said the WHO chief would act at once.\n",
     "Yesterday the " ABBR "WHO</abbr> said the " ABBR "WHO</abbr> chief would act at once."                                                                    },
    { "Press <kbd>Ctrl</kbd>+<kbd>S</kbd> or <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd>.", "Now press Ctrl+S to save it.\n",
     "Now press Ctrl+S to save it."                                                                                                                             },
    { "She came 1<sup>st</sup> and he came 2<sup>nd</sup>.",                                  "She came first and he came second.\n",
     "She came first and he came second."                                                                                                                       },
    { "Our 1<sup>st</sup> shop opens <em>today</em>.",                                        "Our new shop opens **today**.\n",
     "Our new shop opens <strong>today</strong>."                                                                                                               },
    { "Read the <u>docs</u> <a href=\"https://example.com/docs/v1\">here</a>.",               "Read [here](https://example.com/docs/v2).\n",
     "Read <a href=\"https://example.com/docs/v2\">here</a>."                                                                                                   },
    { "Tom <u>amp</u> Jerry.",                                                                "Tom & Jerry.\n",                              "Tom &amp; Jerry." },
  };
  g_autofree char *body = cd_wp_content_to_body (block, -1);
  g_autofree char *others_body = cd_wp_content_to_body (others, -1);
  g_autofree char *others_edited = cd_wp_body_to_content (
      "## The flood in numbers, day 2\n\n- Roads closed\n- Schools shut\n\n> We read The Times every day.\n>\n"
      "> \u2014 A reader\n",
      -1, others, -1);
  g_autofree char *classic_body = cd_wp_content_to_body (classic, -1);
  g_autofree char *classic_edited =
      cd_wp_body_to_content ("Intro.\n\nPress Ctrl+S now to save.\n\nEnd.\n", -1, classic, -1);

  g_assert_cmpstr (body, ==, "Important: road closed until noon, says the WHO; the 1st detour is signed.\n");
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *edited = cd_wp_body_to_content (edits[i].body, -1, block, -1);
      g_autofree char *expected =
          g_strconcat ("<!-- wp:paragraph -->\n<p>", edits[i].text, "</p>\n<!-- /wp:paragraph -->", NULL);

      g_assert_cmpstr (edited, ==, expected);
      assert_wordpress_reads (edited, "core/paragraph");
    }
  for (guint i = 0; i < G_N_ELEMENTS (near); i++)
    {
      g_autofree char *content =
          g_strconcat ("<!-- wp:paragraph -->\n<p>", near[i].text, "</p>\n<!-- /wp:paragraph -->", NULL);
      g_autofree char *edited = cd_wp_body_to_content (near[i].edit, -1, content, -1);
      g_autofree char *expected =
          g_strconcat ("<!-- wp:paragraph -->\n<p>", near[i].expected, "</p>\n<!-- /wp:paragraph -->", NULL);

      g_assert_cmpstr (edited, ==, expected);
    }
  g_assert_cmpstr (others_body, ==,
                   "## The flood in numbers\n\n- Roads closed\n\n> We read The Times daily.\n>\n> \u2014 A reader\n");
  g_assert_cmpstr (others_edited, ==,
                   "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">The " MARK "flood</mark> in numbers, day 2</h2>\n"
                   "<!-- /wp:heading -->\n\n<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li><u>Roads</u> "
                   "closed</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Schools shut</li>\n"
                   "<!-- /wp:list-item --></ul>\n<!-- /wp:list -->\n\n<!-- wp:quote -->\n"
                   "<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>We read <cite>The Times</cite> "
                   "every day.</p>\n<!-- /wp:paragraph --><cite>A <span class=\"x\">reader</span></cite></blockquote>\n"
                   "<!-- /wp:quote -->");
  assert_wordpress_reads (others_edited, "core/heading core/list core/quote");
  g_assert_cmpstr (nested_body, ==, "A marked and *stressed* [\\[top\\]](#top)\n");
  g_assert_cmpstr (nested_edited, ==,
                   "<!-- wp:paragraph -->\n<p>A <u>" MARK "masked</mark></u> and " MARK "<em>stressed</em></mark> "
                   "<small><a href=\"#top\">[top]</a></small></p>\n<!-- /wp:paragraph -->");
  g_assert_cmpstr (link_edited, ==,
                   "<!-- wp:paragraph -->\n<p>A <u>" MARK "marked</mark></u> and " MARK "<em>stressed</em></mark> "
                   "<small><a href=\"#top\">[back to top]</a></small></p>\n<!-- /wp:paragraph -->");
  /* Two edits: what stands between them keeps its elements; those the
   * edits reach into are left out. */
  g_assert_cmpstr (both_edited, ==,
                   "<!-- wp:paragraph -->\n<p>A masked and " MARK "<em>stressed</em></mark> "
                   "<a href=\"#top\">[back to top]</a></p>\n<!-- /wp:paragraph -->");
  assert_wordpress_reads (nested_edited, "core/paragraph");
  assert_wordpress_reads (both_edited, "core/paragraph");
  g_assert_cmpstr (classic_body, ==, "Intro.\n\nPress Ctrl+S to save.\n\nEnd.\n");
  g_assert_cmpstr (classic_edited, ==, "Intro.\n\nPress <kbd>Ctrl</kbd>+<kbd>S</kbd> now to <q>save</q>.\n\nEnd.");
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *kept_body = cd_wp_content_to_body (kept[i], -1);
      g_autofree char *fence = cd_wp_fence (kept[i], -1);
      g_autofree char *expected = g_strconcat (fence, "\n", NULL);

      g_assert_cmpstr (kept_body, ==, expected);
    }
  if (cd_test_oracle_missing () != NULL)
    g_test_skip (cd_test_oracle_missing ());
#undef MARK
#undef ABBR
}

/* Tables as the block editor saves them: without a header section (a
 * new table has none), with a fixed layout, colours or a style, a column
 * aligned. Each is a Markdown table in the body (one without a header has
 * a header row of empty cells) and an edit goes back in the table's own
 * form. */
static void
test_tables (void)
{
  const char *plain = "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr>"
                      "<td>Ward 1</td><td>1,204</td></tr><tr><td>Ward 2</td><td>987</td></tr>"
                      "</tbody></table></figure>\n<!-- /wp:table -->";
  const char *styled =
      "<!-- wp:table {\"hasFixedLayout\":true,\"className\":\"is-style-stripes\"} -->\n"
      "<figure class=\"wp-block-table is-style-stripes\"><table class=\"has-fixed-layout\"><thead><tr>"
      "<th>Candidate</th><th class=\"has-text-align-right\" data-align=\"right\">Votes</th></tr>"
      "</thead><tbody><tr><td>M&uuml;ller</td><td class=\"has-text-align-right\" data-align=\"right\">"
      "5,120</td></tr><tr><td>Reyes</td><td class=\"has-text-align-right\" data-align=\"right\">4,870"
      "</td></tr></tbody></table></figure>\n<!-- /wp:table -->";
  static const char *const kept[] = {
    /* A footer section, a line break in a cell, a scope on some header
     * cells only. */
    "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>a</td></tr></tbody>"
    "<tfoot><tr><td>Total</td></tr></tfoot></table></figure>\n<!-- /wp:table -->",
    "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>a<br>b</td></tr>"
    "</tbody></table></figure>\n<!-- /wp:table -->",
    "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><thead><tr><th scope=\"col\">a</th>"
    "<th>b</th></tr></thead></table></figure>\n<!-- /wp:table -->",
    /* Columns aligned in some rows only. */
    "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>a</td></tr><tr>"
    "<td class=\"has-text-align-right\" data-align=\"right\">1</td></tr></tbody></table></figure>\n"
    "<!-- /wp:table -->",
  };
  g_autofree char *plain_body = cd_wp_content_to_body (plain, -1);
  g_autofree char *plain_edited = cd_wp_body_to_content (
      "|  |  |\n| --- | --- |\n| Ward 1 | 1,204 |\n| Ward 2 | 990 |\n| Ward 3 | 12 |\n", -1, plain, -1);
  g_autofree char *headed = cd_wp_body_to_content (
      "| Ward | Votes |\n| --- | --- |\n| Ward 1 | 1,204 |\n| Ward 2 | 987 |\n", -1, plain, -1);
  g_autofree char *styled_body = cd_wp_content_to_body (styled, -1);
  g_autofree char *styled_edited = cd_wp_body_to_content (
      "| Candidate | Votes |\n| --- | --: |\n| Müller | 5,120 |\n| Reyes | 4,871 |\n", -1, styled, -1);
  g_autofree char *written = cd_wp_body_to_content ("| | |\n|---|---|\n| a | b |\n", -1, NULL, 0);
  /* As later block editors write a table: a scope on every header cell. */
  const char *scoped =
      "<!-- wp:table {\"hasFixedLayout\":true} -->\n<figure class=\"wp-block-table\"><table "
      "class=\"has-fixed-layout\"><thead><tr><th scope=\"col\">Candidate</th><th class=\"has-text-align-right\" "
      "data-align=\"right\" scope=\"col\">Votes</th></tr></thead><tbody><tr><td>Reyes</td><td "
      "class=\"has-text-align-right\" data-align=\"right\">4,870</td></tr></tbody></table></figure>\n"
      "<!-- /wp:table -->";
  g_autofree char *scoped_body = cd_wp_content_to_body (scoped, -1);
  g_autofree char *scoped_same = cd_wp_body_to_content (scoped_body, -1, scoped, -1);
  g_autofree char *scoped_edited = cd_wp_body_to_content (
      "| Candidate | Votes cast |\n| --- | --: |\n| Reyes | 4,871 |\n| Müller | 5,120 |\n", -1, scoped, -1);
  /* A table Copydesk wrote before an empty header row meant none: its
   * empty header section stays, edited or not. */
  const char      *earlier = "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><thead><tr><th></th>"
                             "<th class=\"has-text-align-right\" data-align=\"right\"></th></tr></thead><tbody>"
                             "<tr><td>a</td><td class=\"has-text-align-right\" data-align=\"right\">1</td></tr>"
                             "</tbody></table></figure>\n<!-- /wp:table -->";
  g_autofree char *earlier_body = cd_wp_content_to_body (earlier, -1);
  g_autofree char *earlier_same = cd_wp_body_to_content ("| | |\n|---|--:|\n| a | 1 |\n", -1, earlier, -1);
  g_autofree char *earlier_edited =
      cd_wp_body_to_content ("|  |  |\n| --- | --: |\n| a | 2 |\n", -1, earlier, -1);
  g_autoptr (GString) earlier_expected = g_string_new (earlier);
  /* A table of nothing but an empty header row keeps it: a table has a
   * row. In a classic post a table has no empty header either. */
  g_autofree char *only_head = cd_wp_body_to_content ("|  |\n| --- |\n", -1, NULL, 0);
  g_autofree char *classic = cd_wp_body_to_content ("Text.\n\n|  |  |\n| --- | --- |\n| a | b |\n", -1,
                                                    "Text.", -1);

  g_assert_cmpstr (plain_body, ==, "|  |  |\n| --- | --- |\n| Ward 1 | 1,204 |\n| Ward 2 | 987 |\n");
  g_assert_cmpstr (plain_edited, ==,
                   "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr>"
                   "<td>Ward 1</td><td>1,204</td></tr><tr><td>Ward 2</td><td>990</td></tr><tr>"
                   "<td>Ward 3</td><td>12</td></tr></tbody></table></figure>\n<!-- /wp:table -->");
  assert_wordpress_reads (plain_edited, "core/table");
  /* Header cells typed in: the table gains its header section. */
  g_assert_cmpstr (headed, ==,
                   "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><thead><tr>"
                   "<th>Ward</th><th>Votes</th></tr></thead><tbody><tr><td>Ward 1</td><td>1,204</td>"
                   "</tr><tr><td>Ward 2</td><td>987</td></tr></tbody></table></figure>\n"
                   "<!-- /wp:table -->");
  g_assert_cmpstr (styled_body, ==,
                   "| Candidate | Votes |\n| --- | --: |\n| Müller | 5,120 |\n| Reyes | 4,870 |\n");
  g_assert_cmpstr (scoped_body, ==, "| Candidate | Votes |\n| --- | --: |\n| Reyes | 4,870 |\n");
  g_assert_cmpstr (scoped_same, ==, scoped);
  /* The header edited and a row added: every header cell keeps its scope. */
  g_assert_cmpstr (scoped_edited, ==,
                   "<!-- wp:table {\"hasFixedLayout\":true} -->\n<figure class=\"wp-block-table\"><table "
                   "class=\"has-fixed-layout\"><thead><tr><th scope=\"col\">Candidate</th><th "
                   "class=\"has-text-align-right\" data-align=\"right\" scope=\"col\">Votes cast</th></tr></thead>"
                   "<tbody><tr><td>Reyes</td><td class=\"has-text-align-right\" data-align=\"right\">4,871</td></tr>"
                   "<tr><td>Müller</td><td class=\"has-text-align-right\" data-align=\"right\">5,120</td></tr>"
                   "</tbody></table></figure>\n<!-- /wp:table -->");
  assert_wordpress_reads (scoped_edited, "core/table");
  g_assert_cmpstr (styled_edited, ==,
                   "<!-- wp:table {\"hasFixedLayout\":true,\"className\":\"is-style-stripes\"} -->\n"
                   "<figure class=\"wp-block-table is-style-stripes\"><table class=\"has-fixed-layout\">"
                   "<thead><tr><th>Candidate</th><th class=\"has-text-align-right\" data-align=\"right\">"
                   "Votes</th></tr></thead><tbody><tr><td>M&uuml;ller</td><td class=\"has-text-align-right\" "
                   "data-align=\"right\">5,120</td></tr><tr><td>Reyes</td><td class=\"has-text-align-right\" "
                   "data-align=\"right\">4,871</td></tr></tbody></table></figure>\n<!-- /wp:table -->");
  assert_wordpress_reads (styled_edited, "core/table");
  /* A table in a list item, which a list item cannot hold: its words, row
   * by row, never its markup as text. */
  {
    g_autofree char *listed = cd_wp_body_to_content (
        "- Results:\n\n  | Ward | Votes |\n  | --- | --- |\n  | One | **1,204** |\n", -1, NULL, 0);

    g_assert_nonnull (strstr (listed, "<li>Results:<br>Ward | Votes<br>One | 1,204</li>"));
    g_assert_null (strstr (listed, "&lt;"));
    assert_wordpress_reads (listed, "core/list");
  }
  /* A table written in Copydesk with an empty header row has none. */
  g_assert_nonnull (strstr (written, "<figure class=\"wp-block-table\"><table><tbody><tr><td>a</td>"
                                     "<td>b</td></tr></tbody></table></figure>"));
  g_assert_cmpstr (earlier_body, ==, "|  |  |\n| --- | --: |\n| a | 1 |\n");
  g_assert_cmpstr (earlier_same, ==, earlier);
  g_string_replace (earlier_expected, ">1</td>", ">2</td>", 1);
  g_assert_cmpstr (earlier_edited, ==, earlier_expected->str);
  g_assert_nonnull (strstr (only_head, "<table><thead><tr><th></th></tr></thead></table>"));
  g_assert_cmpstr (classic, ==,
                   "Text.\n\n<table>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n</tr>\n</tbody>\n</table>");
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *body = cd_wp_content_to_body (kept[i], -1);
      g_autofree char *fence = cd_wp_fence (kept[i], -1);
      g_autofree char *expected = g_strconcat (fence, "\n", NULL);

      g_assert_cmpstr (body, ==, expected);
    }
  if (cd_test_oracle_missing () != NULL)
    g_test_skip (cd_test_oracle_missing ());
}

/* A table in a classic post, as the classic editor saves one (each tag
 * on a line of its own, a body section and no header, often a border and
 * a width on the table): a Markdown table in the body, a header row of
 * empty cells standing for none; a corrected figure goes back in the
 * editor's form with the table's own attributes, the rest of the post
 * byte for byte. Cells styled one by one stay kept. */
static void
test_classic_tables (void)
{
  const char      *post = "Results from the count:\n\n"
                          "<table style=\"border-collapse: collapse; width: 100%;\" border=\"1\">\n<tbody>\n<tr>\n"
                          "<td><strong>Ward</strong></td>\n<td><strong>Votes</strong></td>\n</tr>\n<tr>\n"
                          "<td>North</td>\n<td>1,204</td>\n</tr>\n<tr>\n<td>South</td>\n<td>987</td>\n</tr>\n"
                          "</tbody>\n</table>\n\nThe count ended at midnight.";
  const char      *headed = "Intro.\n\n<table>\n<thead>\n<tr>\n<th>Ward</th>\n<th>Votes</th>\n</tr>\n</thead>\n"
                            "<tbody>\n<tr>\n<td>North</td>\n<td>1,204</td>\n</tr>\n</tbody>\n</table>";
  const char      *styled_cells = "Intro.\n\n<table>\n<tbody>\n<tr>\n<td style=\"width: 30%;\">North</td>\n"
                                  "<td style=\"width: 70%;\">1,204</td>\n</tr>\n</tbody>\n</table>";
  g_autofree char *body = cd_wp_content_to_body (post, -1);
  g_autofree char *same = cd_wp_body_to_content (body, -1, post, -1);
  g_autofree char *corrected = replaced (body, "| 987 |", "| 978 |");
  g_autofree char *corrected_content = cd_wp_body_to_content (corrected, -1, post, -1);
  g_autoptr (GString) expected = g_string_new (post);
  g_autofree char *headed_body = cd_wp_content_to_body (headed, -1);
  g_autofree char *headed_edited = replaced (headed_body, "1,204", "1,240");
  g_autofree char *headed_content = cd_wp_body_to_content (headed_edited, -1, headed, -1);
  g_autoptr (GString) headed_expected = g_string_new (headed);
  g_autofree char *styled_body = cd_wp_content_to_body (styled_cells, -1);

  g_assert_cmpstr (body, ==,
                   "Results from the count:\n\n|  |  |\n| --- | --- |\n| **Ward** | **Votes** |\n"
                   "| North | 1,204 |\n| South | 987 |\n\nThe count ended at midnight.\n");
  g_assert_cmpstr (same, ==, post);
  g_string_replace (expected, ">987<", ">978<", 1);
  g_assert_cmpstr (corrected_content, ==, expected->str);
  g_assert_true (cd_wp_content_is_classic (corrected_content, -1));
  g_assert_cmpstr (headed_body, ==, "Intro.\n\n| Ward | Votes |\n| --- | --- |\n| North | 1,204 |\n");
  g_string_replace (headed_expected, "1,204", "1,240", 1);
  g_assert_cmpstr (headed_content, ==, headed_expected->str);
  g_assert_nonnull (strstr (styled_body, "```wordpress\n<table>"));
}

/* A table's caption (the source of its figures, as a rule) is a paragraph
 * "Table: …" right after the table in the body, as Pandoc writes one: it
 * goes back as the block's caption, in the caption's own form; the
 * preview and the exports show it under the table without "Table: ". */
static void
test_table_captions (void)
{
  const char      *captioned = "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>Ward 1</td>"
                               "<td>1,204</td></tr></tbody></table><figcaption class=\"wp-element-caption\">Source: "
                               "<em>city clerk</em></figcaption></figure>\n<!-- /wp:table -->";
  const char      *older = "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>Ward 1</td>"
                           "<td>1,204</td></tr></tbody></table><figcaption>Source: clerk</figcaption></figure>\n"
                           "<!-- /wp:table -->";
  const char      *bare = "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>Ward 1</td>"
                          "<td>1,204</td></tr></tbody></table></figure>\n<!-- /wp:table -->";
  g_autofree char *body = cd_wp_content_to_body (captioned, -1);
  g_autoptr (GArray) units = cd_wp_body_split (body, -1);
  g_autofree char *same = cd_wp_body_to_content (body, -1, captioned, -1);
  g_autofree char *recaptioned = replaced (body, "*city clerk*", "*county clerk*");
  g_autofree char *recaptioned_content = cd_wp_body_to_content (recaptioned, -1, captioned, -1);
  g_autofree char *uncaptioned = replaced (body, "\n\nTable: Source: *city clerk*", "");
  g_autofree char *uncaptioned_content = cd_wp_body_to_content (uncaptioned, -1, captioned, -1);
  g_autofree char *older_body = cd_wp_content_to_body (older, -1);
  g_autofree char *older_edited = replaced (older_body, "clerk", "county clerk");
  g_autofree char *older_content = cd_wp_body_to_content (older_edited, -1, older, -1);
  g_autofree char *bare_body = cd_wp_content_to_body (bare, -1);
  g_autofree char *given = g_strconcat (bare_body, "\nTable: Source: clerk\n", NULL);
  g_autofree char *given_content = cd_wp_body_to_content (given, -1, bare, -1);
  g_autofree char *html = cd_render_markdown (body, -1, 0);
  g_autofree char *plain = cd_render_plain_text (body, -1);
  const char      *not_captions = "Table: the first paragraph.\n\n| a |\n| --- |\n| 1 |\n\nText.\n\n"
                                  "Table: after a paragraph.\n";
  g_autofree char *not_captions_content = cd_wp_body_to_content (not_captions, -1, NULL, 0);

  g_assert_cmpstr (body, ==, "|  |  |\n| --- | --- |\n| Ward 1 | 1,204 |\n\nTable: Source: *city clerk*\n");
  /* One unit, as it is one block. */
  g_assert_cmpuint (units->len, ==, 1);
  g_assert_cmpstr (same, ==, captioned);
  g_assert_cmpstr (recaptioned_content, ==,
                   "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>Ward 1</td>"
                   "<td>1,204</td></tr></tbody></table><figcaption class=\"wp-element-caption\">Source: "
                   "<em>county clerk</em></figcaption></figure>\n<!-- /wp:table -->");
  g_assert_cmpstr (uncaptioned_content, ==, bare);
  /* A caption of the form before 6.1 (no class) keeps it. */
  g_assert_cmpstr (older_body, ==, "|  |  |\n| --- | --- |\n| Ward 1 | 1,204 |\n\nTable: Source: clerk\n");
  g_assert_cmpstr (older_content, ==,
                   "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>Ward 1</td>"
                   "<td>1,204</td></tr></tbody></table><figcaption>Source: county clerk</figcaption>"
                   "</figure>\n<!-- /wp:table -->");
  /* A caption typed under a table is the table's. */
  g_assert_cmpstr (given_content, ==,
                   "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>Ward 1</td>"
                   "<td>1,204</td></tr></tbody></table><figcaption class=\"wp-element-caption\">Source: "
                   "clerk</figcaption></figure>\n<!-- /wp:table -->");
  assert_wordpress_reads (given_content, "core/table");
  /* "Table:" anywhere else opens a paragraph like any word. */
  g_assert_nonnull (strstr (not_captions_content, "<p>Table: the first paragraph.</p>"));
  g_assert_nonnull (strstr (not_captions_content, "</table></figure>\n<!-- /wp:table -->\n\n"
                                                  "<!-- wp:paragraph -->\n<p>Text.</p>"));
  g_assert_nonnull (strstr (not_captions_content, "<p>Table: after a paragraph.</p>"));
  assert_wordpress_reads (not_captions_content, "core/paragraph core/table core/paragraph core/paragraph");
  {
    /* A paragraph of a post that starts so after a table is no caption:
     * the body escapes its colon, and it stays the paragraph it was when
     * the text after it is edited. Nor is a table in a quote captioned,
     * nor one of a classic post, where "Table: …" is the paragraph it
     * reads as, typed or pulled. */
    const char      *para = "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>1</td></tr>"
                            "</tbody></table></figure>\n<!-- /wp:table -->\n\n<!-- wp:paragraph -->\n<p>Table: the "
                            "council's figures.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Other.</p>\n"
                            "<!-- /wp:paragraph -->";
    const char      *classic_post = "Intro.\n\n<table>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n\n"
                                    "Table: the council's figures.\n\nOther.";
    g_autofree char *para_body = cd_wp_content_to_body (para, -1);
    g_autofree char *para_edited = replaced (para_body, "Other.", "Other, edited.");
    g_autofree char *para_content = cd_wp_body_to_content (para_edited, -1, para, -1);
    g_autoptr (GString) para_expected = g_string_new (para);
    g_autofree char *quoted = cd_wp_body_to_content ("> | a |\n> | --- |\n> | 1 |\n>\n> Table: quoted\n", -1, NULL, 0);
    g_autofree char *classic_body = cd_wp_content_to_body (classic_post, -1);
    g_autofree char *classic_edited = replaced (classic_body, "Other.", "Other, edited.");
    g_autofree char *classic_content = cd_wp_body_to_content (classic_edited, -1, classic_post, -1);
    g_autoptr (GString) classic_expected = g_string_new (classic_post);
    g_autofree char *classic_typed_body = replaced (classic_body, "Other.", "Table: typed.\n\nOther.");
    g_autofree char *classic_typed = cd_wp_body_to_content (classic_typed_body, -1, classic_post, -1);

    g_assert_nonnull (strstr (para_body, "\n\nTable\\: the council's figures.\n\n"));
    g_string_replace (para_expected, "Other.", "Other, edited.", 1);
    g_assert_cmpstr (para_content, ==, para_expected->str);
    g_assert_null (strstr (quoted, "figcaption"));
    g_assert_nonnull (strstr (quoted, "<p>Table: quoted</p>"));
    assert_wordpress_reads (quoted, "core/quote");
    g_string_replace (classic_expected, "Other.", "Other, edited.", 1);
    g_assert_cmpstr (classic_content, ==, classic_expected->str);
    g_assert_nonnull (strstr (classic_typed, "</table>\n\nTable: the council's figures.\n\nTable: typed.\n\nOther."));
  }
  /* The preview and the exports: the caption under the table, as the site
   * shows it. */
  g_assert_nonnull (strstr (html, "<figure class=\"table\">\n<table>"));
  g_assert_nonnull (strstr (html, "</table>\n<figcaption>\n<p>Source: <em>city clerk</em></p>\n</figcaption>\n"
                                  "</figure>"));
  g_assert_null (strstr (html, "Table:"));
  g_assert_null (strstr (plain, "Table:"));
  g_assert_nonnull (strstr (plain, "Source: city clerk"));
  if (cd_test_oracle_missing () != NULL)
    g_test_skip (cd_test_oracle_missing ());
}

/* A verse (a poem, a song's lines, a chant quoted line by line) is a
 * paragraph in the body and goes back as the verse it was. */
static void
test_verse (void)
{
  const char *verse = "<!-- wp:verse {\"textAlign\":\"center\"} -->\n<pre class=\"wp-block-verse "
                      "has-text-align-center\">Roses are <em>red</em>,<br>the harbour is grey</pre>\n"
                      "<!-- /wp:verse -->";
  /* Spaces that indent a line are the poem's; Markdown folds them. */
  const char      *kept = "<!-- wp:verse -->\n<pre class=\"wp-block-verse\">Line one\n  indented</pre>\n"
                          "<!-- /wp:verse -->";
  g_autofree char *body = cd_wp_content_to_body (verse, -1);
  g_autofree char *same = cd_wp_body_to_content (body, -1, verse, -1);
  g_autofree char *edited =
      cd_wp_body_to_content ("Roses are *red*,\\\nthe harbour is blue\n", -1, verse, -1);
  g_autofree char *kept_body = cd_wp_content_to_body (kept, -1);
  g_autofree char *fence = cd_wp_fence (kept, -1);
  g_autofree char *expected = g_strconcat (fence, "\n", NULL);

  g_assert_cmpstr (body, ==, "Roses are *red*,\\\nthe harbour is grey\n");
  g_assert_cmpstr (same, ==, verse);
  g_assert_cmpstr (edited, ==,
                   "<!-- wp:verse {\"textAlign\":\"center\"} -->\n<pre class=\"wp-block-verse "
                   "has-text-align-center\">Roses are <em>red</em>,<br>the harbour is blue</pre>\n"
                   "<!-- /wp:verse -->");
  assert_wordpress_reads (edited, "core/verse");
  g_assert_cmpstr (kept_body, ==, expected);
  if (cd_test_oracle_missing () != NULL)
    g_test_skip (cd_test_oracle_missing ());
}

/* Preformatted text as block editors after 6.1 save it, its lines ended
 * by <br> and its words formatted, is a fence in the body: a line added
 * or a figure corrected lands between the same line breaks and inside
 * the same emphasis and links. */
static void
test_preformatted (void)
{
  const char *table = "<!-- wp:preformatted -->\n<pre class=\"wp-block-preformatted\">PASSAU      9.40 m  "
                      "<em>rising</em><br>DEGGENDORF  6.12 m  <a href=\"https://x.org/d\">falling</a>"
                      "<br>&nbsp;</pre>\n<!-- /wp:preformatted -->";
  static const struct
  {
    const char *from; /* an edit, in the body */
    const char *to;
    const char *text; /* the block's text after it */
  } edits[] = {
    {"6.12",                          "6.21",                          "PASSAU      9.40 m  <em>rising</em><br>DEGGENDORF  6.21 m  "
                      "<a href=\"https://x.org/d\">falling</a><br>&nbsp;"                                                                             },
    { "falling\n",                    "falling\nVILSHOFEN   7.02 m\n", "PASSAU      9.40 m  <em>rising</em><br>DEGGENDORF  6.12 m  "
                                                    "<a href=\"https://x.org/d\">falling</a><br>VILSHOFEN   7.02 m<br>&nbsp;"},
    { "m  rising",                    "m  rising fast",                "PASSAU      9.40 m  <em>rising</em> fast<br>DEGGENDORF  6.12 m  "
                                     "<a href=\"https://x.org/d\">falling</a><br>&nbsp;"                                                    },
    { "PASSAU      9.40 m  rising\n", "",                              "DEGGENDORF  6.12 m  <a href=\"https://x.org/d\">falling</a><br>&nbsp;"                                                     },
  };
  /* A block that ends its lines both ways, or whose elements cross, is
   * kept whole. */
  static const char *const kept[] = {
    "<!-- wp:preformatted -->\n<pre class=\"wp-block-preformatted\">One<br>two\nthree</pre>\n"
    "<!-- /wp:preformatted -->",
    "<!-- wp:preformatted -->\n<pre class=\"wp-block-preformatted\">One <em>two<br><b>three</em> "
    "four</b></pre>\n"
    "<!-- /wp:preformatted -->",
  };
  g_autofree char *body = cd_wp_content_to_body (table, -1);
  g_autofree char *same = cd_wp_body_to_content (body, -1, table, -1);

  g_assert_cmpstr (body, ==,
                   "```preformatted\nPASSAU      9.40 m  rising\nDEGGENDORF  6.12 m  falling\n\u00a0\n```\n");
  g_assert_cmpstr (same, ==, table);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr (GString) changed = g_string_new (body);
      g_autofree char *content = NULL;
      g_autofree char *expected = g_strdup_printf ("<!-- wp:preformatted -->\n<pre class=\"wp-block-"
                                                   "preformatted\">%s</pre>\n<!-- /wp:preformatted -->",
                                                   edits[i].text);

      g_assert_cmpuint (g_string_replace (changed, edits[i].from, edits[i].to, 1), ==, 1);
      content = cd_wp_body_to_content (changed->str, -1, table, -1);
      g_assert_cmpstr (content, ==, expected);
      assert_wordpress_reads (content, "core/preformatted");
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *kept_body = cd_wp_content_to_body (kept[i], -1);
      g_autofree char *fence = cd_wp_fence (kept[i], -1);
      g_autofree char *expected = g_strconcat (fence, "\n", NULL);

      g_assert_cmpstr (kept_body, ==, expected);
    }
  if (cd_test_oracle_missing () != NULL)
    g_test_skip (cd_test_oracle_missing ());
}

/* A block kept as WordPress wrote it counts the words a reader reads in
 * it, not the words of its markup. */
/* The blocks WordPress reads from @content, nested: "core/group[core/heading
 * core/list] core/paragraph" (white space between blocks left out). */
static void
append_nested_names (GString   *out,
                     JsonArray *blocks)
{
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);
      JsonArray  *inner = json_object_get_array_member (block, "innerBlocks");

      if (json_object_get_null_member (block, "blockName"))
        {
          g_autofree char *html = g_strdup (json_object_get_string_member (block, "innerHTML"));

          if (*g_strstrip (html) == '\0')
            continue;
        }
      if (out->len > 0 && out->str[out->len - 1] != '[')
        g_string_append_c (out, ' ');
      g_string_append (out, json_object_get_null_member (block, "blockName")
                                ? "(html)"
                                : json_object_get_string_member (block, "blockName"));
      if (json_array_get_length (inner) > 0)
        {
          g_string_append_c (out, '[');
          append_nested_names (out, inner);
          g_string_append_c (out, ']');
        }
    }
}

static void
assert_wordpress_nests (const char *content,
                        const char *expected)
{
  g_autoptr (JsonNode) parsed = NULL;
  g_autoptr (GString) names = g_string_new (NULL);

  if (cd_test_oracle_missing () != NULL)
    return;
  parsed = cd_test_oracle_parse (content, strlen (content));
  append_nested_names (names, json_object_get_array_member (json_node_get_object (parsed), "blocks"));
  g_assert_cmpstr (names->str, ==, expected);
}

/* A box of key facts, columns, a cover: layout blocks whose inner blocks
 * are the story's text stand in the body as their opening and closing
 * markup, two fences, with the text between them, so that the desk can
 * correct a fact in the box; what the person does to the text lands
 * inside the block, and a block whose one end they deleted goes, its text
 * staying where it stood. */
static void
test_layout_blocks (void)
{
  const char *content =
      "<!-- wp:paragraph -->\n<p>The river rose.</p>\n<!-- /wp:paragraph -->\n\n"
      "<!-- wp:group {\"backgroundColor\":\"pale-cyan-blue\",\"layout\":{\"type\":\"constrained\"}} -->\n"
      "<div class=\"wp-block-group has-pale-cyan-blue-background-color has-background\">"
      "<!-- wp:heading {\"level\":3} -->\n<h3>Key facts</h3>\n<!-- /wp:heading -->\n\n"
      "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Crest: 8.9 metres</li>\n<!-- /wp:list-item -->"
      "</ul>\n<!-- /wp:list --></div>\n<!-- /wp:group -->\n\n"
      "<!-- wp:columns -->\n<div class=\"wp-block-columns\"><!-- wp:column -->\n"
      "<div class=\"wp-block-column\"><!-- wp:paragraph -->\n<p>Passau</p>\n<!-- /wp:paragraph --></div>\n"
      "<!-- /wp:column -->\n\n<!-- wp:column -->\n<div class=\"wp-block-column\"><!-- wp:paragraph -->\n"
      "<p>Regensburg</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column --></div>\n<!-- /wp:columns -->\n\n"
      "<!-- wp:paragraph -->\n<p>More follows.</p>\n<!-- /wp:paragraph -->\n";
  const char      *group_head = "```wordpress\n<!-- wp:group {\"backgroundColor\":\"pale-cyan-blue\",\"layout\":"
                                "{\"type\":\"constrained\"}} -->\n<div class=\"wp-block-group "
                                "has-pale-cyan-blue-background-color has-background\">\n```\n\n";
  const char      *group_tail = "```wordpress\n</div>\n<!-- /wp:group -->\n```\n\n";
  const char      *nested = "core/paragraph core/group[core/heading core/list[core/list-item]] "
                            "core/columns[core/column[core/paragraph] core/column[core/paragraph]] "
                            "core/paragraph";
  g_autofree char *body = cd_wp_content_to_body (content, -1);
  g_autoptr (GArray) units = cd_wp_body_split (body, -1);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  g_assert_nonnull (strstr (body, group_head));
  g_assert_nonnull (strstr (body, "### Key facts\n\n- Crest: 8.9 metres\n\n"));
  g_assert_nonnull (strstr (body, group_tail));
  for (guint i = 0; i < units->len; i++)
    {
      CdWpUnit *u = &g_array_index (units, CdWpUnit, i);

      g_ptr_array_add (labels, u->kind == CD_WP_UNIT_BLOCK
                                   ? cd_wp_block_label (body + u->markup_start, u->markup_end - u->markup_start)
                                   : g_strndup (body + u->start, u->end - u->start));
    }
  g_ptr_array_add (labels, NULL);
  joined = g_strjoinv ("|", (char **) labels->pdata);
  g_assert_cmpstr (joined, ==, "The river rose.|Group|### Key facts|- Crest: 8.9 metres|End of Group|"
                               "Columns|Column|Passau|End of Column|Column|Regensburg|End of Column|"
                               "End of Columns|More follows.");
  /* The words count; the markup does not. */
  g_assert_cmpuint (cd_count_body_words (body), ==, 3 + 2 + 3 + 1 + 1 + 2);

  {
    /* No edit: the very bytes; a new post of the body reads back as it. */
    g_autofree char *same = cd_wp_body_to_content (body, -1, content, -1);
    g_autofree char *fresh = cd_wp_body_to_content (body, -1, NULL, 0);
    g_autofree char *again = cd_wp_content_to_body (fresh, -1);

    g_assert_cmpstr (same, ==, content);
    g_assert_cmpstr (again, ==, body);
    assert_wordpress_nests (fresh, nested);
  }
  {
    /* A fact corrected in the box and a column's text: those two change. */
    g_autofree char *step = replaced (body, "8.9 metres", "9.1 metres");
    g_autofree char *edited = replaced (step, "\nRegensburg\n", "\nRegensburg (Danube)\n");
    g_autofree char *written = cd_wp_body_to_content (edited, -1, content, -1);
    g_autofree char *expected_step = replaced (content, "8.9 metres", "9.1 metres");
    g_autofree char *expected = replaced (expected_step, "<p>Regensburg</p>", "<p>Regensburg (Danube)</p>");

    g_assert_cmpstr (written, ==, expected);
    assert_wordpress_nests (written, nested);
  }
  {
    /* A paragraph added at the end of the box is in the box; one put after
     * its end is not. */
    g_autofree char *inside = replaced (body, "- Crest: 8.9 metres\n\n", "- Crest: 8.9 metres\n\nSource: the gauge.\n\n");
    g_autofree char *outside = replaced (body, group_tail, "```wordpress\n</div>\n<!-- /wp:group -->\n```\n\n"
                                                           "Source: the gauge.\n\n");
    g_autofree char *in_box = cd_wp_body_to_content (inside, -1, content, -1);
    g_autofree char *after_box = cd_wp_body_to_content (outside, -1, content, -1);

    g_assert_nonnull (strstr (in_box, "<!-- /wp:list -->\n\n<!-- wp:paragraph -->\n<p>Source: the gauge.</p>\n"
                                      "<!-- /wp:paragraph -->\n\n</div>\n<!-- /wp:group -->"));
    assert_wordpress_nests (in_box, "core/paragraph core/group[core/heading core/list[core/list-item] "
                                    "core/paragraph] core/columns[core/column[core/paragraph] "
                                    "core/column[core/paragraph]] core/paragraph");
    g_assert_nonnull (strstr (after_box, "</div>\n<!-- /wp:group -->\n\n<!-- wp:paragraph -->\n"
                                         "<p>Source: the gauge.</p>"));
    assert_wordpress_nests (after_box, "core/paragraph core/group[core/heading core/list[core/list-item]] "
                                       "core/paragraph core/columns[core/column[core/paragraph] "
                                       "core/column[core/paragraph]] core/paragraph");
  }
  {
    /* Either end of the box deleted: the box goes, its text stays, and
     * the rest of the post does not fall into a block left open. */
    g_autofree char *no_head = replaced (body, group_head, "");
    g_autofree char *no_tail = replaced (body, group_tail, "");
    g_autofree char *swapped_step = replaced (body, group_tail, "");
    g_autofree char *swapped = replaced (swapped_step, group_head, group_tail);
    const char      *flat = "core/paragraph core/heading core/list[core/list-item] "
                            "core/columns[core/column[core/paragraph] core/column[core/paragraph]] "
                            "core/paragraph";
    const char      *written[] = { no_head, no_tail, swapped };

    for (guint i = 0; i < G_N_ELEMENTS (written); i++)
      {
        g_autofree char *out = cd_wp_body_to_content (written[i], -1, content, -1);

        g_assert_null (strstr (out, "wp-block-group"));
        g_assert_null (strstr (out, "wp:group"));
        g_assert_nonnull (strstr (out, "<h3>Key facts</h3>"));
        assert_wordpress_nests (out, flat);
      }
  }
  {
    /* Ends pair by their block's name as blocks nest, whatever became of
     * their markup: an opening end edited (the box's colour) still opens
     * the box; a copied end without its other end goes; a box moved above
     * another, or an end moved past another box, nests as it stands. */
    g_autofree char *recoloured = replaced (body, "pale-cyan-blue\",\"layout", "pale-pink\",\"layout");
    g_autofree char *tails_body = g_strconcat (group_head, "Inside.\n\n", group_tail, group_tail, "After.\n", NULL);
    g_autofree char *heads_body = g_strconcat (group_head, group_head, "Inside.\n\n", group_tail, "After.\n", NULL);
    g_autofree char *tails = cd_wp_body_to_content (tails_body, -1, content, -1);
    g_autofree char *heads = cd_wp_body_to_content (heads_body, -1, content, -1);
    g_autofree char *recoloured_content = cd_wp_body_to_content (recoloured, -1, content, -1);
    const char      *boxes = "<!-- wp:group {\"backgroundColor\":\"pale-pink\"} -->\n<div class=\"wp-block-group "
                             "has-pale-pink-background-color has-background\"><!-- wp:paragraph -->\n<p>Alpha.</p>\n"
                             "<!-- /wp:paragraph --></div>\n<!-- /wp:group -->\n\n<!-- wp:group {\"backgroundColor\":"
                             "\"pale-cyan-blue\"} -->\n<div class=\"wp-block-group has-pale-cyan-blue-background-color "
                             "has-background\"><!-- wp:paragraph -->\n<p>Beta.</p>\n<!-- /wp:paragraph --></div>\n"
                             "<!-- /wp:group -->\n\n<!-- wp:paragraph -->\n<p>Tail.</p>\n<!-- /wp:paragraph -->";
    g_autofree char *boxes_body = cd_wp_content_to_body (boxes, -1);
    g_auto (GStrv) parts = g_strsplit (boxes_body, "```\n\n", -1);
    g_autofree char *swapped_boxes = NULL;
    g_autofree char *nested_boxes = NULL;

    g_assert_nonnull (strstr (recoloured_content, "pale-pink"));
    assert_wordpress_nests (recoloured_content, nested);
    assert_wordpress_nests (tails, "core/group[core/paragraph] core/paragraph");
    assert_wordpress_nests (heads, "core/group[core/paragraph] core/paragraph");
    /* The body is six fences and texts: head, Alpha, tail, head, Beta, tail,
     * then Tail. */
    g_assert_cmpuint (g_strv_length (parts), ==, 5);
    swapped_boxes = g_strconcat (parts[2], "```\n\n", parts[3], "```\n\n", parts[0], "```\n\n", parts[1],
                                 "```\n\n", parts[4], NULL);
    nested_boxes = g_strconcat (parts[0], "```\n\n", parts[2], "```\n\n", parts[3], "```\n\n", parts[1],
                                "```\n\n", parts[4], NULL);
    {
      g_autofree char *swapped_content = cd_wp_body_to_content (swapped_boxes, -1, boxes, -1);
      g_autofree char *nested_content = cd_wp_body_to_content (nested_boxes, -1, boxes, -1);

      g_assert_cmpuint (strstr (swapped_content, "Beta.") - swapped_content, <,
                        strstr (swapped_content, "pale-pink") - swapped_content);
      assert_wordpress_nests (swapped_content, "core/group[core/paragraph] core/group[core/paragraph] core/paragraph");
      /* The pink box's opening, then the blue box whole, then Alpha and the
       * pink box's end. */
      assert_wordpress_nests (nested_content, "core/group[core/group[core/paragraph] core/paragraph] core/paragraph");
      g_assert_nonnull (strstr (nested_content, "pale-pink"));
      g_assert_nonnull (strstr (nested_content, "pale-cyan-blue"));
    }
  }
  {
    /* A column deleted, its ends and text with it: the other stays. */
    g_autofree char *one_column = replaced (body, "```wordpress\n<!-- wp:column -->\n<div class=\"wp-block-column\">\n```\n\n"
                                                  "Passau\n\n```wordpress\n</div>\n<!-- /wp:column -->\n```\n\n",
                                            "");
    g_autofree char *out = cd_wp_body_to_content (one_column, -1, content, -1);

    assert_wordpress_nests (out, "core/paragraph core/group[core/heading core/list[core/list-item]] "
                                 "core/columns[core/column[core/paragraph]] core/paragraph");
    g_assert_null (strstr (out, "Passau"));
  }
  {
    /* The preview frames the text inside each block with the labels of
     * its ends, nested as the blocks are; an end alone is no frame. */
    g_autofree char *html = cd_render_markdown (body, -1, CD_RENDER_NONE);
    g_autofree char *no_tail = replaced (body, group_tail, "");
    g_autofree char *lone = cd_render_markdown (no_tail, -1, CD_RENDER_NONE);
    const char      *group = strstr (html, "<div class=\"cd-wp-layout\">\n<figure class=\"cd-wp-block\">\n"
                                                "<figcaption class=\"cd-wp-block-label\">Group</figcaption>");
    const char      *columns = strstr (html, "<div class=\"cd-wp-layout\">\n<figure class=\"cd-wp-block\">\n"
                                                  "<figcaption class=\"cd-wp-block-label\">Columns</figcaption>");

    g_assert_nonnull (group);
    g_assert_nonnull (strstr (group, "<h3>Key facts</h3>"));
    g_assert_nonnull (strstr (group, "End of Group</figcaption>\n</figure>\n</div>\n<div class=\"cd-wp-layout\">"));
    g_assert_nonnull (columns);
    g_assert_nonnull (strstr (columns, "Columns</figcaption>\n</figure>\n<div class=\"cd-wp-layout\">\n"
                                       "<figure class=\"cd-wp-block\">\n<figcaption class=\"cd-wp-block-label\">"
                                       "Column</figcaption>\n</figure>\n<p>Passau</p>"));
    g_assert_nonnull (strstr (html, "End of Columns</figcaption>\n</figure>\n</div>\n<p>More follows.</p>"));
    g_assert_true (g_str_has_prefix (lone, "<p>The river rose.</p>\n<figure class=\"cd-wp-block\">"));
    g_assert_cmpuint (strstr (lone, "cd-wp-layout") - lone, >, strstr (lone, "Crest") - lone);
  }
  {
    /* Layout blocks with no text inside, or with HTML between their inner
     * blocks, stay whole: one fence each. */
    const char *kept[] = {
      "<!-- wp:group -->\n<div class=\"wp-block-group\"><!-- wp:spacer -->\n<div style=\"height:40px\" "
      "aria-hidden=\"true\" class=\"wp-block-spacer\"></div>\n<!-- /wp:spacer --></div>\n<!-- /wp:group -->",
      "<!-- wp:group -->\n<div class=\"wp-block-group\"><!-- wp:paragraph -->\n<p>One</p>\n"
      "<!-- /wp:paragraph --><hr><!-- wp:paragraph -->\n<p>Two</p>\n<!-- /wp:paragraph --></div>\n"
      "<!-- /wp:group -->",
    };

    for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
      {
        g_autofree char *kept_body = cd_wp_content_to_body (kept[i], -1);
        g_autofree char *fence = cd_wp_fence (kept[i], -1);
        g_autofree char *expected = g_strconcat (fence, "\n", NULL);

        g_assert_cmpstr (kept_body, ==, expected);
      }
  }
}

static void
test_word_count (void)
{
  const char *content =
      "<!-- wp:paragraph -->\n<p>The river rose two metres.</p>\n<!-- /wp:paragraph -->\n\n"
      "<!-- wp:pullquote {\"textAlign\":\"left\"} -->\n<figure class=\"wp-block-pullquote "
      "has-text-align-left\"><blockquote><p>We have never seen the river this high.</p><cite>Mayor "
      "Anna M&uuml;ller</cite></blockquote></figure>\n<!-- /wp:pullquote -->\n\n"
      "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n<figure class=\"wp-block-gallery has-nested-images\">"
      "<!-- wp:image {\"id\":1,\"sizeSlug\":\"large\"} -->\n<figure class=\"wp-block-image size-large\">"
      "<img src=\"https://example.org/a.jpg\" alt=\"\" class=\"wp-image-1\"/></figure>\n<!-- /wp:image -->"
      "<figcaption class=\"blocks-gallery-caption\">Sandbags &amp; boats</figcaption></figure>\n"
      "<!-- /wp:gallery -->\n\n"
      "<!-- wp:html -->\n<script>var level = read_gauge (\"passau\");</script><p>Tom &amp; Jerry "
      "9&nbsp;metres &#8211; &amp c&eacute;</p>\n<!-- /wp:html -->";
  g_autofree char *body = cd_wp_content_to_body (content, -1);
  g_autoptr (GArray) units = cd_wp_body_split (body, -1);

  g_assert_cmpuint (units->len, ==, 4);
  g_assert_cmpint (g_array_index (units, CdWpUnit, 2).kind, ==, CD_WP_UNIT_BLOCK);
  /* 5 in the paragraph, 8 and 3 in the pull quote (text, its citation
   * after a dash), 2 in the gallery's caption, and Tom, Jerry, 9, metres,
   * amp and café in the HTML. */
  g_assert_cmpuint (cd_count_body_words (body), ==, 5 + 11 + 2 + 6);
}

static void
test_fence (void)
{
  const char      *markup = "<!-- wp:acme/x -->\n```\n`````\n<!-- /wp:acme/x -->";
  g_autofree char *fence = cd_wp_fence (markup, -1);
  g_autoptr (GArray) units = cd_wp_body_split (fence, -1);
  CdWpUnit *u;

  g_assert_true (g_str_has_prefix (fence, "``````wordpress\n"));
  g_assert_true (g_str_has_suffix (fence, "\n``````"));
  g_assert_cmpuint (units->len, ==, 1);
  u = &g_array_index (units, CdWpUnit, 0);
  g_assert_cmpint (u->kind, ==, CD_WP_UNIT_BLOCK);
  g_assert_cmpuint (u->start, ==, 0);
  g_assert_cmpuint (u->end, ==, strlen (fence));
  g_assert_cmpmem (fence + u->markup_start, u->markup_end - u->markup_start, markup, strlen (markup));
}

static void
test_split (void)
{
  const char *body = "Para one\nstill one.\n\n    indented code\n\n```wordpress\n<!-- wp:more -->\n"
                     "<!--more-->\n<!-- /wp:more -->\n```\n\n- a\n- b\n\n"
                     "~~~~ wordpress\n<!-- wp:y /-->\n~~~~~\n\n"
                     "```wordpress\n<!-- wp:x /-->";
  g_autoptr (GArray) units = cd_wp_body_split (body, -1);
  static const struct
  {
    CdWpUnitKind kind;
    const char  *text;
    const char  *markup;
  } expect[] = {
    {CD_WP_UNIT_TEXT,   "Para one\nstill one.", NULL                                              },
 /* The indent is the code block's: the unit keeps it. */
    { CD_WP_UNIT_TEXT,  "    indented code",    NULL                                              },
    { CD_WP_UNIT_BLOCK, NULL,                   "<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->"},
    { CD_WP_UNIT_TEXT,  "- a\n- b",             NULL                                              },
    { CD_WP_UNIT_BLOCK, NULL,                   "<!-- wp:y /-->"                                  },
 /* An unclosed fence runs to the end. */
    { CD_WP_UNIT_BLOCK, NULL,                   "<!-- wp:x /-->"                                  },
  };

  g_assert_cmpuint (units->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < units->len; i++)
    {
      CdWpUnit *u = &g_array_index (units, CdWpUnit, i);

      g_assert_cmpint (u->kind, ==, expect[i].kind);
      if (expect[i].text != NULL)
        g_assert_cmpmem (body + u->start, u->end - u->start, expect[i].text,
                         strlen (expect[i].text));
      else
        g_assert_cmpmem (body + u->markup_start, u->markup_end - u->markup_start,
                         expect[i].markup, strlen (expect[i].markup));
    }
}

static void
test_labels (void)
{
  static const struct
  {
    const char *fixture;
    const char *labels;
  } cases[] = {
  /* A layout block whose inner blocks hold text stands as its two ends,
  * the text between them (see test_layout_blocks()). */
    {"media.html",         "Image|Gallery · 4 images|Audio|Video|Cover|End of Cover|File|Media & Text|"
                    "End of Media & Text|Embed · youtube"                   },
    { "design.html",       "Columns|Column|End of Column|Column|Group|Columns|Column|End of Column|"
                     "Column|End of Column|End of Columns|End of Group|End of Column|Column|"
                     "End of Column|End of Columns|Group|End of Group|Buttons · 2|Spacer|More|"
                     "Page Break|Separator|Text Columns (deprecated)|Custom HTML|Shortcode|"
                     "Reusable block|Unsupported|Classic|Social Icons · 2"},
 /* Its paragraph with the explicit core namespace is Markdown, its
  * delimiters kept as its shape. */
    { "third-party.html",  "acme/widget|acme/counter|jetpack/markdown"                         },
    { "later-blocks.html", "Details|End of Details|Footnotes"                                  },
    { "mixed.html",        "Classic HTML|Image"                                                },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      gsize            length;
      g_autofree char *content = cd_test_block_fixture (cases[c].fixture, &length);
      g_autofree char *body = cd_wp_content_to_body (content, length);
      g_autoptr (GArray) units = cd_wp_body_split (body, -1);
      g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      for (guint i = 0; i < units->len; i++)
        {
          CdWpUnit *u = &g_array_index (units, CdWpUnit, i);

          if (u->kind == CD_WP_UNIT_BLOCK)
            g_ptr_array_add (labels, cd_wp_block_label (body + u->markup_start,
                                                        u->markup_end - u->markup_start));
        }
      g_ptr_array_add (labels, NULL);
      joined = g_strjoinv ("|", (char **) labels->pdata);
      g_assert_cmpstr (joined, ==, cases[c].labels);
    }
  {
    /* The pieces of a classic post kept as they are, named by what they
     * would be as blocks. */
    const char      *classic = "Text.\n\n<iframe src=\"https://x.org/v\"></iframe>\n\n<!--more-->\n\n"
                               "[gallery ids=\"1,2\"]\n\nA <span id=\"red\"></span>red word\n\n"
                               "<table><tr><td>a</td></tr></table>\n\n<hr>\n\n"
                               "<h2 id=\"x\">Red <span id=\"here\"></span>here</h2>\n\n"
                               "<p style=\"text-align: right;\">Right <span class=\"x\"></span>here</p>";
    const char      *expected[] = { "Embed", "More", "Shortcode · gallery", "Classic HTML",
                                    "Table", "Separator", "Heading", "Classic HTML" };
    g_autofree char *body = cd_wp_content_to_body (classic, -1);
    g_autoptr (GArray) units = cd_wp_body_split (body, -1);

    g_assert_cmpuint (units->len, ==, G_N_ELEMENTS (expected) + 1);
    for (guint i = 1; i < units->len; i++)
      {
        CdWpUnit        *u = &g_array_index (units, CdWpUnit, i);
        g_autofree char *label = cd_wp_block_label (body + u->markup_start,
                                                    u->markup_end - u->markup_start);

        g_assert_cmpint (u->kind, ==, CD_WP_UNIT_BLOCK);
        g_assert_cmpstr (label, ==, expected[i - 1]);
      }
  }
  {
    /* A core block of a later WordPress than the titles are from. */
    g_autofree char *later = cd_wp_block_label ("<!-- wp:accordion-item -->\n<div class=\"wp-block-"
                                                "accordion-item\"></div>\n<!-- /wp:accordion-item -->",
                                                -1);

    g_assert_cmpstr (later, ==, "Accordion Item");
  }
  {
    /* A paragraph left empty, as pressing Enter twice leaves one. */
    g_autofree char *empty = cd_wp_block_label ("<!-- wp:paragraph -->\n<p></p>\n<!-- /wp:paragraph -->", -1);
    g_autofree char *spacer = cd_wp_block_label ("<!-- wp:paragraph -->\n<p><br></p>\n<!-- /wp:paragraph -->", -1);

    g_autofree char *nbsp = cd_wp_block_label ("<!-- wp:paragraph -->\n<p>&nbsp;</p>\n<!-- /wp:paragraph -->", -1);
    g_autofree char *picture = cd_wp_block_label (
        "<!-- wp:paragraph -->\n<p><img src=\"a.png\" alt=\"x\"></p>\n<!-- /wp:paragraph -->", -1);

    g_assert_cmpstr (empty, ==, "Paragraph · empty");
    g_assert_cmpstr (spacer, ==, "Paragraph · empty");
    g_assert_cmpstr (nbsp, ==, "Paragraph · empty");
    g_assert_cmpstr (picture, ==, "Paragraph");
  }
  {
    /* Earlier WordPress's forms: columns that name their number and hold
     * paragraphs, a gallery whose list of ids is empty. */
    g_autofree char *columns = cd_wp_block_label (
        "<!-- wp:columns {\"columns\":2} -->\n<div class=\"wp-block-columns has-2-columns\">"
        "<!-- wp:paragraph {\"layout\":\"column-1\"} -->\n<p class=\"layout-column-1\">Left</p>\n"
        "<!-- /wp:paragraph --></div>\n<!-- /wp:columns -->",
        -1);
    g_autofree char *gallery = cd_wp_block_label (
        "<!-- wp:gallery {\"ids\":[]} -->\n<ul class=\"wp-block-gallery\"><li><figure><img src=\"a.jpg\" "
        "alt=\"\"/></figure></li><li><figure><img src=\"b.jpg\" alt=\"\"/></figure></li></ul>\n"
        "<!-- /wp:gallery -->",
        -1);

    g_assert_cmpstr (columns, ==, "Columns · 2");
    g_assert_cmpstr (gallery, ==, "Gallery · 2 images");
  }
  {
    g_autoptr (GPtrArray) alts = NULL;
    gsize            length;
    g_autofree char *content = cd_test_block_fixture ("media.html", &length);

    alts = cd_wp_block_image_alts (content, length);
    g_assert_cmpuint (alts->len, >=, 5);
    g_assert_cmpstr (g_ptr_array_index (alts, 0), ==, "Water in the old town square");
    g_assert_cmpstr (g_ptr_array_index (alts, 2), ==, "A boat & a bike");
    g_assert_cmpstr (g_ptr_array_index (alts, 3), ==, "");
  }
}

/* The preview and the HTML export show a box with the label and alt text,
 * never the raw comments or the block's HTML as markup. */
static void
test_render_box (void)
{
  gsize            length;
  g_autofree char *content = cd_test_block_fixture ("media.html", &length);
  g_autofree char *body = cd_wp_content_to_body (content, length);
  g_autofree char *html = cd_render_markdown (body, -1, CD_RENDER_SOURCEPOS);
  g_autofree char *hostile = cd_render_markdown (
      "```wordpress\n<!-- wp:acme/x<script> /--><img src=x onerror=alert(1) alt=\"<b &amp; i\">\n"
      "```\n",
      -1, CD_RENDER_NONE);

  g_assert_null (strstr (html, "<!-- wp:"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<audio"));
  g_assert_null (strstr (html, "&lt;!-- wp:"));
  g_assert_nonnull (strstr (html, "<figure class=\"cd-wp-block\" data-sourcepos=\"1:1-"));
  g_assert_nonnull (strstr (html, ">Gallery · 4 images</figcaption>"));
  g_assert_nonnull (strstr (html, "<li>A boat &amp; a bike</li>"));
  g_assert_nonnull (strstr (html, ">Audio</figcaption>"));
  g_assert_null (strstr (hostile, "<script"));
  g_assert_null (strstr (hostile, "<img"));
  g_assert_null (strstr (hostile, "<b>"));
  g_assert_nonnull (strstr (hostile, ">Classic HTML</figcaption>"));
  g_assert_nonnull (strstr (hostile, "<li>&lt;b &amp; i</li>"));

  /* The text a reader reads has no markup of kept blocks. */
  {
    g_autofree char *plain = cd_render_plain_text ("Before.\n\n```wordpress\n<!-- wp:more -->\n"
                                                   "<!--more-->\n<!-- /wp:more -->\n```\n\nAfter.\n",
                                                   -1);

    g_assert_cmpstr (plain, ==, "Before.\n\nAfter.");
  }
}

/* The Markdown export carries the fences as they are, and importing it
 * gives back the same body. */
static void
test_export_import (void)
{
  g_autoptr (GPtrArray) fixtures = cd_test_block_fixtures ();

  for (guint i = 0; i < fixtures->len; i++)
    {
      gsize            length;
      g_autofree char *content = cd_test_block_fixture (g_ptr_array_index (fixtures, i), &length);
      g_autofree char *body = cd_wp_content_to_body (content, length);
      g_autoptr (CdArticle) article = cd_article_new ();
      g_autoptr (CdArticle) back = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *markdown = NULL;
      g_autofree char *html = NULL;

      cd_article_set_headline (article, "Blocks");
      cd_article_set_body (article, body);
      markdown = cd_export_markdown (article);
      g_assert_nonnull (strstr (markdown, body));
      back = cd_import_data (markdown, strlen (markdown), CD_IMPORT_FORMAT_MARKDOWN,
                             "export.md", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_body (back), ==, body);
      html = cd_export_article (article, CD_EXPORT_FORMAT_HTML);
      g_assert_null (strstr (html, "<!-- wp:"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/wp-content/round-trips", test_round_trips);
  g_test_add_func ("/wp-content/wordpress-themes", test_wordpress_themes);
  g_test_add_func ("/wp-content/new-post", test_new_post);
  g_test_add_func ("/wp-content/shaped", test_shaped);
  g_test_add_func ("/wp-content/older-forms", test_older_forms);
  g_test_add_func ("/wp-content/same-text", test_same_text);
  g_test_add_func ("/wp-content/word-count", test_word_count);
  g_test_add_func ("/wp-content/classic", test_classic);
  g_test_add_func ("/wp-content/classic-paragraphs", test_classic_paragraphs);
  g_test_add_func ("/wp-content/citations", test_citations);
  g_test_add_func ("/wp-content/scripts", test_scripts);
  g_test_add_func ("/wp-content/marks", test_marks);
  g_test_add_func ("/wp-content/tables", test_tables);
  g_test_add_func ("/wp-content/table-captions", test_table_captions);
  g_test_add_func ("/wp-content/classic-tables", test_classic_tables);
  g_test_add_func ("/wp-content/verse", test_verse);
  g_test_add_func ("/wp-content/preformatted", test_preformatted);
  g_test_add_func ("/wp-content/layout-blocks", test_layout_blocks);
  g_test_add_func ("/wp-content/fence", test_fence);
  g_test_add_func ("/wp-content/split", test_split);
  g_test_add_func ("/wp-content/labels", test_labels);
  g_test_add_func ("/wp-content/render-box", test_render_box);
  g_test_add_func ("/wp-content/export-import", test_export_import);

  return g_test_run ();
}
