/* cd-library.c: the sidebar list of articles, with search, a status
 * filter and the trash.
 *
 * Listings come from the store on its worker thread and replace the list
 * whole; the article open in the editor is shown by its live object, so
 * its row follows typing without a reload. The store and every article's
 * sync state (for the rows' badges) are handed down by the window; when
 * the store announces that articles changed, the library lists them again.
 * The widget tree is in cd-library.ui.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-library"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cd-article-row.h"
#include "cd-library.h"
#include "cd-ui-util.h"

struct _CdLibrary
{
  GtkWidget parent_instance;

  CdStore      *store;
  gulong        store_changed_id;
  CdSyncStates *sync_states;
  CdArticle    *current;
  GCancellable *cancellable;

  /* Template children */
  GListStore         *articles;
  GtkSingleSelection *selection;
  GtkWidget          *search_entry;
  GtkWidget          *status_filter;
  GtkWidget          *stack;
  GtkWidget          *list_view;
  GtkWidget          *empty_page;

  CdStoreSort sort;

  guint trash_mode : 1;
  guint selecting : 1;
  guint loading : 1;
};

G_DEFINE_FINAL_TYPE (CdLibrary, cd_library, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SYNC_STATES,
  PROP_TRASH_MODE,
  PROP_SORT,
  N_PROPS
};

enum
{
  ARTICLE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
update_empty_page (CdLibrary *self)
{
  g_assert (CD_IS_LIBRARY (self));

  const char    *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  AdwStatusPage *page = ADW_STATUS_PAGE (self->empty_page);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) > 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
      return;
    }

  if (*search != '\0' || gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status_filter)) > 0)
    {
      adw_status_page_set_icon_name (page, "edit-find-symbolic");
      adw_status_page_set_title (page, _ ("No Results"));
      adw_status_page_set_description (page, _ ("Try other words or another status."));
    }
  else if (self->trash_mode)
    {
      adw_status_page_set_icon_name (page, "user-trash-symbolic");
      adw_status_page_set_title (page, _ ("Trash Is Empty"));
      adw_status_page_set_description (page, _ ("Deleted articles wait here until restored."));
    }
  else
    {
      /* The editor side already shows a large call to write; the list
       * says so quietly. */
      adw_status_page_set_icon_name (page, NULL);
      adw_status_page_set_title (page, _ ("No Articles"));
      adw_status_page_set_description (page, _ ("Articles you write or import appear here."));
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
}

static void
select_current (CdLibrary *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert (CD_IS_LIBRARY (self));

  for (guint i = 0; self->current != NULL && i < n; i++)
    {
      g_autoptr (CdArticle) article = g_list_model_get_item (G_LIST_MODEL (self->articles), i);

      if (g_strcmp0 (cd_article_get_uuid (article), cd_article_get_uuid (self->current)) == 0)
        {
          position = i;
          break;
        }
    }
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

static void
list_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  CdLibrary *self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;

  g_assert (G_IS_OBJECT (object));
  g_assert (G_IS_ASYNC_RESULT (result));

  found = cd_store_list_articles_finish (CD_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CD_LIBRARY (data);

  if (found == NULL)
    {
      g_warning ("Could not list the articles: %s", error->message);
      found = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* The open article appears as itself, so its row follows the editor. */
  for (guint i = 0; self->current != NULL && i < found->len; i++)
    {
      CdArticle *article = g_ptr_array_index (found, i);

      if (g_strcmp0 (cd_article_get_uuid (article), cd_article_get_uuid (self->current)) == 0)
        {
          g_object_unref (article);
          found->pdata[i] = g_object_ref (self->current);
        }
    }

  self->selecting = TRUE;
  g_list_store_splice (self->articles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->articles)),
                       found->pdata, found->len);
  self->selecting = FALSE;
  select_current (self);
  update_empty_page (self);
  self->loading = FALSE;
}

/* Lists the articles again with the current search, filter and mode. The
 * listing runs on the store's worker thread. */
