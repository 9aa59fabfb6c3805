/* cd-check.c: the editorial check engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cd-check-private.h"
#include "cd-check-resources.h"

/* Where the person's lists live, relative to the data dir (the folder that
 * holds copydesk.db): plain text files a person can also edit by hand. */
#define CHECKS_DIR "checks"
#define WORDS_FILE "words.txt"
#define HOUSE_STYLE_FILE "house-style.txt"
#define IGNORED_DIR "ignored"

#define DEFAULT_HOUSE_STYLE_RESOURCE "/io/github/copydesk/Copydesk/core/house-style.txt"

struct _CdChecker
{
  GObject parent_instance;

  /* One lock guards everything below: the Enchant dictionaries are not safe
   * to use from two threads at once, and a run reads the lists. */
  GMutex lock;

  char *default_language;
  guint headline_limit;
  guint thorough_suggestions : 1;
  char *data_dir;

  GPtrArray  *words;    /* char*, in the order they were added */
  GHashTable *word_set; /* the same words */

  char       *house_style_text;
  GPtrArray  *house_style; /* CdHouseStyleEntry */
  GHashTable *house_style_index;

  EnchantBroker *broker;
  GHashTable    *dicts;          /* language tag → EnchantDict, or NULL when none fits */
  GHashTable    *spell_caches;   /* dictionary → GHashTable word → verdict */
  GHashTable    *suggest_caches; /* dictionary → GHashTable word → suggestion */

  GHashTable *ignores; /* uuid → GHashTable of ignore keys */
};

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

/* Findings */

G_DEFINE_BOXED_TYPE (CdFinding, cd_finding, cd_finding_copy, cd_finding_free)

/**
 * cd_finding_new:
 *
 * Returns: (transfer full): a new finding
 */
CdFinding *
cd_finding_new (const char     *rule,
                CdCheckSeverity severity,
                const char     *field,
                guint           start,
                guint           end,
                const char     *text,
                const char     *message,
                const char     *suggestion)
{
  CdFinding *finding;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  finding = g_new0 (CdFinding, 1);
  finding->rule = g_strdup (rule);
  finding->severity = severity;
  finding->field = g_strdup (field);
  finding->start = start;
  finding->end = end;
  finding->text = g_strdup (text != NULL ? text : "");
  finding->message = g_strdup (message != NULL ? message : "");
  finding->suggestion = g_strdup (suggestion);
  return finding;
}

/**
 * cd_finding_copy:
 *
 * Returns: (transfer full): a copy of @finding
 */
CdFinding *
cd_finding_copy (const CdFinding *finding)
{
  g_return_val_if_fail (finding != NULL, NULL);

  return cd_finding_new (finding->rule, finding->severity, finding->field,
                         finding->start, finding->end, finding->text,
                         finding->message, finding->suggestion);
}

void
cd_finding_free (CdFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->rule);
  g_free (finding->field);
  g_free (finding->text);
  g_free (finding->message);
  g_free (finding->suggestion);
  g_free (finding);
}

/**
 * cd_finding_get_ignore_key:
 *
 * An ignored finding is remembered by rule, field and matched text, not by
 * position, so that it stays ignored while the text around it changes.
 *
 * Returns: (transfer full): the key under which @finding is ignored
 */
char *
cd_finding_get_ignore_key (const CdFinding *finding)
{
  g_return_val_if_fail (finding != NULL, NULL);

  return g_strdup_printf ("%s\t%s\t%s", finding->rule, finding->field, finding->text);
}

/**
 * cd_finding_to_json:
 *
 * Returns: (transfer full): the finding as the command line prints it
 */
JsonObject *
cd_finding_to_json (const CdFinding *finding)
{
  JsonObject *object;

  g_return_val_if_fail (finding != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "rule", finding->rule);
  json_object_set_string_member (object, "severity",
                                 cd_check_severity_to_string (finding->severity));
  json_object_set_string_member (object, "field", finding->field);
  json_object_set_int_member (object, "start", finding->start);
  json_object_set_int_member (object, "end", finding->end);
  json_object_set_string_member (object, "text", finding->text);
  json_object_set_string_member (object, "message", finding->message);
  if (finding->suggestion != NULL)
    json_object_set_string_member (object, "suggestion", finding->suggestion);
  else
    json_object_set_null_member (object, "suggestion");
  return object;
}

