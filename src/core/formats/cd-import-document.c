/* cd-import-document.c: what the importers of word processors' documents
 * share (cd-import-docx.c, cd-import-odt.c). Each reads its document into
 * paragraphs (CdPara) of inline HTML, with the formatting CdInline writes;
 * here the package (a ZIP file, through libarchive) is unpacked, and the
 * paragraphs become the article: the title (its style, else a short first
 * paragraph) is the headline, the subtitle the standfirst, the rest HTML
 * that the HTML converter makes Markdown, whose opening and end are read
 * as wire copy's (a "By" line, a dateline, "ENDS").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>

#include "cd-html-private.h"
#include "cd-import-document-private.h"
#include "cd-import-private.h"
#include "cd-text.h"
#include "cd-words.h"

/* What one part of the package may hold once unpacked, and all of them:
 * past these a file is a "ZIP bomb", not a story. */
#define PART_MAX_SIZE (64 * 1024 * 1024)
#define TOTAL_MAX_SIZE (256 * 1024 * 1024)

/* A paragraph longer than this many words, or ending as a sentence does,
 * is the story's first paragraph, not its headline. */
#define HEADLINE_MAX_WORDS 25

void
_cd_para_free (gpointer data)
{
  CdPara *para = data;

  g_free (para->html);
  g_free (para->text);
  g_clear_pointer (&para->cells, g_ptr_array_unref);
  g_free (para);
}

/* A table or a picture (@html, consumed), set as it is. */
CdPara *
_cd_para_new_block (char *html)
{
  CdPara *para = g_new0 (CdPara, 1);

  para->html = html;
  para->text = g_strdup ("block");
  para->block = TRUE;
  return para;
}

/* A table (@html, consumed) and its paragraphs (@cells, consumed, or
 * %NULL: _cd_document_append_cell()), set as it is. */
CdPara *
_cd_para_new_table (char      *html,
                    GPtrArray *cells)
{
  CdPara *para = _cd_para_new_block (html);

  para->cells = cells;
  return para;
}

static const char *const tags[CD_N_FORMATS] = { "strong", "em", "del" };

void
_cd_inline_init (CdInline *in)
{
  in->html = g_string_new (NULL);
  in->plain = g_string_new (NULL);
  memset (in->open, 0, sizeof in->open);
}

/* Frees what @in holds, read or not. */
void
_cd_inline_clear (CdInline *in)
{
  if (in->html != NULL)
    g_string_free (in->html, TRUE);
  if (in->plain != NULL)
    g_string_free (in->plain, TRUE);
  in->html = in->plain = NULL;
}

/* Sets the formatting to @want, closing and opening tags; spaces at the
 * end of what was set stay outside the closing tags. */
static void
set_format (CdInline       *in,
            const gboolean *want)
{
  guint first = CD_N_FORMATS;
  gsize spaces = 0;

  for (guint k = 0; k < CD_N_FORMATS; k++)
    if (in->open[k] != want[k])
      {
        first = k;
        break;
      }
  if (first == CD_N_FORMATS)
    return;
  while (spaces < in->html->len && in->html->str[in->html->len - 1 - spaces] == ' ')
    spaces++;
  g_string_truncate (in->html, in->html->len - spaces);
  for (guint k = CD_N_FORMATS; k-- > first;)
    if (in->open[k])
      g_string_append_printf (in->html, "</%s>", tags[k]);
  for (gsize i = 0; i < spaces; i++)
    g_string_append_c (in->html, ' ');
  for (guint k = first; k < CD_N_FORMATS; k++)
    {
      in->open[k] = want[k];
      if (want[k])
        g_string_append_printf (in->html, "<%s>", tags[k]);
    }
}

static void
set_plain (CdInline *in)
{
  const gboolean none[CD_N_FORMATS] = { FALSE };

  set_format (in, none);
}

/* Appends @text (escaped) with @format; spaces before it go outside the
 * tags it opens. */
void
_cd_inline_append (CdInline       *in,
                   const char     *text,
                   const gboolean *format)
{
  g_autofree char *escaped = NULL;
  const char      *rest = text;

  if (*text == '\0')
    return;
  g_string_append (in->plain, text);
  if (memcmp (in->open, format, sizeof in->open) != 0)
    {
      while (*rest == ' ')
        rest++;
      if (rest > text)
        {
          set_plain (in);
          g_string_append_len (in->html, text, rest - text);
        }
      if (*rest == '\0')
        return;
      set_format (in, format);
    }
  escaped = g_markup_escape_text (rest, -1);
  g_string_append (in->html, escaped);
}

void
_cd_inline_line_break (CdInline *in)
{
  set_plain (in);
  g_string_append (in->html, "<br>");
  g_string_append_c (in->plain, '\n');
}

/* Opens a link to @href: only one out of the document, to the web or to
 * mail, is kept. */
void
_cd_inline_open_link (CdInline   *in,
                      const char *href)
{
  g_autofree char *escaped = g_markup_escape_text (href, -1);

  set_plain (in);
  g_string_append_printf (in->html, "<a href=\"%s\">", escaped);
}

void
_cd_inline_close_link (CdInline *in)
{
  set_plain (in);
  g_string_append (in->html, "</a>");
}

