/* cd-import-pdf-poppler.c: poppler-glib, loaded the first time a PDF is
 * read. Linked, poppler and what it needs (NSS, libtiff, OpenJPEG, lcms)
 * would be mapped into every window and command at its start, for the few
 * that ever read a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <gmodule.h>

#include "cd-import-pdf-private.h"

/* The functions by their names; cairo's are found through poppler-glib,
 * which needs it. */
static const struct
{
  const char *name;
  glong       offset;
} symbols[] = {
  {"poppler_document_new_from_bytes",    G_STRUCT_OFFSET (CdPoppler, document_new_from_bytes)    },
  { "poppler_document_get_n_pages",      G_STRUCT_OFFSET (CdPoppler, document_get_n_pages)       },
  { "poppler_document_get_page",         G_STRUCT_OFFSET (CdPoppler, document_get_page)          },
  { "poppler_page_get_text",             G_STRUCT_OFFSET (CdPoppler, page_get_text)              },
  { "poppler_page_get_text_layout",      G_STRUCT_OFFSET (CdPoppler, page_get_text_layout)       },
  { "poppler_page_get_text_attributes",  G_STRUCT_OFFSET (CdPoppler, page_get_text_attributes)   },
  { "poppler_page_free_text_attributes", G_STRUCT_OFFSET (CdPoppler, page_free_text_attributes)  },
  { "poppler_page_get_link_mapping",     G_STRUCT_OFFSET (CdPoppler, page_get_link_mapping)      },
  { "poppler_page_free_link_mapping",    G_STRUCT_OFFSET (CdPoppler, page_free_link_mapping)     },
  { "poppler_page_get_image_mapping",    G_STRUCT_OFFSET (CdPoppler, page_get_image_mapping)     },
  { "poppler_page_free_image_mapping",   G_STRUCT_OFFSET (CdPoppler, page_free_image_mapping)    },
  { "poppler_page_get_image",            G_STRUCT_OFFSET (CdPoppler, page_get_image)             },
  { "poppler_page_get_size",             G_STRUCT_OFFSET (CdPoppler, page_get_size)              },
  { "poppler_error_quark",               G_STRUCT_OFFSET (CdPoppler, error_quark)                },
  { "cairo_surface_write_to_png_stream", G_STRUCT_OFFSET (CdPoppler, surface_write_to_png_stream)},
  { "cairo_surface_destroy",             G_STRUCT_OFFSET (CdPoppler, surface_destroy)            },
};

static gpointer
load (gpointer unused)
{
  GModule   *module = g_module_open (POPPLER_GLIB_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  CdPoppler *poppler;

  if (module == NULL)
    {
      g_debug ("poppler-glib could not be loaded: %s", g_module_error ());
      return NULL;
    }
  poppler = g_new0 (CdPoppler, 1);
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (!g_module_symbol (module, symbols[i].name, G_STRUCT_MEMBER_P (poppler, symbols[i].offset)))
      {
        g_debug ("poppler-glib has no %s", symbols[i].name);
        g_free (poppler);
        g_module_close (module);
        return NULL;
      }
  /* Its functions are called for as long as the process runs. */
  g_module_make_resident (module);
  return poppler;
}

/**
 * _cd_pdf_poppler:
 *
 * Returns: (nullable): poppler-glib's functions the reader calls, loaded
 *   once, or %NULL where poppler-glib is not installed
 */
const CdPoppler *
_cd_pdf_poppler (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load, NULL);
}
