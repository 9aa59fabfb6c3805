/* cd-editor.c: the article body: the view, with find and replace above it
 * and a status strip below.
 *
 * The editor composes CdSearchBar, CdEditorView and CdStatusStrip (each
 * with its own template) and keeps the article's body and the buffer in
 * step: an article's body is loaded with an empty undo history, and every
 * later change of the buffer is written back into the article. A change of
 * the body made elsewhere (a merge of someone else's edit) replaces only the
 * text that differs, as one undoable step, so the cursor and the undo
 * history stay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cd-editor-blocks.h"
#include "cd-editor-view.h"
#include "cd-editor.h"
#include "cd-search-bar.h"
#include "cd-ui-util.h"

struct _CdEditor
{
  GtkWidget parent_instance;

  CdArticle      *article;
  gulong          body_notify_id;
  CdEditorBlocks *blocks;

  CdSearchBar   *search_bar;
  CdEditorView  *view;
  CdStatusStrip *status_strip;

  guint loading : 1;
  guint writing : 1;
  guint too_long : 1; /* the body has a line the view cannot lay out in time */
};

/* GtkTextView lays out each line as one Pango layout and shapes all of it
 * again on every change (a profile of a 1 MB line: three quarters of the
 * time in HarfBuzz and Pango, 2 s a keystroke; 20 MB took minutes). A body
 * with a line longer than this stays out of the view: it is kept, saved
 * and previewed exactly as it is, and the view says why it cannot be
 * edited here. */
#define MAX_LINE_BYTES (64 * 1024)

static void load_body (CdEditor *self);

static gsize
longest_line (const char *text)
{
  gsize longest = 0;

  for (const char *p = text; p != NULL && *p != '\0';)
    {
      const char *end = strchr (p, '\n');
      gsize       length = end != NULL ? (gsize) (end - p) : strlen (p);

      longest = MAX (longest, length);
      p = end != NULL ? end + 1 : NULL;
    }
  return longest;
}

G_DEFINE_FINAL_TYPE (CdEditor, cd_editor, GTK_TYPE_WIDGET)

enum
{
  SCROLLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkTextBuffer *
get_buffer (CdEditor *self)
{
  g_assert (CD_IS_EDITOR (self));

  return GTK_TEXT_BUFFER (cd_editor_view_get_buffer (self->view));
}

static void
buffer_changed_cb (CdEditor      *self,
                   GtkTextBuffer *buffer)
{
  GtkTextIter      start, end;
  g_autofree char *text = NULL;

  g_assert (CD_IS_EDITOR (self));
  g_assert (GTK_IS_TEXT_BUFFER (buffer));

  if (self->loading || self->too_long || self->article == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  self->writing = TRUE;
  cd_article_set_body (self->article, text);
  self->writing = FALSE;
}

/* The body changed from outside the buffer: only the run between the
 * common start and the common end is replaced. */
static void
body_notify_cb (CdEditor *self)
{
  GtkTextBuffer   *buffer;
  GtkTextIter      start, end;
  g_autofree char *text = NULL;
  const char      *body;
  const char      *a, *b, *a_end, *b_end, *text_end;

  g_assert (CD_IS_EDITOR (self));

  if (self->writing || self->loading || self->article == NULL)
    return;
  if (self->too_long || longest_line (cd_article_get_body (self->article)) > MAX_LINE_BYTES)
    {
      load_body (self);
      return;
    }

  buffer = get_buffer (self);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  body = cd_article_get_body (self->article) != NULL ? cd_article_get_body (self->article) : "";
  if (g_str_equal (text, body))
    return;

  a = text;
  b = body;
  while (*a != '\0' && *a == *b)
    a++, b++;
  /* Both runs start and end on whole characters. */
  while (a > text && (*a & 0xC0) == 0x80)
    a--, b--;
  text_end = a_end = text + strlen (text);
  b_end = body + strlen (body);
  while (a_end > a && b_end > b && a_end[-1] == b_end[-1])
    a_end--, b_end--;
  while (a_end < text_end && (*a_end & 0xC0) == 0x80)
    a_end++, b_end++;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (text, a));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (text, a_end));
  self->loading = TRUE;
  cd_editor_blocks_begin_change (self->blocks);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, b, b_end - b);
  gtk_text_buffer_end_user_action (buffer);
  cd_editor_blocks_end_change (self->blocks);
  self->loading = FALSE;
}

/* Puts the article's body into the buffer, with an empty undo history, or
 * a sentence saying why it cannot be edited here. */
static void
load_body (CdEditor *self)
{
  const char      *body = self->article != NULL ? cd_article_get_body (self->article) : NULL;
  gsize            longest = longest_line (body);
  g_autofree char *notice = NULL;
  GtkTextBuffer   *buffer = get_buffer (self);

  g_assert (CD_IS_EDITOR (self));

  self->too_long = longest > MAX_LINE_BYTES;
  if (self->too_long)
    notice = g_strdup_printf (_ ("This body has a line of %" G_GSIZE_FORMAT " bytes, too long "
                                 "to edit here; it is kept and saved exactly as it is, and the "
                                 "preview and Export show it."),
                              longest);
  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, notice != NULL ? notice : body != NULL ? body
                                                                           : "",
                            -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_set_modified (buffer, FALSE);
  self->loading = FALSE;

  gtk_text_view_set_editable (GTK_TEXT_VIEW (cd_editor_view_get_source_view (self->view)),
                              self->article != NULL && !self->too_long);
}

static void
view_scrolled_cb (CdEditor *self)
{
  g_assert (CD_IS_EDITOR (self));

  g_signal_emit (self, signals[SCROLLED], 0);
}