/* The paragraph of what @in read (consumed), as @kind. */
CdPara *
_cd_inline_finish (CdInline  *in,
                   CdParaKind kind)
{
  CdPara *para = g_new0 (CdPara, 1);

  set_plain (in);
  para->kind = kind;
  para->html = g_string_free (in->html, FALSE);
  para->text = g_strstrip (g_string_free (in->plain, FALSE));
  in->html = in->plain = NULL;
  return para;
}

gboolean
_cd_xml_is (xmlNode    *node,
            const char *ns,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, ns) == 0 && g_strcmp0 ((const char *) node->name, name) == 0;
}

/* The first child element of @node named @name in @ns, or %NULL. */
xmlNode *
_cd_xml_child (xmlNode    *node,
               const char *ns,
               const char *name)
{
  for (xmlNode *child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    if (_cd_xml_is (child, ns, name))
      return child;
  return NULL;
}

/* The value of @node's attribute @name in @ns, or %NULL. */
char *
_cd_xml_attr (xmlNode    *node,
              const char *ns,
              const char *name)
{
  return node != NULL ? (char *) xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns) : NULL;
}

/* Adds the pictures' HTML @pictures read with a paragraph, if any, to
 * @paras after it, and empties @pictures. */
void
_cd_document_add_pictures (GPtrArray *paras,
                           GString   *pictures)
{
  if (pictures->len == 0)
    return;
  g_ptr_array_add (paras, _cd_para_new_block (g_strdup (pictures->str)));
  g_string_truncate (pictures, 0);
}

/* What a paragraph in the style @name (Word's name, in lower case:
 * "heading 1", "title", "quote", "list number") is to the story; sets
 * @ordered for a numbered list's style. */
CdParaKind
_cd_document_kind_of_style (const char *name,
                            gboolean   *ordered)
{
  if (name == NULL)
    return CD_PARA_TEXT;
  if (g_str_equal (name, "title"))
    return CD_PARA_TITLE;
  if (g_str_equal (name, "subtitle"))
    return CD_PARA_SUBTITLE;
  if (g_str_equal (name, "heading 1") || g_str_equal (name, "heading 2"))
    return CD_PARA_HEADING;
  if (g_str_has_prefix (name, "heading "))
    return CD_PARA_SUBHEADING;
  /* Word's Quote, Intense Quote and Block Text, LibreOffice's Quotations */
  if (g_str_has_prefix (name, "quot") || g_str_has_prefix (name, "intense quote") ||
      g_str_has_prefix (name, "block text"))
    return CD_PARA_QUOTE;
  if (g_str_equal (name, "caption"))
    return CD_PARA_CAPTION;
  if (g_str_has_prefix (name, "list bullet") || g_str_has_prefix (name, "list number"))
    {
      *ordered = g_str_has_prefix (name, "list number");
      return CD_PARA_LIST;
    }
  return CD_PARA_TEXT;
}

/* The language tag of the Windows language id @lcid (RTF's \deflang,
 * a Word document's), for the languages newsrooms write in; NULL for
 * another. */
