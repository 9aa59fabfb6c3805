/* test-images-window.c: pictures into the window under Xvfb: Insert
 * Image's path from a chosen file, a file dropped on the body, a picture
 * pasted from the clipboard, a refused file, the featured image's slot,
 * the preview showing both offline with caption and credit, and
 * screenshots of it all (light and wide, dark and narrow) for a person to
 * look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-images-window"

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "cd-editor-blocks.h"
#include "cd-featured-image.h"
#include "cd-image-popover.h"
#include "cd-image-ref.h"
#include "cd-metadata.h"
#include "cd-ui-test.h"

#define BEFORE "Fire crews fought a blaze on Main Street overnight.\n\n"
#define AFTER "No one was hurt, the fire service said.\n"

typedef struct
{
  CdWindow       *window;
  CdEditor       *editor;
  GtkTextView    *view;
  GtkTextBuffer  *buffer;
  CdEditorBlocks *blocks;
  char            uuid[40];
} Desk;

static void
open_body (CdUiFixture *fixture,
           Desk        *desk,
           CdArticle   *article)
{
  g_strlcpy (desk->uuid, cd_article_get_uuid (article), sizeof desk->uuid);
  desk->window = cd_ui_start (fixture, desk->uuid);
  desk->editor = cd_window_get_editor (desk->window);
  desk->view = GTK_TEXT_VIEW (cd_editor_get_view (desk->editor));
  desk->buffer = gtk_text_view_get_buffer (desk->view);
  desk->blocks = cd_editor_get_blocks (desk->editor);
}

/* Draws a photo-like picture (a night sky over a street on fire) and
 * writes it as PNG to @name in the fixture's folder. */
static GFile *
make_picture (CdUiFixture *fixture,
              const char  *name,
              int          width,
              int          height,
              double       hue)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t         *cr = cairo_create (surface);
  cairo_pattern_t *sky = cairo_pattern_create_linear (0, 0, 0, height);

  cairo_pattern_add_color_stop_rgb (sky, 0, 0.05, 0.07, 0.2);
  cairo_pattern_add_color_stop_rgb (sky, 0.6, 0.55 + hue, 0.25, 0.1);
  cairo_pattern_add_color_stop_rgb (sky, 1, 0.95, 0.6, 0.2);
  cairo_set_source (cr, sky);
  cairo_paint (cr);
  cairo_pattern_destroy (sky);
  /* Buildings against the glow. */
  for (int i = 0; i < 9; i++)
    {
      double w = width / 9.0;
      double h = height * (0.25 + 0.4 * fabs (sin (i * 1.7 + hue * 10)));

      cairo_set_source_rgb (cr, 0.08, 0.08, 0.1);
      cairo_rectangle (cr, i * w, height - h, w - 4, h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.95, 0.8, 0.35);
      for (double y = height - h + 12; y < height - 16; y += 22)
        {
          cairo_rectangle (cr, i * w + 8, y, 8, 10);
          cairo_rectangle (cr, i * w + w - 22, y, 8, 10);
        }
      cairo_fill (cr);
    }
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

static char *
file_id (GFile *file)
{
  g_autoptr (GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);

  g_assert_nonnull (bytes);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static char *
buffer_text (Desk *desk)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (desk->buffer, &start, &end);
  return gtk_text_buffer_get_text (desk->buffer, &start, &end, TRUE);
}

typedef struct
{
  Desk       *desk;
  const char *text;
} Expect;

static gboolean
body_is (gpointer data)
{
  Expect          *expect = data;
  g_autofree char *text = buffer_text (expect->desk);

  return g_str_equal (text, expect->text);
}

