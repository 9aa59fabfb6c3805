/* test-cli.c: the command line as newsroom scripts use it: import, list,
 * show, set, export, and what bad input does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct
{
  char *dir;      /* scratch folder for input files */
  char *data_dir; /* the store */
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

/* Runs copydesk with the fixture's data dir; the arguments end with NULL. */
static void
run_copydesk (Fixture    *f,
              Run        *run,
              const char *first,
              ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *bin = g_getenv ("COPYDESK_BIN");
  va_list     args;
  int         wait_status;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  g_ptr_array_add (argv, "--data-dir");
  g_ptr_array_add (argv, f->data_dir);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("copydesk-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->dir, "store", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  /* A link is removed, never followed. */
  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->data_dir);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static const char *story_md =
    "---\n"
    "headline: \"Council approves: new bridge for Riverside\"\n"
    "dek: The vote was 7 to 2 after a long night\n"
    "byline: Ana Ruiz\n"
    "dateline: RIVERSIDE\n"
    "slug: council-bridge\n"
    "section: Local\n"
    "tags: [council, transport]\n"
    "status: ready-for-edit\n"
    "embargo: 2026-03-01T09:00:00+01:00\n"
    "language: en\n"
    "ednote: Check the vote count with the clerk.\n"
    "desk_priority: 2\n"
    "---\n"
    "The council voted **7 to 2** on Tuesday.\n"
    "\n"
    "## What comes next\n"
    "\n"
    "Work starts in spring.\n";

static const char *wire_txt =
    "Storm closes port for second day\n"
    "\n"
    "HAMBURG (Reuters) — The port of Hamburg stayed closed on Wednesday as gales\n"
    "swept the North Sea coast.\n"
    "\n"
    "Ships waited in the estuary.\n";

static char *
import_one (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autofree char *path = write_file (f, name, contents, -1);
  g_auto (Run) run = { 0 };

  run_copydesk (f, &run, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_uuid_string_is_valid (g_strstrip (run.out)));
  return g_strdup (run.out);
}

static void
test_show_json_keys (Fixture      *f,
                     gconstpointer data)
{
  static const char *keys[] = {
    "uuid",
    "headline",
    "dek",
    "byline",
    "dateline",
    "source",
    "slug",
    "section",
    "tags",
    "status",
    "embargo",
    "language",
    "body",
    "ednote",
    "created",
    "modified",
  };
  g_autofree char *uuid = import_one (f, "story.md", story_md);
  g_auto (Run) run = { 0 };
  g_autoptr (JsonNode) root = NULL;
  JsonObject *obj;
  g_autoptr (GList) members = NULL;

  run_copydesk (f, &run, "show", uuid, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  obj = json_node_get_object (root);

  /* Exactly these keys (the sync array comes with sync accounts). */
  members = json_object_get_members (obj);
  for (GList *l = members; l; l = l->next)
    {
      gboolean known = g_str_equal (l->data, "sync");
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        known |= g_str_equal (l->data, keys[i]);
      g_assert_true (known);
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (obj, keys[i]));

  g_assert_cmpstr (json_object_get_string_member (obj, "uuid"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (obj, "headline"), ==,
                   "Council approves: new bridge for Riverside");
  g_assert_cmpstr (json_object_get_string_member (obj, "status"), ==, "ready-for-edit");
  g_assert_cmpstr (json_object_get_string_member (obj, "embargo"), ==, "2026-03-01T08:00:00Z");
  g_assert_true (json_object_get_null_member (obj, "source"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "tags")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (obj, "tags"), 1),
                   ==, "transport");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (obj, "created"), "Z"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (obj, "body"),
                                   "The council voted **7 to 2**"));
}

static void
test_list_json (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *a = import_one (f, "story.md", story_md);
  g_autofree char *b = import_one (f, "wire.txt", wire_txt);
  g_auto (Run) run = { 0 };
  g_autoptr (JsonNode) root = NULL;
  JsonArray *array;
  gboolean   seen_a = FALSE, seen_b = FALSE;

  run_copydesk (f, &run, "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      const char *uuid = json_object_get_string_member (o, "uuid");

      g_assert_false (json_object_has_member (o, "body"));
      g_assert_true (json_object_has_member (o, "modified"));
      seen_a |= g_str_equal (uuid, a);
      seen_b |= g_str_equal (uuid, b);
      if (g_str_equal (uuid, b))
        {
          g_assert_cmpstr (json_object_get_string_member (o, "headline"), ==,
                           "Storm closes port for second day");
          g_assert_cmpstr (json_object_get_string_member (o, "dateline"), ==, "HAMBURG");
          g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "Reuters");
        }
    }
  g_assert_true (seen_a && seen_b);
}

