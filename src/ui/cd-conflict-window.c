/* cd-conflict-window.c: settle a sync conflict: base, mine and theirs side
 * by side, and a merged text to edit.
 *
 * Each side shows the fields a CMS carries (cd_merge_list_fields()) as a
 * short header of "field: value" lines, a blank line, then the body, so
 * that the three sides line up and one three-way merge of those texts
 * covers every field. Lines a side changed since the last sync are tinted;
 * the merged text starts as that merge, conflicting lines between git's
 * <<<<<<< and >>>>>>> marks, tinted until the person settles them: by
 * hand, or one conflict at a time with Yours Here, Theirs Here and Keep
 * Both, which act on the conflict at the cursor (or the next one).
 *
 * Keep Mine, Take Theirs and Use Merged change only the shared fields of
 * the local article (byline, notes, status stay as they are), save it
 * through cd_sync_engine_resolve() and emit "resolved"; the window that
 * opened this one then syncs to push it. The window is modal, so nobody
 * types into the article while it decides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-conflict-window"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "cd-a11y.h"
#include "cd-article-row.h"
#include "cd-conflict-window.h"
#include "cd-diff.h"
#include "cd-merge.h"

G_DEFINE_QUARK (CdConflictError, cd_conflict_error)

struct _CdConflictWindow
{
  AdwWindow parent_instance;

  CdSyncEngine *engine;
  char         *uuid;
  char         *account;
  char         *error;
  CdArticle    *base;
  CdArticle    *mine;
  CdArticle    *theirs;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkLabel       *intro_label;
  GtkLabel       *theirs_label;
  GtkLabel       *merged_hint;
  GtkLabel       *error_label;
  GtkSourceView  *base_view;
  GtkSourceView  *mine_view;
  GtkSourceView  *theirs_view;
  GtkSourceView  *merged_view;
  GtkWidget      *hunk_bar;
  GtkLabel       *hunk_label;
};

G_DEFINE_FINAL_TYPE (CdConflictWindow, cd_conflict_window, ADW_TYPE_WINDOW)

enum
{
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The single-line fields, in the order the header shows them. */
static const char *header_fields[] = { "headline", "dek", "slug", "section" };

/**
 * cd_conflict_format_article:
 * @article: one side of a conflict
 *
 * Returns: (transfer full): the fields a CMS carries as one text: a
 *   "field: value" line each, a blank line, then the body
 */
char *
cd_conflict_format_article (CdArticle *article)
{
  GString           *text = g_string_new (NULL);
  const char *const *tags = cd_article_get_tags (article);
  const char        *body = cd_article_get_body (article);

  for (guint i = 0; i < G_N_ELEMENTS (header_fields); i++)
    {
      g_autofree char *value = cd_article_get_field (article, header_fields[i]);
      g_auto (GStrv) lines = g_strsplit (value != NULL ? value : "", "\n", -1);
      g_autofree char *one_line = g_strjoinv (" ", lines);

      g_string_append_printf (text, "%s: %s\n", header_fields[i], g_strstrip (one_line));
    }
  g_string_append (text, "tags: ");
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", tags[i]);
  g_string_append (text, "\n\n");
  g_string_append (text, body != NULL ? body : "");
  return g_string_free (text, FALSE);
}

static gboolean
is_mark (const char *line)
{
  return g_str_has_prefix (line, "<<<<<<<") || g_str_has_prefix (line, ">>>>>>>") || g_str_has_prefix (line, "|||||||");
}

/**
 * cd_conflict_parse_text:
 * @text: a text as cd_conflict_format_article() writes it, edited
 * @article: the article whose shared fields to set from it
 * @error: return location for an error
 *
 * A header field left out is emptied; the body is everything after the
 * first blank line.
 *
 * Returns: %TRUE when @text had no conflict marks left and only known
 *   fields in its header
 */
