/* cd-import.h: articles from Markdown, wire copy and HTML files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-article.h"
#include "cd-import-error.h"
#include "cd-store.h"

G_BEGIN_DECLS

/**
 * CdImportFormat:
 * @CD_IMPORT_FORMAT_AUTO: the format the file name's extension names
 *   (cd_import_format_for_path()); a file whose name names none is read
 *   by its first characters: wire copy when it is a feed's message in its
 *   envelope, HTML when it opens as an HTML document, agency XML when it
 *   is other markup, ninjs when it is a JSON object
 * @CD_IMPORT_FORMAT_MARKDOWN: a Markdown article with optional YAML front
 *   matter. The body is the text after the front matter, unchanged. A file
 *   without front matter whose first line is a level-one heading ("# …")
 *   takes its text as the headline, and the body starts after it.
 * @CD_IMPORT_FORMAT_WIRE: agency wire copy: the first non-empty line is the
 *   headline; a dateline opening the story ("PLACE (SOURCE) — text",
 *   "PLACE, Month Day (SOURCE) - text", "PLACE - A sentence") gives the
 *   dateline and source and leaves the rest of its paragraph; short lines
 *   above it give the byline ("By …"), photo caption and credit, and a
 *   standfirst; a line set off by
 *   dashes ("– Subhead –") becomes a "##" subhead; blank-line-separated
 *   blocks are paragraphs with their lines joined (a paragraph a line where
 *   lines run longer than hand-wrapped ones, and one at each indented line
 *   where indents mark the paragraphs); "###", "-30-", "ENDE" or
 *   "Enditem" ends the story, and what follows it goes to the note. The
 *   date of a "PLACE, Month Day" dateline ("Nov 24, 2026", "24 November",
 *   "Tuesday" too) is dropped: an article's date is its own.
 *   What the agency sends for the desk goes to the internal note (ednote):
 *   slug and priority lines above the headline ("BC-EU--Floods,1st Ld",
 *   "URGENT"), a version label before it ("UPDATE 2-"), notes to editors
 *   ("Eds: …") and version notes in brackets ("(Adds quote)") above the
 *   story, and a sign-off of initials under it ("mm/jbo"); so do a press
 *   release's lines to the desk above or under its headline ("FOR
 *   IMMEDIATE RELEASE", "PRESS RELEASE", "Pressemitteilung", "Embargoed
 *   until 00:01 GMT, 4 February"), in every format whose opening is
 *   read, and the time an embargo names, read plainly and ahead of now,
 *   becomes the article's embargo. Two bullets or
 *   more in a row are a list; a rule of underscores or dashes is a break.
 *   A story template's label lines ("Slug:", "Hed:", "Dek:", "By:",
 *   "Section:", "Tags:", "Words:", "Caption:", "Credit:", "Note:"; two
 *   or more) at the top, or under the first line, give their fields.
 *   A message in a feed's envelope of control characters (IPTC 7901,
 *   ANPA 1312: SOH, heading, STX, text, ETX, trailer, EOT) is read from
 *   its text, without AP's "^", "<" and "=" codes; the heading and
 *   trailer go to the note; lines may end in CR, LF or both, and a
 *   capture cut short before its ETX is read to its end; a file of two
 *   messages is refused. The
 *   typewriter forms of old agency copy, `` and '' and " _ ", become
 *   quotation marks and a dash.
 * @CD_IMPORT_FORMAT_HTML: an HTML page: the first h1 is the headline (the
 *   title when there is no h1), the rest of the page the body as with
 *   cd_html_to_markdown(). The page's lang, description and author give
 *   the language, standfirst and byline.
 * @CD_IMPORT_FORMAT_XML: the XML news agencies send: NITF (headline and
 *   second headline, byline, distributor, dateline, abstract, keywords,
 *   release time, notes, the story with its subheads, lists, quotes and
 *   tables, the first picture's caption and credit, the tagline), or a
 *   NewsML-G2 news item (alone or in a news message) with its text as
 *   NITF or XHTML, or a NewsML 1 item (AFP's feeds: the text of its main
 *   component, past the captions of pictures, as NITF, XHTML, HTML or
 *   plain text; the news lines and language of the component it is in;
 *   an embargo by its future status; a picture's caption and credit). A
 *   release time still ahead is the embargo; notes to editors go to the
 *   internal note. A news message or NewsML 1 file of several items with
 *   text is a story each (cd_import_data_all(), cd_import_into_store()).
 *   Feeds are read too, an article an entry: RSS 2.0 and 1.0 and Atom
 *   (.rss, .atom): title, author, categories as tags, summary as the
 *   standfirst where the entry has its full text, the text (HTML, XHTML or
 *   plain) read as agency XML's is, so its byline and dateline are found;
 *   the feed's language where it is another than the newsroom's; the
 *   entry's link, date and pictures in the internal note. WordPress's
 *   export (WXR, RSS with WordPress's elements) gives its posts, not
 *   pages or attachments, each with its block content kept as a pull from
 *   the site keeps it, its excerpt as the standfirst, its author's display
 *   name as the byline, its first category as the section, its tags, its
 *   address (post name), a scheduled post's time as the embargo, and the
 *   site, post and status in the note. A file that is not well-formed is
 *   refused with the line of its first error.
 * @CD_IMPORT_FORMAT_NINJS: IPTC ninjs, the JSON agencies' APIs deliver,
 *   with the 1.x names or the 2.x lists (headlines, descriptions, bodies,
 *   bylines): headline, dek, byline, located as the dateline, ednote,
 *   slugline as the web address, keywords and subjects as tags, the
 *   featured picture's caption, credit and description, corrections, an
 *   embargo still ahead; the story from its HTML or plain text. An API's
 *   response that lists several items is a story each.
 * @CD_IMPORT_FORMAT_EMAIL: an email message (.eml, or text that starts
 *   with a message's headers), as a mail program saves it, or as Outlook
 *   does (.msg, read with libgsf: its sender, subject, date, text, HTML,
 *   attachments, and a message attached as an Outlook item): the subject
 *   (without Re: or Fwd:) is the headline; the text (its plain part, else
 *   its HTML; a message forwarded as an attachment when the message has
 *   no text of its own), without the signature, is read as wire copy, so
 *   a dateline and a "By" line are found; the sender's name is the byline
 *   where the text gives none; a story forwarded inside the text is
 *   read with its own subject and sender; a Word document or OpenDocument
 *   text attached with a shorter covering note is the story,
 *   the note goes to the internal note; the closing ("Best regards,",
 *   the sender's name) is cut; the sender's address, the date and the
 *   attachments go to the internal note (cd_import_into_store() adds the
 *   pictures to the store and the end of the story); a greeting and the
 *   covering lines under it ("Hi desk, here's the council story") go to
 *   the note, a phone's signature ("Sent from my iPhone") is cut with the
 *   closing.
 * @CD_IMPORT_FORMAT_DOCX: a Word document (.docx): the Title style's
 *   paragraph (else a short first paragraph) is the headline, the
 *   Subtitle's the standfirst; headings, bulleted and numbered lists,
 *   quotes, tables, bold, italic, struck text and links are kept; the
 *   story's "By" line, dateline and end are read as wire copy's; tracked
 *   changes are read as accepted; the comments go to the internal note;
 *   the document's language is the article's where it is another than
 *   the newsroom's; its pictures, with Word's descriptions and the
 *   caption in the style for captions beside them (its credit split off),
 *   go to the store and the story (cd_import_into_store()).
 * @CD_IMPORT_FORMAT_ODT: OpenDocument text (.odt, as LibreOffice Writer
 *   saves it), read as %CD_IMPORT_FORMAT_DOCX is: its styles' title,
 *   subtitle, headings and quotations, lists, tables, formatting, links,
 *   comments, tracked changes and pictures.
 * @CD_IMPORT_FORMAT_RTF: Rich Text Format (.rtf, as Word, WordPad,
 *   LibreOffice and macOS's TextEdit save it), read as
 *   %CD_IMPORT_FORMAT_DOCX is: its styles' title, subtitle, headings and
 *   quotes, lists, tables, formatting, links, comments, tracked changes and
 *   PNG and JPEG pictures, its text in the character sets its fonts name.
 * @CD_IMPORT_FORMAT_DOC: Word's binary document (.doc, Word 97 to 2003's
 *   format, which Word and LibreOffice still save), read as
 *   %CD_IMPORT_FORMAT_DOCX is: its styles' title, subtitle, headings and
 *   quotes, lists, tables, formatting, links, comments, tracked changes
 *   and PNG and JPEG pictures in line with the text. A file named .doc
 *   that is RTF, HTML or a .docx inside is read as what it is.
 * @CD_IMPORT_FORMAT_PDF: a PDF document (.pdf: a press release as a word
 *   processor or a layout program exports it), whose lines are read back
 *   into paragraphs: the largest text at the top of its first page is the
 *   headline and the next size the standfirst; larger text further on and
 *   short paragraphs in bold are headings; bulleted and numbered lists,
 *   bold, italic and links are kept, a word broken at a line's end is made
 *   whole; running heads and feet and page numbers are left out, its
 *   footnotes named in the note; its pictures go where they stand; text
 *   in columns is read a column at a time, a table a row at a time; the
 *   story's "By" line, dateline and end are read as %CD_IMPORT_FORMAT_DOCX
 *   reads them. A PDF of scanned pages (no text) is refused.
 *
 * How cd_import_data() reads a text; cd_import_file() reads a file by its
 * extension.
 */
