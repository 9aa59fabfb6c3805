/* cd-import-wire-end.c: what stands under a wire story: the desk's
 * sign-off of initials, the agency's trailer (a copyright line, the
 * reporter's email address), whom to contact, the reporter's note to the
 * desk, dpa's notebook for editors.
 * It goes to the note, and the story ends above it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"

/* Whether @line marks the story's end ("ENDS", "(END)", "-30-"). */
gboolean
_cd_import_is_end_mark (const char *line)
{
  return g_regex_match (_cd_import_wire_regex (RE_END), line, 0, NULL);
}

/* Whether @b is the desk's sign-off, each line initials ("mm/jbo/ach",
 * "dpa al rmo") or an end mark ("ENDE") under them, or an end mark alone
 * (with a blank line above it, under the sign-off: @mark_only). */
static gboolean
is_sign_off_block (CdWireBlock *b,
                   gboolean    *mark_only)
{
  gboolean signed_off = FALSE;

  for (guint j = 0; j < b->lines->len; j++)
    {
      const char *line = g_ptr_array_index (b->lines, j);

      if (g_regex_match (_cd_import_wire_regex (RE_SIGN_OFF), line, 0, NULL) ||
          g_regex_match (_cd_import_wire_regex (RE_TRAILER), line, 0, NULL))
        signed_off = TRUE;
      /* A rule between the sign-off's lines ("NOB/IBI", "==========",
       * "Edited by …"). */
      else if (!_cd_import_is_end_mark (line) && !(j > 0 && g_regex_match (_cd_import_wire_regex (RE_RULE), line, 0, NULL)))
        return FALSE;
    }
  *mark_only = !signed_off;
  return TRUE;
}

static gboolean
is_signing (const char *line)
{
  return g_regex_match (_cd_import_wire_regex (RE_SIGN_OFF), line, 0, NULL) ||
         g_regex_match (_cd_import_wire_regex (RE_TRAILER), line, 0, NULL) || _cd_import_is_end_mark (line);
}

/* A block of @b's lines from @from on, which leave @b. */
static CdWireBlock *
take_lines_from (CdWireBlock *b,
                 guint        from)
{
  CdWireBlock *own = g_new0 (CdWireBlock, 1);

  own->lines = g_ptr_array_new_with_free_func (g_free);
  while (b->lines->len > from)
    g_ptr_array_add (own->lines, g_ptr_array_steal_index (b->lines, from));
  return own;
}

/* Where the agency's sign-off starts on @line, after the last sentence
 * ("… he said. PTI KRB ANU": the agency's name and the desk's initials;
 * CNA's "…機會。（編輯：張均懋）1160312"), or 0 for none. */
static gsize
inline_sign_off (const char *line)
{
  g_autoptr (GRegex) after_sentence = g_regex_new ("[.!?\"”»’']\\s+(?<tail>\\S+(?:\\s+\\S+){1,6})$", 0, 0, NULL);
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *tail = NULL;
  g_autofree char *agency = NULL;
  int              start;

  /* CNA's editor and code after the last sentence's "。". */
  if (g_regex_match_simple ("。[（(](?:編輯|编辑)[:：][^）)]{1,20}[）)]\\s*\\d{0,8}$", line, 0, 0))
    return g_strrstr (line, "。") - line + strlen ("。");
  if (!g_regex_match (after_sentence, line, 0, &info))
    return 0;
  tail = g_match_info_fetch_named (info, "tail");
  agency = g_strndup (tail, strcspn (tail, " "));
  if (!_cd_import_is_agency_name (agency) || !g_regex_match (_cd_import_wire_regex (RE_SIGN_OFF), tail, 0, NULL) ||
      !g_match_info_fetch_named_pos (info, "tail", &start, NULL))
    return 0;
  return start;
}

/* Whether @line repeats, alone, the last initials of the sign-off
 * @above it ("… in check. PTI ABC RT" over "RT", as PTI's desk signs). */
static gboolean
repeats_initials (const char *line,
                  const char *above)
{
  gsize n = strlen (line), m;

  if (above == NULL || n < 2 || n > 4 || !g_regex_match_simple ("^[A-Z]+$", line, 0, 0))
    return FALSE;
  m = strlen (above);
  return m > n && above[m - n - 1] == ' ' && strcmp (above + m - n, line) == 0 &&
         (is_signing (above) || inline_sign_off (above) > 0);
}

