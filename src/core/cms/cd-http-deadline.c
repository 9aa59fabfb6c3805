/* cd-http-deadline.c: a deadline on one HTTP attempt as a whole.
 *
 * The session's timeouts bound each wait for the server; a reply trickled
 * a byte at a time never trips them. The requests block in their callers'
 * threads, so the deadline is a timer on a thread of its own that cancels
 * the attempt when it fires.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-http-client"

#include "config.h"

#include "cd-http-client-private.h"

static gpointer
deadline_thread (gpointer data)
{
  GMainContext *context = data;

  for (;;)
    g_main_context_iteration (context, TRUE);
  return NULL;
}

static GMainContext *
deadline_context (void)
{
  static GMainContext *context = NULL;

  if (g_once_init_enter (&context))
    {
      GMainContext *new_context = g_main_context_new ();

      g_thread_unref (g_thread_new ("cd-http-deadline", deadline_thread,
                                    g_main_context_ref (new_context)));
      g_once_init_leave (&context, new_context);
    }
  return context;
}

/* What the timer shares with the attempt. The timer may fire in its thread
 * just as the attempt ends in its own, so the state is reference-counted
 * (the timer holds one) and read under its lock. */
struct _CdHttpDeadlineState
{
  GMutex        lock;
  GCancellable *cancellable;
  gboolean      stopped;
  gboolean      expired;
};

static void
deadline_state_clear (CdHttpDeadlineState *state)
{
  g_assert (state != NULL);

  g_mutex_clear (&state->lock);
  g_clear_object (&state->cancellable);
}

static void
deadline_state_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify) deadline_state_clear);
}

static gboolean
on_deadline (gpointer data)
{
  CdHttpDeadlineState *state = data;
  g_autoptr (GMutexLocker) locker = NULL;

  g_assert (state != NULL);

  locker = g_mutex_locker_new (&state->lock);
  if (!state->stopped)
    {
      state->expired = TRUE;
      g_cancellable_cancel (state->cancellable);
    }
  return G_SOURCE_REMOVE;
}

static void
on_caller_cancelled (GCancellable *caller,
                     GCancellable *attempt)
{
  g_assert (G_IS_CANCELLABLE (attempt));

  g_cancellable_cancel (attempt);
}

/**
 * _cd_http_deadline_start:
 * @deadline: (out caller-allocates): the deadline to start
 * @seconds: when it passes
 * @caller: (nullable): the caller's cancellable, which cancels the attempt
 *   too
 *
 * Returns: (transfer none): the attempt's cancellable, valid until
 *   _cd_http_deadline_stop()
 */
GCancellable *
_cd_http_deadline_start (CdHttpDeadline *deadline,
                         guint           seconds,
                         GCancellable   *caller)
{
  g_assert (deadline != NULL);

  *deadline = (CdHttpDeadline){ 0 };
  deadline->state = g_atomic_rc_box_new0 (CdHttpDeadlineState);
  g_mutex_init (&deadline->state->lock);
  deadline->state->cancellable = g_cancellable_new ();
  if (caller != NULL)
    {
      deadline->caller = g_object_ref (caller);
      deadline->handler = g_cancellable_connect (caller, G_CALLBACK (on_caller_cancelled),
                                                 deadline->state->cancellable, NULL);
    }
  deadline->timer = g_timeout_source_new_seconds (seconds);
  g_source_set_callback (deadline->timer, on_deadline, g_atomic_rc_box_acquire (deadline->state),
                         deadline_state_release);
  g_source_attach (deadline->timer, deadline_context ());
  return deadline->state->cancellable;
}

/**
 * _cd_http_deadline_stop:
 * @deadline: a started deadline
 *
 * Stops the timer and lets go of the attempt's cancellable.
 *
 * Returns: whether the deadline had passed
 */
gboolean
_cd_http_deadline_stop (CdHttpDeadline *deadline)
{
  gboolean expired;

  g_assert (deadline != NULL);

  g_mutex_lock (&deadline->state->lock);
  deadline->state->stopped = TRUE;
  expired = deadline->state->expired;
  g_mutex_unlock (&deadline->state->lock);
  g_source_destroy (deadline->timer);
  g_clear_pointer (&deadline->timer, g_source_unref);
  if (deadline->caller != NULL)
    g_cancellable_disconnect (deadline->caller, deadline->handler);
  g_clear_object (&deadline->caller);
  g_clear_pointer (&deadline->state, deadline_state_release);
  return expired;
}
