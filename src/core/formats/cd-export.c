/* cd-export.c: an article as Markdown, a standalone HTML page, or ninjs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-export"

#include "config.h"

#include <string.h>

#include "cd-export-private.h"
#include "cd-frontmatter.h"
#include "cd-render.h"

/**
 * cd_export_format_from_string:
 * @text: "md" (or "markdown"), "html" or "ninjs", in any case
 * @format: (out) (optional): the format
 *
 * Returns: %TRUE when @text names a format
 */
gboolean
cd_export_format_from_string (const char     *text,
                              CdExportFormat *format)
{
  static const struct
  {
    const char    *name;
    CdExportFormat format;
  } names[] = {
    {"md",        CD_EXPORT_FORMAT_MARKDOWN},
    { "markdown", CD_EXPORT_FORMAT_MARKDOWN},
    { "html",     CD_EXPORT_FORMAT_HTML    },
    { "ninjs",    CD_EXPORT_FORMAT_NINJS   },
  };

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (text, names[i].name) == 0)
        {
          if (format != NULL)
            *format = names[i].format;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * cd_export_article:
 * @article: an article
 * @format: the format
 *
 * cd_export_article_with_images() without images: stored images stay
 * references the page or ninjs cannot show.
 *
 * Returns: (transfer full): the article in @format
 */
char *
cd_export_article (CdArticle     *article,
                   CdExportFormat format)
{
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  return cd_export_article_with_images (article, format, NULL);
}

/**
 * cd_export_article_with_images:
 * @article: an article
 * @format: the format
 * @images: (nullable): where the article's stored images come from
 *
 * Returns: (transfer full): the article in @format
 */
char *
cd_export_article_with_images (CdArticle           *article,
                               CdExportFormat       format,
                               const CdImageSource *images)
{
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  switch (format)
    {
    case CD_EXPORT_FORMAT_MARKDOWN:
      return cd_export_markdown (article);
    case CD_EXPORT_FORMAT_HTML:
      return cd_export_html_with_images (article, images);
    case CD_EXPORT_FORMAT_NINJS:
      return cd_export_ninjs_with_images (article, images);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * cd_export_markdown:
 * @article: an article
 *
 * Writes YAML front matter with every field (and the unknown keys an
 * import kept), then the body exactly as it is. Importing the result as
 * %CD_IMPORT_FORMAT_MARKDOWN gives back an equal article.
 *
 * Returns: (transfer full): the Markdown file's text
 */
char *
cd_export_markdown (CdArticle *article)
{
  g_autofree char *front = NULL;
  const char      *body;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  front = cd_front_matter_format (article);
  body = cd_article_get_body (article);
  return g_strconcat (front, body ? body : "", NULL);
}

static const char page_css[] =
    "body{margin:0;background:#fafafa;color:#1e1e1e;"
    "font:18px/1.6 Georgia,'Noto Serif','DejaVu Serif',serif}"
    ".cd-article{max-width:42rem;margin:0 auto;padding:2rem 1.25rem 4rem;background:#fff}"
    ".cd-headline{font-size:2.2rem;line-height:1.2;margin:0 0 .5rem}"
    ".cd-dek{font-size:1.25rem;color:#444;margin:0 0 1rem}"
    ".cd-byline,.cd-dateline{font:600 .9rem/1.4 sans-serif;color:#555;margin:.2rem 0}"
    ".cd-source{font-weight:400}"
    ".cd-embargo{font:700 .9rem/1.4 sans-serif;background:#c01c28;color:#fff;"
    "padding:.5rem .75rem;border-radius:4px}"
    ".cd-featured-image{margin:1.5rem 0}"
    ".cd-featured-image img{max-width:100%;height:auto;display:block}"
    "figcaption{font:.85rem/1.4 sans-serif;color:#555;margin-top:.4rem}"
    ".cd-credit,.image .credit{color:#777;text-transform:uppercase;font-size:.75rem}"
    "figure.image{margin:1.5rem 0}figure.image img{height:auto;display:block}"
    "blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem;color:#444}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem}"
    "img{max-width:100%}pre{overflow-x:auto;background:#f4f4f4;padding:.75rem}"
    "@media print{body{background:#fff}.cd-article{padding:0}}";

/**
 * cd_export_html_with_images:
 * @article: an article
 * @images: (nullable): where the article's stored images come from
 *
 * Writes a standalone HTML page: the article element of
 * cd_render_article() with an escaped title, the article's language and
 * inline CSS, and no scripts. Each stored image @images has is a data:
 * URI, so that the page is one file that shows its pictures anywhere.
 *
 * Returns: (transfer full): the page
 */
char *
cd_export_html_with_images (CdArticle           *article,
                            const CdImageSource *images)
{
  g_autofree char *title = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *rendered = NULL;
  g_autofree char *element = NULL;
  const char      *language;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  title = cd_html_escape (cd_article_get_headline (article));
  language = cd_article_get_language (article);
  lang = cd_html_escape (language && *language ? language : "und");
  rendered = cd_render_article (article, CD_RENDER_NONE);
  element = _cd_export_resolve_image_uris (rendered, images, FALSE);

  return g_strdup_printf ("<!DOCTYPE html>\n"
                          "<html lang=\"%s\">\n"
                          "<head>\n"
                          "<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" "
                          "content=\"width=device-width, initial-scale=1\">\n"
                          "<meta name=\"generator\" content=\"Copydesk %s\">\n"
                          "<title>%s</title>\n"
                          "<style>%s</style>\n"
                          "</head>\n"
                          "<body>\n"
                          "%s"
                          "</body>\n"
                          "</html>\n",
                          lang, PACKAGE_VERSION, title, page_css, element);
}

void
_cd_export_add_string (JsonBuilder *builder,
                       const char  *name,
                       const char  *value)
{
  g_assert (JSON_IS_BUILDER (builder));

  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *value)
{
  g_autofree char *text = cd_format_iso8601_utc (value);

  _cd_export_add_string (builder, name, text);
}

static const char *
pubstatus_for (CdArticleStatus status)
{
  switch (status)
    {
    case CD_ARTICLE_STATUS_PUBLISHED:
      return "usable";
    case CD_ARTICLE_STATUS_KILLED:
      return "canceled";
    case CD_ARTICLE_STATUS_DRAFT:
    case CD_ARTICLE_STATUS_READY_FOR_EDIT:
    case CD_ARTICLE_STATUS_READY_TO_PUBLISH:
    case CD_ARTICLE_STATUS_HELD:
    default:
      return "withheld";
    }
}

/* The corrections as ninjs carries them: ninjs has no member of its own
 * for them, so "corrections" is an array of {date, text} beside the body. */
static void
add_corrections (JsonBuilder *builder,
                 CdArticle   *article)
{
  g_assert (JSON_IS_BUILDER (builder));
  g_assert (CD_IS_ARTICLE (article));

  if (cd_article_get_n_corrections (article) == 0)
    return;
  json_builder_set_member_name (builder, "corrections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cd_article_get_n_corrections (article); i++)
    {
      const CdCorrection *correction = cd_article_get_correction (article, i);

      json_builder_begin_object (builder);
      add_time (builder, "date", correction->date);
      _cd_export_add_string (builder, "text", correction->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * cd_export_ninjs_with_images:
 * @article: an article
 * @images: (nullable): where the article's stored images come from
 *
 * Writes IPTC ninjs with the lower-case 2.x names Superdesk ingests. The
 * version is the modification time in seconds since 1970, which grows with
 * every change; times are UTC with a "Z"; the word and character counts
 * are of the text a reader sees. Absent optional fields are left out.
 * The article's stored images go in as "associations":
 * the featured image as "featuremedia" (the main picture), each body
 * image as "editor_N", each with its alt text (body_text), caption
 * (description_text), credit (byline) and an "original" rendition (href
 * a data: URI, mimetype, width, height) when @images has it. The body's
 * figures name their association by its uri.
 *
 * Returns: (transfer full): the ninjs JSON document and a newline
 */
char *
cd_export_ninjs_with_images (CdArticle           *article,
                             const CdImageSource *images)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char   *uri = NULL;
  g_autofree char   *version = NULL;
  g_autofree char   *rendered = NULL;
  g_autofree char   *body_html = NULL;
  g_autofree char   *plain = NULL;
  g_autofree char   *json = NULL;
  const char *const *tags;
  GDateTime         *modified, *created;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  modified = cd_article_get_modified (article);
  created = cd_article_get_created (article);
  uri = g_strdup_printf ("urn:copydesk:article:%s", cd_article_get_uuid (article));
  version = g_strdup_printf ("%" G_GINT64_FORMAT,
                             modified  ? g_date_time_to_unix (modified)
                             : created ? g_date_time_to_unix (created)
                                       : 1);
  rendered = cd_render_markdown (cd_article_get_body (article), -1, CD_RENDER_NONE);
  body_html = _cd_export_resolve_image_uris (rendered, images, TRUE);
  plain = cd_render_plain_text (cd_article_get_body (article), -1);

  json_builder_begin_object (builder);
  _cd_export_add_string (builder, "uri", uri);
  _cd_export_add_string (builder, "type", "text");
  _cd_export_add_string (builder, "version", version);
  add_time (builder, "versioncreated", modified);
  add_time (builder, "firstcreated", created);
  _cd_export_add_string (builder, "pubstatus", pubstatus_for (cd_article_get_status (article)));
  _cd_export_add_string (builder, "headline", cd_article_get_headline (article));
  _cd_export_add_string (builder, "description_text", cd_article_get_dek (article));
  _cd_export_add_string (builder, "body_html", body_html);
  _cd_export_add_string (builder, "byline", cd_article_get_byline (article));
  _cd_export_add_string (builder, "slugline", cd_article_get_slug (article));
  _cd_export_add_string (builder, "located", cd_article_get_dateline (article));
  _cd_export_add_string (builder, "ednote", cd_article_get_ednote (article));

  tags = cd_article_get_tags (article);
  if (tags != NULL && tags[0] != NULL)
    {
      json_builder_set_member_name (builder, "subject");
      json_builder_begin_array (builder);
      for (guint i = 0; tags[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, tags[i]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  add_corrections (builder, article);
  add_time (builder, "embargoed", cd_article_get_embargo (article));
  _cd_export_add_string (builder, "language", cd_article_get_language (article));
  json_builder_set_member_name (builder, "wordcount");
  json_builder_add_int_value (builder, cd_count_words (plain));
  json_builder_set_member_name (builder, "charcount");
  json_builder_add_int_value (builder, g_utf8_strlen (plain, -1));
  _cd_export_add_associations (builder, article, images);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);
  /* A text file ends with a newline. */
  return g_strconcat (json, "\n", NULL);
}
