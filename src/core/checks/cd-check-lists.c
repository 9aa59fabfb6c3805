/* cd-check-lists.c: the checker's lists a person keeps: the newsroom word
 * list, the house-style list ("avoid → prefer") and the findings ignored
 * per article, read from and written to the data dir.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cd-check-private.h"
#include "cd-check-resources.h"

/* Where the person's lists live, relative to the data dir (the folder that
 * holds copydesk.db): plain text files a person can also edit by hand. */
#define CHECKS_DIR "checks"
#define WORDS_FILE "words.txt"
#define HOUSE_STYLE_FILE "house-style.txt"
#define LANGUAGE_FILE "language.txt"
#define IGNORED_DIR "ignored"

#define DEFAULT_HOUSE_STYLE_RESOURCE "/io/github/copydesk/Copydesk/core/house-style.txt"

gboolean
_cd_checker_set_house_style_locked (CdChecker  *self,
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

/* Word list */

/* Suggestions stay: a word more in the list hardly changes them, and they
 * are the expensive part. */
static void
clear_caches_locked (CdChecker *self)
{
  g_assert (CD_IS_CHECKER (self));

  g_hash_table_remove_all (self->spell_caches);
}

/* Enchant can take a word out of a session only by marking it wrong, which
 * would undo the dictionary's own word too; a word list that shrank gives the
 * dictionaries back, and the next run asks for fresh ones. */
static void
drop_dicts_locked (CdChecker *self)
{
  g_assert (CD_IS_CHECKER (self));

  _cd_checker_free_dicts_locked (self);
  g_hash_table_remove_all (self->spell_caches);
  g_hash_table_remove_all (self->suggest_caches);
}

static void
add_word_locked (CdChecker  *self,
                 const char *word)
{
  GHashTableIter iter;
  gpointer       dict;
  char          *copy;

  g_assert (CD_IS_CHECKER (self));
  g_assert (word != NULL);

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

/* Makes @words the whole list (invalid ones left out). */
static void
replace_words_locked (CdChecker         *self,
                      const char *const *words)
{
  g_autoptr (GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean shrank = FALSE;

  g_assert (CD_IS_CHECKER (self));

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (word_is_valid (words[i]))
      g_hash_table_add (keep, (gpointer) words[i]);
  for (guint i = self->words->len; i > 0; i--)
    {
      char *word = g_ptr_array_index (self->words, i - 1);

      if (!g_hash_table_contains (keep, word))
        {
          g_hash_table_remove (self->word_set, word);
          g_ptr_array_remove_index (self->words, i - 1);
          shrank = TRUE;
        }
    }
  if (shrank)
    drop_dicts_locked (self);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (word_is_valid (words[i]))
      add_word_locked (self, words[i]);
}

static char *
checks_path (CdChecker  *self,
             const char *name)
{
  g_assert (CD_IS_CHECKER (self));
  g_assert (name != NULL);

  return g_build_filename (self->data_dir, CHECKS_DIR, name, NULL);
}

static gboolean
write_file (const char *path,
            const char *contents,
            GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) local_error = NULL;

  g_assert (path != NULL);
  g_assert (contents != NULL);

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

/* Removes @path; one that is already gone is no error. */
static gboolean
remove_file (const char *path,
             GError    **error)
{
  int saved_errno;

  g_assert (path != NULL);

  if (g_unlink (path) == 0 || errno == ENOENT)
    return TRUE;
  saved_errno = errno;
  g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED,
               "Could not remove %s: %s", path, g_strerror (saved_errno));
  return FALSE;
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

/**
 * cd_check_parse_words:
 * @text: the list as a person wrote it, one word a line
 *
 * Blank lines are skipped and each line's surrounding space dropped.
 *
 * Returns: (transfer full): the words, in order and each once, or %NULL
 * with @error naming the first line that holds more than one word
 */
char **
cd_check_parse_words (const char *text,
                      GError    **error)
{
  g_auto (GStrv) lines = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED,
                   "The word list is not valid UTF-8 text");
      return NULL;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *word = g_strstrip (lines[i]);

      if (*word == '\0')
        continue;
      if (!word_is_valid (word))
        {
          g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED,
                       "Line %u holds more than one word; the list takes one a line", i + 1);
          return NULL;
        }
      if (g_hash_table_add (seen, word))
        g_strv_builder_add (builder, word);
    }
  return g_strv_builder_end (builder);
}

