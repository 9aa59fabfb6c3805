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
      else if (!_cd_import_is_end_mark (line))
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

/* Sets the sign-off and trailer lines under the last paragraph with no
 * blank line between them ("… relu.", "ats/mk/jb") in a block of their
 * own, the last. */
static void
split_sign_off (GPtrArray *blocks)
{
  CdWireBlock *last = NULL, *own;
  guint        from;

  for (guint i = blocks->len; i > 0 && last == NULL; i--)
    if (((CdWireBlock *) g_ptr_array_index (blocks, i - 1))->lines->len > 0)
      last = g_ptr_array_index (blocks, i - 1);
  if (last == NULL || last->lines->len < 2)
    return;
  for (from = last->lines->len; from > 0 && is_signing (g_ptr_array_index (last->lines, from - 1)); from--)
    ;
  /* None, or the whole block signs off. */
  if (from == last->lines->len || from == 0)
    return;
  own = g_new0 (CdWireBlock, 1);
  own->lines = g_ptr_array_new_with_free_func (g_free);
  while (last->lines->len > from)
    {
      g_ptr_array_add (own->lines, g_strdup (g_ptr_array_index (last->lines, from)));
      g_ptr_array_remove_index (last->lines, from);
    }
  g_ptr_array_add (blocks, own);
}

/* The agency whose copyright @line claims, under the story: "(©NTB)",
 * "(c) Agencia EFE", "(Copyright 2027 The Associated Press. All Rights
 * Reserved.)", "Copyright Thomson Reuters 2027": @article's source
 * where it names none. A photographer's "© Jane Doe" names no agency. */
static void
take_copyright_source (CdArticle  *article,
                       const char *line)
{
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *holder = NULL;
  g_autofree char *agency = NULL;
  g_auto (GStrv) words = NULL;

  if (!cd_text_is_blank (cd_article_get_source (article)) ||
      !g_regex_match_simple ("^\\(?\\s*(?:©|\\(c\\)|copyright\\b)", line, G_REGEX_CASELESS, 0))
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

/* Joins a story sent in takes: a take's "MORE" and the next take's slug
 * line under it ("BC-EU--Netherlands-Dike Breach, Take 2,0940") go, so
 * the story reads on. */
static void
join_takes (GPtrArray *blocks)
{
  for (guint i = 0; i + 1 < blocks->len; i++)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, i);
      CdWireBlock *next = g_ptr_array_index (blocks, i + 1);

      if (b->lines->len == 0 || next->lines->len == 0 ||
          !g_regex_match_simple ("^(?:MORE|\\(MORE\\)|-MORE-|more\\s+follows)$", g_ptr_array_index (b->lines, b->lines->len - 1), 0, 0) ||
          !g_regex_match (_cd_import_wire_regex (RE_SLUG), g_ptr_array_index (next->lines, 0), 0, NULL))
        continue;
      g_ptr_array_remove_index (b->lines, b->lines->len - 1);
      g_ptr_array_remove_index (next->lines, 0);
    }
}

/* The writer's credit on the story's last line, as PAP, ČTK and other
 * agencies set it ("Autorka: Anna Kowalczyk", "Autor: Jan Nowak (PAP)"):
 * taken out, and the name given as @article's byline where it has none.
 * The name is a few words, each with a capital but the words that join
 * two names. */
static void
take_author (CdArticle *article,
             GPtrArray *blocks)
{
  g_auto (CdImportLabels) labels = { { NULL } };
  g_autoptr (GRegex) name = NULL;
  g_autoptr (GMatchInfo) info = NULL;
  CdWireBlock *b = NULL;
  const char  *line;

  for (guint i = blocks->len; i > 0 && b == NULL; i--)
    if (((CdWireBlock *) g_ptr_array_index (blocks, i - 1))->lines->len > 0)
      b = g_ptr_array_index (blocks, i - 1);
  if (b == NULL || b->lines->len != 1)
    return;
  line = g_ptr_array_index (b->lines, 0);
  if (!_cd_import_read_label (line, strlen (line), &labels) || labels.values[CD_LABEL_BYLINE] == NULL)
    return;
  /* The name, then perhaps the agency: "(PAP)", ", dpa", "/ČTK". */
  name = g_regex_new ("^(?<name>\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|i|and|und|et|e|y|&)){1,7})"
                      "(?:\\s*\\(\\p{Lu}[\\p{L}-]{1,20}\\)|\\s*[,/]\\s*\\p{L}[\\p{L}-]{1,20})?$",
                      0, 0, NULL);
  if (!g_regex_match (name, labels.values[CD_LABEL_BYLINE], 0, &info))
    return;
  if (cd_text_is_blank (cd_article_get_byline (article)))
    {
      g_autofree char *by = g_match_info_fetch_named (info, "name");

      cd_article_set_byline (article, by);
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
  take_sign_off (article, blocks, notes);
  take_author (article, blocks);
}
