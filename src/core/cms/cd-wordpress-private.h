/* cd-wordpress-private.h: what the files of CdWordpress share: the
 * instance, WordPress's requests over the HTTP client, tolerant JSON
 * access, the term cache (cd-wordpress-terms.c) and the post operations
 * (cd-wordpress-posts.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cd-http-client.h"
#include "cd-wordpress.h"

G_BEGIN_DECLS

/* Only what becomes a CdRemotePost: a post in context=edit otherwise
 * carries its rendered content and links too, which doubles the reply and
 * makes WordPress run its content filters for nothing. */
#define CD_WORDPRESS_POST_FIELDS                                                 \
  "id,status,link,date_gmt,modified_gmt,slug,title.raw,excerpt.raw,content.raw," \
  "categories,tags,featured_media"
#define CD_WORDPRESS_POST_QUERY "context=edit&_fields=" CD_WORDPRESS_POST_FIELDS

/* The most pages of a listing read in one go: 100,000 posts changed
 * since the last sync is more than a newsroom writes. */
#define CD_WORDPRESS_MAX_PAGES 1000

/* What a listing's reply says about the whole list. */
typedef struct
{
  guint total_pages; /* X-WP-TotalPages */
  guint total;       /* X-WP-Total */
} CdWordpressPageInfo;

/* Term ids and names of one taxonomy, shared by the threads that call the
 * client, under CdWordpress.lock. */
typedef struct
{
  const char *rest_base;        /* "categories" or "tags" */
  GHashTable *ids_by_key;       /* casefolded name → id (GINT_TO_POINTER of gint64 is not
                                 * portable, so ids are boxed gint64) */
  GHashTable *names_by_id;      /* gint64 id → name */
  gint64      uncategorized_id; /* WordPress's default category; not a section */
} CdWordpressTerms;

struct _CdWordpress
{
  GObject parent_instance;

  char         *url;
  char         *user;
  char         *authorization; /* "Basic …", until the client takes it; never logged */
  CdHttpClient *http;
  guint         per_page;

  GMutex           lock;
  CdWordpressTerms categories;
  CdWordpressTerms tags;
};

/* Tolerant JSON: a member of the wrong type reads as missing. */
const char *_cd_wordpress_member_string (JsonObject *object,
                                         const char *name);
gint64      _cd_wordpress_node_int (JsonNode *node);
gint64      _cd_wordpress_member_int (JsonObject *object,
                                      const char *name);
JsonArray  *_cd_wordpress_member_array (JsonObject *object,
                                        const char *name);
JsonObject *_cd_wordpress_member_object (JsonObject *object,
                                         const char *name);
const char *_cd_wordpress_error_code (JsonNode *body);
gboolean    _cd_wordpress_read_found_nothing (const GError *error,
                                              JsonNode     *error_body);

/* Requests to the site's REST API. */
char     *_cd_wordpress_build_url (CdWordpress *self,
                                   const char  *path,
                                   const char  *query);
void      _cd_wordpress_query_add (GString    *query,
                                   const char *name,
                                   const char *value);
JsonNode *_cd_wordpress_request (CdWordpress         *self,
                                 const char          *method,
                                 const char          *path,
                                 const char          *query,
                                 JsonNode            *body,
                                 CdHttpRequestKind    kind,
                                 CdWordpressPageInfo *page_info,
                                 JsonNode           **error_body,
                                 GCancellable        *cancellable,
                                 GError             **error);

gboolean _cd_wordpress_more_pages (CdWordpress               *self,
                                   const char                *url,
                                   guint                      page,
                                   guint                      per_page,
                                   guint                      delivered,
                                   const CdWordpressPageInfo *info,
                                   GError                   **error);

/* Terms (cd-wordpress-terms.c). */
void     _cd_wordpress_terms_init (CdWordpressTerms *terms,
                                   const char       *rest_base);
void     _cd_wordpress_terms_clear (CdWordpressTerms *terms);
gint64   _cd_wordpress_term_id_for_name (CdWordpress      *self,
                                         CdWordpressTerms *terms,
                                         const char       *name,
                                         GCancellable     *cancellable,
                                         GError          **error);
gboolean _cd_wordpress_resolve_post_terms (CdWordpress  *self,
                                           JsonArray    *posts,
                                           GCancellable *cancellable,
                                           GError      **error);

/* Posts (cd-wordpress-posts.c): CdCms's blocking calls. */
GPtrArray    *_cd_wordpress_list_changed (CdCms        *cms,
                                          GDateTime    *since,
                                          GCancellable *cancellable,
                                          GError      **error);
CdRemotePost *_cd_wordpress_get (CdCms        *cms,
                                 const char   *remote_id,
                                 GCancellable *cancellable,
                                 GError      **error);
CdRemotePost *_cd_wordpress_find_by_uuid (CdCms        *cms,
                                          const char   *uuid,
                                          GCancellable *cancellable,
                                          GError      **error);
CdRemotePost *_cd_wordpress_create (CdCms        *cms,
                                    CdArticle    *article,
                                    const char   *featured_media,
                                    GCancellable *cancellable,
                                    GError      **error);
CdRemotePost *_cd_wordpress_update (CdCms              *cms,
                                    const char         *remote_id,
                                    CdArticle          *article,
                                    const CdRemotePost *current,
                                    const char         *featured_media,
                                    GCancellable       *cancellable,
                                    GError            **error);
CdRemotePost *_cd_wordpress_publish (CdCms        *cms,
                                     const char   *remote_id,
                                     GDateTime    *at,
                                     GCancellable *cancellable,
                                     GError      **error);

/* Media (cd-wordpress-media.c). */
CdRemoteMedia *_cd_wordpress_find_media (CdCms        *cms,
                                         const char   *image_id,
                                         GCancellable *cancellable,
                                         GError      **error);
CdRemoteMedia *_cd_wordpress_get_media (CdCms        *cms,
                                        const char   *media_id,
                                        GCancellable *cancellable,
                                        GError      **error);
CdRemoteMedia *_cd_wordpress_upload_media (CdCms               *cms,
                                           GBytes              *bytes,
                                           const CdMediaUpload *upload,
                                           GCancellable        *cancellable,
                                           GError             **error);
GBytes        *_cd_wordpress_download (CdCms        *cms,
                                       const char   *url,
                                       GCancellable *cancellable,
                                       GError      **error);

G_END_DECLS