gboolean
cd_conflict_parse_text (const char *text,
                        CdArticle  *article,
                        GError    **error)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) body = g_string_new (NULL);
  guint i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);

  for (i = 0; lines[i] != NULL; i++)
    if (is_mark (lines[i]))
      {
        g_set_error (error, CD_CONFLICT_ERROR, CD_CONFLICT_ERROR_MARKS,
                     _ ("Line %u still has a conflict mark: keep the lines you want and remove "
                        "the lines <<<<<<<, ======= and >>>>>>>."),
                     i + 1);
        return FALSE;
      }

  for (guint f = 0; f < G_N_ELEMENTS (header_fields); f++)
    cd_article_set_field (article, header_fields[f], "", NULL);

  for (i = 0; lines[i] != NULL && !cd_text_is_blank (lines[i]); i++)
    {
      const char      *colon = strchr (lines[i], ':');
      g_autofree char *name = colon != NULL ? g_strndup (lines[i], colon - lines[i]) : NULL;
      g_autofree char *value = colon != NULL ? g_strstrip (g_strdup (colon + 1)) : NULL;
      gboolean         known = FALSE;

      if (name != NULL)
        g_strstrip (name);
      for (guint f = 0; name != NULL && f < G_N_ELEMENTS (header_fields); f++)
        if (g_str_equal (name, header_fields[f]))
          {
            cd_article_set_field (article, name, value, NULL);
            known = TRUE;
          }
      if (name != NULL && g_str_equal (name, "tags"))
        {
          g_auto (GStrv) parts = g_strsplit (value, ",", -1);

          for (guint t = 0; parts[t] != NULL; t++)
            if (*g_strstrip (parts[t]) != '\0')
              g_ptr_array_add (tags, g_strdup (parts[t]));
          known = TRUE;
        }
      if (!known)
        {
          g_set_error (error, CD_CONFLICT_ERROR, CD_CONFLICT_ERROR_FIELD,
                       _ ("Line %u names no field: the lines before the first blank line must "
                          "start with headline:, dek:, slug:, section: or tags:."),
                       i + 1);
          return FALSE;
        }
    }

  g_ptr_array_add (tags, NULL);
  cd_article_set_tags (article, (const char *const *) tags->pdata);
  if (lines[i] != NULL)
    i++;
  for (guint b = i; lines[b] != NULL; b++)
    {
      if (b > i)
        g_string_append_c (body, '\n');
      g_string_append (body, lines[b]);
    }
  cd_article_set_body (article, body->str);
  return TRUE;
}

static GtkTextBuffer *
buffer_of (GtkSourceView *view)
{
  g_assert (GTK_SOURCE_IS_VIEW (view));

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static void
tint_line (GtkTextBuffer *buffer,
           const char    *tag,
           int            line)
{
  GtkTextIter start, end;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  gtk_text_iter_forward_char (&end);
  gtk_text_buffer_apply_tag_by_name (buffer, tag, &start, &end);
}

/* Tints the lines of @new_text (in @buffer) that are not in @old_text;
 * with @removed, tints instead the lines of @old_text (in @buffer) that
 * @new_text dropped. */
static void
tint_changes (GtkTextBuffer *buffer,
              const char    *tag,
              const char    *old_text,
              const char    *new_text,
              gboolean       removed)
{
  g_autoptr (GArray) lines = cd_diff_lines (old_text, new_text);
  int old_line = 0, new_line = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      CdDiffLine *line = &g_array_index (lines, CdDiffLine, i);

      switch (line->kind)
        {
        case CD_DIFF_SAME:
          old_line++;
          new_line++;
          break;
        case CD_DIFF_ADDED:
          if (!removed)
            tint_line (buffer, tag, new_line);
          new_line++;
          break;
        case CD_DIFF_REMOVED:
          if (removed)
            tint_line (buffer, tag, old_line);
          old_line++;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
tint_marks (CdConflictWindow *self)
{
  GtkTextBuffer *buffer = buffer_of (self->merged_view);
  GtkTextIter    start, end;
  int            n = gtk_text_buffer_get_line_count (buffer);
  gboolean       inside = FALSE;

  g_assert (CD_IS_CONFLICT_WINDOW (self));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "conflict", &start, &end);
  for (int line = 0; line < n; line++)
    {
      GtkTextIter      line_start, line_end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_iter_at_line (buffer, &line_start, line);
      line_end = line_start;
      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);
      text = gtk_text_buffer_get_text (buffer, &line_start, &line_end, FALSE);
      if (g_str_has_prefix (text, "<<<<<<<"))
        inside = TRUE;
      if (inside)
        tint_line (buffer, "conflict", line);
      if (g_str_has_prefix (text, ">>>>>>>"))
        inside = FALSE;
    }
}

/* One conflict in the merged text, by line: <<<<<<< at start, yours up to
 * base (|||||||, when there is one) or sep (=======), theirs after sep up
 * to end (>>>>>>>). */
typedef struct
{
  int start, base, sep, end;
} Hunk;

static char *
line_text (GtkTextBuffer *buffer,
           int            line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Every whole conflict in @buffer, in order. */
static GArray *
find_hunks (GtkTextBuffer *buffer)
{
  GArray *hunks = g_array_new (FALSE, FALSE, sizeof (Hunk));
  int     n = gtk_text_buffer_get_line_count (buffer);
  Hunk    hunk = { -1, -1, -1, -1 };

  g_assert (GTK_IS_TEXT_BUFFER (buffer));

  for (int line = 0; line < n; line++)
    {
      g_autofree char *text = line_text (buffer, line);

      if (g_str_has_prefix (text, "<<<<<<<"))
        hunk = (Hunk){ line, -1, -1, -1 };
      else if (hunk.start >= 0 && hunk.sep < 0 && g_str_has_prefix (text, "|||||||"))
        hunk.base = line;
      else if (hunk.start >= 0 && hunk.sep < 0 && g_str_has_prefix (text, "======="))
        hunk.sep = line;
      else if (hunk.sep >= 0 && g_str_has_prefix (text, ">>>>>>>"))
        {
          hunk.end = line;
          g_array_append_val (hunks, hunk);
          hunk = (Hunk){ -1, -1, -1, -1 };
        }
    }
  return hunks;
}

/* The conflict the buttons act on: the one the cursor is in, else the next
 * one after it, else the first. */
static int
current_hunk (GtkTextBuffer *buffer,
              GArray        *hunks)
{
  GtkTextIter cursor;
  int         line;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));

  if (hunks->len == 0)
    return -1;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  line = gtk_text_iter_get_line (&cursor);
  for (guint i = 0; i < hunks->len; i++)
    if (line <= g_array_index (hunks, Hunk, i).end)
      return i;
  return 0;
}

