/* test-preview.c: the WebKit preview under Xvfb: what the page shows, what it
 * refuses to run or load, scroll keeping and sync, links, PDF, screenshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-preview"

#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>

#include "cd-preview.h"
#include "cd-test-util.h"

/* Generous: the first web process of a run takes about a second to start. */
#define TIMEOUT_SECONDS 30

/* A 1×1 PNG. */
static const char png_base64[] =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

typedef struct
{
  char      *tmpdir;
  GtkWindow *window;
  CdPreview *preview;
  CdArticle *article;
  guint      n_updates;
  GPtrArray *links;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @condition holds; FALSE after TIMEOUT_SECONDS. */
static gboolean
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  gboolean timed_out = FALSE;
  guint    id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    {
      g_test_message ("Timed out waiting for %s", what);
      return FALSE;
    }
  g_source_remove (id);
  return TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
preview_loaded (gpointer data)
{
  return cd_preview_get_loaded (data);
}

typedef struct
{
  JSCValue *value;
  GError   *error;
  gboolean  done;
} JsResult;

static void
js_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  JsResult *js = user_data;

  js->value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result,
                                                          &js->error);
  js->done = TRUE;
}

static void
js_async_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  JsResult *js = user_data;

  js->value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object),
                                                                     result, &js->error);
  js->done = TRUE;
}

/* Runs @script in the page of @preview and returns its value. */
static JSCValue *
eval_in (CdPreview  *preview,
         const char *script)
{
  JsResult js = { 0 };

  webkit_web_view_evaluate_javascript (cd_preview_get_web_view (preview), script, -1, NULL,
                                       NULL, NULL, js_done_cb, &js);
  g_assert_true (wait_for (is_true, &js.done, script));
  g_assert_no_error (js.error);
  return js.value;
}

static JSCValue *
eval_js (Fixture    *fixture,
         const char *script)
{
  return eval_in (fixture->preview, script);
}

/* Runs the body of an async function (it may await) and returns its value. */
static JSCValue *
eval_async_js (Fixture    *fixture,
               const char *body)
{
  JsResult js = { 0 };

  webkit_web_view_call_async_javascript_function (cd_preview_get_web_view (fixture->preview),
                                                  body, -1, NULL, NULL, NULL, NULL,
                                                  js_async_done_cb, &js);
  g_assert_true (wait_for (is_true, &js.done, body));
  g_assert_no_error (js.error);
  return js.value;
}

static char *
eval_string (Fixture    *fixture,
             const char *script)
{
  g_autoptr (JSCValue) value = eval_js (fixture, script);

  if (jsc_value_is_null (value) || jsc_value_is_undefined (value))
    return NULL;
  return jsc_value_to_string (value);
}

static gboolean
eval_boolean (Fixture    *fixture,
              const char *script)
{
  g_autoptr (JSCValue) value = eval_js (fixture, script);

  g_assert_true (jsc_value_is_boolean (value));
  return jsc_value_to_boolean (value);
}

static double
eval_number (Fixture    *fixture,
             const char *script)
{
  g_autoptr (JSCValue) value = eval_js (fixture, script);

  g_assert_true (jsc_value_is_number (value));
  return jsc_value_to_double (value);
}

typedef struct
{
  Fixture *fixture;
  guint    n_updates;
} UpdateWait;

static gboolean
updated_since (gpointer data)
{
  UpdateWait *wait = data;

  return wait->fixture->n_updates > wait->n_updates;
}

/* Waits for the next "updated" after the current count. */
static void
wait_for_update (Fixture *fixture,
                 guint    n_before)
{
  UpdateWait wait = { fixture, n_before };

  g_assert_true (wait_for (updated_since, &wait, "the preview to update"));
}

/* Waits until the web view has painted what the page shows now. */
static void
wait_for_paint (Fixture *fixture)
{
  g_autoptr (JSCValue) value = NULL;

  value = eval_async_js (fixture,
                         "await new Promise((resolve) => requestAnimationFrame(() => "
                         "requestAnimationFrame(resolve)));"
                         "return true;");
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Sets the article's body and waits until the page shows it. */
static void
show_body (Fixture    *fixture,
           const char *body)
{
  guint n_before = fixture->n_updates;

  cd_article_set_body (fixture->article, body);
  wait_for_update (fixture, n_before);
  wait_for_paint (fixture);
}

static void
on_updated (CdPreview *preview,
            Fixture   *fixture)
{
  fixture->n_updates++;
}

static gboolean
on_activate_link (CdPreview  *preview,
                  const char *uri,
                  Fixture    *fixture)
{
  g_ptr_array_add (fixture->links, g_strdup (uri));
  return TRUE;
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) created = g_date_time_new_utc (2026, 3, 14, 9, 30, 0);
  guint n_before;

  fixture->tmpdir = g_dir_make_tmp ("copydesk-preview-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->links = g_ptr_array_new_with_free_func (g_free);

  fixture->article = cd_article_new ();
  cd_article_set_headline (fixture->article, "Council approves harbour budget");
  cd_article_set_dek (fixture->article, "The vote ends a year of argument over the old docks.");
  cd_article_set_byline (fixture->article, "By Mara Lindqvist");
  cd_article_set_dateline (fixture->article, "Kiel");
  cd_article_set_section (fixture->article, "Local");
  cd_article_set_created (fixture->article, created);
  cd_article_set_body (fixture->article,
                       "The city council voted 31 to 12 on Tuesday to fund the harbour.\n\n"
                       "Work starts in spring.\n");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  fixture->preview = cd_preview_new ();
  g_signal_connect (fixture->preview, "updated", G_CALLBACK (on_updated), fixture);
  g_signal_connect (fixture->preview, "activate-link", G_CALLBACK (on_activate_link), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->preview));
  gtk_window_present (fixture->window);

  n_before = fixture->n_updates;
  cd_preview_set_article (fixture->preview, fixture->article);
  g_assert_true (wait_for (preview_loaded, fixture->preview, "the template to load"));
  wait_for_update (fixture, n_before);
}

