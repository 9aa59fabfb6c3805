/* cd-check.c: the editorial check engine: the checker's settings, and a
 * run, which lays out an article's fields, calls each rule family in turn
 * and turns what they found into findings.
 *
 * The person's lists (word list, house style, ignored findings) are in
 * cd-check-lists.c, the dictionaries and word helpers in cd-check-words.c,
 * the findings themselves in cd-check-finding.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"

G_DEFINE_FINAL_TYPE (CdChecker, cd_checker, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DEFAULT_LANGUAGE,
  PROP_HEADLINE_LIMIT,
  PROP_THOROUGH_SUGGESTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (CdCheckError, cd_check_error)

/* The checker */

static void
cd_checker_finalize (GObject *object)
{
  CdChecker *self = CD_CHECKER (object);

  g_clear_pointer (&self->spell_caches, g_hash_table_unref);
  g_clear_pointer (&self->suggest_caches, g_hash_table_unref);
  _cd_checker_free_dicts_locked (self);
  g_clear_pointer (&self->dicts, g_hash_table_unref);
  g_clear_pointer (&self->broker, enchant_broker_free);
  g_clear_pointer (&self->words, g_ptr_array_unref);
  g_clear_pointer (&self->word_set, g_hash_table_unref);
  g_clear_pointer (&self->house_style, g_ptr_array_unref);
  g_clear_pointer (&self->house_style_index, g_hash_table_unref);
  g_clear_pointer (&self->ignores, g_hash_table_unref);
  _cd_checker_clear_image_source (self);
  g_free (self->house_style_text);
  g_free (self->default_language);
  g_free (self->data_dir);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cd_checker_parent_class)->finalize (object);
}

/* Gives every dictionary back to the broker and forgets them; the next run
 * asks again. The caches keyed by dictionary are the caller's to clear. */
void
_cd_checker_free_dicts_locked (CdChecker *self)
{
  GHashTableIter iter;
  gpointer       dict;

  g_assert (CD_IS_CHECKER (self));

  /* Two language tags may share one dictionary ("en" and "en-US" both find
   * en_US); Enchant counts each request, so each is given back. */
  g_hash_table_iter_init (&iter, self->dicts);
  while (g_hash_table_iter_next (&iter, NULL, &dict))
    if (dict != NULL)
      enchant_broker_free_dict (self->broker, dict);
  g_hash_table_remove_all (self->dicts);
}

