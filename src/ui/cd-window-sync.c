/* cd-window-sync.c: the window's side of syncing: the sync button and
 * win.sync (Ctrl+Shift+S), toasts for what each sync did, every article's
 * sync state for the library's rows, a banner over an article in conflict
 * and the conflict window (win.resolve-conflict).
 *
 * The window syncs with the engine it was given at construction (the
 * application's, which also syncs by itself when the network comes back
 * and on a timer), else one of its own. Every sync ends with the engine's
 * "finished" signal, whoever started it, and that is where the window
 * learns what happened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-window-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-article-row.h"
#include "cd-conflict-window.h"
#include "cd-merge.h"
#include "cd-sync-button.h"
#include "cd-sync-state.h"
#include "cd-window-private.h"

typedef struct _CdWindowSync CdWindowSync;

struct _CdWindowSync
{
  CdSyncStates *states;
  GCancellable *cancellable;
  GtkWindow    *conflict_window;
  guint         again_id;
  char         *reported_error; /* the states' read error last shown */

  guint manual : 1; /* the person asked for the sync under way */
  guint again : 1;  /* asked for again while one ran */
};

static void sync_now (CdWindow *self);

static char *
headline_of (CdWindow   *self,
             const char *uuid)
{
  g_autoptr (CdArticle) article = NULL;

  g_assert (CD_IS_WINDOW (self));

  if (uuid != NULL)
    article = cd_store_get_article (self->store, uuid, NULL);
  return g_strdup (cd_article_row_headline_label (article));
}

static guint
count_articles (CdSyncResult *result)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *lists[] = { cd_sync_result_get_pushed (result), cd_sync_result_get_pulled (result) };

  g_assert (result != NULL);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        CdSyncItem *item = g_ptr_array_index (lists[l], i);

        if (item->uuid != NULL)
          g_hash_table_add (seen, item->uuid);
      }
  return g_hash_table_size (seen);
}

static void
add_toast (CdWindow   *self,
           const char *title,
           int         priority)
{
  AdwToast *toast = _cd_toast_new (title);

  g_assert (CD_IS_WINDOW (self));

  adw_toast_set_priority (toast, priority);
  cd_window_add_toast (self, toast);
}

/* One toast for what went wrong, one for what went right; a conflict's
 * toast opens the conflict. */
static void
show_result (CdWindow     *self,
             CdSyncResult *result,
             gboolean      manual)
{
  GPtrArray *conflicts = cd_sync_result_get_conflicts (result);
  GPtrArray *errors = cd_sync_result_get_errors (result);
  GPtrArray *queued = cd_sync_result_get_queued (result);
  guint      synced = count_articles (result);

  g_assert (CD_IS_WINDOW (self));
  g_assert (result != NULL);

  if (errors->len > 0)
    {
      CdSyncItem      *item = g_ptr_array_index (errors, 0);
      g_autofree char *first = NULL;
      g_autofree char *title = NULL;

      if (item->uuid != NULL)
        {
          g_autofree char *headline = headline_of (self, item->uuid);

          /* Translators: an article's headline, then why it did not sync */
          first = g_strdup_printf (_ ("“%s” not synced: %s"), headline, item->message);
        }
      else
        /* What concerns a whole account names it already. */
        first = g_strdup (item->message);
      if (errors->len > 1)
        /* Translators: the first error, then how many more there are */
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (and %u more error)",
                                              "%s (and %u more errors)", errors->len - 1),
                                 first, errors->len - 1);
      else
        title = g_steal_pointer (&first);
      add_toast (self, title, ADW_TOAST_PRIORITY_HIGH);
    }

  if (conflicts->len > 0)
    {
      CdSyncItem      *item = g_ptr_array_index (conflicts, 0);
      g_autofree char *headline = headline_of (self, item->uuid);
      g_autofree char *title = NULL;
      AdwToast        *toast;

      if (conflicts->len == 1)
        /* Translators: the headline of the article in conflict */
        title = g_strdup_printf (_ ("1 conflict: “%s”"), headline);
      else
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict, first “%s”",
                                              "%u conflicts, first “%s”", conflicts->len),
                                 conflicts->len, headline);
      toast = _cd_toast_new (title);
      adw_toast_set_button_label (toast, _ ("_Resolve"));
      adw_toast_set_action_name (toast, "win.resolve-conflict");
      adw_toast_set_action_target (toast, "s", item->uuid);
      /* It goes by itself like any toast: the banner over the article and
       * the row's badge keep saying there is a conflict for as long as
       * there is one, and a toast left up would hide the ones after it. */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      cd_window_add_toast (self, toast);
    }

  if (queued->len > 0 && errors->len == 0)
    add_toast (self, _ ("Offline: changes are queued"), ADW_TOAST_PRIORITY_NORMAL);
  else if (synced > 0)
    {
      g_autofree char *title =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article synced",
                                        "%u articles synced", synced),
                           synced);

      add_toast (self, title, ADW_TOAST_PRIORITY_NORMAL);
    }
  else if (manual && cd_sync_result_is_clean (result))
    add_toast (self, _ ("Everything is up to date"), ADW_TOAST_PRIORITY_NORMAL);
}