static void
list_articles (CdLibrary *self)
{
  CdStoreQuery query = { NULL, -1, FALSE, 0, CD_STORE_SORT_MODIFIED };
  guint        status;

  g_assert (CD_IS_LIBRARY (self));

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  query.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  /* Search as you type lists the best matches, ranked; building a row for
   * every article that contains a common word would cost more than the
   * 20 ms a search may take. */
  if (query.search != NULL && *query.search != '\0')
    query.limit = 500;
  status = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status_filter));
  query.status = status == 0 || status == GTK_INVALID_LIST_POSITION ? -1 : (int) status - 1;
  query.trashed = self->trash_mode;
  query.sort = self->sort;
  self->loading = TRUE;
  cd_store_list_articles_async (self->store, &query, self->cancellable, list_ready_cb, self);
}

/* The store announced a commit. A sync-state change is the badges' (they
 * follow the sync states); the open article's own autosave changes nothing
 * the list does not already show, as its row is the open article itself.
 * Anything else lists again. */
static void
store_articles_changed_cb (CdLibrary          *self,
                           CdStoreChangeReason reason,
                           const char *const  *uuids,
                           CdStore            *store)
{
  g_assert (CD_IS_LIBRARY (self));
  g_assert (uuids != NULL);

  if (reason == CD_STORE_CHANGE_SYNC_STATE)
    return;
  if ((reason == CD_STORE_CHANGE_EDIT || reason == CD_STORE_CHANGE_EXTERNAL) &&
      self->current != NULL && uuids[0] != NULL && uuids[1] == NULL &&
      g_str_equal (uuids[0], cd_article_get_uuid (self->current)))
    return;
  list_articles (self);
}

static void
selection_changed_cb (CdLibrary *self)
{
  g_autoptr (CdArticle) article = NULL;

  g_assert (CD_IS_LIBRARY (self));

  if (self->selecting || self->trash_mode)
    return;
  article = gtk_single_selection_get_selected_item (self->selection);
  if (article == NULL)
    return;
  g_object_ref (article);
  if (self->current != NULL &&
      g_strcmp0 (cd_article_get_uuid (article), cd_article_get_uuid (self->current)) == 0)
    return;
  g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, cd_article_get_uuid (article));
}

static void
activate_cb (CdLibrary *self,
             guint      position)
{
  g_autoptr (CdArticle) article = NULL;

  g_assert (CD_IS_LIBRARY (self));

  article = g_list_model_get_item (G_LIST_MODEL (self->articles), position);
  if (article != NULL && !self->trash_mode)
    g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, cd_article_get_uuid (article));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CdLibrary                *self)
{
  g_assert (GTK_IS_LIST_ITEM (item));
  g_assert (CD_IS_LIBRARY (self));

  gtk_list_item_set_child (item, cd_article_row_new (self->sync_states));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CdLibrary                *self)
{
  CdArticleRow *row = CD_ARTICLE_ROW (gtk_list_item_get_child (item));

  g_assert (CD_IS_LIBRARY (self));

  cd_article_row_set_article (row, gtk_list_item_get_item (item));
  cd_article_row_set_trashed (row, self->trash_mode);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CdLibrary                *self)
{
  g_assert (GTK_IS_LIST_ITEM (item));

  cd_article_row_set_article (CD_ARTICLE_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Delete in the list moves the open (selected) article to the trash. */
static gboolean
delete_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   data)
{
  CdLibrary *self = CD_LIBRARY (widget);

  g_assert (CD_IS_LIBRARY (self));

  if (self->trash_mode || self->current == NULL)
    return FALSE;
  return gtk_widget_activate_action (widget, "win.trash-article", NULL);
}

static void
cd_library_dispose (GObject *object)
{
  CdLibrary *self = CD_LIBRARY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* This also unparents the filters' box, which has no name in the
   * template. */
  _cd_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_LIBRARY);
  g_clear_object (&self->current);
  g_clear_object (&self->sync_states);
  g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cd_library_parent_class)->dispose (object);
}

