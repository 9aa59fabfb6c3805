/* cd-featured-image.c: the article's featured image in the details: a
 * thumbnail, Choose… and Remove, alt text, caption and credit.
 *
 * The article's `image` field holds the stored image's id; its alt text,
 * caption and credit are the article's image_alt, image_caption and
 * image_credit, written as they are typed, like every other field. Choose…
 * goes through the file chooser portal and stores the file on a worker
 * thread; the thumbnail is decoded there too, scaled down, so a huge photo
 * never stalls the window. A file the store refuses is reported through
 * the ::error signal, and the article keeps its image.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-featured-image"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-featured-image.h"
#include "cd-file-chooser.h"
#include "cd-image-import.h"
#include "cd-ui-util.h"

struct _CdFeaturedImage
{
  GtkWidget parent_instance;

  CdStore      *store;
  CdArticle    *article;
  gulong        notify_id;
  GCancellable *thumbnail_cancellable;
  GCancellable *import_cancellable;
  char         *shown_id; /* the image the thumbnail is of, or is being made of */

  GtkStack   *thumbnail_stack;
  GtkPicture *picture;
  GtkWidget  *remove_button;
  GtkWidget  *alt_entry;
  GtkWidget  *caption_entry;
  GtkWidget  *credit_entry;

  guint loading : 1;
};

G_DEFINE_FINAL_TYPE (CdFeaturedImage, cd_featured_image, GTK_TYPE_WIDGET)

enum
{
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The field each entry edits. */
static const char *
entry_field (CdFeaturedImage *self,
             GtkWidget       *entry)
{
  g_assert (CD_IS_FEATURED_IMAGE (self));

  if (entry == self->alt_entry)
    return "image_alt";
  if (entry == self->caption_entry)
    return "image_caption";
  return "image_credit";
}

static void
thumbnail_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CdFeaturedImage *self = user_data;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;

  texture = cd_image_thumbnail_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_assert (CD_IS_FEATURED_IMAGE (self));
  if (texture == NULL)
    {
      /* A type the thumbnailer cannot decode still has its fields. */
      g_debug ("No thumbnail of %s: %s", self->shown_id, error->message);
      gtk_stack_set_visible_child_name (self->thumbnail_stack, "empty");
      return;
    }
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->thumbnail_stack, "picture");
}

static void
load_thumbnail (CdFeaturedImage *self)
{
  const char *id = self->article != NULL ? cd_article_get_image (self->article) : NULL;

  g_assert (CD_IS_FEATURED_IMAGE (self));

  if (!cd_image_id_is_valid (id))
    id = NULL;
  gtk_widget_set_sensitive (self->remove_button, self->article != NULL && id != NULL);
  if (g_strcmp0 (id, self->shown_id) == 0)
    return;
  g_free (self->shown_id);
  self->shown_id = g_strdup (id);
  g_cancellable_cancel (self->thumbnail_cancellable);
  g_clear_object (&self->thumbnail_cancellable);
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_stack_set_visible_child_name (self->thumbnail_stack, "empty");
  if (id == NULL || self->store == NULL)
    return;
  self->thumbnail_cancellable = g_cancellable_new ();
  cd_image_thumbnail_async (self->store, id, CD_FEATURED_IMAGE_THUMBNAIL_SIZE,
                            self->thumbnail_cancellable, thumbnail_cb, self);
}

static void
load (CdFeaturedImage *self)
{
  CdArticle *article = self->article;

  g_assert (CD_IS_FEATURED_IMAGE (self));

  self->loading = TRUE;
  _cd_editable_load_text (self->alt_entry,
                          article != NULL ? cd_article_get_image_alt (article) : NULL);
  _cd_editable_load_text (self->caption_entry,
                          article != NULL ? cd_article_get_image_caption (article) : NULL);
  _cd_editable_load_text (self->credit_entry,
                          article != NULL ? cd_article_get_image_credit (article) : NULL);
  self->loading = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), article != NULL);
  load_thumbnail (self);
}

static void
article_notify_cb (CdFeaturedImage *self,
                   GParamSpec      *pspec)
{
  g_assert (CD_IS_FEATURED_IMAGE (self));

  if (g_str_has_prefix (pspec->name, "image"))
    load (self);
}

/* A value the article refuses is reported by ::error. */
static gboolean
set_field (CdFeaturedImage *self,
           const char      *field,
           const char      *value)
{
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_FEATURED_IMAGE (self));
  g_assert (self->article != NULL);

  if (cd_article_set_field (self->article, field, value, &error))
    return TRUE;
  g_signal_emit (self, signals[ERROR], 0, error->message);
  return FALSE;
}

static void
entry_changed_cb (CdFeaturedImage *self,
                  GtkEditable     *entry)
{
  g_assert (CD_IS_FEATURED_IMAGE (self));
  g_assert (GTK_IS_EDITABLE (entry));

  if (self->loading || self->article == NULL)
    return;
  set_field (self, entry_field (self, GTK_WIDGET (entry)), gtk_editable_get_text (entry));
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CdFeaturedImage *self = user_data;
  g_autoptr (CdImageInfo) info = NULL;
  g_autoptr (GError) error = NULL;

  info = cd_image_import_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_assert (CD_IS_FEATURED_IMAGE (self));
  g_clear_object (&self->import_cancellable);
  if (info == NULL)
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return;
    }
  if (self->article == NULL || !set_field (self, "image", cd_image_info_get_id (info)))
    return;
  /* A new picture is described at once. */
  gtk_widget_grab_focus (self->alt_entry);
}

/**
 * cd_featured_image_set_file:
 * @file: a picture
 *
 * Stores @file and makes it the article's featured image, as Choose…
 * does with the chosen file. A file the store refuses is reported by
 * ::error and changes nothing.
 */