const char *
_cd_document_language_of_lcid (int lcid)
{
  /* clang-format off */
  static const struct { int lcid; const char *tag; } languages[] = {
    { 1033, "en-US" }, { 2057, "en-GB" }, { 3081, "en-AU" }, { 4105, "en-CA" }, { 6153, "en-IE" },
    { 1031, "de-DE" }, { 2055, "de-CH" }, { 3079, "de-AT" }, { 1036, "fr-FR" }, { 2060, "fr-BE" },
    { 3084, "fr-CA" }, { 4108, "fr-CH" }, { 1034, "es-ES" }, { 3082, "es-ES" }, { 2058, "es-MX" },
    { 1040, "it-IT" }, { 1043, "nl-NL" }, { 2067, "nl-BE" }, { 1046, "pt-BR" }, { 2070, "pt-PT" },
    { 1030, "da-DK" }, { 1044, "nb-NO" }, { 2068, "nn-NO" }, { 1053, "sv-SE" }, { 1035, "fi-FI" },
    { 1045, "pl-PL" }, { 1029, "cs-CZ" }, { 1038, "hu-HU" }, { 1049, "ru-RU" }, { 1058, "uk-UA" },
    { 1055, "tr-TR" }, { 1032, "el-GR" }, { 1037, "he-IL" }, { 1025, "ar-SA" }, { 1041, "ja-JP" },
    { 2052, "zh-CN" }, { 1028, "zh-TW" }, { 1042, "ko-KR" },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (languages[i].lcid == lcid)
      return languages[i].tag;
  return NULL;
}

/* The address a field's @instruction (HYPERLINK "url") links to, or
 * NULL for another field. */
char *
_cd_document_field_link (const char *instruction)
{
  g_autofree char *inst = g_strstrip (g_strdup (instruction));
  const char      *open, *close;

  if (!g_str_has_prefix (inst, "HYPERLINK") || (open = strchr (inst, '"')) == NULL ||
      (close = strchr (open + 1, '"')) == NULL || close == open + 1)
    return NULL;
  /* A link within the document ("\l bookmark") goes nowhere outside it. */
  if (strstr (inst, "\\l") != NULL)
    return NULL;
  return g_strndup (open + 1, close - open - 1);
}

/* Takes a picture's @value as its description @alt: its description
 * (@description), else a name a person gave it (not "Picture 3", which
 * the word processor gives). */
void
_cd_document_take_description (char      **alt,
                               gboolean    description,
                               const char *value)
{
  if (cd_text_is_blank (value))
    return;
  if (description)
    {
      g_free (*alt);
      *alt = g_strdup (value);
    }
  else if (*alt == NULL &&
           !g_regex_match_simple ("^\\s*(picture|image|graphic|grafik|bild|imagen|immagine|afbeelding|figure|"
                                  "obrázek|obraz|kuva|billede|bilde)\\s*\\d*\\s*$",
                                  value, G_REGEX_CASELESS, 0))
    *alt = g_strdup (value);
}

/* Adds the text of a text box, @text, to @notes: a fact box or a sidebar
 * is the writer's words too. */
void
_cd_document_add_text_box (GString    *notes,
                           const char *text)
{
  g_autofree char *said = g_strstrip (g_strdup (text));
  g_autofree char *note = NULL;

  if (*said == '\0')
    return;
  note = g_strdup_printf ("A text box: “%s”", said);
  _cd_import_add_note (notes, note);
}

/* Appends the text under @node to @text, but a field's instruction's and
 * deleted text (Word's instrText, delText); a tab is one ("\t"), a line
 * break and OpenDocument's space (text:s) a space. */
void
_cd_document_shown_text (xmlNode *node,
                         GString *text)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
      g_string_append (text, (const char *) child->content);
    else if (child->type == XML_ELEMENT_NODE &&
             (g_str_equal (child->name, "tab") || g_str_equal (child->name, "br") ||
              g_str_equal (child->name, "cr") || g_str_equal (child->name, "line-break") || g_str_equal (child->name, "s")))
      g_string_append_c (text, g_str_equal (child->name, "tab") ? '\t' : ' ');
    else if (child->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) child->name, "instrText") != 0 &&
             g_strcmp0 ((const char *) child->name, "delText") != 0)
      _cd_document_shown_text (child, text);
}

/* Whether @node is a text box: Word's w:txbxContent, OpenDocument's
 * draw:text-box. */
static gboolean
is_text_box (xmlNode      *node,
             gconstpointer data)
{
  return g_strcmp0 ((const char *) node->name, "txbxContent") == 0 ||
         g_strcmp0 ((const char *) node->name, "text-box") == 0;
}

/* Adds the text of the text box under @node (a drawing, a frame), if
 * any, to @notes, its paragraphs in one line. Only the first box: Word
 * writes each twice (its drawing, and a fallback for older Words). */
void
_cd_document_read_text_box (GString *notes,
                            xmlNode *node)
{
  xmlNode *box = _cd_xml_find (node->children, is_text_box, NULL, 32);
  g_autoptr (GString) text = g_string_new (NULL);

  for (xmlNode *child = box != NULL ? box->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) child->name, "p") == 0)
      {
        if (text->len > 0)
          g_string_append_c (text, ' ');
        _cd_document_shown_text (child, text);
      }
  _cd_document_add_text_box (notes, g_strdelimit (text->str, "\t", ' '));
}

/* Adds a comment by @author (or none) of @text to @notes. */
void
_cd_document_add_comment (GString    *notes,
                          const char *author,
                          const char *text)
{
  g_autofree char *said = g_strstrip (g_strdup (text));
  g_autofree char *by = author != NULL ? g_strstrip (g_strdup (author)) : NULL;
  g_autofree char *note = NULL;

  if (*said == '\0')
    return;
  note = by != NULL && *by != '\0' ? g_strdup_printf ("Comment by %s: “%s”", by, said)
                                   : g_strdup_printf ("Comment: “%s”", said);
  _cd_import_add_note (notes, note);
}

/* What libarchive says went wrong, as text a message can hold. */
static char *
reason (struct archive *archive)
{
  const char *said = archive_error_string (archive);

  return g_utf8_make_valid (said != NULL ? said : "unknown error", -1);
}

/* Unpacks the package @data into @document->parts. FALSE, with @error
 * set, when it is no ZIP file or a part is larger than a document's. */
