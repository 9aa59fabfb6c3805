/* cd-import-private.h: helpers shared by the importers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "cd-article.h"
#include "cd-import.h"

G_BEGIN_DECLS

#define UTF8_BOM "\xEF\xBB\xBF"

gsize _cd_import_skip_bom (const char *text,
                           gsize       length);

gboolean    _cd_import_check_text (const char *text,
                                   gsize       length,
                                   const char *origin,
                                   GError    **error);
gboolean    _cd_markdown_is_entity_like (const char *p,
                                         const char *end);
void        _cd_markdown_escape_inline (GString    *out,
                                        const char *text,
                                        gssize      length);
void        _cd_markdown_escape_line_starts (GString *text);
char       *_cd_import_html_to_markdown (const char *html,
                                         gsize       length,
                                         GString    *notes);
void        _cd_markdown_append_table (GString   *out,
                                       GPtrArray *rows,
                                       gboolean   figures_right);
gboolean    _cd_import_word_in (const char        *word,
                                const char *const *words);
gboolean    _cd_import_is_agency_name (const char *source);
gboolean    _cd_import_is_date (const char *text);
void        _cd_import_set_given_dateline (CdArticle  *article,
                                           const char *dateline);
GMatchInfo *_cd_import_match_dateline (const char *paragraph);
char       *_cd_import_take_dateline (CdArticle  *article,
                                      const char *paragraph,
                                      GString    *notes);
gboolean    _cd_import_take_dateline_alone (CdArticle  *article,
                                            const char *paragraph,
                                            GString    *notes);
char       *_cd_import_take_body_dateline (CdArticle *article,
                                           char      *markdown,
                                           GString   *notes);
char       *_cd_import_take_standfirst (CdArticle *article,
                                        char      *markdown,
                                        gboolean   emphasis);
char       *_cd_import_take_body_opening (CdArticle *article,
                                          char      *markdown,
                                          GString   *notes);
gboolean    _cd_import_is_rule_paragraph (const char *paragraph);
char       *_cd_import_take_body_sign_off (char    *markdown,
                                           GString *notes);
char       *_cd_import_without_by (char *byline);
char       *_cd_import_byline_of_line (const char *line);
char       *_cd_import_part_byline_post (const char *byline);
gboolean    _cd_import_is_byline (const char *line);
char       *_cd_import_take_body_byline (CdArticle *article,
                                         char      *markdown,
                                         GString   *notes);
void        _cd_import_drop_repeated_dek (CdArticle  *article,
                                          const char *markdown);
void        _cd_import_take_headline_label (CdArticle  *article,
                                            const char *slug,
                                            GString    *notes);
void        _cd_import_add_note (GString    *notes,
                                 const char *text);

/* A paragraph or preamble block of wire copy: its trimmed lines. */
typedef struct
{
  GPtrArray *lines;
} CdWireBlock;

/* Tables in wire copy (cd-import-wire-tables.c). */
guint _cd_import_table_rows (GPtrArray *lines,
                             guint      first);
void  _cd_import_append_table (GString   *body,
                               GPtrArray *lines,
                               guint      first,
                               guint      count);
void  _cd_import_join_table_blocks (GPtrArray *blocks,
                                    guint      start);

/* The patterns of wire copy (cd-import-wire-patterns.c), by their order
 * there. */
typedef enum
{
  RE_DATELINE,
  RE_DATELINE_NO_SOURCE,
  RE_SUBHEAD,
  RE_CREDIT,
  RE_CAPTION_WITH_CREDIT,
  RE_CAPTION_PREFIX,
  RE_BYLINE,
  RE_END,
  RE_SLUG,
  RE_PRIORITY,
  RE_LABEL,
  RE_HEADLINE_LABEL,
  RE_EDS,
  RE_VERSION_NOTE,
  RE_SIGN_OFF,
  RE_NOTEBOOK,
  RE_RULE,
  RE_CONTACT,
  RE_READERS_NOTE,
  RE_DATELINE_DATED,
  RE_DATE_ALONE,
  RE_DATELINE_GIVEN,
  RE_TRAILER,
  RE_DESK_NOTE,
  RE_COPYRIGHT_MARKS,
  RE_TAKE_NUMBER,
  RE_DATE_AFTER_PLACE,
  RE_AUTHOR_LABEL,
  RE_NAME_THEN_POST,
  RE_COPYRIGHT_AFTER_SENTENCE,
  RE_OFFSET_ASIDE,
  RE_BOLD_PLACE,
  RE_HEADLINE_LABEL_AFTER,
  RE_RELATED_LABEL,
} CdWirePattern;

