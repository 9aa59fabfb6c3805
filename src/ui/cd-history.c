/* cd-history.c: an article's revisions, a diff of each against the
 * current text, and Restore.
 *
 * The list shows every revision newest first with its time and reason; the
 * diff compares the chosen revision with the article as it is now, added
 * lines green and removed lines red, long unchanged stretches folded.
 * Restore emits "restore"; the window saves the current text as a
 * checkpoint first, so restoring never loses anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-history"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-a11y.h"
#include "cd-article-row.h"
#include "cd-diff.h"
#include "cd-history.h"

struct _CdHistory
{
  AdwWindow parent_instance;

  CdStore   *store;
  CdArticle *current;
  GPtrArray *revisions;

  GtkWidget *list;
  GtkWidget *diff_view;
  GtkWidget *stack;
  GtkWidget *restore_button;
  GtkWidget *summary;
  GtkWidget *leaflet;
  GtkWidget *back_button;
  guint      back_idle_id;
  GtkWidget *diff_box;
};

G_DEFINE_FINAL_TYPE (CdHistory, cd_history, ADW_TYPE_WINDOW)

enum
{
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Unchanged runs longer than this are folded, keeping CONTEXT lines on
 * either side of a change. */
#define FOLD_MIN 8
#define CONTEXT 3

/**
 * cd_history_reason_label:
 *
 * Returns: why a revision was taken, translated
 */
const char *
cd_history_reason_label (CdRevisionReason reason)
{
  switch (reason)
    {
    case CD_REVISION_NONE:
      return _ ("Saved");
    case CD_REVISION_CHECKPOINT:
      return _ ("Checkpoint");
    case CD_REVISION_NAMED:
      return _ ("Saved version");
    case CD_REVISION_BEFORE_SYNC:
      return _ ("Before syncing with the site");
    case CD_REVISION_PULLED:
      return _ ("Changes from the site");
    case CD_REVISION_MERGED:
      return _ ("Merged with the site’s changes");
    case CD_REVISION_RESTORED:
      return _ ("Restored");
    case CD_REVISION_IMPORTED:
      return _ ("Imported");
    case CD_REVISION_EDITED:
      return _ ("Changed from the command line");
    default:
      return _ ("Revision");
    }
}

/* The fields a reader compares, one a line, then the body. */
static char *
comparable_text (CdArticle *article)
{
  g_autofree char *tags = cd_article_get_field (article, "tags");

  g_assert (CD_IS_ARTICLE (article));

  return g_strdup_printf ("%s: %s\n%s: %s\n%s: %s\n%s: %s\n%s: %s\n%s: %s\n\n%s",
                          _ ("Headline"), cd_article_get_headline (article) ?: "",
                          _ ("Dek"), cd_article_get_dek (article) ?: "",
                          _ ("Byline"), cd_article_get_byline (article) ?: "",
                          _ ("Dateline"), cd_article_get_dateline (article) ?: "",
                          _ ("Tags"), tags ?: "",
                          _ ("Status"),
                          cd_article_row_status_label (cd_article_get_status (article)),
                          cd_article_get_body (article) ?: "");
}

static void
append_line (GtkTextBuffer *buffer,
             const char    *prefix,
             const char    *text,
             const char    *tag)
{
  GtkTextIter end;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));
  g_assert (prefix != NULL);
  g_assert (text != NULL);

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, prefix, -1, tag, NULL);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n", 1);
}

/* Marks @ranges (characters of the line that ends the buffer, after its
 * two-character prefix) with @tag: the words of a changed line that
 * changed. */
static void
mark_words (GtkTextBuffer *buffer,
            GArray        *ranges,
            const char    *tag)
{
  GtkTextIter line_start, start, end;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));
  g_assert (ranges != NULL);

  gtk_text_buffer_get_end_iter (buffer, &line_start);
  gtk_text_iter_backward_line (&line_start);
  for (guint i = 0; i < ranges->len; i++)
    {
      const CdDiffRange *range = &g_array_index (ranges, CdDiffRange, i);

      start = end = line_start;
      gtk_text_iter_forward_chars (&start, 2 + range->start);
      gtk_text_iter_forward_chars (&end, 2 + range->end);
      gtk_text_buffer_apply_tag_by_name (buffer, tag, &start, &end);
    }
}

