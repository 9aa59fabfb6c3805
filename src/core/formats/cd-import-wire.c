/* cd-import-wire.c: articles from agency wire copy: the headline, the
 * dateline and source, the byline, a photo caption and credit and a
 * standfirst above the story, subheads and the end mark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"
#include "cd-render.h"
#include "cd-import.h"

/* Wire copy */

typedef CdWireBlock Block;

static void
block_free (gpointer data)
{
  Block *b = data;

  g_ptr_array_unref (b->lines);
  g_free (b);
}

/* Lines wrapped by hand are at most this many characters long. */
#define WRAPPED_LINE_MAX 100
/* Text is rarely wrapped by hand as short as this. */
#define SHORT_LINE_MAX 50

/* Japanese and Chinese indent a paragraph with it. */
#define IDEOGRAPHIC_SPACE "\u3000"

static guint
indent_of (const char *line)
{
  guint column = 0;

  for (;;)
    if (*line == ' ' || *line == '\t')
      column = *line++ == '\t' ? (column / 8 + 1) * 8 : column + 1;
    else if (g_str_has_prefix (line, IDEOGRAPHIC_SPACE))
      column += 2, line += strlen (IDEOGRAPHIC_SPACE);
    else
      return column;
}

/* The characters of @line's first @length bytes (all when -1) without
 * the white space at its ends. */
static glong
text_width (const char *line,
            gssize      length)
{
  const char *end = line + (length < 0 ? (gssize) strlen (line) : length);

  line += strspn (line, " \t");
  while (end > line && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  return end > line ? g_utf8_strlen (line, end - line) : 0;
}

/* Whether @line sets text and figures in columns: parted by a tab or
 * by three spaces or more within the line, a figure among them. */
static gboolean
is_columned (const char *line)
{
  const char *text = line + strspn (line, " \t");

  return strpbrk (text, "0123456789") != NULL && g_regex_match_simple ("\\S(?:\\t|   )\\s*\\S", text, 0, 0);
}

/* Whether @line is a short row that ends in a figure: a result's
 * ("Dennis Okafor 8,677 18.3%"). */
static gboolean
ends_in_figure (const char *line)
{
  gsize n = strlen (line);

  while (n > 0 && g_ascii_isspace (line[n - 1]))
    n--;
  return n > 0 && g_utf8_strlen (line, n) <= SHORT_LINE_MAX && (g_ascii_isdigit (line[n - 1]) || line[n - 1] == '%');
}

/* Adds the lines of one run between blank lines to @blocks: a paragraph a
 * line when a line is longer than lines wrapped by hand (AP's heads over
 * their paragraphs: "1. BAHAMIANS BEGIN RESCUES", then the text); a
 * new paragraph at each line indented further than the others, where
 * indents mark the paragraphs; a line each for rows in columns; else one
 * block of wrapped lines. */
static void
add_run (GPtrArray *blocks,
         GPtrArray *run)
{
  guint    least_indent = G_MAXUINT;
  glong    longest = 0;
  gboolean line_a_paragraph = FALSE;
  guint    columned = 0, figured = 0;
  Block   *current = NULL;

  g_assert (blocks != NULL);
  g_assert (run != NULL);

  for (guint i = 0; i < run->len; i++)
    {
      const char *line = g_ptr_array_index (run, i);

      least_indent = MIN (least_indent, indent_of (line));
      longest = MAX (longest, text_width (line, -1));
      if (run->len > 1 && g_utf8_strlen (line, -1) > WRAPPED_LINE_MAX)
        line_a_paragraph = TRUE;
      columned += is_columned (line);
      figured += ends_in_figure (line);
    }
  /* Rows of figures in columns (results, standings), parted by tabs or
   * wide spaces, or each a short line ending in a figure ("x-Teresa
   * Villalobos 18,904 39.8%"): a line each. */
  if (columned >= 2 || (run->len >= 2 && figured == run->len))
    line_a_paragraph = TRUE;
  /* Short indented lines, one broken where the next word would have fit,
   * are lines of their own, as AP indents results under their head
   * ("Oslo 4, Turku 2", "Graz 3, Lake Placid 2, OT"), not wrapped text. */
  for (guint i = 0; least_indent > 0 && longest <= SHORT_LINE_MAX && i + 1 < run->len; i++)
    {
      const char *line = g_ptr_array_index (run, i);
      const char *next = g_ptr_array_index (run, i + 1);

      next += strspn (next, " \t");
      if (text_width (line, -1) + 1 + text_width (next, strcspn (next, " \t")) <= longest)
        line_a_paragraph = TRUE;
    }
  for (guint i = 0; i < run->len; i++)
    {
      char *line = g_ptr_array_index (run, i);

      if (current == NULL || line_a_paragraph || indent_of (line) > least_indent)
        {
          current = g_new0 (Block, 1);
          current->lines = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (blocks, current);
        }
      g_strstrip (line);
      while (g_str_has_prefix (line, IDEOGRAPHIC_SPACE))
        line += strlen (IDEOGRAPHIC_SPACE);
      g_ptr_array_add (current->lines, g_strdup (line));
    }
}

static GPtrArray *
split_blocks (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GPtrArray) run = g_ptr_array_new ();
  GPtrArray *blocks = g_ptr_array_new_with_free_func (block_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (*lines[i] != '\0')
        g_ptr_array_add (run, lines[i]);
      else
        {
          add_run (blocks, run);
          g_ptr_array_set_size (run, 0);
        }
    }
  add_run (blocks, run);
  return blocks;
}

