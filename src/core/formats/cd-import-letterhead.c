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
#include "cd-text.h"
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

/* What a sender's address holds: an email or web address, a phone
 * number, a street with its number, a post box; a postcode, in the
 * letters' case (a British, an American state's, a European one before
 * the town). */
static const char address_pattern[] =
    "[^\\s@]+@[^\\s@]+\\.[a-z]{2,}|\\bwww\\.\\S+|https?://|(?:\\d[\\d ()./-]{7,}\\d)|"
    "\\b\\d+[a-z]?,?\\s+(?:[\\w'.-]+\\s+){1,4}(?:street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|drive|dr|way|"
    "place|pl|square|sq|court|ct|parkway|pkwy|highway|hwy|terrace|row|crescent|close|quay|wharf)\\b|"
    ",\\s*(?:[\\w'.-]+\\s+){0,2}(?:street|road|avenue|lane|square|place|quay|wharf)\\b|"
    "\\b(?:stra(?:ß|ss)e|str\\.|platz|weg|allee|gasse|damm|ring)\\s*\\d+|"
    "\\b\\d+,?\\s+(?:rue|avenue|boulevard|bd|place|quai|all(?:é|e)e)\\b|\\b(?:calle|avenida|via|piazza|corso)\\s+[\\w' ]+,?\\s*\\d+|"
    "\\bp\\.?\\s?o\\.?\\s+box\\s+\\d+|\\bpostfach\\s+\\d+|\\bbo(?:î|i)te\\s+postale\\b";
static const char postcode_pattern[] =
    "\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}\\b|\\b[A-Z]{2},?\\s+\\d{5}(?:-\\d{4})?\\b|"
    "(?:^|[,·|•]\\s*|\\s)(?:[A-Z]{1,2}-)?\\d{4,5}\\s+\\p{Lu}\\p{Ll}";

/* A date set on a line of its own, as a release dates itself ("3 March
 * 2026", "Tuesday, March 3, 2026", "Paris, le 3 mars 2026",
 * "03.03.2026"). */
static const char date_pattern[] =
    "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)?,?\\s*"
    "(?:\\d{1,2}(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?\\p{L}+\\.?,?\\s+(?:de\\s+)?(?:19|20)\\d{2}|"
    "\\p{L}+\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}|\\d{1,2}[./]\\d{1,2}[./](?:19|20)?\\d{2}|"
    "(?:19|20)\\d{2}-\\d{2}-\\d{2})";

/* A time of day beside such a date, with its zone ("08:00 AM Eastern
 * Standard Time", "10:00 GMT", "um 9 Uhr"): a release's time of
 * sending. */
static const char time_pattern[] =
    "\\s*(?:at\\s+|um\\s+|à\\s+|,\\s*)?(?:\\b\\d{1,2}(?::\\d{2})?\\s*(?:a\\.?m\\b\\.?|p\\.?m\\b\\.?|uhr\\b)|"
    "\\b\\d{1,2}[:h]\\d{2}\\b(?:\\s*uhr\\b)?)(?:\\s+\\(?(?:(?:eastern|central|mountain|pacific|atlantic)\\s+(?:standard|daylight)\\s+time|"
    "british\\s+summer\\s+time|greenwich\\s+mean\\s+time|central\\s+european(?:\\s+summer)?\\s+time|"
    "gmt|bst|utc|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|mez|mesz)\\b\\)?)?";

static const char *const months[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
  "december", "januar", "februar", "märz", "maerz", "mai", "juni", "juli", "oktober", "dezember", "janvier",
  "février", "fevrier", "mars", "avril", "juin", "juillet", "août", "aout", "septembre", "octobre",
  "novembre", "décembre", "decembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
  "agosto", "septiembre", "octubre", "noviembre", "diciembre", "gennaio", "febbraio", "aprile", "maggio",
  "giugno", "luglio", "settembre", "ottobre", "dicembre", "januari", "februari", "maart", "mei", "augustus",
  "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
  "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
  "października", "listopada", "grudnia",
  NULL
};

enum
{
  LH_CONTACT,
  LH_CONTACT_DATA,
  LH_ADDRESS,
  LH_POSTCODE,
  LH_DATE,
  LH_TIME,
  LH_N_REGEXES
};