/* A run of removed lines followed by added ones: the lines are paired in
 * order (a paragraph edited stays one line), and in each pair the words
 * that changed are marked. */
static void
show_changed_run (GtkTextBuffer *buffer,
                  GArray        *lines,
                  guint          first,
                  guint          n_removed,
                  guint          n_added)
{
  for (guint k = 0; k < n_removed; k++)
    {
      const char *old_line = g_array_index (lines, CdDiffLine, first + k).text;
      g_autoptr (GArray) old_changed = NULL;
      g_autoptr (GArray) new_changed = NULL;

      append_line (buffer, "− ", old_line, "removed");
      if (k >= n_added)
        continue;
      cd_diff_words (old_line, g_array_index (lines, CdDiffLine, first + n_removed + k).text,
                     &old_changed, &new_changed);
      mark_words (buffer, old_changed, "removed-words");
    }
  for (guint k = 0; k < n_added; k++)
    {
      const char *new_line = g_array_index (lines, CdDiffLine, first + n_removed + k).text;
      g_autoptr (GArray) old_changed = NULL;
      g_autoptr (GArray) new_changed = NULL;

      append_line (buffer, "+ ", new_line, "added");
      if (k >= n_removed)
        continue;
      cd_diff_words (g_array_index (lines, CdDiffLine, first + k).text, new_line, &old_changed,
                     &new_changed);
      mark_words (buffer, new_changed, "added-words");
    }
}

static void
show_diff (CdHistory  *self,
           CdRevision *revision)
{
  GtkTextBuffer   *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->diff_view));
  g_autofree char *old_text = comparable_text (cd_revision_get_snapshot (revision));
  g_autofree char *new_text = comparable_text (self->current);
  g_autoptr (GArray) lines = cd_diff_lines (old_text, new_text);
  g_autofree char *summary = NULL;
  guint            added = 0, removed = 0;

  g_assert (CD_IS_HISTORY (self));
  g_assert (CD_IS_REVISION (revision));

  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; i < lines->len; i++)
    {
      CdDiffLine *line = &g_array_index (lines, CdDiffLine, i);
      guint       run = 0;

      if (line->kind != CD_DIFF_SAME)
        {
          guint n_removed = 0, n_added = 0;

          while (i + n_removed < lines->len &&
                 g_array_index (lines, CdDiffLine, i + n_removed).kind == CD_DIFF_REMOVED)
            n_removed++;
          while (i + n_removed + n_added < lines->len &&
                 g_array_index (lines, CdDiffLine, i + n_removed + n_added).kind == CD_DIFF_ADDED)
            n_added++;
          show_changed_run (buffer, lines, i, n_removed, n_added);
          removed += n_removed;
          added += n_added;
          i += n_removed + n_added - 1;
          continue;
        }

      while (i + run < lines->len &&
             g_array_index (lines, CdDiffLine, i + run).kind == CD_DIFF_SAME)
        run++;
      for (guint j = 0; j < run; j++)
        {
          gboolean near_start = i > 0 && j < CONTEXT;
          gboolean near_end = i + run < lines->len && run - j <= CONTEXT;

          if (run >= FOLD_MIN && !near_start && !near_end)
            {
              guint            skipped = run - j - (i + run < lines->len ? CONTEXT : 0);
              g_autofree char *fold =
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "⋯ %u unchanged line",
                                                "⋯ %u unchanged lines", skipped),
                                   skipped);

              append_line (buffer, "", fold, "folded");
              j += skipped - 1;
              continue;
            }
          append_line (buffer, "  ", g_array_index (lines, CdDiffLine, i + j).text, NULL);
        }
      i += run - 1;
    }

  if (added == 0 && removed == 0)
    summary = g_strdup (_ ("Same as the current text"));
  else
    {
      g_autofree char *added_text =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line added", "%u lines added", added),
                           added);
      g_autofree char *removed_text =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", removed),
                           removed);

      /* Translators: "3 lines added, 1 removed" since a revision */
      summary = g_strdup_printf (_ ("%s, %s since this revision"), added_text, removed_text);
    }
  gtk_label_set_text (GTK_LABEL (self->summary), summary);
  gtk_widget_set_sensitive (self->restore_button, added > 0 || removed > 0);
}

