/* cd-http-client-private.h: what the files of CdHttpClient share: the
 * deadline on one attempt (cd-http-deadline.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CdHttpDeadlineState CdHttpDeadlineState;

/* One attempt's cancellable, cancelled by the caller's or when the
 * deadline passes. */
typedef struct
{
  CdHttpDeadlineState *state;
  GCancellable        *caller;
  gulong               handler;
  GSource             *timer;
} CdHttpDeadline;

GCancellable *_cd_http_deadline_start (CdHttpDeadline *deadline,
                                       guint           seconds,
                                       GCancellable   *caller);
gboolean      _cd_http_deadline_stop (CdHttpDeadline *deadline);

G_END_DECLS
