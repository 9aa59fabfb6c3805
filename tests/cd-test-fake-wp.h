/* cd-test-fake-wp.h: an in-process SoupServer that answers just enough of
 * the WordPress REST API for CdWordpress, and fails on request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum
{
  FAULT_STATUS,      /* answer @status (with Retry-After when set) and do nothing */
  FAULT_DROP,        /* do the work, then close the connection without a reply */
  FAULT_HOLD,        /* do the work, then hold the reply past the client's timeout */
  FAULT_CUT,         /* do the work, then send half a reply and close */
  FAULT_MALFORMED,   /* answer 200 with broken JSON */
  FAULT_WRONG_TYPE,  /* answer 200 with an HTML page */
  FAULT_CUT_REQUEST, /* close the connection while the request's body comes in */
} FaultKind;

typedef struct
{
  char     *method;
  char     *path_prefix; /* matched against the path after /wp-json */
  FaultKind kind;
  guint     status;
  guint     retry_after;
} Fault;

typedef struct
{
  SoupServer *server;
  guint16     port;
  char       *url;
  GHashTable *posts; /* id → JsonObject */
  gint64      next_id;
  gint64      clock; /* seconds since 2026-01-01, one more each write */
  GQueue      faults;
  GHashTable *counts;       /* "METHOD /path" → number of requests */
  GPtrArray  *held;         /* messages held past the timeout */
  GHashTable *media;        /* id → JsonObject: uploaded media items (cd-test-fake-media.c) */
  GHashTable *files;        /* path → GBytes: files served under /wp-content */
  gboolean    media_credit; /* media items have a "credit" field, as a plugin adds */
} FakeWp;

FakeWp     *fake_new (gboolean listening);
void        fake_free (FakeWp *fake);
void        fake_listen (FakeWp *fake);
void        fake_add_fault (FakeWp     *fake,
                            const char *method,
                            const char *path_prefix,
                            FaultKind   kind,
                            guint       status,
                            guint       retry_after);
guint       fake_count (FakeWp     *fake,
                        const char *key);
void        fake_count_request (FakeWp     *fake,
                                const char *key);
JsonObject *fake_only_post (FakeWp *fake);
JsonObject *fake_create_post (FakeWp     *fake,
                              JsonObject *body);
void        set_raw (JsonObject *post,
                     const char *member,
                     const char *value);
const char *get_raw (JsonObject *post,
                     const char *member);
void        apply_fields (FakeWp     *fake,
                          JsonObject *post,
                          JsonObject *body);

/* Media items (cd-test-fake-media.c). */
gboolean fake_serve_media (FakeWp            *fake,
                           SoupServerMessage *msg,
                           const char        *method,
                           const char        *path,
                           GHashTable        *query);
void     fake_serve_file (SoupServer        *server,
                          SoupServerMessage *msg,
                          const char        *path,
                          GHashTable        *query,
                          gpointer           user_data);
gint64   fake_new_id (FakeWp *fake);
void     fake_reply_object (SoupServerMessage *msg,
                            guint              status,
                            JsonObject        *object);
void     fake_reply_json (SoupServerMessage *msg,
                          guint              status,
                          JsonNode          *node);
void     fake_reply_error (SoupServerMessage *msg,
                           guint              status,
                           const char        *code,
                           const char        *message);

G_END_DECLS