char *
_cd_import_wire_block_join (CdWireBlock *b)
{
  g_ptr_array_add (b->lines, NULL);
  char *joined = g_strjoinv (" ", (char **) b->lines->pdata);
  g_ptr_array_remove_index (b->lines, b->lines->len - 1);
  return joined;
}

/* The group @group of @regex's match in @text, or %NULL where it does
 * not match or the group is empty. */
char *
_cd_import_match_group (GRegex     *regex,
                        const char *text,
                        const char *group)
{
  g_autoptr (GMatchInfo) info = NULL;
  char *value;

  if (!g_regex_match (regex, text, 0, &info))
    return NULL;
  value = g_match_info_fetch_named (info, group);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static void
append_sentence (GString    *s,
                 const char *text)
{
  if (*text == '\0')
    return;
  if (s->len > 0)
    g_string_append_c (s, ' ');
  g_string_append (s, text);
}

/* What stands after a byline's @line past a middle dot, the time or the
 * place ("Von Jonas Petersen, hpa · 04.03.2025, 11:48 Uhr"), to @notes
 * where the writer's @name is without it. */
static void
note_past_byline (const char *line,
                  const char *name,
                  GString    *notes)
{
  const char *dot = strstr (line, " · ");

  if (dot != NULL && strstr (name, " · ") == NULL)
    _cd_import_add_note (notes, dot + strlen (" · "));
}

/* When the first paragraph of @markdown (consumed) is a byline ("By
 * Jonathan Underhill", over the dateline as agencies' XML carries it),
 * it leaves the text: the article's byline when it has none or one that
 * names no one ("Staff Reporter"), else a note. */
char *
_cd_import_take_body_byline (CdArticle *article,
                             char      *markdown,
                             GString   *notes)
{
  const char      *end = strstr (markdown, "\n\n");
  g_autofree char *markup = end ? g_strndup (markdown, end - markdown) : g_strdup (markdown);
  /* In italic or bold, as a writer sets it in a document: "*By Fiona
   * Gallagher*". */
  g_autofree char *first = g_strstrip (cd_render_plain_text (markup, -1));
  g_autofree char *name = strchr (first, '\n') == NULL ? _cd_import_byline_of_line (first) : NULL;
  const char      *byline = cd_article_get_byline (article);
  char            *body;

  g_assert (CD_IS_ARTICLE (article) && notes != NULL);

  if (name == NULL || end == NULL)
    return markdown;
  note_past_byline (first, name, notes);
  if (cd_text_is_blank (byline) || strstr (byline, "Staff") != NULL ||
      strstr (byline, "staff") != NULL)
    cd_article_set_byline (article, name);
  else if (g_strcmp0 (byline, name) != 0)
    _cd_import_add_note (notes, first);
  body = g_strdup (end + 2);
  g_free (markdown);
  return body;
}

/* A credit written as the sites and agencies write it under a photo: "File
 * AFP", "AFP/File", "AFP via Getty Images", "Handout via Reuters",
 * "EPA-EFE/Name", "Courtesy of the family": only the words of credits and
 * the names of photo agencies before any "/", a photographer's name after
 * it, and a word that says it is a credit (file, photo, handout, via …) or
 * the "/". A lone "Associated Press" under a byline is no credit. */
static gboolean
is_credit_signature (const char *line)
{
  static const char *const credit_words[] = {
    "file", "files", "photo", "photos", "photograph", "picture", "pictures", "pic", "image",
    "images", "credit", "credits", "courtesy", "of", "the", "handout", "via", "supplied",
    "archive", "archives", "stock", "pool", "illustration", "screengrab", "screenshot", "foto",
    "fotos", "bild", "and", NULL
  };
  static const char *const marks[] = { "file", "files", "photo", "photos", "photograph",
                                       "picture", "pic", "image", "images", "credit",
                                       "courtesy", "handout", "via", "pool", "screengrab",
                                       "foto", "getty", NULL };
  static const char *const agencies[] = {
    "afp", "ap", "reuters", "epa", "efe", "epa-efe", "dpa", "anadolu", "aa", "xinhua", "tass",
    "ria", "novosti", "sputnik", "ansa", "kyodo", "yonhap", "bernama", "pti", "ani", "getty",
    "shutterstock", "alamy", "abaca", "sipa", "imago", "keystone", "belga", "anp", "ntb",
    "ritzau", "pap", "apa", "sda", "wafa", "sana", "irna", "mena", "spa", "wam", "qna", "kuna",
    "press", "associated", "agency", "news", "pa", "nurphoto", "zuma", "polaris", "redux",
    "picture-alliance", "agencies", "apaimages", "afptv", "ap-photo", NULL
  };
  const char      *slash = strchr (line, '/');
  g_autofree char *before = slash != NULL ? g_strndup (line, slash - line) : g_strdup (line);
  gboolean         marked = slash != NULL, agency = FALSE;
  guint            n = 0, names = 0;

  g_assert (line != NULL);

  if (g_utf8_strlen (line, -1) > 80 || g_str_has_suffix (line, "."))
    return FALSE;
  /* The words before the first "/", then the photographer's after it. */
  for (guint part = 0; part < 2; part++)
    {
      g_auto (GStrv) tokens = g_regex_split_simple ("[\\s/:,;|()©]+",
                                                    part == 0 ? before : slash != NULL ? slash + 1
                                                                                       : "",
                                                    0, 0);

      for (guint i = 0; tokens[i] != NULL; i++)
        {
          const char *token = tokens[i];

          if (*token == '\0')
            continue;
          n++;
          if (_cd_import_word_in (token, agencies))
            agency = TRUE;
          else if (_cd_import_word_in (token, marks))
            marked = TRUE;
          else if (!_cd_import_word_in (token, credit_words))
            {
              if (part == 0 || !g_unichar_isupper (g_utf8_get_char (token)))
                return FALSE;
              names++;
            }
        }
    }
  return n > 0 && n <= 8 && names <= 4 && marked && (agency || n <= 3);
}

/* The writer's post or agency on the line under a byline, at line @j of
 * block @i of @blocks or, where the byline's block ends there, the next
 * one's first ("Local Democracy Reporter", "Associated Press"): taken out
 * and added to *@byline. */
static void
take_byline_title (GPtrArray *blocks,
                   guint      i,
                   guint      j,
                   char     **byline)
{
  Block *b = g_ptr_array_index (blocks, i);

  if (j >= b->lines->len && b->lines->len == 0 && i + 1 < blocks->len)
    {
      b = g_ptr_array_index (blocks, i + 1);
      j = 0;
    }
  if (j < b->lines->len && _cd_import_is_byline_title (g_ptr_array_index (b->lines, j)) &&
      (j + 1 < b->lines->len || b != g_ptr_array_index (blocks, i) || i + 1 < blocks->len))
    {
      g_autoptr (GString) joined = g_string_new (*byline);

      _cd_import_append_byline_title (joined, g_ptr_array_index (b->lines, j));
      g_free (*byline);
      *byline = g_string_free (g_steal_pointer (&joined), FALSE);
      g_ptr_array_remove_index (b->lines, j);
    }
}

/* A photo credit line gives the credit; NULL when the line is not one. */
static char *
credit_of_line (const char *line)
{
  g_autoptr (GMatchInfo) info = NULL;
  static const char *groups[] = { "credit", "paren", "agency" };

  if (is_credit_signature (line))
    {
      g_autofree char *credit = g_strdup (line);

      /* "(AFP/File)" is written as "AFP/File". */
      if (*credit == '(' && g_str_has_suffix (credit, ")"))
        {
          credit[strlen (credit) - 1] = '\0';
          memmove (credit, credit + 1, strlen (credit));
        }
      return g_strstrip (g_steal_pointer (&credit));
    }
  if (!g_regex_match (_cd_import_wire_regex (RE_CREDIT), line, 0, &info))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autofree char *value = g_match_info_fetch_named (info, groups[i]);
      if (value != NULL && *value != '\0')
        return g_strstrip (g_steal_pointer (&value));
    }
  return NULL;
}