/**
 * cd_checker_save_words:
 * @words: (nullable): the whole newsroom word list
 *
 * Makes @words the word list, taking out the words no longer in it, and
 * writes it to checks/words.txt when a data dir is loaded.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_checker_save_words (CdChecker         *self,
                       const char *const *words,
                       GError           **error)
{
  g_autoptr (GString) contents = g_string_new (NULL);
  g_autofree char *path = NULL;

  g_return_val_if_fail (CD_IS_CHECKER (self), FALSE);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (!word_is_valid (words[i]))
      {
        g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED,
                     "“%s” cannot go in the word list: it must be one word", words[i]);
        return FALSE;
      }

  g_mutex_lock (&self->lock);
  replace_words_locked (self, words);
  for (guint i = 0; i < self->words->len; i++)
    g_string_append_printf (contents, "%s\n", (char *) g_ptr_array_index (self->words, i));
  if (self->data_dir != NULL)
    path = checks_path (self, WORDS_FILE);
  g_mutex_unlock (&self->lock);

  return path == NULL || write_file (path, contents->str, error);
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
  ok = _cd_checker_set_house_style_locked (self, text, error);
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

/**
 * cd_checker_save_house_style:
 * @text: (nullable): the list, as for cd_checker_set_house_style(); %NULL
 *   goes back to the built-in list
 *
 * Replaces the house-style list and, when a data dir is loaded, writes it to
 * checks/house-style.txt there (or, for %NULL, removes that file). Nothing
 * changes when @text does not parse.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_checker_save_house_style (CdChecker  *self,
                             const char *text,
                             GError    **error)
{
  g_autofree char *path = NULL;
  gboolean         ok;

  g_return_val_if_fail (CD_IS_CHECKER (self), FALSE);

  g_mutex_lock (&self->lock);
  ok = _cd_checker_set_house_style_locked (self, text != NULL ? text : cd_check_get_default_house_style (),
                                           error);
  if (ok && self->data_dir != NULL)
    path = checks_path (self, HOUSE_STYLE_FILE);
  g_mutex_unlock (&self->lock);

  if (path == NULL)
    return ok;
  if (text != NULL)
    return write_file (path, text, error);
  return remove_file (path, error);
}

/* Newsroom language */

/**
 * cd_check_read_language:
 * @data_dir: the folder that holds copydesk.db
 *
 * Returns: (transfer full) (nullable): the newsroom language set in
 * @data_dir (checks/language.txt), or %NULL when none is
 */