/* The line over line @k of block @i of @blocks (the last of the block
 * before, for a block's first), or %NULL. */
static const char *
line_above (GPtrArray *blocks,
            guint      i,
            guint      k)
{
  CdWireBlock *b = g_ptr_array_index (blocks, i);

  if (k > 0)
    return g_ptr_array_index (b->lines, k - 1);
  for (; i > 0; i--)
    {
      CdWireBlock *before = g_ptr_array_index (blocks, i - 1);

      if (before->lines->len > 0)
        return g_ptr_array_index (before->lines, before->lines->len - 1);
    }
  return NULL;
}

/* Drops, from the lines that sign the story off, a line that repeats the
 * sign-off's last initials: it says nothing the sign-off does not. */
static void
drop_repeated_initials (GPtrArray *blocks)
{
  for (guint i = blocks->len; i > 0; i--)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, i - 1);
      guint        j;

      for (j = b->lines->len; j > 0; j--)
        {
          const char *line = g_ptr_array_index (b->lines, j - 1);

          if (repeats_initials (line, line_above (blocks, i - 1, j - 1)))
            g_ptr_array_remove_index (b->lines, j - 1);
          else if (!is_signing (line))
            return;
        }
    }
}

/* Sets the sign-off and trailer lines under the last paragraph with no
 * blank line between them ("… relu.", "ats/mk/jb"; Reuters' contact under
 * its credits) in a block of their own, after it; and a sign-off after
 * the last sentence on its line ("… August 4-6. PTI KRB ANU") too. */
static void
split_sign_off (GPtrArray *blocks)
{
  for (guint i = blocks->len; i > 0; i--)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, i - 1);
      guint        j;

      for (j = b->lines->len; j > 0 && is_signing (g_ptr_array_index (b->lines, j - 1)); j--)
        ;
      if (j == 0)
        continue;
      /* Whom to contact, and what follows it (Bloomberg's reporters and
       * editors with their addresses), under the story's last line. */
      for (guint c = 1; c < j; c++)
        if (g_regex_match (_cd_import_wire_regex (RE_CONTACT), g_ptr_array_index (b->lines, c), 0, NULL))
          {
            g_ptr_array_insert (blocks, i, take_lines_from (b, c));
            return;
          }
      /* The last line of text, @j - 1. */
      {
        char *line = g_ptr_array_index (b->lines, j - 1);
        gsize tail = inline_sign_off (line);

        if (tail > 0)
          {
            g_ptr_array_insert (b->lines, j, g_strdup (line + tail));
            line[tail] = '\0';
            g_strchomp (line);
          }
      }
      if (j < b->lines->len)
        g_ptr_array_insert (blocks, i, take_lines_from (b, j));
      return;
    }
}

/* The agency whose copyright @line claims, under the story: "(©NTB)",
 * "(c) Agencia EFE", "(Copyright 2027 The Associated Press. All Rights
 * Reserved.)", "Copyright Thomson Reuters 2027", and AP's terminal
 * stamp: @article's source where it names none. A photographer's "© Jane
 * Doe" names no agency. */
static void
take_copyright_source (CdArticle  *article,
                       const char *line)
{
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *holder = NULL;
  g_autofree char *agency = NULL;
  g_auto (GStrv) words = NULL;

  if (!cd_text_is_blank (cd_article_get_source (article)))
    return;
  /* AP's terminal stamp: "AP-WF-03-12-27 2003GMT". */
  if (g_regex_match_simple ("^AP-[A-Z]{2}-\\d\\d-\\d\\d-\\d\\d\\s+\\d{4}", line, 0, 0))
    {
      cd_article_set_source (article, "AP");
      return;
    }
  if (!g_regex_match_simple ("^\\(?\\s*(?:©|\\(c\\)|copyright\\b)", line, G_REGEX_CASELESS, 0))
    return;
  /* What is left without the marks, the years and the rights. */
  holder = g_regex_replace (_cd_import_wire_regex (RE_COPYRIGHT_MARKS), line, -1, 0, " ", 0, NULL);
  if (holder == NULL)
    return;
  g_strstrip (holder);
  agency = _cd_import_agency_of_byline (holder);
  words = g_strsplit (holder, " ", 6);
  for (guint i = 0; agency == NULL && words[i] != NULL; i++)
    if (*words[i] != '\0' && _cd_import_is_agency_name (words[i]))
      agency = g_strdup (words[i]);
  if (agency != NULL)
    cd_article_set_source (article, agency);
}

