/* cd-window-publish.c: Publish, Schedule and Update from the window, the
 * corrections, and the bar that shows the desk's status beside the site's.
 *
 * Publishing is a deliberate act: win.publish reads what it needs on a
 * worker thread (the check errors, the account a publish goes to), asks
 * in an AdwMessageDialog that names the site and the time (in the zone
 * the embargo was given in and in UTC), and only then runs the engine's
 * publish in its GTask worker (cd_sync_engine_publish_async()); the main
 * loop never waits on the checks, the database or the network. Check
 * errors need a reason typed into the dialog; a publish whose time
 * passed while the site could not be reached asks before it goes out
 * late; a new slug on a live post asks again, saying that links break.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-article-row.h"
#include "cd-check.h"
#include "cd-corrections.h"
#include "cd-document.h"
#include "cd-metadata.h"
#include "cd-publish-bar.h"
#include "cd-sync-publish.h"
#include "cd-window-private.h"

/* What the bar and the dialog need from the database, read in a thread. */
typedef struct
{
  char      *uuid;
  CdArticle *article;
  gboolean   for_dialog; /* the checks run only before a publish */

  char      *account;
  char      *url;
  gboolean   staged;
  GPtrArray *blockers;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_free (lookup->uuid);
  g_clear_object (&lookup->article);
  g_free (lookup->account);
  g_free (lookup->url);
  g_clear_pointer (&lookup->blockers, g_ptr_array_unref);
  g_free (lookup);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lookup, lookup_free)

static void
lookup_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CdStore *store = source_object;
  Lookup  *lookup = task_data;

  g_assert (CD_IS_STORE (store));
  g_assert (lookup != NULL);

  /* The stored article is what a publish sends and what the site's
   * status was recorded in. */
  {
    g_autoptr (CdArticle) stored = cd_store_get_article (store, lookup->uuid, NULL);

    if (stored != NULL)
      g_set_object (&lookup->article, stored);
  }
  lookup->account = cd_sync_publish_target (store, lookup->uuid, &lookup->url, NULL);
  lookup->staged = cd_sync_has_staged_update (store, lookup->uuid, NULL);
  if (lookup->for_dialog)
    lookup->blockers = cd_sync_publish_blockers (store, lookup->article);
  g_task_return_boolean (task, TRUE);
}

static void
start_lookup (CdWindow           *self,
              gboolean            for_dialog,
              GAsyncReadyCallback callback)
{
  g_autoptr (GTask) task = NULL;
  CdArticle *article;
  Lookup    *lookup;

  g_assert (CD_IS_WINDOW (self));
  g_assert (self->document != NULL);

  article = cd_document_get_article (self->document);
  lookup = g_new0 (Lookup, 1);
  lookup->uuid = g_strdup (cd_article_get_uuid (article));
  lookup->article = cd_article_copy (article);
  lookup->for_dialog = for_dialog;
  task = g_task_new (self->store, self->cancellable, callback, g_object_ref (self));
  g_task_set_source_tag (task, start_lookup);
  g_task_set_task_data (task, lookup, (GDestroyNotify) lookup_free);
  g_task_run_in_thread (task, lookup_worker);
}

/* The lookup of a finished task, or %NULL when it was cancelled or the
 * window moved to another article meanwhile. */
static Lookup *
finish_lookup (CdWindow     *self,
               GAsyncResult *result)
{
  Lookup *lookup = g_task_get_task_data (G_TASK (result));

  g_assert (CD_IS_WINDOW (self));

  if (!g_task_propagate_boolean (G_TASK (result), NULL) || self->document == NULL ||
      g_strcmp0 (cd_article_get_uuid (cd_document_get_article (self->document)), lookup->uuid) !=
          0)
    return NULL;
  return lookup;
}

static void
bar_lookup_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (CdWindow) self = user_data;
  Lookup *lookup = finish_lookup (self, result);

  if (lookup == NULL)
    return;
  cd_publish_bar_update (cd_metadata_get_publish_bar (self->metadata), lookup->article,
                         lookup->account, lookup->staged);
}