static gboolean
unpack (CdDocument *document,
        GBytes     *data,
        const char *origin,
        GError    **error)
{
  struct archive       *archive = archive_read_new ();
  struct archive_entry *entry;
  gsize                 total = 0;
  gboolean              ok = TRUE;
  int                   status;

  document->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  document->linked = g_ptr_array_new_with_free_func (g_free);
  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, g_bytes_get_data (data, NULL), g_bytes_get_size (data)) != ARCHIVE_OK)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the file is not %s; it cannot be opened as one.", origin, document->kind);
      archive_read_free (archive);
      return FALSE;
    }
  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK || status == ARCHIVE_WARN)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      g_autoptr (GByteArray) bytes = NULL;
      g_autofree char *shown = NULL; /* the name in a message */
      guint8           buffer[65536];
      la_ssize_t       n;

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (name == NULL || archive_entry_filetype (entry) != AE_IFREG)
        continue;
      shown = g_utf8_make_valid (name, -1);
      bytes = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          total += n;
          if (bytes->len + (gsize) n > PART_MAX_SIZE || total > TOTAL_MAX_SIZE)
            {
              g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_TOO_LARGE,
                           "%s: the %s unpacks to more than a document holds (its part “%s” alone "
                           "is over %u MiB); it cannot be imported.",
                           origin, document->what, shown, PART_MAX_SIZE / (1024 * 1024));
              ok = FALSE;
              break;
            }
          g_byte_array_append (bytes, buffer, n);
        }
      if (ok && n < 0)
        {
          g_autofree char *why = reason (archive);

          g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                       "%s: the %s is damaged: its part “%s” cannot be read (%s).", origin,
                       document->what, shown, why);
          ok = FALSE;
        }
      if (!ok)
        break;
      g_hash_table_insert (document->parts, g_strdup (name),
                           g_byte_array_free_to_bytes (g_steal_pointer (&bytes)));
    }
  if (ok && status != ARCHIVE_EOF)
    {
      if (g_hash_table_size (document->parts) == 0)
        g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                     "%s: the file is not %s; it cannot be opened as one.", origin, document->kind);
      else
        {
          g_autofree char *why = reason (archive);

          g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID, "%s: the %s is damaged (%s).",
                       origin, document->what, why);
        }
      ok = FALSE;
    }
  archive_read_free (archive);
  return ok;
}

/* The XML part @name of the package, or %NULL where it has none or it is
 * not well-formed. */
xmlDoc *
_cd_document_parse (CdDocument *document,
                    const char *name)
{
  GBytes     *bytes = g_hash_table_lookup (document->parts, name);
  const char *data;
  gsize       size;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (size > G_MAXINT)
    return NULL;
  return xmlReadMemory (data, (int) size, name, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

/* The error of the text part @name that could not be read: damaged, with
 * libxml2's reason (which quotes the document, valid UTF-8 or not), or
 * missing. */
void
_cd_document_set_parse_error (CdDocument *document,
                              const char *name,
                              const char *origin,
                              GError    **error)
{
  const xmlError  *last = xmlGetLastError ();
  g_autofree char *reason = last != NULL && last->message != NULL
                                ? g_strstrip (g_utf8_make_valid (last->message, -1))
                                : NULL;

  if (!g_hash_table_contains (document->parts, name))
    g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                 "%s: the file is a ZIP archive but not %s: it holds no document text.", origin,
                 document->kind);
  else
    g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                 "%s: the %s is damaged: its text (%s) cannot be read%s%s.", origin, document->what,
                 name, reason != NULL ? ": " : "", reason != NULL ? reason : "");
}

/* Adds the picture of the part @name (else an address it only links to)
 * to the document's pictures, with its description @alt. Returns its HTML
 * ("<img src="cid:…">"), or %NULL where it is not added: a picture only
 * linked to, or any when the pictures are not wanted, goes to the note. */
char *
_cd_document_add_picture (CdDocument *document,
                          const char *name,
                          const char *alt)
{
  GBytes          *bytes = g_hash_table_lookup (document->parts, name);
  CdImportPicture *picture;

  if (bytes == NULL)
    {
      if (strstr (name, "://") != NULL)
        {
          g_autofree char *base = g_path_get_basename (name);
          char            *unescaped = g_uri_unescape_string (base, NULL);

          g_ptr_array_add (document->linked, unescaped != NULL ? unescaped : g_strdup (base));
        }
      return NULL;
    }
  if (document->pictures == NULL)
    {
      document->dropped++;
      return NULL;
    }
  picture = g_new0 (CdImportPicture, 1);
  picture->bytes = g_bytes_ref (bytes);
  picture->name = g_path_get_basename (name);
  picture->content_id = g_strdup_printf ("document-picture-%u", ++document->n_pictures);
  if (alt != NULL && !cd_text_is_blank (alt))
    picture->alt = g_strstrip (g_strdup (alt));
  g_ptr_array_add (document->pictures, picture);
  return g_strdup_printf ("<p><img src=\"cid:%s\"></p>", picture->content_id);
}

/* @text on one line: its line breaks as spaces. */
static char *
one_line (const char *text)
{
  return g_strdelimit (g_strdup (text), "\n", ' ');
}

/* The picture that the block @para shows alone, or %NULL. */
static CdImportPicture *
picture_of_block (CdDocument   *document,
                  const CdPara *para)
{
  const char *cid;

  if (document->pictures == NULL || !para->block || (cid = strstr (para->html, "cid:")) == NULL ||
      strstr (cid + 4, "cid:") != NULL)
    return NULL;
  for (guint i = 0; i < document->pictures->len; i++)
    {
      CdImportPicture *picture = g_ptr_array_index (document->pictures, i);
      gsize            n = picture->content_id != NULL ? strlen (picture->content_id) : 0;

      if (n > 0 && strncmp (cid + 4, picture->content_id, n) == 0 && cid[4 + n] == '"')
        return picture;
    }
  return NULL;
}

/* A paragraph in the style for captions right under a picture (or over
 * it) is that picture's caption, with its credit where it ends with one
 * ("… (AP Photo/Name)"); it leaves the story. */