/* Destroys @window and waits until @preview in it is gone. */
static void
destroy_window (GtkWindow *window,
                CdPreview *preview)
{
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  gtk_window_destroy (window);
  /* A page call still in flight holds the preview until it is cancelled. */
  for (guint i = 0; i < 1000 && preview != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (preview);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  destroy_window (fixture->window, fixture->preview);

  g_clear_object (&fixture->article);
  g_clear_pointer (&fixture->links, g_ptr_array_unref);
  cd_test_rm_rf (fixture->tmpdir);
  g_assert_false (g_file_test (fixture->tmpdir, G_FILE_TEST_EXISTS));
  g_free (fixture->tmpdir);
}

static gboolean
title_is_headline (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (webkit_web_view_get_title (cd_preview_get_web_view (fixture->preview)),
                    cd_article_get_headline (fixture->article)) == 0;
}

static void
test_shows_article (Fixture      *fixture,
                    gconstpointer data)
{
  g_autofree char *headline = NULL;
  g_autofree char *dek = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *dateline = NULL;
  g_autofree char *uri = NULL;
  guint            n_before;

  headline = eval_string (fixture, "document.getElementById('headline').textContent");
  g_assert_cmpstr (headline, ==, "Council approves harbour budget");
  /* Printing names the document after the article. */
  g_assert_true (wait_for (title_is_headline, fixture, "the page title"));
  dek = eval_string (fixture, "document.getElementById('dek').textContent");
  g_assert_cmpstr (dek, ==, "The vote ends a year of argument over the old docks.");
  byline = eval_string (fixture, "document.getElementById('byline').textContent");
  g_assert_cmpstr (byline, ==, "By Mara Lindqvist");
  dateline = eval_string (fixture, "document.querySelector('#body p .dateline').textContent");
  g_assert_cmpstr (dateline, ==, "Kiel \u2014 ");
  g_assert_true (eval_boolean (fixture,
                               "document.querySelector('#body p').textContent"
                               ".endsWith('fund the harbour.')"));

  /* Metadata is text, never markup. */
  n_before = fixture->n_updates;
  cd_article_set_headline (fixture->article, "Tom & Jerry <b>bold</b> \"quoted\"");
  wait_for_update (fixture, n_before);
  g_clear_pointer (&headline, g_free);
  headline = eval_string (fixture, "document.getElementById('headline').textContent");
  g_assert_cmpstr (headline, ==, "Tom & Jerry <b>bold</b> \"quoted\"");
  g_assert_true (eval_boolean (fixture, "document.querySelector('#headline b') === null"));

  /* Updates never navigate: the page is still the template. */
  uri = g_strdup (webkit_web_view_get_uri (cd_preview_get_web_view (fixture->preview)));
  g_assert_true (g_str_has_prefix (uri, "copydesk-preview://preview/preview.html"));
}

static gboolean
more_updates_than (gpointer data)
{
  UpdateWait *wait = data;

  return wait->fixture->n_updates > wait->n_updates;
}

static void
test_coalesces_updates (Fixture      *fixture,
                        gconstpointer data)
{
  g_autofree char *headline = NULL;
  guint            n_before = fixture->n_updates;
  UpdateWait       wait = { fixture, n_before + 1 };

  /* Five changes within one frame make one update. */
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("Headline %u", i);

      cd_article_set_headline (fixture->article, text);
    }
  wait_for_update (fixture, n_before);
  /* A round trip through the page and two frames give any second update
   * time to arrive. */
  wait_for_paint (fixture);
  g_assert_false (more_updates_than (&wait));
  g_assert_cmpuint (fixture->n_updates, ==, n_before + 1);
  headline = eval_string (fixture, "document.getElementById('headline').textContent");
  g_assert_cmpstr (headline, ==, "Headline 5");
}