static gboolean
has_image (gpointer data)
{
  Desk *desk = data;

  return cd_editor_blocks_get_n_blocks (desk->blocks) == 1 &&
         cd_editor_blocks_is_image (desk->blocks, 0);
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
popover_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* The body after an insertion: the fence of @id on lines of its own,
 * with the alt text typed in its popover. */
static char *
body_with (const char *before,
           const char *id,
           const char *alt,
           const char *after)
{
  g_autofree char *fence = cd_image_ref_to_fence (id, alt, NULL, NULL);

  return g_strconcat (before, fence, "\n\n", after, NULL);
}

/* Types the alt text into the popover that the insertion opened, closes
 * it, and checks the body in the buffer and the article. */
static void
describe_and_check (Desk       *desk,
                    const char *alt,
                    const char *expected)
{
  CdImagePopover  *popover = CD_IMAGE_POPOVER (cd_editor_blocks_get_image_popover (desk->blocks));
  g_autofree char *text = NULL;

  g_assert_true (cd_ui_wait_for (popover_shown, popover, 10000));
  g_assert_cmpstr (cd_image_popover_get_alt (popover), ==, "");
  /* The alt text is where typing goes. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (cd_image_popover_get_alt_entry (popover))) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (desk->window)),
                                         GTK_WIDGET (cd_image_popover_get_alt_entry (popover))));
  gtk_editable_set_text (cd_image_popover_get_alt_entry (popover), alt);
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (cd_ui_wait_for (popover_hidden, popover, 5000));
  text = buffer_text (desk);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (cd_article_get_body (cd_editor_get_article (desk->editor)), ==, expected);
}

static gboolean
stored (gpointer data)
{
  CdUiFixture     *fixture = ((gpointer *) data)[0];
  const char      *id = ((gpointer *) data)[1];
  g_autofree char *path = cd_store_get_image_path (fixture->store, id);

  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Insert Image's path with a chosen file: the bytes are stored by hash,
 * the fence goes on lines of its own at the cursor, in the middle of a
 * paragraph too, and the popover asks for the alt text. */
static void
test_insert_file (CdUiFixture  *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Fire", BEFORE AFTER);
  g_autoptr (GFile) file = make_picture (fixture, "fire.png", 640, 400, 0);
  g_autofree char *id = file_id (file);
  g_autofree char *expected = NULL;
  gpointer         lookup[] = { fixture, id };
  GtkTextIter      iter;
  Desk             desk;

  open_body (fixture, &desk, article);
  /* The button at the foot of the body is there and can be used. */
  {
    GtkWidget *button = find_action_button (GTK_WIDGET (desk.editor), "win.insert-image");

    g_assert_nonnull (button);
    g_assert_true (gtk_widget_is_sensitive (button));
  }
  /* The chooser itself is the portal's; its response takes this path. */
  {
    g_auto (GStrv) accels = gtk_application_get_accels_for_action (
        GTK_APPLICATION (fixture->app), "win.insert-image");

    g_assert_cmpstr (accels[0], ==, "<Control><Alt>i");
  }
  gtk_text_buffer_get_iter_at_offset (desk.buffer, &iter, g_utf8_strlen (BEFORE, -1));
  gtk_text_buffer_place_cursor (desk.buffer, &iter);
  cd_window_insert_image_file (desk.window, file);
  g_assert_true (cd_ui_wait_for (has_image, &desk, 10000));
  g_assert_true (cd_ui_wait_for (stored, lookup, 1000));
  expected = body_with (BEFORE, id, "Firefighters on Main Street", AFTER);
  describe_and_check (&desk, "Firefighters on Main Street", expected);

  /* One undo takes the alt text back, the next the whole image. */
  gtk_text_buffer_undo (desk.buffer);
  gtk_text_buffer_undo (desk.buffer);
  g_assert_cmpuint (cd_editor_blocks_get_n_blocks (desk.blocks), ==, 0);
  {
    g_autofree char *text = buffer_text (&desk);

    g_assert_cmpstr (text, ==, BEFORE AFTER);
  }
  cd_ui_close_window (fixture);
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GtkWidget  *window;
  const char *text;
} Toast;

static gboolean
toast_shown (gpointer data)
{
  Toast *toast = data;

  return find_label (toast->window, toast->text);
}

/* A file that is no picture is a toast with the store's sentence naming
 * it, and the body stays as it was. @data: the file's name, or %NULL for
 * "notes.txt"; a name with "&" and "<" must read as it is, not as the
 * markup a toast's title is taken for (a blank toast). */
static void
test_refused_file (CdUiFixture  *fixture,
                   gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Fire", BEFORE AFTER);
  g_autofree char *path =
      g_build_filename (fixture->dir, data != NULL ? (const char *) data : "notes.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdImageInfo) info = NULL;
  g_autofree char *text = NULL;
  Toast            toast;
  Desk             desk;

  g_assert_true (g_file_set_contents (path, "Not a picture\n", -1, NULL));
  /* The sentence the store gives for this file. */
  info = cd_store_add_image_file (fixture->store, file, &error);
  g_assert_null (info);
  g_assert_nonnull (error);

  open_body (fixture, &desk, article);
  cd_window_insert_image_file (desk.window, file);
  toast = (Toast){ GTK_WIDGET (desk.window), error->message };
  g_assert_true (cd_ui_wait_for (toast_shown, &toast, 10000));
  text = buffer_text (&desk);
  g_assert_cmpstr (text, ==, BEFORE AFTER);
  g_assert_cmpuint (cd_editor_blocks_get_n_blocks (desk.blocks), ==, 0);
  g_assert_false (gtk_widget_get_visible (cd_editor_blocks_get_image_popover (desk.blocks)));
  cd_ui_close_window (fixture);
}

static GtkDropTarget *
image_drop_target (GtkWidget *view)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (view);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "cd-image-drop") == 0)
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
}

