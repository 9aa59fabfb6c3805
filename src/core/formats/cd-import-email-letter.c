/* cd-import-email-letter.c: the letter around a story emailed in its
 * text: the greeting and covering lines above it ("Hi desk, here's the
 * council story"), the closing under it ("Best regards, Anna") and the
 * signature under that, which are the sender's words to the desk, not the
 * story's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"
#include "cd-render.h"
#include "cd-words.h"

/* Cuts the signature off @text: from a line that is "-- " (or "--"),
 * the mark mail programs set above it. */
void
_cd_import_cut_signature (char *text)
{
  g_assert (text != NULL);

  for (char *line = text; line != NULL && *line != '\0';)
    {
      char *eol = strchr (line, '\n');
      gsize n = eol != NULL ? (gsize) (eol - line) : strlen (line);

      if (n > 0 && line[n - 1] == '\r')
        n--;
      if ((n == 3 && strncmp (line, "-- ", 3) == 0) || (n == 2 && strncmp (line, "--", 2) == 0) ||
          (n == 3 && strncmp (line, "\\--", 3) == 0) || (n == 4 && strncmp (line, "\\--\\", 4) == 0))
        {
          *line = '\0';
          return;
        }
      line = eol != NULL ? eol + 1 : NULL;
    }
}

/* Whether @text matches @pattern, caseless, compiled once into @regex. */
static gboolean
matches (GRegex    **regex,
         const char *pattern,
         const char *text)
{
  if (g_once_init_enter (regex))
    g_once_init_leave (regex, g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (*regex, text, 0, NULL);
}

/* The line a phone's or a mail program's own signature is: "Sent from my
 * iPhone", "Von meinem iPhone gesendet", "Get Outlook for Android". */
static gboolean
is_sent_from (const char *line,
              gsize       length)
{
  static GRegex   *regex;
  g_autofree char *text = g_strndup (line, length);

  return length <= 80 &&
         matches (&regex,
                  "^(?:sent\\s+(?:from|with|via)\\s+\\S.*|get\\s+outlook\\s+for\\s+\\S+|"
                  "von\\s+meinem\\s+\\S.*\\s+gesendet|gesendet\\s+(?:von|mit)\\s+\\S.*|"
                  "envoy[ée]\\s+(?:de|depuis)\\s+\\S.*|enviado\\s+desde\\s+\\S.*|inviato\\s+da\\s+\\S.*|"
                  "verzonden\\s+(?:vanaf|met)\\s+\\S.*|skickat\\s+fr[åa]n\\s+\\S.*)$",
                  text);
}

/* Whether the line @line (@length bytes) closes a message: the sender's
 * name or first name, a greeting ("Thanks,", "Best regards", "Viele
 * Grüße"), or a phone's signature ("Sent from my iPhone"). */
static gboolean
is_closing (const char *line,
            gsize       length,
            const char *sender)
{
  static const char *const greetings[] = { "thanks", "thank you", "many thanks", "thanks again", "ta", "thx",
                                           "cheers", "best", "best regards", "regards", "kind regards",
                                           "warm regards", "best wishes", "all best", "all the best",
                                           "diolch", "grüße", "viele grüße", "beste grüße", "liebe grüße",
                                           "herzliche grüße", "schöne grüße", "mit freundlichen grüßen",
                                           "danke", "cordialement", "bien à vous", "amicalement", "merci",
                                           "bien cordialement", "saludos", "un saludo", "un abrazo",
                                           "atentamente", "gracias", "saluti", "cordiali saluti", "groeten",
                                           "met vriendelijke groet" };
  g_autofree char         *folded = NULL;
  gsize                    first = sender != NULL ? strcspn (sender, " ") : 0;

  g_assert (line != NULL);

  /* A Markdown line break too, a backslash at the end of the line: an
   * HTML message's "<br>". */
  while (length > 0 && (line[length - 1] == ',' || line[length - 1] == '.' || line[length - 1] == '!' ||
                        line[length - 1] == '\\' || g_ascii_isspace (line[length - 1])))
    length--;
  if (length == 0)
    return FALSE;
  if (sender != NULL && ((strlen (sender) == length && strncmp (line, sender, length) == 0) ||
                         (first == length && strncmp (line, sender, first) == 0)))
    return TRUE;
  if (is_sent_from (line, length))
    return TRUE;
  /* Folded both sides: "Grüße" folds to "grüsse". */
  folded = g_utf8_casefold (line, length);
  for (guint k = 0; k < G_N_ELEMENTS (greetings); k++)
    {
      g_autofree char *greeting = g_utf8_casefold (greetings[k], -1);

      if (g_str_equal (folded, greeting))
        return TRUE;
    }
  return FALSE;
}

/* Whether @line (@length bytes) opens a letter's closing: is_closing(),
 * a greeting with a name after it on the line ("Thanks, Jane", "Cheers –
 * Tom", "Best, Priya Nair"), or a signature led by the sender's name. */
static gboolean
opens_closing (const char *line,
               gsize       length,
               const char *sender)
{
  g_autofree char *text = g_strndup (line, length);
  const char      *comma = strchr (text, ',');
  const char      *dash = strstr (text, " – ") != NULL ? strstr (text, " – ") : strstr (text, " - ");
  const char      *cut = comma != NULL && (dash == NULL || comma < dash) ? comma : dash;
  g_autofree char *name = NULL;
  guint            words;

  if (is_closing (line, length, sender))
    return TRUE;
  /* A signature with no closing over it: the sender's name, then a job,
   * a paper or numbers ("Rachel Moore | Reporter | M: 07700 900 275"). */
  if (sender != NULL && g_str_has_prefix (text, sender))
    {
      const char *after = text + strlen (sender) + strspn (text + strlen (sender), " ");

      if ((*after == '\0' || *after == '|' || *after == ',' || *after == '-' || g_str_has_prefix (after, "–")) &&
          g_regex_match_simple ("\\||@|\\d[\\d ]{6,}\\d", text, 0, 0))
        return TRUE;
    }
  if (cut == NULL || !is_closing (text, cut - text, NULL))
    return FALSE;
  name = g_strstrip (g_strdup (cut + strspn (cut, ",–- ")));
  words = cd_count_words (name);
  return words >= 1 && words <= 3 && g_unichar_isupper (g_utf8_get_char (name)) && strpbrk (name, ".:;!?") == NULL;
}

/* Whether @paragraph is the disclaimer a company's mail puts under every
 * message ("This email and any attachments are confidential …", "Please
 * consider the environment before printing this email"). */
static gboolean
is_disclaimer (const char *paragraph)
{
  static GRegex   *regex;
  g_autofree char *flat = g_strdelimit (g_strdup (paragraph), "\n", ' ');

  return matches (&regex,
                  "\\b(?:this\\s+e-?mail|this\\s+message|this\\s+communication)\\b.{0,60}\\b(?:confidential|privileged|"
                  "intended\\s+(?:solely|only)?)|if\\s+you\\s+(?:have\\s+)?received\\s+this\\s+(?:e-?mail|message|"
                  "communication)\\s+in\\s+error|consider\\s+the\\s+environment\\s+before\\s+printing|"
                  "diese\\s+e-?mail\\s+.{0,120}vertraulich|ce\\s+(?:message|courriel)\\s+.{0,120}confidentiel|"
                  "este\\s+(?:mensaje|correo)\\s+.{0,120}confidencial|quest[ao]\\s+(?:e-?mail|messaggio)\\s+.{0,120}"
                  "riservat",
                  flat);
}

/* Whether @paragraph is a line or a few of a signature: a name, a job, a
 * paper, numbers, an address. */
static gboolean
is_signature_paragraph (const char *paragraph)
{
  g_auto (GStrv) lines = g_strsplit (paragraph, "\n", -1);
  guint n = g_strv_length (lines);

  if (n == 0 || n > 6)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (cd_count_words (lines[i]) > 24)
      return FALSE;
  return TRUE;
}

/* Whether @paragraph is an office's signature with no closing over it:
 * two to six short lines with no sentence among them ("Corporate
 * Communications", "Suffolk Constabulary", "Tel: 01632 960 880"), the
 * first with no number in it, one with a phone number or an address. */
static gboolean
is_office_signature (const char *paragraph)
{
  g_auto (GStrv) lines = g_strsplit (paragraph, "\n", -1);
  guint    n = g_strv_length (lines);
  gboolean contact = FALSE;

  if (n < 2 || n > 6 || strpbrk (lines[0], "0123456789@") != NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *line = g_strstrip (lines[i]);
      gsize       length = strlen (line);

      if (length == 0 || cd_count_words (line) > 8 || strchr (".;!?", line[length - 1]) != NULL)
        return FALSE;
      contact = contact || g_regex_match_simple ("\\d[\\d ]{6,}\\d|\\S@\\S+\\.\\S", line, 0, 0);
    }
  return contact;
}

/* Cuts a letter's closing with the signature under it off the end of
 * @text ("Thanks, Jane" over "Jane Smith | Senior Reporter | 07700
 * 900123"); the signature's numbers and addresses go to @notes. */
static void
cut_signed_closing (char       *text,
                    const char *sender,
                    GString    *notes)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_auto (GStrv) paragraphs = g_regex_split_simple ("\\n(?:[ \\t]*\\n)+", trimmed, 0, 0);
  g_autoptr (GString) signature = g_string_new (NULL);
  guint       count = g_strv_length (paragraphs);
  guint       closing = 0; /* the topmost closing's paragraph, 0 for none */
  guint       office = 0;  /* an office's signature's paragraph, 0 for none */
  gboolean    disclaimed = FALSE;
  const char *at = text;

  /* The company's disclaimers under it all go. */
  while (count > 1 && is_disclaimer (paragraphs[count - 1]))
    {
      g_free (paragraphs[count - 1]);
      paragraphs[--count] = NULL;
      disclaimed = TRUE;
    }
  /* Up from the end, over a signature's paragraphs: the topmost closing
   * ("Thanks, Jane" over "Jane Smith | Senior Reporter | …"). */
  for (guint k = count > 1 ? count - 1 : 0; k >= 1 && k + 4 >= count; k--)
    if (opens_closing (paragraphs[k], strcspn (paragraphs[k], "\n"), sender))
      closing = k;
    else if (k + 1 == count && is_office_signature (paragraphs[k]))
      closing = office = k;
    else if (!is_signature_paragraph (paragraphs[k]))
      break;
  if (closing == 0 && disclaimed)
    closing = count;
  if (closing == 0)
    return;
  /* The signature under the closing's line ("Thanks, Jane"), or from
   * the sender's name on where the signature has no closing. */
  for (guint i = closing; i < count; i++)
    {
      gsize            first = strcspn (paragraphs[i], "\n");
      g_autofree char *line = g_strndup (paragraphs[i], first);
      gboolean         greeting = i == closing && i != office && strpbrk (line, "0123456789@|") == NULL;
      const char      *from = paragraphs[i] + (greeting ? first : 0);
      g_autofree char *flat = g_strstrip (g_strdelimit (g_strdup (from), "\n", ' '));

      if (*flat != '\0')
        g_string_append_printf (signature, "%s%s", signature->len > 0 ? " " : "", flat);
    }
  if (strpbrk (signature->str, "0123456789@") != NULL)
    {
      g_autofree char *note = g_strdup_printf ("Signature: %s", signature->str);

      _cd_import_add_note (notes, note);
    }
  /* The text up to the closing's paragraph. */
  for (guint i = 0; i < closing; i++)
    at = strstr (at, paragraphs[i]) + strlen (paragraphs[i]);
  text[at - text] = '\0';
}