GRegex  *_cd_import_wire_regex (guint which);
gboolean _cd_import_is_time_line (const char *text);
gboolean _cd_import_is_credit_line (const char *line,
                                    char      **writer);
gboolean _cd_import_is_code_line (const char *line);
gboolean _cd_import_is_take_head (const char *line,
                                  gboolean   *slug);
gboolean _cd_import_take_goes_on (const char *line,
                                  char      **text);
char    *_cd_import_match_group (GRegex     *regex,
                                 const char *text,
                                 const char *group);
gboolean _cd_import_is_name_line (const char *line);
gboolean _cd_import_is_byline_title (const char *line);
void     _cd_import_append_byline_title (GString    *byline,
                                         const char *title);

/* PA's catchline: its subject in capitals and a keyword or two
 * ("POLITICS Housing", "COURTS Garda", "SPORT Cricket England"). */
/* A take's mark that the story goes on, in the agencies' languages
 * ("(sigue)", "(mehr)", "(suite)", "(segue)") */
#define TAKE_GOES_ON "\\((?:sigue|contin[uú]a|m[aá]s|mehr|suite|[aà]\\s+suivre|segue)\\)"

#define PA_CATCHLINE "^\\p{Lu}{3,}(?:\\s+\\p{Lu}\\p{Ll}+){1,2}$"
char    *_cd_import_wire_block_join (CdWireBlock *b);
gboolean _cd_import_is_end_mark (const char *line);
void     _cd_import_take_wire_end (CdArticle *article,
                                   GPtrArray *blocks,
                                   GString   *notes);
char    *_cd_import_agency_of_byline (const char *byline);

/* Wire copy in a feed's envelope (cd-import-transmission.c). */
gboolean   _cd_import_is_transmission (const char *text,
                                       gsize       length);
GPtrArray *_cd_import_split_transmissions (const char *text,
                                           gsize       length);
char      *_cd_import_unwrap_transmission (const char *text,
                                           const char *origin,
                                           GString    *notes,
                                           GString    *trailer,
                                           GError    **error);
char      *_cd_import_wire_typography (const char *text);

/* The importers proper, called once the text is checked: each fills
 * @article, which holds the language for a file that names none. */
gboolean   _cd_import_markdown (CdArticle  *article,
                                const char *text,
                                gsize       length,
                                const char *origin,
                                GError    **error);
gboolean   _cd_import_wire (CdArticle  *article,
                            const char *text,
                            gsize       length,
                            const char *origin,
                            GError    **error);
gboolean   _cd_import_wire_copy (CdArticle  *article,
                                 const char *text,
                                 gsize       length,
                                 const char *origin,
                                 GError    **error);
gboolean   _cd_import_html (CdArticle  *article,
                            const char *text,
                            gsize       length,
                            const char *origin,
                            GError    **error);
CdArticle *_cd_import_new_article (const char *language);
void       _cd_import_guess_language (CdArticle *article);
void       _cd_import_set_other_language (CdArticle  *article,
                                          const char *language);
GPtrArray *_cd_import_file (const char *path,
                            const char *language,
                            gboolean    all,
                            GPtrArray  *pictures,
                            GError    **error);

/* The importers of files that may hold several stories (a feed, a news
 * message, an API's list): each story is a new article that starts with
 * @language, added to @articles; with @all %FALSE only the first, whose
 * note names the others. */
typedef gboolean  CdStoriesImporter (const char *language,
                                     const char *text,
                                     gsize       length,
                                     const char *origin,
                                     gboolean    all,
                                     GPtrArray  *articles,
                                     GError    **error);
CdStoriesImporter _cd_import_ninjs;
CdStoriesImporter _cd_import_xml;

/* Feeds (cd-import-feed.c): RSS, Atom, WordPress's export. */
gboolean _cd_import_is_feed (xmlNode *root);
gboolean _cd_import_feed (xmlNode    *root,
                          const char *language,
                          const char *origin,
                          gboolean    all,
                          GPtrArray  *articles,
                          GError    **error);

/* Reads one story, @item, of a file into @article. */
typedef gboolean (*CdStoryReader) (CdArticle  *article,
                                   gpointer    item,
                                   gpointer    data,
                                   const char *origin,
                                   GError    **error);
gboolean _cd_import_stories (GPtrArray    *items,
                             CdStoryReader read,
                             gpointer      data,
                             const char   *language,
                             const char   *origin,
                             gboolean      all,
                             GPtrArray    *articles,
                             GError      **error);
