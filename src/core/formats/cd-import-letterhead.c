/* cd-import-letterhead.c: what stands above a press release's headline
 * besides its line to the desk (cd-import-release.c): the sender's
 * letterhead (name, address, phone, a date) above that line, and a
 * contact block ("Contact: Jane Doe", a phone number, an email address)
 * above or under it. Neither is the headline, the standfirst or the
 * story's opening: both go to the note, and the headline is the short
 * line under them. One rule for every format: a document's paragraphs,
 * wire copy's lines, a message's paragraphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"
#include "cd-render.h"
#include "cd-words.h"

/* The words that open a contact block, in the languages of the
 * newsroom's copy, with what may follow them on their line. */
static const char contact_pattern[] =
    "^(?:(?:media|press|news|pr|investor|for\\s+media)\\s+)?(?:contacts?|enquiries|inquiries|relations)\\b\\s*(?:[:\\-–—]|$)|"
    "^for\\s+(?:more|further)\\s+information\\b|"
    "^(?:presse)?kontakt(?:e)?\\b\\s*(?:[:\\-–—]|f(?:ü|ue)r|$)|^pressekontakt|^ansprechpartner|"
    "^contacts?\\s+(?:presse|m(?:é|e)dias?)\\b|^contacto(?:s)?(?:\\s+de\\s+prensa)?\\b\\s*(?:[:\\-–—]|$)|"
    "^contatti?(?:\\s+stampa)?\\b\\s*(?:[:\\-–—]|$)|^perscontact";

/* A line of contact details: a phone number (with its label: "Tel",
 * "Mobile: "), an email address, a web address. */
static const char contact_data_pattern[] =
    "^(?:(?:tel(?:ephone|efon)?|t[ée]l|ph(?:one)?|mob(?:ile)?|cell|fax|mobil|handy|t|m|f|p|o|e|w|email|e-mail|web)\\.?\\s*:?\\s*)?"
    "(?:\\+?[\\d(][\\d ()./-]{5,}\\d(?:\\s*(?:ext\\.?|x)\\s*\\d+)?|"
    "[^\\s@]+@[^\\s@]+\\.[a-z]{2,}|(?:https?://|www\\.)\\S+|[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}(?:/\\S*)?)$";

