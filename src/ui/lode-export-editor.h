/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

#define LODE_TYPE_EXPORT_EDITOR (lode_export_editor_get_type ())
G_DECLARE_FINAL_TYPE (LodeExportEditor, lode_export_editor, LODE, EXPORT_EDITOR, AdwWindow)

/* Edits the record at @position of @portfolio's export table, or adds one
 * when @position is G_MAXUINT. Confirming applies the change through the
 * portfolio's history and closes the editor. */
LodeExportEditor *lode_export_editor_new (LodePortfolio *portfolio,
                                          guint          position);

G_END_DECLS