void     _cd_import_split_roundup (GPtrArray *articles,
                                   guint      index);

/* Email (cd-import-email.c), read from its bytes. A picture that came
 * with it (or with a Word document), for cd_import_into_store() to add to
 * the store and the story. */
typedef struct
{
  GBytes *bytes;
  char   *name;       /* its file name, for messages */
  char   *content_id; /* what the message's HTML calls it ("cid:…"), or NULL */
  char   *alt;        /* its description, where the file gives one, or NULL */
  char   *caption;    /* its caption, or NULL */
  char   *credit;     /* its credit, or NULL */
  guint   story;      /* the story of the file it came with (a mailbox's message), from 0 */
} CdImportPicture;

void     _cd_import_picture_free (gpointer picture);
gboolean _cd_import_place_cid_image (GString    *markdown,
                                     const char *content_id,
                                     const char *fence);
gboolean _cd_import_email (CdArticle  *article,
                           GBytes     *message_bytes,
                           GPtrArray  *pictures,
                           const char *origin,
                           GError    **error);
gboolean _cd_import_mailbox (GBytes     *data,
                             const char *language,
                             GPtrArray  *pictures,
                             const char *origin,
                             gboolean    all,
                             GPtrArray  *articles,
                             GError    **error);
gssize   _cd_import_message_start (const char *text,
                                   gsize       length);
/* The letter around an emailed story (cd-import-email-letter.c). */
void  _cd_import_cut_signature (char *text);
void  _cd_import_cut_closing (char       *text,
                              const char *sender,
                              GString    *notes);
char *_cd_import_take_greeting (char    *text,
                                GString *notes);
void  _cd_import_email_init (void);

/* Bytes as text (cd-import-charset.c). */
gunichar _cd_import_windows_1252 (guint8 c);
char    *_cd_import_decode_charset (const char    *data,
                                    gsize          length,
                                    CdImportFormat format,
                                    const char    *origin,
                                    gsize         *decoded_length,
                                    char         **charset,
                                    GError       **error);
char    *_cd_import_from_utf16 (const char *data,
                                gsize       length,
                                const char *origin,
                                gsize      *decoded_length,
                                GError    **error);

/* An attachment of a winmail.dat (cd-import-tnef.c). */
typedef struct
{
  char   *name;       /* its file name, or NULL */
  char   *mime_type;  /* its type, or NULL */
  char   *content_id; /* or NULL */
  GBytes *bytes;
} CdImportTnefAttachment;

GPtrArray *_cd_import_tnef_attachments (GBytes *data);
void       _cd_import_tnef_attachment_free (gpointer attachment);

/* Outlook's messages (cd-import-outlook.c): a compound file made MIME;
 * Word's old documents (cd-import-doc.c), compound files too. */
gboolean _cd_import_is_compound_file (const char *data,
                                      gsize       length);
gboolean _cd_import_is_word_document (const char *data,
                                      gsize       length);
GBytes  *_cd_import_outlook_message (const char *data,
                                     gsize       length,
                                     const char *origin,
                                     GError    **error);

char *_cd_import_take_forward (char    *text,
                               gboolean markdown,
                               char   **from,
                               char   **subject,
                               char   **date,
                               GString *notes);

/* A press release's line to the desk above its story (cd-import-release.c):
 * "FOR IMMEDIATE RELEASE", "Embargoed until …". */
gboolean _cd_import_take_release_line (CdArticle  *article,
                                       const char *line,
                                       GString    *notes);
gboolean _cd_import_is_release_line (const char *line);
gboolean _cd_import_is_release_label (const char *line);
/* A press release's head (cd-import-letterhead.c): its sender's
 * letterhead, its line to the desk, its contact block, its headline. */
typedef struct
{
  const char *text;
  gboolean    strong;  /* in bold, or a heading */
  gboolean    wrapped; /* a paragraph's first line, which goes on */
} CdImportHeadLine;

typedef struct
{
  guint letterhead; /* the lines above the line to the desk */
  guint headline;   /* where the headline stands (or the lines' count) */
} CdImportReleaseHead;

guint    _cd_import_sender_length (const char *const *lines,
                                   guint              n,
                                   gboolean           under_release);
gboolean _cd_import_find_release_head (const CdImportHeadLine *lines,
                                       guint                   n,
                                       gboolean                headline_below,
                                       CdImportReleaseHead    *head);
void     _cd_import_take_wire_letterhead (CdArticle *article,
                                          GPtrArray *blocks,
                                          GString   *notes);
