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
      if (!_cd_checker_set_house_style_locked (self, style, &local_error))
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
