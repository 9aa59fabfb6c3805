/* cd-accounts-page.c: the Accounts page of the preferences window.
 *
 * Lists the CMS accounts with a "Test Connection" button each, and adds
 * new ones. The widgets are in cd-accounts-page.ui; adding and removing an
 * account (the site's check of the password, the keyring, the row, and
 * their undoing) is the core's cd_account_add_async() and
 * cd_account_remove_async(), which run off the main thread. The page gets
 * the store, and the preferences window that shows its toasts, when it is
 * made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-a11y.h"
#include "cd-account.h"
#include "cd-accounts-page.h"
#include "cd-sync-db.h"
#include "cd-ui-resources.h"
#include "cd-ui-util.h"

struct _CdAccountsPage
{
  AdwPreferencesPage parent_instance;

  CdStore              *store;
  AdwPreferencesWindow *toast_window; /* weak */
  CdSyncDb             *db;
  GCancellable         *cancellable;
  GPtrArray            *rows;

  /* Template children */
  AdwPreferencesGroup *accounts_group;
  GtkWidget           *empty_row;
  GtkWidget           *name_row;
  GtkWidget           *url_row;
  GtkWidget           *user_row;
  GtkWidget           *password_row;
  GtkWidget           *add_button;
  GtkWidget           *status;
};

G_DEFINE_FINAL_TYPE (CdAccountsPage, cd_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_TOAST_WINDOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (CdAccountsPage *self);

static void
set_status (CdAccountsPage *self,
            const char     *text,
            gboolean        is_error)
{
  g_assert (CD_IS_ACCOUNTS_PAGE (self));

  gtk_label_set_text (GTK_LABEL (self->status), text != NULL ? text : "");
  gtk_widget_set_visible (self->status, text != NULL && *text != '\0');
  _cd_widget_set_css_class (self->status, "error", is_error);
}

/* Returns FALSE when the page was given no window to show toasts in. */
static gboolean
toast (CdAccountsPage *self,
       const char     *text)
{
  g_assert (CD_IS_ACCOUNTS_PAGE (self));
  g_assert (text != NULL);

  if (self->toast_window == NULL)
    return FALSE;
  adw_preferences_window_add_toast (self->toast_window, _cd_toast_new (text));
  return TRUE;
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

  g_assert (G_IS_ASYNC_RESULT (result));

  g_assert (CD_IS_ACCOUNT (source));
  g_assert (ADW_IS_ACTION_ROW (row));

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
  _cd_widget_set_css_class (GTK_WIDGET (row), "error", name == NULL);
}

static void
on_test_clicked (GtkButton *button,
                 gpointer   user_data)
{
  CdAccountsPage *self = user_data;
  AdwActionRow   *row;
  CdAccount      *account;

  g_assert (GTK_IS_BUTTON (button));
  g_assert (CD_IS_ACCOUNTS_PAGE (self));

  row = g_object_get_data (G_OBJECT (button), "row");
  account = g_object_get_data (G_OBJECT (row), "account");
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  adw_action_row_set_subtitle (row, _ ("Testing the connection…"));
  cd_account_verify_async (account, self->cancellable, on_row_verified, g_object_ref (row));
}

/* Remove -------------------------------------------------------------------- */

typedef struct
{
  CdAccountsPage *self;
  char           *name;
} RemoveWait;

static void
remove_wait_free (RemoveWait *wait)
{
  g_assert (wait != NULL);

  g_object_unref (wait->self);
  g_free (wait->name);
  g_free (wait);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RemoveWait, remove_wait_free)

static void
on_removed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (RemoveWait) wait = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  CdAccountsPage  *self;

  g_assert (G_IS_ASYNC_RESULT (result));

  g_assert (CD_IS_SYNC_DB (source));
  g_assert (wait != NULL);

  self = wait->self;
  if (!cd_account_remove_finish (CD_SYNC_DB (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, error->message, TRUE);
      return;
    }
  /* Translators: %s is an account's name. */
  message = g_strdup_printf (_ ("Account “%s” removed"), wait->name);
  toast (self, message);
  refresh (self);
}

static void
on_remove_clicked (GtkButton *button,
                   gpointer   user_data)
{
  CdAccountsPage *self = user_data;
  AdwActionRow   *row;
  CdAccount      *account;
  RemoveWait     *wait;

  g_assert (GTK_IS_BUTTON (button));
  g_assert (CD_IS_ACCOUNTS_PAGE (self));

  if (self->db == NULL)
    return;
  row = g_object_get_data (G_OBJECT (button), "row");
  account = g_object_get_data (G_OBJECT (row), "account");
  gtk_widget_set_sensitive (GTK_WIDGET (row), FALSE);
  wait = g_new0 (RemoveWait, 1);
  wait->self = g_object_ref (self);
  wait->name = g_strdup (cd_account_get_name (account));
  cd_account_remove_async (self->db, wait->name, self->cancellable, on_removed, wait);
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

  g_assert (CD_IS_ACCOUNTS_PAGE (self));
  g_assert (CD_IS_ACCOUNT (account));

  /* Translators: a user name on a site, then the site's address. */
  subtitle = g_strdup_printf (_ ("%s on %s"), cd_account_get_user (account),
                              cd_account_get_url (account));
  /* The name, the address and the site's answers are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
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

  g_assert (CD_IS_ACCOUNTS_PAGE (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->db == NULL)
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

static void
set_adding (CdAccountsPage *self,
            gboolean        adding)
{
  g_assert (CD_IS_ACCOUNTS_PAGE (self));

  gtk_widget_set_sensitive (self->add_button, !adding);
  gtk_widget_set_sensitive (self->name_row, !adding);
  gtk_widget_set_sensitive (self->url_row, !adding);
  gtk_widget_set_sensitive (self->user_row, !adding);
  gtk_widget_set_sensitive (self->password_row, !adding);
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (CdAccountsPage) self = user_data;
  CdAccount *account = CD_ACCOUNT (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *message = NULL;

  g_assert (G_IS_ASYNC_RESULT (result));

  g_assert (CD_IS_ACCOUNT (account));
  g_assert (CD_IS_ACCOUNTS_PAGE (self));

  display_name = cd_account_add_finish (account, result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_adding (self, FALSE);
  if (display_name == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  if (*display_name == '\0')
    /* Translators: the account's name; the site was offline when it was added */
    message = g_strdup_printf (_ ("Account “%s” added; the site could not be reached, so the "
                                  "password is checked at the next sync"),
                               cd_account_get_name (account));
  else
    /* Translators: the account's name, then the user's name on the site. */
    message = g_strdup_printf (_ ("Account “%s” added: connected as %s"),
                               cd_account_get_name (account), display_name);
  set_status (self, toast (self, message) ? NULL : message, FALSE);
  refresh (self);
}

static void
on_add_clicked (GtkButton      *button,
                CdAccountsPage *self)
{
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  const char *password;

  g_assert (GTK_IS_BUTTON (button));
  g_assert (CD_IS_ACCOUNTS_PAGE (self));

  if (self->db == NULL)
    return;
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

  set_adding (self, TRUE);
  set_status (self, _ ("Checking the password with the site…"), FALSE);
  cd_account_add_async (account, self->db, password, self->cancellable, on_added,
                        g_object_ref (self));
}

/* GObject ---------------------------------------------------------------- */

static void
cd_accounts_page_constructed (GObject *object)
{
  CdAccountsPage *self = CD_ACCOUNTS_PAGE (object);
  g_autoptr (GError) error = NULL;

  G_OBJECT_CLASS (cd_accounts_page_parent_class)->constructed (object);

  self->db = cd_sync_db_open (self->store, &error);
  if (self->db == NULL)
    set_status (self, error->message, TRUE);
  refresh (self);
}

static void
cd_accounts_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CdAccountsPage *self = CD_ACCOUNTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_TOAST_WINDOW:
      /* Weak: the window holds the page. */
      g_set_weak_pointer (&self->toast_window, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_accounts_page_dispose (GObject *object)
{
  CdAccountsPage *self = CD_ACCOUNTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->toast_window);
  g_clear_object (&self->db);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_ACCOUNTS_PAGE);

  G_OBJECT_CLASS (cd_accounts_page_parent_class)->dispose (object);
}

