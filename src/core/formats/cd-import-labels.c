/* cd-import-labels.c: a story's labelled lines, as newsroom templates and
 * story budgets head copy: "Slug: council-budget", "Hed: …", "Dek: …",
 * "By: …", "Words: 600", "Caption: …" (in English and the newsroom's
 * other languages). A run of two or more such lines at the top of wire
 * copy, an email's text or a document gives the article those fields,
 * and leaves the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"
#include "cd-render.h"

/* The labels of each field, lower case. */
/* clang-format off */
static const char *const *const names[CD_LABEL_N] = {
  [CD_LABEL_SLUG] = (const char *const[]){ "slug", "slugline", "stichwort", NULL },
  [CD_LABEL_HEADLINE] = (const char *const[]){ "hed", "head", "headline", "title", "überschrift",
                                               "titel", "titre", "titular", "kop", NULL },
  [CD_LABEL_DEK] = (const char *const[]){ "dek", "deck", "subhed", "subhead", "subheadline", "sub-headline",
                                          "standfirst", "unterzeile", "utl.", "utl", "chapeau", "sumario", NULL },
  [CD_LABEL_BYLINE] = (const char *const[]){ "by", "byline", "author", "autor", "auteur", "autora",
                                                "autorka", "autorin", "autore", "autrice", NULL },
  [CD_LABEL_DATELINE] = (const char *const[]){ "dateline", "ortsmarke", NULL },
  [CD_LABEL_SOURCE] = (const char *const[]){ "source", "quelle", NULL },
  [CD_LABEL_SECTION] = (const char *const[]){ "section", "desk", "ressort", "rubrique", NULL },
  [CD_LABEL_TAGS] = (const char *const[]){ "tags", "keywords", "schlagworte", "schlagwörter", NULL },
  [CD_LABEL_LENGTH] = (const char *const[]){ "words", "length", "wordcount", "word count", "länge", NULL },
  [CD_LABEL_CAPTION] = (const char *const[]){ "caption", "cutline", "photo caption", "bildunterschrift",
                                              "légende", NULL },
  [CD_LABEL_CREDIT] = (const char *const[]){ "credit", "photo credit", "bildnachweis", NULL },
  [CD_LABEL_NOTE] = (const char *const[]){ "note", "notes", "ednote", "editor's note", "editors' note",
                                           "note to editors", "eds", "anmerkung", NULL },
  [CD_LABEL_KICKER] = (const char *const[]){ "kicker", "flag", "overline", "dachzeile", "surtitre", "antetítulo",
                                             "occhiello", NULL },
  [CD_LABEL_PICTURES] = (const char *const[]){ "pictures", "picture", "pics", "pix", "photo", "photos", "images",
                                               "art", "graphics", "bild", "bilder", "foto", "fotos", NULL },
};

/* The labels, with no value, of the story's text under a template's
 * head ("COPY:"). */
static const char *const copy_names[] = { "copy", "text", "body", "story", "copy follows", "text follows",
                                          "story follows", "main text", "body copy", "texte", "texto", "testo",
                                          NULL };
/* clang-format on */

/* Reads the line @line (@length bytes) into @labels when it is a known
 * label with a value ("Hed: Council passes budget"); returns whether it
 * is. A label given twice keeps its first value. */
gboolean
_cd_import_read_label (const char     *line,
                       gsize           length,
                       CdImportLabels *labels)
{
  const char      *colon = memchr (line, ':', length);
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;

  if (colon == NULL || colon == line || colon - line > 24)
    return FALSE;
  label = g_utf8_strdown (line, colon - line);
  g_strstrip (label);
  value = g_strstrip (g_strndup (colon + 1, length - (colon + 1 - line)));
  if (*value == '\0' && g_strv_contains (copy_names, label))
    {
      labels->copy_follows = TRUE;
      labels->count++;
      return TRUE;
    }
  if (*value == '\0' || !g_utf8_validate (value, -1, NULL))
    return FALSE;
  for (guint field = 0; field < CD_LABEL_N; field++)
    for (guint k = 0; names[field][k] != NULL; k++)
      if (g_str_equal (label, names[field][k]))
        {
          if (labels->values[field] == NULL)
            labels->values[field] = g_steal_pointer (&value);
          labels->count++;
          return TRUE;
        }
  return FALSE;
}

/* The end of the run of label lines (blank lines between them allowed) at
 * @text, or @text itself where the run has fewer than two. */