static void
row_selected_cb (CdHistory     *self,
                 GtkListBoxRow *row)
{
  g_assert (CD_IS_HISTORY (self));

  if (row == NULL)
    {
      gtk_widget_set_sensitive (self->restore_button, FALSE);
      return;
    }
  show_diff (self, g_ptr_array_index (self->revisions, gtk_list_box_row_get_index (row)));
}

/**
 * cd_history_restore_selected:
 *
 * What the Restore button does: asks for the selected revision to become
 * the current text, then closes.
 */
void
cd_history_restore_selected (CdHistory *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));
  CdRevision    *revision;

  if (row == NULL)
    return;
  revision = g_ptr_array_index (self->revisions, gtk_list_box_row_get_index (row));
  g_signal_emit (self, signals[RESTORE], 0, cd_revision_get_id (revision));
  gtk_window_close (GTK_WINDOW (self));
}

static void
append_label (GtkWidget         *box,
              const char        *text,
              PangoEllipsizeMode ellipsize,
              const char       **css_classes)
{
  GtkWidget *label = gtk_label_new (text);

  g_assert (GTK_IS_BOX (box));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), ellipsize);
  gtk_widget_set_css_classes (label, css_classes);
  gtk_box_append (GTK_BOX (box), label);
}

/* A revision's row: when, why (and its name), and what the article was
 * then: its headline and length, so that rows are told apart by what they
 * hold, not by the time alone. The row's accessible name says all three. */