/* Cuts the closing lines off the end of @text, as is_closing() tells, and
 * a closing with a signature under it (cut_signed_closing()). */
void
_cd_import_cut_closing (char       *text,
                        const char *sender,
                        GString    *notes)
{
  g_assert (text != NULL && notes != NULL);

  cut_signed_closing (text, sender, notes);

  for (guint n = 0; n < 3; n++)
    {
      gsize end = strlen (text);
      char *line;

      while (end > 0 && g_ascii_isspace (text[end - 1]))
        end--;
      for (line = text + end; line > text && line[-1] != '\n'; line--)
        ;
      if (line == text || !is_closing (line, text + end - line, sender))
        return;
      *line = '\0';
    }
}

/* A greeting that opens a letter, alone on its line: "Hi Tom,", "Dear
 * desk,", "Hallo zusammen,", "Bonjour à tous,", "Jo,": ending in a comma (or
 * "!", ":"), or three words at the most ("Hallo zusammen"). A headline
 * that starts so ("Liebe in Zeiten der Inflation", "Hi-tech park opens")
 * is none. */
static gboolean
is_greeting (const char *paragraph)
{
  static GRegex *regex;

  /* A name alone with a comma, as desks write to each other: "Jo,". */
  if (g_regex_match_simple ("^\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?,$", paragraph, 0, 0))
    return TRUE;
  return strlen (paragraph) <= 60 &&
         matches (&regex,
                  "^(?:hi|hello|hey|dear|good\\s+(?:morning|afternoon|evening)|morning|hallo|liebe[rs]?|"
                  "guten\\s+(?:morgen|tag|abend)|moin|servus|bonjour|bonsoir|salut|ch[eè]re?s?|hola|"
                  "buen[oa]s(?:\\s+d[ií]as)?|estimad[oa]s?|ciao|buongiorno|car[oaie]|hej|hoi|beste|"
                  "goedemorgen)(?=[\\s,!:]|$)(?:[^\\n]{0,40}[,!:]|(?:\\s+\\S+){0,2}\\s*)$",
                  paragraph);
}