static const char *
read_block (const char     *text,
            CdImportLabels *labels)
{
  const char *end = text;

  for (const char *line = text; *line != '\0';)
    {
      const char *eol = strchr (line, '\n');
      gsize       n = eol != NULL ? (gsize) (eol - line) : strlen (line);

      if (n > 0 && line[n - 1] == '\r')
        n--;
      if (strspn (line, " \t\r") < n)
        {
          if (!_cd_import_read_label (line, n, labels))
            break;
          end = eol != NULL ? eol + 1 : line + strlen (line);
          if (labels->copy_follows)
            break;
        }
      line = eol != NULL ? eol + 1 : line + strlen (line);
    }
  if (labels->count >= 2)
    return end;
  _cd_import_labels_clear (labels);
  return text;
}

/* Gives @article the fields @labels name (they are the story's own word:
 * over what the text gave), the note to @notes. */
void
_cd_import_apply_labels (CdArticle            *article,
                         const CdImportLabels *labels,
                         GString              *notes)
{
  static const struct
  {
    CdImportLabel label;
    void (*set) (CdArticle *, const char *);
  } text_fields[] = {
    {CD_LABEL_HEADLINE,  cd_article_set_headline     },
    { CD_LABEL_DEK,      cd_article_set_dek          },
    { CD_LABEL_DATELINE, cd_article_set_dateline     },
    { CD_LABEL_SOURCE,   cd_article_set_source       },
    { CD_LABEL_SECTION,  cd_article_set_section      },
    { CD_LABEL_CAPTION,  cd_article_set_image_caption},
    { CD_LABEL_CREDIT,   cd_article_set_image_credit },
  };
  char *const *v = labels->values;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (v[text_fields[i].label] != NULL)
      text_fields[i].set (article, v[text_fields[i].label]);
  if (v[CD_LABEL_SLUG] != NULL)
    {
      /* A desk's catchline as the story's address: "ANALYSIS-RATES". */
      g_autofree char *slug = cd_make_slug (v[CD_LABEL_SLUG]);

      cd_article_set_slug (article, *slug != '\0' ? slug : v[CD_LABEL_SLUG]);
    }
  if (v[CD_LABEL_BYLINE] != NULL)
    {
      g_autofree char *byline = _cd_import_without_by (g_strdup (v[CD_LABEL_BYLINE]));

      cd_article_set_byline (article, byline);
    }
  if (v[CD_LABEL_TAGS] != NULL)
    {
      g_auto (GStrv) tags = g_strsplit_set (v[CD_LABEL_TAGS], ",;", -1);
      g_autoptr (GPtrArray) kept = g_ptr_array_new ();

      for (guint i = 0; tags[i] != NULL; i++)
        if (*g_strstrip (tags[i]) != '\0')
          g_ptr_array_add (kept, tags[i]);
      g_ptr_array_add (kept, NULL);
      cd_article_set_tags (article, (const char *const *) kept->pdata);
    }
  if (v[CD_LABEL_LENGTH] != NULL)
    {
      /* "600", "600 words", "about 600", "1,200" */
      g_autoptr (GString) digits = g_string_new (NULL);

      for (const char *p = v[CD_LABEL_LENGTH]; *p != '\0' && digits->len < 6; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
        else if (digits->len > 0 && *p != ',' && *p != '.')
          break;
      if (digits->len > 0)
        cd_article_set_length_target (article, (guint) g_ascii_strtoull (digits->str, NULL, 10));
    }
  if (v[CD_LABEL_NOTE] != NULL)
    _cd_import_add_note (notes, v[CD_LABEL_NOTE]);
  /* What is the desk's to do, as the template says it. */
  if (v[CD_LABEL_KICKER] != NULL)
    {
      g_autofree char *note = g_strdup_printf ("Kicker: %s", v[CD_LABEL_KICKER]);

      _cd_import_add_note (notes, note);
    }
  if (v[CD_LABEL_PICTURES] != NULL)
    {
      g_autofree char *note = g_strdup_printf ("Pictures: %s", v[CD_LABEL_PICTURES]);

      _cd_import_add_note (notes, note);
    }
}

/**
 * _cd_import_take_labels:
 * @article: what the labels fill
 * @markdown: (transfer full): a story as Markdown, each of its head's lines
 *   a paragraph (_cd_import_split_head_lines())
 * @notes: where a labelled note goes
 *
 * A template's run of two or more label paragraphs at the top of
 * @markdown ("SLUG: council-budget", "HED: …", "DEK: …", a label in bold
 * too), as an HTML message sets them, gives @article their fields.
 *
 * Returns: (transfer full): @markdown without the run, or @markdown
 */
char *
_cd_import_take_labels (CdArticle *article,
                        char      *markdown,
                        GString   *notes)
{
  g_auto (CdImportLabels) labels = { { NULL } };
  const char *rest = markdown + strspn (markdown, " \t\r\n");
  const char *end = rest;
  char       *out;

  g_assert (CD_IS_ARTICLE (article));
  g_assert (markdown != NULL && notes != NULL);

  while (*end != '\0')
    {
      const char      *next = strstr (end, "\n\n");
      gsize            n = next != NULL ? (gsize) (next - end) : strlen (end);
      g_autofree char *para = g_strndup (end, n);
      g_autofree char *plain = g_strstrip (cd_render_plain_text (para, -1));

      if (strchr (plain, '\n') != NULL || !_cd_import_read_label (plain, strlen (plain), &labels))
        break;
      end = next != NULL ? next + 2 + strspn (next + 2, "\n") : end + n;
      if (labels.copy_follows)
        break;
    }
  if (labels.count < 2)
    return markdown;
  _cd_import_apply_labels (article, &labels, notes);
  out = g_strdup (end);
  g_free (markdown);
  return out;
}

/* Takes a standfirst's label off @article's standfirst ("Utl.: …", as
 * APA heads it) and the " =" dpa and APA end it with. */
void
_cd_import_tidy_dek (CdArticle *article)
{
  g_auto (CdImportLabels) labels = { { NULL } };
  const char      *dek = cd_article_get_dek (article);
  g_autofree char *tidy = NULL;

  if (cd_text_is_blank (dek))
    return;
  tidy = _cd_import_read_label (dek, strlen (dek), &labels) && labels.values[CD_LABEL_DEK] != NULL
             ? g_strdup (labels.values[CD_LABEL_DEK])
             : g_strdup (dek);
  if (g_str_has_suffix (tidy, " ="))
    tidy[strlen (tidy) - 2] = '\0';
  cd_article_set_dek (article, g_strchomp (tidy));
}

void
_cd_import_labels_clear (CdImportLabels *labels)
{
  for (guint field = 0; field < CD_LABEL_N; field++)
    g_clear_pointer (&labels->values[field], g_free);
  labels->count = 0;
  labels->copy_follows = FALSE;
}

/* The importer of wire copy (see %CD_IMPORT_FORMAT_WIRE): a template's
 * label lines at the top of @text, or under its first line (an email's
 * subject, a headline), give their fields; the rest is read as wire copy
 * (_cd_import_wire_copy()), with the labelled headline on top. */
gboolean
_cd_import_wire (CdArticle  *article,
                 const char *text,
                 gsize       length,
                 const char *origin,
                 GError    **error)
{
  g_auto (CdImportLabels) labels = { { NULL } };
  g_autofree char *copy = _cd_import_unpage_text (g_strndup (text, length));
  g_autofree char *rest = NULL;
  g_autoptr (GString) notes = NULL;
  const char *start = copy + _cd_import_skip_bom (copy, length);
  const char *end = read_block (start, &labels);
  const char *first_end;
  /* The first line the labelled headline stands for (an email's subject). */
  g_autofree char *replaced = NULL;

  g_assert (CD_IS_ARTICLE (article));

  if (end == start && (first_end = strstr (start, "\n\n")) != NULL)
    {
      g_autofree char *first = g_strndup (start, first_end - start);

      end = read_block (first_end + 2, &labels);
      if (labels.count > 0)
        rest = g_strconcat (labels.values[CD_LABEL_HEADLINE] != NULL ? labels.values[CD_LABEL_HEADLINE] : first,
                            "\n\n", end, NULL);
      if (labels.count > 0 && labels.values[CD_LABEL_HEADLINE] != NULL)
        replaced = g_steal_pointer (&first);
    }
  else if (end != start)
    rest = labels.values[CD_LABEL_HEADLINE] != NULL ? g_strconcat (labels.values[CD_LABEL_HEADLINE], "\n\n", end, NULL)
                                                    : g_strdup (end);
  if (rest == NULL)
    return _cd_import_wire_copy (article, copy, strlen (copy), origin, error);
  if (!_cd_import_wire_copy (article, rest, strlen (rest), origin, error))
    return FALSE;
  notes = g_string_new (cd_article_get_ednote (article));
  if (replaced != NULL)
    _cd_import_add_note (notes, g_strstrip (replaced));
  _cd_import_apply_labels (article, &labels, notes);
  cd_article_set_ednote (article, notes->len > 0 ? notes->str : NULL);
  return TRUE;
}