static void
cd_accounts_page_class_init (CdAccountsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cd_accounts_page_constructed;
  object_class->set_property = cd_accounts_page_set_property;
  object_class->dispose = cd_accounts_page_dispose;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, CD_TYPE_STORE,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOAST_WINDOW] =
      g_param_spec_object ("toast-window", NULL, NULL, ADW_TYPE_PREFERENCES_WINDOW,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resource bundle registers itself from a constructor, but only when
   * the linker keeps it out of the static library: referring to it does. */
  g_assert (cd_ui_get_resource () != NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cd-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CdAccountsPage, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, CdAccountsPage, empty_row);
  gtk_widget_class_bind_template_child (widget_class, CdAccountsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CdAccountsPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, CdAccountsPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, CdAccountsPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, CdAccountsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CdAccountsPage, status);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
cd_accounts_page_init (CdAccountsPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  cd_a11y_fix_names (GTK_WIDGET (self));
}

/**
 * cd_accounts_page_new:
 * @store: the article store; the accounts live in its file
 * @toast_window: (nullable): the preferences window the page is for, which
 *   shows the page's toasts; without one, the page says what happened in
 *   its own status line
 *
 * Returns: (transfer floating): the page, for adw_preferences_window_add()
 */
CdAccountsPage *
cd_accounts_page_new (CdStore              *store,
                      AdwPreferencesWindow *toast_window)
{
  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (toast_window == NULL || ADW_IS_PREFERENCES_WINDOW (toast_window), NULL);

  return g_object_new (CD_TYPE_ACCOUNTS_PAGE, "store", store, "toast-window", toast_window, NULL);
}