static void
take_captions (CdDocument *document,
               GPtrArray  *paras)
{
  for (guint i = 0; i < paras->len; i++)
    {
      CdPara          *para = g_ptr_array_index (paras, i);
      CdImportPicture *picture = NULL;
      g_autoptr (GMatchInfo) match = NULL;

      if (para->kind != CD_PARA_CAPTION || *para->text == '\0')
        continue;
      if (i > 0)
        picture = picture_of_block (document, g_ptr_array_index (paras, i - 1));
      if ((picture == NULL || picture->caption != NULL) && i + 1 < paras->len)
        picture = picture_of_block (document, g_ptr_array_index (paras, i + 1));
      if (picture == NULL || picture->caption != NULL)
        continue;
      if (g_regex_match (_cd_import_wire_regex (RE_CAPTION_WITH_CREDIT), para->text, 0, &match))
        {
          picture->caption = g_match_info_fetch_named (match, "caption");
          picture->credit = g_match_info_fetch_named (match, "credit");
        }
      else
        picture->caption = one_line (para->text);
      g_free (para->text);
      para->text = g_strdup ("");
    }
}

/* Reads a template's label lines ("Hed: …", "Words: 600") from the
 * paragraphs from @first on into @labels; they leave the story when they
 * are two or more. Returns the first paragraph after them. */
static guint
take_labels (GPtrArray      *paras,
             guint           first,
             CdImportLabels *labels)
{
  guint end = first;

  for (; end < paras->len && !labels->copy_follows; end++)
    {
      CdPara *para = g_ptr_array_index (paras, end);
      g_auto (GStrv) lines = NULL;
      gboolean all = TRUE;

      if (para->block || para->kind == CD_PARA_LIST || para->kind == CD_PARA_TITLE)
        break;
      lines = g_strsplit (para->text, "\n", -1);
      for (guint k = 0; lines[k] != NULL && all; k++)
        all = *g_strstrip (lines[k]) == '\0' || _cd_import_read_label (lines[k], strlen (lines[k]), labels);
      if (!all)
        break;
    }
  if (labels->count < 2)
    {
      _cd_import_labels_clear (labels);
      return first;
    }
  for (guint i = first; i < end; i++)
    {
      CdPara *para = g_ptr_array_index (paras, i);

      g_free (para->text);
      para->text = g_strdup ("");
    }
  return end;
}

/* Whether @para, the first with text, reads as a headline: short, and not
 * ending as a sentence does, nor a "By" line. */
static gboolean
reads_as_headline (const CdPara *para)
{
  gsize            n = strlen (para->text);
  g_autofree char *byline = NULL;

  if (para->block || para->kind == CD_PARA_LIST || para->kind == CD_PARA_QUOTE || n == 0)
    return FALSE;
  if (para->kind == CD_PARA_HEADING || para->kind == CD_PARA_TITLE)
    return TRUE;
  if ((byline = _cd_import_byline_of_line (para->text)) != NULL)
    return FALSE;
  return cd_count_words (para->text) <= HEADLINE_MAX_WORDS && strchr (".,;:", para->text[n - 1]) == NULL;
}

/* Whether @para is in bold throughout, or a heading. */
static gboolean
looks_strong (const CdPara *para)
{
  if (para->kind == CD_PARA_HEADING || para->kind == CD_PARA_TITLE)
    return TRUE;
  return g_str_has_prefix (para->html, "<strong>") && g_str_has_suffix (para->html, "</strong>") &&
         strstr (para->html + strlen ("<strong>"), "<strong>") == NULL;
}

/* The texts of @paras with text from @first on, up to @end, a list or a
 * quote (at most 16): where each stands in @at, and in @strong whether it
 * is in bold or a heading. */
static GPtrArray *
texts_from (GPtrArray *paras,
            guint      first,
            guint      end,
            GArray    *at,
            GArray    *strong)
{
  GPtrArray *texts = g_ptr_array_new ();

  for (guint i = first; i < paras->len && i < end && texts->len < 16; i++)
    {
      const CdPara *para = g_ptr_array_index (paras, i);
      gboolean      is_strong = looks_strong (para);

      if (para->block || *para->text == '\0')
        continue;
      if (para->kind == CD_PARA_LIST || para->kind == CD_PARA_QUOTE)
        break;
      g_ptr_array_add (texts, para->text);
      g_array_append_val (strong, is_strong);
      g_array_append_val (at, i);
    }
  return texts;
}

/* Moves the text of the first @n paragraphs @at names to @notes; returns
 * where the paragraphs to read go on from, or @first for none. */
static guint
move_to_notes (GPtrArray *paras,
               GArray    *at,
               guint      n,
               guint      first,
               GString   *notes)
{
  for (guint k = 0; k < n; k++)
    {
      CdPara *para = g_ptr_array_index (paras, g_array_index (at, guint, k));

      _cd_import_add_note (notes, para->text);
      g_free (para->text);
      para->text = g_strdup ("");
    }
  return n > 0 ? g_array_index (at, guint, n - 1) + 1 : first;
}