/* Takes what the desk writes under the story into the notes: its sign-off
 * of initials ("mm/jbo/ach", or after the last sentence's end, as dpa-AFX
 * writes it: "… bleibe hoch./mbr/stw/he"; Xinhua's "Enditem" too), the agency's trailer (a
 * copyright line, the reporter's email address), whom to contact about
 * the story, the reporter's note to the desk ("NOTE TO DESK: use the
 * archive picture"), a picture's caption ("PHOTO CAPTION: …") and the
 * rules between them; an end mark among them is left out. */
static void
take_sign_off (CdArticle *article,
               GPtrArray *blocks,
               GString   *notes)
{
  guint start = blocks->len;

  g_assert (blocks != NULL);

  drop_repeated_initials (blocks);
  split_sign_off (blocks);

  for (guint i = blocks->len; i > 0; i--)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, i - 1);
      g_autoptr (GMatchInfo) info = NULL;

      if (b->lines->len == 0)
        continue;
      if (g_regex_match_simple ("[.!?\"“”»']/[a-z]{2,5}(?:/[a-z]{2,5}){1,6}$", g_ptr_array_index (b->lines, b->lines->len - 1),
                                0, 0))
        {
          char *line = g_ptr_array_index (b->lines, b->lines->len - 1);
          char *slash = strrchr (line, '/');

          /* Back to the sign-off's first slash, after the sentence's end. */
          while (slash > line && !strchr (".!?\"”»'", slash[-1]))
            slash = g_utf8_find_prev_char (line, slash);
          slash = strchr (slash, '/');
          _cd_import_add_note (notes, slash + 1);
          *slash = '\0';
        }
      /* Xinhua's end mark after the last sentence: "… data showed. Enditem" */
      else if (g_regex_match_simple ("[.!?\"”»']\\s+Enditem$", g_ptr_array_index (b->lines, b->lines->len - 1), 0, 0))
        {
          char *line = g_ptr_array_index (b->lines, b->lines->len - 1);

          line[strlen (line) - strlen ("Enditem")] = '\0';
          g_strchomp (line);
        }
      break;
    }

  for (guint i = blocks->len; i > 0; i--)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, i - 1);
      gboolean     mark_only = FALSE;

      if (b->lines->len == 0)
        continue;
      if (!is_sign_off_block (b, &mark_only) &&
          !g_regex_match (_cd_import_wire_regex (RE_CONTACT), g_ptr_array_index (b->lines, 0), 0, NULL) &&
          !g_regex_match (_cd_import_wire_regex (RE_DESK_NOTE), g_ptr_array_index (b->lines, 0), 0, NULL) &&
          !g_regex_match (_cd_import_wire_regex (RE_CAPTION_PREFIX), g_ptr_array_index (b->lines, 0), 0, NULL) &&
          !(b->lines->len == 1 && g_regex_match (_cd_import_wire_regex (RE_RULE), g_ptr_array_index (b->lines, 0), 0, NULL)))
        break;
      /* An end mark alone is taken with the sign-off above it, or left
       * for the body to end at. */
      if (!mark_only)
        start = i - 1;
    }
  /* Whom to contact, with the short lines of names and addresses under
   * it, each a paragraph (Bloomberg's "To contact the reporters on this
   * story:"). */
  for (guint i = blocks->len, seen = 0; i > 0 && seen < 12; i--)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, i - 1);

      if (b->lines->len == 0)
        continue;
      seen++;
      if (g_regex_match (_cd_import_wire_regex (RE_CONTACT), g_ptr_array_index (b->lines, 0), 0, NULL))
        {
          start = MIN (start, i - 1);
          continue;
        }
      if (b->lines->len > 2 || g_utf8_strlen (g_ptr_array_index (b->lines, 0), -1) > 100)
        break;
    }
  for (guint i = start; i < blocks->len; i++)
    {
      CdWireBlock     *b = g_ptr_array_index (blocks, i);
      g_autofree char *joined = NULL;

      /* End marks and rules say nothing to the note; an end mark with
       * more to say does ("Copy ends. 380 words. Pic from Pat"). */
      for (guint j = b->lines->len; j > 0; j--)
        if ((_cd_import_is_end_mark (g_ptr_array_index (b->lines, j - 1)) &&
             g_utf8_strlen (g_ptr_array_index (b->lines, j - 1), -1) <= 12) ||
            g_regex_match (_cd_import_wire_regex (RE_RULE), g_ptr_array_index (b->lines, j - 1), 0, NULL))
          g_ptr_array_remove_index (b->lines, j - 1);
      if (b->lines->len == 0)
        continue;
      for (guint j = 0; j < b->lines->len; j++)
        take_copyright_source (article, g_ptr_array_index (b->lines, j));
      joined = _cd_import_wire_block_join (b);
      _cd_import_add_note (notes, joined);
      g_ptr_array_set_size (b->lines, 0);
    }
}

