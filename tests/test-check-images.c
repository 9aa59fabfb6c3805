/* test-check-images.c: the image rules (alt text, the featured image's
 * credit, images far larger than a page needs), with a stand-in image
 * source and with the store through `copydesk check`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <json-glib/json-glib.h>
#include <sys/wait.h>

#include "cd-image-ref.h"
#include "test-checks-util.h"

#define ID_SMALL "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define ID_WIDE "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
#define ID_HEAVY "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13"

static CdImageInfo *
fake_lookup (gpointer    user_data,
             const char *id)
{
  guint *calls = user_data;

  (*calls)++;
  if (g_str_equal (id, ID_SMALL))
    return cd_image_info_new (id, "image/jpeg", 1600, 900, 300 * 1024);
  if (g_str_equal (id, ID_WIDE))
    return cd_image_info_new (id, "image/jpeg", 6000, 4000, 8 * 1024 * 1024);
  if (g_str_equal (id, ID_HEAVY))
    return cd_image_info_new (id, "image/png", 2000, 1500, 12 * 1024 * 1024);
  return NULL;
}

static GPtrArray *
run_body (Fixture    *f,
          const char *body)
{
  g_autoptr (CdArticle) article = make_article ("Fire on Main Street", body);

  return cd_checker_run (f->checker, article);
}

static void
test_body_alt (Fixture      *f,
               gconstpointer data)
{
  g_autofree char *with_alt = cd_image_ref_to_fence (ID_SMALL, "Crews at the scene", NULL, NULL);
  g_autofree char *blank_alt = cd_image_ref_to_fence (ID_SMALL, "  ", "Caption", NULL);
  g_autofree char *body = g_strdup_printf ("Crews arrived.\n\n%s\n\nÜber text.\n\n%s\n"
                                           "```image\nid: " ID_SMALL "\n```\n",
                                           with_alt, blank_alt);
  g_autoptr (GPtrArray) findings = run_body (f, body);
  guint            n = 0;
  const CdFinding *first = find (findings, CD_CHECK_RULE_IMAGE_ALT, NULL);
  g_autofree char *expected_first = NULL;
  glong            start;

  /* Two fences lack alt text: the blank one and the one with no line. */
  for (guint i = 0; i < findings->len; i++)
    n += g_str_equal (((CdFinding *) g_ptr_array_index (findings, i))->rule,
                      CD_CHECK_RULE_IMAGE_ALT);
  g_assert_cmpuint (n, ==, 2);
  g_assert_nonnull (first);
  g_assert_cmpint (first->severity, ==, CD_CHECK_SEVERITY_ERROR);
  g_assert_cmpstr (first->field, ==, "body");
  /* Character offsets of the whole fence, after a non-ASCII letter. */
  start = g_utf8_strlen (body, strstr (body, blank_alt) - body);
  g_assert_cmpuint (first->start, ==, start);
  g_assert_cmpstr (first->text, ==, blank_alt);
  g_assert_nonnull (strstr (first->message, "alt text"));
  expected_first = g_strdup (first->text);
  g_assert_true (g_str_has_prefix (expected_first, "```image"));
}

static void
test_featured (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Fire", "Text.\n");
  g_autoptr (GPtrArray) bare = NULL;
  g_autoptr (GPtrArray) complete = NULL;
  g_autoptr (GPtrArray) legacy = NULL;
  const CdFinding *alt, *credit;

  cd_article_set_image (article, ID_SMALL);
  bare = cd_checker_run (f->checker, article);
  alt = find (bare, CD_CHECK_RULE_IMAGE_ALT, NULL);
  credit = find (bare, CD_CHECK_RULE_IMAGE_CREDIT, NULL);
  g_assert_nonnull (alt);
  g_assert_cmpstr (alt->field, ==, "image_alt");
  g_assert_cmpint (alt->severity, ==, CD_CHECK_SEVERITY_ERROR);
  g_assert_nonnull (credit);
  g_assert_cmpstr (credit->field, ==, "image_credit");
  g_assert_cmpint (credit->severity, ==, CD_CHECK_SEVERITY_WARNING);

  cd_article_set_image_alt (article, "The house on Main Street");
  cd_article_set_image_credit (article, "Jane Doe / Agency");
  complete = cd_checker_run (f->checker, article);
  g_assert_null (find (complete, CD_CHECK_RULE_IMAGE_ALT, NULL));
  g_assert_null (find (complete, CD_CHECK_RULE_IMAGE_CREDIT, NULL));

  /* A path from an import is not a stored image: no findings. */
  cd_article_set_image (article, "/srv/photos/fire.jpg");
  cd_article_set_image_alt (article, NULL);
  cd_article_set_image_credit (article, NULL);
  legacy = cd_checker_run (f->checker, article);
  g_assert_null (find (legacy, CD_CHECK_RULE_IMAGE_ALT, NULL));
  g_assert_null (find (legacy, CD_CHECK_RULE_IMAGE_CREDIT, NULL));
}

