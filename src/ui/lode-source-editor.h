/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

#define LODE_TYPE_SOURCE_EDITOR (lode_source_editor_get_type ())
G_DECLARE_FINAL_TYPE (LodeSourceEditor, lode_source_editor, LODE, SOURCE_EDITOR, AdwWindow)

/* Edits @source of @portfolio, or adds a source when @source is NULL.
 * Confirming applies the change through the portfolio's history. */
LodeSourceEditor *lode_source_editor_new (LodePortfolio *portfolio,
                                          LodeSource    *source);

G_END_DECLS
