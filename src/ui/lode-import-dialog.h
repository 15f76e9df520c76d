/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-import.h"
#include "lode-window.h"

G_BEGIN_DECLS

/* The preview of an import: reads @file in a worker (with progress and a
 * way to stop), then lists what it would add to the portfolio of @window,
 * what it skips and why, and where it meets records already there, with
 * the layout, the encoding and, for CSV files of no known layout, the
 * columns to choose. Nothing changes before Import, which applies the
 * plan as one undo step and says so in a toast with Undo. */

#define LODE_TYPE_IMPORT_DIALOG (lode_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LodeImportDialog, lode_import_dialog, LODE, IMPORT_DIALOG, AdwWindow)

LodeImportDialog *lode_import_dialog_new      (LodeWindow       *window,
                                               GFile            *file,
                                               LodeImportLayout  layout);
/* The plan shown, or NULL while it is made or when the file failed. */
LodeImportPlan   *lode_import_dialog_get_plan (LodeImportDialog *self);
/* TRUE while the file is read. */
gboolean          lode_import_dialog_get_busy (LodeImportDialog *self);

G_END_DECLS
