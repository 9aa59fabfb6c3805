/* cd-accounts-page.c: the Accounts page of the preferences window.
 *
 * Lists the CMS accounts with a "Test Connection" button each, and adds
 * new ones: the application password is checked against the site before
 * anything is kept, then goes to the keyring (never to the store). Keyring
 * and network calls run off the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-accounts-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cd-account.h"
#include "cd-accounts-page.h"
#include "cd-secrets.h"
#include "cd-sync-db.h"

struct _CdAccountsPage
{
  AdwPreferencesPage parent_instance;

  CdStore      *store;
  CdSyncDb     *db;
  GCancellable *cancellable;

  AdwPreferencesGroup *accounts_group;
  GPtrArray           *rows;
  GtkWidget           *empty_row;

  GtkWidget *name_row;
  GtkWidget *url_row;
  GtkWidget *user_row;
  GtkWidget *password_row;
  GtkWidget *add_button;
  GtkWidget *status;
};

G_DEFINE_FINAL_TYPE (CdAccountsPage, cd_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

static void refresh (CdAccountsPage *self);

static void
set_status (CdAccountsPage *self,
            const char     *text,
            gboolean        is_error)
{
  gtk_label_set_text (GTK_LABEL (self->status), text != NULL ? text : "");
  gtk_widget_set_visible (self->status, text != NULL && *text != '\0');
  if (is_error)
    gtk_widget_add_css_class (self->status, "error");
  else
    gtk_widget_remove_css_class (self->status, "error");
}

/* Returns FALSE when the page is in no window that shows toasts. */
static gboolean
toast (CdAccountsPage *self,
       const char     *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!ADW_IS_PREFERENCES_WINDOW (root))
    return FALSE;
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
  return TRUE;
}

static CdSyncDb *
ensure_db (CdAccountsPage *self)
{
  g_autoptr (GError) error = NULL;

  if (self->db == NULL)
    {
      self->db = cd_sync_db_open (self->store, &error);
      if (self->db == NULL)
        set_status (self, error->message, TRUE);
    }
  return self->db;
}

/* Test Connection ---------------------------------------------------------- */