static void
update_hunk_bar (CdConflictWindow *self)
{
  GtkTextBuffer *buffer = buffer_of (self->merged_view);
  g_autoptr (GArray) hunks = find_hunks (buffer);
  int              i = current_hunk (buffer, hunks);
  g_autofree char *text = NULL;

  g_assert (CD_IS_CONFLICT_WINDOW (self));

  gtk_widget_set_visible (self->hunk_bar, hunks->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.hunk-mine", hunks->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.hunk-theirs", hunks->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.hunk-both", hunks->len > 0);
  if (i < 0)
    return;
  /* Translators: which of the merged text's conflicts the buttons beside
   * settle, "Conflict 1 of 3" */
  text = g_strdup_printf (_ ("Conflict %d of %u"), i + 1, hunks->len);
  gtk_label_set_text (self->hunk_label, text);
}

/* Appends lines [@from, @to) of @buffer to @out, each with its newline. */
static void
append_lines (GString       *out,
              GtkTextBuffer *buffer,
              int            from,
              int            to)
{
  for (int line = from; line < to; line++)
    {
      g_autofree char *text = line_text (buffer, line);

      g_string_append_printf (out, "%s\n", text);
    }
}

/* Settles the current conflict with yours, theirs or both, as one step to
 * undo, and moves to the next one. */
static void
settle_hunk (CdConflictWindow *self,
             gboolean          mine,
             gboolean          theirs)
{
  GtkTextBuffer *buffer = buffer_of (self->merged_view);
  g_autoptr (GArray) hunks = find_hunks (buffer);
  g_autoptr (GString) kept = g_string_new (NULL);
  int         i = current_hunk (buffer, hunks);
  Hunk        hunk;
  GtkTextIter start, end;

  g_assert (CD_IS_CONFLICT_WINDOW (self));

  if (i < 0)
    return;
  hunk = g_array_index (hunks, Hunk, i);
  if (mine)
    append_lines (kept, buffer, hunk.start + 1, hunk.base >= 0 ? hunk.base : hunk.sep);
  if (theirs)
    append_lines (kept, buffer, hunk.sep + 1, hunk.end);

  gtk_text_buffer_get_iter_at_line (buffer, &start, hunk.start);
  gtk_text_buffer_get_iter_at_line (buffer, &end, hunk.end);
  if (!gtk_text_iter_forward_line (&end))
    {
      /* The last line has no newline to take with it. */
      gtk_text_iter_forward_to_end (&end);
      if (kept->len > 0)
        g_string_truncate (kept, kept->len - 1);
    }
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, kept->str, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self->merged_view),
                                      gtk_text_buffer_get_insert (buffer));
  update_hunk_bar (self);
}

