/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-chart-layer.h"

G_BEGIN_DECLS

/* The layer of the investments of each investor country as bars stacked by kind. */
#define LODE_TYPE_INVESTMENT_BY_COUNTRY_LAYER (lode_investment_by_country_layer_get_type ())
G_DECLARE_FINAL_TYPE (LodeInvestmentByCountryLayer, lode_investment_by_country_layer, LODE, INVESTMENT_BY_COUNTRY_LAYER, LodeChartLayer)

G_END_DECLS
