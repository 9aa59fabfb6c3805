/* cd-wp-label.c: what a person is shown for a block kept as it is: a short
 * label ("Gallery · 4 images", "Columns · 3", "acme/widget") and the alt
 * text of its images, for the editor's chips and the preview's boxes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-label"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cd-wp-blocks.h"
#include "cd-wp-label.h"

/* A block by its name without "core/", and its title. */
typedef struct
{
  const char *name;
  const char *title;
} BlockTitle;

/* The titles of WordPress 6.1's core blocks (wp-includes/blocks/ * /block.json),
 * by name without "core/", sorted. Block names and titles are WordPress's
 * own words, shown as WordPress shows them; a later block's title is made
 * from its name. */
static const BlockTitle core_titles[] = {
  {"archives",                      "Archives"                 },
  { "audio",                        "Audio"                    },
  { "avatar",                       "Avatar"                   },
  { "block",                        "Reusable block"           },
  { "button",                       "Button"                   },
  { "buttons",                      "Buttons"                  },
  { "calendar",                     "Calendar"                 },
  { "categories",                   "Categories List"          },
  { "code",                         "Code"                     },
  { "column",                       "Column"                   },
  { "columns",                      "Columns"                  },
  { "comment-author-name",          "Comment Author Name"      },
  { "comment-content",              "Comment Content"          },
  { "comment-date",                 "Comment Date"             },
  { "comment-edit-link",            "Comment Edit Link"        },
  { "comment-reply-link",           "Comment Reply Link"       },
  { "comment-template",             "Comment Template"         },
  { "comments",                     "Comments"                 },
  { "comments-pagination",          "Comments Pagination"      },
  { "comments-pagination-next",     "Comments Next Page"       },
  { "comments-pagination-numbers",  "Comments Page Numbers"    },
  { "comments-pagination-previous", "Comments Previous Page"   },
  { "comments-title",               "Comments Title"           },
  { "cover",                        "Cover"                    },
  { "embed",                        "Embed"                    },
  { "file",                         "File"                     },
  { "freeform",                     "Classic"                  },
  { "gallery",                      "Gallery"                  },
  { "group",                        "Group"                    },
  { "heading",                      "Heading"                  },
  { "home-link",                    "Home Link"                },
  { "html",                         "Custom HTML"              },
  { "image",                        "Image"                    },
  { "latest-comments",              "Latest Comments"          },
  { "latest-posts",                 "Latest Posts"             },
  { "legacy-widget",                "Legacy Widget"            },
  { "list",                         "List"                     },
  { "list-item",                    "List item"                },
  { "loginout",                     "Login/out"                },
  { "media-text",                   "Media & Text"             },
  { "missing",                      "Unsupported"              },
  { "more",                         "More"                     },
  { "navigation",                   "Navigation"               },
  { "navigation-link",              "Custom Link"              },
  { "navigation-submenu",           "Submenu"                  },
  { "nextpage",                     "Page Break"               },
  { "page-list",                    "Page List"                },
  { "paragraph",                    "Paragraph"                },
  { "pattern",                      "Pattern"                  },
  { "post-author",                  "Post Author"              },
  { "post-author-biography",        "Post Author Biography"    },
  { "post-comments-form",           "Post Comments Form"       },
  { "post-content",                 "Post Content"             },
  { "post-date",                    "Post Date"                },
  { "post-excerpt",                 "Post Excerpt"             },
  { "post-featured-image",          "Post Featured Image"      },
  { "post-navigation-link",         "Post Navigation Link"     },
  { "post-template",                "Post Template"            },
  { "post-terms",                   "Post Terms"               },
  { "post-title",                   "Post Title"               },
  { "preformatted",                 "Preformatted"             },
  { "pullquote",                    "Pullquote"                },
  { "query",                        "Query Loop"               },
  { "query-no-results",             "No results"               },
  { "query-pagination",             "Pagination"               },
  { "query-pagination-next",        "Next Page"                },
  { "query-pagination-numbers",     "Page Numbers"             },
  { "query-pagination-previous",    "Previous Page"            },
  { "query-title",                  "Query Title"              },
  { "quote",                        "Quote"                    },
  { "read-more",                    "Read More"                },
  { "rss",                          "RSS"                      },
  { "search",                       "Search"                   },
  { "separator",                    "Separator"                },
  { "shortcode",                    "Shortcode"                },
  { "site-logo",                    "Site Logo"                },
  { "site-tagline",                 "Site Tagline"             },
  { "site-title",                   "Site Title"               },
  { "social-link",                  "Social Icon"              },
  { "social-links",                 "Social Icons"             },
  { "spacer",                       "Spacer"                   },
  { "table",                        "Table"                    },
  { "tag-cloud",                    "Tag Cloud"                },
  { "template-part",                "Template Part"            },
  { "term-description",             "Term Description"         },
  { "text-columns",                 "Text Columns (deprecated)"},
  { "verse",                        "Verse"                    },
  { "video",                        "Video"                    },
};

