/* cd-import-xml-text.c: a paragraph of agency XML that holds plain text
 * set out as the feed's own text: results in columns, or a whole story as
 * wire copy, its paragraphs marked by an indent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-html-private.h"

/* The text of @p, when it holds text alone: else NULL. */
static char *
plain_text_of (xmlNode *p)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (xmlNode *child = p->children; child != NULL; child = child->next)
    if (child->type != XML_TEXT_NODE)
      return NULL;
    else if (child->content != NULL)
      g_string_append (text, (const char *) child->content);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Whether @line sets its words in columns: a run of spaces between two
 * of them, not the two after a full stop of typewritten copy. */
static gboolean
has_columns (const char *line)
{
  const char *p = line + strspn (line, " \t");

  for (; *p != '\0'; p++)
    if (p[0] != ' ' && strchr (".!?:;,\"'", p[0]) == NULL && p[1] == ' ' && p[2] == ' ')
      {
        const char *after = p + 1 + strspn (p + 1, " ");

        if (*after != '\0')
          return TRUE;
      }
  return FALSE;
}

/* A paragraph of text only, whose lines set results or a table in
 * columns with spaces, as Reuters sends them in a <p> ("Adanaspor  2
 * Kasimpasa  0"): written as a paragraph of its first long lines of
 * prose, if any, and the rest as preformatted text. Returns whether
 * @p was written so. */
static gboolean
write_columns (GString *html,
               xmlNode *p)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint columns = 0, first = 0, last;

  text = plain_text_of (p);
  if (text == NULL || strchr (text, '\n') == NULL)
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    columns += has_columns (lines[i]);
  if (columns < 3)
    return FALSE;
  while (lines[first] != NULL && !has_columns (lines[first]) &&
         g_utf8_strlen (g_strstrip (lines[first]), -1) >= 40)
    first++;
  if (first > 0)
    {
      g_string_append (html, "<p>");
      for (guint i = 0; i < first; i++)
        {
          g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

          g_string_append_printf (html, "%s%s", i > 0 ? " " : "", escaped);
        }
      g_string_append (html, "</p>");
    }
  for (last = g_strv_length (lines); last > first && *g_strchomp (lines[last - 1]) == '\0';)
    last--;
  g_string_append (html, "<pre>");
  for (guint i = first; i < last; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_strchomp (lines[i]), -1);

      g_string_append_printf (html, "%s\n", escaped);
    }
  g_string_append (html, "</pre>");
  return TRUE;
}

static gboolean
is_indented (const char *line)
{
  return line[0] == '\t' || (line[0] == ' ' && line[1] == ' ');
}

/* Whether @line, without its indent, is an item of a list ("* Spot gold
 * may edge up"); gives the item's text. */
static const char *
list_item (const char *line)
{
  const char *p = line + strspn (line, " \t");

  return (p[0] == '*' || p[0] == '-' || p[0] == '+') && p[1] == ' ' ? p + 2 : NULL;
}

/* A paragraph holding a whole story as wire copy, as Reuters sends it in
 * one <p>: lines wrapped by the feed, each paragraph's first line
 * indented ("    Traders were also awaiting the U.S. Federal
 * Reserve's\ntwo-day meeting …"), its summary a list ("    * Spot gold
 * may edge up"). Written as its paragraphs and lists. XML laid out by
 * hand indents every line alike, and is no such text. Returns whether
 * @p was written so. */
static gboolean
write_indented (GString *html,
                xmlNode *p)
{
  g_autofree char *text = plain_text_of (p);
  g_auto (GStrv) lines = NULL;
  guint    indented = 0, flush = 0;
  gboolean open = FALSE, in_list = FALSE;

  if (text == NULL || strchr (text, '\n') == NULL)
    return FALSE;
  g_strdelimit (text, "\r", ' ');
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    if (*g_strchomp (lines[i]) != '\0')
      {
        if (is_indented (lines[i]))
          indented++;
        else
          flush++;
      }
  if (indented < 2 || flush < 2)
    return FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char      *line = lines[i];
      const char      *item = list_item (line);
      g_autofree char *escaped = NULL;

      if (*line == '\0' || (i > 0 && is_indented (line)) || item != NULL)
        {
          if (open)
            g_string_append (html, in_list ? "</li>" : "</p>");
          if (in_list && item == NULL)
            g_string_append (html, "</ul>");
          open = FALSE;
          in_list = in_list && item != NULL;
        }
      if (*line == '\0')
        continue;
      escaped = g_markup_escape_text (item != NULL ? item : line + strspn (line, " \t"), -1);
      if (!open)
        {
          if (item != NULL && !in_list)
            g_string_append (html, "<ul>");
          in_list = item != NULL;
          g_string_append (html, in_list ? "<li>" : "<p>");
          open = TRUE;
        }
      else
        g_string_append_c (html, ' ');
      g_string_append (html, escaped);
    }
  if (open)
    g_string_append (html, in_list ? "</li>" : "</p>");
  if (in_list)
    g_string_append (html, "</ul>");
  return TRUE;
}

/**
 * _cd_import_xml_write_text:
 * @html: the story's HTML, written so far
 * @p: a paragraph of the story
 *
 * Writes @p to @html as its columns or its paragraphs when it holds
 * plain text set out so (see write_columns() and write_indented()).
 *
 * Returns: whether @p was written
 */
gboolean
_cd_import_xml_write_text (GString *html,
                           xmlNode *p)
{
  g_assert (html != NULL);
  g_assert (p != NULL);

  return write_columns (html, p) || write_indented (html, p);
}
