/* cd-cli-image.c: `copydesk image add`, and the images `show --json`
 * lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cd-cli.h"
#include "cd-image-ref.h"
#include "cd-sync.h"

typedef struct
{
  const char *id;
  char       *alt;
  char       *caption;
  char       *credit;
  gboolean    featured;
} ImagePlacement;

/* Text from the command line may be any bytes; the article keeps UTF-8. */
static char *
valid_or_null (const char *text)
{
  return text != NULL ? g_utf8_make_valid (text, -1) : NULL;
}

/* Appends the image's fence to the body as a paragraph of its own, or
 * makes it the featured image with its texts. */
static gboolean
place_image (CdArticle *article,
             gpointer   user_data,
             GError   **error)
{
  ImagePlacement *placement = user_data;

  g_assert (CD_IS_ARTICLE (article));
  g_assert (placement != NULL);

  if (placement->featured)
    {
      cd_article_set_image (article, placement->id);
      cd_article_set_image_alt (article, placement->alt);
      cd_article_set_image_caption (article, placement->caption);
      cd_article_set_image_credit (article, placement->credit);
    }
  else
    {
      g_autofree char *fence = cd_image_ref_to_fence (placement->id, placement->alt,
                                                      placement->caption, placement->credit);
      g_autofree char *body = g_strdup (cd_article_get_body (article));
      g_autofree char *new_body = NULL;

      g_strchomp (body != NULL ? body : (body = g_strdup ("")));
      new_body = *body != '\0' ? g_strconcat (body, "\n\n", fence, "\n", NULL)
                               : g_strconcat (fence, "\n", NULL);
      cd_article_set_body (article, new_body);
    }
  return TRUE;
}

static int
image_add (CdCli *cli,
           int    argc,
           char **argv)
{
  const char *uuid = NULL, *path = NULL, *alt = NULL, *caption = NULL, *credit = NULL;
  gboolean    featured = FALSE;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdImageInfo) info = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  ImagePlacement placement = { 0 };
  CdStore       *store;
  int            status = CD_EXIT_ERROR;

  for (int i = 2; i < argc; i++)
    {
      const char **slot = NULL;

      if (g_str_equal (argv[i], "--alt"))
        slot = &alt;
      else if (g_str_equal (argv[i], "--caption"))
        slot = &caption;
      else if (g_str_equal (argv[i], "--credit"))
        slot = &credit;
      else if (g_str_equal (argv[i], "--featured"))
        featured = TRUE;
      else if (argv[i][0] != '-' && uuid == NULL)
        uuid = argv[i];
      else if (argv[i][0] != '-' && path == NULL)
        path = argv[i];
      else
        {
          cd_cli_usage_error ("image", "image add does not take “%s”", argv[i]);
          return CD_EXIT_ERROR;
        }
      if (slot != NULL)
        {
          if (i + 1 >= argc)
            {
              cd_cli_usage_error ("image", "%s needs a TEXT after it", argv[i]);
              return CD_EXIT_ERROR;
            }
          *slot = argv[++i];
        }
    }
  if (uuid == NULL || path == NULL)
    {
      cd_cli_usage_error ("image", "image add needs the article's uuid and the image file");
      return CD_EXIT_ERROR;
    }
  if (alt == NULL)
    {
      cd_cli_printerr ("image add needs --alt TEXT, a description of the picture for readers "
                       "who cannot see it.");
      return CD_EXIT_ERROR;
    }

  if ((store = cd_cli_get_store (cli)) == NULL)
    return CD_EXIT_ERROR;
  if ((article = cd_cli_get_article_to_change (store, uuid)) == NULL)
    return CD_EXIT_ERROR;
  file = g_file_new_for_commandline_arg (path);
  if ((info = cd_store_add_image_file (store, file, &error)) == NULL)
    {
      cd_cli_printerr ("%s", error->message);
      return CD_EXIT_ERROR;
    }

  placement.id = cd_image_info_get_id (info);
  placement.alt = valid_or_null (alt);
  placement.caption = valid_or_null (caption);
  placement.credit = valid_or_null (credit);
  placement.featured = featured;
  /* One write transaction, like `set`: a revision and the outbox follow. */
  if (!cd_store_edit_article (store, cd_article_get_uuid (article), place_image, &placement,
                              &error))
    cd_cli_printerr ("%s", error->message);
  else
    {
      g_autofree char *placed = featured ? g_strdup (placement.id)
                                         : cd_image_ref_to_fence (placement.id, placement.alt,
                                                                  placement.caption,
                                                                  placement.credit);
      g_autofree char *printable = cd_cli_escape_controls (placed, TRUE);

      printf ("%s\n", printable);
      status = CD_EXIT_OK;
    }
  g_free (placement.alt);
  g_free (placement.caption);
  g_free (placement.credit);
  return status;
}