/* Escape closes the find bar when it is open, and is left alone otherwise. */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   data)
{
  CdEditor *self = CD_EDITOR (widget);

  g_assert (GTK_IS_WIDGET (widget));

  if (!cd_search_bar_get_open (self->search_bar))
    return FALSE;
  cd_search_bar_hide (self->search_bar);
  return TRUE;
}

static void
cd_editor_dispose (GObject *object)
{
  CdEditor *self = CD_EDITOR (object);

  g_clear_signal_handler (&self->body_notify_id, self->article);
  g_clear_object (&self->article);
  g_clear_object (&self->blocks);
  _cd_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_EDITOR);

  G_OBJECT_CLASS (cd_editor_parent_class)->dispose (object);
}

static gboolean
cd_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CD_EDITOR (widget)->view));
}

static void
cd_editor_class_init (CdEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_editor_dispose;
  widget_class->grab_focus = cd_editor_grab_focus;

  /**
   * CdEditor::scrolled:
   *
   * The body scrolled; the first visible line may have changed.
   */
  signals[SCROLLED] = g_signal_new ("scrolled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CD_TYPE_SEARCH_BAR);
  g_type_ensure (CD_TYPE_EDITOR_VIEW);
  g_type_ensure (CD_TYPE_STATUS_STRIP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cd-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CdEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CdEditor, view);
  gtk_widget_class_bind_template_child (widget_class, CdEditor, status_strip);
  gtk_widget_class_bind_template_callback (widget_class, view_scrolled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cdeditor");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
cd_editor_init (CdEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The view's children come from its own template, so the bar and the
   * strip are pointed at them here. */
  cd_search_bar_set_view (self->search_bar, cd_editor_view_get_source_view (self->view));
  cd_status_strip_set_buffer (self->status_strip, get_buffer (self));
  g_signal_connect_object (get_buffer (self), "changed", G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->blocks = cd_editor_blocks_new (GTK_TEXT_VIEW (cd_editor_view_get_source_view (self->view)));
}

GtkWidget *
cd_editor_new (void)
{
  return g_object_new (CD_TYPE_EDITOR, NULL);
}

/**
 * cd_editor_set_article:
 * @article: (nullable): the article whose body to edit
 *
 * Loads the body into the buffer, with an empty undo history, and writes
 * every later change of the buffer back into the article.
 */
void
cd_editor_set_article (CdEditor  *self,
                       CdArticle *article)
{
  g_return_if_fail (CD_IS_EDITOR (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (!_cd_follow_object ((gpointer *) &self->article, &self->body_notify_id, article,
                          "notify::body", G_CALLBACK (body_notify_cb), self))
    return;

  load_body (self);
  cd_status_strip_set_article (self->status_strip, article);
}

/**
 * cd_editor_get_article:
 *
 * Returns: (nullable) (transfer none): the article being edited
 */
CdArticle *
cd_editor_get_article (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), NULL);
  return self->article;
}

/**
 * cd_editor_get_view:
 *
 * Returns: (transfer none): the source view
 */
GtkSourceView *
cd_editor_get_view (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), NULL);
  return cd_editor_view_get_source_view (self->view);
}

/**
 * cd_editor_get_buffer:
 *
 * Returns: (transfer none): the body's buffer
 */
GtkSourceBuffer *
cd_editor_get_buffer (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), NULL);
  return cd_editor_view_get_buffer (self->view);
}

/**
 * cd_editor_set_font:
 * @font: a Pango font description such as "Monospace 11"
 */
void
cd_editor_set_font (CdEditor   *self,
                    const char *font)
{
  g_return_if_fail (CD_IS_EDITOR (self));
  cd_editor_view_set_font (self->view, font);
}

/**
 * cd_editor_show_search:
 * @replace: whether to show the replace row too
 *
 * Reveals the find bar, seeded with the selection, and focuses it.
 */
void
cd_editor_show_search (CdEditor *self,
                       gboolean  replace)
{
  g_return_if_fail (CD_IS_EDITOR (self));
  cd_search_bar_show (self->search_bar, replace);
}

void
cd_editor_hide_search (CdEditor *self)
{
  g_return_if_fail (CD_IS_EDITOR (self));
  cd_search_bar_hide (self->search_bar);
}

int
cd_editor_get_cursor_offset (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), 0);
  return cd_editor_view_get_cursor_offset (self->view);
}

/**
 * cd_editor_place_cursor:
 * @offset: a character offset, or -1 for the end of the body
 *
 * Moves the cursor and scrolls it into view once the view is on screen
 * with its size and its wrapped lines.
 */
void
cd_editor_place_cursor (CdEditor *self,
                        int       offset)
{
  g_return_if_fail (CD_IS_EDITOR (self));
  cd_editor_view_place_cursor (self->view, offset);
}

void
cd_editor_select_range (CdEditor *self,
                        int       start,
                        int       end)
{
  g_return_if_fail (CD_IS_EDITOR (self));
  cd_editor_view_select_range (self->view, start, end);
}

/**
 * cd_editor_get_first_visible_line:
 *
 * Returns: the first line of the body in view, counting from 1 as
 *   cmark's source positions do
 */
guint
cd_editor_get_first_visible_line (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), 1);
  return cd_editor_view_get_first_visible_line (self->view);
}

/**
 * cd_editor_get_status_text:
 *
 * Returns: (transfer full): what the status strip shows, for tests and
 *   the accessibility tree
 */
char *
cd_editor_get_status_text (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), NULL);
  return cd_status_strip_get_text (self->status_strip);
}

/**
 * cd_editor_get_blocks:
 *
 * Returns: (transfer none): the blocks kept as WordPress wrote them, each
 *   shown in the body as a chip
 */
CdEditorBlocks *
cd_editor_get_blocks (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), NULL);
  return self->blocks;
}
