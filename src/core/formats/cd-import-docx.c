/* cd-import-docx.c: Word documents (.docx, Office Open XML), as reporters
 * and stringers file their copy. The package (a ZIP file) is read with
 * libarchive and its WordprocessingML with libxml2, into HTML that the
 * HTML converter makes Markdown: paragraphs, the styles' headings, lists
 * (bulleted or numbered as the document numbers them), quotes, tables,
 * bold, italic, struck text and links. The document's title (its Title
 * style, else a short first paragraph) is the headline, its Subtitle the
 * standfirst; the story's opening and end are read as wire copy's (a "By"
 * line, a dateline, "ENDS"). Tracked changes are read as accepted and
 * said in the note, with the comments; pictures go to the store with the
 * description Word holds for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

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

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_WP "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_RELS "http://schemas.openxmlformats.org/package/2006/relationships"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef struct
{
  GHashTable *parts;    /* part name ("word/document.xml") → GBytes */
  GHashTable *links;    /* the document's relationship id → target */
  GHashTable *styles;   /* style id → its name, lower case ("heading 1") */
  GHashTable *based_on; /* style id → the id of the style it is based on */
  GHashTable *numbered; /* "numId:ilvl" → itself, for numbered (not bulleted) levels */
  char       *dir;      /* the folder of the document part, with its "/" */
  GPtrArray  *pictures; /* where pictures go, or NULL */
  GString    *html;
  GPtrArray  *linked; /* the names of pictures it only links to */
  guint       insertions, deletions, footnotes, dropped_pictures, next_picture;
} Reader;

/* A paragraph as the story will have it. */
typedef enum
{
  PARA_TEXT,
  PARA_TITLE,
  PARA_SUBTITLE,
  PARA_HEADING,
  PARA_SUBHEADING,
  PARA_QUOTE,
  PARA_LIST,
} ParaKind;

typedef struct
{
  ParaKind kind;
  char    *html;    /* its inline HTML; a table's or a picture's whole HTML */
  char    *text;    /* the text a reader sees */
  guint    level;   /* a list item's level, from 0 */
  gboolean ordered; /* a numbered list item */
  gboolean block;   /* a table or a picture, set as it is */
} Para;

static void
para_free (gpointer data)
{
  Para *para = data;

  g_free (para->html);
  g_free (para->text);
  g_free (para);
}

static gboolean
is_w (xmlNode    *node,
      const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, NS_W) == 0 &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

static xmlNode *
w_child (xmlNode    *node,
         const char *name)
{
  for (xmlNode *child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    if (is_w (child, name))
      return child;
  return NULL;
}

/* The value of @node's w:@name attribute, or %NULL. */
static char *
w_attr (xmlNode    *node,
        const char *name)
{
  return node != NULL ? (char *) xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) NS_W) : NULL;
}

/* Whether the switch @node (w:b, w:i, …) is on: present, and not set to
 * "0", "false" or "off". */
static gboolean
switch_on (xmlNode *node)
{
  g_autofree char *value = w_attr (node, "val");

  return node != NULL && (value == NULL || !(g_str_equal (value, "0") || g_str_equal (value, "false") ||
                                             g_str_equal (value, "off") || g_str_equal (value, "none")));
}

static xmlDoc *
parse_part (Reader     *reader,
            const char *name)
{
  GBytes     *bytes = g_hash_table_lookup (reader->parts, name);
  gsize       size;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (size > G_MAXINT)
    return NULL;
  return xmlReadMemory (data, (int) size, name, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
}

/* Unpacks the package @data into @reader->parts: its XML parts and its
 * pictures. FALSE, with @error set, when it is no ZIP file or a part is
 * larger than a document's. */
static gboolean
unpack (Reader     *reader,
        GBytes     *data,
        const char *origin,
        GError    **error)
{
  struct archive       *archive = archive_read_new ();
  struct archive_entry *entry;
  gsize                 total = 0;
  gboolean              ok = TRUE;
  int                   status;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, g_bytes_get_data (data, NULL), g_bytes_get_size (data)) != ARCHIVE_OK)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the file is not a Word document (.docx); it cannot be opened as one.", origin);
      archive_read_free (archive);
      return FALSE;
    }
  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK ||
         status == ARCHIVE_WARN)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      g_autoptr (GByteArray) bytes = NULL;
      guint8     buffer[65536];
      la_ssize_t n;

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (name == NULL || archive_entry_filetype (entry) != AE_IFREG)
        continue;
      bytes = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          total += n;
          if (bytes->len + (gsize) n > PART_MAX_SIZE || total > TOTAL_MAX_SIZE)
            {
              g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_TOO_LARGE,
                           "%s: the Word document unpacks to more than a document holds (its part "
                           "“%s” alone is over %u MiB); it cannot be imported.",
                           origin, name, PART_MAX_SIZE / (1024 * 1024));
              ok = FALSE;
              break;
            }
          g_byte_array_append (bytes, buffer, n);
        }
      if (!ok)
        break;
      if (n < 0)
        {
          g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                       "%s: the Word document is damaged: its part “%s” cannot be read (%s).",
                       origin, name, archive_error_string (archive));
          ok = FALSE;
          break;
        }
      g_hash_table_insert (reader->parts, g_strdup (name), g_byte_array_free_to_bytes (g_steal_pointer (&bytes)));
    }
  if (ok && status != ARCHIVE_EOF)
    {
      if (g_hash_table_size (reader->parts) == 0)
        g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                     "%s: the file is not a Word document (.docx); it cannot be opened as one.", origin);
      else
        g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                     "%s: the Word document is damaged (%s).", origin, archive_error_string (archive));
      ok = FALSE;
    }
  archive_read_free (archive);
  return ok;
}