typedef enum
{
  CD_IMPORT_FORMAT_AUTO,
  CD_IMPORT_FORMAT_MARKDOWN,
  CD_IMPORT_FORMAT_WIRE,
  CD_IMPORT_FORMAT_HTML,
  CD_IMPORT_FORMAT_XML,
  CD_IMPORT_FORMAT_NINJS,
  CD_IMPORT_FORMAT_EMAIL,
  CD_IMPORT_FORMAT_DOCX,
  CD_IMPORT_FORMAT_ODT,
  CD_IMPORT_FORMAT_RTF,
  CD_IMPORT_FORMAT_DOC,
  CD_IMPORT_FORMAT_PDF,
} CdImportFormat;

/* Files over this size are refused. */
#define CD_IMPORT_MAX_SIZE (20 * 1024 * 1024)
/* Files that carry their pictures (email, Word, OpenDocument) may be this
 * large: a few photos from a phone are more than an article's text. */
#define CD_IMPORT_MAX_PACKAGE_SIZE (100 * 1024 * 1024)
/* A file of more stories than this (a feed, a news message, a site's
 * export) is refused by cd_import_into_store(): one import is a desk's
 * delivery, not a site's archive. */
#define CD_IMPORT_MAX_STORIES 500

CdImportFormat cd_import_format_for_path (const char *path);

CdArticle *cd_import_file (const char *path,
                           GError    **error);
GPtrArray *cd_import_file_all (const char *path,
                               const char *language,
                               GError    **error);
CdArticle *cd_import_data (const char    *data,
                           gsize          length,
                           CdImportFormat format,
                           const char    *origin,
                           GError       **error);
GPtrArray *cd_import_data_all (const char    *data,
                               gsize          length,
                               CdImportFormat format,
                               const char    *origin,
                               GError       **error);

GPtrArray *cd_import_into_store (CdStore    *store,
                                 const char *path,
                                 const char *language,
                                 GError    **error);

char *cd_html_to_markdown (const char *html,
                           gsize       length);
char *cd_markdown_escape (const char *text);

G_END_DECLS
