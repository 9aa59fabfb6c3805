/* fuzz-doc.c: libFuzzer target for the importer of Word's binary
 * documents (.doc). The input is the document's streams, so that the
 * fuzzer's changes reach the Word structures and not only the compound
 * file around them: a 4-byte length (little-endian) and that many bytes
 * of the WordDocument stream, a 4-byte length and the 1Table stream, and
 * the Data stream (pictures) in what is left. They are written into a
 * compound file with libgsf and imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-utils.h>

#include "fuzz-common.h"

/* The next stream of the input: its length, then its bytes. */
static gsize
take (const uint8_t **data,
      size_t         *size)
{
  gsize length;

  if (*size < 4)
    return 0;
  length = (*data)[0] | (*data)[1] << 8 | (*data)[2] << 16 | (gsize) (*data)[3] << 24;
  *data += 4;
  *size -= 4;
  return MIN (length, *size);
}

static void
add_stream (GsfOutfile    *file,
            const char    *name,
            const uint8_t *data,
            gsize          size)
{
  GsfOutput *stream = gsf_outfile_new_child (file, name, FALSE);

  gsf_output_write (stream, size, data);
  gsf_output_close (stream);
  g_object_unref (stream);
}

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gsize once = 0;
  const char  *names[] = { "WordDocument", "1Table", "Data" };
  GsfOutput   *sink;
  GsfOutfile  *file;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;

  if (size > 1024 * 1024)
    return 0;
  if (g_once_init_enter (&once))
    {
      gsf_init ();
      g_once_init_leave (&once, 1);
    }
  sink = gsf_output_memory_new ();
  file = gsf_outfile_msole_new (sink);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize length = i < 2 ? take (&data, &size) : size;

      add_stream (file, names[i], data, length);
      data += length;
      size -= length;
    }
  gsf_output_close (GSF_OUTPUT (file));
  articles = cd_import_data_all ((const char *) gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                                 gsf_output_size (sink), CD_IMPORT_FORMAT_DOC, "fuzz.doc", &error);
  if (articles != NULL && articles->len == 0)
    abort ();
  for (guint i = 0; articles != NULL && i < articles->len; i++)
    fuzz_check_import (g_ptr_array_index (articles, i), error, "fuzz.doc");
  if (articles == NULL)
    fuzz_check_import (NULL, error, "fuzz.doc");
  g_object_unref (file);
  g_object_unref (sink);
  return 0;
}
