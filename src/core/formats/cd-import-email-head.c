/* cd-import-email-head.c: the head of an emailed story: its subject
 * ("PRESS RELEASE: …" names what it is), the subject written again over
 * the story, a release's head under its line to the desk that the
 * subject gives way to, and the short lines a message sets with line
 * breaks, read as a document's paragraphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"
#include "cd-render.h"
#include "cd-text.h"
#include "cd-words.h"

/* Whether @text holds an even count of "**" (strong emphasis that opens
 * and closes in it). */
static gboolean
balanced (const char *text)
{
  guint count = 0;

  for (const char *p = strstr (text, "**"); p != NULL; p = strstr (p + 2, "**"))
    count++;
  return count % 2 == 0;
}

/* Whether @line is set in bold whole ("**…**"). */
static gboolean
bolded (const char *line)
{
  gsize n = strlen (line);

  return n > 4 && g_str_has_prefix (line, "**") && g_str_has_suffix (line, "**");
}

/* @lines, the lines of one paragraph in bold ("**Acme Ltd\\\n1 High
 * Street**"), each in bold of its own. */
static void
bold_each_line (GStrv lines)
{
  guint n = g_strv_length (lines);

  if (n < 2 || !g_str_has_prefix (lines[0], "**") || !g_str_has_suffix (lines[n - 1], "**") ||
      balanced (lines[0]))
    return;
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *inner = g_strdup (lines[k] + (k == 0 ? 2 : 0));

      if (k == n - 1)
        inner[strlen (inner) - 2] = '\0';
      if (!balanced (inner))
        return;
    }
  for (guint k = 0; k < n; k++)
    {
      char *line = g_strconcat (k == 0 ? "" : "**", lines[k], k == n - 1 ? "" : "**", NULL);

      g_free (lines[k]);
      lines[k] = line;
    }
}

/* Whether @second goes on from @first as a headline broken over two
 * lines does: @second opens in lower case, or both are in bold and
 * @first ends with a colon, a comma or a dash ("A Doll's House, Crucible
 * Theatre:" over "a slammed door that still echoes"). */
static gboolean
continues (const char *first,
           const char *second)
{
  g_autofree char *a = g_strstrip (cd_render_plain_text (first, -1));
  g_autofree char *b = g_strstrip (cd_render_plain_text (second, -1));
  gsize            n = strlen (a);

  if (n == 0 || *b == '\0')
    return FALSE;
  if (g_unichar_islower (g_utf8_get_char (b)))
    return TRUE;
  return bolded (first) && bolded (second) &&
         (strchr (":,-", a[n - 1]) != NULL || g_str_has_suffix (a, "–") || g_str_has_suffix (a, "—"));
}

/* Whether @paragraph (Markdown) is a picture alone, linked or not. */
static gboolean
is_picture_alone (const char *paragraph)
{
  return g_regex_match_simple ("^\\[?!\\[[^\\]\\n]*\\]\\([^()\\s]+\\)(?:\\]\\([^()\\s]+\\))?$", paragraph, 0, 0);
}

/* @paragraphs with the story's headline ("# …") over the picture and its
 * caption that a newsletter sets above it. */
static void
raise_headline (GStrv paragraphs)
{
  guint heading = 1;

  if (paragraphs[0] == NULL || !is_picture_alone (paragraphs[0]) || paragraphs[1] == NULL)
    return;
  /* A caption of a line between them. */
  if (!g_str_has_prefix (paragraphs[1], "# ") && paragraphs[2] != NULL && cd_count_words (paragraphs[1]) <= 30 &&
      strchr (paragraphs[1], '\n') == NULL)
    heading = 2;
  if (!g_str_has_prefix (paragraphs[heading], "# "))
    return;
  {
    char *headline = paragraphs[heading];

    memmove (paragraphs + 1, paragraphs, heading * sizeof (char *));
    paragraphs[0] = headline;
  }
}

/* @markdown (consumed) with the lines of its first paragraphs as
 * paragraphs of their own, where each is short: a letterhead, a line to
 * the desk, a byline that a message sets with line breaks ("<br>"), read
 * as a document's paragraphs, and the headline over a picture set above
 * it. The story from its first long paragraph on stays as it is. */