/* @target (a relationship's, relative to @dir unless it starts with "/")
 * as a part name. */
static char *
part_name (const char *dir,
           const char *target)
{
  g_autofree char *joined = *target == '/' ? g_strdup (target + 1) : g_strconcat (dir, target, NULL);
  g_auto (GStrv) segments = g_strsplit (joined, "/", -1);
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (g_str_equal (segments[i], "..") && kept->len > 0)
        g_ptr_array_remove_index (kept, kept->len - 1);
      else if (*segments[i] != '\0' && !g_str_equal (segments[i], ".") && !g_str_equal (segments[i], ".."))
        g_ptr_array_add (kept, segments[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

/* Reads the relationships part @name into @links (id → part name, or the
 * address of an external link); returns the target of the first of type
 * @type_suffix ("/officeDocument"), if asked. */
static char *
read_relationships (Reader     *reader,
                    const char *name,
                    const char *dir,
                    GHashTable *links,
                    const char *type_suffix)
{
  g_autoptr (xmlDoc) doc = parse_part (reader, name);
  char *found = NULL;

  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    return NULL;
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL, *type = NULL, *target = NULL, *mode = NULL;

      if (node->type != XML_ELEMENT_NODE || !g_str_equal ((const char *) node->name, "Relationship"))
        continue;
      id = (char *) xmlGetProp (node, (const xmlChar *) "Id");
      type = (char *) xmlGetProp (node, (const xmlChar *) "Type");
      target = (char *) xmlGetProp (node, (const xmlChar *) "Target");
      mode = (char *) xmlGetProp (node, (const xmlChar *) "TargetMode");
      if (id == NULL || target == NULL)
        continue;
      if (found == NULL && type_suffix != NULL && type != NULL && g_str_has_suffix (type, type_suffix))
        found = part_name (dir, target);
      if (links != NULL)
        g_hash_table_insert (links, g_steal_pointer (&id),
                             g_strcmp0 (mode, "External") == 0 ? g_steal_pointer (&target)
                                                               : part_name (dir, target));
    }
  return found;
}

/* Reads the styles' names (and what each is based on) and the document's
 * language from the styles part. */
static void
read_styles (Reader     *reader,
             const char *name,
             char      **language)
{
  g_autoptr (xmlDoc) doc = parse_part (reader, name);
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

  if (root == NULL)
    return;
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (is_w (node, "docDefaults"))
        {
          xmlNode         *lang = w_child (w_child (w_child (node, "rPrDefault"), "rPr"), "lang");
          g_autofree char *value = w_attr (lang, "val");

          if (value != NULL && *value != '\0' && *language == NULL)
            *language = g_steal_pointer (&value);
        }
      else if (is_w (node, "style"))
        {
          g_autofree char *id = w_attr (node, "styleId");
          g_autofree char *style_name = w_attr (w_child (node, "name"), "val");
          g_autofree char *based_on = w_attr (w_child (node, "basedOn"), "val");

          if (id == NULL)
            continue;
          if (style_name != NULL)
            g_hash_table_insert (reader->styles, g_strdup (id), g_ascii_strdown (style_name, -1));
          if (based_on != NULL)
            g_hash_table_insert (reader->based_on, g_strdup (id), g_steal_pointer (&based_on));
        }
    }
}

/* Reads which list levels are numbered (1., a., i.) rather than bulleted. */
static void
read_numbering (Reader     *reader,
                const char *name)
{
  g_autoptr (xmlDoc) doc = parse_part (reader, name);
  g_autoptr (GHashTable) abstract = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

  if (root == NULL)
    return;
  /* abstractNumId → the numbered levels' ilvl */
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *id = w_attr (node, "abstractNumId");
      GPtrArray       *levels;

      if (!is_w (node, "abstractNum") || id == NULL)
        continue;
      levels = g_ptr_array_new_with_free_func (g_free);
      for (xmlNode *lvl = node->children; lvl != NULL; lvl = lvl->next)
        {
          g_autofree char *format = w_attr (w_child (lvl, "numFmt"), "val");
          g_autofree char *ilvl = w_attr (lvl, "ilvl");

          if (is_w (lvl, "lvl") && ilvl != NULL && format != NULL && !g_str_equal (format, "bullet") &&
              !g_str_equal (format, "none"))
            g_ptr_array_add (levels, g_steal_pointer (&ilvl));
        }
      g_hash_table_insert (abstract, g_steal_pointer (&id), levels);
    }
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *id = w_attr (node, "numId");
      g_autofree char *abstract_id = w_attr (w_child (node, "abstractNumId"), "val");
      GPtrArray       *levels = abstract_id != NULL ? g_hash_table_lookup (abstract, abstract_id) : NULL;

      if (!is_w (node, "num") || id == NULL || levels == NULL)
        continue;
      for (guint i = 0; i < levels->len; i++)
        {
          char *key = g_strdup_printf ("%s:%s", id, (const char *) g_ptr_array_index (levels, i));

          g_hash_table_insert (reader->numbered, key, key);
        }
    }
}