static GRegex *
regex (guint which)
{
  static const char *const patterns[LH_N_REGEXES] = { contact_pattern, contact_data_pattern, address_pattern,
                                                      postcode_pattern, date_pattern, time_pattern };
  static GRegex           *regexes[LH_N_REGEXES];

  if (g_once_init_enter (&regexes[which]))
    g_once_init_leave (&regexes[which],
                       g_regex_new (patterns[which],
                                    (which == LH_POSTCODE ? 0 : G_REGEX_CASELESS) | G_REGEX_OPTIMIZE, 0, NULL));
  return regexes[which];
}

/* Whether @line is a "By" line (_cd_import_byline_of_line()). */
gboolean
_cd_import_is_byline (const char *line)
{
  g_autofree char *byline = _cd_import_byline_of_line (line);

  return byline != NULL;
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
      if (!g_regex_match (regex (LH_CONTACT_DATA), line, 0, NULL))
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* Whether @text is a date and little more: a weekday, a town, "Date:", a
 * time of day; not an embargo's. */
static gboolean
is_date_line (const char *text)
{
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *line = g_regex_replace (regex (LH_TIME), text, -1, 0, " ", 0, NULL);
  g_autofree char *date = NULL;
  g_autofree char *before = NULL;
  g_autofree char *rest = NULL;
  g_auto (GStrv) words = NULL;
  int      start, end;
  gboolean named = FALSE;

  if (line == NULL || cd_count_words (line) > 8 || _cd_import_is_release_line (text) || !g_regex_match (regex (LH_DATE), line, 0, &info) ||
      !g_match_info_fetch_pos (info, 0, &start, &end))
    return FALSE;
  /* A month by its name, or in figures. */
  date = g_utf8_strdown (line + start, end - start);
  words = g_regex_split_simple ("[^\\p{L}]+", date, 0, 0);
  for (guint i = 0; words[i] != NULL && !named; i++)
    named = *words[i] != '\0' && _cd_import_word_in (words[i], months);
  if (!named && !g_regex_match_simple ("\\d[./-]\\d", date, 0, 0))
    return FALSE;
  /* Around it, two words at the most: a capital's, or a particle (Polish
   * "r.", the year's). */
  before = g_strndup (line, start);
  rest = g_strconcat (before, " ", line + end, NULL);
  return cd_count_words (rest) <= 2 &&
         !g_regex_match_simple ("\\b(?!le\\b|den\\b|am\\b|de\\b|el\\b|il\\b|the\\b|r\\b)\\p{Ll}", rest, 0, 0);
}

/* Whether @item gives its sender's details: contact data, an address, a
 * date of its own. */
static gboolean
is_sender_detail (const char *item)
{
  return is_contact_data (item) || g_regex_match (regex (LH_ADDRESS), item, 0, NULL) ||
         g_regex_match (regex (LH_POSTCODE), item, 0, NULL) || is_date_line (item);
}

/* Whether @item is short and reads as a name or a post ("Jane Doe",
 * "Head of Communications"). */
static gboolean
is_short_line (const char *item,
               guint       words)
{
  gsize n = strlen (item);

  return n > 0 && strchr (item, '\n') == NULL && cd_count_words (item) <= words &&
         strchr (".;!?", item[n - 1]) == NULL;
}

/* A contact block or a sender's block has at most this many lines. */
#define BLOCK_MAX_LINES 10

/**
 * _cd_import_sender_length:
 * @lines: the lines (or paragraphs) from where the block may start
 * @n: how many there are
 * @under_release: whether a line to the desk stands above them
 *
 * A contact block above a story: a line that names it ("Contact:",
 * "Media contact: Jane Doe", "For more information", "Pressekontakt"),
 * then lines of phone numbers, email and web addresses, and the short
 * lines among them (a name, a post) that such a line follows within two.
 * Under a press release's line to the desk (@under_release), also its
 * sender's block: short lines (the name, the address) down to the last
 * that gives a detail (an address, a phone number, a date).
 *
 * Returns: how many of @lines, from the first, are the block; 0 for none
 */
guint
_cd_import_sender_length (const char *const *lines,
                          guint              n,
                          gboolean           under_release)
{
  guint length = 0;

  g_assert (lines != NULL || n == 0);

  if (n > 0 && g_regex_match (regex (LH_CONTACT), lines[0], 0, NULL))
    for (length = 1; length < n && length < BLOCK_MAX_LINES;)
      {
        if (is_contact_data (lines[length]) || is_sender_detail (lines[length]))
          length++;
        else if (is_short_line (lines[length], 6) &&
                 ((length + 1 < n && is_contact_data (lines[length + 1])) ||
                  (length + 2 < n && is_short_line (lines[length + 1], 6) && is_contact_data (lines[length + 2]))))
          length++;
        else
          break;
      }
  if (under_release)
    for (guint i = length; i < n && i < BLOCK_MAX_LINES && is_short_line (lines[i], 12); i++)
      if (is_sender_detail (lines[i]) || g_regex_match (regex (LH_CONTACT), lines[i], 0, NULL))
        length = i + 1;
  return length;
}

/* A letterhead has at most this many lines, each of at most this many
 * words; a headline too. */
#define LETTERHEAD_MAX_LINES 10
#define LETTERHEAD_MAX_WORDS 25

/* Words that end an organisation's name ("Leeds City Council"), or one
 * set in capitals: a letterhead of one or two lines is the sender's only
 * then. */
gboolean
_cd_import_is_sender_name (const char *line)
{
  static const char *const kinds[] = {
    "council", "society", "trust", "ltd", "limited", "plc", "inc", "llc",
    "gmbh", "ag", "sa", "university", "college", "school", "ministry", "department",
    "agency", "association", "foundation", "institute", "office", "police", "service", "authority",
    "group", "company", "corporation", "commission", "federation", "union", "board", "partnership",
    "club", "museum", "zoo", "hospital", "bank", "government", "district", "centre",
    "center", "charity", "fund", "party", "network", "alliance", "trust", "energy",
    "airport", "port", "police", "nhs", "ev", "e.v", "verband", "stiftung",
    "ministerium", "stadt", "gemeinde", "kreis", "amt", "ville", "mairie", "région",
    NULL
  };
  g_auto (GStrv) words = g_regex_split_simple ("[^\\p{L}.]+", line, 0, 0);
  guint    last = g_strv_length (words);
  gboolean capitals = TRUE, letters = FALSE, upper = FALSE;

  while (last > 0 && *words[last - 1] == '\0')
    last--;
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      letters = letters || g_unichar_isalpha (c);
      upper = upper || g_unichar_isupper (c);
      capitals = capitals && !g_unichar_islower (c);
    }
  /* In capitals: a script without them ("函館市、…") is not. */
  if (letters && capitals && upper)
    return TRUE;
  if (last == 0)
    return FALSE;
  {
    g_autofree char *word = g_utf8_strdown (words[last - 1], -1);
    gsize            length = strlen (word);

    while (length > 0 && word[length - 1] == '.')
      word[--length] = '\0';
    return _cd_import_word_in (word, kinds);
  }
}

