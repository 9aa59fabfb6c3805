/* cd-metadata-language.c: the article's language in the details, a
 * drop-down of the languages spelling has dictionaries for (and the
 * article's own, when it has none), named as the desktop names them.
 *
 * Listing the dictionaries starts Enchant's providers, and naming them
 * reads the ISO tables: both happen on a worker, once, the first time an
 * article is shown; until then the drop-down holds the article's language
 * alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-metadata"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cd-check.h"
#include "cd-language-names.h"
#include "cd-metadata-private.h"

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  char **installed = cd_check_list_languages ();

  /* The names are read here too, so the main thread finds them ready. */
  for (guint i = 0; installed[i] != NULL; i++)
    g_free (cd_language_get_name (installed[i]));
  g_task_return_pointer (task, installed, (GDestroyNotify) g_strfreev);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  CdLanguageChoice *choice = data;
  char            **installed = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Cancelled: the choice is cleared, and @data with it. */
  if (g_task_had_error (G_TASK (result)) || installed == NULL)
    return;
  g_clear_object (&choice->listing);
  choice->installed = installed;
  _cd_language_choice_load (choice, choice->article);
}

/* Whether spelling has a dictionary for @tag: its own, or one of its
 * language ("en" is checked with en-US or en-GB, as the copy spells). */
static gboolean
has_dictionary (CdLanguageChoice *choice,
                const char       *tag)
{
  gsize n = strcspn (tag, "-_");

  for (guint i = 0; choice->installed[i] != NULL; i++)
    if (g_ascii_strncasecmp (choice->installed[i], tag, n) == 0 &&
        (choice->installed[i][n] == '\0' || choice->installed[i][n] == '-' || choice->installed[i][n] == '_') &&
        (tag[n] == '\0' || g_ascii_strcasecmp (choice->installed[i], tag) == 0))
      return TRUE;
  return FALSE;
}

/* The name an item shows: "German (Switzerland)", and a language spelling
 * has no dictionary for says so. */
static char *
label_for (CdLanguageChoice *choice,
           const char       *tag)
{
  g_autofree char *name = NULL;

  if (choice->installed == NULL)
    return g_strdup (tag);
  name = cd_language_get_name (tag);
  if (has_dictionary (choice, tag))
    return g_steal_pointer (&name);
  /* Translators: a language spelling has no dictionary for */
  return g_strdup_printf (_ ("%s, no dictionary"), name);
}

/**
 * _cd_language_choice_load:
 * @article: (nullable): the article whose language to show
 *
 * Fills the drop-down and selects @article's language; the first call
 * starts listing the dictionaries, which fill it again when listed.
 */
void
_cd_language_choice_load (CdLanguageChoice *choice,
                          CdArticle        *article)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  const char *current = article != NULL ? cd_article_get_language (article) : NULL;
  guint       selected = GTK_INVALID_LIST_POSITION;

  g_assert (choice != NULL);

  /* Cleared: the drop-down has gone with the details. */
  if (choice->drop_down == NULL)
    return;
  choice->article = article;
  if (choice->installed == NULL && choice->listing == NULL && article != NULL)
    {
      g_autoptr (GTask) task = NULL;

      choice->listing = g_cancellable_new ();
      task = g_task_new (NULL, choice->listing, listed_cb, choice);
      g_task_set_source_tag (task, _cd_language_choice_load);
      g_task_run_in_thread (task, list_thread);
    }

  /* A language already listed is only selected: the person's own choice
   * lands here too, from inside the drop-down's selection, which must
   * keep its model. */
  if (choice->tags != NULL && choice->listed == (choice->installed != NULL) && current != NULL &&
      g_ptr_array_find_with_equal_func (choice->tags, current, g_str_equal, &selected))
    {
      choice->loading = TRUE;
      if (gtk_drop_down_get_selected (choice->drop_down) != selected)
        gtk_drop_down_set_selected (choice->drop_down, selected);
      gtk_widget_set_sensitive (GTK_WIDGET (choice->drop_down), TRUE);
      choice->loading = FALSE;
      return;
    }
  selected = GTK_INVALID_LIST_POSITION;
  choice->listed = choice->installed != NULL;
  g_clear_pointer (&choice->tags, g_ptr_array_unref);
  choice->tags = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; choice->installed != NULL && choice->installed[i] != NULL; i++)
    g_ptr_array_add (choice->tags, g_strdup (choice->installed[i]));
  if (current != NULL && *current != '\0' &&
      !g_ptr_array_find_with_equal_func (choice->tags, current, g_str_equal, &selected))
    {
      selected = choice->tags->len;
      g_ptr_array_add (choice->tags, g_strdup (current));
    }
  for (guint i = 0; i < choice->tags->len; i++)
    {
      g_autofree char *label = label_for (choice, g_ptr_array_index (choice->tags, i));

      gtk_string_list_append (names, label);
    }

  choice->loading = TRUE;
  gtk_drop_down_set_model (choice->drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (choice->drop_down, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (choice->drop_down), article != NULL);
  choice->loading = FALSE;
}

/**
 * _cd_language_choice_get_selected:
 *
 * Returns: (nullable): the tag the person chose, or %NULL while the
 *   drop-down is being filled or nothing is chosen
 */
const char *
_cd_language_choice_get_selected (CdLanguageChoice *choice)
{
  guint selected;

  g_assert (choice != NULL);

  if (choice->loading || choice->tags == NULL)
    return NULL;
  selected = gtk_drop_down_get_selected (choice->drop_down);
  return selected < choice->tags->len ? g_ptr_array_index (choice->tags, selected) : NULL;
}

void
_cd_language_choice_clear (CdLanguageChoice *choice)
{
  g_assert (choice != NULL);

  if (choice->listing != NULL)
    g_cancellable_cancel (choice->listing);
  g_clear_object (&choice->listing);
  g_clear_pointer (&choice->tags, g_ptr_array_unref);
  g_clear_pointer (&choice->installed, g_strfreev);
  choice->article = NULL;
  choice->drop_down = NULL;
}