/**
 * _cd_window_update_publish:
 *
 * Shows the open article's statuses in the publish bar and lets Publish
 * run when an article is open. Called with the other actions.
 */
void
_cd_window_update_publish (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-correction", self->document != NULL);
  if (self->document == NULL)
    {
      cd_publish_bar_update (cd_metadata_get_publish_bar (self->metadata), NULL, NULL, FALSE);
      return;
    }
  start_lookup (self, FALSE, bar_lookup_cb);
}

static void
store_changed_cb (CdWindow           *self,
                  CdStoreChangeReason reason,
                  const char *const  *uuids,
                  CdStore            *store)
{
  g_assert (CD_IS_WINDOW (self));

  if (self->document != NULL &&
      (uuids[0] == NULL ||
       g_strv_contains (uuids, cd_article_get_uuid (cd_document_get_article (self->document)))))
    start_lookup (self, FALSE, bar_lookup_cb);
}

void
_cd_window_setup_publish (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  g_signal_connect_object (self->store, "articles-changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
show_refusal (CdWindow     *self,
              const char   *heading,
              const GError *error)
{
  AdwMessageDialog *dialog;

  g_assert (CD_IS_WINDOW (self));
  g_assert (error != NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One publish on its way: what was asked, for the dialogs that follow. */
typedef struct
{
  CdWindow      *window;
  char          *uuid;
  char          *account;
  GDateTime     *at;
  CdPublishFlags flags;
  char          *reason;
  CdPublishMode  mode;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->window);
  g_free (request->uuid);
  g_free (request->account);
  g_clear_pointer (&request->at, g_date_time_unref);
  g_free (request->reason);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void run_request (Request *request);

static void
slug_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  Request          *request)
{
  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));

  g_signal_handlers_disconnect_by_func (dialog, slug_response_cb, request);
  if (g_str_equal (response, "change-slug"))
    {
      request->flags |= CD_PUBLISH_FORCE_SLUG;
      run_request (request);
      return;
    }
  request_free (request);
}

static void
publish_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (Request) request = user_data;
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  CdWindow        *self = request->window;

  post = cd_sync_engine_publish_finish (CD_SYNC_ENGINE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, CD_SYNC_ERROR, CD_SYNC_ERROR_SLUG))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
          adw_message_dialog_new (GTK_WINDOW (self), _ ("Change the Story’s Address?"),
                                  error->message));

      adw_message_dialog_add_responses (dialog, "cancel", _ ("_Keep the Address"), "change-slug",
                                        _ ("_Change It, Links Break"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "change-slug",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (slug_response_cb),
                        g_steal_pointer (&request));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (g_error_matches (error, CD_SYNC_ERROR, CD_SYNC_ERROR_QUEUED))
    {
      cd_window_add_toast (self, _cd_toast_new (error->message));
      return;
    }
  if (post == NULL)
    {
      show_refusal (self,
                    request->mode == CD_PUBLISH_MODE_UPDATE ? _ ("Not Updated")
                                                            : _ ("Not Published"),
                    error);
      return;
    }
  switch (request->mode)
    {
    case CD_PUBLISH_MODE_UPDATE:
      message = g_strdup_printf (_ ("The live story on %s is updated."), request->account);
      break;
    case CD_PUBLISH_MODE_SCHEDULE:
      message = g_strdup_printf (_ ("Scheduled on %s."), request->account);
      break;
    case CD_PUBLISH_MODE_PUBLISH:
    default:
      message = g_strdup_printf (_ ("Published on %s."), request->account);
      break;
    }
  cd_window_add_toast (self, _cd_toast_new (message));
}

