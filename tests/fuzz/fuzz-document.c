/* fuzz-document.c: libFuzzer target for the importers of word processors'
 * documents (.docx, .odt). A ZIP file is imported as it is, told apart by
 * its first bytes as a file with no extension is. Any other input is the
 * document's XML: packaged (with libarchive, stored, so that the fuzzer's
 * changes reach the XML and not only the ZIP file's checksums) as a Word
 * document's word/document.xml when its first byte is even, as an
 * OpenDocument's content.xml when odd.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>

#include "fuzz-common.h"

/* A package of the @n parts @names with @contents (@sizes bytes). */
static GBytes *
package (const char *const *names,
         const char *const *contents,
         const size_t      *sizes,
         guint              n)
{
  struct archive *archive = archive_write_new ();
  size_t          capacity = 2 * 1024 * 1024 + 65536;
  guint8         *buffer = g_malloc (capacity);
  size_t          used = 0;

  archive_write_set_format_zip (archive);
  archive_write_zip_set_compression_store (archive);
  archive_write_open_memory (archive, buffer, capacity, &used);
  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, names[i]);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, sizes[i]);
      archive_write_header (archive, entry);
      archive_write_data (archive, contents[i], sizes[i]);
      archive_entry_free (entry);
    }
  archive_write_close (archive);
  archive_write_free (archive);
  return g_bytes_new_take (buffer, used);
}

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char rels[] =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/image\" Target=\"media/image1.png\"/></Relationships>";
  static const char mimetype[] = "application/vnd.oasis.opendocument.text";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GBytes) bytes = NULL;

  if (size > 1024 * 1024 || size == 0)
    return 0;
  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    bytes = g_bytes_new (data, size);
  else if (data[0] % 2 == 0)
    {
      const char  *names[] = { "word/document.xml", "word/_rels/document.xml.rels", "word/media/image1.png" };
      const char  *contents[] = { (const char *) data + 1, rels, "\x89PNG" };
      const size_t sizes[] = { size - 1, sizeof rels - 1, 4 };

      bytes = package (names, contents, sizes, 3);
    }
  else
    {
      const char  *names[] = { "mimetype", "content.xml" };
      const char  *contents[] = { mimetype, (const char *) data + 1 };
      const size_t sizes[] = { sizeof mimetype - 1, size - 1 };

      bytes = package (names, contents, sizes, 2);
    }
  article = cd_import_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), CD_IMPORT_FORMAT_AUTO,
                            "fuzz", &error);
  fuzz_check_import (article, error, "fuzz");
  return 0;
}