/* The view has laid its lines out: the last line is below the first. */
static gboolean
laid_out (gpointer data)
{
  Desk        *desk = data;
  GtkTextIter  first, last;
  GdkRectangle a, b;

  gtk_text_buffer_get_start_iter (desk->buffer, &first);
  gtk_text_buffer_get_iter_at_offset (desk->buffer, &last, g_utf8_strlen (BEFORE, -1));
  gtk_text_view_get_iter_location (desk->view, &first, &a);
  gtk_text_view_get_iter_location (desk->view, &last, &b);
  return gtk_widget_get_mapped (GTK_WIDGET (desk->view)) && b.y > a.y && b.height > 0;
}

/* A file dropped on the body's last line goes there, on lines of its own. */
static void
test_drop (CdUiFixture  *fixture,
           gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Fire", BEFORE AFTER);
  g_autoptr (GFile) file = make_picture (fixture, "dropped.png", 480, 320, 0.1);
  g_autofree char *id = file_id (file);
  g_autofree char *expected = NULL;
  GValue           value = G_VALUE_INIT;
  GdkRectangle     location;
  GtkTextIter      iter;
  gboolean         handled = FALSE;
  int              x, y;
  Desk             desk;

  open_body (fixture, &desk, article);
  /* The cursor is elsewhere: the drop point counts. */
  gtk_text_buffer_get_start_iter (desk.buffer, &iter);
  gtk_text_buffer_place_cursor (desk.buffer, &iter);
  g_assert_true (cd_ui_wait_for (laid_out, &desk, 10000));
  gtk_text_buffer_get_iter_at_offset (desk.buffer, &iter, g_utf8_strlen (BEFORE, -1));
  gtk_text_view_get_iter_location (desk.view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (desk.view, GTK_TEXT_WINDOW_WIDGET, location.x + 1,
                                         location.y + location.height / 2, &x, &y);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (image_drop_target (GTK_WIDGET (desk.view)), "drop", &value, (double) x,
                         (double) y, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
  g_assert_true (cd_ui_wait_for (has_image, &desk, 10000));
  expected = body_with (BEFORE, id, "A street at night", AFTER);
  describe_and_check (&desk, "A street at night", expected);
  cd_ui_close_window (fixture);
}

/* A picture on the clipboard is stored as PNG and placed at the cursor;
 * text on the clipboard still pastes as text. */
static void
test_paste (CdUiFixture  *fixture,
            gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Fire", BEFORE AFTER);
  g_autoptr (GFile) file = make_picture (fixture, "copied.png", 320, 200, 0.2);
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *fence = NULL;
  GdkClipboard    *clipboard;
  GtkTextIter      iter;
  Desk             desk;

  texture = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  png = gdk_texture_save_to_png_bytes (texture);
  id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);

  open_body (fixture, &desk, article);
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (desk.view));
  gtk_text_buffer_get_end_iter (desk.buffer, &iter);
  gtk_text_buffer_place_cursor (desk.buffer, &iter);
  gdk_clipboard_set_texture (clipboard, texture);
  g_signal_emit_by_name (desk.view, "paste-clipboard");
  g_assert_true (cd_ui_wait_for (has_image, &desk, 10000));
  fence = cd_image_ref_to_fence (id, "Copied", NULL, NULL);
  expected = g_strconcat (BEFORE AFTER "\n", fence, "\n", NULL);
  describe_and_check (&desk, "Copied", expected);

  /* Text pastes as text. */
  gdk_clipboard_set_text (clipboard, "Update: ");
  gtk_text_buffer_get_start_iter (desk.buffer, &iter);
  gtk_text_buffer_place_cursor (desk.buffer, &iter);
  g_signal_emit_by_name (desk.view, "paste-clipboard");
  {
    g_autofree char *with_text = g_strconcat ("Update: ", expected, NULL);
    Expect           expect = { &desk, with_text };

    g_assert_true (cd_ui_wait_for (body_is, &expect, 5000));
  }
  cd_ui_close_window (fixture);
}

