/* test-accounts-page.c: the Accounts page of the preferences window under
 * Xvfb, against a real WordPress and a real (throwaway) keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "cd-account.h"
#include "cd-accounts-page.h"
#include "cd-secrets.h"
#include "cd-sync-db.h"
#include "cd-test-keyring.h"
#include "cd-test-wordpress.h"
#include "cd-ui-test.h"

static CdTestWordpress *wp;
static char            *setup_error;

typedef gboolean (*Condition) (gpointer data);

/* Spins the main loop until @condition holds; fails the test after 30 s. */
static void
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

typedef struct
{
  GtkWidget  *page;
  const char *name;
  GtkWidget  *widget;
  const char *text;
} Look;

static gboolean
named_present (gpointer data)
{
  Look *look = data;

  return cd_ui_find_named (look->page, look->name) != NULL;
}

static gboolean
named_absent (gpointer data)
{
  return !named_present (data);
}

static gboolean
label_contains (gpointer data)
{
  Look *look = data;

  return gtk_widget_get_visible (look->widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (look->widget)), look->text) != NULL;
}

static gboolean
subtitle_contains (gpointer data)
{
  Look       *look = data;
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (look->widget));

  return subtitle != NULL && strstr (subtitle, look->text) != NULL;
}

static void
fill (GtkWidget  *page,
      const char *name,
      const char *url,
      const char *user,
      const char *password)
{
  gtk_editable_set_text (GTK_EDITABLE (cd_ui_find_named (page, "account-name")), name);
  gtk_editable_set_text (GTK_EDITABLE (cd_ui_find_named (page, "account-url")), url);
  gtk_editable_set_text (GTK_EDITABLE (cd_ui_find_named (page, "account-user")), user);
  gtk_editable_set_text (GTK_EDITABLE (cd_ui_find_named (page, "account-password")), password);
}

static void
test_add_test_remove (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *gone = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdAccount) account = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *status;
  GtkWidget *row;
  Look       look = { 0 };
  char      *stored;

  if (wp == NULL)
    {
      if (cd_test_wordpress_disabled ())
        g_test_skip ("COPYDESK_TEST_NO_WORDPRESS=1: skipped on request");
      else
        g_test_fail_printf ("Setting up failed: %s", setup_error);
      return;
    }

  dir = g_dir_make_tmp ("copydesk-accounts-page-XXXXXX", &error);
  g_assert_no_error (error);
  store = cd_store_open (dir, &error);
  g_assert_no_error (error);

  window = adw_preferences_window_new ();
  page = GTK_WIDGET (cd_accounts_page_new (store, ADW_PREFERENCES_WINDOW (window)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  status = cd_ui_find_named (page, "accounts-status");
  g_assert_nonnull (status);
  look.page = page;

  /* A wrong password: said in words, nothing kept. */
  fill (page, "newsroom", wp->url, wp->user, "Wrong0Application0Pass99");
  g_signal_emit_by_name (cd_ui_find_named (page, "add-account"), "clicked");
  look.widget = status;
  look.text = "did not accept the application password";
  wait_for (label_contains, &look, "the wrong password to be reported");
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (status)), "Wrong0Application0Pass99"));
  look.name = "account-newsroom";
  g_assert_false (named_present (&look));

  /* The right one: a row, the password in the keyring, the entry emptied. */
  gtk_editable_set_text (GTK_EDITABLE (cd_ui_find_named (page, "account-password")), wp->password);
  g_signal_emit_by_name (cd_ui_find_named (page, "add-account"), "clicked");
  wait_for (named_present, &look, "the new account's row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cd_ui_find_named (page, "account-password"))),
                   ==, "");
  stored = cd_secrets_lookup ("newsroom", wp->url, wp->user, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, wp->password);
  /* Secret memory: not for g_free(). */
  cd_secrets_free (stored);
  db = cd_sync_db_open (store, &error);
  g_assert_no_error (error);
  account = cd_account_load (db, "newsroom", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_account_get_url (account), ==, wp->url);

  /* Test Connection. */
  row = cd_ui_find_named (page, "account-newsroom");
  g_signal_emit_by_name (cd_ui_find_named (row, "test-connection"), "clicked");
  look.widget = row;
  look.text = "Connected as admin";
  wait_for (subtitle_contains, &look, "the connection test");

  /* Remove: the row and the password go. */
  g_signal_emit_by_name (cd_ui_find_named (row, "remove-account"), "clicked");
  wait_for (named_absent, &look, "the row to go");
  gone = cd_secrets_lookup ("newsroom", wp->url, wp->user, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gone);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  cd_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  gboolean keyring = FALSE;

  /* The keyring's bus first: GTK connects to the session bus as it starts,
   * and libsecret then shares that connection. */
  if (!cd_test_wordpress_disabled ())
    keyring = cd_test_keyring_start (&error);
  /* The private bus has no accessibility bus to offer. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (!cd_test_wordpress_disabled ())
    {
      if (!keyring)
        setup_error = g_strdup_printf ("no test keyring: %s", error->message);
      else if ((wp = cd_test_wordpress_start (&error)) == NULL)
        setup_error = g_strdup_printf ("WordPress could not start: %s", error->message);
    }

  g_test_add_func ("/accounts-page/add-test-remove", test_add_test_remove);

  status = g_test_run ();
  cd_test_wordpress_stop (wp);
  cd_test_keyring_stop ();
  g_free (setup_error);
  return status;
}
