/* cd-newsroom-page.c: the Newsroom page of the preferences window: the
 * newsroom language, the word list and the house-style list.
 *
 * All three live in the data folder's checks/ files (see cd-check.h), not
 * in GSettings, so that the command line checks and imports as the window
 * does. The page changes them through a checker of its own; the windows'
 * checkers see the files change and read them again (cd-check-runner.c).
 * The two lists are edited as text on a subpage (CdListEditor), since a
 * newsroom's list runs to hundreds of lines that are easier to read, paste
 * and tidy as text than as rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-newsroom-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-a11y.h"
#include "cd-check.h"
#include "cd-language-names.h"
#include "cd-list-editor.h"
#include "cd-newsroom-page.h"
#include "cd-ui-util.h"

struct _CdNewsroomPage
{
  AdwPreferencesPage parent_instance;

  CdStore              *store;
  AdwPreferencesWindow *window; /* weak */
  CdChecker            *checker;
  char                 *data_dir;
  GPtrArray            *languages; /* tags the language row offers; [0] is NULL */
  CdListEditor         *editor;    /* weak: the subpage shown, if any */

  /* Template children */
  AdwComboRow  *language_row;
  AdwActionRow *words_row;
  AdwActionRow *style_row;
};

G_DEFINE_FINAL_TYPE (CdNewsroomPage, cd_newsroom_page, ADW_TYPE_PREFERENCES_PAGE)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_WINDOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (CdNewsroomPage *self,
       const char     *message)
{
  g_assert (CD_IS_NEWSROOM_PAGE (self));

  if (self->window != NULL)
    adw_preferences_window_add_toast (self->window, _cd_toast_new (message));
  else
    g_warning ("%s", message);
}

/* What the file holds, or "" when there is none. */
static char *
read_list (CdNewsroomPage *self,
           const char     *name)
{
  g_autofree char *path = g_build_filename (self->data_dir, "checks", name, NULL);
  char            *text = NULL;

  g_assert (CD_IS_NEWSROOM_PAGE (self));

  if (!g_file_get_contents (path, &text, NULL, NULL) || !g_utf8_validate (text, -1, NULL))
    g_clear_pointer (&text, g_free);
  return text;
}

/* Lines that say something: neither blank nor a "#" note. */
static guint
count_entries (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      n += *line != '\0' && *line != '#';
    }
  return n;
}

static void
update_rows (CdNewsroomPage *self)
{
  g_auto (GStrv) words = cd_checker_dup_words (self->checker);
  g_autofree char *style = cd_checker_dup_house_style (self->checker);
  g_autofree char *own = read_list (self, "house-style.txt");
  g_autofree char *words_subtitle = NULL;
  g_autofree char *style_subtitle = NULL;
  guint            n_words = g_strv_length (words);
  guint            n_rules = count_entries (style);

  g_assert (CD_IS_NEWSROOM_PAGE (self));

  words_subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Names and terms spelling accepts · %u word",
                                                 "Names and terms spelling accepts · %u words",
                                                 n_words),
                                    n_words);
  if (own != NULL)
    style_subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "What to avoid and what to prefer · the newsroom’s list, %u rule",
                                                   "What to avoid and what to prefer · the newsroom’s list, %u rules",
                                                   n_rules),
                                      n_rules);
  else
    style_subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "What to avoid and what to prefer · Copydesk’s list, %u rule",
                                                   "What to avoid and what to prefer · Copydesk’s list, %u rules",
                                                   n_rules),
                                      n_rules);
  adw_action_row_set_subtitle (self->words_row, words_subtitle);
  adw_action_row_set_subtitle (self->style_row, style_subtitle);
  if (self->editor != NULL)
    cd_list_editor_set_subtitle (self->editor,
                                 g_object_get_data (G_OBJECT (self->editor), "words") != NULL
                                     ? words_subtitle
                                     : style_subtitle);
}

/* Language */

static void
language_selected_cb (CdNewsroomPage *self)
{
  g_autoptr (GError) error = NULL;
  guint       i = adw_combo_row_get_selected (self->language_row);
  const char *tag;

  g_assert (CD_IS_NEWSROOM_PAGE (self));

  if (i == GTK_INVALID_LIST_POSITION || i >= self->languages->len)
    return;
  tag = g_ptr_array_index (self->languages, i);
  if (!cd_checker_save_default_language (self->checker, tag, &error))
    toast (self, error->message);
}

