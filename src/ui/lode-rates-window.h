/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

/* The exchange rates of a portfolio: its list, with Add, Edit, Duplicate
 * and Delete, each one step of the portfolio's history. */
#define LODE_TYPE_RATES_WINDOW (lode_rates_window_get_type ())
G_DECLARE_FINAL_TYPE (LodeRatesWindow, lode_rates_window, LODE, RATES_WINDOW, AdwWindow)

LodeRatesWindow *lode_rates_window_new (LodePortfolio *portfolio);

G_END_DECLS