/* The name of the style @id, or of the first built-in one it is based on
 * that this reader knows ("heading 2", "title", "quote", "list bullet"). */
static const char *
style_name (Reader     *reader,
            const char *id)
{
  static const char *const known[] = { "title", "subtitle", "heading", "quot", "intense quote",
                                       "block text", "list", "strong", "emphasis", NULL };

  for (guint depth = 0; id != NULL && depth < 8; depth++)
    {
      const char *name = g_hash_table_lookup (reader->styles, id);

      for (guint i = 0; name != NULL && known[i] != NULL; i++)
        if (g_str_has_prefix (name, known[i]))
          return name;
      id = g_hash_table_lookup (reader->based_on, id);
    }
  return NULL;
}

/* Inline formatting: which of strong, em and del are open, outermost
 * first. */
typedef struct
{
  GString *out;   /* HTML */
  GString *plain; /* the text a reader sees */
  gboolean open[3];
} Inline;

static const char *const tags[] = { "strong", "em", "del" };

/* Sets the formatting to @want, closing and opening tags; spaces at the
 * end of what was set stay outside the closing tags. */
static void
set_format (Inline         *in,
            const gboolean *want)
{
  guint first = G_N_ELEMENTS (tags);
  gsize spaces = 0;

  for (guint k = 0; k < G_N_ELEMENTS (tags); k++)
    if (in->open[k] != want[k])
      {
        first = k;
        break;
      }
  if (first == G_N_ELEMENTS (tags))
    return;
  while (spaces < in->out->len && in->out->str[in->out->len - 1 - spaces] == ' ')
    spaces++;
  g_string_truncate (in->out, in->out->len - spaces);
  for (guint k = G_N_ELEMENTS (tags); k-- > first;)
    if (in->open[k])
      g_string_append_printf (in->out, "</%s>", tags[k]);
  for (gsize i = 0; i < spaces; i++)
    g_string_append_c (in->out, ' ');
  for (guint k = first; k < G_N_ELEMENTS (tags); k++)
    {
      in->open[k] = want[k];
      if (want[k])
        g_string_append_printf (in->out, "<%s>", tags[k]);
    }
}

/* Appends @text (escaped) with the formatting @want; spaces before it go
 * outside the tags it opens. */
static void
append_text (Inline         *in,
             const char     *text,
             const gboolean *want)
{
  g_autofree char *escaped = NULL;
  const char      *rest = text;

  if (*text == '\0')
    return;
  g_string_append (in->plain, text);
  if (memcmp (in->open, want, sizeof in->open) != 0)
    {
      const gboolean none[3] = { FALSE, FALSE, FALSE };

      while (*rest == ' ')
        rest++;
      if (rest > text)
        {
          set_format (in, none);
          g_string_append_len (in->out, text, rest - text);
        }
      if (*rest == '\0')
        return;
      set_format (in, want);
    }
  escaped = g_markup_escape_text (rest, -1);
  g_string_append (in->out, escaped);
}