static GRegex *
contact_regex (gboolean data)
{
  static GRegex *regexes[2];

  if (g_once_init_enter (&regexes[data]))
    g_once_init_leave (&regexes[data], g_regex_new (data ? contact_data_pattern : contact_pattern,
                                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return regexes[data];
}

/* Whether each line of @item (a line, or a paragraph of lines) gives
 * contact details. */
static gboolean
is_contact_data (const char *item)
{
  g_auto (GStrv) lines = g_strsplit (item, "\n", -1);
  gboolean any = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      if (!g_regex_match (contact_regex (TRUE), line, 0, NULL))
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* Whether @item is short and reads as a name or a post ("Jane Doe",
 * "Head of Communications"). */
static gboolean
is_short_line (const char *item)
{
  gsize n = strlen (item);

  return n > 0 && strchr (item, '\n') == NULL && cd_count_words (item) <= 6 && strchr (".;:!?", item[n - 1]) == NULL;
}

/**
 * _cd_import_contact_length:
 * @lines: the lines (or paragraphs) from where a contact block may start
 * @n: how many there are
 *
 * A contact block above a story: a line that names it ("Contact:",
 * "Media contact: Jane Doe", "For more information", "Pressekontakt"),
 * then lines of phone numbers, email and web addresses, and the short
 * lines among them (a name, a post) that such a line follows within two.
 *
 * Returns: how many of @lines, from the first, are the block; 0 for none
 */
guint
_cd_import_contact_length (const char *const *lines,
                           guint              n)
{
  guint length = 1;

  g_assert (lines != NULL || n == 0);

  if (n == 0 || !g_regex_match (contact_regex (FALSE), lines[0], 0, NULL))
    return 0;
  while (length < n)
    {
      if (is_contact_data (lines[length]))
        length++;
      else if (is_short_line (lines[length]) &&
               ((length + 1 < n && is_contact_data (lines[length + 1])) ||
                (length + 2 < n && is_short_line (lines[length + 1]) && is_contact_data (lines[length + 2]))))
        length++;
      else
        break;
    }
  return length;
}

/* A letterhead has at most this many lines, each of at most this many
 * words; a headline too. */
#define LETTERHEAD_MAX_LINES 8
#define LETTERHEAD_MAX_WORDS 25

/**
 * _cd_import_letterhead_length:
 * @lines: the story's first lines (or paragraphs), none empty
 * @strong: whether each is in bold or a heading, or %NULL when that is
 *   not known
 * @n: how many there are
 * @headline_below: whether the headline was found under them already
 *
 * A press release's letterhead: the sender's name, address or contact in
 * short lines above its line to the desk ("NEWS RELEASE", "EMBARGOED
 * UNTIL …"), where the headline stands under that line (and under a
 * contact block there, _cd_import_contact_length()): short, not
 * ending as a sentence does, as strong as what stands above it. A single
 * line above that is longer than the one under is the headline itself,
 * and the one under its standfirst; a "By" line above is a story's.
 *
 * Returns: how many of @lines, from the first, are the letterhead; 0 for
 *   none
 */
guint
_cd_import_letterhead_length (const char *const *lines,
                              const gboolean    *strong,
                              guint              n,
                              gboolean           headline_below)
{
  guint    release = G_MAXUINT, words = 0, above = 0;
  gboolean above_strong = FALSE;

  g_assert (lines != NULL || n == 0);

  for (guint i = 0, contact; i < n; i++)
    {
      const char *line = lines[i];
      gsize       length = strlen (line);

      if (_cd_import_is_release_line (line))
        {
          if (release == G_MAXUINT)
            release = i;
          continue;
        }
      /* A contact block above the line or under it. */
      if ((contact = _cd_import_contact_length (lines + i, n - i)) > 0)
        {
          i += contact - 1;
          continue;
        }
      if (release != G_MAXUINT)
        {
          if (headline_below)
            break;
          if (release == 0 || cd_count_words (line) > LETTERHEAD_MAX_WORDS ||
              strchr (".,;:", line[length - 1]) != NULL || _cd_import_is_byline (line) ||
              (above_strong && !(strong != NULL && strong[i])) || (above == 1 && words > cd_count_words (line)))
            return 0;
          return release;
        }
      words = cd_count_words (line);
      if (++above > LETTERHEAD_MAX_LINES || words > LETTERHEAD_MAX_WORDS || _cd_import_is_byline (line))
        return 0;
      above_strong = above_strong || (strong != NULL && strong[i]);
    }
  return headline_below && release != G_MAXUINT ? release : 0;
}

/**
 * _cd_import_take_release_head:
 * @article: the article the headline and an embargo go to
 * @markdown: (transfer full): a message's text, in Markdown
 * @subject: the message's subject, or %NULL
 * @notes: where the rest goes
 *
 * A press release sent as a message: under its subject, its sender's
 * letterhead and its line to the desk ("NEWS RELEASE", an embargo), then
 * its own headline (_cd_import_letterhead_length(), the subject as the
 * first line above). The subject, the letterhead and the lines go to
 * @notes and the headline to @article.
 *
 * Returns: (transfer full): the text under the headline, or @markdown as
 *   it was when it holds no such head
 */
char *
_cd_import_take_release_head (CdArticle  *article,
                              char       *markdown,
                              const char *subject,
                              GString    *notes)
{
  g_auto (GStrv) paras = g_strsplit (markdown, "\n\n", 17);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) strong = g_array_new (FALSE, FALSE, sizeof (gboolean));
  guint n = g_strv_length (paras), length, headline;
  char *body;

  g_assert (CD_IS_ARTICLE (article) && markdown != NULL && notes != NULL);

  if (subject != NULL && *subject != '\0')
    {
      g_ptr_array_add (lines, g_strdup (subject));
      g_array_append_val (strong, (gboolean){ FALSE });
    }
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autofree char *para = g_strstrip (g_strdup (paras[i]));
      char            *plain = cd_render_plain_text (para, -1);
      gboolean         bold = *para == '#' || (g_str_has_prefix (para, "**") && g_str_has_suffix (para, "**"));

      g_strdelimit (g_strstrip (plain), "\n", ' ');
      g_ptr_array_add (lines, plain);
      g_array_append_val (strong, bold);
    }
  length = _cd_import_letterhead_length ((const char *const *) lines->pdata, (const gboolean *) strong->data,
                                         lines->len, FALSE);
  if (length == 0)
    return markdown;
  for (headline = length; _cd_import_is_release_line (g_ptr_array_index (lines, headline)); headline++)
    ;
  for (guint i = 0; i < headline; i++)
    if (i < length || !_cd_import_take_release_line (article, g_ptr_array_index (lines, i), notes))
      _cd_import_add_note (notes, g_ptr_array_index (lines, i));
  cd_article_set_headline (article, g_ptr_array_index (lines, headline));
  /* The paragraphs after the headline's: the subject stood above the
   * first. */
  headline -= lines->len - (n - 1);
  body = g_strjoinv ("\n\n", paras + headline + 1);
  g_free (markdown);
  return body;
}

/* Takes a press release's letterhead in wire copy's @blocks (CdWireBlock),
 * its sender's name and address above its line to the desk, into @notes
 * (_cd_import_letterhead_length()): a line each, and the paragraph under
 * the line as the headline would be read. */
void
_cd_import_take_wire_letterhead (GPtrArray *blocks,
                                 GString   *notes)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  gboolean seen = FALSE, done = FALSE;
  guint    length;

  for (guint i = 0; i < blocks->len && !done && lines->len < 16; i++)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, i);

      for (guint j = 0; j < b->lines->len && !done; j++)
        {
          const char *line = g_ptr_array_index (b->lines, j);
          gboolean    release = _cd_import_is_release_line (line);

          if (seen && !release)
            {
              g_autoptr (GPtrArray) rest = g_ptr_array_new ();

              for (guint k = j; k < b->lines->len; k++)
                g_ptr_array_add (rest, g_ptr_array_index (b->lines, k));
              g_ptr_array_add (rest, NULL);
              g_ptr_array_add (lines, g_strjoinv (" ", (char **) rest->pdata));
              done = TRUE;
            }
          else
            g_ptr_array_add (lines, g_strdup (line));
          seen = seen || release;
        }
    }
  length = _cd_import_letterhead_length ((const char *const *) lines->pdata, NULL, lines->len, FALSE);
  while (length > 0)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, 0);

      for (; length > 0 && b->lines->len > 0; length--)
        {
          _cd_import_add_note (notes, g_ptr_array_index (b->lines, 0));
          g_ptr_array_remove_index (b->lines, 0);
        }
      if (b->lines->len == 0)
        g_ptr_array_remove_index (blocks, 0);
    }
}