/* Whether @line is a short name with a capital to each word but the
 * small ones ("Transport for London", "Comune di Bologna", "NHS
 * England"). */
static gboolean
is_title_case_name (const char *line)
{
  static const char *const small[] = { "for", "of", "the", "and", "de", "di", "du", "des", "la", "le",
                                       "van", "von", "der", "für", "und", "del", "y", "e", "et", "à",
                                       "am", "an", "zu", "in", "on", "at", "&", NULL };
  g_auto (GStrv) words = g_strsplit_set (line, " \t", -1);
  guint count = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      const char *word = words[i] + strspn (words[i], "(\"'");

      if (++count > 5 || (!g_unichar_isupper (g_utf8_get_char (word)) && !_cd_import_word_in (word, small)))
        return FALSE;
    }
  return count > 0 && strchr (".,;:!?", line[strlen (line) - 1]) == NULL;
}

/* Whether @line, under a press release's line, reads as its headline:
 * short, not ending as a sentence does, no "By" line, not the first line
 * of a paragraph that goes on (@wrapped). */
static gboolean
reads_as_headline (const CdImportHeadLine *line)
{
  gsize n = strlen (line->text);

  return n > 0 && !line->wrapped && cd_count_words (line->text) <= LETTERHEAD_MAX_WORDS &&
         strchr (".,;:", line->text[n - 1]) == NULL && !_cd_import_is_byline (line->text);
}

