/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

/* Adds an exchange rate, or edits one, through the portfolio's history:
 * each add or edit is one undo step. A second rate of the same currency
 * for the same period is refused, as the reader refuses it. */
#define LODE_TYPE_RATE_EDITOR (lode_rate_editor_get_type ())
G_DECLARE_FINAL_TYPE (LodeRateEditor, lode_rate_editor, LODE, RATE_EDITOR, AdwWindow)

/* An editor of @rate, or of a new rate when @rate is NULL. */
LodeRateEditor *lode_rate_editor_new       (LodePortfolio    *portfolio,
                                            LodeExchangeRate *rate);
/* An editor of a new rate filled from @model, for the year after it (or
 * the first later year its currency has no rate for). */
LodeRateEditor *lode_rate_editor_new_from  (LodePortfolio    *portfolio,
                                            LodeExchangeRate *model);
/* "PKR, 2024", "PKR, July 2024", "PKR, FY2024-25": the rate's currency
 * and period, as the list and the history name it. */
char           *lode_rate_editor_describe  (LodePortfolio    *portfolio,
                                            LodeExchangeRate *rate);

G_END_DECLS
