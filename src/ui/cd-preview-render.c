/* cd-preview-render.c: the preview's body rendered off the main thread.
 *
 * Markdown to HTML (cmark-gfm) and the update's JSON take time that grows
 * with the body: a 20 MB body, or a body cmark finds hard, would freeze the
 * window for seconds if they ran where the typing is handled. They run on
 * a worker instead, on a copy of the article, one render at a time and
 * always of the latest text: what is typed during a render waits for it
 * and is rendered next, never queued keystroke by keystroke.
 *
 * A render has a time budget. Past it the page shows one sentence saying
 * the preview stopped, rather than a stale article or nothing, and the
 * render's result is dropped when it comes; the next change of the text is
 * rendered afresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-preview-private.h"
#include "cd-render.h"

#define DEFAULT_BUDGET_MS 2000

typedef struct _CdPreviewRender
{
  CdArticle *article; /* the copy being rendered */
  guint      budget_ms;
  guint      budget_id;
  guint      running : 1;
  guint      again : 1;       /* the text changed while rendering */
  guint      over_budget : 1; /* the page says the preview stopped */
} CdPreviewRender;

typedef struct
{
  CdArticle *article;
  gboolean   allow_remote_images;
  char      *json;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->article);
  g_free (job->json);
  g_free (job);
}

static CdPreviewRender *
get_render (CdPreview *self)
{
  g_assert (CD_IS_PREVIEW (self));

  if (self->render == NULL)
    {
      self->render = g_new0 (CdPreviewRender, 1);
      self->render->budget_ms = DEFAULT_BUDGET_MS;
    }
  return self->render;
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_auto (GStrv) blocks = NULL;

  g_assert (G_IS_TASK (task));
  g_assert (job != NULL);

  blocks = cd_render_markdown_blocks (cd_article_get_body (job->article), -1, CD_RENDER_SOURCEPOS);
  job->json = _cd_preview_build_update (job->article, (const char *const *) blocks,
                                        job->allow_remote_images);
  g_task_return_boolean (task, TRUE);
}

/* The budget ran out: the page says so in one sentence, and the update
 * stays in flight until the render is done. */
static gboolean
budget_cb (gpointer data)
{
  CdPreview       *self = data;
  CdPreviewRender *render = self->render;
  g_autofree char *notice = NULL;
  g_autofree char *body = NULL;
  g_autofree char *json = NULL;
  g_autofree char *script = NULL;

  g_assert (CD_IS_PREVIEW (self));

  render->budget_id = 0;
  render->over_budget = TRUE;
  notice = cd_html_escape (_ ("The preview stopped because this text takes too long to lay "
                              "out; the text in the editor is not affected."));
  body = g_strdup_printf ("<p class=\"cd-preview-notice\" role=\"status\">%s</p>", notice);
  json = _cd_preview_build_update (render->article, (const char *const[]){ body, NULL },
                                   self->allow_remote_images);
  g_debug ("The preview's render took more than %u ms", render->budget_ms);
  script = g_strdup_printf ("copydesk.update(%s)", json);
  /* The page now shows the notice, not what was last sent. */
  g_clear_pointer (&self->last_sent, g_free);
  webkit_web_view_evaluate_javascript (self->web_view, script, -1, NULL, NULL, self->cancellable,
                                       NULL, NULL);
  return G_SOURCE_REMOVE;
}

static void
render_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr (CdPreview) self = g_weak_ref_get (data);
  RenderJob       *job = g_task_get_task_data (G_TASK (result));
  CdPreviewRender *render;

  g_assert (G_IS_TASK (result));

  g_weak_ref_clear (data);
  g_free (data);
  if (self == NULL || self->render == NULL)
    return;
  render = self->render;
  render->running = FALSE;
  g_clear_handle_id (&render->budget_id, g_source_remove);
  g_clear_object (&render->article);

  /* Newer text waits: render it instead of showing this. */
  if (render->again || self->update_pending)
    {
      render->again = FALSE;
      self->update_pending = FALSE;
      if (self->article != NULL)
        {
          _cd_preview_render_start (self);
          return;
        }
      _cd_preview_send_json (self, g_strdup ("{}"));
      return;
    }
  /* Cut off: a render past its budget is not shown, because what takes
   * cmark that long (a 20 MB body, a huge table) also takes the page a
   * long time to lay out. The next change of the text renders again. */
  if (render->over_budget)
    {
      self->update_in_flight = FALSE;
      if (self->scroll_pending)
        _cd_preview_schedule (self);
      return;
    }
  _cd_preview_send_json (self, g_steal_pointer (&job->json));
}

/**
 * _cd_preview_render_start:
 *
 * Renders the article on the worker and sends the update when done; while
 * a render runs, the next one waits for it.
 */
void
_cd_preview_render_start (CdPreview *self)
{
  CdPreviewRender *render = get_render (self);
  g_autoptr (GTask) task = NULL;
  RenderJob *job;
  GWeakRef  *weak;

  g_assert (CD_IS_PREVIEW (self));
  g_assert (self->article != NULL);

  self->update_in_flight = TRUE;
  if (render->running)
    {
      render->again = TRUE;
      return;
    }
  render->running = TRUE;
  render->again = FALSE;
  render->over_budget = FALSE;

  job = g_new0 (RenderJob, 1);
  job->article = cd_article_copy (self->article);
  job->allow_remote_images = self->allow_remote_images;
  g_set_object (&render->article, job->article);

  /* The task holds the preview weakly: a render that outlives the window
   * finishes on its own and is dropped. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, NULL, render_done_cb, weak);
  g_task_set_source_tag (task, _cd_preview_render_start);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_thread);
  render->budget_id = g_timeout_add (render->budget_ms, budget_cb, self);
}

void
_cd_preview_render_dispose (CdPreview *self)
{
  g_assert (CD_IS_PREVIEW (self));

  if (self->render == NULL)
    return;
  g_clear_handle_id (&self->render->budget_id, g_source_remove);
  g_clear_object (&self->render->article);
  g_clear_pointer (&self->render, g_free);
}

/**
 * cd_preview_set_render_budget:
 * @budget_ms: how long a render of the body may take before the page
 *   says the preview stopped
 *
 * The default suits any real article; tests make it short.
 */
void
cd_preview_set_render_budget (CdPreview *self,
                              guint      budget_ms)
{
  g_return_if_fail (CD_IS_PREVIEW (self));
  g_return_if_fail (budget_ms > 0);

  get_render (self)->budget_ms = budget_ms;
}