const char *
cd_check_severity_to_string (CdCheckSeverity severity)
{
  switch (severity)
    {
    case CD_CHECK_SEVERITY_INFO:
      return "info";
    case CD_CHECK_SEVERITY_WARNING:
      return "warning";
    case CD_CHECK_SEVERITY_ERROR:
      return "error";
    default:
      g_return_val_if_reached (NULL);
    }
}

static const struct
{
  const char *id;
  const char *label;
} rules[] = {
  {CD_CHECK_RULE_SPELLING,         "Spelling"                        },
  { CD_CHECK_RULE_NAME_VARIANT,    "Names spelled more than one way" },
  { CD_CHECK_RULE_QUOTES,          "Quotes and brackets"             },
  { CD_CHECK_RULE_REPEATED_WORD,   "Repeated words"                  },
  { CD_CHECK_RULE_SPACING,         "Spacing"                         },
  { CD_CHECK_RULE_LEFTOVER_MARKUP, "Leftover markup and placeholders"},
  { CD_CHECK_RULE_HEADLINE_LENGTH, "Headline length"                 },
  { CD_CHECK_RULE_MISSING_FIELD,   "Missing fields"                  },
  { CD_CHECK_RULE_HOUSE_STYLE,     "House style"                     },
};

/**
 * cd_check_list_rules:
 *
 * Returns: (transfer none): the rule ids, in the order the panel shows them
 */
const char *const *
cd_check_list_rules (void)
{
  static const char *const ids[] = {
    CD_CHECK_RULE_SPELLING, CD_CHECK_RULE_NAME_VARIANT, CD_CHECK_RULE_QUOTES,
    CD_CHECK_RULE_REPEATED_WORD, CD_CHECK_RULE_SPACING, CD_CHECK_RULE_LEFTOVER_MARKUP,
    CD_CHECK_RULE_HEADLINE_LENGTH, CD_CHECK_RULE_MISSING_FIELD, CD_CHECK_RULE_HOUSE_STYLE,
    NULL
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == G_N_ELEMENTS (rules) + 1);
  return ids;
}

/**
 * cd_check_rule_to_label:
 *
 * Returns: (transfer none): an English label for @rule (the window
 * translates it), or @rule itself when it is unknown
 */
const char *
cd_check_rule_to_label (const char *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (rules[i].id, rule))
      return rules[i].label;
  return rule;
}

/* The checker */

static void
cd_checker_finalize (GObject *object)
{
  CdChecker *self = CD_CHECKER (object);

  g_clear_pointer (&self->spell_caches, g_hash_table_unref);
  g_clear_pointer (&self->suggest_caches, g_hash_table_unref);
  if (self->dicts != NULL)
    {
      GHashTableIter iter;
      gpointer       dict;

      g_autoptr (GHashTable) freed = g_hash_table_new (NULL, NULL);

      /* Two language tags may share one dictionary. */
      g_hash_table_iter_init (&iter, self->dicts);
      while (g_hash_table_iter_next (&iter, NULL, &dict))
        if (dict != NULL && g_hash_table_add (freed, dict))
          enchant_broker_free_dict (self->broker, dict);
    }
  g_clear_pointer (&self->dicts, g_hash_table_unref);
  g_clear_pointer (&self->broker, enchant_broker_free);
  g_clear_pointer (&self->words, g_ptr_array_unref);
  g_clear_pointer (&self->word_set, g_hash_table_unref);
  g_clear_pointer (&self->house_style, g_ptr_array_unref);
  g_clear_pointer (&self->house_style_index, g_hash_table_unref);
  g_clear_pointer (&self->ignores, g_hash_table_unref);
  g_free (self->house_style_text);
  g_free (self->default_language);
  g_free (self->data_dir);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cd_checker_parent_class)->finalize (object);
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