static gboolean
featured_is (gpointer data)
{
  CdArticle  *article = ((gpointer *) data)[0];
  const char *id = ((gpointer *) data)[1];

  return g_strcmp0 (cd_article_get_image (article), id) == 0;
}

static gboolean
has_thumbnail (gpointer data)
{
  return cd_featured_image_get_thumbnail (data) != NULL;
}

/* Choose…'s path: the file is stored, becomes the article's image with a
 * small thumbnail, and the alt text, caption and credit typed go into the
 * article; Remove clears them all. */
static void
test_featured (CdUiFixture  *fixture,
               gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Fire", BEFORE AFTER);
  g_autoptr (GFile) file = make_picture (fixture, "lead.png", 1600, 1000, 0.05);
  g_autofree char *id = file_id (file);
  CdFeaturedImage *featured;
  CdArticle       *open;
  GdkPaintable    *thumbnail;
  gpointer         check[2];
  Desk             desk;

  open_body (fixture, &desk, article);
  open = cd_editor_get_article (desk.editor);
  featured = cd_metadata_get_featured_image (cd_window_get_metadata (desk.window));
  g_assert_null (cd_featured_image_get_thumbnail (featured));
  cd_featured_image_set_file (featured, file);
  check[0] = open;
  check[1] = id;
  g_assert_true (cd_ui_wait_for (featured_is, check, 10000));
  g_assert_true (cd_ui_wait_for (has_thumbnail, featured, 10000));
  thumbnail = cd_featured_image_get_thumbnail (featured);
  /* Decoded small, not at 1600 pixels. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (thumbnail), ==,
                   CD_FEATURED_IMAGE_THUMBNAIL_SIZE);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (thumbnail), ==,
                   CD_FEATURED_IMAGE_THUMBNAIL_SIZE * 1000 / 1600);

  gtk_editable_set_text (cd_featured_image_get_editable (featured, "image_alt"),
                         "Smoke over the roofs of Main Street");
  gtk_editable_set_text (cd_featured_image_get_editable (featured, "image_caption"),
                         "The fire spread to three buildings.");
  gtk_editable_set_text (cd_featured_image_get_editable (featured, "image_credit"),
                         "Jane Doe / Agency");
  g_assert_cmpstr (cd_article_get_image_alt (open), ==, "Smoke over the roofs of Main Street");
  g_assert_cmpstr (cd_article_get_image_caption (open), ==, "The fire spread to three buildings.");
  g_assert_cmpstr (cd_article_get_image_credit (open), ==, "Jane Doe / Agency");
  g_assert_true (cd_document_get_dirty (cd_window_get_document (desk.window)));

  /* The saved article has them. */
  cd_ui_close_window (fixture);
  {
    g_autoptr (CdArticle) saved = cd_ui_read_article (fixture->dir, desk.uuid);

    g_assert_cmpstr (cd_article_get_image (saved), ==, id);
    g_assert_cmpstr (cd_article_get_image_alt (saved), ==, "Smoke over the roofs of Main Street");
    g_assert_cmpstr (cd_article_get_image_credit (saved), ==, "Jane Doe / Agency");
  }

  /* Remove clears the picture and its fields. */
  open_body (fixture, &desk, article);
  open = cd_editor_get_article (desk.editor);
  featured = cd_metadata_get_featured_image (cd_window_get_metadata (desk.window));
  cd_featured_image_remove (featured);
  g_assert_true (cd_article_get_image (open) == NULL || *cd_article_get_image (open) == '\0');
  g_assert_true (cd_article_get_image_alt (open) == NULL ||
                 *cd_article_get_image_alt (open) == '\0');
  g_assert_cmpstr (gtk_editable_get_text (cd_featured_image_get_editable (featured, "image_credit")),
                   ==, "");
  g_assert_null (cd_featured_image_get_thumbnail (featured));
  cd_ui_close_window (fixture);
}