static void
cd_library_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CdLibrary *self = CD_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SYNC_STATES:
      g_value_set_object (value, self->sync_states);
      break;
    case PROP_TRASH_MODE:
      g_value_set_boolean (value, self->trash_mode);
      break;
    case PROP_SORT:
      g_value_set_string (value, cd_store_sort_to_string (self->sort));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_library_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CdLibrary *self = CD_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cd_library_set_store (self, g_value_get_object (value));
      break;
    case PROP_SYNC_STATES:
      cd_library_set_sync_states (self, g_value_get_object (value));
      break;
    case PROP_TRASH_MODE:
      cd_library_set_trash_mode (self, g_value_get_boolean (value));
      break;
    case PROP_SORT:
      {
        CdStoreSort sort = CD_STORE_SORT_MODIFIED;

        /* An unknown name (a setting from a later version) is the default. */
        cd_store_sort_from_string (g_value_get_string (value), &sort);
        if (sort != self->sort)
          {
            self->sort = sort;
            list_articles (self);
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_library_class_init (CdLibraryClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_library_dispose;
  object_class->get_property = cd_library_get_property;
  object_class->set_property = cd_library_set_property;

  /**
   * CdLibrary:store:
   *
   * The store the articles are listed from, handed down by the window.
   */
  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, CD_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CdLibrary:sync-states:
   *
   * Every article's sync state, handed to each row for its badge.
   */
  properties[PROP_SYNC_STATES] =
      g_param_spec_object ("sync-states", NULL, NULL, CD_TYPE_SYNC_STATES,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRASH_MODE] =
      g_param_spec_boolean ("trash-mode", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CdLibrary:sort:
   *
   * The order of the list, by name ("modified", "created", "headline",
   * "embargo"; see cd_store_sort_to_string()); a search lists the best
   * matches first whatever it is.
   */
  properties[PROP_SORT] =
      g_param_spec_string ("sort", NULL, NULL, "modified",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* The sort menu's radio items. */
  gtk_widget_class_install_property_action (widget_class, "library.sort", "sort");

  /**
   * CdLibrary::article-activated:
   * @uuid: the article chosen
   *
   * Someone chose an article in the list to open.
   */
  signals[ARTICLE_ACTIVATED] =
      g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_key_cb, NULL);
  gtk_widget_class_set_css_name (widget_class, "cdlibrary");

  g_type_ensure (CD_TYPE_ARTICLE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cd-library.ui");
  gtk_widget_class_bind_template_child (widget_class, CdLibrary, articles);
  gtk_widget_class_bind_template_child (widget_class, CdLibrary, selection);
  gtk_widget_class_bind_template_child (widget_class, CdLibrary, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CdLibrary, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CdLibrary, stack);
  gtk_widget_class_bind_template_child (widget_class, CdLibrary, list_view);
  gtk_widget_class_bind_template_child (widget_class, CdLibrary, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, list_articles);
  gtk_widget_class_bind_template_callback (widget_class, cd_library_focus_list);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

/* Rows are made for the sync states the library has, so new states need
 * new rows. */
static void
set_row_factory (CdLibrary *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_assert (CD_IS_LIBRARY (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->list_view), factory);
}

static gboolean
search_key_pressed_cb (CdLibrary      *self,
                       guint           keyval,
                       guint           keycode,
                       GdkModifierType state)
{
  g_assert (CD_IS_LIBRARY (self));

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  cd_library_focus_list (self);
  return TRUE;
}

static void
cd_library_init (CdLibrary *self)
{
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (statuses, _ ("All Statuses"));
  for (guint s = 0; s < CD_ARTICLE_N_STATUSES; s++)
    gtk_string_list_append (statuses, cd_article_row_status_label (s));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->status_filter), G_LIST_MODEL (statuses));
  g_signal_connect_swapped (self->status_filter, "notify::selected", G_CALLBACK (list_articles),
                            self);
  /* Down from the search goes to the results, not to the status filter
   * that happens to sit below it. */
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
    gtk_widget_add_controller (self->search_entry, keys);
  }
  set_row_factory (self);
  update_empty_page (self);
}

/**
 * cd_library_new:
 * @store: (nullable): the store to list
 * @sync_states: (nullable): every article's sync state, for the rows
 *
 * Returns: (transfer floating): a new library
 */
GtkWidget *
cd_library_new (CdStore      *store,
                CdSyncStates *sync_states)
{
  g_return_val_if_fail (store == NULL || CD_IS_STORE (store), NULL);
  g_return_val_if_fail (sync_states == NULL || CD_IS_SYNC_STATES (sync_states), NULL);

  return g_object_new (CD_TYPE_LIBRARY, "sync-states", sync_states, "store", store, NULL);
}

/**
 * cd_library_set_store:
 * @store: (nullable): the store to list
 *
 * For a library built by a template: its owner hands the store down once
 * it has it.
 */
void
cd_library_set_store (CdLibrary *self,
                      CdStore   *store)
{
  g_return_if_fail (CD_IS_LIBRARY (self));
  g_return_if_fail (store == NULL || CD_IS_STORE (store));

  if (!_cd_follow_object ((gpointer *) &self->store, &self->store_changed_id, store,
                          "articles-changed", G_CALLBACK (store_articles_changed_cb), self))
    return;
  list_articles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * cd_library_set_sync_states:
 * @sync_states: (nullable): every article's sync state, for the rows
 *
 * For a library built by a template: its owner hands the states down once
 * it has them; the rows are made again with them.
 */
void
cd_library_set_sync_states (CdLibrary    *self,
                            CdSyncStates *sync_states)
{
  g_return_if_fail (CD_IS_LIBRARY (self));
  g_return_if_fail (sync_states == NULL || CD_IS_SYNC_STATES (sync_states));

  if (!g_set_object (&self->sync_states, sync_states))
    return;
  set_row_factory (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_STATES]);
}

gboolean
cd_library_get_trash_mode (CdLibrary *self)
{
  g_return_val_if_fail (CD_IS_LIBRARY (self), FALSE);
  return self->trash_mode;
}

/**
 * cd_library_set_trash_mode:
 * @trash_mode: %TRUE lists the trash, whose rows restore instead of open
 */
void
cd_library_set_trash_mode (CdLibrary *self,
                           gboolean   trash_mode)
{
  g_return_if_fail (CD_IS_LIBRARY (self));

  trash_mode = !!trash_mode;
  if (self->trash_mode == trash_mode)
    return;
  self->trash_mode = trash_mode;
  /* Rows are bound again for their Restore buttons. */
  self->selecting = TRUE;
  g_list_store_remove_all (self->articles);
  self->selecting = FALSE;
  list_articles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRASH_MODE]);
}