/* A greeting with the covering words after it in one paragraph: "Hi
 * desk, copy below for tomorrow. 420w." (a letter's opening only when
 * the story opens under it). */
static gboolean
opens_with_greeting (const char *paragraph)
{
  static GRegex *regex;

  return strlen (paragraph) <= 200 && strchr (paragraph, '\n') == NULL &&
         matches (&regex,
                  "^(?:hi|hello|hey|dear|good\\s+(?:morning|afternoon|evening)|morning|hallo|liebe[rs]?|"
                  "guten\\s+(?:morgen|tag|abend)|moin|servus|bonjour|bonsoir|salut|ch[eè]re?s?|hola|"
                  "buen[oa]s(?:\\s+d[ií]as)?|estimad[oa]s?|ciao|buongiorno|car[oaie]|hej|hoi|beste|"
                  "goedemorgen)(?:\\s+\\S+){0,3}(?:\\s*[,!:]|\\s+[–—-])\\s+\\S",
                  paragraph);
}

/* A covering line: short, and saying in its first words what the
 * message brings: "Here's my piece for tomorrow", "Anbei mein Text",
 * "Ci-joint mon article". */
static gboolean
is_covering (const char *paragraph)
{
  static GRegex *regex;

  return strlen (paragraph) <= 200 &&
         matches (&regex,
                  "^(?:\\S+\\s+){0,4}?(?:here['’]?s|here\\s+is|on\\s+behalf\\s+of\\s+(?:our|my)\\s+clients?|here\\s+you\\s+(?:go|are)|as\\s+(?:promised|requested|discussed)|attached|enclosed|please\\s+find|anbei|"
                  "im\\s+anhang|hier\\s+(?:ist|sind|kommt)|voici|ci-joint|adjunto|in\\s+allegato|ecco|"
                  "bijgevoegd|hierbij|copy\\s+(?:below|follows|attached)|(?:filed|pasted|see)\\s+below|"
                  "below\\s+(?:is|are)|text\\s+unten|texte\\s+ci-dessous)\\b",
                  paragraph);
}

