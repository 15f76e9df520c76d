/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lode-export-index.h"
#include "lode-portfolio.h"
#include "lode-portfolio-io.h"

G_BEGIN_DECLS

/* Taking a portfolio out to the files spreadsheets read: its export
 * records as CSV in Lode's own layout (which lode-import.h reads back as
 * LODE_IMPORT_LAYOUT_LODE), and the whole portfolio as an .xlsx workbook
 * with a sheet a list and typed cells.
 *
 * A spreadsheet is taken on the main thread, cheaply (the records are a
 * frozen version of the table, not a copy), and written from any thread
 * while the portfolio goes on changing. Files are replaced atomically
 * through lode_file_replace_contents(): a failure leaves the old file as
 * it was. */

/* The header of Lode's CSV of export records, without its line end. */
#define LODE_SPREADSHEET_CSV_HEADER \
  "mineral,year,month,destination,hs_code,stage,quantity,unit,value_usd,source," \
  "period,original_amount,original_currency"

/* The most export records a workbook holds: a sheet of Excel has
 * 1,048,576 rows, the first of them the header. */
#define LODE_SPREADSHEET_MAX_RECORDS 1048575u

typedef enum
{
  LODE_SPREADSHEET_FORMAT_NONE,
  LODE_SPREADSHEET_FORMAT_CSV,
  LODE_SPREADSHEET_FORMAT_XLSX,
} LodeSpreadsheetFormat;

/* The format a file name's extension names (".csv", ".xlsx", in any case),
 * or LODE_SPREADSHEET_FORMAT_NONE. */
LodeSpreadsheetFormat lode_spreadsheet_format_for_name (const char *name);

typedef struct _LodeSpreadsheet LodeSpreadsheet;

/* Takes what @portfolio holds now. The export records are those @shown
 * shows, in its order (search, filters and sort applied), or all of them
 * in the order of the file when @shown is NULL; @shown must be a view of
 * the portfolio's own table. Call on the thread that changes the
 * portfolio. */
LodeSpreadsheet *lode_spreadsheet_new            (LodePortfolio          *portfolio,
                                                  LodeExportIndex        *shown);
/* Any thread: the release is handed back to the thread that took it. */
void             lode_spreadsheet_free           (LodeSpreadsheet        *self);
guint            lode_spreadsheet_get_n_records  (LodeSpreadsheet        *self);

/* Called from the writing thread while a file is written, about a hundred
 * times: @done of @total steps (rows, and for a workbook as many again
 * for compressing them). */
void             lode_spreadsheet_set_progress   (LodeSpreadsheet        *self,
                                                  LodeLoadProgressFunc    progress,
                                                  gpointer                user_data);

/* Any thread, one at a time: the records as Lode's CSV, header first. */
GBytes          *lode_spreadsheet_to_csv         (LodeSpreadsheet        *self);
/* Writes @file in @format; the error names the file. */
gboolean         lode_spreadsheet_write_file     (LodeSpreadsheet        *self,
                                                  GFile                  *file,
                                                  LodeSpreadsheetFormat   format,
                                                  GCancellable           *cancellable,
                                                  GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeSpreadsheet, lode_spreadsheet_free)

G_END_DECLS
