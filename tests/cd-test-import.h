/* cd-test-import.h: a file imported into a store, for the import tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-import.h"

/* Imports @path into @store as cd_import_into_store() does and returns its
 * one article; NULL with @error set when the import failed. */
static inline CdArticle *
cd_test_import_one (CdStore    *store,
                    const char *path,
                    GError    **error)
{
  g_autoptr (GPtrArray) articles = cd_import_into_store (store, path, NULL, error);

  if (articles == NULL)
    return NULL;
  g_assert_cmpuint (articles->len, ==, 1);
  return g_object_ref (g_ptr_array_index (articles, 0));
}