void
cd_library_set_search (CdLibrary  *self,
                       const char *text)
{
  g_return_if_fail (CD_IS_LIBRARY (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  list_articles (self);
}

/**
 * cd_library_set_status_filter:
 * @status: a #CdArticleStatus, or -1 for every status
 */
void
cd_library_set_status_filter (CdLibrary *self,
                              int        status)
{
  g_return_if_fail (CD_IS_LIBRARY (self));
  g_return_if_fail (status >= -1 && status < CD_ARTICLE_N_STATUSES);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status_filter), status + 1);
}

/**
 * cd_library_set_current:
 * @article: (nullable): the article open in the editor
 *
 * Selects the open article and shows its live object in the list.
 */
void
cd_library_set_current (CdLibrary *self,
                        CdArticle *article)
{
  guint n;

  g_return_if_fail (CD_IS_LIBRARY (self));

  g_set_object (&self->current, article);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  for (guint i = 0; article != NULL && i < n; i++)
    {
      g_autoptr (CdArticle) item = g_list_model_get_item (G_LIST_MODEL (self->articles), i);

      if (item != article &&
          g_strcmp0 (cd_article_get_uuid (item), cd_article_get_uuid (article)) == 0)
        {
          self->selecting = TRUE;
          g_list_store_splice (self->articles, i, 1, (gpointer *) &article, 1);
          self->selecting = FALSE;
          break;
        }
    }
  select_current (self);
}

void
cd_library_focus_search (CdLibrary *self)
{
  g_return_if_fail (CD_IS_LIBRARY (self));
  gtk_widget_grab_focus (self->search_entry);
}

void
cd_library_focus_list (CdLibrary *self)
{
  g_return_if_fail (CD_IS_LIBRARY (self));
  gtk_widget_grab_focus (self->list_view);
}

/**
 * cd_library_get_model:
 *
 * Returns: (transfer none): the listed articles, in list order
 */
GListModel *
cd_library_get_model (CdLibrary *self)
{
  g_return_val_if_fail (CD_IS_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->articles);
}

/**
 * cd_library_get_loading:
 *
 * Returns: whether a listing is under way
 */
gboolean
cd_library_get_loading (CdLibrary *self)
{
  g_return_val_if_fail (CD_IS_LIBRARY (self), FALSE);
  return self->loading;
}