char *
_cd_import_split_head_lines (char *markdown)
{
  g_auto (GStrv) paras = g_strsplit (markdown, "\n\n", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean head = TRUE;

  for (guint i = 0; paras[i] != NULL; i++)
    {
      g_auto (GStrv) lines = g_strsplit (paras[i], "\\\n", -1);
      gboolean split = head && i < 8 && lines[1] != NULL;

      if (split)
        bold_each_line (lines);
      for (guint k = 0; lines[k] != NULL && split; k++)
        split = cd_count_words (lines[k]) <= 25 && balanced (lines[k]);
      if (split && i == 0 && g_strv_length (lines) == 2 && continues (lines[0], lines[1]))
        {
          /* A headline set over two lines is one. */
          g_autofree char *first = g_strndup (lines[0], strlen (lines[0]) - (bolded (lines[0]) ? 2 : 0));

          g_free (lines[0]);
          lines[0] = g_strconcat (first, " ", lines[1] + (bolded (lines[1]) ? 2 : 0), NULL);
          g_clear_pointer (&lines[1], g_free);
        }
      head = head && i < 8 && (split || cd_count_words (paras[i]) <= 25);
      if (out->len > 0)
        g_string_append (out, "\n\n");
      if (split)
        {
          g_autofree char *joined = g_strjoinv ("\n\n", lines);

          g_string_append (out, joined);
        }
      else
        g_string_append (out, paras[i]);
    }
  g_free (markdown);
  {
    g_auto (GStrv) split = g_strsplit (out->str, "\n\n", -1);

    raise_headline (split);
    return g_strjoinv ("\n\n", split);
  }
}

/* @subject (consumed) without a release's label before it ("PRESS
 * RELEASE: Council approves barrier"), which goes to @notes; *@taken is
 * set when there was one (the subject is then a label, and the text's
 * own headline the story's). */
char *
_cd_import_take_subject_label (char     *subject,
                               GString  *notes,
                               gboolean *taken)
{
  g_autoptr (GRegex) regex = g_regex_new ("^(?<label>(?:press|news|media)\\s+release|for\\s+immediate\\s+release|"
                                          "press\\s+statement|presse?mitteilung|medienmitteilung|"
                                          "communiqu[ée]\\s+de\\s+presse|comunicado\\s+de\\s+prensa|"
                                          "comunicato\\s+stampa|persbericht|komunikat\\s+prasowy|informacja\\s+prasowa|"
                                          "basın\\s+bülteni|пресс-релиз|tisková\\s+zpráva|nota\\s+de\\s+imprensa)\\s*[:|–—-]\\s*(?<rest>\\S.*)$",
                                          G_REGEX_CASELESS, 0, NULL);
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *label = NULL;
  char            *rest;

  if (!g_regex_match (regex, subject, 0, &info))
    return subject;
  label = g_match_info_fetch_named (info, "label");
  rest = g_match_info_fetch_named (info, "rest");
  _cd_import_add_note (notes, label);
  *taken = TRUE;
  g_clear_pointer (&info, g_match_info_free);
  g_free (subject);
  return rest;
}

/* Whether @plain, a message's text, opens with a press release's line to
 * the desk, then a line that reads as a headline (short, not a sentence's
 * end, not the dateline's paragraph); or with a sender's letterhead over
 * that line (_cd_import_find_release_head()). */
gboolean
_cd_import_opens_release (const char *plain)
{
  g_auto (GStrv) lines = g_strsplit (plain, "\n", 40);
  g_autoptr (GArray) head_lines = g_array_new (FALSE, TRUE, sizeof (CdImportHeadLine));
  CdImportReleaseHead head;
  gboolean            released = FALSE;

  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL && head_lines->len < 16; i++)
    {
      CdImportHeadLine line = { g_strstrip (lines[i]), FALSE,
                                g_unichar_islower (g_utf8_get_char (lines[i + 1])) };

      if (*line.text != '\0')
        g_array_append_val (head_lines, line);
    }
  if (_cd_import_find_release_head ((const CdImportHeadLine *) head_lines->data, head_lines->len, FALSE, &head))
    return TRUE;
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      g_autoptr (GMatchInfo) dateline = NULL;
      gsize n = strlen (line);

      if (n == 0)
        continue;
      if (_cd_import_is_release_line (line))
        {
          released = TRUE;
          continue;
        }
      return released && cd_count_words (line) <= 25 && strchr (".,;:", line[n - 1]) == NULL &&
             (dateline = _cd_import_match_dateline (line)) == NULL;
    }
  return FALSE;
}