gboolean _cd_import_is_sender_name (const char *line);
gboolean _cd_import_is_kicker (const char *line,
                               const char *next);
void     _cd_import_take_wire_service_lines (CdArticle *article,
                                             GPtrArray *blocks,
                                             GString   *notes);
void     _cd_import_take_wire_kicker (GPtrArray *blocks,
                                      GString   *notes);
void     _cd_import_take_wire_release_lines (CdArticle *article,
                                             GPtrArray *blocks,
                                             guint      first,
                                             guint      end,
                                             gboolean   leading,
                                             GString   *notes);
char    *_cd_import_take_release_head (CdArticle  *article,
                                       char       *markdown,
                                       const char *subject,
                                       GString    *notes);
/* An emailed story's head (cd-import-email-head.c). */
char    *_cd_import_take_subject_label (char     *subject,
                                        GString  *notes,
                                        gboolean *taken);
char    *_cd_import_split_head_lines (char *markdown);
char    *_cd_import_drop_repeated_subject (char       *text,
                                           const char *subject,
                                           gboolean   *dropped);
char    *_cd_import_drop_repeated_head (CdArticle  *article,
                                        char       *story,
                                        const char *subject,
                                        GString    *notes,
                                        gboolean   *repeated);
gboolean _cd_import_opens_release (const char *plain);
char    *_cd_import_take_desk_notes (char    *text,
                                     GString *notes);
gboolean _cd_import_is_desk_label (const char *subject);
char    *_cd_import_split_head_paragraph (char *plain);
gboolean _cd_import_opens_own_headline (const char *plain,
                                        const char *subject,
                                        gboolean    label);
char    *_cd_import_agency_of_sender (const char *sender);
void     _cd_import_set_list_source (CdArticle  *article,
                                     const char *sender);
gboolean _cd_import_is_press_office (const char *sender,
                                     CdArticle  *article,
                                     const char *notes);
char    *_cd_import_take_list_frame (char    *text,
                                     gboolean list,
                                     GString *notes);
char    *_cd_import_take_shared_article (char     *text,
                                         char    **subject,
                                         char    **sender,
                                         gboolean *list,
                                         GString  *notes);
char    *_cd_import_take_subject_codes (char       *text,
                                        const char *subject,
                                        gboolean    label,
                                        GString    *notes);
char    *_cd_import_take_own_headline (CdArticle  *article,
                                       char       *markdown,
                                       const char *subject,
                                       gboolean    label,
                                       GString    *notes);
/* The time an embargo names, read strictly (cd-import-release-time.c). */
GDateTime *_cd_import_release_time (const char *text,
                                    gboolean   *is_date);

/* Documents (cd-import-document.c): Word's, OpenDocument text, RTF and
 * PDF, read from their bytes as @format. */
gboolean _cd_import_is_document_format (CdImportFormat format);
gboolean _cd_import_document (CdImportFormat format,
                              CdArticle     *article,
                              GBytes        *data,
                              GPtrArray     *pictures,
                              const char    *origin,
                              GError       **error);

/* Text saved from a laid-out document's pages (cd-import-text-pages.c). */
char *_cd_import_unpage_text (char *text);

/* A story's labelled lines, "Hed: …" (cd-import-labels.c). */
typedef enum
{
  CD_LABEL_SLUG,
  CD_LABEL_HEADLINE,
  CD_LABEL_DEK,
  CD_LABEL_BYLINE,
  CD_LABEL_DATELINE,
  CD_LABEL_SOURCE,
  CD_LABEL_SECTION,
  CD_LABEL_TAGS,
  CD_LABEL_LENGTH,
  CD_LABEL_CAPTION,
  CD_LABEL_CREDIT,
  CD_LABEL_NOTE,
  CD_LABEL_KICKER,
  CD_LABEL_PICTURES,
  CD_LABEL_N,
} CdImportLabel;

typedef struct
{
  char    *values[CD_LABEL_N];
  guint    count;        /* the label lines read */
  gboolean copy_follows; /* the last was "COPY:", what follows is the story */
} CdImportLabels;

gboolean _cd_import_read_label (const char     *line,
                                gsize           length,
                                CdImportLabels *labels);
void     _cd_import_apply_labels (CdArticle            *article,
                                  const CdImportLabels *labels,
                                  GString              *notes);
void     _cd_import_labels_clear (CdImportLabels *labels);
void     _cd_import_tidy_dek (CdArticle *article);
char    *_cd_import_take_labels (CdArticle *article,
                                 char      *markdown,
                                 GString   *notes);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CdImportLabels, _cd_import_labels_clear)

G_END_DECLS