static void
on_row_verified (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (AdwActionRow) row = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget       *button;

  name = cd_account_verify_finish (CD_ACCOUNT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  button = g_object_get_data (G_OBJECT (row), "test-button");
  gtk_widget_set_sensitive (button, TRUE);
  if (name != NULL)
    /* Translators: %s is the user's name on the site. */
    subtitle = g_strdup_printf (_ ("Connected as %s"), name);
  else
    subtitle = g_strdup (error->message);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), subtitle);
  if (name == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
on_test_clicked (GtkButton *button,
                 gpointer   user_data)
{
  CdAccountsPage *self = CD_ACCOUNTS_PAGE (user_data);
  AdwActionRow   *row = g_object_get_data (G_OBJECT (button), "row");
  CdAccount      *account = g_object_get_data (G_OBJECT (row), "account");

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  adw_action_row_set_subtitle (row, _ ("Testing the connection…"));
  cd_account_verify_async (account, self->cancellable, on_row_verified, g_object_ref (row));
}

/* Remove -------------------------------------------------------------------- */

static void
clear_secret_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  CdAccount *account = task_data;
  GError    *error = NULL;

  if (cd_secrets_clear (cd_account_get_name (account), cd_account_get_url (account),
                        cd_account_get_user (account), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_secret_cleared (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CdAccountsPage *self = CD_ACCOUNTS_PAGE (source);
  CdAccount      *account = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_status (self, error->message, TRUE);
      return;
    }
  if (ensure_db (self) == NULL)
    return;
  if (!cd_account_delete (self->db, cd_account_get_name (account), &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  /* Translators: %s is an account's name. */
  message = g_strdup_printf (_ ("Account “%s” removed"), cd_account_get_name (account));
  toast (self, message);
  refresh (self);
}

static void
on_remove_clicked (GtkButton *button,
                   gpointer   user_data)
{
  CdAccountsPage *self = CD_ACCOUNTS_PAGE (user_data);
  AdwActionRow   *row = g_object_get_data (G_OBJECT (button), "row");
  CdAccount      *account = g_object_get_data (G_OBJECT (row), "account");
  g_autoptr (GTask) task = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (row), FALSE);
  task = g_task_new (self, self->cancellable, on_secret_cleared, NULL);
  g_task_set_source_tag (task, on_remove_clicked);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);
  g_task_run_in_thread (task, clear_secret_thread);
}

/* The list --------------------------------------------------------------- */

static GtkWidget *
account_row_new (CdAccountsPage *self,
                 CdAccount      *account)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *test = gtk_button_new_with_label (_ ("Test Connection"));
  GtkWidget       *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  /* Translators: a user name on a site, then the site's address. */
  subtitle = g_strdup_printf (_ ("%s on %s"), cd_account_get_user (account),
                              cd_account_get_url (account));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cd_account_get_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "account", g_object_ref (account), g_object_unref);

  gtk_widget_set_valign (test, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _ ("Remove Account"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Remove Account"), -1);
  g_object_set_data (G_OBJECT (test), "row", row);
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_object_set_data (G_OBJECT (row), "test-button", test);
  g_signal_connect (test, "clicked", G_CALLBACK (on_test_clicked), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), test);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  /* Names let tests and accessibility tools find the rows. */
  name = g_strconcat ("account-", cd_account_get_name (account), NULL);
  gtk_widget_set_name (row, name);
  gtk_widget_set_name (test, "test-connection");
  gtk_widget_set_name (remove, "remove-account");
  return row;
}

static void
refresh (CdAccountsPage *self)
{
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (ensure_db (self) == NULL)
    return;
  accounts = cd_account_list (self->db, &error);
  if (accounts == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  for (guint i = 0; i < accounts->len; i++)
    {
      GtkWidget *row = account_row_new (self, g_ptr_array_index (accounts, i));

      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (self->empty_row, accounts->len == 0);
}

/* Add -------------------------------------------------------------------- */

typedef struct
{
  CdAccount *account;
  char      *password; /* wiped when freed */
  char      *display_name;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->account);
  if (data->password != NULL)
    explicit_bzero (data->password, strlen (data->password));
  g_free (data->password);
  g_free (data->display_name);
  g_free (data);
}

static void
set_adding (CdAccountsPage *self,
            gboolean        adding)
{
  gtk_widget_set_sensitive (self->add_button, !adding);
  gtk_widget_set_sensitive (self->name_row, !adding);
  gtk_widget_set_sensitive (self->url_row, !adding);
  gtk_widget_set_sensitive (self->user_row, !adding);
  gtk_widget_set_sensitive (self->password_row, !adding);
}

static void
store_secret_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  AddData *data = task_data;
  GError  *error = NULL;

  if (cd_secrets_store (cd_account_get_name (data->account), cd_account_get_url (data->account),
                        cd_account_get_user (data->account), data->password, cancellable,
                        &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_secret_stored (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CdAccountsPage *self = CD_ACCOUNTS_PAGE (source);
  AddData        *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_adding (self, FALSE);
      set_status (self, error->message, TRUE);
      return;
    }
  set_adding (self, FALSE);
  if (ensure_db (self) == NULL)
    return;
  if (!cd_account_save (data->account, self->db, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  /* Translators: the account's name, then the user's name on the site. */
  message = g_strdup_printf (_ ("Account “%s” added: connected as %s"),
                             cd_account_get_name (data->account), data->display_name);
  set_status (self, toast (self, message) ? NULL : message, FALSE);
  refresh (self);
}

static void
on_add_verified (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  GError  *error = NULL;

  data->display_name = cd_cms_verify_finish (CD_CMS (source), result, &error);
  if (data->display_name == NULL)
    {
      /* Reported by on_secret_stored(), which ends every add. */
      g_task_return_error (task, error);
      return;
    }
  /* Checked: now the keyring, off the main thread. */
  g_task_run_in_thread (task, store_secret_thread);
}

static void
on_add_clicked (GtkButton *button,
                gpointer   user_data)
{
  CdAccountsPage *self = CD_ACCOUNTS_PAGE (user_data);
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (CdCms) cms = NULL;
  g_autoptr (GError) error = NULL;
  GTask      *task;
  AddData    *data;
  const char *password;

  account = cd_account_new (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                            CD_ACCOUNT_KIND_WORDPRESS,
                            gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                            gtk_editable_get_text (GTK_EDITABLE (self->user_row)), &error);
  if (account == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  if (*password == '\0')
    {
      set_status (self, _ ("Enter an application password, made in WordPress under Users → "
                           "Profile → Application Passwords."),
                  TRUE);
      return;
    }

  data = g_new0 (AddData, 1);
  data->account = g_object_ref (account);
  data->password = g_strdup (password);
  task = g_task_new (self, self->cancellable, on_secret_stored, NULL);
  g_task_set_source_tag (task, on_add_clicked);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);

  set_adding (self, TRUE);
  set_status (self, _ ("Checking the password with the site…"), FALSE);
  cms = cd_account_create_cms (account, data->password);
  cd_cms_verify_async (cms, self->cancellable, on_add_verified, task);
}

/* GObject ---------------------------------------------------------------- */

static GtkWidget *
entry_row_new (const char *title,
               const char *name)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  return row;
}

static void
build (CdAccountsPage *self)
{
  GtkWidget *group;

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _ ("Accounts"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "network-server-symbolic");
  gtk_widget_set_name (GTK_WIDGET (self), "accounts");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("WordPress Sites"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _ ("Drafts sync with these sites. Passwords are "
                                            "kept in the keyring."));
  self->accounts_group = ADW_PREFERENCES_GROUP (group);
  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _ ("No accounts yet"));
  adw_preferences_group_add (self->accounts_group, self->empty_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Add Account"));
  self->name_row = entry_row_new (_ ("Name"), "account-name");
  self->url_row = entry_row_new (_ ("Site Address"), "account-url");
  self->user_row = entry_row_new (_ ("User Name"), "account-user");
  self->password_row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row),
                                 _ ("Application Password"));
  gtk_widget_set_name (self->password_row, "account-password");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->name_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->url_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->user_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->password_row);

  self->add_button = gtk_button_new_with_label (_ ("Add Account"));
  gtk_widget_set_name (self->add_button, "add-account");
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (self->add_button, 12);
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->add_button);

  self->status = gtk_label_new (NULL);
  gtk_widget_set_name (self->status, "accounts-status");
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_widget_set_margin_top (self->status, 12);
  gtk_widget_set_visible (self->status, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->status);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
}

static void
cd_accounts_page_dispose (GObject *object)
{
  CdAccountsPage *self = CD_ACCOUNTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cd_accounts_page_parent_class)->dispose (object);
}

static void
cd_accounts_page_class_init (CdAccountsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cd_accounts_page_dispose;
}

static void
cd_accounts_page_init (CdAccountsPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  build (self);
}

/**
 * cd_accounts_page_new:
 * @store: the article store; the accounts live in its file
 *
 * Returns: (transfer floating): the page, for adw_preferences_window_add()
 */
CdAccountsPage *
cd_accounts_page_new (CdStore *store)
{
  CdAccountsPage *self;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);

  self = g_object_new (CD_TYPE_ACCOUNTS_PAGE, NULL);
  self->store = g_object_ref (store);
  refresh (self);
  return self;
}