/**
 * _cd_import_find_release_head:
 * @lines: the story's first lines (or paragraphs), none empty
 * @n: how many there are
 * @headline_below: whether the headline was found under them already
 * @head: (out): where the letterhead ends and the headline stands
 *
 * A press release's head: the sender's letterhead (name, address, phone,
 * a contact block, a date) in short lines above its line to the desk
 * ("NEWS RELEASE", "EMBARGOED UNTIL …"), then the headline under that
 * line and under the sender's block that may stand there
 * (_cd_import_sender_length()). Lines above it are a letterhead only
 * where they say so: a detail of the sender's, three lines or more, or a
 * name among them that ends as an organisation's ("Leeds City Council")
 * or is in capitals, then no stronger than the headline, and one line
 * alone no longer: a story's headline and strap above an embargo stay. A
 * "By" line above is a story's.
 *
 * Returns: whether @lines begin with such a head (with no letterhead
 *   when they begin with the line)
 */
gboolean
_cd_import_find_release_head (const CdImportHeadLine *lines,
                              guint                   n,
                              gboolean                headline_below,
                              CdImportReleaseHead    *head)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  guint    release = G_MAXUINT, above = 0, words = 0;
  gboolean strong_above = FALSE, evidence = FALSE, named = FALSE, titled = TRUE, labelled = FALSE;

  g_assert (lines != NULL || n == 0);
  g_assert (head != NULL);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (texts, (gpointer) lines[i].text);
  for (guint i = 0, block; i < n; i++)
    {
      const CdImportHeadLine *line = &lines[i];

      if (_cd_import_is_release_line (line->text))
        {
          if (release == G_MAXUINT)
            {
              release = i;
              labelled = _cd_import_is_release_label (line->text);
            }
          continue;
        }
      /* A contact block above the line, or the sender's under it. */
      if ((block = _cd_import_sender_length ((const char *const *) texts->pdata + i, n - i,
                                             release != G_MAXUINT)) > 0)
        {
          evidence = TRUE;
          i += block - 1;
          continue;
        }
      if (release != G_MAXUINT)
        {
          if (headline_below)
            break;
          /* Under a kicker. */
          if (i + 1 < n && _cd_import_is_kicker (line->text, lines[i + 1].text))
            line = &lines[++i];
          /* With nothing above the line, only a headline that looks one. */
          if (!reads_as_headline (line) || (release == 0 && !line->strong))
            return FALSE;
          /* A name in capitals to its words is the sender's under a
           * headline longer than it. */
          named = named || (titled && cd_count_words (line->text) >= words + 2);
          /* One line over a line that only says what the text is ("PRESS
           * RELEASE", not an embargo) is the sender's under a longer
           * headline: a story's headline stands over no such line. */
          named = named || (labelled && above == 1 && cd_count_words (line->text) > words);
          if (above > 0 && !evidence && above < 3 &&
              (!named || (strong_above && !line->strong) || (above == 1 && words > cd_count_words (line->text))))
            return FALSE;
          head->letterhead = release;
          head->headline = i;
          return TRUE;
        }
      words = cd_count_words (line->text);
      if (++above > LETTERHEAD_MAX_LINES || words > LETTERHEAD_MAX_WORDS || _cd_import_is_byline (line->text))
        return FALSE;
      strong_above = strong_above || line->strong;
      evidence = evidence || is_sender_detail (line->text);
      named = named || _cd_import_is_sender_name (line->text);
      titled = titled && is_title_case_name (line->text);
    }
  if (!headline_below || release == G_MAXUINT)
    return FALSE;
  head->letterhead = release;
  head->headline = n;
  return TRUE;
}

/* The lines of @markdown's first paragraphs (at most 16), their plain
 * text (held in @texts), cut at their line breaks; in @para, the
 * paragraph of each. */