static int
compare_title (const void *key,
               const void *item)
{
  return strcmp (key, *(const char *const *) item);
}

static const char *
core_title (const char *name)
{
  const char *const *found = bsearch (name, core_titles, G_N_ELEMENTS (core_titles),
                                      sizeof core_titles[0], compare_title);

  g_assert (name != NULL);

  return found != NULL ? found[1] : NULL;
}

static guint
count_named (const CdWpBlock *block,
             const char      *name)
{
  guint n = 0;

  g_assert (block != NULL && name != NULL);

  for (guint i = 0; i < block->inner_blocks->len; i++)
    {
      const CdWpBlock *inner = g_ptr_array_index (block->inner_blocks, i);

      if (inner->name != NULL && strcmp (inner->name, name) == 0)
        n++;
    }
  return n;
}

static guint
count_images (const CdWpBlock *block)
{
  JsonObject *attrs;
  guint       n = count_named (block, "core/image");
  const char *p;

  g_assert (block != NULL);

  if (n > 0)
    return n;
  /* The gallery of WordPress before 5.9 lists its images by id. */
  attrs = cd_wp_block_get_attrs (block);
  if (attrs != NULL && json_object_has_member (attrs, "ids") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (attrs, "ids")) &&
      json_array_get_length (json_object_get_array_member (attrs, "ids")) > 0)
    return json_array_get_length (json_object_get_array_member (attrs, "ids"));
  for (p = strstr (block->inner_html, "<img"); p != NULL; p = strstr (p + 4, "<img"))
    n++;
  return n;
}

/* A title for a core block this table does not know (a later
 * WordPress's): its name's words capitalised, as WordPress titles most
 * blocks ("query-total" is "Query Total"). */
static char *
title_from_name (const char *name)
{
  g_auto (GStrv) words = g_strsplit (name, "-", -1);

  g_assert (name != NULL);

  for (guint i = 0; words[i] != NULL; i++)
    words[i][0] = g_ascii_toupper (words[i][0]);
  return g_strjoinv (" ", words);
}

static guint
count_columns (const CdWpBlock *block)
{
  guint       n = count_named (block, "core/column");
  JsonObject *attrs;

  g_assert (block != NULL);

  if (n > 0)
    return n;
  /* The columns block of WordPress before 5.3 holds no column blocks: its
   * paragraphs name their column, and the block its number of columns. */
  attrs = cd_wp_block_get_attrs (block);
  if (attrs != NULL && json_object_has_member (attrs, "columns") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (attrs, "columns")) &&
      json_node_get_value_type (json_object_get_member (attrs, "columns")) == G_TYPE_INT64)
    return CLAMP (json_object_get_int_member (attrs, "columns"), 0, 99);
  return 0;
}

/* HTML outside blocks (a piece of a classic post, or what stands between
 * blocks) by what it starts with, in the words of the block it would be. */