/* The text of a summary bullet ("* Turkey says …", "• …", "- …"), or NULL
 * when the line is not one. */
static const char *
bullet_text (const char *line)
{
  static const char *const bullets[] = { "* ", "- ", "+ ", "• ", "· ", "▪ ", NULL };

  g_assert (line != NULL);

  for (guint i = 0; bullets[i] != NULL; i++)
    if (g_str_has_prefix (line, bullets[i]) && line[strlen (bullets[i])] != '\0')
      return line + strlen (bullets[i]);
  return NULL;
}

static gboolean
is_bullet_block (Block *b)
{
  g_assert (b != NULL);

  for (guint j = 0; j < b->lines->len; j++)
    if (bullet_text (g_ptr_array_index (b->lines, j)) == NULL)
      return FALSE;
  return b->lines->len > 0;
}

static gboolean
is_byline_line (const char *line)
{
  g_autofree char *name = _cd_import_byline_of_line (line);

  return name != NULL;
}

/* Reads the short lines above the story, blocks first to end: byline,
 * photo caption and credit, and a standfirst; an editor's credit under
 * the byline goes to @notes. A summary written as bullets stays text of
 * the story: its items go to summary. */
static void
read_preamble (CdArticle *article,
               GPtrArray *blocks,
               guint      first,
               guint      end,
               GPtrArray *summary,
               GString   *notes)
{
  g_autoptr (GString) caption = g_string_new (NULL);
  g_autoptr (GString) credit = g_string_new (NULL);
  g_autoptr (GString) byline = g_string_new (NULL);
  g_autoptr (GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  guint byline_end = G_MAXUINT; /* the block after the byline's, once there is one */

  for (guint i = first; i < end; i++)
    {
      Block *b = g_ptr_array_index (blocks, i);
      g_autoptr (GString) other = g_string_new (NULL);
      gboolean had_credit = FALSE, had_byline = FALSE;

      /* "By JANE DOE", then the agency or the writer's post on a line of
       * its own ("Associated Press"), where every line is a block. */
      if (i == byline_end && b->lines->len == 1 && _cd_import_is_byline_title (g_ptr_array_index (b->lines, 0)))
        {
          _cd_import_append_byline_title (byline, g_ptr_array_index (b->lines, 0));
          continue;
        }

      /* A byline after a dash is no bullet: "- von Christian Albrecht". */
      if (is_bullet_block (b) && !(b->lines->len == 1 && is_byline_line (g_ptr_array_index (b->lines, 0))))
        {
          for (guint j = 0; j < b->lines->len; j++)
            g_ptr_array_add (summary, g_strdup (bullet_text (g_ptr_array_index (b->lines, j))));
          continue;
        }

      for (guint j = 0; j < b->lines->len; j++)
        {
          const char      *line = g_ptr_array_index (b->lines, j);
          g_autofree char *by = _cd_import_byline_of_line (line);
          g_autofree char *line_credit = credit_of_line (line);
          g_autofree char *prefixed = _cd_import_match_group (_cd_import_wire_regex (RE_CAPTION_PREFIX), line, "caption");
          g_autofree char *cap = NULL, *cap_credit = NULL;

          /* A name alone over the agency's or the post's line, as AAP
           * sets a byline: "Tom Gallagher", "(Australian Associated
           * Press)". */
          if (by == NULL && byline->len == 0 && j + 1 < b->lines->len && _cd_import_is_name_line (line) &&
              _cd_import_is_byline_title (g_ptr_array_index (b->lines, j + 1)))
            by = g_strdup (line);
          if (by != NULL && byline->len == 0)
            {
              note_past_byline (line, by, notes);
              g_string_append (byline, by);
              had_byline = TRUE;
              byline_end = i + 1;
            }
          /* An editor's credit under the writer's: "Editor: Boryana
           * Marinova" (BTA). */
          else if (had_byline && g_regex_match_simple ("^(?:editor|editing|edited\\s+by)\\s*:\\s*\\S", line, G_REGEX_CASELESS, 0))
            _cd_import_add_note (notes, line);
          else if (had_byline && line_credit == NULL)
            {
              /* "By JANE DOE" then "AP Science Writer" */
              _cd_import_append_byline_title (byline, line);
            }
          else if (line_credit != NULL)
            {
              append_sentence (credit, line_credit);
              had_credit = TRUE;
            }
          else if (prefixed != NULL)
            append_sentence (caption, prefixed);
          else if ((cap = _cd_import_match_group (_cd_import_wire_regex (RE_CAPTION_WITH_CREDIT), line, "caption")) &&
                   (cap_credit = _cd_import_match_group (_cd_import_wire_regex (RE_CAPTION_WITH_CREDIT), line, "credit")))
            {
              append_sentence (other, cap);
              append_sentence (credit, g_strstrip (cap_credit));
              had_credit = TRUE;
            }
          else
            append_sentence (other, line);
        }

      if (had_credit)
        {
          /* The caption sits beside its credit, or in the block above. */
          if (other->len == 0 && pending->len > 0 && caption->len == 0)
            {
              append_sentence (caption, g_ptr_array_index (pending, pending->len - 1));
              g_ptr_array_remove_index (pending, pending->len - 1);
            }
          append_sentence (caption, other->str);
        }
      else if (other->len > 0)
        g_ptr_array_add (pending, g_strdup (other->str));
    }

  /* A line alone after a dash, as Spanish agencies set the standfirst
   * ("- Prevé multas de hasta 600.000 euros …"), is no summary. */
  if (summary->len == 1 && pending->len == 0 && cd_text_is_blank (cd_article_get_dek (article)))
    {
      cd_article_set_dek (article, g_ptr_array_index (summary, 0));
      g_ptr_array_set_size (summary, 0);
    }
  /* What is left is a standfirst, then more caption. */
  for (guint i = 0; i < pending->len; i++)
    {
      const char *text = g_ptr_array_index (pending, i);

      if (i == 0 && cd_article_get_dek (article) == NULL)
        cd_article_set_dek (article, text);
      else
        append_sentence (caption, text);
    }

  if (byline->len > 0)
    cd_article_set_byline (article, byline->str);
  if (caption->len > 0)
    cd_article_set_image_caption (article, caption->str);
  if (credit->len > 0)
    cd_article_set_image_credit (article, credit->str);
}

/* Without a dateline: the end of the blocks from start that are a photo
 * caption and credit above the story (a credit line in one of the first two
 * short blocks), or 0. */
static guint
find_caption_block (GPtrArray *blocks,
                    guint      start)
{
  g_assert (blocks != NULL);

  for (guint i = start; i < blocks->len && i < start + 2; i++)
    {
      Block           *b = g_ptr_array_index (blocks, i);
      g_autofree char *joined = NULL;

      if (b->lines->len == 0)
        continue;
      joined = _cd_import_wire_block_join (b);
      if (b->lines->len > 3 || cd_count_words (joined) > 60)
        return 0;
      for (guint j = 0; j < b->lines->len; j++)
        {
          const char      *line = g_ptr_array_index (b->lines, j);
          g_autofree char *credit = credit_of_line (line);
          g_autofree char *prefixed = _cd_import_match_group (_cd_import_wire_regex (RE_CAPTION_PREFIX), line, "caption");

          if (credit != NULL || prefixed != NULL)
            return i + 1;
        }
    }
  return 0;
}

static void
append_paragraph (GString    *body,
                  const char *prefix,
                  const char *text)
{
  g_autofree char *escaped = cd_markdown_escape (text);

  if (body->len > 0)
    g_string_append (body, "\n");
  g_string_append (body, prefix);
  g_string_append (body, escaped);
  g_string_append_c (body, '\n');
}

/* Agency notes to editors */

/* Adds one note to those for the article's internal note. */
void
_cd_import_add_note (GString    *notes,
                     const char *text)
{
  g_assert (notes != NULL);
  g_assert (text != NULL);

  if (*text == '\0')
    return;
  if (notes->len > 0)
    g_string_append (notes, " — ");
  g_string_append (notes, text);
}

static gboolean
ends_sentence (const char *text)
{
  gsize n = strlen (text);

  return n > 0 && strchr (".!?)", text[n - 1]) != NULL;
}

/* Takes line @j of @lines out with the lines it wraps on to, up to the
 * end of a sentence, a byline or a note to editors. */
static GString *
take_wrapped (GPtrArray *lines,
              guint      j)
{
  GString *text = g_string_new (g_ptr_array_index (lines, j));

  g_assert (j < lines->len);

  g_ptr_array_remove_index (lines, j);
  while (j < lines->len && !ends_sentence (text->str))
    {
      const char      *next = g_ptr_array_index (lines, j);
      g_autofree char *by = _cd_import_byline_of_line (next);

      if (by != NULL || g_regex_match (_cd_import_wire_regex (RE_EDS), next, 0, NULL))
        break;
      append_sentence (text, next);
      g_ptr_array_remove_index (lines, j);
    }
  return text;
}

/* Takes the notes to editors out of blocks first to end (before the
 * story): "Eds:" lines, with the lines they wrap on to, version notes in
 * brackets, the time the agency sent the story. Emptied blocks stay,
 * empty. */
static void
take_notes (GPtrArray *blocks,
            guint      first,
            guint      end,
            GString   *notes)
{
  g_assert (blocks != NULL);
  g_assert (notes != NULL);

  for (guint i = first; i < end && i < blocks->len; i++)
    {
      Block           *b = g_ptr_array_index (blocks, i);
      g_autofree char *joined = _cd_import_wire_block_join (b);

      if (b->lines->len > 0 && g_regex_match (_cd_import_wire_regex (RE_VERSION_NOTE), joined, 0, NULL))
        {
          _cd_import_add_note (notes, joined);
          g_ptr_array_set_size (b->lines, 0);
          continue;
        }
      for (guint j = 0; j < b->lines->len;)
        {
          g_autoptr (GString) note = NULL;
          const char *line = g_ptr_array_index (b->lines, j);

          /* The time the agency sent it (Bloomberg's "2026-04-16
           * 06:12:04.123 GMT"), a line of its own. */
          if (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*"
                                    "(?:GMT|UTC|Z|[A-Z]{2,4}|[+-]\\d{2}:?\\d{2})?$",
                                    line, 0, 0))
            {
              _cd_import_add_note (notes, line);
              g_ptr_array_remove_index (b->lines, j);
              continue;
            }
          /* A version note on a line of its own over bullets: "(Corrects
           * spelling of CFO's name in paragraph 5)". */
          if (j == 0 && b->lines->len > 1 && g_regex_match (_cd_import_wire_regex (RE_VERSION_NOTE), line, 0, NULL))
            {
              _cd_import_add_note (notes, line);
              g_ptr_array_remove_index (b->lines, j);
              continue;
            }
          if (!g_regex_match (_cd_import_wire_regex (RE_EDS), line, 0, NULL))
            {
              j++;
              continue;
            }
          note = take_wrapped (b->lines, j);
          _cd_import_add_note (notes, note->str);
        }
    }
}

