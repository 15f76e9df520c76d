/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

/* Adds an investment, or edits one, through the portfolio's history. */
#define LODE_TYPE_INVESTMENT_EDITOR (lode_investment_editor_get_type ())
G_DECLARE_FINAL_TYPE (LodeInvestmentEditor, lode_investment_editor, LODE, INVESTMENT_EDITOR, AdwWindow)

/* An editor of @investment, or of a new investment when it is NULL. */
LodeInvestmentEditor *lode_investment_editor_new     (LodePortfolio  *portfolio,
                                                      LodeInvestment *investment);
/* "MCC: Committed, 2024-05", as the history names @investment. */
char                 *lode_investment_editor_describe (LodeInvestment *investment);

G_END_DECLS