static GArray *
markdown_head_lines (char     **paras,
                     guint      n,
                     GPtrArray *texts,
                     GArray    *para)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (CdImportHeadLine));

  for (guint i = 0; i < n && lines->len < 16; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (paras[i]));
      g_autofree char *plain = NULL;
      g_auto (GStrv) cut = NULL;
      gboolean bold = *stripped == '#' || (g_str_has_prefix (stripped, "**") && g_str_has_suffix (stripped, "**"));

      /* A table, a picture or code ends the head. */
      if (*stripped != '\0' && strchr ("|!`", *stripped) != NULL)
        break;
      plain = cd_render_plain_text (stripped, -1);
      cut = g_strsplit (g_strstrip (plain), "\n", -1);
      for (guint k = 0; cut[k] != NULL; k++)
        {
          CdImportHeadLine line = { g_strstrip (cut[k]), bold, FALSE };

          if (*line.text == '\0')
            continue;
          g_ptr_array_add (texts, g_strdup (line.text));
          line.text = g_ptr_array_index (texts, texts->len - 1);
          g_array_append_val (lines, line);
          g_array_append_val (para, i);
        }
    }
  return lines;
}

/**
 * _cd_import_take_release_head:
 * @article: the article the headline and an embargo go to
 * @markdown: (transfer full): a message's text, in Markdown
 * @subject: the message's subject, or %NULL
 * @notes: where the rest goes
 *
 * A press release sent as a message: its sender's letterhead and its line
 * to the desk ("NEWS RELEASE", an embargo), then its own headline
 * (_cd_import_find_release_head()). The subject, the letterhead, the
 * lines and the sender's block go to @notes, and the headline to
 * @article.
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
  g_autoptr (GArray) para = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) lines = NULL;
  CdImportReleaseHead head;
  guint               n = g_strv_length (paras), at;
  char               *body;

  g_assert (CD_IS_ARTICLE (article) && markdown != NULL && notes != NULL);

  /* The last part holds the rest of the message. */
  lines = markdown_head_lines (paras, n > 0 ? n - 1 : 0, texts, para);
  if (!_cd_import_find_release_head ((const CdImportHeadLine *) lines->data, lines->len, FALSE, &head))
    return markdown;
  if (subject != NULL && *subject != '\0')
    _cd_import_add_note (notes, subject);
  for (guint i = 0; i < head.headline; i++)
    {
      const char *text = g_array_index (lines, CdImportHeadLine, i).text;

      if (i < head.letterhead || !_cd_import_take_release_line (article, text, notes))
        _cd_import_add_note (notes, text);
    }
  cd_article_set_headline (article, g_array_index (lines, CdImportHeadLine, head.headline).text);
  /* The story goes on with the headline's paragraph's other lines, then
   * the paragraphs under it. */
  at = g_array_index (para, guint, head.headline);
  if (head.headline + 1 < lines->len && g_array_index (para, guint, head.headline + 1) == at)
    {
      g_autoptr (GString) rest = g_string_new (NULL);

      for (guint i = head.headline + 1; i < lines->len && g_array_index (para, guint, i) == at; i++)
        g_string_append_printf (rest, "%s%s", rest->len > 0 ? "\\\n" : "",
                                g_array_index (lines, CdImportHeadLine, i).text);
      g_free (paras[at]);
      paras[at] = g_string_free (g_steal_pointer (&rest), FALSE);
      at--;
    }
  body = g_strjoinv ("\n\n", paras + at + 1);
  g_free (markdown);
  return body;
}

/* Takes a press release's letterhead in wire copy's @blocks (CdWireBlock),
 * its sender's name and address above its line to the desk, into @notes
 * (_cd_import_find_release_head()), a line each; an agency's name alone
 * there ("STT" over "JULKAISUVAPAA …") is @article's source where it has
 * none. */