int
cd_cli_image (CdCli *cli,
              int    argc,
              char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return image_add (cli, argc, argv);
  cd_cli_usage_error ("image", "image needs add");
  return CD_EXIT_ERROR;
}

static void
set_string_or_null (JsonObject *object,
                    const char *name,
                    const char *value)
{
  g_assert (object != NULL);

  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

/* Where each image's copies on the sites are, one member per account:
 * {media_id, source_url}, from the sync engine's media table. Empty until
 * a sync uploads it; `sync`, read just before from the same tables, says
 * when they cannot be read. */
static JsonObject *
describe_remote (CdStore    *store,
                 const char *id)
{
  JsonObject *remote;

  g_assert (CD_IS_STORE (store));
  g_assert (id != NULL);

  remote = cd_image_id_is_valid (id) ? cd_sync_describe_image (store, id, NULL) : NULL;
  return remote != NULL ? remote : json_object_new ();
}

static JsonObject *
describe_image (CdStore    *store,
                const char *id,
                const char *alt,
                const char *caption,
                const char *credit,
                gboolean    featured)
{
  JsonObject *object = json_object_new ();
  g_autoptr (CdImageInfo) info = NULL;

  g_assert (CD_IS_STORE (store));

  set_string_or_null (object, "id", id);
  if (id != NULL)
    info = cd_store_lookup_image (store, id, NULL);
  /* An image the store does not have (a body edited elsewhere) is listed
   * with null type and size, so that it can be found and fixed. */
  set_string_or_null (object, "type", info != NULL ? cd_image_info_get_mime_type (info) : NULL);
  if (info != NULL)
    {
      json_object_set_int_member (object, "width", cd_image_info_get_width (info));
      json_object_set_int_member (object, "height", cd_image_info_get_height (info));
    }
  else
    {
      json_object_set_null_member (object, "width");
      json_object_set_null_member (object, "height");
    }
  set_string_or_null (object, "alt", alt);
  set_string_or_null (object, "caption", caption);
  set_string_or_null (object, "credit", credit);
  json_object_set_boolean_member (object, "featured", featured);
  json_object_set_object_member (object, "remote", describe_remote (store, id != NULL ? id : ""));
  return object;
}

/**
 * cd_cli_describe_images:
 * @store: the store
 * @article: an article
 *
 * The images `show --json` lists: the featured image first (when the
 * article's `image` field holds a stored image's id), then each `image`
 * fence of the body in order, as {id, type, width, height, alt, caption,
 * credit, featured, remote}.
 *
 * Returns: (transfer full): the array
 */
JsonArray *
cd_cli_describe_images (CdStore   *store,
                        CdArticle *article)
{
  JsonArray  *images = json_array_new ();
  const char *featured;
  g_autoptr (GPtrArray) refs = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), images);
  g_return_val_if_fail (CD_IS_ARTICLE (article), images);

  featured = cd_article_get_image (article);
  if (cd_image_id_is_valid (featured))
    json_array_add_object_element (images,
                                   describe_image (store, featured,
                                                   cd_article_get_image_alt (article),
                                                   cd_article_get_image_caption (article),
                                                   cd_article_get_image_credit (article), TRUE));
  refs = cd_image_refs_in_body (cd_article_get_body (article));
  for (guint i = 0; i < refs->len; i++)
    {
      CdImageRef *ref = g_ptr_array_index (refs, i);

      json_array_add_object_element (images, describe_image (store, ref->id, ref->alt, ref->caption,
                                                             ref->credit, FALSE));
    }
  return images;
}

/**
 * cd_cli_add_images:
 * @object: `show --json`'s object
 *
 * Adds "images" (cd_cli_describe_images()) when the article has any, as
 * `show --json` adds its other optional members.
 */
void
cd_cli_add_images (JsonObject *object,
                   CdStore    *store,
                   CdArticle  *article)
{
  JsonArray *images;

  g_return_if_fail (object != NULL);

  images = cd_cli_describe_images (store, article);
  if (json_array_get_length (images) > 0)
    json_object_set_array_member (object, "images", images);
  else
    json_array_unref (images);
}