static void
run_request (Request *request)
{
  CdWindow *self = request->window;

  g_assert (request != NULL);

  cd_sync_engine_publish_async (self->sync_engine, request->uuid, request->account, request->at,
                                request->flags, request->reason, self->cancellable,
                                publish_done_cb, request);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (entry);

  adw_message_dialog_set_response_enabled (dialog, "publish", !cd_text_is_blank (text));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Request          *request)
{
  GtkWidget *extra = adw_message_dialog_get_extra_child (dialog);

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));

  /* One answer a dialog: the request is handed on or freed here. */
  g_signal_handlers_disconnect_by_func (dialog, confirm_response_cb, request);
  if (!g_str_equal (response, "publish"))
    {
      request_free (request);
      return;
    }
  if (extra != NULL)
    request->reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (extra))));
  run_request (request);
}

/* The heading and body of the confirmation, which name the site and the
 * time. */
static void
describe (Request    *request,
          CdArticle  *article,
          const char *site,
          GDateTime  *now,
          char      **heading,
          char      **body)
{
  g_autofree char *when = NULL;
  const char      *headline = cd_article_row_headline_label (article);

  g_assert (request != NULL);
  g_assert (site != NULL);

  if ((request->flags & CD_PUBLISH_LATE) != 0)
    {
      g_autoptr (GDateTime) at = NULL;
      g_autofree char *was = NULL;

      cd_sync_article_get_queued_publish (article, NULL, &at);
      was = cd_publish_format_time (at);
      when = cd_publish_format_time (now);
      *heading = g_strdup (_ ("Publish Late?"));
      *body = g_strdup_printf (_ ("“%s” was to go live on %s at %s, but the site could not be "
                                  "reached before then. Publish it now, %s?"),
                               headline, site, was, when);
      return;
    }
  switch (request->mode)
    {
    case CD_PUBLISH_MODE_UPDATE:
      *heading = g_strdup (_ ("Update the Live Story?"));
      *body = g_strdup_printf (_ ("The edits staged for “%s” go to its live post on %s. The post "
                                  "keeps its status, its date and its address."),
                               headline, site);
      break;
    case CD_PUBLISH_MODE_SCHEDULE:
      when = cd_publish_format_time (request->at);
      *heading = g_strdup (_ ("Schedule the Story?"));
      *body = g_strdup_printf (_ ("“%s” cannot be published before its embargo, %s; it will be "
                                  "scheduled on %s to go live then."),
                               headline, when, site);
      break;
    case CD_PUBLISH_MODE_PUBLISH:
    default:
      when = cd_publish_format_time (now);
      *heading = g_strdup (_ ("Publish the Story?"));
      *body = g_strdup_printf (_ ("“%s” goes live on %s now, %s."), headline, site, when);
      break;
    }
}

