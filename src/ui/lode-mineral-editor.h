/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

#define LODE_TYPE_MINERAL_EDITOR (lode_mineral_editor_get_type ())
G_DECLARE_FINAL_TYPE (LodeMineralEditor, lode_mineral_editor, LODE, MINERAL_EDITOR, AdwWindow)

/* Edits @mineral of @portfolio, or adds a mineral when @mineral is NULL.
 * Confirming applies the change through the portfolio's history. */
LodeMineralEditor *lode_mineral_editor_new (LodePortfolio *portfolio,
                                            LodeMineral   *mineral);

/* A slug made from @name ("Iron ore" → "iron-ore") that no mineral of
 * @portfolio has yet. */
char              *lode_mineral_editor_make_id (LodePortfolio *portfolio,
                                                const char    *name);

G_END_DECLS
