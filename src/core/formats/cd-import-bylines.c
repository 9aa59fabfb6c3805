/* cd-import-bylines.c: the writer's name as copy gives it: "By Jane
 * Doe" and its forms in the agencies' languages ("Von …", "Por … (dpa)",
 * "Af …/Ritzau", "- von … und …"), a label ("Author: …"), a name alone
 * over the agency's ("Anni Virtanen / STT"), and the writer's post or
 * agency on the line under it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"

/* "By Jane Doe", "BY JANE DOE", "Von Anna Berger", "Par Jean Dupont"
 * give the name, in place; "von der Leyen" stays as it is. So does
 * "ByStaff Reporter", NITF's "By<person>Staff Reporter</person>" read
 * without a space. */
char *
_cd_import_without_by (char *byline)
{
  static const char *const words[] = { "by ", "von ", "par ", "por " };
  g_autofree char         *labelled = byline != NULL ? _cd_import_match_group (_cd_import_wire_regex (RE_AUTHOR_LABEL), byline, "name") : NULL;

  /* "Author: Tina Kovač" */
  if (labelled != NULL)
    memmove (byline, labelled, strlen (labelled) + 1);
  for (guint i = 0; byline != NULL && i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);

      if (g_ascii_strncasecmp (byline, words[i], n) == 0 &&
          (i == 0 || g_unichar_isupper (g_utf8_get_char (byline + n))))
        {
          memmove (byline, byline + n, strlen (byline + n) + 1);
          break;
        }
    }
  if (byline != NULL && strncmp (byline, "By", 2) == 0 && g_ascii_isupper (byline[2]) &&
      g_ascii_islower (byline[3]))
    memmove (byline, byline + 2, strlen (byline + 2) + 1);
  return byline != NULL ? g_strstrip (byline) : NULL;
}

/* @byline with a comma between the name in capitals and the writer's
 * post run on to it, as AP's line under the name joins it in a feed:
 * "MARCUS HALE AP Business Writer" gives "MARCUS HALE, AP Business
 * Writer"; else @byline as it is. */
char *
_cd_import_part_byline_post (const char *byline)
{
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *name = NULL;
  g_autofree char *post = NULL;
  g_autofree char *first = NULL;

  if (byline == NULL)
    return NULL;
  if (!g_regex_match (_cd_import_wire_regex (RE_NAME_THEN_POST), byline, 0, &info))
    return g_strdup (byline);
  name = g_match_info_fetch_named (info, "name");
  post = g_match_info_fetch_named (info, "post");
  first = g_strndup (post, strcspn (post, " "));
  if (!_cd_import_is_agency_name (first) && !_cd_import_is_byline_title (post))
    return g_strdup (byline);
  return g_strdup_printf ("%s, %s", name, post);
}

/* "Von Anna Berg" (German), "Par Jean Dupont" (French), "Por Ana Gil"
 * (Spanish), "Door Piet de Vries" (Dutch), "Av Kari Nordbø" (Norwegian,
 * Swedish), "Af Mette Holm/Ritzau" (Danish), "von Christian Albrecht und
 * Maria Hegel" (two names), "Di Marco Rossi" or "di Marco
 * Rossi" (Italian, as papers set it), "Oleh Budi Santoso" (Indonesian),
 * "Του Γιώργου Παπαδόπουλου" (Greek)
 * give the name where it reads as one: two to five words, each with a
 * capital but the particles of names (von, de, van der …), and perhaps
 * an agency's short name after a comma ("Von Anna Berg, dpa"). "Von Montag an gilt"
 * and "Par avion" are no bylines. */