/* Takes a note to the readers, with the lines it wraps on to, out of the
 * lines above the story (blocks first to end), where it would pass for a
 * standfirst: it opens the story instead. */
static char *
take_readers_note (GPtrArray *blocks,
                   guint      first,
                   guint      end)
{
  g_assert (blocks != NULL);

  for (guint i = first; i < end && i < blocks->len; i++)
    {
      Block *b = g_ptr_array_index (blocks, i);

      for (guint j = 0; j < b->lines->len; j++)
        if (g_regex_match (_cd_import_wire_regex (RE_READERS_NOTE), g_ptr_array_index (b->lines, j), 0, NULL))
          return g_string_free (take_wrapped (b->lines, j), FALSE);
    }
  return NULL;
}

/* Writes the texts of @items as a list. */
static void
append_list (GString   *body,
             GPtrArray *items)
{
  g_assert (items != NULL);

  if (body->len > 0)
    g_string_append_c (body, '\n');
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append (body, "- ");
      _cd_markdown_escape_inline (body, g_ptr_array_index (items, i), -1);
      g_string_append_c (body, '\n');
    }
}

/* Writes a block as paragraphs, with subhead lines made "##" headings,
 * rules across the page thematic breaks and rows of a table a table; at
 * an end mark ("###") stops, and returns the line after it, else
 * G_MAXUINT. */