static void resize (GtkWidget *window,
                    int        width,
                    int        height);

/* An article with a body image and a featured image, both stored. */
static CdArticle *
add_illustrated (CdUiFixture *fixture,
                 char       **body_id)
{
  g_autoptr (GFile) body_file = make_picture (fixture, "street.png", 800, 420, 0.15);
  g_autoptr (GFile) lead_file = make_picture (fixture, "lead.png", 1200, 520, 0);
  g_autoptr (CdImageInfo) body_image = NULL;
  g_autoptr (CdImageInfo) lead_image = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fence = NULL;
  g_autofree char *body = NULL;
  CdArticle       *article;

  body_image = cd_store_add_image_file (fixture->store, body_file, &error);
  g_assert_no_error (error);
  lead_image = cd_store_add_image_file (fixture->store, lead_file, &error);
  g_assert_no_error (error);
  fence = cd_image_ref_to_fence (cd_image_info_get_id (body_image),
                                 "Firefighters on a ladder against the glow",
                                 "Crews worked through the night.", "Jane Doe / Agency");
  body = g_strconcat (BEFORE, fence, "\n\n", AFTER, NULL);
  article = cd_ui_add_article (fixture->store, "Fire guts three shops on Main Street", body);
  cd_article_set_dek (article, "No one was hurt; the street stays closed until Friday");
  cd_article_set_byline (article, "By Maria Keller");
  cd_article_set_dateline (article, "SPRINGFIELD");
  cd_article_set_image (article, cd_image_info_get_id (lead_image));
  cd_article_set_image_alt (article, "Smoke rising over the roofs of Main Street");
  cd_article_set_image_caption (article, "The fire spread to three buildings.");
  cd_article_set_image_credit (article, "John Roe / Springfield Courier");
  g_assert_true (cd_store_save_article (fixture->store, article, CD_REVISION_NONE, NULL, &error));
  g_assert_no_error (error);
  if (body_id != NULL)
    *body_id = g_strdup (cd_image_info_get_id (body_image));
  return article;
}

typedef struct
{
  WebKitWebView *view;
  const char    *script;
} Js;

static gboolean
js_true (gpointer data)
{
  Js              *js = data;
  g_autofree char *value = cd_ui_eval_js (js->view, js->script);

  return g_strcmp0 (value, "true") == 0;
}

/* The preview shows both pictures from the store, offline, at their
 * places, with caption and credit, and nothing else loads. */
static void
test_preview (CdUiFixture  *fixture,
              gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autoptr (CdArticle) article = add_illustrated (fixture, &id);
  g_autofree char *caption = NULL;
  g_autofree char *src = NULL;
  WebKitWebView   *view;
  Js               js;
  Desk             desk;

  open_body (fixture, &desk, article);
  /* Wide enough for the preview beside the body. */
  resize (GTK_WIDGET (desk.window), 1280, 800);
  cd_ui_wait_preview_loaded (desk.window);
  view = cd_preview_get_web_view (cd_window_get_preview (desk.window));
  js = (Js){ view, "(() => { const img = document.querySelector('#body figure.image img');"
                   " return img !== null && img.complete && img.naturalWidth === 800; })()" };
  g_assert_true (cd_ui_wait_for (js_true, &js, 30000));
  js.script = "(() => { const img = document.getElementById('figure-image');"
              " return img.complete && img.naturalWidth === 1200 && !img.closest('[hidden]'); })()";
  g_assert_true (cd_ui_wait_for (js_true, &js, 30000));

  src = cd_ui_eval_js (view, "document.querySelector('#body figure.image img').getAttribute('src')");
  g_assert_true (g_str_has_prefix (src, "copydesk-image:"));
  g_assert_true (g_str_has_suffix (src, id));
  caption = cd_ui_eval_js (view, "document.querySelector('#body figure.image figcaption').textContent");
  g_assert_nonnull (strstr (caption, "Crews worked through the night."));
  g_assert_nonnull (strstr (caption, "Jane Doe / Agency"));
  {
    g_autofree char *credit = cd_ui_eval_js (
        view, "document.querySelector('#body figure.image figcaption .credit').textContent");
    g_autofree char *alt = cd_ui_eval_js (view, "document.getElementById('figure-image').alt");
    g_autofree char *order = cd_ui_eval_js (
        view, "(() => { const ps = document.querySelectorAll('#body > p');"
              " const fig = document.querySelector('#body figure.image');"
              " return ps.length === 2 &&"
              " (ps[0].compareDocumentPosition(fig) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 &&"
              " (fig.compareDocumentPosition(ps[1]) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0; })()");

    g_assert_cmpstr (credit, ==, "Jane Doe / Agency");
    g_assert_cmpstr (alt, ==, "Smoke rising over the roofs of Main Street");
    g_assert_cmpstr (order, ==, "true");
  }
  /* Only the page's own scheme and the store's were asked for. */
  {
    g_autofree char *remote = cd_ui_eval_js (
        view, "performance.getEntriesByType('resource').filter(e => /^https?:/.test(e.name)).length");

    g_assert_cmpstr (remote, ==, "0");
  }
  cd_ui_close_window (fixture);
}

