/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-enums.h"

G_BEGIN_DECLS

/* The names people read of the kinds a portfolio records, translated: the
 * one place these words are written, for the window, the charts and
 * lode-cli alike (see lode_stage_get_name() for the stages). */

/* "Announced", "Agreed", "Committed", "Disbursed", "Withdrawn"; NULL for
 * LODE_INVESTMENT_KIND_UNKNOWN. */
const char *lode_investment_kind_get_name (LodeInvestmentKind kind);
/* "Estimated value of the mineral reserves", "Mineral exports", "Bilateral
 * trade", "Investment target", "Other figure", and "Kind not given" for
 * LODE_FIGURE_KIND_UNKNOWN. */
const char *lode_figure_kind_get_name     (LodeFigureKind     kind);

G_END_DECLS
