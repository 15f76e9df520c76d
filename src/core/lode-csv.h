/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reading and writing CSV (RFC 4180 and what real downloads make of it):
 * quoted and unquoted cells, CRLF or LF, a trailing comma, empty cells.
 * The reader hands out one record at a time as UTF-8 cells, whatever the
 * file's encoding, and says where anything is wrong as "NAME:LINE:COL". */

#define LODE_CSV_MAX_COLUMNS 4096
#define LODE_CSV_MAX_RECORD  ((gsize) 1 << 20)   /* bytes of one record */

#define LODE_CSV_ERROR (lode_csv_error_quark ())

typedef enum
{
  LODE_CSV_ERROR_SYNTAX,    /* an unbalanced quote, text after a closing quote */
  LODE_CSV_ERROR_ENCODING,  /* bytes that are not text in the encoding read */
  LODE_CSV_ERROR_BINARY,    /* NUL bytes or other signs of a file that is not text */
  LODE_CSV_ERROR_TOO_LARGE, /* a record beyond LODE_CSV_MAX_RECORD or _MAX_COLUMNS */
} LodeCsvError;

GQuark lode_csv_error_quark (void);

typedef enum
{
  LODE_CSV_ENCODING_AUTO,          /* a BOM decides; else UTF-8 if valid, else Windows-1252 */
  LODE_CSV_ENCODING_UTF8,
  LODE_CSV_ENCODING_UTF16LE,
  LODE_CSV_ENCODING_UTF16BE,
  LODE_CSV_ENCODING_WINDOWS_1252,  /* also read for Latin-1 */
} LodeCsvEncoding;

/* "UTF-8", "UTF-16LE", … for people and for the --encoding option. */
const char     *lode_csv_encoding_get_name (LodeCsvEncoding encoding);

typedef struct _LodeCsvReader LodeCsvReader;

/* A reader over @bytes (kept referenced). @name is how errors name the
 * input. With LODE_CSV_ENCODING_AUTO a BOM says the encoding; without one
 * the file is UTF-8 if it is valid UTF-8, else Windows-1252. The BOM is
 * never a cell. UTF-8 is checked a chunk ahead of the records, so a file
 * of one huge line fails at the record limit without being read whole. */
LodeCsvReader  *lode_csv_reader_new          (GBytes          *bytes,
                                              const char      *name,
                                              LodeCsvEncoding  encoding);
/* A reader over a file mapped read-only (no heap copy of the file). */
LodeCsvReader  *lode_csv_reader_new_for_file (GFile           *file,
                                              LodeCsvEncoding  encoding,
                                              GError         **error);
void            lode_csv_reader_free         (LodeCsvReader   *self);

/* The encoding read. With LODE_CSV_ENCODING_AUTO and no BOM, asking before
 * the reader met a byte that is not ASCII reads ahead to the first one
 * (without a copy): cheaper asked at the end. */
LodeCsvEncoding lode_csv_reader_get_encoding (LodeCsvReader   *self);

/* Reads the next record: TRUE with its cells in @cells (UTF-8,
 * NUL-terminated, valid until the next call) and their number in
 * @n_cells; FALSE at the end, or on error with @error set
 * ("NAME:LINE:COL: message"). Blank lines are skipped. */
gboolean        lode_csv_reader_next         (LodeCsvReader   *self,
                                              const char * const **cells,
                                              guint           *n_cells,
                                              GError         **error);
/* The line (from 1) the last record began on. */
guint64         lode_csv_reader_get_line     (LodeCsvReader   *self);
/* For progress: bytes read so far, and in all. */
guint64         lode_csv_reader_get_offset   (LodeCsvReader   *self);
guint64         lode_csv_reader_get_size     (LodeCsvReader   *self);

/* Appends @cell to @out, quoted when it holds a comma, quote, CR or LF or
 * starts or ends with a space. */
void            lode_csv_append_cell         (GString         *out,
                                              const char      *cell);
/* Appends @cell to @out between double quotes, its quotes doubled. */
void            lode_csv_append_quoted       (GString         *out,
                                              const char      *cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeCsvReader, lode_csv_reader_free)

G_END_DECLS