static void
setup_languages (CdNewsroomPage *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_auto (GStrv) installed = cd_check_list_languages ();
  g_autofree char *current = cd_check_read_language (self->data_dir);
  guint            selected = 0;

  g_assert (CD_IS_NEWSROOM_PAGE (self));

  self->languages = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->languages, NULL);
  gtk_string_list_append (names, _ ("English, US or UK spelling as the article is written"));

  for (guint i = 0; installed[i] != NULL; i++)
    {
      g_autofree char *name = cd_language_get_name (installed[i]);
      g_autofree char *label = g_strdup_printf ("%s — %s", name, installed[i]);

      if (current != NULL && g_ascii_strcasecmp (current, installed[i]) == 0)
        selected = self->languages->len;
      g_ptr_array_add (self->languages, g_strdup (installed[i]));
      gtk_string_list_append (names, label);
    }
  /* A language set by hand, or on a machine with other dictionaries, is
   * kept and shown for what it is. */
  if (current != NULL && selected == 0)
    {
      g_autofree char *name = cd_language_get_name (current);
      g_autofree char *label = g_strdup_printf (_ ("%s — %s, no dictionary installed"), name, current);

      selected = self->languages->len;
      g_ptr_array_add (self->languages, g_strdup (current));
      gtk_string_list_append (names, label);
    }

  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->language_row, selected);
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (language_selected_cb), self, G_CONNECT_SWAPPED);
}

/* Lists */

/* Says on the list's page whether its text was taken, and why not. */
static void
applied (CdNewsroomPage *self,
         CdListEditor   *editor,
         gboolean        ok,
         const GError   *error)
{
  g_autofree char *message = NULL;

  g_assert (CD_IS_NEWSROOM_PAGE (self));
  g_assert (ok || error != NULL);

  if (!ok)
    message = g_strdup_printf (_ ("Not saved: %s."), error->message);
  cd_list_editor_set_error (editor, message);
  if (ok)
    update_rows (self);
}

static void
words_apply_cb (CdNewsroomPage *self,
                const char     *text,
                CdListEditor   *editor)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) words = NULL;

  g_assert (CD_IS_NEWSROOM_PAGE (self));

  if (self->checker == NULL)
    return;
  words = cd_check_parse_words (text, &error);
  applied (self, editor,
           words != NULL && cd_checker_save_words (self->checker, (const char *const *) words, &error),
           error);
}

static void
style_apply_cb (CdNewsroomPage *self,
                const char     *text,
                CdListEditor   *editor)
{
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_NEWSROOM_PAGE (self));

  if (self->checker == NULL)
    return;
  applied (self, editor, cd_checker_save_house_style (self->checker, text, &error), error);
}

static void
style_restore_cb (CdNewsroomPage *self,
                  CdListEditor   *editor)
{
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_NEWSROOM_PAGE (self));

  if (!cd_checker_save_house_style (self->checker, NULL, &error))
    {
      cd_list_editor_set_error (editor, error->message);
      return;
    }
  cd_list_editor_set_text (editor, cd_check_get_default_house_style ());
  update_rows (self);
  toast (self, _ ("House style is Copydesk’s list again"));
}

static void
editor_back_cb (CdNewsroomPage *self)
{
  g_assert (CD_IS_NEWSROOM_PAGE (self));

  if (self->window != NULL)
    adw_preferences_window_close_subpage (self->window);
}

static void
show_editor (CdNewsroomPage *self,
             CdListEditor   *editor)
{
  g_assert (CD_IS_NEWSROOM_PAGE (self));

  g_set_weak_pointer (&self->editor, editor);
  g_signal_connect_object (editor, "back", G_CALLBACK (editor_back_cb), self, G_CONNECT_SWAPPED);
  update_rows (self);
  if (self->window != NULL)
    adw_preferences_window_present_subpage (self->window, GTK_WIDGET (editor));
  gtk_widget_grab_focus (cd_list_editor_get_text_view (editor));
}

