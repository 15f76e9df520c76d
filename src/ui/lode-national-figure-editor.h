/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

/* Adds a national figure, or edits one, through the portfolio's history:
 * each add or edit is one undo step. */
#define LODE_TYPE_NATIONAL_FIGURE_EDITOR (lode_national_figure_editor_get_type ())
G_DECLARE_FINAL_TYPE (LodeNationalFigureEditor, lode_national_figure_editor, LODE, NATIONAL_FIGURE_EDITOR, AdwWindow)

/* An editor of @figure, or of a new figure when @figure is NULL. */
LodeNationalFigureEditor *lode_national_figure_editor_new      (LodePortfolio      *portfolio,
                                                                LodeNationalFigure *figure);
/* "Trade with China, 2024", as the Overview and the history name
 * @figure. */
char                     *lode_national_figure_editor_describe (LodeNationalFigure *figure);
/* The name of a figure's kind: lode_figure_kind_get_name(). */
const char               *lode_national_figure_editor_kind_name (LodeFigureKind     kind);

G_END_DECLS
