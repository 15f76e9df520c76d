/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

#define LODE_TYPE_TARGET_EDITOR (lode_target_editor_get_type ())
G_DECLARE_FINAL_TYPE (LodeTargetEditor, lode_target_editor, LODE, TARGET_EDITOR, AdwWindow)

/* Edits @target of @portfolio, or adds a target when @target is NULL.
 * Confirming applies the change through the portfolio's history. */
LodeTargetEditor *lode_target_editor_new     (LodePortfolio *portfolio,
                                              LodeTarget    *target);
/* A slug made from @title that no target of @portfolio has yet. */
char             *lode_target_editor_make_id (LodePortfolio *portfolio,
                                              const char    *title);
/* A copy of @target under @id and @title. */
LodeTarget       *lode_target_editor_copy    (LodeTarget    *target,
                                              const char    *id,
                                              const char    *title);

G_END_DECLS