/* The formatting the run properties @rpr set, over the paragraph's. */
static void
run_format (Reader   *reader,
            xmlNode  *rpr,
            gboolean *format)
{
  g_autofree char *style = w_attr (w_child (rpr, "rStyle"), "val");
  const char      *name = style_name (reader, style);

  format[0] = switch_on (w_child (rpr, "b")) || g_strcmp0 (name, "strong") == 0;
  format[1] = switch_on (w_child (rpr, "i")) || g_strcmp0 (name, "emphasis") == 0;
  format[2] = switch_on (w_child (rpr, "strike")) || switch_on (w_child (rpr, "dstrike"));
}

/* The first picture (a:blip r:embed or r:link) under @node, with the
 * description Word keeps for it (wp:docPr descr). */
static void
find_picture (xmlNode *node,
              char   **embed,
              char   **descr)
{
  for (xmlNode *child = node->children; child != NULL && *embed == NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (child->ns != NULL && g_str_equal ((const char *) child->ns->href, NS_WP) &&
          g_str_equal ((const char *) child->name, "docPr") && *descr == NULL)
        *descr = (char *) xmlGetProp (child, (const xmlChar *) "descr");
      if (child->ns != NULL && g_str_equal ((const char *) child->ns->href, NS_A) &&
          g_str_equal ((const char *) child->name, "blip"))
        {
          /* Held in the package (embed), or only linked to (link). */
          *embed = (char *) xmlGetNsProp (child, (const xmlChar *) "embed", (const xmlChar *) NS_R);
          if (*embed == NULL)
            *embed = (char *) xmlGetNsProp (child, (const xmlChar *) "link", (const xmlChar *) NS_R);
        }
      else
        find_picture (child, embed, descr);
    }
}

/* Adds the picture of the drawing @node to the reader's pictures; returns
 * its HTML ("<img src="cid:…">"), or %NULL. */
static char *
take_picture (Reader  *reader,
              xmlNode *node)
{
  g_autofree char *embed = NULL;
  g_autofree char *descr = NULL;
  const char      *part;
  GBytes          *bytes;
  CdImportPicture *picture;

  find_picture (node, &embed, &descr);
  if (embed == NULL)
    return NULL;
  part = g_hash_table_lookup (reader->links, embed);
  bytes = part != NULL ? g_hash_table_lookup (reader->parts, part) : NULL;
  if (bytes == NULL)
    {
      /* A picture linked to, not held: the note names it. */
      if (part != NULL && strstr (part, "://") != NULL)
        {
          g_autofree char *name = g_path_get_basename (part);

          g_ptr_array_add (reader->linked, g_uri_unescape_string (name, NULL) ?: g_strdup (name));
        }
      return NULL;
    }
  if (reader->pictures == NULL)
    {
      reader->dropped_pictures++;
      return NULL;
    }
  picture = g_new0 (CdImportPicture, 1);
  picture->bytes = g_bytes_ref (bytes);
  picture->name = g_path_get_basename (part);
  picture->content_id = g_strdup_printf ("docx-picture-%u", ++reader->next_picture);
  if (descr != NULL && *g_strstrip (descr) != '\0')
    picture->alt = g_steal_pointer (&descr);
  g_ptr_array_add (reader->pictures, picture);
  return g_strdup_printf ("<p><img src=\"cid:%s\"></p>", picture->content_id);
}

/* Reads the runs under @node (a paragraph, a link, an insertion, …) into
 * @in; the pictures among them to @pictures as HTML. */
