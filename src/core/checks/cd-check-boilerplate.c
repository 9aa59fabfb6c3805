/* cd-check-boilerplate.c: the leftover-boilerplate rule: the paragraphs a
 * news site puts under every story (donation and newsletter pleas, social
 * follow lines, pleas to get the app or send tips, contact and legal
 * footers, "Read more:" and credit lines)
 * that came along when the story was copied from the site or the wire.
 *
 * Only the end of the body is read: a run of paragraphs that closes it, each
 * either one of those kinds or a short line beside them (an address, a row
 * of network names). The run is one finding, to delete whole. The same words
 * in the middle of a story are the story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"

/* A short line beside boilerplate has at most this many words. */
#define SHORT_LINE_WORDS 10

typedef struct
{
  gsize start;
  gsize end; /* without the trailing newlines */
  guint words;
} Paragraph;

static gboolean
has_any (const char        *text,
         const char *const *needles)
{
  g_assert (text != NULL);
  g_assert (needles != NULL);

  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (text, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
starts_with_any (const char        *text,
                 const char *const *prefixes)
{
  g_assert (text != NULL);
  g_assert (prefixes != NULL);

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (text, prefixes[i]))
      return TRUE;
  return FALSE;
}

/* A currency sign right before a figure: "$1", "£5", "€ 10". */
static gboolean
has_amount (const char *text)
{
  static const char *signs[] = { "$", "£", "€", "usd ", "eur " };

  g_assert (text != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    for (const char *p = strstr (text, signs[i]); p != NULL; p = strstr (p + 1, signs[i]))
      {
        const char *q = p + strlen (signs[i]);

        while (*q == ' ')
          q++;
        if (g_ascii_isdigit (*q))
          return TRUE;
      }
  return FALSE;
}

/* Whether a paragraph, folded to lower case and with Markdown emphasis and
 * link brackets dropped, is what sites put under their stories. */
static gboolean
is_boilerplate (const char *p)
{
  static const char *const plea[] = { "donate", "donation", "support us", "support our",
                                      "support independent", "become a member",
                                      "become a patron", "become a supporter", "contribution",
                                      "contribute", "chip in", NULL };
  static const char *const plea_reason[] = { "journalism", "reporting", " today", " now",
                                             "as little as", "if you value", "if you like",
                                             "if you enjoy", NULL };
  static const char *const networks[] = { "twitter", "facebook", "instagram", "telegram",
                                          "youtube", "tiktok", "linkedin", "whatsapp",
                                          "threads", "mastodon", "bluesky", "social media",
                                          NULL };
  static const char *const follow[] = { "follow us", "follow our", "stay connected",
                                        "stay in touch", "like us on", "join us on",
                                        "join our", "connect with us", "find us on", NULL };
  /* A plea to get the site's app, and to send it tips. */
  static const char *const app[] = { "our app", "our free app", "our mobile app",
                                     "our news app", NULL };
  static const char *const app_verbs[] = { "download", "install", "get ", NULL };
  static const char *const tip[] = { "news tip", "story tip", "got a tip", "have a tip",
                                     "tip-off", "tip us", "tips to", NULL };
  static const char *const reach_us[] = { "contact us", "email us", "e-mail us", "write to us",
                                          "reach us", "send us", "message us", NULL };
  static const char *const footer[] = { "terms of use", "terms of service", "terms and conditions",
                                        "privacy policy", "cookie policy", "all rights reserved",
                                        "our standards", "editorial standards", "copyright ©",
                                        NULL };
  static const char *const openers[] = { "contact us", "contact:", "email us", "e-mail us",
                                         "write to us", "got a tip", "send us your",
                                         "send tips", "read more:", "read also:", "also read:",
                                         "related:", "see also:", "this article is written by",
                                         "this article was written by",
                                         "this story was written by",
                                         "this article was originally published",
                                         "this story was originally published",
                                         "this article first appeared",
                                         "this story first appeared",
                                         "sign up for", "subscribe to", "©", NULL };

  g_assert (p != NULL);

  if (strstr (p, "as little as") != NULL && (has_amount (p) || has_any (p, plea)))
    return TRUE;
  if (has_any (p, plea) && (has_amount (p) || has_any (p, plea_reason)))
    return TRUE;
  if (strstr (p, "newsletter") != NULL &&
      (strstr (p, "sign up") != NULL || strstr (p, "subscribe") != NULL))
    return TRUE;
  if (has_any (p, follow) && has_any (p, networks))
    return TRUE;
  if (has_any (p, app) && has_any (p, app_verbs))
    return TRUE;
  if (has_any (p, reach_us) && (has_any (p, tip) || strchr (p, '@') != NULL))
    return TRUE;
  return has_any (p, footer) || starts_with_any (p, openers);
}

/* The paragraph as the reader reads it, in lower case: Markdown emphasis,
 * heading and quote markers, brackets and escapes dropped. */
static char *
paragraph_plain (const CdCheckField *field,
                 const Paragraph    *paragraph)
{
  GString    *out = g_string_new (NULL);
  const char *text = field->text;

  g_assert (field != NULL);
  g_assert (paragraph != NULL);

  for (gsize i = paragraph->start; i < paragraph->end; i++)
    {
      char c = text[i];

      if (c == '*' || c == '_' || c == '\\' || c == '[' || c == ']' || c == '#' || c == '>')
        continue;
      if (c == '\n')
        c = ' ';
      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_c (out, g_ascii_tolower (c));
    }
  return g_string_free (out, FALSE);
}

static GArray *
split_paragraphs (const CdCheckField *field)
{
  GArray     *paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  const char *text = field->text;
  gsize       pos = 0;
  guint       w = 0;

  g_assert (field != NULL);

  while (pos < field->length)
    {
      Paragraph   paragraph = { pos, field->length, 0 };
      const char *blank = g_strstr_len (text + pos, field->length - pos, "\n\n");
      gsize       next = field->length;

      if (blank != NULL)
        {
          paragraph.end = blank - text;
          next = paragraph.end;
          while (next < field->length && (text[next] == '\n' || text[next] == ' '))
            next++;
        }
      while (paragraph.end > paragraph.start && g_ascii_isspace (text[paragraph.end - 1]))
        paragraph.end--;
      for (; w < field->words->len &&
             g_array_index (field->words, CdCheckWord, w).start < paragraph.end;
           w++)
        paragraph.words++;
      if (paragraph.end > paragraph.start)
        g_array_append_val (paragraphs, paragraph);
      pos = next;
    }
  return paragraphs;
}

void
_cd_check_boilerplate (CdCheckContext *ctx)
{
  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];
      g_autoptr (GArray) paragraphs = NULL;
      guint block_start = G_MAXUINT;

      if (!field->prose || !field->markdown)
        continue;
      paragraphs = split_paragraphs (field);

      /* From the end: boilerplate paragraphs and the short lines among
       * them; the block starts at the first boilerplate paragraph. */
      for (guint i = paragraphs->len; i > 0; i--)
        {
          const Paragraph *paragraph = &g_array_index (paragraphs, Paragraph, i - 1);
          g_autofree char *plain = NULL;

          /* A fenced block (a WordPress block, code) is not site text. */
          if (field->mask[paragraph->start] == CD_CHECK_MASK_CODE &&
              (g_str_has_prefix (field->text + paragraph->start, "```") ||
               g_str_has_prefix (field->text + paragraph->start, "~~~")))
            break;
          plain = paragraph_plain (field, paragraph);
          if (is_boilerplate (plain))
            block_start = i - 1;
          else if (paragraph->words > SHORT_LINE_WORDS)
            break;
        }
      /* A story of nothing but boilerplate is for a person to look at. */
      if (block_start == G_MAXUINT || block_start == 0)
        continue;
      _cd_check_add (ctx, f, CD_CHECK_RULE_LEFTOVER_BOILERPLATE, CD_CHECK_SEVERITY_WARNING,
                     g_array_index (paragraphs, Paragraph, block_start).start,
                     g_array_index (paragraphs, Paragraph, paragraphs->len - 1).end, "",
                     "Site boilerplate left at the end of the story; delete these paragraphs");
    }
}
