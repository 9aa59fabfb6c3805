/* cd-cms.h: what Copydesk needs from a content management system.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-article.h"

G_BEGIN_DECLS

#define CD_CMS_ERROR (cd_cms_error_quark ())

/* The sync engine decides from the code whether to queue, retry later,
 * look for an earlier create, or report. */
typedef enum
{
  CD_CMS_ERROR_FAILED,
  CD_CMS_ERROR_OFFLINE,           /* no network, connection refused, DNS: queue */
  CD_CMS_ERROR_TIMEOUT,           /* no reply in time; the request may not have arrived */
  CD_CMS_ERROR_UNKNOWN_OUTCOME,   /* a create or update was sent but its reply was lost */
  CD_CMS_ERROR_AUTH,              /* 401/403, or credentials that the site does not accept */
  CD_CMS_ERROR_NOT_FOUND,         /* 404 */
  CD_CMS_ERROR_GONE,              /* the post was deleted or trashed on the server */
  CD_CMS_ERROR_BAD_REQUEST,       /* 400 */
  CD_CMS_ERROR_CONFLICT,          /* 409 */
  CD_CMS_ERROR_SERVER,            /* 5xx after the retries ran out */
  CD_CMS_ERROR_INVALID_REPLY,     /* malformed JSON, wrong content type, cut-off body */
  CD_CMS_ERROR_NO_SECRET_SERVICE, /* no keyring to keep the password in */
} CdCmsError;

/* A post as the CMS has it, converted to an article. */
typedef struct
{
  char      *remote_id; /* the CMS's id, as text */
  GDateTime *modified;  /* the server's last-modified time, UTC */
  char      *status;    /* the CMS's own status name ("draft", "publish", "trash") */
  char      *link;      /* the post's address, if any */
  char      *content;   /* the content exactly as the CMS stores it (WordPress: block
                         * markup with the uuid marker), so that an update keeps what
                         * nobody edited byte for byte; %NULL when unknown */
  CdArticle *article;   /* headline, dek, body (Markdown), slug, section, tags; the
                         * uuid from the post's marker, or a new one when it has none */
  gsize oversized;      /* the content's size when it is larger than an article may be
                         * (CD_IMPORT_MAX_SIZE): then the body is left empty, unread */
  char *corrections;    /* the corrections block the post shows (cd-corrections.h), which
                         * the body never holds; %NULL when it has none */
  char *featured_media; /* the media id of the post's featured image; %NULL when none */
} CdRemotePost;

#define CD_TYPE_REMOTE_POST (cd_remote_post_get_type ())
GType         cd_remote_post_get_type (void) G_GNUC_CONST;
CdRemotePost *cd_remote_post_new (void);
CdRemotePost *cd_remote_post_copy (CdRemotePost *post);
void          cd_remote_post_free (CdRemotePost *post);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdRemotePost, cd_remote_post_free)

/* An image as the CMS keeps it (a WordPress media item). */
typedef struct
{
  char *media_id;   /* the CMS's id, as text */
  char *source_url; /* where the site serves the file */
  char *image_id;   /* the content hash the item is named after; %NULL when it is not one
                     * Copydesk uploaded */
} CdRemoteMedia;

#define CD_TYPE_REMOTE_MEDIA (cd_remote_media_get_type ())
GType          cd_remote_media_get_type (void) G_GNUC_CONST;
CdRemoteMedia *cd_remote_media_new (void);
CdRemoteMedia *cd_remote_media_copy (CdRemoteMedia *media);
void           cd_remote_media_free (CdRemoteMedia *media);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdRemoteMedia, cd_remote_media_free)

/* What an upload sends besides the bytes. */
typedef struct
{
  const char *image_id;  /* the content hash, 64 hex digits: names the file and the item */
  const char *mime_type; /* image/jpeg, image/png, image/webp or image/gif */
  const char *alt;       /* the alternative text */
  const char *caption;   /* (nullable) */
  const char *credit;    /* (nullable): in its own field where the site has one, else
                          * after the caption */
} CdMediaUpload;

#define CD_TYPE_CMS (cd_cms_get_type ())
G_DECLARE_INTERFACE (CdCms, cd_cms, CD, CMS, GObject)

/* Every call blocks: the sync engine runs them in its worker thread, and
 * the _async wrappers below run them in a thread of their own. An
 * implementation must allow calls from several threads at once. */
struct _CdCmsInterface
{
  GTypeInterface parent_iface;