static void
read_runs (Reader  *reader,
           xmlNode *node,
           Inline  *in,
           GString *pictures)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || child->ns == NULL)
        continue;
      if (is_w (child, "r"))
        {
          gboolean format[3];

          run_format (reader, w_child (child, "rPr"), format);
          for (xmlNode *part = child->children; part != NULL; part = part->next)
            {
              if (is_w (part, "t"))
                {
                  g_autofree char *text = (char *) xmlNodeGetContent (part);

                  append_text (in, text != NULL ? text : "", format);
                }
              else if (is_w (part, "tab"))
                append_text (in, " ", format);
              else if (is_w (part, "noBreakHyphen"))
                append_text (in, "-", format);
              else if (is_w (part, "br") || is_w (part, "cr"))
                {
                  const gboolean none[3] = { FALSE, FALSE, FALSE };

                  set_format (in, none);
                  g_string_append (in->out, "<br>");
                  g_string_append_c (in->plain, ' ');
                }
              else if (is_w (part, "drawing") || is_w (part, "pict") ||
                       g_strcmp0 ((const char *) part->name, "AlternateContent") == 0)
                {
                  g_autofree char *img = take_picture (reader, part);

                  if (img != NULL)
                    g_string_append (pictures, img);
                }
              else if (is_w (part, "footnoteReference") || is_w (part, "endnoteReference"))
                reader->footnotes++;
            }
        }
      else if (is_w (child, "hyperlink"))
        {
          g_autofree char *id = (char *) xmlGetNsProp (child, (const xmlChar *) "id", (const xmlChar *) NS_R);
          const char      *href = id != NULL ? g_hash_table_lookup (reader->links, id) : NULL;
          const gboolean   none[3] = { FALSE, FALSE, FALSE };

          /* Only a link out of the document, to the web or mail. */
          if (href != NULL && !(g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "https://") ||
                                g_str_has_prefix (href, "mailto:")))
            href = NULL;
          if (href != NULL)
            {
              g_autofree char *escaped = g_markup_escape_text (href, -1);

              set_format (in, none);
              g_string_append_printf (in->out, "<a href=\"%s\">", escaped);
            }
          read_runs (reader, child, in, pictures);
          if (href != NULL)
            {
              set_format (in, none);
              g_string_append (in->out, "</a>");
            }
        }
      else if (is_w (child, "del") || is_w (child, "moveFrom"))
        reader->deletions++;
      else if (is_w (child, "ins") || is_w (child, "moveTo"))
        {
          reader->insertions++;
          read_runs (reader, child, in, pictures);
        }
      else if (is_w (child, "sdt") || is_w (child, "sdtContent") || is_w (child, "smartTag") ||
               is_w (child, "customXml") || is_w (child, "fldSimple") || is_w (child, "dir") ||
               is_w (child, "bdo"))
        read_runs (reader, child, in, pictures);
    }
}

/* The paragraph @node as a Para; its pictures' HTML to @pictures. */
static Para *
read_paragraph (Reader  *reader,
                xmlNode *node,
                GString *pictures)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) plain = g_string_new (NULL);
  Inline in = {
    out, plain, {FALSE, FALSE, FALSE}
  };
  const gboolean   none[3] = { FALSE, FALSE, FALSE };
  xmlNode         *ppr = w_child (node, "pPr");
  xmlNode         *numpr = w_child (ppr, "numPr");
  g_autofree char *style = w_attr (w_child (ppr, "pStyle"), "val");
  g_autofree char *num_id = w_attr (w_child (numpr, "numId"), "val");
  g_autofree char *ilvl = w_attr (w_child (numpr, "ilvl"), "val");
  const char      *name = style_name (reader, style);
  Para            *para = g_new0 (Para, 1);

  read_runs (reader, node, &in, pictures);
  set_format (&in, none);
  para->html = g_string_free (g_steal_pointer (&out), FALSE);
  para->text = g_strstrip (g_string_free (g_steal_pointer (&plain), FALSE));

  if (name == NULL)
    para->kind = PARA_TEXT;
  else if (g_str_equal (name, "title"))
    para->kind = PARA_TITLE;
  else if (g_str_equal (name, "subtitle"))
    para->kind = PARA_SUBTITLE;
  else if (g_str_equal (name, "heading 1") || g_str_equal (name, "heading 2"))
    para->kind = PARA_HEADING;
  else if (g_str_has_prefix (name, "heading "))
    para->kind = PARA_SUBHEADING;
  /* Word's Quote, Intense Quote and Block Text, LibreOffice's Quotations */
  else if (g_str_has_prefix (name, "quot") || g_str_has_prefix (name, "intense quote") ||
           g_str_has_prefix (name, "block text"))
    para->kind = PARA_QUOTE;
  else if (g_str_has_prefix (name, "list bullet") || g_str_has_prefix (name, "list number"))
    {
      para->kind = PARA_LIST;
      para->ordered = g_str_has_prefix (name, "list number");
    }
  if (num_id != NULL && !g_str_equal (num_id, "0") && para->kind == PARA_TEXT)
    {
      g_autofree char *key = g_strdup_printf ("%s:%s", num_id, ilvl != NULL ? ilvl : "0");

      para->kind = PARA_LIST;
      para->ordered = g_hash_table_contains (reader->numbered, key);
      para->level = ilvl != NULL ? MIN ((guint) g_ascii_strtoull (ilvl, NULL, 10), 8) : 0;
    }
  return para;
}