static guint
append_block (GString *body,
              Block   *b,
              guint    first_line)
{
  g_autoptr (GString) para = g_string_new (NULL);
  guint labelled = 0;

  /* Lines of labels and what they say ("Location: …", "Weblink: …",
   * "Contacts: …", under an entry of AP's daybook) are a paragraph
   * each, as the entry's line over them. */
  for (guint j = first_line + 1; j < b->lines->len; j++)
    labelled += g_regex_match_simple ("^\\p{Lu}\\p{L}+(?:\\s\\p{L}+)?:\\s+\\S", g_ptr_array_index (b->lines, j), 0, 0);
  for (guint j = first_line; j < b->lines->len; j++)
    {
      const char      *line = g_ptr_array_index (b->lines, j);
      g_autofree char *subhead = NULL;
      guint            rows = _cd_import_table_rows (b->lines, j);

      if (rows > 0)
        {
          if (para->len > 0)
            append_paragraph (body, "", para->str);
          g_string_truncate (para, 0);
          _cd_import_append_table (body, b->lines, j, rows);
          j += rows - 1;
          continue;
        }

      if (_cd_import_is_end_mark (line))
        {
          if (para->len > 0)
            append_paragraph (body, "", para->str);
          /* A mark with more to say goes to the desk with what follows
           * it ("Copy ends. 380 words. Pic from Pat on 07700 900931"). */
          return g_utf8_strlen (line, -1) > 12 ? j : j + 1;
        }
      subhead = _cd_import_match_group (_cd_import_wire_regex (RE_SUBHEAD), line, "text");
      if (subhead != NULL || g_regex_match (_cd_import_wire_regex (RE_RULE), line, 0, NULL))
        {
          if (para->len > 0)
            append_paragraph (body, "", para->str);
          g_string_truncate (para, 0);
          if (subhead != NULL)
            append_paragraph (body, "## ", subhead);
          else
            append_paragraph (body, "---", "");
          continue;
        }
      if (labelled >= 2)
        append_paragraph (body, "", line);
      else
        append_sentence (para, line);
    }
  if (para->len > 0)
    append_paragraph (body, "", para->str);
  return G_MAXUINT;
}

