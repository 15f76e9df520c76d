/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-chart-layer.h"

G_BEGIN_DECLS

/* The layer of the investments of each year as bars stacked by kind. */
#define LODE_TYPE_INVESTMENT_BY_YEAR_LAYER (lode_investment_by_year_layer_get_type ())
G_DECLARE_FINAL_TYPE (LodeInvestmentByYearLayer, lode_investment_by_year_layer, LODE, INVESTMENT_BY_YEAR_LAYER, LodeChartLayer)

G_END_DECLS
