/* cd-editor-format.c: Markdown formatting from the keyboard.
 *
 * Ctrl+B and Ctrl+I wrap the selection in ** and in underscores (or put the
 * markers round the cursor), Ctrl+K makes the selection a link's text with
 * the cursor where the address goes, and Ctrl+1, 2, 3 and 0 make the
 * cursor's lines headings of that level or paragraphs again. Each is one
 * undoable step, and pressing it again on what it made takes it back off,
 * as the bold button of a word processor does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-editor-format"

#include "config.h"

#include <string.h>

#include "cd-editor-format.h"

/* The deepest heading Markdown has. */
#define MAX_HEADING 6

static void
get_iters (GtkTextBuffer *buffer,
           int            start,
           int            end,
           GtkTextIter   *a,
           GtkTextIter   *b)
{
  g_assert (GTK_IS_TEXT_BUFFER (buffer));

  gtk_text_buffer_get_iter_at_offset (buffer, a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, b, end);
}

/* The text between two character offsets; offsets past either end are
 * clamped, so a look beyond the buffer's edge finds less than it asked. */
static char *
text_at (GtkTextBuffer *buffer,
         int            start,
         int            end)
{
  GtkTextIter a, b;

  get_iters (buffer, MAX (start, 0), MAX (end, 0), &a, &b);
  return gtk_text_buffer_get_slice (buffer, &a, &b, TRUE);
}

static gboolean
text_is (GtkTextBuffer *buffer,
         int            start,
         const char    *text)
{
  g_autofree char *found = NULL;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));
  g_assert (text != NULL);

  if (start < 0)
    return FALSE;
  found = text_at (buffer, start, start + g_utf8_strlen (text, -1));
  return g_str_equal (found, text);
}

static void
delete_range (GtkTextBuffer *buffer,
              int            start,
              int            end)
{
  GtkTextIter a, b;

  get_iters (buffer, start, end, &a, &b);
  gtk_text_buffer_delete (buffer, &a, &b);
}

static void
insert_at (GtkTextBuffer *buffer,
           int            offset,
           const char    *text)
{
  GtkTextIter iter;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));
  g_assert (text != NULL);

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_insert (buffer, &iter, text, -1);
}

static void
select_offsets (GtkTextBuffer *buffer,
                int            start,
                int            end)
{
  GtkTextIter a, b;

  get_iters (buffer, start, end, &a, &b);
  gtk_text_buffer_select_range (buffer, &a, &b);
}

/* The selection without the spaces at its ends: "**word **" is not bold in
 * Markdown, so a double-clicked word's trailing space stays outside. */
static gboolean
get_selection (GtkTextBuffer *buffer,
               int           *start,
               int           *end)
{
  GtkTextIter a, b;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));

  if (!gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    {
      *start = *end = gtk_text_iter_get_offset (&a);
      return FALSE;
    }
  while (gtk_text_iter_compare (&a, &b) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&a)))
    gtk_text_iter_forward_char (&a);
  while (gtk_text_iter_compare (&a, &b) < 0)
    {
      GtkTextIter before = b;

      gtk_text_iter_backward_char (&before);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
        break;
      b = before;
    }
  *start = gtk_text_iter_get_offset (&a);
  *end = gtk_text_iter_get_offset (&b);
  return *start < *end;
}

/**
 * cd_editor_format_toggle_wrap:
 * @marker: what goes on both sides, such as "**" for bold
 *
 * Wraps the selection in @marker, or takes the markers off when the
 * selection is already wrapped (inside or outside it); with nothing
 * selected, puts both markers in with the cursor between them, or takes
 * an empty pair round the cursor out again. One undoable step.
 *
 * Returns: %TRUE when the markers went in, %FALSE when they came off
 */
