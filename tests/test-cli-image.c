/* test-cli-image.c: `copydesk image add` and the images of `show --json`,
 * run as a script would run them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "cd-test-util.h"

typedef struct
{
  char *dir;
  char *data_dir;
  char *uuid;
  char *png;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs copydesk on the fixture's store with a NULL-ended argument list. */
static void
run_copydesk (Fixture    *f,
              Run        *run,
              const char *first,
              ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  va_list args;
  int     wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("COPYDESK_BIN"));
  g_assert_nonnull (argv->pdata[0]);
  g_ptr_array_add (argv, "--data-dir");
  g_ptr_array_add (argv, f->data_dir);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  /* A run may be used again: what the last command printed goes. */
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out,
                &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  g_autofree char *md = NULL;
  g_auto (Run) run = { 0 };
  g_autoptr (JsonNode) list = NULL;

  f->dir = g_dir_make_tmp ("copydesk-cli-image-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->dir, "store", NULL);
  f->png = g_build_filename (f->dir, "photo.png", NULL);
  pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 24, 16);
  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  gdk_pixbuf_save (pixbuf, f->png, "png", &error, NULL);
  g_assert_no_error (error);

  md = g_build_filename (f->dir, "story.md", NULL);
  g_file_set_contents (md, "---\nheadline: Fire on Main Street\n---\nCrews arrived at nine.\n", -1,
                       &error);
  g_assert_no_error (error);
  run_copydesk (f, &run, "import", md, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&run.out, g_free);
  run_copydesk (f, &run, "list", "--json", NULL);
  list = json_from_string (run.out, &error);
  g_assert_no_error (error);
  f->uuid = g_strdup (json_object_get_string_member (
      json_array_get_object_element (json_node_get_array (list), 0), "uuid"));
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  cd_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->data_dir);
  g_free (f->uuid);
  g_free (f->png);
}

static JsonObject *
show_json (Fixture   *f,
           JsonNode **node)
{
  g_auto (Run) run = { 0 };
  g_autoptr (GError) error = NULL;

  run_copydesk (f, &run, "show", f->uuid, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  *node = json_from_string (run.out, &error);
  g_assert_no_error (error);
  return json_node_get_object (*node);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize            length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_add_body (Fixture      *f,
               gconstpointer data)
{
  g_auto (Run) run = { 0 };
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *id = file_sha256 (f->png);
  g_autofree char *expected = g_strdup_printf ("```image\nid: %s\nalt: Firefighters at the scene\n"
                                               "caption: Crews worked late.\ncredit: Jane Doe\n```\n",
                                               id);
  g_autofree char *body_end = NULL;
  JsonObject      *show, *image;
  JsonArray       *images;

  run_copydesk (f, &run, "image", "add", f->uuid, f->png, "--alt", "Firefighters at the scene",
                "--caption", "Crews worked late.", "--credit", "Jane Doe", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);

  show = show_json (f, &node);
  body_end = g_strconcat ("Crews arrived at nine.\n\n", expected, NULL);
  g_assert_cmpstr (json_object_get_string_member (show, "body"), ==, body_end);
  images = json_object_get_array_member (show, "images");
  g_assert_cmpuint (json_array_get_length (images), ==, 1);
  image = json_array_get_object_element (images, 0);
  g_assert_cmpstr (json_object_get_string_member (image, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (image, "type"), ==, "image/png");
  g_assert_cmpint (json_object_get_int_member (image, "width"), ==, 24);
  g_assert_cmpint (json_object_get_int_member (image, "height"), ==, 16);
  g_assert_cmpstr (json_object_get_string_member (image, "alt"), ==, "Firefighters at the scene");
  g_assert_cmpstr (json_object_get_string_member (image, "caption"), ==, "Crews worked late.");
  g_assert_cmpstr (json_object_get_string_member (image, "credit"), ==, "Jane Doe");
  g_assert_false (json_object_get_boolean_member (image, "featured"));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (image, "remote")));
}

static void
test_add_featured (Fixture      *f,
                   gconstpointer data)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) body_run = { 0 };
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *id = file_sha256 (f->png);
  g_autofree char *id_line = g_strconcat (id, "\n", NULL);
  JsonObject      *show, *first;
  JsonArray       *images;

  run_copydesk (f, &body_run, "image", "add", f->uuid, f->png, "--alt", "In the body", NULL);
  g_assert_cmpint (body_run.status, ==, 0);
  run_copydesk (f, &run, "image", "add", f->uuid, f->png, "--featured", "--alt", "The house",
                "--credit", "Agency", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, id_line);

  show = show_json (f, &node);
  images = json_object_get_array_member (show, "images");
  g_assert_cmpuint (json_array_get_length (images), ==, 2);
  /* The featured image comes first. */
  first = json_array_get_object_element (images, 0);
  g_assert_true (json_object_get_boolean_member (first, "featured"));
  g_assert_cmpstr (json_object_get_string_member (first, "alt"), ==, "The house");
  g_assert_cmpstr (json_object_get_string_member (first, "credit"), ==, "Agency");
  g_assert_true (json_object_get_null_member (first, "caption"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (images, 1),
                                                  "featured"));
}

static void
assert_nothing_saved (Fixture *f)
{
  g_autoptr (JsonNode) node = NULL;
  JsonObject      *show = show_json (f, &node);
  g_autofree char *images_dir = g_build_filename (f->data_dir, "images", NULL);

  g_assert_cmpstr (json_object_get_string_member (show, "body"), ==, "Crews arrived at nine.\n");
  g_assert_false (json_object_has_member (show, "images"));
  g_assert_false (g_file_test (images_dir, G_FILE_TEST_EXISTS));
}

static void
test_refusals (Fixture      *f,
               gconstpointer data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_auto (Run) no_alt = { 0 };
  g_auto (Run) bad = { 0 };
  g_auto (Run) missing = { 0 };

  run_copydesk (f, &no_alt, "image", "add", f->uuid, f->png, "--caption", "No alt", NULL);
  g_assert_cmpint (no_alt.status, ==, 2);
  g_assert_cmpstr (no_alt.out, ==, "");
  g_assert_nonnull (strstr (no_alt.err, "--alt"));
  /* One sentence on one line. */
  g_assert_true (g_str_has_suffix (no_alt.err, ".\n"));
  g_assert_true (strchr (no_alt.err, '\n') == no_alt.err + strlen (no_alt.err) - 1);

  g_assert_true (g_file_set_contents (text, "Not a picture.\n", -1, NULL));
  run_copydesk (f, &bad, "image", "add", f->uuid, text, "--alt", "x", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, text));
  g_assert_nonnull (strstr (bad.err, "not a JPEG, PNG, WebP or GIF image"));

  run_copydesk (f, &missing, "image", "add", f->uuid, "/nonexistent/photo.jpg", "--alt", "x", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "/nonexistent/photo.jpg"));

  assert_nothing_saved (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cli-image/add/body", test_add_body);
  ADD ("/cli-image/add/featured", test_add_featured);
  ADD ("/cli-image/add/refusals", test_refusals);

  return g_test_run ();
}