static void
cd_checker_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CdChecker *self = CD_CHECKER (object);

  switch (prop_id)
    {
    case PROP_DEFAULT_LANGUAGE:
      g_value_set_string (value, self->default_language);
      break;
    case PROP_HEADLINE_LIMIT:
      g_value_set_uint (value, self->headline_limit);
      break;
    case PROP_THOROUGH_SUGGESTIONS:
      g_value_set_boolean (value, self->thorough_suggestions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_checker_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CdChecker *self = CD_CHECKER (object);

  switch (prop_id)
    {
    case PROP_DEFAULT_LANGUAGE:
      cd_checker_set_default_language (self, g_value_get_string (value));
      break;
    case PROP_HEADLINE_LIMIT:
      cd_checker_set_headline_limit (self, g_value_get_uint (value));
      break;
    case PROP_THOROUGH_SUGGESTIONS:
      cd_checker_set_thorough_suggestions (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_checker_class_init (CdCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_checker_finalize;
  object_class->get_property = cd_checker_get_property;
  object_class->set_property = cd_checker_set_property;

  properties[PROP_DEFAULT_LANGUAGE] =
      g_param_spec_string ("default-language", NULL, NULL, "en-US",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADLINE_LIMIT] =
      g_param_spec_uint ("headline-limit", NULL, NULL, 0, G_MAXUINT,
                         CD_CHECK_DEFAULT_HEADLINE_LIMIT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Enchant's suggestions for a word with nothing known one edit away cost
   * tens of milliseconds each: the window turns them off while the person
   * types, the command line keeps them. */
  properties[PROP_THOROUGH_SUGGESTIONS] =
      g_param_spec_boolean ("thorough-suggestions", NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_checker_init (CdChecker *self)
{
  g_autoptr (GError) error = NULL;

  g_mutex_init (&self->lock);
  self->default_language = g_strdup ("en-US");
  self->headline_limit = CD_CHECK_DEFAULT_HEADLINE_LIMIT;
  self->thorough_suggestions = TRUE;
  self->words = g_ptr_array_new_with_free_func (g_free);
  self->word_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->dicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->spell_caches = g_hash_table_new_full (NULL, NULL, NULL,
                                              (GDestroyNotify) g_hash_table_unref);
  self->suggest_caches = g_hash_table_new_full (NULL, NULL, NULL,
                                                (GDestroyNotify) g_hash_table_unref);
  self->ignores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_hash_table_unref);
  if (!_cd_checker_set_house_style_locked (self, cd_check_get_default_house_style (), &error))
    g_error ("The built-in house style list does not parse: %s", error->message);
}

/**
 * cd_checker_new:
 *
 * Returns: (transfer full): a checker with the default settings and lists
 */
CdChecker *
cd_checker_new (void)
{
  return g_object_new (CD_TYPE_CHECKER, NULL);
}

const char *
cd_checker_get_default_language (CdChecker *self)
{
  g_return_val_if_fail (CD_IS_CHECKER (self), NULL);
  return self->default_language;
}

/**
 * cd_checker_set_default_language:
 * @language: (nullable): a BCP 47 tag used for articles that name none
 */
void
cd_checker_set_default_language (CdChecker  *self,
                                 const char *language)
{
  g_return_if_fail (CD_IS_CHECKER (self));

  if (language == NULL || *language == '\0')
    language = "en-US";
  g_mutex_lock (&self->lock);
  if (g_strcmp0 (self->default_language, language) == 0)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  g_free (self->default_language);
  self->default_language = g_strdup (language);
  g_mutex_unlock (&self->lock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_LANGUAGE]);
}

guint
cd_checker_get_headline_limit (CdChecker *self)
{
  g_return_val_if_fail (CD_IS_CHECKER (self), 0);
  return self->headline_limit;
}

/**
 * cd_checker_set_headline_limit:
 * @limit: the most characters a headline may have; 0 turns the rule off
 */
void
cd_checker_set_headline_limit (CdChecker *self,
                               guint      limit)
{
  g_return_if_fail (CD_IS_CHECKER (self));

  if (self->headline_limit == limit)
    return;
  g_mutex_lock (&self->lock);
  self->headline_limit = limit;
  g_mutex_unlock (&self->lock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADLINE_LIMIT]);
}

/**
 * cd_checker_set_thorough_suggestions:
 * @thorough: whether spelling asks Enchant for suggestions when no known
 *   word is one edit away
 */
void
cd_checker_set_thorough_suggestions (CdChecker *self,
                                     gboolean   thorough)
{
  g_return_if_fail (CD_IS_CHECKER (self));

  thorough = !!thorough;
  if (self->thorough_suggestions == (guint) thorough)
    return;
  g_mutex_lock (&self->lock);
  self->thorough_suggestions = thorough;
  g_mutex_unlock (&self->lock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THOROUGH_SUGGESTIONS]);
}

static GHashTable *
get_cache (GHashTable    *caches,
           gpointer       dict,
           GDestroyNotify free_value)
{
  GHashTable *cache = g_hash_table_lookup (caches, dict);

  g_assert (caches != NULL);

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_value);
      g_hash_table_insert (caches, dict, cache);
    }
  return cache;
}

/* Running */

static void
hit_clear (gpointer data)
{
  CdCheckHit *hit = data;

  g_free (hit->rule);
  g_free (hit->message);
  g_free (hit->suggestion);
}

void
_cd_check_add (CdCheckContext *ctx,
               guint           field,
               const char     *rule,
               CdCheckSeverity severity,
               gsize           start,
               gsize           end,
               const char     *suggestion,
               const char     *format,
               ...)
{
  CdCheckHit hit;
  va_list    args;

  g_assert (field < ctx->n_fields);
  g_assert (start <= end && end <= ctx->fields[field].length);

  hit.rule = g_strdup (rule);
  hit.severity = severity;
  hit.field = field;
  hit.start = start;
  hit.end = end;
  hit.suggestion = g_strdup (suggestion);
  va_start (args, format);
  hit.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (ctx->hits, hit);
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const CdCheckHit *x = a;
  const CdCheckHit *y = b;

  if (x->field != y->field)
    return x->field < y->field ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return strcmp (x->rule, y->rule);
}

static void
context_add_field (CdCheckContext *ctx,
                   const char     *name,
                   const char     *text,
                   gboolean        prose,
                   gboolean        markdown)
{
  CdCheckField *field = &ctx->fields[ctx->n_fields++];

  g_assert (ctx != NULL);
  g_assert (name != NULL);

  g_assert (ctx->n_fields <= G_N_ELEMENTS (ctx->fields));
  field->name = name;
  field->text = text != NULL ? text : "";
  field->length = strlen (field->text);
  field->prose = prose;
  field->markdown = markdown;
  field->title_case = g_str_equal (name, "headline");
  if (prose)
    _cd_check_field_prepare (field);
}

/* Turns the rules' byte ranges into findings with character offsets, walking
 * each field once however many findings it has. */
static GPtrArray *
context_take_findings (CdCheckContext *ctx,
                       CdChecker      *self)
{
  GPtrArray  *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_finding_free);
  const char *uuid = cd_article_get_uuid (ctx->article);
  guint       field = G_MAXUINT;
  const char *pos = NULL;
  glong       chars = 0;
  GHashTable *ignores = NULL;

  g_assert (ctx != NULL);
  g_assert (CD_IS_CHECKER (self));

  g_array_sort (ctx->hits, compare_hits);
  if (uuid != NULL && *uuid != '\0')
    ignores = _cd_checker_get_ignores_locked (self, uuid);

  for (guint i = 0; i < ctx->hits->len; i++)
    {
      CdCheckHit         *hit = &g_array_index (ctx->hits, CdCheckHit, i);
      const CdCheckField *f = &ctx->fields[hit->field];
      g_autofree char    *text = NULL;
      CdFinding          *finding;
      guint               start, end;

      if (hit->field != field)
        {
          field = hit->field;
          pos = f->text;
          chars = 0;
        }
      chars += g_utf8_strlen (pos, f->text + hit->start - pos);
      pos = f->text + hit->start;
      start = chars;
      end = start + g_utf8_strlen (pos, hit->end - hit->start);
      text = g_strndup (pos, hit->end - hit->start);

      finding = cd_finding_new (hit->rule, hit->severity, f->name, start, end, text,
                                hit->message, hit->suggestion);
      if (ignores != NULL)
        {
          g_autofree char *key = cd_finding_get_ignore_key (finding);

          if (g_hash_table_contains (ignores, key))
            {
              cd_finding_free (finding);
              continue;
            }
        }
      g_ptr_array_add (findings, finding);
    }
  return findings;
}

