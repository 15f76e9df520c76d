/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-portfolio.h"

G_BEGIN_DECLS

/* lode-cli export: the export records of a portfolio as Lode's CSV, or the
 * whole portfolio as an .xlsx workbook, the records narrowed by the filters
 * of the window's Exports page. */

typedef struct
{
  char *output;
  char *mineral;
  char *destination;
  char *years;
  int   year_min;   /* parsed from years; 0 for no bound */
  int   year_max;
} LodeCliExportOptions;

void          lode_cli_export_options_clear (LodeCliExportOptions  *options);
/* Option entries that fill @options; free with g_free. */
GOptionEntry *lode_cli_export_entries       (LodeCliExportOptions  *options);
const char   *lode_cli_export_description   (void);
/* Whether the options make sense; if not, says why in @message. */
gboolean      lode_cli_export_check         (LodeCliExportOptions  *options,
                                             char                 **message);
/* Writes the file; "-" as the output writes the CSV to standard output. */
gboolean      lode_cli_export_write         (LodePortfolio         *portfolio,
                                             LodeCliExportOptions  *options,
                                             GError               **error);

G_END_DECLS
