/* cd-editor-paste.c: pasting formatted text into the body as Markdown.
 *
 * Text copied from a web page, a word processor or Google Docs comes with
 * an HTML form beside the plain one. Pasted into the body, that form is
 * read (cd_html_to_markdown()) so that links, emphasis, subheads and lists
 * arrive as Markdown instead of being lost. A picture with no text beside
 * it is left to the window's image paste; Ctrl+Shift+V pastes the plain
 * text only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-editor-paste"

#include "config.h"

#include <string.h>

#include "cd-editor-paste.h"
#include "cd-import.h"

#define HTML_MIME_TYPE "text/html"

/* A paste under way: the view it goes to, kept weakly, as the clipboard
 * may answer after the view is gone. */
typedef struct
{
  GWeakRef view;
} Paste;

static void
paste_free (Paste *paste)
{
  g_weak_ref_clear (&paste->view);
  g_free (paste);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Paste, paste_free)

/**
 * cd_editor_paste_html_to_markdown:
 * @data: the clipboard's text/html bytes
 * @length: their length
 *
 * Reads HTML as an application puts it on the clipboard: UTF-8, or UTF-16
 * with a byte order mark (as some browsers write it), and a fragment
 * rather than a page.
 *
 * Returns: (transfer full): the Markdown, without the blank line that
 *   would end it, so that a phrase pastes inside a paragraph; "" when the
 *   HTML holds no text
 */
char *
cd_editor_paste_html_to_markdown (const char *data,
                                  gsize       length)
{
  g_autofree char *utf8 = NULL;
  g_autofree char *markdown = NULL;
  gsize            end;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe) ||
                      ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)))
    utf8 = g_convert (data, length, "UTF-8", "UTF-16", NULL, NULL, NULL);
  if (utf8 == NULL)
    utf8 = g_utf8_make_valid (data, length);
  markdown = cd_html_to_markdown (utf8, strlen (utf8));
  end = strlen (markdown);
  while (end > 0 && markdown[end - 1] == '\n')
    end--;
  markdown[end] = '\0';
  return g_steal_pointer (&markdown);
}

static void
paste_text (GtkTextView *view,
            const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  g_assert (GTK_IS_TEXT_VIEW (view));
  g_assert (text != NULL);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, gtk_text_view_get_editable (view));
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, gtk_text_view_get_editable (view));
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (view, gtk_text_buffer_get_insert (buffer));
}

static void
paste_plain (GtkTextView *view)
{
  g_assert (GTK_IS_TEXT_VIEW (view));

  gtk_text_buffer_paste_clipboard (gtk_text_view_get_buffer (view),
                                   gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL,
                                   gtk_text_view_get_editable (view));
}

static void
splice_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (Paste) paste = user_data;
  g_autoptr (GtkTextView) view = g_weak_ref_get (&paste->view);
  g_autoptr (GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (object);
  g_autofree char     *markdown = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (memory), result, &error) < 0)
    g_debug ("The clipboard's HTML could not be read: %s", error->message);
  else
    markdown = cd_editor_paste_html_to_markdown (g_memory_output_stream_get_data (memory),
                                                 g_memory_output_stream_get_data_size (memory));
  if (view == NULL)
    return;
  /* HTML with no text (a picture alone) or that could not be read pastes
   * as the plain text beside it. */
  if (markdown == NULL || *markdown == '\0')
    paste_plain (view);
  else
    paste_text (view, markdown);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (Paste) paste = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) input = NULL;
  g_autoptr (GOutputStream) memory = NULL;

  input = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  if (input == NULL)
    {
      g_autoptr (GtkTextView) view = g_weak_ref_get (&paste->view);

      g_debug ("The clipboard's HTML could not be read: %s", error->message);
      if (view != NULL)
        paste_plain (view);
      return;
    }
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, input,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                    G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, splice_cb, g_steal_pointer (&paste));
}

/* Formatted text (HTML beside the plain text) pastes as Markdown; a
 * picture alone is the window's to paste; anything else is GTK's paste. */
static void
paste_clipboard_cb (GtkTextView *view)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  g_autoptr (GdkContentFormats) formats = NULL;
  static const char *mime_types[] = { HTML_MIME_TYPE, NULL };
  Paste             *paste;

  g_assert (GTK_IS_TEXT_VIEW (view));

  if (!gtk_text_view_get_editable (view))
    return;
  formats = gdk_content_formats_union_deserialize_gtypes (
      gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
  if (!gdk_content_formats_contain_mime_type (formats, HTML_MIME_TYPE) ||
      (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE) &&
       !gdk_content_formats_contain_gtype (formats, G_TYPE_STRING)))
    return;
  g_signal_stop_emission_by_name (view, "paste-clipboard");
  paste = g_new0 (Paste, 1);
  g_weak_ref_init (&paste->view, view);
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, read_cb, paste);
}

static gboolean
paste_plain_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  g_assert (GTK_IS_TEXT_VIEW (widget));

  paste_plain (GTK_TEXT_VIEW (widget));
  return TRUE;
}

/**
 * cd_editor_paste_attach:
 * @view: the body's text view
 *
 * Makes a paste into @view read formatted text as Markdown, and
 * Ctrl+Shift+V paste the plain text.
 */
void
cd_editor_paste_attach (GtkTextView *view)
{
  GtkEventController *shortcuts;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  g_signal_connect (view, "paste-clipboard", G_CALLBACK (paste_clipboard_cb), NULL);
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (shortcuts, "cd-paste-plain");
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Primary><Shift>v"),
                        gtk_callback_action_new (paste_plain_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), shortcuts);
}