/* Whether @line is the label alone over links to other stories ("Read
 * more:"). */
static gboolean
is_related_label (const char *line)
{
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *rest = NULL;

  if (!g_regex_match (_cd_import_wire_regex (RE_RELATED_LABEL), line, 0, &info))
    return FALSE;
  rest = g_match_info_fetch_named (info, "rest");
  return rest == NULL || *rest == '\0';
}

/* Takes the list of the agency's other stories under the story ("Más en
 * Andina:", "Read more:", "Lesen Sie auch:" over their headlines, a
 * line each after a dash), with nothing under it but the sign-off, into
 * the notes. */
static void
take_related (GPtrArray *blocks,
              GString   *notes)
{
  g_assert (blocks != NULL && notes != NULL);

  for (guint i = blocks->len; i > 1; i--)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, i - 1);
      gboolean     mark_only;
      gboolean     listed = b->lines->len >= 2;

      if (b->lines->len == 0)
        continue;
      for (guint j = 1; j < b->lines->len && listed; j++)
        listed = strchr ("-*•", *(const char *) g_ptr_array_index (b->lines, j)) != NULL;
      if (listed && is_related_label (g_ptr_array_index (b->lines, 0)))
        {
          for (guint j = 0; j < b->lines->len; j++)
            {
              const char *line = g_ptr_array_index (b->lines, j);

              _cd_import_add_note (notes, line + strspn (line, "-*• "));
            }
          g_ptr_array_set_size (b->lines, 0);
          return;
        }
      if (!is_sign_off_block (b, &mark_only))
        return;
    }
}

/* Takes the section for editors that closes a story (dpa's "# Notebook":
 * version, notes, links, contacts, sign-off) into the notes, a note a
 * line, without the lines' list and heading marks. */
static void
take_notebook (GPtrArray *blocks,
               GString   *notes)
{
  guint start;

  g_assert (blocks != NULL);
  g_assert (notes != NULL);

  for (start = 1; start < blocks->len; start++)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, start);

      if (b->lines->len > 0 &&
          g_regex_match (_cd_import_wire_regex (RE_NOTEBOOK), g_ptr_array_index (b->lines, 0), 0, NULL))
        break;
    }
  for (guint i = start; i < blocks->len; i++)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, i);

      for (guint j = 0; j < b->lines->len; j++)
        {
          const char *line = g_ptr_array_index (b->lines, j);

          line += strspn (line, "#-*• ");
          if (*line != '\0')
            _cd_import_add_note (notes, line);
        }
      g_ptr_array_set_size (b->lines, 0);
    }
}

/**
 * _cd_import_is_take_head:
 * @line: a line of wire copy
 * @slug: (out): whether @line names the story: its slug or catchline
 *
 * Returns: whether @line heads a take: its slug or PA's catchline, perhaps
 *   with the take's number ("BIZ-RBI-POLICY 2 LAST", "BC-EU--Dike Breach,
 *   Take 2,0940", "COURTS Garda 2"; a slug of two words in capitals only
 *   with it: "IMD-MONSOON 2 LAST", "ARGENTINA ECONOMÍA (2 y último)",
 *   "Parl-Finance Bill-LS 2 last"), the feed's heading ("dpa-es 0215 pl 3
 *   vvvv"), or the desk's code and number ("DEL27", "UNI NPR 27")
 */
