/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-export-index.h"
#include "lode-spreadsheet.h"

G_BEGIN_DECLS

/* Exporting from the window: asks where to write, through the file chooser
 * of lode-dialogs.c, takes the spreadsheet there and then, and writes it
 * in a worker thread; a toast says it is written, a dialog why it is not.
 * The records are those @shown shows (NULL: all of them). @parent is a
 * widget inside a LodeWindow. */
void lode_spreadsheet_export (GtkWidget             *parent,
                              LodePortfolio         *portfolio,
                              LodeExportIndex       *shown,
                              LodeSpreadsheetFormat  format);

/* The same without the question: writes @file. */
void lode_spreadsheet_export_to_file (GtkWidget             *parent,
                                      LodePortfolio         *portfolio,
                                      LodeExportIndex       *shown,
                                      LodeSpreadsheetFormat  format,
                                      GFile                 *file);

G_END_DECLS