static char *
make_long_body (const char *first_paragraph,
                guint       n_paragraphs)
{
  g_autoptr (GString) body = g_string_new (first_paragraph);

  for (guint i = 1; i <= n_paragraphs; i++)
    g_string_append_printf (body,
                            "\n\nParagraph %u. The harbour board met again to discuss the "
                            "budget, the docks and the new ferry timetable for the island.",
                            i);
  g_string_append_c (body, '\n');
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
test_update_keeps_scroll (Fixture      *fixture,
                          gconstpointer data)
{
  g_autofree char *body = make_long_body ("First paragraph.", 200);
  g_autofree char *edited = NULL;
  g_autofree char *last = NULL;
  guint            n_before;
  double           scroll_y;

  show_body (fixture, body);

  scroll_y = eval_number (fixture, "window.scrollTo(0, 2400); window.scrollY");
  g_assert_cmpfloat (scroll_y, ==, 2400);

  /* An edit above the visible part, and one in it. */
  edited = make_long_body ("First paragraph, now with a longer sentence in it.", 200);
  n_before = fixture->n_updates;
  cd_article_set_body (fixture->article, edited);
  wait_for_update (fixture, n_before);
  wait_for_paint (fixture);
  g_assert_cmpfloat (eval_number (fixture, "window.scrollY"), ==, 2400);
  g_assert_true (eval_boolean (fixture,
                               "document.querySelector('#body p').textContent"
                               ".includes('longer sentence')"));

  g_clear_pointer (&edited, g_free);
  edited = make_long_body ("First paragraph.", 201);
  n_before = fixture->n_updates;
  cd_article_set_body (fixture->article, edited);
  wait_for_update (fixture, n_before);
  wait_for_paint (fixture);
  g_assert_cmpfloat (eval_number (fixture, "window.scrollY"), ==, 2400);
  last = eval_string (fixture, "document.querySelector('#body p:last-child').textContent");
  g_assert_true (g_str_has_prefix (last, "Paragraph 201."));
}

static gboolean
counter_above (gpointer data)
{
  guint *counts = data;

  return counts[0] > counts[1];
}

static void
on_fresh_updated (CdPreview *preview,
                  guint     *counts)
{
  counts[0]++;
}

/* The body the page shows after the updates so far, beside the body a new
 * preview makes of the article in one go: they are the same. */
static void
assert_body_as_fresh (Fixture *fixture)
{
  g_autoptr (CdArticle) copy = cd_article_copy (fixture->article);
  g_autoptr (JSCValue) shown = eval_js (fixture, "document.getElementById('body').innerHTML");
  g_autoptr (JSCValue) fresh = NULL;
  g_autofree char *shown_html = jsc_value_to_string (shown);
  g_autofree char *fresh_html = NULL;
  GtkWindow       *window = GTK_WINDOW (gtk_window_new ());
  CdPreview       *preview = cd_preview_new ();
  guint            counts[2] = { 0, 0 };

  g_signal_connect (preview, "updated", G_CALLBACK (on_fresh_updated), counts);
  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, GTK_WIDGET (preview));
  gtk_window_present (window);
  cd_preview_set_article (preview, copy);
  g_assert_true (wait_for (counter_above, counts, "a new preview to show the article"));

  fresh = eval_in (preview, "document.getElementById('body').innerHTML");
  fresh_html = jsc_value_to_string (fresh);
  g_assert_cmpstr (shown_html, ==, fresh_html);
  g_assert_true (*shown_html == '\0' || strstr (shown_html, "data-sourcepos") != NULL);

  destroy_window (window, preview);
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  GString *string = g_string_new (text);

  g_assert_cmpuint (g_string_replace (string, from, to, 1), ==, 1);
  return g_string_free (string, FALSE);
}

static guint
blocks_made (Fixture *fixture)
{
  return (guint) eval_number (fixture, "window.copydesk.blocksMade()");
}

/* An edit makes only the blocks it changed anew in the page; blocks that
 * lines added or removed above them moved keep their nodes and get their
 * new lines. What the page shows is what it would show if it had been
 * made in one go. */
static void
test_updates_changed_blocks (Fixture      *fixture,
                             gconstpointer data)
{
  static const char *const rest =
      "## Costs\n\n"
      "The budget is 4 million euros.\n\n"
      "- Dredging\n"
      "- New quay walls\n\n"
      "| Item | Cost |\n"
      "|---|---|\n"
      "| Quay | 2.1 |\n\n"
      "> \"A good day for the harbour,\" the mayor said.\n\n"
      "Work starts in spring.\n";
  g_autofree char *body = g_strconcat ("The council voted on Tuesday.\n\n", rest, NULL);
  g_autofree char *edited = NULL;
  g_autoptr (JSCValue) marked = NULL;
  guint n_before;

  show_body (fixture, body);
  assert_body_as_fresh (fixture);
  marked = eval_js (fixture, "document.querySelectorAll('#body > *').forEach((el, i) => { "
                             "el.cdMark = i; })");

  /* Typing in one paragraph. */
  edited = replace_once (body, "4 million", "4.2 million");
  show_body (fixture, edited);
  g_assert_cmpuint (blocks_made (fixture), ==, 1);
  assert_body_as_fresh (fixture);
  /* Every element stands where it stood, the edited paragraph too. */
  g_assert_true (eval_boolean (fixture, "Array.from(document.querySelectorAll('#body > *'))"
                                        ".every((el, i) => el.cdMark === i)"));

  /* A paragraph added at the top: it and the one it moved down from the
   * top (which loses the dateline) are made; the rest move two lines. */
  g_clear_pointer (&body, g_free);
  body = g_strconcat ("A new lede.\n\n", edited, NULL);
  show_body (fixture, body);
  g_assert_cmpuint (blocks_made (fixture), ==, 2);
  assert_body_as_fresh (fixture);

  /* A heading removed in the middle: lines move up. */
  g_clear_pointer (&edited, g_free);
  edited = replace_once (body, "## Costs\n\n", "");
  show_body (fixture, edited);
  g_assert_cmpuint (blocks_made (fixture), ==, 0);
  assert_body_as_fresh (fixture);

  /* A list item added: the list is made, what follows moves a line. */
  g_clear_pointer (&body, g_free);
  body = replace_once (edited, "- New quay walls\n", "- New quay walls\n- A ferry pier\n");
  show_body (fixture, body);
  g_assert_cmpuint (blocks_made (fixture), ==, 1);
  assert_body_as_fresh (fixture);

  /* The dateline changed: every block is made again. */
  n_before = fixture->n_updates;
  cd_article_set_dateline (fixture->article, "Lübeck");
  wait_for_update (fixture, n_before);
  show_body (fixture, "Only one paragraph now.\n");
  assert_body_as_fresh (fixture);
  show_body (fixture, body);
  assert_body_as_fresh (fixture);

  show_body (fixture, "");
  assert_body_as_fresh (fixture);
  g_assert_cmpuint (eval_number (fixture, "document.getElementById('body').childNodes.length"), ==, 0);

  /* Blocks parsed together are parted again even when one leaves an
   * element open (cmark-gfm writes none such; the page does not rely on
   * it). */
  g_assert_cmpuint (eval_number (fixture, "window.copydesk.update({ blocks: ['<div>open', "
                                          "'<p>next</p>'] }); "
                                          "document.querySelectorAll('#body > *').length"),
                    ==, 2);
  show_body (fixture, body);
  assert_body_as_fresh (fixture);
}