/* A sync may have changed the open article in the store (pulled, or
 * merged with a pull). An unedited document follows the store's
 * announcement like any other change (see cd-window.c). Typing that went
 * on during the sync is written now: the document's save merges it with
 * what came in against the article it was typed on, so neither side is
 * lost, and says so when both changed the same lines (see cd-window-save.c). */
static void
merge_typing (CdWindow *self)
{
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_WINDOW (self));

  if (self->document != NULL && cd_document_get_dirty (self->document) &&
      !cd_document_flush (self->document, &error))
    add_toast (self, error->message, ADW_TOAST_PRIORITY_HIGH);
}

static gboolean
sync_again_cb (gpointer data)
{
  CdWindow *self = data;

  self->sync->again_id = 0;
  self->sync->again = FALSE;
  sync_now (self);
  return G_SOURCE_REMOVE;
}

/* What is typed goes out with the sync. */
static void
engine_syncing_cb (CdWindow     *self,
                   GParamSpec   *pspec,
                   CdSyncEngine *engine)
{
  CdWindowSync *sync = self->sync;
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_WINDOW (self));
  g_assert (CD_IS_SYNC_ENGINE (engine));

  if (!cd_sync_engine_get_syncing (engine))
    {
      if (sync->again && sync->again_id == 0)
        sync->again_id = g_idle_add (sync_again_cb, self);
      return;
    }
  if (self->document == NULL)
    return;
  if (!cd_document_flush (self->document, &error))
    g_warning ("Could not save the article before syncing: %s", error->message);
}

static void
engine_finished_cb (CdWindow     *self,
                    CdSyncResult *result,
                    const char   *message,
                    CdSyncEngine *engine)
{
  CdWindowSync *sync = self->sync;
  gboolean      manual = sync->manual;

  g_assert (CD_IS_WINDOW (self));
  g_assert (CD_IS_SYNC_ENGINE (engine));

  sync->manual = FALSE;
  if (result != NULL)
    {
      show_result (self, result, manual);
      merge_typing (self);
    }
  else if (message != NULL && manual)
    add_toast (self, message, ADW_TOAST_PRIORITY_HIGH);
}

static void
sync_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GWeakRef *ref = data;
  g_autoptr (CdWindow) self = g_weak_ref_get (ref);
  g_autoptr (CdSyncResult) sync_result = NULL;
  g_autoptr (GError) error = NULL;

  g_assert (G_IS_OBJECT (source));
  g_assert (G_IS_ASYNC_RESULT (result));

  g_weak_ref_clear (ref);
  g_free (ref);
  /* The outcome reaches the window through "finished". */
  sync_result = cd_sync_engine_sync_finish (CD_SYNC_ENGINE (source), result, &error);
  if (self == NULL || self->sync == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
}

static void
sync_now (CdWindow *self)
{
  CdWindowSync *sync = self->sync;
  GWeakRef     *ref;

  g_assert (CD_IS_WINDOW (self));

  if (cd_sync_engine_get_syncing (self->sync_engine))
    {
      /* An automatic sync runs: another follows it for what the person
       * just did (see engine_syncing_cb). */
      sync->again = TRUE;
      return;
    }
  /* With no account, the way to add one is in this app's Preferences, not
   * the command line the engine's own message names. */
  if (!cd_sync_states_get_loading (sync->states) && !cd_sync_states_has_accounts (sync->states))
    {
      AdwToast *toast = _cd_toast_new (_ ("There is no account to sync with yet"));

      adw_toast_set_button_label (toast, _ ("_Add Account…"));
      adw_toast_set_action_name (toast, "app.preferences");
      cd_window_add_toast (self, toast);
      return;
    }
  sync->manual = TRUE;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  cd_sync_engine_sync_async (self->sync_engine, NULL, sync->cancellable, sync_done_cb, ref);
}