static void
words_row_activated_cb (CdNewsroomPage *self)
{
  g_auto (GStrv) words = cd_checker_dup_words (self->checker);
  g_autofree char *text = NULL;
  CdListEditor    *editor;

  g_assert (CD_IS_NEWSROOM_PAGE (self));

  editor = cd_list_editor_new (_ ("Word List"),
                               _ ("One word a line: names, places and terms spelling should "
                                  "accept on top of the dictionary. Changes are kept as you type."),
                               FALSE);
  g_object_set_data (G_OBJECT (editor), "words", GINT_TO_POINTER (TRUE));
  text = g_strjoinv ("\n", words);
  if (*text != '\0')
    {
      g_autofree char *lines = g_steal_pointer (&text);

      text = g_strconcat (lines, "\n", NULL);
    }
  cd_list_editor_set_text (editor, text);
  g_signal_connect_object (editor, "apply", G_CALLBACK (words_apply_cb), self, G_CONNECT_SWAPPED);
  show_editor (self, editor);
}

static void
style_row_activated_cb (CdNewsroomPage *self)
{
  g_autofree char *own = read_list (self, "house-style.txt");
  CdListEditor    *editor;

  g_assert (CD_IS_NEWSROOM_PAGE (self));

  editor = cd_list_editor_new (_ ("House Style"),
                               _ ("One rule a line, what to avoid, an arrow, what to prefer: "
                                  "“Kiev → Kyiv”. An empty right side flags the words alone; "
                                  "lines starting with # are notes. Changes are kept as you type."),
                               TRUE);
  cd_list_editor_set_text (editor, own != NULL ? own : cd_check_get_default_house_style ());
  g_signal_connect_object (editor, "apply", G_CALLBACK (style_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "restore", G_CALLBACK (style_restore_cb), self,
                           G_CONNECT_SWAPPED);
  show_editor (self, editor);
}

static void
cd_newsroom_page_constructed (GObject *object)
{
  CdNewsroomPage *self = CD_NEWSROOM_PAGE (object);
  g_autoptr (GError) error = NULL;

  G_OBJECT_CLASS (cd_newsroom_page_parent_class)->constructed (object);

  self->data_dir = g_path_get_dirname (cd_store_get_path (self->store));
  self->checker = cd_checker_new ();
  /* A list that does not read still opens, to be fixed here. */
  if (!cd_checker_load_data_dir (self->checker, self->data_dir, &error))
    g_warning ("%s", error->message);
  setup_languages (self);
  update_rows (self);
  cd_a11y_fix_names (GTK_WIDGET (self));
}

static void
cd_newsroom_page_dispose (GObject *object)
{
  CdNewsroomPage *self = CD_NEWSROOM_PAGE (object);

  /* An open list page applies what was typed before the checker goes. */
  if (self->editor != NULL)
    cd_list_editor_flush (self->editor);
  g_clear_weak_pointer (&self->editor);
  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_NEWSROOM_PAGE);
  g_clear_object (&self->checker);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cd_newsroom_page_parent_class)->dispose (object);
}

static void
cd_newsroom_page_finalize (GObject *object)
{
  CdNewsroomPage *self = CD_NEWSROOM_PAGE (object);

  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_free (self->data_dir);

  G_OBJECT_CLASS (cd_newsroom_page_parent_class)->finalize (object);
}

static void
cd_newsroom_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CdNewsroomPage *self = CD_NEWSROOM_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_WINDOW:
      g_set_weak_pointer (&self->window, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_newsroom_page_class_init (CdNewsroomPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cd_newsroom_page_constructed;
  object_class->dispose = cd_newsroom_page_dispose;
  object_class->finalize = cd_newsroom_page_finalize;
  object_class->set_property = cd_newsroom_page_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, CD_TYPE_STORE,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINDOW] =
      g_param_spec_object ("window", NULL, NULL, ADW_TYPE_PREFERENCES_WINDOW,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cd-newsroom-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CdNewsroomPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, CdNewsroomPage, words_row);
  gtk_widget_class_bind_template_child (widget_class, CdNewsroomPage, style_row);
  gtk_widget_class_bind_template_callback (widget_class, words_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, style_row_activated_cb);
}

static void
cd_newsroom_page_init (CdNewsroomPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cd_newsroom_page_new:
 * @store: the store whose data folder holds the lists
 * @window: the preferences window that shows the page, its subpages and
 *   its toasts
 *
 * Returns: (transfer full): a new Newsroom page
 */
CdNewsroomPage *
cd_newsroom_page_new (CdStore              *store,
                      AdwPreferencesWindow *window)
{
  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (ADW_IS_PREFERENCES_WINDOW (window), NULL);

  return g_object_new (CD_TYPE_NEWSROOM_PAGE, "store", store, "window", window, NULL);
}