gboolean
cd_editor_format_toggle_wrap (GtkTextBuffer *buffer,
                              const char    *marker)
{
  int      s, e, m;
  gboolean wrapped;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), FALSE);
  g_return_val_if_fail (marker != NULL && *marker != '\0', FALSE);

  m = g_utf8_strlen (marker, -1);
  gtk_text_buffer_begin_user_action (buffer);
  if (get_selection (buffer, &s, &e))
    {
      if (text_is (buffer, s - m, marker) && text_is (buffer, e, marker))
        {
          delete_range (buffer, e, e + m);
          delete_range (buffer, s - m, s);
          select_offsets (buffer, s - m, e - m);
          wrapped = FALSE;
        }
      else if (e - s >= 2 * m && text_is (buffer, s, marker) && text_is (buffer, e - m, marker))
        {
          delete_range (buffer, e - m, e);
          delete_range (buffer, s, s + m);
          select_offsets (buffer, s, e - 2 * m);
          wrapped = FALSE;
        }
      else
        {
          insert_at (buffer, e, marker);
          insert_at (buffer, s, marker);
          select_offsets (buffer, s + m, e + m);
          wrapped = TRUE;
        }
    }
  else if (text_is (buffer, s - m, marker) && text_is (buffer, s, marker))
    {
      delete_range (buffer, s, s + m);
      delete_range (buffer, s - m, s);
      select_offsets (buffer, s - m, s - m);
      wrapped = FALSE;
    }
  else
    {
      g_autofree char *pair = g_strconcat (marker, marker, NULL);

      insert_at (buffer, s, pair);
      select_offsets (buffer, s + m, s + m);
      wrapped = TRUE;
    }
  gtk_text_buffer_end_user_action (buffer);
  return wrapped;
}

/* Where the ")" closing a link's address that starts at @open is, on the
 * same line; -1 if there is none. */
static int
find_link_end (GtkTextBuffer *buffer,
               int            open)
{
  GtkTextIter iter;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, open);
  while (!gtk_text_iter_is_end (&iter) && !gtk_text_iter_ends_line (&iter))
    {
      if (gtk_text_iter_get_char (&iter) == ')')
        return gtk_text_iter_get_offset (&iter);
      gtk_text_iter_forward_char (&iter);
    }
  return -1;
}

/**
 * cd_editor_format_toggle_link:
 *
 * Makes the selection a link's text, [text](), with the cursor where the
 * address goes; with nothing selected, puts in [] and () with the cursor
 * in the brackets. On a link's text, or a whole link, takes the link off
 * and keeps the text. One undoable step.
 *
 * Returns: %TRUE when a link went in, %FALSE when one came off
 */
gboolean
cd_editor_format_toggle_link (GtkTextBuffer *buffer)
{
  int      s, e, close;
  gboolean linked = TRUE;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), FALSE);

  gtk_text_buffer_begin_user_action (buffer);
  if (get_selection (buffer, &s, &e))
    {
      g_autofree char *selected = text_at (buffer, s, e);
      char            *middle = strstr (selected, "](");

      if (text_is (buffer, s - 1, "[") && text_is (buffer, e, "](") &&
          (close = find_link_end (buffer, e + 2)) >= 0)
        {
          delete_range (buffer, e, close + 1);
          delete_range (buffer, s - 1, s);
          select_offsets (buffer, s - 1, e - 1);
          linked = FALSE;
        }
      else if (selected[0] == '[' && middle != NULL && g_str_has_suffix (selected, ")"))
        {
          int text_end = s + g_utf8_pointer_to_offset (selected, middle);

          delete_range (buffer, text_end, e);
          delete_range (buffer, s, s + 1);
          select_offsets (buffer, s, text_end - 1);
          linked = FALSE;
        }
      else
        {
          insert_at (buffer, e, "]()");
          insert_at (buffer, s, "[");
          select_offsets (buffer, e + 3, e + 3);
        }
    }
  else if (text_is (buffer, s - 1, "[") && text_is (buffer, s, "]()"))
    {
      delete_range (buffer, s, s + 3);
      delete_range (buffer, s - 1, s);
      linked = FALSE;
    }
  else
    {
      insert_at (buffer, s, "[]()");
      select_offsets (buffer, s + 1, s + 1);
    }
  gtk_text_buffer_end_user_action (buffer);
  return linked;
}