static void
test_set_and_export_roundtrip (Fixture      *f,
                               gconstpointer data)
{
  g_autofree char *uuid = import_one (f, "story.md", story_md);
  g_autofree char *body_path = write_file (f, "body.md", "New body,\nwith *two* lines.\n", -1);
  g_autofree char *exported = g_build_filename (f->dir, "export.md", NULL);
  g_autofree char *again = NULL;
  g_auto (Run) set1 = { 0 };
  g_auto (Run) set2 = { 0 };
  g_auto (Run) exp = { 0 };
  g_auto (Run) show1 = { 0 };
  g_auto (Run) show2 = { 0 };
  g_autoptr (JsonNode) r1 = NULL;
  g_autoptr (JsonNode) r2 = NULL;
  JsonObject *o1, *o2;

  run_copydesk (f, &set1, "set", uuid, "byline", "Ana Ruiz and Tom Berg", NULL);
  g_assert_cmpint (set1.status, ==, 0);
  run_copydesk (f, &set2, "set", uuid, "body", "--file", body_path, NULL);
  g_assert_cmpint (set2.status, ==, 0);

  run_copydesk (f, &exp, "export", uuid, "--format", "md", "-o", exported, NULL);
  g_assert_cmpint (exp.status, ==, 0);
  g_assert_true (g_file_test (exported, G_FILE_TEST_IS_REGULAR));

  {
    g_auto (Run) imp = { 0 };
    run_copydesk (f, &imp, "import", exported, NULL);
    g_assert_cmpint (imp.status, ==, 0);
    again = g_strdup (g_strstrip (imp.out));
  }
  /* The store already has this uuid, so the import is a new article. */
  g_assert_cmpstr (again, !=, uuid);

  run_copydesk (f, &show1, "show", uuid, "--json", NULL);
  run_copydesk (f, &show2, "show", again, "--json", NULL);
  r1 = parse_json (show1.out);
  r2 = parse_json (show2.out);
  o1 = json_node_get_object (r1);
  o2 = json_node_get_object (r2);
  json_object_remove_member (o1, "uuid");
  json_object_remove_member (o2, "uuid");
  json_object_remove_member (o1, "sync");
  json_object_remove_member (o2, "sync");
  g_assert_true (json_node_equal (r1, r2));
  g_assert_cmpstr (json_object_get_string_member (o1, "byline"), ==, "Ana Ruiz and Tom Berg");
  g_assert_cmpstr (json_object_get_string_member (o1, "body"), ==, "New body,\nwith *two* lines.\n");
}

static void
test_export_formats (Fixture      *f,
                     gconstpointer data)
{
  g_autofree char *uuid = import_one (f, "story.md", story_md);
  g_auto (Run) html = { 0 };
  g_auto (Run) ninjs = { 0 };
  g_auto (Run) bad = { 0 };
  g_autoptr (JsonNode) root = NULL;
  JsonObject *o;

  run_copydesk (f, &html, "export", uuid, "--format", "html", NULL);
  g_assert_cmpint (html.status, ==, 0);
  g_assert_nonnull (strstr (html.out, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html.out, "<strong>7 to 2</strong>"));

  run_copydesk (f, &ninjs, "export", uuid, "--format", "ninjs", NULL);
  g_assert_cmpint (ninjs.status, ==, 0);
  root = parse_json (ninjs.out);
  o = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (o, "headline"), ==,
                   "Council approves: new bridge for Riverside");
  g_assert_cmpstr (json_object_get_string_member (o, "description_text"), ==,
                   "The vote was 7 to 2 after a long night");
  g_assert_cmpstr (json_object_get_string_member (o, "located"), ==, "RIVERSIDE");
  g_assert_cmpstr (json_object_get_string_member (o, "slugline"), ==, "council-bridge");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       json_object_get_string_member (o, "versioncreated"), 0, 0));

  run_copydesk (f, &bad, "export", uuid, "--format", "docx", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "docx"));
}

static char *
list_snapshot (Fixture *f)
{
  g_auto (Run) run = { 0 };

  run_copydesk (f, &run, "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

/* One bad file among good ones: exit 2, one sentence naming it, nothing of
 * it stored, the good ones stored. */
static void
check_bad_import (Fixture    *f,
                  const char *bad_path,
                  const char *expect_in_message)
{
  g_autofree char *good = write_file (f, "good.txt", wire_txt, -1);
  g_autofree char *before = list_snapshot (f);
  g_autofree char *after = NULL;
  g_autofree char *base = g_path_get_basename (bad_path);
  g_auto (Run) run = { 0 };
  g_auto (GStrv) out_lines = NULL;
  g_autoptr (JsonNode) before_root = NULL;
  g_autoptr (JsonNode) after_root = NULL;

  run_copydesk (f, &run, "import", bad_path, good, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, base));
  if (expect_in_message != NULL)
    g_assert_nonnull (strstr (run.err, expect_in_message));
  /* One sentence: one line on stderr. */
  g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, (int) strlen (run.err) - 1);
  out_lines = g_strsplit (g_strstrip (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (out_lines), ==, 1);

  after = list_snapshot (f);
  before_root = parse_json (before);
  after_root = parse_json (after);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (after_root)), ==,
                    json_array_get_length (json_node_get_array (before_root)) + 1);
}