/* Whether @paragraph, between a greeting and the story's "By" line or
 * dateline, is the story's headline rather than a covering line: one
 * line of four to twenty words that ends without a stop and speaks
 * neither of what the message brings nor of the copy ("copy below for
 * tomorrow"). */
static gboolean
reads_as_headline (const char *paragraph)
{
  g_autofree char *plain = g_strstrip (cd_render_plain_text (paragraph, -1));
  gsize            n = strlen (plain);
  guint            words = cd_count_words (plain);

  return n > 0 && strchr (plain, '\n') == NULL && words >= 4 && words <= 20 && strchr (".,;:", plain[n - 1]) == NULL &&
         !is_covering (plain) && !_cd_import_is_desk_label (plain);
}

/* Whether @paragraph opens the story: its dateline, its "By" line or a
 * template's label ("Slug: …"). */
static gboolean
opens_story (const char *paragraph)
{
  g_autofree char *joined = g_strdelimit (g_strdup (paragraph), "\r\n", ' ');
  g_autoptr (GMatchInfo) info = _cd_import_match_dateline (joined);
  g_autofree char *first_line = g_strndup (paragraph, strcspn (paragraph, "\r\n"));
  g_autofree char *byline = NULL;

  g_auto (CdImportLabels) labels = { { NULL } };

  if (info != NULL)
    return TRUE;
  /* A template's labels ("Slug: …") head the story too. */
  if (_cd_import_read_label (first_line, strlen (first_line), &labels))
    return TRUE;
  byline = _cd_import_byline_of_line (first_line);
  return byline != NULL;
}

/* The most covering paragraphs under a greeting. */
#define MAX_COVERING 3

/**
 * _cd_import_take_greeting:
 * @text: (transfer full): an email's text, plain or Markdown
 * @notes: the notes to add the letter's opening to
 *
 * When @text opens with a greeting ("Hi Tom,"), the greeting and the
 * covering lines under it ("here's the council story") go to @notes: the
 * paragraphs above the story's dateline or "By" line, or without one, those
 * that say what the message brings. So does a covering line with no
 * greeting over the story ("Copy below, 650 words.").
 *
 * Returns: (transfer full): the text from the story on
 */
char *
_cd_import_take_greeting (char    *text,
                          GString *notes)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_auto (GStrv) all = g_regex_split_simple ("\\n(?:[ \\t\\r]*\\n)+", trimmed, 0, 0);
  /* A release's line to the desk over the letter ("Embargoed until …")
   * stays over the story. */
  guint    first = g_strv_length (all) > 2 && _cd_import_is_release_line (all[0]) ? 1 : 0;
  char   **paragraphs = all + first;
  guint    count = g_strv_length (paragraphs);
  guint    start = 1, story = G_MAXUINT;
  GString *rest;

  g_assert (text != NULL && notes != NULL);

  if (count < 2)
    return text;
  /* The story opens with its dateline or "By" line, or with its
   * headline right under a covering line. */
  for (guint i = 1; i < count && i <= MAX_COVERING + 1; i++)
    if (opens_story (paragraphs[i]) || (i == 1 && count > 2 && is_covering (paragraphs[0]) && reads_as_headline (paragraphs[1])))
      {
        story = i;
        break;
      }
  /* A greeting, or a covering line over the story ("Copy below, 650
   * words."). */
  if (!is_greeting (g_strchomp (paragraphs[0])) &&
      !(story != G_MAXUINT && (opens_with_greeting (paragraphs[0]) || is_covering (paragraphs[0]))))
    return text;
  /* Never the whole text: the story keeps its last paragraph at least;
   * nor the story's headline over its "By" line or dateline. */
  for (; start < count - 1 && start <= MAX_COVERING; start++)
    if (story != G_MAXUINT ? start >= story || reads_as_headline (paragraphs[start])
                           : !is_covering (paragraphs[start]) || opens_story (paragraphs[start]))
      break;
  {
    g_autoptr (GString) opening = g_string_new (NULL);
    g_autofree char *note = NULL;

    for (guint i = 0; i < start; i++)
      {
        g_autofree char *flat = g_strstrip (g_strdelimit (g_strdup (paragraphs[i]), "\r\n", ' '));

        g_string_append_printf (opening, "%s%s", opening->len > 0 ? " " : "", flat);
      }
    note = g_strdup_printf ("The message opens: “%s”", opening->str);
    _cd_import_add_note (notes, note);
  }
  rest = g_string_new (first > 0 ? all[0] : NULL);
  for (guint i = start; i < count; i++)
    g_string_append_printf (rest, "%s%s", rest->len > 0 ? "\n\n" : "", paragraphs[i]);
  g_string_append_c (rest, '\n');
  g_free (text);
  return g_string_free (rest, FALSE);
}