  char *(*verify) (CdCms        *self,
                   GCancellable *cancellable,
                   GError      **error);
  GPtrArray *(*list_changed) (CdCms        *self,
                              GDateTime    *since,
                              GCancellable *cancellable,
                              GError      **error);
  CdRemotePost *(*get) (CdCms        *self,
                        const char   *remote_id,
                        GCancellable *cancellable,
                        GError      **error);
  CdRemotePost *(*find_by_uuid) (CdCms        *self,
                                 const char   *uuid,
                                 GCancellable *cancellable,
                                 GError      **error);
  CdRemotePost *(*create) (CdCms        *self,
                           CdArticle    *article,
                           const char   *featured_media,
                           GCancellable *cancellable,
                           GError      **error);
  CdRemotePost *(*update) (CdCms              *self,
                           const char         *remote_id,
                           CdArticle          *article,
                           const CdRemotePost *current,
                           const char         *featured_media,
                           GCancellable       *cancellable,
                           GError            **error);
  CdRemotePost *(*publish) (CdCms        *self,
                            const char   *remote_id,
                            GDateTime    *at,
                            GCancellable *cancellable,
                            GError      **error);
  CdRemoteMedia *(*find_media) (CdCms        *self,
                                const char   *image_id,
                                GCancellable *cancellable,
                                GError      **error);
  CdRemoteMedia *(*get_media) (CdCms        *self,
                               const char   *media_id,
                               GCancellable *cancellable,
                               GError      **error);
  CdRemoteMedia *(*upload_media) (CdCms               *self,
                                  GBytes              *bytes,
                                  const CdMediaUpload *upload,
                                  GCancellable        *cancellable,
                                  GError             **error);
  GBytes *(*download) (CdCms        *self,
                       const char   *url,
                       GCancellable *cancellable,
                       GError      **error);
};

GQuark   cd_cms_error_quark (void);
gboolean cd_cms_error_is_offline (const GError *error);

/* The blocking calls, for a worker thread. */
char         *cd_cms_verify (CdCms        *self,
                             GCancellable *cancellable,
                             GError      **error);
GPtrArray    *cd_cms_list_changed (CdCms        *self,
                                   GDateTime    *since,
                                   GCancellable *cancellable,
                                   GError      **error);
CdRemotePost *cd_cms_get (CdCms        *self,
                          const char   *remote_id,
                          GCancellable *cancellable,
                          GError      **error);
CdRemotePost *cd_cms_find_by_uuid (CdCms        *self,
                                   const char   *uuid,
                                   GCancellable *cancellable,
                                   GError      **error);
/* create and update_from: @featured_media is the media id of the featured
 * image to set, "0" to remove it (update only), or %NULL to leave it as it
 * is. */
CdRemotePost *cd_cms_create (CdCms        *self,
                             CdArticle    *article,
                             const char   *featured_media,
                             GCancellable *cancellable,
                             GError      **error);
CdRemotePost *cd_cms_update_from (CdCms              *self,
                                  const char         *remote_id,
                                  CdArticle          *article,
                                  const CdRemotePost *current,
                                  const char         *featured_media,
                                  GCancellable       *cancellable,
                                  GError            **error);
/* Images. find_media: the item Copydesk uploaded for @image_id, or %NULL
 * with no error when the site has none. get_media: %CD_CMS_ERROR_GONE when
 * the item was deleted. upload_media: a write; after
 * %CD_CMS_ERROR_UNKNOWN_OUTCOME, find_media before uploading again. */
CdRemoteMedia *cd_cms_find_media (CdCms        *self,
                                  const char   *image_id,
                                  GCancellable *cancellable,
                                  GError      **error);
CdRemoteMedia *cd_cms_get_media (CdCms        *self,
                                 const char   *media_id,
                                 GCancellable *cancellable,
                                 GError      **error);
CdRemoteMedia *cd_cms_upload_media (CdCms               *self,
                                    GBytes              *bytes,
                                    const CdMediaUpload *upload,
                                    GCancellable        *cancellable,
                                    GError             **error);
/* download: a file the site serves (a pulled post's picture), read under
 * the site's HTTP policy; the credentials go only to the site's host. */
GBytes *cd_cms_download (CdCms        *self,
                         const char   *url,
                         GCancellable *cancellable,
                         GError      **error);
/* publish: makes the post live now (@at %NULL) or schedules it for @at;
 * only the status and the date change. */
CdRemotePost *cd_cms_publish (CdCms        *self,
                              const char   *remote_id,
                              GDateTime    *at,
                              GCancellable *cancellable,
                              GError      **error);

G_END_DECLS