static char *
foreign_byline (const char *line)
{
  static const char *const by[] = { "von ", "par ", "por ", "door ", "di ", "av ", "af ", "oleh ", "Του ", "του ", "Της ", "της ", NULL };
  static const char *const particles[] = { "von", "van", "de", "der", "den", "del", "della", "di", "da", "du", "la",
                                           "le", "y", "zu", "ter", "ten", "und", "and", "et", "e", "i", "og",
                                           "och", "ja", NULL };
  g_autofree char         *name = NULL;
  g_auto (GStrv) parts = NULL;
  g_auto (GStrv) words = NULL;
  guint n;

  for (guint i = 0; by[i] != NULL && name == NULL; i++)
    if (g_ascii_strncasecmp (line, by[i], strlen (by[i])) == 0)
      name = g_strstrip (g_strdup (line + strlen (by[i])));
  if (name == NULL)
    return NULL;
  parts = g_regex_split_simple ("\\s*[,/]\\s*", name, 0, 0);
  /* An agency's short name, known or not: "dpa", "hpa", "ELTA". */
  if (parts[0] == NULL ||
      (parts[1] != NULL && (parts[2] != NULL || !(_cd_import_is_agency_name (g_strstrip (parts[1])) ||
                                                  g_regex_match_simple ("^(?:\\p{Ll}{2,5}|\\p{Lu}{2,6})$", parts[1], 0, 0)))))
    return NULL;
  words = g_strsplit (g_strstrip (parts[0]), " ", -1);
  n = g_strv_length (words);
  if (n < 2 || n > 8)
    return NULL;
  for (guint i = 0; i < n; i++)
    if (!g_unichar_isupper (g_utf8_get_char (words[i])) &&
        !(i > 0 && i < n - 1 && _cd_import_word_in (words[i], particles)))
      return NULL;
  return g_strdup (parts[1] != NULL && strchr (name, ',') != NULL ? name : parts[0]);
}

/* Whether @line is a name alone: two to four words, each with a capital
 * first, of letters, hyphens and apostrophes ("Marion Keogh"), or two
 * such names joined ("Emily Jackson and Callum Godfrey"). */
gboolean
_cd_import_is_name_line (const char *line)
{
  return g_utf8_strlen (line, -1) <= 80 &&
         g_regex_match_simple ("^\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’.-]*){1,3}"
                               "(?: (?:and|&|und|et|y|e|i|og|och) \\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’.-]*){1,3})?$",
                               line, 0, 0);
}

/* "By Jane Doe" gives "Jane Doe"; "By the river, residents waited." is
 * no byline: a name is a few words without a full stop, from a capital
 * or an agency that writes its name without one ("By dpa correspondents"). */
char *
_cd_import_byline_of_line (const char *line)
{
  g_autofree char *name = NULL;
  g_auto (GStrv) words = NULL;
  gsize n = strlen (line);

  /* Between dashes, as dpa-AFX sets it: "--- Von Matthias Brenner,
   * dpa-AFX ---". */
  if (n > 6 && g_str_has_prefix (line, "--") && g_str_has_suffix (line, "--"))
    {
      g_autofree char *inner = g_strndup (line + strspn (line, "- "), n - strspn (line, "- "));

      g_strchomp (inner);
      for (gsize k = strlen (inner); k > 0 && strchr ("- ", inner[k - 1]) != NULL; k--)
        inner[k - 1] = '\0';
      return *inner != '\0' && !g_str_has_prefix (inner, "-") ? _cd_import_byline_of_line (inner) : NULL;
    }
  /* After a dash, as Reuters' German service sets it: "- von Christian
   * Albrecht". */
  if (n > 2 && (line[0] == '-' || g_str_has_prefix (line, "–") || g_str_has_prefix (line, "—")) &&
      g_unichar_isspace (g_utf8_get_char (g_utf8_next_char (line))))
    return _cd_import_byline_of_line (g_utf8_next_char (line) + 1);
  /* With the place after a middle dot: "Autor: Lucía Ferrer · Valencia". */
  if (strstr (line, " · ") != NULL)
    {
      g_autofree char *before = g_strndup (line, strstr (line, " · ") - line);
      char            *byline = _cd_import_byline_of_line (before);

      if (byline != NULL)
        return byline;
    }
  /* Labelled: "Author: Rūta Kazlauskaitė", "Haber: Zeynep Aydemir". */
  if ((name = _cd_import_match_group (_cd_import_wire_regex (RE_AUTHOR_LABEL), line, "name")) != NULL)
    /* A name of a script without capitals too: "作者：张伟". */
    return _cd_import_is_name_line (g_strstrip (name)) || g_regex_match_simple ("^\\p{Lo}{2,8}$", name, 0, 0) ||
                   g_regex_match_simple ("^\\p{Arabic}{2,}(?:\\s\\p{Arabic}{2,}){1,3}$", name, 0, 0)
               ? g_steal_pointer (&name)
               : NULL;
  /* With the agency after it in brackets: "Por Jonas Brehm (dpa)". */
  if (n > 3 && line[n - 1] == ')' && strrchr (line, '(') != NULL && strrchr (line, '(') > line)
    {
      const char      *open = strrchr (line, '(');
      g_autofree char *agency = g_strndup (open + 1, line + n - 1 - (open + 1));

      if (_cd_import_is_agency_name (agency))
        {
          g_autofree char *bare = g_strchomp (g_strndup (line, open - line));
          char            *byline = _cd_import_byline_of_line (bare);

          /* Or a name alone before it: "Daiva Petrauskienė (ELTA)". */
          if (byline == NULL && _cd_import_is_name_line (bare))
            return g_steal_pointer (&bare);
          return byline;
        }
    }
  name = _cd_import_match_group (_cd_import_wire_regex (RE_BYLINE), line, "name");
  if (name == NULL && (name = foreign_byline (line)) != NULL)
    return g_steal_pointer (&name);
  /* The name over the agency's, as STT sets it: "Anni Virtanen / STT",
   * or after a comma: "Liam Cassidy, The Canadian Press". */
  if (name == NULL && strpbrk (line, "/,") != NULL)
    {
      g_auto (GStrv) parts = g_regex_split_simple ("\\s*[/,]\\s*", line, 0, 0);

      if (g_strv_length (parts) == 2 && _cd_import_is_agency_name (parts[1]))
        {
          char *foreign = foreign_byline (parts[0]);

          if (foreign != NULL)
            return foreign;
          /* After a comma the agency stays, as papers print it. */
          if (!_cd_import_is_name_line (parts[0]))
            return NULL;
          return strchr (line, ',') != NULL ? g_strdup (line) : g_strdup (parts[0]);
        }
    }
  if (name == NULL)
    return NULL;
  if (g_str_has_suffix (name, "."))
    return NULL;
  words = g_strsplit (name, " ", -1);
  if (g_strv_length (words) > 8 ||
      (!g_unichar_isupper (g_utf8_get_char (name)) && !_cd_import_is_agency_name (words[0])))
    return NULL;
  return g_steal_pointer (&name);
}