gboolean
_cd_import_is_take_head (const char *line,
                         gboolean   *slug)
{
  g_autofree char *bare = g_regex_replace_literal (_cd_import_wire_regex (RE_TAKE_NUMBER), line, -1, 0, "", 0, NULL);
  gboolean         numbered = bare != NULL && strcmp (bare, line) != 0;

  *slug = bare != NULL && (g_regex_match (_cd_import_wire_regex (RE_SLUG), bare, 0, NULL) ||
                           g_regex_match_simple (PA_CATCHLINE, bare, 0, 0) || _cd_import_is_code_line (line) ||
                           (numbered && (g_regex_match_simple ("^[\\p{Lu}\\d]+-[\\p{Lu}\\d]+$", bare, 0, 0) ||
                                         g_regex_match_simple ("^\\p{Lu}+(?:\\s\\p{Lu}+){1,3}$", bare, 0, 0) ||
                                         g_regex_match_simple ("^(?=(?:[^-]*-){2})[\\p{L}\\d]+(?:[-\\s][\\p{L}\\d]+){2,5}$", bare, 0, 0))));
  if (*slug || g_regex_match_simple ("^[A-Z]{3}\\d{1,4}$", line, 0, 0))
    return TRUE;
  /* The agency's desk and number: "UNI NPR 27". */
  {
    g_autofree char *agency = g_strndup (line, strcspn (line, " "));

    return g_regex_match_simple ("^\\S+\\s+[A-Z]{2,4}\\s*\\d{1,4}$", line, 0, 0) && _cd_import_is_agency_name (agency);
  }
}

/**
 * _cd_import_take_goes_on:
 * @line: a line of wire copy
 * @text: (out) (optional): @line without the mark
 *
 * Returns: whether @line says the story goes on in the next take: "MORE"
 *   or "(sigue)" on its line, or after the take's last sentence ("… he
 *   said. MORE")
 */
gboolean
_cd_import_take_goes_on (const char *line,
                         char      **text)
{
  static GRegex *more;
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *before = NULL;

  if (g_once_init_enter (&more))
    g_once_init_leave (&more, g_regex_new ("^(?<text>.*?)\\s*(?:\\bMORE|\\(MORE\\)|-MORE-|\\bmore\\s+follows|" TAKE_GOES_ON ")$",
                                           G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (more, line, 0, &info) ||
      (*(before = g_match_info_fetch_named (info, "text")) != '\0' &&
       !g_regex_match_simple ("[.!?\"”»’']$", before, 0, 0)))
    return FALSE;
  if (text != NULL)
    *text = g_steal_pointer (&before);
  return TRUE;
}

/* Joins a story sent in takes: a take's "MORE" or "(sigue)"
 * (_cd_import_take_goes_on()), what closes the take under it (the desk's
 * sign-off, the time stamp, "NNNN") and the next take's head (its code
 * and slug) go, where there is a slug. */
static void
join_takes (GPtrArray *blocks)
{

  for (guint i = 0; i < blocks->len; i++)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, i);

      for (guint j = 0; j < b->lines->len; j++)
        {
          g_autofree char *text = NULL;
          g_autoptr (GArray) drop = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
          gboolean head = FALSE, slug = FALSE;
          guint    k = i, l = j + 1;

          if (!_cd_import_take_goes_on (g_ptr_array_index (b->lines, j), &text))
            continue;
          /* What closes this take, then the next one's head. */
          for (; k < blocks->len; k++, l = 0)
            {
              CdWireBlock *c = g_ptr_array_index (blocks, k);
              gboolean     stop = FALSE;

              for (; l < c->lines->len && !stop; l++)
                {
                  const char *line = g_ptr_array_index (c->lines, l);
                  gboolean    is_slug;

                  if (!head && is_signing (line))
                    ;
                  else if (_cd_import_is_take_head (line, &is_slug))
                    head = TRUE, slug = slug || is_slug;
                  /* The story's headline again, with the take's number:
                   * "… (2da y última)", "… (2nd take)". */
                  else if (head && g_regex_match_simple ("\\((?:\\d+\\S*|\\S+\\s+take)(?:\\s+\\S+){0,3}\\)$", line, 0, 0))
                    ;
                  else
                    stop = TRUE;
                  if (!stop)
                    g_array_append_vals (drop, (guint[]){ k, l }, 1);
                }
              if (stop)
                break;
            }
          if (!slug)
            continue;
          for (guint d = drop->len; d > 0; d--)
            {
              const guint *at = &g_array_index (drop, guint, (d - 1) * 2);

              g_ptr_array_remove_index (((CdWireBlock *) g_ptr_array_index (blocks, at[0]))->lines, at[1]);
            }
          if (*text != '\0')
            {
              g_free (b->lines->pdata[j]);
              b->lines->pdata[j] = g_steal_pointer (&text);
            }
          else
            g_ptr_array_remove_index (b->lines, j);
          break;
        }
    }
}