/* What follows the end mark (line @line of block @i and the blocks after
 * it: the agency's trailer, advisories) is for the desk: to the notes, a
 * paragraph a block, but for the rules across the page. */
static void
take_after_end (GPtrArray *blocks,
                guint      i,
                guint      line,
                GString   *notes)
{
  g_assert (blocks != NULL && notes != NULL);

  for (; i < blocks->len; i++, line = 0)
    {
      Block           *b = g_ptr_array_index (blocks, i);
      g_autofree char *joined = NULL;

      g_ptr_array_remove_range (b->lines, 0, MIN (line, b->lines->len));
      /* A rule across the page says nothing. */
      for (guint k = b->lines->len; k > 0; k--)
        if (g_regex_match (_cd_import_wire_regex (RE_RULE), g_ptr_array_index (b->lines, k - 1), 0, NULL))
          g_ptr_array_remove_index (b->lines, k - 1);
      if (b->lines->len > 0 && *g_strstrip (joined = _cd_import_wire_block_join (b)) != '\0')
        _cd_import_add_note (notes, joined);
    }
}

/* Wire copy as it is (see %CD_IMPORT_FORMAT_WIRE; _cd_import_wire() reads
 * a template's labels first): fills @article, which
 * holds the language the file does not name, from the checked @text. */
