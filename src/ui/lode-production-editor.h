/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

/* Adds a year's production of a mineral, or edits one, through the
 * portfolio's history: each add or edit is one undo step. */
#define LODE_TYPE_PRODUCTION_EDITOR (lode_production_editor_get_type ())
G_DECLARE_FINAL_TYPE (LodeProductionEditor, lode_production_editor, LODE, PRODUCTION_EDITOR, AdwWindow)

/* An editor of @production, or of a new figure of mineral @mineral_id
 * (which may be NULL to let the user choose) when @production is NULL. */
LodeProductionEditor *lode_production_editor_new      (LodePortfolio  *portfolio,
                                                       LodeProduction *production,
                                                       const char     *mineral_id);
/* "1.2 Mt (2024)", or "1.2 Mt (2024, Reko Diq)" for a project's figure,
 * as the history and the mineral editor name @production. */
char                 *lode_production_editor_describe (LodePortfolio  *portfolio,
                                                       LodeProduction *production);

G_END_DECLS