void
_cd_import_take_wire_letterhead (CdArticle *article,
                                 GPtrArray *blocks,
                                 GString   *notes)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (CdImportHeadLine));
  CdImportReleaseHead head;
  guint               length;

  for (guint i = 0; i < blocks->len && lines->len < 16; i++)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, i);

      for (guint j = 0; j < b->lines->len && lines->len < 16; j++)
        {
          const char      *next = j + 1 < b->lines->len ? g_ptr_array_index (b->lines, j + 1) : NULL;
          CdImportHeadLine line = { g_ptr_array_index (b->lines, j), FALSE,
                                    next != NULL && g_unichar_islower (g_utf8_get_char (next)) };

          g_array_append_val (lines, line);
        }
    }
  if (!_cd_import_find_release_head ((const CdImportHeadLine *) lines->data, lines->len, FALSE, &head))
    return;
  for (length = head.letterhead; length > 0;)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, 0);

      for (; length > 0 && b->lines->len > 0; length--)
        {
          const char *line = g_ptr_array_index (b->lines, 0);

          if (cd_text_is_blank (cd_article_get_source (article)) && _cd_import_is_agency_name (line))
            cd_article_set_source (article, line);
          _cd_import_add_note (notes, line);
          g_ptr_array_remove_index (b->lines, 0);
        }
      if (b->lines->len == 0)
        g_ptr_array_remove_index (blocks, 0);
    }
}

/**
 * _cd_import_is_kicker:
 * @line: a line above the headline, or the headline
 * @next: the line under it, or %NULL
 *
 * A kicker over a headline: a few words in capitals ("FIRE SAFETY WEEK",
 * "ELECTION 2026"), or the date and time a release was sent ("March 03,
 * 2026 08:00 AM Eastern Standard Time"), over a line that reads as the
 * headline, in small letters; a section's label in lenticular brackets
 * ("【今日のトップニュース】"). Not the headline: it goes to the note.
 *
 * Returns: whether @line is one
 */
gboolean
_cd_import_is_kicker (const char *line,
                      const char *next)
{
  CdImportHeadLine under = { next, FALSE, FALSE };
  gsize            n = strlen (line);

  g_assert (line != NULL);

  /* A section's label in brackets alone: "【今日のトップニュース】". */
  if (next != NULL && g_regex_match_simple ("^(?:【[^】]{1,20}】|［[^］]{1,20}］)$", line, 0, 0))
    return TRUE;
  return next != NULL && n > 0 && !_cd_import_is_release_line (line) &&
         cd_text_has_char (next, g_unichar_islower) && reads_as_headline (&under) &&
         ((cd_count_words (line) <= 4 && strchr (".,;:!?", line[n - 1]) == NULL &&
           cd_text_has_char (line, g_unichar_isupper) && !cd_text_has_char (line, g_unichar_islower)) ||
          is_date_line (line));
}

/* Takes a kicker over the headline of wire copy's @blocks (CdWireBlock)
 * into @notes (_cd_import_is_kicker()), or PA's catchline, its subject in
 * capitals and a keyword ("POLITICS Housing", "SOCCER Results"), over a
 * headline of three words or more. */
void
_cd_import_take_wire_kicker (GPtrArray *blocks,
                             GString   *notes)
{
  CdWireBlock *first = blocks->len > 0 ? g_ptr_array_index (blocks, 0) : NULL;
  CdWireBlock *second = blocks->len > 1 ? g_ptr_array_index (blocks, 1) : NULL;
  const char  *next;

  if (first == NULL || first->lines->len == 0)
    return;
  next = first->lines->len > 1                      ? g_ptr_array_index (first->lines, 1)
         : second != NULL && second->lines->len > 0 ? g_ptr_array_index (second->lines, 0)
                                                    : NULL;
  if (!_cd_import_is_kicker (g_ptr_array_index (first->lines, 0), next) &&
      !(next != NULL && reads_as_headline (&(CdImportHeadLine){ next, FALSE, FALSE }) &&
        cd_count_words (next) >= 3 &&
        g_regex_match_simple (PA_CATCHLINE, g_ptr_array_index (first->lines, 0), 0, 0)))
    return;
  _cd_import_add_note (notes, g_ptr_array_index (first->lines, 0));
  g_ptr_array_remove_index (first->lines, 0);
  if (first->lines->len == 0)
    g_ptr_array_remove_index (blocks, 0);
}