/* The table @node as HTML: each cell's paragraphs on a line of their own
 * text, the first row its head. */
static char *
read_table (Reader  *reader,
            xmlNode *node,
            GString *pictures)
{
  g_autoptr (GString) html = g_string_new ("<table>");
  gboolean first = TRUE;

  for (xmlNode *row = node->children; row != NULL; row = row->next)
    {
      if (!is_w (row, "tr"))
        continue;
      g_string_append (html, "<tr>");
      for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
        {
          g_autofree char *span = w_attr (w_child (w_child (cell, "tcPr"), "gridSpan"), "val");
          guint            columns = span != NULL ? CLAMP (g_ascii_strtoull (span, NULL, 10), 1, 64) : 1;
          gboolean         started = FALSE;

          if (!is_w (cell, "tc"))
            continue;
          g_string_append (html, first ? "<th>" : "<td>");
          for (xmlNode *p = cell->children; p != NULL; p = p->next)
            {
              Para *para;

              if (!is_w (p, "p"))
                continue;
              para = read_paragraph (reader, p, pictures);
              if (*para->text != '\0')
                {
                  g_string_append_printf (html, "%s%s", started ? " " : "", para->html);
                  started = TRUE;
                }
              para_free (para);
            }
          g_string_append (html, first ? "</th>" : "</td>");
          for (guint k = 1; k < columns; k++)
            g_string_append (html, first ? "<th></th>" : "<td></td>");
        }
      g_string_append (html, "</tr>");
      first = FALSE;
    }
  g_string_append (html, "</table>");
  return g_string_free (g_steal_pointer (&html), FALSE);
}

/* Reads the block-level content of @node (the body, a content control)
 * into @paras. */
static void
read_blocks (Reader    *reader,
             xmlNode   *node,
             GPtrArray *paras,
             guint      depth)
{
  if (depth > 32)
    return;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autoptr (GString) pictures = g_string_new (NULL);

      if (is_w (child, "p"))
        g_ptr_array_add (paras, read_paragraph (reader, child, pictures));
      else if (is_w (child, "tbl"))
        {
          Para *para = g_new0 (Para, 1);

          para->html = read_table (reader, child, pictures);
          para->text = g_strdup ("table");
          para->block = TRUE;
          g_ptr_array_add (paras, para);
        }
      else if (is_w (child, "sdt") || is_w (child, "sdtContent") || is_w (child, "customXml") ||
               is_w (child, "ins") || is_w (child, "moveTo"))
        read_blocks (reader, child, paras, depth + 1);
      if (pictures->len > 0)
        {
          Para *para = g_new0 (Para, 1);

          para->html = g_string_free (g_steal_pointer (&pictures), FALSE);
          para->text = g_strdup ("picture");
          para->block = TRUE;
          g_ptr_array_add (paras, para);
        }
    }
}

/* Whether @para, the first with text, reads as a headline: short, and not
 * ending as a sentence does. */
static gboolean
reads_as_headline (const Para *para)
{
  gsize n = strlen (para->text);

  if (para->block || para->kind == PARA_LIST || para->kind == PARA_QUOTE || n == 0)
    return FALSE;
  if (para->kind == PARA_HEADING || para->kind == PARA_TITLE)
    return TRUE;
  /* "By Anna Berg" over the story is its byline. */
  {
    g_autofree char *byline = _cd_import_byline_of_line (para->text);

    if (byline != NULL)
      return FALSE;
  }
  return cd_count_words (para->text) <= HEADLINE_MAX_WORDS && strchr (".,;:", para->text[n - 1]) == NULL;
}