/* The words of @text of three letters or more, folded, but for "the",
 * "and" and "for". */
/* A label in brackets in a subject: "【みなと新聞】", "[CP]". */
static GRegex *
subject_label (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("【[^】]*】|\\[[^\\]]*\\]", G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/* Whether @c is a character of the Chinese or Japanese scripts. */
static gboolean
is_ideographic (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA;
}

/* Whether @line is too long for a headline: 20 words, or 40 characters
 * in the scripts that set no space between words. */
static gboolean
too_long_for_headline (const char *line)
{
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    if (is_ideographic (g_utf8_get_char (p)))
      return g_utf8_strlen (line, -1) > 40;
  return cd_count_words (line) > 20;
}

static GStrv
subject_words (const char *text)
{
  g_autofree char *down = g_utf8_casefold (text, -1);
  g_auto (GStrv) words = g_regex_split_simple ("[^\\p{L}\\p{N}]+", down, 0, 0);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 3 && !g_str_equal (words[i], "the") && !g_str_equal (words[i], "and") &&
        !g_str_equal (words[i], "for"))
      g_strv_builder_add (kept, words[i]);
  return g_strv_builder_end (kept);
}

/* Whether @line holds half of the pairs of Chinese or Japanese
 * characters of @subject at least, a label in brackets left out: scripts
 * that set no space between words ("【みなと新聞】函館市電に新型低床車両"
 * and "函館市、路面電車に新型低床車両を導入へ"). */
static gboolean
shares_characters (const char *line,
                   const char *subject)
{
  g_autofree char *bare = g_regex_replace_literal (subject_label (), subject, -1, 0, "", 0, NULL);
  guint            found = 0, n = 0;

  for (const char *p = bare; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char      *q = g_utf8_next_char (p);
      g_autofree char *pair = NULL;

      if (*q == '\0' || !is_ideographic (g_utf8_get_char (p)) || !is_ideographic (g_utf8_get_char (q)))
        continue;
      pair = g_strndup (p, g_utf8_next_char (q) - p);
      n++;
      found += strstr (line, pair) != NULL;
    }
  return n >= 4 && 2 * found >= n;
}

/* Whether @line tells the same story as @subject: it holds half of the
 * subject's words at least ("EU LNG embargo" and "Embargo on Russian LNG
 * to be tightened, EU says"). */
static gboolean
tells_subject (const char *line,
               const char *subject)
{
  g_auto (GStrv) ours = subject_words (line);
  g_auto (GStrv) theirs = subject_words (subject);
  guint found = 0, n = g_strv_length (theirs);

  for (guint i = 0; i < n; i++)
    found += g_strv_contains ((const char *const *) ours, theirs[i]);
  return (n > 0 && 2 * found >= n) || shares_characters (line, subject);
}

/* Whether @subject is the desk's label for what a reporter sends, not a
 * headline: "council vote - copy", "Column for Sat 14th", "Whitby boat
 * sinking - 300w", "EU farm rules – 650 words", "SNAP mill fire", "Obit -
 * Margaret Ellison", a desk's prefix ("Court: Scarborough assault"). */
gboolean
_cd_import_is_desk_label (const char *subject)
{
  return g_regex_match_simple ("\\b(?:copy|story|piece|report|results|review|explainer|column|feature|live|"
                               "latest|posts?|captions?|pix|pics|text|texto|papier|article|data|letter|"
                               "obit(?:uary)?|corrections?|draft|revised|version|snap|excl|filing|"
                               "for\\s+(?:publication|web|online|print|today|tomorrow|mon|tue|wed|thu|fri|sat|sun)\\w*|"
                               "pour\\s+demain|f(?:ü|ue)r\\s+morgen|para\\s+mañana)\\b|"
                               "\\b\\d[\\d,]*\\s*(?:w|wds|words?|mots|wörter|palabras)\\b|\\bw/|"
                               "^\\p{L}+(?:\\s+\\p{L}+)?\\s*:\\s",
                               subject, G_REGEX_CASELESS, 0);
}

/* Whether @paragraph opens a story: a "By" line, or the dateline. */
static gboolean
opens_story (const char *paragraph)
{
  g_autofree char *first = g_strndup (paragraph, strcspn (paragraph, "\n"));
  g_autoptr (GMatchInfo) dateline = NULL;

  return _cd_import_is_byline (first) || (dateline = _cd_import_match_dateline (paragraph)) != NULL;
}

/* Whether each word of @line of four letters or more opens with a
 * capital, as a name is set ("Northshore Flood Action Group", "Royal
 * Society for the Protection of Birds"), not a sentence. */
static gboolean
set_as_name (const char *line)
{
  g_auto (GStrv) words = g_strsplit (line, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 4 && g_unichar_islower (g_utf8_get_char (words[i])))
      return FALSE;
  return TRUE;
}

/* Whether @line is a sender's name rather than a headline: a line that
 * ends as an organisation's name does, of four words at most, or of
 * eight set as a name ("Northshore Flood Action Group"; "Refugee chefs
 * turn Glasgow church hall into sell-out supper club" is a headline), or
 * in capitals of six with no figure ("NORTHSHORE FLOOD ACTION GROUP"); a
 * line in capitals of three words at most with no figure or comma
 * ("ACME PRESS"). A longer line in capitals is a headline typed
 * in them ("FISHING BOAT CREW RESCUED OFF WHITBY", "PENSIONER, 87,
 * BECOMES OLDEST GRADUATE AT YORK UNIVERSITY"). */
static gboolean
reads_as_sender (const char *line)
{
  g_autofree char *down = g_utf8_strdown (line, -1);
  guint            words = cd_count_words (line);

  if (!_cd_import_is_sender_name (line))
    return FALSE;
  if (_cd_import_is_sender_name (down))
    return cd_text_has_char (line, g_unichar_islower) ? words <= 4 || (words <= 8 && set_as_name (line))
                                                      : words <= 6 && strpbrk (line, "0123456789") == NULL;
  return words <= 3 && strpbrk (line, "0123456789,") == NULL;
}

/**
 * _cd_import_split_head_paragraph:
 * @plain: (transfer full): a message's text, plain
 *
 * A headline with its standfirst on the next line, in one paragraph over
 * the "By" line or the dateline (as a mail program's text gives a
 * document's paragraphs set with no space between them), among the first
 * paragraphs: two paragraphs. A paragraph wrapped over lines is none:
 * its first line ends in a sentence, or its next line goes on in lower
 * case.
 *
 * Returns: (transfer full): @plain, that paragraph split where so
 */
char *
_cd_import_split_head_paragraph (char *plain)
{
  const char *start = plain + strspn (plain, " \t\r\n");
  g_autoptr (GMatchInfo) label = NULL;

  /* A section's label in brackets on the headline's first line:
   * "【今日のトップニュース】⏎函館市、…". */
  if (g_regex_match_simple ("^(?:【[^】\\n]{1,20}】|［[^］\\n]{1,20}］)\\n\\S", start, 0, 0))
    {
      const char *eol = strchr (start, '\n');
      char       *out = g_strdup_printf ("%.*s\n%s", (int) (eol - plain), plain, eol);

      g_free (plain);
      plain = out;
      start = plain + strspn (plain, " \t\r\n");
    }

  for (guint i = 0; i < 4 && start != NULL && *start != '\0'; i++)
    {
      const char      *end = strstr (start, "\n\n");
      const char      *eol = strchr (start, '\n');
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      char            *out;
      gsize            n;

      if (end == NULL)
        break;
      if (eol == NULL || eol >= end || strchr (eol + 1, '\n') != end || !opens_story (end + 2 + strspn (end + 2, "\n")))
        {
          start = end + 2 + strspn (end + 2, "\n");
          continue;
        }
      first = g_strstrip (g_strndup (start, eol - start));
      second = g_strstrip (g_strndup (eol + 1, end - eol - 1));
      n = strlen (first);
      if (n == 0 || cd_count_words (first) > 14 || strchr (".,;:", first[n - 1]) != NULL || *second == '\0' ||
          !g_unichar_isupper (g_utf8_get_char (second)) || cd_count_words (second) < 8)
        break;
      out = g_strdup_printf ("%.*s%s\n\n%s%s", (int) (start - plain), plain, first, second, end);
      g_free (plain);
      return out;
    }
  return plain;
}

/* The letters and figures of @text, folded. */
static char *
folded_words (const char *text)
{
  g_autofree char *plain = cd_render_plain_text (text, -1);
  g_autofree char *down = g_utf8_casefold (plain, -1);
  GString         *words = g_string_new (NULL);

  for (const char *p = down; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (words, g_utf8_get_char (p));
  return g_string_free (words, FALSE);
}

/* Whether @para is one of the agency's codes or labels that its subject
 * sets before the headline ("BSS-67", "CORRECTED REPEAT" under "BSS-67
 * CORRECTED REPEAT Padma rail link …"): a few words in capitals, with a
 * figure or of a transmission's labels, all of them in @subject. */
static gboolean
is_subject_code (const char *para,
                 const char *subject)
{
  g_autofree char *folded = NULL;
  g_autofree char *all = NULL;

  if (*para == '\0' || strchr (para, '\n') != NULL || cd_count_words (para) > 4 ||
      cd_text_has_char (para, g_unichar_islower) || !cd_text_has_char (para, g_unichar_isupper) ||
      !(strpbrk (para, "0123456789") != NULL ||
        g_regex_match_simple ("^(?:(?:REFILE|RPT|REPEAT|REPETITION|CORRECTED|CORRECTION|CORRECTS|UPDATE|UPDATED|URGENT|"
                              "LEAD|WRAPUP|FLASH|BULLETIN|ADVISORY|WRITETHRU|ADDS|SUBS|KILL|WITHDRAWN)\\W*)+$",
                              para, 0, 0)))
    return FALSE;
  folded = folded_words (para);
  all = folded_words (subject);
  return *folded != '\0' && strstr (all, folded) != NULL;
}

/* Where the headline a message's text opens with stands among @paras,
 * its first paragraphs in plain text (@n of them): the first, or the
 * second under a kicker; a line that reads as a headline (not a sender's
 * name) and tells the story @subject names (or @subject is the desk's
 * label for the copy, "Column for Sat 14th", or @label says so: a
 * reply's subject is the commission's), over a "By" line or the dateline
 * (past a standfirst), or at least as long as the subject. -1 where the
 * text opens otherwise. */
static int
find_own_headline (char      **paras,
                   guint       n,
                   const char *subject,
                   gboolean    label)
{
  guint       h = 0, start;
  const char *line;
  gsize       length;

  g_autoptr (GMatchInfo) dateline = NULL;

  /* Past the pictures over it (a logo), read as nothing. */
  while (h < 2 && h + 2 < n && *paras[h] == '\0')
    h++;
  start = h;
  while (h < start + 3 && h + 2 < n && is_subject_code (paras[h], subject))
    h++;
  if (h == start && h + 2 < n && _cd_import_is_kicker (paras[h], paras[h + 1]))
    h++;
  line = h < n ? paras[h] : "";
  length = strlen (line);
  if (h + 1 >= n || length == 0 || strchr (line, '\n') != NULL || too_long_for_headline (line) ||
      strchr (".,;:", line[length - 1]) != NULL || _cd_import_is_byline (line) ||
      _cd_import_is_release_line (line) || reads_as_sender (line) || (dateline = _cd_import_match_dateline (line)) != NULL ||
      !(label || tells_subject (line, subject) || _cd_import_is_desk_label (subject)))
    return -1;
  if (cd_count_words (line) >= cd_count_words (subject))
    return (int) h;
  /* The story under it, past a few short lines (a standfirst, a byline,
   * a picture and its caption). */
  for (guint k = h + 1; k < n && k <= h + 4; k++)
    {
      if (opens_story (paras[k]))
        return (int) h;
      if (cd_count_words (paras[k]) > 40)
        break;
    }
  return -1;
}

/* The first paragraphs of @text (at most 6), in plain text where
 * @markdown. */
static GStrv
first_paragraphs (const char *text,
                  gboolean    markdown)
{
  g_auto (GStrv) paras = g_strsplit (text + strspn (text, " \t\r\n"), "\n\n", 7);
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();

  for (guint i = 0; paras[i] != NULL && i < 6; i++)
    {
      g_autofree char *plain = markdown ? cd_render_plain_text (paras[i], -1) : g_strdup (paras[i]);

      /* A picture alone reads as nothing, not as its description. */
      g_strv_builder_add (out, markdown && is_picture_alone (g_strstrip (paras[i])) ? "" : g_strstrip (plain));
    }
  return g_strv_builder_end (out);
}

/* Whether @plain, a message's text, opens with a headline of its own
 * that tells the story @subject names (find_own_headline()). */
gboolean
_cd_import_opens_own_headline (const char *plain,
                               const char *subject,
                               gboolean    label)
{
  g_auto (GStrv) paras = first_paragraphs (plain, FALSE);

  return find_own_headline (paras, g_strv_length (paras), subject, label) >= 0;
}

/* @text (consumed) from its paragraph after the first @count, which
 * first_paragraphs() found. */
static char *
after_paragraphs (char *text,
                  int   count)
{
  const char *rest = text + strspn (text, " \t\r\n");
  char       *after;

  for (int i = 0; i < count; i++)
    rest = strstr (rest, "\n\n") + 2;
  after = g_strdup (rest + strspn (rest, "\n"));
  g_free (text);
  return after;
}

/**
 * _cd_import_take_subject_codes:
 * @text: (transfer full): a message's plain text
 * @subject: the message's subject
 * @label: as for _cd_import_take_own_headline()
 * @notes: where the codes go
 *
 * The agency's codes and labels its subject sets before the headline,
 * written again over the text's own headline ("BSS-67" and "CORRECTED
 * REPEAT" over "Padma rail link …"), go to @notes.
 *
 * Returns: (transfer full): the text from its headline, or @text as it was
 */
char *
_cd_import_take_subject_codes (char       *text,
                               const char *subject,
                               gboolean    label,
                               GString    *notes)
{
  g_auto (GStrv) paras = first_paragraphs (text, FALSE);
  int h = find_own_headline (paras, g_strv_length (paras), subject, label);

  g_assert (text != NULL && subject != NULL && notes != NULL);

  if (h <= 0 || !is_subject_code (paras[0], subject))
    return text;
  for (int i = 0; i < h; i++)
    _cd_import_add_note (notes, paras[i]);
  return after_paragraphs (text, h);
}

/**
 * _cd_import_take_own_headline:
 * @article: the article the headline goes to
 * @markdown: (transfer full): a message's text, in Markdown
 * @subject: the message's subject
 * @notes: where the subject and a kicker go
 *
 * A message whose text opens with its own headline, which tells the
 * story its subject names ("Leaked prisons report" over "Leaked report
 * finds 40% of prisons unsafe"): the headline is the text's, the subject
 * goes to @notes.
 *
 * Returns: (transfer full): the text under the headline, or @markdown as
 *   it was
 */
char *
_cd_import_take_own_headline (CdArticle  *article,
                              char       *markdown,
                              const char *subject,
                              gboolean    label,
                              GString    *notes)
{
  g_auto (GStrv) paras = first_paragraphs (markdown, TRUE);
  int h = find_own_headline (paras, g_strv_length (paras), subject, label);

  g_assert (CD_IS_ARTICLE (article) && subject != NULL && notes != NULL);

  g_autoptr (GString) pictures = g_string_new (NULL);
  g_auto (GStrv) raw = NULL;
  char *rest;

  if (h < 0)
    return markdown;
  _cd_import_add_note (notes, subject);
  /* What stood over the headline goes to the note, but for the pictures,
   * which stay over the story. */
  raw = g_strsplit (markdown + strspn (markdown, " \t\r\n"), "\n\n", h + 1);
  for (int i = 0; i < h; i++)
    if (*paras[i] == '\0' && raw[i] != NULL)
      g_string_append_printf (pictures, "%s\n\n", g_strstrip (raw[i]));
    else
      _cd_import_add_note (notes, paras[i]);
  cd_article_set_headline (article, paras[h]);
  rest = after_paragraphs (markdown, h + 1);
  if (pictures->len == 0)
    return rest;
  g_string_append (pictures, rest);
  g_free (rest);
  return g_string_free (g_steal_pointer (&pictures), FALSE);
}

/**
 * _cd_import_take_desk_notes:
 * @text: (transfer full): a message's text, plain or Markdown
 * @notes: where they go
 *
 * A reporter's notes to the desk at the head of the copy ("LEGAL WARNING:
 * …", "NOTE TO DESK: …", "Pix: … use pic 3"), paragraphs of their own:
 * for the desk, not the readers.
 *
 * Returns: (transfer full): @text without them
 */
char *
_cd_import_take_desk_notes (char    *text,
                            GString *notes)
{
  const char *rest = text + strspn (text, " \t\r\n");
  char       *out;

  g_assert (text != NULL && notes != NULL);

  for (;;)
    {
      const char      *end = strstr (rest, "\n\n");
      g_autofree char *para = g_strndup (rest, end != NULL ? (gsize) (end - rest) : strlen (rest));
      g_autofree char *plain = cd_render_plain_text (para, -1);

      g_autofree char *first = NULL;

      /* Its first line alone too, past the stars or rules around it
       * ("*** LEGAL WARNING ***" over the warning); a note wrapped over
       * lines, as plain text mail is, is one line. */
      g_strstrip (plain);
      first = g_strndup (plain, strcspn (plain, "\n"));
      g_strdelimit (plain, "\n", ' ');
      g_strstrip (g_strdelimit (first, "*#=_~!", ' '));
      if (end == NULL || !(g_regex_match (_cd_import_wire_regex (RE_DESK_NOTE), plain, 0, NULL) ||
                           g_regex_match (_cd_import_wire_regex (RE_DESK_NOTE), first, 0, NULL)))
        break;
      _cd_import_add_note (notes, plain);
      rest = end + 2 + strspn (end + 2, "\n");
    }
  if (rest == text)
    return text;
  out = g_strdup (rest);
  g_free (text);
  return out;
}

/* @text (consumed) without its first paragraph where that repeats
 * @subject: the headline a sender wrote again over the story (then
 * @dropped is set, when given). */
char *
_cd_import_drop_repeated_subject (char       *text,
                                  const char *subject,
                                  gboolean   *dropped)
{
  const char      *start = text + strspn (text, " \t\r\n");
  const char      *end = strstr (start, "\n\n");
  g_autofree char *first = g_strndup (start, end != NULL ? (gsize) (end - start) : strlen (start));
  g_autofree char *a = folded_words (first);
  g_autofree char *b = folded_words (subject);
  char            *rest;

  if (end == NULL || *b == '\0' || strcmp (a, b) != 0)
    return text;
  rest = g_strdup (end + 2 + strspn (end + 2, "\n"));
  g_free (text);
  if (dropped != NULL)
    *dropped = TRUE;
  return rest;
}

/* @story (consumed) without the subject written again over it
 * (_cd_import_drop_repeated_subject(), setting @repeated), under a kicker
 * too ("ANSA - Servizio Economia" over "# Manovra, via libera …"), which
 * goes to @notes; a heading right under it that reads as a sentence
 * ("## Giorgetti: conti in ordine, deficit sotto il 3% nel 2028") is
 * @article's standfirst. */
char *
_cd_import_drop_repeated_head (CdArticle  *article,
                               char       *story,
                               const char *subject,
                               GString    *notes,
                               gboolean   *repeated)
{
  const char *start, *end;

  story = _cd_import_drop_repeated_subject (story, subject, repeated);
  start = story + strspn (story, " \t\r\n");
  end = strstr (start, "\n\n");
  if (!*repeated && end != NULL && *start != '#' && memchr (start, '\n', end - start) == NULL &&
      cd_count_words (start) > 0 && strchr (".!?:;,", end[-1]) == NULL)
    {
      g_autofree char *kicker = g_strndup (start, end - start);
      char            *rest = g_strdup (end + 2);

      if (cd_count_words (kicker) <= 6 &&
          (rest = _cd_import_drop_repeated_subject (rest, subject, repeated)) != NULL && *repeated)
        {
          _cd_import_add_note (notes, kicker);
          g_free (story);
          story = rest;
        }
      else
        g_free (rest);
    }
  start = story + strspn (story, " \t\r\n");
  end = strstr (start, "\n\n");
  if (*repeated && end != NULL && g_str_has_prefix (start, "## ") && memchr (start, '\n', end - start) == NULL &&
      cd_text_is_blank (cd_article_get_dek (article)))
    {
      g_autofree char *heading = g_strndup (start + 3, end - start - 3);
      g_autofree char *plain = cd_render_plain_text (heading, -1);

      if (cd_count_words (g_strstrip (plain)) >= 5)
        {
          char *rest = g_strdup (end + 2);

          cd_article_set_dek (article, plain);
          g_free (story);
          story = rest;
        }
    }
  return story;
}

/* The agency whose service sent the message, by the sender's name: "AFP
 * Alertes Sport", "ANSA Servizi", "APA-Auslieferung", "BSS English Desk";
 * %NULL where the name begins with no agency's. */
char *
_cd_import_agency_of_sender (const char *sender)
{
  g_auto (GStrv) words = g_regex_split_simple ("[\\s-]+", sender, 0, 0);

  if (words[0] == NULL || words[1] == NULL)
    return NULL;
  /* An acronym before a desk's or a service's words: "BSS English Desk",
   * "ENA Daily". */
  if (_cd_import_is_agency_name (words[0]) ||
      (g_regex_match_simple ("^\\p{Lu}{2,6}$", words[0], 0, 0) &&
       g_regex_match_simple ("^\\S+(?:\\s+(?:english|french|arabic|spanish|international|world|national|economic|business|"
                             "sports?|news|newsroom|desk|daily|service|services|alerts?|wire|feed|bulletin|newsletter|"
                             "digest|updates))+$",
                             sender, G_REGEX_CASELESS, 0)))
    return g_strdup (words[0]);
  return NULL;
}

/* A mailing list's sender is its publication, @article's source: the
 * name before the list's own ("Diario Turia · La Mañana"). */
void
_cd_import_set_list_source (CdArticle  *article,
                            const char *sender)
{
  g_auto (GStrv) names = g_regex_split_simple ("\\s+[·|]\\s+", sender, 0, 0);
  g_auto (GStrv) writer = NULL;

  g_assert (CD_IS_ARTICLE (article) && sender != NULL);

  if (names[0] == NULL || *names[0] == '\0')
    return;
  /* A writer's own publication: "Ellen Park from The Water Table". */
  writer = g_regex_split_simple ("\\s+from\\s+", names[0], 0, 0);
  if (g_strv_length (writer) == 2 && _cd_import_is_name_line (writer[0]) && *writer[1] != '\0')
    {
      if (cd_text_is_blank (cd_article_get_byline (article)))
        cd_article_set_byline (article, writer[0]);
      cd_article_set_source (article, writer[1]);
      return;
    }
  cd_article_set_source (article, names[0]);
}

/* Whether the message is a press office's, whose sender is no author
 * to byline: the sender's name is an organisation's or a press office's
 * ("Northshire Police Press Office", "Service presse Ville de
 * Bordeaux"), or the message is a release (its embargo, its line to the
 * desk or its notes to editors, in @notes, the article's note or the
 * story). */
gboolean
_cd_import_is_press_office (const char *sender,
                            CdArticle  *article,
                            const char *notes)
{
  static GRegex   *office, *release;
  const char      *body = cd_article_get_body (article);
  const char      *ednote = cd_article_get_ednote (article);
  g_autofree char *opening = g_strndup (body != NULL ? body : "", 600);

  if (g_once_init_enter (&office))
    g_once_init_leave (&office, g_regex_new ("\\b(?:press|media|communications|comms|pr|newsroom|presse|prensa|"
                                             "pressestelle|stampa|ufficio|service|team|communicatie|voorlichting|kommunikation|comunicaci[oó]n|"
                                             "comunicazione|komunikacji|promocji|rzecznik|basın|halkla)\\b",
                                             G_REGEX_CASELESS, 0, NULL));
  if (g_once_init_enter (&release))
    g_once_init_leave (&release, g_regex_new ("\\b(?:for\\s+immediate\\s+release|(?:press|media|news)\\s+release|"
                                              "communiqu[ée]\\s+de\\s+presse|pressemitteilung|nota\\s+de\\s+prensa|"
                                              "comunicato\\s+stampa|notes?\\s+to\\s+editors|embargoed\\s+(?:until|till|to)\\b)",
                                              G_REGEX_CASELESS, 0, NULL));
  return _cd_import_is_sender_name (sender) || g_regex_match (office, sender, 0, NULL) ||
         cd_article_get_embargo (article) != NULL || g_regex_match (release, notes, 0, NULL) ||
         (ednote != NULL && g_regex_match (release, ednote, 0, NULL)) || g_regex_match (release, opening, 0, NULL);
}