char *
cd_check_read_language (const char *data_dir)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  path = g_build_filename (data_dir, CHECKS_DIR, LANGUAGE_FILE, NULL);
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  g_strstrip (contents);
  if (!cd_check_is_language_tag (contents))
    {
      g_warning ("%s does not hold a language tag such as en-GB; it is left unused", path);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

/**
 * cd_check_is_language_tag:
 *
 * Returns: whether @text is shaped like a BCP 47 language tag (en, pt-BR,
 * sr-Latn-RS), as the spell checker and the exports rely on
 */
gboolean
cd_check_is_language_tag (const char *text)
{
  return text != NULL && strlen (text) <= 64 &&
         g_regex_match_simple ("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", text, 0, 0);
}

/**
 * cd_checker_save_default_language:
 * @language: (nullable): a BCP 47 tag, or %NULL for the built-in default
 *
 * Sets the newsroom language: the checker's default, and what new and
 * imported articles that name none are given. When a data dir is loaded it
 * is written to checks/language.txt there (%NULL removes the file).
 *
 * Returns: %TRUE on success
 */
gboolean
cd_checker_save_default_language (CdChecker  *self,
                                  const char *language,
                                  GError    **error)
{
  g_autofree char *path = NULL;
  g_autofree char *line = NULL;

  g_return_val_if_fail (CD_IS_CHECKER (self), FALSE);

  if (language != NULL && !cd_check_is_language_tag (language))
    {
      g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED,
                   "“%s” is not a language tag such as en, en-GB or de-CH", language);
      return FALSE;
    }
  cd_checker_set_default_language (self, language);
  if (self->data_dir == NULL)
    return TRUE;

  path = checks_path (self, LANGUAGE_FILE);
  if (language != NULL)
    {
      line = g_strconcat (language, "\n", NULL);
      return write_file (path, line, error);
    }
  return remove_file (path, error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
list_dict_cb (const char *const lang_tag,
              const char *const provider_name,
              const char *const provider_desc,
              const char *const provider_file,
              void             *user_data)
{
  GPtrArray *tags = user_data;
  char      *tag = g_strdelimit (g_strdup (lang_tag), "_", '-');

  for (guint i = 0; i < tags->len; i++)
    if (g_str_equal (g_ptr_array_index (tags, i), tag))
      {
        g_free (tag);
        return;
      }
  g_ptr_array_add (tags, tag);
}

/**
 * cd_check_list_languages:
 *
 * Returns: (transfer full): the BCP 47 tags of the spelling dictionaries
 * installed (en-GB, de-CH, …), sorted
 */
char **
cd_check_list_languages (void)
{
  EnchantBroker *broker = enchant_broker_init ();
  GPtrArray     *tags = g_ptr_array_new ();

  enchant_broker_list_dicts (broker, list_dict_cb, tags);
  enchant_broker_free (broker);
  g_ptr_array_sort (tags, compare_strings);
  g_ptr_array_add (tags, NULL);
  return (char **) g_ptr_array_free (tags, FALSE);
}

/* Data dir */

/**
 * cd_checker_load_data_dir:
 * @data_dir: the folder that holds copydesk.db
 *
 * Reads the person's lists from @data_dir/checks/: words.txt (one word a
 * line), house-style.txt (replaces the built-in list when present),
 * language.txt (the newsroom language) and ignored/UUID.txt (one ignored
 * finding a line). Loading again rereads them, so a list edited elsewhere
 * (by hand, by another window) replaces what was in memory. Later changes
 * through cd_checker_add_word(), cd_checker_save_words(),
 * cd_checker_save_house_style(), cd_checker_save_default_language() and
 * cd_checker_ignore() are written there.
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
  g_autofree char *language = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (CD_IS_CHECKER (self), FALSE);
  g_return_val_if_fail (data_dir != NULL, FALSE);

  language = cd_check_read_language (data_dir);
  cd_checker_set_default_language (self, language);

  g_mutex_lock (&self->lock);
  if (data_dir != self->data_dir)
    {
      g_free (self->data_dir);
      self->data_dir = g_strdup (data_dir);
    }
  g_hash_table_remove_all (self->ignores);
  words_path = checks_path (self, WORDS_FILE);
  style_path = checks_path (self, HOUSE_STYLE_FILE);

  if (g_file_get_contents (words_path, &words, NULL, &local_error))
    {
      g_auto (GStrv) lines = g_strsplit (words, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_strstrip (lines[i]);
      replace_words_locked (self, (const char *const *) lines);
    }
  else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    replace_words_locked (self, NULL);
  else
    {
      g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED,
                   "Could not read the word list %s: %s", words_path, local_error->message);
      ok = FALSE;
    }
  g_clear_error (&local_error);

  if (ok && g_file_get_contents (style_path, &style, NULL, &local_error))
    {
      if (!_cd_checker_set_house_style_locked (self, style, &local_error))
        {
          g_set_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_HOUSE_STYLE,
                       "%s: %s", style_path, local_error->message);
          ok = FALSE;
        }
    }
  else if (ok && g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      ok = _cd_checker_set_house_style_locked (self, cd_check_get_default_house_style (), error);
      g_assert (ok);
    }
  else if (ok)
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

  g_assert (CD_IS_CHECKER (self));
  g_assert (uuid != NULL);

  return g_build_filename (self->data_dir, CHECKS_DIR, IGNORED_DIR, name, NULL);
}

GHashTable *
_cd_checker_get_ignores_locked (CdChecker  *self,
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
  keys = _cd_checker_get_ignores_locked (self, uuid);
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
  ignored = g_hash_table_contains (_cd_checker_get_ignores_locked (self, uuid), key);
  g_mutex_unlock (&self->lock);
  return ignored;
}