static gboolean
has_links (gpointer data)
{
  Fixture *fixture = data;

  return fixture->links->len > 0;
}

static void
test_link_does_not_navigate (Fixture      *fixture,
                             gconstpointer data)
{
  WebKitWebView   *web_view = cd_preview_get_web_view (fixture->preview);
  g_autofree char *template_uri = g_strdup (webkit_web_view_get_uri (web_view));
  g_autoptr (JSCValue) value = NULL;
  guint n_before;

  n_before = fixture->n_updates;
  cd_article_set_body (fixture->article,
                       "Read [the council's report](https://example.org/report) first.\n");
  wait_for_update (fixture, n_before);

  /* A script-driven navigation is refused and opens nothing; the click
   * after it, handled in order, is refused and opens the link. */
  value = eval_js (fixture, "window.location.href = 'https://example.org/elsewhere'; true");
  g_clear_object (&value);
  value = eval_js (fixture, "document.querySelector('#body a').click(); true");
  g_assert_true (wait_for (has_links, fixture, "the link to be handed on"));

  g_assert_cmpuint (fixture->links->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->links, 0), ==, "https://example.org/report");
  wait_for_paint (fixture);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, template_uri);
  g_assert_true (cd_preview_get_loaded (fixture->preview));
  g_assert_true (eval_boolean (fixture, "typeof window.copydesk.update === 'function'"));
}

static void
test_raw_html_is_inert (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr (JSCValue) value = NULL;
  g_autofree char *text = NULL;
  guint            n_before;

  n_before = fixture->n_updates;
  cd_article_set_headline (fixture->article, "<script>window.copydeskPwned = 'headline'</script>");
  cd_article_set_dek (fixture->article, "<img src=x onerror=\"window.copydeskPwned = 'dek'\">");
  cd_article_set_body (fixture->article,
                       "<script>window.copydeskPwned = 'script'</script>\n\n"
                       "Text <img src=x onerror=\"window.copydeskPwned = 'img'\"> more.\n\n"
                       "<iframe src=\"javascript:window.copydeskPwned = 'iframe'\"></iframe>\n\n"
                       "[click](javascript:window.copydeskPwned='link')\n");
  wait_for_update (fixture, n_before);
  wait_for_paint (fixture);

  g_assert_true (eval_boolean (fixture, "typeof window.copydeskPwned === 'undefined'"));
  g_assert_true (eval_boolean (fixture,
                               "document.querySelector('#article script, #body img, #article iframe, "
                               "#article [onerror], #headline *, #dek *') === null"));
  g_assert_true (eval_boolean (fixture,
                               "document.querySelector('#body a') === null || "
                               "!document.querySelector('#body a').hasAttribute('href') || "
                               "!document.querySelector('#body a').getAttribute('href')"
                               ".startsWith('javascript')"));
  text = eval_string (fixture, "document.getElementById('headline').textContent");
  g_assert_cmpstr (text, ==, "<script>window.copydeskPwned = 'headline'</script>");

  /* Nor when it reaches the document through DOM calls, as the patched body
   * does: enable-javascript-markup alone would let these run, the page's
   * Content-Security-Policy does not. */
  g_clear_object (&value);
  value = eval_js (fixture,
                   "const div = document.createElement('div');"
                   "div.setAttribute('onclick', 'window.copydeskPwned = \\'onclick\\'');"
                   "document.body.append(div);"
                   "div.click();"
                   "const script = document.createElement('script');"
                   "script.textContent = 'window.copydeskPwned = \\'script element\\'';"
                   "document.body.append(script);"
                   "div.remove(); script.remove(); true");
  wait_for_paint (fixture);
  g_assert_true (eval_boolean (fixture, "typeof window.copydeskPwned === 'undefined'"));

  /* Whatever HTML reaches the page, its own sanitiser and the disabled
   * script markup still keep it inert. */
  value = eval_js (fixture,
                   "copydesk.update({ headline: 'x', body: '<p data-sourcepos=\"1:1-1:5\">a"
                   "<img src=\"copydesk-preview://preview/missing\" "
                   "onerror=\"window.copydeskPwned = 1\">"
                   "<script>window.copydeskPwned = 2</script>"
                   "<svg onload=\"window.copydeskPwned = 3\"></svg>"
                   "<a href=\"javascript:window.copydeskPwned = 4\">x</a></p>' })");
  g_clear_object (&value);
  wait_for_paint (fixture);
  g_assert_true (eval_boolean (fixture, "typeof window.copydeskPwned === 'undefined'"));
  g_assert_true (eval_boolean (fixture,
                               "document.querySelector('#body script, #body svg, "
                               "#body [onerror], #body a[href]') === null"));
}