static gboolean
set_house_style_locked (CdChecker  *self,
                        const char *text,
                        GError    **error)
{
  g_autoptr (GPtrArray) entries = _cd_house_style_parse (text, error);
  GHashTable *index;

  if (entries == NULL)
    return FALSE;

  index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                 (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      CdHouseStyleEntry *entry = g_ptr_array_index (entries, i);
      GPtrArray         *list = g_hash_table_lookup (index, entry->avoid_words[0]);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (index, entry->avoid_words[0], list);
        }
      g_ptr_array_add (list, entry);
    }

  g_clear_pointer (&self->house_style_index, g_hash_table_unref);
  g_clear_pointer (&self->house_style, g_ptr_array_unref);
  g_free (self->house_style_text);
  self->house_style_text = g_strdup (text);
  self->house_style = g_steal_pointer (&entries);
  self->house_style_index = index;
  return TRUE;
}

/**
 * cd_check_get_default_house_style:
 *
 * Returns: (transfer none): the "avoid → prefer" list Copydesk ships
 */
const char *
cd_check_get_default_house_style (void)
{
  static GBytes *bytes;

  if (g_once_init_enter (&bytes))
    {
      GBytes *data = g_resource_lookup_data (cd_check_get_resource (),
                                             DEFAULT_HOUSE_STYLE_RESOURCE,
                                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (data != NULL);
      g_once_init_leave (&bytes, data);
    }
  return g_bytes_get_data (bytes, NULL);
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
  if (!set_house_style_locked (self, cd_check_get_default_house_style (), &error))
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

gboolean
cd_checker_get_thorough_suggestions (CdChecker *self)
{
  g_return_val_if_fail (CD_IS_CHECKER (self), FALSE);
  return self->thorough_suggestions;
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

/* Word list */

/* Suggestions stay: a word more in the list hardly changes them, and they
 * are the expensive part. */
static void
clear_caches_locked (CdChecker *self)
{
  g_hash_table_remove_all (self->spell_caches);
}

static void
add_word_locked (CdChecker  *self,
                 const char *word)
{
  GHashTableIter iter;
  gpointer       dict;
  char          *copy;

  if (g_hash_table_contains (self->word_set, word))
    return;
  copy = g_strdup (word);
  g_ptr_array_add (self->words, copy);
  g_hash_table_add (self->word_set, copy);

  g_hash_table_iter_init (&iter, self->dicts);
  while (g_hash_table_iter_next (&iter, NULL, &dict))
    if (dict != NULL)
      enchant_dict_add_to_session (dict, word, -1);
  clear_caches_locked (self);
}

static gboolean
word_is_valid (const char *word)
{
  return word != NULL && *word != '\0' && g_utf8_validate (word, -1, NULL) &&
         strpbrk (word, " \t\r\n") == NULL;
}

/**
 * cd_checker_dup_words:
 *
 * Returns: (transfer full): the newsroom word list, in the order it grew
 */
char **
cd_checker_dup_words (CdChecker *self)
{
  GStrvBuilder *builder;
  char        **words;

  g_return_val_if_fail (CD_IS_CHECKER (self), NULL);

  builder = g_strv_builder_new ();
  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->words->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->words, i));
  g_mutex_unlock (&self->lock);
  words = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return words;
}

/**
 * cd_checker_set_words:
 * @words: (nullable): words spelling accepts on top of the dictionary
 *
 * Adds @words to the list in memory (Enchant keeps no way to take a word
 * back out of a session, so the list only grows). Nothing is written.
 */
void
cd_checker_set_words (CdChecker         *self,
                      const char *const *words)
{
  g_return_if_fail (CD_IS_CHECKER (self));

  g_mutex_lock (&self->lock);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (word_is_valid (words[i]))
      add_word_locked (self, words[i]);
  g_mutex_unlock (&self->lock);
}

static char *
checks_path (CdChecker  *self,
             const char *name)
{
  return g_build_filename (self->data_dir, CHECKS_DIR, name, NULL);
}

static gboolean
write_file (const char *path,
            const char *contents,
            GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) local_error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED,
                   "Could not create the folder %s: %s", dir, g_strerror (errno));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, contents, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED,
                   "Could not write %s: %s", path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_checker_add_word:
 *
 * Adds @word to the newsroom word list and, when a data dir is loaded,
 * writes the list to checks/words.txt in it.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_checker_add_word (CdChecker  *self,
                     const char *word,
                     GError    **error)
{
  g_autoptr (GString) contents = NULL;
  g_autofree char *path = NULL;
  gboolean         ok = TRUE;

  g_return_val_if_fail (CD_IS_CHECKER (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  if (!word_is_valid (word))
    {
      g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED,
                   "“%s” cannot go in the word list: it must be one word", word);
      return FALSE;
    }

  g_mutex_lock (&self->lock);
  add_word_locked (self, word);
  if (self->data_dir != NULL)
    {
      contents = g_string_new (NULL);
      for (guint i = 0; i < self->words->len; i++)
        g_string_append_printf (contents, "%s\n", (char *) g_ptr_array_index (self->words, i));
      path = checks_path (self, WORDS_FILE);
    }
  g_mutex_unlock (&self->lock);

  if (path != NULL)
    ok = write_file (path, contents->str, error);
  return ok;
}

/* House style */

/**
 * cd_checker_set_house_style:
 * @text: lines "avoid → prefer" (or "avoid -> prefer"); # starts a comment
 *
 * Replaces the house-style list in memory.
 *
 * Returns: %TRUE when @text parses
 */
gboolean
cd_checker_set_house_style (CdChecker  *self,
                            const char *text,
                            GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (CD_IS_CHECKER (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  g_mutex_lock (&self->lock);
  ok = set_house_style_locked (self, text, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * cd_checker_dup_house_style:
 *
 * Returns: (transfer full): the house-style list as text
 */
char *
cd_checker_dup_house_style (CdChecker *self)
{
  char *text;

  g_return_val_if_fail (CD_IS_CHECKER (self), NULL);

  g_mutex_lock (&self->lock);
  text = g_strdup (self->house_style_text);
  g_mutex_unlock (&self->lock);
  return text;
}

/* Data dir */

/**
 * cd_checker_load_data_dir:
 * @data_dir: the folder that holds copydesk.db
 *
 * Reads the person's lists from @data_dir/checks/: words.txt (one word a
 * line), house-style.txt (replaces the built-in list when present) and
 * ignored/UUID.txt (one ignored finding a line). Later changes through
 * cd_checker_add_word() and cd_checker_ignore() are written there.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_checker_load_data_dir (CdChecker  *self,
                          const char *data_dir,
                          GError    **error)
{
  g_autofree char *words_path = NULL;
  g_autofree char *style_path = NULL;
  g_autofree char *words = NULL;
  g_autofree char *style = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (CD_IS_CHECKER (self), FALSE);
  g_return_val_if_fail (data_dir != NULL, FALSE);

  g_mutex_lock (&self->lock);
  g_free (self->data_dir);
  self->data_dir = g_strdup (data_dir);
  g_hash_table_remove_all (self->ignores);
  words_path = checks_path (self, WORDS_FILE);
  style_path = checks_path (self, HOUSE_STYLE_FILE);

  if (g_file_get_contents (words_path, &words, NULL, &local_error))
    {
      g_auto (GStrv) lines = g_strsplit (words, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_strstrip (lines[i]);
          if (word_is_valid (lines[i]))
            add_word_locked (self, lines[i]);
        }
    }
  else if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED,
                   "Could not read the word list %s: %s", words_path, local_error->message);
      ok = FALSE;
    }
  g_clear_error (&local_error);

  if (ok && g_file_get_contents (style_path, &style, NULL, &local_error))
    {
      if (!set_house_style_locked (self, style, &local_error))
        {
          g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_HOUSE_STYLE,
                       "%s: %s", style_path, local_error->message);
          ok = FALSE;
        }
    }
  else if (ok && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED,
                   "Could not read the house-style list %s: %s", style_path,
                   local_error->message);
      ok = FALSE;
    }
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * cd_checker_get_data_dir:
 *
 * Returns: (transfer none) (nullable): the data dir loaded last
 */
const char *
cd_checker_get_data_dir (CdChecker *self)
{
  g_return_val_if_fail (CD_IS_CHECKER (self), NULL);
  return self->data_dir;
}

/* Ignores */

static gboolean
uuid_is_safe (const char *uuid)
{
  if (uuid == NULL || *uuid == '\0' || strlen (uuid) > 64)
    return FALSE;
  for (const char *p = uuid; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static char *
ignore_path (CdChecker  *self,
             const char *uuid)
{
  g_autofree char *name = g_strconcat (uuid, ".txt", NULL);

  return g_build_filename (self->data_dir, CHECKS_DIR, IGNORED_DIR, name, NULL);
}

static GHashTable *
get_ignores_locked (CdChecker  *self,
                    const char *uuid)
{
  GHashTable      *keys = g_hash_table_lookup (self->ignores, uuid);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;

  if (keys != NULL)
    return keys;

  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (self->ignores, g_strdup (uuid), keys);
  if (self->data_dir == NULL || !uuid_is_safe (uuid))
    return keys;

  path = ignore_path (self, uuid);
  if (g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          g_hash_table_add (keys, g_strcompress (lines[i]));
    }
  return keys;
}

/**
 * cd_checker_ignore:
 * @uuid: the article's uuid
 *
 * Remembers that @finding is to be left out of later runs on this article,
 * and writes that to the data dir when one is loaded.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_checker_ignore (CdChecker       *self,
                   const char      *uuid,
                   const CdFinding *finding,
                   GError         **error)
{
  g_autoptr (GString) contents = NULL;
  g_autofree char *path = NULL;
  GHashTable      *keys;
  GHashTableIter   iter;
  gpointer         key;

  g_return_val_if_fail (CD_IS_CHECKER (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  g_mutex_lock (&self->lock);
  keys = get_ignores_locked (self, uuid);
  g_hash_table_add (keys, cd_finding_get_ignore_key (finding));
  if (self->data_dir != NULL && uuid_is_safe (uuid))
    {
      contents = g_string_new (NULL);
      g_hash_table_iter_init (&iter, keys);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          g_autofree char *escaped = g_strescape (key, NULL);

          g_string_append_printf (contents, "%s\n", escaped);
        }
      path = ignore_path (self, uuid);
    }
  g_mutex_unlock (&self->lock);

  if (path != NULL)
    return write_file (path, contents->str, error);
  return TRUE;
}

gboolean
cd_checker_is_ignored (CdChecker       *self,
                       const char      *uuid,
                       const CdFinding *finding)
{
  g_autofree char *key = NULL;
  gboolean         ignored;

  g_return_val_if_fail (CD_IS_CHECKER (self), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  if (uuid == NULL)
    return FALSE;
  key = cd_finding_get_ignore_key (finding);
  g_mutex_lock (&self->lock);
  ignored = g_hash_table_contains (get_ignores_locked (self, uuid), key);
  g_mutex_unlock (&self->lock);
  return ignored;
}

/* Dictionaries */

typedef struct
{
  const char *language;
  char       *found;
} FindDict;

static void
find_dict_cb (const char *const lang_tag,
              const char *const provider_name,
              const char *const provider_desc,
              const char *const provider_file,
              void             *user_data)
{
  FindDict *find = user_data;
  gsize     n = strlen (find->language);

  if (find->found == NULL && g_str_has_prefix (lang_tag, find->language) &&
      (lang_tag[n] == '_' || lang_tag[n] == '\0'))
    find->found = g_strdup (lang_tag);
}

/* Finds a dictionary for a BCP 47 tag: "en-GB" tries en_GB, then en, then
 * en_US-like defaults (the language's own country), then any en_XX. */
static EnchantDict *
get_dict_locked (CdChecker  *self,
                 const char *language)
{
  g_autofree char *tag = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *own = NULL;
  g_autofree char *up = NULL;
  EnchantDict     *dict = NULL;
  const char      *candidates[4];
  char            *dash;

  if (g_hash_table_contains (self->dicts, language))
    return g_hash_table_lookup (self->dicts, language);

  if (self->broker == NULL)
    self->broker = enchant_broker_init ();

  tag = g_strdelimit (g_strdup (language), "-", '_');
  lang = g_ascii_strdown (tag, -1);
  dash = strchr (lang, '_');
  if (dash != NULL)
    *dash = '\0';
  up = g_ascii_strup (lang, -1);
  own = g_strdup_printf ("%s_%s", lang, g_str_equal (lang, "en") ? "US" : up);
  candidates[0] = tag;
  candidates[1] = lang;
  candidates[2] = own;
  candidates[3] = NULL;

  for (guint i = 0; candidates[i] != NULL && dict == NULL; i++)
    if (enchant_broker_dict_exists (self->broker, candidates[i]))
      dict = enchant_broker_request_dict (self->broker, candidates[i]);

  if (dict == NULL)
    {
      FindDict find = { lang, NULL };

      enchant_broker_list_dicts (self->broker, find_dict_cb, &find);
      if (find.found != NULL)
        dict = enchant_broker_request_dict (self->broker, find.found);
      g_free (find.found);
    }

  if (dict != NULL)
    for (guint i = 0; i < self->words->len; i++)
      enchant_dict_add_to_session (dict, g_ptr_array_index (self->words, i), -1);
  else
    g_debug ("No dictionary for the language “%s”; spelling is not checked", language);

  g_hash_table_insert (self->dicts, g_strdup (language), dict);
  return dict;
}

static GHashTable *
get_cache (GHashTable    *caches,
           gpointer       dict,
           GDestroyNotify free_value)
{
  GHashTable *cache = g_hash_table_lookup (caches, dict);

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

  g_array_sort (ctx->hits, compare_hits);
  if (uuid != NULL && *uuid != '\0')
    ignores = get_ignores_locked (self, uuid);

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
  ctx.dict = get_dict_locked (self, language);
  if (ctx.dict != NULL)
    {
      ctx.spell_cache = get_cache (self->spell_caches, ctx.dict, NULL);
      ctx.suggest_cache = get_cache (self->suggest_caches, ctx.dict, g_free);
    }

  context_add_field (&ctx, "headline", cd_article_get_headline (article), TRUE, FALSE);
  context_add_field (&ctx, "dek", cd_article_get_dek (article), TRUE, FALSE);
  context_add_field (&ctx, "body", cd_article_get_body (article), TRUE, TRUE);
  context_add_field (&ctx, "image_caption", cd_article_get_image_caption (article),
                     TRUE, FALSE);
  context_add_field (&ctx, "byline", cd_article_get_byline (article), FALSE, FALSE);
  context_add_field (&ctx, "dateline", cd_article_get_dateline (article), FALSE, FALSE);
  context_add_field (&ctx, "slug", cd_article_get_slug (article), FALSE, FALSE);

  /* Spelling comes after names and house style: it leaves alone the words
   * their findings already cover. */
  _cd_check_names (&ctx);
  _cd_check_house_style (&ctx);
  _cd_check_spelling (&ctx);
  _cd_check_quotes (&ctx);
  _cd_check_repeated_words (&ctx);
  _cd_check_spacing (&ctx);
  _cd_check_leftover_markup (&ctx);
  _cd_check_fields (&ctx);

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

/* Word helpers shared by the rules */

gboolean
_cd_check_word_is_correct (CdCheckContext *ctx,
                           const char     *word,
                           gssize          length)
{
  g_autofree char *key = NULL;
  char             buf[128];
  gpointer         verdict;
  gboolean         correct;

  if (ctx->dict == NULL)
    return TRUE;
  if (length < 0)
    length = strlen (word);
  if ((gsize) length < sizeof buf)
    {
      memcpy (buf, word, length);
      buf[length] = '\0';
      verdict = g_hash_table_lookup (ctx->spell_cache, buf);
      if (verdict != NULL)
        return GPOINTER_TO_INT (verdict) == 2;
    }
  key = g_strndup (word, length);
  verdict = g_hash_table_lookup (ctx->spell_cache, key);
  if (verdict != NULL)
    return GPOINTER_TO_INT (verdict) == 2;
  correct = enchant_dict_check (ctx->dict, key, -1) == 0;
  g_hash_table_insert (ctx->spell_cache, g_steal_pointer (&key), GINT_TO_POINTER (correct ? 2 : 1));
  return correct;
}

static gboolean
try_candidate (CdCheckContext *ctx,
               const gunichar *chars,
               glong           n,
               char          **found)
{
  g_autofree char *candidate = g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);

  if (candidate != NULL && enchant_dict_check (ctx->dict, candidate, -1) == 0)
    {
      *found = g_steal_pointer (&candidate);
      return TRUE;
    }
  return FALSE;
}

/* A word the dictionary knows one edit away (a swap, a letter too many, a
 * wrong letter, a letter missing), tried in that order. A few hundred
 * look-ups: far cheaper than Enchant's own suggestions. */
static char *
find_near_word (CdCheckContext *ctx,
                const char     *word)
{
  g_autofree gunichar *chars = NULL;
  g_autofree gunichar *buf = NULL;
  g_autoptr (GArray) alphabet = g_array_new (FALSE, FALSE, sizeof (gunichar));
  char *found = NULL;
  glong n = 0;

  chars = g_utf8_to_ucs4_fast (word, -1, &n);
  if (n < 2 || n > 40)
    return NULL;
  for (gunichar c = 'a'; c <= 'z'; c++)
    g_array_append_val (alphabet, c);
  for (glong i = 0; i < n; i++)
    if (chars[i] > 0x7f && g_unichar_isalpha (chars[i]))
      g_array_append_val (alphabet, chars[i]);
  if (g_str_has_prefix (ctx->language, "de"))
    {
      static const gunichar umlauts[] = { 0xE4, 0xF6, 0xFC, 0xDF };

      g_array_append_vals (alphabet, umlauts, G_N_ELEMENTS (umlauts));
    }
  buf = g_new (gunichar, n + 2);

  for (glong i = 0; i + 1 < n && found == NULL; i++)
    {
      memcpy (buf, chars, n * sizeof (gunichar));
      buf[i] = chars[i + 1];
      buf[i + 1] = chars[i];
      try_candidate (ctx, buf, n, &found);
    }
  for (glong i = 0; i < n && found == NULL; i++)
    {
      memcpy (buf, chars, i * sizeof (gunichar));
      memcpy (buf + i, chars + i + 1, (n - i - 1) * sizeof (gunichar));
      try_candidate (ctx, buf, n - 1, &found);
    }
  for (glong i = 0; i < n && found == NULL; i++)
    for (guint a = 0; a < alphabet->len && found == NULL; a++)
      {
        gunichar c = g_array_index (alphabet, gunichar, a);

        if (c == chars[i])
          continue;
        memcpy (buf, chars, n * sizeof (gunichar));
        buf[i] = c;
        try_candidate (ctx, buf, n, &found);
      }
  for (glong i = 0; i <= n && found == NULL; i++)
    for (guint a = 0; a < alphabet->len && found == NULL; a++)
      {
        memcpy (buf, chars, i * sizeof (gunichar));
        buf[i] = g_array_index (alphabet, gunichar, a);
        memcpy (buf + i + 1, chars + i, (n - i) * sizeof (gunichar));
        try_candidate (ctx, buf, n + 1, &found);
      }
  return found;
}

/* Cached in the suggestion cache under a key no word has. */
const char *
_cd_check_word_near (CdCheckContext *ctx,
                     const char     *word)
{
  g_autofree char *key = NULL;
  const char      *cached;
  char            *near;

  if (ctx->dict == NULL)
    return NULL;
  key = g_strconcat ("\x01", word, NULL);
  cached = g_hash_table_lookup (ctx->suggest_cache, key);
  if (cached != NULL)
    return *cached != '\0' ? cached : NULL;
  near = find_near_word (ctx, word);
  if (near == NULL)
    near = g_strdup ("");
  g_hash_table_insert (ctx->suggest_cache, g_steal_pointer (&key), near);
  return *near != '\0' ? near : NULL;
}

/* A word one edit away if there is one; otherwise, when thorough, Enchant's
 * first suggestion (slow: tens of milliseconds a word). Cached. */
const char *
_cd_check_word_suggestion (CdCheckContext *ctx,
                           const char     *word,
                           gssize          length)
{
  g_autofree char *key = NULL;
  const char      *cached;
  const char      *near;
  char           **suggestions;
  size_t           n = 0;
  char            *first;

  if (ctx->dict == NULL)
    return NULL;
  key = length < 0 ? g_strdup (word) : g_strndup (word, length);
  near = _cd_check_word_near (ctx, key);
  if (near != NULL || !ctx->thorough)
    return near;
  cached = g_hash_table_lookup (ctx->suggest_cache, key);
  if (cached != NULL)
    return *cached != '\0' ? cached : NULL;

  suggestions = enchant_dict_suggest (ctx->dict, key, -1, &n);
  first = g_strdup (n > 0 && suggestions != NULL ? suggestions[0] : "");
  if (suggestions != NULL)
    enchant_dict_free_string_list (ctx->dict, suggestions);
  g_hash_table_insert (ctx->suggest_cache, g_steal_pointer (&key), first);
  return *first != '\0' ? first : NULL;
}

/* Fields are few and far below 2^28 bytes long. */
#define COVER_KEY(field, start) GSIZE_TO_POINTER (((gsize) (field) << 28) | (start))

void
_cd_check_cover (CdCheckContext *ctx,
                 guint           field,
                 gsize           start)
{
  g_hash_table_add (ctx->covered, COVER_KEY (field, start));
}

gboolean
_cd_check_is_covered (CdCheckContext *ctx,
                      guint           field,
                      gsize           start)
{
  return g_hash_table_contains (ctx->covered, COVER_KEY (field, start));
}

/* The form names and house-style entries are compared in: case-folded,
 * without diacritics, with curly apostrophes made straight. */
char *
_cd_check_fold (const char *text,
                gssize      length)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString         *out;
  gsize            n = length < 0 ? strlen (text) : (gsize) length;
  gsize            i;

  for (i = 0; i < n && (guchar) text[i] < 0x80; i++)
    ;
  if (i == n)
    return g_ascii_strdown (text, n);

  folded = g_utf8_casefold (text, n);
  for (const char *p = folded; *p; p++)
    if ((guchar) *p >= 0x80)
      {
        decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
        break;
      }
  if (decomposed == NULL)
    return g_steal_pointer (&folded);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x2019)
        c = '\'';
      else if (c == 0x2010 || c == 0x2011)
        c = '-';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
change_first_case (const char *word,
                   gboolean    upper)
{
  gunichar c = g_utf8_get_char (word);
  char     buf[8];
  int      n = g_unichar_to_utf8 (upper ? g_unichar_totitle (c) : g_unichar_tolower (c), buf);

  buf[n] = '\0';
  return g_strconcat (buf, g_utf8_next_char (word), NULL);
}

char *
_cd_check_lower_first (const char *word)
{
  return change_first_case (word, FALSE);
}

char *
_cd_check_upper_first (const char *word)
{
  return change_first_case (word, TRUE);
}

/* The bytes of a possessive "'s" or "’s" at the end of word, or 0. */
gsize
_cd_check_possessive_length (const char *word,
                             gsize       length)
{
  if (length > 2 && word[length - 1] == 's' && word[length - 2] == '\'')
    return 2;
  if (length > 4 && word[length - 1] == 's' && strncmp (word + length - 4, "’", 3) == 0)
    return 4;
  return 0;
}

char *
_cd_check_word_text (const CdCheckField *field,
                     const CdCheckWord  *word)
{
  return g_strndup (field->text + word->start, word->end - word->start);
}

/* Damerau (optimal string alignment) distance over characters, giving up
 * with limit + 1 once it is clearly larger. */
guint
_cd_check_edit_distance (const char *a,
                         const char *b,
                         guint       limit)
{
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong                n = 0, m = 0;
  g_autofree guint    *d = NULL;
  guint                result;

  while (x[n])
    n++;
  while (y[m])
    m++;
  if ((guint) ABS (n - m) > limit)
    return limit + 1;

  d = g_new (guint, (n + 1) * (m + 1));
#define D(i, j) d[(i) * (m + 1) + (j)]
  for (glong i = 0; i <= n; i++)
    D (i, 0) = i;
  for (glong j = 0; j <= m; j++)
    D (0, j) = j;
  for (glong i = 1; i <= n; i++)
    for (glong j = 1; j <= m; j++)
      {
        guint cost = x[i - 1] == y[j - 1] ? 0 : 1;
        guint v = MIN (MIN (D (i - 1, j) + 1, D (i, j - 1) + 1), D (i - 1, j - 1) + cost);

        if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
          v = MIN (v, D (i - 2, j - 2) + 1);
        D (i, j) = v;
      }
  result = D (n, m);
#undef D
  return MIN (result, limit + 1);
}