static void
context_clear (CdCheckContext *ctx)
{
  g_assert (ctx != NULL);

  for (guint i = 0; i < ctx->n_fields; i++)
    _cd_check_field_clear (&ctx->fields[i]);
  g_clear_pointer (&ctx->hits, g_array_unref);
  g_clear_pointer (&ctx->covered, g_hash_table_unref);
}

/**
 * cd_checker_run:
 *
 * Runs every rule over @article. Safe to call from any thread; runs on one
 * checker are serialised.
 *
 * Returns: (transfer container) (element-type CdFinding): the findings,
 * ordered by field and position, without the ones ignored for this article
 */
GPtrArray *
cd_checker_run (CdChecker *self,
                CdArticle *article)
{
  CdCheckContext ctx = { 0 };
  const char    *language;
  GPtrArray     *findings;
  gboolean       foreign;

  g_return_val_if_fail (CD_IS_CHECKER (self), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  g_mutex_lock (&self->lock);

  ctx.article = article;
  ctx.hits = g_array_new (FALSE, FALSE, sizeof (CdCheckHit));
  g_array_set_clear_func (ctx.hits, hit_clear);
  ctx.covered = g_hash_table_new (g_direct_hash, g_direct_equal);
  ctx.headline_limit = self->headline_limit;
  ctx.thorough = self->thorough_suggestions;
  ctx.house_style = self->house_style;
  ctx.house_style_index = self->house_style_index;

  language = cd_article_get_language (article);
  if (language == NULL || *language == '\0')
    language = self->default_language;
  ctx.language = language;
  ctx.dict = _cd_checker_get_dict_locked (self, language);
  ctx.checker = self;

  context_add_field (&ctx, "headline", cd_article_get_headline (article), TRUE, FALSE);
  context_add_field (&ctx, "dek", cd_article_get_dek (article), TRUE, FALSE);
  context_add_field (&ctx, "body", cd_article_get_body (article), TRUE, TRUE);
  context_add_field (&ctx, "image_caption", cd_article_get_image_caption (article),
                     TRUE, FALSE);
  context_add_field (&ctx, "byline", cd_article_get_byline (article), FALSE, FALSE);
  context_add_field (&ctx, "dateline", cd_article_get_dateline (article), FALSE, FALSE);
  context_add_field (&ctx, "slug", cd_article_get_slug (article), FALSE, FALSE);
  context_add_field (&ctx, "image", cd_article_get_image (article), FALSE, FALSE);
  context_add_field (&ctx, "image_alt", cd_article_get_image_alt (article), FALSE, FALSE);
  context_add_field (&ctx, "image_credit", cd_article_get_image_credit (article), FALSE, FALSE);
  context_add_field (&ctx, "language", cd_article_get_language (article), FALSE, FALSE);
  ctx.images = self->image_source.lookup != NULL ? &self->image_source : NULL;

  /* An article that says only "en" is spelled the way it is written:
   * British agency copy (defence, organisation, travelled) gets the British
   * dictionary. */
  for (guint pass = 0; pass < 2 && ctx.dict != NULL; pass++)
    {
      EnchantDict *british;

      ctx.spell_cache = get_cache (self->spell_caches, ctx.dict, NULL);
      ctx.suggest_cache = get_cache (self->suggest_caches, ctx.dict, g_free);
      if (pass > 0 || g_ascii_strcasecmp (language, "en") != 0)
        break;
      british = _cd_checker_get_dict_locked (self, "en-GB");
      if (british == NULL ||
          !_cd_check_reads_british (&ctx, british, get_cache (self->spell_caches, british, NULL)))
        break;
      ctx.dict = british;
    }

  /* Spelling comes after names and house style: it leaves alone the words
   * their findings already cover. */
  _cd_check_names (&ctx);
  _cd_check_house_style (&ctx);
  _cd_check_hyphen_variants (&ctx);
  /* Text in another language than the article's is one finding, not a
   * misspelling a word nor quotation marks of the wrong language. */
  foreign = _cd_check_language (&ctx);
  if (!foreign)
    {
      _cd_check_spelling (&ctx);
      _cd_check_quotes (&ctx);
    }
  _cd_check_repeated_words (&ctx);
  if (!foreign && g_ascii_strncasecmp (language, "en", 2) == 0 && !g_ascii_isalpha (language[2]))
    _cd_check_a_an (&ctx);
  _cd_check_spacing (&ctx);
  _cd_check_leftover_markup (&ctx);
  _cd_check_boilerplate (&ctx);
  _cd_check_fields (&ctx);
  _cd_check_images (&ctx);

  findings = context_take_findings (&ctx, self);
  g_mutex_unlock (&self->lock);

  context_clear (&ctx);
  return findings;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GPtrArray *findings;

  g_assert (G_IS_TASK (task));
  g_assert (CD_IS_CHECKER (source_object));
  g_assert (CD_IS_ARTICLE (task_data));

  if (g_task_return_error_if_cancelled (task))
    return;
  findings = cd_checker_run (source_object, task_data);
  g_task_return_pointer (task, findings, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * cd_checker_run_async:
 *
 * Runs the checks on a copy of @article in a worker thread, so the caller
 * may go on editing @article at once.
 */
void
cd_checker_run_async (CdChecker          *self,
                      CdArticle          *article,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (CD_IS_CHECKER (self));
  g_return_if_fail (CD_IS_ARTICLE (article));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_checker_run_async);
  g_task_set_task_data (task, cd_article_copy (article), g_object_unref);
  g_task_run_in_thread (task, run_thread);
}

/**
 * cd_checker_run_finish:
 *
 * Returns: (transfer container) (element-type CdFinding): the findings, or
 * %NULL when the run was cancelled
 */
GPtrArray *
cd_checker_run_finish (CdChecker    *self,
                       GAsyncResult *result,
                       GError      **error)
{
  g_return_val_if_fail (CD_IS_CHECKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