void
cd_featured_image_set_file (CdFeaturedImage *self,
                            GFile           *file)
{
  g_return_if_fail (CD_IS_FEATURED_IMAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL);

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  cd_image_import_file_async (self->store, file, self->import_cancellable, import_cb, self);
}

static void
image_chosen_cb (gpointer        owner,
                 GtkFileChooser *chooser,
                 GFile          *file)
{
  cd_featured_image_set_file (CD_FEATURED_IMAGE (owner), file);
}

static void
choose_clicked_cb (CdFeaturedImage *self)
{
  GtkFileChooserNative *chooser;
  GtkRoot              *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (CD_IS_FEATURED_IMAGE (self));

  if (self->article == NULL || self->store == NULL)
    return;
  /* The chooser is transient for the window this widget is in. */
  chooser = cd_image_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  _ ("Choose Featured Image"));
  cd_file_chooser_run (chooser, self, image_chosen_cb);
}

/**
 * cd_featured_image_remove:
 *
 * The article has no featured image any more; its alt text, caption and
 * credit go with it.
 */
void
cd_featured_image_remove (CdFeaturedImage *self)
{
  static const char *const fields[] = { "image", "image_alt", "image_caption", "image_credit" };

  g_return_if_fail (CD_IS_FEATURED_IMAGE (self));

  if (self->article == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    cd_article_set_field (self->article, fields[i], "", NULL);
}

static void
remove_clicked_cb (CdFeaturedImage *self)
{
  g_assert (CD_IS_FEATURED_IMAGE (self));

  cd_featured_image_remove (self);
}

static void
cd_featured_image_dispose (GObject *object)
{
  CdFeaturedImage *self = CD_FEATURED_IMAGE (object);

  g_cancellable_cancel (self->thumbnail_cancellable);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->thumbnail_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_signal_handler (&self->notify_id, self->article);
  g_clear_object (&self->article);
  g_clear_object (&self->store);
  _cd_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_FEATURED_IMAGE);

  G_OBJECT_CLASS (cd_featured_image_parent_class)->dispose (object);
}

static void
cd_featured_image_finalize (GObject *object)
{
  CdFeaturedImage *self = CD_FEATURED_IMAGE (object);

  g_free (self->shown_id);

  G_OBJECT_CLASS (cd_featured_image_parent_class)->finalize (object);
}

static void
cd_featured_image_class_init (CdFeaturedImageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_featured_image_dispose;
  object_class->finalize = cd_featured_image_finalize;

  /**
   * CdFeaturedImage::error:
   * @message: one sentence saying what went wrong
   *
   * A chosen file was refused (not a picture, too big, unreadable) or a
   * field could not be set.
   */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cd-featured-image.ui");
  gtk_widget_class_bind_template_child (widget_class, CdFeaturedImage, thumbnail_stack);
  gtk_widget_class_bind_template_child (widget_class, CdFeaturedImage, picture);
  gtk_widget_class_bind_template_child (widget_class, CdFeaturedImage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, CdFeaturedImage, alt_entry);
  gtk_widget_class_bind_template_child (widget_class, CdFeaturedImage, caption_entry);
  gtk_widget_class_bind_template_child (widget_class, CdFeaturedImage, credit_entry);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cdfeaturedimage");
}

static void
cd_featured_image_init (CdFeaturedImage *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  gtk_widget_init_template (GTK_WIDGET (self));
  load (self);
}

GtkWidget *
cd_featured_image_new (void)
{
  return g_object_new (CD_TYPE_FEATURED_IMAGE, NULL);
}

/**
 * cd_featured_image_set_store:
 * @store: the store the pictures go into and come from
 */
void
cd_featured_image_set_store (CdFeaturedImage *self,
                             CdStore         *store)
{
  g_return_if_fail (CD_IS_FEATURED_IMAGE (self));
  g_return_if_fail (store == NULL || CD_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_pointer (&self->shown_id, g_free);
  load (self);
}

/**
 * cd_featured_image_set_article:
 * @article: (nullable): the article whose featured image to show and edit
 */
void
cd_featured_image_set_article (CdFeaturedImage *self,
                               CdArticle       *article)
{
  g_return_if_fail (CD_IS_FEATURED_IMAGE (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (_cd_follow_object ((gpointer *) &self->article, &self->notify_id, article, "notify",
                         G_CALLBACK (article_notify_cb), self))
    {
      /* A picture still being stored was chosen for the other article. */
      g_cancellable_cancel (self->import_cancellable);
      g_clear_object (&self->import_cancellable);
    }
  load (self);
}

/**
 * cd_featured_image_get_editable:
 * @field: "image_alt", "image_caption" or "image_credit"
 *
 * Returns: (nullable) (transfer none): the entry editing @field
 */
GtkEditable *
cd_featured_image_get_editable (CdFeaturedImage *self,
                                const char      *field)
{
  g_return_val_if_fail (CD_IS_FEATURED_IMAGE (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "image_alt"))
    return GTK_EDITABLE (self->alt_entry);
  if (g_str_equal (field, "image_caption"))
    return GTK_EDITABLE (self->caption_entry);
  if (g_str_equal (field, "image_credit"))
    return GTK_EDITABLE (self->credit_entry);
  return NULL;
}

/**
 * cd_featured_image_get_thumbnail:
 *
 * Returns: (nullable) (transfer none): the thumbnail shown, once decoded
 */
GdkPaintable *
cd_featured_image_get_thumbnail (CdFeaturedImage *self)
{
  g_return_val_if_fail (CD_IS_FEATURED_IMAGE (self), NULL);

  return gtk_picture_get_paintable (self->picture);
}