static char *
label_for_html (const char *html)
{
  /* What the HTML starts with, and its label. */
  static const char *const starts[][2] = {
    {"<!--more",      "More"        },
    { "<!--nextpage", "Page Break"  },
    { "<iframe",      "Embed"       },
    { "<object",      "Embed"       },
    { "<embed",       "Embed"       },
    { "<script",      "Embed"       },
    { "<video",       "Video"       },
    { "<audio",       "Audio"       },
    { "<img",         "Image"       },
    { "<table",       "Table"       },
    { "<ul",          "List"        },
    { "<ol",          "List"        },
    { "<blockquote",  "Quote"       },
    { "<hr",          "Separator"   },
    { "<pre",         "Preformatted"},
    { "<h1",          "Heading"     },
    { "<h2",          "Heading"     },
    { "<h3",          "Heading"     },
    { "<h4",          "Heading"     },
    { "<h5",          "Heading"     },
    { "<h6",          "Heading"     },
  };
  const char *p = html + strspn (html, " \t\r\n");

  g_assert (html != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    if (g_ascii_strncasecmp (p, starts[i][0], strlen (starts[i][0])) == 0 &&
        !g_ascii_isalnum (p[strlen (starts[i][0])]))
      return g_strdup (starts[i][1]);
  if (*p == '[' && g_ascii_isalpha (p[1]))
    {
      gsize n = 1;

      while (g_ascii_isalnum (p[n + 1]) || p[n + 1] == '_' || p[n + 1] == '-')
        n++;
      return g_strdup_printf ("Shortcode · %.*s", (int) n, p + 1);
    }
  return g_strdup ("Classic HTML");
}

/* The title of the block called @name: WordPress's for a core block, else
 * its name. */
static char *
block_title (const char *name)
{
  const char *title;

  g_assert (name != NULL);

  if (!g_str_has_prefix (name, "core/"))
    return g_strdup (name);
  title = core_title (name + 5);
  return title != NULL ? g_strdup (title) : title_from_name (name + 5);
}

/* The name of the block whose closing delimiter ends @markup ("<!--
 * /wp:group -->"), with "core/" for a name without a namespace, or %NULL. */
static char *
closing_name (const char *markup,
              gsize       length)
{
  const char *end = markup + length, *open, *name, *p;

  g_assert (markup != NULL);

  while (end > markup && g_ascii_isspace (end[-1]))
    end--;
  if (end - markup < 12 || strncmp (end - 3, "-->", 3) != 0)
    return NULL;
  open = g_strrstr_len (markup, end - markup, "<!--");
  if (open == NULL)
    return NULL;
  p = open + 4;
  if (!g_ascii_isspace (*p))
    return NULL;
  while (g_ascii_isspace (*p))
    p++;
  if (strncmp (p, "/wp:", 4) != 0)
    return NULL;
  name = p += 4;
  while (g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '/')
    p++;
  if (p == name || !g_ascii_isspace (*p))
    return NULL;
  while (g_ascii_isspace (*p))
    p++;
  if (p != end - 3)
    return NULL;
  length = strcspn (name, " \t\r\n");
  return memchr (name, '/', length) != NULL ? g_strndup (name, length)
                                            : g_strdup_printf ("core/%.*s", (int) length, name);
}

/* Whether @html holds nothing to read or see: white space, no-break
 * spaces and line breaks alone, perhaps in a paragraph or emphasis
 * ("<p></p>", "<p>&nbsp;</p>", paragraphs left for space). */
static gboolean
holds_nothing (const char *html)
{
  static const char *const blank[] = { "&nbsp;", "\u00a0", "<p>", "</p>", "<br>", "<br />", "<br/>",
                                       "<strong>", "</strong>", "<em>", "</em>", "<b>", "</b>", "<i>", "</i>" };

  g_assert (html != NULL);

  for (const char *p = html; *p != '\0';)
    {
      guint i = 0;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      while (i < G_N_ELEMENTS (blank) && !g_str_has_prefix (p, blank[i]))
        i++;
      if (i == G_N_ELEMENTS (blank))
        return FALSE;
      p += strlen (blank[i]);
    }
  return TRUE;
}

static char *
label_for_block (const CdWpBlock *block)
{
  const char      *short_name;
  g_autofree char *title = NULL;

  g_assert (block != NULL);

  if (block->name == NULL)
    return label_for_html (block->inner_html);
  title = block_title (block->name);
  if (!g_str_has_prefix (block->name, "core/") || core_title (block->name + 5) == NULL)
    return g_steal_pointer (&title);
  short_name = block->name + 5;
  if (strcmp (short_name, "gallery") == 0)
    {
      guint n = count_images (block);

      /* The opening end of a gallery opened up has none of its pictures. */
      if (n == 0)
        return g_steal_pointer (&title);
      return g_strdup_printf ("%s · %u %s", title, n, n == 1 ? "image" : "images");
    }
  if (strcmp (short_name, "columns") == 0)
    {
      guint n = count_columns (block);

      return n > 0 ? g_strdup_printf ("%s · %u", title, n) : g_strdup (title);
    }
  if (strcmp (short_name, "paragraph") == 0 && block->inner_html != NULL && holds_nothing (block->inner_html))
    return g_strdup_printf ("%s · empty", title);
  if (strcmp (short_name, "buttons") == 0 || strcmp (short_name, "social-links") == 0)
    return g_strdup_printf ("%s · %u", title, block->inner_blocks->len);
  if (strcmp (short_name, "embed") == 0 && cd_wp_block_get_attrs (block) != NULL)
    {
      const char *provider = json_object_get_string_member_with_default (
          cd_wp_block_get_attrs (block), "providerNameSlug", NULL);

      if (provider != NULL && *provider != '\0')
        return g_strdup_printf ("%s · %s", title, provider);
    }
  return g_steal_pointer (&title);
}

/**
 * cd_wp_is_fence_info:
 * @info: (nullable): the info string of a Markdown fence
 *
 * Returns: whether a fence with this info string holds block markup: its
 *   first word is `wordpress`
 */
gboolean
cd_wp_is_fence_info (const char *info)
{
  gsize n = strlen (CD_WP_FENCE_INFO);

  return info != NULL && strncmp (info, CD_WP_FENCE_INFO, n) == 0 &&
         (info[n] == '\0' || g_ascii_isspace (info[n]));
}

/**
 * cd_wp_fence_end:
 * @markup: the markup a `wordpress` fence holds
 * @length: its length, or -1
 * @name: (out) (optional) (transfer full): the name of the block whose end
 *   it is ("core/group"), or %NULL for a whole one
 *
 * Returns: whether @markup is the opening end of a layout block (one
 *   block, left open: its closing delimiter is not in it), its closing
 *   end (HTML, then the closing delimiter alone), or whole
 */
CdWpFenceEnd
cd_wp_fence_end (const char *markup,
                 gssize      length,
                 char      **name)
{
  g_autoptr (GPtrArray) blocks = NULL;
  g_autofree char *closing = NULL;
  const CdWpBlock *named = NULL;
  gsize            end;

  if (name != NULL)
    *name = NULL;
  g_return_val_if_fail (markup != NULL, CD_WP_FENCE_WHOLE);

  if (length < 0)
    length = strlen (markup);
  for (end = length; end > 0 && g_ascii_isspace (markup[end - 1]); end--)
    ;
  blocks = cd_wp_blocks_parse (markup, length);
  for (guint i = 0; i < blocks->len; i++)
    {
      const CdWpBlock *block = g_ptr_array_index (blocks, i);

      if (block->name == NULL)
        continue;
      if (named != NULL)
        return CD_WP_FENCE_WHOLE;
      named = block;
    }
  if (named == NULL)
    {
      if ((closing = closing_name (markup, length)) == NULL)
        return CD_WP_FENCE_WHOLE;
      if (name != NULL)
        *name = g_steal_pointer (&closing);
      return CD_WP_FENCE_CLOSING;
    }
  if (end >= 3 && strncmp (markup + end - 3, "-->", 3) == 0)
    return CD_WP_FENCE_WHOLE;
  if (name != NULL)
    *name = g_strdup (named->name);
  return CD_WP_FENCE_OPENING;
}

/**
 * cd_wp_block_label:
 * @markup: the markup of one block, as a `wordpress` fence holds it
 * @length: its length, or -1
 *
 * Returns: (transfer full): a short label for the block: the title
 *   WordPress gives a core block, with a count for galleries ("Gallery · 4
 *   images"), columns and buttons, the provider of an embed; the name of
 *   any other block ("acme/widget"); for the closing end of a layout block
 *   "End of " and its title ("End of Group"); for HTML outside blocks, the
 *   block it would be ("Embed" for an iframe, "More", "Shortcode ·
 *   gallery"), else "Classic HTML"
 */
char *
cd_wp_block_label (const char *markup,
                   gssize      length)
{
  g_autoptr (GPtrArray) blocks = NULL;
  const CdWpBlock *first = NULL;
  guint            named = 0;

  g_return_val_if_fail (markup != NULL, NULL);

  if (length < 0)
    length = strlen (markup);
  blocks = cd_wp_blocks_parse (markup, length);
  for (guint i = 0; i < blocks->len; i++)
    {
      const CdWpBlock *block = g_ptr_array_index (blocks, i);

      if (block->name == NULL && strspn (block->inner_html, " \t\r\n") == strlen (block->inner_html))
        continue;
      if (first == NULL)
        first = block;
      named++;
    }
  /* The closing end of a layout block whose inner blocks are the body's
   * text (see cd_wp_content_to_body()). */
  if (first == NULL || first->name == NULL)
    {
      g_autofree char *closing = closing_name (markup, length);

      if (closing != NULL)
        {
          g_autofree char *title = block_title (closing);

          return g_strdup_printf ("End of %s", title);
        }
    }
  if (first == NULL)
    return g_strdup ("Classic HTML");
  if (named > 1)
    return g_strdup_printf ("Blocks · %u", named);
  return label_for_block (first);
}

/* The value of attribute @name in the tag starting at @tag, up to @end. */
static char *
tag_attribute (const char *tag,
               const char *end,
               const char *name)
{
  gsize n = strlen (name);

  g_assert (tag != NULL && end != NULL && name != NULL);

  for (const char *p = tag; p + n + 2 < end; p++)
    {
      if ((p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n') &&
          g_ascii_strncasecmp (p, name, n) == 0 && p[n] == '=' && (p[n + 1] == '"' || p[n + 1] == '\''))
        {
          const char *value = p + n + 2;
          const char *close = memchr (value, p[n + 1], end - value);

          if (close == NULL)
            return NULL;
          return g_strndup (value, close - value);
        }
    }
  return NULL;
}

/* The few character references alt text holds in practice. */
static char *
decode_attribute (const char *value)
{
  static const char *const from[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#039;", "&#39;", "&#8217;" };
  static const char *const to[] = { "&", "<", ">", "\"", "'", "'", "’" };
  GString                 *out = g_string_new (NULL);

  g_assert (value != NULL);

  for (const char *p = value; *p;)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (from); i++)
        if (g_str_has_prefix (p, from[i]))
          break;
      if (i < G_N_ELEMENTS (from))
        {
          g_string_append (out, to[i]);
          p += strlen (from[i]);
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/**
 * cd_wp_block_image_alts:
 * @markup: block markup
 * @length: its length, or -1
 *
 * Returns: (transfer container) (element-type utf8): the alt text of every
 *   image in @markup, in order ("" for an image without one)
 */
GPtrArray *
cd_wp_block_image_alts (const char *markup,
                        gssize      length)
{
  GPtrArray  *alts = g_ptr_array_new_with_free_func (g_free);
  const char *end;

  g_return_val_if_fail (markup != NULL, alts);

  if (length < 0)
    length = strlen (markup);
  end = markup + length;
  for (const char *p = g_strstr_len (markup, length, "<img"); p != NULL;
       p = g_strstr_len (p + 4, end - p - 4, "<img"))
    {
      const char      *close = memchr (p, '>', end - p);
      g_autofree char *alt = NULL;

      if (close == NULL)
        break;
      if (!g_ascii_isspace (p[4]) && p[4] != '/' && p[4] != '>')
        continue;
      alt = tag_attribute (p + 4, close, "alt");
      g_ptr_array_add (alts, alt != NULL ? decode_attribute (alt) : g_strdup (""));
    }
  return alts;
}