/* Writes @paras from @first on as the story's HTML. */
static char *
write_html (GPtrArray *paras,
            guint      first)
{
  g_autoptr (GString) html = g_string_new (NULL);
  GArray *open = g_array_new (FALSE, FALSE, sizeof (gboolean)); /* the open lists: ordered? */

  for (guint i = first; i < paras->len; i++)
    {
      const Para *para = g_ptr_array_index (paras, i);
      guint       want = para->kind == PARA_LIST ? para->level + 1 : 0;

      if (*para->text == '\0')
        continue;
      /* Lists close down to this item's level, and open up to it. */
      while (open->len > want ||
             (open->len == want && want > 0 && g_array_index (open, gboolean, want - 1) != para->ordered))
        {
          g_string_append (html, g_array_index (open, gboolean, open->len - 1) ? "</li></ol>" : "</li></ul>");
          g_array_set_size (open, open->len - 1);
        }
      if (want > 0 && open->len == want)
        g_string_append (html, "</li>");
      while (open->len < want)
        {
          gboolean ordered = open->len + 1 == want ? para->ordered : FALSE;

          if (open->len > 0 && html->len >= 5 && g_str_has_suffix (html->str, "</li>"))
            g_string_truncate (html, html->len - 5);
          g_string_append (html, ordered ? "<ol>" : "<ul>");
          g_array_append_val (open, ordered);
          if (open->len < want)
            g_string_append (html, "<li>");
        }
      if (para->block)
        g_string_append (html, para->html);
      else if (para->kind == PARA_LIST)
        g_string_append_printf (html, "<li>%s", para->html);
      else if (para->kind == PARA_HEADING || para->kind == PARA_TITLE)
        g_string_append_printf (html, "<h2>%s</h2>", para->html);
      else if (para->kind == PARA_SUBHEADING)
        g_string_append_printf (html, "<h3>%s</h3>", para->html);
      else if (para->kind == PARA_QUOTE)
        g_string_append_printf (html, "<blockquote><p>%s</p></blockquote>", para->html);
      else
        g_string_append_printf (html, "<p>%s</p>", para->html);
    }
  while (open->len > 0)
    {
      g_string_append (html, g_array_index (open, gboolean, open->len - 1) ? "</li></ol>" : "</li></ul>");
      g_array_set_size (open, open->len - 1);
    }
  g_array_unref (open);
  return g_string_free (g_steal_pointer (&html), FALSE);
}

/* Whether the language tags @a and @b ("en-US", "en_GB", "en") name the
 * same language. */
static gboolean
same_language (const char *a,
               const char *b)
{
  gsize n = strcspn (a, "-_");

  return b != NULL && strcspn (b, "-_") == n && g_ascii_strncasecmp (a, b, n) == 0;
}

/* Adds @note (consumed) to @notes. */
static void
take_note (GString *notes,
           char    *note)
{
  _cd_import_add_note (notes, note);
  g_free (note);
}

/* The comments of the comments part @name, for the note. */
static void
read_comments (Reader     *reader,
               const char *name,
               GString    *notes)
{
  g_autoptr (xmlDoc) doc = parse_part (reader, name);
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

  for (xmlNode *node = root != NULL ? root->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *author = w_attr (node, "author");
      g_autofree char *text = NULL;
      g_autofree char *note = NULL;

      if (!is_w (node, "comment"))
        continue;
      text = (char *) xmlNodeGetContent (node);
      if (text == NULL || *g_strstrip (text) == '\0')
        continue;
      note = author != NULL && *author != '\0' ? g_strdup_printf ("Comment by %s: “%s”", author, text)
                                               : g_strdup_printf ("Comment: “%s”", text);
      _cd_import_add_note (notes, note);
    }
}

/* The importer of Word documents (see %CD_IMPORT_FORMAT_DOCX): fills
 * @article from the package @data; pictures to @pictures (%NULL: named in
 * the note). */