/* Whether the table @para lays out a head: one cell (a headline in a
 * box), or a line to the desk among its short lines (a letterhead's
 * table: the sender's name and address beside "PRESS RELEASE" and the
 * date). */
static gboolean
lays_out_head (const CdPara *para)
{
  gboolean released = FALSE;

  if (para->cells == NULL || para->cells->len == 0 || para->cells->len > 12)
    return FALSE;
  for (guint i = 0; i < para->cells->len; i++)
    {
      const CdPara *cell = g_ptr_array_index (para->cells, i);

      if (cd_count_words (cell->text) > HEADLINE_MAX_WORDS)
        return FALSE;
      released = released || _cd_import_is_release_line (cell->text);
    }
  /* One cell: "<table><tr><th>…</th></tr></table>". */
  return released || (g_str_has_prefix (para->html, "<table><tr><t") && strstr (para->html + 14, "<t") == NULL);
}

/* Sets out the tables that lay out the head of the story, above its
 * first long paragraph, from @first on (lays_out_head()), as their
 * paragraphs, for the head to be read from them; *@title, where the
 * title's paragraph stood (or G_MAXUINT), moves with them. */
static void
unfold_head_tables (GPtrArray *paras,
                    guint      first,
                    guint     *title)
{
  for (guint i = first; i < paras->len && i < first + 16; i++)
    {
      CdPara *para = g_ptr_array_index (paras, i);

      if (!para->block && cd_count_words (para->text) > HEADLINE_MAX_WORDS)
        return;
      if (para->block && lays_out_head (para))
        {
          g_autoptr (GPtrArray) cells = g_steal_pointer (&para->cells);
          guint n = cells->len;

          g_ptr_array_remove_index (paras, i);
          for (guint k = 0; k < n; k++)
            g_ptr_array_insert (paras, (int) (i + k), g_ptr_array_steal_index (cells, 0));
          if (*title != G_MAXUINT && *title > i)
            *title = *title + n - 1;
          i += n - 1;
        }
    }
}

/* A press release's letterhead above its line to the desk
 * (_cd_import_letterhead_length()), from @first on (@title: where the
 * title's paragraph stood, or G_MAXUINT): moves its text to @notes, so
 * that neither the headline nor the dateline is read from it. Returns
 * where the paragraphs to read go on. */
static guint
take_letterhead (GPtrArray *paras,
                 guint      first,
                 guint      title,
                 GString   *notes)
{
  g_autoptr (GArray) strong = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr (GArray) at = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) texts = texts_from (paras, first, title, at, strong);
  g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (CdImportHeadLine));
  CdImportReleaseHead head;

  for (guint i = 0; i < texts->len; i++)
    {
      CdImportHeadLine line = { g_ptr_array_index (texts, i), g_array_index (strong, gboolean, i), FALSE };

      g_array_append_val (lines, line);
    }
  if (!_cd_import_find_release_head ((const CdImportHeadLine *) lines->data, lines->len,
                                     title != G_MAXUINT && title > first, &head))
    return first;
  return move_to_notes (paras, at, head.letterhead, first, notes);
}

/* A contact block from @first on, or the sender's block under a line to
 * the desk (@under_release; _cd_import_sender_length()): moves its text
 * to @notes. Returns where the paragraphs to read go on, or @first when
 * there is none. */
static guint
take_sender (GPtrArray *paras,
             guint      first,
             gboolean   under_release,
             GString   *notes)
{
  g_autoptr (GArray) strong = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr (GArray) at = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) texts = texts_from (paras, first, G_MAXUINT, at, strong);

  return move_to_notes (paras, at,
                        _cd_import_sender_length ((const char *const *) texts->pdata, texts->len, under_release),
                        first, notes);
}

static void
close_list (GString *html,
            GArray  *open)
{
  g_string_append (html, g_array_index (open, gboolean, open->len - 1) ? "</li></ol>" : "</li></ul>");
  g_array_set_size (open, open->len - 1);
}

/* Writes @paras from @first on as the story's HTML. */
static char *
write_html (GPtrArray *paras,
            guint      first)
{
  g_autoptr (GString) html = g_string_new (NULL);
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (gboolean)); /* lists: numbered? */

  for (guint i = first; i < paras->len; i++)
    {
      const CdPara *para = g_ptr_array_index (paras, i);
      guint         want = para->kind == CD_PARA_LIST ? para->level + 1 : 0;

      if (*para->text == '\0')
        continue;
      /* Lists close down to this item's level, and open up to it. */
      while (open->len > want ||
             (open->len == want && want > 0 && g_array_index (open, gboolean, want - 1) != para->ordered))
        close_list (html, open);
      if (want > 0 && open->len == want)
        g_string_append (html, "</li>");
      while (open->len < want)
        {
          gboolean ordered = open->len + 1 == want ? para->ordered : FALSE;

          g_string_append (html, ordered ? "<ol>" : "<ul>");
          g_array_append_val (open, ordered);
          if (open->len < want)
            g_string_append (html, "<li>");
        }
      if (para->block)
        g_string_append (html, para->html);
      else if (para->kind == CD_PARA_LIST)
        g_string_append_printf (html, "<li>%s", para->html);
      else if (para->kind == CD_PARA_HEADING || para->kind == CD_PARA_TITLE)
        g_string_append_printf (html, "<h2>%s</h2>", para->html);
      else if (para->kind == CD_PARA_SUBHEADING)
        g_string_append_printf (html, "<h3>%s</h3>", para->html);
      else if (para->kind == CD_PARA_QUOTE)
        g_string_append_printf (html, "<blockquote><p>%s</p></blockquote>", para->html);
      else
        g_string_append_printf (html, "<p>%s</p>", para->html);
    }
  while (open->len > 0)
    close_list (html, open);
  return g_string_free (g_steal_pointer (&html), FALSE);
}