static void
sync_activate_cb (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  g_assert (G_IS_SIMPLE_ACTION (action));

  sync_now (CD_WINDOW (data));
}

static void
conflict_resolved_cb (CdWindow   *self,
                      const char *uuid,
                      const char *account)
{
  g_assert (CD_IS_WINDOW (self));

  /* The store has the settled article: the editor shows it, and a sync
   * pushes it. */
  if (self->document != NULL && g_strcmp0 (cd_article_get_uuid (cd_document_get_article (self->document)), uuid) == 0)
    {
      cd_window_close_article (self);
      cd_window_open_article (self, uuid, NULL);
    }
  sync_now (self);
}

/* The account @uuid is in conflict with, from the core's sync state. */
static char *
find_conflict_account (CdWindow   *self,
                       const char *uuid)
{
  g_autoptr (CdSyncStatus) status = cd_sync_get_status (self->store, uuid, NULL);

  g_assert (CD_IS_WINDOW (self));
  g_assert (uuid != NULL);

  if (status == NULL || cd_sync_status_get_state (status) != CD_SYNC_STATUS_CONFLICT)
    return NULL;
  return g_strdup (cd_sync_status_get_account (status));
}

/**
 * cd_window_show_conflict:
 * @uuid: (nullable): an article in conflict, or %NULL for the open one
 *
 * Opens the conflict window for @uuid, after saving what was typed.
 *
 * Returns: (transfer none) (nullable): the conflict window, or %NULL when
 *   the article has no conflict (a toast says so)
 */