static void
test_size (Fixture      *f,
           gconstpointer data)
{
  guint            calls = 0;
  CdImageSource    source = { fake_lookup, NULL, &calls };
  g_autofree char *wide = cd_image_ref_to_fence (ID_WIDE, "Wide", NULL, NULL);
  g_autofree char *heavy = cd_image_ref_to_fence (ID_HEAVY, "Heavy", NULL, NULL);
  g_autofree char *small = cd_image_ref_to_fence (ID_SMALL, "Small", NULL, NULL);
  g_autofree char *body = g_strdup_printf ("%s\n\n%s\n\n%s\n", wide, heavy, small);
  g_autoptr (GPtrArray) without_source = run_body (f, body);
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (CdArticle) featured = make_article ("Fire", "Text.\n");
  g_autoptr (GPtrArray) featured_findings = NULL;
  const CdFinding *finding;

  g_assert_null (find (without_source, CD_CHECK_RULE_IMAGE_SIZE, NULL));

  cd_checker_set_image_source (f->checker, &source, NULL);
  findings = run_body (f, body);
  g_assert_cmpuint (calls, ==, 3);
  finding = find (findings, CD_CHECK_RULE_IMAGE_SIZE, wide);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, CD_CHECK_SEVERITY_WARNING);
  g_assert_nonnull (strstr (finding->message, "6000 × 4000 pixels"));
  g_assert_nonnull (strstr (finding->message, "4000 pixels on its longer side"));
  finding = find (findings, CD_CHECK_RULE_IMAGE_SIZE, heavy);
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (finding->message, "12.6\u00a0MB"));
  g_assert_null (find (findings, CD_CHECK_RULE_IMAGE_SIZE, small));

  cd_article_set_image (featured, ID_WIDE);
  cd_article_set_image_alt (featured, "Wide");
  cd_article_set_image_credit (featured, "Agency");
  featured_findings = cd_checker_run (f->checker, featured);
  finding = find (featured_findings, CD_CHECK_RULE_IMAGE_SIZE, NULL);
  g_assert_nonnull (finding);
  g_assert_cmpstr (finding->field, ==, "image");
  g_assert_true (g_str_has_prefix (finding->message, "The featured image is 6000 × 4000"));
}

static void
test_labels (void)
{
  g_assert_cmpstr (cd_check_rule_to_label (CD_CHECK_RULE_IMAGE_ALT), ==, "Images without alt text");
  g_assert_true (g_strv_contains (cd_check_list_rules (), CD_CHECK_RULE_IMAGE_SIZE));
}

static char *
run_copydesk (const char *data_dir,
              int        *status,
              const char *first,
              ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  char   *out = NULL;
  va_list args;
  int     wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("COPYDESK_BIN"));
  g_ptr_array_add (argv, "--data-dir");
  g_ptr_array_add (argv, (char *) data_dir);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &wait_status, &error);
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

/* `copydesk check UUID` reads the stored image's size from the store. */
static void
test_cli_reads_store (Fixture      *f,
                      gconstpointer data)
{
  g_autofree char *data_dir = g_build_filename (f->dir, "store", NULL);
  g_autofree char *png = g_build_filename (f->dir, "panorama.png", NULL);
  g_autofree char *md = g_build_filename (f->dir, "story.md", NULL);
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 4100, 2);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (JsonNode) checked = NULL;
  g_autofree char *out = NULL;
  g_autofree char *added = NULL;
  g_autofree char *found = NULL;
  const char      *uuid;
  JsonArray       *findings;
  int              status;
  gboolean         size_found = FALSE;

  gdk_pixbuf_fill (pixbuf, 0x808080ff);
  gdk_pixbuf_save (pixbuf, png, "png", &error, NULL);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (md, "---\nheadline: Skyline\n---\nThe city.\n", -1, NULL));
  g_free (run_copydesk (data_dir, &status, "import", md, NULL));
  g_assert_cmpint (status, ==, 0);
  out = run_copydesk (data_dir, &status, "list", "--json", NULL);
  list = json_from_string (out, &error);
  g_assert_no_error (error);
  uuid = json_object_get_string_member (json_array_get_object_element (json_node_get_array (list), 0),
                                        "uuid");
  added = run_copydesk (data_dir, &status, "image", "add", uuid, png, "--alt", "The skyline", NULL);
  g_assert_cmpint (status, ==, 0);

  found = run_copydesk (data_dir, &status, "check", uuid, "--json", NULL);
  g_assert_cmpint (status, ==, 1);
  checked = json_from_string (found, &error);
  g_assert_no_error (error);
  findings = json_object_get_array_member (json_node_get_object (checked), "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_str_equal (json_object_get_string_member (finding, "rule"), CD_CHECK_RULE_IMAGE_SIZE))
        {
          size_found = TRUE;
          g_assert_nonnull (strstr (json_object_get_string_member (finding, "message"), "4100 × 2"));
        }
    }
  g_assert_true (size_found);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;

  g_test_init (&argc, &argv, NULL);
  config = checks_test_isolate_config ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/check-images/body-alt", test_body_alt);
  ADD ("/check-images/featured", test_featured);
  ADD ("/check-images/size", test_size);
  ADD ("/check-images/cli-reads-store", test_cli_reads_store);
  g_test_add_func ("/check-images/labels", test_labels);

  return checks_test_run (config);
}