/* Adds @note (consumed) to @notes. */
static void
take_note (GString *notes,
           char    *note)
{
  _cd_import_add_note (notes, note);
  g_free (note);
}

/* Fills @article from @paras: the headline, the standfirst and the story,
 * its opening and end read as wire copy's; @notes (with what the reader
 * added, its comments) and what the document holds besides its text go
 * to the internal note. */
static gboolean
finish (CdDocument *document,
        CdArticle  *article,
        GPtrArray  *paras,
        GString    *notes,
        const char *origin,
        GError    **error)
{
  g_auto (CdImportLabels) labels = { { NULL } };
  g_autofree char *html = NULL;
  g_autofree char *body = NULL;
  guint            first = 0, title = G_MAXUINT;

  take_captions (document, paras);
  _cd_import_take_page_heads (article, document->page_heads, notes);
  /* The title and standfirst: the styles for them, else a first
   * paragraph that reads as a headline. */
  while (first < paras->len && *((CdPara *) g_ptr_array_index (paras, first))->text == '\0')
    first++;
  for (guint i = first; i < paras->len; i++)
    {
      CdPara *para = g_ptr_array_index (paras, i);

      g_autofree char *text = one_line (para->text);

      if (para->kind == CD_PARA_TITLE && cd_text_is_blank (cd_article_get_headline (article)))
        {
          cd_article_set_headline (article, text);
          title = i;
        }
      /* A title broken over two paragraphs, to see it fit. */
      else if (para->kind == CD_PARA_TITLE && title != G_MAXUINT && i == title + 1 && *text != '\0')
        {
          g_autofree char *joined = g_strconcat (cd_article_get_headline (article), " ", text, NULL);

          cd_article_set_headline (article, joined);
          title = i;
        }
      else if (para->kind == CD_PARA_SUBTITLE && cd_text_is_blank (cd_article_get_dek (article)))
        cd_article_set_dek (article, text);
      else
        continue;
      g_free (para->text);
      para->text = g_strdup ("");
    }
  first = take_labels (paras, first, &labels);
  unfold_head_tables (paras, first, &title);
  first = take_letterhead (paras, first, title, notes);
  /* A press release's lines to the desk above its headline (and its
   * logo), and its contact block. */
  for (guint i = first, next, released = FALSE; i < paras->len; i++)
    {
      CdPara *para = g_ptr_array_index (paras, i);

      if (para->block || *para->text == '\0')
        continue;
      if ((next = take_sender (paras, i, released, notes)) > i)
        {
          i = next - 1;
          continue;
        }
      if (!_cd_import_take_release_line (article, para->text, notes))
        break;
      released = TRUE;
      g_free (para->text);
      para->text = g_strdup ("");
    }
  /* Above the title's paragraph (a kicker, "EXCLUSIVE"), and a note to the
   * desk at the head of the copy ("LEGAL WARNING: …", "Pix: …"): the
   * desk's, not the standfirst. A "By" line there stays the story's. */
  for (guint i = first; i < paras->len; i++)
    {
      CdPara *para = g_ptr_array_index (paras, i);

      if (para->block || *para->text == '\0' || (i < title && _cd_import_is_byline (para->text)))
        continue;
      if ((title == G_MAXUINT || i > title) &&
          !g_regex_match (_cd_import_wire_regex (RE_DESK_NOTE), para->text, 0, NULL))
        break;
      if (!_cd_import_take_release_line (article, para->text, notes))
        _cd_import_add_note (notes, para->text);
      g_free (para->text);
      para->text = g_strdup ("");
    }
  while (first < paras->len && *((CdPara *) g_ptr_array_index (paras, first))->text == '\0')
    first++;
  if (cd_text_is_blank (cd_article_get_headline (article)) && labels.values[CD_LABEL_HEADLINE] == NULL &&
      first < paras->len && reads_as_headline (g_ptr_array_index (paras, first)))
    {
      guint next = first + 1;

      while (next < paras->len && *((CdPara *) g_ptr_array_index (paras, next))->text == '\0')
        next++;
      /* A kicker over the headline goes to the note. */
      if (next < paras->len && reads_as_headline (g_ptr_array_index (paras, next)) &&
          _cd_import_is_kicker (((CdPara *) g_ptr_array_index (paras, first))->text,
                                ((CdPara *) g_ptr_array_index (paras, next))->text))
        {
          _cd_import_add_note (notes, ((CdPara *) g_ptr_array_index (paras, first))->text);
          first = next;
        }
    }
  if (cd_text_is_blank (cd_article_get_headline (article)) && labels.values[CD_LABEL_HEADLINE] == NULL &&
      first < paras->len && reads_as_headline (g_ptr_array_index (paras, first)))
    {
      g_autofree char *text = one_line (((CdPara *) g_ptr_array_index (paras, first++))->text);

      cd_article_set_headline (article, text);
    }

  html = write_html (paras, first);
  body = cd_html_to_markdown (html, strlen (html));
  if (!cd_text_is_blank (cd_article_get_headline (article)))
    body = _cd_import_take_standfirst (article, body, TRUE);
  body = _cd_import_take_body_opening (article, body, notes);
  body = _cd_import_take_body_sign_off (body, notes);
  if (cd_text_is_blank (body) && cd_text_is_blank (cd_article_get_headline (article)))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY, "%s: the %s has no text in it.",
                   origin, document->what);
      return FALSE;
    }
  cd_article_set_body (article, body);
  _cd_import_apply_labels (article, &labels, notes);
  /* The language a word processor is set up in may be the newsroom's in
   * another country's form (en-US for en-GB): the article's gives way
   * only to another language. */
  _cd_import_set_other_language (article, document->language);

  if (document->changes > 0)
    _cd_import_add_note (notes, "The document had tracked changes; they were read as accepted.");
  if (document->footnotes > 0)
    take_note (notes, document->footnotes == 1
                          ? g_strdup ("The document's footnote was left out.")
                          : g_strdup_printf ("The document's %u footnotes were left out.", document->footnotes));
  if (document->dropped > 0)
    take_note (notes, document->dropped == 1
                          ? g_strdup ("The document holds a picture, not imported with it.")
                          : g_strdup_printf ("The document holds %u pictures, not imported with it.",
                                             document->dropped));
  if (document->linked->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (document->linked, NULL);
      names = g_strjoinv (", ", (char **) document->linked->pdata);
      take_note (notes, g_strdup_printf ("The document only links to %s (%s), not imported with it.",
                                         document->linked->len == 2 ? "a picture" : "pictures", names));
      g_ptr_array_remove_index (document->linked, document->linked->len - 1);
    }
  if (notes->len > 0)
    cd_article_set_ednote (article, notes->str);
  return TRUE;
}