/* Replaces the "#… " that starts @line, if any, by @level's. */
static gboolean
set_line_heading (GtkTextBuffer *buffer,
                  int            line,
                  guint          level)
{
  GtkTextIter      start, end;
  g_autofree char *text = NULL;
  g_autofree char *prefix = NULL;
  int              hashes = 0, old;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
  while (text[hashes] == '#' && hashes < MAX_HEADING)
    hashes++;
  old = hashes > 0 && (text[hashes] == ' ' || text[hashes] == '\0')
            ? hashes + (text[hashes] == ' ' ? 1 : 0)
            : 0;
  prefix = level > 0 ? g_strnfill (level, '#') : g_strdup ("");
  if (level > 0)
    prefix = g_strconcat (g_steal_pointer (&prefix), " ", NULL);
  if (strlen (prefix) == (gsize) old && strncmp (text, prefix, old) == 0)
    return FALSE;

  end = start;
  gtk_text_iter_forward_chars (&end, old);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, prefix, -1);
  return TRUE;
}

/**
 * cd_editor_format_set_heading:
 * @level: 1 to 6 for a heading of that level, 0 for a paragraph
 *
 * Makes each line the cursor or the selection is on a heading of @level,
 * or a paragraph again; the cursor stays on the same text. One undoable
 * step.
 *
 * Returns: %TRUE when a line changed
 */
gboolean
cd_editor_format_set_heading (GtkTextBuffer *buffer,
                              guint          level)
{
  GtkTextIter a, b;
  gboolean    changed = FALSE;
  int         first, last;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), FALSE);
  g_return_val_if_fail (level <= MAX_HEADING, FALSE);

  gtk_text_buffer_get_selection_bounds (buffer, &a, &b);
  first = gtk_text_iter_get_line (&a);
  last = gtk_text_iter_get_line (&b);
  /* A selection that ends at the start of a line does not take it in. */
  if (last > first && gtk_text_iter_starts_line (&b))
    last--;
  gtk_text_buffer_begin_user_action (buffer);
  for (int line = first; line <= last; line++)
    changed |= set_line_heading (buffer, line, level);
  gtk_text_buffer_end_user_action (buffer);
  return changed;
}

/**
 * cd_editor_format_activate:
 * @action_name: one of the actions cd_editor_format_install() installs
 * @param: (nullable): its parameter
 *
 * Runs a formatting action on @buffer.
 */
void
cd_editor_format_activate (GtkTextBuffer *buffer,
                           const char    *action_name,
                           GVariant      *param)
{
  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));
  g_return_if_fail (action_name != NULL);

  if (g_str_equal (action_name, "format.bold"))
    cd_editor_format_toggle_wrap (buffer, "**");
  else if (g_str_equal (action_name, "format.italic"))
    cd_editor_format_toggle_wrap (buffer, "_");
  else if (g_str_equal (action_name, "format.link"))
    cd_editor_format_toggle_link (buffer);
  else if (g_str_equal (action_name, "format.heading") && param != NULL)
    cd_editor_format_set_heading (buffer, MIN (g_variant_get_uint32 (param), MAX_HEADING));
}

/**
 * cd_editor_format_install:
 * @activate: the class's handler, which finds its buffer and calls
 *   cd_editor_format_activate()
 *
 * Installs the formatting actions and their keys on a widget class that
 * edits a body: format.bold (Ctrl+B), format.italic (Ctrl+I), format.link
 * (Ctrl+K) and format.heading with a level (Ctrl+1, 2, 3; Ctrl+0 for a
 * paragraph).
 */
void
cd_editor_format_install (GtkWidgetClass             *widget_class,
                          GtkWidgetActionActivateFunc activate)
{
  static const guint heading_keys[] = { GDK_KEY_0, GDK_KEY_1, GDK_KEY_2, GDK_KEY_3 };

  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (activate != NULL);

  gtk_widget_class_install_action (widget_class, "format.bold", NULL, activate);
  gtk_widget_class_install_action (widget_class, "format.italic", NULL, activate);
  gtk_widget_class_install_action (widget_class, "format.link", NULL, activate);
  gtk_widget_class_install_action (widget_class, "format.heading", "u", activate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "format.bold",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "format.italic",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "format.link",
                                       NULL);
  for (guint level = 0; level < G_N_ELEMENTS (heading_keys); level++)
    gtk_widget_class_add_binding_action (widget_class, heading_keys[level], GDK_CONTROL_MASK,
                                         "format.heading", "u", level);
}