/* Whether @line is what agencies write on the line under a byline: the
 * agency ("Associated Press", "The Associated Press", "Reuters", in
 * brackets or not) or the writer's post ("AP Science Writer", "Staff
 * Correspondent"), short and with no sentence's end. */
gboolean
_cd_import_is_byline_title (const char *line)
{
  static const char *const words[] = {
    "associated", "press", "reuters", "afp", "ap", "dpa", "bloomberg", "agency", "agencies",
    "news", "writer", "correspondent", "reporter", "editor", "columnist", "contributor",
    "staff", "bureau", "chief", NULL
  };
  g_auto (GStrv) tokens = NULL;
  g_autofree char *unbracketed = NULL;
  guint            n = 0, known = 0;

  g_assert (line != NULL);

  /* In brackets, as AAP sets it: "(Australian Associated Press)". */
  if (*line == '(' && g_str_has_suffix (line, ")"))
    line = unbracketed = g_strndup (line + 1, strlen (line) - 2);
  /* An agency's name: "La Presse Canadienne". */
  if (_cd_import_is_agency_name (line))
    return TRUE;
  tokens = g_regex_split_simple ("[\\s,]+", line, 0, 0);
  if (g_utf8_strlen (line, -1) > 48 || strpbrk (line, ".!?:;\"()") != NULL)
    return FALSE;
  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      {
        n++;
        known += _cd_import_word_in (tokens[i], words);
        if (!g_unichar_isupper (g_utf8_get_char (tokens[i])) && !_cd_import_word_in (tokens[i], words) &&
            g_ascii_strcasecmp (tokens[i], "the") != 0)
          return FALSE;
      }
  return n > 0 && n <= 5 && known > 0;
}

/* Adds the writer's post or agency @title to @byline: after a comma, or
 * a space where it is in brackets ("Tom Gallagher (Australian Associated
 * Press)"). */
void
_cd_import_append_byline_title (GString    *byline,
                                const char *title)
{
  g_string_append_printf (byline, "%s%s", *title == '(' ? " " : ", ", title);
}