static void
dialog_lookup_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (CdWindow) self = user_data;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (Request) request = NULL;
  g_autofree char  *heading = NULL;
  g_autofree char  *body = NULL;
  g_autofree char  *site = NULL;
  AdwMessageDialog *dialog;
  CdArticle        *article;
  Lookup           *lookup = finish_lookup (self, result);

  if (lookup == NULL)
    return;
  article = lookup->article;
  if (lookup->account == NULL)
    {
      g_autoptr (GError) error =
          g_error_new_literal (CD_SYNC_ERROR, CD_SYNC_ERROR_NO_ACCOUNTS,
                               _ ("There is no site to publish on; add an account in "
                                  "Preferences first."));

      show_refusal (self, _ ("Not Published"), error);
      return;
    }

  request = g_new0 (Request, 1);
  request->window = g_object_ref (self);
  request->uuid = g_strdup (lookup->uuid);
  request->account = g_strdup (lookup->account);
  request->mode = cd_publish_mode_for (article, now);
  if (request->mode == CD_PUBLISH_MODE_SCHEDULE)
    request->at = g_date_time_ref (cd_article_get_embargo (article));
  if (cd_sync_article_publish_is_late (article, now))
    request->flags |= CD_PUBLISH_LATE;
  site = lookup->url != NULL ? g_strdup_printf ("%s (%s)", lookup->account, lookup->url)
                             : g_strdup (lookup->account);
  describe (request, article, site, now, &heading, &body);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (
      dialog, "cancel", _ ("_Cancel"), "publish",
      (request->flags & CD_PUBLISH_LATE) != 0     ? _ ("Publish _Late")
      : request->mode == CD_PUBLISH_MODE_UPDATE   ? _ ("_Update")
      : request->mode == CD_PUBLISH_MODE_SCHEDULE ? _ ("_Schedule")
                                                  : _ ("_Publish"),
      NULL);
  adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (lookup->blockers != NULL && lookup->blockers->len > 0)
    {
      const CdFinding *first = g_ptr_array_index (lookup->blockers, 0);
      g_autofree char *more = NULL;
      GtkWidget       *entry = gtk_entry_new ();

      /* TRANSLATORS: the confirmation's text, then the check errors that
       * stop Publish, with the first one's message */
      more = g_strdup_printf (ngettext ("%s\n\n%u check error stops it: %s. Fix it, or say why "
                                        "it may go out anyway.",
                                        "%s\n\n%u check errors stop it, the first: %s. Fix them, "
                                        "or say why it may go out anyway.",
                                        lookup->blockers->len),
                              body, lookup->blockers->len, first->message);
      adw_message_dialog_set_body (dialog, more);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Reason for publishing anyway"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Reason for publishing anyway"), -1);
      g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
      adw_message_dialog_set_extra_child (dialog, entry);
      adw_message_dialog_set_response_enabled (dialog, "publish", FALSE);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb),
                    g_steal_pointer (&request));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _cd_window_publish_action:
 *
 * win.publish: saves what was typed, then asks (cd-window-publish.c).
 */
void
_cd_window_publish_action (GtkWidget  *widget,
                           const char *name,
                           GVariant   *param)
{
  CdWindow *self = CD_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (self->document == NULL)
    return;
  /* The publish sends what the store has: the typing goes there first. */
  if (!cd_document_flush (self->document, &error))
    {
      show_refusal (self, _ ("Not Published"), error);
      return;
    }
  start_lookup (self, TRUE, dialog_lookup_cb);
}

static void
correction_added_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (CdWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _cd_window_toast_error (self, error);
}

static void
add_correction_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  char  **args = task_data;
  GError *error = NULL;

  if (cd_corrections_add (CD_STORE (source_object), args[0], args[1], &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
correction_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        CdWindow         *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  char **args;

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert (CD_IS_WINDOW (self));

  if (!g_str_equal (response, "add") || self->document == NULL)
    return;
  /* The correction is an edit of its own, saved after the typing. */
  if (!cd_document_flush (self->document, &error))
    {
      _cd_window_toast_error (self, error);
      return;
    }
  args = g_new0 (char *, 3);
  args[0] = g_strdup (cd_article_get_uuid (cd_document_get_article (self->document)));
  args[1] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  task = g_task_new (self->store, self->cancellable, correction_added_cb, g_object_ref (self));
  g_task_set_source_tag (task, correction_response_cb);
  g_task_set_task_data (task, args, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, add_correction_worker);
}

static void
correction_text_changed_cb (GtkEditable      *entry,
                            AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "add",
                                           !cd_text_is_blank (gtk_editable_get_text (entry)));
}

/**
 * _cd_window_add_correction_action:
 *
 * win.add-correction: asks for the text of a dated correction note.
 */
void
_cd_window_add_correction_action (GtkWidget  *widget,
                                  const char *name,
                                  GVariant   *param)
{
  CdWindow         *self = CD_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget        *entry;

  if (self->document == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), _ ("Add a Correction"),
      _ ("The note is dated today and shown at the end of the story; a live story shows it "
         "after its next Update.")));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("What was wrong, and what is right"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Correction"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "add",
                                    _ ("_Add Correction"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (correction_text_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (correction_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