static void
test_bad_input (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.md", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.md", NULL);
  g_autofree char *empty = write_file (f, "empty.md", "", 0);
  g_autofree char *utf8 = write_file (f, "latin1.txt", "Headline\n\nCaf\xe9 opens\n", -1);
  g_autofree char *binary = write_file (f, "image.md", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autofree char *malformed = write_file (f, "broken.md",
                                           "---\nheadline: ok\ntags: [a, b\nbyline: x\n---\nBody\n",
                                           -1);
  g_autofree char *huge = g_build_filename (f->dir, "huge.md", NULL);
  FILE            *fp;

  g_mkdir (folder, 0700);
  fp = fopen (huge, "w");
  g_assert_nonnull (fp);
  g_assert_cmpint (fseek (fp, 21 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('x', fp);
  fclose (fp);

  check_bad_import (f, missing, NULL);
  check_bad_import (f, folder, NULL);
  check_bad_import (f, empty, NULL);
  check_bad_import (f, utf8, "UTF-8");
  check_bad_import (f, binary, NULL);
  check_bad_import (f, huge, NULL);
  check_bad_import (f, malformed, "line");
}

/* A feed is a story an entry: each one's uuid on a line of its own, in
 * the feed's order; one of more stories than an import takes is refused
 * whole. */
static void
test_import_feed (Fixture      *f,
                  gconstpointer data)
{
  static const char feed[] =
      "<rss xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Wire</title>"
      "<item><title>Port reopens</title><content:encoded>&lt;p&gt;Ships sail.&lt;/p&gt;</content:encoded></item>"
      "<item><title>Strike ends</title><description>Trains run.</description></item>"
      "</channel></rss>";
  g_autofree char *path = write_file (f, "wire.rss", feed, -1);
  g_autoptr (GString) many = g_string_new ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>All</title>");
  g_autofree char *big = NULL;
  g_autofree char *listed = NULL;
  g_auto (GStrv) uuids = NULL;
  g_auto (Run) run = { 0 };
  g_auto (Run) again = { 0 };
  g_auto (Run) shown = { 0 };

  run_copydesk (f, &run, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  uuids = g_strsplit (g_strstrip (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (uuids), ==, 2);
  run_copydesk (f, &shown, "show", uuids[1], NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_nonnull (strstr (shown.out, "headline: Strike ends\n"));
  g_assert_true (g_str_has_suffix (shown.out, "\nTrains run.\n"));

  for (guint i = 0; i < 501; i++)
    g_string_append_printf (many, "<entry><title>Story %u</title></entry>", i);
  g_string_append (many, "</feed>");
  big = write_file (f, "all.atom", many->str, many->len);
  run_copydesk (f, &again, "import", big, NULL);
  g_assert_cmpint (again.status, ==, 2);
  g_assert_nonnull (strstr (again.err, "all.atom: the file holds 501 stories"));
  listed = list_snapshot (f);
  {
    g_autoptr (JsonNode) root = parse_json (listed);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  }
}

static void
test_bad_arguments (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *uuid = import_one (f, "story.md", story_md);
  g_autofree char *before = list_snapshot (f);
  g_autofree char *after = NULL;
  g_auto (Run) field = { 0 };
  g_auto (Run) value = { 0 };
  g_auto (Run) nouuid = { 0 };
  g_auto (Run) show = { 0 };
  g_auto (Run) command = { 0 };

  run_copydesk (f, &field, "set", uuid, "colour", "red", NULL);
  g_assert_cmpint (field.status, ==, 2);
  g_assert_nonnull (strstr (field.err, "colour"));

  run_copydesk (f, &value, "set", uuid, "status", "printed", NULL);
  g_assert_cmpint (value.status, ==, 2);
  g_assert_nonnull (strstr (value.err, "printed"));

  run_copydesk (f, &nouuid, "set", "00000000-0000-4000-8000-000000000000", "dek", "x", NULL);
  g_assert_cmpint (nouuid.status, ==, 2);
  g_assert_nonnull (strstr (nouuid.err, "00000000-0000-4000-8000-000000000000"));

  run_copydesk (f, &show, "show", "not-a-uuid", NULL);
  g_assert_cmpint (show.status, ==, 2);
  g_assert_nonnull (strstr (show.err, "not-a-uuid"));

  run_copydesk (f, &command, "frobnicate", NULL);
  g_assert_cmpint (command.status, ==, 2);

  /* An option that takes a value, given last: the value is what is missing. */
  {
    g_auto (Run) output = { 0 };
    g_auto (Run) search = { 0 };

    run_copydesk (f, &output, "export", uuid, "--format", "md", "-o", NULL);
    g_assert_cmpint (output.status, ==, 2);
    g_assert_nonnull (strstr (output.err, "-o needs a value"));
    run_copydesk (f, &search, "list", "--search", NULL);
    g_assert_cmpint (search.status, ==, 2);
    g_assert_nonnull (strstr (search.err, "--search needs a value"));
  }

  after = list_snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

/* "set UUID body --file" with the PATH missing (a script's variable came out
 * empty) is an error, not the body "--file". */
static void
test_set_file_without_path (Fixture      *f,
                            gconstpointer data)
{
  g_autofree char *uuid = import_one (f, "story.md", story_md);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto (Run) show = { 0 };
  g_auto (Run) set = { 0 };
  g_auto (Run) again = { 0 };

  g_strstrip (uuid);
  run_copydesk (f, &show, "show", uuid, "--json", NULL);
  before = g_steal_pointer (&show.out);

  run_copydesk (f, &set, "set", uuid, "body", "--file", NULL);
  g_assert_cmpint (set.status, ==, 2);
  g_assert_nonnull (strstr (set.err, "--file"));
  g_assert_nonnull (strstr (set.err, "PATH"));
  g_assert_cmpint (strchr (set.err, '\n') - set.err, ==, strlen (set.err) - 1);

  run_copydesk (f, &again, "show", uuid, "--json", NULL);
  after = g_steal_pointer (&again.out);
  g_assert_cmpstr (before, ==, after);
}

static char *
show_member (Fixture    *f,
             const char *uuid,
             const char *member)
{
  g_auto (Run) run = { 0 };
  g_autoptr (JsonNode) root = NULL;

  run_copydesk (f, &run, "show", uuid, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  return g_strdup (json_object_get_string_member (json_node_get_object (root), member));
}

/* Setting a field to the value it has is no edit: the modified time stays
 * (a script that sets the status on every run must not mark the article
 * changed each time); a real change moves it. */
static void
test_set_same_value (Fixture      *f,
                     gconstpointer data)
{
  g_autofree char *uuid = import_one (f, "old.md",
                                      "---\n"
                                      "headline: Old story\n"
                                      "tags: [a, b]\n"
                                      "status: ready-for-edit\n"
                                      "modified: 2020-01-01T00:00:00Z\n"
                                      "---\n"
                                      "Body.\n");
  const char      *same[][2] = {
         {"headline", "Old story"     },
         { "tags",    " a ,b"         },
         { "status",  "Ready for edit"},
         { "dek",     ""              },
         { "body",    "Body.\n"       },
  };
  g_autofree char *modified = NULL;

  g_strstrip (uuid);
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_auto (Run) set = { 0 };
      g_autofree char *now = NULL;

      run_copydesk (f, &set, "set", uuid, same[i][0], same[i][1], NULL);
      g_assert_cmpint (set.status, ==, 0);
      now = show_member (f, uuid, "modified");
      g_assert_cmpstr (now, ==, "2020-01-01T00:00:00Z");
    }

  {
    g_auto (Run) set = { 0 };

    run_copydesk (f, &set, "set", uuid, "headline", "New story", NULL);
    g_assert_cmpint (set.status, ==, 0);
  }
  modified = show_member (f, uuid, "modified");
  g_assert_cmpstr (modified, !=, "2020-01-01T00:00:00Z");
}

/* The plain list is one line per article, whatever line breaks a headline
 * holds, so scripts can read it line by line. */
/* list --sort orders as the library does; an unknown order is refused in
 * one sentence naming the ones there are. */
static void
test_list_sort (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *zoo = import_one (f, "zoo.md", "---\nheadline: Zoo reopens\n---\nBody.\n");
  g_autofree char *airport = import_one (f, "airport.md",
                                         "---\nheadline: Airport strike\n"
                                         "embargo: 2026-02-01T09:00:00+01:00\n---\nBody.\n");
  g_auto (Run) by_headline = { 0 };
  g_auto (Run) by_embargo = { 0 };
  g_auto (Run) bad = { 0 };

  g_strstrip (zoo);
  g_strstrip (airport);
  run_copydesk (f, &by_headline, "list", "--sort", "headline", NULL);
  g_assert_cmpint (by_headline.status, ==, 0);
  g_assert_true (g_str_has_prefix (by_headline.out, airport));
  g_assert_nonnull (strstr (by_headline.out, zoo));
  g_assert_true (strstr (by_headline.out, airport) < strstr (by_headline.out, zoo));

  /* The embargoed one first, whatever was imported last. */
  run_copydesk (f, &by_embargo, "list", "--sort", "embargo", NULL);
  g_assert_true (g_str_has_prefix (by_embargo.out, airport));

  run_copydesk (f, &bad, "list", "--sort", "alphabetical", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_nonnull (strstr (bad.err, "“alphabetical” is not a sort; use modified, created, "
                                     "headline or embargo."));
}

static void
test_list_one_line_each (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *two = import_one (f, "two.md",
                                     "---\n"
                                     "headline: |\n"
                                     "  Flood warning\n"
                                     "  \tfor the valley\n"
                                     "---\n"
                                     "Body.\n");
  g_autofree char *wire = import_one (f, "wire.txt", wire_txt);
  g_auto (Run) list = { 0 };
  g_auto (GStrv) lines = NULL;

  g_strstrip (two);
  g_strstrip (wire);
  run_copydesk (f, &list, "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  lines = g_strsplit (g_strchomp (list.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const char *uuid = g_str_has_prefix (lines[i], two) ? two : wire;

      g_assert_true (g_str_has_prefix (lines[i], uuid));
      if (uuid == two)
        g_assert_true (g_str_has_suffix (lines[i], "  Flood warning for the valley"));
    }
}

/* Control characters in a field (from `set` or a server's title) are
 * printed escaped, so a headline cannot drive the terminal or forge a line
 * of `show`'s output; the JSON output keeps the exact text. */
static void
test_control_characters_escaped (Fixture      *f,
                                 gconstpointer data)
{
  g_autofree char *uuid = import_one (f, "one.md", "---\nheadline: Calm\n---\nBody\x1b[31m red.\n");
  const char      *hostile = "Breaking\x1b[2J\r\nstatus: published\x07";
  g_auto (Run) set = { 0 };
  g_auto (Run) list = { 0 };
  g_auto (Run) show = { 0 };
  g_auto (Run) json = { 0 };

  g_strstrip (uuid);
  run_copydesk (f, &set, "set", uuid, "headline", hostile, NULL);
  g_assert_cmpint (set.status, ==, 0);

  run_copydesk (f, &list, "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_null (strpbrk (list.out, "\x1b\r\x07"));
  g_assert_nonnull (strstr (list.out, "Breaking\\x1B[2J status: published\\x07"));

  run_copydesk (f, &show, "show", uuid, NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_null (strpbrk (show.out, "\x1b\r\x07"));
  g_assert_nonnull (strstr (show.out, "headline: Breaking\\x1B[2J\\r\\nstatus: published\\x07\n"));
  g_assert_null (strstr (show.out, "\nstatus: published"));
  g_assert_nonnull (strstr (show.out, "Body\\x1B[31m red.\n"));

  run_copydesk (f, &json, "show", uuid, "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_nonnull (strstr (json.out, "Breaking\\u001b[2J\\r\\nstatus: published\\u0007"));
}

/* Articles imported without a language of their own get the newsroom's
 * (checks/language.txt, as Preferences writes it); a file that names its
 * language keeps it. */
static void
test_import_newsroom_language (Fixture      *f,
                               gconstpointer data)
{
  g_autofree char *checks = g_build_filename (f->data_dir, "checks", NULL);
  g_autofree char *language_path = g_build_filename (checks, "language.txt", NULL);
  g_autofree char *uuid = NULL;
  g_autofree char *language = NULL;

  uuid = import_one (f, "before.txt", wire_txt);
  language = show_member (f, g_strstrip (uuid), "language");
  g_assert_cmpstr (language, ==, "en");

  g_assert_cmpint (g_mkdir_with_parents (checks, 0700), ==, 0);
  g_assert_true (g_file_set_contents (language_path, "en-GB\n", -1, NULL));
  g_free (uuid);
  g_free (language);
  uuid = import_one (f, "wire.txt", wire_txt);
  language = show_member (f, g_strstrip (uuid), "language");
  g_assert_cmpstr (language, ==, "en-GB");

  g_free (uuid);
  g_free (language);
  uuid = import_one (f, "story.md", "---\nheadline: Ein Tag\nlanguage: de\n---\nText.\n");
  language = show_member (f, g_strstrip (uuid), "language");
  g_assert_cmpstr (language, ==, "de");

  g_free (uuid);
  g_free (language);
  uuid = import_one (f, "page.html", "<html><body><h1>Harbour</h1><p>Text.</p></body></html>");
  language = show_member (f, g_strstrip (uuid), "language");
  g_assert_cmpstr (language, ==, "en-GB");
}

/* check FILE reads the file as import would store it: in the newsroom's
 * language (a short German story in a German newsroom is checked in
 * German), and every story of a file of several, each named where it has
 * findings, by number in --json. */
static void
test_check_file (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char *checks = g_build_filename (f->data_dir, "checks", NULL);
  g_autofree char *language_path = g_build_filename (checks, "language.txt", NULL);
  g_autofree char *german = write_file (f, "kurz.txt",
                                        "Haushalt in Reichweite\n\nBerlin (dpa) - Der Kanzler sieht eine "
                                        "Einigung.\n",
                                        -1);
  g_autofree char *mailbox = write_file (f, "two.mbox",
                                         "From a@example.net Sun Dec  6 10:00:00 2026\n"
                                         "From: Ann <a@example.net>\nSubject: Harbour reopens\n\n"
                                         "The harbour reopened on Sunday.\n\n"
                                         "From c@example.net Sun Dec  6 11:00:00 2026\n"
                                         "From: Cal <c@example.net>\nSubject: Ferry strike\n\n"
                                         "Crews walked out on Sunday and the storry goes on.\n",
                                         -1);
  g_auto (Run) plain = { 0 };
  g_auto (Run) json = { 0 };
  g_auto (Run) checked = { 0 };
  g_autoptr (JsonNode) root = NULL;
  JsonArray *findings;

  g_assert_cmpint (g_mkdir_with_parents (checks, 0700), ==, 0);
  g_assert_true (g_file_set_contents (language_path, "de-DE\n", -1, NULL));
  run_copydesk (f, &checked, "check", german, NULL);
  g_assert_cmpstr (checked.out, ==, "");
  g_assert_cmpint (checked.status, ==, 0);

  g_assert_true (g_file_set_contents (language_path, "en-GB\n", -1, NULL));
  run_copydesk (f, &plain, "check", mailbox, NULL);
  g_assert_cmpint (plain.status, ==, 1);
  g_assert_null (strstr (plain.out, "Story 1 of 2"));
  g_assert_true (g_str_has_prefix (plain.out, "Story 2 of 2, “Ferry strike”:\nbody:"));
  g_assert_nonnull (strstr (plain.out, "“storry”"));

  run_copydesk (f, &json, "check", mailbox, "--json", NULL);
  g_assert_cmpint (json.status, ==, 1);
  root = parse_json (json.out);
  findings = json_object_get_array_member (json_node_get_object (root), "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (findings, 0), "story"), ==, 2);
}

/* set language takes a BCP 47 tag; anything else is refused in one
 * sentence and the article keeps its language. */
static void
test_set_language (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *uuid = import_one (f, "story.md", story_md);
  const char      *bad[] = { "English", "en_GB", "\"><b>", "e", "en--GB" };
  const char      *good[] = { "de-CH", "sr-Latn-RS", "fr" };

  g_strstrip (uuid);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto (Run) set = { 0 };
      g_autofree char *language = NULL;

      run_copydesk (f, &set, "set", uuid, "language", bad[i], NULL);
      g_assert_cmpint (set.status, ==, 2);
      g_assert_nonnull (strstr (set.err, bad[i]));
      g_assert_cmpint (strchr (set.err, '\n') - set.err, ==, strlen (set.err) - 1);
      language = show_member (f, uuid, "language");
      g_assert_cmpstr (language, ==, "en");
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_auto (Run) set = { 0 };
      g_autofree char *language = NULL;

      run_copydesk (f, &set, "set", uuid, "language", good[i], NULL);
      g_assert_cmpint (set.status, ==, 0);
      language = show_member (f, uuid, "language");
      g_assert_cmpstr (language, ==, good[i]);
    }
}

/* "COMMAND --help" prints that command's usage; import does not read it as
 * a file name. */
static void
test_command_help (Fixture      *f,
                   gconstpointer data)
{
  const char *commands[] = { "import", "list", "show", "set", "export", "check", "sync" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (Run) help = { 0 };
      g_autofree char *usage = g_strdup_printf ("Usage: copydesk %s ", commands[i]);

      run_copydesk (f, &help, commands[i], "--help", NULL);
      g_assert_cmpint (help.status, ==, 0);
      g_assert_cmpstr (help.err, ==, "");
      g_assert_true (g_str_has_prefix (help.out, usage));
    }
}

/* A command given words it cannot use says what is wrong and then the same
 * usage line "COMMAND --help" prints, so the two cannot drift apart. */
static void
test_usage_errors (Fixture      *f,
                   gconstpointer data)
{
  const char *wrong[][2] = {
    {"import",      NULL     },
    { "list",       "--bogus"},
    { "show",       "--bogus"},
    { "set",        NULL     },
    { "export",     "--bogus"},
    { "sync",       "--bogus"},
    { "publish",    "--bogus"},
    { "correction", NULL     },
    { "account",    "--bogus"},
    { "repair",     "--bogus"},
    { "image",      "--bogus"},
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_auto (Run) help = { 0 };
      g_auto (Run) error = { 0 };
      g_autofree char *usage = NULL;

      run_copydesk (f, &help, wrong[i][0], "--help", NULL);
      g_assert_true (g_str_has_prefix (help.out, "Usage: "));
      usage = g_strdup_printf ("; usage: %s", help.out + strlen ("Usage: "));

      run_copydesk (f, &error, wrong[i][0], wrong[i][1], NULL);
      g_assert_cmpint (error.status, ==, 2);
      g_assert_true (g_str_has_prefix (error.err, "copydesk: "));
      g_assert_true (g_str_has_suffix (error.err, usage));
      g_assert_cmpuint (strlen (error.err), >, strlen (usage) + strlen ("copydesk: "));
    }
}

/* A uuid written in capitals by another system is the same uuid: stored
 * in lower case, found whichever way it is typed, and not imported twice. */
static void
test_uuid_case (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *upper = import_one (f, "upper.md",
                                       "---\n"
                                       "uuid: 5F0C7A4E-2B1D-4C3A-9E8F-1A2B3C4D5E6F\n"
                                       "headline: From a CMS that writes capitals\n"
                                       "---\n"
                                       "Body.\n");
  g_autofree char *lower = import_one (f, "lower.md",
                                       "---\n"
                                       "uuid: 5f0c7a4e-2b1d-4c3a-9e8f-1a2b3c4d5e6f\n"
                                       "headline: The same uuid again\n"
                                       "---\n"
                                       "Body.\n");
  g_autofree char *headline = NULL;
  g_auto (Run) set = { 0 };

  g_strstrip (upper);
  g_strstrip (lower);
  g_assert_cmpstr (upper, ==, "5f0c7a4e-2b1d-4c3a-9e8f-1a2b3c4d5e6f");
  g_assert_cmpstr (lower, !=, upper);

  run_copydesk (f, &set, "set", "5F0C7A4E-2B1D-4C3A-9E8F-1A2B3C4D5E6F", "dek", "Found", NULL);
  g_assert_cmpint (set.status, ==, 0);
  headline = show_member (f, "5F0C7A4E-2B1D-4C3A-9E8F-1A2B3C4D5E6F", "headline");
  g_assert_cmpstr (headline, ==, "From a CMS that writes capitals");
}

/* set --file refuses a file over the import limit before reading it: a
 * 2 GB file given by mistake costs no memory (the child's peak RSS stays
 * far below its size). */
static void
test_set_file_too_large (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *uuid = import_one (f, "story.md", story_md);
  g_autofree char *path = g_build_filename (f->dir, "huge.log", NULL);
  g_auto (Run) set = { 0 };
  struct rusage usage;
  int           fd;

  g_strstrip (uuid);
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 2 * 1024 * 1024 * 1024), ==, 0);
  close (fd);

  run_copydesk (f, &set, "set", uuid, "body", "--file", path, NULL);
  g_assert_cmpint (set.status, ==, 2);
  g_assert_nonnull (strstr (set.err, path));
  g_assert_nonnull (strstr (set.err, "larger than"));
  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  g_assert_cmpint (usage.ru_maxrss, <, 512 * 1024); /* kilobytes */
}

/* Commands that change different fields of one article at the same moment
 * all keep their change (each reads the article inside its own write
 * transaction). Before, nearly every round lost one or two of the three. */
static void
test_set_concurrent (Fixture      *f,
                     gconstpointer data)
{
  const char *fields[] = { "headline", "dek", "byline" };

  for (guint round = 0; round < 6; round++)
    {
      g_autofree char *uuid = g_strstrip (import_one (f, "wire.txt", wire_txt));
      GSubprocess     *processes[G_N_ELEMENTS (fields)];

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *value = g_strdup_printf ("%s %u", fields[i], round);
          g_autoptr (GError) error = NULL;

          processes[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                           g_getenv ("COPYDESK_BIN"), "--data-dir", f->data_dir,
                                           "set", uuid, fields[i], value, NULL);
          g_assert_no_error (error);
        }
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autoptr (GError) error = NULL;

          g_assert_true (g_subprocess_wait_check (processes[i], NULL, &error));
          g_assert_no_error (error);
          g_object_unref (processes[i]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *want = g_strdup_printf ("%s %u", fields[i], round);
          g_autofree char *got = show_member (f, uuid, fields[i]);

          g_assert_cmpstr (got, ==, want);
        }
    }
}

/* export -o that cannot be written names the file the person gave (not a
 * temporary file) and leaves nothing behind. */
static void
test_export_output_errors (Fixture      *f,
                           gconstpointer data)
{
  g_autofree char *uuid = import_one (f, "story.md", story_md);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "story.md", NULL);
  g_autofree char *written = g_build_filename (f->dir, "story-out.md", NULL);
  g_auto (Run) nofolder = { 0 };
  g_auto (Run) folder = { 0 };
  g_auto (Run) good = { 0 };
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint       n_files = 0;

  g_strstrip (uuid);
  run_copydesk (f, &nofolder, "export", uuid, "--format", "md", "-o", missing, NULL);
  g_assert_cmpint (nofolder.status, ==, 2);
  g_assert_nonnull (strstr (nofolder.err, missing));
  g_assert_nonnull (strstr (nofolder.err, "does not exist"));
  g_assert_cmpint (strchr (nofolder.err, '\n') - nofolder.err, ==, strlen (nofolder.err) - 1);

  run_copydesk (f, &folder, "export", uuid, "--format", "md", "-o", f->dir, NULL);
  g_assert_cmpint (folder.status, ==, 2);
  g_assert_nonnull (strstr (folder.err, f->dir));
  g_assert_nonnull (strstr (folder.err, "folder"));
  g_assert_null (strstr (folder.err, "rename"));

  run_copydesk (f, &good, "export", uuid, "--format", "md", "-o", written, NULL);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));

  /* story.md, the store and the one export: no temporary files left. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 3);
}

/* export -o onto a pipe writes into the pipe and leaves it a pipe (the
 * same path /dev/stdout and /dev/null take); onto a link it replaces the
 * file the link names and keeps the link. */
static void
test_export_output_special (Fixture      *f,
                            gconstpointer data)
{
  g_autofree char *uuid = import_one (f, "story.md", story_md);
  g_autofree char *fifo = g_build_filename (f->dir, "pipe", NULL);
  g_autofree char *real = g_build_filename (f->dir, "real.md", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.md", NULL);
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GString) received = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto (Run) linked = { 0 };
  GStatBuf st;
  char     buf[4096];
  gssize   n;
  int      fd;

  g_strstrip (uuid);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, g_getenv ("COPYDESK_BIN"),
                           "--data-dir", f->data_dir, "export", uuid, "--format", "md", "-o",
                           fifo, NULL);
  g_assert_no_error (error);
  fd = g_open (fifo, O_RDONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_string_append_len (received, buf, n);
  close (fd);
  g_assert_true (g_subprocess_wait_check (proc, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (received->str, "Council"));
  g_assert_cmpint (g_stat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink (real, link), ==, 0);
  run_copydesk (f, &linked, "export", uuid, "--format", "md", "-o", link, NULL);
  g_assert_cmpint (linked.status, ==, 0);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Council"));
}

static void
test_data_dir_env (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *path = write_file (f, "wire.txt", wire_txt, -1);
  g_autofree char *db = g_build_filename (f->data_dir, "copydesk.db", NULL);
  const char      *argv[] = { g_getenv ("COPYDESK_BIN"), "import", path, NULL };
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "COPYDESK_DATA_DIR", f->data_dir, TRUE);
  g_autoptr (GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
}

/* Output that cannot be written (a full disk: /dev/full) is an error, not
 * success with a truncated file. */
static void
test_output_write_error (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *uuid = g_strstrip (import_one (f, "story.md", story_md));
  const char      *export_args[] = { "export", uuid, "--format", "md", NULL };
  const char      *show_args[] = { "show", uuid, "--json", NULL };
  const char      *list_args[] = { "list", "--json", NULL };
  const char     **commands[] = { export_args, show_args, list_args };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr (GSubprocessLauncher) launcher =
          g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr (GPtrArray) argv = g_ptr_array_new ();
      g_autoptr (GSubprocess) process = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *err = NULL;

      g_ptr_array_add (argv, (char *) g_getenv ("COPYDESK_BIN"));
      g_ptr_array_add (argv, "--data-dir");
      g_ptr_array_add (argv, f->data_dir);
      for (const char **a = commands[i]; *a != NULL; a++)
        g_ptr_array_add (argv, (char *) *a);
      g_ptr_array_add (argv, NULL);

      g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
      process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
      g_assert_nonnull (strstr (err, "Could not write"));
    }
}

/* An empty COPYDESK_DATA_DIR counts as unset: the store goes to
 * $XDG_DATA_HOME/copydesk rather than failing on a folder named "". */
static void
test_data_dir_env_empty (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *path = write_file (f, "wire.txt", wire_txt, -1);
  g_autofree char *xdg = g_build_filename (f->dir, "xdg", NULL);
  g_autofree char *db = g_build_filename (xdg, "copydesk", "copydesk.db", NULL);
  const char      *argv[] = { g_getenv ("COPYDESK_BIN"), "import", path, NULL };
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "COPYDESK_DATA_DIR", "", TRUE);
  g_autoptr (GError) error = NULL;
  int status;

  env = g_environ_setenv (env, "XDG_DATA_HOME", xdg, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
}

/* Blocks kept as WordPress wrote them live in the body as ```wordpress
 * fences; `show --json` gives them exactly, the Markdown export writes
 * them exactly, and importing the export gives the same body again. The
 * markup has blank lines, trailing spaces, a run of three backticks (so
 * the fence has four), non-ASCII text and a fence that ends the body. */
static void
test_wordpress_fences_roundtrip (Fixture      *f,
                                 gconstpointer data)
{
  const char *body =
      "Flood waters rose overnight.\n"
      "\n"
      "```wordpress\n"
      "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n"
      "<figure class=\"wp-block-gallery\"><!-- wp:image {\"id\":42} -->\n"
      "<figure class=\"wp-block-image\"><img src=\"a.jpg\" alt=\"Sandbags – Straße\"/></figure>\n"
      "<!-- /wp:image -->  \n"
      "\n"
      "<!-- wp:image {\"id\":43} /-->\n"
      "</figure>\n"
      "<!-- /wp:gallery -->\n"
      "```\n"
      "\n"
      "Crews worked through the night.\n"
      "\n"
      "````wordpress\n"
      "<!-- wp:acme/widget {\"code\":\"```\"} /-->\n"
      "````\n";
  g_autofree char *md = g_strconcat ("---\nheadline: Flood\nlanguage: en\n---\n", body, NULL);
  g_autofree char *uuid = import_one (f, "blocks.md", md);
  g_autofree char *exported = g_build_filename (f->dir, "blocks-export.md", NULL);
  g_autofree char *again = NULL;
  g_autofree char *contents = NULL;
  g_auto (Run) show1 = { 0 };
  g_auto (Run) exp = { 0 };
  g_auto (Run) imp = { 0 };
  g_auto (Run) show2 = { 0 };
  g_autoptr (JsonNode) r1 = NULL;
  g_autoptr (JsonNode) r2 = NULL;

  g_strstrip (uuid);
  run_copydesk (f, &show1, "show", uuid, "--json", NULL);
  g_assert_cmpint (show1.status, ==, 0);
  r1 = parse_json (show1.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (r1), "body"), ==, body);

  run_copydesk (f, &exp, "export", uuid, "--format", "md", "-o", exported, NULL);
  g_assert_cmpint (exp.status, ==, 0);
  g_assert_true (g_file_get_contents (exported, &contents, NULL, NULL));
  g_assert_true (g_str_has_suffix (contents, body));

  run_copydesk (f, &imp, "import", exported, NULL);
  g_assert_cmpint (imp.status, ==, 0);
  again = g_strdup (g_strstrip (imp.out));
  g_assert_cmpstr (again, !=, uuid);
  run_copydesk (f, &show2, "show", again, "--json", NULL);
  g_assert_cmpint (show2.status, ==, 0);
  r2 = parse_json (show2.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (r2), "body"), ==, body);
}

/* The featured image's caption and credit: show --json gives them when the
 * article has them, and check --json reports findings on them by field,
 * like the other fields. */
static void
test_image_fields (Fixture      *f,
                   gconstpointer data)
{
  const char      *md = "---\nheadline: Storm hits coast\n"
                        "image_caption: Waves hit the  pier on Tuesday.\n"
                        "image_credit: TK\n---\nThe storm hit the coast.\n";
  g_autofree char *uuid = import_one (f, "storm.md", md);
  g_auto (Run) show = { 0 };
  g_auto (Run) check = { 0 };
  g_autoptr (JsonNode) shown = NULL;
  g_autoptr (JsonNode) checked = NULL;
  JsonObject *obj;
  JsonArray  *findings;
  gboolean    caption = FALSE, credit = FALSE;

  g_strstrip (uuid);
  run_copydesk (f, &show, "show", uuid, "--json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  shown = parse_json (show.out);
  obj = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (obj, "image_caption"), ==,
                   "Waves hit the  pier on Tuesday.");
  g_assert_cmpstr (json_object_get_string_member (obj, "image_credit"), ==, "TK");

  run_copydesk (f, &check, "check", uuid, "--json", NULL);
  g_assert_cmpint (check.status, ==, 1);
  checked = parse_json (check.out);
  findings = json_object_get_array_member (json_node_get_object (checked), "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      const char *field = json_object_get_string_member (finding, "field");
      const char *rule = json_object_get_string_member (finding, "rule");

      if (g_str_equal (field, "image_caption") && g_str_equal (rule, "spacing"))
        {
          g_assert_cmpint (json_object_get_int_member (finding, "start"), ==, 13);
          caption = TRUE;
        }
      if (g_str_equal (field, "image_credit") && g_str_equal (rule, "leftover-markup"))
        {
          g_assert_cmpstr (json_object_get_string_member (finding, "text"), ==, "TK");
          credit = TRUE;
        }
    }
  g_assert_true (caption);
  g_assert_true (credit);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/show/json-keys", test_show_json_keys);
  ADD ("/cli/list/json", test_list_json);
  ADD ("/cli/set/export-roundtrip", test_set_and_export_roundtrip);
  ADD ("/cli/export/formats", test_export_formats);
  ADD ("/cli/import/bad-input", test_bad_input);
  ADD ("/cli/import/feed", test_import_feed);
  ADD ("/cli/bad-arguments", test_bad_arguments);
  ADD ("/cli/data-dir-env", test_data_dir_env);
  ADD ("/cli/data-dir-env-empty", test_data_dir_env_empty);
  ADD ("/cli/output-write-error", test_output_write_error);
  ADD ("/cli/set/concurrent", test_set_concurrent);
  ADD ("/cli/set/file-without-path", test_set_file_without_path);
  ADD ("/cli/export/output-errors", test_export_output_errors);
  ADD ("/cli/export/output-special", test_export_output_special);
  ADD ("/cli/set/same-value", test_set_same_value);
  ADD ("/cli/list/one-line-each", test_list_one_line_each);
  ADD ("/cli/list/sort", test_list_sort);
  ADD ("/cli/control-characters-escaped", test_control_characters_escaped);
  ADD ("/cli/set/language", test_set_language);
  ADD ("/cli/import/newsroom-language", test_import_newsroom_language);
  ADD ("/cli/check/file", test_check_file);
  ADD ("/cli/command-help", test_command_help);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/uuid-case", test_uuid_case);
  ADD ("/cli/set/file-too-large", test_set_file_too_large);
  ADD ("/cli/wordpress-fences/roundtrip", test_wordpress_fences_roundtrip);
  ADD ("/cli/image-fields", test_image_fields);
#undef ADD

  return g_test_run ();
}