gboolean
_cd_import_wire_copy (CdArticle  *article,
                      const char *text,
                      gsize       length,
                      const char *origin,
                      GError    **error)
{
  g_autoptr (GPtrArray) blocks = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *copy = NULL;
  g_autofree char *dateline_rest = NULL;
  g_autoptr (GPtrArray) summary = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) notes = g_string_new (NULL);
  g_autoptr (GString) ends = g_string_new (NULL); /* what stands under the story */
  g_autoptr (GString) trailer = g_string_new (NULL);
  g_autofree char *slug_words = NULL;
  g_autofree char *readers_note = NULL;
  const char      *headline;
  Block           *first;
  guint            dateline_block = G_MAXUINT;
  guint            start_block = 1;
  guint            caption_end;
  gsize            bom;

  g_assert (CD_IS_ARTICLE (article));

  bom = _cd_import_skip_bom (text, length);
  copy = g_strndup (text + bom, length - bom);
  if (_cd_import_is_transmission (copy, length - bom))
    {
      g_autofree char *envelope = g_steal_pointer (&copy);

      copy = _cd_import_unwrap_transmission (envelope, origin, notes, trailer, error);
      if (copy == NULL)
        return FALSE;
      if (*g_strchug (copy) == '\0')
        {
          g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                       "%s: the wire message has no text between its start and end of text.",
                       origin);
          return FALSE;
        }
    }
  {
    g_autofree char *typed = _cd_import_wire_typography (copy);

    blocks = split_blocks (typed);
  }
  /* Control characters and nothing else. */
  if (blocks->len == 0)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the file has no text in it, only control characters.", origin);
      return FALSE;
    }

  _cd_import_take_wire_letterhead (article, blocks, notes);
  _cd_import_take_wire_service_lines (article, blocks, notes);
  _cd_import_take_wire_kicker (blocks, notes);
  first = g_ptr_array_index (blocks, 0);
  {
    /* dpa ends its headline with " =", and its first take's with
     * "(sigue)" in Spanish. */
    g_autofree char *head = g_strdup (g_ptr_array_index (first->lines, 0));

    if (g_str_has_suffix (head, " ="))
      head[strlen (head) - 2] = '\0';
    {
      g_autoptr (GRegex) goes_on = g_regex_new ("\\s*" TAKE_GOES_ON "$", G_REGEX_CASELESS, 0, NULL);
      g_autofree char *whole = g_regex_replace_literal (goes_on, head, -1, 0, "", 0, NULL);

      cd_article_set_headline (article, g_strchomp (whole));
    }
  }
  _cd_import_take_headline_label (article, NULL, notes);
  headline = cd_article_get_headline (article);
  /* Only the slug above the dateline: AP's keyword line gives its words
   * ("BC-WEA--Global Weather-Fahrenheit," the headline "Global
   * Weather-Fahrenheit"), and the slug stays in the note. */
  if (headline != NULL && g_str_has_prefix (headline, "BC-") && strstr (headline, "--") != NULL &&
      g_regex_match (_cd_import_wire_regex (RE_SLUG), headline, 0, NULL))
    {
      const char *words = strstr (headline, "--") + 2;

      slug_words = g_strstrip (g_strndup (words, strcspn (words, ",")));
      if (*slug_words != '\0')
        {
          _cd_import_add_note (notes, headline);
          cd_article_set_headline (article, slug_words);
        }
    }
  /* Lines right under the headline in its block belong to the next block. */
  g_ptr_array_remove_index (first->lines, 0);
  if (first->lines->len > 0)
    start_block = 0;
  take_notes (blocks, start_block, start_block + 6, notes);
  _cd_import_take_wire_release_lines (article, blocks, start_block, blocks->len, TRUE, notes);
  _cd_import_take_wire_end (article, blocks, ends);

  /* The dateline opens the story within its first few blocks; a note to
   * the readers (EDITOR'S NOTE — …) is none. The note has it, dated,
   * above what stands under the story. */
  for (guint i = start_block; i < blocks->len && i < start_block + 6; i++)
    {
      g_autofree char *joined = _cd_import_wire_block_join (g_ptr_array_index (blocks, i));

      if (g_regex_match (_cd_import_wire_regex (RE_READERS_NOTE), joined, 0, NULL))
        continue;
      dateline_rest = _cd_import_take_dateline (article, joined, notes);
      /* A dateline alone over the story's first paragraph. */
      if (dateline_rest == NULL && i + 1 < blocks->len && _cd_import_take_dateline_alone (article, joined, notes))
        dateline_rest = g_strdup ("");
      if (dateline_rest != NULL)
        {
          dateline_block = i;
          break;
        }
    }
  if (ends->len > 0)
    _cd_import_add_note (notes, ends->str);
  /* A note to the readers above the story, not one under it. */
  readers_note = take_readers_note (blocks, start_block,
                                    dateline_block != G_MAXUINT ? dateline_block : start_block + 1);

  if (dateline_block != G_MAXUINT)
    {
      Block *b = g_ptr_array_index (blocks, dateline_block);

      _cd_import_take_wire_release_lines (article, blocks, 0, dateline_block, FALSE, notes);
      read_preamble (article, blocks, 0, dateline_block, summary, notes);
      /* The rest of the dateline paragraph stays a paragraph; subheads and
       * end marks among its lines are handled as in any block. */
      g_ptr_array_set_size (b->lines, 0);
      if (*dateline_rest != '\0')
        g_ptr_array_add (b->lines, g_steal_pointer (&dateline_rest));
      start_block = dateline_block;
    }
  else if ((caption_end = find_caption_block (blocks, start_block)) != 0)
    {
      /* No dateline, but a photo caption and credit above the story. */
      read_preamble (article, blocks, start_block, caption_end, summary, notes);
      start_block = caption_end;
    }
  else
    {
      /* No dateline: a "By" line under the headline is still a byline, and
       * so is one among the short lines over a table or list, each a line
       * of its own ("All Times EDT", "By The Associated Press"). A long
       * line right above the byline is the standfirst. */
      g_autofree char *by = NULL;
      Block           *above = NULL;
      guint            above_line = 0;
      gboolean         stop = FALSE;

      for (guint i = start_block, seen = 0; !stop && by == NULL && i < blocks->len && seen < 3; i++)
        {
          Block *b = g_ptr_array_index (blocks, i);

          seen += b->lines->len > 0;
          for (guint j = 0; j < b->lines->len && j < 2; j++)
            {
              const char *line = g_ptr_array_index (b->lines, j);

              /* A name alone over the agency's or the post's line, as AAP
               * sets a byline: "Marion Keogh", "(Australian Associated
               * Press)". */
              if ((by = _cd_import_byline_of_line (line)) == NULL && j + 1 < b->lines->len && _cd_import_is_name_line (line) &&
                  _cd_import_is_byline_title (g_ptr_array_index (b->lines, j + 1)))
                by = g_strdup (line);
              if (by != NULL)
                {
                  const char *standfirst = above ? g_ptr_array_index (above->lines, above_line) : NULL;

                  g_ptr_array_remove_index (b->lines, j);
                  take_byline_title (blocks, i, j, &by);
                  cd_article_set_byline (article, by);
                  if (standfirst != NULL && g_utf8_strlen (standfirst, -1) > 40 &&
                      cd_text_is_blank (cd_article_get_dek (article)))
                    {
                      cd_article_set_dek (article, standfirst);
                      g_ptr_array_remove_index (above->lines, above_line);
                    }
                  break;
                }
              if (above != NULL && g_utf8_strlen (line, -1) > 40)
                {
                  stop = TRUE;
                  break;
                }
              above = b;
              above_line = j;
            }
          stop = stop || b->lines->len > 2;
        }
    }

  if (readers_note != NULL)
    append_paragraph (body, "", readers_note);
  /* A summary in bullets opens the story as a list. */
  if (summary->len > 0)
    append_list (body, summary);

  _cd_import_join_table_blocks (blocks, start_block);
  for (guint i = start_block; i < blocks->len; i++)
    {
      g_autoptr (GPtrArray) items = g_ptr_array_new ();
      guint end;

      /* Two bullets or more in a row are a list; one alone is text. */
      for (end = i; end < blocks->len && is_bullet_block (g_ptr_array_index (blocks, end)); end++)
        {
          Block *b = g_ptr_array_index (blocks, end);

          for (guint j = 0; j < b->lines->len; j++)
            g_ptr_array_add (items, (gpointer) bullet_text (g_ptr_array_index (b->lines, j)));
        }
      if (items->len >= 2)
        {
          append_list (body, items);
          i = end - 1;
        }
      /* A photo's caption among the paragraphs ("[FOTO] …", "PIX: …"):
       * the note's. */
      else if (((Block *) g_ptr_array_index (blocks, i))->lines->len > 0 &&
               g_regex_match (_cd_import_wire_regex (RE_CAPTION_PREFIX),
                              g_ptr_array_index (((Block *) g_ptr_array_index (blocks, i))->lines, 0), 0, NULL))
        {
          g_autofree char *caption = _cd_import_wire_block_join (g_ptr_array_index (blocks, i));

          _cd_import_add_note (notes, caption);
        }
      else
        {
          Block *b = g_ptr_array_index (blocks, i);
          guint  stop = append_block (body, b, 0);

          if (stop != G_MAXUINT)
            {
              take_after_end (blocks, i, stop, notes);
              break;
            }
        }
    }

  cd_article_set_body (article, body->str);
  _cd_import_tidy_dek (article);
  if (cd_text_is_blank (cd_article_get_source (article)))
    {
      g_autofree char *agency = _cd_import_agency_of_byline (cd_article_get_byline (article));

      if (agency != NULL)
        cd_article_set_source (article, agency);
    }
  if (trailer->len > 0)
    _cd_import_add_note (notes, trailer->str);
  if (notes->len > 0)
    cd_article_set_ednote (article, notes->str);
  return TRUE;
}
