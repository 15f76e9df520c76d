/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-chart-layer.h"

G_BEGIN_DECLS

/* The layer of the investment pipeline, announced to disbursed, as bars. */
#define LODE_TYPE_INVESTMENT_PIPELINE_LAYER (lode_investment_pipeline_layer_get_type ())
G_DECLARE_FINAL_TYPE (LodeInvestmentPipelineLayer, lode_investment_pipeline_layer, LODE, INVESTMENT_PIPELINE_LAYER, LodeChartLayer)

G_END_DECLS