gboolean
_cd_import_docx (CdArticle  *article,
                 GBytes     *data,
                 GPtrArray  *pictures,
                 const char *origin,
                 GError    **error)
{
  Reader reader = { 0 };
  g_autoptr (GPtrArray) paras = g_ptr_array_new_with_free_func (para_free);
  g_autoptr (GString) notes = g_string_new (cd_article_get_ednote (article));
  g_autoptr (xmlDoc) doc = NULL;
  g_autofree char *document = NULL;
  g_autofree char *rels = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *numbering = NULL;
  g_autofree char *comments = NULL;
  g_autofree char *language = NULL;
  g_autofree char *html = NULL;
  g_autofree char *body = NULL;
  xmlNode         *root;
  guint            first = 0;
  gboolean         ok = FALSE;

  g_assert (CD_IS_ARTICLE (article));
  g_assert (data != NULL);
  g_assert (origin != NULL);

  reader.parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  reader.links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.based_on = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.numbered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.pictures = pictures;
  reader.linked = g_ptr_array_new_with_free_func (g_free);

  if (!unpack (&reader, data, origin, error))
    goto out;
  document = read_relationships (&reader, "_rels/.rels", "", NULL,
                                 "/officeDocument");
  if (document == NULL)
    document = g_strdup ("word/document.xml");
  if (!g_hash_table_contains (reader.parts, document))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the file is a ZIP archive but not a Word document (.docx): it holds no "
                   "document text.",
                   origin);
      goto out;
    }
  {
    g_autofree char *base = g_path_get_basename (document);
    g_autofree char *dir = g_path_get_dirname (document);

    reader.dir = g_str_equal (dir, ".") ? g_strdup ("") : g_strconcat (dir, "/", NULL);
    rels = g_strconcat (reader.dir, "_rels/", base, ".rels", NULL);
  }
  styles = read_relationships (&reader, rels, reader.dir, reader.links, "/styles");
  numbering = read_relationships (&reader, rels, reader.dir, NULL, "/numbering");
  comments = read_relationships (&reader, rels, reader.dir, NULL, "/comments");
  if (styles != NULL)
    read_styles (&reader, styles, &language);
  if (numbering != NULL)
    read_numbering (&reader, numbering);

  doc = parse_part (&reader, document);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL || w_child (root, "body") == NULL)
    {
      const xmlError *last = xmlGetLastError ();

      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the Word document is damaged: its text (%s) cannot be read%s%s.", origin,
                   document, last != NULL && last->message != NULL ? ": " : "",
                   last != NULL && last->message != NULL ? g_strstrip (last->message) : "");
      goto out;
    }
  read_blocks (&reader, w_child (root, "body"), paras, 0);

  /* The title and standfirst: Word's styles for them, else a first
   * paragraph that reads as a headline. */
  while (first < paras->len && *((Para *) g_ptr_array_index (paras, first))->text == '\0')
    first++;
  for (guint i = first; i < paras->len; i++)
    {
      Para *para = g_ptr_array_index (paras, i);

      if (para->kind == PARA_TITLE && cd_text_is_blank (cd_article_get_headline (article)))
        {
          cd_article_set_headline (article, para->text);
          g_clear_pointer (&para->text, g_free);
          para->text = g_strdup ("");
        }
      else if (para->kind == PARA_SUBTITLE && cd_text_is_blank (cd_article_get_dek (article)))
        {
          cd_article_set_dek (article, para->text);
          g_clear_pointer (&para->text, g_free);
          para->text = g_strdup ("");
        }
    }
  if (cd_text_is_blank (cd_article_get_headline (article)) && first < paras->len &&
      reads_as_headline (g_ptr_array_index (paras, first)))
    {
      Para *para = g_ptr_array_index (paras, first);

      cd_article_set_headline (article, para->text);
      first++;
    }
  html = write_html (paras, first);
  body = cd_html_to_markdown (html, strlen (html));
  body = _cd_import_take_body_opening (article, body, notes);
  body = _cd_import_take_body_sign_off (body, notes);
  if (cd_text_is_blank (body) && cd_text_is_blank (cd_article_get_headline (article)))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the Word document has no text in it.", origin);
      goto out;
    }
  cd_article_set_body (article, body);
  /* Word's language is the one it was set up in, which may be the
   * newsroom's in another country's form (en-US for en-GB): the
   * article's language gives way only to another language. */
  if (language != NULL && !same_language (language, cd_article_get_language (article)))
    cd_article_set_language (article, language);

  if (reader.insertions > 0 || reader.deletions > 0)
    _cd_import_add_note (notes, "The document had tracked changes; they were read as accepted.");
  if (comments != NULL)
    read_comments (&reader, comments, notes);
  if (reader.footnotes > 0)
    take_note (notes, reader.footnotes == 1
                          ? g_strdup ("The document's footnote was left out.")
                          : g_strdup_printf ("The document's %u footnotes were left out.", reader.footnotes));
  if (reader.dropped_pictures > 0)
    take_note (notes, reader.dropped_pictures == 1
                          ? g_strdup ("The document holds a picture, not imported with it.")
                          : g_strdup_printf ("The document holds %u pictures, not imported with it.",
                                             reader.dropped_pictures));
  if (reader.linked->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (reader.linked, NULL);
      names = g_strjoinv (", ", (char **) reader.linked->pdata);
      take_note (notes, g_strdup_printf ("The document only links to %s (%s), not imported with it.",
                                         reader.linked->len == 2 ? "a picture" : "pictures", names));
    }
  if (notes->len > 0)
    cd_article_set_ednote (article, notes->str);
  ok = TRUE;

out:
  g_hash_table_unref (reader.parts);
  g_hash_table_unref (reader.links);
  g_hash_table_unref (reader.styles);
  g_hash_table_unref (reader.based_on);
  g_hash_table_unref (reader.numbered);
  g_ptr_array_unref (reader.linked);
  g_free (reader.dir);
  return ok;
}