GtkWindow *
cd_window_show_conflict (CdWindow   *self,
                         const char *uuid)
{
  CdWindowSync    *sync;
  g_autofree char *account = NULL;
  g_autoptr (GError) error = NULL;
  CdConflictWindow *window;

  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);

  sync = self->sync;
  if (uuid == NULL || *uuid == '\0')
    {
      if (self->document == NULL)
        return NULL;
      uuid = cd_article_get_uuid (cd_document_get_article (self->document));
    }
  if (sync->conflict_window != NULL)
    gtk_window_destroy (sync->conflict_window);

  if (self->document != NULL && !cd_document_flush (self->document, &error))
    {
      add_toast (self, error->message, ADW_TOAST_PRIORITY_HIGH);
      return NULL;
    }
  account = find_conflict_account (self, uuid);
  if (account == NULL)
    {
      add_toast (self, _ ("This article has no conflict to resolve"), ADW_TOAST_PRIORITY_NORMAL);
      return NULL;
    }
  window = cd_conflict_window_new (GTK_WINDOW (self), self->sync_engine, uuid, account, &error);
  if (window == NULL)
    {
      add_toast (self, error->message, ADW_TOAST_PRIORITY_HIGH);
      return NULL;
    }
  sync->conflict_window = GTK_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &sync->conflict_window);
  g_signal_connect_object (window, "resolved", G_CALLBACK (conflict_resolved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* win.resolve-conflict names the article; win.resolve-open-conflict takes
 * no parameter and means the open one. */
static void
resolve_activate_cb (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       data)
{
  g_assert (G_IS_SIMPLE_ACTION (action));

  cd_window_show_conflict (CD_WINDOW (data),
                           param != NULL ? g_variant_get_string (param, NULL) : NULL);
}

static CdSyncState
open_article_state (CdWindow    *self,
                    const char **account)
{
  g_assert (CD_IS_WINDOW (self));

  if (self->document == NULL || self->sync == NULL)
    return CD_SYNC_STATE_NONE;
  return cd_sync_states_lookup (self->sync->states,
                                cd_article_get_uuid (cd_document_get_article (self->document)),
                                account, NULL);
}

/**
 * _cd_window_open_article_in_conflict:
 *
 * Returns: whether the open article is in conflict, for the actions
 */
gboolean
_cd_window_open_article_in_conflict (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  return open_article_state (self, NULL) == CD_SYNC_STATE_CONFLICT;
}

/* The banner over an article in conflict follows the open article and its
 * sync state. */
static void
update_banner (CdWindow *self)
{
  const char *account = NULL;
  CdSyncState state;

  g_assert (CD_IS_WINDOW (self));

  state = open_article_state (self, &account);
  if (state == CD_SYNC_STATE_CONFLICT)
    {
      g_autofree char *text =
          g_strdup_printf (_ ("This article was also changed on %s. Choose what to keep before it "
                              "syncs again."),
                           account);

      gtk_label_set_text (self->sync_banner_label, text);
    }
  gtk_revealer_set_reveal_child (self->sync_banner, state == CD_SYNC_STATE_CONFLICT);
}

/* A read of the sync states that failed (damaged sync records) is said
 * once in a toast that stays, and again only when the reason changes. */
static void
report_states_error (CdWindow *self)
{
  const GError *error = cd_sync_states_get_error (self->sync->states);
  AdwToast     *toast;

  g_assert (CD_IS_WINDOW (self));

  if (error == NULL || g_strcmp0 (error->message, self->sync->reported_error) == 0)
    {
      if (error == NULL)
        g_clear_pointer (&self->sync->reported_error, g_free);
      return;
    }
  g_free (self->sync->reported_error);
  self->sync->reported_error = g_strdup (error->message);
  toast = _cd_toast_new (error->message);
  adw_toast_set_timeout (toast, 0);
  cd_window_add_toast (self, toast);
}

static void
sync_states_changed_cb (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  report_states_error (self);
  update_banner (self);
  _cd_window_update_actions (self);
}

/* A save of the open article queues it for the next sync; its row says so
 * at once, before the states are read again. */
static void
document_saved_cb (CdWindow   *self,
                   int         reason,
                   CdDocument *document)
{
  g_assert (CD_IS_WINDOW (self));
  g_assert (CD_IS_DOCUMENT (document));

  if (self->sync == NULL)
    return;
  cd_sync_states_mark_pending (self->sync->states,
                               cd_article_get_uuid (cd_document_get_article (document)));
}

void
_cd_window_setup_sync (CdWindow *self)
{
  CdWindowSync *sync = g_new0 (CdWindowSync, 1);
  GActionEntry  entries[] = {
     {"sync",                   sync_activate_cb,    NULL, NULL, NULL, { 0 }},
     { "resolve-conflict",      resolve_activate_cb, "s",  NULL, NULL, { 0 }},
     { "resolve-open-conflict", resolve_activate_cb, NULL, NULL, NULL, { 0 }},
  };

  g_assert (CD_IS_WINDOW (self));

  self->sync = sync;
  sync->states = cd_sync_states_new (self->store);
  sync->cancellable = g_cancellable_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  cd_sync_button_set_engine (CD_SYNC_BUTTON (self->sync_button), self->sync_engine);
  cd_library_set_sync_states (self->library, sync->states);

  g_signal_connect_object (self->sync_engine, "finished", G_CALLBACK (engine_finished_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync_engine, "notify::syncing", G_CALLBACK (engine_syncing_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sync->states, "changed", G_CALLBACK (sync_states_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "saved", G_CALLBACK (document_saved_cb),
                                 self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::document", G_CALLBACK (update_banner), NULL);
  cd_sync_states_refresh (sync->states);
}

void
_cd_window_dispose_sync (CdWindow *self)
{
  CdWindowSync *sync = self->sync;

  g_assert (CD_IS_WINDOW (self));

  if (sync == NULL)
    return;
  self->sync = NULL;
  if (sync->conflict_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (sync->conflict_window),
                                    (gpointer *) &sync->conflict_window);
      gtk_window_destroy (sync->conflict_window);
    }
  g_clear_handle_id (&sync->again_id, g_source_remove);
  g_cancellable_cancel (sync->cancellable);
  if (self->sync_engine != NULL)
    g_signal_handlers_disconnect_by_data (self->sync_engine, self);
  g_clear_object (&sync->cancellable);
  g_clear_object (&sync->states);
  g_free (sync->reported_error);
  g_free (sync);
}

/**
 * cd_window_get_sync_engine:
 *
 * Returns: (transfer none): the engine the window syncs with
 */
CdSyncEngine *
cd_window_get_sync_engine (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->sync_engine;
}

/**
 * cd_window_get_sync_states:
 *
 * Returns: (transfer none) (nullable): every article's sync state, for the
 *   library's rows
 */
CdSyncStates *
cd_window_get_sync_states (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->sync != NULL ? self->sync->states : NULL;
}