static GtkWidget *
revision_row (CdRevision *revision)
{
  GtkWidget       *row = gtk_list_box_row_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  CdArticle       *snapshot = cd_revision_get_snapshot (revision);
  g_autofree char *what = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GDateTime) local = g_date_time_to_local (cd_revision_get_created (revision));
  g_autofree char *day = cd_article_row_format_time (local);
  g_autofree char *clock = g_date_time_format (local, "%H:%M");
  g_autofree char *when = NULL;
  g_autofree char *reason = NULL;

  g_assert (CD_IS_REVISION (revision));

  /* Translators: when a revision was taken: day, then time of day */
  when = g_str_equal (day, clock) ? g_strdup (clock) : g_strdup_printf (_ ("%s, %s"), day, clock);
  append_label (box, when, PANGO_ELLIPSIZE_NONE, (const char *[]){ "heading", "numeric", NULL });

  if (cd_revision_get_name (revision) != NULL)
    /* Translators: a revision's reason and the name someone gave it */
    reason = g_strdup_printf (_ ("%s: %s"),
                              cd_history_reason_label (cd_revision_get_reason (revision)),
                              cd_revision_get_name (revision));
  else
    reason = g_strdup (cd_history_reason_label (cd_revision_get_reason (revision)));
  append_label (box, reason, PANGO_ELLIPSIZE_END, (const char *[]){ "caption", "dim-label", NULL });

  if (snapshot != NULL)
    {
      guint       words = cd_count_body_words (cd_article_get_body (snapshot));
      const char *headline = cd_article_get_headline (snapshot);

      what = g_strdup_printf (
          /* Translators: a revision's length in words, then its headline */
          g_dngettext (GETTEXT_PACKAGE, "%u word · %s", "%u words · %s", words), words,
          cd_text_is_blank (headline) ? _ ("Untitled") : headline);
      append_label (box, what, PANGO_ELLIPSIZE_END, (const char *[]){ "caption", NULL });
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: a history row as a screen reader says it: when, why, what */
  name = g_strdup_printf (_ ("%s, %s, %s"), when, reason, what != NULL ? what : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static gboolean
update_back_button_cb (gpointer data)
{
  CdHistory *self = data;

  self->back_idle_id = 0;
  gtk_widget_set_visible (self->back_button,
                          adw_leaflet_get_folded (ADW_LEAFLET (self->leaflet)) &&
                              adw_leaflet_get_visible_child (ADW_LEAFLET (self->leaflet)) ==
                                  self->diff_box);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being allocated; the header bar changes
 * after that, not in the middle of it. */
static void
folded_changed_cb (CdHistory *self)
{
  g_assert (CD_IS_HISTORY (self));

  if (self->back_idle_id == 0)
    self->back_idle_id = g_idle_add (update_back_button_cb, self);
}

/**
 * cd_history_show_diff:
 *
 * On a narrow window, goes from the list to the selected revision's diff.
 */
void
cd_history_show_diff (CdHistory *self)
{
  g_return_if_fail (CD_IS_HISTORY (self));
  adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_revisions_cb (CdHistory *self)
{
  g_assert (CD_IS_HISTORY (self));

  adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

static void
cd_history_dispose (GObject *object)
{
  CdHistory *self = CD_HISTORY (object);

  g_clear_handle_id (&self->back_idle_id, g_source_remove);
  /* The list emits row-selected while its rows go away. */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_HISTORY);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  g_clear_object (&self->current);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cd_history_parent_class)->dispose (object);
}

static void
cd_history_class_init (CdHistoryClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_history_dispose;

  /**
   * CdHistory::restore:
   * @revision_id: the revision to go back to
   */
  signals[RESTORE] = g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cd-history.ui");
  gtk_widget_class_bind_template_child (widget_class, CdHistory, back_button);
  gtk_widget_class_bind_template_child (widget_class, CdHistory, restore_button);
  gtk_widget_class_bind_template_child (widget_class, CdHistory, stack);
  gtk_widget_class_bind_template_child (widget_class, CdHistory, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CdHistory, list);
  gtk_widget_class_bind_template_child (widget_class, CdHistory, diff_box);
  gtk_widget_class_bind_template_child (widget_class, CdHistory, summary);
  gtk_widget_class_bind_template_child (widget_class, CdHistory, diff_view);
  gtk_widget_class_bind_template_callback (widget_class, show_revisions_cb);
  gtk_widget_class_bind_template_callback (widget_class, cd_history_restore_selected);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, cd_history_show_diff);
}

static void
cd_history_init (CdHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cd_a11y_fix_names (GTK_WIDGET (self));
}

/**
 * cd_history_new:
 * @parent: the window to stay above
 * @store: the store to read revisions from
 * @current: the article as it is now, to diff against
 *
 * Returns: (transfer full): a new history window, not yet shown
 */
CdHistory *
cd_history_new (GtkWindow *parent,
                CdStore   *store,
                CdArticle *current)
{
  CdHistory *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (current), NULL);

  self = g_object_new (CD_TYPE_HISTORY, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->current = g_object_ref (current);
  self->revisions = cd_store_list_revisions (store, cd_article_get_uuid (current), &error);
  if (self->revisions == NULL)
    {
      g_warning ("Could not list the revisions: %s", error->message);
      self->revisions = g_ptr_array_new_with_free_func (g_object_unref);
    }

  for (guint i = 0; i < self->revisions->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list),
                         revision_row (g_ptr_array_index (self->revisions, i)));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    self->revisions->len > 0 ? "revisions" : "empty");
  if (self->revisions->len > 0)
    cd_history_select (self, 0);
  return self;
}

guint
cd_history_get_n_revisions (CdHistory *self)
{
  g_return_val_if_fail (CD_IS_HISTORY (self), 0);
  return self->revisions->len;
}

void
cd_history_select (CdHistory *self,
                   guint      index)
{
  GtkListBoxRow *row;

  g_return_if_fail (CD_IS_HISTORY (self));

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), index);
  if (row != NULL)
    gtk_list_box_select_row (GTK_LIST_BOX (self->list), row);
}

/**
 * cd_history_get_diff_text:
 *
 * Returns: (transfer full): the diff shown, as text
 */
char *
cd_history_get_diff_text (CdHistory *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter    start, end;

  g_return_val_if_fail (CD_IS_HISTORY (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->diff_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