typedef struct
{
  GtkWidget *window;
  int        width;
} Width;

static gboolean
has_width (gpointer data)
{
  Width *check = data;

  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (check->window))) ==
         check->width;
}

static void
resize (GtkWidget *window,
        int        width,
        int        height)
{
  g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (window));
  g_autofree char *w = g_strdup_printf ("%d", width);
  g_autofree char *h = g_strdup_printf ("%d", height);
  const char      *argv[] = { "xdotool", "windowsize", "--sync", xid, w, h, NULL };
  Width            check = { window, width };

  cd_ui_run (argv);
  g_assert_true (cd_ui_wait_for (has_width, &check, 5000));
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames (gpointer data)
{
  return *(guint *) data >= 2;
}

/* Waits until @widget's window has drawn twice, so a change shows. */
static void
wait_frames (GtkWidget *widget)
{
  guint ticks = 0;
  guint id = gtk_widget_add_tick_callback (widget, tick_cb, &ticks, NULL);

  gtk_widget_queue_draw (widget);
  g_assert_true (cd_ui_wait_for (two_frames, &ticks, 5000));
  gtk_widget_remove_tick_callback (widget, id);
}

/* Shows the featured image's slot at the foot of the details. */
static void
scroll_to_featured (CdFeaturedImage *featured)
{
  GtkWidget      *scroller = gtk_widget_get_ancestor (GTK_WIDGET (featured), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment  *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (featured), scroller, &bounds));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                            gtk_adjustment_get_page_size (adjustment));
  wait_frames (scroller);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (featured), scroller, &bounds));
  /* The whole slot shows. */
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller) + 1);
}

/* Saves a screenshot of @window, or of the whole screen when @screen is
 * set: a popover is a window of its own. */
static void
shoot (GtkWidget  *window,
       const char *name,
       gboolean    screen)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?: ".", "screenshots",
                                           NULL);
  g_autofree char *file_name = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (window));
  const char      *argv[] = { "import", "-window", screen ? "root" : xid, path, NULL };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  wait_frames (window);
  cd_ui_run (argv);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("saved %s", path);
}

typedef struct
{
  Desk            *desk;
  CdFeaturedImage *featured;
  WebKitWebView   *preview; /* NULL when the preview is folded away */
  int              width;
} Settled;

/* The chip sits on its line inside the body, the thumbnail is decoded
 * and, when the preview shows, both pictures have loaded in it. */