/* The name a credit's value gives ("Anna Kowalczyk", "Jan Novák (ČTK)",
 * "Chen Yi-hsuan and Sean Lin"): a few words, each with a capital but
 * the words that join two names, then perhaps the agency; or %NULL. */
static char *
name_of_credit (const char *value)
{
  g_autoptr (GRegex) name = g_regex_new ("^\\s*(?<name>\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|i|and|und|et|e|y|&)){1,7})"
                                         "(?:\\s*\\(\\p{Lu}[\\p{L}-]{1,20}(?:\\s\\p{L}[\\p{L}-]{1,20})?\\)|\\s*[,/]\\s*\\p{L}[\\p{L}-]{1,20})?\\s*$",
                                         0, 0, NULL);
  g_autoptr (GMatchInfo) info = NULL;

  if (!g_regex_match (name, value, 0, &info))
    return NULL;
  return g_match_info_fetch_named (info, "name");
}

/* Whether @line is one of the credits under an agency's story, and the
 * writer's name where it names the writer (*@writer): "Autorka: Anna
 * Kowalczyk" (PAP), "Pewarta: Rizky Ananda" (Antara), "(By Chen Yi-hsuan
 * and Sean Lin)" (CNA), "AGERPRES (AS - autor: Andreea Stan, editor: …)",
 * "AGERPRES/(A - autor: …)";
 * the editor's ("Editor: Budi Santoso", "Redaktorius Tomas Jankauskas",
 * "Editing by Sam Holmes"), a copyright line, the agency's
 * name alone ("BNS") or an end mark beside them. */
gboolean
_cd_import_is_credit_line (const char *line,
                           char      **writer)
{
  g_autoptr (GRegex) credit = g_regex_new (
      "^(?:(?:author|autor|autorka|autorin|autore|autrice|auteur|autora|pewarta|reporter|reporting|text|tekst|texto|testo)"
      "\\s*:\\s*(?<writer>.+)|\\(by\\s+(?<writer>[^()]+)\\)|"
      "\\p{Lu}[\\p{L}-]+\\s*/?\\s*\\([^()]*?\\b(?:autor|author)\\s*:\\s*(?<writer>[^,()]+)[^()]*\\)|"
      "(?:editor|editing|edited\\s+by|editor\\s+online|redaktor|redaktorka|urednik|urednica|redakce|edição|edición|"
      "redaktorius|redaktorė|toimittaja|szerkesztő|"
      "redazione|photo|photos|foto|fotograf|translator)\\s*:\\s*\\S.*|"
      "(?:editor|edited\\s+by|editing\\s+by|redaktor|redaktorka|redaktorius|redaktorė|urednik|urednica|edição|edición)"
      "\\s+\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3})$",
      G_REGEX_CASELESS | G_REGEX_DUPNAMES, 0, NULL);
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *named = NULL;

  *writer = NULL;
  /* The agency's name alone, or with its desk's ("dpa/lhe"), not before
   * its credits in brackets ("AGERPRES/(A - autor: …)"). */
  if (_cd_import_is_end_mark (line) || g_regex_match (_cd_import_wire_regex (RE_TRAILER), line, 0, NULL) ||
      (_cd_import_is_agency_name (line) && strchr (line, '(') == NULL))
    return TRUE;
  /* The writer's name alone, the agency in brackets after it: "Nguyễn Thu
   * Hà (TTXVN)", "Daiva Petrauskienė (ELTA)". */
  {
    g_autoptr (GMatchInfo) alone = NULL;

    if (g_regex_match_simple ("^\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){1,3}\\s*\\((?:\\p{Lu}{2,8}|\\p{Lu}\\p{L}+\\s\\p{Lu}\\p{L}+)\\)$",
                              line, 0, 0))
      {
        g_autofree char *agency = g_strndup (strrchr (line, '(') + 1, strlen (strrchr (line, '(') + 1) - 1);
        g_autofree char *first = g_strndup (agency, strcspn (agency, " "));

        if (g_regex_match_simple ("^\\p{Lu}{2,8}$", agency, 0, 0) || _cd_import_is_agency_name (first))
          return (*writer = name_of_credit (line)) != NULL;
      }
  }
  if (!g_regex_match (credit, line, 0, &info))
    return FALSE;
  named = g_match_info_fetch_named (info, "writer");
  if (named != NULL && *named != '\0' && (*writer = name_of_credit (named)) == NULL)
    return FALSE;
  return TRUE;
}