static void
document_clear (CdDocument *document)
{
  g_clear_pointer (&document->parts, g_hash_table_unref);
  g_clear_pointer (&document->linked, g_ptr_array_unref);
  g_clear_pointer (&document->page_heads, g_ptr_array_unref);
  g_clear_pointer (&document->language, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CdDocument, document_clear)

/* Whether @format is a document's that _cd_import_document() reads. */
gboolean
_cd_import_is_document_format (CdImportFormat format)
{
  return format == CD_IMPORT_FORMAT_DOCX || format == CD_IMPORT_FORMAT_ODT || format == CD_IMPORT_FORMAT_RTF ||
         format == CD_IMPORT_FORMAT_DOC || format == CD_IMPORT_FORMAT_PDF;
}

/**
 * _cd_import_document:
 * @format: %CD_IMPORT_FORMAT_DOCX or %CD_IMPORT_FORMAT_ODT
 * @article: the article to fill, which holds the newsroom's language
 * @data: the document's package (a ZIP file)
 * @pictures: (nullable): where its pictures go (#CdImportPicture); %NULL:
 *   they are named in the note
 * @origin: the file name that messages start with
 * @error: return location for an error
 *
 * The importer of word processors' documents (%CD_IMPORT_FORMAT_DOCX,
 * %CD_IMPORT_FORMAT_ODT, %CD_IMPORT_FORMAT_RTF, %CD_IMPORT_FORMAT_DOC,
 * %CD_IMPORT_FORMAT_PDF).
 *
 * Returns: whether @article was filled
 */
gboolean
_cd_import_document (CdImportFormat format,
                     CdArticle     *article,
                     GBytes        *data,
                     GPtrArray     *pictures,
                     const char    *origin,
                     GError       **error)
{
  const CdDocumentFormat *reader = format == CD_IMPORT_FORMAT_ODT   ? &_cd_odt_format
                                   : format == CD_IMPORT_FORMAT_RTF ? &_cd_rtf_format
                                   : format == CD_IMPORT_FORMAT_DOC ? &_cd_doc_format
                                   : format == CD_IMPORT_FORMAT_PDF ? &_cd_pdf_format
                                                                    : &_cd_docx_format;
  g_auto (CdDocument) document = { reader->what, reader->kind, NULL, pictures };
  g_autoptr (GPtrArray) paras = g_ptr_array_new_with_free_func (_cd_para_free);
  g_autoptr (GString) notes = g_string_new (cd_article_get_ednote (article));

  g_assert (CD_IS_ARTICLE (article));
  document.page_heads = g_ptr_array_new_with_free_func (g_free);
  g_assert (data != NULL);
  g_assert (origin != NULL);

  if (reader->whole_file)
    {
      document.parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
      document.linked = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (document.parts, g_strdup (CD_DOCUMENT_FILE_PART), g_bytes_ref (data));
    }
  return (reader->whole_file || unpack (&document, data, origin, error)) &&
         reader->read (&document, paras, notes, origin, error) &&
         finish (&document, article, paras, notes, origin, error);
}