static gboolean
settled (gpointer data)
{
  Settled        *s = data;
  GtkWidget      *chip;
  graphene_rect_t bounds;

  if (!has_image (s->desk) || cd_featured_image_get_thumbnail (s->featured) == NULL)
    return FALSE;
  chip = cd_editor_blocks_get_chip (s->desk->blocks, 0);
  if (!gtk_widget_get_mapped (chip) ||
      !gtk_widget_compute_bounds (chip, GTK_WIDGET (s->desk->view), &bounds) ||
      bounds.origin.x < 0 ||
      bounds.origin.x + bounds.size.width > gtk_widget_get_width (GTK_WIDGET (s->desk->view)))
    return FALSE;
  /* Narrow, the library slides away before the body fills the window. */
  if (s->preview == NULL)
    {
      graphene_point_t at;

      return gtk_widget_compute_point (GTK_WIDGET (s->desk->editor), GTK_WIDGET (s->desk->window),
                                       &GRAPHENE_POINT_INIT (0, 0), &at) &&
             at.x < 1;
    }
  else
    {
      Js js = { s->preview, "(() => { const imgs = Array.from(document.images)"
                            ".filter(i => i.closest('[hidden]') === null);"
                            " return imgs.length === 2 &&"
                            " imgs.every(i => i.complete && i.naturalWidth > 0); })()" };

      return js_true (&js);
    }
  return TRUE;
}

/* The window with a body image and a featured image: light and wide with
 * the preview, dark and 360 pixels narrow. */
static void
test_screenshots (CdUiFixture  *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = add_illustrated (fixture, NULL);
  CdFeaturedImage *featured;
  Settled          s;
  Desk             desk;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  open_body (fixture, &desk, article);
  cd_metadata_set_expanded (cd_window_get_metadata (desk.window), TRUE);
  featured = cd_metadata_get_featured_image (cd_window_get_metadata (desk.window));
  resize (GTK_WIDGET (desk.window), 1280, 800);
  cd_ui_wait_preview_loaded (desk.window);
  s = (Settled){ &desk, featured, cd_preview_get_web_view (cd_window_get_preview (desk.window)) };
  g_assert_true (cd_ui_wait_for (settled, &s, 30000));
  shoot (GTK_WIDGET (desk.window), "images-light-wide", FALSE);
  scroll_to_featured (featured);
  shoot (GTK_WIDGET (desk.window), "images-light-featured", FALSE);

  /* The popover over the chip, as an editor sees it after inserting. */
  cd_editor_blocks_edit_image (desk.blocks, 0);
  g_assert_true (cd_ui_wait_for (popover_shown, cd_editor_blocks_get_image_popover (desk.blocks),
                                 5000));
  shoot (GTK_WIDGET (desk.window), "images-popover", TRUE);
  gtk_popover_popdown (GTK_POPOVER (cd_editor_blocks_get_image_popover (desk.blocks)));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (cd_ui_wait_for (settled, &s, 30000));
  /* The body's picture with its caption and credit in view. */
  {
    Js js = { s.preview, "(() => { const f = document.querySelector('#body figure.image');"
                         " f.scrollIntoView({ block: 'center' });"
                         " const r = f.getBoundingClientRect();"
                         " return r.top >= 0 && r.bottom <= window.innerHeight; })()" };

    g_assert_true (cd_ui_wait_for (js_true, &js, 10000));
  }
  shoot (GTK_WIDGET (desk.window), "images-dark-wide", FALSE);
  resize (GTK_WIDGET (desk.window), 360, 760);
  s.preview = NULL;
  g_assert_true (cd_ui_wait_for (settled, &s, 30000));
  shoot (GTK_WIDGET (desk.window), "images-dark-narrow", FALSE);
  scroll_to_featured (featured);
  shoot (GTK_WIDGET (desk.window), "images-dark-narrow-featured", FALSE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  /* The next window opens at the size this one closes at. */
  resize (GTK_WIDGET (desk.window), 1280, 800);
  cd_ui_close_window (fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, CdUiFixture, NULL, cd_ui_fixture_setup, func, cd_ui_fixture_teardown)
  /* First: the panes are where a new window puts them, not where an
   * earlier test's window left them. */
  ADD ("/images-window/screenshots", test_screenshots);
  ADD ("/images-window/insert-file", test_insert_file);
  ADD ("/images-window/refused-file", test_refused_file);
  g_test_add ("/images-window/refused-file/name-not-markup", CdUiFixture, "Q&A <draft>.txt",
              cd_ui_fixture_setup, test_refused_file, cd_ui_fixture_teardown);
  ADD ("/images-window/drop", test_drop);
  ADD ("/images-window/paste", test_paste);
  ADD ("/images-window/featured", test_featured);
  ADD ("/images-window/preview", test_preview);
#undef ADD

  return g_test_run ();
}