/* The credits under the story, as PAP, ČTK, Antara, CNA and Agerpres set
 * them in the last block: the writer's name gives @article's byline where
 * it has none, the rest goes to @notes (end marks say nothing). A block
 * with a line besides them, or with one line and no writer's name, stays. */
static void
take_author (CdArticle *article,
             GPtrArray *blocks,
             GString   *notes)
{
  g_autofree char *byline = NULL;
  CdWireBlock     *b = NULL;

  for (guint i = blocks->len; i > 0 && b == NULL; i--)
    if (((CdWireBlock *) g_ptr_array_index (blocks, i - 1))->lines->len > 0)
      b = g_ptr_array_index (blocks, i - 1);
  if (b == NULL)
    return;
  for (guint j = 0; j < b->lines->len; j++)
    {
      g_autofree char *writer = NULL;

      if (!_cd_import_is_credit_line (g_ptr_array_index (b->lines, j), &writer))
        return;
      if (writer != NULL && byline == NULL)
        byline = g_steal_pointer (&writer);
    }
  /* Without the writer's name, two credits at least, or the editor's
   * ("Redaktorius Tomas Jankauskas"): not an agency's name or a mark
   * alone. */
  if (byline == NULL && b->lines->len < 2)
    {
      const char *line = g_ptr_array_index (b->lines, 0);

      if (_cd_import_is_end_mark (line) || _cd_import_is_agency_name (line) ||
          g_regex_match (_cd_import_wire_regex (RE_TRAILER), line, 0, NULL))
        return;
    }
  if (byline != NULL && cd_text_is_blank (cd_article_get_byline (article)))
    cd_article_set_byline (article, byline);
  for (guint j = 0; j < b->lines->len; j++)
    {
      const char      *line = g_ptr_array_index (b->lines, j);
      g_autofree char *writer = NULL;

      /* The writer's alone is the byline; with the editors' beside it
       * ("AGERPRES/(A - autor: …, editor: …)") the line is kept too. */
      if (_cd_import_is_credit_line (line, &writer) && !_cd_import_is_end_mark (line) &&
          (writer == NULL || strpbrk (line, ",(") != NULL))
        _cd_import_add_note (notes, line);
    }
  g_ptr_array_set_size (b->lines, 0);
}

/* Takes what stands under the story in wire copy's @blocks
 * (CdWireBlock) into @notes: dpa's notebook, then the sign-off and the
 * trailer, and the writer's credit for @article; a story in takes is read
 * whole. */
void
_cd_import_take_wire_end (CdArticle *article,
                          GPtrArray *blocks,
                          GString   *notes)
{
  join_takes (blocks);
  take_notebook (blocks, notes);
  take_related (blocks, notes);
  take_sign_off (article, blocks, notes);
  take_author (article, blocks, notes);
}