typedef struct
{
  guint   n_requests;
  GBytes *png;
} ImageServer;

static void
image_server_cb (SoupServer        *server,
                 SoupServerMessage *message,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  ImageServer *image_server = user_data;

  image_server->n_requests++;
  g_test_message ("Image server: %s %s", soup_server_message_get_method (message), path);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "image/png", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (image_server->png, NULL),
                                    g_bytes_get_size (image_server->png));
}

static gboolean
image_requested (gpointer data)
{
  return ((ImageServer *) data)->n_requests > 0;
}

static void
test_remote_images (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JSCValue) value = NULL;
  g_autofree char   *body = NULL;
  g_autofree char   *script = NULL;
  g_autofree char   *outcome = NULL;
  g_autofree guchar *png = NULL;
  ImageServer        image_server = { 0 };
  GSList            *uris;
  gsize              png_size;
  guint              port;
  guint              n_before;

  png = g_base64_decode (png_base64, &png_size);
  image_server.png = g_bytes_new_static (png, png_size);
  soup_server_add_handler (server, NULL, image_server_cb, &image_server, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* Off: no image element, a placeholder, and not one request. */
  g_assert_false (cd_preview_get_allow_remote_images (fixture->preview));
  body = g_strdup_printf ("![Harbour map](http://127.0.0.1:%u/map.png)\n", port);
  n_before = fixture->n_updates;
  cd_article_set_body (fixture->article, body);
  wait_for_update (fixture, n_before);
  g_assert_true (eval_boolean (fixture, "document.querySelector('#body img') === null"));
  g_assert_true (eval_boolean (fixture, "document.querySelector('#body .blocked-image') !== null"));

  /* The page's policy refuses the load even when something asks for it. */
  script = g_strdup_printf ("return await new Promise((resolve) => {"
                            "  const img = new Image();"
                            "  img.addEventListener('load', () => resolve('loaded'));"
                            "  img.addEventListener('error', () => resolve('refused'));"
                            "  img.src = 'http://127.0.0.1:%u/direct.png';"
                            "});",
                            port);
  value = eval_async_js (fixture, script);
  outcome = jsc_value_to_string (value);
  g_assert_cmpstr (outcome, ==, "refused");
  g_assert_cmpuint (image_server.n_requests, ==, 0);

  /* On: the template loads again with a policy that allows it. */
  n_before = fixture->n_updates;
  cd_preview_set_allow_remote_images (fixture->preview, TRUE);
  g_assert_true (cd_preview_get_allow_remote_images (fixture->preview));
  g_assert_true (wait_for (preview_loaded, fixture->preview, "the template to load again"));
  wait_for_update (fixture, n_before);
  g_assert_true (wait_for (image_requested, &image_server, "the image to be requested"));
  g_clear_object (&value);
  value = eval_async_js (fixture,
                         "const img = document.querySelector('#body img');"
                         "if (!img.complete)"
                         "  await new Promise((resolve) => {"
                         "    img.addEventListener('load', resolve);"
                         "    img.addEventListener('error', resolve);"
                         "  });"
                         "return img.naturalWidth;");
  g_assert_cmpint (jsc_value_to_int32 (value), ==, 1);
  g_assert_cmpuint (image_server.n_requests, ==, 1);

  soup_server_disconnect (server);
  g_bytes_unref (image_server.png);
}

static gboolean
page_has_synced (gpointer data)
{
  return eval_boolean (data, "copydesk.syncedSourcepos() !== null");
}

/* Asks for @line and returns the text of the element the page scrolled to. */
static char *
synced_text (Fixture *fixture,
             guint    line)
{
  g_autoptr (JSCValue) value = NULL;

  /* Line 0 is before every element: it clears the page's record, so the
   * wait below sees this request and not an earlier one. */
  value = eval_js (fixture, "copydesk.scrollToLine(0)");
  cd_preview_scroll_to_source_line (fixture->preview, line);
  g_assert_true (wait_for (page_has_synced, fixture, "the page to scroll"));
  return eval_string (fixture,
                      "(() => { const sp = copydesk.syncedSourcepos();"
                      "  const el = document.querySelector(`[data-sourcepos=\"${sp}\"]`);"
                      "  return el.textContent.trim(); })()");
}

static void
test_scroll_sync (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *intro = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  double           top;

  /* Lines: 1 heading, 3-5 a paragraph, 7-8 a list, 10-12 a table, then
   * paragraph N on line 12 + 2N. */
  intro = g_strdup ("# The vote\n"
                    "\n"
                    "A paragraph\nover three\nlines.\n"
                    "\n"
                    "- first item\n"
                    "- second item\n"
                    "\n"
                    "| Party | Votes |\n"
                    "| --- | ---: |\n"
                    "| Greens | 12 |");
  body = make_long_body (intro, 150);
  show_body (fixture, body);

  text = synced_text (fixture, 8);
  g_assert_cmpstr (text, ==, "second item");
  g_clear_pointer (&text, g_free);

  text = synced_text (fixture, 4);
  g_assert_true (g_str_has_prefix (text, "A paragraph"));
  g_clear_pointer (&text, g_free);

  text = synced_text (fixture, 12);
  g_assert_cmpstr (text, ==, "Greens\n12");
  g_clear_pointer (&text, g_free);

  /* Paragraph 100 is on line 212; line 213 is the blank line after it. */
  text = synced_text (fixture, 213);
  g_assert_true (g_str_has_prefix (text, "Paragraph 100."));
  top = eval_number (fixture,
                     "document.querySelector(`[data-sourcepos=\"${copydesk.syncedSourcepos()}\"]`)"
                     ".getBoundingClientRect().top");
  g_assert_cmpfloat (eval_number (fixture, "window.scrollY"), >, 1000);
  g_assert_cmpfloat (top, >=, 0);
  g_assert_cmpfloat (top, <=, 40);
  g_clear_pointer (&text, g_free);

  /* The first line shows the top of the page, headline and all. */
  text = synced_text (fixture, 1);
  g_assert_cmpstr (text, ==, "The vote");
  g_assert_cmpfloat (eval_number (fixture, "window.scrollY"), ==, 0);
}

