/* test-errors.c: every error domain reads as one word, so a message logged
 * with its domain names the module (the formatter once split the quark
 * names into "cd - sync - error - quark").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-account.h"
#include "cd-article.h"
#include "cd-check.h"
#include "cd-cms.h"
#include "cd-import.h"
#include "cd-merge.h"
#include "cd-store.h"
#include "cd-sync-db.h"
#include "cd-sync.h"

#ifdef CD_HAVE_UI
#include "cd-conflict-window.h"
#include "cd-preview.h"
#endif

static void
test_error_domains (void)
{
  struct
  {
    GQuark      domain;
    const char *name;
  } domains[] = {
    {CD_ACCOUNT_ERROR,   "CdAccountError" },
    { CD_ARTICLE_ERROR,  "CdArticleError" },
    { CD_CHECK_ERROR,    "CdCheckError"   },
    { CD_CMS_ERROR,      "CdCmsError"     },
    { CD_IMPORT_ERROR,   "CdImportError"  },
    { CD_MERGE_ERROR,    "CdMergeError"   },
    { CD_STORE_ERROR,    "CdStoreError"   },
    { CD_SYNC_DB_ERROR,  "CdSyncDbError"  },
    { CD_SYNC_ERROR,     "CdSyncError"    },
#ifdef CD_HAVE_UI
    { CD_CONFLICT_ERROR, "CdConflictError"},
    { CD_PREVIEW_ERROR,  "CdPreviewError" },
#endif
  };

  for (gsize i = 0; i < G_N_ELEMENTS (domains); i++)
    {
      g_assert_cmpstr (g_quark_to_string (domains[i].domain), ==, domains[i].name);
      g_assert_null (strchr (domains[i].name, ' '));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/errors/domains", test_error_domains);
  return g_test_run ();
}