/* What a mailing list's program sets over a message ("View in browser")
 * and under it (the reader's way out of the list, with the social links
 * and the rule above it): the words, in a paragraph of their own. */
#define VIEW_ONLINE                                                                                                                                   \
  "(?:view|read|see|open)\\s+(?:this\\s+(?:e-?mail|newsletter|message|post|issue|edition)\\s+|it\\s+)?(?:in\\s+(?:(?:your|a|the)\\s+)?"               \
  "browser|online|on\\s+the\\s+web|as\\s+a\\s+web\\s*page)|\\bweb\\s*version\\b|\\bonline\\s+version\\b|"                                             \
  "ver\\s+(?:este\\s+(?:correo|e-?mail|boletín)\\s+)?en\\s+(?:el\\s+|tu\\s+)?navegador|version\\s+en\\s+ligne|consultez(?:-le|-la)?\\s+en\\s+ligne|" \
  "voir\\s+en\\s+ligne|(?:afficher|voir)\\s+(?:cet?\\s+(?:e-?mail|courriel|message)\\s+)?dans\\s+(?:le|votre)\\s+"                                    \
  "navigateur|im\\s+browser\\s+(?:anzeigen|öffnen|ansehen|lesen)|webversion|online\\s+ansehen|"                                                      \
  "visualizza\\s+(?:nel|sul|online)|bekijk\\s+(?:deze\\s+(?:e-?mail|nieuwsbrief)\\s+)?(?:in\\s+(?:je|uw)\\s+"                                         \
  "browser|online)|открыть\\s+в\\s+браузере|zobacz\\s+w\\s+przeglądarce|ブラウザで(?:表示|見る)|在浏览器中查看"
#define LEAVE_LIST                                                                                             \
  "unsubscribe|opt[\\s-]*out|you\\s+(?:are\\s+)?receiv(?:e|ed|ing)\\s+this|update\\s+(?:your\\s+)?"            \
  "(?:subscription\\s+)?preferences|manage\\s+(?:your\\s+)?(?:subscription|preferences|e-?mail)|"              \
  "no\\s+longer\\s+wish\\s+to\\s+receive|abbestellen|abmelden|désabonner|désinscri|darse\\s+de\\s+baja|"     \
  "cancelar\\s+(?:la\\s+)?suscripci|disiscriv|afmelden|uitschrijven|avregistrer|avsluta|отписаться|" \
  "odhlásit|wypisz|zrezygnuj|aboneliği|abonelikten|配信停止|配信解除|退订|取消订阅|구독\\s*취소|수신\\s*거부"

#define SUBSCRIBE_CALL                                                                                                  \
  "^(?:thanks\\s+for\\s+reading\\b.*\\bsubscribe|subscribe\\s+(?:for\\s+free|now|today|to\\s+(?:receive|get|support))|" \
  "(?:upgrade|become)\\s+(?:to\\s+)?(?:a\\s+)?paid\\s+subscri|share\\s+this\\s+post\\b|leave\\s+a\\s+comment\\b|"       \
  "gracias\\s+por\\s+leer\\b.*\\bsuscr|merci\\s+de\\s+(?:lire|votre\\s+lecture)\\b.*\\babonn|danke\\s+(?:fürs|für\\s+das)\\s+lesen\\b.*\\babonn)"

#define READ_ON                                                                                                                 \
  "^(?:read\\s+(?:more|on|the\\s+(?:full|whole|rest))|continue\\s+reading|keep\\s+reading|lees\\s+(?:het\\s+hele|meer|verder)|" \
  "leer\\s+(?:en\\s+la\\s+web|más|la\\s+noticia)|sigue\\s+leyendo|weiterlesen|mehr\\s+lesen|lire\\s+la\\s+suite|"              \
  "leia\\s+mais|continua\\s+a\\s+leggere|leggi\\s+(?:tutto|l'articolo)|läs\\s+mer|les\\s+mer|læs\\s+mere|lue\\s+lisää|"     \
  "czytaj\\s+dalej|читать\\s+далее|記事の続き|続きを読む|阅读全文|閱讀全文|기사\\s*전문)"