/* A header row of empty cells is a table without a header, as the block
 * editor makes one and a site shows it: the preview shows the body rows
 * only, and the editor's line on that row goes to the table. */
static void
test_table_without_header (Fixture      *fixture,
                           gconstpointer data)
{
  g_autofree char *before = make_long_body ("First paragraph.", 40);
  g_autofree char *after = make_long_body ("After the table.", 60);
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  double           top;

  /* Paragraph 40 is on line 81; the table's lines are 83 to 86. */
  body = g_strconcat (before,
                      "\n|  |  |\n| --- | ---: |\n| Ward 1 | 1,204 |\n| Ward 2 | 987 |\n\n",
                      after, NULL);
  show_body (fixture, body);

  g_assert_true (eval_boolean (fixture, "document.querySelector('.body thead') === null"));
  g_assert_cmpfloat (eval_number (fixture, "document.querySelector('.body tbody tr')"
                                           ".getBoundingClientRect().height"),
                     >, 0);

  text = synced_text (fixture, 83);
  g_assert_true (g_str_has_prefix (text, "Ward 1"));
  top = eval_number (fixture, "document.querySelector('.body table').getBoundingClientRect().top");
  g_assert_cmpfloat (eval_number (fixture, "window.scrollY"), >, 1000);
  g_assert_cmpfloat (top, >=, 0);
  g_assert_cmpfloat (top, <=, 40);
  g_clear_pointer (&text, g_free);

  text = synced_text (fixture, 86);
  g_assert_cmpstr (text, ==, "Ward 2\n987");
}

/* A still page gains nothing from GPU compositing, and without a GPU it
 * cost the web process seconds of shader compiling and 70 MB. */
static void
test_painted_by_cpu (Fixture      *fixture,
                     gconstpointer data)
{
  WebKitSettings *settings = webkit_web_view_get_settings (cd_preview_get_web_view (fixture->preview));

  g_assert_cmpint (webkit_settings_get_hardware_acceleration_policy (settings), ==,
                   WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);
  g_assert_false (webkit_settings_get_enable_webgl (settings));
}

/* The page draws its own thin scrollbar, which takes its width beside the
 * page. WebKit's overlay scrollbars take none, and show and fade out again
 * on every scroll, so the window kept repainting for seconds each time the
 * preview followed the editor. */
static void
test_static_scrollbar (Fixture      *fixture,
                       gconstpointer data)
{
  g_autofree char *body = make_long_body ("First paragraph.", 100);

  show_body (fixture, body);
  g_assert_cmpfloat (eval_number (fixture, "window.scrollTo(0, 1000); window.scrollY"), ==, 1000);
  wait_for_paint (fixture);
  g_assert_cmpfloat (eval_number (fixture, "window.innerWidth - document.documentElement.clientWidth"),
                     ==, 6);
  g_assert_cmpfloat (eval_number (fixture, "window.innerHeight - document.documentElement.clientHeight"),
                     ==, 0);
}

/* Nothing in the body makes the page wider than the pane: a horizontal
 * scrollbar would appear (and fade, redrawing) whenever the preview follows
 * the editor, and text off to the side is text nobody reads. */
static void
test_no_horizontal_overflow (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr (GString) url = g_string_new ("https://example.org/");
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *overflowing = NULL;

  /* No hyphen, slash or other place where a line may break. */
  while (url->len < 300)
    g_string_append (url, "averylongpathsegmentwithoutspaces");
  g_string_append_printf (body, "A bare link: %s\n\n", url->str);
  g_string_append_printf (body, "A [link whose text is the address](%s) and `%s` inline.\n\n",
                          url->str, url->str);
  g_string_append_printf (body, "```\n%s\n```\n\n", url->str);
  g_string_append_printf (body, "    indented code: %s\n\n", url->str);
  g_string_append (body, "| Region | Households | Budget (m) | Change | Status | Source | Note |\n"
                         "|:--|--:|--:|--:|:-:|:--|:--|\n");
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (body, "| Harbourside-%u | 32,026 | 120.9 | -11.6%% | Under review | "
                                  "[report](https://example.org/data/harbourside) | %s |\n",
                            i, url->str);
  g_string_append_printf (body, "\n> %s\n\n- %s\n\n## %s\n\n![%s](data:image/png;base64,%s)\n",
                          url->str, url->str, url->str, url->str, png_base64);

  gtk_window_set_default_size (fixture->window, 360, 600);
  cd_article_set_headline (fixture->article, url->str);
  cd_article_set_dek (fixture->article, url->str);
  cd_article_set_byline (fixture->article, url->str);
  cd_article_set_tags (fixture->article, (const char *const[]){ url->str, NULL });
  show_body (fixture, body->str);
  g_assert_cmpfloat (eval_number (fixture, "document.documentElement.clientWidth"), <=, 360);

  /* Names what sticks out, so that a failure says where to look. A
   * table wider than the pane scrolls sideways in its own box, which
   * stays inside the pane: its cells may reach past the pane's edge. */
  overflowing = eval_string (fixture,
                             "(() => { const width = document.documentElement.clientWidth;"
                             "  return Array.from(document.querySelectorAll('#article *'))"
                             "    .filter((el) => el.localName === 'table' || !el.closest('table'))"
                             "    .filter((el) => el.getBoundingClientRect().right > width + 0.5)"
                             "    .map((el) => el.localName).join(' '); })()");
  g_assert_cmpstr (overflowing, ==, "");
  g_assert_cmpfloat (eval_number (fixture, "(() => { const t = document.querySelector('#article "
                                           "table'); return t.scrollWidth - t.clientWidth; })()"),
                     >, 0);
  g_assert_cmpfloat (eval_number (fixture, "document.documentElement.scrollWidth"), <=,
                     eval_number (fixture, "document.documentElement.clientWidth"));
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
} ExportResult;

