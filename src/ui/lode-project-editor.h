/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

#define LODE_TYPE_PROJECT_EDITOR (lode_project_editor_get_type ())
G_DECLARE_FINAL_TYPE (LodeProjectEditor, lode_project_editor, LODE, PROJECT_EDITOR, AdwWindow)

/* Edits @project of @portfolio, or adds a project when @project is NULL.
 * Confirming applies the change through the portfolio's history. */
LodeProjectEditor *lode_project_editor_new     (LodePortfolio *portfolio,
                                                LodeProject   *project);
/* A slug made from @name that no project of @portfolio has yet. */
char              *lode_project_editor_make_id (LodePortfolio *portfolio,
                                                const char    *name);
/* A copy of @project, partners included, under @id and @name. */
LodeProject       *lode_project_editor_copy    (LodeProject   *project,
                                                const char    *id,
                                                const char    *name);

G_END_DECLS