static void
hunk_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  CdConflictWindow *self = CD_CONFLICT_WINDOW (widget);

  g_assert (CD_IS_CONFLICT_WINDOW (self));

  settle_hunk (self, !g_str_equal (name, "conflict.hunk-theirs"),
               !g_str_equal (name, "conflict.hunk-mine"));
}

static void
add_tags (GtkTextBuffer *buffer)
{
  g_assert (GTK_IS_TEXT_BUFFER (buffer));

  /* Translucent tints read on light and dark backgrounds alike. */
  gtk_text_buffer_create_tag (buffer, "mine", "paragraph-background", "rgba(53,132,228,0.18)",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "theirs", "paragraph-background",
                              "rgba(230,97,0,0.20)", NULL);
  gtk_text_buffer_create_tag (buffer, "dropped", "paragraph-background",
                              "rgba(154,153,150,0.25)", NULL);
  gtk_text_buffer_create_tag (buffer, "conflict", "paragraph-background",
                              "rgba(224,27,36,0.16)", NULL);
}

static void
setup_view (GtkSourceView *view)
{
  g_assert (GTK_SOURCE_IS_VIEW (view));

  GtkSourceBuffer   *buffer = GTK_SOURCE_BUFFER (buffer_of (view));
  GtkSourceLanguage *markdown =
      gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (),
                                                "markdown");

  if (markdown != NULL)
    gtk_source_buffer_set_language (buffer, markdown);
  add_tags (GTK_TEXT_BUFFER (buffer));
}

/* The four views follow the desktop's light or dark style. */
static void
update_style_scheme (CdConflictWindow *self)
{
  g_assert (CD_IS_CONFLICT_WINDOW (self));

  GtkSourceView        *views[] = { self->base_view, self->mine_view, self->theirs_view,
                                    self->merged_view };
  AdwStyleManager      *style = adw_style_manager_get_default ();
  GtkSourceStyleScheme *scheme =
      gtk_source_style_scheme_manager_get_scheme (gtk_source_style_scheme_manager_get_default (),
                                                  adw_style_manager_get_dark (style)
                                                      ? "Adwaita-dark"
                                                      : "Adwaita");

  for (guint i = 0; scheme != NULL && i < G_N_ELEMENTS (views); i++)
    gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer_of (views[i])), scheme);
}

static void
set_text (GtkSourceView *view,
          const char    *text)
{
  g_assert (GTK_SOURCE_IS_VIEW (view));

  gtk_text_buffer_set_text (buffer_of (view), text, -1);
}

static void
show_error (CdConflictWindow *self,
            const char       *message)
{
  g_assert (CD_IS_CONFLICT_WINDOW (self));

  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
resolve_with (CdConflictWindow *self,
              CdArticle        *content)
{
  g_autoptr (CdArticle) resolved = cd_article_copy (self->mine);
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_CONFLICT_WINDOW (self));
  g_assert (CD_IS_ARTICLE (content));

  cd_merge_take_content (resolved, content);
  if (!cd_sync_engine_resolve (self->engine, self->uuid, self->account, resolved, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  /* The window goes first, so the one below gets focus back before it
   * reloads the article. */
  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_signal_emit (self, signals[RESOLVED], 0, self->uuid, self->account);
  g_object_unref (self);
}

/* Keep Mine and Take Theirs settle the conflict with one side whole. */
static void
side_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  CdConflictWindow *self = CD_CONFLICT_WINDOW (widget);

  g_assert (CD_IS_CONFLICT_WINDOW (self));

  resolve_with (self, g_str_equal (action, "conflict.keep-mine") ? self->mine : self->theirs);
}

static void
use_merged_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  CdConflictWindow *self = CD_CONFLICT_WINDOW (widget);
  g_autofree char  *text = cd_conflict_window_get_text (self, CD_CONFLICT_MERGED);
  g_autoptr (CdArticle) merged = cd_article_copy (self->mine);
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_CONFLICT_WINDOW (self));

  if (!cd_conflict_parse_text (text, merged, &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->merged_view));
      return;
    }
  resolve_with (self, merged);
}

static void
cd_conflict_window_dispose (GObject *object)
{
  CdConflictWindow *self = CD_CONFLICT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_CONFLICT_WINDOW);

  G_OBJECT_CLASS (cd_conflict_window_parent_class)->dispose (object);
}