static void
export_pdf_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ExportResult *export = user_data;

  export->ok = cd_preview_export_pdf_finish (CD_PREVIEW (object), result, &export->error);
  export->done = TRUE;
}

static void
test_export_pdf (Fixture      *fixture,
                 gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "article.pdf", NULL);
  g_autofree char *body = make_long_body ("The council met.", 40);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  ExportResult export = { 0 };
  gsize length;
  guint n_before;

  n_before = fixture->n_updates;
  cd_article_set_body (fixture->article, body);
  wait_for_update (fixture, n_before);

  cd_preview_export_pdf_async (fixture->preview, file, NULL, export_pdf_cb, &export);
  g_assert_true (wait_for (is_true, &export.done, "the PDF to be written"));
  g_assert_no_error (export.error);
  g_assert_true (export.ok);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 2000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* A complete file ends with the trailer's end marker. */
  g_assert_nonnull (g_strstr_len (contents + length - 32, 32, "%%EOF"));
}

static void
test_export_pdf_fails (Fixture      *fixture,
                       gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "no", "such", "dir", "a.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  ExportResult export = { 0 };

  /* A PDF that cannot be written is an error that says why, not a hang. */
  cd_preview_export_pdf_async (fixture->preview, file, NULL, export_pdf_cb, &export);
  g_assert_true (wait_for (is_true, &export.done, "the export to fail"));
  g_assert_false (export.ok);
  g_assert_error (export.error, CD_PREVIEW_ERROR, CD_PREVIEW_ERROR_PRINT_FAILED);
  g_test_message ("%s", export.error->message);
  g_clear_error (&export.error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_featured_image (Fixture      *fixture,
                     gconstpointer data)
{
  g_autofree char   *path = g_build_filename (fixture->tmpdir, "harbour.png", NULL);
  g_autofree guchar *png = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JSCValue) value = NULL;
  g_autofree char *caption = NULL;
  gsize            png_size;
  guint            n_before;

  png = g_base64_decode (png_base64, &png_size);
  g_file_set_contents (path, (const char *) png, png_size, &error);
  g_assert_no_error (error);

  /* A local file is served to the page by the preview itself. */
  n_before = fixture->n_updates;
  cd_article_set_image (fixture->article, path);
  cd_article_set_image_caption (fixture->article, "The old docks at dawn.");
  cd_article_set_image_credit (fixture->article, "Photo: Jan Berg");
  wait_for_update (fixture, n_before);
  g_assert_false (eval_boolean (fixture, "document.getElementById('figure').hidden"));
  value = eval_async_js (fixture,
                         "const img = document.getElementById('figure-image');"
                         "if (!img.complete)"
                         "  await new Promise((resolve) => {"
                         "    img.addEventListener('load', resolve);"
                         "    img.addEventListener('error', resolve);"
                         "  });"
                         "return img.naturalWidth;");
  g_assert_cmpint (jsc_value_to_int32 (value), ==, 1);
  caption = eval_string (fixture, "document.querySelector('#figure figcaption').textContent");
  g_assert_cmpstr (caption, ==, "The old docks at dawn. Photo: Jan Berg");

  /* Only the article's own image is served, and only while it has one. */
  n_before = fixture->n_updates;
  cd_article_set_image (fixture->article, NULL);
  wait_for_update (fixture, n_before);
  g_assert_true (eval_boolean (fixture, "document.getElementById('figure').hidden"));
  g_clear_object (&value);
  value = eval_async_js (fixture,
                         "return await new Promise((resolve) => {"
                         "  const img = new Image();"
                         "  img.addEventListener('load', () => resolve('loaded'));"
                         "  img.addEventListener('error', () => resolve('refused'));"
                         "  img.src = 'copydesk-preview://preview/featured-image?path=%2Fetc%2Fpasswd';"
                         "});");
  g_clear_pointer (&caption, g_free);
  caption = jsc_value_to_string (value);
  g_assert_cmpstr (caption, ==, "refused");
}

static void
test_no_article (Fixture      *fixture,
                 gconstpointer data)
{
  guint n_before = fixture->n_updates;

  cd_preview_set_article (fixture->preview, NULL);
  g_assert_null (cd_preview_get_article (fixture->preview));
  wait_for_update (fixture, n_before);
  g_assert_true (eval_boolean (fixture, "document.getElementById('headline').hidden"));
  g_assert_true (eval_boolean (fixture, "document.getElementById('body').childElementCount === 0"));

  /* The article's changes no longer reach the preview. */
  cd_article_set_headline (fixture->article, "Not shown");
  wait_for_paint (fixture);
  g_assert_cmpuint (fixture->n_updates, ==, n_before + 1);
}

static gboolean
preview_not_loaded (gpointer data)
{
  return !cd_preview_get_loaded (data);
}

static void
test_web_process_ends (Fixture      *fixture,
                       gconstpointer data)
{
  g_autofree char *headline = NULL;
  guint            n_before = fixture->n_updates;

  webkit_web_view_terminate_web_process (cd_preview_get_web_view (fixture->preview));
  g_assert_true (wait_for (preview_not_loaded, fixture->preview, "the page to go"));
  g_assert_true (wait_for (preview_loaded, fixture->preview, "the page to come back"));
  wait_for_update (fixture, n_before);
  headline = eval_string (fixture, "document.getElementById('headline').textContent");
  g_assert_cmpstr (headline, ==, "Council approves harbour budget");
}

/* The widget as it was last drawn, or NULL when it has not been drawn since
 * it changed. */
static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

static void
save_screenshot (Fixture    *fixture,
                 const char *name)
{
  GtkWidget *widget = GTK_WIDGET (fixture->preview);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GskRenderer     *renderer;

  for (guint i = 0; i < 50 && node == NULL; i++)
    {
      wait_for_paint (fixture);
      node = snapshot_widget (widget);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));

  dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static gboolean
page_is_dark (gpointer data)
{
  Fixture *fixture = data;

  return eval_boolean (fixture, "document.documentElement.classList.contains('dark')");
}

static void
test_screenshots (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (GDateTime) embargo = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_days (embargo, 2);
  const char *tags[] = { "harbour", "council", "budget", NULL };
  g_autoptr (JSCValue) value = NULL;
  guint n_before;

  n_before = fixture->n_updates;
  cd_article_set_embargo (fixture->article, later);
  cd_article_set_tags (fixture->article, tags);
  cd_article_set_source (fixture->article, "dpa");
  cd_article_set_body (fixture->article,
                       "The city council voted 31 to 12 on Tuesday to spend **€48 million** on "
                       "the old harbour, ending a year of argument over the future of the docks "
                       "and the ferry terminal.\n\n"
                       "> \"This is the biggest decision the city has made in a generation,\" "
                       "said Mayor Ulf Kämpfer.\n\n"
                       "## What the money buys\n\n"
                       "- a new quay wall along the *Hörn*\n"
                       "- two electric ferries\n"
                       "- a public square where the warehouses stand\n\n"
                       "| Party | For | Against |\n"
                       "| --- | ---: | ---: |\n"
                       "| SPD | 14 | 0 |\n"
                       "| Greens | 12 | 2 |\n"
                       "| CDU | 5 | 10 |\n\n"
                       "Opponents called the plan ~~reckless~~ costly; details are on the "
                       "[council's site](https://example.org/council).\n\n"
                       "![Map of the harbour](https://example.org/map.png)\n");
  wait_for_update (fixture, n_before);
  wait_for_paint (fixture);
  save_screenshot (fixture, "preview-light.png");
  g_clear_object (&value);
  value = eval_js (fixture, "window.scrollTo(0, document.body.scrollHeight); window.scrollY");
  save_screenshot (fixture, "preview-light-end.png");
  g_clear_object (&value);
  value = eval_js (fixture, "window.scrollTo(0, 0); window.scrollY");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (wait_for (page_is_dark, fixture, "the page to turn dark"));
  wait_for_paint (fixture);
  save_screenshot (fixture, "preview-dark.png");

  gtk_window_set_default_size (fixture->window, 420, 700);
  wait_for_paint (fixture);
  wait_for_paint (fixture);
  save_screenshot (fixture, "preview-dark-narrow.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run.\n");
      return 1;
    }
  g_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/preview/shows-article", test_shows_article);
  ADD ("/preview/coalesces-updates", test_coalesces_updates);
  ADD ("/preview/update-keeps-scroll", test_update_keeps_scroll);
  ADD ("/preview/updates-changed-blocks", test_updates_changed_blocks);
  ADD ("/preview/link-does-not-navigate", test_link_does_not_navigate);
  ADD ("/preview/raw-html-is-inert", test_raw_html_is_inert);
  ADD ("/preview/remote-images", test_remote_images);
  ADD ("/preview/scroll-sync", test_scroll_sync);
  ADD ("/preview/table-without-header", test_table_without_header);
  ADD ("/preview/no-horizontal-overflow", test_no_horizontal_overflow);
  ADD ("/preview/static-scrollbar", test_static_scrollbar);
  ADD ("/preview/painted-by-cpu", test_painted_by_cpu);
  ADD ("/preview/featured-image", test_featured_image);
  ADD ("/preview/no-article", test_no_article);
  ADD ("/preview/web-process-ends", test_web_process_ends);
  ADD ("/preview/export-pdf", test_export_pdf);
  ADD ("/preview/export-pdf-fails", test_export_pdf_fails);
  ADD ("/preview/screenshots", test_screenshots);

#undef ADD

  return g_test_run ();
}