/* An address on the web in plain text. */
static GRegex *
web_address (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("https?://\\S+", G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/* Whether @plain names a list's issue: its name, the word for its kind
 * and the day ("みなと新聞 朝のニュースレター　2025年3月4日（火）",
 * "Morning Briefing – Issue 412, 4 March"). */
static gboolean
is_issue_line (const char *plain)
{
  return strchr (plain, '\n') == NULL && g_utf8_strlen (plain, -1) <= 80 &&
         g_regex_match_simple ("[0-9０-９]", plain, 0, 0) &&
         g_regex_match_simple ("newsletter|ニュースレター|メールマガジン|メルマガ|뉴스레터|通讯|nieuwsbrief|boletín|infolettre|"
                               "lettre\\s+d'information|nyhetsbrev|nyhedsbrev|rundbrief|\\bissue\\b|\\bedition\\b|ausgabe|"
                               "édition|edición|edizione",
                               plain, G_REGEX_CASELESS, 0);
}

/* Whether @plain (a paragraph's text) is a link to read the message on
 * the web, alone. */
static gboolean
is_view_online (const char *plain)
{
  g_autofree char *words = g_regex_replace_literal (web_address (), plain, -1, 0, "", 0, NULL);

  return cd_count_words (words) <= 16 && g_regex_match_simple (VIEW_ONLINE, plain, G_REGEX_CASELESS, 0);
}

/* Whether @paragraph (Markdown) tells the reader how to leave the list,
 * with its link or address. */
static gboolean
is_leave_list (const char *paragraph,
               const char *plain)
{
  return cd_count_words (plain) <= 80 && g_regex_match_simple (LEAVE_LIST, plain, G_REGEX_CASELESS, 0) &&
         (strstr (paragraph, "](") != NULL || strstr (paragraph, "http") != NULL || strchr (paragraph, '@') != NULL ||
          g_regex_match_simple ("receiv(?:e|ed|ing)\\s+this", plain, G_REGEX_CASELESS, 0));
}

/* Whether @plain is the list's links to its pages on the networks, or a
 * link alone to the story on the web: what stands over the way out. */
static gboolean
is_list_furniture (const char *paragraph,
                   const char *plain)
{
  g_autofree char *bare = g_regex_replace_literal (_cd_import_wire_regex (RE_RULE), plain, -1, 0, "", 0, NULL);

  return *g_strstrip (bare) == '\0' ||
         g_regex_match_simple ("^(?:follow\\s+us|find\\s+us|connect\\s+with\\s+us|síguenos|suivez-nous|folgen\\s+sie\\s+uns|"
                               "seguici|volg\\s+ons|følg\\s+os|следите|obserwuj)\\b",
                               plain, G_REGEX_CASELESS, 0) ||
         (g_str_has_prefix (paragraph, "[") && g_str_has_suffix (paragraph, ")") && strstr (paragraph + 1, "](") != NULL &&
          strchr (strstr (paragraph, "](") + 2, '[') == NULL);
}

/* Pictures at the start of a paragraph in Markdown: a list's logo. */
static GRegex *
logo (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(?:\\[?!\\[[^\\]]*\\]\\([^()\\s]*\\)(?:\\]\\([^()\\s]*\\))?\\s*)+",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/* Whether @paragraph (Markdown) reads as a picture's caption: a sentence
 * of a line, not a heading. */
static gboolean
is_caption (const char *paragraph)
{
  g_autofree char *plain = g_strstrip (cd_render_plain_text (paragraph, -1));

  return !g_str_has_prefix (paragraph, "#") && strchr (plain, '\n') == NULL && cd_count_words (plain) >= 4 &&
         cd_count_words (plain) <= 40 && g_regex_match_simple ("[.!?)]$", plain, 0, 0);
}

/* A Markdown link to a page on the web: its text, its address. */
static GRegex *
links (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\[([^\\]\\[]+)\\]\\((https?://[^()\\s]+)\\)", G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/* @paragraphs from @from to @end (excluded), a blank line between, as
 * a text that ends in a newline. */
static char *
join_paragraphs (GStrv paragraphs,
                 guint from,
                 guint end)
{
  GString *text = g_string_new (NULL);

  for (guint i = from; i < end && paragraphs[i] != NULL; i++)
    if (*paragraphs[i] != '\0')
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n\n" : "", paragraphs[i]);
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

/**
 * _cd_import_take_list_frame:
 * @text: (transfer full): an email's text, plain or Markdown
 * @list: whether the message came from a mailing list (its headers say)
 * @notes: where the list's words go
 *
 * A message from a mailing list (a newsletter, an agency's or an
 * office's service): its link to read it on the web over the story goes;
 * the way out of the list under it ("You are receiving this e-mail
 * because …", "Unsubscribe"), with the social links, a link to the story
 * on the web and the rule over them, goes to @notes, and so does all
 * under it. From a @list, the issue's date and number, a greeting and a
 * logo over the story go, and the story ends at its link to read on
 * ("Read more on our website"): the list's other items under it go to
 * @notes. A message whose foot tells how to leave a list is read as a
 * list's, though its headers do not say so.
 *
 * Returns: (transfer full): @text without them
 */
char *
_cd_import_take_list_frame (char    *text,
                            gboolean list,
                            GString *notes)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_auto (GStrv) paragraphs = g_regex_split_simple ("\\n(?:[ \\t\\r]*\\n)+", trimmed, 0, 0);
  guint    count = g_strv_length (paragraphs);
  guint    first = 0, end = count;
  gboolean dropped = FALSE;

  g_assert (text != NULL && notes != NULL);

  for (guint i = 0; i < count && i < 4; i++)
    {
      g_autofree char *plain = cd_render_plain_text (paragraphs[i], -1);

      if (is_view_online (g_strstrip (plain)))
        {
          first = i + 1;
          /* What stood over it went with it ("Having trouble viewing …?"). */
          for (guint j = 0; j < i; j++)
            {
              g_autofree char *above = cd_render_plain_text (paragraphs[j], -1);

              _cd_import_add_note (notes, g_strstrip (above));
            }
          break;
        }
    }
  /* A message whose foot tells how to leave its list is a list's, though
   * its headers lost the list's name (a forwarded or saved newsletter). */
  for (guint i = count; !list && i > first + 1 && i + 8 > count; i--)
    {
      g_autofree char *plain = cd_render_plain_text (paragraphs[i - 1], -1);

      list = is_leave_list (paragraphs[i - 1], g_strstrip (plain));
    }
  /* A list's issue: its date and number, a greeting, its logo over the
   * story; the story ends at its link to read it all on the web, and the
   * list's other items under that are the list's. */
  for (; list && first + 2 < count && first < 4; first++)
    {
      g_autofree char *plain = cd_render_plain_text (paragraphs[first], -1);

      g_autofree char *words = NULL;

      /* Its logo, alone or before the words. */
      words = g_regex_replace_literal (logo (), paragraphs[first], -1, 0, "", 0, NULL);
      if ((words == NULL || *g_strstrip (words) == '\0') && !is_caption (paragraphs[first + 1]))
        continue;
      /* The lead picture over its caption is the story's. */
      if (words == NULL || *words == '\0')
        break;
      g_free (plain);
      plain = g_strstrip (cd_render_plain_text (words, -1));
      /* Not a release's line to the desk, its embargo. */
      if (_cd_import_is_release_line (plain) ||
          (!_cd_import_is_time_line (plain) && !g_regex_match_simple ("^\\p{L}+(?:\\s\\p{L}+)?[!！]$", plain, 0, 0) &&
           !(cd_count_words (plain) <= 10 && strpbrk (plain, "0123456789") != NULL && strstr (plain, "·") != NULL) &&
           !is_issue_line (plain)))
        break;
      _cd_import_add_note (notes, plain);
    }
  for (guint i = first + 2; list && i < count && end == count; i++)
    {
      g_autofree char *plain = cd_render_plain_text (paragraphs[i], -1);
      /* Its address beside it counts for no words. */
      g_autofree char *words = g_regex_replace_literal (web_address (), plain, -1, 0, "", 0, NULL);

      if (cd_count_words (words) <= 12 && g_regex_match_simple (READ_ON, g_strstrip (plain), G_REGEX_CASELESS, 0))
        end = i;
    }
  for (guint i = count; i > first + 1 && i + 8 > count; i--)
    {
      g_autofree char *plain = cd_render_plain_text (paragraphs[i - 1], -1);

      if (is_leave_list (paragraphs[i - 1], g_strstrip (plain)))
        end = MIN (end, i - 1);
    }
  while (end < count && end > first + 1)
    {
      g_autofree char *plain = cd_render_plain_text (paragraphs[end - 1], -1);

      if (!is_list_furniture (paragraphs[end - 1], g_strstrip (plain)))
        break;
      end--;
    }
  /* A writer's call to subscribe among the paragraphs ("Thanks for
   * reading The Water Table! Subscribe for free …"). */
  for (guint i = first; list && i < end; i++)
    {
      g_autofree char *plain = g_strstrip (cd_render_plain_text (paragraphs[i], -1));

      if (cd_count_words (plain) <= 30 && g_regex_match_simple (SUBSCRIBE_CALL, plain, G_REGEX_CASELESS, 0))
        {
          _cd_import_add_note (notes, plain);
          *paragraphs[i] = '\0';
          dropped = TRUE;
        }
    }
  if (first == 0 && end == count && !dropped)
    return text;
  for (guint i = end; i < count; i++)
    {
      /* A link to the web keeps its address: "Read more (https://…)". */
      g_autofree char *linked = g_regex_replace (links (), paragraphs[i], -1, 0, "\\1 (\\2)", 0, NULL);
      g_autofree char *plain = cd_render_plain_text (linked != NULL ? linked : paragraphs[i], -1);
      g_autofree char *bare = g_regex_replace_literal (_cd_import_wire_regex (RE_RULE), g_strstrip (plain), -1, 0, "", 0, NULL);

      if (*g_strstrip (bare) != '\0')
        _cd_import_add_note (notes, g_strdelimit (bare, "\n", ' '));
    }
  g_free (text);
  return join_paragraphs (paragraphs, first, end);
}

/* A reader's sharing of a story by a site's form: the subject ("Anna
 * Berg shared an article with you: Cornwall to trial …"), the words over
 * the story ("Anna Berg thought you'd be interested in this article"). */
#define SHARED_SUBJECT                                                                                \
  "^.{1,60}?\\s(?:has\\s+)?(?:shared|sent(?:\\s+you)?|recommend(?:s|ed)?|thinks?|thought)\\b.{0,40}?" \
  "\\b(?:article|story|link|this|you)\\b[^:]{0,30}:\\s*(?<headline>\\S.*)$"
#define SHARED_OPENING                                                                                                                 \
  "thought\\s+you(?:'d|’d|\\s+would|\\s+might)\\s+(?:be\\s+interested|like|enjoy)|shared\\s+(?:this|an?)\\s+(?:article|story|link)|" \
  "wanted\\s+you\\s+to\\s+(?:see|read)|(?:te\\s+)?ha\\s+compartido|vous\\s+(?:a\\s+)?(?:recommandé|partagé|envoyé)\\s+(?:cet|un)|"  \
  "(?:hat|empfiehlt)\\s+(?:Ihnen|dir)\\b.{0,60}(?:Artikel|empfohlen)|heeft\\s+(?:je|u)\\s+.{0,40}(?:artikel|gedeeld)"

static GRegex *
shared_subject (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new (SHARED_SUBJECT, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL));
  return regex;
}

/* The reader a site's form sends for, after its name: "(on behalf of Anna
 * Berg)", "via Anna Berg". */
static GRegex *
behalf_of (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\s*(?:\\((?:on\\s+behalf\\s+of|for|via|im\\s+Auftrag\\s+von|de\\s+la\\s+part\\s+de|en\\s+nombre\\s+de)\\s[^()]+\\)|\\s(?:via|on\\s+behalf\\s+of)\\s.+)$",
                                            G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL));
  return regex;
}

/**
 * _cd_import_take_shared_article:
 * @text: (transfer full): an email's text, plain or Markdown
 * @subject: (inout): the message's subject
 * @sender: (inout) (nullable): the sender's name
 * @list: (inout): whether the message is a publication's, not a writer's
 * @notes: where the reader's words go
 *
 * A story a reader shared from a site ("Anna Berg shared an article with
 * you: …", "… thought you'd be interested in this article"): the
 * reader's words over it, to the first rule or the story's headline, go
 * to @notes; the subject is the story's headline; the sender, the site
 * ("The Coastal Times (on behalf of Anna Berg)"), is the publication, as
 * a list's is, so the story ends at its link to read on.
 *
 * Returns: (transfer full): @text without the reader's words
 */
char *
_cd_import_take_shared_article (char     *text,
                                char    **subject,
                                char    **sender,
                                gboolean *list,
                                GString  *notes)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_auto (GStrv) paragraphs = g_regex_split_simple ("\\n(?:[ \\t\\r]*\\n)+", trimmed, 0, 0);
  g_autofree char *headline = _cd_import_match_group (shared_subject (), *subject, "headline");
  g_autofree char *opening = paragraphs[0] != NULL ? cd_render_plain_text (paragraphs[0], -1) : NULL;
  guint            start = 0;

  g_assert (text != NULL && subject != NULL && *subject != NULL && sender != NULL && list != NULL && notes != NULL);

  if (headline == NULL && (opening == NULL || !g_regex_match_simple (SHARED_OPENING, opening, G_REGEX_CASELESS, 0)))
    return text;
  for (guint i = 0; paragraphs[i] != NULL && i < 6 && start == 0; i++)
    {
      g_autofree char *plain = g_strstrip (cd_render_plain_text (paragraphs[i], -1));

      if (_cd_import_is_rule_paragraph (paragraphs[i]))
        start = i + 1;
      else if (headline != NULL && i > 0 && g_strcmp0 (plain, headline) == 0)
        start = i;
    }
  if (start == 0 || paragraphs[start] == NULL)
    return text;
  /* The section's label over the headline, under the rule ("EDUCATION"). */
  if (headline != NULL && paragraphs[start + 1] != NULL && cd_count_words (paragraphs[start]) <= 3)
    {
      g_autofree char *next = g_strstrip (cd_render_plain_text (paragraphs[start + 1], -1));

      if (g_strcmp0 (next, headline) == 0)
        start++;
    }
  for (guint i = 0; i < start; i++)
    {
      g_autofree char *plain = g_strstrip (cd_render_plain_text (paragraphs[i], -1));

      if (!_cd_import_is_rule_paragraph (paragraphs[i]) && *plain != '\0')
        _cd_import_add_note (notes, g_strdelimit (plain, "\n", ' '));
    }
  if (headline != NULL)
    {
      g_free (*subject);
      *subject = g_steal_pointer (&headline);
    }
  if (*sender != NULL)
    {
      char *behalf = g_regex_replace_literal (behalf_of (), *sender, -1, 0, "", 0, NULL);

      g_free (*sender);
      *sender = behalf;
    }
  *list = TRUE;
  g_free (text);
  return join_paragraphs (paragraphs, start, G_MAXUINT);
}