static void
cd_conflict_window_finalize (GObject *object)
{
  CdConflictWindow *self = CD_CONFLICT_WINDOW (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->base);
  g_clear_object (&self->mine);
  g_clear_object (&self->theirs);
  g_free (self->uuid);
  g_free (self->account);
  g_free (self->error);

  G_OBJECT_CLASS (cd_conflict_window_parent_class)->finalize (object);
}

static void
cd_conflict_window_class_init (CdConflictWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_conflict_window_dispose;
  object_class->finalize = cd_conflict_window_finalize;

  /**
   * CdConflictWindow::resolved:
   * @uuid: the article
   * @account: the account it was in conflict with
   *
   * The person settled the conflict and it is saved; a sync pushes it.
   */
  signals[RESOLVED] =
      g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cd-conflict-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CdConflictWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdConflictWindow, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CdConflictWindow, theirs_label);
  gtk_widget_class_bind_template_child (widget_class, CdConflictWindow, merged_hint);
  gtk_widget_class_bind_template_child (widget_class, CdConflictWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, CdConflictWindow, base_view);
  gtk_widget_class_bind_template_child (widget_class, CdConflictWindow, mine_view);
  gtk_widget_class_bind_template_child (widget_class, CdConflictWindow, theirs_view);
  gtk_widget_class_bind_template_child (widget_class, CdConflictWindow, merged_view);
  gtk_widget_class_bind_template_child (widget_class, CdConflictWindow, hunk_bar);
  gtk_widget_class_bind_template_child (widget_class, CdConflictWindow, hunk_label);

  gtk_widget_class_install_action (widget_class, "conflict.keep-mine", NULL, side_action);
  gtk_widget_class_install_action (widget_class, "conflict.hunk-mine", NULL, hunk_action);
  gtk_widget_class_install_action (widget_class, "conflict.hunk-theirs", NULL, hunk_action);
  gtk_widget_class_install_action (widget_class, "conflict.hunk-both", NULL, hunk_action);
  gtk_widget_class_install_action (widget_class, "conflict.take-theirs", NULL, side_action);
  gtk_widget_class_install_action (widget_class, "conflict.use-merged", NULL,
                                   use_merged_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_conflict_window_init (CdConflictWindow *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  cd_a11y_fix_names (GTK_WIDGET (self));

  /* Ctrl+Enter uses the merged text even from inside it, where the text
   * view would otherwise take the key for a new line. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_alternative_trigger_new (
                            gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                        gtk_named_action_new ("conflict.use-merged")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  setup_view (self->base_view);
  setup_view (self->mine_view);
  setup_view (self->theirs_view);
  setup_view (self->merged_view);
  update_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer_of (self->merged_view), "changed", G_CALLBACK (tint_marks),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer_of (self->merged_view), "changed",
                           G_CALLBACK (update_hunk_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer_of (self->merged_view), "notify::cursor-position",
                           G_CALLBACK (update_hunk_bar), self, G_CONNECT_SWAPPED);
  gtk_label_set_text (self->merged_hint,
                      _ ("Edit freely. Lines both sides changed sit between <<<<<<< and >>>>>>> "
                         "marks: settle each with the buttons below, or keep what you want and "
                         "remove the marks. Ctrl+Enter uses it."));
}

/**
 * cd_conflict_window_new:
 * @parent: (nullable): the window to stay above
 * @engine: the sync engine
 * @uuid: the article in conflict
 * @account: the account it conflicts with
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the window, or %NULL with @error set
 *   when the article has no conflict with @account
 */
CdConflictWindow *
cd_conflict_window_new (GtkWindow    *parent,
                        CdSyncEngine *engine,
                        const char   *uuid,
                        const char   *account,
                        GError      **error)
{
  g_autoptr (CdArticle) base = NULL;
  g_autoptr (CdArticle) mine = NULL;
  g_autoptr (CdArticle) theirs = NULL;
  g_autofree char  *base_text = NULL;
  g_autofree char  *mine_text = NULL;
  g_autofree char  *theirs_text = NULL;
  g_autofree char  *merged_text = NULL;
  g_autofree char  *heading = NULL;
  g_autofree char  *intro = NULL;
  const char       *headline;
  CdConflictWindow *self;
  gboolean          clean = FALSE;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CD_IS_SYNC_ENGINE (engine), NULL);
  g_return_val_if_fail (uuid != NULL && account != NULL, NULL);

  if (!cd_sync_engine_get_conflict (engine, uuid, account, &base, &mine, &theirs, error))
    return NULL;

  base_text = cd_conflict_format_article (base);
  mine_text = cd_conflict_format_article (mine);
  theirs_text = cd_conflict_format_article (theirs);
  merged_text = cd_merge_text (base_text, mine_text, theirs_text, &clean, NULL);

  self = g_object_new (CD_TYPE_CONFLICT_WINDOW, "transient-for", parent, NULL);
  self->engine = g_object_ref (engine);
  self->uuid = g_strdup (uuid);
  self->account = g_strdup (account);
  self->base = g_steal_pointer (&base);
  self->mine = g_steal_pointer (&mine);
  self->theirs = g_steal_pointer (&theirs);

  headline = cd_article_row_headline_label (self->mine);
  adw_window_title_set_subtitle (self->window_title, headline);
  /* Translators: the heading over the server's side; %s is the account */
  heading = g_strdup_printf (_ ("On %s"), account);
  gtk_label_set_text (self->theirs_label, heading);
  intro = g_strdup_printf (_ ("“%s” was changed here and on %s since the last sync, in ways that "
                              "do not merge by themselves. Keep yours, take theirs, or edit the "
                              "merged text below. Nothing is lost: every version stays in the "
                              "history."),
                           headline, account);
  gtk_label_set_text (self->intro_label, intro);

  set_text (self->base_view, base_text);
  set_text (self->mine_view, mine_text);
  set_text (self->theirs_view, theirs_text);
  /* Without a merge (git could not run) the person starts from their own. */
  set_text (self->merged_view, merged_text != NULL ? merged_text : mine_text);

  tint_changes (buffer_of (self->mine_view), "mine", base_text, mine_text, FALSE);
  tint_changes (buffer_of (self->theirs_view), "theirs", base_text, theirs_text, FALSE);
  tint_changes (buffer_of (self->base_view), "dropped", base_text, mine_text, TRUE);
  tint_changes (buffer_of (self->base_view), "dropped", base_text, theirs_text, TRUE);

  gtk_widget_grab_focus (GTK_WIDGET (self->merged_view));
  return self;
}

/**
 * cd_conflict_window_get_uuid:
 *
 * Returns: (transfer none): the article in conflict
 */
const char *
cd_conflict_window_get_uuid (CdConflictWindow *self)
{
  g_return_val_if_fail (CD_IS_CONFLICT_WINDOW (self), NULL);
  return self->uuid;
}

/**
 * cd_conflict_window_get_account:
 *
 * Returns: (transfer none): the account it conflicts with
 */
const char *
cd_conflict_window_get_account (CdConflictWindow *self)
{
  g_return_val_if_fail (CD_IS_CONFLICT_WINDOW (self), NULL);
  return self->account;
}

/**
 * cd_conflict_window_get_text:
 * @side: which text
 *
 * Returns: (transfer full): the text shown for @side
 */
char *
cd_conflict_window_get_text (CdConflictWindow *self,
                             CdConflictSide    side)
{
  GtkSourceView *views[] = { self->base_view, self->mine_view, self->theirs_view,
                             self->merged_view };
  GtkTextIter    start, end;

  g_return_val_if_fail (CD_IS_CONFLICT_WINDOW (self), NULL);
  g_return_val_if_fail (side <= CD_CONFLICT_MERGED, NULL);

  gtk_text_buffer_get_bounds (buffer_of (views[side]), &start, &end);
  return gtk_text_buffer_get_text (buffer_of (views[side]), &start, &end, FALSE);
}

/**
 * cd_conflict_window_set_merged:
 * @text: the merged text, as a person would edit it
 */
void
cd_conflict_window_set_merged (CdConflictWindow *self,
                               const char       *text)
{
  g_return_if_fail (CD_IS_CONFLICT_WINDOW (self));
  g_return_if_fail (text != NULL);

  set_text (self->merged_view, text);
}

/**
 * cd_conflict_window_get_error:
 *
 * Returns: (nullable) (transfer none): why the last choice was refused
 */
const char *
cd_conflict_window_get_error (CdConflictWindow *self)
{
  g_return_val_if_fail (CD_IS_CONFLICT_WINDOW (self), NULL);
  return self->error;
}
